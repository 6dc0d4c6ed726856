"""PMC ID Converter responses -> ``IdconvRecord`` list.

Captured output (2014-2022) has ids as strings and booleans as "true"/"false"; hand-written
fixtures elsewhere show numbers and real booleans, so both are accepted. Errors come in two
shapes: per record (``status: "error"``, ``errmsg``) inside an ok envelope, which is a normal
"not in PMC" answer, and per request (``status: "error"`` + URL-encoded ``message``, no records),
which is a ``ServiceError``. The XML output format (``format`` omitted) is accepted too.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any
from urllib.parse import parse_qs, unquote
from xml.etree import ElementTree as ET

from her2mine.errors import ParseError, ServiceError

SOURCE = "idconv"


@dataclass
class IdconvRecord:
    requested: str | None  # the id as sent (requested-id, or matched from the request echo)
    doi: str | None = None  # lower-case
    pmid: str | None = None
    pmcid: str | None = None  # "PMC2883744" (no version suffix)
    error: str | None = None  # per-record errmsg, e.g. "invalid article id"
    live: bool | None = None
    versions: list[str] = field(default_factory=list)  # versioned pmcids, e.g. PMC2883744.2
    current_version: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def decode_body(data: bytes | str) -> str:
    """UTF-8 first (what the service really sends), ISO-8859-1 as the header claims otherwise."""
    if isinstance(data, str):
        return data.lstrip("\ufeff")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("iso-8859-1")


def parse_idconv(data: bytes | str | dict) -> list[IdconvRecord]:
    """Parse an ID Converter JSON (or XML) response; request-level errors raise ``ServiceError``."""
    if isinstance(data, dict):
        return _from_json(data)
    text = decode_body(data).strip()
    if not text:
        raise ParseError("empty response", source=SOURCE)
    if text.startswith("<"):
        return _from_xml(text)
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as e:
        raise ParseError(f"malformed JSON: {e}", source=SOURCE) from None
    if not isinstance(obj, dict):
        raise ParseError(f"expected a JSON object, got {type(obj).__name__}", source=SOURCE)
    return _from_json(obj)


def _str(value: Any) -> str | None:
    if value is None or isinstance(value, bool):
        return None
    s = str(value).strip()
    return s or None


def _bool(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return None


def _requested_ids(request: Any) -> list[str]:
    """ids from the echoed request: "ids=10.1038%2Fng.590;format=json" (';' or '&' separated)."""
    if not isinstance(request, str):
        return []
    query = parse_qs(request.replace(";", "&"))
    out: list[str] = []
    for value in query.get("ids", []):
        out.extend(part.strip() for part in value.split(",") if part.strip())
    return out


def _request_error(message: Any, request: Any) -> ServiceError:
    text = unquote(str(message or "unspecified error"))
    return ServiceError(f"{SOURCE}: {text}", request=unquote(request) if request else None)


def _from_json(obj: dict[str, Any]) -> list[IdconvRecord]:
    status = str(obj.get("status", "ok")).lower()
    records = obj.get("records")
    if status != "ok" and not records:
        raise _request_error(obj.get("message") or obj.get("errmsg"), obj.get("request"))
    if records is None:
        raise ParseError("response has no records", source=SOURCE)
    if not isinstance(records, list):
        raise ParseError("records is not a list", source=SOURCE)
    requested = _requested_ids(obj.get("request"))
    out = [_record(r) for r in records if isinstance(r, dict)]
    _fill_requested(out, requested)
    return out


def _record(r: dict[str, Any]) -> IdconvRecord:
    versions = [v for v in r.get("versions") or [] if isinstance(v, dict)]
    current = next((_str(v.get("pmcid")) for v in versions if _bool(v.get("current"))), None)
    error = None
    if str(r.get("status", "")).lower() == "error" or r.get("errmsg"):
        error = _str(r.get("errmsg")) or "error"
    pmcid = _str(r.get("pmcid"))
    if pmcid and pmcid.isdigit():
        pmcid = f"PMC{pmcid}"
    doi = _str(r.get("doi"))
    return IdconvRecord(
        requested=_str(r.get("requested-id")),
        doi=doi.lower() if doi else None,
        pmid=_str(r.get("pmid")),
        pmcid=pmcid,
        error=error,
        live=_bool(r.get("live")),
        versions=[p for p in (_str(v.get("pmcid")) for v in versions) if p],
        current_version=current,
    )


def _fill_requested(records: list[IdconvRecord], requested: list[str]) -> None:
    """Older responses lack requested-id: match the echoed ids by value, else by position."""
    for i, rec in enumerate(records):
        if rec.requested:
            continue
        known = {x.lower() for x in (rec.doi, rec.pmid, rec.pmcid) if x}
        match = next((r for r in requested if r.lower() in known), None)
        if match is None and len(requested) == len(records):
            match = requested[i]
        rec.requested = match


def _from_xml(text: str) -> list[IdconvRecord]:
    try:
        root = ET.fromstring(text.encode("utf-8"))
    except ET.ParseError as e:
        raise ParseError(f"malformed XML: {e}", source=SOURCE) from None
    if root.get("status", "ok").lower() != "ok" and root.find("record") is None:
        message = root.findtext("message") or root.get("message")
        raise _request_error(message, root.findtext("request"))
    records = []
    for rec in root.findall("record"):
        attrs = dict(rec.attrib)
        attrs["errmsg"] = rec.findtext("errmsg") or attrs.get("errmsg")
        attrs["versions"] = [dict(v.attrib) for v in rec.findall("versions/version")]
        records.append(_record(attrs))
    _fill_requested(records, _requested_ids(root.findtext("request")))
    return records
