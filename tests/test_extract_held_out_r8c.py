"""Held-out round 8 (c): patient-reported outcome, quality-of-life, pharmacoepidemiology and
cost-effectiveness abstracts (HER2CLIMB HRQoL, DESTINY-Breast03 PROs, CLEOPATRA HRQoL, a
SEER-Medicare and an Ontario trastuzumab cardiotoxicity cohort, a T-DXd cost-effectiveness model),
each checking one reading that went wrong on them: a bare compared pair after a pair that a
single reference ordered ("more frequent with A (x vs y), and ... b vs c") took the design's order
instead of the earlier pair's, and a cost-effectiveness model's modeled medians ("the modeled
median PFS", "projected to reach") were read as trial results, and a hazard ratio of a time to
deterioration or hospitalization carried the previous sentence's end point (PFS)."""

from __future__ import annotations

from extract_helpers import ARM_ROW, rows_of

TITLE = "Title\n\n"

# CLEOPATRA HRQoL (Cortes, Ann Oncol 2013), methods and findings (Lancet style)
CLEOPATRA_HRQOL = (
    "808 patients were randomly assigned to placebo plus trastuzumab plus docetaxel (placebo arm) "
    "or pertuzumab plus trastuzumab plus docetaxel (pertuzumab arm). Diarrhoea was more frequent "
    "with pertuzumab (66·8% vs 46·3%), and grade 3 or higher febrile neutropenia occurred in "
    "13·8% vs 7·6%."
)

# T-DXd cost-effectiveness (US payer perspective), results
CEA = (
    "Trastuzumab deruxtecan (T-DXd) prolonged progression-free survival compared with trastuzumab "
    "emtansine (T-DM1) in the DESTINY-Breast03 trial (hazard ratio 0.28; 95% CI 0.22-0.37). "
    "T-DXd yielded 2.39 QALYs at a cost of $412,600, compared with 1.64 QALYs and $262,300 with "
    "T-DM1. The modeled median progression-free survival was 28.8 months with T-DXd and 6.8 "
    "months with T-DM1."
)

# HER2CLIMB HRQoL (Mueller, 2021), results after the parent trial's PFS
HER2CLIMB_QOL = (
    "Patients were randomly assigned to tucatinib or placebo combined with trastuzumab and "
    "capecitabine. Median PFS was 7.8 months with tucatinib and 5.6 months with placebo. Among "
    "patients with brain metastases, median time to deterioration of EQ-VAS was 8.6 months with "
    "tucatinib versus 3.9 months with placebo (HR, 0.51; 95% CI, 0.29 to 0.88; P = .0136)."
)

DPT = "docetaxel+pertuzumab+trastuzumab"
DT = "docetaxel+trastuzumab"


# --- arms: a later bare pair keeps the order of the pair before it ------------------------------


def test_bare_pair_after_an_ordered_pair_keeps_its_order(nlp):
    assert rows_of(nlp, TITLE + CLEOPATRA_HRQOL, ARM_ROW) == [
        ("AE", "incidence", 66.8, DPT),
        ("AE", "incidence", 46.3, DT),
        ("AE_G3", "incidence", 13.8, DPT),
        ("AE_G3", "incidence", 7.6, DT),
    ]


def test_a_reference_between_the_pairs_still_names_the_second(nlp):
    # the second pair has its own reference: the carried order must not override it
    text = CLEOPATRA_HRQOL.replace(
        "occurred in 13·8% vs 7·6%", "occurred with placebo in 7·6% vs 13·8%"
    )
    got = [(v, a) for e, m, v, a in rows_of(nlp, TITLE + text, ARM_ROW) if e == "AE_G3"]
    assert got == [(7.6, DT), (13.8, DPT)]


def test_a_bare_pair_alone_takes_the_design_order(nlp):
    # no earlier pair in the sentence: the design's order (placebo arm first) as before
    text = CLEOPATRA_HRQOL.replace(
        "Diarrhoea was more frequent with pertuzumab (66·8% vs 46·3%), and grade",
        "Grade",
    )
    got = [(v, a) for e, m, v, a in rows_of(nlp, TITLE + text, ARM_ROW)]
    assert got == [(13.8, DT), (7.6, DPT)]


# --- outcomes: a model's estimates are not results ---------------------------------------------


def test_modeled_medians_are_not_results(nlp):
    assert rows_of(nlp, TITLE + CEA, ARM_ROW) == [("PFS", "HR", 0.28, None)]


def test_model_predicted_and_projected_to_reach_are_not_results(nlp):
    text = (
        "The model-predicted median overall survival was 52.6 months. Median overall survival "
        "was 41.3 months, projected to reach 60 months."
    )
    assert rows_of(nlp, TITLE + text, ARM_ROW) == [("OS", "median", 41.3, None)]


def test_projected_landmark_rate_and_a_model_of_patients_stay(nlp):
    # "projected 5-year DFS" names a Kaplan-Meier estimate in older trials; "in a model" of a
    # cohort qualifies no end point
    text = (
        "The projected 5-year disease-free survival was 85%. Median PFS was 12.1 months in a "
        "model of 300 patients."
    )
    assert rows_of(nlp, TITLE + text, ARM_ROW) == [
        ("DFS", "rate", 85.0, None),
        ("PFS", "median", 12.1, None),
    ]


# --- outcomes: a ratio of a time to deterioration carries no end point -------------------------


def test_time_to_deterioration_ratio_is_no_carried_pfs_ratio(nlp):
    got = [(e, m, v) for e, m, v, a in rows_of(nlp, TITLE + HER2CLIMB_QOL, ARM_ROW)]
    assert got == [("PFS", "median", 7.8), ("PFS", "median", 5.6)]


def test_hospitalization_ratio_is_no_carried_ratio(nlp):
    text = HER2CLIMB_QOL.replace(
        "median time to deterioration of EQ-VAS", "median time to first hospitalization"
    )
    assert [m for e, m, v, a in rows_of(nlp, TITLE + text, ARM_ROW)] == ["median", "median"]


def test_a_bare_ratio_still_carries_the_previous_end_point(nlp):
    text = HER2CLIMB_QOL.split(" Among")[0] + " The hazard ratio was 0.54 (95% CI, 0.42 to 0.71)."
    assert ("PFS", "HR", 0.54, None) in rows_of(nlp, TITLE + text, ARM_ROW)


def test_time_to_symptom_progression_ratio_is_no_carried_pfs_ratio(nlp):
    # CLEOPATRA HRQoL: "symptom progression" is a FACT-B score decline
    text = (
        "Patients were randomly assigned to pertuzumab or placebo with trastuzumab and docetaxel. "
        "Median progression-free survival was 18.5 vs 12.4 months (HR 0.62). Median time to "
        "symptom progression was 18·3 weeks in both arms (HR 0·97, 95% CI 0·81–1·16; p=0·7161)."
    )
    assert [(e, m, v) for e, m, v, a in rows_of(nlp, TITLE + text, ARM_ROW) if m == "HR"] == [
        ("PFS", "HR", 0.62)
    ]
