"""Held-out round 14 (b): three-arm HER2 trials with class arms and endocrine backbones
(ALTERNATIVE, BCIRG 006, CHER-LOB), each checking one reading that went wrong on them."""

from __future__ import annotations

from extract_helpers import P_ROW, parsed_values, rows_of

ALTERNATIVE = (
    "Dual HER2 blockade with lapatinib and trastuzumab plus an aromatase inhibitor: the "
    "ALTERNATIVE trial\n\n"
    "Purpose: The study evaluated dual HER2 blockade plus an aromatase inhibitor (AI) in "
    "postmenopausal women. Methods: Patients were randomly assigned 1:1:1 to receive lapatinib plus trastuzumab plus an "
    "AI (L+T+AI), trastuzumab plus an AI (T+AI), or lapatinib plus an AI (L+AI). Results: The "
    "overall response rate was 31.7%, 13.7% and 18.6% in the L+T+AI, T+AI and L+AI arms, "
    "respectively."
)


def test_a_class_label_every_arm_shares_does_not_name_one_arm(nlp):
    # "the L+AI arms": the backbone class "AI" labels all three arms, so it named the first
    # (lapatinib+trastuzumab), giving 18.6% the wrong arm and leaving the other two null.
    assert rows_of(nlp, ALTERNATIVE, P_ROW) == [
        ("ORR", "rate", 31.7, None, "lapatinib+trastuzumab"),
        ("ORR", "rate", 13.7, None, "trastuzumab"),
        ("ORR", "rate", 18.6, None, "lapatinib"),
    ]


def test_a_label_only_one_arm_carries_still_names_its_group(nlp):
    # negative: a label of one arm ("(control arm)") still resolves "the control arm".
    text = (
        "Trial\n\nPatients were randomly assigned to lapatinib plus letrozole (combination arm) "
        "or letrozole alone (control arm). The response rate was 28% in the combination arm and "
        "15% in the control arm."
    )
    assert rows_of(nlp, text, P_ROW) == [
        ("ORR", "rate", 28.0, None, "lapatinib+letrozole"),
        ("ORR", "rate", 15.0, None, "letrozole"),
    ]


CHER_LOB = (
    "Preoperative chemotherapy plus trastuzumab, lapatinib, or both: the CHER-LOB study\n\n"
    "Patients were randomly assigned to paclitaxel plus trastuzumab (arm A) or paclitaxel plus "
    "lapatinib (arm B). A pCR was achieved by 45% of patients in arm A. Conclusion: Chemotherapy "
    "plus dual HER2 blockade increased the pCR rate by 80% compared with chemotherapy plus either "
    "trastuzumab or lapatinib alone."
)


def test_a_percentage_after_a_change_verb_and_by_is_no_rate(nlp):
    # "increased the pCR rate by 80%": the size of a change, read as an 80% pCR rate; "achieved
    # by 45% of patients" (no change verb) stays a rate.
    assert rows_of(nlp, CHER_LOB, P_ROW) == [("pCR", "rate", 45.0, None, "paclitaxel+trastuzumab")]


BCIRG_006 = (
    "Adjuvant trastuzumab in HER2-positive breast cancer: BCIRG 006\n\n"
    "Methods: We randomly assigned 3222 women to receive doxorubicin and cyclophosphamide "
    "followed by docetaxel every 3 weeks (AC-T), the same regimen plus 52 weeks of trastuzumab "
    "(AC-TH), or docetaxel and carboplatin plus 52 weeks of trastuzumab (TCH). Results: The rates "
    "of congestive heart failure were significantly higher with AC-TH than with TCH (2.0% vs. "
    "0.4%, P<0.001)."
)


def test_an_organ_failure_before_a_regimen_is_no_prior_therapy(nlp):
    # "heart failure ... with AC-TH": "failure" read as a prior treatment failure, so AC-TH was
    # dropped and 2.0% took TCH (0.4% none).
    assert rows_of(nlp, BCIRG_006, P_ROW) == [
        ("AE", "incidence", 2.0, "<0.001", "cyclophosphamide+docetaxel+doxorubicin+trastuzumab"),
        ("AE", "incidence", 0.4, "<0.001", "carboplatin+docetaxel+trastuzumab"),
    ]


def test_a_treatment_failure_before_a_regimen_stays_prior_therapy(nlp):
    # negative: "after failure of trastuzumab" is still a therapy the patients had before, so
    # the response rate takes the assigned arm, not trastuzumab.
    text = (
        "Trial\n\nPatients were randomly assigned to lapatinib plus capecitabine or capecitabine "
        "alone. Among patients with progression after failure of trastuzumab, the response rate "
        "was 24% with lapatinib plus capecitabine."
    )
    assert rows_of(nlp, text, P_ROW) == [("ORR", "rate", 24.0, None, "capecitabine+lapatinib")]


def test_ratios_each_named_for_a_compared_pair_are_listed():
    # BCIRG 006: "0.64 for AC-TH versus AC-T (P<0.001) and 0.75 for TCH versus AC-T (P=0.04)":
    # the pair after "for" hid the first P and the second ratio.
    text = (
        "The hazard ratio for disease-free survival was 0.64 for AC-TH versus AC-T (P<0.001) "
        "and 0.75 for TCH versus AC-T (P=0.04)."
    )
    assert parsed_values(text) == [
        ("HR", 0.64, None, None, "<0.001"),
        ("HR", 0.75, None, None, "0.04"),
    ]


def test_a_ratio_for_a_subgroup_without_a_compared_pair_keeps_its_reading():
    # negative: "for patients with ..." names no compared pair, so the phrase is not skipped.
    text = "The hazard ratio was 0.70 for patients with nodes (95% CI 0.5-0.9) and 0.80 for others."
    assert parsed_values(text) == [("HR", 0.7, None, None, None)]
