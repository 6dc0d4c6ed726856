"""Merge a freshly built batch into the store and re-apply the curator decisions."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

import pandas as pd

from her2mine.tables.build import citation_work_id
from her2mine.tables.derive import (
    apply_review_status,
    derive_review,
    evidence_matrix_frame,
    trials_frame,
    value_or_none,
)
from her2mine.tables.store import TableStore

log = logging.getLogger(__name__)

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


def superseded_works(
    old_references: pd.DataFrame, references: pd.DataFrame, works: pd.DataFrame
) -> dict[str, str]:
    """Citation-only works replaced by the work their reference now resolves to: {old: new}.

    A reference without a DOI that a refresh could not resolve points at fetch's citation-only
    Work (no DOI/PMID/PMCID; work_id from title + year + first author). When a later refresh
    resolves it, the reference points at the DOI's work instead and the citation-only row is
    stale. It is replaced when no reference points at it any more (another review may still
    cite the work unresolved) and the new work is in ``works``. Candidates: the citation form
    of every reference (so a row left behind earlier is cleaned up too) and the work each
    reference pointed at before (``old_references``, the stored table).
    """
    if references.empty or works.empty:
        return {}
    no_ids = works["doi"].isna() & works["pmid"].isna() & works["pmcid"].isna()
    citation_only = set(works.loc[no_ids, "work_id"])
    if not citation_only:
        return {}
    now = {r.reference_id: value_or_none(r.work_id) for r in references.itertuples(index=False)}
    candidates: dict[str, str] = {}
    for r in references.itertuples(index=False):
        new = value_or_none(r.work_id)
        cid = citation_work_id(value_or_none(r.title), value_or_none(r.year), r.authors)
        if new is not None and cid is not None and cid != new:
            candidates.setdefault(cid, new)
    for r in old_references.itertuples(index=False):
        old, new = value_or_none(r.work_id), now.get(r.reference_id)
        if old is not None and new is not None and old != new:
            candidates.setdefault(old, new)
    pointed = {w for w in now.values() if w is not None}
    present = set(works["work_id"])
    return {
        old: new
        for old, new in sorted(candidates.items())
        if old in citation_only and old not in pointed and new in present
    }


def _drop_superseded(
    out: dict[str, pd.DataFrame], review: pd.DataFrame, superseded: dict[str, str]
) -> None:
    """Remove superseded citation-only works and the rows keyed on them (``out``, in place).

    Curator decisions are never touched: those on the old work or its outcomes stay in
    ``review`` and are derived ``orphaned`` (the ``stale_decisions`` view lists them); each
    replacement is logged, with a warning naming how many decisions it left orphaned.
    """
    gone = set(superseded)
    outcomes = out["outcomes"]
    for name in ("works", "mentions", "outcomes"):
        df = out[name]
        if not df.empty and df["work_id"].isin(gone).any():
            out[name] = df[~df["work_id"].isin(gone)].reset_index(drop=True)
    for old, new in superseded.items():
        n = 0
        if not review.empty:
            eids = set(outcomes.loc[outcomes["work_id"] == old, "evidence_id"])
            hit = ((review["target"] == "works") & (review["evidence_id"] == old)) | (
                (review["target"] == "outcomes") & review["evidence_id"].isin(eids)
            )
            n = int(hit.sum())
        if n:
            log.warning(
                "citation-only work %s replaced by %s (its reference now resolves); %d curator "
                "decision(s) on it kept in 'review', orphaned (see the stale_decisions view)",
                old,
                new,
                n,
            )
        else:
            log.info("citation-only work %s replaced by %s (its reference now resolves)", old, new)


def merge_batch(
    stored: Mapping[str, pd.DataFrame], batch: Mapping[str, pd.DataFrame], run_id: str | None
) -> dict[str, pd.DataFrame]:
    """Pure merge of a built batch into the stored tables, decisions re-derived.

    Works keep their ``first_seen_run``; a citation-only work whose reference now resolves is
    replaced by the resolved work (``superseded_works``: its works, mentions and outcomes rows
    are dropped); ``review`` rows are never dropped, only re-flagged (``stale``/``orphaned``);
    ``outcomes.review_status``, ``trials`` and ``evidence_matrix`` are recomputed from the
    merged tables.
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
    # A reference resolved since the last refresh replaces its citation-only work.
    superseded = superseded_works(stored["references"], out["references"], out["works"])
    if superseded:
        _drop_superseded(out, stored["review"], superseded)
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
