"""Round 39, left-overs: spurious and mislabelled values reviewers found. A count bracket after a
rate ("50% [95 of 190] vs 40%") made its denominator a 190% rate; a difference and its CI with
a signed low bound ("(difference, 4%; 95% CI, −2 to 10%)", "(Δ = 4%, ...)") gave rates; a main
verb after a rate ("..., and 45% of patients experienced grade 3 or higher adverse events")
left it the ORR named before, and so did "having stable disease"; a P labelled after it
("(P = .01 for TL vs T)") went to every rate; values before two labels sharing a plural group
word ("in the A alone and the A plus B arms") took the wrong arms; "than with both (20% vs
12%)" named no arm; and the zero of "(0 vs seven [5%])" lost its arm."""

from __future__ import annotations

from extract_helpers import ARM_ROW, P_ROW, arm_of, rows_of

TH = "docetaxel+trastuzumab"
THP = "docetaxel+pertuzumab+trastuzumab"
TWO_ARMS = (
    "Trastuzumab with or without pertuzumab in HER2-positive breast cancer\n\n"
    "Patients were randomly assigned to trastuzumab plus docetaxel or pertuzumab plus "
    "trastuzumab plus docetaxel. "
)
SINGLE_ARM = (
    "Neratinib in HER2-positive breast cancer\n\n"
    "In this single-arm trial, patients received neratinib. "
)


# 1. A denominator is never a value.
def test_denominator_of_a_count_bracket_is_no_rate(nlp):
    """ "50% [95 of 190] vs 40% [76 of 190]": two AE_G3 rates, one for each arm; no 190%."""
    text = TWO_ARMS + (
        "Grade 3 or higher adverse events occurred in 50% [95 of 190] vs 40% [76 of 190] of "
        "patients."
    )
    assert rows_of(nlp, text, ARM_ROW) == [
        ("AE_G3", "incidence", 50.0, TH),
        ("AE_G3", "incidence", 40.0, THP),
    ]


def test_denominator_in_round_brackets_is_no_rate(nlp):
    """ "pCR 45% (27 of 60) vs 62% (38 of 61)": the same with round brackets."""
    text = TWO_ARMS + "The pCR rate was 45% (27 of 60) vs 62% (38 of 61)."
    assert [r.value for r in rows_of(nlp, text, ARM_ROW)] == [45.0, 62.0]


def test_bare_count_compared_with_a_rate_still_inherits_its_unit(nlp):
    """Negative: "0 vs seven [5%]" still reads the zero as a rate (no "of" before it)."""
    text = TWO_ARMS + "Febrile neutropenia occurred in 0 vs seven [5%] patients."
    assert [r.value for r in rows_of(nlp, text, ARM_ROW)] == [0.0, 5.0]


# 2. A difference and its CI are no rates.
def test_difference_and_its_signed_ci_are_no_rates(nlp):
    """ "(difference, 4%; 95% CI, −2 to 10%)": only the two arms' rates are read."""
    text = TWO_ARMS + "The pCR rate was 45% vs 41% (difference, 4%; 95% CI, −2 to 10%)."
    assert [r.value for r in rows_of(nlp, text, ARM_ROW)] == [45.0, 41.0]


def test_delta_with_equals_sign_is_no_rate(nlp):
    """ "(Δ = 4%, 95% CI: −2 to 10%)": neither 4% nor 10% is a rate."""
    text = TWO_ARMS + "The pCR rate was 45% vs 41% (Δ = 4%, 95% CI: −2 to 10%)."
    assert [r.value for r in rows_of(nlp, text, ARM_ROW)] == [45.0, 41.0]


def test_difference_with_colon_is_no_rate(nlp):
    """ "(difference: 4%, 95% CI: -2.5 to 10.1%)": the same with a colon."""
    text = TWO_ARMS + "The pCR rate was 45% vs 41% (difference: 4%, 95% CI: -2.5 to 10.1%)."
    assert [r.value for r in rows_of(nlp, text, ARM_ROW)] == [45.0, 41.0]


