"""Round 60a, left-overs: invented abstracts for misses of earlier rounds. Biosimilar twins
written "the proposed biosimilar X or reference trastuzumab, each with docetaxel", "X or
reference trastuzumab with docetaxel" and "X (a trastuzumab biosimilar) or trastuzumab" lost
their shared partner or made one arm; end-point short forms defined without "rate" ("disease
control (DC)", "objective response (OR)") left "a DC rate of 80.5%" unread and made "the OR
rate" an odds ratio; durations naming subgroups of trials ("in trials of 9 weeks") became
medians; drugs the patients "could not tolerate" in a single-arm study became arms of a
"respectively" list; "The ORR and DCR were 68% and 85% in the study group and 40% and 70% in the control
group, respectively" gave every value to DCR."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, arms_with, rows_of

DT = "docetaxel+trastuzumab"

REFERENCE_EACH = (
    "HD201 versus trastuzumab in HER2-positive early breast cancer\n\n"
    "Methods: Patients were randomized to the proposed biosimilar HD201 or reference trastuzumab, "
    "each with docetaxel, for eight cycles. Results: The tpCR rate was 45.1% with HD201 and "
    "41.2% with reference trastuzumab. Neutropenia occurred in 30% of patients in both groups."
)

REFERENCE_WITH = (
    "SB3 versus trastuzumab in HER2-positive early breast cancer\n\n"
    "Methods: Patients were randomly assigned to SB3 or reference trastuzumab with docetaxel. "
    "Results: The bpCR rate was 51.7% in the SB3 group and 42.0% in the trastuzumab group."
)

GLOSSED_CODE = (
    "SIBP-01 versus trastuzumab in HER2-positive metastatic breast cancer\n\n"
    "Methods: Patients were randomised to SIBP-01 (a trastuzumab biosimilar) or trastuzumab, each "
    "with docetaxel. Results: The ORR at week 24 was 71.2% in the SIBP-01 group and 68.9% in the "
    "trastuzumab group. Diarrhoea occurred in 12% of patients in both groups."
)

SHORT_FORMS = (
    "Pyrotinib plus capecitabine in HER2-positive metastatic breast cancer\n\n"
    "Methods: In this single-arm study, patients received pyrotinib plus capecitabine. End points "
    "were disease control (DC) and objective response (OR). Results: Patients achieved a DC rate "
    "of 80.5%, and the OR rate was 45.2% (95% CI 35.1-55.6)."
)

TRIAL_DURATIONS = (
    "Duration of adjuvant trastuzumab: a meta-analysis\n\n"
    "Methods: We pooled randomized trials of shorter versus standard trastuzumab. Results: DFS "
    "benefit of standard duration was larger in trials of 9 weeks than in trials of 6 months (HR "
    "1.35, 95% CI 1.06-1.72)."
)

INTOLERANT = (
    "Pyrotinib in HER2-positive metastatic breast cancer\n\n"
    "Methods: This single-arm study enrolled patients who could not tolerate trastuzumab or "
    "lapatinib; all received pyrotinib. Results: The median PFS was 11.2 and 6.4 months in "
    "first-line and second-line patients, respectively."
)

GROUPED_LISTS = (
    "Pyrotinib plus capecitabine in HER2-positive metastatic breast cancer\n\n"
    "Methods: Patients were randomly assigned to the study group (pyrotinib plus capecitabine) or "
    "the control group (capecitabine alone). Results: The ORR and DCR were 68% and 85% in the "
    "study group and 40% and 70% in the control group, respectively."
)


def test_reference_product_twins_each_with_partner(nlp):
    """ "the proposed biosimilar X or reference trastuzumab, each with docetaxel": two arms of
    one regimen, the partner in both."""
    rows = rows_of(nlp, REFERENCE_EACH, ARM_ROW)
    assert arm_of(rows, 45.1) == DT
    assert arm_of(rows, 41.2) == DT


def test_in_both_groups_of_reference_twins(nlp):
    """ "in both groups" of the two twins: one row per arm, each the shared regimen."""
    rows = rows_of(nlp, REFERENCE_EACH, ARM_ROW)
    assert arms_with(rows, 30.0) == [DT, DT]


def test_partner_after_reference_twin(nlp):
    """ "X or reference trastuzumab with docetaxel": the partner after the second twin is
    both twins'."""
    rows = rows_of(nlp, REFERENCE_WITH, ARM_ROW)
    assert arm_of(rows, 51.7) == DT
    assert arm_of(rows, 42.0) == DT


def test_reference_of_another_drug_keeps_its_arms(nlp):
    """Negative: "reference" before a drug of another role is no twin: "lapatinib or reference
    trastuzumab, each with paclitaxel" keeps two regimens."""
    text = REFERENCE_WITH.replace("SB3 or", "lapatinib or").replace(
        "the SB3 group", "the lapatinib group"
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 51.7) == "docetaxel+lapatinib"
    assert arm_of(rows, 42.0) == DT


