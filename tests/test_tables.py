"""Curated tables: builders, stable ids, store (atomic, validated, versioned), DuckDB views."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_tables_data import RESOLUTIONS, S1, extractions, references, works

from her2mine.errors import InputError, ParseError
from her2mine.models import Extraction, Work
from her2mine.tables import TABLE_NAMES, TableStore, build_tables, hash_record, publish, work_id
from her2mine.tables.ids import evidence_id
from her2mine.tables.schema import SPECS, empty_frame


def build(**kw):
    return build_tables(references(), works(), extractions(**kw), RESOLUTIONS, run_id="r1")


def test_hash_record_is_sha1_of_canonical_json():
    import hashlib

    rec = {"b": 1, "a": "é"}
    expected = hashlib.sha1('{"a":"é","b":1}'.encode()).hexdigest()[:16]
    assert hash_record(rec) == expected
    assert hash_record({"a": "é", "b": 1}) == expected  # key order does not matter
    assert hash_record({"v": float("nan")}) == hash_record({"v": None})


def test_work_id_prefers_lowercase_doi_then_pmid():
    assert (
        work_id("10.1/ABC", "1") == work_id("https://doi.org/10.1/abc") == work_id("doi:10.1/abc")
    )
    assert work_id(None, "123") != work_id(None, "124")
    with pytest.raises(InputError):
        work_id(None, None)


@pytest.mark.parametrize(
    "written",
    [
        "DOI: 10.1/X(1)",
        "doi 10.1/x(1)",
        "https://dx.doi.org/10.1/X%281%29",
        "info:doi/10.1/x(1)",
        "  10.1/X(1)  ",
    ],
)
def test_tables_doi_normaliser_is_the_library_one(written):
    from her2mine import ids as library_ids
    from her2mine.tables import ids as table_ids

    assert table_ids.normalize_doi(written) == library_ids.normalize_doi(written) == "10.1/x(1)"
    assert work_id(written) == work_id("10.1/x(1)")


def test_tables_doi_normaliser_keeps_missing_as_none():
    from her2mine.tables import ids as table_ids

    assert table_ids.normalize_doi(None) is None and table_ids.normalize_doi("  ") is None


def test_build_tables_contents():
    t = build()
    assert set(t) == {"references", "works", "mentions", "outcomes", "trials", "evidence_matrix"}
    w = t["works"].set_index("pmid")
    assert w.loc["23020162", "is_retracted"] and not w.loc["22149875", "is_retracted"]
    assert w.loc["22149875", "doi"] == "10.1056/nejmoa1113216"
    assert json.loads(w.loc["23020162", "corrections"])[0]["type"] == "RetractionIn"
    o = t["outcomes"]
    assert len(o) == 5 and set(o["review_status"]) == {"pending"}
    hr = o[(o.endpoint == "PFS") & (o.measure == "HR")].iloc[0]
    assert (hr.trial, hr.trial_source, hr.ci_low, hr.p) == ("CLEOPATRA", "sentence", 0.51, "<0.001")
    # S2 names no trial: the work's primary trial is used
    os_ = o[(o.endpoint == "OS") & (o.work_id == hr.work_id)].iloc[0]
    assert (os_.trial, os_.trial_source) == ("CLEOPATRA", "work")
    assert o[o.trial == "EMILIA"].retracted.all()
    r = t["references"].set_index("index")
    assert r.loc[1, "resolution_status"] == "doi_in_text" and r.loc[1, "work_id"] == hr.work_id
    assert (r.loc[2, "resolution_status"], r.loc[2, "resolved_doi"]) == (
        "matched",
        "10.1056/nejmoa1209124",
    )
    assert r.loc[3, "resolution_status"] == "pending"
    trials = t["trials"].set_index("trial")
    assert trials.loc["CLEOPATRA", "nct_ids"] == ["NCT00567190"]
    assert {"pertuzumab", "trastuzumab", "docetaxel"} <= set(trials.loc["CLEOPATRA", "drugs"])
    m = t["evidence_matrix"]
    emilia = m[m.trial == "EMILIA"].iloc[0]
    assert emilia.n_values == 0 and emilia.n_excluded == 1  # retracted work left out
    pfs = m[(m.trial == "CLEOPATRA") & (m.measure == "median") & (m.arm == "docetaxel")].iloc[0]
    assert pfs["values"] == [12.4] and pfs["min"] == pfs["max"] == 12.4


def test_ids_stable_across_runs_and_independent_of_order():
    a, b = build(), build()
    assert a["outcomes"]["evidence_id"].tolist() == b["outcomes"]["evidence_id"].tolist()
    ex = extractions()
    reversed_ex = {
        k: Extraction(v.id, v.drugs, v.trials, v.outcomes[::-1], v.mentions[::-1])
        for k, v in ex.items()
    }
    c = build_tables(references(), works()[::-1], reversed_ex, RESOLUTIONS)
    assert set(c["outcomes"]["evidence_id"]) == set(a["outcomes"]["evidence_id"])
    assert set(c["mentions"]["mention_id"]) == set(a["mentions"]["mention_id"])


def test_changed_sentence_keeps_evidence_id_but_changes_hash():
    a = build()["outcomes"].set_index("evidence_id")
    b = build(s1=S1.replace("P<0.001", "P<0.0001"))["outcomes"].set_index("evidence_id")
    assert set(a.index) == set(b.index)
    changed = a.index[a.evidence_hash != b.loc[a.index].evidence_hash]
    assert len(changed) == 3  # the three results in the edited sentence


def test_extraction_without_matching_work_is_refused():
    with pytest.raises(InputError, match="matches no work"):
        build_tables([], works(), {"nope": Extraction("nope")})


def test_publish_upserts_without_duplicates_and_keeps_first_seen(tmp_path):
    store = TableStore(tmp_path)
    first = publish(store, build())
    second = publish(store, build())
    assert {k: v for k, v in first.items() if k != "runs"} == {
        k: v for k, v in second.items() if k != "runs"
    }
    assert (first["runs"], second["runs"]) == (1, 2)
    assert first["outcomes"] == 5 and first["works"] == 3
    w = store.read("works")
    runs = store.read("runs")
    assert len(runs) == 2 and set(runs.status) == {"completed"}
    assert (w.first_seen_run == runs.run_id.iloc[0]).all()
    assert (w.last_seen_run == runs.run_id.iloc[1]).all()
    assert json.loads(runs.counts.iloc[1])["outcomes"] == 5
    # A batch with only one work leaves the other works' rows alone.
    only_w2 = build_tables([], [works()[1]], {"23020162": extractions()["23020162"]})
    counts = publish(store, only_w2)
    assert counts["outcomes"] == 5 and counts["works"] == 3


def test_reprocessed_work_drops_vanished_outcomes(tmp_path):
    store = TableStore(tmp_path)
    publish(store, build())
    ex = extractions()
    ex["10.1056/nejmoa1113216"].outcomes = ex["10.1056/nejmoa1113216"].outcomes[:1]
    publish(store, build_tables([], works(), ex))
    assert len(store.read("outcomes")) == 2


def test_store_upsert_by_key(tmp_path):
    store = TableStore(tmp_path)
    t = build()
    store.write("works", t["works"])
    changed = t["works"].iloc[[0]].assign(title="New title")
    merged = store.upsert("works", changed)
    assert len(merged) == 3
    again = store.read("works").set_index("work_id")
    assert again.loc[changed.work_id.iloc[0], "title"] == "New title"


def test_write_validates_schema(tmp_path):
    store = TableStore(tmp_path)
    o = build()["outcomes"]
    with pytest.raises(InputError, match="'outcomes'.*missing: sentence"):
        store.write("outcomes", o.drop(columns="sentence"))
    with pytest.raises(InputError, match="column 'value'"):
        store.write("outcomes", o.assign(value="high"))
    with pytest.raises(InputError, match="column 'endpoint'.*null"):
        store.write("outcomes", o.assign(endpoint=None))
    with pytest.raises(InputError, match="duplicate ids"):
        store.write("outcomes", pd.concat([o, o.iloc[[0]]]))
    with pytest.raises(InputError, match="review_status.*invalid"):
        store.write("outcomes", o.assign(review_status="maybe"))
    with pytest.raises(InputError, match="unknown table"):
        store.write("nope", o)
    assert not store.path("outcomes").exists()


def test_read_roundtrip_types_and_csv_twin(tmp_path):
    store = TableStore(tmp_path)
    t = build()
    for name in ("works", "outcomes", "trials", "evidence_matrix"):
        store.write(name, t[name])
    w = store.read("works")
    assert isinstance(w.authors.iloc[0], list) and str(w.year.dtype) == "Int64"
    pd.testing.assert_frame_equal(
        store.read("outcomes").reset_index(drop=True), store.read("outcomes")
    )
    csv = pd.read_csv(store.path("trials", "csv"))
    assert json.loads(csv.works.iloc[0]) == store.read("trials").works.iloc[0]
    assert store.read("references").empty and list(store.read("references").columns) == list(
        empty_frame("references").columns
    )


def _corrupt(p: Path) -> None:
    data = p.read_bytes()
    p.write_bytes(data[: len(data) // 2])


def test_corrupt_parquet_recovered_from_matching_csv_twin(tmp_path, caplog):
    store = TableStore(tmp_path)
    o = build()["outcomes"]
    store.write("outcomes", o)
    expected = store.read("outcomes")
    _corrupt(store.path("outcomes"))
    got = store.read("outcomes")
    pd.testing.assert_frame_equal(got, expected)
    assert "recovered from CSV twin" in caplog.text


def test_corrupt_parquet_without_good_twin_is_an_error_naming_the_file(tmp_path):
    store = TableStore(tmp_path)
    o = build()["outcomes"]
    store.write("outcomes", o)
    store.write("outcomes", o.iloc[:2])
    _corrupt(store.path("outcomes"))
    store.path("outcomes", "csv").write_text("evidence_id\nx\n")
    with pytest.raises(ParseError, match=r"outcomes\.parquet.*previous versions"):
        store.read("outcomes")
    # The previous version can be restored.
    store.restore("outcomes", store.versions("outcomes")[-1])
    assert len(store.read("outcomes")) == 5


def test_versions_keep_previous_tables(tmp_path):
    store = TableStore(tmp_path, keep_versions=2)
    o = build()["outcomes"]
    for n in (1, 2, 3, 4):
        store.write("outcomes", o.iloc[:n], run_id=f"run{n}")
    vs = store.versions("outcomes")
    assert len(vs) == 2 and vs[-1].endswith("run3")
    assert len(store.read_version("outcomes", vs[-1])) == 3
    history = store.manifest()["history"]
    assert [h["rows"] for h in history] == [1, 2, 3, 4]


def test_no_temp_files_left_after_writes(tmp_path):
    store = TableStore(tmp_path)
    publish(store, build())
    leftovers = [p.name for p in tmp_path.rglob("*") if p.name.endswith(".tmp") or ".wal" in p.name]
    assert leftovers == []


def test_duckdb_file_tables_and_views(tmp_path):
    import duckdb

    store = TableStore(tmp_path)
    publish(store, build())
    con = duckdb.connect(str(store.duckdb_path), read_only=True)
    try:
        names = {
            r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
        }
        assert set(TABLE_NAMES) | {"evidence", "pending_review", "hr_forest", "refs"} <= names
        n = con.execute("SELECT count(*) FROM evidence").fetchone()[0]
        assert n == 5
        forest = con.execute("SELECT trial, endpoint, hr, se_log_hr FROM hr_forest").fetchall()
    finally:
        con.close()
    # EMILIA is retracted: not in the forest; CLEOPATRA PFS and OS are.
    assert {(t, e) for t, e, _, _ in forest} == {("CLEOPATRA", "PFS"), ("CLEOPATRA", "OS")}
    se = [s for t, e, h, s in forest if e == "PFS"][0]
    assert math.isclose(se, (math.log(0.75) - math.log(0.51)) / (2 * 1.959964), rel_tol=1e-9)


def test_query_views_and_errors(tmp_path):
    store = TableStore(tmp_path)
    publish(store, build())
    assert store.query("SELECT count(*) AS n FROM retracted_evidence").n[0] == 1
    assert store.query("SELECT count(*) AS n FROM pending_review").n[0] == 5
    assert store.query('SELECT count(*) AS n FROM "references"').n[0] == 3
    with pytest.raises(InputError, match="query failed"):
        store.query("SELECT * FROM no_such_table")


def test_run_params_never_hold_secrets(tmp_path):
    store = TableStore(tmp_path)
    run = store.begin_run({"api_key": "SECRET123", "input": "refs.txt", "nested": {"token": "x"}})
    store.finish_run(run, "failed")
    row = store.read("runs").iloc[0]
    assert "SECRET123" not in row.params and json.loads(row.params) == {
        "input": "refs.txt",
        "nested": {},
    }
    assert row.status == "failed" and row.finished_at


@pytest.mark.parametrize("doc_path", ["docs/tables.md", "README.md"])
def test_data_dictionary_documents_every_column(doc_path):
    doc = (Path(__file__).resolve().parents[1] / doc_path).read_text()
    for spec in SPECS.values():
        assert f"### `{spec.name}`" in doc
        for c in spec.columns:
            assert f"| `{c.name}` | {c.type} |" in doc, (doc_path, spec.name, c.name)


_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=20)
_num = st.one_of(st.none(), st.floats(allow_nan=False, allow_infinity=False, width=64))


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(
        st.tuples(
            _text,
            st.sampled_from(["PFS", "OS", "ORR"]),
            st.sampled_from(["median", "HR"]),
            st.one_of(st.none(), _text),
            _num,
            _num,
            st.lists(_text, max_size=3),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_hypothesis_ids_and_write_read_roundtrip(tmp_path_factory, rows):
    # Stable ids: recomputing gives the same id; a write-read cycle returns identical values.
    tmp = tmp_path_factory.mktemp("h")
    store = TableStore(tmp)
    recs = []
    for i, (sentence, endpoint, measure, arm, value, ci, authors) in enumerate(rows):
        wid = work_id(None, str(i))
        eid = evidence_id(wid, endpoint, measure, arm, 0)
        assert eid == evidence_id(wid, endpoint, measure, arm, 0)
        recs.append((wid, eid, sentence, endpoint, measure, arm, value, ci, authors))
    works_list = [Work(pmid=str(i), title=r[2], authors=r[8]) for i, r in enumerate(recs)]
    from her2mine.tables.build import works_frame

    df = works_frame(works_list)
    store.write("works", df)
    back = store.read("works")
    assert back.work_id.tolist() == [r[0] for r in recs]
    assert back.title.tolist() == [r[2] for r in recs]
    assert back.authors.tolist() == [r[8] for r in recs]
    o = build()["outcomes"].iloc[[0]]
    frames = []
    for wid, eid, sentence, endpoint, measure, arm, value, ci, _ in recs:
        frames.append(
            o.assign(
                evidence_id=eid,
                work_id=wid,
                sentence=sentence,
                endpoint=endpoint,
                measure=measure,
                arm=arm,
                value=value,
                ci_low=ci,
            )
        )
    out = pd.concat(frames, ignore_index=True).drop_duplicates("evidence_id")
    store.write("outcomes", out)
    got = store.read("outcomes")
    for col in ("evidence_id", "sentence", "arm"):
        assert got[col].tolist() == out[col].tolist()
    for col in ("value", "ci_low"):
        a = [None if pd.isna(x) else x for x in got[col]]
        b = [None if x is None or pd.isna(x) else x for x in out[col]]
        assert a == b


def test_unresolved_references_and_fetch_style_resolutions():
    from dataclasses import dataclass

    from her2mine.models import Reference

    @dataclass
    class Res:  # the shape of fetch's Resolution objects
        raw: str
        doi: str | None
        confidence: float
        status: str
        reason: str | None = None

    refs = [
        Reference(
            "l.txt",
            None,
            1,
            "Swain S. Pertuzumab OS. 2015",
            None,
            ["Swain, S."],
            2015,
            "Pertuzumab  overall survival",
        ),
        Reference("l.txt", None, 2, "Someone. Something. 2001", None, [], 2001, "Something"),
    ]
    res = [
        Res(refs[0].raw, None, 0.0, "failed", "HTTP 503"),
        Res(refs[1].raw, "10.1/cand", 0.4, "ambiguous"),
    ]
    # fetch makes a citation-only Work for an unresolved reference
    orphan = Work(
        title="Pertuzumab overall survival", year=2015, authors=["Swain, S."], status="failed"
    )
    t = build_tables(refs, [orphan], {}, res)
    r = t["references"].set_index("index")
    assert (r.loc[1, "resolution_status"], r.loc[1, "resolution_reason"]) == (
        "pending",
        "failed: HTTP 503",
    )
    assert r.loc[1, "work_id"] == t["works"].work_id.iloc[0]  # joins the citation-only work
    assert r.loc[2, "resolution_status"] == "ambiguous" and r.loc[2, "resolved_doi"] is None
    with pytest.raises(InputError, match="no DOI, PMID, PMCID or title"):
        build_tables([], [Work()], {})


def test_registry_id_of_a_named_trial_is_folded_into_it():
    from her2mine.tables.derive import trials_frame

    s = "CLEOPATRA (NCT00567190) randomised 808 patients."
    mentions = pd.DataFrame(
        [
            {"work_id": "w1", "kind": "trial", "canonical": "CLEOPATRA", "sentence": s},
            {"work_id": "w1", "kind": "trial", "canonical": "NCT00567190", "sentence": s},
            {"work_id": "w2", "kind": "trial", "canonical": "NCT00567190", "sentence": "x"},
            {"work_id": "w3", "kind": "trial", "canonical": "NCT01120184", "sentence": "y"},
        ]
    )
    outcomes = pd.DataFrame(columns=["work_id", "trial", "arm"])
    t = trials_frame(mentions, outcomes).set_index("trial")
    assert sorted(t.index) == ["CLEOPATRA", "NCT01120184"]  # unowned registry id stays
    assert t.loc["CLEOPATRA", "works"] == ["w1", "w2"]
    assert t.loc["CLEOPATRA", "nct_ids"] == ["NCT00567190"]


def test_reextracted_work_with_no_results_drops_its_old_rows(tmp_path):
    store = TableStore(tmp_path)
    publish(store, build(), run_id=None)
    w1 = works()[0]
    wid = work_id(w1.doi, w1.pmid)
    assert (store.read("outcomes").work_id == wid).any()
    # The abstract was rewritten and now reports nothing: its old evidence must not linger.
    empty = {w1.doi: Extraction(id=w1.doi)}
    publish(store, build_tables([], [w1], empty, run_id="r2"), run_id=None)
    assert not (store.read("outcomes").work_id == wid).any()
    assert not (store.read("mentions").work_id == wid).any()
    assert (store.read("outcomes").work_id != wid).any()  # other works untouched


# -- a citation-only work replaced once its reference resolves ---------------------------------

_SWAIN = dict(
    source="l.txt",
    source_doi=None,
    index=1,
    raw="Swain SM, et al. Pertuzumab and CLEOPATRA overall survival. 2015",
    doi=None,
    authors=["Swain, S. M."],
    year=2015,
    title="Pertuzumab and CLEOPATRA overall survival",
)
_SWAIN_DOI = "10.1056/NEJMoa1413513"


def _unresolved_batch(source: str = "l.txt", run_id: str = "r1"):
    """Refresh 1: no DOI, Crossref finds no match -> fetch's citation-only Work (not_found)."""
    from her2mine.models import Mention, Reference

    ref = Reference(**{**_SWAIN, "source": source})
    w = Work(
        title=ref.title,
        year=ref.year,
        authors=list(ref.authors),
        status="not_found",
        reason="reference 1 of l.txt has no DOI and was not resolved (no_match: -)",
    )
    title = ref.title
    ex = Extraction(
        id=work_id(title=title, year=2015, first_author="Swain, S. M."),
        trials=["CLEOPATRA"],
        mentions=[
            Mention(
                "trial",
                "CLEOPATRA",
                "CLEOPATRA",
                title.index("CLEOPATRA"),
                title.index("CLEOPATRA") + 9,
                title,
            )
        ],
    )
    res = {(source, 1): {"status": "no_match", "confidence": 0.3}}
    return build_tables([ref], [w], {ex.id: ex}, res, run_id=run_id)


