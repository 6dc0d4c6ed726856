"""Stable row ids and content hashes.

Ids follow sqlite-utils' ``hash_record``: sha1 of the canonical JSON (sorted keys, compact
separators, UTF-8) of the natural-key fields, truncated to 16 hex characters. The same natural
key therefore always gives the same id, across runs and machines.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Mapping
from typing import Any

from her2mine.errors import InputError
from her2mine.ids import normalize_doi as _library_normalize_doi

ID_LENGTH = 16


def _clean(value: Any) -> Any:
    # NaN (pandas' missing value) and None must hash the same; -0.0 == 0.0.
    if isinstance(value, float):
        if math.isnan(value):
            return None
        return 0.0 if value == 0 else value
    if isinstance(value, Mapping):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    if hasattr(value, "item") and callable(value.item):  # numpy scalars
        return _clean(value.item())
    return value


def canonical_json(record: Mapping[str, Any]) -> str:
    """The canonical JSON text of ``record`` (what ids and hashes are computed from)."""
    return json.dumps(
        _clean(record), sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str
    )


def hash_record(record: Mapping[str, Any], length: int = ID_LENGTH) -> str:
    """sha1 of the canonical JSON of ``record``, first ``length`` hex characters."""
    return hashlib.sha1(canonical_json(record).encode("utf-8")).hexdigest()[:length]


def normalize_doi(doi: str | None) -> str | None:
    """``her2mine.ids.normalize_doi`` (the one DOI normaliser), with None for missing/blank."""
    if doi is None:
        return None
    return _library_normalize_doi(doi) or None


def work_id(
    doi: str | None = None,
    pmid: str | None = None,
    pmcid: str | None = None,
    *,
    title: str | None = None,
    year: int | None = None,
    first_author: str | None = None,
) -> str:
    """Id of a work: from its DOI (lower-case), else PMID, else PMCID, else its citation.

    The citation fallback (lower-cased, space-collapsed title + year + first author) covers
    unresolved references, which become Works with no identifier.
    """
    d = normalize_doi(doi)
    if d:
        return hash_record({"doi": d})
    if pmid and str(pmid).strip():
        return hash_record({"pmid": str(pmid).strip()})
    if pmcid and str(pmcid).strip():
        return hash_record({"pmcid": str(pmcid).strip().upper()})
    if title and title.strip():
        return hash_record(
            {
                "title": " ".join(title.lower().split()),
                "year": year,
                "first_author": first_author,
            }
        )
    raise InputError("work has no DOI, PMID, PMCID or title: cannot give it a stable work_id")


def reference_id(citing: str, index: int) -> str:
    """Id of one entry of a reference list: citing review (its DOI, else its file) + position."""
    return hash_record({"citing": citing, "index": int(index)})


def evidence_id(wid: str, endpoint: str, measure: str, arm: str | None, ordinal: int) -> str:
    """Id of an outcome row: work + endpoint + measure + arm + ordinal.

    ``ordinal`` is the 0-based rank of this (endpoint, measure, arm) among the work's outcomes in
    text order, so ids survive re-runs and edits elsewhere in the text; a changed sentence or
    value keeps the id but changes the evidence_hash (which makes a curator decision stale).
    """
    return hash_record(
        {"work_id": wid, "endpoint": endpoint, "measure": measure, "arm": arm, "ordinal": ordinal}
    )


def mention_id(wid: str, kind: str, canonical: str, ordinal: int) -> str:
    """Id of a mention: work + kind + canonical + ordinal among same (kind, canonical)."""
    return hash_record({"work_id": wid, "kind": kind, "canonical": canonical, "ordinal": ordinal})


def evidence_hash(
    *,
    sentence: str | None,
    value: float | None,
    unit: str | None,
    ci_low: float | None,
    ci_high: float | None,
    p: str | None,
    arm: str | None,
    endpoint: str | None,
    measure: str | None,
) -> str:
    """Hash of what a curator sees when deciding on an outcome row."""
    return hash_record(
        {
            "sentence": sentence,
            "value": value,
            "unit": unit,
            "ci_low": ci_low,
            "ci_high": ci_high,
            "p": p,
            "arm": arm,
            "endpoint": endpoint,
            "measure": measure,
        }
    )


def cell_id(
    trial: str | None, endpoint: str, arm: str | None, measure: str, unit: str | None
) -> str:
    """Id of an evidence_matrix cell."""
    return hash_record(
        {"trial": trial, "endpoint": endpoint, "arm": arm, "measure": measure, "unit": unit}
    )


def decision_id(evidence_id_: str, target: str, curator: str, decided_at: str, seq: int) -> str:
    """Id of one decision history row (unique even for repeated identical decisions)."""
    return hash_record(
        {"id": evidence_id_, "target": target, "curator": curator, "at": decided_at, "seq": seq}
    )
