"""Plain-text reviews and reference lists: find the reference section, split it into entries,
and find the review's own DOI.

A page saved as text holds much more than references: navigation, abstract, figure legends and,
after the list, page furniture ("Published", "How to Cite", "MeSH terms", "Cited by"...). Only
the lines between a references heading and the first furniture line are read as references.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from her2mine.ids import find_dois

_HEADING = re.compile(
    r"^[ \t]*(?:#{1,6}[ \t]*|\*\*)?(?:\d{1,2}\.?[ \t]+)?(?:references?(?:[ \t]+and[ \t]+notes)?|bibliography|"
    r"literature[ \t]+cited|works[ \t]+cited|cited[ \t]+literature|reference[ \t]+list)"
    r"[ \t]*:?(?:\*\*)?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
# Page furniture that follows a reference list on journal sites and PubMed.
_FURNITURE = re.compile(
    r"^(?:published|how to cite|cite this article|citations?|cited by|mesh terms|most read articles"
    r"|similar articles|related information|linkout|publication types|substances|grants and funding"
    r"|full text links|supplementary (?:material|information|data)|acknowledge?ments?|author information"
    r"|article information|copyright|comment in|erratum in|downloads?|metrics|article history"
    r"|keywords|figures|tables|appendix|funding|conflicts? of interest|competing interests"
    r"|about this article|rights and permissions|additional information|footnotes|notes"
    r"|license|views|share|related articles|recommended articles)\b|^<<",
    re.IGNORECASE,
)
_MAX_FURNITURE_LINE = 80
# Blocks in which a page states how to cite itself; the first DOI after the label is the review's.
_CITE_LABEL = re.compile(
    r"^[ \t]*(?:how to cite(?: this article)?|cite this article|cite as|to cite this article"
    r"|suggested citation|citation)\b[ \t]*:?",
    re.IGNORECASE | re.MULTILINE,
)
_CITE_BLOCK_CHARS = 1500
# Header lines like "doi: 10.1038/s41571-023-00849-9. Epub 2024 Jan 8." or "DOI: https://doi.org/..".
_HEADER_DOI_LABEL = re.compile(
    r"(?:\b(?:doi|DOI)\s*:?\s*(?:https?://(?:dx\.)?doi\.org/)?|^\s*https?://(?:dx\.)?doi\.org/)"
    r"(?=10\.)"
)
_MAX_HEADER_LINE = 250

# List markers: "1.", "[1]", "1)", and markdown/word-processor bullets.
_NUMBERED = re.compile(r"^[ \t]*(?:\[\d{1,4}\]|\d{1,4}[.)]|[-*•])[ \t]+(?=\S)")
_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d{2}(?!\d)")
_AUTHOR_START = re.compile(
    r"^(?:[A-ZÀ-Þ][\w'’\-‐ ]{0,40},\s*(?:[A-ZÀ-Þ]\.|[A-ZÀ-Þ][a-z]+)"  # APA: Family, G.
    r"|[A-ZÀ-Þ][\w'’\-‐]+(?:\s[A-ZÀ-Þ][\w'’\-‐]+)*\s[A-Z]{1,4}(?:,|\s+et al|\s*&|\.|\s))"  # Family AB
)
# "2001;344", "2021 Aug;22(8)", "2012 Jan 12;366": the year;volume part of Vancouver/AMA.
_VANCOUVER_SOURCE = re.compile(r"(?:1[89]|20)\d{2}(?:\s+[A-Z][a-z]{2,8}(?:\s+\d{1,2})?)?\s*;\s*\d")
_STARTS_WITH_DOI = re.compile(r"^(?:doi\s*:?\s*|https?://(?:dx\.)?doi\.org/)?10\.\d{4}", re.I)
# PubMed page links after each reference ("- DOI - PMC - PubMed").
_LINK_TAIL = re.compile(
    r"(?:\s*-\s*(?:DOI|PubMed|PMC|Free PMC article|Free article|Google Scholar|CrossRef|Abstract"
    r"|Full text|Article))+\s*$",
    re.IGNORECASE,
)


@dataclass
class Section:
    body: str  # the reference list itself
    outside: str  # everything else (header + trailer), searched for the review's own DOI
    header: str
    has_heading: bool


def find_section(text: str) -> Section:
    """Locate the reference list: after the last usable heading, up to the first furniture line."""
    headings = list(_HEADING.finditer(text))
    chosen: tuple[int, int] | None = None
    # Several headings ("References" in a table of contents...): take the last one with entries.
    for h in reversed(headings):
        start = h.end()
        end = _furniture_start(text, start)
        if split_entries(text[start:end]):
            chosen = (h.start(), start)
            break
    if chosen is None and headings:
        chosen = (headings[-1].start(), headings[-1].end())
    if chosen is None:
        end = _furniture_start(text, 0)
        return Section(body=text[:end], outside=text[end:], header="", has_heading=False)
    head_start, body_start = chosen
    end = _furniture_start(text, body_start)
    return Section(
        body=text[body_start:end],
        outside=text[:head_start] + "\n" + text[end:],
        header=text[:head_start],
        has_heading=True,
    )


def _furniture_start(text: str, start: int) -> int:
    pos = start
    for line in text[start:].splitlines(keepends=True):
        stripped = line.strip()
        if (
            stripped
            and len(stripped) <= _MAX_FURNITURE_LINE
            and _FURNITURE.match(stripped)
            and not find_dois(stripped)
        ):
            return pos
        pos += len(line)
    return len(text)


def find_source_doi(section: Section) -> str | None:
    """The citing work's own DOI: a "How to Cite" block first, else a labelled header line."""
    for m in _CITE_LABEL.finditer(section.outside):
        block = section.outside[m.end() : m.end() + _CITE_BLOCK_CHARS]
        found = find_dois(block)
        if found:
            return found[0][0]
    # Only the header (before the list): DOIs after the list belong to "Cited by" and the like.
    header = section.header if section.has_heading else ""
    for line in header.splitlines():
        if len(line) > _MAX_HEADER_LINE:
            continue
        for m in _HEADER_DOI_LABEL.finditer(line):
            before = line[: m.start()]
            # "(Slamon 2001; doi:10...)" in prose is a citation, not the page's own DOI.
            if before.count("(") == before.count(")"):
                found = find_dois(line[m.end() :])
                if found:
                    return found[0][0]
    return None


