"""``her2mine refs``: JSON and table output, per-file errors, forced format, stdin."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from her2mine.cli import app

DATA = Path(__file__).parent / "data" / "refs"
runner = CliRunner()


def test_json_output_of_both_seeds(seeds_dir):
    files = [seeds_dir / "004_8842e253018fc683.txt", seeds_dir / "000_bee61af27c55501b.txt"]
    result = runner.invoke(app, ["refs", "--json", *map(str, files)])
    assert result.exit_code == 0, result.output
    items = json.loads(result.stdout)
    assert len(items) == 26 + 5
    keys = {
        "source",
        "source_doi",
        "index",
        "raw",
        "doi",
        "authors",
        "year",
        "title",
        "journal",
        "duplicate_indexes",
    }
    assert all(keys <= set(item) for item in items)
    fehm = [i for i in items if i["doi"] is None]
    assert len(fehm) == 1 and fehm[0]["year"] == 2024 and fehm[0]["journal"] == "Lancet Oncol"
    own = {i["source"]: i["source_doi"] for i in items}
    assert own == {
        str(files[0]): "10.31435/ijitss.4(48).2025.4262",
        str(files[1]): "10.1038/s41571-023-00849-9",
    }


def test_failing_file_is_reported_and_others_kept(tmp_path):
    prose = tmp_path / "notes.txt"
    prose.write_text("Meeting notes without any reference list.\n")
    missing = tmp_path / "missing.ris"
    args = [
        "refs",
        "--json",
        str(DATA / "trials.ris"),
        str(missing),
        str(prose),
        str(DATA / "dois.txt"),
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    items = json.loads(result.stdout)
    assert {i["source"] for i in items} == {str(DATA / "trials.ris"), str(DATA / "dois.txt")}
    assert len(items) == 3 + 5
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2
    assert "missing.ris" in errors[0] and "not found" in errors[0]
    assert "notes.txt" in errors[1] and "unrecognised format" in errors[1]
    assert "Traceback" not in result.output


def test_table_output_and_count_line():
    result = runner.invoke(app, ["refs", str(DATA / "vancouver.txt"), str(DATA / "trials.bib")])
    assert result.exit_code == 0, result.output
    assert "9 references (7 with DOI, 2 without) from 2 file(s)" in result.stdout
    assert "10.1056/nejmoa1113216" in result.stdout
    assert "Baselga" in result.stdout


def test_forced_format_and_unknown_format():
    ok = runner.invoke(app, ["refs", "--json", "--format", "doi-list", str(DATA / "dois.txt")])
    assert ok.exit_code == 0 and len(json.loads(ok.stdout)) == 5
    wrong = runner.invoke(app, ["refs", "--json", "--format", "ris", str(DATA / "dois.txt")])
    assert wrong.exit_code == 1 and "dois.txt: no references found" in wrong.stderr
    assert json.loads(wrong.stdout) == []
    bad = runner.invoke(app, ["refs", "--format", "xml", str(DATA / "dois.txt")])
    assert bad.exit_code == 1 and "unknown format 'xml'" in bad.stderr


def test_stdin():
    result = runner.invoke(
        app, ["refs", "--json", "-"], input="doi:10.1056/NEJMoa1914609\n10.1056/NEJMoa2115022\n"
    )
    assert result.exit_code == 0, result.output
    items = json.loads(result.stdout)
    assert [i["doi"] for i in items] == ["10.1056/nejmoa1914609", "10.1056/nejmoa2115022"]
    assert {i["source"] for i in items} == {"<stdin>"}
