"""Reliability: a run killed mid-way, corrupt caches, half-written tables, bad inputs, Dask."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from her2mine.errors import Her2mineError, ParseError
from her2mine.flow import run_refresh
from her2mine.flow.state import state_path
from her2mine.flow.tasks import EXTRACTION_CALLS
from her2mine.review import record_decision
from her2mine.tables import TableStore
from her2mine.testserver import Fault

pytestmark = pytest.mark.slow

NEW = {
    "key": "kill-test-2026",
    "doi": "10.5555/her2mine.0200",
    "pmid": "99000200",
    "title": "Zanidatamab in HER2-positive metastatic breast cancer.",
    "year": 2026,
    "edat": time.strftime("%Y-%m-%d"),
    "abstract": "Median progression-free survival was 11.2 months with zanidatamab.",
}


def _run(data_dir, review_path, **kw):
    return run_refresh(
        refs=[review_path],
        query_file="default",
        data_dir=str(data_dir),
        first_mindate="2010/01/01",
        **kw,
    )


def _assert_unique(store: TableStore) -> None:
    for name, key in (
        ("works", "work_id"),
        ("outcomes", "evidence_id"),
        ("mentions", "mention_id"),
        ("references", "reference_id"),
    ):
        assert store.read(name)[key].is_unique, name


def test_sigkill_mid_run_then_rerun_completes_without_losing_decisions(
    prefect_api, srv, review_path, tmp_path
):
    _run(tmp_path, review_path)
    store = TableStore(tmp_path / "processed")
    outcome = store.read("outcomes").iloc[0]
    record_decision(store, outcome["evidence_id"], "rejected", "curator-a", note="wrong arm")
    n_works = store.counts()["works"]

    srv.corpus.add(dict(NEW))
    srv.set_faults([Fault("slow", service="eutils", endpoint="efetch", delay=30)])
    srv.requests.clear()
    env = {
        **os.environ,
        "PREFECT_API_URL": prefect_api,
        **srv.env(),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    }
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from her2mine.cli import main; main()",
            "run",
            "--refs",
            review_path,
            "--query-file",
            "default",
            "--data-dir",
            str(tmp_path),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 90
        while not any("efetch" in r.path for r in srv.requests):  # the new paper's fetch
            assert proc.poll() is None, "run ended before it could be killed"
            assert time.monotonic() < deadline, "run never reached EFetch"
            time.sleep(0.2)
        time.sleep(0.5)
        assert any((tmp_path / "raw" / "requests").rglob("*.json"))  # responses were stored
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
    runs = store.read("runs")
    assert list(runs["status"]) == ["completed", "running"]  # killed: left 'running'

    srv.clear_faults()
    again = _run(tmp_path, review_path)
    assert again["recovered_runs"] == [runs["run_id"].iloc[1]]
    assert list(store.read("runs")["status"]) == ["completed", "failed", "completed"]
    works = store.read("works")
    assert "99000200" in set(works["pmid"]) and len(works) == n_works + 1
    _assert_unique(store)
    review = store.read("review")
    assert len(review) == 1 and review["decision"].item() == "rejected"
    status = store.read("outcomes").set_index("evidence_id")["review_status"]
    assert status[outcome["evidence_id"]] == "rejected"


def test_corrupt_raw_cache_is_refetched_or_refused_offline(prefect_api, srv, review_path, tmp_path):
    _run(tmp_path, review_path)
    store = TableStore(tmp_path / "processed")
    works_before = store.read("works").set_index("work_id")["content_hash"]
    # offline with an intact cache: every answer (saved queries included) is replayed
    srv.requests.clear()
    _run(tmp_path, review_path, offline=True, full=True)
    assert not srv.requests  # nothing went to the network
    assert store.read("runs")["status"].iloc[-1] == "completed"
    replayed = store.read("works").set_index("work_id")["content_hash"]
    assert replayed.sort_index().equals(works_before.sort_index())
    works_before = replayed

    objects = [p for p in (tmp_path / "raw" / "objects").rglob("*") if p.is_file()]
    assert objects
    for p in objects:
        p.write_bytes(b"<garbage")

    # offline with a corrupt cache: a clear error, and the tables stay as they were
    with pytest.raises(Her2mineError, match="corrupt"):
        _run(tmp_path, review_path, offline=True, full=True)
    assert store.read("runs")["status"].iloc[-1] == "failed"
    assert store.read("works").set_index("work_id")["content_hash"].equals(works_before)

    # online: the corrupt answers are fetched again; the tables come out the same
    srv.requests.clear()
    _run(tmp_path, review_path, full=True)
    assert any("efetch" in r.path for r in srv.requests)
    after = store.read("works").set_index("work_id")["content_hash"]
    assert after.sort_index().equals(works_before.sort_index())
    _assert_unique(store)


def test_failed_reference_resolution_is_retried_next_run(
    prefect_api, srv, review_path, tmp_path, monkeypatch
):
    # The first Crossref request of a first run is the bibliographic query of reference 6 (the
    # first cited work without a DOI): make it fail, with no HTTP-level retry.
    monkeypatch.setenv("HER2MINE_MAX_RETRIES", "0")
    srv.set_faults([Fault("503", service="crossref", times=1)])
    first = _run(tmp_path, review_path)
    store = TableStore(tmp_path / "processed")
    ref6 = store.read("references").set_index("index").loc[6]
    assert ref6["resolution_status"] == "pending" and "503" in ref6["resolution_reason"]
    assert first["inputs_retry"] == [str(Path(review_path).resolve())]

    srv.clear_faults()
    second = _run(tmp_path, review_path)
    assert second["references_fetched"] and second["inputs_retry"] == []
    refs = store.read("references").set_index("index")
    assert refs.loc[6, "resolution_status"] == "matched"
    assert refs.loc[6, "work_id"] in set(store.read("works")["work_id"])
    third = _run(tmp_path, review_path)
    assert not third["references_fetched"]  # resolved now: the file is not read again


def test_half_written_table_gives_a_clear_error_not_a_wrong_table(
    prefect_api, srv, review_path, tmp_path
):
    _run(tmp_path, review_path)
    out = tmp_path / "processed"
    parquet, csv = out / "outcomes.parquet", out / "outcomes.csv"
    parquet.write_bytes(parquet.read_bytes()[:200])  # a write cut short outside her2mine
    csv.write_text("evidence_id\nx\n", encoding="utf-8")
    srv.corpus.add(dict(NEW))
    with pytest.raises(ParseError, match="outcomes.parquet"):
        _run(tmp_path, review_path)
    assert TableStore(out).read("runs")["status"].iloc[-1] == "failed"


def test_malformed_reference_file_is_a_clear_error(prefect_api, srv, tmp_path):
    bad = tmp_path / "review.bib"
    bad.write_text("@article{broken, title = {unclosed", encoding="utf-8")
    with pytest.raises(Her2mineError, match="review.bib"):
        run_refresh(refs=[str(bad)], data_dir=str(tmp_path))
    with pytest.raises(Her2mineError, match="nothing to refresh"):
        run_refresh(refs=[], data_dir=str(tmp_path))
    with pytest.raises(Her2mineError, match="neither a file nor a DOI: 'NEJMoa1113216'"):
        run_refresh(refs=["NEJMoa1113216"], data_dir=str(tmp_path))


def test_corrupt_extraction_cache_is_recomputed(prefect_api, srv, review_path, tmp_path):
    _run(tmp_path, review_path)
    results = [p for p in (tmp_path / "prefect-results").rglob("*") if p.is_file()]
    assert results  # extraction results were persisted
    for p in results:
        p.write_bytes(b"not a result")
    state_path(tmp_path / "processed").unlink()  # forget the state: everything re-checked
    before = EXTRACTION_CALLS["documents"]
    summary = _run(tmp_path, review_path)
    assert summary["documents_extracted"] > 0
    assert EXTRACTION_CALLS["documents"] > before  # recomputed, not read from the bad file
    assert TableStore(tmp_path / "processed").counts()["outcomes"] > 100


def test_dask_task_runner_runs_extraction_batches(prefect_api, srv, review_path, tmp_path):
    summary = _run(tmp_path, review_path, task_runner="dask", batch_size=8)
    assert summary["extraction_batches"] >= 4
    counts = TableStore(Path(summary["out_dir"])).counts()
    assert counts["outcomes"] > 100 and counts["works"] == summary["works_fetched"]
