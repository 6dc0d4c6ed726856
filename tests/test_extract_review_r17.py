"""Review of round 17 (pipelines 0.3.29-0.3.30): three design readings the new rules left wrong.

1. The backbone role rule (leftovers r17) shared a backbone only with single alternatives of the
   first partner's role, so "trastuzumab plus letrozole or paclitaxel" gave paclitaxel alone
   (0.3.28 read it right): an alternative of a role no backbone drug plays, and no ADC, is given
   with the backbone too.
2. "the same chemotherapy" before a design regimen (round 18a) read a third arm as the second
   arm's regimen with its own partner: "A, or the same chemotherapy with B, or the same
   chemotherapy with C" gave A+B+C for the third arm, and "the B group" named two arms.
3. "B plus A or placebo" (round 18b) claimed the whole sentence, so an arm after it ("..., or
   to B plus C") was never defined.
"""

from __future__ import annotations

from extract_helpers import arms_of, registry_of

# 1. a backbone shared with alternatives of other roles than the partner's

ENDOCRINE_OR_CHEMO = (
    "Trial\n\nPatients were randomly assigned to trastuzumab plus letrozole or paclitaxel. Median "
    "PFS was 14.1 months in the letrozole group and 15.2 months in the paclitaxel group."
)


def test_anti_her2_backbone_is_given_with_a_partner_of_another_role(nlp):
    """Letrozole (endocrine) and paclitaxel (chemotherapy) both stand beside trastuzumab."""
    assert arms_of(nlp, ENDOCRINE_OR_CHEMO) == {
        14.1: "letrozole+trastuzumab",
        15.2: "paclitaxel+trastuzumab",
    }


def test_alternative_of_the_backbones_role_is_an_arm_alone(nlp):
    """Negative: after "trastuzumab plus letrozole", lapatinib (anti-HER2, like the backbone)
    replaces trastuzumab rather than joining it."""
    text = ENDOCRINE_OR_CHEMO.replace("or paclitaxel", "or lapatinib").replace(
        "paclitaxel group", "lapatinib group"
    )
    assert arms_of(nlp, text)[15.2] == "lapatinib"


def test_adc_of_another_role_is_still_an_arm_alone(nlp):
    """Negative: an ADC is never given with the backbone, whatever the partner's role."""
    text = ENDOCRINE_OR_CHEMO.replace("or paclitaxel", "or T-DM1").replace(
        "paclitaxel group", "T-DM1 group"
    )
    assert arms_of(nlp, text)[15.2] == "trastuzumab emtansine"


# 2. "the same chemotherapy" of a third arm

SAME_CHEMOTHERAPY_THREE_ARMS = (
    "Trial\n\nPatients were randomly assigned to paclitaxel followed by FEC, or the same "
    "chemotherapy with trastuzumab, or the same chemotherapy with lapatinib. The pCR rate was "
    "25% in the chemotherapy group, 60% in the trastuzumab group and 45% in the lapatinib group."
)
P_FEC = "cyclophosphamide+epirubicin+fluorouracil+paclitaxel"
P_L = "cyclophosphamide+epirubicin+fluorouracil+lapatinib+paclitaxel"


def test_same_chemotherapy_of_a_third_arm_is_the_first_arms(nlp):
    """The lapatinib arm is the chemotherapy with lapatinib, not with trastuzumab as well."""
    names = [a.name for a in registry_of(nlp, SAME_CHEMOTHERAPY_THREE_ARMS).arms]
    assert names == [P_FEC, P_FEC + "+trastuzumab", P_L]


def test_same_chemotherapy_arms_take_their_group_values(nlp):
    assert arms_of(nlp, SAME_CHEMOTHERAPY_THREE_ARMS) == {
        25.0: P_FEC,
        60.0: P_FEC + "+trastuzumab",
        45.0: P_L,
    }


# 3. an arm after a partner-or-placebo design

PLACEBO_THEN_THIRD_ARM = (
    "Trial\n\nPatients were randomly assigned to paclitaxel plus lapatinib or placebo, or to "
    "paclitaxel plus trastuzumab. Median PFS was 8.0 months in the lapatinib arm, 5.8 months in "
    "the placebo arm and 9.1 months in the trastuzumab arm."
)


def test_arm_after_partner_or_placebo_is_defined(nlp):
    names = sorted(a.name for a in registry_of(nlp, PLACEBO_THEN_THIRD_ARM).arms)
    assert names == ["lapatinib+paclitaxel", "paclitaxel", "paclitaxel+trastuzumab"]


def test_arm_after_partner_or_placebo_takes_its_values(nlp):
    assert arms_of(nlp, PLACEBO_THEN_THIRD_ARM) == {
        8.0: "lapatinib+paclitaxel",
        5.8: "paclitaxel",
        9.1: "paclitaxel+trastuzumab",
    }


def test_regimen_after_placebo_that_is_no_alternative_adds_no_arm(nlp):
    """Negative: "..., followed by maintenance trastuzumab" after the placebo is no arm."""
    text = (
        "Trial\n\nPatients were randomly assigned to docetaxel plus trastuzumab plus pertuzumab "
        "or placebo, followed by maintenance trastuzumab. Median PFS was 18.5 months with "
        "pertuzumab and 12.4 months with placebo."
    )
    names = sorted(a.name for a in registry_of(nlp, text).arms)
    assert names == ["docetaxel+pertuzumab+trastuzumab", "docetaxel+trastuzumab"]
