"""Shared test fixtures.

Real captured responses live in ``../shared/real-responses`` beside the checkout (CI has it there);
``HER2MINE_SHARED`` overrides the location. They are read in place, never copied into the project.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings
from shared_paths import REAL, SHARED

# Hypothesis' per-example deadline (200 ms) is a timing assertion: on a shared 2-core machine a
# slow first example (a regex compiled, a lexicon loaded) fails it by load, not by code. Speed is
# measured by the benchmarks instead.
settings.register_profile("her2mine", deadline=None)
settings.load_profile("her2mine")


@pytest.fixture(scope="session")
def nlp():
    """The rules-only extraction pipeline (no statistical model), built once."""
    from her2mine.extract import build_pipeline

    return build_pipeline(model="")


@pytest.fixture(scope="session")
def extract(nlp):
    """Run one text through the rules pipeline: ``extract(text)`` is its ``Extraction``."""
    from her2mine.extract import extract_document
    from her2mine.models import Document

    return lambda text: extract_document(Document(id="t", text=text), nlp)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not REAL.is_dir():
        pytest.fail(f"shared test data not found at {SHARED} (set HER2MINE_SHARED)")
    return SHARED


@pytest.fixture(scope="session")
def real_dir(shared_dir: Path) -> Path:
    return shared_dir / "real-responses"


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    return shared_dir / "seeds"
