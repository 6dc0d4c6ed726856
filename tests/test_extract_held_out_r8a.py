"""Held-out round 8 (a): trials in older patients and treatment de-escalation (HERA 11-year
follow-up, SOLD, RESPECT, a SEER-Medicare analysis), each checking one reading that went wrong
on them: a treatment duration standing for an arm ("compared with 1 year", "2 years is not more
effective") is no median; a duration in front of a group name ("in the 1-year trastuzumab
group") does not cut the value off its group; a ratio listed "and of death (0·74, ...)" is an OS
ratio; a bare "without" in an observational comparison of treated and untreated patients has
arm null."""

from __future__ import annotations

from extract_helpers import only_row, outcomes_of

from her2mine.extract.numbers import parse_values

HERA = (
    "11 years' follow-up of trastuzumab after adjuvant chemotherapy in HER2-positive early "
    "breast cancer: final analysis of the HERceptin Adjuvant (HERA) trial\n\n"
    "Methods In this open-label, randomised trial, 5102 patients who had completed chemotherapy "
    "were randomly assigned (1:1:1) to observation, trastuzumab every 3 weeks for 1 year, or "
    "trastuzumab for 2 years. The primary endpoint was disease-free survival.\n"
    "Findings One year of trastuzumab significantly reduced the risk of a disease-free survival "
    "event compared with observation (hazard ratio 0·76, 95% CI 0·68–0·86) and of death (0·74, "
    "0·64–0·86). Two years of trastuzumab did not improve disease-free survival compared with "
    "1 year (HR 1·02, 0·89–1·17). 10-year disease-free survival was 63% in the observation "
    "group, 69% in the 1-year trastuzumab group and 69% in the 2-year trastuzumab group.\n"
    "Interpretation One year of adjuvant trastuzumab after chemotherapy significantly improves "
    "long-term disease-free survival compared with observation; 2 years is not more effective."
)

MEDICARE = (
    "Trastuzumab use and cardiotoxicity among older women with HER2-positive breast cancer: a "
    "SEER-Medicare analysis\n\n"
    "Methods Outcomes were compared between patients who received trastuzumab-based therapy and "
    "those who did not.\n"
    "Results Receipt of trastuzumab was associated with improved overall survival (HR 0.62; 95% "
    "CI 0.51-0.76; P < .001). The 3-year cumulative incidence of heart failure was 29.4% with "
    "trastuzumab and 18.9% without (HR 1.95; 95% CI 1.60-2.38). Among women aged 80 years or "
    "older, the median overall survival was not reached with trastuzumab and 6.9 years without."
)


def _times(text: str) -> list[float]:
    return [v.value for v in parse_values(text) if v.kind == "time"]


# --- HERA: durations that name arms -----------------------------------------------------------


def test_duration_compared_with_is_no_median(nlp):
    rows = outcomes_of(nlp, HERA)
    assert not [o for o in rows if o.measure == "median"]
    assert (
        _times(
            "Two years of trastuzumab did not improve disease-free survival compared with 1 year "
            "(HR 1·02, 0·89–1·17)."
        )
        == []
    )


def test_duration_as_subject_of_a_verdict_is_no_median():
    assert _times("Nine weeks of trastuzumab was inferior; 2 years is not more effective.") == []
    assert _times("9 weeks was inferior, and 1 year was superior.") == []


def test_compared_medians_are_still_read():
    # negative: times compared in a sentence about medians, or with no duration "of" a drug
    assert _times("Median OS was 35.7 months compared with 38.6 months.") == [35.7, 38.6]
    assert _times(
        "Two years of trastuzumab gave a median OS of 60 months compared with 48 months."
    ) == [60.0, 48.0]
    assert _times("PFS was 12.5 months, compared with 8.1 months with placebo.") == [12.5, 8.1]
    assert _times("The median PFS of 14 months was not different from the control arm.") == [14.0]


def test_duration_before_group_name_keeps_the_group(nlp):
    rates = [o for o in outcomes_of(nlp, HERA) if o.measure == "rate"]
    assert [(o.value, o.arm) for o in rates] == [
        (63.0, None),
        (69.0, "trastuzumab"),
        (69.0, "trastuzumab"),
    ]


def test_ratio_listed_and_of_death_is_os(nlp):
    rows = outcomes_of(nlp, HERA)
    hr = only_row(rows, 0.74, "HR")
    assert (hr.endpoint, hr.ci_low, hr.ci_high, hr.arm) == ("OS", 0.64, 0.86, None)
    assert only_row(rows, 0.76, "HR").endpoint == "DFS"


def test_ratio_listed_and_of_other_event_keeps_its_key():
    # negative: a bare bracketed number after "and of <event>" that is no ratio is not listed
    text = (
        "It reduced the risk of recurrence (hazard ratio 0.76, 95% CI 0.68-0.86) and of "
        "death (12 patients)."
    )
    assert [v.value for v in parse_values(text) if v.kind == "HR"] == [0.76]


# --- SEER-Medicare: treated vs untreated ------------------------------------------------------


def test_bare_without_in_observational_comparison_is_null(nlp):
    rows = outcomes_of(nlp, MEDICARE)
    assert only_row(rows, 29.4).arm == "trastuzumab"
    assert only_row(rows, 18.9).arm is None
    assert only_row(rows, 6.9).arm is None


def test_bare_without_keeps_design_arm_less_drug(nlp):
    # negative: with a two-arm design, "without X" is the arm of the other drugs
    text = (
        "T\n\nPatients were randomly assigned to docetaxel with or without trastuzumab.\n"
        "Three-year DFS was 80.1% with trastuzumab and 71.4% without (HR 0.61; 95% CI "
        "0.45-0.83)."
    )
    rows = outcomes_of(nlp, text)
    assert only_row(rows, 80.1).arm == "docetaxel+trastuzumab"
    assert only_row(rows, 71.4).arm == "docetaxel"
