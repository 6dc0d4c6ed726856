"""Review of round 37 (shared backbones of active alternatives). The shared partner held for the
real-trial shapes tried (NALA, MA.31, HERNATA; ADC, same-role, placebo and prior-therapy
negatives), but two wordings fell outside it: a route word before the partner ("pyrotinib or
lapatinib plus oral capecitabine", PHOEBE's own words) left the first alternative alone, and a
dose on each alternative of phased arms ("A 1000 mg or B 2 mg/kg with C, followed by A 1000 mg
or B 6 mg/kg with D") kept the phases apart, so both arms' rates went to A; with placebo for B
(round 34a) the placebo arm's value went to the active arm."""

from __future__ import annotations

from extract_helpers import arm_of, rows_of


def _design(design: str, result: str) -> str:
    return "HER2-positive breast cancer\n\nPatients were randomly assigned to " + design + result


# 1. A route word before the shared partner.


def test_an_oral_partner_after_two_alternatives_is_shared(nlp):
    """ "pyrotinib or lapatinib plus oral capecitabine": the route is the partner's, so both
    arms take capecitabine."""
    text = _design(
        "pyrotinib or lapatinib plus oral capecitabine.",
        " Median PFS was 12.5 months with pyrotinib and 6.8 months with lapatinib.",
    )
    rows = rows_of(nlp, text)
    assert arm_of(rows, 12.5) == "capecitabine+pyrotinib"
    assert arm_of(rows, 6.8) == "capecitabine+lapatinib"


def test_an_intravenous_partner_after_dosed_alternatives_is_shared(nlp):
    """ "A 400 mg or B 1250 mg once daily, plus intravenous C": doses and a comma before the
    joiner, a route after it."""
    text = _design(
        "pyrotinib 400 mg or lapatinib 1250 mg once daily, plus intravenous docetaxel.",
        " The ORR was 70% with pyrotinib and 55% with lapatinib.",
    )
    rows = rows_of(nlp, text)
    assert arm_of(rows, 70.0) == "docetaxel+pyrotinib"
    assert arm_of(rows, 55.0) == "docetaxel+lapatinib"


def test_a_route_word_does_not_share_a_partner_of_another_role_choice(nlp):
    """Negative: "capecitabine or lapatinib plus oral ..." is still no choice of one role: the
    route word only lets the rule see the partner."""
    text = _design(
        "capecitabine or lapatinib plus intravenous trastuzumab.",
        " Median PFS was 8.0 months with capecitabine and 6.0 months with lapatinib.",
    )
    assert arm_of(rows_of(nlp, text), 8.0) == "capecitabine"


# 2. Dosed alternatives repeated in each phase.


def test_dosed_active_alternatives_repeated_in_phases_are_two_arms(nlp):
    """ "A 1000 mg or B 2 mg/kg with C, followed by A 1000 mg or B 6 mg/kg with D": each phase
    doses its alternatives; two phased arms, each rate its own."""
    text = _design(
        "lapatinib 1000 mg daily or trastuzumab 2 mg/kg weekly with paclitaxel 80 mg/m2 weekly,"
        " followed by lapatinib 1000 mg daily or trastuzumab 6 mg/kg with FEC.",
        " The pCR rate was 25% with lapatinib and 30% with trastuzumab.",
    )
    rows = rows_of(nlp, text)
    fec = "cyclophosphamide+epirubicin+fluorouracil"
    assert arm_of(rows, 25.0) == fec + "+lapatinib+paclitaxel"
    assert arm_of(rows, 30.0) == fec + "+paclitaxel+trastuzumab"


def test_a_dosed_drug_or_placebo_repeated_in_phases_keeps_the_placebo_arm(nlp):
    """ "A 840 mg or placebo with B and C, followed by A 420 mg or placebo with B": the placebo
    arm's median is its own, not the active arm's."""
    text = _design(
        "pertuzumab 840 mg or placebo with trastuzumab and docetaxel, followed by pertuzumab"
        " 420 mg or placebo with trastuzumab.",
        " Median PFS was 18.5 months with pertuzumab and 12.4 months with placebo.",
    )
    rows = rows_of(nlp, text)
    assert arm_of(rows, 18.5) == "docetaxel+pertuzumab+trastuzumab"
    assert arm_of(rows, 12.4) == "docetaxel+trastuzumab"
