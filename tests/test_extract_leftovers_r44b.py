"""Left-overs round 44 (b): values and ratios. A numbered arm, group or part inside a ratio's key
("The OS HR for arm 2 vs arm 1 was 0.80") was read as the ratio (2.0, its CI lost), and an
elliptical second comparison of numbered arms ("and for arm 3 vs arm 1 0.70") was not read.
Compared pairs per end point before "respectively" ("Median PFS and OS were 7.2 vs 5.1 months
and 15.1 vs 12.0 months, respectively") were all OS. A bound ("longer than 24 months", "> 24
months") was read as a median. Spelt-out duration groups ("the six-month group") were already
read as their digit forms are."""

from __future__ import annotations

from extract_helpers import ARM_ROW, CI_ROW, parsed_values, rows_of

T_DXD, T_DM1 = "trastuzumab deruxtecan", "trastuzumab emtansine"
PYRO, LAPA = "capecitabine+pyrotinib", "capecitabine+lapatinib"

ADC_DESIGN = (
    "Patients with HER2-positive metastatic breast cancer were randomized to trastuzumab "
    "deruxtecan or trastuzumab emtansine. "
)
PYRO_DESIGN = (
    "Patients with HER2-positive metastatic breast cancer were randomly assigned to pyrotinib "
    "plus capecitabine or lapatinib plus capecitabine. "
)
PAIRS = "Median PFS and OS were 7.2 vs 5.1 months and 15.1 vs 12.0 months, respectively"


def _ratios(nlp, text: str) -> list[tuple]:
    return [r for r in rows_of(nlp, text, CI_ROW) if r.measure == "HR"]


# 1. Numbered arms in a ratio's key.


def test_numbered_arms_in_a_ratio_key_are_no_ratio(nlp):
    """ "HR for arm 2 vs arm 1 was 0.80": the ratio is 0.80 with its CI, not the arm's 2."""
    text = ADC_DESIGN + "The OS HR for arm 2 vs arm 1 was 0.80 (95% CI 0.60-1.00)."
    assert _ratios(nlp, text) == [("OS", "HR", 0.80, 0.60, 1.00, None)]


def test_numbered_groups_in_a_hazard_ratio_key_are_no_ratio(nlp):
    """ "hazard ratio for group 3 versus group 1", "HR in group 2", "HR (arm 2 vs arm 1)"."""
    for key in (
        "The OS hazard ratio for group 3 versus group 1 was",
        "The OS HR in group 2 was",
        "The OS HR (arm 2 vs arm 1) was",
        "The OS HR for arms 2 and 3 combined vs arm 1 was",
        "The OS HR for part 2 was",
    ):
        text = ADC_DESIGN + key + " 0.70 (95% CI 0.50-0.95)."
        assert _ratios(nlp, text) == [("OS", "HR", 0.70, 0.50, 0.95, None)], key


def test_numbered_arms_before_the_key_keep_the_ratio(nlp):
    """ "OS, Arm 2 vs Arm 1: HR 0.80" and "cohort 2 vs cohort 1" were read and stay so."""
    text = ADC_DESIGN + "For OS, Arm 2 vs Arm 1: HR 0.80 (95% CI 0.60-1.00)."
    assert _ratios(nlp, text) == [("OS", "HR", 0.80, 0.60, 1.00, None)]
    text = ADC_DESIGN + "The PFS HR for cohort 2 vs cohort 1 was 0.75 (95% CI 0.55-0.98)."
    assert _ratios(nlp, text) == [("PFS", "HR", 0.75, 0.55, 0.98, None)]


def test_trial_name_and_stage_numbers_in_a_key_are_no_ratio(nlp):
    """The digits of "DESTINY-Breast03" or "stage 3" inside the key are no ratio either."""
    text = "The PFS HR for DESTINY-Breast03 vs DESTINY-Breast02 was 0.28 (95% CI 0.22-0.37)."
    assert _ratios(nlp, text) == [("PFS", "HR", 0.28, 0.22, 0.37, None)]
    text = "The OS HR for stage 3 vs stage 2 disease was 0.65 (95% CI 0.45-0.90)."
    assert _ratios(nlp, text) == [("OS", "HR", 0.65, 0.45, 0.90, None)]


