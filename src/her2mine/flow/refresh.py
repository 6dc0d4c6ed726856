"""The ``refresh`` flow: references and saved PubMed queries in → resolve and fetch → extract →
curated tables out, incrementally.

Order of work (each step skipped as early as possible):

1. ``begin-run`` records a ``runs`` row (and marks runs killed mid-way as failed).
2. ``find-updates``: saved queries over Entrez-date windows since their last successful run,
   plus cheap change checks on known records (PubMed mdat, Crossref update date).
3. ``fetch-references`` only if a reference file changed (sha256) or a fetch is pending;
   ``fetch-records`` only for new PMIDs and changed/pending records.
4. ``extract-batch`` (mapped over deterministic batches; cached by content hash +
   PIPELINE_VERSION) only for works whose content hash changed.
5. ``publish-tables`` (skipped when nothing changed), ``finish-run``, then the state file.

A second run with nothing new therefore sends only the change-check requests and extracts
nothing. Evidence of a paper that became retracted is marked ``retracted`` and leaves the
evidence matrix; curator decisions are kept and re-flagged stale when their text changed.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import Any

from prefect import flow
from prefect.logging import get_run_logger
from prefect.task_runners import ThreadPoolTaskRunner

from her2mine.errors import InputError
from her2mine.flow import progress
from her2mine.flow.inputs import check_inputs, files_to_retry, fingerprints, inputs_to_record
from her2mine.flow.limits import CROSSREF_LIMIT, NCBI_LIMIT, ensure_limits, take_slot
from her2mine.flow.plan import (
    batches,
    dedupe_works,
    document_of,
    needs_extraction,
    work_states,
)
from her2mine.flow.queries import load_queries, plan_windows, resolve_query_file
from her2mine.flow.state import file_sha256, load_state, save_state
from her2mine.flow.summary import summary_markdown, summary_rows
from her2mine.flow.tasks import (
    begin_run,
    extract_batch,
    fetch_records,
    fetch_references,
    find_updates,
    finish_run,
    publish_tables,
    settings_from,
    today_str,
)

FLOW_NAME = "her2mine-refresh"
SUMMARY_KEY = "her2mine-refresh-summary"


def _published_hashes(out_dir: Path) -> dict[str, str]:
    from her2mine.tables import TableStore

    works = TableStore(out_dir).read("works")
    return dict(zip(works["work_id"], works["content_hash"], strict=True))


def _result_storage(data_dir: Path) -> str:
    """A saved LocalFileSystem block for DATA_DIR/prefect-results (Dask workers load it by
    name, so it must live on the server); returns its slug."""
    import hashlib

    from prefect.filesystems import LocalFileSystem

    path = (data_dir / "prefect-results").resolve()
    path.mkdir(parents=True, exist_ok=True)
    name = "her2mine-results-" + hashlib.sha256(str(path).encode()).hexdigest()[:12]
    LocalFileSystem(basepath=str(path)).save(name, overwrite=True)
    return f"local-file-system/{name}"


@flow(
    name=FLOW_NAME,
    task_runner=ThreadPoolTaskRunner(max_workers=2),
    log_prints=False,
    persist_result=False,
)
def refresh(
    refs: list[str] | None = None,
    query_file: str | None = None,
    out_dir: str | None = None,
    data_dir: str | None = None,
    email: str | None = None,
    offline: bool = False,
    model: str | None = None,
    batch_size: int = 32,
    lookback_days: int = 365,
    first_mindate: str | None = None,
    full: bool = False,
) -> dict[str, Any]:
    """Refresh the curated tables from reference lists and saved PubMed queries.

    Args:
        refs: review files / DOI lists / BibTeX / RIS (or DOIs) whose cited works to include.
        query_file: YAML of saved PubMed queries ("default" = the bundled queries.yaml).
        out_dir: table directory (default DATA_DIR/processed).
        data_dir: data directory (raw responses in DATA_DIR/raw; default $HER2MINE_DATA_DIR).
        email: contact address sent to NCBI and Crossref (default $HER2MINE_EMAIL).
        offline: use only stored responses; never the network.
        model: spaCy model for extraction (default: rules only / $HER2MINE_SPACY_MODEL).
        batch_size: documents per extraction task.
        lookback_days: first-run window of saved queries without their own mindate.
        first_mindate: first-run start date for all saved queries without a mindate.
        full: ignore the incremental state (re-check every record; still cached).
    """
    started = time.monotonic()
    logger = get_run_logger()
    overrides = {"data_dir": data_dir, "email": email, "offline": True if offline else None}
    settings = settings_from(overrides)
    out = Path(out_dir) if out_dir else settings.processed_dir
    refs = list(refs or [])
    qpath = resolve_query_file(query_file)
    queries = load_queries(qpath) if qpath else []
    if not refs and not queries:
        raise InputError("nothing to refresh: give reference files (--refs) or a query file")
    check_inputs(refs)
    if batch_size < 1:
        raise InputError(f"batch_size must be >= 1, got {batch_size}")

    from her2mine.extract import PIPELINE_VERSION

    today = dt.date.today()
    params = {
        "refs": refs,
        "query_file": str(qpath) if qpath else None,
        "out_dir": str(out),
        "offline": offline,
        "model": model,
        "pipeline": PIPELINE_VERSION,
        "full": full,
    }
    run_id, recovered = begin_run(str(out), params)
    try:
        state, state_warning = load_state(out)
        if state_warning:
            logger.warning(state_warning)
        since = None if full else state.last_success
        windows = plan_windows(
            queries,
            {} if full else state.queries,
            today,
            lookback_days=lookback_days,
            first_mindate=first_mindate,
        )
        if not offline:
            ensure_limits(settings)
        # The change check sends a handful of requests (paced in-process) and takes no global
        # slot: Prefect's slot bookkeeping can stall an acquisition ~2 s, which would dominate
        # a no-op refresh. The bulk fetch tasks below do take one.
        progress.report("check", 0, 3)
        updates = find_updates(
            overrides,
            windows,
            sorted(state.known_pmids),
            sorted(state.known_dois),
            since,
            today_str(today),
        )

        # -- what to fetch ------------------------------------------------------------------
        input_hashes = fingerprints(refs, file_sha256)
        refs_changed = bool(refs) and (full or input_hashes != state.inputs)
        known = state.known_pmids
        new_pmids = sorted(set(updates.query_pmids) - known)
        pmids = sorted(
            set(new_pmids) | set(updates.changed_pmids) | {p for p in state.pending if p.isdigit()}
        )
        dois = sorted(set(updates.changed_dois) | {d for d in state.pending if not d.isdigit()})
        fetched_refs = None
        if refs_changed and not offline:
            take_slot([NCBI_LIMIT, CROSSREF_LIMIT])
        if refs_changed:
            fetched_refs = fetch_references(overrides, refs)
        records = None
        if (pmids or dois) and not offline:
            take_slot([NCBI_LIMIT, CROSSREF_LIMIT])
        if pmids or dois:
            records = fetch_records(overrides, pmids, dois)
        works = dedupe_works(
            (fetched_refs.works if fetched_refs else []) + (records.works if records else [])
        )

        # -- extraction -----------------------------------------------------------------------
        todo = needs_extraction(works, state, _published_hashes(out), PIPELINE_VERSION)
        docs = [document_of(w) for w in todo]
        plan = batches(docs, batch_size)
        progress.report("extract", 0, len(docs))
        extractions = []
        if plan:
            extract = extract_batch.with_options(result_storage=_result_storage(settings.data_dir))
            futures = extract.map(plan, model=model)
            for batch in futures.result():
                extractions.extend(batch)

        # -- tables -----------------------------------------------------------------------------
        published = None
        if works or refs_changed:
            progress.report("publish", 0, 1)
            published = publish_tables(
                str(out),
                run_id,
                fetched_refs.references if fetched_refs else [],
                fetched_refs.resolutions if fetched_refs else [],
                works,
                extractions,
            )
            progress.report("publish", 1, 1)
        counts = published.counts if published else None
        finish_run(str(out), run_id, "completed", counts)
    except BaseException:
        try:
            finish_run.fn(str(out), run_id, "failed", None)
        except Exception as exc:  # keep the original error
            logger.error("could not mark run %s failed: %s", run_id, exc)
        raise

    # The state moves on only after the tables are complete (see her2mine.flow.state).
    extracted = work_states(todo, PIPELINE_VERSION)
    state.works.update(extracted)
    failed = set(fetched_refs.retry if fetched_refs else [])
    failed |= set(records.retry if records else [])
    state.pending = sorted(x for x in failed if x)
    # An unresolved reference has no DOI/PMID to put in ``pending``: when its resolution
    # failed, its file is not recorded, so the next run reads the file again.
    retry_files = (
        files_to_retry(fetched_refs.references, fetched_refs.resolutions) if fetched_refs else set()
    )
    if refs_changed or not refs:
        state.inputs = inputs_to_record(input_hashes, retry_files)
    for w in windows:
        for name in w.queries:
            q = next(q for q in queries if q.name == name)
            state.queries[name] = {"term_sha": q.term_sha, "date": today_str(today)}
    state.queries = {k: v for k, v in state.queries.items() if k in {q.name for q in queries}}
    state.last_success = today_str(today)
    save_state(out, state)

    summary = {
        "run_id": run_id,
        "out_dir": str(out),
        "seconds": round(time.monotonic() - started, 2),
        "queries": len(queries),
        "query_hits": len(set(updates.query_pmids)),
        "new_pmids": len(new_pmids),
        "changed_pubmed": len(updates.changed_pmids),
        "changed_crossref": len(updates.changed_dois),
        "references_fetched": bool(fetched_refs),
        "works_fetched": len(works),
        "documents_extracted": len(docs),
        "extraction_batches": len(plan),
        "new_evidence": published.new_evidence if published else 0,
        "retracted_flagged": published.retracted if published else [],
        "errata_flagged": published.errata if published else [],
        "failures": [
            f"{f.service}: {f.error}" for r in (records, fetched_refs) if r for f in r.failures
        ],
        "pending_retry": state.pending,
        "inputs_retry": sorted(retry_files),
        "skipped_failed": published.skipped_failed if published else [],
        "batch_rows": published.batch if published else {},
        "recovered_runs": recovered,
        "counts": counts or {},
        "requests": updates.requests
        + (fetched_refs.request_count if fetched_refs else 0)
        + (records.request_count if records else 0),
    }
    _artifacts(summary)
    logger.info(
        "refresh %s: %s",
        run_id,
        {
            k: summary[k]
            for k in (
                "new_pmids",
                "changed_pubmed",
                "changed_crossref",
                "documents_extracted",
                "new_evidence",
                "requests",
            )
        },
    )
    return summary


def _artifacts(summary: dict[str, Any]) -> None:
    from prefect.artifacts import create_markdown_artifact, create_table_artifact

    try:
        create_markdown_artifact(
            summary_markdown(summary), key=SUMMARY_KEY, description="her2mine refresh summary"
        )
        create_table_artifact(
            summary_rows(summary),
            key=SUMMARY_KEY + "-counts",
            description="rows per table after the refresh",
        )
    except Exception as exc:  # an artifact must never fail a run whose tables are written
        get_run_logger().warning("could not create the summary artifact: %s", exc)
