"""Read side of the web app: a cached snapshot of the views, filters, sorting, page models.

Loading goes through ``TableStore.query`` (the documented DuckDB views) and is cached until
``manifest.json`` changes (every table write rewrites it). Everything below ``Repository`` is
pure: DataFrames in, plain dicts/lists out for the templates.
"""

from __future__ import annotations

import json
import math
import threading
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

import pandas as pd

from her2mine.tables import TableStore

STATUSES = ("pending", "stale", "accepted", "corrected", "rejected")
STATUS_FILTERS = ("needs-review", *STATUSES)
MEASURE_ORDER = {"median": 0, "rate": 1, "HR": 2, "OR": 3, "incidence": 4}
_STATUS_RANK = {s: i for i, s in enumerate(STATUSES)}

# sort key -> columns (first one gets the chosen direction, the rest break ties ascending)
SORTS: dict[str, list[str]] = {
    "trial": ["trial", "effective_endpoint", "measure", "effective_arm", "year", "ordinal"],
    "endpoint": ["effective_endpoint", "trial", "measure", "effective_arm", "year"],
    "measure": ["measure", "trial", "effective_endpoint", "effective_arm"],
    "arm": ["effective_arm", "trial", "effective_endpoint", "measure"],
    "value": ["effective_value", "trial", "effective_endpoint"],
    "year": ["year", "trial", "effective_endpoint", "measure"],
    "status": ["_status_rank", "trial", "effective_endpoint", "measure"],
    "work": ["title", "effective_endpoint", "measure", "ordinal"],
}


def clean(v: Any) -> Any:
    """pandas/numpy scalars -> plain Python; NA/NaN -> None (lists pass through)."""
    if isinstance(v, list | tuple | dict):
        return v
    if v is None or v is pd.NA or v is pd.NaT:
        return None
    if hasattr(v, "item") and not isinstance(v, str):
        v = v.item()
    if isinstance(v, float) and math.isnan(v):
        return None
    return v


def records(df: pd.DataFrame) -> list[dict[str, Any]]:
    return [{k: clean(v) for k, v in row.items()} for row in df.to_dict("records")]


def work_label(work: Mapping[str, Any]) -> str:
    """'Baselga 2012' from the first author and year; else DOI / PMID."""
    authors = work.get("authors")
    authors = list(authors) if authors is not None else []
    year = clean(work.get("year"))
    if authors:
        family = str(authors[0]).split(",")[0].strip()
        return f"{family} {year}" if year else family
    if work.get("doi"):
        return str(work["doi"])
    if work.get("pmid"):
        return f"PMID {work['pmid']}"
    return str(work.get("work_id", "?"))


def corrections_of(work: Mapping[str, Any]) -> list[dict[str, Any]]:
    try:
        data = json.loads(work.get("corrections") or "[]")
    except (TypeError, ValueError):
        return []
    return [c for c in data if isinstance(c, dict)]


@dataclass(frozen=True)
class Snapshot:
    evidence: pd.DataFrame  # the ``evidence`` view
    works: pd.DataFrame
    trials: pd.DataFrame
    forest: pd.DataFrame  # the ``hr_forest`` view
    stale: pd.DataFrame  # the ``stale_decisions`` view
    review: pd.DataFrame  # the ``current_review`` view (current decision per reviewed row)

    @property
    def stale_count(self) -> int:
        return int((self.evidence["review_status"] == "stale").sum())


class Repository:
    """Loads snapshots from a TableStore, reloading only when the tables changed."""

    def __init__(self, store: TableStore) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._key: tuple[int, int] | None = None
        self._snap: Snapshot | None = None

    def _version(self) -> tuple[int, int]:
        try:
            st = self.store.manifest_path.stat()
        except FileNotFoundError:
            return (0, 0)
        return (st.st_mtime_ns, st.st_size)

    def snapshot(self) -> Snapshot:
        with self._lock:
            key = self._version()
            if self._snap is None or key != self._key:
                self._snap = self._load()
                self._key = key
            return self._snap

    def _load(self) -> Snapshot:
        q = self.store.query
        evidence = q("SELECT * FROM evidence")
        evidence["_status_rank"] = evidence["review_status"].map(_STATUS_RANK).fillna(9)
        return Snapshot(
            evidence=evidence,
            works=self.store.read("works"),
            trials=self.store.read("trials"),
            forest=q("SELECT * FROM hr_forest"),
            stale=q("SELECT * FROM stale_decisions"),
            review=q("SELECT * FROM current_review"),
        )