def _resolved_batch(run_id: str = "r2"):
    """Refresh 2: the same reference now resolves to a DOI, whose record is fetched."""
    from her2mine.models import Reference

    ref = Reference(**_SWAIN)
    w = Work(
        doi=_SWAIN_DOI,
        pmid="25693012",
        title="Pertuzumab, trastuzumab, and docetaxel in HER2-positive metastatic breast cancer",
        abstract=S1,
        year=2015,
        authors=["Swain, S. M."],
    )
    ex = extractions()["10.1056/nejmoa1113216"]
    ex.id = _SWAIN_DOI
    res = {("l.txt", 1): {"status": "matched", "confidence": 0.97, "doi": _SWAIN_DOI}}
    return build_tables([ref], [w], {_SWAIN_DOI: ex}, res, run_id=run_id)


def _stored(tables: dict) -> dict:
    from her2mine.tables.publish import MERGE

    return {n: tables.get(n, empty_frame(n)) for n in (*MERGE, "review")}


def test_resolved_reference_replaces_its_citation_only_work():
    from her2mine.tables import merge_batch

    first = merge_batch(_stored({}), _unresolved_batch(), "r1")
    old_id = work_id(title=_SWAIN["title"], year=2015, first_author="Swain, S. M.")
    assert first["works"].work_id.tolist() == [old_id]
    assert first["references"].work_id.tolist() == [old_id]
    assert first["trials"].set_index("trial").loc["CLEOPATRA", "works"] == [old_id]

    second = merge_batch(first, _resolved_batch(), "r2")
    new_id = work_id(_SWAIN_DOI)
    # the stale citation-only row is gone from works and from everything keyed on it
    assert second["works"].work_id.tolist() == [new_id]
    assert second["references"].work_id.tolist() == [new_id]
    assert old_id not in set(second["mentions"].work_id)
    assert old_id not in set(second["outcomes"].work_id)
    assert second["trials"].set_index("trial").loc["CLEOPATRA", "works"] == [new_id]
    assert all(old_id not in ws for ws in second["evidence_matrix"].works)
    assert second["works"].first_seen_run.tolist() == ["r2"]
    # merging the same batch again changes nothing (ids stable, no duplicates)
    again = merge_batch(second, _resolved_batch("r3"), "r3")
    assert again["works"].work_id.tolist() == [new_id]
    assert sorted(again["outcomes"].evidence_id) == sorted(second["outcomes"].evidence_id)


