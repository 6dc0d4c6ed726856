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
    assert res.exit_code == 0, res.output
    assert "applied 1, unchanged 0, refused 1" in res.output
    assert "refused outcomes row 3" in res.output and "bad decision 'wrong'" in res.output
    review = TableStore(tables_dir).read("review")
    assert review.curator.tolist() == ["dana"] and review.decision.tolist() == ["rejected"]


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
        (["review", "import", "--help"], ["--curator", "--dry-run", "--dir"]),
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
    res = runner.invoke(app, ["query", "SELECT count(*) AS n FROM outcomes", option,
                              str(tables_dir), "--format", "json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output) == [{"n": 5}]


def test_store_errors_are_one_line_in_every_table_command(tables_dir, tmp_path):
    (tables_dir / "outcomes.parquet").write_bytes(b"PAR1 cut short")  # both twins damaged
    (tables_dir / "outcomes.csv").write_text("evidence_id\nx\n", encoding="utf-8")
    for args in (["query", "SELECT * FROM outcomes", "--dir", str(tables_dir)],
                 ["review", "export", "--out", str(tmp_path / "r.xlsx"), "--dir",
                  str(tables_dir)]):
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
