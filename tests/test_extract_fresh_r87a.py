"""Round 87a: cohort scopes across sentences. In a multicohort study whose cohorts each carry
their own regimen, a Results sentence that scopes to one cohort ("40 pts were treated in cohort
A") or to a pool of cohorts of one regimen ("In cohorts A and B combined, ...") was read only
for its own sentence: the medians and safety rates of the sentences after it, which name no
cohort, arm or drug, stayed null, and a one-regimen pool named only one value of its own
sentence ("in cohorts A and B was diarrhoea (64%), and ... hypertension (7%)")."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, arms_with, rows_of

MR = "margetuximab+retifanlimab"
HT = "trastuzumab+tucatinib"

MOUNTAINEER = (
    "Tucatinib plus trastuzumab for chemotherapy-refractory, HER2-positive, RAS wild-type "
    "metastatic colorectal cancer (MOUNTAINEER): a multicentre, open-label, phase 2 study\n\n"
    "Methods: Adults with chemotherapy-refractory, HER2-positive, RAS wild-type unresectable "
    "or metastatic colorectal cancer initially received tucatinib 300 mg orally twice daily "
    "plus trastuzumab (8 mg/kg intravenous loading dose, then 6 mg/kg every 21 days) in "
    "cohort A; the study was then expanded, and patients were randomly assigned (4:3) to "
    "tucatinib plus trastuzumab (cohort B) or tucatinib monotherapy (cohort C). The primary "
    "endpoint was confirmed objective response rate by blinded independent central review in "
    "cohorts A and B combined. Findings Between Nov 8, 2017, and Sept 22, 2021, 116 patients "
    "were enrolled (45 in cohort A, 41 in cohort B, and 30 in cohort C). In cohorts A and B "
    "combined, 32 of 84 patients in the response-evaluable population had a confirmed "
    "objective response (38·1%, 95% CI 27·7–49·3). Median duration of response was 12·4 "
    "months (95% CI 8·5–20·5), median progression-free survival was 8·2 months (4·2–10·3), "
    "and median overall survival was 24·1 months (20·3–36·7). Tucatinib monotherapy in "
    "cohort C produced a confirmed objective response in one of 30 patients (3·3%, 95% CI "
    "0·1–17·2). The most common adverse event in cohorts A and B was diarrhoea (64%), and "
    "the most common grade 3 or worse adverse event was hypertension (7%). No deaths were "
    "attributed to treatment."
)

MAHOGANY = (
    "MAHOGANY cohort A: Margetuximab plus retifanlimab as chemotherapy-free first-line "
    "therapy for HER2-positive, PD-L1-positive gastroesophageal adenocarcinoma\n\n"
    "Background: Margetuximab, an Fc-engineered anti-HER2 mAb, combined with the anti-PD-1 "
    "mAb pembrolizumab showed activity in pretreated HER2+ gastroesophageal adenocarcinoma "
    "(GEA). MAHOGANY is a phase 2/3 study; cohort A evaluates margetuximab + retifanlimab "
    "(M+R) without chemotherapy in 1L HER2 IHC 3+, PD-L1+ GEA, and cohort B evaluated "
    "margetuximab with retifanlimab or tebotelimab plus chemotherapy. Methods: Pts received "
    "margetuximab 15 mg/kg + retifanlimab 375 mg q3w. Primary endpoint of cohort A: "
    "confirmed ORR by BICR. Results: As of data cutoff, 40 pts were treated in cohort A; "
    "median f/u 11.3 mo. Confirmed ORR was 53% (95% CI 36.1-68.5), DCR 73%, mDOR 10.3 mo "
    "(95% CI 4.6-NR) and mPFS 6.4 mo. Gr ≥3 TRAEs occurred in 20% of pts; no "
    "treatment-related deaths. Cohort B enrollment was stopped for business reasons, with no "
    "efficacy analysis."
)

# A randomised design of lettered arms: an arm named in one sentence does not carry on.
ARM_DESIGN = (
    "Patients were randomly assigned to trastuzumab plus docetaxel (arm A) or lapatinib plus "
    "capecitabine (arm B). In arm A, ORR was 40%. Median PFS was 8 months."
)


def test_pool_scope_carries_to_following_medians(nlp):
    """ "In cohorts A and B combined, ... (38·1%)": the medians of the next sentence, which
    names no cohort, are the pool's regimen."""
    rows = rows_of(nlp, MOUNTAINEER, ARM_ROW)
    assert arm_of(rows, 38.1) == HT
    assert arm_of(rows, 12.4) == HT
    assert arm_of(rows, 8.2) == HT
    assert arm_of(rows, 24.1) == HT


