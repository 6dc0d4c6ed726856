"""Held-out round 17 (d): colon-style lettered arms and chemotherapy chosen per patient.
Short-HER (Conte 2018): "randomly assigned to arm A (long): four cycles of doxorubicin and
cyclophosphamide or epirubicin and cyclophosphamide followed by ..., or arm B (short): ..."
defined no lettered arm (the bracketed second name stood between the letter and its colon), so
"88% in arm A and 85% in arm B" had arm null and "the short arm" took the first regimen written
("doxorubicin and cyclophosphamide"). NSABP B-47 (Fehrenbacher 2020): "chemotherapy (TC or
AC then paclitaxel) with or without trastuzumab" is arm "trastuzumab" and a drugless arm
(per-patient chemotherapy is no part of an arm, as in the gold README's SOPHIA convention);
"The 5-year overall survival was 94.8% versus 96.3%" after "89.8% with chemotherapy plus
trastuzumab and 89.2% with chemotherapy alone" did not carry that order: a comparison with the
drugless arm was never the comparison under discussion (its arm is null, like no arm at all)."""

from __future__ import annotations

import pytest
from extract_helpers import arms_of, registry_of

SHORT_HER = (
    "9 weeks versus 1 year adjuvant trastuzumab in combination with chemotherapy: final results "
    "of the phase III randomized Short-HER study\n\n"
    "Patients and methods: Patients with HER2-positive early breast cancer were randomly "
    "assigned to arm A (long): four cycles of doxorubicin and cyclophosphamide or epirubicin and "
    "cyclophosphamide followed by four cycles of docetaxel plus 18 doses of trastuzumab every 3 "
    "weeks, or arm B (short): three cycles of docetaxel plus nine weekly doses of trastuzumab "
    "followed by three cycles of fluorouracil, epirubicin and cyclophosphamide. The primary end "
    "point was disease-free survival (DFS).\n"
    "Results: After a median follow-up of 5.2 years, 5-year DFS was 88% in arm A and 85% in arm "
    "B (HR 1.13; 90% CI 0.89-1.42). Severe cardiac toxicity was significantly lower in the short "
    "arm (4% versus 13%; HR 0.32; 95% CI 0.21-0.50; P < 0.0001)."
)
# Arm A: what every patient got (doxorubicin or epirubicin was chosen per patient).
LONG = "cyclophosphamide+docetaxel+trastuzumab"
SHORT = "cyclophosphamide+docetaxel+epirubicin+fluorouracil+trastuzumab"

B47 = (
    "NSABP B-47/NRG Oncology Phase III Randomized Trial Comparing Adjuvant Chemotherapy With or "
    "Without Trastuzumab in High-Risk Invasive Breast Cancer\n\n"
    "METHODS\nWomen were randomly assigned to chemotherapy (docetaxel plus cyclophosphamide for "
    "six cycles or doxorubicin plus cyclophosphamide followed by weekly paclitaxel) with or "
    "without trastuzumab for 1 year. The primary end point was IDFS.\n\n"
    "RESULTS\nOf 3,270 patients randomly assigned, 1,634 received chemotherapy plus trastuzumab "
    "and 1,636 received chemotherapy alone. After a median follow-up of 46 months, the estimated "
    "5-year IDFS was 89.8% with chemotherapy plus trastuzumab and 89.2% with chemotherapy alone "
    "(hazard ratio, 0.98; 95% CI, 0.76 to 1.25; P = .85). The 5-year overall survival was 94.8% "
    "versus 96.3% (hazard ratio, 1.33; 95% CI, 0.90 to 1.96; P = .14)."
)


# --- "arm A (long): <regimen>, or arm B (short): <regimen>" -----------------------------------


def test_colon_lettered_arms_with_a_bracketed_second_name(nlp):
    """ "arm A (long): ..." defines lettered arm A, and "long" is its second label."""
    reg = registry_of(nlp, SHORT_HER)
    assert [(a.name, sorted(a.labels)) for a in reg.arms] == [
        (LONG, ["a", "long"]),
        (SHORT, ["b", "short"]),
    ]


def test_values_in_arm_a_and_arm_b_and_the_short_arm(nlp):
    """Before: 88 and 85 had arm null, and 4% (the short arm's) went to doxorubicin plus
    cyclophosphamide."""
    assert arms_of(nlp, SHORT_HER) == {88.0: LONG, 85.0: SHORT, 4.0: SHORT, 13.0: LONG}


