"""Curator decisions: validation, history, staleness, survival across refreshes, xlsx round trip."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from test_tables_data import RESOLUTIONS, S1, extractions, references, works

from her2mine.errors import InputError
from her2mine.review import current_review, decision_history, record_decision
from her2mine.review.xlsx import export_review, import_review
from her2mine.tables import TableStore, build_tables, publish


def build(**kw):
    return build_tables(references(), works(), extractions(**kw), RESOLUTIONS)


@pytest.fixture
def store(tmp_path):
    s = TableStore(tmp_path / "processed")
    publish(s, build(), duckdb=False)  # queries use in-memory DuckDB; keeps the tests fast
    return s


def eid(store, endpoint="PFS", measure="HR"):
    o = store.read("outcomes")
    return o[(o.endpoint == endpoint) & (o.measure == measure) & (o.trial == "CLEOPATRA")].iloc[0]


def test_record_decision_updates_status_matrix_and_keeps_history(store):
    row = eid(store, "PFS", "median")
    record_decision(store, row.evidence_id, "accepted", "ann")
    rec = record_decision(
        store, row.evidence_id, "Corrected", "bob", note="typo", corrected_value="18.7"
    )
    assert rec["decision"] == "corrected" and rec["corrected_value"] == 18.7
    assert rec["evidence_hash_at_decision"] == row.evidence_hash
    hist = decision_history(store, row.evidence_id)
    assert hist.decision.tolist() == ["accepted", "corrected"]
    assert hist.is_current.tolist() == [False, True]
    o = store.read("outcomes").set_index("evidence_id")
    assert o.loc[row.evidence_id, "review_status"] == "corrected"
    m = store.read("evidence_matrix")
    cell = m[m.evidence_ids.apply(lambda ids: row.evidence_id in ids)].iloc[0]
    assert cell["values"] == [18.7]
    ev = store.query(
        f"SELECT effective_value, decision FROM evidence WHERE evidence_id = '{row.evidence_id}'"
    )
    assert (ev.effective_value[0], ev.decision[0]) == (18.7, "corrected")


def test_rejected_evidence_leaves_the_matrix(store):
    row = eid(store)
    record_decision(store, row.evidence_id, "rejected", "ann")
    m = store.read("evidence_matrix")
    cell = m[(m.trial == "CLEOPATRA") & (m.endpoint == "PFS") & (m.measure == "HR")].iloc[0]
    assert cell.n_values == 0 and cell.n_excluded == 1
    assert store.query("SELECT count(*) n FROM hr_forest WHERE endpoint='PFS'").n[0] == 0


@pytest.mark.parametrize(
    "kwargs, message",
    [
        (dict(evidence_id="nope", decision="accepted", curator="a"), "unknown evidence_id"),
        (dict(decision="maybe", curator="a"), "bad decision"),
        (dict(decision="accepted", curator=" "), "missing curator"),
        (dict(decision="accepted", curator="a", corrected_value=1.0), "use 'corrected'"),
        (dict(decision="corrected", curator="a"), "corrected without a value"),
        (dict(decision="corrected", curator="a", corrected_value="abc"), "not a number"),
        (dict(decision="corrected", curator="a", corrected_doi="10.1/x"), "cannot be corrected"),
    ],
)
def test_record_decision_validation(store, kwargs, message):
    kwargs = {"evidence_id": eid(store).evidence_id, **kwargs}
    with pytest.raises(InputError, match=message):
        record_decision(store, **kwargs)
    assert store.read("review").empty


def test_decisions_on_works_and_references(store):
    w = store.read("works")
    emilia = w[w.pmid == "23020162"].work_id.iloc[0]
    record_decision(store, emilia, "rejected", "ann", target="works", note="retracted")
    with pytest.raises(InputError, match="not available for works"):
        record_decision(store, emilia, "corrected", "ann", target="works", corrected_value=1)
    ref = store.read("references").set_index("index").loc[2]
    record_decision(
        store,
        ref.reference_id,
        "corrected",
        "ann",
        target="references",
        corrected_doi="https://doi.org/10.1056/NEJMoa1209124",
    )
    cur = current_review(store).set_index("target")
    assert cur.loc["references", "corrected_doi"] == "10.1056/nejmoa1209124"
    assert cur.loc["works", "decision"] == "rejected"


@pytest.mark.parametrize(
    "given, stored",
    [
        ("DOI: 10.1056/NEJMoa1209124", "10.1056/nejmoa1209124"),
        ("doi:10.1056/NEJMoa1209124", "10.1056/nejmoa1209124"),
        ("https://dx.doi.org/10.1056%2FNEJMoa1209124", "10.1056/nejmoa1209124"),
    ],
)
def test_corrected_doi_is_stored_in_canonical_form(store, given, stored):
    ref = store.read("references").set_index("index").loc[2]
    rec = record_decision(
        store, ref.reference_id, "corrected", "ann", target="references", corrected_doi=given
    )
    assert rec["corrected_doi"] == stored


@pytest.mark.parametrize(
    "bad", ["DOI: 10.1/X", "10.1056", "NEJMoa1209124", "see table 2", "10.1056/NEJMoa1209124."]
)
def test_corrected_doi_that_is_not_a_doi_is_refused(store, bad):
    ref = store.read("references").set_index("index").loc[2]
    with pytest.raises(InputError, match="corrected_doi .* is not a DOI"):
        record_decision(
            store, ref.reference_id, "corrected", "ann", target="references", corrected_doi=bad
        )
    assert store.read("review").empty


def test_refresh_with_changed_sentence_makes_decision_stale(store):
    row = eid(store)
    record_decision(store, row.evidence_id, "corrected", "ann", corrected_value=0.61)
    publish(store, build(s1=S1.replace("P<0.001", "P=0.002")))
    o = store.read("outcomes").set_index("evidence_id")
    assert o.loc[row.evidence_id, "review_status"] == "stale"
    r = current_review(store).iloc[0]
    assert r.stale and not r.orphaned and r.corrected_value == 0.61
    # a stale correction is not applied
    m = store.read("evidence_matrix")
    cell = m[m.evidence_ids.apply(lambda ids: row.evidence_id in ids)].iloc[0]
    assert cell["values"] == [0.62]
    assert store.query("SELECT count(*) n FROM stale_decisions").n[0] == 1
    # deciding again on the new text clears it
    record_decision(store, row.evidence_id, "accepted", "ann")
    assert (
        store.read("outcomes").set_index("evidence_id").loc[row.evidence_id, "review_status"]
        == "accepted"
    )


def test_decision_with_outdated_hash_is_stored_stale(store):
    row = eid(store)
    rec = record_decision(store, row.evidence_id, "accepted", "ann", evidence_hash="0" * 16)
    assert rec["stale"] is True


def test_decisions_survive_rebuild_and_orphaned_rows_are_kept(store):
    row = eid(store)
    record_decision(store, row.evidence_id, "accepted", "ann")
    publish(store, build())  # unchanged refresh
    assert (
        store.read("outcomes").set_index("evidence_id").loc[row.evidence_id, "review_status"]
        == "accepted"
    )
    assert len(store.read("review")) == 1 and not current_review(store).stale.iloc[0]
    ex = extractions()
    ex["10.1056/nejmoa1113216"].outcomes = [
        o for o in ex["10.1056/nejmoa1113216"].outcomes if o.measure != "HR" or o.endpoint != "PFS"
    ]
    publish(store, build_tables(references(), works(), ex, RESOLUTIONS))
    r = current_review(store).iloc[0]
    assert r.orphaned and r.evidence_id == row.evidence_id
    publish(store, build())  # the row comes back unchanged: the decision is live again
    assert not current_review(store).orphaned.iloc[0]


# -- xlsx -----------------------------------------------------------------------------------


def _cols(ws):
    return {c.value: c.column for c in ws[1]}


def test_export_workbook_layout(store, tmp_path):
    row = eid(store)
    record_decision(store, row.evidence_id, "accepted", "ann", note="ok")
    path = tmp_path / "review.xlsx"
    counts = export_review(store, path)
    assert counts == {"outcomes": 5, "works": 2, "references": 2}
    wb = load_workbook(path)
    ws = wb["outcomes"]
    cols = _cols(ws)
    assert ws.freeze_panes == "B2" and ws.auto_filter.ref.startswith("A1:")
    dv = ws.data_validations.dataValidation[0]
    assert dv.formula1 == '"accepted,rejected,corrected"'
    letter = ws.cell(row=1, column=cols["decision"]).column_letter
    assert f"{letter}2" in str(dv.sqref)
    rows = {ws.cell(r, cols["evidence_id"]).value: r for r in range(2, ws.max_row + 1)}
    r = rows[row.evidence_id]
    assert ws.cell(r, cols["decision"]).value == "accepted"
    assert ws.cell(r, cols["note"]).value == "ok"
    assert ws.cell(r, cols["doi"]).hyperlink.target == "https://doi.org/10.1056/nejmoa1113216"
    assert ws.cell(r, cols["pmid"]).hyperlink.target == "https://pubmed.ncbi.nlm.nih.gov/22149875/"
    refs = wb["references"]
    assert {refs.cell(i, _cols(refs)["index"]).value for i in (2, 3)} == {2, 3}


def test_export_never_writes_live_formulas(store, tmp_path):
    # Curator notes and paper texts are untrusted: "=HYPERLINK(...)" must stay text.
    row = eid(store)
    payloads = ['=HYPERLINK("http://evil.invalid","click")', "+1+1", "-2+3", "@SUM(A1)"]
    for i, note in enumerate(payloads):
        record_decision(store, row.evidence_id, "accepted", f"ann{i}", note=note)
    record_decision(store, row.evidence_id, "accepted", "=cmd|' /C calc'!A0", note=payloads[0])
    path = tmp_path / "review.xlsx"
    export_review(store, path)
    ws = load_workbook(path)["outcomes"]
    cols = _cols(ws)
    r = next(
        i
        for i in range(2, ws.max_row + 1)
        if ws.cell(i, cols["evidence_id"]).value == row.evidence_id
    )
    for name in ("note", "curator"):
        cell = ws.cell(r, cols[name])
        assert cell.data_type == "s" and cell.value.startswith("="), (name, cell.value)
    import zipfile

    with zipfile.ZipFile(path) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/")]
        assert not any(b"<f>" in z.read(n) or b"<f " in z.read(n) for n in sheets)
    # and the text survives the round trip unchanged
    assert import_review(store, path).unchanged == 1


def test_export_highlights_stale_and_does_not_prefill_them(store, tmp_path):
    row = eid(store)
    record_decision(store, row.evidence_id, "accepted", "ann")
    publish(store, build(s1=S1.replace("P<0.001", "P=0.002")))
    path = tmp_path / "r.xlsx"
    export_review(store, path)
    ws = load_workbook(path)["outcomes"]
    cols = _cols(ws)
    r = next(
        i
        for i in range(2, ws.max_row + 1)
        if ws.cell(i, cols["evidence_id"]).value == row.evidence_id
    )
    assert ws.cell(r, 1).fill.start_color.rgb.endswith("FFF2CC")
    assert ws.cell(r, cols["decision"]).value is None
    assert ws.cell(r, cols["current_decision"]).value.startswith("STALE")
    # re-importing the untouched sheet changes nothing
    rep = import_review(store, path)
    assert (rep.applied, len(rep.refused)) == (0, 0)
    assert current_review(store).stale.iloc[0]


def test_xlsx_round_trip_applies_valid_rows_and_refuses_bad_ones(store, tmp_path):
    path = tmp_path / "review.xlsx"
    export_review(store, path)
    wb = load_workbook(path)
    ws = wb["outcomes"]
    cols = _cols(ws)
    ids = [ws.cell(r, cols["evidence_id"]).value for r in range(2, ws.max_row + 1)]

    def put(r, **vals):
        for k, v in vals.items():
            ws.cell(r, cols[k]).value = v

    put(2, decision="accepted")  # curator from --curator
    put(3, decision="corrected", corrected_value="12.6", curator="bob", note="per table 2")
    put(4, decision="perhaps", curator="bob")
    put(5, decision="corrected", curator="bob")
    put(6, decision="corrected", corrected_value="twelve", curator="bob")
    ws.cell(7, cols["evidence_id"]).value = "deadbeefdeadbeef"
    put(7, decision="accepted", curator="bob")
    wb.save(path)

    report = import_review(store, path, curator="carol")
    assert report.applied == 2 and report.unchanged == 0
    reasons = {r.row: r.reason for r in report.refused}
    assert set(reasons) == {4, 5, 6, 7}
    assert "bad decision" in reasons[4]
    assert "corrected without a value" in reasons[5]
    assert "not a number" in reasons[6]
    assert "unknown evidence_id" in reasons[7]
    assert any(line.startswith("applied 2, unchanged 0, refused 4") for line in report.lines())
    cur = current_review(store).set_index("evidence_id")
    assert cur.loc[ids[0], "curator"] == "carol"
    assert (cur.loc[ids[1], "decision"], cur.loc[ids[1], "corrected_value"]) == ("corrected", 12.6)
    runs = store.read("runs")
    assert "review-import" in set(runs.kind)

    # a second import of the same file: the applied rows are unchanged now
    again = import_review(store, path, curator="carol")
    assert (again.applied, again.unchanged) == (0, 2)


def test_import_without_curator_refuses_rows(store, tmp_path):
    path = tmp_path / "review.xlsx"
    export_review(store, path)
    wb = load_workbook(path)
    ws = wb["outcomes"]
    ws.cell(2, _cols(ws)["decision"]).value = "accepted"
    wb.save(path)
    report = import_review(store, path, curator=None)
    assert report.applied == 0 and report.refused[0].reason == "missing curator"
    assert store.read("review").empty


def test_dry_run_writes_nothing(store, tmp_path):
    path = tmp_path / "review.xlsx"
    export_review(store, path)
    wb = load_workbook(path)
    ws = wb["outcomes"]
    ws.cell(2, _cols(ws)["decision"]).value = "rejected"
    wb.save(path)
    report = import_review(store, path, curator="x", dry_run=True)
    assert report.applied == 1 and store.read("review").empty


def test_malformed_workbooks_are_errors_and_apply_nothing(store, tmp_path):
    not_xlsx = tmp_path / "review.xlsx"
    not_xlsx.write_text("evidence_id,decision\n")
    with pytest.raises(InputError, match="review.xlsx: not a readable .xlsx"):
        import_review(store, not_xlsx)
    with pytest.raises(InputError, match="no such file"):
        import_review(store, tmp_path / "missing.xlsx")

    path = tmp_path / "good.xlsx"
    export_review(store, path)
    wb = load_workbook(path)
    del wb["outcomes"]
    wb.save(tmp_path / "nosheet.xlsx")
    with pytest.raises(InputError, match="nosheet.xlsx: no 'outcomes' sheet"):
        import_review(store, tmp_path / "nosheet.xlsx")

    wb = load_workbook(path)
    ws = wb["outcomes"]
    ws.cell(2, _cols(ws)["decision"]).value = "accepted"
    ws.cell(1, _cols(ws)["decision"]).value = "verdict"
    wb.save(tmp_path / "nocol.xlsx")
    with pytest.raises(InputError, match="sheet 'outcomes' lacks column.*decision"):
        import_review(store, tmp_path / "nocol.xlsx", curator="x")
    assert store.read("review").empty


def test_interrupted_recording_keeps_the_decision_and_the_next_one_repairs_derived(
    store, monkeypatch
):
    # record_decisions writes review, then outcomes, then evidence_matrix (not one
    # transaction): a crash after the first write must lose nothing a later call cannot redo.
    first, second = store.read("outcomes").evidence_id.tolist()[:2]
    excluded_before = store.read("evidence_matrix")["n_excluded"].sum()
    real_write = TableStore.write

    def crash_on_outcomes(self, name, df, **kw):
        if name == "outcomes":
            raise OSError("disk full")
        return real_write(self, name, df, **kw)

    monkeypatch.setattr(TableStore, "write", crash_on_outcomes)
    with pytest.raises(OSError):
        record_decision(store, first, "rejected", "ann")
    monkeypatch.setattr(TableStore, "write", real_write)
    assert current_review(store).evidence_id.tolist() == [first]  # the decision is kept
    assert set(store.read("outcomes").review_status) == {"pending"}  # derived column lags

    record_decision(store, second, "accepted", "ann")
    status = store.read("outcomes").set_index("evidence_id")["review_status"]
    assert (status[first], status[second]) == ("rejected", "accepted")
    assert store.read("evidence_matrix")["n_excluded"].sum() == excluded_before + 1


def test_concurrent_decisions_are_all_kept(store):
    # The web app records one decision per click, possibly from several threads at once.
    from concurrent.futures import ThreadPoolExecutor

    ids = store.read("outcomes").evidence_id.tolist()
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda e: record_decision(store, e, "accepted", "ann"), ids))
    review = store.read("review")
    assert sorted(review.evidence_id) == sorted(ids) and review.is_current.all()
    assert set(store.read("outcomes").review_status) == {"accepted"}