def test_sentence_with_own_cohort_and_drug_wins(nlp):
    """ "Tucatinib monotherapy in cohort C ... (3·3%)": its own scope, not the carried pool."""
    assert arm_of(rows_of(nlp, MOUNTAINEER, ARM_ROW), 3.3) == "tucatinib"


def test_pool_reference_reaches_every_value_of_its_sentence(nlp):
    """ "in cohorts A and B was diarrhoea (64%), and ... hypertension (7%)": both values."""
    rows = rows_of(nlp, MOUNTAINEER, ARM_ROW)
    assert arm_of(rows, 64.0) == HT
    assert arm_of(rows, 7.0) == HT


def test_reported_cohort_scope_carries_to_following_sentences(nlp):
    """ "40 pts were treated in cohort A; ... Confirmed ORR was 53% ... mPFS 6.4 mo. Gr ≥3
    TRAEs occurred in 20% of pts": every value is cohort A's regimen."""
    rows = rows_of(nlp, MAHOGANY, ARM_ROW)
    for value in (53.0, 73.0, 10.3, 6.4, 20.0):
        assert arms_with(rows, value) == [MR], value


def test_lettered_arm_of_randomised_design_does_not_carry(nlp):
    """Negative: "In arm A, ORR was 40%. Median PFS was 8 months." in a randomised design of
    arms: the next sentence's median is not arm A's."""
    rows = rows_of(nlp, ARM_DESIGN, ARM_ROW)
    assert arm_of(rows, 40.0) == "docetaxel+trastuzumab"
    assert arm_of(rows, 8.0) is None


def test_scope_ends_at_a_sentence_naming_several_cohorts(nlp):
    """Negative: a sentence naming two cohorts of different regimens ends the scope: the
    median after it is no cohort's."""
    text = (
        "Patients received tucatinib plus trastuzumab (cohort A) or tucatinib alone (cohort "
        "B). In cohort A, the objective response rate was 45.0%. Responses were seen in "
        "cohort A and in cohort B. Median progression-free survival was 6.2 months."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 45.0) == HT
    assert arm_of(rows, 6.2) is None


def test_value_before_the_cohort_reference_is_not_scoped(nlp):
    """Negative: in the sentence that scopes, only values after the cohort reference take it:
    "The ORR was 30.0% in all patients" before "and ... in cohort A" stays null."""
    text = (
        "Patients received tucatinib plus trastuzumab (cohort A) or tucatinib alone (cohort "
        "B). The objective response rate was 30.0% in all patients; among patients treated in "
        "cohort A, the disease control rate was 70.0%."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 30.0) is None
    assert arm_of(rows, 70.0) == HT


def test_cohorts_of_one_regimen_set_no_scope(nlp):
    """Negative: cohorts that all receive one regimen are no arms of their own: "In cohort A,
    ..." does not carry to the whole population's safety rate after it."""
    text = (
        "Patients with brain metastases received pyrotinib plus capecitabine (cohort A), "
        "and patients without them received pyrotinib plus capecitabine (cohort B). In "
        "cohort A, the objective response rate was 45.0%. Grade 3 or worse adverse events "
        "occurred in 30.0% of patients."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    # (the cohort reference resolves, so only the one-regimen rule keeps the scope off)
    assert arm_of(rows, 45.0) == "capecitabine+pyrotinib"
    assert arm_of(rows, 30.0) is None


def test_no_carry_after_cohorts_reported_in_turn(nlp):
    """Negative: "In cohort A, ... In cohort B, ..." reports the cohorts in turn: the safety
    rate of the next, unscoped sentence is the whole population's, not cohort B's."""
    text = (
        "Patients received tucatinib plus trastuzumab (cohort A) or tucatinib alone (cohort "
        "B). In cohort A, the objective response rate was 45.0%. In cohort B, the objective "
        "response rate was 12.0%. Grade 3 or worse adverse events occurred in 30.0% of "
        "patients."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 12.0) == "tucatinib"
    assert arm_of(rows, 30.0) is None