# -- evidence list ---------------------------------------------------------------------------
@dataclass(frozen=True)
class EvidenceQuery:
    """Filters and sorting of the evidence list (from / to the URL query string)."""

    drug: str = ""
    trial: str = ""
    endpoint: str = ""
    measure: str = ""
    status: str = ""
    q: str = ""
    work: str = ""
    sort: str = "trial"
    order: str = "asc"
    page: int = 1

    @classmethod
    def from_params(cls, params: Mapping[str, str]) -> EvidenceQuery:
        """Unknown or invalid values fall back to the defaults (a URL is user input)."""
        kw: dict[str, Any] = {}
        for f in fields(cls):
            raw = params.get(f.name)
            if raw is None:
                continue
            raw = str(raw).strip()[:200]
            if f.name == "page":
                kw["page"] = int(raw) if raw.isdigit() and int(raw) > 0 else 1
            else:
                kw[f.name] = raw
        q = cls(**kw)
        if q.sort not in SORTS:
            q = replace(q, sort="trial")
        if q.order not in ("asc", "desc"):
            q = replace(q, order="asc")
        if q.status and q.status not in STATUS_FILTERS:
            q = replace(q, status="")
        return q

    def params(self, **changes: Any) -> dict[str, str]:
        """Non-default fields (after ``changes``), for building links."""
        q = replace(self, **changes)
        default = EvidenceQuery()
        return {
            f.name: str(getattr(q, f.name))
            for f in fields(q)
            if getattr(q, f.name) != getattr(default, f.name)
        }

    @property
    def filters_active(self) -> bool:
        return any((self.drug, self.trial, self.endpoint, self.measure, self.status, self.q))


def _arm_drugs(arm: Any) -> set[str]:
    return {d.strip().lower() for d in str(arm).split("+")} if isinstance(arm, str) else set()


def trial_drugs(trials: pd.DataFrame) -> dict[str, set[str]]:
    return {
        str(t): {str(d).lower() for d in (drugs if drugs is not None else [])}
        for t, drugs in zip(trials["trial"], trials["drugs"], strict=True)
    }


def filter_evidence(
    ev: pd.DataFrame, query: EvidenceQuery, drugs_by_trial: Mapping[str, set[str]] | None = None
) -> pd.DataFrame:
    """Rows matching every active filter. ``drug`` matches the arm (original or corrected)
    or, for between-arm results (HRs), the drugs of the row's trial."""
    keep = pd.Series(True, index=ev.index)
    if query.trial:
        keep &= ev["trial"].fillna("") == query.trial
    if query.endpoint:
        keep &= (ev["effective_endpoint"] == query.endpoint) | (ev["endpoint"] == query.endpoint)
    if query.measure:
        keep &= ev["measure"] == query.measure
    if query.work:
        keep &= ev["work_id"] == query.work
    if query.status == "needs-review":
        keep &= ev["review_status"].isin(["pending", "stale"])
    elif query.status:
        keep &= ev["review_status"] == query.status
    if query.drug:
        drug = query.drug.lower()
        by_trial = drugs_by_trial or {}
        keep &= pd.Series(
            [
                drug in _arm_drugs(arm)
                or drug in _arm_drugs(earm)
                or (clean(arm) is None and drug in by_trial.get(str(trial), set()))
                for arm, earm, trial in zip(
                    ev["arm"], ev["effective_arm"], ev["trial"], strict=True
                )
            ],
            index=ev.index,
            dtype=bool,
        )
    if query.q:
        needle = query.q.lower()
        hay = ev[["sentence", "title", "trial", "arm", "endpoint", "doi", "pmid", "note"]]
        text = [
            " ".join(str(v) for v in row if clean(v) is not None).lower()
            for row in hay.itertuples(index=False)
        ]
        keep &= pd.Series([needle in t for t in text], index=ev.index, dtype=bool)
    return ev[keep]


def sort_evidence(ev: pd.DataFrame, sort: str = "trial", order: str = "asc") -> pd.DataFrame:
    cols = [c for c in SORTS.get(sort, SORTS["trial"]) if c in ev.columns]
    asc = [order != "desc"] + [True] * (len(cols) - 1)
    return ev.sort_values(cols, ascending=asc, na_position="last", kind="stable")


def select_evidence(snap: Snapshot, query: EvidenceQuery) -> pd.DataFrame:
    return sort_evidence(
        filter_evidence(snap.evidence, query, trial_drugs(snap.trials)), query.sort, query.order
    )


def facets(snap: Snapshot) -> dict[str, list[str]]:
    """Options of the filter drop-downs."""
    ev = snap.evidence
    drugs: set[str] = set()
    for arm in list(ev["arm"]) + list(ev["effective_arm"]):
        drugs |= _arm_drugs(arm)
    for ds in trial_drugs(snap.trials).values():
        drugs |= ds

    def uniq(col: str) -> list[str]:
        return sorted({str(v) for v in ev[col] if clean(v) is not None})

    measures = sorted(uniq("measure"), key=lambda m: (MEASURE_ORDER.get(m, 9), m))
    return {
        "drug": sorted(drugs),
        "trial": uniq("trial"),
        "endpoint": sorted(set(uniq("endpoint")) | set(uniq("effective_endpoint"))),
        "measure": measures,
        "status": list(STATUS_FILTERS),
    }


def neighbours(ordered_ids: list[str], evidence_id: str) -> tuple[str | None, str | None]:
    """(previous, next) evidence_id around ``evidence_id`` in the list order."""
    try:
        i = ordered_ids.index(evidence_id)
    except ValueError:
        return None, None
    prev_id = ordered_ids[i - 1] if i > 0 else None
    next_id = ordered_ids[i + 1] if i + 1 < len(ordered_ids) else None
    return prev_id, next_id