def split_entries(body: str, *, strict: bool = False) -> list[str]:
    """Split a reference list into entry strings (list numbers and PubMed link tails removed).

    ``strict`` (used when no references heading was found, so prose may be mixed in): an
    unnumbered paragraph must also start like a reference (an author name or a DOI).
    """
    lines = body.splitlines()
    numbered = [bool(_NUMBERED.match(line)) for line in lines]
    entries: list[str] = []
    if any(numbered):
        current: list[str] | None = None
        for line, is_num in zip(lines, numbered, strict=True):
            if is_num:
                if current:
                    entries.append(" ".join(current))
                current = [_NUMBERED.sub("", line, count=1)]
            elif current is not None and line.strip():
                current.append(line.strip())
        if current:
            entries.append(" ".join(current))
    else:
        for para in re.split(r"\n[ \t]*\n", body):
            entries.extend(_split_paragraph(para))
    cleaned = (_LINK_TAIL.sub("", " ".join(e.split())).strip() for e in entries)
    # "#" lines are comments or markdown headings, never references.
    out = [e for e in cleaned if not e.startswith("#") and looks_like_reference(e)]
    if strict and not any(numbered):
        out = [e for e in out if _AUTHOR_START.match(e) or _STARTS_WITH_DOI.match(e)]
    return out


def _split_paragraph(para: str) -> list[str]:
    """One entry per paragraph, unless several lines each start like a reference."""
    out: list[list[str]] = []
    for line in (ln.strip() for ln in para.splitlines()):
        if not line:
            continue
        prev_done = bool(out) and bool(re.search(r"[.)\]]$|\d$", out[-1][-1]))
        if not out or (prev_done and _AUTHOR_START.match(line)):
            out.append([line])
        else:
            out[-1].append(line)
    return [" ".join(parts) for parts in out]


def looks_like_reference(entry: str) -> bool:
    """Cheap filter so headings, page numbers and body prose are not taken for references."""
    if len(entry) < 20 or len(entry) > 3000:
        return False
    if find_dois(entry):
        return True
    if not _YEAR.search(entry):
        return False
    return bool(_AUTHOR_START.match(entry)) or bool(_VANCOUVER_SOURCE.search(entry))
