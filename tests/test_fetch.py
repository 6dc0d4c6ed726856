"""fetch_works and `her2mine fetch` against the local protocol server (no mocks)."""

from __future__ import annotations

import json

import pytest

from her2mine.errors import InputError, OfflineMiss
from her2mine.fetch import fetch_works, read_inputs
from her2mine.models import AbstractSection
from her2mine.testserver import Corpus, CorpusWork, ProtocolServer
from her2mine.testserver.corpus import Author

DRUGS = ["trastuzumab", "pertuzumab", "lapatinib", "neratinib", "tucatinib", "margetuximab",
         "pyrotinib", "zanidatamab", "capecitabine", "docetaxel", "paclitaxel", "vinorelbine"]
SETTINGS_ = ["metastatic", "early", "neoadjuvant", "adjuvant", "advanced", "brain-metastatic"]
NAMES = ["Aalto", "Brenner", "Castillo", "Dubois", "Eriksen", "Fujita", "Gallo", "Horvat",
         "Ibsen", "Jansen", "Kowalski", "Lindqvist", "Moreau", "Novak", "Okafor", "Petrov"]


def build_corpus(n: int, *, not_in_pubmed=(), not_in_crossref=(), pmc_every: int = 3) -> Corpus:
    """A small SYNTHETIC corpus: work i has DOI 10.5555/h4.<i>, PMID 99100000+i.

    Titles combine distinct drug/setting words and a unique trial name so that bibliographic
    queries can tell works apart.
    """
    works = []
    for i in range(n):
        drug, other = DRUGS[i % len(DRUGS)], DRUGS[(i * 5 + 3) % len(DRUGS)]
        title = (f"{drug.capitalize()} plus {other} in {SETTINGS_[i % len(SETTINGS_)]} "
                 f"HER2-positive breast cancer: the ZETA{i:03d} randomised trial")
        works.append(CorpusWork(
            key=f"h4-{i}", title=title, year=2005 + i % 18, month=1 + i % 12, day=1 + i % 27,
            doi=f"10.5555/h4.{i:04d}", pmid=str(99100000 + i),
            pmcid=f"PMC{99100000 + i}" if i % pmc_every == 0 else None,
            journal="Journal of Synthetic Oncology", journal_abbrev="J Synth Oncol",
            volume=str(10 + i), pages=f"{100 + i}-{110 + i}",
            abstract=[AbstractSection(None, None, f"Synthetic abstract {i} about {drug}.")],
            authors=[Author(NAMES[i % len(NAMES)], "Anna"), Author(NAMES[(i + 7) % len(NAMES)], "Ben")],
            mesh=["Breast Neoplasms*"], registry_ids=[f"NCT0{5000000 + i}"],
            edat=f"{2005 + i % 18}-02-01",
            in_pubmed=i not in not_in_pubmed, in_crossref=i not in not_in_crossref,
        ))
    return Corpus(works)


def fast(srv: ProtocolServer, tmp_path, **kw):
    values = dict(data_dir=tmp_path, email="dev@example.org", backoff_base=0.01,
                  backoff_cap=0.05, max_retries=3, timeout=2.0, connect_timeout=1.0)
    values.update(kw)
    return srv.settings(**values)


def requested_ids(record) -> str:
    """Everything a request asked about, as one string (filter, term, id, ids)."""
    return " ".join(record.params.get(k, "") for k in ("filter", "term", "id", "ids",
                                                        "query.bibliographic"))


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
    corpus.add(CorpusWork(key="nowhere", title="Absent", year=2020, doi="10.5555/h4.absent",
                          pmid="99199999", in_pubmed=False, in_crossref=False))
    dois = [w.doi for w in corpus.works()]
    with ProtocolServer(corpus) as srv:
        result = fetch_works(dois, fast(srv, tmp_path))
    by_doi = {w.doi: w for w in result.works}
    crossref_only, pubmed_only = by_doi["10.5555/h4.0001"], by_doi["10.5555/h4.0002"]
    assert crossref_only.status == "ok" and crossref_only.pmid is None
    assert crossref_only.title == corpus.by_doi("10.5555/h4.0001").title
    assert set(crossref_only.sources.values()) == {"crossref"}
    assert pubmed_only.status == "ok" and pubmed_only.pmid == "99100002"
    assert pubmed_only.sources["title"] == "pubmed" and "crossref" not in pubmed_only.sources.values()
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
    assert statuses == [("10.5555/h4.0000", "ok"), ("10.5555/h4.0002", "ok"), (None, "not_found"),
                        ("10.5555/h4.0005", "ok"), ("10.5555/h4.0007", "ok")]
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
        args = ["fetch", "10.5555/h4.0000", "10.5555/h4.0001", "10.5555/h4.0001",
                "10.5555/h4.9999", "--jsonl", "--data-dir", str(tmp_path), "--email", "a@b.org"]
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0, result.output
        lines = [json.loads(line) for line in result.stdout.splitlines()]
        assert [(d["doi"], d["status"]) for d in lines] == [
            ("10.5555/h4.0000", "ok"), ("10.5555/h4.0001", "ok"), ("10.5555/h4.9999", "not_found")]
        assert set(lines[0]) == {"doi", "pmid", "pmcid", "title", "abstract", "journal", "year",
                                 "authors", "publication_types", "mesh", "registry_ids",
                                 "corrections", "sources", "status", "reason"}
        assert lines[0]["pmid"] == "99100000" and lines[1]["pmid"] is None
        assert "HTTP requests" in result.stderr
        offline = CliRunner().invoke(app, ["fetch", "10.5555/h4.0003", "--offline", "--jsonl",
                                           "--data-dir", str(tmp_path)])
        assert offline.exit_code == 1
        assert offline.stderr.startswith("error: ") and "Traceback" not in offline.output