def test_elliptical_second_ratio_of_numbered_arms(nlp):
    """ "... 0.80 (...) and for arm 3 vs arm 1 0.70 (...)": the second comparison's ratio."""
    text = ADC_DESIGN + (
        "The OS HR for arm 2 vs arm 1 was 0.80 (95% CI 0.60-1.00) and for arm 3 vs arm 1 0.70 "
        "(95% CI 0.50-0.95)."
    )
    assert _ratios(nlp, text) == [
        ("OS", "HR", 0.80, 0.60, 1.00, None),
        ("OS", "HR", 0.70, 0.50, 0.95, None),
    ]
    text = (
        "The PFS hazard ratio for group 2 versus group 1 was 0.65 (95% CI 0.50-0.85) and for "
        "group 3 versus group 1, 0.90 (95% CI 0.70-1.15)."
    )
    assert [r.value for r in _ratios(nlp, text)] == [0.65, 0.90]


def test_elliptical_gap_with_another_number_reads_no_second_ratio(nlp):
    """Negative: a count in the "and for ..." gap ("the 12 patients in arm 3") is no label."""
    text = ADC_DESIGN + (
        "The OS HR for arm 2 vs arm 1 was 0.80 (95% CI 0.60-1.00) and for the 12 patients in "
        "arm 3 vs arm 1 0.70 (95% CI 0.50-0.95)."
    )
    assert [r.value for r in _ratios(nlp, text)] == [0.80]


def test_values_after_an_arm_or_group_word_are_still_values(nlp):
    """Negative: "group 45%", "arm 12 months", "group 3-year" are values, not labels."""
    assert [v[1] for v in parsed_values("The ORR was in the pyrotinib group 45% vs 30%.")] == [
        45.0,
        30.0,
    ]
    values = parsed_values("Median OS in the control arm 12 months vs 15 months.")
    assert [v[1] for v in values] == [12.0, 15.0]
    text = ADC_DESIGN + "Median OS was 20.1 months in arm 1 and 25.3 months in arm 2."
    assert [r.value for r in rows_of(nlp, text, CI_ROW)] == [20.1, 25.3]


# 2. Compared pairs per end point before "respectively".


def test_compared_pairs_per_endpoint_with_respectively_tail(nlp):
    """Pairs per end point zip with the list; "with A and B, respectively" gives the arms."""
    text = PYRO_DESIGN + PAIRS + ", with pyrotinib and lapatinib."
    assert rows_of(nlp, text, ARM_ROW) == [
        ("PFS", "median", 7.2, PYRO),
        ("PFS", "median", 5.1, LAPA),
        ("OS", "median", 15.1, PYRO),
        ("OS", "median", 12.0, LAPA),
    ]


def test_compared_pairs_per_endpoint_take_arms_in_design_order(nlp):
    """Without the tail the "vs" order of a two-arm design gives the arms."""
    text = PYRO_DESIGN + PAIRS + "."
    assert rows_of(nlp, text, ARM_ROW) == [
        ("PFS", "median", 7.2, PYRO),
        ("PFS", "median", 5.1, LAPA),
        ("OS", "median", 15.1, PYRO),
        ("OS", "median", 12.0, LAPA),
    ]


def test_compared_rate_pairs_with_cis_per_endpoint(nlp):
    """Rates and values with CI brackets group the same way."""
    text = PYRO_DESIGN + (
        "The ORR and DCR were 78.5% versus 57.1% and 90.0% versus 80.2%, respectively."
    )
    assert [(r.endpoint, r.value) for r in rows_of(nlp, text, ARM_ROW)] == [
        ("ORR", 78.5),
        ("ORR", 57.1),
        ("DCR", 90.0),
        ("DCR", 80.2),
    ]
    text = PYRO_DESIGN + (
        "Median PFS and OS were 7.2 months (95% CI 6.1-8.3) vs 5.1 months (95% CI 4.0-6.2) and "
        "15.1 months vs 12.0 months, respectively."
    )
    rows = rows_of(nlp, text, CI_ROW)
    assert [(r.endpoint, r.value) for r in rows] == [
        ("PFS", 7.2),
        ("PFS", 5.1),
        ("OS", 15.1),
        ("OS", 12.0),
    ]
    assert (rows[1].ci_low, rows[1].ci_high) == (4.0, 6.2)


