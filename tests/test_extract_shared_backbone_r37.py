"""Round 37: shared backbones of active alternatives. "randomly assigned to neratinib or
trastuzumab with paclitaxel" gave the backbone to the last alternative only (arms "neratinib"
and "paclitaxel+trastuzumab"), though "X or placebo with C" already shared it: two single drugs
of one role either side of "or", then "with/plus/in combination with C" closing the list, are
two arms that both take C. Repeated in each phase ("A or B with C, followed by A or B with D")
the design merged into three arms, so both arms' rates took A; round 34's phased placebo
reading now also joins the phases of two active alternatives."""

from __future__ import annotations

from extract_helpers import P_ROW, arm_of, registry_of, rows_of


def _design(design: str, result: str) -> str:
    return "HER2-positive breast cancer\n\nPatients were randomly assigned to " + design + result


def _names(nlp, text: str) -> list[str]:
    return [a.name for a in registry_of(nlp, text).arms]


# 1. One phase: "A or B with C".


def test_backbone_after_two_single_drugs_is_shared(nlp):
    """ "neratinib or trastuzumab with paclitaxel": both arms take paclitaxel."""
    text = _design(
        "neratinib or trastuzumab with paclitaxel.",
        " Median PFS was 12.9 months with neratinib and 11.1 months with trastuzumab.",
    )
    rows = rows_of(nlp, text)
    assert arm_of(rows, 12.9) == "neratinib+paclitaxel"
    assert arm_of(rows, 11.1) == "paclitaxel+trastuzumab"


def test_backbone_in_combination_with_two_aromatase_inhibitors(nlp):
    """ "letrozole or anastrozole in combination with trastuzumab": another role, another
    joiner; the backbone is every arm's."""
    text = _design("letrozole or anastrozole in combination with trastuzumab.", "")
    assert _names(nlp, text) == ["letrozole+trastuzumab", "anastrozole+trastuzumab"]


def test_backbone_of_two_drugs_after_a_plus(nlp):
    """ "pyrotinib or lapatinib plus docetaxel and carboplatin": a backbone of several drugs
    after "plus" is shared too."""
    text = _design(
        "pyrotinib or lapatinib plus docetaxel and carboplatin.",
        " The ORR was 70% with pyrotinib and 55% with lapatinib.",
    )
    rows = rows_of(nlp, text)
    assert arm_of(rows, 70.0) == "carboplatin+docetaxel+pyrotinib"
    assert arm_of(rows, 55.0) == "carboplatin+docetaxel+lapatinib"


def test_three_single_drug_alternatives_share_the_backbone(nlp):
    """ "A, B, or C with D": every alternative of the list takes D."""
    text = _design("neratinib, tucatinib, or lapatinib with capecitabine.", "")
    assert _names(nlp, text) == [
        "capecitabine+neratinib",
        "capecitabine+tucatinib",
        "capecitabine+lapatinib",
    ]


def test_doses_counts_and_labels_of_the_alternatives_keep_the_backbone_shared(nlp):
    """ "A 240 mg daily or B 2 mg/kg weekly plus C", "A (n = 242) or B (n = 237) combined with
    C", "A (arm A) or B (arm B) with C": what each alternative carries is no partner of its own."""
    for design in (
        "neratinib 240 mg daily or trastuzumab 2 mg/kg weekly plus paclitaxel 80 mg/m2.",
        "neratinib (n = 242) or trastuzumab (n = 237) combined with paclitaxel.",
        "neratinib (arm A) or trastuzumab (arm B) with paclitaxel.",
    ):
        names = _names(nlp, _design(design, ""))
        assert names == ["neratinib+paclitaxel", "paclitaxel+trastuzumab"], design


def test_a_partner_after_a_comma_is_shared(nlp):
    """ "letrozole or anastrozole, with trastuzumab": the comma cut the partner off as a third
    "alternative" (the list's ", with" joiner); it is each arm's partner."""
    text = _design("letrozole or anastrozole, with trastuzumab.", "")
    assert _names(nlp, text) == ["letrozole+trastuzumab", "anastrozole+trastuzumab"]


def test_an_adc_alternative_keeps_the_partner_with_the_last(nlp):
    """Negative: "T-DM1 or lapatinib plus capecitabine" (EMILIA): an ADC is given without a
    chemotherapy backbone, so capecitabine is lapatinib's alone."""
    text = _design("trastuzumab emtansine or lapatinib plus capecitabine.", "")
    assert _names(nlp, text) == ["trastuzumab emtansine", "capecitabine+lapatinib"]


