"""Curator decisions: validation (pure) and recording (under the store's writer lock).

Decisions live in the ``review`` table, keyed by the reviewed row's id, with full history: the
latest decision per (target, evidence_id) is current. Each decision keeps the row hash the
curator saw; when a refresh changes the row, the decision becomes ``stale`` (re-review) rather
than being applied to different evidence; when the row disappears it is ``orphaned`` and kept.
"""

from __future__ import annotations

import contextlib
import math
from dataclasses import dataclass
from typing import Any

import pandas as pd

from her2mine.errors import InputError
from her2mine.ids import is_doi, normalize_doi
from her2mine.tables import ids
from her2mine.tables.derive import (
    TARGET_HASH,
    _v,
    apply_review_status,
    current_decisions,
    derive_review,
    evidence_matrix_frame,
)
from her2mine.tables.schema import DECISIONS, REVIEW_TARGETS, spec
from her2mine.tables.store import TableStore, utc_now

CORRECTION_FIELDS = {
    "outcomes": ("corrected_value", "corrected_arm", "corrected_endpoint"),
    "references": ("corrected_doi",),
    "works": (),
}
_ALL_CORRECTED = ("corrected_value", "corrected_arm", "corrected_endpoint", "corrected_doi")


@dataclass
class DecisionInput:
    """One decision as given by a curator (web app click, spreadsheet row, API call)."""

    evidence_id: str
    decision: str
    curator: str | None
    note: str | None = None
    corrected_value: Any = None  # float, or a numeric string (spreadsheets)
    corrected_arm: str | None = None
    corrected_endpoint: str | None = None
    corrected_doi: str | None = None
    target: str = "outcomes"
    evidence_hash: str | None = None  # row hash the curator saw; None = the current one


def _blank(v: Any) -> bool:
    return _v(v) is None or (isinstance(v, str) and not v.strip())


def _text(v: Any) -> str | None:
    return None if _blank(v) else str(v).strip()


def _doi(v: Any) -> str | None:
    """A corrected DOI in canonical form (label / resolver URL dropped, lower-case); anything
    that is not a DOI is kept as written so that ``validate`` can refuse it by name."""
    text = _text(v)
    if text is None:
        return None
    return normalize_doi(text) if is_doi(text) else text


def normalize(d: DecisionInput) -> DecisionInput:
    """Trim text, lower-case the decision, parse corrected_value (may stay a bad string)."""
    value = d.corrected_value
    if isinstance(value, str):
        value = value.strip() or None
        if value is not None:
            # A non-numeric string stays a string: validate() reports it.
            with contextlib.suppress(ValueError):
                value = float(value.replace(",", "."))
    return DecisionInput(
        evidence_id=str(d.evidence_id).strip(),
        decision=(_text(d.decision) or "").lower(),
        curator=_text(d.curator),
        note=_text(d.note),
        corrected_value=None if _blank(value) else value,
        corrected_arm=_text(d.corrected_arm),
        corrected_endpoint=_text(d.corrected_endpoint),
        corrected_doi=_doi(d.corrected_doi),
        target=(_text(d.target) or "outcomes").lower(),
        evidence_hash=_text(d.evidence_hash),
    )


def validate(d: DecisionInput, current_hashes: dict[str, dict[str, str]]) -> str | None:
    """Why ``d`` (normalised) cannot be recorded, or None. ``current_hashes``: target -> id -> hash."""
    if d.target not in REVIEW_TARGETS:
        return f"unknown target {d.target!r} (expected {', '.join(REVIEW_TARGETS)})"
    if not d.evidence_id:
        return "missing id"
    if d.evidence_id not in current_hashes.get(d.target, {}):
        key = TARGET_HASH[d.target][0]
        return f"unknown {key} {d.evidence_id!r} (not in table {d.target!r})"
    if d.decision not in DECISIONS:
        return f"bad decision {d.decision or '(empty)'!r} (expected {', '.join(DECISIONS)})"
    if not d.curator:
        return "missing curator"
    given = [f for f in _ALL_CORRECTED if getattr(d, f) is not None]
    if d.decision != "corrected":
        if given:
            return f"{', '.join(given)} given but decision is {d.decision!r} (use 'corrected')"
        return None
    allowed = CORRECTION_FIELDS[d.target]
    if not allowed:
        return f"decision 'corrected' is not available for {d.target} (accepted or rejected)"
    wrong = [f for f in given if f not in allowed]
    if wrong:
        return f"{', '.join(wrong)} cannot be corrected on {d.target}"
    if not given:
        return f"corrected without a value (fill {' / '.join(allowed)})"
    if d.corrected_doi is not None and not is_doi(d.corrected_doi):
        return f"corrected_doi {d.corrected_doi!r} is not a DOI (expected 10.NNNN/suffix)"
    v = d.corrected_value
    if v is not None and (
        isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(float(v))
    ):
        return f"corrected_value {v!r} is not a number"
    return None


def current_hashes(tables: dict[str, pd.DataFrame]) -> dict[str, dict[str, str]]:
    out = {}
    for target, (key, hcol) in TARGET_HASH.items():
        df = tables[target]
        out[target] = dict(zip(df[key], df[hcol], strict=True))
    return out


