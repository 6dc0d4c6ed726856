"""Merge a freshly built batch into the store and re-apply the curator decisions."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from her2mine.tables.derive import (
    apply_review_status,
    derive_review,
    evidence_matrix_frame,
    trials_frame,
)
from her2mine.tables.store import TableStore

# How each built table merges into the stored one: (key, partition). A partition replaces all
# stored rows of the re-processed works / reference lists, so vanished rows do not linger.
MERGE = {
    "works": ("work_id", None),
    "references": ("reference_id", "_citing"),
    "mentions": ("mention_id", "work_id"),
    "outcomes": ("evidence_id", "work_id"),
}


def _with_citing(df: pd.DataFrame) -> pd.DataFrame:
    return df.assign(_citing=df["source_doi"].where(df["source_doi"].notna(), df["source"]))


def merge_batch(
    stored: Mapping[str, pd.DataFrame], batch: Mapping[str, pd.DataFrame], run_id: str | None
) -> dict[str, pd.DataFrame]:
    """Pure merge of a built batch into the stored tables, decisions re-derived.

    Works keep their ``first_seen_run``; ``review`` rows are never dropped, only re-flagged
    (``stale``/``orphaned``); ``outcomes.review_status``, ``trials`` and ``evidence_matrix``
    are recomputed from the merged tables.
    """
    from her2mine.tables.store import upsert_frame

    out: dict[str, pd.DataFrame] = {}
    for name, (key, partition) in MERGE.items():
        old, new = stored[name], batch.get(name)
        if new is None:
            out[name] = old
            continue
        if name == "works" and run_id is not None:
            first = (
                {} if old.empty else dict(zip(old["work_id"], old["first_seen_run"], strict=True))
            )
            new = new.assign(
                first_seen_run=[first.get(w) or run_id for w in new["work_id"]],
                last_seen_run=run_id,
            )
        if name == "references":
            merged = upsert_frame(_with_citing(old), _with_citing(new), key, partition)
            out[name] = merged.drop(columns="_citing")
        else:
            out[name] = upsert_frame(old, new, key, partition)
    # A re-fetched work may have become retracted: refresh the flag on all its outcomes.
    retracted = dict(zip(out["works"]["work_id"], out["works"]["is_retracted"], strict=True))
    outcomes = out["outcomes"].copy()
    if not outcomes.empty:
        outcomes["retracted"] = [
            bool(retracted.get(w, r))
            for w, r in zip(outcomes["work_id"], outcomes["retracted"], strict=True)
        ]
    review = derive_review(stored["review"], {**out, "outcomes": outcomes})
    out["review"] = review
    out["outcomes"] = apply_review_status(outcomes, review)
    out["trials"] = trials_frame(out["mentions"], out["outcomes"], out["works"])
    out["evidence_matrix"] = evidence_matrix_frame(out["outcomes"], review)
    return out


def publish(
    store: TableStore,
    tables: Mapping[str, pd.DataFrame],
    *,
    run_id: str | None = None,
    params: dict[str, Any] | None = None,
    duckdb: bool = True,
) -> dict[str, int]:
    """Write a batch from ``build_tables`` into ``store`` and return the row counts.

    Upserts by id (never duplicates), keeps every curator decision, re-flags stale ones,
    records the run in ``runs`` (a new run is begun and finished when ``run_id`` is None) and
    rebuilds ``her2mine.duckdb`` unless ``duckdb=False``.
    """
    own_run = run_id is None
    if own_run:
        run_id = store.begin_run(params)
    try:
        with store.lock():
            stored = {n: store.read(n) for n in (*MERGE, "review")}
            merged = merge_batch(stored, tables, run_id)
            for name, df in merged.items():
                store.write(name, df, run_id=run_id)
            if duckdb:
                store.load_duckdb()
            counts = store.counts()
    except BaseException:
        if own_run:
            store.finish_run(run_id, "failed")
        raise
    if own_run:
        store.finish_run(run_id, "completed", counts)
    return counts
