"""Review of held-out round 19 (348e130).

Found: the duration-design rule (``arms._duration_design``) fired on any randomisation sentence
holding "N or M months of" and then merged every arm whose drugs were a subset of the fullest
into it and skipped the lettered and design-sentence readings: "Patients who had received 9
weeks or 1 year of trastuzumab were randomized to pertuzumab plus trastuzumab or trastuzumab
alone" had one arm, "docetaxel alone or docetaxel with 6 or 12 months of trastuzumab"-like
designs lost their control arm, the neratinib/placebo design lost placebo, and Short-HER's
"Arm A received ...; arm B received ..." were no longer read. It also missed "6 months (arm A)
versus 12 months (arm B) of". The short form before a dose ("(PMCb; AUC 1.5 ...)") took any
capitalised word before a ";" ("(ITT; n = 808)", "(IV; 8 mg/kg)"); the rate of death between
an end point and its value also fired on a bracket defining the end point ("overall survival
(all-cause mortality) rate") and on a composite event ("the rate of death or progression"),
and missed "the rate of cardiac death"."""

from __future__ import annotations

from extract_helpers import arms_of, extract_text, registry_of


def _rates(nlp, text: str) -> list[tuple]:
    ex = extract_text(nlp, text)
    return [(o.endpoint, o.value, o.arm) for o in ex.outcomes if o.measure == "rate"]


def test_durations_before_the_randomisation_are_no_design(nlp):
    """ "who had received 9 weeks or 1 year of trastuzumab were randomized to A or B": the
    durations are the population's past treatment; both regimens stay arms."""
    text = (
        "Pertuzumab extension\n\n"
        "Patients who had received 9 weeks or 1 year of trastuzumab were randomized to "
        "pertuzumab plus trastuzumab or trastuzumab alone. The 3-year iDFS was 94.1% with "
        "pertuzumab plus trastuzumab and 93.2% with trastuzumab alone."
    )
    arms = arms_of(nlp, text)
    assert arms[94.1] == "pertuzumab+trastuzumab"
    assert arms[93.2] == "trastuzumab"


def test_durations_of_one_arm_keep_the_control(nlp):
    """ "12 versus 24 weeks of paclitaxel plus trastuzumab, or paclitaxel alone": the sentence
    defines two arms; the control is no duration of the other."""
    text = (
        "Sequential trastuzumab\n\n"
        "Patients were randomized to 12 versus 24 weeks of paclitaxel plus trastuzumab, or "
        "paclitaxel alone. The pCR rate was 45% with paclitaxel plus trastuzumab and 20% with "
        "paclitaxel alone."
    )
    assert arms_of(nlp, text) == {45.0: "paclitaxel+trastuzumab", 20.0: "paclitaxel"}


def test_durations_before_a_placebo_design_keep_placebo(nlp):
    """ "who had completed 12 months or 2 years of trastuzumab were randomly assigned to
    neratinib or placebo": the placebo group stays an arm of the registry."""
    text = (
        "Neratinib\n\n"
        "Patients who had completed 12 months or 2 years of trastuzumab were randomly assigned "
        "to neratinib 240 mg daily or placebo for 1 year."
    )
    assert len(registry_of(nlp, text).arms) == 2


def test_arms_described_by_letter_after_a_duration_design(nlp):
    """Short-HER: "randomized to 9 weeks versus 1 year of trastuzumab. Arm A received ...; arm
    B received ...": the lettered arms differ in chemotherapy and are read."""
    text = (
        "Short-HER\n\n"
        "Patients were randomized to 9 weeks versus 1 year of trastuzumab. Arm A received "
        "doxorubicin plus cyclophosphamide followed by paclitaxel plus trastuzumab; arm B "
        "received docetaxel plus trastuzumab followed by FEC. The 5-year DFS was 87.5% in arm A "
        "and 85.4% in arm B."
    )
    arms = arms_of(nlp, text)
    assert arms[87.5] == "cyclophosphamide+doxorubicin+paclitaxel+trastuzumab"
    assert arms[85.4] == "cyclophosphamide+docetaxel+epirubicin+fluorouracil+trastuzumab"


