"""Derived tables and flags (pure): trials, evidence_matrix, decision staleness, review_status."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from typing import Any

import pandas as pd

from her2mine.tables import ids
from her2mine.tables.schema import empty_frame, spec

_NCT = re.compile(r"^NCT\d{8}$", re.IGNORECASE)

# Which column of which table holds the "what the curator saw" hash, per review target.
TARGET_HASH = {
    "outcomes": ("evidence_id", "evidence_hash"),
    "works": ("work_id", "content_hash"),
    "references": ("reference_id", "reference_hash"),
}


def value_or_none(x: Any) -> Any:
    """pandas missing (NaN/NA) -> None."""
    if x is None or x is pd.NA or (isinstance(x, float) and math.isnan(x)):
        return None
    return x


_v = value_or_none  # short local name: used in every row loop below


def _frame(name: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    if not rows:
        return empty_frame(name)
    return pd.DataFrame(rows, columns=spec(name).names)


def trials_frame(
    mentions: pd.DataFrame, outcomes: pd.DataFrame, works_df: pd.DataFrame | None = None
) -> pd.DataFrame:
    """One row per trial: works naming it, drugs (arms + same-sentence drugs), NCT ids.

    NCT ids come from trial mentions that are registry ids (linked to the one named trial in
    the same sentence) and from ``works_df.registry_ids`` of works that name exactly one trial.
    """
    works: dict[str, set[str]] = defaultdict(set)
    drugs: dict[str, set[str]] = defaultdict(set)
    ncts: dict[str, set[str]] = defaultdict(set)
    n_out: dict[str, int] = defaultdict(int)
    works_named: dict[str, set[str]] = defaultdict(set)  # by mentions only
    by_sentence: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for m in mentions.itertuples(index=False):
        by_sentence[(m.work_id, _v(m.sentence) or "")].append((m.kind, m.canonical))
    for (wid, _sentence), items in by_sentence.items():
        trial_names = {c for k, c in items if k == "trial"}
        for t in trial_names:
            works[t].add(wid)
            works_named[t].add(wid)
            drugs[t].update(c for k, c in items if k == "drug")
            if _NCT.match(t):
                ncts[t].add(t.upper())
            # An NCT id next to exactly one named trial in a sentence belongs to it.
            named = {x for x in trial_names if not _NCT.match(x)}
            if _NCT.match(t) and len(named) == 1:
                ncts[next(iter(named))].add(t.upper())
    for o in outcomes.itertuples(index=False):
        t = _v(o.trial)
        if t is None:
            continue
        works[t].add(o.work_id)
        n_out[t] += 1
        if _v(o.arm):
            drugs[t].update(d for d in o.arm.split("+") if d)
    if works_df is not None and not works_df.empty:
        named_by: dict[str, set[str]] = defaultdict(set)
        for t, wids in works_named.items():
            for w in wids:
                named_by[w].add(t)
        for w in works_df.itertuples(index=False):
            named = {t for t in named_by.get(w.work_id, ()) if not _NCT.match(t)}
            if len(named) == 1:
                ncts[next(iter(named))].update(
                    r.upper() for r in (w.registry_ids or []) if _NCT.match(str(r))
                )
    # A registry id linked to exactly one named trial is that trial, not a trial of its own:
    # fold its row into the named one so curators see one row per study.
    owners: dict[str, set[str]] = defaultdict(set)
    for t, ids_ in ncts.items():
        if not _NCT.match(t):
            for n in ids_:
                owners[n].add(t)
    for t in [t for t in works if _NCT.match(t)]:
        named = owners.get(t.upper(), set())
        if len(named) == 1:
            owner = next(iter(named))
            works[owner] |= works.pop(t)
            drugs[owner] |= drugs.pop(t, set())
            n_out[owner] += n_out.pop(t, 0)
            ncts.pop(t, None)
    rows = [
        {
            "trial": t,
            "n_works": len(works[t]),
            "works": sorted(works[t]),
            "drugs": sorted(drugs[t]),
            "nct_ids": sorted(ncts[t]),
            "n_outcomes": n_out[t],
        }
        for t in sorted(works)
    ]
    return _frame("trials", rows)


def current_decisions(review: pd.DataFrame) -> pd.DataFrame:
    """The latest decision per (target, evidence_id) (later decided_at wins; ties: later row)."""
    if review.empty:
        return review.copy()
    r = review.reset_index(drop=True)
    r = r.assign(_pos=range(len(r))).sort_values(["decided_at", "_pos"], kind="stable")
    return r.drop_duplicates(subset=["target", "evidence_id"], keep="last").drop(columns="_pos")


def derive_review(review: pd.DataFrame, tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Recompute ``is_current``, ``stale`` and ``orphaned`` against the current tables.

    ``tables`` holds the current ``outcomes``/``works``/``references`` (missing = empty).
    """
    if review.empty:
        return review.copy()
    r = review.reset_index(drop=True).copy()
    current = current_decisions(r)
    r["is_current"] = r["decision_id"].isin(set(current["decision_id"]))
    hashes: dict[str, dict[str, str]] = {}
    for target, (key, hcol) in TARGET_HASH.items():
        df = tables.get(target)
        hashes[target] = {} if df is None or df.empty else dict(zip(df[key], df[hcol], strict=True))
    stale, orphaned = [], []
    for row in r.itertuples(index=False):
        now = hashes.get(row.target, {}).get(row.evidence_id)
        orphaned.append(now is None)
        seen = _v(row.evidence_hash_at_decision)
        stale.append(now is not None and seen is not None and seen != now)
    r["stale"] = stale
    r["orphaned"] = orphaned
    return r


