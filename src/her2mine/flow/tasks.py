"""Prefect tasks of the refresh flow: thin wrappers over the library (fetch, extract, tables).

Network tasks retry transient ``ServiceError``s with randomised delays (on top of the HTTP
layer's own per-request retries) and never cache: their answers are about "now". The
extraction task caches on the content hash of its batch + ``PIPELINE_VERSION`` with persisted
results, so unchanged texts are never extracted twice, even across runs and after a crash.
Settings never travel as task parameters (they hold the NCBI key): tasks rebuild them from the
environment plus the plain ``overrides`` dict.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from prefect import task
from prefect.cache_policies import NO_CACHE
from prefect.logging import get_run_logger

from her2mine.flow import progress
from her2mine.flow.extraction import EXTRACTION_CALLS  # noqa: F401  (re-export)
from her2mine.flow.limits import jittered_backoff, retry_on_service_error
from her2mine.flow.plan import batch_key
from her2mine.flow.queries import Window
from her2mine.models import Document, Extraction, Reference, Work
from her2mine.settings import Settings

NETWORK = dict(
    retries=3,
    retry_delay_seconds=jittered_backoff(base=5.0, cap=60.0),
    retry_condition_fn=retry_on_service_error,
    cache_policy=NO_CACHE,
    persist_result=False,
)


def settings_from(overrides: dict[str, Any]) -> Settings:
    values = {k: v for k, v in overrides.items() if v is not None}
    if "data_dir" in values:
        values["data_dir"] = Path(values["data_dir"])
    return Settings.from_env(**values)


# -- runs bookkeeping --------------------------------------------------------------------------


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@task(name="begin-run", cache_policy=NO_CACHE, persist_result=False)
def begin_run(out_dir: str, params: dict[str, Any]) -> tuple[str, list[str]]:
    """Record the run in ``runs``; runs left 'running' by a dead process on this host (killed
    mid-run) are marked failed first. Returns (run_id, recovered run_ids)."""
    import json

    from her2mine.tables import TableStore

    store = TableStore(out_dir)
    host = socket.gethostname()
    recovered = []
    with store.lock():
        runs = store.read("runs")
        for row in runs[runs["status"] == "running"].itertuples(index=False):
            try:
                p = json.loads(row.params or "{}")
            except ValueError:
                continue
            if p.get("host") == host and isinstance(p.get("pid"), int) and not _alive(p["pid"]):
                store.finish_run(row.run_id, "failed")
                recovered.append(row.run_id)
        run_id = store.begin_run({**params, "host": host, "pid": os.getpid()})
    if recovered:
        get_run_logger().warning("marked interrupted runs as failed: %s", ", ".join(recovered))
    return run_id, recovered


# -- network -----------------------------------------------------------------------------------


@dataclass
class Updates:
    """What the saved queries and the change checks found."""

    query_pmids: list[str] = field(default_factory=list)  # all hits in the windows
    changed_pmids: list[str] = field(default_factory=list)  # known, modified since last run
    changed_dois: list[str] = field(default_factory=list)  # known, updated in Crossref
    requests: int = 0


@task(name="find-updates", **NETWORK)
def find_updates(
    overrides: dict[str, Any],
    windows: list[Window],
    known_pmids: list[str],
    known_dois: list[str],
    since: str | None,
    today: str,
) -> Updates:
    """Saved queries over their date windows + cheap change checks on known records (PubMed
    mdat, Crossref update date). Changed records are re-fetched here, fresh, so the fetch step
    reads their new versions from the raw store."""
    from her2mine.flow.changes import (
        UID_CHECK_BATCH,
        changed_crossref,
        changed_pmids,
        open_clients,
        search_window,
    )
    from her2mine.sources.pubmed import chunks

    logger = get_run_logger()
    settings = settings_from(overrides)
    out = Updates()
    clients = open_clients(settings)
    try:
        # All checks in flight together: the E-utilities limiter still spaces their starts,
        # but one slow search no longer delays the others.
        with ThreadPoolExecutor(max_workers=4, thread_name_prefix="find-updates") as pool:
            crossref_future = (
                pool.submit(changed_crossref, clients.crossref, known_dois, since)
                if since and known_dois
                else None
            )
            search_futures = [(w, pool.submit(search_window, clients.pubmed, w)) for w in windows]
            mdat_futures = (
                [
                    pool.submit(changed_pmids, clients.pubmed, batch, since, today)
                    for batch in chunks(sorted(known_pmids), UID_CHECK_BATCH)
                ]
                if since
                else []
            )
            for w, future in search_futures:
                hits = future.result()
                logger.info(
                    "queries %s, %s..%s: %d hits",
                    ", ".join(w.queries),
                    w.mindate,
                    w.maxdate,
                    len(hits),
                )
                out.query_pmids.extend(hits)
            progress.report("check", 1, 3)
            out.changed_pmids = sorted({p for f in mdat_futures for p in f.result()})
            if out.changed_pmids:
                clients.pubmed.efetch(out.changed_pmids, fresh=True)
            progress.report("check", 1, 3)
            if crossref_future is not None:
                out.changed_dois = sorted(crossref_future.result())
            progress.report("check", 1, 3)
        out.requests = clients.http.request_count
    finally:
        clients.http.close()
    logger.info(
        "changed since %s: %d PubMed, %d Crossref records",
        since,
        len(out.changed_pmids),
        len(out.changed_dois),
    )
    return out


@task(name="fetch-references", **NETWORK)
def fetch_references(overrides: dict[str, Any], refs: list[str]):
    """``her2mine.fetch.fetch_works`` over the reference files / DOI lists."""
    from her2mine.fetch import fetch_works

    def tick(stage: str, n: int, total: int) -> None:
        progress.report(f"fetch {stage}", n, total)

    result = fetch_works(refs, settings_from(overrides), progress=tick)
    get_run_logger().info(
        "fetched %d works (%s) with %d requests",
        len(result.works),
        result.counts(),
        result.request_count,
    )
    return result


@task(name="fetch-records", **NETWORK)
def fetch_records(overrides: dict[str, Any], pmids: list[str], dois: list[str]):
    """Merged records for new/changed PMIDs (saved-query hits) and changed/pending DOIs:
    ``fetch_works(dois, pmids=pmids)``. Works known only by a PMID that failed or is not in
    PubMed are left out (no bare row keyed by a PMID); ``retry`` still lists the failed ones."""
    from her2mine.fetch import fetch_works

    out = fetch_works(sorted(set(dois)), settings_from(overrides), pmids=sorted(set(pmids)))
    out.works = [w for w in out.works if w.doi or w.status == "ok"]
    n = len(pmids) + len(dois)
    progress.report("fetch records", n, n)
    get_run_logger().info(
        "fetched %d records for %d PMIDs and %d DOIs", len(out.works), len(pmids), len(dois)
    )
    return out


# -- extraction --------------------------------------------------------------------------------


def _extraction_key(context, parameters: dict[str, Any]) -> str:
    from her2mine.extract import PIPELINE_VERSION

    return batch_key(parameters["docs"], PIPELINE_VERSION, parameters.get("model"))


@task(name="extract-batch", cache_key_fn=_extraction_key, persist_result=True)
def extract_batch(docs: list[Document], model: str | None = None) -> list[Extraction]:
    """Run the extraction pipeline over one batch (cached by content + pipeline version)."""
    from her2mine.flow import progress as _progress
    from her2mine.flow.extraction import extract_docs

    result = extract_docs(docs, model)
    _progress.report("extract", len(docs), None)
    return result


# -- tables ------------------------------------------------------------------------------------


@dataclass
class Published:
    counts: dict[str, int]
    batch: dict[str, int]  # rows per table in this run's batch
    new_evidence: int
    retracted: list[str]  # work_ids newly flagged retracted
    errata: list[str]  # work_ids newly flagged with an erratum
    skipped_failed: list[str]  # failed re-fetches kept out (the stored row stays)


def publish_batch(
    out_dir: str,
    run_id: str,
    references: list[Reference],
    resolutions: list,
    works: list[Work],
    extractions: list[Extraction],
) -> Published:
    """``build_tables`` + ``publish`` (the body of the ``publish-tables`` task).

    ``resolutions`` (fetch's ``Resolution`` list) go to ``build_tables`` as they are, so the
    tables keep their reasons and a failed resolution is recorded as ``pending`` with why.
    """
    from her2mine.tables import TableStore, build_tables, publish, work_id_of

    store = TableStore(out_dir)
    before = store.read("works")
    prev = {
        r.work_id: (bool(r.is_retracted), bool(r.has_erratum))
        for r in before.itertuples(index=False)
    }
    keep, skipped = [], []
    for w in works:
        wid = work_id_of(w)
        if w.status == "failed" and wid in prev:
            skipped.append(wid)  # never replace a good stored record by a failed fetch
        else:
            keep.append(w)
    wanted = {work_id_of(w) for w in keep}
    ex = {e.id: e for e in extractions if e.id in wanted}
    tables = build_tables(references, keep, ex, list(resolutions), run_id=run_id)
    counts = publish(store, tables, run_id=run_id)
    flags = tables["works"]
    retracted = [
        r.work_id
        for r in flags.itertuples(index=False)
        if r.is_retracted and not prev.get(r.work_id, (False, False))[0]
    ]
    errata = [
        r.work_id
        for r in flags.itertuples(index=False)
        if r.has_erratum and not prev.get(r.work_id, (False, False))[1]
    ]
    return Published(
        counts=counts,
        batch={k: len(v) for k, v in tables.items()},
        new_evidence=len(tables["outcomes"]),
        retracted=retracted,
        errata=errata,
        skipped_failed=sorted(skipped),
    )


@task(name="publish-tables", cache_policy=NO_CACHE, persist_result=False)
def publish_tables(
    out_dir: str,
    run_id: str,
    references: list[Reference],
    resolutions: list,
    works: list[Work],
    extractions: list[Extraction],
) -> Published:
    """``build_tables`` + ``publish``: upsert by stable ids, decisions kept and re-flagged."""
    published = publish_batch(out_dir, run_id, references, resolutions, works, extractions)
    get_run_logger().info(
        "published: %s (batch %s; failed re-fetches kept out: %d)",
        published.counts,
        published.batch,
        len(published.skipped_failed),
    )
    return published


@task(name="finish-run", cache_policy=NO_CACHE, persist_result=False)
def finish_run(out_dir: str, run_id: str, status: str, counts: dict[str, int] | None) -> None:
    from her2mine.tables import TableStore

    TableStore(out_dir).finish_run(run_id, status, counts)


def today_str(today: dt.date) -> str:
    return today.strftime("%Y/%m/%d")
