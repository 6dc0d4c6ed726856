"""Held-out round 4 (a): de-escalation trials outside the gold set (PHERGain, NSABP B-47, NOAH,
WSG-ADAPT-TP, Short-HER, PREDIX HER2), each checking one reading that went wrong on them: a
count's share of a named subset of a group ("of 227 PET responders in group B"), a class-only
arm named "chemotherapy alone" or by a bare "without" before the statistic's bracket, a regimen
abbreviation inside a hyphenated trial name, a non-inferiority margin read as a hazard ratio, a
ratio about adverse events carried to the previous sentence's end point, and a trial named with
its subtype ("the PREDIX HER2 trial")."""

from __future__ import annotations

import pytest
from extract_helpers import arms_of, registry_of, trials_in

PHERGAIN = (
    "Early metabolic response with chemotherapy-free trastuzumab and pertuzumab (PHERGain): a "
    "randomised, open-label, phase 2 trial\n\n"
    "Methods Patients were randomly assigned (1:4) to docetaxel, carboplatin, trastuzumab, and "
    "pertuzumab (group A) or trastuzumab and pertuzumab (group B).\n"
    "Findings Pathological complete response was achieved in 86 (37·9%; 97·5% CI 31·6–44·5; "
    "p<0·0001) of 227 PET responders in group B and in 41 (57·7%; 95% CI 45·4–69·4) of 71 "
    "patients in group A. Grade 3 or worse adverse events occurred in 43 (61%) of 71 patients in "
    "group A and in two (1%) of 227 PET responders in group B."
)
TCHP = "carboplatin+docetaxel+pertuzumab+trastuzumab"
HP = "pertuzumab+trastuzumab"

B47 = (
    "NSABP B-47 Phase III Randomized Trial Comparing Adjuvant Chemotherapy With or Without "
    "Trastuzumab\n\n"
    "PATIENTS AND METHODS Women were randomly assigned to chemotherapy (either docetaxel plus "
    "cyclophosphamide for six cycles, or doxorubicin plus cyclophosphamide followed by weekly "
    "paclitaxel) with or without trastuzumab for 1 year.\n"
    "RESULTS The estimated 5-year IDFS was 89.8% for chemotherapy plus trastuzumab and 89.2% for "
    "chemotherapy alone (hazard ratio [HR], 0.98; 95% CI, 0.76 to 1.25; P = .85). Five-year "
    "overall survival was 94.8% with trastuzumab and 96.3% without (HR, 1.33; 95% CI, 0.90 to "
    "1.95; P = .14). Grade 4 toxicity occurred in 6.4% of patients receiving chemotherapy plus "
    "trastuzumab and 4.2% of patients receiving chemotherapy alone."
)
NOAH = (
    "Neoadjuvant chemotherapy with trastuzumab followed by adjuvant trastuzumab versus neoadjuvant "
    "chemotherapy alone (the NOAH trial)\n\n"
    "Background We assessed event-free survival in patients with HER2-positive locally advanced "
    "breast cancer receiving neoadjuvant chemotherapy with or without 1 year of trastuzumab.\n"
    "Findings 3-year event-free survival was 71% [95% CI 61–78] with trastuzumab, vs 56% "
    "[46–65] without (hazard ratio 0·59 [95% CI 0·38–0·90]; p=0·013)."
)
ADAPT_TP = (
    "De-Escalation Strategies in HER2-Positive Early Breast Cancer: 12 Weeks of Neoadjuvant "
    "Trastuzumab Emtansine With or Without Endocrine Therapy Versus Trastuzumab Plus Endocrine "
    "Therapy\n\n"
    "Purpose The WSG-ADAPT-TP trial investigated whether 12 weeks of trastuzumab emtansine "
    "(T-DM1) could achieve pathologic complete response (pCR) without chemotherapy."
)
SHORT_HER = (
    "9 weeks versus 1 year adjuvant trastuzumab in combination with chemotherapy: final results "
    "of the phase III randomized Short-HER study\n\n"
    "Patients and methods: The primary end point was disease-free survival (DFS). "
    "Non-inferiority of the short arm required the upper limit of the 90% confidence interval "
    "(CI) of the hazard ratio (HR) not to exceed 1.29.\n"
    "Results: Five-year overall survival was 95% in both arms (HR 1.06, 90% CI 0.73-1.55). "
    "Severe cardiac toxicity occurred in 4.3% of patients in arm A and 0.9% of patients in arm "
    "B, and the risk of cardiac events was significantly lower in the short arm (HR 0.32, 95% "
    "CI 0.21-0.50; P < 0.0001)."
)


