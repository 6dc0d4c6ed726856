"""PubMed client: DOI → PMID via ESearch + EFetch, POST for long lists, paging, ID converter."""

from __future__ import annotations

import pytest
from test_fetch import build_corpus, fast

from her2mine.errors import InputError
from her2mine.http.client import Http
from her2mine.http.index import IdIndex
from her2mine.sources.pubmed import PubMedClient, doi_term, idconv_batches
from her2mine.testserver import ProtocolServer

KEY = "pm-test-key-42"


def client_for(http: Http, indexed: bool = True) -> PubMedClient:
    root = http.store.root
    return PubMedClient(
        http.eutils,
        http.idconv,
        pmid_index=IdIndex(root, "pubmed") if indexed else None,
        doi_index=IdIndex(root, "doi_pmid") if indexed else None,
    )


def test_pure_helpers():
    assert doi_term("10.1000/x") == '"10.1000/x"[doi]'
    assert doi_term('10.1000/a"b') is None
    batches = idconv_batches([f"10.5555/{'y' * 60}.{i}" for i in range(300)])
    assert all(len(b) <= 200 for b in batches) and sum(map(len, batches)) == 300
    assert len(batches) > 2  # URL length splits before the 200-id cap


def test_dois_map_to_their_own_records_not_result_order(tmp_path):
    corpus = build_corpus(12, not_in_pubmed={4, 9})
    dois = [w.doi for w in corpus.works()] + ["10.5555/h4.unknown"]
    with ProtocolServer(corpus) as srv, Http(fast(srv, tmp_path, api_key=KEY)) as http:
        result = client_for(http).works_by_doi(dois)
        log = list(srv.requests)
    assert list(result) == dois
    for doi in dois:
        truth = corpus.by_doi(doi)
        if truth is None or not truth.in_pubmed:
            assert result[doi].status == "not_found"
        else:
            assert result[doi].pmid == truth.pmid and result[doi].doi == doi
            assert result[doi].pmcid == (truth.pmcid or None)
    esearch = [r for r in log if r.path.endswith("esearch.fcgi")]
    assert len(esearch) == 1 and esearch[0].method == "POST"
    assert esearch[0].params["term"].count("[doi]") == len(dois)
    for rec in log:
        assert rec.params["tool"] == "her2mine" and rec.params["email"] == "dev@example.org"
        # the key goes to E-utilities only, and the server saw it (masked in its log)
        assert rec.params.get("api_key") == ("***" if rec.service == "eutils" else None)
    # the ID converter was asked only about what ESearch did not find
    idconv = [r for r in log if r.service == "idconv"]
    assert len(idconv) == 1
    assert sorted(idconv[0].params["ids"].split(",")) == sorted(
        ["10.5555/h4.0004", "10.5555/h4.0009", "10.5555/h4.unknown"]
    )


def test_efetch_uses_post_for_long_lists_and_get_for_short(tmp_path):
    corpus = build_corpus(60)
    pmids = corpus.pmids()
    with ProtocolServer(corpus) as srv, Http(fast(srv, tmp_path)) as http:
        client = client_for(http, indexed=False)
        records = client.efetch(pmids)
        assert sorted(records) == sorted(pmids)
        client.efetch_batch(pmids[:3])
        methods = [(r.method, len(r.params["id"].split(","))) for r in srv.requests]
        assert methods == [("POST", 60), ("GET", 3)]
        with pytest.raises(InputError):
            client.efetch_batch([str(i) for i in range(201)])
        with pytest.raises(InputError, match="abc"):
            client.efetch_batch(["abc"])
        for bad in ("²", "PMID:1", "0012"):  # refused before any request
            with pytest.raises(InputError, match="not a PMID"):
                client.efetch_batch([pmids[0], bad])
        assert len(srv.requests) == 2


