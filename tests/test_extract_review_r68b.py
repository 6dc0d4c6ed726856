"""Review of round 68b. The grade carried into "The most common were ..." also took rates larger
than every grade >=3 rate before them ("Grade >=3 events occurred in 40%. The most common were
fatigue (60%)": the commonest events of any grade). The factor-ratio test for compared patient
groups dropped a treatment's ratio named after its key ("than in those without (HR for T-DXd vs
T-DM1, 0.25") and a treatment's benefit compared across subgroups ("the PFS benefit was greater
in patients with X than in those with Y (HR 0.40)")."""

from __future__ import annotations

from extract_helpers import outcomes_of

TDXD = "Patients received trastuzumab deruxtecan. "
RANDOMISED = "Patients were randomized to trastuzumab deruxtecan or trastuzumab emtansine. "
G3_40 = "Grade >=3 adverse events occurred in 40% of patients. "


def _endpoints(nlp, text: str) -> dict[float, str]:
    return {o.value: o.endpoint for o in outcomes_of(nlp, text)}


def _hrs(nlp, text: str) -> list[float]:
    return [o.value for o in outcomes_of(nlp, text) if o.measure == "HR"]


def test_follow_on_rates_above_the_graded_rate_stay_any_grade(nlp):
    """A listed rate above every grade >=3 rate before it cannot be one of those events."""
    got = _endpoints(nlp, TDXD + G3_40 + "The most common were fatigue (60%) and nausea (50%).")
    assert got == {40.0: "AE_G3", 60.0: "AE", 50.0: "AE"}


def test_follow_on_rates_within_the_graded_rate_take_its_grade(nlp):
    """Rates no larger than the grade >=3 rate before them keep the round's carried grade."""
    got = _endpoints(nlp, TDXD + G3_40 + "The most common were neutropenia (20%) and anemia (8%).")
    assert got == {40.0: "AE_G3", 20.0: "AE_G3", 8.0: "AE_G3"}


def test_follow_on_clause_rate_above_the_graded_rate_stays_any_grade(nlp):
    """ "The most common was nausea, which occurred in 70%" after 40% grade >=3: any grade."""
    got = _endpoints(
        nlp, TDXD + G3_40 + "The most common was nausea, which occurred in 70% of patients."
    )
    assert got[70.0] == "AE"


def test_treatment_ratio_named_after_its_key_is_kept(nlp):
    """ "than in those without (HR for T-DXd vs T-DM1, 0.25)": the drugs name a treatment ratio."""
    text = RANDOMISED + (
        "PFS was longer in patients with brain metastases than in those without "
        "(HR for T-DXd vs T-DM1, 0.25; 95% CI 0.13-0.45)."
    )
    assert _hrs(nlp, text) == [0.25]


def test_benefit_compared_across_subgroups_is_the_treatments_ratio(nlp):
    """ "The PFS benefit was greater in patients with X than in those with Y (HR ...)"."""
    text = RANDOMISED + (
        "The PFS benefit was greater in patients with HR-negative disease than in those with "
        "HR-positive disease (HR 0.40; 95% CI 0.30-0.55)."
    )
    assert _hrs(nlp, text) == [0.4]


def test_prognostic_groups_ratio_still_dropped(nlp):
    """Negative: groups by a feature, no drug, treatment or benefit named: a factor's ratio."""
    text = "Patients received trastuzumab. In multivariable analysis, PFS was shorter in " + (
        "patients with >=3 previous lines than in those with 1-2 (HR 1.62; 95% CI 1.1-2.3)."
    )
    assert _hrs(nlp, text) == []
