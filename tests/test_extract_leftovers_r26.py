"""Left-overs of round 26 (gold residuals, review of rounds 24-25). "X monotherapy" after
progression named the one design arm holding X; a title written with classes ("X + anti-HER2
therapy + ET vs anti-HER2 therapy + ET") made X alone an arm, so "the X arm" named X alone;
another trial's values quoted in a background ("the addition of A to B ... (57.1 vs 40.8
months)") took an arm only when the text had no design of its own; a ";" clause with the whole
population's value kept a "respectively" list from zipping, and the taxanes of a single-arm
backbone study lost the backbone; a bare carried rate lost its "for grade 3"."""

from __future__ import annotations

from extract_helpers import ARM_ROW, P_ROW, arm_of, registry_of, rows_of

PHESTO = (
    "Pyrotinib plus capecitabine versus placebo plus capecitabine in HER2-positive metastatic "
    "breast cancer\n\n"
    "Patients previously treated with trastuzumab and a taxane were randomly assigned 2:1 to "
    "pyrotinib plus capecitabine or placebo plus capecitabine. The primary endpoint was "
    "progression-free survival. Median PFS was 12.5 months with pyrotinib plus capecitabine "
    "versus 6.8 months with placebo plus capecitabine (HR 0.39; P < 0.001). After progression "
    "on placebo plus capecitabine, patients received pyrotinib monotherapy; median PFS was 5.5 "
    "months. Patients who crossed over to pyrotinib alone had an objective response rate of "
    "38.0%."
)


def test_monotherapy_after_progression_names_the_drug_alone(nlp):
    """ "patients received pyrotinib monotherapy; median PFS was 5.5 months": pyrotinib alone,
    not the pyrotinib plus capecitabine arm."""
    rows = rows_of(nlp, PHESTO, ARM_ROW)
    assert arm_of(rows, 5.5) == "pyrotinib"


def test_drug_alone_after_crossover_names_the_drug_alone(nlp):
    """ "crossed over to pyrotinib alone": the same, written with "alone"."""
    assert arm_of(rows_of(nlp, PHESTO, ARM_ROW), 38.0) == "pyrotinib"


def test_design_arms_stay_with_a_monotherapy_sentence_later(nlp):
    """Negative: the compared values before keep their design arms."""
    rows = rows_of(nlp, PHESTO, ARM_ROW)
    assert arm_of(rows, 12.5) == "capecitabine+pyrotinib"
    assert arm_of(rows, 6.8) == "capecitabine"


def test_drug_alone_that_is_a_design_arm_stays_that_arm(nlp):
    """Negative: "lapatinib alone" in a lapatinib with or without trastuzumab design is the
    lapatinib arm (its exact arm), and "trastuzumab alone" after a backbone given to every arm
    is the arm defined as trastuzumab."""
    text = (
        "Lapatinib with or without trastuzumab\n\n"
        "Patients were randomly assigned to lapatinib plus trastuzumab or lapatinib alone. "
        "The primary endpoint was PFS. Median PFS was 12.0 months with lapatinib plus "
        "trastuzumab and 8.1 months with lapatinib alone."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 8.1) == "lapatinib"
    assert arm_of(rows, 12.0) == "lapatinib+trastuzumab"


PALOMA_LIKE = (
    "A randomized phase III trial of ribociclib + anti-HER2 therapy + endocrine therapy (ET) vs "
    "anti-HER2 therapy + ET as maintenance for HR-positive/HER2-positive metastatic breast "
    "cancer\n\n"
    "Methods: After induction chemotherapy with trastuzumab, patients were randomly assigned "
    "1:1 to ribociclib plus trastuzumab plus ET (letrozole or fulvestrant) or to trastuzumab "
    "plus ET. The primary endpoint was PFS. Results: Median PFS was 31.2 months in the "
    "ribociclib arm and 22.4 months in the control arm (HR 0.70; P = 0.01)."
)


def test_class_written_title_arm_folds_into_the_spelt_out_arm(nlp):
    """ "ribociclib + anti-HER2 therapy + ET vs anti-HER2 therapy + ET" in the title defines no
    ribociclib-alone arm once the methods spell it out: "the ribociclib arm" is ribociclib
    plus trastuzumab."""
    assert [a.name for a in registry_of(nlp, PALOMA_LIKE).arms] == [
        "ribociclib+trastuzumab",
        "trastuzumab",
    ]
    rows = rows_of(nlp, PALOMA_LIKE, ARM_ROW)
    assert arm_of(rows, 31.2) == "ribociclib+trastuzumab"
    assert arm_of(rows, 22.4) == "trastuzumab"


def test_arms_described_one_per_sentence_are_not_folded(nlp):
    """Negative: arms described one by one ("Arm A received ...; Arm B received ...") are each
    the design's own, though one holds the other's drugs."""
    text = (
        "Trastuzumab with or without pertuzumab plus chemotherapy\n\n"
        "In this phase II study, arm A consisted of trastuzumab plus chemotherapy. Arm B "
        "consisted of trastuzumab plus pertuzumab and docetaxel. The primary endpoint was pCR. "
        "The pCR rate was 30% in arm A and 45% in arm B."
    )
    names = {a.name for a in registry_of(nlp, text).arms}
    assert "trastuzumab" in names


