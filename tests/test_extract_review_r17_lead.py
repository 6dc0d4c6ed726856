"""Lead's mend after the review of rounds 17-18 (pipeline 0.3.30): the follow-up rule of round
17b dropped rates a curator records ("At a median follow-up of 8 years, IDFS was 88% ..."), and
"those who did not" was read only after "of" and with "did/had"."""

from __future__ import annotations

import pytest
from extract_helpers import ARM_ROW, rows_of

DESIGN = (
    "Pertuzumab in early breast cancer\n\n"
    "Patients were randomly assigned to pertuzumab or placebo, each with trastuzumab and "
    "chemotherapy. "
)


def test_a_rate_at_the_median_follow_up_stays_a_rate(nlp):
    rows = rows_of(
        nlp,
        DESIGN + "At a median follow-up of 8 years, IDFS was 88% with pertuzumab and 85% with "
        "placebo (HR 0.77; 95% CI 0.66 to 0.91). After a median follow-up of 45 months, DFS was "
        "90.6% versus 87.8%.",
        ARM_ROW,
    )
    assert ("IDFS", "rate", 88.0, "pertuzumab+trastuzumab") in rows
    assert ("IDFS", "rate", 85.0, "trastuzumab") in rows
    assert ("DFS", "rate", 90.6, "pertuzumab+trastuzumab") in rows
    assert ("DFS", "rate", 87.8, "trastuzumab") in rows


def test_a_share_of_events_at_the_median_follow_up_is_no_rate(nlp):
    """Negative (round 17b's case): "IDFS events occurred in 8%" is a share of events."""
    rows = rows_of(
        nlp, DESIGN + "At a median follow-up of 38 months, IDFS events occurred in 8%.", ARM_ROW
    )
    assert not [r for r in rows if r[2] == 8.0]


@pytest.mark.parametrize(
    "group",
    ["of those who did not", "in those who did not", "among those who did not",
     "of those who were not"],
)  # fmt: skip
def test_those_without_the_drug_are_the_other_arm(nlp, group):
    rows = rows_of(
        nlp,
        "Bevacizumab\n\nPatients were randomly assigned to trastuzumab plus chemotherapy with or "
        f"without bevacizumab. Hypertension occurred in 19% of patients who received "
        f"bevacizumab versus 4% {group}.",
        ARM_ROW,
    )
    assert ("AE", "incidence", 19.0, "bevacizumab+trastuzumab") in rows
    assert ("AE", "incidence", 4.0, "trastuzumab") in rows