def same_as_current(d: DecisionInput, current: pd.DataFrame, now_hash: str | None) -> bool:
    """True when ``d`` repeats the current decision about the same version of the row.

    The version is ``d.evidence_hash`` (what the curator saw) or, when not given, the row's
    current hash: re-sending a stale decision without a hash re-confirms it on the new text.
    """
    hit = current[(current["target"] == d.target) & (current["evidence_id"] == d.evidence_id)]
    if hit.empty:
        return False
    row = hit.iloc[0]
    if (d.evidence_hash or now_hash) != _v(row["evidence_hash_at_decision"]):
        return False
    for f in ("decision", "note", *_ALL_CORRECTED):
        a, b = getattr(d, f), _v(row[f])
        if f == "corrected_value" and a is not None and b is not None:
            if float(a) != float(b):
                return False
        elif a != b:
            return False
    return True


def _load(store: TableStore) -> dict[str, pd.DataFrame]:
    return {n: store.read(n) for n in ("review", *TARGET_HASH)}


def record_decisions(
    store: TableStore, decisions: list[DecisionInput], *, duckdb: bool | None = None
) -> list[dict[str, Any]]:
    """Validate and record several decisions, all or none of them.

    All decisions are validated before anything is written (InputError names the first
    invalid one). Then, under the writer lock, three tables are written, each atomically but
    not as one transaction: ``review`` first (the record of the decisions), then the derived
    ``outcomes.review_status`` and ``evidence_matrix``. If the process dies between these
    writes the decisions are kept and only the derived columns lag; the next decision or
    ``publish`` recomputes them from the whole ``review`` table. Rebuilds ``her2mine.duckdb``
    when ``duckdb`` is True (default: when the file already exists). Returns the new rows.
    """
    if not decisions:
        return []
    with store.lock():
        tables = _load(store)
        hashes = current_hashes(tables)
        normed = [normalize(d) for d in decisions]
        for d in normed:
            reason = validate(d, hashes)
            if reason:
                raise InputError(f"decision on {d.target} {d.evidence_id!r} refused: {reason}")
        review = tables["review"]
        now = utc_now()
        new_rows = []
        for i, d in enumerate(normed):
            seen = d.evidence_hash or hashes[d.target][d.evidence_id]
            new_rows.append(
                {
                    "decision_id": ids.decision_id(
                        d.evidence_id, d.target, d.curator or "", now, len(review) + i
                    ),
                    "target": d.target,
                    "evidence_id": d.evidence_id,
                    "decision": d.decision,
                    "curator": d.curator,
                    "decided_at": now,
                    "note": d.note,
                    "corrected_value": None
                    if d.corrected_value is None
                    else float(d.corrected_value),
                    "corrected_arm": d.corrected_arm,
                    "corrected_endpoint": d.corrected_endpoint,
                    "corrected_doi": d.corrected_doi,
                    "evidence_hash_at_decision": seen,
                    "is_current": True,
                    "stale": False,
                    "orphaned": False,
                }
            )
        added = pd.DataFrame(new_rows, columns=spec("review").names)
        combined = added if review.empty else pd.concat([review, added], ignore_index=True)
        review = derive_review(combined, tables)
        outcomes = apply_review_status(tables["outcomes"], review)
        store.write("review", review)
        store.write("outcomes", outcomes)
        store.write("evidence_matrix", evidence_matrix_frame(outcomes, review))
        if duckdb or (duckdb is None and store.duckdb_path.exists()):
            store.load_duckdb()
    mine = set(added["decision_id"])
    return [r for r in review.to_dict("records") if r["decision_id"] in mine]


def record_decision(
    store: TableStore,
    evidence_id: str,
    decision: str,
    curator: str | None,
    note: str | None = None,
    corrected_value: float | str | None = None,
    corrected_arm: str | None = None,
    corrected_endpoint: str | None = None,
    *,
    target: str = "outcomes",
    corrected_doi: str | None = None,
    evidence_hash: str | None = None,
    duckdb: bool | None = None,
) -> dict[str, Any]:
    """Record one curator decision immediately and atomically; returns the review row.

    ``decision`` is accepted | rejected | corrected; corrected_* only with ``corrected``
    (outcomes: value/arm/endpoint; references: corrected_doi; works: not correctable).
    Pass ``evidence_hash`` = the hash shown to the curator so a decision made on evidence that
    changed meanwhile is recorded as stale. Raises InputError (unknown id, bad value...).
    """
    d = DecisionInput(
        evidence_id=evidence_id,
        decision=decision,
        curator=curator,
        note=note,
        corrected_value=corrected_value,
        corrected_arm=corrected_arm,
        corrected_endpoint=corrected_endpoint,
        corrected_doi=corrected_doi,
        target=target,
        evidence_hash=evidence_hash,
    )
    return record_decisions(store, [d], duckdb=duckdb)[0]


def decision_history(store: TableStore, evidence_id: str, target: str = "outcomes") -> pd.DataFrame:
    """All decisions on one row, oldest first."""
    r = store.read("review")
    r = r[(r["target"] == target) & (r["evidence_id"] == evidence_id)]
    return r.sort_values("decided_at", kind="stable").reset_index(drop=True)


def current_review(store: TableStore) -> pd.DataFrame:
    """The current decision per reviewed row (with derived stale / orphaned flags)."""
    return current_decisions(store.read("review")).reset_index(drop=True)


__all__ = [
    "DecisionInput",
    "current_review",
    "decision_history",
    "normalize",
    "record_decision",
    "record_decisions",
    "same_as_current",
    "validate",
]
