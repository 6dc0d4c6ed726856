"""Public entry points: detect a reference file's format and parse it into ``Reference`` records."""

from __future__ import annotations

import re
from pathlib import Path

from her2mine.errors import InputError, ParseError
from her2mine.models import Reference
from her2mine.refs import bibtex, doilist, ris
from her2mine.refs.citation import parse_citation
from her2mine.refs.dedupe import dedupe
from her2mine.refs.review import find_section, find_source_doi, split_entries

FORMATS: tuple[str, ...] = ("text", "bibtex", "ris", "doi-list")
_FORMAT_ALIASES = {
    "txt": "text",
    "review": "text",
    "vancouver": "text",
    "ama": "text",
    "apa": "text",
    "bib": "bibtex",
    "doi": "doi-list",
    "doilist": "doi-list",
    "dois": "doi-list",
}
_EXTENSIONS = {".bib": "bibtex", ".bibtex": "bibtex", ".ris": "ris"}
_BIBTEX_ENTRY = re.compile(r"^\s*@\s*[A-Za-z]+\s*[{(]\s*[^\s,]*\s*,", re.MULTILINE)


def detect_format(text: str, filename: str | Path | None = None) -> str:
    """Return one of :data:`FORMATS` for ``text``; raise ParseError if none fits.

    Content signatures win over the file extension (an exported ``.txt`` may hold RIS).
    """
    name = str(filename) if filename is not None else None
    if "\x00" in text:
        raise ParseError("binary file, not a reference list", source=name)
    if not text.strip():
        raise ParseError("empty input, no references", source=name)
    if ris.has_ris_tags(text):
        return "ris"
    if _BIBTEX_ENTRY.search(text):
        return "bibtex"
    if doilist.looks_like_doi_list(text):
        return "doi-list"
    section = find_section(text)
    if split_entries(section.body, strict=not section.has_heading):
        return "text"
    if name and Path(name).suffix.lower() in _EXTENSIONS:
        return _EXTENSIONS[Path(name).suffix.lower()]
    raise ParseError(
        "unrecognised format: no reference list, BibTeX, RIS or DOI list found", source=name
    )


def normalize_format(fmt: str) -> str:
    key = fmt.strip().lower()
    key = _FORMAT_ALIASES.get(key, key)
    if key not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return key


def parse_text(text: str, *, source: str = "<text>", format: str | None = None) -> list[Reference]:
    """Parse a reference list (or a whole review) into de-duplicated ``Reference`` records.

    ``format`` forces one of :data:`FORMATS`; by default it is detected. Raises ParseError
    (naming ``source``) when no reference can be read.
    """
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    fmt = normalize_format(format) if format else detect_format(text, source)
    if fmt == "text":
        refs = _from_review(text, source)
    elif fmt == "bibtex":
        refs = _from_bibtex(text, source)
    elif fmt == "ris":
        refs = _from_ris(text, source)
    else:
        refs = _from_doi_list(text, source)
    if not refs:
        raise ParseError(f"no references found (format {fmt})", source=source)
    return dedupe(refs)


def parse_file(path: str | Path, *, format: str | None = None) -> list[Reference]:
    """Read ``path`` and parse it with :func:`parse_text` (``source`` is the path as given)."""
    return parse_text(read_text(path), source=str(path), format=format)


def read_text(path: str | Path) -> str:
    """Read a text file as UTF-8 (falling back to Windows-1252); errors name the file."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: file not found") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read file ({exc.strerror or exc})") from None
    if b"\x00" in data:
        raise ParseError("binary file, not a reference list", source=str(path))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _from_review(text: str, source: str) -> list[Reference]:
    section = find_section(text)
    own = find_source_doi(section)
    refs: list[Reference] = []
    for raw in split_entries(section.body, strict=not section.has_heading):
        c = parse_citation(raw)
        if own and c.doi == own:  # the page's own citation block is not a cited work
            continue
        refs.append(
            Reference(
                source=source,
                source_doi=own,
                index=len(refs) + 1,
                raw=raw,
                doi=c.doi,
                authors=c.authors,
                year=c.year,
                title=c.title,
                journal=c.journal,
            )
        )
    return refs


def _from_bibtex(text: str, source: str) -> list[Reference]:
    refs = []
    for i, e in enumerate(bibtex.read_entries(text, source=source), start=1):
        f = e.fields
        refs.append(
            Reference(
                source=source,
                source_doi=None,
                index=i,
                raw=e.raw,
                doi=bibtex.entry_doi(f),
                authors=bibtex.entry_authors(f),
                year=bibtex.entry_year(f),
                title=f.get("title") or None,
                journal=f.get("journal") or f.get("journaltitle") or f.get("booktitle") or None,
            )
        )
    return refs


def _from_ris(text: str, source: str) -> list[Reference]:
    return [
        Reference(
            source=source,
            source_doi=None,
            index=i,
            raw=e.raw,
            doi=ris.entry_doi(e),
            authors=ris.entry_authors(e),
            year=ris.entry_year(e),
            title=ris.entry_title(e),
            journal=ris.entry_journal(e),
        )
        for i, e in enumerate(ris.read_entries(text), start=1)
    ]


def _from_doi_list(text: str, source: str) -> list[Reference]:
    own = doilist.source_doi(text)
    return [
        Reference(source=source, source_doi=own, index=i, raw=line.raw, doi=line.doi)
        for i, line in enumerate(doilist.read_lines(text, source=source), start=1)
    ]