DESTINY_LIKE = (
    "Trastuzumab deruxtecan versus trastuzumab emtansine in HER2-positive metastatic breast "
    "cancer\n\n"
    "Background: In an earlier trial, the addition of pertuzumab to trastuzumab and docetaxel "
    "prolonged overall survival (57.1 vs 40.8 months). Methods: Patients previously treated "
    "with trastuzumab and a taxane were randomly assigned to trastuzumab deruxtecan or "
    "trastuzumab emtansine. The primary endpoint was PFS. Results: Median PFS was 28.8 months "
    "with trastuzumab deruxtecan and 6.8 months with trastuzumab emtansine (HR 0.33; "
    "P < 0.0001)."
)


def test_quoted_addition_in_background_takes_its_own_regimens(nlp):
    """ "the addition of pertuzumab to trastuzumab and docetaxel ... (57.1 vs 40.8 months)" in
    a T-DXd versus T-DM1 trial: the values are Y plus X, then Y, though the text has a design
    of its own (neither regimen is one of its arms)."""
    rows = rows_of(nlp, DESTINY_LIKE, ARM_ROW)
    assert arm_of(rows, 57.1) == "docetaxel+pertuzumab+trastuzumab"
    assert arm_of(rows, 40.8) == "docetaxel+trastuzumab"
    assert arm_of(rows, 28.8) == "trastuzumab deruxtecan"


def test_addition_to_a_design_arm_is_read_from_the_design(nlp):
    """Negative: when a design arm holds Y, "the addition of X to Y" is not read as two
    regimens of another trial (the design says which arm is which)."""
    text = (
        "Pertuzumab with trastuzumab and docetaxel\n\n"
        "Patients were randomly assigned to pertuzumab plus trastuzumab plus docetaxel or "
        "placebo plus trastuzumab plus docetaxel. The addition of pertuzumab to trastuzumab and "
        "docetaxel prolonged median PFS (18.5 vs 12.4 months)."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 18.5) == "docetaxel+pertuzumab+trastuzumab"
    assert arm_of(rows, 12.4) == "docetaxel+trastuzumab"


TAXANE_CHOICE = (
    "Pertuzumab and trastuzumab with an investigator-selected taxane\n\n"
    "In this single-arm phase II study, patients with untreated HER2-positive metastatic "
    "breast cancer received pertuzumab and trastuzumab with investigator-selected taxane "
    "(docetaxel, paclitaxel or nab-paclitaxel). The primary endpoint was safety. The median "
    "PFS was 21.0 months (95% CI 19.0-23.1); median PFS was 20.1, 24.2 and 17.5 months with "
    "docetaxel, paclitaxel and nab-paclitaxel, respectively."
)


def test_respectively_list_after_a_whole_population_clause_zips(nlp):
    """ "The median PFS was 21.0 months (...); median PFS was 20.1, 24.2 and 17.5 months with
    docetaxel, paclitaxel and nab-paclitaxel, respectively": the ";" clause's value is the
    whole population's, the three zip with the three taxanes, each with the backbone."""
    rows = rows_of(nlp, TAXANE_CHOICE, ARM_ROW)
    assert arm_of(rows, 21.0) is None
    assert arm_of(rows, 20.1) == "docetaxel+pertuzumab+trastuzumab"
    assert arm_of(rows, 24.2) == "paclitaxel+pertuzumab+trastuzumab"
    assert arm_of(rows, 17.5) == "nab-paclitaxel+pertuzumab+trastuzumab"


def test_class_member_outside_the_class_gets_no_backbone(nlp):
    """Negative: a drug outside the single arm's class (capecitabine, no taxane) is not given
    the backbone."""
    text = TAXANE_CHOICE + " Among patients later given capecitabine, the ORR was 30%."
    assert arm_of(rows_of(nlp, text, ARM_ROW), 30.0) == "capecitabine"


def test_class_member_in_a_two_arm_design_gets_no_backbone(nlp):
    """Negative: with two arms, a taxane that neither arm holds names no arm with a backbone."""
    text = (
        "Trastuzumab plus a taxane with or without pertuzumab\n\n"
        "Patients were randomly assigned to trastuzumab plus a taxane or pertuzumab plus "
        "trastuzumab plus a taxane. The primary endpoint was PFS. Median PFS was 14.0 months "
        "with docetaxel."
    )
    assert arm_of(rows_of(nlp, text, ARM_ROW), 14.0) == "docetaxel"


NERA = (
    "Neratinib plus capecitabine versus lapatinib plus capecitabine\n\n"
    "Patients were randomly assigned to neratinib plus capecitabine or lapatinib plus "
    "capecitabine. The primary endpoint was PFS. Diarrhoea occurred in 83% and 66% of "
    "patients with neratinib plus capecitabine and lapatinib plus capecitabine, respectively. "
)


def test_carried_rate_for_grade_3_is_graded(nlp):
    """ "The rate was 24% vs 13% for grade 3." after a diarrhoea sentence: AE_G3, as a grade
    qualifier grades a named event."""
    rows = rows_of(nlp, NERA + "The rate was 24% vs 13% for grade 3.", P_ROW)
    assert [(r.endpoint, r.value) for r in rows if r.value in (24.0, 13.0)] == [
        ("AE_G3", 24.0),
        ("AE_G3", 13.0),
    ]


def test_carried_rate_without_grade_stays_any_grade(nlp):
    """Negative: a carried rate with no grade qualifier, or with an "any grade" one too, stays
    AE."""
    rows = rows_of(nlp, NERA + "The rate was 24% vs 13% in the first cycle.", P_ROW)
    assert {r.endpoint for r in rows if r.value in (24.0, 13.0)} == {"AE"}
    mixed = NERA + "The rate was 24% vs 13% for grade 3 and 50% vs 40% for any grade."
    assert {r.endpoint for r in rows_of(nlp, mixed, P_ROW) if r.value in (24.0, 13.0)} == {"AE"}
