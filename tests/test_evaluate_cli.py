"""``her2mine evaluate`` end to end on a small copy of the gold set (real pipeline)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from her2mine.cli import app

GOLD_DIR = Path(__file__).parent / "data" / "gold"
STEMS = ("cleopatra_nejm2012", "review_adc_her2_2023")


@pytest.fixture()
def small_gold(tmp_path: Path) -> Path:
    for stem in STEMS:
        for suffix in (".txt", ".json"):
            shutil.copy(GOLD_DIR / f"{stem}{suffix}", tmp_path)
    return tmp_path


def test_evaluate_json_and_table(small_gold: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(app, ["evaluate", "--gold", str(small_gold), "--json", "--errors"])
    assert res.exit_code == 0, res.output
    d = json.loads(res.stdout)
    assert d["n_documents"] == 2
    assert d["missing_ids"] == [] and d["unscored_ids"] == []
    n_gold = sum(
        len(json.loads((small_gold / f"{s}.json").read_text("utf-8"))["outcomes"]) for s in STEMS
    )
    assert d["outcomes"]["tp"] + d["outcomes"]["fn"] == n_gold
    assert set(d["summary"]) == {"drugs_f1", "trials_f1", "outcomes_f1", "arm_accuracy"}
    assert isinstance(d["errors"], list)

    res = runner.invoke(app, ["evaluate", "--gold", str(small_gold), "--errors"])
    assert res.exit_code == 0, res.output
    assert "documents: 2" in res.stdout and "outcome tuples" in res.stdout


def test_evaluate_bad_gold_dir_is_one_line_error(tmp_path: Path) -> None:
    res = CliRunner().invoke(app, ["evaluate", "--gold", str(tmp_path / "missing")])
    assert res.exit_code == 1
    assert res.stderr.strip().startswith("error:") and "missing" in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1
    assert "Traceback" not in res.output
