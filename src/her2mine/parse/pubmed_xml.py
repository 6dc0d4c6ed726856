"""PubMed EFetch XML (``db=pubmed&retmode=xml``) -> ``Work`` records.

Parsed with Biopython's ``Bio.Entrez`` DataHandler, which turns the DTD-described XML into lists
and dicts. Two deliberate deviations from ``Bio.Entrez.read``:

* DTDs are only ever read from local files (Biopython ships them). Biopython would otherwise
  download a DTD it lacks, and it rejects the ``http://`` DTD URLs of older captures outright.
  An unknown ``pubmed_YYMMDD.dtd`` falls back to the newest bundled PubMed DTD (they only grow).
* ``escape=True`` keeps inline markup as tags with the text escaped, so ``clean_markup`` can strip
  ``<i>``/MathML unambiguously (with ``escape=False`` "P &lt; 0.001" would become "P < 0.001" next
  to real tags).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from io import BytesIO
from typing import Any
from xml.etree import ElementTree as ET

from Bio.Entrez.Parser import CorruptedXMLError, DataHandler, NotXMLError, ValidationError

from her2mine.errors import ParseError, ServiceError
from her2mine.models import AbstractSection, Correction, Work
from her2mine.parse.text import (
    clean_markup,
    clean_text,
    clean_vernacular_text,
    sections_to_text,
)

SOURCE = "pubmed"

# CommentsCorrections RefTypes that change the standing of a record; CommentOn/Cites etc. do not.
CORRECTION_PREFIXES = (
    "Erratum",
    "Retraction",
    "Update",
    "ExpressionOfConcern",
    "Republished",
    "PartialRetraction",
)

_DEFAULT_PROLOG = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" '
    b'"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n'
)
_XML_DECL = re.compile(rb"^\s*(?:\xef\xbb\xbf)?<\?xml[^>]*\?>\s*")
_ROOT = re.compile(rb"<([A-Za-z][\w.-]*)[\s>/]")
_RECORD_START = re.compile(rb"<(PubmedArticle|PubmedBookArticle)[\s>]")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d|21\d\d)\b")
_PUBMED_DTD = re.compile(r"^pubmed_\d{6}\.dtd$")
_DOI_IN_TEXT = re.compile(r"\bdoi:\s*(10\.\d{4,9}/\S+)", re.I)


class _MissingDTD(Exception):
    pass


class _OfflineDataHandler(DataHandler):
    """Biopython's handler, restricted to local DTDs (never touches the network)."""

    def externalEntityRefHandler(self, context, base, systemId, publicId):  # noqa: N802, N803
        filename = os.path.basename(systemId or "")
        handle = self.open_dtd_file(filename)
        if handle is None and _PUBMED_DTD.match(filename):
            handle = self.open_dtd_file(_newest_pubmed_dtd())
        if handle is None:
            raise _MissingDTD(filename)
        try:
            parser = self.parser.ExternalEntityParserCreate(context)
            parser.ElementDeclHandler = self.elementDecl
            parser.ParseFile(handle)
        finally:
            handle.close()
        self.parser.StartElementHandler = self.startElementHandler
        return 1


def _newest_pubmed_dtd() -> str:
    names = [n for n in os.listdir(DataHandler.global_dtd_dir) if _PUBMED_DTD.match(n)]
    return max(names) if names else "pubmed_250101.dtd"


def _root_name(data: bytes) -> str | None:
    """Name of the document element, skipping the prolog (declaration, DOCTYPE, comments)."""
    head = data[:65536]  # the root element starts within the prolog
    body = re.sub(rb"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>", b"", head, flags=re.S)
    m = _ROOT.search(body)
    return m.group(1).decode("ascii", "replace") if m else None


def _with_prolog(data: bytes) -> bytes:
    """Biopython needs a DOCTYPE to know the structure; synthetic responses may lack one."""
    if b"<!DOCTYPE" in data[:2000]:
        return data
    return _DEFAULT_PROLOG + _XML_DECL.sub(b"", data, count=1)


def _read(data: bytes, source: str) -> Mapping[str, Any]:
    handler = _OfflineDataHandler(validate=False, escape=True, ignore_errors=False)
    try:
        return handler.read(BytesIO(data))
    except _MissingDTD as e:
        raise ParseError(f"DTD {e} is not available locally", source=source) from None
    except (CorruptedXMLError, NotXMLError, ValidationError) as e:
        raise ParseError(f"malformed PubMed XML: {e}", source=source) from None
    except RuntimeError as e:  # Biopython raises the text of an <ERROR> element this way
        raise ServiceError(f"{source}: {e}") from None
    except ValueError as e:
        raise ParseError(f"cannot parse PubMed XML: {e}", source=source) from None


