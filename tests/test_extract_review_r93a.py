"""Review of round 93a: "A and B, both given with C, or D" gave arm A + B its partner C but
also read C as an arm of its own ("docetaxel" alone): ``_each_partner`` skips the partner only
after two arms, and "both" names one. The partner of that one arm is no arm."""

from __future__ import annotations

from extract_helpers import registry_of

RESULTS = " Results: The ORR was 61.0% in the first arm."


def _arm_drugs(nlp, design: str) -> list[str]:
    text = "Methods: Patients were randomly assigned to " + design + RESULTS
    return sorted("+".join(a.drugs) for a in registry_of(nlp, text).arms)


def test_partner_after_both_is_no_arm(nlp):
    """ "A and B, both given with C, or to D": two arms, A + B + C and D, no arm C."""
    arms = _arm_drugs(
        nlp,
        "pertuzumab and trastuzumab, both given with docetaxel, or to trastuzumab emtansine.",
    )
    assert arms == ["docetaxel+pertuzumab+trastuzumab", "trastuzumab emtansine"]


def test_partner_after_both_with_dose_then_another_arm(nlp):
    """ "A and B, both with C 75 mg/m2, or D": arms A + B + C and D."""
    arms = _arm_drugs(
        nlp, "pertuzumab and trastuzumab, both given with docetaxel 75 mg/m2, or paclitaxel."
    )
    assert arms == ["docetaxel+pertuzumab+trastuzumab", "paclitaxel"]


def test_partner_after_both_when_the_other_arm_has_it_too(nlp):
    """ "A and B, both with C, or to B with C": arms A + B + C and B + C, counted once each."""
    arms = _arm_drugs(
        nlp, "lapatinib and trastuzumab, both with paclitaxel, or to lapatinib with paclitaxel."
    )
    assert arms == ["lapatinib+paclitaxel", "lapatinib+paclitaxel+trastuzumab"]


def test_each_partner_still_no_arm_and_later_arm_kept(nlp):
    """Negative: "A or B, each given with C, or D" is unchanged: arms A + C, B + C and D."""
    arms = _arm_drugs(
        nlp, "docetaxel or paclitaxel, each given with trastuzumab, or lapatinib with capecitabine."
    )
    assert arms == ["capecitabine+lapatinib", "docetaxel+trastuzumab", "paclitaxel+trastuzumab"]


def test_both_over_alternatives_joined_by_or(nlp):
    """Negative: "A or B, both in combination with C": C joins both arms."""
    arms = _arm_drugs(nlp, "T-DXd or T-DM1, both in combination with pertuzumab.")
    assert arms == ["pertuzumab+trastuzumab deruxtecan", "pertuzumab+trastuzumab emtansine"]
