"""Fresh round 74 (a): left-overs in values and names. Not-reached medians said with "neither"
("Neither group reached median OS", "reached in neither arm"), as a bare "NR" in a sentence with
no digit ("Median OS: NR in either arm") or for a list of end points ("Median DoR and OS were
not reached in either arm") gave nothing or one end point only; a landmark closed by
"follow-up" ("OS at 24 months' follow-up was 80%") lost its rate; a P after the rates of a
biosimilar and its reference product ("with the biosimilar and ... with the reference
product") was not shared; values listed after a list of grades ("Grades 3 and 4 adverse events
occurred in 30% and 25%") took the two arms; a sponsor code opening a title before a full stop
("MRG002. A Phase 1 Study ...") lost the drug, and a sponsor's study number ("E7389-301: A
Phase 3 Study") was no trial."""

from __future__ import annotations

from extract_helpers import ARM_ROW, P_ROW, extract_text, rows_of

TDXD = "trastuzumab deruxtecan"
TDM1 = "trastuzumab emtansine"
TWO_ARMS = (
    "Trastuzumab deruxtecan versus trastuzumab emtansine in HER2-positive breast cancer\n\n"
    "Patients were randomly assigned to trastuzumab deruxtecan or trastuzumab emtansine. "
    "Median PFS was 25.1 versus 7.2 months. "
)
SINGLE_ARM = (
    "Pyrotinib in HER2-positive metastatic breast cancer\n\n"
    "Patients received pyrotinib 400 mg daily. The ORR was 62%. "
)


def _nr_rows(nlp, text: str) -> list[tuple]:
    return [r for r in rows_of(nlp, text, ARM_ROW) if r.value is None]


def _each_arm(*endpoints: str) -> list[tuple]:
    return [(ep, "median", None, arm) for ep in endpoints for arm in (TDXD, TDM1)]


def test_neither_group_reached_the_median_is_each_arms_nr(nlp):
    """ "Neither group reached median OS": an NR median in each arm, its end point after it."""
    assert _nr_rows(nlp, TWO_ARMS + "Neither group reached median OS.") == _each_arm("OS")
    text = TWO_ARMS + "Neither of the two arms has reached the median OS."
    assert _nr_rows(nlp, text) == _each_arm("OS")


def test_median_reached_in_neither_arm_is_each_arms_nr(nlp):
    """ "Median OS was reached in neither arm" says "not reached in either arm"."""
    assert _nr_rows(nlp, TWO_ARMS + "Median OS was reached in neither arm.") == _each_arm("OS")
    text = TWO_ARMS + "The median overall survival was reached in neither group."
    assert _nr_rows(nlp, text) == _each_arm("OS")


def test_neither_arm_reaching_a_boundary_is_no_median(nlp):
    """Negative: "neither arm reached statistical significance" names no median."""
    text = TWO_ARMS + "For OS, neither arm reached statistical significance."
    assert _nr_rows(nlp, text) == []
    text = TWO_ARMS + "The primary end point was reached in neither arm."
    assert _nr_rows(nlp, text) == []


def test_bare_nr_in_a_sentence_without_digits_is_read(nlp):
    """ "Median OS: NR in either arm": a sentence whose only value is "NR" is read."""
    assert _nr_rows(nlp, TWO_ARMS + "Median OS: NR in either arm.") == _each_arm("OS")
    assert _nr_rows(nlp, TWO_ARMS + "Median OS was NR in both arms.") == _each_arm("OS")


def test_not_reached_for_listed_end_points_is_each_ones(nlp):
    """ "Median DoR and OS were not reached in either arm": one NR per end point and arm."""
    text = TWO_ARMS + "Median DoR and OS were not reached in either arm."
    assert _nr_rows(nlp, text) == _each_arm("DOR", "OS")
    text = SINGLE_ARM + "Median PFS and OS have not yet been reached."
    assert _nr_rows(nlp, text) == [("PFS", "median", None, None), ("OS", "median", None, None)]


def test_not_reached_after_a_list_with_other_words_is_one_end_points(nlp):
    """Negative: "Median PFS was 11.2 months and median OS was not reached": only OS is NR
    (the end points are no list joined to the verb)."""
    text = SINGLE_ARM + "Median PFS was 11.2 months and median OS was not reached."
    assert _nr_rows(nlp, text) == [("OS", "median", None, None)]


def test_landmark_closed_by_follow_up_dates_the_rate(nlp):
    """ "OS at 24 months' follow-up was 80%": a landmark rate, whatever the follow-up word."""
    rows = rows_of(nlp, SINGLE_ARM + "OS at 24 months' follow-up was 80%.", ARM_ROW)
    assert ("OS", "rate", 80.0, None) in rows
    rows = rows_of(nlp, SINGLE_ARM + "The OS rate at 3 years of follow-up was 91%.", ARM_ROW)
    assert ("OS", "rate", 91.0, None) in rows


