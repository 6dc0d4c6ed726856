"""Read documents to extract from: ``.txt`` files, PubMed XML files, or directories of both."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from her2mine.errors import InputError, ParseError
from her2mine.models import Document


def read_documents(path: str | Path) -> Iterator[Document]:
    """Documents in ``path``: a .txt file (title, blank line, abstract), a PubMed XML file, or a
    directory (all .txt/.xml inside, sorted by name)."""
    p = Path(path)
    if p.is_dir():
        for child in sorted(p.iterdir()):
            if child.is_file() and child.suffix.lower() in (".txt", ".xml"):
                yield from read_documents(child)
        return
    if not p.exists():
        raise InputError(f"{p}: no such file or directory")
    suffix = p.suffix.lower()
    if suffix == ".txt":
        yield read_text_document(p)
    elif suffix == ".xml":
        yield from read_pubmed_documents(p)
    else:
        raise InputError(f"{p}: unsupported input (expected .txt, PubMed .xml or a directory)")


def read_text_document(p: Path) -> Document:
    """The .txt file's text as Python reads it (UTF-8, universal newlines: a "\r\n" line end
    is read as "\n", so offsets count it as one character): unlike PubMed XML (``clean_text``),
    invisible characters (soft hyphens, zero-width spaces: "trastu\u00adzumab") are not dropped,
    since every offset the extraction reports must stay an offset into this text."""
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{p}: cannot read text file ({exc})") from exc
    title = text.split("\n", 1)[0].strip() or None
    return Document(id=p.stem, text=text, title=title)


def read_pubmed_documents(p: Path) -> Iterator[Document]:
    from her2mine.parse.pubmed_xml import parse_pubmed_xml

    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p}: cannot read file ({exc.strerror})") from exc
    try:
        works = parse_pubmed_xml(data, source=str(p))
    except ParseError:
        raise
    except Exception as exc:  # a parser bug must still name the file
        raise ParseError(f"cannot parse PubMed XML ({exc})", source=str(p)) from exc
    for w in works:
        doc_id = w.pmid or w.doi
        if not doc_id:
            continue
        title = w.title or ""
        yield Document(
            id=doc_id,
            text=title + "\n\n" + (w.abstract or ""),
            registry_ids=list(w.registry_ids),
            title=w.title,
        )
