"""Review of round 83a: dropping a duration sentence's smaller arm as a topic mention
("the duration of A: 6 versus 12 months of A with B and C") also dropped the A-alone arm of a
factorial "6 versus 12 months of A, with or without B", whose "without B" values then lost
their arm."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, registry_of, rows_of

FACTORIAL = (
    "Title\n\n"
    "Patients were randomised to 6 versus 12 months of trastuzumab with docetaxel, with or "
    "without pertuzumab. The 3-year DFS was 91% with pertuzumab and 89% without pertuzumab."
)


def test_factorial_duration_design_keeps_the_backbone_arm(nlp):
    """ "6 versus 12 months of A with B, with or without C": A+B alone stays an arm."""
    names = sorted(a.name for a in registry_of(nlp, FACTORIAL).arms)
    assert names == ["docetaxel+pertuzumab+trastuzumab", "docetaxel+trastuzumab"]
    rows = rows_of(nlp, FACTORIAL, ARM_ROW)
    assert arm_of(rows, 89.0) == "docetaxel+trastuzumab"
    assert arm_of(rows, 91.0) == "docetaxel+pertuzumab+trastuzumab"


def test_duration_topic_without_alternative_is_still_one_regimen(nlp):
    """Negative: with no "or" after the durations, the topic mention is still dropped."""
    text = (
        "The duration of adjuvant trastuzumab: a randomised trial of 6 versus 12 months of "
        "trastuzumab with docetaxel and carboplatin\n\n"
        "The 5-year DFS was 91.0% in the 12-month arm and 90.4% in the 6-month arm."
    )
    names = [a.name for a in registry_of(nlp, text).arms]
    assert names == ["carboplatin+docetaxel+trastuzumab"]
