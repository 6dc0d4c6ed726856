"""Review of round 85b (pipeline 0.3.205): the crossover-period reading ("A followed by B (arm A)
or the reverse sequence (arm B)") also fired on sequence trials whose periods name no route, so
"in arm A" lost the sequence's regimen that the gold set's sequence convention gives it."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, rows_of

SEQUENCE = (
    "In this randomized crossover trial, patients received trastuzumab followed by lapatinib "
    "(arm A) or the reverse sequence (arm B). The response rate was 20.0% in arm A and 25.0% "
    "in arm B."
)


def test_reverse_sequence_without_routes_keeps_the_sequence_arm(nlp):
    """ "A followed by B (arm A) or the reverse sequence" with no route: arm A is the sequence
    A+B, not two period arms."""
    rows = rows_of(nlp, SEQUENCE, ARM_ROW)
    assert arm_of(rows, 20.0) == "lapatinib+trastuzumab"
