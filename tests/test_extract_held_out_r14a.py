"""Held-out round 14a: less common end points and landmark rates.

End points outside the contract (PFS2, time to next treatment, time to deterioration,
intracranial ORR, DRFI) were already read as no values, but a few longer names holding a
contract end point were read as that end point: "second progression-free survival" as PFS,
"distant disease-free survival" as DFS, and "breast cancer-specific survival" listed after
overall survival took OS. KATHERINE's 8-year report names the IDFS event in prose ("the risk of
invasive disease or death was lower with A than with B (hazard ratio, 0.54; ...)"): the ratio was
lost. Rates at several landmark times in one run ("the 3-year and 5-year IDFS rates were 91.0%
and 87.5% with A") were read as a comparison of arms.
"""

from __future__ import annotations

from extract_helpers import ARM_ROW, arms_of, rows_of

TWO_ARMS = (
    "Trastuzumab emtansine versus trastuzumab in early breast cancer\n\n"
    "Methods: Patients were randomly assigned to trastuzumab emtansine or trastuzumab. Results: "
)


def test_second_progression_free_survival_is_not_pfs(nlp):
    # Before: 20.1 and 15.2 were PFS medians.
    text = TWO_ARMS + "Median second progression-free survival was 20.1 versus 15.2 months."
    assert rows_of(nlp, text, ARM_ROW) == []


def test_distant_disease_free_survival_is_not_dfs(nlp):
    # Before: DFS rates 89.0/83.1 and a DFS hazard ratio.
    text = TWO_ARMS + (
        "The 5-year distant disease-free survival was 89.0% versus 83.1% (HR 0.61; 95% CI "
        "0.44-0.84)."
    )
    assert rows_of(nlp, text, ARM_ROW) == []


def test_breast_cancer_specific_survival_does_not_take_the_listed_os(nlp):
    # APT 10-year report. Before: 98.8 was read as an OS rate.
    text = (
        "Adjuvant paclitaxel and trastuzumab: 10-year outcomes of the APT trial\n\n"
        "A total of 406 patients received weekly paclitaxel and trastuzumab. At a median "
        "follow-up of 10.8 years, the 10-year overall survival was 94.3% (95% CI, 91.8 to 96.8), "
        "and the 10-year breast cancer-specific survival was 98.8% (95% CI, 97.6 to 100)."
    )
    assert [(e, v) for e, _, v, _ in rows_of(nlp, text, ARM_ROW)] == [("OS", 94.3)]


def test_plain_dfs_and_pfs_are_still_read(nlp):
    # Negative: the shorter names keep their codes.
    text = TWO_ARMS + (
        "The 5-year disease-free survival was 89.0% versus 83.1%. Median progression-free "
        "survival was 20.1 versus 15.2 months."
    )
    assert [(e, v) for e, _, v, _ in rows_of(nlp, text, ARM_ROW)] == [
        ("DFS", 89.0),
        ("DFS", 83.1),
        ("PFS", 20.1),
        ("PFS", 15.2),
    ]


def test_risk_of_invasive_disease_or_death_ratio_is_idfs(nlp):
    # KATHERINE final analysis. Before: the ratio had no end point and was dropped.
    text = TWO_ARMS + (
        "After a median follow-up of 8.4 years, the risk of invasive disease or death was lower "
        "with trastuzumab emtansine than with trastuzumab (hazard ratio, 0.54; 95% CI, 0.44 to "
        "0.66)."
    )
    assert rows_of(nlp, text, ARM_ROW) == [("IDFS", "HR", 0.54, None)]


def test_invasive_disease_or_death_count_is_still_no_outcome(nlp):
    # Negative: event proportions are not outcomes (gold README), and an end point named
    # after the phrase keeps its ratio.
    text = TWO_ARMS + (
        "Invasive disease or death had occurred in 91 patients in the trastuzumab emtansine "
        "group (12.2%) and 165 patients in the trastuzumab group (22.2%). Against invasive "
        "disease or death, overall survival also favored trastuzumab emtansine (hazard ratio, "
        "0.66; 95% CI, 0.51 to 0.87)."
    )
    assert rows_of(nlp, text, ARM_ROW) == [("OS", "HR", 0.66, None)]


def test_landmark_rates_before_one_reference_are_that_arms(nlp):
    # Before: 91.0 had no arm; 85.0 took trastuzumab emtansine ("respectively" paired the
    # two rates with the design's arms).
    text = TWO_ARMS + (
        "The 3-year and 5-year IDFS rates were 91.0% and 87.5% with trastuzumab emtansine. "
        "The 3-year and 5-year IDFS rates were 85.0% and 80.5%, respectively, with trastuzumab."
    )
    assert arms_of(nlp, text) == {
        91.0: "trastuzumab emtansine",
        87.5: "trastuzumab emtansine",
        85.0: "trastuzumab",
        80.5: "trastuzumab",
    }


def test_landmark_rates_after_a_group_are_that_groups(nlp):
    # Before: 91.0/87.5 were split over both arms, 85.0/80.5 too (in reverse).
    text = TWO_ARMS + (
        "With trastuzumab emtansine, the 3- and 5-year IDFS rates were 91.0% and 87.5%. In the "
        "trastuzumab group, IDFS rates at 3 and 5 years were 85.0% and 80.5%, respectively."
    )
    assert arms_of(nlp, text) == {
        91.0: "trastuzumab emtansine",
        87.5: "trastuzumab emtansine",
        85.0: "trastuzumab",
        80.5: "trastuzumab",
    }


def test_one_landmark_time_keeps_the_compared_arms(nlp):
    # Negative: one time point and two rates is a comparison of the arms.
    text = TWO_ARMS + (
        "The 3-year IDFS rates were 88.3% and 77.0%, respectively. At 3 years, IDFS was 86.0% "
        "with trastuzumab emtansine and 75.0% with trastuzumab."
    )
    assert arms_of(nlp, text) == {
        88.3: "trastuzumab emtansine",
        77.0: "trastuzumab",
        86.0: "trastuzumab emtansine",
        75.0: "trastuzumab",
    }


def test_rates_per_arm_at_each_time_keep_their_references(nlp):
    # Negative: "3-year and 5-year" before rates that each name an arm.
    text = TWO_ARMS + (
        "IDFS at 3 and 5 years was 88.3% with trastuzumab emtansine and 77.0% with trastuzumab."
    )
    assert arms_of(nlp, text) == {88.3: "trastuzumab emtansine", 77.0: "trastuzumab"}