# --- "of <count> <subset> in group B" --------------------------------------------------------


def test_a_share_of_a_named_subset_of_a_group_is_that_groups(nlp):
    assert arms_of(nlp, PHERGAIN) == {37.9: HP, 57.7: TCHP, 61.0: TCHP, 1.0: HP}


@pytest.mark.parametrize(
    "tail",
    [
        # a joiner between the count and the group: the group is another value's
        "of 227 patients and 12% in group B.",
        # a subset described by more than three words
        "of 227 patients with a complete metabolic response in group B.",
    ],
)
def test_a_share_of_a_subset_needs_a_short_subset_noun(nlp, tail):
    text = (
        "Title\n\nPatients were randomly assigned to docetaxel and trastuzumab (group A) or "
        "trastuzumab (group B). Pathological complete response was achieved in 86 (37.9%) " + tail
    )
    assert arms_of(nlp, text)[37.9] is None


# --- class-only arm: "chemotherapy alone", a bare "without" -----------------------------------


def test_chemotherapy_alone_and_without_name_the_arm_with_no_named_drug(nlp):
    # Before: 89.2, 96.3 and 4.2 went to the nearest regimen, "trastuzumab".
    assert arms_of(nlp, B47) == {
        89.8: "trastuzumab",
        89.2: None,
        94.8: "trastuzumab",
        96.3: None,
        6.4: "trastuzumab",
        4.2: None,
    }


def test_without_before_the_statistics_bracket(nlp):
    assert arms_of(nlp, NOAH) == {71.0: "trastuzumab", 56.0: None}


def test_a_drug_alone_is_still_its_arm(nlp):
    # Negative: "docetaxel alone" names a drug, so the arm is docetaxel's, not a class arm.
    text = (
        "Title\n\nPatients were randomly assigned to docetaxel with or without trastuzumab. "
        "The response rate was 61% for docetaxel plus trastuzumab and 34% for docetaxel alone."
    )
    assert arms_of(nlp, text) == {61.0: "docetaxel+trastuzumab", 34.0: "docetaxel"}


def test_without_needs_an_arm_without_a_named_drug(nlp):
    # Negative: both arms name drugs and X's arm has no other drug: "without" names no arm.
    text = (
        "Title\n\nPatients were randomly assigned to lapatinib or trastuzumab. "
        "The response rate was 40% with trastuzumab and 30% without (P = .02)."
    )
    assert arms_of(nlp, text)[30.0] == "trastuzumab"


# --- a short form hyphenated onto a trial acronym ---------------------------------------------


def test_a_regimen_short_form_inside_a_trial_name_is_no_drug(extract):
    ext = extract(ADAPT_TP)
    assert ext.drugs == ["trastuzumab", "trastuzumab emtansine"]
    assert ext.trials == ["WSG-ADAPT-TP"]


@pytest.mark.parametrize(
    ("text", "drugs"),
    [
        # a short form after a regimen short form stays ("AC-TH": AC, then TH)
        ("Title\n\nPatients received AC-TH or TCH.", ["carboplatin", "cyclophosphamide",
                                                      "docetaxel", "doxorubicin", "trastuzumab"]),
        ("Title\n\nPatients received TP every 3 weeks.", ["docetaxel", "pertuzumab"]),
    ],
)  # fmt: skip
def test_short_forms_outside_names_stay(extract, text, drugs):
    assert extract(text).drugs == drugs


# --- design margins and ratios about adverse events -------------------------------------------


