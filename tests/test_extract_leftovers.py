"""Readings left over from the held-out rounds: a three-arm design whose first arm's options
bracket ends with its short form (MARIANNE), and a drug every arm shares, which names none of
them (NOAH)."""

from __future__ import annotations

from extract_helpers import arms_of, registry_of

from her2mine.extract.arms import ArmRegistry
from her2mine.extract.arms.model import Arm

MARIANNE = (
    "First-line trastuzumab emtansine with or without pertuzumab versus trastuzumab plus taxane\n\n"
    "Patients were randomly assigned 1:1:1 to trastuzumab plus a taxane (docetaxel or paclitaxel; "
    "HT), T-DM1 plus placebo (T-DM1), or T-DM1 plus pertuzumab (T-DM1+P). "
    "The objective response rate was 67.9% with HT, 59.7% with T-DM1, and 64.2% with T-DM1+P."
)


def test_short_form_closing_an_options_bracket_is_not_an_option_nor_an_arm(nlp) -> None:
    reg = registry_of(nlp, MARIANNE)
    arms = [(a.drugs, a.has_placebo) for a in reg.arms if not a.special]
    assert arms == [
        (["trastuzumab"], False),
        (["trastuzumab emtansine"], True),
        (["pertuzumab", "trastuzumab emtansine"], False),
    ]
    assert reg.arms[0].options == {"docetaxel", "paclitaxel"}
    assert arms_of(nlp, MARIANNE) == {
        67.9: "trastuzumab",
        59.7: "trastuzumab emtansine",
        64.2: "pertuzumab+trastuzumab emtansine",
    }


def test_options_bracket_without_a_short_form_keeps_every_option(nlp) -> None:
    text = (
        "Trastuzumab plus a taxane or T-DM1\n\n"
        "Patients were randomly assigned to trastuzumab plus a taxane (docetaxel or paclitaxel), "
        "or T-DM1 plus placebo. The objective response rate was 67.9% with trastuzumab plus a "
        "taxane and 59.7% with T-DM1."
    )
    reg = registry_of(nlp, text)
    assert reg.arms[0].drugs == ["trastuzumab"]
    assert reg.arms[0].options == {"docetaxel", "paclitaxel"}
    assert arms_of(nlp, text) == {67.9: "trastuzumab", 59.7: "trastuzumab emtansine"}


NOAH = (
    "Neoadjuvant chemotherapy with or without trastuzumab (the NOAH trial)\n\n"
    "Methods Patients were randomly assigned to receive a neoadjuvant chemotherapy regimen "
    "consisting of doxorubicin, paclitaxel, cyclophosphamide, methotrexate, and fluorouracil with "
    "trastuzumab or without trastuzumab.\n"
    "Findings 3-year event-free survival was 71% with trastuzumab vs 56% without. "
    "Despite concurrent administration with doxorubicin, only two patients (2%) developed "
    "symptomatic cardiac failure."
)


def test_drug_shared_by_every_arm_names_no_arm(nlp) -> None:
    arms = arms_of(nlp, NOAH)
    chemo = "cyclophosphamide+doxorubicin+fluorouracil+methotrexate+paclitaxel"
    assert arms[71.0] == chemo + "+trastuzumab"
    assert arms[56.0] == chemo
    assert arms[2.0] is None  # "with doxorubicin": both arms had it


def test_resolve_drugs_shared_drug_is_none_but_partial_mention_of_one_arm_resolves() -> None:
    reg = ArmRegistry()
    reg.arms += [
        Arm(["docetaxel", "pertuzumab", "trastuzumab"], False, set()),
        Arm(["docetaxel", "trastuzumab"], True, {"placebo"}),
    ]
    assert reg.resolve_drugs(["trastuzumab"]) is None
    assert reg.resolve_drugs(["pertuzumab"]) == "docetaxel+pertuzumab+trastuzumab"
    assert reg.resolve_drugs(["trastuzumab"], placebo=True) == "docetaxel+trastuzumab"
    # a drug no arm has keeps its own name (a mention outside the design)
    assert reg.resolve_drugs(["lapatinib"]) == "lapatinib"


CLEOPATRA_VS_BARE = (
    "Pertuzumab plus trastuzumab plus docetaxel versus placebo plus trastuzumab plus docetaxel\n\n"
    "Patients were randomly assigned to receive placebo plus trastuzumab plus docetaxel (control "
    "group) or pertuzumab plus trastuzumab plus docetaxel (pertuzumab group). The median "
    "progression-free survival was 18.5 months in the pertuzumab group vs 12.4 months (hazard "
    "ratio, 0.62; 95% CI, 0.51 to 0.75; P<0.001)."
)


