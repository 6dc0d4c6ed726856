"""Fresh round 82b: titles and add-on labels against the body's design. A title's biosimilar
twins ("HLX02 versus reference trastuzumab") kept the body's "each given with docetaxel" from
one twin; "adding X (arm B) or X plus Y (arm C) to maintenance Z (arm A)" lost Z from the
added arms ("maintenance" stood between "to" and Z); and a title's "Z with or without X and Y"
(two arms) pre-empted the body's three labelled arms."""

from __future__ import annotations

from extract_helpers import arm_of, registry_of, rows_of

BODY_TWINS = (
    "We explored whether the equivalence of the trastuzumab biosimilar HLX02 and EU-sourced "
    "reference trastuzumab (EU-trastuzumab), each given with docetaxel, held in HR-positive and "
    "HR-negative subgroups of the HLX02-BC01 study. In the HR-positive subgroup, the objective "
    "response rate at week 24 was 68.2% with HLX02 and 67.5% with EU-trastuzumab."
)
TWIN_TITLE = (
    "Efficacy of HLX02 versus reference trastuzumab by hormone receptor status in HER2-positive "
    "metastatic breast cancer: a post hoc analysis of the phase 3 HLX02-BC01 study\n\n"
)

LABELLED_ADDITION = (
    "We previously reported that adding letrozole (arm B) or letrozole plus dalpiciclib (arm C) "
    "to maintenance trastuzumab and pertuzumab (arm A) after first-line induction chemotherapy "
    "prolonged progression-free survival. Median OS was 41.8 months in arm A, 50.6 months in "
    "arm B and 55.2 months in arm C."
)
NEUTRAL_TITLE = "Final overall survival of a randomised phase II trial\n\n"
WITH_OR_WITHOUT_TITLE = (
    "Final overall survival of a randomised phase II trial of maintenance trastuzumab and "
    "pertuzumab with or without letrozole and dalpiciclib in HR-positive, HER2-positive "
    "advanced breast cancer\n\n"
)
PH = "pertuzumab+trastuzumab"
LPH = "letrozole+pertuzumab+trastuzumab"
DLPH = "dalpiciclib+letrozole+pertuzumab+trastuzumab"


def test_each_with_partner_joins_both_title_twins(nlp):
    """The body's "A and B, each given with C" gives C to both biosimilar twins the title
    defined, though the body names them as one arm."""
    rows = rows_of(nlp, TWIN_TITLE + BODY_TWINS)
    assert arm_of(rows, 68.2) == "docetaxel+trastuzumab"
    assert arm_of(rows, 67.5) == "docetaxel+trastuzumab"


def test_each_with_partner_leaves_other_drug_arms_alone(nlp):
    """Negative: a title arm of other drugs is no twin of the body's arms and gets no "each
    with" partner."""
    title = "Efficacy of HLX02 versus lapatinib in HER2-positive metastatic breast cancer\n\n"
    names = {a.name for a in registry_of(nlp, title + BODY_TWINS).arms}
    assert "lapatinib" in names
    assert "docetaxel+lapatinib" not in names


def test_labelled_additions_to_maintenance_backbone_carry_it(nlp):
    """ "adding X (arm B) or X plus Y (arm C) to maintenance Z (arm A)": B and C hold Z."""
    rows = rows_of(nlp, NEUTRAL_TITLE + LABELLED_ADDITION)
    assert arm_of(rows, 41.8) == PH
    assert arm_of(rows, 50.6) == LPH
    assert arm_of(rows, 55.2) == DLPH


def test_with_or_without_title_gives_way_to_labelled_body_design(nlp):
    """A title's "Z with or without X and Y" (two arms) yields to the body's three labelled
    arms that hold both of its regimens."""
    rows = rows_of(nlp, WITH_OR_WITHOUT_TITLE + LABELLED_ADDITION)
    assert arm_of(rows, 41.8) == PH
    assert arm_of(rows, 50.6) == LPH
    assert arm_of(rows, 55.2) == DLPH


def test_with_or_without_title_kept_when_body_adds_a_new_drug(nlp):
    """Negative: a body design whose arms do not hold the title's regimens (another trial's
    drugs) does not replace the title's arms."""
    text = (
        "A randomised phase II trial of trastuzumab and pertuzumab with or without letrozole "
        "in HER2-positive advanced breast cancer\n\n"
        "We previously reported that adding tucatinib (arm B) or tucatinib plus capecitabine "
        "(arm C) to lapatinib (arm A) prolonged survival."
    )
    names = {a.name for a in registry_of(nlp, text).arms}
    assert {PH, "letrozole+pertuzumab+trastuzumab"} <= names