def test_esearch_pages_with_retstart_and_history(tmp_path):
    corpus = build_corpus(10)
    with ProtocolServer(corpus) as srv, Http(fast(srv, tmp_path)) as http:
        client = client_for(http, indexed=False)
        everything = client.esearch("breast", page_size=4)
        assert everything.count == 10 and sorted(everything.ids) == sorted(corpus.pmids())
        starts = [r.params["retstart"] for r in srv.requests]
        assert starts == ["0", "4", "8"]
        windowed = client.esearch(
            "breast", mindate="2005/01/01", maxdate="2007/12/31", datetype="edat"
        )
        expected = [w.pmid for w in corpus.works() if w.edat < "2008"]
        assert sorted(windowed.ids) == sorted(expected)
        hist = client.esearch_page("breast", retmax=0, usehistory=True)
        assert hist.webenv and hist.query_key
        works = client.efetch_history(hist.webenv, hist.query_key, hist.count)
        assert sorted(w.pmid for w in works) == sorted(corpus.pmids())
        with pytest.raises(InputError):
            client.esearch("breast", mindate="2005")  # both ends or neither
        with pytest.raises(InputError):
            client.esearch("breast", datetype="xdat")


def test_idconv_answers_pmc_articles_only(tmp_path):
    corpus = build_corpus(4, pmc_every=2)  # works 0 and 2 are in PMC
    with ProtocolServer(corpus) as srv, Http(fast(srv, tmp_path)) as http:
        records = client_for(http).idconv(["10.5555/h4.0000", "10.5555/h4.0001"])
    by_doi = {r.requested or r.doi: r for r in records}
    assert by_doi["10.5555/h4.0000"].pmcid == "PMC99100000"
    assert by_doi["10.5555/h4.0000"].pmid == "99100000"
    assert by_doi["10.5555/h4.0001"].error


def test_efetch_fresh_asks_again_and_repoints_the_index(tmp_path):
    corpus = build_corpus(3)
    pmid, doi = "99100001", "10.5555/h4.0001"
    with ProtocolServer(corpus) as srv:
        with Http(fast(srv, tmp_path)) as http:
            client = client_for(http)
            assert client.efetch([pmid])[pmid].abstract == "Synthetic abstract 1 about pertuzumab."
            corpus.set_abstract(doi, "Rewritten abstract.", date="2026-07-01")
            n = len(srv.requests)
            # not fresh: the store answers, no request, the old text
            assert client.efetch([pmid])[pmid].abstract.startswith("Synthetic abstract 1")
            assert client.efetch_batch([pmid])[pmid].abstract.startswith("Synthetic abstract 1")
            assert len(srv.requests) == n
            fresh = client.efetch([pmid, "99100002"], fresh=True)
            assert len(srv.requests) == n + 1
            assert fresh[pmid].abstract == "Rewritten abstract."
            assert "99100002" in srv.requests[-1].params["id"]
            # the index now points at the new body: later lookups read it without a request
            assert client.efetch([pmid])[pmid].abstract == "Rewritten abstract."
            assert client.lookup_pmid(pmid).abstract == "Rewritten abstract."
            assert len(srv.requests) == n + 1
        with Http(fast(srv, tmp_path)) as http:  # a later run, same data dir
            assert client_for(http).works_by_pmid([pmid])[pmid].abstract == "Rewritten abstract."
            assert len(srv.requests) == n + 1


def test_works_by_pmid_reports_every_pmid_and_teaches_the_doi_index(tmp_path):
    corpus = build_corpus(4, not_in_pubmed={2})
    pmids = ["99100000", "99100002", "99100003"]
    with ProtocolServer(corpus) as srv, Http(fast(srv, tmp_path)) as http:
        client = client_for(http)
        result = client.works_by_pmid(pmids)
        assert [(p, w.status) for p, w in result.items()] == [
            ("99100000", "ok"),
            ("99100002", "not_found"),
            ("99100003", "ok"),
        ]
        assert client.doi_index.get("10.5555/h4.0003") == {
            "pmid": "99100003",
            "pmcid": "PMC99100003",
        }
        assert client.doi_index.get("10.5555/h4.0002") is None
        n = len(srv.requests)
        by_doi = client.works_by_doi(["10.5555/h4.0000", "10.5555/h4.0003"])
        assert [w.pmid for w in by_doi.values()] == ["99100000", "99100003"]
        assert len(srv.requests) == n  # no ESearch, no EFetch
