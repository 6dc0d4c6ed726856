"""Review of round 27 (pipeline 0.3.44). A landmark after a compared pair dated shares of an end
point's events as its rates ("IDFS events occurred in 7.1% vs 8.7% after 3 years" became IDFS
rates of 7.1% and 8.7%); "X alone" in an add-on design named the base arm even in a background
sentence naming no other regimen ("Historically, docetaxel alone gave ..."); and a study that
names itself by its acronym only after the design sentence has its own sentences read as
another trial's, so its class-written arm is no longer filled."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, rows_of

TRIAL = (
    "Adjuvant pertuzumab in HER2-positive early breast cancer\n\n"
    "Patients were randomized to trastuzumab plus pertuzumab or trastuzumab plus placebo. "
)


def test_events_share_with_landmark_after_pair_is_no_rate(nlp):
    """ "IDFS events occurred in 7.1% vs 8.7% after 3 years": shares of events, no IDFS rate."""
    rows = rows_of(nlp, TRIAL + "IDFS events occurred in 7.1% vs 8.7% after 3 years.", ARM_ROW)
    assert [r for r in rows if r[2] in (7.1, 8.7)] == []


def test_first_event_share_with_landmark_after_pair_is_no_rate(nlp):
    """ "CNS relapse as first IDFS event was 1.9% vs 1.8% at 6 years" is no IDFS rate."""
    text = TRIAL + "CNS relapse as first IDFS event was 1.9% vs 1.8% at 6 years."
    assert [r for r in rows_of(nlp, text, ARM_ROW) if r[0] == "IDFS"] == []


def test_survival_pair_with_landmark_after_is_still_dated(nlp):
    """Negative: without "events", "OS was 94.8% and 93.9%, after 6 years" are OS rates."""
    text = TRIAL + "Overall survival was 94.8% and 93.9%, after 6 years of follow-up."
    rows = rows_of(nlp, text, ARM_ROW)
    assert ("OS", "rate", 94.8, "pertuzumab+trastuzumab") in rows
    assert ("OS", "rate", 93.9, "trastuzumab") in rows


ADD_ON = (
    "Pertuzumab plus trastuzumab and docetaxel for HER2-positive metastatic breast cancer\n\n"
    "In this phase III trial, 808 patients were randomly assigned to pertuzumab plus trastuzumab "
    "and docetaxel or placebo plus trastuzumab and docetaxel. Median PFS was 18.7 months with "
    "pertuzumab and 12.4 months with placebo. "
)


def test_backbone_drug_alone_in_background_sentence_names_no_arm(nlp):
    """ "Historically, docetaxel alone gave 6.1 months": no other regimen is contrasted, so it
    is no add-on design's base arm."""
    text = ADD_ON + "Historically, docetaxel alone gave a median PFS of 6.1 months."
    assert arm_of(rows_of(nlp, text, ARM_ROW), 6.1) is None


def test_drug_alone_contrasted_in_three_arm_design_names_the_base_arm(nlp):
    """Negative: contrasted with another regimen, "trastuzumab alone" in a design adding
    lapatinib to trastuzumab and paclitaxel is the arm without lapatinib."""
    text = (
        "Trastuzumab, lapatinib or both in HER2-positive breast cancer\n\n"
        "Patients were randomly assigned to trastuzumab plus paclitaxel, lapatinib plus "
        "paclitaxel, or trastuzumab plus lapatinib plus paclitaxel. pCR was 29.5% with "
        "trastuzumab alone and 24.7% with lapatinib alone."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 29.5) == "paclitaxel+trastuzumab"
    assert arm_of(rows, 24.7) == "lapatinib+paclitaxel"


def test_study_named_by_its_acronym_after_design_still_fills_its_arm(nlp):
    """A study naming itself only in the results ("In the PYROC-01 trial, ...") is no other
    trial: capecitabine there is the study's pyrotinib-plus-chemotherapy arm (a trial first
    named after the design blocks the fill only in a sentence that cites)."""
    text = (
        "Pyrotinib plus chemotherapy in HER2-positive metastatic breast cancer\n\n"
        "In this single-arm phase II study, patients received pyrotinib plus chemotherapy. "
        "In the PYROC-01 trial, the objective response rate was 45.0% with capecitabine."
    )
    assert arm_of(rows_of(nlp, text, ARM_ROW), 45.0) == "capecitabine+pyrotinib"
