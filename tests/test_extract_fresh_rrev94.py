"""Review of round 94: over-reach of its rules. A code named both as its trial and as the drug
the trial randomises ("The KJ-1201 trial is a randomized phase III study. Patients were
randomized to KJ-1201 or trastuzumab emtansine") lost its drug (round 94c knew no assignment verb
and no "X arm"); "24.1% of patients had a response lasting 12 months or longer" became an ORR
(round 94c's bare "had a response"); and "no progression-related dose delays" made every
patient's backbone a lead-in (round 94a's "no progression" cue)."""

from __future__ import annotations

from extract_helpers import ARM_ROW, extract_text, registry_of, rows_of

KJ_TITLE = (
    "KJ-1201 versus trastuzumab emtansine in HER2-positive metastatic breast cancer: an "
    "open-label randomized trial\n\n"
)
KJ_RESULTS = (
    "\nResults: The median PFS was 12.1 months with KJ-1201 and 7.0 months with trastuzumab "
    "emtansine (HR 0.52, 95% CI 0.40-0.68)."
)


def test_code_randomized_to_after_the_code_trial_is_a_drug(nlp):
    """ "The KJ-1201 trial is ... a phase III study. Patients were randomized to KJ-1201 or
    T-DM1": "randomized to" gives the code as the drug assigned, so it stays a drug and an
    arm."""
    text = (
        KJ_TITLE + "Methods: The KJ-1201 trial is an open-label, randomized phase III study. "
        "Patients were randomized to KJ-1201 or trastuzumab emtansine." + KJ_RESULTS
    )
    assert "kj-1201" in extract_text(nlp, text).drugs
    assert "kj-1201" in {"+".join(a.drugs) for a in registry_of(nlp, text).arms}


def test_code_assigned_to_and_its_arm_after_the_code_trial_is_a_drug(nlp):
    """ "randomly assigned to KJ-1201 or T-DM1 ... in the KJ-1201 arm" (no "versus" title)."""
    text = (
        "Efficacy of a novel antibody-drug conjugate in HER2-positive metastatic breast cancer"
        "\n\nMethods: The KJ-1201 trial is an open-label, randomized phase III study. Patients "
        "were randomly assigned to KJ-1201 or trastuzumab emtansine, each by infusion every 3 "
        "weeks.\nResults: The median PFS was 12.1 months in the KJ-1201 arm and 7.0 months in "
        "the trastuzumab emtansine arm (HR 0.52, 95% CI 0.40-0.68)."
    )
    assert "kj-1201" in extract_text(nlp, text).drugs


def test_trial_code_whose_patients_are_randomized_to_named_drugs_stays_no_drug(nlp):
    """Guard (round 94c): "the INAVO122 trial ... In INAVO122, patients were randomized to
    inavolisib or placebo": the code is the trial's name, no drug."""
    text = (
        "Inavolisib in HER2-positive PIK3CA-mutated breast cancer\n\n"
        "Background: INAVO122 (NCT05894239) is a global, phase III, randomized, double-blind, "
        "placebo-controlled trial. In INAVO122, patients were randomized to inavolisib or "
        "placebo plus pertuzumab and trastuzumab.\n"
        "Results: The median PFS was 19.1 months with inavolisib."
    )
    ex = extract_text(nlp, text)
    assert "inavo122" not in ex.drugs
    assert "INAVO122" in ex.trials


TDXD = (
    "Trastuzumab deruxtecan in HER2-mutant solid tumours: a phase II basket study\n\n"
    "Methods: Patients received trastuzumab deruxtecan 5.4 mg/kg every 3 weeks.\n"
    "Results: The objective response rate was 37.0% (95% CI 24.3-51.3). "
)


def _values(nlp, text: str) -> dict[float, str | None]:
    return {r.value: r.endpoint for r in rows_of(nlp, text, ARM_ROW)}


def test_a_response_lasting_a_time_is_no_orr(nlp):
    """ "24.1% of patients had a response lasting 12 months or longer": a durable-response
    share, no ORR."""
    values = _values(
        nlp, TDXD + "Overall, 24.1% of patients had a response lasting 12 months or longer."
    )
    assert values[37.0] == "ORR"
    assert 24.1 not in values


def test_a_response_of_at_least_a_time_is_no_orr(nlp):
    """ "14 (70.0%) had a response of at least 6 months"."""
    values = _values(
        nlp, TDXD + "Of the responders, 14 (70.0%) had a response of at least 6 months."
    )
    assert 70.0 not in values


def test_a_confirmed_response_is_still_orr(nlp):
    """Guard (round 94c): "20 patients (37.0%) had a confirmed response" is the ORR."""
    text = (
        "Trastuzumab deruxtecan in HER2-mutant solid tumours: a phase II basket study\n\n"
        "Methods: Patients received trastuzumab deruxtecan 5.4 mg/kg every 3 weeks.\n"
        "Results: Overall, 20 patients (37.0%) had a confirmed response. The median PFS was 7.1 "
        "months."
    )
    assert _values(nlp, text)[37.0] == "ORR"


PERT = (
    "Pertuzumab versus placebo with trastuzumab and docetaxel in HER2-positive metastatic breast "
    "cancer: a randomized trial\n\n"
)
PERT_RESULTS = (
    "\nResults: The median PFS was 18.5 months with pertuzumab and 12.4 months with placebo "
    "(HR 0.62, 95% CI 0.51-0.75)."
)


def test_no_progression_related_words_are_no_lead_in(nlp):
    """ "All patients received trastuzumab plus docetaxel with no progression-related dose
    delays and were randomly assigned to pertuzumab or placebo": "no progression-related" is
    no lead-in cue, so the backbone is in the arms."""
    text = (
        PERT + "Methods: All patients received trastuzumab plus docetaxel with no "
        "progression-related dose delays and were randomly assigned to pertuzumab or placebo."
        + PERT_RESULTS
    )
    arms = {r.value: r.arm for r in rows_of(nlp, text, ARM_ROW)}
    assert arms[18.5] == "docetaxel+pertuzumab+trastuzumab"


def test_no_disease_progression_is_still_a_lead_in_cue(nlp):
    """Guard (round 94a): "patients with no disease progression were then randomly assigned"."""
    text = (
        PERT + "Methods: All patients received six cycles of trastuzumab plus docetaxel; "
        "patients with no disease progression were randomly assigned to pertuzumab or placebo."
        + PERT_RESULTS
    )
    arms = {r.value: r.arm for r in rows_of(nlp, text, ARM_ROW)}
    assert arms[18.5] == "pertuzumab"
