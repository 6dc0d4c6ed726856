"""Fixtures for the flow tests: ONE Prefect test server per session, local protocol servers."""

from __future__ import annotations

import os

import pytest

from her2mine.testserver import REVIEW_PATH, ProtocolServer, load_corpus


@pytest.fixture(scope="session")
def prefect_api():
    """A temporary Prefect server for the whole session; yields its API URL."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from prefect.settings import PREFECT_API_URL
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=60):
        yield PREFECT_API_URL.value()


@pytest.fixture
def srv(monkeypatch):
    """A protocol server over a fresh copy of the synthetic corpus, wired into the env."""
    with ProtocolServer(corpus=load_corpus(), rate_limit=False) as server:
        for k, v in server.env().items():
            monkeypatch.setenv(k, v)
        monkeypatch.setenv("HER2MINE_EMAIL", "tests@her2mine.invalid")
        monkeypatch.delenv("NCBI_API_KEY", raising=False)
        yield server


@pytest.fixture
def review_path():
    return str(REVIEW_PATH)
