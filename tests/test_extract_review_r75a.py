"""Review of round 75a: a grade ended at ", and <event> was ..." reached ranking words too
("Grade >=3 AEs occurred in 30% and 28%, respectively, and neutropenia was most frequent (10%
and 9%)" made neutropenia's rates any-grade AE, though they rank one of the grade >=3 events).
Also pins a shape the round's worded-pair P was checked on: a label whose words begin another
group's name ("high-dose" vs "high-dose escalation")."""

from __future__ import annotations

from extract_helpers import ARM_ROW, P_ROW, row_with, rows_of

TWO_ARMS = (
    "Pertuzumab with trastuzumab and docetaxel\n\n"
    "Patients were randomly assigned to trastuzumab plus docetaxel (arm A) or pertuzumab plus "
    "trastuzumab plus docetaxel (arm B). "
)


def test_most_common_event_after_and_keeps_the_grade(nlp):
    """ "Grade ≥3 AEs occurred in 30% and 28%, respectively, and neutropenia was most frequent
    (10% and 9%)": the most frequent grade ≥3 event, so AE_G3."""
    text = TWO_ARMS + (
        "Grade ≥3 adverse events occurred in 30% and 28% of patients, respectively, and "
        "neutropenia was most frequent (10% and 9%)."
    )
    assert [r.endpoint for r in rows_of(nlp, text, ARM_ROW)] == ["AE_G3"] * 4


def test_least_common_event_after_and_keeps_the_grade(nlp):
    """Variant with one value and "least common": "..., and diarrhoea was least common (1%)"."""
    text = TWO_ARMS + (
        "Grade ≥3 adverse events occurred in 30% of patients, and diarrhoea was least common (1%)."
    )
    assert row_with(rows_of(nlp, text, ARM_ROW), 1.0).endpoint == "AE_G3"


def test_more_frequent_event_after_and_is_still_of_any_grade(nlp):
    """Negative: a comparison ("was more frequent in arm B (20% vs 10%)") still opens a clause
    of its own, of any grade, as the round made it."""
    text = TWO_ARMS + (
        "Grade ≥3 adverse events occurred in 30% and 28% of patients, respectively, and nausea "
        "was more frequent in arm B (20% vs 10%)."
    )
    assert row_with(rows_of(nlp, text, ARM_ROW), 20.0).endpoint == "AE"


def test_worded_pair_tells_a_group_from_a_longer_name(nlp):
    """ "(high-dose escalation vs low-dose, p=0.013)": the high-dose group is not the
    high-dose escalation group, so its rate has no P."""
    text = (
        "Neratinib dose escalation\n\n"
        "Patients were randomly assigned to neratinib at the standard dose (high-dose group), "
        "at a reduced dose (low-dose group), or with dose escalation (high-dose escalation "
        "group), each with capecitabine. Diarrhoea occurred in 24% of patients in the "
        "high-dose group, 13% in the low-dose group, and 9% in the high-dose escalation group "
        "(high-dose escalation vs low-dose, p=0.013)."
    )
    assert [r.p for r in rows_of(nlp, text, P_ROW)] == [None, "0.013", "0.013"]
