"""Review of rounds 47 and 48. Round 48 made "the control arm" of "A or A plus X" (X no
chemotherapy) the backbone A, but "the experimental arm" still took the first arm, so both
labels named A; and "A (experimental arm) or A plus X" made A the control too. Round 47's
"respectively" run that follows the arms the sentence before listed overrode a sentence that
names its own groups ("in the experimental and control groups, respectively"), and its "the
reference group" of biosimilar twins also named the reference product's arm for a subgroup
analysis's reference category ("the reference group (age <50 years)")."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, rows_of

PYROTINIB = (
    "Patients were randomised to pyrotinib plus capecitabine or lapatinib plus capecitabine. "
)
BIOSIMILAR = "Patients were randomised to HLX02 or trastuzumab, each with docetaxel. "


def test_experimental_arm_of_a_backbone_written_first_is_the_add_on(nlp):
    """ "capecitabine or capecitabine plus pyrotinib": control is capecitabine, so "the
    experimental arm" is the pyrotinib arm, not the control again."""
    text = (
        "Patients were randomised to capecitabine or capecitabine plus pyrotinib. "
        "The ORR was 20% in the control arm and 60% in the experimental arm."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 20.0) == "capecitabine"
    assert arm_of(rows, 60.0) == "capecitabine+pyrotinib"


def test_control_is_the_arm_not_labelled_experimental(nlp):
    """ "A (experimental arm) or A plus X": the design says A is experimental (a de-escalation),
    so the control is the other arm, whatever the backbone reading would say."""
    text = (
        "Patients were randomised to trastuzumab plus docetaxel (experimental arm) or "
        "trastuzumab plus pertuzumab plus docetaxel. The pCR rate was 30% in the control arm."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 30.0) == "docetaxel+pertuzumab+trastuzumab"


def test_placebo_arm_stays_the_control_of_a_backbone_design(nlp):
    """Negative: placebo plus the backbone is the control; the add-on arm the experimental."""
    text = (
        "Patients were randomised to placebo plus trastuzumab plus docetaxel or pertuzumab plus "
        "trastuzumab plus docetaxel. Median PFS was 18.5 months in the experimental arm and "
        "12.4 months in the control arm."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 18.5) == "docetaxel+pertuzumab+trastuzumab"
    assert arm_of(rows, 12.4) == "docetaxel+trastuzumab"


def test_respectively_naming_its_own_groups_ignores_the_list_before(nlp):
    """ "Safety was assessed in the lapatinib arm and the pyrotinib arm. Diarrhoea occurred in
    31% and 8% in the experimental and control groups, respectively": the sentence's own
    groups, not the order listed before, decide."""
    text = PYROTINIB + (
        "Safety was assessed in the lapatinib arm and the pyrotinib arm. Diarrhoea occurred in "
        "31% and 8% in the experimental and control groups, respectively."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 31.0) == "capecitabine+pyrotinib"
    assert arm_of(rows, 8.0) == "capecitabine+lapatinib"


def test_respectively_naming_no_group_follows_the_list_before(nlp):
    """Negative: with no group of its own, the run takes the arms just listed (round 47)."""
    text = PYROTINIB + (
        "Safety was assessed in the lapatinib arm and the pyrotinib arm. Diarrhoea occurred in "
        "8% and 31% of patients, respectively."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 8.0) == "capecitabine+lapatinib"
    assert arm_of(rows, 31.0) == "capecitabine+pyrotinib"


def test_reference_category_of_a_subgroup_analysis_names_no_arm(nlp):
    """ "Compared with the reference group (age <50 years), ... an ORR of 60%": a subgroup's
    reference category, not the reference product's arm."""
    text = BIOSIMILAR + (
        "Compared with the reference group (age <50 years), patients aged 50 years or older had "
        "an ORR of 60% (OR 0.8)."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 60.0) is None


def test_reference_group_with_its_size_is_the_reference_product(nlp):
    """Negative: "the reference group (n = 120)" is still the reference product's arm."""
    text = (
        BIOSIMILAR + "The ORR was 71% in the HLX02 group and 69% in the reference group (n = 120)."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 69.0) == "docetaxel+trastuzumab"
