"""HTTP layer and source clients against the local protocol server: offline replay of fresh
requests, store repair, transient errors in 200 bodies, size cap and deadline, expiry of
negative answers. Real clients, real HTTP on 127.0.0.1, no mocks."""

from __future__ import annotations

import json

import pytest
from test_fetch import build_corpus, fast

from her2mine.errors import OfflineMiss, ServiceError
from her2mine.fetch import fetch_works
from her2mine.fsutil import sha256_file
from her2mine.http.client import Http
from her2mine.http.index import IdIndex
from her2mine.sources.crossref import CrossrefClient
from her2mine.sources.pubmed import PubMedClient
from her2mine.testserver import Fault, ProtocolServer


def pubmed(http: Http) -> PubMedClient:
    root = http.store.root
    return PubMedClient(
        http.eutils,
        http.idconv,
        pmid_index=IdIndex(root, "pubmed"),
        doi_index=IdIndex(root, "doi_pmid"),
    )


# -- item 1: offline replays even requests made with fresh=True -------------------------------


def test_offline_replays_a_fresh_search_from_the_store(tmp_path):
    corpus = build_corpus(3)
    with ProtocolServer(corpus) as srv:
        with Http(fast(srv, tmp_path)) as http:
            online = pubmed(http).esearch('"ZETA001"[ti]')  # saved searches are fresh=True
        asked = len(srv.requests)
        with Http(fast(srv, tmp_path, offline=True)) as http:
            offline = pubmed(http).esearch('"ZETA001"[ti]')
            assert http.request_count == 0
        with Http(fast(srv, tmp_path, offline=True)) as http, pytest.raises(OfflineMiss):
            pubmed(http).esearch('"ZETA002"[ti]')  # never asked online: still a clear miss
        assert len(srv.requests) == asked
    assert online.ids == offline.ids == ["99100001"]


def test_offline_fetch_of_a_whole_run_needs_no_network(tmp_path):
    corpus = build_corpus(6, not_in_pubmed={2}, not_in_crossref={4})
    dois = [w.doi for w in corpus.works()]
    with ProtocolServer(corpus) as srv:
        first = fetch_works(dois, fast(srv, tmp_path))
        asked = len(srv.requests)
        again = fetch_works(dois, fast(srv, tmp_path, offline=True))
        assert len(srv.requests) == asked
    assert [w.to_dict() for w in again.works] == [w.to_dict() for w in first.works]


# -- item 2: a damaged body of the same size is repaired ----------------------------------------


def test_same_size_corruption_is_repaired_on_refetch(tmp_path):
    corpus = build_corpus(2)
    with ProtocolServer(corpus) as srv, Http(fast(srv, tmp_path)) as http:
        parse = CrossrefClient._parse_one
        first = http.crossref.request("GET", f"works/{corpus.works()[0].doi}", parse=parse)
        obj = http.store.object_path(first.body_sha256)
        good = obj.read_bytes()
        obj.write_bytes(good.replace(b"ZETA000", b"ZETA999"))  # same size, wrong content
        assert obj.stat().st_size == len(good)
        again = http.crossref.request("GET", f"works/{corpus.works()[0].doi}", parse=parse)
        assert not again.from_store and again.value.title == first.value.title
        assert sha256_file(obj) == first.body_sha256  # the object was rewritten
        third = http.crossref.request("GET", f"works/{corpus.works()[0].doi}", parse=parse)
        assert third.from_store  # and is good for replay again
        assert len(srv.requests.for_service("crossref")) == 2


def test_write_body_rewrites_a_same_size_damaged_object(tmp_path):
    from her2mine.http.store import RawStore

    store = RawStore(tmp_path)
    digest = store.write_body(b"abcdef")
    store.object_path(digest).write_bytes(b"abcxef")
    assert store.write_body(b"abcdef") == digest
    assert store.read_body(digest) == b"abcdef"


# -- item 9: transient <ERROR> documents in HTTP 200 bodies are retried -------------------------


def test_backend_error_in_a_200_body_is_retried(tmp_path):
    corpus = build_corpus(3)
    with ProtocolServer(corpus, faults=[Fault("error_200", service="eutils", times=2)]) as srv:
        with Http(fast(srv, tmp_path)) as http:
            found = pubmed(http).esearch('"ZETA002"[ti]')
            assert http.stats.retries["eutils"] == 2
        assert [r.fault for r in srv.requests.for_service("eutils")] == [
            "error_200",
            "error_200",
            None,
        ]
    assert found.ids == ["99100002"]


def test_lasting_backend_error_gives_up_naming_it(tmp_path):
    with ProtocolServer(build_corpus(2), faults=[Fault("error_200", service="eutils")]) as srv:
        with (
            Http(fast(srv, tmp_path, max_retries=2)) as http,
            pytest.raises(ServiceError, match="Search Backend failed") as err,
        ):
            pubmed(http).esearch('"ZETA001"[ti]')
        assert len(srv.requests.for_service("eutils")) == 3
    assert err.value.status == 200 and "esearch.fcgi" in err.value.request


def test_request_error_in_a_200_body_is_not_retried(tmp_path):
    with ProtocolServer(build_corpus(2)) as srv, Http(fast(srv, tmp_path)) as http:
        with pytest.raises(ServiceError, match="Invalid db name"):
            http.eutils.request(
                "GET",
                "esearch.fcgi",
                params={"db": "fleegle", "term": "x"},
                parse=PubMedClient._parse_esearch,
            )
        assert len(srv.requests) == 1


