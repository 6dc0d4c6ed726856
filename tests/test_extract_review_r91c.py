"""Review of round 91c: "the two schedules" / "both schedules" was read as two references to
the schedule levels in any sentence that holds "schedule". A value pooled over the whole
factorial ("40.8% with both schedules combined", "did not differ between the two schedules
...; it was 40.8% overall") then took the backbone, though it spans every level, add-on
included. Only a "respectively" list names each schedule in turn (round 91c's own test
"the two schedules were 58.2% and 55.6%, respectively" keeps that reading)."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, rows_of

DESIGN = (
    "Patients with HER2-positive early breast cancer were randomised in a 2 × 2 factorial "
    "design to paclitaxel weekly or every 3 weeks, each with or without denosumab, all with "
    "trastuzumab. "
)

COMBINED = DESIGN + "The pCR rate was 40.8% with both schedules combined."
BETWEEN = DESIGN + (
    "The pCR rate did not differ between the two schedules (P = 0.3); it was 40.8% overall."
)


def test_both_schedules_combined_is_pooled(nlp):
    """ "40.8% with both schedules combined": pooled over every level, no arm."""
    assert arm_of(rows_of(nlp, COMBINED, ARM_ROW), 40.8) is None


def test_between_the_two_schedules_is_pooled(nlp):
    """ "did not differ between the two schedules ...; it was 40.8% overall": no arm."""
    assert arm_of(rows_of(nlp, BETWEEN, ARM_ROW), 40.8) is None
