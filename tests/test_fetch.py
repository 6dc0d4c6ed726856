"""fetch_works and `her2mine fetch` against the local protocol server (no mocks)."""

from __future__ import annotations

import json

import pytest

from her2mine.errors import InputError, OfflineMiss
from her2mine.fetch import fetch_works, read_inputs
from her2mine.models import AbstractSection
from her2mine.testserver import Corpus, CorpusWork, Fault, ProtocolServer
from her2mine.testserver.corpus import Author

DRUGS = [
    "trastuzumab",
    "pertuzumab",
    "lapatinib",
    "neratinib",
    "tucatinib",
    "margetuximab",
    "pyrotinib",
    "zanidatamab",
    "capecitabine",
    "docetaxel",
    "paclitaxel",
    "vinorelbine",
]
SETTINGS_ = ["metastatic", "early", "neoadjuvant", "adjuvant", "advanced", "brain-metastatic"]
NAMES = [
    "Aalto",
    "Brenner",
    "Castillo",
    "Dubois",
    "Eriksen",
    "Fujita",
    "Gallo",
    "Horvat",
    "Ibsen",
    "Jansen",
    "Kowalski",
    "Lindqvist",
    "Moreau",
    "Novak",
    "Okafor",
    "Petrov",
]


def build_corpus(n: int, *, not_in_pubmed=(), not_in_crossref=(), pmc_every: int = 3) -> Corpus:
    """A small SYNTHETIC corpus: work i has DOI 10.5555/h4.<i>, PMID 99100000+i.

    Titles combine distinct drug/setting words and a unique trial name so that bibliographic
    queries can tell works apart.
    """
    works = []
    for i in range(n):
        drug, other = DRUGS[i % len(DRUGS)], DRUGS[(i * 5 + 3) % len(DRUGS)]
        title = (
            f"{drug.capitalize()} plus {other} in {SETTINGS_[i % len(SETTINGS_)]} "
            f"HER2-positive breast cancer: the ZETA{i:03d} randomised trial"
        )
        works.append(
            CorpusWork(
                key=f"h4-{i}",
                title=title,
                year=2005 + i % 18,
                month=1 + i % 12,
                day=1 + i % 27,
                doi=f"10.5555/h4.{i:04d}",
                pmid=str(99100000 + i),
                pmcid=f"PMC{99100000 + i}" if i % pmc_every == 0 else None,
                journal="Journal of Synthetic Oncology",
                journal_abbrev="J Synth Oncol",
                volume=str(10 + i),
                pages=f"{100 + i}-{110 + i}",
                abstract=[AbstractSection(None, None, f"Synthetic abstract {i} about {drug}.")],
                authors=[
                    Author(NAMES[i % len(NAMES)], "Anna"),
                    Author(NAMES[(i + 7) % len(NAMES)], "Ben"),
                ],
                mesh=["Breast Neoplasms*"],
                registry_ids=[f"NCT0{5000000 + i}"],
                edat=f"{2005 + i % 18}-02-01",
                in_pubmed=i not in not_in_pubmed,
                in_crossref=i not in not_in_crossref,
            )
        )
    return Corpus(works)


def fast(srv: ProtocolServer, tmp_path, **kw):
    values = dict(
        data_dir=tmp_path,
        email="dev@example.org",
        backoff_base=0.01,
        backoff_cap=0.05,
        max_retries=3,
        timeout=2.0,
        connect_timeout=1.0,
    )
    values.update(kw)
    return srv.settings(**values)


def requested_ids(record) -> str:
    """Everything a request asked about, as one string (filter, term, id, ids)."""
    return " ".join(
        record.params.get(k, "") for k in ("filter", "term", "id", "ids", "query.bibliographic")
    )


def test_rerun_with_superset_asks_only_for_new_works(tmp_path):
    corpus = build_corpus(25, not_in_pubmed={3, 22}, not_in_crossref={5, 23})
    dois = [w.doi for w in corpus.works()]
    with ProtocolServer(corpus) as srv:
        first = fetch_works(dois[:20], fast(srv, tmp_path))
        assert len(first.works) == 20 and {w.status for w in first.works} == {"ok"}
        n_first = len(srv.requests)
        second = fetch_works(dois, fast(srv, tmp_path))
        new_requests = list(srv.requests)[n_first:]
    assert [w.doi for w in second.works] == dois
    assert {w.status for w in second.works} == {"ok"}
    assert new_requests, "the 5 new works must be requested"
    assert second.request_count == len(new_requests)
    old = set(dois[:20]) | {str(99100000 + i) for i in range(20)}
    new = set(dois[20:]) | {str(99100000 + i) for i in range(20, 25)}
    for rec in new_requests:
        asked = requested_ids(rec)
        assert not any(ident in asked for ident in old), asked
        assert any(ident in asked for ident in new), asked
    # the works fetched the first time come back identical from the store
    assert [w.to_dict() for w in second.works[:20]] == [w.to_dict() for w in first.works]


