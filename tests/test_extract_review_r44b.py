"""Review of round 44b. The numbered-arm rule (``numbers._label_number``) was not anchored at
the number: any "arm", "group" or "part" in the 30 characters before a whole number made it a
name, so "Median OS in the pyrotinib arm was 24 (95% CI 20-28) months" lost its median and
"Median PFS in the pyrotinib group was 12 vs 8 months" its first value. The "longer than"
bound (``numbers._compares_a_time``) took a landmark or follow-up time before it for a compared
median: "After a median follow-up of 30.2 months, median OS was longer than 24 months" gave a
24-month median."""

from __future__ import annotations

from extract_helpers import ARM_ROW, CI_ROW, rows_of

PYRO, LAPA = "capecitabine+pyrotinib", "capecitabine+lapatinib"
PYRO_DESIGN = (
    "Patients with HER2-positive metastatic breast cancer were randomly assigned to pyrotinib "
    "plus capecitabine or lapatinib plus capecitabine. "
)
SINGLE = "Patients with HER2-positive metastatic breast cancer received trastuzumab deruxtecan. "


# 1. A number is an arm's name only right after the arm word.


def test_whole_median_after_an_arm_word_is_a_value(nlp):
    """ "in the pyrotinib arm was 24 (95% CI 20-28) months": 24 is the median, not a name."""
    text = PYRO_DESIGN + "Median OS in the pyrotinib arm was 24 (95% CI 20-28) months."
    assert rows_of(nlp, text, CI_ROW) == [("OS", "median", 24.0, 20.0, 28.0, PYRO)]


def test_whole_medians_compared_after_a_group_word_are_values(nlp):
    """ "in the pyrotinib group was 12 vs 8 months": both medians, each with its arm."""
    text = (
        PYRO_DESIGN + "Median PFS in the pyrotinib group was 12 vs 8 months in the lapatinib group."
    )
    assert rows_of(nlp, text, ARM_ROW) == [
        ("PFS", "median", 12.0, PYRO),
        ("PFS", "median", 8.0, LAPA),
    ]


def test_numbered_arm_is_still_no_value(nlp):
    """Negative: "The OS HR for arm 2 vs arm 1 was 0.80" keeps one ratio, 0.80."""
    text = PYRO_DESIGN + "The OS HR for arm 2 vs arm 1 was 0.80 (95% CI 0.60-1.00)."
    assert rows_of(nlp, text, CI_ROW) == [("OS", "HR", 0.80, 0.60, 1.00, None)]


# 2. A landmark or follow-up time does not make "longer than" a comparison.


def test_bound_after_a_follow_up_time_is_no_median(nlp):
    """ "After a median follow-up of 30.2 months, median OS was longer than 24 months": no
    value (a bound), as without the follow-up."""
    text = SINGLE + "After a median follow-up of 30.2 months, median OS was longer than 24 months."
    assert rows_of(nlp, text, ARM_ROW) == []


def test_bound_after_a_landmark_is_no_median(nlp):
    """ "At 12 months, median DOR was longer than 10 months": no value."""
    text = SINGLE + "At 12 months, median DOR was longer than 10 months."
    assert rows_of(nlp, text, ARM_ROW) == []


def test_longer_than_after_a_median_still_compares(nlp):
    """Negative: "was 12.4 months, longer than 6.8 months with lapatinib" keeps both medians."""
    text = PYRO_DESIGN + (
        "Median PFS with pyrotinib was 12.4 months, longer than 6.8 months with lapatinib."
    )
    assert rows_of(nlp, text, ARM_ROW) == [
        ("PFS", "median", 12.4, PYRO),
        ("PFS", "median", 6.8, LAPA),
    ]