def test_labels_after_both_durations_name_the_regimen(nlp):
    """ "6 months (arm A) versus 12 months (arm B) of trastuzumab": the label may follow the
    unit of the second duration too."""
    text = (
        "PHARE\n\n"
        "Patients were randomly assigned to 6 months (arm A) versus 12 months (arm B) of "
        "trastuzumab. The 2-year DFS was 93.8% in arm B and 91.1% in arm A."
    )
    assert arms_of(nlp, text) == {93.8: "trastuzumab", 91.1: "trastuzumab"}


def test_a_population_bracket_defines_no_short_form(nlp):
    """ "(ITT; n = 808)" after a regimen: "ITT" opens a bracket with no dose, so "the ITT
    population" is no arm."""
    text = (
        "Pertuzumab\n\n"
        "Patients were randomly assigned to docetaxel plus trastuzumab or docetaxel plus "
        "trastuzumab plus pertuzumab (ITT; n = 808). The ORR was 69.3% in the ITT population."
    )
    assert arms_of(nlp, text)[69.3] is None


def test_a_route_before_its_dose_is_no_short_form(nlp):
    """ "trastuzumab (IV; 8 mg/kg ...) or trastuzumab (SC; 600 mg ...) with docetaxel": the
    routes are no short forms; docetaxel is no arm of its own."""
    text = (
        "Trastuzumab SC\n\n"
        "Patients were randomly assigned to trastuzumab (IV; 8 mg/kg loading dose) or "
        "trastuzumab (SC; 600 mg fixed dose) with docetaxel."
    )
    assert "docetaxel" not in [a.name for a in registry_of(nlp, text).arms]


def test_short_form_before_a_drug_dose_names_the_arm(nlp):
    """Positive neighbour of GeparSixto's "(PMCb; AUC 1·5 once a week)": "(LC; lapatinib 1250
    mg daily)"."""
    text = (
        "Lapatinib\n\n"
        "Patients were randomly assigned to capecitabine alone or lapatinib plus capecitabine "
        "(LC; lapatinib 1250 mg daily). Median TTP was 8.4 months in the LC group and 4.4 "
        "months in the capecitabine group."
    )
    assert arms_of(nlp, text)[8.4] == "capecitabine+lapatinib"


RANDOMISED = (
    "Trastuzumab\n\nPatients were randomly assigned to paclitaxel alone or paclitaxel plus "
    "trastuzumab. "
)


def test_mortality_defining_the_end_point_keeps_its_rate(nlp):
    """ "The 3-year overall survival (all-cause mortality) rate was 91% vs 86%": the bracket
    defines the end point, the values are its rates."""
    text = RANDOMISED + "The 3-year overall survival (all-cause mortality) rate was 91% vs 86%."
    assert [r[:2] for r in _rates(nlp, text)] == [("OS", 91.0), ("OS", 86.0)]


def test_rate_of_death_or_progression_is_no_death_rate(nlp):
    """ "the complement of the rate of death or progression" names the event of the end point,
    no rate of death."""
    text = RANDOMISED + (
        "The 1-year progression-free survival, the complement of the rate of death or "
        "progression, was 65 percent vs. 45 percent."
    )
    assert [r[:2] for r in _rates(nlp, text)] == [("PFS", 65.0), ("PFS", 45.0)]


def test_rate_of_cardiac_death_is_no_response_rate(nlp):
    """ "The ORR was 50% versus 32% and the rate of cardiac death was 1% versus 0%": the last
    two values are no ORR."""
    text = RANDOMISED + "The ORR was 50% versus 32% and the rate of cardiac death was 1% versus 0%."
    assert [r[:2] for r in _rates(nlp, text)] == [("ORR", 50.0), ("ORR", 32.0)]


def test_lower_mortality_after_an_end_point_is_no_rate_of_it(nlp):
    """Neighbour of H0648g's "a lower rate of death at 1 year": "a lower mortality at 1 year"
    and "a lower 1-year death rate"."""
    for phrase in ("a lower mortality at 1 year", "a lower 1-year death rate"):
        text = (
            "Trastuzumab\n\nThe addition of trastuzumab was associated with a longer duration of "
            f"response (median, 9.1 vs. 6.1 months), {phrase} (22 percent vs. 33 percent)."
        )
        assert [r for r in _rates(nlp, text) if r[1] == 22.0] == []