def test_bare_value_after_vs_is_the_other_arm_of_two(nlp) -> None:
    assert arms_of(nlp, CLEOPATRA_VS_BARE) == {
        18.5: "docetaxel+pertuzumab+trastuzumab",
        12.4: "docetaxel+trastuzumab",
    }


def test_bare_value_after_vs_is_null_when_the_other_group_is_not_known(nlp) -> None:
    text = (
        "Trastuzumab deruxtecan, T-DM1 or capecitabine-based therapy\n\n"
        "Patients were randomly assigned to trastuzumab deruxtecan, T-DM1 or lapatinib plus "
        "capecitabine. The objective response rate was 62% in the trastuzumab deruxtecan group vs "
        "30% (P<0.001)."
    )
    assert arms_of(nlp, text) == {62.0: "trastuzumab deruxtecan", 30.0: None}


def test_value_after_vs_with_its_own_reference_keeps_it(nlp) -> None:
    text = CLEOPATRA_VS_BARE.replace("vs 12.4 months", "vs 12.4 months in the control group")
    assert arms_of(nlp, text) == {
        18.5: "docetaxel+pertuzumab+trastuzumab",
        12.4: "docetaxel+trastuzumab",
    }


SOLD_LIKE = (
    "Two years versus one year of adjuvant trastuzumab\n\n"
    "Patients were randomly assigned to 1 year or 2 years of adjuvant trastuzumab. Cardiac "
    "toxicity occurred in 7.3% of the 2-year group vs 4.4% of the 1-year group (p<0.0001). "
    "Clinically relevant toxicities occurred in 46% of patients receiving T-DM1 and 47% of "
    "patients receiving TH (P = .83)."
)


def test_p_after_compared_incidences_belongs_to_each(extract) -> None:
    ex = extract(SOLD_LIKE)
    ps = {o.value: o.p for o in ex.outcomes if o.measure == "incidence"}
    assert ps == {7.3: "<0.0001", 4.4: "<0.0001", 46.0: "0.83", 47.0: "0.83"}


def test_p_is_not_shared_between_an_incidence_and_a_rate(extract) -> None:
    text = (
        "Trastuzumab deruxtecan in HER2-low breast cancer\n\n"
        "Patients were randomly assigned to trastuzumab deruxtecan or chemotherapy. The "
        "objective response rate was 52% in the trastuzumab deruxtecan group, and interstitial "
        "lung disease occurred in 12% of the chemotherapy group (P = 0.02)."
    )
    ex = extract(text)
    assert {o.value: o.p for o in ex.outcomes} == {52.0: None, 12.0: None}


SOLD = (
    "Adjuvant trastuzumab for 9 weeks vs 1 year: the SOLD randomized clinical trial\n\n"
    "INTERVENTIONS Patients were randomized to receive docetaxel plus trastuzumab for 9 weeks "
    "followed by 3 cycles of fluorouracil, epirubicin, and cyclophosphamide (9-week group) or the "
    "same regimen followed by trastuzumab to complete 1 year of administration (1-year group).\n"
    "RESULTS The 5-year disease-free survival was 88.0% in the 9-week group and 90.5% in the "
    "1-year group (hazard ratio, 1.39; 2-sided 90% CI, 1.12-1.72)."
)


def test_the_same_regimen_followed_by_continues_the_arm_before(nlp) -> None:
    whole = "cyclophosphamide+docetaxel+epirubicin+fluorouracil+trastuzumab"
    assert arms_of(nlp, SOLD) == {88.0: whole, 90.5: whole}
    labels = {lb for a in registry_of(nlp, SOLD).arms for lb in a.labels}
    assert {"9-week", "1-year"} <= labels


def test_same_without_the_regimen_cue_defines_its_own_arm(nlp) -> None:
    text = SOLD.replace(
        "the same regimen followed by trastuzumab to complete",
        "trastuzumab at the same dose to complete",
    )
    arms = arms_of(nlp, text)
    assert arms[90.5] == "trastuzumab"


RC48 = (
    "Disitamab vedotin versus lapatinib plus capecitabine (RC48-C006)\n\n"
    "Patients were randomised (1:1) to disitamab vedotin (RC48) 2.0 mg/kg every 2 weeks or "
    "lapatinib plus capecitabine. Median PFS by BICR was 9.9 months in the RC48 arm and 4.9 "
    "months in the L+C arm (HR 0.36, 95% CI 0.26–0.48; p<0.0001)."
)


