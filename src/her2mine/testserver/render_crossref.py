"""Render corpus works as Crossref REST API ``/works`` JSON (envelope + work message)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from her2mine.testserver.corpus import NOTICE_FOR, NOTICE_IN, Corpus, CorpusWork

CT_REGISTRY = "10.18810/clinical-trials-gov"
LABELS = {
    "correction": "Correction",
    "retraction": "Retraction",
    "new_version": "New version",
    "expression_of_concern": "Expression of concern",
}


def _date_parts(d: dt.date, parts: int = 3) -> dict[str, Any]:
    return {"date-parts": [[d.year, d.month, d.day][:parts]]}


def _stamp(d: dt.date) -> dict[str, Any]:
    t = dt.datetime(d.year, d.month, d.day, tzinfo=dt.UTC)
    return {
        "date-parts": [[d.year, d.month, d.day]],
        "date-time": t.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "timestamp": int(t.timestamp() * 1000),
    }


def _issued(w: CorpusWork) -> dict[str, Any]:
    parts = [w.year] + ([w.month] if w.month else []) + ([w.day] if w.month and w.day else [])
    return {"date-parts": [parts]}


def jats_abstract(w: CorpusWork) -> str | None:
    """The abstract as a JATS string, structured sections as ``<jats:sec>``."""
    if not w.abstract:
        return None
    from html import escape

    if len(w.abstract) == 1 and not w.abstract[0].label:
        return f"<jats:p>{escape(w.abstract[0].text, quote=False)}</jats:p>"
    out = []
    for s in w.abstract:
        title = f"<jats:title>{escape(s.label.title())}</jats:title>" if s.label else ""
        out.append(f"<jats:sec>{title}<jats:p>{escape(s.text, quote=False)}</jats:p></jats:sec>")
    return "".join(out)


def _relations(w: CorpusWork, corpus: Corpus | None) -> tuple[list, list]:
    """``updated-by`` (on originals) and ``update-to`` (on notices) from CommentsCorrections."""
    updated_by, update_to = [], []
    for c in w.corrections:
        kind = NOTICE_IN.get(c.type) or NOTICE_FOR.get(c.type)
        if not kind or not c.doi:
            continue
        other = corpus.by_doi(c.doi) if corpus is not None else None
        when = (
            other.pub_date
            if other is not None and c.type in NOTICE_IN
            else w.pub_date
            if c.type in NOTICE_FOR
            else w.mdat_date
        )
        entry = {
            "DOI": c.doi,
            "type": kind,
            "label": LABELS[kind],
            "source": "publisher",
            "updated": _stamp(when),
        }
        (updated_by if c.type in NOTICE_IN else update_to).append(entry)
    return updated_by, update_to


def work_message(
    w: CorpusWork, corpus: Corpus | None = None, *, score: float | None = 1.0
) -> dict[str, Any]:
    """The ``message`` object of ``/works/{doi}`` for one work (key order like real output)."""
    indexed = _stamp(w.mdat_date)
    m: dict[str, Any] = {
        "indexed": {**indexed, "version": "3.54.1"},
        "reference-count": 0,
        "publisher": w.publisher,
    }
    if w.issue:
        m["issue"] = w.issue
    m["content-domain"] = {"domain": [], "crossmark-restriction": False}
    if w.journal_abbrev:
        m["short-container-title"] = [w.journal_abbrev]
    abstract = jats_abstract(w)
    if abstract:
        m["abstract"] = abstract
    m.update({"DOI": w.doi, "type": w.crossref_type, "created": _stamp(w.edat_date)})
    if w.pages:
        m["page"] = w.pages
    m.update(
        {
            "source": "Crossref",
            "is-referenced-by-count": 0,
            "title": [w.title],
            "prefix": (w.doi or "").split("/")[0],
        }
    )
    if w.volume:
        m["volume"] = w.volume
    m["author"] = [
        {
            "given": a.given,
            "family": a.family,
            "sequence": "first" if i == 0 else "additional",
            "affiliation": [{"name": a.affiliation}] if a.affiliation else [],
        }
        if a.given
        else {
            "family": a.family,
            "sequence": "first" if i == 0 else "additional",
            "affiliation": [{"name": a.affiliation}] if a.affiliation else [],
        }
        for i, a in enumerate(w.authors)
    ]
    m["member"] = "99999"
    if w.registry_ids:
        m["clinical-trial-number"] = [
            {"clinical-trial-number": r.lower(), "registry": CT_REGISTRY}
            for r in w.registry_ids
            if r.upper().startswith("NCT")
        ]
    m["published-online"] = {"date-parts": [[w.edat_date.year, w.edat_date.month, w.edat_date.day]]}
    if w.crossref_type == "journal-article":
        m["published-print"] = _issued(w)
    m["container-title"] = (
        [w.container_title or w.journal] if (w.container_title or w.journal) else []
    )
    m.update({"original-title": [], "language": "en", "link": [], "deposited": _stamp(w.mdat_date)})
    if score is not None:
        m["score"] = score
    m["resource"] = {"primary": {"URL": f"https://synthetic.example.org/{w.doi}"}}
    m.update({"subtitle": [], "short-title": [], "issued": _issued(w), "references-count": 0})
    if w.issue or w.volume:
        m["journal-issue"] = {"issue": w.issue or "", "published-print": _issued(w)}
    if w.isbn:
        m["ISBN"] = [w.isbn]
        m["isbn-type"] = [{"value": w.isbn, "type": "print"}]
    m.update({"URL": f"https://doi.org/{w.doi}", "relation": {}})
    if w.issn:
        m["ISSN"] = [w.issn]
        m["issn-type"] = [{"value": w.issn, "type": "electronic"}]
    m["subject"] = []
    m["published"] = _issued(w)
    updated_by, update_to = _relations(w, corpus)
    if updated_by:
        m["updated-by"] = updated_by
    if update_to:
        m["update-to"] = update_to
        m["update-policy"] = f"https://doi.org/{(w.doi or '').split('/')[0]}/crossmark-policy"
    return m


def select_fields(message: dict[str, Any], select: list[str]) -> dict[str, Any]:
    return {k: v for k, v in message.items() if k in select}


def envelope(message: Any, message_type: str = "work") -> dict[str, Any]:
    return {
        "status": "ok",
        "message-type": message_type,
        "message-version": "1.0.0",
        "message": message,
    }


def work_list(
    items: list[dict[str, Any]],
    *,
    total: int,
    rows: int,
    offset: int,
    search_terms: str | None,
    next_cursor: str | None = None,
) -> dict[str, Any]:
    msg: dict[str, Any] = {"facets": {}}
    if next_cursor is not None:
        msg["next-cursor"] = next_cursor
    msg.update(
        {
            "total-results": total,
            "items": items,
            "items-per-page": rows,
            "query": {"start-index": offset, "search-terms": search_terms},
        }
    )
    return envelope(msg, "work-list")


def validation_failure(*errors: tuple[str, str, str]) -> dict[str, Any]:
    """``status: failed`` with a LIST message, like the real 400 capture."""
    return {
        "status": "failed",
        "message-type": "validation-failure",
        "message": [{"type": t, "value": v, "message": msg} for t, v, msg in errors],
    }


# Every top-level field a work message can carry (for ``select=`` validation).
SELECTABLE = (
    "abstract",
    "URL",
    "member",
    "posted",
    "score",
    "created",
    "degree",
    "update-policy",
    "short-title",
    "license",
    "ISSN",
    "container-title",
    "issued",
    "update-to",
    "issue",
    "prefix",
    "approved",
    "indexed",
    "article-number",
    "clinical-trial-number",
    "accepted",
    "author",
    "group-title",
    "DOI",
    "is-referenced-by-count",
    "updated-by",
    "event",
    "chair",
    "standards-body",
    "original-title",
    "funder",
    "translator",
    "archive",
    "published-print",
    "alternative-id",
    "subject",
    "subtitle",
    "published-online",
    "publisher-location",
    "content-domain",
    "reference",
    "title",
    "link",
    "type",
    "publisher",
    "volume",
    "references-count",
    "ISBN",
    "issn-type",
    "assertion",
    "deposited",
    "page",
    "content-created",
    "short-container-title",
    "relation",
    "editor",
    "published",
    "language",
    "resource",
    "journal-issue",
    "isbn-type",
    "review",
)
