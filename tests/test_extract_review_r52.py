"""Review of round 52: a verb joining the shared drug to its first counted partner ("X was
combined with A (n = 120) or an ADC (n = 80)") says X went with each partner, but round 52's
ADC-alternative rule split the ADC off as an arm of its own (X lost from every arm); and
"within each of the X and Y arms" read as a time since an earlier therapy ("within ... of"),
so X was taken for a prior drug and a "respectively" pair swapped its arms."""

from __future__ import annotations

from extract_helpers import arms_of, registry_of

COMBINED_WITH_ADC = (
    "Pertuzumab in routine practice\n\n"
    "Results: Pertuzumab was combined with docetaxel (n = 120) or T-DM1 (n = 80). Median PFS "
    "was 18.1 months and 15.2 months, respectively."
)


def test_verb_joined_partners_share_the_drug_with_an_adc(nlp):
    """ "X was combined with A (n = 120) or B (n = 80)", B an ADC: X went with each partner."""
    assert [a.name for a in registry_of(nlp, COMBINED_WITH_ADC).arms] == [
        "docetaxel+pertuzumab",
        "pertuzumab+trastuzumab emtansine",
    ]
    arms = arms_of(nlp, COMBINED_WITH_ADC)
    assert (arms[18.1], arms[15.2]) == ("docetaxel+pertuzumab", "pertuzumab+trastuzumab emtansine")


def test_given_with_three_partners_keeps_the_drug_with_an_adc(nlp):
    """ "X was given with A (n), B (n) or an ADC (n)": each value keeps X in its arm."""
    text = (
        "Pyrotinib in routine practice\n\n"
        "Results: Pyrotinib was given with capecitabine (n = 102), vinorelbine (n = 38) or "
        "T-DXd (n = 28). The ORR was 61.2% with capecitabine, 50.0% with vinorelbine and "
        "57.1% with T-DXd."
    )
    arms = arms_of(nlp, text)
    assert arms[57.1] == "pyrotinib+trastuzumab deruxtecan"
    assert arms[61.2] == "capecitabine+pyrotinib"


def test_plus_joined_regimen_or_adc_stays_two_regimens(nlp):
    """Negative: "received X plus A (n = 100) or B (n = 90)", B an ADC, still compares the
    regimen X plus A with B (round 52's reading)."""
    text = (
        "A real-world study\n\n"
        "Results: Patients received trastuzumab plus docetaxel (n = 100) or T-DM1 (n = 90). "
        "Median PFS was 12.4 months with trastuzumab plus docetaxel and 14.0 months with T-DM1."
    )
    arms = arms_of(nlp, text)
    assert (arms[12.4], arms[14.0]) == ("docetaxel+trastuzumab", "trastuzumab emtansine")


WITHIN_EACH_ARM = (
    "Trastuzumab deruxtecan\n\n"
    "Patients were randomised to trastuzumab deruxtecan or trastuzumab emtansine. Within each "
    "of the trastuzumab deruxtecan and trastuzumab emtansine arms, the ORR was 79.7% and "
    "34.2%, respectively."
)


def test_within_each_of_the_arms_names_the_arms(nlp):
    """ "Within each of the X and Y arms": no time since a therapy, so X is an arm."""
    arms = arms_of(nlp, WITHIN_EACH_ARM)
    assert (arms[79.7], arms[34.2]) == ("trastuzumab deruxtecan", "trastuzumab emtansine")


def test_within_years_of_a_drug_is_still_prior(nlp):
    """Negative: "randomised to X or placebo within 2 years of Y": Y is an earlier therapy."""
    text = (
        "Neratinib and trastuzumab\n\n"
        "Patients were randomised to neratinib or placebo within 2 years of trastuzumab. The "
        "5-year iDFS rate was 90.2% with neratinib and 87.7% with placebo."
    )
    arms = arms_of(nlp, text)
    assert (arms[90.2], arms[87.7]) == ("neratinib", None)
