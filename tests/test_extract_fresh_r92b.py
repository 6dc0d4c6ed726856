"""Fresh round 92b: a condition present before treatment is no adverse-event incidence. "Hypertension
at baseline was present in 35.2% of patients" and "Pre-existing peripheral neuropathy was reported
in 8.1%" describe the population enrolled (baseline characteristics), yet were read as AE rates.
An on-treatment change of a baseline condition ("worsening of baseline neuropathy", "LVEF
decline from baseline") and a new event ("new-onset hypertension") stay results."""

from __future__ import annotations

from extract_helpers import ARM_ROW, rows_of

PP = "pertuzumab+trastuzumab"
PPC = "cyclophosphamide+pertuzumab+trastuzumab"

TRIAL = (
    "Methods: Patients were randomly assigned to pertuzumab plus trastuzumab or pertuzumab, "
    "trastuzumab and metronomic cyclophosphamide. Hypertension at baseline was present in 35.2% "
    "of patients, and 12% had a history of cardiac disease. Results: Grade 3 or higher adverse "
    "events occurred in 28.0% and 41.5% of patients, respectively. Pre-existing peripheral "
    "neuropathy was reported in 8.1% of patients."
)


def _safety_values(nlp, text: str) -> list[float]:
    return [r.value for r in rows_of(nlp, text, ARM_ROW) if r.endpoint in ("AE", "AE_G3", "ILD")]


def test_condition_at_baseline_is_no_incidence(nlp):
    """ "Hypertension at baseline was present in 35.2%": a baseline characteristic."""
    assert 35.2 not in _safety_values(nlp, TRIAL)


def test_pre_existing_condition_is_no_incidence(nlp):
    """ "Pre-existing peripheral neuropathy was reported in 8.1%": present before treatment."""
    assert 8.1 not in _safety_values(nlp, TRIAL)


def test_on_treatment_rates_of_the_trial_stay(nlp):
    """Negative: the grade 3 rates of the same abstract keep their arms."""
    rows = rows_of(nlp, TRIAL, ARM_ROW)
    assert ("AE_G3", "incidence", 28.0, PP) in rows
    assert ("AE_G3", "incidence", 41.5, PPC) in rows


def test_baseline_qualifiers_before_and_after_the_event(nlp):
    """ "X at baseline", "baseline grade 1 X", "pre-existing X", "a history of X", "prior
    cardiac events": each qualifies the event as present before treatment."""
    text = (
        "Hypocalcaemia at baseline was present in 5.2% of patients. Patients had baseline "
        "grade 1 neuropathy (14%). Patients with pre-existing hypertension (22%) were included. "
        "Patients had a history of congestive heart failure in 3%. Prior cardiac events were "
        "reported in 6% of patients. Preexisting diarrhoea was noted in 11% of patients."
    )
    assert _safety_values(nlp, text) == []


def test_condition_at_baseline_after_the_share_is_no_incidence(nlp):
    """ "10% had hypertension at baseline": the event follows the share, qualified after it."""
    text = "Overall, 10% of patients had hypertension at baseline."
    assert _safety_values(nlp, text) == []


def test_baseline_in_another_clause_keeps_the_rate(nlp):
    """Negative: "no patient had diarrhoea at baseline" qualifies another mention of the event."""
    text = "Grade 3 diarrhoea occurred in 12% of patients; no patient had diarrhoea at baseline."
    assert _safety_values(nlp, text) == [12.0]


def test_worsening_of_a_baseline_condition_is_an_incidence(nlp):
    """Negative: "worsening of baseline neuropathy", "exacerbation of pre-existing
    hypertension": a change on treatment."""
    text = (
        "Worsening of baseline neuropathy occurred in 9% of patients. Exacerbation of "
        "pre-existing hypertension was reported in 6% of patients."
    )
    assert _safety_values(nlp, text) == [9.0, 6.0]


def test_new_onset_event_is_an_incidence(nlp):
    """Negative: "new-onset hypertension" names no earlier condition."""
    text = "New-onset hypertension occurred in 7% of patients."
    assert _safety_values(nlp, text) == [7.0]


def test_decline_from_baseline_is_an_incidence(nlp):
    """Negative: "LVEF decline from baseline" measures a change on treatment."""
    text = "LVEF decline from baseline of at least 10 points occurred in 4% of patients."
    assert _safety_values(nlp, text) == [4.0]


def test_event_among_patients_with_a_history_is_an_incidence(nlp):
    """Negative: the history qualifies the patients, not the event counted: "cardiac events
    occurred in 5% of patients with a history of hypertension"."""
    text = "Cardiac events occurred in 5% of patients with a history of hypertension."
    assert 5.0 in _safety_values(nlp, text)


def test_prior_treatment_does_not_qualify_the_event(nlp):
    """Negative: "prior trastuzumab" is an earlier drug, not an earlier event."""
    text = "In patients given prior trastuzumab, grade 3 diarrhoea occurred in 8% of patients."
    assert _safety_values(nlp, text) == [8.0]