def test_offline_replays_previous_run_and_misses_clearly(tmp_path):
    corpus = build_corpus(6, not_in_pubmed={1})
    dois = [w.doi for w in corpus.works()]
    with ProtocolServer(corpus) as srv:
        online = fetch_works(dois[:5], fast(srv, tmp_path))
        settings = fast(srv, tmp_path, offline=True)
        before = len(srv.requests)
        offline = fetch_works(dois[:5], settings)
        assert len(srv.requests) == before and offline.request_count == 0
        assert [w.to_dict() for w in offline.works] == [w.to_dict() for w in online.works]
        with pytest.raises(OfflineMiss, match="h4.0005"):
            fetch_works(dois, settings)
        assert len(srv.requests) == before


def test_single_source_works_come_from_the_source_that_has_them(tmp_path):
    corpus = build_corpus(6, not_in_pubmed={1}, not_in_crossref={2})
    corpus.add(
        CorpusWork(
            key="nowhere",
            title="Absent",
            year=2020,
            doi="10.5555/h4.absent",
            pmid="99199999",
            in_pubmed=False,
            in_crossref=False,
        )
    )
    dois = [w.doi for w in corpus.works()]
    with ProtocolServer(corpus) as srv:
        result = fetch_works(dois, fast(srv, tmp_path))
    by_doi = {w.doi: w for w in result.works}
    crossref_only, pubmed_only = by_doi["10.5555/h4.0001"], by_doi["10.5555/h4.0002"]
    assert crossref_only.status == "ok" and crossref_only.pmid is None
    assert crossref_only.title == corpus.by_doi("10.5555/h4.0001").title
    assert set(crossref_only.sources.values()) == {"crossref"}
    assert pubmed_only.status == "ok" and pubmed_only.pmid == "99100002"
    assert (
        pubmed_only.sources["title"] == "pubmed" and "crossref" not in pubmed_only.sources.values()
    )
    absent = by_doi["10.5555/h4.absent"]
    assert absent.status == "not_found" and absent.reason
    both = by_doi["10.5555/h4.0000"]
    assert both.pmcid == "PMC99100000" and both.registry_ids == ["NCT05000000"]
    assert len(result.works) == len(dois)


def test_reference_file_with_and_without_dois(tmp_path):
    corpus = build_corpus(8)
    w2, w5 = corpus.by_doi("10.5555/h4.0002"), corpus.by_doi("10.5555/h4.0005")
    ref_file = tmp_path / "refs.txt"
    ref_file.write_text(
        "References\n"
        f"1. Aalto A, Horvat B. {corpus.by_doi('10.5555/h4.0000').title}. J Synth Oncol. 2005;"
        "10:100-110. doi:10.5555/h4.0000\n"
        f"2. {w2.authors[0].family} A, {w2.authors[1].family} B. {w2.title}. J Synth Oncol. "
        f"{w2.year};12:102-112.\n"
        "3. Nobody Q. Quantum gardening for hedgehogs under moonlight. J Imaginary. 1999;1:1-2.\n"
        f"4. {w5.authors[0].family} A. {w5.title}. J Synth Oncol. {w5.year};15:105-115.\n"
        "5. Aalto A, Horvat B. Repeat citation. doi:10.5555/h4.0000\n",
        encoding="utf-8",
    )
    with ProtocolServer(corpus) as srv:
        result = fetch_works([str(ref_file), "10.5555/h4.0007"], fast(srv, tmp_path / "d"))
    statuses = [(w.doi, w.status) for w in result.works]
    assert statuses == [
        ("10.5555/h4.0000", "ok"),
        ("10.5555/h4.0002", "ok"),
        (None, "not_found"),
        ("10.5555/h4.0005", "ok"),
        ("10.5555/h4.0007", "ok"),
    ]
    unresolved = result.works[2]
    assert "not resolved" in unresolved.reason and unresolved.title.startswith("Quantum")
    matched = {r.index: r for r in result.resolutions}
    assert matched[2].status == "matched" and matched[2].doi == "10.5555/h4.0002"
    assert matched[3].status == "no_match" and matched[3].doi is None
    assert result.references[1].doi is None  # as written; the match is in resolutions


