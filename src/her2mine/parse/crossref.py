"""Crossref REST API ``/works`` responses -> ``Work`` records.

``parse_envelope`` turns a response body into the ``message`` object (or an exception);
``parse_work`` maps one work item; ``parse_work_list`` maps a ``work-list`` message. Items may be
stripped by ``select=`` (DOI + title only) or be non-articles (journal-issue, reference-entry), so
every field is optional.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from her2mine.errors import NotFoundError, ParseError, ServiceError
from her2mine.models import Correction, Work
from her2mine.parse.idconv import decode_body
from her2mine.parse.text import clean_markup, clean_text, jats_to_text

SOURCE = "crossref"

# Date fields in order of preference for the publication year.
DATE_FIELDS = ("issued", "published", "published-print", "published-online", "created")

# Crossref update types -> PubMed CommentsCorrections vocabulary, so corrections from both sources
# read the same and keep their direction: "...In" = this work was updated by the linked notice,
# "...Of"/"...For" = this work is the notice for the linked work.
_UPDATED_BY = {
    "retraction": "RetractionIn",
    "partial_retraction": "PartialRetractionIn",
    "withdrawal": "RetractionIn",
    "removal": "RetractionIn",
    "correction": "ErratumIn",
    "erratum": "ErratumIn",
    "corrigendum": "ErratumIn",
    "expression_of_concern": "ExpressionOfConcernIn",
}
_UPDATE_TO = {
    "retraction": "RetractionOf",
    "partial_retraction": "PartialRetractionOf",
    "withdrawal": "RetractionOf",
    "removal": "RetractionOf",
    "correction": "ErratumFor",
    "erratum": "ErratumFor",
    "corrigendum": "ErratumFor",
    "expression_of_concern": "ExpressionOfConcernFor",
}
_RELATIONS = {"is-retracted-by": "RetractionIn", "is-corrected-by": "ErratumIn"}


@dataclass
class WorkList:
    items: list[Work] = field(default_factory=list)
    scores: list[float | None] = field(default_factory=list)  # relevance, aligned with items
    total_results: int | None = None
    next_cursor: str | None = None
    items_per_page: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# --- envelope --------------------------------------------------------------------------------


def parse_envelope(
    data: bytes | str, *, status: int | None = None, request: str | None = None
) -> dict:
    """Response body -> ``message`` dict.

    ``status:"failed"`` (message is a list of {type, value, message}) -> ``ServiceError``;
    the plain-text 404 "Resource not found." -> ``NotFoundError``; malformed JSON -> ``ParseError``
    (or ``ServiceError`` when ``status`` says the server failed anyway).
    """
    what = request or SOURCE
    text = decode_body(data).strip()
    not_json = not text.startswith("{")
    if not_json and (status == 404 or text.lower().startswith("resource not found")):
        raise NotFoundError(text or "not found", status=status or 404, request=request)
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as e:
        if status is not None and status >= 400:
            raise ServiceError(
                text[:300] or "empty error body", status=status, request=request
            ) from None
        raise ParseError(f"malformed JSON ({e}): {text[:80]!r}", source=what) from None
    if not isinstance(obj, dict):
        raise ParseError(f"expected a JSON object, got {type(obj).__name__}", source=what)
    state = str(obj.get("status", "")).lower()
    message = obj.get("message")
    if state != "ok":
        text = _failure_text(message) or f"status {obj.get('status')!r}"
        cls = NotFoundError if status == 404 else ServiceError
        raise cls(f"{SOURCE}: {text}", status=status, request=request)
    if not isinstance(message, dict):
        raise ParseError("ok envelope without a message object", source=what)
    return message


def _failure_text(message: Any) -> str:
    if isinstance(message, list):
        parts = []
        for m in message:
            if isinstance(m, dict):
                detail = m.get("message") or ""
                head = " ".join(str(m[k]) for k in ("type", "value") if m.get(k))
                parts.append(f"{head}: {detail}" if head and detail else head or detail)
            else:
                parts.append(str(m))
        return "; ".join(p for p in parts if p)
    if isinstance(message, dict):
        return str(message.get("message") or message.get("description") or message)
    return str(message) if message else ""


# --- works -----------------------------------------------------------------------------------


def parse_work_list(message: dict) -> WorkList:
    """A ``work-list`` message (or a whole envelope) -> ``WorkList``."""
    if "items" not in message and isinstance(message.get("message"), dict):
        message = message["message"]  # tolerate being handed the envelope
    items = message.get("items") or []
    if not isinstance(items, list):
        raise ParseError("work-list items is not a list", source=SOURCE)
    works = [parse_work(i) for i in items if isinstance(i, dict)]
    return WorkList(
        items=works,
        scores=[_float(i.get("score")) for i in items if isinstance(i, dict)],
        total_results=_int(message.get("total-results")),
        next_cursor=message.get("next-cursor") or None,
        items_per_page=_int(message.get("items-per-page")),
    )


def parse_work(item: dict) -> Work:
    """One Crossref work item -> ``Work`` with ``sources[field] = "crossref"``."""
    if not isinstance(item, dict):
        raise ParseError(f"work item is {type(item).__name__}, not an object", source=SOURCE)
    doi = item.get("DOI")
    abstract, sections = jats_to_text(item.get("abstract"))
    work = Work(
        doi=doi.strip().lower() if isinstance(doi, str) and doi.strip() else None,
        title=_first_text(item.get("title"), clean_text),
        abstract=abstract or None,
        abstract_sections=sections,
        journal=_first_text(item.get("container-title")),
        journal_abbrev=_first_text(item.get("short-container-title")),
        year=year_of(item),
        authors=_authors(item.get("author")),
        publication_types=[item["type"]] if isinstance(item.get("type"), str) else [],
        registry_ids=_registry_ids(item.get("clinical-trial-number")),
        corrections=_corrections(item),
    )
    work.sources = {
        name: SOURCE
        for name in (
            "doi", "title", "abstract", "abstract_sections", "journal", "journal_abbrev",
            "year", "authors", "publication_types", "registry_ids", "corrections",
        )
        if getattr(work, name) not in (None, "", [])
    }  # fmt: skip
    return work


def year_of(item: dict) -> int | None:
    """Year from issued -> published -> published-print -> published-online -> created.

    ``date-parts`` has 1-3 parts, or ``[[null]]`` for "unknown" (skipped).
    """
    for key in DATE_FIELDS:
        parts = (item.get(key) or {}).get("date-parts") if isinstance(item.get(key), dict) else None
        try:
            year = parts[0][0]
        except (TypeError, IndexError, KeyError):
            continue
        if isinstance(year, int) and not isinstance(year, bool):
            return year
        if isinstance(year, str) and year.isdigit():
            return int(year)
    return None


def _first_text(values: Any, clean: Callable[[str], str] = clean_markup) -> str | None:
    if isinstance(values, str):
        values = [values]
    for v in values or []:
        text = clean(v) if isinstance(v, str) else ""
        if text:
            return text
    return None


def _initials(given: str) -> str:
    """ "Richard L." -> "RL", "Jean-Paul" -> "JP" (PubMed style, so names compare across sources)."""
    parts = clean_markup(given).replace("-", " ").replace(".", " ").split()
    return "".join(p[0].upper() for p in parts if p[0].isalpha())


def _authors(people: Any) -> list[str]:
    out = []
    for p in people or []:
        if not isinstance(p, dict):
            continue
        family = clean_markup(p.get("family") or "")
        if family:
            out.append(f"{family} {_initials(p.get('given') or '')}".strip())
        elif p.get("name"):  # organisations / consortia
            out.append(clean_markup(p["name"]))
        elif p.get("given"):
            out.append(clean_markup(p["given"]))
    return out


def _registry_ids(entries: Any) -> list[str]:
    seen: dict[str, None] = {}
    for e in entries or []:
        value = e.get("clinical-trial-number") if isinstance(e, dict) else e
        if isinstance(value, str) and value.strip():
            seen.setdefault(value.strip().upper(), None)  # Crossref lower-cases "nct0379..."
    return list(seen)


def _corrections(item: dict) -> list[Correction]:
    out: list[Correction] = []
    seen: set[tuple[str, str | None]] = set()

    def add(kind: str, doi: Any, note: str | None) -> None:
        d = doi.strip().lower() if isinstance(doi, str) and doi.strip() else None
        if (kind, d) not in seen:
            seen.add((kind, d))
            out.append(Correction(type=kind, doi=d, note=note, source=SOURCE))

    # updated-by: notices that update THIS work; update-to: works THIS notice updates.
    for key, mapping, default in (
        ("updated-by", _UPDATED_BY, "UpdateIn"),
        ("update-to", _UPDATE_TO, "UpdateOf"),
    ):
        for u in item.get(key) or []:
            if not isinstance(u, dict):
                continue
            raw = str(u.get("type") or "").strip().lower().replace("-", "_").replace(" ", "_")
            add(mapping.get(raw, default), u.get("DOI"), u.get("type") or u.get("label"))
    relation = item.get("relation") if isinstance(item.get("relation"), dict) else {}
    for rel, kind in _RELATIONS.items():
        for r in relation.get(rel) or []:
            if isinstance(r, dict) and str(r.get("id-type", "doi")).lower() == "doi":
                add(kind, r.get("id"), rel)
    return out


def _int(value: Any) -> int | None:
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def _float(value: Any) -> float | None:
    try:
        return float(value) if value is not None else None
    except (TypeError, ValueError):
        return None