def test_follow_up_length_still_dates_no_rate(nlp):
    """Negative: how long patients were followed is no landmark ("after 24 months of
    follow-up, 80% were alive" is no OS rate; "at a median follow-up of 24 months")."""
    text = SINGLE_ARM + "After 24 months of follow-up, 80% of patients were alive."
    assert [r.value for r in rows_of(nlp, text, ARM_ROW)] == [62.0]
    text = SINGLE_ARM + "OS at a median follow-up of 24 months was 80%."
    assert [r.value for r in rows_of(nlp, text, ARM_ROW)] == [62.0]
    text = SINGLE_ARM + "Median follow-up 24 months."
    assert [r.value for r in rows_of(nlp, text, ARM_ROW)] == [62.0]


BIOSIMILAR = (
    "A randomized phase 3 study comparing the trastuzumab biosimilar HLX02 with reference "
    "trastuzumab in HER2-positive metastatic breast cancer\n\n"
    "Patients were randomly assigned to HLX02 or reference trastuzumab, each with docetaxel. "
)


def test_p_after_biosimilar_and_reference_rates_is_shared(nlp):
    """ "51.7% with the biosimilar and 42.0% with the reference product (P = 0.02)": both."""
    text = BIOSIMILAR + (
        "The ORR at week 24 was 51.7% with the biosimilar and 42.0% with the reference "
        "product (P = 0.02)."
    )
    assert [r.p for r in rows_of(nlp, text, P_ROW)] == ["0.02", "0.02"]
    text = BIOSIMILAR + (
        "The ORR at week 24 was 51.7% for the proposed biosimilar and 42.0% for the "
        "originator (P = 0.02)."
    )
    assert [r.p for r in rows_of(nlp, text, P_ROW)] == ["0.02", "0.02"]


def test_biosimilar_p_needs_two_different_products(nlp):
    """Negative: two rates both "with the biosimilar" name no two compared groups."""
    text = BIOSIMILAR + (
        "The ORR was 51.7% with the biosimilar and 42.0% with the biosimilar in the extension "
        "study (P = 0.02)."
    )
    assert [r.p for r in rows_of(nlp, text, P_ROW)] == [None, None]


def test_values_listed_after_listed_grades_are_each_grades(nlp):
    """ "Grades 3 and 4 adverse events occurred in 30% and 25%": grade 3 and grade 4 rates
    of the population, not the two arms' (no arm named in the sentence)."""
    for sentence in (
        "Grades 3 and 4 adverse events occurred in 30% and 25%.",
        "Grade 3 and grade 4 neutropenia occurred in 30% and 25% of patients, respectively.",
    ):
        rows = rows_of(nlp, TWO_ARMS + sentence, ARM_ROW)
        assert [r for r in rows if r.endpoint == "AE_G3"] == [
            ("AE_G3", "incidence", 30.0, None),
            ("AE_G3", "incidence", 25.0, None),
        ]


def test_values_after_a_grade_category_or_named_arms_stay_the_arms(nlp):
    """Negative: "grade 3 or 4" is one category, and a sentence naming the arms gives them."""
    for sentence in (
        "Grade 3 or 4 adverse events occurred in 30% and 25% of patients.",
        "Grades 3 and 4 adverse events occurred in 30% and 25% of patients in the trastuzumab "
        "deruxtecan and trastuzumab emtansine arms.",
    ):
        rows = rows_of(nlp, TWO_ARMS + sentence, ARM_ROW)
        assert [r.arm for r in rows if r.endpoint == "AE_G3"] == [TDXD, TDM1]


def test_sponsor_code_opening_a_title_before_a_full_stop_is_the_drug(nlp):
    """ "MRG002. A Phase 1 Study of a HER2-Targeted ADC ...": the code is the drug, as before
    a colon."""
    text = (
        "MRG002. A Phase 1 Study of a HER2-Targeted Antibody-Drug Conjugate in Solid Tumors\n\n"
        "Patients received the conjugate every 3 weeks. The ORR was 46%."
    )
    assert extract_text(nlp, text).drugs == ["mrg002"]


def test_abstract_number_before_a_full_stop_is_still_no_drug(nlp):
    """Negative: a conference's tag ("LBA1003.") opening the title is the abstract's number."""
    text = (
        "LBA1003. A Phase 3 Study of an Antibody-Drug Conjugate in Breast Cancer\n\n"
        "Patients received trastuzumab deruxtecan. The ORR was 46%."
    )
    assert extract_text(nlp, text).drugs == [TDXD]


def test_sponsor_study_number_opening_a_title_is_the_trial(nlp):
    """ "E7389-301: A Phase 3 Study": Eisai's study number (the drug code and the study's
    three digits) names the trial; E7389 is eribulin."""
    text = (
        "E7389-301: A Phase 3 Open-Label Randomized Study in Metastatic Breast Cancer\n\n"
        "Patients received the study drug or capecitabine. The ORR was 11%."
    )
    ex = extract_text(nlp, text)
    assert ex.trials == ["E7389-301"]
    assert ex.drugs == ["capecitabine", "eribulin"]
