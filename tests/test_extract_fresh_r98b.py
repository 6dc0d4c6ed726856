"""Fresh round 98b, arms: a placebo design after a treatment every patient received ("All
patients received trastuzumab and docetaxel and were randomly assigned to pertuzumab or
placebo") made the placebo arm drugless, so its values had no arm; and a second value after
"while on X" ("in 12.0% while on TH") was given no arm (or the other arm's), though "under X"
and "during X" name X's arm in a randomised trial."""

from __future__ import annotations

from extract_helpers import arms_of, registry_of

DTP = "docetaxel+pertuzumab+trastuzumab"
DT = "docetaxel+trastuzumab"

PERTUZUMAB_TITLE = (
    "Pertuzumab with trastuzumab and docetaxel in HER2-positive metastatic breast cancer: a "
    "randomized, double-blind, phase III trial\n\n"
)
PLACEBO_RESULTS = (
    "\nResults: A total of 808 patients were enrolled. The median PFS was 18.5 months in the "
    "pertuzumab group and 12.4 months in the placebo group (HR 0.62, 95% CI 0.51-0.75; "
    "P<0.001). The objective response rate was 80.2% in the pertuzumab group and 69.3% in the "
    "placebo group."
)


def _assert_shared_backbone(nlp, text: str) -> None:
    arms = arms_of(nlp, text)
    assert arms[18.5] == arms[80.2] == DTP
    assert arms[12.4] == arms[69.3] == DT
    placebo = [a for a in registry_of(nlp, text).arms if a.has_placebo]
    assert [a.drugs for a in placebo] == [["docetaxel", "trastuzumab"]]


# 1. A treatment every patient received before "and were randomly assigned to A or placebo".


def test_all_patients_received_and_were_assigned_to_a_or_placebo(nlp):
    """The abstract of the round: the placebo arm is the shared treatment."""
    text = (
        PERTUZUMAB_TITLE + "Methods: All patients received trastuzumab and docetaxel and were "
        "randomly assigned to pertuzumab or placebo." + PLACEBO_RESULTS
    )
    _assert_shared_backbone(nlp, text)


def test_patients_received_x_plus_y_and_were_randomized(nlp):
    """ "Patients received X plus Y and were randomized to Z or placebo" (no "all")."""
    text = (
        PERTUZUMAB_TITLE + "Methods: Patients received trastuzumab plus docetaxel and were "
        "randomized to pertuzumab or placebo until disease progression." + PLACEBO_RESULTS
    )
    _assert_shared_backbone(nlp, text)


def test_in_addition_to_x_patients_were_assigned_to_matching_placebo(nlp):
    """ "In addition to X, patients were randomly assigned to Z or matching placebo"."""
    text = (
        PERTUZUMAB_TITLE + "Methods: In addition to trastuzumab and docetaxel, patients were "
        "randomly assigned to pertuzumab or matching placebo." + PLACEBO_RESULTS
    )
    _assert_shared_backbone(nlp, text)


def test_received_with_doses_and_a_ratio_before_the_alternatives(nlp):
    """Doses and a ratio between the shared treatment and the alternatives."""
    text = (
        PERTUZUMAB_TITLE + "Methods: All patients received trastuzumab 6 mg/kg every 3 weeks "
        "and docetaxel 75 mg/m2 and were randomly assigned in a 1:1 ratio to receive pertuzumab "
        "or placebo." + PLACEBO_RESULTS
    )
    _assert_shared_backbone(nlp, text)


def test_lead_in_before_a_placebo_design_stays_out_of_the_arms(nlp):
    """Guard (round 94a): an induction every patient had before randomisation ("were then
    randomly assigned") is no part of the placebo arm."""
    text = (
        "Pyrotinib maintenance in HER2-positive metastatic breast cancer\n\n"
        "Methods: All patients received six cycles of docetaxel, trastuzumab and pertuzumab "
        "(THP) induction and were then randomly assigned to pyrotinib or placebo.\n"
        "Results: The median PFS was 18.5 months in the pyrotinib group and 12.4 months in the "
        "placebo group (HR 0.62, 95% CI 0.51-0.75)."
    )
    arms = arms_of(nlp, text)
    assert arms[18.5] == "pyrotinib"
    assert arms[12.4] is None
    assert all(not a.drugs for a in registry_of(nlp, text).arms if a.has_placebo)


