"""Review of round 39 (pipeline 0.3.65): the "difference" look-back widened to "difference in
ORR:" / "difference in ORR =", so "no significant difference in ORR: 45% and 43% for A and B,
respectively" lost the first rate (and gave the second to the wrong arm). A percentage compared
with a second one right after it is one of the rates compared, never their difference. The other
tests pin readings the review checked around the round's rules (a count before "of", a
difference in a bracket, a main verb after a value, stable disease in a DCR definition)."""

from __future__ import annotations

from extract_helpers import ARM_ROW, rows_of

LC = "capecitabine+lapatinib"
C = "capecitabine"
TWO_ARMS = (
    "Lapatinib plus capecitabine in HER2-positive breast cancer\n\n"
    "Patients were randomized to lapatinib plus capecitabine or capecitabine alone. "
)
SINGLE_ARM = (
    "Trastuzumab plus docetaxel in HER2-positive breast cancer\n\n"
    "In this single-arm trial, patients received trastuzumab plus docetaxel. "
)


# 1. Rates compared after "difference in <end point>:" are rates.
def test_rates_listed_after_difference_colon_are_kept(nlp):
    """ "no significant difference in ORR: 45% and 43% for A and B, respectively": two ORR
    rates, each with its arm (0.3.65 dropped the 45% and gave the 43% to A)."""
    text = TWO_ARMS + (
        "There was no significant difference in ORR: 45% and 43% for lapatinib plus "
        "capecitabine and capecitabine alone, respectively."
    )
    assert rows_of(nlp, text, ARM_ROW) == [
        ("ORR", "rate", 45.0, LC),
        ("ORR", "rate", 43.0, C),
    ]


def test_rates_compared_after_difference_equals_are_kept(nlp):
    """ "The difference in ORR = 45% vs 43%": both rates, in the arms' order."""
    text = TWO_ARMS + "The difference in ORR = 45% vs 43%, P = 0.6."
    assert rows_of(nlp, text, ARM_ROW) == [
        ("ORR", "rate", 45.0, LC),
        ("ORR", "rate", 43.0, C),
    ]


def test_lone_difference_after_colon_is_still_no_rate(nlp):
    """Negative: "Difference in pCR: 12% (95% CI, 4 to 20)" is a difference, no pCR rate."""
    text = TWO_ARMS + "The pCR rate was 45% vs 33%. Difference in pCR: 12% (95% CI, 4 to 20)."
    assert [r.value for r in rows_of(nlp, text, ARM_ROW)] == [45.0, 33.0]


def test_difference_followed_by_its_ci_is_no_rate(nlp):
    """Negative: "(difference: 12% and 95% CI, 4% to 20%)": a CI after "and" is no second
    rate, so the 12% stays a difference."""
    text = TWO_ARMS + "The pCR rate was 45% vs 33% (difference: 12% and 95% CI, 4% to 20%)."
    assert [r.value for r in rows_of(nlp, text, ARM_ROW)] == [45.0, 33.0]


# 2. Pins around the round's rules.
def test_rates_in_bracket_after_no_difference_keep_their_arms(nlp):
    """ "There was no difference in ORR (45% vs 43%)": both rates, one per arm."""
    text = TWO_ARMS + "There was no difference in ORR (45% vs 43%)."
    assert rows_of(nlp, text, ARM_ROW) == [
        ("ORR", "rate", 45.0, LC),
        ("ORR", "rate", 43.0, C),
    ]


def test_rate_after_count_of_denominator_is_kept(nlp):
    """ "in 32 of 100 (32%) patients": the 32% stays the ORR (only a bare number after
    "<count> of" is a denominator)."""
    text = SINGLE_ARM + "Objective response was observed in 32 of 100 (32%) patients."
    assert [(r.endpoint, r.value) for r in rows_of(nlp, text, ARM_ROW)] == [("ORR", 32.0)]


def test_event_free_survival_after_achieved_pcr_stays_efs(nlp):
    """ "patients who achieved pCR had a 3-year EFS of 92%": the 92% is EFS, not pCR."""
    text = SINGLE_ARM + "The pCR rate was 40%; patients who achieved pCR had a 3-year EFS of 92%."
    assert [(r.endpoint, r.value) for r in rows_of(nlp, text, ARM_ROW)] == [
        ("pCR", 40.0),
        ("EFS", 92.0),
    ]


def test_disease_control_defined_with_stable_disease_stays_dcr(nlp):
    """ "The disease control rate (complete response, partial response or stable disease) was
    80%": stable disease, now an ignored end point, does not take the DCR's value."""
    text = SINGLE_ARM + (
        "The disease control rate (complete response, partial response or stable disease) was 80%."
    )
    assert [(r.endpoint, r.value) for r in rows_of(nlp, text, ARM_ROW)] == [("DCR", 80.0)]


def test_main_verb_had_names_the_later_adverse_event(nlp):
    """ "The ORR was 60%, and 30% of patients had grade 3 neutropenia": the 30% is AE_G3."""
    text = SINGLE_ARM + "The ORR was 60%, and 30% of patients had grade 3 neutropenia."
    assert [(r.endpoint, r.value) for r in rows_of(nlp, text, ARM_ROW)] == [
        ("ORR", 60.0),
        ("AE_G3", 30.0),
    ]
