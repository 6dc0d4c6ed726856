"""A chemotherapy sequence as the backbone of each arm (GeparQuinto, CHER-LOB), and "A with B
or without B" designs whose results name the arm without B by a bare "without" (NOAH)."""

from __future__ import annotations

from extract_helpers import arms_of, registry_of

GEPARQUINTO = (
    "GeparQuinto\n\n"
    "Patients with HER2-positive operable or locally advanced breast cancer were randomly "
    "assigned to receive four cycles of epirubicin and cyclophosphamide followed by four cycles "
    "of docetaxel, with either trastuzumab or lapatinib throughout all cycles. pCR was achieved "
    "in 93 of 307 (30·3%) patients in the trastuzumab group and 70 of 308 (22·7%) patients in "
    "the lapatinib group (odds ratio 0·68 [95% CI 0·47–0·97]; p=0·04)."
)
CHER_LOB = (
    "CHER-LOB\n\n"
    "Patients were randomly assigned to receive weekly paclitaxel followed by fluorouracil, "
    "epirubicin, and cyclophosphamide (FEC) plus either trastuzumab (arm A), lapatinib (arm B), "
    "or trastuzumab plus lapatinib (arm C). The pCR rates were 25% (90% CI, 13.1% to 36.9%), "
    "26.3% (90% CI, 14.5% to 38.1%), and 46.7% (90% CI, 34.4% to 59.0%) in arms A, B, and C, "
    "respectively."
)
NOAH_DESIGN = (
    "Patients with HER2-positive disease were randomly assigned to receive a neoadjuvant "
    "chemotherapy regimen consisting of doxorubicin, paclitaxel, cyclophosphamide, methotrexate, "
    "and fluorouracil with trastuzumab or without trastuzumab."
)
NOAH_RESULT = (
    "Trastuzumab significantly improved event-free survival (3-year event-free survival, 71% "
    "[95% CI 61–78; n=36 events] with trastuzumab, vs 56% [46–65; n=51 events] without; "
    "hazard ratio 0·59 [95% CI 0·38–0·90]; p=0·013)."
)
CHEMO = "cyclophosphamide+doxorubicin+fluorouracil+methotrexate+paclitaxel"


def test_a_sequence_then_a_comma_with_either_alternative(nlp):
    """ "A followed by B, with either X or Y": the whole sequence is given with each
    alternative; "the X group" names the arm by its own drug."""
    assert arms_of(nlp, GEPARQUINTO) == {
        30.3: "cyclophosphamide+docetaxel+epirubicin+trastuzumab",
        22.7: "cyclophosphamide+docetaxel+epirubicin+lapatinib",
    }


def test_a_sequence_with_its_short_form_then_plus_either(nlp):
    """ "A followed by B, C, and D (BCD) plus either X (arm A), Y (arm B), or X plus Y (arm C)"."""
    fec = "cyclophosphamide+epirubicin+fluorouracil"
    assert arms_of(nlp, CHER_LOB) == {
        25.0: f"{fec}+paclitaxel+trastuzumab",
        26.3: f"{fec}+lapatinib+paclitaxel",
        46.7: f"{fec}+lapatinib+paclitaxel+trastuzumab",
    }


def test_with_b_or_without_b_defines_both_arms(nlp):
    registry = registry_of(nlp, f"NOAH\n\n{NOAH_DESIGN}")
    names = {a.name for a in registry.arms}
    assert {f"{CHEMO}+trastuzumab", CHEMO} <= names


def test_a_bare_without_names_the_arm_without_the_drug(nlp):
    assert arms_of(nlp, f"NOAH\n\n{NOAH_DESIGN} {NOAH_RESULT}") == {
        71.0: f"{CHEMO}+trastuzumab",
        56.0: CHEMO,
    }


def test_with_b_or_without_another_drug_is_not_the_design(nlp):
    """ "A with B or without C": not the same drug twice, so not two arms A+B and A."""
    text = (
        "Trial\n\nPatients were randomly assigned to receive paclitaxel with trastuzumab or "
        "without pertuzumab."
    )
    names = {a.name for a in registry_of(nlp, text).arms}
    assert "paclitaxel" not in names


def test_without_before_a_word_or_without_such_an_arm_names_no_arm(nlp):
    """ "without" followed by a word is not a reference; nor is a bare "without" when no arm
    is the "with" arm less its drug."""
    design = (
        "Trial\n\nPatients were randomly assigned to paclitaxel plus trastuzumab or docetaxel "
        "plus trastuzumab."
    )
    no_arm = f"{design} The response rate was 40% with paclitaxel, vs 35% without."
    assert arms_of(nlp, no_arm).get(35.0) != "trastuzumab"
    worded = (
        f"NOAH\n\n{NOAH_DESIGN} Grade 3 neutropenia occurred in 12% of patients with "
        "trastuzumab, vs 8% without dose delays."
    )
    assert arms_of(nlp, worded)[8.0] != CHEMO