def test_a_history_of_treatment_is_no_backbone(nlp):
    """Guard: "Patients who had received X and were randomized to Z or placebo": X is what the
    patients had before, not a treatment of either arm."""
    text = (
        "Pyrotinib in HER2-positive metastatic breast cancer\n\n"
        "Methods: Patients who had received trastuzumab and docetaxel and were randomized to "
        "pyrotinib or placebo were eligible for this analysis.\n"
        "Results: The median PFS was 18.5 months in the pyrotinib group and 12.4 months in the "
        "placebo group (HR 0.62, 95% CI 0.51-0.75)."
    )
    arms = arms_of(nlp, text)
    assert arms[18.5] == "pyrotinib"
    assert arms[12.4] is None


def test_placebo_plus_backbone_after_is_read_as_before(nlp):
    """Guard: "A or placebo plus B" (the backbone after the alternatives)."""
    text = (
        "Pyrotinib in HER2-positive metastatic breast cancer\n\n"
        "Methods: Patients were randomly assigned to pyrotinib or placebo plus trastuzumab and "
        "docetaxel.\n"
        "Results: The median PFS was 18.5 months in the pyrotinib group and 12.4 months in the "
        "placebo group (HR 0.62, 95% CI 0.51-0.75)."
    )
    arms = arms_of(nlp, text)
    assert arms[18.5] == "docetaxel+pyrotinib+trastuzumab"
    assert arms[12.4] == DT


# 2. A value followed by "while on / receiving / taking X" in a randomised trial.

THP_TH = (
    "Pertuzumab and trastuzumab plus docetaxel in HER2-positive metastatic breast cancer: a "
    "randomized trial\n\n"
    "Methods: Patients were randomly assigned to docetaxel, trastuzumab and pertuzumab (THP) or "
    "docetaxel and trastuzumab (TH).\n"
    "Results: "
)


def test_second_value_while_on_the_other_regimen(nlp):
    """The sentence of the round: "in 28.0% of patients under THP and in 12.0% while on TH"."""
    text = (
        THP_TH + "Grade 3 diarrhoea occurred in 28.0% of patients under THP and in 12.0% while "
        "on TH."
    )
    arms = arms_of(nlp, text)
    assert arms[28.0] == DTP
    assert arms[12.0] == DT


def test_second_value_while_receiving(nlp):
    """ "in 30.0% of patients during THP and in 20.0% while receiving TH"."""
    text = (
        THP_TH + "Neutropenia of any grade occurred in 30.0% of patients during THP and in 20.0% "
        "while receiving TH."
    )
    arms = arms_of(nlp, text)
    assert arms[30.0] == DTP
    assert arms[20.0] == DT


def test_both_values_while_taking(nlp):
    """ "in 14.0% of patients while taking THP and in 9.0% of patients while taking TH": each
    value is its own regimen's (before, the first value took the second regimen)."""
    text = (
        THP_TH + "Rash was reported in 14.0% of patients while taking THP and in 9.0% of "
        "patients while taking TH."
    )
    arms = arms_of(nlp, text)
    assert arms[14.0] == DTP
    assert arms[9.0] == DT


def test_while_being_treated_with(nlp):
    """ "41.0% of patients while being treated with THP and 22.0% while being treated with
    TH"."""
    text = (
        THP_TH + "Diarrhoea occurred in 41.0% of patients while being treated with THP and "
        "22.0% while being treated with TH."
    )
    arms = arms_of(nlp, text)
    assert arms[41.0] == DTP
    assert arms[22.0] == DT


def test_while_on_in_a_cohort_of_one_regimen_is_a_time_window(nlp):
    """Guard (round 94b): a real-world cohort of one regimen: "while on trastuzumab" says when
    the event occurred, not which group had it."""
    text = (
        "Cardiac safety of trastuzumab in routine practice\n\n"
        "Methods: We reviewed 300 patients treated with trastuzumab at our center.\n"
        "Results: Cardiotoxicity occurred in 8.9% of patients while on trastuzumab."
    )
    assert arms_of(nlp, text)[8.9] is None


def test_while_opening_a_clause_is_no_anchor(nlp):
    """Guard: "while" opening a clause of its own ("..., while neutropenia was reported in
    22.0% of patients") ties no value to the group before it, as before."""
    text = (
        THP_TH + "Diarrhoea occurred in 41.0% of patients in the THP group, while on the other "
        "hand 22.0% of patients in the TH group had neutropenia."
    )
    arms = arms_of(nlp, text)
    assert arms[41.0] == DTP
    assert arms[22.0] == DT
