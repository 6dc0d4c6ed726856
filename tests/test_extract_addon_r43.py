"""Round 43a, add-on designs: a backbone given alone or with one added drug. Written with a
bracket after each arm ("either alone (PH) or with everolimus (PH-E)", "with (LET-L) or
without (LET) lapatinib", "(control arm) ... with or without pertuzumab (experimental arm)",
"(G/C) with or without trastuzumab (G/C+T)") the design lost its backbone: the add-on arm was
the added drug alone, the lexicon's reading of a short form ("PH" = pertuzumab + trastuzumab)
beat the text's own, or both arms were the backbone. "A plus B (arm A) or placebo plus B (arm
B)" defined the arms but not their letters, so "in arm A" named no arm."""

from __future__ import annotations

from extract_helpers import ARM_ROW, P_ROW, arm_of, registry_of, rows_of

EVEROLIMUS = (
    "Patients were randomly assigned to weekly paclitaxel plus trastuzumab given either alone "
    "(PH) or with everolimus (PH-E). Median PFS was 9.1 months with PH-E and 8.2 months with "
    "PH (HR 0.88; P = .31)."
)
LETROZOLE = (
    "Patients were randomised to letrozole with (LET-L) or without (LET) lapatinib. ORR was "
    "28% with LET-L and 15% with LET (P = 0.021)."
)
LETROZOLE_AFTER = (
    "Patients were randomised to letrozole with lapatinib (LET-L) or without lapatinib (LET). "
    "ORR was 28% with LET-L and 15% with LET (P = 0.021)."
)
XELOX = (
    "Patients received capecitabine and oxaliplatin (control arm) for eight cycles with or "
    "without pertuzumab (experimental arm). Median OS was 13.9 months in the control arm and "
    "17.2 months in the experimental arm."
)
GEMCIS = (
    "Patients received gemcitabine-cisplatin (G/C) with or without trastuzumab (G/C+T). Median "
    "OS was 14.1 months for G/C+T and 10.6 months for G/C."
)
ATEZO = (
    "Patients were randomized to receive atezolizumab plus T-DM1 (arm A) or placebo plus T-DM1 "
    "(arm B). Median PFS was 8.2 months in arm A and 6.8 months in arm B."
)
PTE = "everolimus+paclitaxel+trastuzumab"
XP = "capecitabine+oxaliplatin+pertuzumab"
GC = "cisplatin+gemcitabine"
ATZ = "atezolizumab+trastuzumab emtansine"


def test_alone_or_with_short_forms_name_backbone_and_add_on(nlp):
    """ "A either alone (S1) or with X (S2)": S2 is A + X and S1 is A, whatever the lexicon
    reads "PH" as."""
    rows = rows_of(nlp, EVEROLIMUS, ARM_ROW)
    assert arm_of(rows, 9.1) == PTE
    assert arm_of(rows, 8.2) == "paclitaxel+trastuzumab"
    assert arm_of(rows, 0.88) is None


def test_alone_or_in_combination_with_another_backbone(nlp):
    """The same design with other drugs, "in combination with", values in the other order."""
    text = (
        "Patients were randomized to capecitabine alone (CAP) or in combination with tucatinib "
        "(CAP-TUC). The ORR was 22% for CAP and 41% for CAP-TUC, respectively."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 22.0) == "capecitabine"
    assert arm_of(rows, 41.0) == "capecitabine+tucatinib"


def test_with_form_or_without_form_before_the_drug(nlp):
    """ "A with (S2) or without (S1) X": S2 is A + X, S1 is A; the compared rates share P."""
    rows = rows_of(nlp, LETROZOLE, P_ROW)
    assert ("ORR", "rate", 28.0, "0.021", "lapatinib+letrozole") in rows
    assert ("ORR", "rate", 15.0, "0.021", "letrozole") in rows


def test_with_drug_form_or_without_drug_form(nlp):
    """ "A with X (S2) or without X (S1)" keeps both arms apart."""
    rows = rows_of(nlp, LETROZOLE_AFTER, P_ROW)
    assert ("ORR", "rate", 28.0, "0.021", "lapatinib+letrozole") in rows
    assert ("ORR", "rate", 15.0, "0.021", "letrozole") in rows


