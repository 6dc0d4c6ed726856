"""Pure parts of the refresh flow: saved queries, windows, state, planning, summary."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from her2mine.errors import InputError
from her2mine.flow.limits import jittered_backoff
from her2mine.flow.plan import batch_key, batches, dedupe_works, document_of, needs_extraction
from her2mine.flow.queries import (
    SavedQuery,
    bundled_query_file,
    load_queries,
    parse_queries,
    plan_windows,
    resolve_query_file,
)
from her2mine.flow.state import RefreshState, WorkState, load_state, save_state, state_path
from her2mine.flow.summary import summary_markdown
from her2mine.models import Correction, Work
from her2mine.tables.build import work_content_hash, work_id_of

TODAY = dt.date(2026, 11, 21)


def test_bundled_queries_load_and_parse_in_pubmed_syntax():
    from her2mine.testserver.search import parse_term

    queries = load_queries(resolve_query_file("default"))
    assert len(queries) >= 4 and len({q.name for q in queries}) == len(queries)
    for q in queries:
        parse_term(q.term)  # raises TermError on a malformed term
    assert resolve_query_file(None) is None
    assert resolve_query_file("default") == bundled_query_file()


@pytest.mark.parametrize(
    "doc, message",
    [
        ({"queries": []}, "non-empty list"),
        ({"queries": [{"name": "a"}]}, "needs both"),
        ({"queries": [{"name": "a", "term": "x"}, {"name": "a", "term": "y"}]}, "duplicate"),
        ({"queries": [{"name": "a", "term": "x", "mindate": "last year"}]}, "YYYY"),
        ({"queries": [{"name": "a", "term": "x", "since": "2020"}]}, "unknown keys"),
    ],
)
def test_bad_query_files_name_the_problem(doc, message):
    with pytest.raises(InputError, match=message):
        parse_queries(doc, "q.yaml")


def test_query_file_errors_name_the_file(tmp_path):
    with pytest.raises(InputError, match="not found"):
        load_queries(tmp_path / "missing.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("queries: [unclosed", encoding="utf-8")
    with pytest.raises(InputError, match="bad.yaml"):
        load_queries(bad)


def test_windows_start_at_last_success_and_group_queries():
    a, b, c = SavedQuery("a", "x"), SavedQuery("b", "y"), SavedQuery("c", "z", mindate="2015")
    done = {
        "a": {"term_sha": a.term_sha, "date": "2026/11/14"},
        "b": {"term_sha": b.term_sha, "date": "2026/11/14"},
    }
    windows = plan_windows([a, b, c], done, TODAY, lookback_days=30)
    by_start = {w.mindate: w for w in windows}
    assert set(by_start) == {"2015", "2026/11/14"}
    assert by_start["2026/11/14"].queries == ("a", "b")
    assert by_start["2026/11/14"].term == "(x) OR (y)"
    assert all(w.maxdate == "2026/11/21" for w in windows)


def test_window_first_run_and_edited_term():
    q = SavedQuery("a", "new term")
    stale = {"a": {"term_sha": SavedQuery("a", "old term").term_sha, "date": "2026/11/14"}}
    (w,) = plan_windows([q], stale, TODAY, lookback_days=30)
    assert w.mindate == "2026/10/22"  # an edited term is a new query: first-run lookback
    (w,) = plan_windows([q], {}, TODAY, first_mindate="2010/01/01")
    assert w.mindate == "2010/01/01"


def _work(doi="10.1/a", abstract="PFS was 9 months.", **kw) -> Work:
    return Work(doi=doi, pmid=kw.pop("pmid", "1"), title="T", abstract=abstract, **kw)


def test_needs_extraction_only_for_changed_new_or_other_pipeline():
    same, changed, new = _work("10.1/a"), _work("10.1/b"), _work("10.1/c")
    failed = Work(doi="10.1/d", status="failed", reason="503")
    state = RefreshState(
        works={
            work_id_of(same): WorkState(work_content_hash(same), "1", "10.1/a", "p1"),
            work_id_of(changed): WorkState("old-hash", "1", "10.1/b", "p1"),
        }
    )
    published = {work_id_of(same): work_content_hash(same), work_id_of(changed): "old-hash"}
    todo = needs_extraction([same, changed, new, failed], state, published, "p1")
    assert [w.doi for w in todo] == ["10.1/b", "10.1/c"]
    # a new pipeline version re-extracts everything
    assert len(needs_extraction([same], state, published, "p2")) == 1
    # a state newer than the tables (tables restored) is not trusted
    assert len(needs_extraction([same], state, {}, "p1")) == 1


def test_a_retraction_changes_the_content_hash():
    w = _work()
    before = work_content_hash(w)
    w.corrections.append(Correction(type="RetractionIn", pmid="2"))
    assert work_content_hash(w) != before


def test_documents_batches_and_cache_keys_are_deterministic():
    works = [_work(f"10.1/{i}", abstract=f"text {i}", pmid=str(i)) for i in range(5)]
    docs = [document_of(w) for w in works]
    assert docs[0].text == "T\n\ntext 0" and docs[0].id == work_id_of(works[0])
    plan = batches(list(reversed(docs)), 2)
    assert [len(b) for b in plan] == [2, 2, 1]
    assert plan == batches(docs, 2)
    k1 = batch_key(plan[0], "0.1.0", None)
    assert k1 == batch_key(list(plan[0]), "0.1.0", None)
    assert k1 != batch_key(plan[0], "0.2.0", None)
    assert k1 != batch_key(plan[0], "0.1.0", "en_core_sci_sm")
    edited = [document_of(_work(works[0].doi, abstract="other", pmid="0"))] + plan[0][1:]
    assert batch_key(edited, "0.1.0", None) != k1
    with pytest.raises(ValueError):
        batches(docs, 0)


def test_dedupe_keeps_the_latest_record_per_work():
    old, new = _work(abstract="old"), _work(abstract="new")
    assert [w.abstract for w in dedupe_works([old, new])] == ["new"]


def test_dedupe_keeps_citation_only_works_that_references_point_at():
    from her2mine.models import Reference
    from her2mine.tables.build import references_frame

    ref = Reference(
        source="review.txt",
        source_doi=None,
        index=11,
        raw="Okafor T. 2020.",
        doi=None,
        authors=["Okafor T"],
        year=2020,
        title="Trastuzumab deruxtecan",
    )
    unresolved = Work(
        title=ref.title,
        year=ref.year,
        authors=list(ref.authors),
        status="not_found",
        reason="no match",
    )
    no_id = Work(status="failed", reason="nothing to go on")  # no id possible: dropped
    kept = dedupe_works([_work(), unresolved, no_id, unresolved])
    assert {work_id_of(w) for w in kept} == {work_id_of(_work()), work_id_of(unresolved)}
    ref_wid = references_frame([ref])["work_id"].item()
    assert ref_wid in {work_id_of(w) for w in kept}


def test_extraction_bookkeeping_is_bounded():
    from her2mine.flow.extraction import (
        EXTRACTION_CALLS,
        RECENT_IDS,
        extract_docs,
        extracted_since,
    )
    from her2mine.models import Document

    assert EXTRACTION_CALLS["ids"].maxlen == RECENT_IDS  # a serve process must not grow
    before = EXTRACTION_CALLS["documents"]
    docs = [Document(id=f"d{i}", text=f"T\n\nMedian PFS was {i} months.") for i in (1, 2)]
    extract_docs(docs)
    assert extracted_since(before) == ["d1", "d2"]
    assert extracted_since(EXTRACTION_CALLS["documents"]) == []


def test_state_round_trip_atomic_and_corrupt_file_is_reported(tmp_path):
    state = RefreshState(
        last_success="2026/11/21",
        queries={"a": {"term_sha": "x", "date": "d"}},
        inputs={"/r.txt": "abc"},
        works={"w": WorkState("h", "1", None, "p")},
        pending=["10.1/x"],
    )
    save_state(tmp_path, state)
    loaded, warning = load_state(tmp_path)
    assert warning is None and loaded == state
    assert loaded.known_pmids == {"1"} and loaded.known_dois == set()
    assert [p.name for p in tmp_path.iterdir()] == ["refresh_state.json"]  # no temp files
    state_path(tmp_path).write_text('{"version": 1, "works": {"w": ', encoding="utf-8")
    loaded, warning = load_state(tmp_path)
    assert loaded == RefreshState() and "full refresh" in warning
    state_path(tmp_path).write_text(json.dumps({"version": 99}), encoding="utf-8")
    assert load_state(tmp_path)[1] is not None


def test_retry_delays_are_randomised_and_bounded():
    delays = jittered_backoff(base=4.0, cap=10.0)
    draws = [tuple(delays(3)) for _ in range(20)]
    assert len(set(draws)) > 1
    assert all(2.0 <= d <= 10.0 for draw in draws for d in draw)


def test_summary_markdown_names_flags_and_failures():
    s = {
        "run_id": "r1",
        "out_dir": "/o",
        "seconds": 1.0,
        "requests": 3,
        "queries": 4,
        "query_hits": 2,
        "new_pmids": 1,
        "changed_pubmed": 1,
        "changed_crossref": 0,
        "works_fetched": 2,
        "documents_extracted": 1,
        "extraction_batches": 1,
        "new_evidence": 5,
        "retracted_flagged": ["w1"],
        "errata_flagged": [],
        "failures": ["crossref: HTTP 503"],
        "pending_retry": ["10.1/x"],
        "recovered_runs": [],
    }
    md = summary_markdown(s)
    assert "`w1`" in md and "HTTP 503" in md and "`10.1/x`" in md and "| new PMIDs | 1 |" in md
    assert "kept out" not in md and "read again" not in md
    md = summary_markdown(
        {
            **s,
            "skipped_failed": ["w9"],
            "inputs_retry": ["/r/review.txt"],
            "batch_rows": {"works": 2, "outcomes": 5},
        }
    )
    assert "kept out** (the stored record stays): `w9`" in md
    assert "`/r/review.txt`" in md and "outcomes 5, works 2" in md
