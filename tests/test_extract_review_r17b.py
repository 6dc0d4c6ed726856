"""Review of round 17 (pipelines 0.3.29-0.3.30), outcomes and trials. Variants of the new tests'
texts found three readings that fire too widely: ``_compared_times`` took any "vs" word between
the end point and a gain for compared medians ("an improvement in median PFS versus placebo of
6.1 months" became the placebo arm's median); ``_BRACKET_AFTER_NOUN`` read any bracketed name in
capitals after "trial"/"study" ("The Cancer Genome Atlas study (TCGA)", "the cardiac substudy
(LVEF)"); and the new "decline in ejection fraction" AE terms read a definition's cut-off ("of
at least 15%") as an incidence."""

from __future__ import annotations

import pytest
from extract_helpers import ARM_ROW, extract_text, rows_of

PT = "docetaxel+pertuzumab+trastuzumab"
T = "docetaxel+trastuzumab"
DESIGN = (
    "Pertuzumab in metastatic breast cancer\n\n"
    "Patients were randomly assigned to trastuzumab plus docetaxel with pertuzumab or placebo. "
)


# --- a gain in the median against a named comparator is still a gain ----------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Pertuzumab gave an improvement in median PFS versus placebo of 6.1 months.",
        "There was an improvement in median PFS compared with placebo of 6.1 months (HR 0.62).",
        "The difference in median PFS versus placebo was 6.1 months (HR 0.62).",
    ],
)
def test_gain_against_a_comparator_is_no_median(nlp, sentence):
    """ "versus placebo" names the comparator of the gain, not a second median: 6.1 months is
    the difference (before, it became the placebo arm's median)."""
    assert 6.1 not in [r[2] for r in rows_of(nlp, DESIGN + sentence, ARM_ROW)]


def test_gain_before_compared_medians_stays_a_gain(nlp):
    """ "a gain in median PFS of 6.1 months, 18.5 vs 12.4 months": the medians are the arms',
    the 6.1 months listed before them is still the gain."""
    text = DESIGN + "Pertuzumab gave a gain in median PFS of 6.1 months, 18.5 vs 12.4 months."
    assert rows_of(nlp, text, ARM_ROW) == [("PFS", "median", 18.5, PT), ("PFS", "median", 12.4, T)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Pertuzumab gave an improvement in median PFS (18.5 months with pertuzumab versus 12.4 "
        "months with placebo).",
        "Pertuzumab gave an improvement in median PFS (18.5 months [95% CI 15.2-23.1] vs 12.4 "
        "months [10.4-13.9]).",
        "Pertuzumab gave improvements in PFS (median, 18.5 vs. 12.4 months; HR 0.62).",
    ],
)
def test_compared_medians_after_a_gain_word_are_medians(nlp, sentence):
    """Compared medians after "improvement in" are each arm's, whatever stands between them (arm
    words, a CI bracket)."""
    rows = [r for r in rows_of(nlp, DESIGN + sentence, ARM_ROW) if r[1] == "median"]
    assert rows == [("PFS", "median", 18.5, PT), ("PFS", "median", 12.4, T)]


# --- a bracket after "trial"/"study" names a trial only after a design word -----------------------

TRIAL_DESIGN = "Trastuzumab in early breast cancer\n\n"


@pytest.mark.parametrize(
    "sentence",
    [
        "We used data from The Cancer Genome Atlas study (TCGA) on trastuzumab.",
        "Patients were enrolled in a Cancer and Leukemia Group B trial (CALGB).",
        "Cardiac function was monitored in the cardiac substudy (LVEF).",
    ],
)
def test_short_form_after_a_plain_noun_is_no_trial(nlp, sentence):
    """A bracket after a plain noun phrase (no design word in the two words before the noun) is
    its short form or a measure, not a trial name."""
    assert extract_text(nlp, TRIAL_DESIGN + sentence).trials == []


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("This single-arm phase II study (TDM4258g) evaluated T-DM1.", "TDM4258g"),
        ("The multicentre phase II study (ZENITH) enrolled women.", "ZENITH"),
        ("An open-label trial (ZENITH) enrolled women.", "ZENITH"),
        ("In this single-arm pilot study (ZENITH-2), 64 patients were treated.", "ZENITH-2"),
    ],
)
def test_bracket_after_design_words_is_a_trial(nlp, sentence, name):
    assert extract_text(nlp, TRIAL_DESIGN + sentence).trials == [name]


# --- a cut-off of an ejection-fraction decline is no incidence ------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "A decline in ejection fraction of at least 15% occurred in 3% of patients.",
        "A decline in left ventricular ejection fraction of at least 15% occurred in 3% of "
        "patients.",
        "A decrease in ejection fraction by more than 10% occurred in 3% of patients.",
    ],
)
def test_ejection_fraction_decline_cut_off_is_no_incidence(nlp, sentence):
    text = "Trastuzumab in early breast cancer\n\nPatients received trastuzumab. " + sentence
    assert [r[2] for r in rows_of(nlp, text, ARM_ROW)] == [3.0]
