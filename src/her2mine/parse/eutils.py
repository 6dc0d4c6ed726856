"""ESearch, ESummary and ELink XML -> small dataclasses / dicts.

These documents are shallow and their DTDs are not all bundled with Biopython (ESummary v2's
``eSummary_pubmed.dtd`` is not), so they are read with the standard library's ElementTree, which
never fetches DTDs or external entities.

E-utilities report failures with HTTP 200: a whole-request ``<ERROR>`` element (-> ``ServiceError``)
or, for ESearch, an ``ErrorList``/``WarningList`` next to ``Count`` 0 (-> result with ``errors``).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any
from xml.etree import ElementTree as ET

from her2mine.errors import ParseError, ServiceError


@dataclass
class ESearchResult:
    count: int
    ids: list[str] = field(default_factory=list)
    retmax: int | None = None
    retstart: int | None = None
    webenv: str | None = None
    query_key: str | None = None
    errors: list[str] = field(default_factory=list)  # "PhraseNotFound: abcXYZ"
    warnings: list[str] = field(default_factory=list)  # "OutputMessage: No items found."
    query_translation: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class LinkSet:
    """One ELink LinkSet: the input ids and, per link name, the linked ids (or provider URLs)."""

    dbfrom: str | None
    ids: list[str] = field(default_factory=list)
    links: list[tuple[str, list[str]]] = field(default_factory=list)  # (linkname, [ids])
    urls: list[str] = field(default_factory=list)  # cmd=prlinks/llinks: IdUrlList ObjUrl/Url
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _root(data: bytes | str, source: str) -> ET.Element:
    if isinstance(data, str):
        data = data.encode("utf-8")
    if not data or not data.strip():
        raise ParseError("empty response", source=source)
    try:
        return ET.fromstring(data)
    except ET.ParseError as e:
        raise ParseError(f"malformed XML: {e}", source=source) from None


def _text(el: ET.Element | None) -> str | None:
    if el is None:
        return None
    s = "".join(el.itertext()).strip()
    return s or None


def _int(el: ET.Element | None) -> int | None:
    s = _text(el)
    try:
        return int(s) if s is not None else None
    except ValueError:
        return None


def _raise_on_error(root: ET.Element, source: str) -> None:
    """A top-level <ERROR> means the whole request failed."""
    err = root if root.tag == "ERROR" else root.find("ERROR")
    if err is not None:
        raise ServiceError(f"{source}: {_text(err) or 'unspecified error'}")


def _messages(parent: ET.Element | None) -> list[str]:
    if parent is None:
        return []
    return [f"{child.tag}: {_text(child) or ''}".rstrip(": ") for child in parent]


# --- ESearch ---------------------------------------------------------------------------------


def parse_esearch(data: bytes) -> ESearchResult:
    """Parse an ESearch ``eSearchResult``; ``<ERROR>`` raises ``ServiceError``."""
    root = _root(data, "esearch")
    if root.tag != "eSearchResult":
        _raise_on_error(root, "esearch")
        raise ParseError(f"unexpected root <{root.tag}>, expected eSearchResult", source="esearch")
    errors = _messages(root.find("ErrorList"))
    ids = [t for t in (_text(i) for i in root.findall("IdList/Id")) if t]
    if root.find("ERROR") is not None:
        if not ids:  # whole request failed (bad db, backend failure...)
            _raise_on_error(root, "esearch")
        errors.append(f"ERROR: {_text(root.find('ERROR'))}")
    count = _int(root.find("Count"))
    if count is None:
        if not errors:
            raise ParseError("eSearchResult has no Count", source="esearch")
        count = 0
    return ESearchResult(
        count=count,
        ids=ids,
        retmax=_int(root.find("RetMax")),
        retstart=_int(root.find("RetStart")),
        webenv=_text(root.find("WebEnv")),
        query_key=_text(root.find("QueryKey")),
        errors=errors,
        warnings=_messages(root.find("WarningList")),
        query_translation=_text(root.find("QueryTranslation")),
    )


# --- ESummary --------------------------------------------------------------------------------

_PMCID = re.compile(r"PMC\d+")
_UID_IN_ERROR = re.compile(r"UID=(\d+)")


def parse_esummary(data: bytes) -> list[dict[str, Any]]:
    """Parse ESummary v1 (``DocSum/Item``) or v2.0 (``DocumentSummarySet``) into plain dicts.

    Each dict has ``uid``, ``title``, ``pubdate``, ``epubdate``, ``source``, ``fulljournalname``,
    ``authors``, ``volume``, ``issue``, ``pages``, ``pubtypes``, ``articleids`` (IdType -> value),
    ``doi`` and ``pmcid`` (None when absent), and ``error`` (per-document error text or None).
    """
    root = _root(data, "esummary")
    docs: list[dict[str, Any]] = []
    summary_set = root.find("DocumentSummarySet")
    if summary_set is not None:
        docs = [_docsum_v2(d) for d in summary_set.findall("DocumentSummary")]
    else:
        docs = [_docsum_v1(d) for d in root.findall("DocSum")]
    err = root.find("ERROR")
    if err is not None or root.tag == "ERROR":
        if not docs:
            _raise_on_error(root, "esummary")
        # Partial failure (some ids unknown): keep what came back, record the failed uid.
        m = _UID_IN_ERROR.search(_text(err) or "")
        if m:
            docs.append(_empty_doc(m.group(1), error=_text(err)))
    if root.tag not in ("eSummaryResult", "ERROR"):
        raise ParseError(
            f"unexpected root <{root.tag}>, expected eSummaryResult", source="esummary"
        )
    return docs


def _empty_doc(uid: str | None, error: str | None = None) -> dict[str, Any]:
    return {
        "uid": uid,
        "title": None,
        "pubdate": None,
        "epubdate": None,
        "source": None,
        "fulljournalname": None,
        "authors": [],
        "volume": None,
        "issue": None,
        "pages": None,
        "pubtypes": [],
        "articleids": {},
        "doi": None,
        "pmcid": None,
        "error": error,
    }


def _finish_doc(doc: dict[str, Any]) -> dict[str, Any]:
    ids = doc["articleids"]
    doi = ids.get("doi") or doc.get("doi")
    doc["doi"] = doi.strip().lower() if doi else None
    pmcid = ids.get("pmc") or ids.get("pmcid") or ""
    m = _PMCID.search(pmcid)  # v2's "pmcid" value reads "pmc-id: PMC3245039;"
    doc["pmcid"] = m.group(0) if m else None
    return doc


def _docsum_v1(el: ET.Element) -> dict[str, Any]:
    doc = _empty_doc(_text(el.find("Id")))
    items = {item.get("Name"): item for item in el.findall("Item")}

    def item(name: str) -> str | None:
        return _text(items.get(name))

    doc.update(
        title=item("Title"),
        pubdate=item("PubDate"),
        epubdate=item("EPubDate"),
        source=item("Source"),
        fulljournalname=item("FullJournalName"),
        volume=item("Volume"),
        issue=item("Issue"),
        pages=item("Pages"),
        doi=item("DOI"),
    )
    if "AuthorList" in items:
        doc["authors"] = [t for t in (_text(a) for a in items["AuthorList"]) if t]
    if "PubTypeList" in items:
        doc["pubtypes"] = [t for t in (_text(a) for a in items["PubTypeList"]) if t]
    if "ArticleIds" in items:
        doc["articleids"] = {
            a.get("Name"): _text(a) for a in items["ArticleIds"] if a.get("Name") and _text(a)
        }
    return _finish_doc(doc)


def _docsum_v2(el: ET.Element) -> dict[str, Any]:
    doc = _empty_doc(el.get("uid"), error=_text(el.find("error")))
    doc.update(
        title=_text(el.find("Title")),
        pubdate=_text(el.find("PubDate")),
        epubdate=_text(el.find("EPubDate")),
        source=_text(el.find("Source")),
        fulljournalname=_text(el.find("FullJournalName")),
        volume=_text(el.find("Volume")),
        issue=_text(el.find("Issue")),
        pages=_text(el.find("Pages")),
        authors=[t for t in (_text(a) for a in el.findall("Authors/Author/Name")) if t],
        pubtypes=[t for t in (_text(f) for f in el.findall("PubType/flag")) if t],
    )
    ids: dict[str, str] = {}
    for art_id in el.findall("ArticleIds/ArticleId"):
        kind, value = _text(art_id.find("IdType")), _text(art_id.find("Value"))
        if kind and value:
            ids.setdefault(kind, value)
    doc["articleids"] = ids
    return _finish_doc(doc)


# --- ELink -----------------------------------------------------------------------------------


def parse_elink(data: bytes) -> list[LinkSet]:
    """Parse ``eLinkResult``: one ``LinkSet`` per LinkSet element (ids comma-joined in one ``id=``
    parameter arrive merged into a single LinkSet)."""
    root = _root(data, "elink")
    if root.tag != "eLinkResult":
        _raise_on_error(root, "elink")
        raise ParseError(f"unexpected root <{root.tag}>, expected eLinkResult", source="elink")
    linksets = root.findall("LinkSet")
    if not linksets:
        _raise_on_error(root, "elink")
    out = []
    for ls in linksets:
        ids = [t for t in (_text(i) for i in ls.findall("IdList/Id")) if t]
        urls: list[str] = []
        for url_set in ls.findall("IdUrlList/IdUrlSet"):
            set_id = _text(url_set.find("Id"))
            if set_id and set_id not in ids:
                ids.append(set_id)
            urls.extend(t for t in (_text(u) for u in url_set.findall("ObjUrl/Url")) if t)
        links = [
            (
                _text(db.find("LinkName")) or _text(db.find("DbTo")) or "",
                [t for t in (_text(i) for i in db.findall("Link/Id")) if t],
            )
            for db in ls.findall("LinkSetDb")
        ]
        out.append(
            LinkSet(
                dbfrom=_text(ls.find("DbFrom")),
                ids=ids,
                links=links,
                urls=urls,
                error=_text(ls.find("ERROR")),
            )
        )
    return out
