"""Review of round 63b (pipeline 0.3.126). The round's "assumption(s)" dropped every sentence
naming the noun, so a real HR and its medians went with "the proportional-hazards assumption was
met"; "the trial assumed ...; the observed rate was 62%" lost the observed rate with the assumed
one. Found alongside: "the benefit of X in median PFS was 4.2 months" (a difference) and "the
model predicted a 3-year IDFS of 88%" (a prediction) were medians and rates."""

from __future__ import annotations

from extract_helpers import ARM_ROW, FULL_ROW, rows_of

PHT = "docetaxel+pyrotinib+trastuzumab"
HT = "docetaxel+trastuzumab"
DESIGN = (
    "In the phase III PHILA-X trial, 590 patients were randomly assigned to pyrotinib plus "
    "trastuzumab plus docetaxel or placebo plus trastuzumab plus docetaxel. "
)


# 1. The noun "assumption" next to a real result.


def test_proportional_hazards_assumption_keeps_the_result(nlp):
    """ "...; the proportional-hazards assumption was met": the medians and HR stay."""
    text = DESIGN + (
        "Median PFS was 24.3 months with pyrotinib and 10.4 months with placebo (HR 0.41; 95% "
        "CI 0.32-0.53); the proportional-hazards assumption was met."
    )
    assert rows_of(nlp, text, FULL_ROW) == [
        ("PFS", "median", 24.3, None, None, None, PHT),
        ("PFS", "median", 10.4, None, None, None, HT),
        ("PFS", "HR", 0.41, 0.32, 0.53, None, None),
    ]


def test_model_assumptions_met_keeps_the_hr(nlp):
    """ "All model assumptions were met, and the HR for PFS was 0.41": a result."""
    text = (
        DESIGN + "All model assumptions were met, and the HR for PFS was 0.41 (95% CI 0.32-0.53)."
    )
    assert rows_of(nlp, text, FULL_ROW) == [("PFS", "HR", 0.41, 0.32, 0.53, None, None)]


def test_under_the_assumption_of_a_median_is_no_result(nlp):
    """Negative: "Under the assumption of a median PFS of 10 months" is a design assumption."""
    text = DESIGN + (
        "Under the assumption of a median PFS of 10 months with placebo, 590 patients were needed."
    )
    assert rows_of(nlp, text, ARM_ROW) == []


# 2. An observed result after the assumption's clause.


def test_observed_rate_after_an_assumption_stays(nlp):
    """ "The trial assumed a rate of 45%; the observed rate was 62%": only 62% is a result."""
    text = DESIGN + (
        "The trial assumed a 1-year PFS rate of 45% in the placebo group; the observed rate was "
        "62% with pyrotinib."
    )
    assert rows_of(nlp, text, ARM_ROW) == [("PFS", "rate", 62.0, PHT)]


def test_assumed_values_after_a_semicolon_stay_assumptions(nlp):
    """Negative: "we assumed 6 months ...; 9 months in the pyrotinib group" (no result clause)
    and "; with 80% power, 590 patients were needed" (a design clause) give nothing."""
    listed = DESIGN + (
        "We assumed a median PFS of 6 months in the placebo group; 9 months in the pyrotinib group."
    )
    power = DESIGN + (
        "We assumed a 1-year PFS rate of 45% in the placebo group; with 80% power, 590 patients "
        "were needed."
    )
    assert rows_of(nlp, listed, ARM_ROW) == []
    assert rows_of(nlp, power, ARM_ROW) == []


# 3. A benefit in the median, stated as one time.


def test_benefit_of_a_drug_in_median_pfs_is_no_median(nlp):
    """ "The benefit of pyrotinib in median PFS was 4.2 months": a difference; the compared
    medians in the bracket stay."""
    text = DESIGN + "The benefit of pyrotinib in median PFS was 4.2 months (24.3 vs 20.1 months)."
    assert rows_of(nlp, text, ARM_ROW) == [
        ("PFS", "median", 24.3, PHT),
        ("PFS", "median", 20.1, HT),
    ]


def test_median_pfs_benefit_label_keeps_the_medians(nlp):
    """Negative: "Median PFS benefit: 12.4 vs 8.1 months" lists each arm's median."""
    text = DESIGN + "Median PFS benefit: 12.4 vs 8.1 months (HR 0.52; 95% CI 0.41-0.66)."
    assert rows_of(nlp, text, ARM_ROW) == [
        ("PFS", "median", 12.4, PHT),
        ("PFS", "median", 8.1, HT),
        ("PFS", "HR", 0.52, None),
    ]


# 4. A prediction model's figure.


def test_model_predicted_rate_is_no_result(nlp):
    """ "the model predicted a 3-year IDFS of 88%": a prediction, no outcome."""
    text = DESIGN + "Using the CPS+EG score, the model predicted a 3-year IDFS of 88%."
    assert rows_of(nlp, text, ARM_ROW) == []


def test_treatment_that_predicted_longer_os_keeps_its_hr(nlp):
    """Negative: "Pertuzumab predicted longer OS (HR 0.68 ...)" is a treatment's HR."""
    text = (
        "In the phase III CLEOPATRA-X trial, 808 patients were randomly assigned to pertuzumab "
        "plus trastuzumab plus docetaxel or placebo plus trastuzumab plus docetaxel. Pertuzumab "
        "predicted longer OS (HR 0.68; 95% CI 0.56-0.84; P<0.001)."
    )
    assert rows_of(nlp, text, FULL_ROW) == [("OS", "HR", 0.68, 0.56, 0.84, "<0.001", None)]
