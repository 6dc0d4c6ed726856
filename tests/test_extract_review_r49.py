"""Review of rounds 49 and 50: the ", with" partner of "A or B, with C" (round 49) also joined
a per-patient choice of partners to every arm: "trastuzumab or lapatinib, with paclitaxel or
docetaxel" gave arms of trastuzumab plus both taxanes, where per-patient partners are options,
not arm drugs. A partner followed by "or" is now left to the option rules, as before round 49."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, rows_of

CHOICE_OF_PARTNERS = (
    "Patients were randomised to trastuzumab or lapatinib, with paclitaxel or docetaxel at "
    "investigator choice. Median PFS was 9.0 months with trastuzumab and 7.0 months with "
    "lapatinib."
)
ONE_PARTNER = (
    "Patients were randomised to trastuzumab or lapatinib, with paclitaxel. Median PFS was 9.0 "
    "months with trastuzumab and 7.0 months with lapatinib."
)


def test_comma_with_a_choice_of_partners_joins_no_arm(nlp):
    """ "A or B, with C or D": C and D are chosen per patient, so neither joins the arms."""
    rows = rows_of(nlp, CHOICE_OF_PARTNERS, ARM_ROW)
    assert arm_of(rows, 9.0) == "trastuzumab"
    assert arm_of(rows, 7.0) == "lapatinib"


def test_comma_with_one_partner_still_joins_both_arms(nlp):
    """Negative: "A or B, with C" still gives C to both arms (round 49)."""
    rows = rows_of(nlp, ONE_PARTNER, ARM_ROW)
    assert arm_of(rows, 9.0) == "paclitaxel+trastuzumab"
    assert arm_of(rows, 7.0) == "lapatinib+paclitaxel"
