"""Round 52, fresh texts: invented single-arm, basket, pooled, subgroup, real-world and
meta-analysis results where most values have no arm. Whole-population, cohort and dose-level
values were already arm null. Found: "pyrotinib plus capecitabine (n = 120) or trastuzumab
emtansine (n = 80)" was read as pyrotinib given with each counted partner, so the T-DM1 group
became pyrotinib plus T-DM1; with no design sentence, "90.1% with neratinib and 90.2% with
placebo" gave the placebo value neratinib's arm, and "57.3% with pertuzumab and 43.9% without"
gave pertuzumab to the value without it; "the subgroup treated within one year of trastuzumab"
made trastuzumab (and a second placebo group) arms of a neratinib-versus-placebo trial."""

from __future__ import annotations

from extract_helpers import arms_of, registry_of

COUNTED_OR_ADC = (
    "Trastuzumab emtansine versus pyrotinib plus capecitabine: a real-world study\n\n"
    "Results: Patients who received pyrotinib plus capecitabine (n = 120) or trastuzumab "
    "emtansine (n = 80) in the second-line setting were identified. Median PFS was 9.4 months "
    "with pyrotinib plus capecitabine and 6.2 months with trastuzumab emtansine."
)


def test_counted_adc_alternative_is_its_own_arm(nlp):
    """ "X plus A (n = 120) or B (n = 80)": B, an ADC joined by a bare "or", is an alternative
    to "X plus A" (an ADC carries its own payload), not X's second partner."""
    assert sorted(a.name for a in registry_of(nlp, COUNTED_OR_ADC).arms) == [
        "capecitabine+pyrotinib",
        "trastuzumab emtansine",
    ]
    arms = arms_of(nlp, COUNTED_OR_ADC)
    assert (arms[9.4], arms[6.2]) == ("capecitabine+pyrotinib", "trastuzumab emtansine")


def test_counted_partners_of_one_role_still_share_the_drug(nlp):
    """Negative: "X given with A (n = 50) or B (n = 30)", neither an ADC, still shares X's
    patients out between its partners."""
    text = (
        "Trastuzumab in routine practice\n\n"
        "Trastuzumab was given with docetaxel (n = 50) or vinorelbine (n = 30)."
    )
    assert [a.name for a in registry_of(nlp, text).arms] == [
        "docetaxel+trastuzumab",
        "trastuzumab+vinorelbine",
    ]


def test_repeated_joiner_keeps_partner_of_any_role(nlp):
    """Negative: each partner with its own "with" is X's partner whatever its role."""
    text = (
        "Pyrotinib in routine practice\n\n"
        "Pyrotinib was combined with capecitabine in 102 patients, with vinorelbine in 38 and "
        "with trastuzumab in 28."
    )
    assert [a.name for a in registry_of(nlp, text).arms] == [
        "capecitabine+pyrotinib",
        "pyrotinib+vinorelbine",
        "pyrotinib+trastuzumab",
    ]


WITH_PLACEBO = (
    "Neratinib after trastuzumab\n\n"
    "Results: The 8-year OS rate was 90.1% with neratinib and 90.2% with placebo (HR 0.95; "
    "95% CI 0.75-1.21)."
)


def test_placebo_mention_without_a_design_is_no_drug_arm(nlp):
    """ "90.2% with placebo" where no design sentence defines the arms: the placebo group got
    no drug, so its value has no arm (not the drug named before it)."""
    arms = arms_of(nlp, WITH_PLACEBO)
    assert arms[90.1] == "neratinib"
    assert arms[90.2] is None


def test_drug_plus_placebo_mention_keeps_its_drug(nlp):
    """Negative: "with placebo plus trastuzumab" names trastuzumab's group."""
    text = (
        "Pertuzumab in early breast cancer\n\n"
        "Results: The pCR rate was 45.8% with pertuzumab plus trastuzumab and 29.0% with "
        "placebo plus trastuzumab."
    )
    arms = arms_of(nlp, text)
    assert arms[29.0] == "trastuzumab"


BARE_WITHOUT = (
    "Meta-analysis of pertuzumab in early breast cancer\n\n"
    "Results: The pooled pCR rate was 57.3% with pertuzumab and 43.9% without."
)


def test_bare_without_and_no_design_is_no_drug_arm(nlp):
    """ "57.3% with pertuzumab and 43.9% without" where no design defines the arms: the value
    "without" is not pertuzumab's."""
    arms = arms_of(nlp, BARE_WITHOUT)
    assert arms[57.3] == "pertuzumab"
    assert arms[43.9] is None


def test_bare_without_in_a_design_names_the_other_arm(nlp):
    """Negative: with a design of trastuzumab with or without pertuzumab, "without" names the
    trastuzumab arm, as before."""
    text = (
        "Pertuzumab in early breast cancer\n\n"
        "Patients were randomised to trastuzumab with or without pertuzumab. The pCR rate was "
        "57.3% with pertuzumab and 43.9% without."
    )
    arms = arms_of(nlp, text)
    assert (arms[57.3], arms[43.9]) == ("pertuzumab+trastuzumab", "trastuzumab")


WITHIN_A_YEAR = (
    "Updated survival of a phase 3 trial of neratinib versus placebo after adjuvant "
    "trastuzumab\n\n"
    "Results: The 8-year OS rate was 90.1% with neratinib and 90.2% with placebo. In the "
    "hormone receptor-positive subgroup treated within one year of trastuzumab, the 5-year "
    "iDFS rate was 90.8% with neratinib and 85.7% with placebo (HR 0.58)."
)


def test_time_since_a_drug_names_an_earlier_therapy(nlp):
    """ "treated within one year of trastuzumab": the drug is an earlier therapy the subgroup
    is timed from, no arm of the trial."""
    assert {a.name for a in registry_of(nlp, WITHIN_A_YEAR).arms} == {"neratinib", "placebo"}
    arms = arms_of(nlp, WITHIN_A_YEAR)
    assert (arms[90.2], arms[85.7]) == (None, None)
    assert arms[90.8] == "neratinib"


def test_within_the_arm_is_no_earlier_therapy(nlp):
    """Negative: "within the trastuzumab arm" names the arm (no "of" after a time)."""
    text = (
        "Pertuzumab and trastuzumab\n\n"
        "Patients were randomised to pertuzumab plus trastuzumab or trastuzumab alone. Within "
        "the trastuzumab arm, the pCR rate was 29.0%."
    )
    assert arms_of(nlp, text)[29.0] == "trastuzumab"