# -- item 12: response size cap and overall deadline per attempt ---------------------------------


def test_response_larger_than_the_cap_is_refused_without_retries(tmp_path):
    corpus = build_corpus(3)
    with ProtocolServer(corpus) as srv, Http(fast(srv, tmp_path, max_response_bytes=600)) as http:
        with pytest.raises(ServiceError, match="exceeds the 600-byte limit") as err:
            pubmed(http).efetch_batch(["99100000", "99100001"])
        assert len(srv.requests) == 1  # not a transient failure: asked once
        assert not list((tmp_path / "raw").rglob("objects/*/*"))  # nothing stored
    assert "efetch.fcgi" in err.value.request


@pytest.mark.parametrize(
    ("kind", "where"),
    [("drip", "while reading the body"), ("drip_headers", "waiting for the response headers")],
)
def test_dripping_response_hits_the_deadline_and_is_retried(tmp_path, caplog, kind, where):
    """A response dripped slower than the attempt deadline is cut off by that deadline (named
    in the retry warning, not a read timeout), the server sees the client hang up before it
    has sent it all, and the one retry gets the answer."""
    corpus = build_corpus(2)
    doi = corpus.works()[0].doi
    # The body ("drip") or the status line and headers ("drip_headers") in 10 pieces 0.3 s
    # apart: each read is well within the read timeout, the whole takes 2.7 s; only the overall
    # deadline stops the wait before the server is done.
    drip = Fault(kind, service="crossref", times=1, delay=0.3)
    with (
        ProtocolServer(corpus, faults=[drip]) as srv,
        Http(fast(srv, tmp_path, timeout=2.0, request_deadline=1.0)) as http,
        caplog.at_level("WARNING", logger="her2mine.http.client"),
    ):
        got = http.crossref.request("GET", f"works/{doi}", parse=CrossrefClient._parse_one)
        assert http.stats.retries["crossref"] == 1
        dripped, answered = srv.requests.for_service("crossref")
        assert srv.requests.wait_until_delivered(dripped) == "client_closed"
    assert (dripped.fault, answered.fault) == (kind, None)
    assert f"deadline of 1 s exceeded {where}" in caplog.text
    assert got.value.doi == doi and not got.from_store


def test_headers_deadline_is_named_when_every_attempt_exceeds_it(tmp_path):
    corpus = build_corpus(2)
    doi = corpus.works()[0].doi
    drip = Fault("drip_headers", service="crossref", delay=0.3)  # a lasting fault
    named = "deadline of 0.5 s exceeded waiting for the response headers"
    with (
        ProtocolServer(corpus, faults=[drip]) as srv,
        Http(fast(srv, tmp_path, timeout=2.0, request_deadline=0.5, max_retries=2)) as http,
        pytest.raises(ServiceError, match=named) as err,
    ):
        http.crossref.request("GET", f"works/{doi}", parse=CrossrefClient._parse_one)
    assert doi in err.value.request


# -- item 3: negative answers expire ---------------------------------------------------------


def test_not_found_answers_are_asked_again_after_their_ttl(tmp_path):
    corpus = build_corpus(4, not_in_pubmed={1}, not_in_crossref={2})
    dois = [w.doi for w in corpus.works()]
    with ProtocolServer(corpus) as srv:
        first = {w.doi: w for w in fetch_works(dois, fast(srv, tmp_path)).works}
        assert first[dois[1]].pmid is None and first[dois[2]].pmid is not None
        assert "crossref" not in json.dumps(first[dois[2]].sources)
        # PubMed indexes work 1 and Crossref registers work 2 after the first run.
        corpus.update(dois[1], in_pubmed=True)
        corpus.update(dois[2], in_crossref=True)
        n = len(srv.requests)
        within = {w.doi: w for w in fetch_works(dois, fast(srv, tmp_path)).works}
        assert len(srv.requests) == n  # within the TTL the stored answers stand
        assert within[dois[1]].pmid is None
        later = {
            w.doi: w for w in fetch_works(dois, fast(srv, tmp_path, negative_ttl_days=0)).works
        }
        asked = list(srv.requests)[n:]
    assert later[dois[1]].pmid == "99100001"
    assert later[dois[2]].sources.get("doi") == "crossref"
    # only the two expired negatives were asked about, not the works already known
    asked_about = " ".join(json.dumps(r.params) for r in asked)
    assert dois[0] not in asked_about and dois[3] not in asked_about
    # and the new answers are indexed: a normal run needs no network again
    with ProtocolServer(corpus) as srv:
        fetch_works(dois, fast(srv, tmp_path))
        assert len(srv.requests) == 0


def test_negative_index_entries_without_a_time_stamp_are_rechecked(tmp_path):
    corpus = build_corpus(2, not_in_crossref={1})
    doi = corpus.works()[1].doi
    IdIndex(tmp_path / "raw", "crossref").update({doi: {"found": False}})  # an old entry
    corpus.update(doi, in_crossref=True)
    with ProtocolServer(corpus) as srv, Http(fast(srv, tmp_path)) as http:
        client = CrossrefClient(http.crossref, index=IdIndex(http.store.root, "crossref"))
        works = client.get_works([doi])
    assert works[doi].status == "ok" and works[doi].title
    entry = IdIndex(tmp_path / "raw", "crossref").get(doi)
    assert entry.get("body")