def _service_error(data: bytes, source: str) -> None:
    """eFetchResult/<ERROR> (e.g. "Empty id list") -> ServiceError; anything else -> ParseError."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as e:
        raise ParseError(f"malformed XML: {e}", source=source) from None
    err = root if root.tag == "ERROR" else root.find("ERROR")
    if err is not None:
        raise ServiceError(f"{source}: {(err.text or '').strip() or 'error'}")
    raise ParseError(
        f"unexpected root element <{root.tag}>, expected PubmedArticleSet", source=source
    )


def parse_pubmed_xml(data: bytes, *, source: str = "efetch") -> list[Work]:
    """Parse an EFetch PubMed XML document; one ``Work`` per PubmedArticle/PubmedBookArticle.

    Raises ``ParseError(source=...)`` for truncated or malformed XML and ``ServiceError`` when the
    body is an E-utilities ``<ERROR>`` document.
    """
    if isinstance(data, str):
        data = data.encode("utf-8")
    root = _root_name(data)
    if root is None:
        raise ParseError("empty or non-XML response", source=source)
    if root != "PubmedArticleSet":
        _service_error(data, source)
    record = _read(_with_prolog(data), source)
    if isinstance(record, Mapping):
        # Current DTDs group records by kind: {"PubmedArticle": [...], "PubmedBookArticle": [...]};
        # interleave them back into document order.
        queues = {
            b"PubmedArticle": list(record.get("PubmedArticle", [])),
            b"PubmedBookArticle": list(record.get("PubmedBookArticle", [])),
        }
        items = [
            queues[m.group(1)].pop(0) for m in _RECORD_START.finditer(data) if queues[m.group(1)]
        ]
        items += queues[b"PubmedArticle"] + queues[b"PubmedBookArticle"]
    else:
        items = list(record)  # older DTDs (e.g. pubmed_130101) give a plain list of articles
    works: list[Work] = []
    for item in items:
        if "BookDocument" in item:
            works.append(_book(item))
        elif "MedlineCitation" in item:
            works.append(_article(item))
    return works


# --- PubmedArticle ---------------------------------------------------------------------------


def _article(article: Mapping[str, Any]) -> Work:
    mc = article.get("MedlineCitation", {})
    art = mc.get("Article", {})
    journal = art.get("Journal", {})
    ids = _article_ids(article.get("PubmedData", {}).get("ArticleIdList", []))

    sections = _sections(art.get("Abstract", {}).get("AbstractText", []))
    work = Work(
        pmid=_text(mc.get("PMID")) or ids.get("pubmed"),
        doi=_doi(ids.get("doi")) or _elocation_doi(art.get("ELocationID", [])),
        pmcid=ids.get("pmc"),
        title=clean_text(art.get("ArticleTitle"))
        or clean_vernacular_text(art.get("VernacularTitle")),
        abstract=sections_to_text(sections),
        abstract_sections=sections,
        journal=clean_markup(journal.get("Title")),
        journal_abbrev=clean_markup(journal.get("ISOAbbreviation")),
        year=_pubdate_year(journal.get("JournalIssue", {}).get("PubDate", {}))
        or _first_year(art.get("ArticleDate", [])),
        authors=_authors([art.get("AuthorList", [])]),
        publication_types=[clean_markup(t) for t in art.get("PublicationTypeList", [])],
        mesh=[clean_markup(h.get("DescriptorName")) for h in mc.get("MeshHeadingList", [])],
        keywords=_keywords(mc.get("KeywordList", [])),
        registry_ids=_registry_ids(art.get("DataBankList", [])),
        corrections=_corrections(mc.get("CommentsCorrectionsList", [])),
    )
    return _finish(work)


# --- PubmedBookArticle -----------------------------------------------------------------------


def _book(book_article: Mapping[str, Any]) -> Work:
    doc = book_article.get("BookDocument", {})
    book = doc.get("Book", {})
    ids = _article_ids(book_article.get("PubmedBookData", {}).get("ArticleIdList", []))
    ids = {**_article_ids(doc.get("ArticleIdList", [])), **ids}

    # (each title cleaned once, invisible characters dropped: the book's title is also the
    # chapter's journal)
    chapter = clean_text(doc.get("ArticleTitle"))
    book_title = clean_text(book.get("BookTitle"))
    sections = _sections(doc.get("Abstract", {}).get("AbstractText", []))
    work = Work(
        pmid=_text(doc.get("PMID")) or ids.get("pubmed"),
        doi=_doi(ids.get("doi")) or _elocation_doi(book.get("ELocationID", [])),
        pmcid=ids.get("pmc"),
        title=chapter or book_title or clean_vernacular_text(doc.get("VernacularTitle")),
        abstract=sections_to_text(sections),
        abstract_sections=sections,
        # A chapter's "container" is its book (GeneReviews...); a whole book has none.
        journal=book_title if chapter else None,
        year=_pubdate_year(book.get("PubDate", {})),
        # Chapter authors first; book editors only when the chapter names nobody.
        authors=_authors(doc.get("AuthorList", []), skip_editors=True)
        or _authors(book.get("AuthorList", []), skip_editors=True),
        publication_types=[clean_markup(t) for t in doc.get("PublicationType", [])],
        keywords=_keywords(doc.get("KeywordList", [])),
        corrections=_corrections(doc.get("CommentsCorrectionsList", [])),
    )
    return _finish(work)


# --- field helpers ---------------------------------------------------------------------------


def _text(value: Any) -> str | None:
    if value is None:
        return None
    s = str(value).strip()
    return s or None


def _attr(value: Any, name: str) -> str | None:
    return getattr(value, "attributes", {}).get(name)


def _article_ids(items: Iterable[Any]) -> dict[str, str]:
    """IdType -> value, first occurrence wins (only the record's own ArticleIdList is passed)."""
    out: dict[str, str] = {}
    for item in items:
        kind = _attr(item, "IdType")
        value = _text(item)
        if kind and value and kind not in out:
            out[kind] = value
    return out


def _doi(value: str | None) -> str | None:
    if not value:
        return None
    return value.strip().lower() or None


def _elocation_doi(items: Iterable[Any]) -> str | None:
    for item in items:
        if _attr(item, "EIdType") == "doi" and _attr(item, "ValidYN") != "N":
            return _doi(_text(item))
    return None


def _sections(items: Iterable[Any]) -> list[AbstractSection]:
    sections = []
    for item in items:
        text = clean_text(item)
        if not text:  # e.g. an empty <AbstractText/> before the real one
            continue
        label = clean_text(_attr(item, "Label")) or None
        sections.append(
            AbstractSection(label=label, category=_attr(item, "NlmCategory"), text=text)
        )
    return sections


def _pubdate_year(pubdate: Mapping[str, Any]) -> int | None:
    """PubDate Year; else the first year in MedlineDate ("1978 Jul-Sep", "1998 Dec-1999 Jan")."""
    for key in ("Year", "MedlineDate"):
        m = _YEAR.search(str(pubdate.get(key, "")))
        if m:
            return int(m.group(1))
    return None


def _first_year(dates: Iterable[Mapping[str, Any]]) -> int | None:
    for d in dates:
        year = _pubdate_year(d)
        if year:
            return year
    return None


def _authors(author_lists: Iterable[Any], *, skip_editors: bool = False) -> list[str]:
    """'Family Initials' (or CollectiveName) strings; names PubMed flags ValidYN="N" are dropped."""
    out: list[str] = []
    for author_list in author_lists:
        if skip_editors and _attr(author_list, "Type") == "editors":
            continue
        for author in author_list:
            if _attr(author, "ValidYN") == "N":
                continue
            collective = clean_markup(author.get("CollectiveName"))
            if collective:
                out.append(collective)
                continue
            last = clean_markup(author.get("LastName"))
            initials = clean_markup(author.get("Initials")) or _initials(author.get("ForeName"))
            if last:
                out.append(f"{last} {initials}".strip())
    return out


def _initials(forename: Any) -> str:
    return "".join(part[0] for part in clean_markup(forename).replace("-", " ").split() if part)


def _keywords(keyword_lists: Iterable[Iterable[Any]]) -> list[str]:
    seen: dict[str, None] = {}
    for kl in keyword_lists:
        for kw in kl:
            text = clean_markup(kw)
            if text:
                seen.setdefault(text, None)
    return list(seen)


def _registry_ids(databanks: Iterable[Mapping[str, Any]]) -> list[str]:
    """DataBankList accession numbers (ClinicalTrials.gov NCT..., ISRCTN..., GenBank...)."""
    seen: dict[str, None] = {}
    for bank in databanks:
        for acc in bank.get("AccessionNumberList", []):
            text = _text(acc)
            if text:
                seen.setdefault(text, None)
    return list(seen)


def _corrections(items: Iterable[Any]) -> list[Correction]:
    out = []
    for item in items:
        ref_type = _attr(item, "RefType") or ""
        if not ref_type.startswith(CORRECTION_PREFIXES):
            continue
        note = clean_markup(item.get("RefSource")) or None
        m = _DOI_IN_TEXT.search(note or "")
        doi = m.group(1).rstrip(".;,").lower() if m else None
        out.append(
            Correction(
                type=ref_type, pmid=_text(item.get("PMID")), doi=doi, note=note, source=SOURCE
            )
        )
    return out


def _finish(work: Work) -> Work:
    """Normalise empty strings to None and record provenance of every filled field."""
    for name in ("title", "abstract", "journal", "journal_abbrev", "doi", "pmcid", "pmid"):
        if getattr(work, name) == "":
            setattr(work, name, None)
    work.sources = {
        name: SOURCE
        for name in (
            "pmid", "doi", "pmcid", "title", "abstract", "abstract_sections", "journal",
            "journal_abbrev", "year", "authors", "publication_types", "mesh", "keywords",
            "registry_ids", "corrections",
        )
        if getattr(work, name) not in (None, "", [])
    }  # fmt: skip
    return work
