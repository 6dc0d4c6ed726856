"""Arm readings of lists and wholes: "randomly assigned to A with or without B" (two arms, A+B
and A), values listed before "in arms A, B, and C" without "respectively" (one arm each, in
order), and a value stated "in both groups" / "in all three arms" (one row per arm). Texts are
shortened from published abstracts (TAnDEM, NEfERT-T) or written in their style; the facts are
theirs."""

from __future__ import annotations

from extract_helpers import extract_text, registry_of, rows_of

AT = "anastrozole+trastuzumab"
DT = "docetaxel+trastuzumab"
PT = "paclitaxel+trastuzumab"
TV = "trastuzumab+vinorelbine"
NP = "neratinib+paclitaxel"


# --- "A with or without B" in a randomisation sentence ------------------------------------------

TANDEM = (
    "Trastuzumab plus anastrozole versus anastrozole alone: the randomized phase III TAnDEM "
    "study\n\n"
    "PATIENTS AND METHODS Patients (N = 207) were randomly assigned to anastrozole 1 mg/d with "
    "or without trastuzumab (4 mg/kg on day 1, then 2 mg/kg every week) until progression. "
    "RESULTS The clinical benefit rate was 42.7% in the combination arm and 27.9% in the "
    "monotherapy arm (P = .026)."
)


def test_with_or_without_in_a_randomisation_sentence_defines_two_arms(nlp):
    names = sorted(a.name for a in registry_of(nlp, TANDEM).arms)
    assert names == ["anastrozole", AT]
    # so the generic "combination arm" / "monotherapy arm" resolve to them
    assert rows_of(nlp, TANDEM, ("endpoint", "measure", "value", "arm", "p")) == [
        ("CBR", "rate", 42.7, AT, "0.026"),
        ("CBR", "rate", 27.9, "anastrozole", "0.026"),
    ]


def test_with_or_without_outside_a_randomisation_sentence_defines_no_arm(nlp):
    # eligibility: what patients had been treated with, not the arms of the trial
    text = (
        "A phase II study of lapatinib\n\n"
        "Women treated with trastuzumab with or without pertuzumab were enrolled. "
        "All patients received lapatinib plus capecitabine."
    )
    names = {a.name for a in registry_of(nlp, text).arms}
    assert "pertuzumab+trastuzumab" not in names


def test_with_or_without_does_not_redefine_arms_a_design_sentence_defined(nlp):
    text = (
        "A randomized trial\n\n"
        "Patients were randomly assigned to lapatinib or trastuzumab. "
        "At progression, patients were randomly assigned to docetaxel with or without "
        "pertuzumab."
    )
    names = {a.name for a in registry_of(nlp, text).arms}
    assert {"lapatinib", "trastuzumab"} <= names
    assert "docetaxel+pertuzumab" not in names


# --- values before "in arms A, B, and C" without "respectively" ---------------------------------

THREE_ARMS = (
    "A randomized phase II trial of three trastuzumab-based regimens\n\n"
    "Methods Patients were randomly assigned to trastuzumab plus docetaxel (arm A), trastuzumab "
    "plus paclitaxel (arm B), or trastuzumab plus vinorelbine (arm C). "
)


def test_values_before_a_list_of_lettered_arms_are_theirs_in_order(nlp):
    text = (
        THREE_ARMS
        + "Results The objective response rate was 61%, 55%, and 52% in arms A, B, and C."
    )
    assert rows_of(nlp, text, ("endpoint", "measure", "value", "arm", "p")) == [
        ("ORR", "rate", 61.0, DT, None),
        ("ORR", "rate", 55.0, PT, None),
        ("ORR", "rate", 52.0, TV, None),
    ]


def test_values_before_letters_then_the_plural_group_word(nlp):
    text = (
        THREE_ARMS + "Results The objective response rate was 61%, 55%, and 52% in the A, B, and C "
        "arms. The pathological complete response rate was 30% and 20% in arms A and C."
    )
    assert rows_of(nlp, text, ("endpoint", "measure", "value", "arm", "p")) == [
        ("ORR", "rate", 61.0, DT, None),
        ("ORR", "rate", 55.0, PT, None),
        ("ORR", "rate", 52.0, TV, None),
        ("pCR", "rate", 30.0, DT, None),
        ("pCR", "rate", 20.0, TV, None),
    ]


def test_values_before_a_list_of_another_length_get_no_arms_from_it(nlp):
    # two values, three arms: the list does not say which value is whose
    text = THREE_ARMS + "Results The objective response rate was 61% and 55% in arms A, B, and C."
    assert [r[3] for r in rows_of(nlp, text, ("endpoint", "measure", "value", "arm", "p"))] != [
        DT,
        PT,
    ]


# --- a value "in both groups" / "in all three arms" ---------------------------------------------

NEFERTT = (
    "Neratinib Plus Paclitaxel vs Trastuzumab Plus Paclitaxel: The NEfERT-T Randomized Clinical "
    "Trial\n\n"
    "DESIGN In this randomized, open-label phase 2 trial, 479 women were randomized to "
    "neratinib-paclitaxel (n = 242) or trastuzumab-paclitaxel (n = 237). "
    "RESULTS Median progression-free survival was 12.9 months in both groups (hazard ratio, "
    "1.02; 95% CI, 0.81-1.27; P = .89)."
)


def test_a_value_in_both_groups_is_each_arms_value(nlp):
    ex = extract_text(nlp, NEFERTT)
    medians = [o for o in ex.outcomes if o.measure == "median"]
    assert sorted(o.arm for o in medians) == [NP, PT]
    assert len({(o.value, o.p, o.ci_low, o.start, o.end) for o in medians}) == 1
    assert (medians[0].value, medians[0].p) == (12.9, None)
    assert [(o.measure, o.value, o.arm, o.p) for o in ex.outcomes if o.measure == "HR"] == [
        ("HR", 1.02, None, "0.89")
    ]


def test_a_value_in_all_three_arms_is_each_arms_value(nlp):
    text = (
        THREE_ARMS + "Grade 3 or worse neutropenia occurred in 40% of patients in all three arms."
    )
    assert rows_of(nlp, text, ("endpoint", "measure", "value", "arm", "p")) == [
        ("AE_G3", "incidence", 40.0, DT, None),
        ("AE_G3", "incidence", 40.0, PT, None),
        ("AE_G3", "incidence", 40.0, TV, None),
    ]


def test_a_count_of_groups_other_than_the_registrys_gives_one_row(nlp):
    # "both groups" in a three-arm design: which two is not said
    text = THREE_ARMS + "Grade 3 or worse neutropenia occurred in 40% of patients in both groups."
    assert rows_of(nlp, text, ("endpoint", "measure", "value", "arm", "p")) == [
        ("AE_G3", "incidence", 40.0, None, None)
    ]
