"""Where the shared test data lives (``../shared`` beside the checkout, or ``HER2MINE_SHARED``).

A module of its own (not conftest) so tests in any folder can import it unambiguously.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("HER2MINE_SHARED", ROOT.parent / "shared"))
REAL = SHARED / "real-responses"
SEEDS = SHARED / "seeds"