# -- trial page ------------------------------------------------------------------------------
def trial_view(snap: Snapshot, trial: str) -> dict[str, Any] | None:
    """Arms, endpoints and a (endpoint, measure, arm) x work grid of values for one trial."""
    ev = snap.evidence[snap.evidence["trial"] == trial]
    info = snap.trials[snap.trials["trial"] == trial]
    if ev.empty and info.empty:
        return None
    works = snap.works.set_index("work_id")
    work_ids = sorted(
        set(ev["work_id"]) | set(info["works"].iloc[0] if not info.empty else []),
        key=lambda w: (clean(works.loc[w, "year"]) or 0, w) if w in works.index else (0, w),
    )
    columns = []
    for wid in work_ids:
        w = works.loc[wid].to_dict() if wid in works.index else {"work_id": wid}
        w["work_id"] = wid
        columns.append(
            {
                "work_id": wid,
                "label": work_label(w),
                "title": clean(w.get("title")),
                "doi": clean(w.get("doi")),
                "pmid": clean(w.get("pmid")),
                "retracted": bool(clean(w.get("is_retracted"))),
                "erratum": bool(clean(w.get("has_erratum"))),
            }
        )
    grid: dict[tuple[str, str, str], dict[str, list[dict[str, Any]]]] = {}
    for row in records(ev):
        key = (row["effective_endpoint"], row["measure"], row["effective_arm"] or "")
        grid.setdefault(key, {}).setdefault(row["work_id"], []).append(row)
    keys = sorted(grid, key=lambda k: (k[0], MEASURE_ORDER.get(k[1], 9), k[1], k[2]))
    arms = sorted({a for a in ev["effective_arm"] if clean(a) is not None})
    drugs = sorted(info["drugs"].iloc[0]) if not info.empty else []
    nct = sorted(info["nct_ids"].iloc[0]) if not info.empty else []
    return {
        "trial": trial,
        "arms": arms,
        "drugs": drugs,
        "nct_ids": nct,
        "endpoints": sorted({k[0] for k in keys}),
        "columns": columns,
        "rows": [
            {
                "endpoint": k[0],
                "measure": k[1],
                "arm": k[2],
                "cells": [grid[k].get(c["work_id"], []) for c in columns],
            }
            for k in keys
        ],
    }


def trials_index(snap: Snapshot) -> list[dict[str, Any]]:
    ev = snap.evidence
    out = []
    for t in records(snap.trials):
        rows = ev[ev["trial"] == t["trial"]]
        out.append(
            {
                **t,
                "n_pending": int(rows["review_status"].isin(["pending", "stale"]).sum()),
                "n_hr": int((rows["measure"] == "HR").sum()),
            }
        )
    return sorted(out, key=lambda t: t["trial"].lower())


# -- works page ------------------------------------------------------------------------------
def works_view(snap: Snapshot, *, flagged_only: bool = False) -> list[dict[str, Any]]:
    counts = snap.evidence.groupby("work_id").size().to_dict()
    rv = snap.review[snap.review["target"] == "works"]
    decisions = {r["evidence_id"]: r for r in records(rv)}
    out = []
    for w in records(snap.works):
        flags = {
            "retracted": bool(w["is_retracted"]),
            "erratum": bool(w["has_erratum"]),
            "concern": bool(w["has_expression_of_concern"]),
            "problem": w["status"] != "ok",
        }
        if flagged_only and not any(flags.values()):
            continue
        decided = decisions.get(w["work_id"], {})
        out.append(
            {
                **w,
                "decision": decided.get("decision"),
                "decision_curator": decided.get("curator"),
                "decision_stale": bool(decided.get("stale")),
                "label": work_label(w),
                "flags": flags,
                "corrections_list": corrections_of(w),
                "n_evidence": int(counts.get(w["work_id"], 0)),
            }
        )
    rank = lambda w: (not w["flags"]["retracted"], -(w["year"] or 0), w["label"])  # noqa: E731
    return sorted(out, key=rank)


# -- forest ------------------------------------------------------------------------------------
def forest_inputs(snap: Snapshot, *, trial: str = "", endpoint: str = "") -> list[Any]:
    from her2mine.web.forest import ForestInput

    fr = snap.forest
    if trial:
        fr = fr[fr["trial"].fillna("") == trial]
    if endpoint:
        fr = fr[fr["endpoint"] == endpoint]
    works = snap.works.set_index("work_id")
    items = []
    for r in records(fr):
        w = works.loc[r["work_id"]].to_dict() if r["work_id"] in works.index else {}
        label = work_label({**w, "work_id": r["work_id"], "year": r["year"] or w.get("year")})
        if r["arm"]:
            label += f" · {r['arm']}"
        items.append(
            ForestInput(
                trial=r["trial"],
                endpoint=r["endpoint"],
                hr=float(r["hr"]),
                ci_low=r["ci_low"],
                ci_high=r["ci_high"],
                label=label,
                href=f"/evidence/{r['evidence_id']}",
                status=r["review_status"],
                p=r["p"],
            )
        )
    return items