def test_with_or_without_forms_in_the_other_order(nlp):
    """Other drugs, the values named without-arm first."""
    text = (
        "Patients were randomly assigned to anastrozole with (ANA-T) or without (ANA) "
        "trastuzumab. Median PFS was 2.4 months with ANA and 4.8 months with ANA-T."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 2.4) == "anastrozole"
    assert arm_of(rows, 4.8) == "anastrozole+trastuzumab"


def test_experimental_arm_label_is_backbone_plus_add_on(nlp):
    """ "A (control arm) ... with or without X (experimental arm)": the experimental arm is
    A + X, the control arm A."""
    rows = rows_of(nlp, XELOX, ARM_ROW)
    assert arm_of(rows, 13.9) == "capecitabine+oxaliplatin"
    assert arm_of(rows, 17.2) == XP


def test_experimental_arm_named_first_keeps_labels(nlp):
    """The labels are not inverted when the experimental arm's value comes first, nor for
    "group" written for "arm"."""
    text = XELOX.replace(
        "13.9 months in the control arm and 17.2 months in the experimental arm",
        "17.2 months in the experimental arm and 13.9 months in the control arm",
    )
    rows = rows_of(nlp, text.replace(" arm", " group"), ARM_ROW)
    assert arm_of(rows, 13.9) == "capecitabine+oxaliplatin"
    assert arm_of(rows, 17.2) == XP


def test_add_on_short_form_holding_the_control_form(nlp):
    """ "A (G/C) with or without X (G/C+T)": the longer form is A + X, not its prefix's arm."""
    rows = rows_of(nlp, GEMCIS, ARM_ROW)
    assert arm_of(rows, 14.1) == GC + "+trastuzumab"
    assert arm_of(rows, 10.6) == GC


def test_placebo_design_lettered_arms(nlp):
    """ "A plus B (arm A) or placebo plus B (arm B)": the letters label the arms."""
    rows = rows_of(nlp, ATEZO, ARM_ROW)
    assert arm_of(rows, 8.2) == ATZ
    assert arm_of(rows, 6.8) == "trastuzumab emtansine"


def test_placebo_design_numbered_arms(nlp):
    """The same with "(arm 1)" / "(arm 2)", values in the other order."""
    text = (
        "Patients were randomized to receive pertuzumab plus docetaxel (arm 1) or placebo plus "
        "docetaxel (arm 2). Median PFS was 6.8 months in arm 2 and 8.2 months in arm 1."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 8.2) == "docetaxel+pertuzumab"
    assert arm_of(rows, 6.8) == "docetaxel"


def test_prior_with_or_without_defines_no_arm(nlp):
    """Negative: "with or without prior trastuzumab (...)" in an eligibility sentence says
    what patients had, so no add-on design is read from it."""
    text = (
        "Eligible patients had received paclitaxel (P) with or without prior trastuzumab (PH). "
        "Patients received lapatinib. The ORR was 24%."
    )
    reg = registry_of(nlp, text)
    assert len([a for a in reg.arms if a.name]) <= 1
    assert arm_of(rows_of(nlp, text, ARM_ROW), 24.0) in (None, "lapatinib")


def test_alone_without_a_bracket_makes_no_control_arm(nlp):
    """Negative: "trastuzumab alone was well tolerated" in a single-arm study names no control
    arm, and a bracket that is no form or label names no arm."""
    text = (
        "Patients received trastuzumab alone (n = 40). Trastuzumab alone was well tolerated. "
        "The ORR was 18%."
    )
    reg = registry_of(nlp, text)
    assert not reg.bare_forms
    assert len(reg.arms) <= 1


def test_alone_or_with_one_of_several_partners_is_no_add_on_design(nlp):
    """Negative: "A alone (module 0) or combined with X (module 1) or Y (module 2)" lists
    three arms; the add-on reading stops at neither partner."""
    text = (
        "Patients received capecitabine alone (module 0) or combined with tucatinib (module 1) "
        "or neratinib (module 2). The ORR was 20% in module 0, 40% in module 1 and 30% in "
        "module 2."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 30.0) == "capecitabine+neratinib"