def test_biosimilar_gloss_bracket_is_part_of_the_code(nlp):
    """ "X (a trastuzumab biosimilar) or trastuzumab, each with docetaxel": the bracket glosses
    the code, so the design has two twins with the partner."""
    rows = rows_of(nlp, GLOSSED_CODE, ARM_ROW)
    assert arm_of(rows, 71.2) == DT
    assert arm_of(rows, 68.9) == DT
    assert arms_with(rows, 12.0) == [DT, DT]


def test_rate_short_forms_the_text_defines(nlp):
    """ "disease control (DC)" and "objective response (OR)": "a DC rate of 80.5%" is a DCR,
    "the OR rate was 45.2%" an ORR rate with its CI, not an odds ratio."""
    rows = rows_of(nlp, SHORT_FORMS, ("endpoint", "measure", "value", "ci_low", "ci_high", "arm"))
    assert rows == [
        ("DCR", "rate", 80.5, None, None, None),
        ("ORR", "rate", 45.2, 35.1, 55.6, None),
    ]


def test_odds_ratio_short_form_still_a_ratio(nlp):
    """Negative: "OR" without "rate" after it stays an odds ratio."""
    text = SHORT_FORMS.replace("the OR rate was 45.2%", "the OR was 1.45")
    rows = rows_of(nlp, text, ("measure", "value", "ci_low", "ci_high"))
    assert ("OR", 1.45, 35.1, 55.6) in rows


def test_durations_naming_trials_are_no_medians(nlp):
    """ "larger in trials of 9 weeks than in trials of 6 months (HR ...)": only the HR."""
    rows = rows_of(nlp, TRIAL_DURATIONS, ("endpoint", "measure", "value"))
    assert rows == [("DFS", "HR", 1.35)]


def test_duration_after_treated_for_stays_a_median(nlp):
    """Negative: a median written after its end point, with "of" before it, is still read."""
    text = TRIAL_DURATIONS.replace(
        "DFS benefit of standard duration was larger in trials of 9 weeks than in trials of 6 "
        "months (HR 1.35, 95% CI 1.06-1.72).",
        "The median DFS was of 60.2 months.",
    )
    rows = rows_of(nlp, text, ("endpoint", "measure", "value"))
    assert rows == [("DFS", "median", 60.2)]


def test_listed_end_points_pair_within_each_group(nlp):
    """ "The ORR and DCR were 68% and 85% in the study group and 40% and 70% in the control
    group, respectively": ORR 68/40, DCR 85/70, each group's arm."""
    rows = rows_of(nlp, GROUPED_LISTS, ARM_ROW)
    assert rows == [
        ("ORR", "rate", 68.0, "capecitabine+pyrotinib"),
        ("DCR", "rate", 85.0, "capecitabine+pyrotinib"),
        ("ORR", "rate", 40.0, "capecitabine"),
        ("DCR", "rate", 70.0, "capecitabine"),
    ]


def test_compared_pairs_per_end_point_unchanged(nlp):
    """Negative: "68% and 40%, and 85% and 70% in the two groups" is one pair per end point,
    not groups per arm."""
    text = GROUPED_LISTS.replace(
        "The ORR and DCR were 68% and 85% in the study group and 40% and 70% in the control "
        "group, respectively.",
        "The ORR and DCR were 68% vs 40% and 85% vs 70% in the study and control groups, "
        "respectively.",
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert [(r.endpoint, r.value) for r in rows] == [
        ("ORR", 68.0),
        ("ORR", 40.0),
        ("DCR", 85.0),
        ("DCR", 70.0),
    ]


def test_drugs_not_tolerated_define_no_arms(nlp):
    """ "patients who could not tolerate A or B; all received C": A and B are a therapy the
    patients had, so the values of lines of therapy have no arm."""
    rows = rows_of(nlp, INTOLERANT, ARM_ROW)
    assert rows == [("PFS", "median", 11.2, None), ("PFS", "median", 6.4, None)]


def test_intolerant_of_another_class_before_randomisation(nlp):
    """Negative: "Patients intolerant of taxanes were randomized to A or B" still defines A and
    B as arms."""
    text = (
        "Trastuzumab or lapatinib with capecitabine\n\n"
        "Methods: Patients intolerant of taxanes were randomized to trastuzumab or lapatinib, "
        "each with capecitabine. Results: The median PFS was 8.2 months with trastuzumab and 6.6 "
        "months with lapatinib."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 8.2) == "capecitabine+trastuzumab"
    assert arm_of(rows, 6.6) == "capecitabine+lapatinib"
