"""The gold set's abstracts, for tests that check fast paths against their general forms."""

from __future__ import annotations

from pathlib import Path

GOLD = Path(__file__).parent / "data" / "gold"


def gold_texts() -> list[str]:
    """The text of every gold abstract, in file-name order."""
    return [p.read_text(encoding="utf-8") for p in sorted(GOLD.glob("*.txt"))]
