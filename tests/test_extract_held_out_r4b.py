"""Held-out round 4 (b): metastatic abstracts outside the gold set (BOLERO-1, DETECT III,
PERNETTA, CEREBEL, ACE-Breast-02, a real-world T-DM1 vs lapatinib-capecitabine comparison),
each checking one reading that went wrong on them."""

from __future__ import annotations

import pytest
from extract_helpers import arms_of, rows_of, trials_in

BOLERO1 = (
    "Everolimus plus trastuzumab and paclitaxel as first-line treatment for HER2-positive "
    "advanced breast cancer (BOLERO-1): a phase 3, randomised, double-blind, multicentre trial\n\n"
    "Methods Patients were randomly assigned (2:1) to receive oral everolimus 10 mg per day or "
    "placebo plus weekly trastuzumab (4 mg/kg loading dose on day 1 with subsequent weekly "
    "2 mg/kg doses of each 4 week cycle) plus paclitaxel (80 mg/m2 on days 1, 8, and 15 of each "
    "4 week cycle).\n"
    "Findings 719 patients were randomly assigned to everolimus (n=480) or placebo (n=239). "
    "Median progression-free survival was 14·95 months (95% CI 14·55–17·91) with everolimus "
    "versus 14·49 months (12·29–17·08) with placebo (hazard ratio 0·89, 95% CI 0·73–1·08; "
    "p=0·1166)."
)


def test_a_later_randomisation_sentence_restates_the_arms(nlp):
    # "randomly assigned to everolimus (n=480) or placebo (n=239)" names the two arms the
    # Methods defined; it does not add an everolimus-only arm.
    assert arms_of(nlp, BOLERO1) == {
        14.95: "everolimus+paclitaxel+trastuzumab",
        14.49: "paclitaxel+trastuzumab",
    }


def test_a_later_randomisation_sentence_with_new_arms_still_defines_them(nlp):
    # Negative: the regimens of the later sentence are not parts of the defined arms.
    text = (
        "T\n\nPatients were randomly assigned to lapatinib plus capecitabine or trastuzumab plus "
        "capecitabine. In a second cohort, patients were randomly assigned to neratinib or "
        "tucatinib. Median PFS was 5.1 months with neratinib versus 6.2 months with tucatinib."
    )
    assert arms_of(nlp, text) == {5.1: "neratinib", 6.2: "tucatinib"}


DETECT3_PFS = (
    "Lapatinib in HER2-negative metastatic breast cancer with HER2-positive circulating tumor "
    "cells: the DETECT III trial\n\n"
    "Patients were randomized to standard therapy with or without lapatinib. "
    "Median PFS was 4.8 months in arm A and 6.9 months in arm B (P = .13). "
    "Median OS was 9.1 months (95% CI, 6.1-12.1 months) in arm A and 20.5 months (95% CI, "
    "12.8-28.2 months) in arm B (P = .009)."
)


def test_compared_medians_in_lettered_arms_share_their_p(nlp):
    # Medians compared with "and" across lettered arms, a P after them and no HR/OR in the
    # sentence: each median carries that P (as "4.8 vs 6.9 months (P = .13)" does).
    assert rows_of(nlp, DETECT3_PFS, ("endpoint", "measure", "value", "p")) == [
        ("PFS", "median", 4.8, "0.13"),
        ("PFS", "median", 6.9, "0.13"),
        ("OS", "median", 9.1, "0.009"),
        ("OS", "median", 20.5, "0.009"),
    ]


def test_compared_medians_with_their_regimens_share_their_p(nlp):
    text = (
        "T\n\nPatients were randomly assigned to lapatinib plus capecitabine or trastuzumab plus "
        "capecitabine. Median PFS was 6.6 months with lapatinib-capecitabine versus 8.1 months "
        "with trastuzumab-capecitabine (P = .02)."
    )
    assert rows_of(nlp, text, ("endpoint", "measure", "value", "p")) == [
        ("PFS", "median", 6.6, "0.02"),
        ("PFS", "median", 8.1, "0.02"),
    ]


def test_medians_next_to_a_hazard_ratio_keep_no_p(nlp):
    # Negative: with an HR in the sentence the P is the ratio's, not the medians'.
    text = (
        "T\n\nMedian PFS was 4.8 months in arm A and 6.9 months in arm B (hazard ratio, 0.71; "
        "95% CI, 0.50-0.99; P = .04)."
    )
    assert rows_of(nlp, text, ("endpoint", "measure", "value", "p")) == [
        ("PFS", "median", 4.8, None),
        ("PFS", "median", 6.9, None),
        ("PFS", "HR", 0.71, "0.04"),
    ]


DETECT3_ARMS = (
    "Lapatinib in HER2-negative metastatic breast cancer with HER2-positive circulating tumor "
    "cells: the DETECT III trial\n\n"
    "Interventions Patients were randomized to standard therapy with or without lapatinib.\n"
    "Results A total of 105 patients were randomized (arm A, standard therapy, n = 49; arm B, "
    "standard therapy plus lapatinib, n = 56). "
    "Median PFS was 4.8 months in arm A and 6.9 months in arm B (P = .13)."
)