def test_alternatives_inside_one_lettered_arm_are_per_patient_options(nlp):
    """ "AC or EC followed by docetaxel plus trastuzumab" is one arm: what every patient gets,
    with doxorubicin and epirubicin as its options (not two arms, not both drugs)."""
    text = (
        "Title\n\nPatients were randomly assigned to arm A: four cycles of AC or EC followed by "
        "docetaxel plus trastuzumab; arm B: docetaxel plus trastuzumab followed by FEC. The "
        "5-year DFS was 88% in arm A and 85% in arm B."
    )
    reg = registry_of(nlp, text)
    assert reg.arms[0].name == LONG
    assert reg.arms[0].options == {"doxorubicin", "epirubicin"}
    assert arms_of(nlp, text) == {88.0: LONG, 85.0: SHORT}


def test_a_shared_sequence_head_is_no_option(nlp):
    """Negative: the drugs before the alternatives' sequence word are every patient's, and an
    arm without "or" keeps all its drugs."""
    text = (
        "Title\n\nPatients were randomly assigned to arm A: paclitaxel followed by docetaxel "
        "plus trastuzumab or vinorelbine plus trastuzumab; arm B: paclitaxel plus lapatinib. The "
        "response rate was 60% in arm A and 50% in arm B."
    )
    assert arms_of(nlp, text) == {60.0: "paclitaxel+trastuzumab", 50.0: "lapatinib+paclitaxel"}


@pytest.mark.parametrize(
    "sentence",
    [
        # lettered colons that introduce results in the randomisation sentence itself
        "Patients were randomly assigned to docetaxel plus trastuzumab or vinorelbine plus "
        "trastuzumab, with median OS in arm A (long): not reached and in arm B (short): 38 months.",
        "Patients were randomly assigned to docetaxel plus trastuzumab or vinorelbine plus "
        "trastuzumab; by arm, Arm A: not reached; arm B: 38 months.",
    ],
)
def test_lettered_colons_that_introduce_results_define_no_lettered_arms(nlp, sentence):
    """Negative: labels followed by results, not regimens, define no arm (the sentence's own
    regimens are its arms, with no letter)."""
    reg = registry_of(nlp, "Title\n\n" + sentence)
    assert [(a.name, a.labels) for a in reg.arms] == [
        ("docetaxel+trastuzumab", set()),
        ("trastuzumab+vinorelbine", set()),
    ]


# --- a drugless arm's comparison carried to the next sentence ----------------------------------


def test_chemotherapy_with_bracketed_options_with_or_without_a_drug(nlp):
    """The per-patient chemotherapy is no part of either arm: the arms are trastuzumab and a
    drugless chemotherapy arm (arm null), the same in every sentence."""
    arms = arms_of(nlp, B47)
    assert arms[89.8] == "trastuzumab"
    assert arms[89.2] is None


def test_a_bare_pair_after_a_comparison_with_the_drugless_arm_keeps_its_order(nlp):
    """Before: 94.8 and 96.3 both had arm null (94.8 is the trastuzumab arm's)."""
    assert arms_of(nlp, B47) == {89.8: "trastuzumab", 89.2: None, 94.8: "trastuzumab", 96.3: None}


def test_the_drugless_arm_first_carries_that_order(nlp):
    text = B47.replace(
        "89.8% with chemotherapy plus trastuzumab and 89.2% with chemotherapy alone",
        "89.2% with chemotherapy alone and 89.8% with chemotherapy plus trastuzumab",
    )
    assert arms_of(nlp, text) == {89.2: None, 89.8: "trastuzumab", 94.8: None, 96.3: "trastuzumab"}


def test_a_drugless_value_no_reference_names_sets_no_comparison(nlp):
    """Negative: a value with no arm beside the trastuzumab arm's (not named "alone" or
    "without") is no comparison, so the bare pair after it stays without arms."""
    text = B47.replace(
        "89.8% with chemotherapy plus trastuzumab and 89.2% with chemotherapy alone",
        "89.2% overall and 89.8% with chemotherapy plus trastuzumab",
    )
    arms = arms_of(nlp, text)
    assert arms[94.8] is None and arms[96.3] is None
