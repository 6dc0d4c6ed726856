"""Leftovers of round 17: four arm attributions that were wrong.

1. "A plus chemotherapy (X or Y) (arm A) or A alone followed by Z at progression (arm B)"
   (PERNETTA-like): the two alternatives name the same drugs, so the registry merged them into
   one arm carrying both letters and arm A's per-patient options; they are two arms of one name.
2. "lapatinib plus capecitabine, or T-DM1" (EMILIA-like): T-DM1 took lapatinib as a backbone
   shared with capecitabine; an alternative of another role than the first partner (an ADC for a
   chemotherapy) is an arm as written.
3. "paclitaxel 80 mg/m2 weekly plus trastuzumab (arm A) or lapatinib (arm B)": the dose made
   the backbone unshared, so arm B lost paclitaxel; alternatives of one role share a dosed
   backbone.
4. PHERGain: group B "(trastuzumab and pertuzumab, with or without endocrine therapy)" lost its
   drugs as options, so its pCR rate had arm null.
"""

from __future__ import annotations

from extract_helpers import arms_of, registry_of
from test_extract_held_out_r16b import PHERGAIN

PT = "pertuzumab+trastuzumab"

# 1. options inside one arm, and a later line in the other

PERNETTA_LIKE = (
    "Trial\n\nPatients were randomly assigned to trastuzumab and pertuzumab plus chemotherapy "
    "(paclitaxel or vinorelbine) (arm A) or trastuzumab and pertuzumab alone followed by T-DM1 "
    "at progression (arm B). Median PFS was 12.7 months in arm A and 8.4 months in arm B."
)


def _arm_labelled(reg, label: str):
    return next(a for a in reg.arms if label in a.labels)


def test_options_arm_and_arm_without_them_are_two_arms(nlp):
    """Arm A keeps its per-patient chemotherapy as options; arm B, the same antibodies alone,
    is an arm of its own without them (not merged into arm A)."""
    reg = registry_of(nlp, PERNETTA_LIKE)
    assert len(reg.arms) == 2
    a, b = _arm_labelled(reg, "a"), _arm_labelled(reg, "b")
    assert a is not b
    assert a.options == {"paclitaxel", "vinorelbine"}
    assert not b.options
    assert "a" not in b.labels and "b" not in a.labels


def test_options_arm_values_follow_the_options_convention(nlp):
    """Per-patient partners are not part of the arm (gold convention), so both lettered arms
    print one name; the later line (T-DM1) is in neither."""
    assert arms_of(nlp, PERNETTA_LIKE) == {12.7: PT, 8.4: PT}


def test_options_arm_without_letters_is_kept_apart(nlp):
    text = PERNETTA_LIKE.replace(" (arm A)", "").replace(" (arm B)", "")
    reg = registry_of(nlp, text)
    assert sorted(len(a.options) for a in reg.arms) == [0, 2]


def test_options_arm_with_later_line_written_with(nlp):
    text = PERNETTA_LIKE.replace("alone followed by T-DM1", "alone with T-DM1")
    reg = registry_of(nlp, text)
    assert [a.name for a in reg.arms] == [PT, PT]
    assert _arm_labelled(reg, "a").options == {"paclitaxel", "vinorelbine"}
    assert not _arm_labelled(reg, "b").options


def test_option_named_later_is_the_options_arm_with_it(nlp):
    """A value "with vinorelbine" is arm A with that option, not arm B."""
    text = PERNETTA_LIKE.replace(
        "8.4 months in arm B.", "8.4 months in arm B. The ORR was 55% with vinorelbine."
    )
    assert arms_of(nlp, text)[55.0] == "pertuzumab+trastuzumab+vinorelbine"


def test_same_regimen_restated_in_a_later_sentence_is_no_new_arm(nlp):
    """Negative: only alternatives of one design sentence are kept apart; the options arm named
    again without its options in a later randomisation sentence is the same arm."""
    text = (
        "Trial\n\nPatients were randomly assigned to trastuzumab plus chemotherapy (docetaxel or "
        "paclitaxel) or lapatinib plus chemotherapy (docetaxel or paclitaxel). Randomisation to "
        "trastuzumab was stratified by hormone receptor status. The ORR was 60% with trastuzumab."
    )
    assert len(registry_of(nlp, text).arms) == 2


# 2. an alternative of another role than the first partner does not take the backbone

EMILIA_LIKE = (
    "Trial\n\nPatients were randomly assigned to lapatinib plus capecitabine, or T-DM1. Median "
    "PFS was 6.4 months with lapatinib plus capecitabine and 9.6 months with T-DM1."
)
EMILIA_ARMS = {6.4: "capecitabine+lapatinib", 9.6: "trastuzumab emtansine"}


def test_adc_after_comma_or_is_an_arm_alone(nlp):
    assert arms_of(nlp, EMILIA_LIKE) == EMILIA_ARMS


def test_adc_after_or_without_comma_is_an_arm_alone(nlp):
    """The same without the comma: lapatinib is no backbone of T-DM1 (capecitabine, a
    chemotherapy, and T-DM1, an ADC, are no alternatives of one role)."""
    assert arms_of(nlp, EMILIA_LIKE.replace("capecitabine, or", "capecitabine or")) == EMILIA_ARMS