def test_inputs_are_validated(tmp_path):
    with pytest.raises(InputError, match="not-a-doi"):
        read_inputs(["not-a-doi"])
    with pytest.raises(InputError, match="missing.txt"):
        read_inputs([str(tmp_path / "missing.txt")])
    refs = read_inputs(["https://doi.org/10.5555/H4.0001", "doi:10.5555/h4.0002"])
    assert [r.doi for r in refs] == ["10.5555/h4.0001", "10.5555/h4.0002"]


def test_cli_prints_one_json_object_per_work(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from her2mine.cli import app

    corpus = build_corpus(4, not_in_pubmed={1})
    with ProtocolServer(corpus) as srv:
        for key, value in srv.env().items():
            monkeypatch.setenv(key, value)
        monkeypatch.setenv("HER2MINE_BACKOFF_BASE", "0.01")
        args = [
            "fetch",
            "10.5555/h4.0000",
            "10.5555/h4.0001",
            "10.5555/h4.0001",
            "10.5555/h4.9999",
            "--jsonl",
            "--data-dir",
            str(tmp_path),
            "--email",
            "a@b.org",
        ]
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0, result.output
        lines = [json.loads(line) for line in result.stdout.splitlines()]
        assert [(d["doi"], d["status"]) for d in lines] == [
            ("10.5555/h4.0000", "ok"),
            ("10.5555/h4.0001", "ok"),
            ("10.5555/h4.9999", "not_found"),
        ]
        assert set(lines[0]) == {
            "doi",
            "pmid",
            "pmcid",
            "title",
            "abstract",
            "journal",
            "year",
            "authors",
            "publication_types",
            "mesh",
            "registry_ids",
            "corrections",
            "sources",
            "status",
            "reason",
        }
        assert lines[0]["pmid"] == "99100000" and lines[1]["pmid"] is None
        assert "HTTP requests" in result.stderr
        offline = CliRunner().invoke(
            app, ["fetch", "10.5555/h4.0003", "--offline", "--jsonl", "--data-dir", str(tmp_path)]
        )
        assert offline.exit_code == 1
        assert offline.stderr.startswith("error: ") and "Traceback" not in offline.output


# -- PMIDs as inputs (saved-query hits) ------------------------------------------------------


def _no_doi_work() -> CorpusWork:
    return CorpusWork(
        key="nodoi",
        title="Trastuzumab in a HER2-positive case series without DOI",
        year=2019,
        pmid="99188888",
        journal="Journal of Synthetic Oncology",
        abstract=[AbstractSection(None, None, "A record with no DOI.")],
    )


def test_fetch_works_with_only_pmids(tmp_path):
    corpus = build_corpus(5, not_in_crossref={3})
    corpus.add(_no_doi_work())
    pmids = [w.pmid for w in corpus.works()] + ["99177777"]  # the last is not in PubMed
    ticks: list[tuple[str, int, int]] = []
    with ProtocolServer(corpus) as srv:
        settings = fast(srv, tmp_path)
        for bad in ("PMID:1", "²", "0012"):
            with pytest.raises(InputError, match="not a PMID"):
                fetch_works([], settings, pmids=["99100000", bad])
        with pytest.raises(InputError, match="no references or DOIs"):
            fetch_works([], settings, pmids=[])
        assert len(srv.requests) == 0  # validated before any request
        result = fetch_works(
            [], settings, pmids=pmids + pmids[:2], progress=lambda *t: ticks.append(t)
        )
        log = list(srv.requests)
        # the DOI index learnt the PMIDs' DOIs: fetching them by DOI asks nothing of PubMed
        again = fetch_works([w.doi for w in corpus.works() if w.doi], settings)
        later = list(srv.requests)[len(log) :]
    assert [(w.doi, w.pmid, w.status) for w in result.works] == [
        *((f"10.5555/h4.{i:04d}", str(99100000 + i), "ok") for i in range(5)),
        (None, "99188888", "ok"),
        (None, "99177777", "not_found"),
    ]
    assert result.works[0].sources["title"] == "pubmed" and result.works[0].registry_ids
    assert "crossref" in result.works[0].sources.values()
    assert "crossref" not in result.works[3].sources.values()  # not in Crossref
    assert result.works[5].abstract == "A record with no DOI." and result.works[5].doi is None
    assert "99177777" in result.works[6].reason
    assert result.retry == [] and result.failures == []
    assert result.request_count == len(log)
    assert not any(r.path.endswith("esearch.fcgi") for r in log)  # PMIDs need no ESearch
    assert len([r for r in log if "efetch" in r.path]) == 1
    pubmed_ticks = [t for t in ticks if t[0] == "pubmed"]
    assert sum(n for _, n, _ in pubmed_ticks) == pubmed_ticks[0][2] == 7
    assert [(w.doi, w.status) for w in again.works] == [
        (f"10.5555/h4.{i:04d}", "ok") for i in range(5)
    ]
    assert [w.to_dict() for w in again.works] == [w.to_dict() for w in result.works[:5]]
    assert not any(r.service in ("eutils", "idconv") for r in later), later


def test_dois_and_pmids_overlapping_give_one_work_per_doi(tmp_path):
    corpus = build_corpus(8)
    corpus.add(_no_doi_work())
    dois = ["10.5555/H4.0002", "10.5555/h4.0000", "10.5555/h4.0004", "10.5555/h4.0001"]
    pmids = ["99100004", "99100006", "99188888", "99100002", "99100007", "99100006"]
    with ProtocolServer(corpus) as srv:
        result = fetch_works(dois, fast(srv, tmp_path), pmids=pmids)
        log = list(srv.requests)
    assert [(w.doi, w.pmid) for w in result.works] == [
        ("10.5555/h4.0002", "99100002"),
        ("10.5555/h4.0000", "99100000"),
        ("10.5555/h4.0004", "99100004"),
        ("10.5555/h4.0001", "99100001"),
        ("10.5555/h4.0006", "99100006"),
        (None, "99188888"),
        ("10.5555/h4.0007", "99100007"),
    ]
    assert {w.status for w in result.works} == {"ok"}
    assert all(w.sources.get("doi") == "crossref" for w in result.works if w.doi)
    # DOIs named by a PMID are not searched for; the others are, once
    esearch = [r for r in log if r.path.endswith("esearch.fcgi")]
    assert len(esearch) == 1
    assert "h4.0000" in esearch[0].params["term"] and "h4.0001" in esearch[0].params["term"]
    assert "h4.0002" not in esearch[0].params["term"]
    assert "h4.0004" not in esearch[0].params["term"]
    crossref_asked = " ".join(requested_ids(r) for r in log if r.service == "crossref")
    for i in (0, 1, 2, 4, 6, 7):
        assert crossref_asked.count(f"10.5555/h4.{i:04d}") == 1


@pytest.mark.parametrize("kind", ["503", "500"])
def test_failed_efetch_batch_keeps_the_other_batches(tmp_path, kind):
    corpus = build_corpus(205)
    pmids = corpus.pmids()
    fault = Fault(kind, service="eutils", endpoint="efetch", times=2)  # both tries of batch 1
    with ProtocolServer(corpus, faults=[fault], rate_limit=False) as srv:
        settings = fast(srv, tmp_path, max_retries=1)
        result = fetch_works([], settings, pmids=pmids)
        retried = fetch_works([], settings, pmids=result.retry)
        log = list(srv.requests)
    assert len(result.works) == 205
    failed, ok = result.works[:200], result.works[200:]
    assert all(
        w.status == "failed" and w.doi is None and f"HTTP {kind}" in w.reason for w in failed
    )
    assert [w.pmid for w in failed] == pmids[:200]
    assert [(w.pmid, w.status) for w in ok] == [(p, "ok") for p in pmids[200:]]
    assert all(w.doi and "crossref" in w.sources.values() for w in ok)
    assert result.retry == pmids[:200]
    assert [(f.service, len(f.ids)) for f in result.failures] == [("eutils", 200)]
    assert f"HTTP {kind}" in result.failures[0].error and "efetch" in result.failures[0].request
    # next time only the failed batch is asked again, and it comes back whole
    assert {w.status for w in retried.works} == {"ok"} and retried.retry == []
    efetches = [r for r in log if "efetch" in r.path]
    assert [len(r.params["id"].split(",")) for r in efetches] == [200, 200, 5, 200]