def test_second_group_phrase_naming_no_defined_arm_is_the_other_arm(nlp) -> None:
    # "L+C" is never defined, but "in the L+C arm" is another group than "the RC48 arm"
    assert arms_of(nlp, RC48) == {9.9: "disitamab vedotin", 4.9: "capecitabine+lapatinib"}


def test_second_group_phrase_without_a_design_is_null(nlp) -> None:
    text = (
        "Trastuzumab deruxtecan in HER2-ultralow breast cancer\n\n"
        "Interstitial lung disease occurred in 11.3% of patients who received T-DXd and 0.3% "
        "of those who received chemotherapy."
    )
    assert arms_of(nlp, text) == {11.3: "trastuzumab deruxtecan", 0.3: None}


def test_a_cohort_phrase_after_one_arm_value_keeps_the_arm(nlp) -> None:
    text = (
        "Trastuzumab deruxtecan versus T-DM1\n\n"
        "Patients were randomly assigned to trastuzumab deruxtecan or T-DM1. The response rate "
        "was 79.7% in the trastuzumab deruxtecan group and 52.0% in the HER2-low cohort."
    )
    # a cohort is a subgroup, not the other arm: the value keeps the rule it had before
    assert arms_of(nlp, text)[52.0] == "trastuzumab deruxtecan"


def test_swiss_group_trial_numbers_with_their_year(extract) -> None:
    text = (
        "Pertuzumab and trastuzumab with or without chemotherapy (SAKK 22/10)\n\n"
        "The NSABP B-31/N9831 analysis and the SAKK 22/99 trial were cited."
    )
    assert extract(text).trials == ["N9831", "NSABP B-31", "SAKK 22/10", "SAKK 22/99"]


def test_keratopathy_is_an_adverse_event(extract) -> None:
    text = (
        "ARX788 in HER2-positive breast cancer\n\n"
        "Keratopathy (any grade) occurred in 91.4% of patients; blurred vision in 30.2%."
    )
    assert {(o.endpoint, o.value) for o in extract(text).outcomes} == {("AE", 91.4), ("AE", 30.2)}


def test_a_group_number_before_a_rate_is_no_rate(nlp) -> None:
    text = (
        "Trastuzumab plus docetaxel or paclitaxel\n\n"
        "Patients were randomly assigned to trastuzumab plus docetaxel (group 1) or trastuzumab "
        "plus paclitaxel (group 2). The objective response rate was 60% in group 1 and 50% in "
        "group 2 (P = 0.04)."
    )
    assert arms_of(nlp, text) == {
        60.0: "docetaxel+trastuzumab",
        50.0: "paclitaxel+trastuzumab",
    }


def test_bare_numbers_before_a_rate_still_share_its_unit(extract) -> None:
    text = "Trial\n\nThe objective response rates were 60, 55 and 50% in the three arms."
    assert [o.value for o in extract(text).outcomes] == [60.0, 55.0, 50.0]


def test_antidrug_antibodies_are_not_adverse_events(extract) -> None:
    text = (
        "A trastuzumab biosimilar versus trastuzumab\n\n"
        "Antidrug antibodies were detected in 0.7% and 0.0% of patients, and neutropenia in "
        "12%."
    )
    assert [(o.endpoint, o.value) for o in extract(text).outcomes] == [("AE", 12.0)]


ELLIPTICAL = (
    "T-DM1 versus lapatinib plus capecitabine in routine practice\n\n"
    "Patients received T-DM1 or lapatinib plus capecitabine (LC). The most common grade 3 events "
    "were thrombocytopenia (12.9%) and anemia (4.1%) with T-DM1, and diarrhea (14.1%) and "
    "hand-foot syndrome (12.8%) with LC."
)


def test_a_reference_after_a_bracketed_list_names_every_value_of_it(nlp) -> None:
    assert arms_of(nlp, ELLIPTICAL) == {
        12.9: "trastuzumab emtansine",
        4.1: "trastuzumab emtansine",
        14.1: "capecitabine+lapatinib",
        12.8: "capecitabine+lapatinib",
    }


def test_bracketed_values_with_their_own_references_keep_them(nlp) -> None:
    text = ELLIPTICAL.replace(
        "thrombocytopenia (12.9%) and anemia (4.1%) with T-DM1",
        "thrombocytopenia (12.9%) with LC and anemia (4.1%) with T-DM1",
    )
    assert arms_of(nlp, text)[12.9] == "capecitabine+lapatinib"
    assert arms_of(nlp, text)[4.1] == "trastuzumab emtansine"
