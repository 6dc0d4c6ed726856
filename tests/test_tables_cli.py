"""CLI: her2mine tables, query, review export/import (typer CliRunner)."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook
from test_tables_data import RESOLUTIONS, extractions, references, works
from typer.testing import CliRunner

from her2mine.cli import app
from her2mine.tables import TableStore, build_tables, publish

runner = CliRunner()


@pytest.fixture
def tables_dir(tmp_path):
    d = tmp_path / "processed"
    publish(
        TableStore(d), build_tables(references(), works(), extractions(), RESOLUTIONS), duckdb=False
    )
    return d


def test_tables_prints_counts(tables_dir):
    res = runner.invoke(app, ["tables", "--out", str(tables_dir)])
    assert res.exit_code == 0, res.output
    line = next(ln for ln in res.output.splitlines() if " outcomes " in ln)
    assert " 5 " in line
    assert "evidence_matrix" in res.output and "review" in res.output


def test_tables_uses_data_dir_setting(tables_dir, monkeypatch):
    monkeypatch.setenv("HER2MINE_DATA_DIR", str(tables_dir.parent))
    res = runner.invoke(app, ["tables"])
    assert res.exit_code == 0 and str(tables_dir) in res.output.replace("\n", "")


def test_query_formats(tables_dir):
    sql = "SELECT trial, count(*) AS n FROM outcomes GROUP BY trial ORDER BY trial"
    res = runner.invoke(app, ["query", sql, "--out", str(tables_dir), "--format", "json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output) == [{"trial": "CLEOPATRA", "n": 4}, {"trial": "EMILIA", "n": 1}]
    res = runner.invoke(app, ["query", sql, "--out", str(tables_dir), "--format", "csv"])
    assert res.output.splitlines() == ["trial,n", "CLEOPATRA,4", "EMILIA,1"]
    res = runner.invoke(
        app,
        [
            "query",
            "SELECT authors FROM refs WHERE index = 1",
            "--out",
            str(tables_dir),
            "--format",
            "csv",
        ],
    )
    assert res.output.splitlines() == ["authors", '"[""Baselga, J.""]"']
    res = runner.invoke(app, ["query", "SELECT * FROM hr_forest", "--out", str(tables_dir)])
    assert res.exit_code == 0 and "2 row(s)" in res.output


def test_query_error_is_one_line_exit_1(tables_dir):
    res = runner.invoke(app, ["query", "SELEC nonsense", "--out", str(tables_dir)])
    assert res.exit_code == 1
    assert res.stderr.startswith("error: query failed") and len(res.stderr.splitlines()) == 1
    assert "Traceback" not in res.output


def test_review_export_import_cli(tables_dir, tmp_path):
    xlsx = tmp_path / "review.xlsx"
    res = runner.invoke(app, ["review", "export", "--out", str(xlsx), "--dir", str(tables_dir)])
    assert res.exit_code == 0, res.output
    assert "outcomes 5" in res.output
    wb = load_workbook(xlsx)
    ws = wb["outcomes"]
    cols = {c.value: c.column for c in ws[1]}
    ws.cell(2, cols["decision"]).value = "rejected"
    ws.cell(3, cols["decision"]).value = "wrong"
    wb.save(xlsx)
    res = runner.invoke(
        app, ["review", "import", str(xlsx), "--dir", str(tables_dir), "--curator", "dana"]
    )
    # a refused row makes the exit code 1, after the valid row was applied
    assert res.exit_code == 1, res.output
    assert "applied 1, unchanged 0, refused 1" in res.stdout
    assert "refused outcomes row 3" in res.stdout and "bad decision 'wrong'" in res.stdout
    assert res.stderr.splitlines() == ["1 decision imported, 1 row refused (see above)"]
    review = TableStore(tables_dir).read("review")
    assert review.curator.tolist() == ["dana"] and review.decision.tolist() == ["rejected"]


def _fill_decisions(xlsx, *decisions):
    wb = load_workbook(xlsx)
    ws = wb["outcomes"]
    col = {c.value: c.column for c in ws[1]}["decision"]
    for row, decision in enumerate(decisions, start=2):
        ws.cell(row, col).value = decision
    wb.save(xlsx)


def test_review_import_without_refusals_exits_0(tables_dir, tmp_path):
    xlsx = tmp_path / "review.xlsx"
    runner.invoke(app, ["review", "export", "--out", str(xlsx), "--dir", str(tables_dir)])
    _fill_decisions(xlsx, "accepted", "rejected")
    args = ["review", "import", str(xlsx), "--dir", str(tables_dir), "--curator", "dana"]
    res = runner.invoke(app, args)
    assert res.exit_code == 0, res.output
    assert "applied 2, unchanged 0, refused 0" in res.stdout and res.stderr == ""
    res = runner.invoke(app, args)  # nothing new, nothing refused
    assert res.exit_code == 0 and "applied 0, unchanged 2, refused 0" in res.stdout


def test_review_import_refusals_exit_1_and_keep_every_valid_row(tables_dir, tmp_path):
    xlsx = tmp_path / "review.xlsx"
    runner.invoke(app, ["review", "export", "--out", str(xlsx), "--dir", str(tables_dir)])
    _fill_decisions(xlsx, "accepted", "maybe", "rejected", "corrected")
    args = ["review", "import", str(xlsx), "--dir", str(tables_dir), "--curator", "dana"]
    res = runner.invoke(app, [*args, "--dry-run"])
    assert res.exit_code == 1, res.output
    assert res.stderr.splitlines() == ["2 decisions would be imported, 2 rows refused (see above)"]
    assert TableStore(tables_dir).read("review").empty  # dry run: nothing written
    res = runner.invoke(app, args)
    assert res.exit_code == 1, res.output
    assert res.stdout.count("  refused outcomes row") == 2
    assert res.stderr.splitlines() == ["2 decisions imported, 2 rows refused (see above)"]
    review = TableStore(tables_dir).read("review")
    assert sorted(review.decision) == ["accepted", "rejected"]  # applied despite the refusals
    assert "review-import" in set(TableStore(tables_dir).read("runs").kind)
    # every row refused: still 1, and the summary says nothing was imported
    xlsx2 = tmp_path / "only-bad.xlsx"
    runner.invoke(app, ["review", "export", "--out", str(xlsx2), "--dir", str(tables_dir)])
    wb = load_workbook(xlsx2)
    ws = wb["outcomes"]
    cols = {c.value: c.column for c in ws[1]}
    for r in range(2, ws.max_row + 1):
        ws.cell(r, cols["decision"]).value = None
    ws.cell(2, cols["decision"]).value = "nope"
    wb.save(xlsx2)
    res = runner.invoke(
        app, ["review", "import", str(xlsx2), "--dir", str(tables_dir), "--curator", "dana"]
    )
    assert res.exit_code == 1
    assert res.stderr.splitlines() == ["0 decisions imported, 1 row refused (see above)"]
    assert len(TableStore(tables_dir).read("review")) == 2


def test_review_import_malformed_file_exit_1(tables_dir, tmp_path):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a zip")
    res = runner.invoke(app, ["review", "import", str(bad), "--dir", str(tables_dir)])
    assert res.exit_code == 1 and "bad.xlsx" in res.stderr and "Traceback" not in res.output


def test_review_import_uses_curator_setting(tables_dir, tmp_path, monkeypatch):
    xlsx = tmp_path / "review.xlsx"
    runner.invoke(app, ["review", "export", "--out", str(xlsx), "--dir", str(tables_dir)])
    wb = load_workbook(xlsx)
    ws = wb["outcomes"]
    ws.cell(2, {c.value: c.column for c in ws[1]}["decision"]).value = "accepted"
    wb.save(xlsx)
    monkeypatch.setenv("HER2MINE_CURATOR", "erin")
    res = runner.invoke(app, ["review", "import", str(xlsx), "--dir", str(tables_dir)])
    assert "applied 1" in res.output
    assert TableStore(tables_dir).read("review").curator.tolist() == ["erin"]


@pytest.mark.parametrize(
    "args, expected",
    [
        (["tables", "--help"], ["--out", "row count"]),
        (["query", "--help"], ["--format", "--limit", "DuckDB"]),
        (["review", "--help"], ["export", "import"]),
        (["review", "export", "--help"], ["--out", "--dir", "--min-confidence"]),
        (["review", "import", "--help"], ["--curator", "--dry-run", "--dir", "Exit code 1"]),
    ],
)
def test_help_texts(args, expected):
    res = runner.invoke(app, args)
    assert res.exit_code == 0
    for word in expected:
        assert word in res.output


@pytest.mark.parametrize("option", ["--out", "--dir"])
def test_tables_and_query_take_dir_like_review(tables_dir, option):
    res = runner.invoke(app, ["tables", option, str(tables_dir)])
    assert res.exit_code == 0, res.output
    assert str(tables_dir) in res.output.replace("\n", "")
    res = runner.invoke(
        app,
        [
            "query",
            "SELECT count(*) AS n FROM outcomes",
            option,
            str(tables_dir),
            "--format",
            "json",
        ],
    )
    assert res.exit_code == 0, res.output
    assert json.loads(res.output) == [{"n": 5}]


def test_store_errors_are_one_line_in_every_table_command(tables_dir, tmp_path):
    (tables_dir / "outcomes.parquet").write_bytes(b"PAR1 cut short")  # both twins damaged
    (tables_dir / "outcomes.csv").write_text("evidence_id\nx\n", encoding="utf-8")
    for args in (
        ["query", "SELECT * FROM outcomes", "--dir", str(tables_dir)],
        ["review", "export", "--out", str(tmp_path / "r.xlsx"), "--dir", str(tables_dir)],
    ):
        res = runner.invoke(app, args)
        assert res.exit_code == 1, (args, res.output)
        assert res.stderr.startswith("error: ") and len(res.stderr.splitlines()) == 1, args
        assert "outcomes.parquet" in res.stderr and "Traceback" not in res.output


def test_query_table_shows_missing_values_blank(tables_dir):
    sql = "SELECT 'x' AS a, CAST(NULL AS DOUBLE) AS b, 'nan' AS c, 1.5 AS d"
    res = runner.invoke(app, ["query", sql, "--dir", str(tables_dir)])
    assert res.exit_code == 0, res.output
    row = next(line for line in res.output.splitlines() if "x" in line and "│" in line)
    cells = [c.strip() for c in row.strip("│ ").split("│")]
    assert cells == ["x", "", "nan", "1.5"]  # a NULL is blank; the text 'nan' stays