def test_lettered_arms_listed_with_their_counts(nlp):
    # "(arm A, <regimen>, n = 49; arm B, <regimen>, n = 56)" labels the arms; arm A names no
    # drug, so its value has arm null.
    assert arms_of(nlp, DETECT3_ARMS) == {4.8: None, 6.9: "lapatinib"}


def test_lettered_counts_of_drugless_groups_define_no_arms(nlp):
    # Negative: entries without a drug (cohorts by disease) are not a design.
    text = (
        "T\n\nPatients were randomly assigned to lapatinib plus capecitabine or trastuzumab plus "
        "capecitabine (group 1, brain metastases, n = 40; group 2, no brain metastases, n = 60). "
        "Median PFS was 6.6 months with lapatinib-capecitabine and 8.1 months with "
        "trastuzumab-capecitabine."
    )
    assert arms_of(nlp, text) == {6.6: "capecitabine+lapatinib", 8.1: "capecitabine+trastuzumab"}


@pytest.mark.parametrize(
    ("text", "trials"),
    [
        (
            "The randomised PERNETTA trial (SAKK 22/10) examined first-line therapy.",
            ["PERNETTA", "SAKK 22/10"],
        ),
        ("In the phase 3 PERNETTA trial, patients received pertuzumab.", ["PERNETTA"]),
        (
            "In the randomized, open-label, phase III ABCDEF study, patients were enrolled.",
            ["ABCDEF"],
        ),
        # negatives: design words before a word that is not a name in capitals
        ("The randomised HER2-positive trial enrolled patients.", []),
        ("The randomized phase 3 BICR study was read centrally.", []),
        ("The pivotal Lapatinib trial enrolled patients.", []),
    ],
)
def test_a_trial_named_after_design_words(text, trials):
    assert trials_in(text) == trials


def test_a_value_compared_with_a_group_that_names_no_drug(nlp):
    # The reference after 42.9% is taken by it; 14.3% stands after "compared with", so it is the
    # other group's value (standard therapy, no drug): arm null.
    text = (
        "T\n\nDiarrhea of any grade occurred in 42.9% of patients receiving lapatinib compared "
        "with 14.3% of patients receiving standard therapy alone."
    )
    assert arms_of(nlp, text) == {42.9: "lapatinib", 14.3: None}


def test_later_values_of_a_single_arm_sentence_keep_its_arm(nlp):
    # Negative: no comparison word between the reference and the later value.
    text = (
        "T\n\nDiarrhea of any grade occurred in 42.9% of patients receiving lapatinib, and rash "
        "in 14.3%."
    )
    assert arms_of(nlp, text) == {42.9: "lapatinib", 14.3: "lapatinib"}


def test_an_end_point_in_the_next_clause_does_not_claim_a_value(extract):
    # Photophobia is outside the end-point lexicon; the ILD after the semicolon is the next
    # clause's, so 91.4% is not an ILD rate (5.9% is).
    text = (
        "ARX788 versus lapatinib plus capecitabine\n\n"
        "Photophobia (any grade) occurred in 91.4% of pts on ARX788; ILD was reported in 5.9%."
    )
    assert [(o.endpoint, o.value) for o in extract(text).outcomes] == [("ILD", 5.9)]


def test_an_end_point_after_a_value_in_its_own_clause_still_claims_it(extract):
    # Negative: no semicolon between the value and the end point after it.
    text = "T\n\nIn all, 12.5% had interstitial lung disease."
    assert [(o.endpoint, o.value) for o in extract(text).outcomes] == [("ILD", 12.5)]


ACE_BREAST02_OS = (
    "ARX788 versus lapatinib plus capecitabine in HER2-positive metastatic breast cancer "
    "(ACE-Breast-02): a randomized phase III study\n\n"
    "Methods: Patients were randomized 1:1 to ARX788 1.5 mg/kg Q3W or lapatinib plus "
    "capecitabine. Results: Median OS was not reached in either arm (HR 0.78, 95% CI "
    "0.54-1.11)."
)


def test_a_median_not_reached_in_either_arm_is_each_arms(extract):
    rows = [(o.endpoint, o.value, o.arm) for o in extract(ACE_BREAST02_OS).outcomes]
    assert sorted(rows[:2]) == [("OS", None, "arx788"), ("OS", None, "capecitabine+lapatinib")]
    assert rows[2] == ("OS", 0.78, None)


def test_either_arm_of_a_three_arm_design_stays_one_row(extract):
    # Negative: "either arm" of a design with three arms names no two arms.
    text = (
        "T\n\nPatients were randomly assigned to lapatinib, trastuzumab, or neratinib. "
        "Median OS was not reached in either arm."
    )
    assert [(o.endpoint, o.value, o.arm) for o in extract(text).outcomes] == [("OS", None, None)]
