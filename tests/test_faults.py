"""Fault injection against the local protocol server: every record arrives or fails by id.

Runs the real clients and ``fetch_works`` (no mocks) with fast backoff settings. Each fault is
transient (``times=2``) unless the test says otherwise, so retries must recover everything.
"""

from __future__ import annotations

import json
import logging
import threading
import time

import pytest
from test_fetch import build_corpus, fast

from her2mine.cli.cmd_fetch import work_record
from her2mine.fetch import fetch_works
from her2mine.http.client import Http
from her2mine.sources.pubmed import PubMedClient
from her2mine.testserver import Fault, ProtocolServer

SECRET = "H4-SECRET-API-KEY-0123456789abcdef"

# (kind, service) pairs where the fault can occur: XML services are never JSON and vice versa.
CASES = [
    (kind, service)
    for service, kinds in {
        "eutils": [
            "429",
            "429_no_retry_after",
            "500",
            "502",
            "503",
            "slow",
            "truncated",
            "error_200",
        ],
        "idconv": ["500", "502", "503", "slow", "truncated", "malformed_json"],
        "crossref": [
            "429",
            "429_no_retry_after",
            "500",
            "502",
            "503",
            "slow",
            "truncated",
            "malformed_json",
        ],
    }.items()
    for kind in kinds
]


def corpus():
    # 1 and 6 are not in PubMed, so the ID converter is asked about them (second pass).
    return build_corpus(8, not_in_pubmed={1, 6}, not_in_crossref={4})


@pytest.mark.parametrize(("kind", "service"), CASES, ids=[f"{s}-{k}" for k, s in CASES])
def test_transient_fault_is_retried_and_nothing_is_lost(kind, service, tmp_path):
    c = corpus()
    dois = [w.doi for w in c.works()]
    fault = Fault(kind, service=service, times=2, delay=1.0, retry_after=1)
    with ProtocolServer(c, faults=[fault]) as srv:
        result = fetch_works(dois, fast(srv, tmp_path, timeout=0.4, max_retries=3))
        # the server logs a request when it answers: a "slow" one the client gave up on is
        # logged once its delay is over
        deadline = time.monotonic() + 5
        while sum(r.fault == kind for r in srv.requests) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        log = srv.requests.for_service(service)
    assert [w.doi for w in result.works] == dois  # each input exactly once, in order
    assert {w.status for w in result.works} == {"ok"}, [w.reason for w in result.works]
    fired = [r for r in log if r.fault == kind]
    assert len(fired) == 2, "the fault must have been hit twice"
    # every faulted request was repeated: more requests than distinct requests
    distinct = {(r.method, r.path, json.dumps(r.params, sort_keys=True)) for r in log}
    assert len(log) >= len(distinct) + 2
    expected = {w.doi: w for w in c.works()}
    for work in result.works:
        truth = expected[work.doi]
        assert work.title == truth.title
        assert work.pmid == (truth.pmid if truth.in_pubmed else None)


def test_crossref_down_yields_failed_works_with_pubmed_data(tmp_path):
    c = corpus()
    dois = [w.doi for w in c.works()]
    with ProtocolServer(c, faults=[Fault("500", service="crossref")]) as srv:
        result = fetch_works(dois, fast(srv, tmp_path, max_retries=2))
        crossref_requests = len(srv.requests.for_service("crossref"))
    assert [w.doi for w in result.works] == dois
    assert crossref_requests == 3  # one batch, 1 + max_retries attempts
    for work in result.works:
        assert work.status == "failed"
        assert "crossref" in work.reason and "GET http://127.0.0.1" in work.reason
        assert "/crossref/works?filter=doi:" in work.reason and "HTTP 500" in work.reason
        truth = c.by_doi(work.doi)
        if truth.in_pubmed:  # the other source's data still arrives
            assert work.pmid == truth.pmid and work.title == truth.title
    assert [f.service for f in result.failures] == ["crossref"]
    assert sorted(result.failures[0].ids) == sorted(dois)


def test_eutils_down_yields_failed_works_with_crossref_data(tmp_path):
    c = corpus()
    dois = [w.doi for w in c.works()]
    with ProtocolServer(c, faults=[Fault("503", service="eutils")]) as srv:
        result = fetch_works(dois, fast(srv, tmp_path, max_retries=1))
    for work in result.works:
        assert work.status == "failed" and "esearch.fcgi" in work.reason
        truth = c.by_doi(work.doi)
        if truth.in_crossref:
            assert work.title == truth.title and work.sources["title"] == "crossref"
        assert work.pmid is None
    # nothing was remembered as "not in PubMed": a re-run with the service back asks again
    with ProtocolServer(c) as srv:
        again = fetch_works(dois, fast(srv, tmp_path))
    assert {w.status for w in again.works} == {"ok"}
    assert again.works[0].pmid == c.by_doi(dois[0]).pmid


def test_api_key_never_stored_logged_or_printed(tmp_path, caplog):
    c = corpus()
    dois = [w.doi for w in c.works()]
    faults = [
        Fault("500", service="eutils", times=1),
        Fault("429", service="eutils", times=1, retry_after=0),
    ]
    with ProtocolServer(c, faults=faults) as srv, caplog.at_level(logging.DEBUG):
        settings = fast(srv, tmp_path, api_key=SECRET)
        result = fetch_works(dois, settings)
        with ProtocolServer(c, faults=[Fault("500", service="eutils")]) as down:
            failing = fetch_works(
                dois[:2], fast(down, tmp_path / "2", api_key=SECRET, max_retries=1)
            )
        sent = [r for r in srv.requests.for_service("eutils")]
    assert sent and all(r.params.get("api_key") == "***" for r in sent)  # it WAS sent
    assert "esearch.fcgi" in caplog.text  # debug logging really ran
    assert SECRET not in caplog.text
    assert "failed" in {w.status for w in failing.works}
    for work in result.works + failing.works:
        assert SECRET not in json.dumps(work_record(work))
    assert SECRET not in repr(settings)
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert any("requests" in p.parts for p in files)
    for path in files:
        assert SECRET.encode() not in path.read_bytes(), path


def test_limiter_keeps_eutils_starts_within_3_per_second(tmp_path):
    """Correctness of the shared limiter, measured from the server's own request log."""
    c = corpus()
    pmids = [w.pmid for w in c.works() if w.in_pubmed]
    with ProtocolServer(c) as srv:
        http = Http(fast(srv, tmp_path))  # no api_key: NCBI's 3 requests/second

        def worker(ids):
            client = PubMedClient(http.eutils)  # no index: every call goes to the network
            for pmid in ids:
                client.efetch_batch([pmid])

        threads = [threading.Thread(target=worker, args=(pmids[i::3],)) for i in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        http.close()
        times = sorted(r.time for r in srv.requests.for_service("eutils"))
        limited = srv.stats["rate_limited"]["eutils"]
    assert len(times) == len(pmids) >= 6
    for i, start in enumerate(times):
        in_window = [t for t in times[i:] if t - start < 1.0]
        assert len(in_window) <= 3, f"{len(in_window)} request starts within 1 s"
    assert limited == 0
