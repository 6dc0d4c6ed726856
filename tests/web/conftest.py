"""Fixtures of the web tests: a curated data set (built once, copied per test) and a client."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from web_fixture_data import build_dataset
from web_helpers import make_client

from her2mine.tables import TableStore


@pytest.fixture(scope="session")
def dataset_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("web-dataset") / "processed"
    build_dataset(out)
    return out


@pytest.fixture
def data_dir(dataset_dir: Path, tmp_path: Path) -> Path:
    """A private copy of the data set: tests that decide do not affect each other."""
    out = tmp_path / "processed"
    shutil.copytree(dataset_dir, out, ignore=shutil.ignore_patterns(".lock"))
    return out


@pytest.fixture
def store(data_dir: Path) -> TableStore:
    return TableStore(data_dir)


@pytest.fixture
def client(data_dir: Path):
    return make_client(data_dir)
