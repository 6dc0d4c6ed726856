"""Review of round 23 (pipeline 0.3.38). The new rules read four neighbours of their tested
cases wrong: a dosed short form's shape matched the pharmacology measure "EC50" (epirubicin and
cyclophosphamide joined the drugs of a trastuzumab abstract); "(the DH arm)" after "(the DPH
arm)" let the abbreviation detector's long form run back over the first label, so "the DH arm"
became the triplet; "with a 95% CI" and "within" after a difference's size read as the arm
after a rate; and a median pair's bracketed difference "(1.8 [0.5-3.1] months longer)" became a
hazard ratio."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, extract_text, parsed_values, rows_of

# --- drugs: "EC50" is a concentration, "EC90 then paclitaxel" a regimen ------------------------

EC50 = (
    "Trastuzumab plus docetaxel in HER2-positive breast cancer\n\n"
    "Patients were randomly assigned to trastuzumab plus docetaxel or docetaxel alone. In vitro, "
    "the EC50 of trastuzumab was 0.5 ug/mL and the EC90 values were below 2 nM. The ORR was 61% "
    "with trastuzumab plus docetaxel and 34% with docetaxel alone."
)


def test_half_maximal_concentration_is_no_regimen(nlp):
    """ "the EC50 of trastuzumab was 0.5 ug/mL", "EC90 values": no epirubicin, no
    cyclophosphamide."""
    assert extract_text(nlp, EC50).drugs == ["docetaxel", "trastuzumab"]


def test_concentration_named_before_its_short_form_is_no_regimen(nlp):
    """ "the half-maximal effective concentration (EC50)" defines the measure, not EC."""
    text = (
        "Trastuzumab deruxtecan in HER2-low models\n\n"
        "The half-maximal effective concentration (EC50) was reached at low doses. The ORR of "
        "trastuzumab deruxtecan was 37%."
    )
    assert "epirubicin" not in extract_text(nlp, text).drugs


def test_dosed_regimen_before_a_dose_in_mg_stays_a_regimen(nlp):
    """ "EC90 then paclitaxel 80 mg/m2": a dose in mg/m² after it is no concentration."""
    text = (
        "Patients received EC90 then paclitaxel 80 mg/m2 weekly plus trastuzumab. The pCR rate "
        "was 45%."
    )
    assert {"epirubicin", "cyclophosphamide"} <= set(extract_text(nlp, text).drugs)


# --- short forms: two group labels in a row ---------------------------------------------------

LABELS = (
    "Patients received docetaxel plus pertuzumab plus trastuzumab (the DPH arm) or docetaxel "
    "plus trastuzumab (the DH arm). pCR was 45.8% in the DPH arm and 29.0% in the DH arm."
)


def test_second_group_label_names_its_own_arm(nlp):
    """ "29.0% in the DH arm" is docetaxel plus trastuzumab, not the DPH arm before it."""
    rows = rows_of(nlp, LABELS, ARM_ROW)
    assert arm_of(rows, 29.0) == "docetaxel+trastuzumab"
    assert arm_of(rows, 45.8) == "docetaxel+pertuzumab+trastuzumab"


def test_group_labels_in_plain_brackets_read_the_same(nlp):
    """The same design with "(DPH)" and "(DH)" gives the same arms."""
    plain = LABELS.replace("(the DPH arm)", "(DPH)").replace("(the DH arm)", "(DH)")
    assert rows_of(nlp, plain, ARM_ROW) == rows_of(nlp, LABELS, ARM_ROW)


# --- outcomes: a difference's size is still one before "with a 95% CI" ------------------------

DESIGN = (
    "Patients were randomly assigned to everolimus plus trastuzumab and paclitaxel or placebo "
    "plus trastuzumab and paclitaxel. "
)


def test_difference_with_its_ci_is_no_rate(nlp):
    """ "The difference in ORR was 5% with a 95% CI of -2% to 12%": 5% is no ORR."""
    text = DESIGN + "The difference in ORR was 5% with a 95% CI of -2% to 12%."
    assert 5.0 not in [r.value for r in rows_of(nlp, text, ARM_ROW)]


def test_difference_within_a_period_is_no_rate(nlp):
    """ "within the first year" is no arm after the difference."""
    text = DESIGN + "The absolute difference in PFS rate was 12% within the first year."
    assert 12.0 not in [r.value for r in rows_of(nlp, text, ARM_ROW)]


def test_differences_listed_by_arm_keep_their_arms(nlp):
    """Negative: "were 24% with everolimus versus 1% with placebo" are the arms' rates."""
    text = (
        DESIGN
        + "Differences in grade 3 stomatitis were 24% with everolimus versus 1% with placebo."
    )
    assert arm_of(rows_of(nlp, text, ARM_ROW), 24.0) == "everolimus+paclitaxel+trastuzumab"


# --- numbers: a bracketed difference after a median pair is no hazard ratio -------------------


def test_bracketed_difference_of_medians_is_no_ratio():
    """ "(1.8 [0.5-3.1] months longer)" is how much longer, not a hazard ratio of 1.8."""
    text = (
        "Median PFS was 14.9 months with everolimus versus 13.1 months with placebo "
        "(1.8 [0.5-3.1] months longer)."
    )
    assert "HR" not in [v[0] for v in parsed_values(text)]


def test_bare_ratio_with_its_p_is_still_read():
    """Negative: "(0.78 [0.65-0.95]; p=0.0067)" stays the pair's hazard ratio."""
    text = (
        "Median PFS was 7.0 months with everolimus and 5.8 months with placebo "
        "(0.78 [0.65-0.95]; p=0.0067)."
    )
    assert ("HR", 0.78, 0.65, 0.95, "0.0067") in parsed_values(text)