def test_a_non_inferiority_margin_is_not_a_value(extract):
    rows = [(o.endpoint, o.measure, o.value) for o in extract(SHORT_HER).outcomes]
    assert ("DFS", "HR", 1.29) not in rows
    assert ("OS", "HR", 1.06) in rows


def test_a_ratio_after_an_adverse_event_does_not_take_the_previous_end_point(extract):
    rows = [(o.endpoint, o.measure, o.value) for o in extract(SHORT_HER).outcomes]
    assert all(v != 0.32 for _, _, v in rows)
    assert ("AE_G3", "incidence", 4.3) in rows


def test_a_ratio_in_its_own_sentence_still_carries_the_end_point(extract):
    # Negative: no adverse event in the ratio's sentence, so the previous end point carries.
    text = (
        "Title\n\nMedian overall survival was 30 months with lapatinib. The hazard ratio was "
        "0.75 (95% CI, 0.6 to 0.9; P = .01)."
    )
    rows = [(o.endpoint, o.measure, o.value) for o in extract(text).outcomes]
    assert ("OS", "HR", 0.75) in rows


# --- a trial named with its subtype -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "trials"),
    [
        ("The PREDIX HER2 trial was a randomized phase 2 trial.", ["PREDIX HER2"]),
        ("Results of the ADAPT HER2+ study are reported.", ["ADAPT HER2+"]),
        # the first word is no name
        ("In the adjuvant HER2 trial, patients were followed.", []),
        ("In the HER2 HER2 study, patients were followed.", []),
    ],
)
def test_a_trial_named_with_its_subtype(text, trials):
    assert trials_in(text) == trials


# --- lettered arms described by a verb ("Arm A consisted of ...") -----------------------------

SHORT_HER_ARMS = (
    "9 weeks versus 1 year adjuvant trastuzumab in combination with chemotherapy: the Short-HER "
    "study\n\n"
    "Patients and methods: Patients were randomly assigned to arm A (long) or arm B (short). Arm "
    "A consisted of doxorubicin plus cyclophosphamide every 3 weeks for four courses followed by "
    "docetaxel every 3 weeks plus trastuzumab for 1 year; arm B consisted of docetaxel every 3 "
    "weeks for three courses plus weekly trastuzumab for 9 weeks followed by fluorouracil, "
    "epirubicin and cyclophosphamide for three courses.\n"
    "Results: 5-year DFS was 88% in the long arm and 85% in the short arm (HR 1.13, 90% CI "
    "0.89-1.42). Severe cardiac toxicity occurred in 4.3% of patients in arm A and 0.9% of "
    "patients in arm B."
)
LONG = "cyclophosphamide+docetaxel+doxorubicin+trastuzumab"
SHORT = "cyclophosphamide+docetaxel+epirubicin+fluorouracil+trastuzumab"


def test_lettered_arms_described_by_consisted_of_and_their_bracketed_names(nlp):
    # Before: no arm was defined, and every value had arm null.
    assert arms_of(nlp, SHORT_HER_ARMS) == {88.0: LONG, 85.0: SHORT, 4.3: LONG, 0.9: SHORT}
    reg = registry_of(nlp, SHORT_HER_ARMS)
    assert [sorted(a.labels) for a in reg.arms] == [["a", "long"], ["b", "short"]]


def test_lettered_descriptions_in_separate_sentences(nlp):
    text = (
        "Title\n\nPatients were randomly assigned to group A or group B. Group A consisted of "
        "docetaxel plus trastuzumab. Group B consisted of vinorelbine plus trastuzumab. The "
        "response rate was 60% in group A and 50% in group B."
    )
    assert arms_of(nlp, text) == {60.0: "docetaxel+trastuzumab", 50.0: "trastuzumab+vinorelbine"}


@pytest.mark.parametrize(
    "methods",
    [
        # one description only: no design
        "Arm A consisted of docetaxel plus trastuzumab.",
        # descriptions of populations, not regimens
        "Arm A consisted of 120 patients; arm B consisted of 118 patients.",
    ],
)
def test_lettered_descriptions_need_two_regimens(nlp, methods):
    text = "Title\n\nPatients were randomly assigned to arm A or arm B. " + methods
    assert registry_of(nlp, text).arms == []
