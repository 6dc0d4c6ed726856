"""The refresh flow end to end against the local protocol server (one Prefect server/session).

One scenario, in phases, because each phase depends on the tables the previous one wrote:
first run → no-op → new paper + retraction + erratum + changed abstract → no-op again.
"""

from __future__ import annotations

import datetime as dt

import pytest

from her2mine.flow import run_refresh
from her2mine.flow.extraction import extracted_since
from her2mine.flow.tasks import EXTRACTION_CALLS
from her2mine.review import record_decision
from her2mine.tables import TableStore

pytestmark = pytest.mark.slow

NEW_PAPER = {
    "key": "zanidatamab-2026",
    "doi": "10.5555/her2mine.0100",
    "pmid": "99000100",
    "title": "Zanidatamab plus chemotherapy in HER2-positive metastatic breast cancer: "
    "a randomized phase 2 trial.",
    "year": 2026,
    "journal": "The Lancet. Oncology",
    "journal_abbrev": "Lancet Oncol",
    "edat": dt.date.today().isoformat(),
    "abstract": "Patients with HER2-positive metastatic breast cancer received zanidatamab plus "
    "chemotherapy. Median progression-free survival was 12.5 months (95% CI "
    "10.1-15.0) with zanidatamab plus chemotherapy.",
}


def _run(data_dir, review_path, **kw):
    return run_refresh(
        refs=[review_path],
        query_file="default",
        data_dir=str(data_dir),
        first_mindate="2010/01/01",
        **kw,
    )


def _work_id(store: TableStore, pmid: str) -> str:
    works = store.read("works")
    return works.loc[works["pmid"] == pmid, "work_id"].item()


def _first_outcome(store: TableStore, work_id: str):
    outcomes = store.read("outcomes")
    rows = outcomes[outcomes["work_id"] == work_id].sort_values("start")
    assert not rows.empty, f"no outcomes for {work_id}"
    return rows.iloc[0]