def test_unsigned_ci_of_a_rate_is_still_read(nlp):
    """Negative: "45% (95% CI, 30 to 60%)" keeps its CI; no bound becomes a rate."""
    text = SINGLE_ARM + "The ORR was 45% (95% CI, 30 to 60%)."
    rows = rows_of(nlp, text, ("endpoint", "value", "ci_low", "ci_high"))
    assert rows == [("ORR", 45.0, 30.0, 60.0)]


# 3. A main verb after the value names its own end point; stable disease is no response.
def test_main_verb_after_the_value_names_its_end_point(nlp):
    """ "The ORR was 60%, and 45% of patients experienced grade 3 or higher adverse events":
    45% is AE_G3, not a second ORR."""
    text = SINGLE_ARM + (
        "The ORR was 60%, and 45% of patients experienced grade 3 or higher adverse events."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert [(r.endpoint, r.value) for r in rows] == [("ORR", 60.0), ("AE_G3", 45.0)]


def test_main_verb_had_after_a_count_bracket(nlp):
    """ "12 patients (10%) had a pathological complete response" after an ORR: pCR."""
    text = SINGLE_ARM + ("The ORR was 60%; 12 patients (10%) had a pathological complete response.")
    rows = rows_of(nlp, text, ARM_ROW)
    assert [(r.endpoint, r.value) for r in rows] == [("ORR", 60.0), ("pCR", 10.0)]


def test_stable_disease_is_no_response(nlp):
    """ "The ORR was 30%, with 40% of patients having stable disease": 40% is no ORR."""
    text = SINGLE_ARM + "The ORR was 30%, with 40% of patients having stable disease."
    assert [(r.endpoint, r.value) for r in rows_of(nlp, text, ARM_ROW)] == [("ORR", 30.0)]


def test_value_followed_by_a_verb_without_an_end_point_stays(nlp):
    """Negative: "The ORR was 45%, achieved within 8 weeks ..." keeps its ORR (no end point
    after the verb)."""
    text = SINGLE_ARM + "The ORR was 45%, achieved within 8 weeks in most responders."
    assert [(r.endpoint, r.value) for r in rows_of(nlp, text, ARM_ROW)] == [("ORR", 45.0)]


# 4. A pairwise label after its P.
TL = (
    "Trastuzumab, lapatinib or both\n\n"
    "Patients were randomly assigned to trastuzumab (T), lapatinib (L) or both (TL) with "
    "paclitaxel. pCR rates were 54% with T, 45% with L and 74% with TL "
)


def test_pair_label_after_the_p_goes_to_the_named_rates(nlp):
    """ "(P = .04 for TL vs T)": the P compares TL with T; L's rate takes none."""
    rows = rows_of(nlp, TL + "(P = .04 for TL vs T).", P_ROW)
    assert [(r.value, r.p) for r in rows] == [(54.0, "0.04"), (45.0, None), (74.0, "0.04")]


def test_second_label_after_its_p_picks_from_the_same_rates(nlp):
    """ "(P = .04 for TL vs T; P = .01 for TL vs L)": L's rate takes the second P."""
    rows = rows_of(nlp, TL + "(P = .04 for TL vs T; P = .01 for TL vs L).", P_ROW)
    assert [(r.value, r.p) for r in rows] == [(54.0, "0.04"), (45.0, "0.01"), (74.0, "0.04")]


def test_p_for_one_against_two_is_no_pair_label(nlp):
    """Negative: "(P = .04 for TL vs T and L)" names three arms: every rate keeps the P."""
    rows = rows_of(nlp, TL + "(P = .04 for TL vs T and L).", P_ROW)
    assert [r.p for r in rows] == ["0.04", "0.04", "0.04"]


# 5. Values before two labels sharing a plural group word.
ALONE_PLUS = (
    "Trastuzumab with or without pertuzumab in HER2-positive breast cancer\n\n"
    "Patients were randomly assigned to trastuzumab alone or trastuzumab plus pertuzumab. "
)


def test_values_before_labels_sharing_a_group_word_zip_in_order(nlp):
    """ "3.2 and 3.7 months in the trastuzumab alone and the trastuzumab plus pertuzumab arms":
    trastuzumab, then trastuzumab plus pertuzumab."""
    text = ALONE_PLUS + (
        "Median PFS was 3.2 and 3.7 months in the trastuzumab alone and the trastuzumab plus "
        "pertuzumab arms."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 3.2) == "trastuzumab"
    assert arm_of(rows, 3.7) == "pertuzumab+trastuzumab"


def test_values_before_labels_sharing_groups_zip_in_order(nlp):
    """ "... in the trastuzumab alone and trastuzumab plus pertuzumab groups": the same."""
    text = ALONE_PLUS + (
        "The ORR was 30% and 45% in the trastuzumab alone and trastuzumab plus pertuzumab groups."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 30.0) == "trastuzumab"
    assert arm_of(rows, 45.0) == "pertuzumab+trastuzumab"


def test_more_values_than_listed_labels_do_not_zip(nlp):
    """Negative: three values before two labels are not zipped with them in order."""
    text = ALONE_PLUS + (
        "The ORR was 30%, 35% and 45% in the trastuzumab alone and trastuzumab plus pertuzumab "
        "groups."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 30.0) != "trastuzumab"


# 6. "than with both" in an "A, B, or both" design.
def test_with_both_before_a_bracket_is_the_combination_arm(nlp):
    """ "more frequent with lapatinib than with both (20% vs 12%)": 12% is the combination's."""
    text = (
        "Lapatinib, trastuzumab or both in HER2-positive breast cancer\n\n"
        "Patients were randomly assigned to lapatinib, trastuzumab, or both. Diarrhea was more "
        "frequent with lapatinib than with both (20% vs 12%)."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 20.0) == "lapatinib"
    assert arm_of(rows, 12.0) == "lapatinib+trastuzumab"


def test_with_both_before_a_bracket_in_a_two_arm_design_names_nothing(nlp):
    """Negative: in a two-arm design "with both (...)" names no arm."""
    text = TWO_ARMS + "Diarrhea was reported with both (20% vs 12%)."
    rows = rows_of(nlp, text, ARM_ROW)
    assert "lapatinib+trastuzumab" not in [r.arm for r in rows]


# 7. The zero of "(0 vs seven [5%])".
LABELLED = (
    "Trastuzumab with or without pertuzumab in HER2-positive breast cancer\n\n"
    "Patients were randomly assigned to trastuzumab plus docetaxel (TH) or pertuzumab plus "
    "trastuzumab plus docetaxel (THP). "
)


def test_zero_before_a_bracketed_rate_is_the_first_group(nlp):
    """ "with TH versus THP (0 vs seven [5%])": 0 is TH's, 5% THP's."""
    text = LABELLED + "Febrile neutropenia occurred with TH versus THP (0 vs seven [5%])."
    assert rows_of(nlp, text, ARM_ROW) == [
        ("AE", "incidence", 0.0, TH),
        ("AE", "incidence", 5.0, THP),
    ]


def test_zeros_of_a_list_of_pairs_are_each_the_first_group(nlp):
    """ "febrile neutropenia (0 vs seven [5%]) and diarrhoea (0 vs 12 [8%])": both zeros TH."""
    text = LABELLED + (
        "Grade 3 or worse adverse events with TH versus THP included febrile neutropenia (0 vs "
        "seven [5%]) and diarrhoea (0 vs 12 [8%])."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert [r.arm for r in rows] == [TH, THP, TH, THP]


def test_count_compared_with_a_rate_keeps_its_pair(nlp):
    """Negative: "(3 [2%] vs seven [5%])" is an ordinary pair (as before)."""
    text = LABELLED + "Febrile neutropenia occurred with TH versus THP (3 [2%] vs seven [5%])."
    assert [(r.value, r.arm) for r in rows_of(nlp, text, ARM_ROW)] == [(2.0, TH), (5.0, THP)]
