"""Helpers shared by the web tests (a uniquely named module: ``conftest`` is not importable
reliably when several test directories have one)."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

with warnings.catch_warnings():
    # Starlette 1.x suggests httpx2 for its TestClient; httpx is what the project pins.
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from starlette.testclient import TestClient

from her2mine.web import WebConfig, create_app

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"


def make_client(data_dir: Path, **cfg) -> TestClient:
    cfg.setdefault("curator", "T. Curator")
    return TestClient(create_app(WebConfig(data_dir=data_dir, **cfg)), base_url="http://127.0.0.1")


def csrf_of(html: str) -> str:
    m = re.search(r'<meta name="csrf-token" content="([0-9a-f]{64})">', html)
    assert m, "page has no CSRF meta tag"
    return m.group(1)