def apply_review_status(outcomes: pd.DataFrame, review: pd.DataFrame) -> pd.DataFrame:
    """Set ``outcomes.review_status`` from the current (derived) decisions."""
    out = outcomes.copy()
    if out.empty:
        return out
    status: dict[str, str] = {}
    if not review.empty:
        cur = review[(review["target"] == "outcomes") & review["is_current"]]
        for row in cur.itertuples(index=False):
            status[row.evidence_id] = "stale" if row.stale else row.decision
    out["review_status"] = [status.get(e, "pending") for e in out["evidence_id"]]
    return out


def evidence_matrix_frame(
    outcomes: pd.DataFrame, review: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Trial x endpoint x arm x measure x unit summary of the usable evidence.

    Left out: rejected rows, retracted works, works a curator rejected. Applied: corrections
    that are not stale (value / arm / endpoint). Stale and pending rows count as extracted.
    """
    corrections: dict[str, Any] = {}
    rejected: set[str] = set()
    rejected_works: set[str] = set()
    if review is not None and not review.empty:
        cur = review[review["is_current"]]
        for row in cur.itertuples(index=False):
            if row.stale:
                continue
            if row.target == "outcomes" and row.decision == "rejected":
                rejected.add(row.evidence_id)
            elif row.target == "outcomes" and row.decision == "corrected":
                corrections[row.evidence_id] = row
            elif row.target == "works" and row.decision == "rejected":
                rejected_works.add(row.evidence_id)
    cells: dict[tuple, dict[str, Any]] = {}
    excluded: dict[tuple, int] = defaultdict(int)
    for o in outcomes.itertuples(index=False):
        value, arm, endpoint = _v(o.value), _v(o.arm), o.endpoint
        fix = corrections.get(o.evidence_id)
        if fix is not None:
            value = _v(fix.corrected_value) if _v(fix.corrected_value) is not None else value
            arm = _v(fix.corrected_arm) or arm
            endpoint = _v(fix.corrected_endpoint) or endpoint
        key = (_v(o.trial), endpoint, arm, o.measure, _v(o.unit))
        if o.evidence_id in rejected or bool(o.retracted) or o.work_id in rejected_works:
            excluded[key] += 1
            continue
        cell = cells.setdefault(key, {"values": [], "works": set(), "evidence_ids": [], "n": 0})
        cell["n"] += 1
        if value is not None:
            cell["values"].append(float(value))
        cell["works"].add(o.work_id)
        cell["evidence_ids"].append(o.evidence_id)
    rows = []
    for key in sorted(
        set(cells) | set(excluded), key=lambda k: tuple("" if x is None else str(x) for x in k)
    ):
        trial, endpoint, arm, measure, unit = key
        cell = cells.get(key, {"values": [], "works": set(), "evidence_ids": [], "n": 0})
        values = sorted(cell["values"])
        rows.append(
            {
                "cell_id": ids.cell_id(trial, endpoint, arm, measure, unit),
                "trial": trial,
                "endpoint": endpoint,
                "arm": arm,
                "measure": measure,
                "unit": unit,
                "n_rows": cell["n"],
                "n_values": len(values),
                "values": values,
                "min": values[0] if values else None,
                "max": values[-1] if values else None,
                "works": sorted(cell["works"]),
                "evidence_ids": sorted(cell["evidence_ids"]),
                "n_excluded": excluded.get(key, 0),
            }
        )
    return _frame("evidence_matrix", rows)
