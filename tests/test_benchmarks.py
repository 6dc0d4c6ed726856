"""The benchmark scripts run as a user runs them (``python benchmarks/X.py``) and end with the
line their docs promise. Figures are not checked here: speed is never asserted in tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def run(script: str, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / script), *args],
        capture_output=True, text=True, timeout=600, cwd=BENCHMARKS.parent,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_extract_benchmark_runs_and_ends_with_the_ratio():
    last = run("extract.py", "--n", "20", "--repeat", "1").strip().splitlines()[-1]
    name, _, value = last.partition("=")
    assert name == "pipeline_vs_tokenizer_ratio" and float(value) > 0


def test_requests_benchmark_runs_and_ends_with_the_request_count():
    last = run("requests.py", "--n", "10").strip().splitlines()[-1]
    name, _, value = last.partition("=")
    assert name == "requests_per_1000_dois" and int(value) > 0


@pytest.mark.parametrize("script", sorted(p.name for p in BENCHMARKS.glob("*.py")))
def test_every_benchmark_has_help(script):
    assert "usage:" in run(script, "--help")