def test_incremental_refresh_scenario(prefect_api, srv, review_path, tmp_path):
    from prefect.artifacts import Artifact

    from her2mine.flow import SUMMARY_KEY

    # -- 1. first run: every cited work and every saved-query hit, extracted -------------------
    first = _run(tmp_path, review_path)
    store = TableStore(tmp_path / "processed")
    counts = store.counts()
    assert counts["works"] >= 30 and counts["outcomes"] > 100 and counts["references"] > 20
    assert first["documents_extracted"] == counts["works"] - sum(
        store.read("works")["status"] != "ok"
    )
    runs = store.read("runs")
    assert list(runs["status"]) == ["completed"]
    assert "hermes" not in str(first["retracted_flagged"])  # ids, not keys
    # every reference joins its work; why a reference was not resolved is kept
    refs = store.read("references").set_index("index")
    assert set(refs["work_id"].dropna()) <= set(store.read("works")["work_id"])
    assert refs["work_id"].notna().all()
    assert refs.loc[6, "resolution_status"] == "matched"
    assert refs.loc[11, "resolution_status"] in ("no_match", "ambiguous")
    assert refs.loc[11, "resolution_reason"]
    artifact = Artifact.get(SUMMARY_KEY)
    assert artifact is not None and first["run_id"] in artifact.data

    # curator decisions made between runs
    changed_wid = _work_id(store, "99000012")  # her2climb-2020: abstract will change
    retracted_wid = _work_id(store, "99000014")  # nala-2020: will be retracted
    kept_wid = _work_id(store, "99000003")  # emilia-2012: erratum only, text unchanged
    changed_row = _first_outcome(store, changed_wid)
    retracted_row = _first_outcome(store, retracted_wid)
    kept_row = _first_outcome(store, kept_wid)
    for row in (changed_row, retracted_row, kept_row):
        record_decision(store, row["evidence_id"], "accepted", "curator-a")
    assert store.read("review").shape[0] == 3

    # -- 2. nothing changed: no fetches, no extraction, tables identical ----------------------
    works_before = store.read("works").drop(columns=["last_seen_run"])
    calls = dict(EXTRACTION_CALLS)
    srv.requests.clear()
    noop = _run(tmp_path, review_path)
    assert noop["documents_extracted"] == 0 and noop["works_fetched"] == 0
    assert EXTRACTION_CALLS["documents"] == calls["documents"]
    paths = [r.path for r in srv.requests]
    assert not any("efetch" in p for p in paths), paths
    assert len(paths) <= 3  # saved queries, PubMed mdat check, Crossref update check
    assert store.read("works").drop(columns=["last_seen_run"]).equals(works_before)
    assert store.read("review").shape[0] == 3

    # -- 3. a new paper, a retraction, an erratum and a changed abstract ----------------------
    srv.corpus.add(dict(NEW_PAPER))
    notice = srv.corpus.retract("99000014")
    srv.corpus.add_erratum("99000003")
    target = srv.corpus.require("99000012")
    tail = changed_row["sentence"].rstrip()[-40:]  # sentence end, inside one section's text
    assert tail.endswith(".") and any(tail in s.text for s in target.abstract)
    sections = [
        type(s)(s.label, s.category, s.text.replace(tail, tail[:-1] + " in the final analysis."))
        for s in target.abstract
    ]
    srv.corpus.set_abstract("99000012", sections)
    srv.requests.clear()
    docs_before = EXTRACTION_CALLS["documents"]
    third = _run(tmp_path, review_path)

    extracted = set(extracted_since(docs_before))
    new_wid = _work_id(store, "99000100")
    assert {new_wid, changed_wid, retracted_wid, kept_wid} <= extracted
    all_works = store.read("works")
    notice_wids = set(all_works.loc[all_works["pmid"] == notice.pmid, "work_id"])
    erratum_notices = set(store.read("works").query("title.str.startswith('Erratum:')")["work_id"])
    assert (
        extracted <= {new_wid, changed_wid, retracted_wid, kept_wid} | notice_wids | erratum_notices
    )
    assert third["new_pmids"] >= 1 and "99000014" in str(
        [r.params for r in srv.requests if "efetch" in r.path]
    )
    efetched = {
        p
        for r in srv.requests
        if "efetch" in r.path
        for p in r.params.get("id", "").split(",")
        if p
    }
    assert "99000001" not in efetched  # unchanged records are not fetched again

    works = store.read("works").set_index("work_id")
    assert works.loc[retracted_wid, "is_retracted"]
    assert works.loc[kept_wid, "has_erratum"] and not works.loc[kept_wid, "is_retracted"]
    assert retracted_wid in third["retracted_flagged"] and kept_wid in third["errata_flagged"]
    outcomes = store.read("outcomes")
    assert outcomes.loc[outcomes["work_id"] == retracted_wid, "retracted"].all()
    matrix_ids = {e for ids in store.read("evidence_matrix")["evidence_ids"] for e in ids}
    assert not matrix_ids & set(outcomes.loc[outcomes["work_id"] == retracted_wid, "evidence_id"])
    assert _first_outcome(store, new_wid)["value"] == 12.5

    # decisions survive; the one on changed text is stale, the others are not
    review = store.read("review").set_index("evidence_id")
    assert len(review) == 3
    assert bool(review.loc[changed_row["evidence_id"], "stale"])
    assert not bool(review.loc[kept_row["evidence_id"], "stale"])
    assert not bool(review.loc[retracted_row["evidence_id"], "stale"])
    status = outcomes.set_index("evidence_id")["review_status"]
    assert status[changed_row["evidence_id"]] == "stale"
    assert status[kept_row["evidence_id"]] == "accepted"

    # no duplicates anywhere, and every run is recorded
    for name, key in (
        ("works", "work_id"),
        ("outcomes", "evidence_id"),
        ("mentions", "mention_id"),
        ("references", "reference_id"),
    ):
        assert store.read(name)[key].is_unique
    assert list(store.read("runs")["status"]) == ["completed"] * 3

    # -- 4. and quiet again -------------------------------------------------------------------
    before = EXTRACTION_CALLS["documents"]
    again = _run(tmp_path, review_path)
    assert again["documents_extracted"] == 0 and EXTRACTION_CALLS["documents"] == before