def test_citation_only_work_still_cited_unresolved_elsewhere_is_kept():
    from her2mine.tables import merge_batch

    first = merge_batch(_stored({}), _unresolved_batch(), "r1")
    both = merge_batch(first, _unresolved_batch(source="other.txt"), "r1b")
    old_id = work_id(title=_SWAIN["title"], year=2015, first_author="Swain, S. M.")
    assert both["works"].work_id.tolist() == [old_id]
    # l.txt's reference resolves; other.txt (not re-run) still points at the citation-only work
    second = merge_batch(both, _resolved_batch(), "r2")
    assert sorted(second["works"].work_id) == sorted([old_id, work_id(_SWAIN_DOI)])
    assert old_id in set(second["mentions"].work_id)
    # an unresolved re-run keeps its citation-only row too
    still = merge_batch(first, _unresolved_batch(run_id="r2"), "r2")
    assert still["works"].work_id.tolist() == [old_id]


def test_decisions_on_a_replaced_citation_only_work_are_kept_and_reported(tmp_path, caplog):
    from her2mine.review import current_review, record_decision

    store = TableStore(tmp_path)
    publish(store, _unresolved_batch(), duckdb=False)
    old_id = store.read("works").work_id.iloc[0]
    record_decision(store, old_id, "rejected", "ann", target="works", note="not a HER2 paper")
    mention = store.read("mentions").mention_id.iloc[0]
    with caplog.at_level("WARNING", logger="her2mine.tables.publish"):
        counts = publish(store, _resolved_batch(), duckdb=False)
    assert counts["works"] == 1 and old_id not in set(store.read("works").work_id)
    assert mention not in set(store.read("mentions").mention_id)
    cur = current_review(store)
    assert cur.evidence_id.tolist() == [old_id]  # the decision is kept ...
    assert cur.orphaned.tolist() == [True]  # ... flagged orphaned ...
    assert store.query("SELECT evidence_id FROM stale_decisions").evidence_id.tolist() == [old_id]
    # ... and the replacement is reported, naming the new work and the decision left behind
    text = caplog.text
    assert old_id in text and work_id(_SWAIN_DOI) in text and "1 curator decision" in text
    # a curator rejection of the old row does not leak onto the new work's evidence
    assert store.read("evidence_matrix").n_excluded.sum() == 0