def test_alternatives_of_different_roles_keep_the_partner_with_the_last(nlp):
    """Negative: "capecitabine or lapatinib with trastuzumab": a chemotherapy and an anti-HER2
    agent are no choice of one role, so the reading stays as written."""
    text = _design("capecitabine or lapatinib with trastuzumab.", "")
    assert _names(nlp, text) == ["capecitabine", "lapatinib+trastuzumab"]


def test_a_partner_of_the_alternatives_role_is_not_shared(nlp):
    """Negative: "lapatinib or trastuzumab with pertuzumab": the partner is itself an
    anti-HER2 agent, so it may be the last alternative's dual blockade."""
    text = _design("lapatinib or trastuzumab with pertuzumab.", "")
    assert _names(nlp, text) == ["lapatinib", "pertuzumab+trastuzumab"]


def test_a_partner_written_inside_the_first_alternative_is_not_shared(nlp):
    """Negative: "A plus C or B" keeps C with A, and "A plus C or B with D" two arms as written."""
    assert _names(nlp, _design("trastuzumab plus docetaxel or lapatinib with paclitaxel.", "")) == [
        "docetaxel+trastuzumab",
        "lapatinib+paclitaxel",
    ]


def test_an_alternative_written_alone_keeps_its_own_drugs(nlp):
    """Negative: "A alone or B with C": "alone" says A goes without the partner."""
    text = _design("neratinib alone or trastuzumab with paclitaxel.", "")
    assert _names(nlp, text) == ["neratinib", "paclitaxel+trastuzumab"]


def test_a_list_going_on_after_the_partner_keeps_it_with_its_arm(nlp):
    """Negative: "A or B with C, or D": "B with C" is one arm of a longer list."""
    text = _design("neratinib or lapatinib with capecitabine, or tucatinib.", "")
    assert _names(nlp, text) == ["neratinib", "capecitabine+lapatinib", "tucatinib"]


def test_placebo_alternative_reads_as_before(nlp):
    """Negative: "X or placebo with C" stays the placebo design (C alone is the placebo arm)."""
    text = _design(
        "neratinib or placebo with paclitaxel.",
        " Median PFS was 12.9 months with neratinib and 10.1 months with placebo.",
    )
    rows = rows_of(nlp, text)
    assert arm_of(rows, 12.9) == "neratinib+paclitaxel"
    assert arm_of(rows, 10.1) == "paclitaxel"


# 2. Phases: "A or B with C, followed by A or B with D".

PHASED_RESULT = " The pCR rate was 30% with neratinib and 20% with lapatinib (P = 0.04)."


def test_active_alternatives_repeated_in_each_phase_are_two_arms(nlp):
    """ "A or B with C, followed by A or B with D": both arms get the whole phased backbone,
    and the compared rates keep their P."""
    text = _design(
        "neratinib or lapatinib with paclitaxel, followed by neratinib or lapatinib with "
        "epirubicin and cyclophosphamide.",
        PHASED_RESULT,
    )
    rows = rows_of(nlp, text, P_ROW)
    backbone = "cyclophosphamide+epirubicin+"
    assert ("pCR", "rate", 30.0, "0.04", backbone + "neratinib+paclitaxel") in rows
    assert ("pCR", "rate", 20.0, "0.04", backbone + "lapatinib+paclitaxel") in rows


def test_phases_joined_by_then_with_a_listed_backbone(nlp):
    """ "A or B with C and D, then A or B with E": "then" opens the second phase too."""
    text = _design(
        "trastuzumab or lapatinib with docetaxel and carboplatin, then trastuzumab or "
        "lapatinib with paclitaxel.",
        "",
    )
    assert sorted(_names(nlp, text)) == [
        "carboplatin+docetaxel+lapatinib+paclitaxel",
        "carboplatin+docetaxel+paclitaxel+trastuzumab",
    ]


def test_a_sequence_after_the_shared_partner_is_shared_too(nlp):
    """ "A or B with C, followed by D" (no second phase of alternatives): the sequence after
    the partner is part of the backbone every alternative takes, not A's alone."""
    text = _design(
        "neratinib or lapatinib with paclitaxel, followed by epirubicin and cyclophosphamide.",
        PHASED_RESULT,
    )
    rows = rows_of(nlp, text)
    assert arm_of(rows, 30.0) == "cyclophosphamide+epirubicin+neratinib+paclitaxel"
    assert arm_of(rows, 20.0) == "cyclophosphamide+epirubicin+lapatinib+paclitaxel"
