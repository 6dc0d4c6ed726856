"""Review of round 58c: a group defined by continuing one drug of its regimen after
progression ("those who continued trastuzumab" after "paclitaxel plus trastuzumab") took the
whole design arm, and the patients who "stopped it" took it too (the pronoun was not read), so
the two values had one arm and lost their shared P. A ratio after "who had not achieved pCR"
read that phrase as the pCR group and was dropped as a comparison of response groups."""

from __future__ import annotations

from extract_helpers import arms_of, outcomes_of

# One treated cohort; after progression, trastuzumab continued or stopped.
CONTINUED = (
    "Trastuzumab beyond progression in routine practice\n\n"
    "Patients received paclitaxel plus trastuzumab. Among the 150 patients whose disease "
    "progressed, median OS from progression was 20.1 months in those who continued "
    "trastuzumab beyond progression and 5.2 months in those who stopped it (P < 0.001)."
)


def p_of(nlp, text: str, value: float) -> str | None:
    """The P value of the row holding ``value``."""
    return next(o.p for o in outcomes_of(nlp, text) if o.value == value)


def test_continued_drug_names_itself_not_the_design_arm(nlp):
    """ "20.1 months in those who continued trastuzumab": the group is defined by the drug it
    kept (partners after progression are chosen per patient), not the design arm holding it;
    "those who stopped it" got no named drug."""
    arms = arms_of(nlp, CONTINUED)
    assert (arms[20.1], arms[5.2]) == ("trastuzumab", None)


def test_continued_and_stopped_groups_share_their_p(nlp):
    """The P compares the continued and stopped groups: both values carry it."""
    assert (p_of(nlp, CONTINUED, 20.1), p_of(nlp, CONTINUED, 5.2)) == ("<0.001", "<0.001")


def test_pronoun_after_discontinued_refers_to_the_drug_before(nlp):
    """ "those who discontinued them", "those who did not": the patients without the drug
    named just before."""
    for tail in ("discontinued them", "did not"):
        text = CONTINUED.replace("stopped it", tail)
        arms = arms_of(nlp, text)
        assert (arms[20.1], arms[5.2]) == ("trastuzumab", None), tail


def test_short_form_of_beyond_progression_is_the_continued_drug(nlp):
    """ "continued trastuzumab beyond progression (TBP)": the short form defined there names
    the continued drug as well."""
    text = CONTINUED.replace("beyond progression and", "beyond progression (TBP) and")
    text = text.replace("stopped it", "discontinued it")
    arms = arms_of(nlp, text)
    assert (arms[20.1], arms[5.2]) == ("trastuzumab", None)


def test_randomised_continuation_keeps_the_design_arms(nlp):
    """Negative: where the design has the arm without the continued drug ("capecitabine with
    or without trastuzumab"), continuing it is the randomised comparison: the design arms."""
    text = (
        "Trastuzumab beyond progression\n\n"
        "Patients were randomized to capecitabine plus trastuzumab or capecitabine alone. "
        "Median OS was 25.5 months in patients who continued trastuzumab and 20.4 months in "
        "those who did not."
    )
    arms = arms_of(nlp, text)
    assert (arms[25.5], arms[20.4]) == ("capecitabine+trastuzumab", "capecitabine")


def test_uncontinued_partial_mention_keeps_the_design_arm(nlp):
    """Negative: "with trastuzumab" (no continuation) in a one-arm cohort still names the
    design arm."""
    text = (
        "Trastuzumab in routine practice\n\n"
        "Patients received paclitaxel plus trastuzumab. Median PFS was 11.2 months with "
        "trastuzumab."
    )
    assert arms_of(nlp, text)[11.2] == "paclitaxel+trastuzumab"


def test_continuation_outside_a_progression_comparison_keeps_the_design_arm(nlp):
    """Negative: "patients continuing trastuzumab had an ORR of 55.0%" in a sentence naming
    neither progression nor the patients who stopped it: the cohort's design arm."""
    text = (
        "Trastuzumab in routine practice\n\n"
        "Patients received docetaxel plus trastuzumab. Median PFS was 12.0 months; patients "
        "continuing trastuzumab had an ORR of 55.0%."
    )
    assert arms_of(nlp, text)[55.0] == "docetaxel+trastuzumab"


def ratios_of(nlp, text: str) -> list[float]:
    """The HR/OR values extracted from ``text``."""
    return [o.value for o in outcomes_of(nlp, text) if o.measure in ("HR", "OR")]


def test_ratio_after_had_not_achieved_pcr_is_an_arm_comparison(nlp):
    """ "In patients with residual invasive disease who had not achieved pCR, IDFS was longer
    with T-DM1 (HR 0.50)": one response group (negated pCR), a subgroup of the arms'
    comparison; its ratio stays."""
    text = (
        "Adjuvant T-DM1\n\n"
        "Patients were randomized to T-DM1 or trastuzumab. In patients with residual invasive "
        "disease who had not achieved pCR, IDFS was longer with T-DM1 than with trastuzumab "
        "(HR 0.50; 95% CI 0.39-0.64)."
    )
    assert ratios_of(nlp, text) == [0.5]
