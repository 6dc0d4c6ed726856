"""Curator review: decisions API (``record_decision``) and the xlsx round trip."""

from her2mine.review.decisions import (
    DecisionInput,
    current_review,
    decision_history,
    record_decision,
    record_decisions,
)

__all__ = [
    "DecisionInput",
    "current_review",
    "decision_history",
    "record_decision",
    "record_decisions",
]