def test_values_grouped_by_arm_are_not_zipped_per_endpoint(nlp):
    """Negative: "7.2 and 15.1 months vs 5.1 and 12.0 months" groups the values by arm ("and"
    inside a group, "vs" between): the second value is OS, never PFS."""
    text = PYRO_DESIGN + (
        "Median PFS and OS were 7.2 and 15.1 months vs 5.1 and 12.0 months, respectively."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert ("PFS", 15.1) not in [(r.endpoint, r.value) for r in rows]


# 3. A bound is no median.


def test_bound_in_words_is_no_median(nlp):
    """ "longer than 24 months", "shorter than 12 months", "exceeded 24 months": no value."""
    for clause in (
        "Median OS was longer than 24 months in both arms.",
        "Median OS was shorter than 12 months in the lapatinib arm.",
        "Median OS exceeded 24 months.",
    ):
        assert rows_of(nlp, PYRO_DESIGN + clause) == [], clause


def test_longer_than_after_a_time_compares_two_medians(nlp):
    """Negative: after a time of its own, "longer than 20.1 months" is the other median."""
    text = PYRO_DESIGN + (
        "Median OS was 25.3 months with pyrotinib, longer than 20.1 months with lapatinib."
    )
    assert rows_of(nlp, text, ARM_ROW) == [
        ("OS", "median", 25.3, PYRO),
        ("OS", "median", 20.1, LAPA),
    ]


def test_comparison_sign_before_a_time_is_no_median(nlp):
    """ "> 24 months", "≥24 months", "< 12 months": a bound, not a point estimate."""
    for clause in (
        "Median OS was > 24 months in both arms.",
        "Median OS was ≥24 months in both arms.",
        "Median OS was < 12 months in both arms.",
    ):
        assert rows_of(nlp, PYRO_DESIGN + clause) == [], clause


def test_landmark_after_a_sign_keeps_its_rate_and_grades(nlp):
    """Negative: "PFS > 24 months ... in 30%" keeps the 30% (no 24-month median); "grade >= 3"
    and a percentage after "<" ("<1%") are read as before."""
    text = PYRO_DESIGN + (
        "PFS > 24 months was achieved in 30% of patients. Grade >= 3 adverse events occurred in "
        "40%. Pneumonitis occurred in <1% of patients."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert [(r.endpoint, r.measure, r.value) for r in rows] == [
        ("PFS", "rate", 30.0),
        ("AE_G3", "incidence", 40.0),
        ("ILD", "incidence", 1.0),
    ]


# 4. Spelt-out duration groups.


def test_spelt_out_duration_groups_read_as_digit_forms(nlp):
    """ "the six-month group" is read as "the 6-month group": the regimen's arm for each (a
    duration design's arms carry the regimen's drugs; "chemotherapy" names none)."""
    design = (
        "Patients were randomly assigned to 6 months or 12 months of adjuvant trastuzumab with "
        "chemotherapy. "
    )
    spelt = (
        "The 3-year DFS was 93.8% in the six-month group and 95.7% in the twelve-month group "
        "(HR 1.24, 95% CI 0.95-1.62)."
    )
    digits = spelt.replace("six-month", "6-month").replace("twelve-month", "12-month")
    expected = [
        ("DFS", "rate", 93.8, "trastuzumab"),
        ("DFS", "rate", 95.7, "trastuzumab"),
        ("DFS", "HR", 1.24, None),
    ]
    assert rows_of(nlp, design + spelt, ARM_ROW) == expected
    assert rows_of(nlp, design + digits, ARM_ROW) == expected
