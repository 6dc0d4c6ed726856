"""Crossref client: batching, not-found, reference resolution, adaptive pacing (local server)."""

from __future__ import annotations

import pytest
from test_fetch import build_corpus, fast

from her2mine.errors import InputError, NotFoundError
from her2mine.http.client import Http
from her2mine.http.index import IdIndex
from her2mine.models import Reference, Work
from her2mine.sources.crossref import (
    MIN_SCORE,
    CrossrefClient,
    judge,
    plan_batches,
    validate_dois,
)
from her2mine.testserver import CorpusWork, ProtocolServer


def ref(raw, title=None, year=None, index=1) -> Reference:
    return Reference(
        source="t", source_doi=None, index=index, raw=raw, doi=None, title=title, year=year
    )


def test_validate_and_plan_batches():
    got = validate_dois(["DOI:10.1000/A", "https://doi.org/10.1000/a", "10.2000/b"])
    assert got == ["10.1000/a", "10.2000/b"]
    with pytest.raises(InputError, match="nope"):
        validate_dois(["nope"])
    dois = [f"10.5555/some.long.suffix.{i:05d}" for i in range(250)] + ["10.1000/a,b"]
    batches, singles = plan_batches(dois)
    assert singles == ["10.1000/a,b"]
    assert [d for b in batches for d in b] == dois[:250]  # order kept, nothing lost
    assert all(len(b) <= 100 for b in batches)
    for batch in batches:
        url = "https://api.crossref.org/works?filter=" + ",".join(f"doi:{d}" for d in batch)
        assert len(url.replace("/", "%2F").replace(":", "%3A").replace(",", "%2C")) < 4000
    long = [f"10.5555/{'x' * 200}.{i}" for i in range(40)]
    assert len(plan_batches(long)[0]) > 1  # URL length, not count, splits these


def test_judge_accepts_only_clear_matches():
    def cand(title, year=2012, doi="10.1/a"):
        return Work(doi=doi, title=title, year=year)

    r = ref(
        "Baselga J. Pertuzumab plus trastuzumab plus docetaxel. NEJM 2012.",
        title="Pertuzumab plus trastuzumab plus docetaxel",
        year=2012,
    )
    good = judge(
        r,
        [
            (cand("Pertuzumab plus Trastuzumab plus Docetaxel"), 90.0),
            (cand("Other", doi="10.1/b"), 20.0),
        ],
    )
    assert good.status == "matched" and good.doi == "10.1/a" and 0.5 < good.confidence <= 1
    close = judge(
        r,
        [
            (cand("Pertuzumab plus trastuzumab plus docetaxel"), 90.0),
            (cand("Pertuzumab plus trastuzumab plus docetaxel", doi="10.1/b"), 85.0),
        ],
    )
    assert close.status == "ambiguous" and close.doi is None and len(close.candidates) == 2
    wrong_title = judge(r, [(cand("Lapatinib in gastric cancer"), 90.0)])
    assert wrong_title.status == "no_match" and wrong_title.doi is None
    low = judge(r, [(cand("Pertuzumab plus trastuzumab plus docetaxel"), MIN_SCORE / 2)])
    assert low.status == "no_match" and "score" in low.reason
    wrong_year = judge(r, [(cand("Pertuzumab plus trastuzumab plus docetaxel", year=2019), 90.0)])
    assert wrong_year.status == "no_match" and "year" in wrong_year.reason
    assert judge(r, []).status == "no_match"


def test_get_works_batches_and_reports_not_found(tmp_path):
    corpus = build_corpus(6, not_in_crossref={2})
    with ProtocolServer(corpus) as srv, Http(fast(srv, tmp_path)) as http:
        client = CrossrefClient(http.crossref, index=IdIndex(http.store.root, "crossref"))
        dois = [w.doi for w in corpus.works()] + ["10.5555/h4.missing"]
        works = client.get_works(dois)
        assert len(srv.requests) == 1  # one filter request for all of them
        rec = srv.requests[0]
        assert rec.params["rows"] == str(len(dois)) and rec.params["mailto"] == "dev@example.org"
        assert list(works) == dois
        assert works["10.5555/h4.0002"].status == "not_found"
        assert works["10.5555/h4.missing"].status == "not_found"
        assert works["10.5555/h4.0000"].title == corpus.by_doi("10.5555/h4.0000").title
        # a second client (a re-run) answers from the per-DOI index without the network
        again = CrossrefClient(http.crossref, index=IdIndex(http.store.root, "crossref"))
        assert again.get_works(dois[:3]) == {d: works[d] for d in dois[:3]}
        assert len(srv.requests) == 1


def test_get_work_single_and_404(tmp_path):
    corpus = build_corpus(2)
    with ProtocolServer(corpus) as srv, Http(fast(srv, tmp_path)) as http:
        client = CrossrefClient(http.crossref)
        assert client.get_work("10.5555/H4.0001").doi == "10.5555/h4.0001"
        with pytest.raises(NotFoundError) as err:
            client.get_work("10.5555/h4.nothing")
        assert "/works/10.5555/h4.nothing" in err.value.request
        with pytest.raises(InputError):
            client.search_bibliographic("x", rows=50)  # validated before any HTTP
        assert len(srv.requests) == 2


def test_resolve_reference_matched_no_match_and_ambiguous(tmp_path):
    corpus = build_corpus(10)
    w = corpus.by_doi("10.5555/h4.0004")
    twin = dict(
        title="Identical twins: a duplicated record",
        year=2015,
        authors=w.authors,
        journal="J Synth Oncol",
    )
    corpus.add(CorpusWork(key="t1", doi="10.5555/twin.1", pmid="99190001", **twin))
    corpus.add(CorpusWork(key="t2", doi="10.5555/twin.2", pmid="99190002", **twin))
    with ProtocolServer(corpus) as srv, Http(fast(srv, tmp_path)) as http:
        client = CrossrefClient(http.crossref)
        raw = (
            f"{w.authors[0].family} A, {w.authors[1].family} B. {w.title}. J Synth Oncol. {w.year}."
        )
        hit = client.resolve_reference(ref(raw, title=w.title, year=w.year))
        assert hit.status == "matched" and hit.doi == "10.5555/h4.0004", hit
        assert hit.title_similarity >= 85 and hit.confidence > 0.5
        rec = srv.requests[-1]
        assert rec.params["query.bibliographic"] == raw and rec.params["rows"] == "2"
        miss = client.resolve_reference(
            ref(
                "Moon Q. Quantum gardening for hedgehogs. 1999.",
                title="Quantum gardening for hedgehogs",
                year=1999,
            )
        )
        assert miss.status == "no_match" and miss.doi is None
        raw_twin = f"{w.authors[0].family} A. Identical twins: a duplicated record. 2015."
        amb = client.resolve_reference(ref(raw_twin, title=twin["title"], year=2015))
        assert amb.status == "ambiguous" and amb.doi is None, amb


def test_crossref_pacing_adapts_to_advertised_limits(tmp_path):
    corpus = build_corpus(2)
    server = ProtocolServer(corpus, crossref_limit=40, crossref_interval=2.0)
    with server as srv, Http(fast(srv, tmp_path)) as http:
        assert http.crossref.limiter.max_in_flight == 3
        CrossrefClient(http.crossref).get_works(["10.5555/h4.0000"])
        assert http.crossref.limiter.rate == pytest.approx(20.0)  # 40 per 2 s