def test_three_drug_first_arm_then_adc(nlp):
    text = (
        "Trial\n\nPatients were randomly assigned to docetaxel, carboplatin and trastuzumab, or "
        "T-DM1. Median PFS was 6.4 months with docetaxel, carboplatin and trastuzumab and 9.6 "
        "months with T-DM1."
    )
    assert arms_of(nlp, text) == {
        6.4: "carboplatin+docetaxel+trastuzumab",
        9.6: "trastuzumab emtansine",
    }


def test_undosed_taxane_backbone_is_not_given_with_an_adc(nlp):
    """ "paclitaxel plus trastuzumab or T-DM1" (ATEMPT without doses): T-DM1 alone."""
    text = (
        "Trial\n\nPatients were randomly assigned to paclitaxel plus trastuzumab or T-DM1. The "
        "pCR rate was 40% with paclitaxel plus trastuzumab and 30% with T-DM1."
    )
    assert arms_of(nlp, text) == {40.0: "paclitaxel+trastuzumab", 30.0: "trastuzumab emtansine"}


def test_chemotherapy_alternatives_share_the_antibody_backbone(nlp):
    """Negative: two chemotherapies after "trastuzumab plus" are alternatives of one role, so
    trastuzumab stays every arm's backbone."""
    text = (
        "Trial\n\nPatients were randomly assigned to trastuzumab plus docetaxel or vinorelbine. "
        "The ORR was 59% with docetaxel and 52% with vinorelbine."
    )
    assert arms_of(nlp, text) == {59.0: "docetaxel+trastuzumab", 52.0: "trastuzumab+vinorelbine"}


# 3. a dosed backbone before alternatives of one role

DOSED_TAXANE = (
    "Trial\n\nPatients were randomly assigned to paclitaxel 80 mg/m2 weekly plus trastuzumab "
    "(arm A) or lapatinib (arm B). The pCR rate was 40% in arm A and 30% in arm B."
)


def test_dosed_backbone_is_shared_by_anti_her2_alternatives(nlp):
    """Trastuzumab (antibody) and lapatinib (TKI) are alternatives of one role: both take the
    weekly paclitaxel, dose or no dose."""
    assert arms_of(nlp, DOSED_TAXANE) == {
        40.0: "paclitaxel+trastuzumab",
        30.0: "lapatinib+paclitaxel",
    }


def test_dosed_backbone_is_not_shared_with_an_adc(nlp):
    """Negative (ATEMPT): an ADC is given without the chemotherapy backbone."""
    text = DOSED_TAXANE.replace("lapatinib (arm B)", "T-DM1 3.6 mg/kg (arm B)")
    assert arms_of(nlp, text)[30.0] == "trastuzumab emtansine"


def test_dosed_backbone_is_not_shared_with_an_alternative_written_alone(nlp):
    """Negative: "or lapatinib alone" says the last arm goes without the backbone."""
    text = DOSED_TAXANE.replace("lapatinib (arm B)", "lapatinib alone (arm B)")
    assert arms_of(nlp, text)[30.0] == "lapatinib"


def test_dosed_backbone_is_not_shared_across_roles(nlp):
    """Negative: after "lapatinib 1250 mg daily plus capecitabine", trastuzumab (an antibody,
    not a chemotherapy like capecitabine) is an arm alone."""
    text = (
        "Trial\n\nPatients were randomly assigned to lapatinib 1250 mg daily plus capecitabine "
        "(arm A) or trastuzumab (arm B). Median PFS was 8.1 months in arm A and 6.0 months in "
        "arm B."
    )
    assert arms_of(nlp, text) == {8.1: "capecitabine+lapatinib", 6.0: "trastuzumab"}


# 4. "with or without X" inside a group's bracket


def test_with_or_without_in_group_bracket_keeps_the_certain_drugs(nlp):
    """Group B is trastuzumab and pertuzumab; endocrine therapy, given with or without, is
    optional. "In group B," opening the sentence names its pCR rate."""
    reg = registry_of(nlp, PHERGAIN)
    assert PT in [a.name for a in reg.arms]
    assert arms_of(nlp, PHERGAIN)[37.9] == PT


def test_with_or_without_drug_in_bracket_stays_an_option(nlp):
    """Negative: the drug after "with or without" is still an option, not part of the arm."""
    text = (
        "Trial\n\nPatients were randomly assigned to group A (docetaxel and trastuzumab) or "
        "group B (trastuzumab, with or without pertuzumab). In group B, 40 patients (38.0%) "
        "achieved a pCR."
    )
    reg = registry_of(nlp, text)
    assert "trastuzumab" in [a.name for a in reg.arms]
    assert arms_of(nlp, text)[38.0] == "trastuzumab"


def test_choice_before_with_or_without_stays_options(nlp):
    """Negative: drugs before "with or without" that are a choice themselves ("docetaxel or
    paclitaxel") stay options too."""
    text = (
        "Trial\n\nPatients were randomly assigned to trastuzumab plus chemotherapy (docetaxel or "
        "paclitaxel, with or without pertuzumab) or lapatinib plus capecitabine."
    )
    arm = next(a for a in registry_of(nlp, text).arms if "trastuzumab" in a.drugs)
    assert arm.drugs == ["trastuzumab"]
    assert arm.options == {"docetaxel", "paclitaxel", "pertuzumab"}
