"""Regression guard: the real pipeline on the gold set must reach the pinned figures.

Pins live in tests/data/gold/pinned_scores.json; raise them when the pipeline improves.
"""

from __future__ import annotations

import json
from pathlib import Path

GOLD_DIR = Path(__file__).parent / "data" / "gold"


def test_pipeline_reaches_pinned_scores() -> None:
    from her2mine import extract
    from her2mine.extract.evaluate import evaluate, format_errors, load_gold

    gold = load_gold(GOLD_DIR)
    nlp = extract.build_pipeline()
    docs = [d for txt in sorted(GOLD_DIR.glob("*.txt")) for d in extract.read_documents(txt)]
    predicted = [e.to_dict() for e in extract.extract_documents(docs, nlp)]
    scores = evaluate(gold, predicted)
    achieved = scores.summary()
    pins = json.loads((GOLD_DIR / "pinned_scores.json").read_text("utf-8"))
    below = {
        k: (achieved[k], pin)
        for k, pin in pins.items()
        if achieved[k] is None or achieved[k] < pin - 1e-9
    }
    assert not below, f"below pinned scores (achieved, pin): {below}\n{format_errors(scores)}"
