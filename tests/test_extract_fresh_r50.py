"""Round 50, fresh texts: 14 invented results sections of neoadjuvant, adjuvant,
de-escalation and subgroup analyses of HER2-positive trials. One pattern lost values: a bare
"the respective rates were 72.4% and 66.0%" after a sentence naming pCR was read only when its
sentence named no population ("Among patients with hormone receptor-negative tumours, ..." is a
descriptor of who was measured, which blocked the carried end point), and "respective" was no
qualifier of a carried rate ("corresponding" was)."""

from __future__ import annotations

from extract_helpers import ARM_ROW, P_ROW, arm_of, rows_of

THP = "docetaxel+pertuzumab+trastuzumab"
PHP = "paclitaxel+pertuzumab+trastuzumab"

DESIGN = (
    "Neoadjuvant pertuzumab and trastuzumab with docetaxel or paclitaxel\n\n"
    "Patients with operable HER2-positive breast cancer were randomly assigned to docetaxel, "
    "trastuzumab and pertuzumab (THP) or paclitaxel, trastuzumab and pertuzumab (PHP). "
)
PCR = (
    "A pCR was achieved in 58.2% of patients in the THP group and 51.7% of patients in the PHP "
    "group (P = 0.21). "
)
RESPECTIVE_HR_NEG = (
    "Among patients with hormone receptor-negative tumours, the respective rates were 72.4% "
    "and 66.0%."
)


def test_respective_rates_in_a_subgroup_take_the_previous_end_point(nlp):
    """ "Among patients with hormone receptor-negative tumours, the respective rates were ...":
    the population descriptor names no end point, so the rates are pCR, by arm."""
    rows = rows_of(nlp, DESIGN + PCR + RESPECTIVE_HR_NEG, ARM_ROW)
    assert ("pCR", "rate", 72.4, THP) in rows
    assert ("pCR", "rate", 66.0, PHP) in rows


def test_corresponding_rates_in_a_subgroup_take_the_previous_end_point(nlp):
    """The same with "corresponding" and "disease" (a descriptor the lexicon knows)."""
    text = DESIGN + PCR + RESPECTIVE_HR_NEG.replace("respective", "corresponding")
    rows = rows_of(nlp, text, ARM_ROW)
    assert ("pCR", "rate", 72.4, THP) in rows
    assert ("pCR", "rate", 66.0, PHP) in rows


def test_respective_rates_without_a_descriptor(nlp):
    """ "In patients aged 70 years or older, the respective rates were ...": "respective"
    qualifies a carried rate as "corresponding" does."""
    text = (
        DESIGN
        + PCR
        + "In patients aged 70 years or older, the respective rates were 40.1% and 35.2%."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert ("pCR", "rate", 40.1, THP) in rows
    assert ("pCR", "rate", 35.2, PHP) in rows


def test_a_subgroup_sentence_passes_the_carried_end_point_on(nlp):
    """Two subgroup sentences in a row: the second carries pCR too (the first, whose only hit
    is a descriptor, does not pass the descriptor on)."""
    text = (
        DESIGN
        + PCR
        + RESPECTIVE_HR_NEG
        + " Among patients with hormone receptor-positive tumours, the respective rates were "
        "47.5% and 40.3%."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 47.5) == THP
    assert arm_of(rows, 40.3) == PHP
    assert {r.endpoint for r in rows} == {"pCR"}


def test_subgroup_rates_after_a_sentence_without_end_point_are_not_read(nlp):
    """Negative: right after the design (no end point named), the subgroup's bare rates have
    no end point to take."""
    text = DESIGN + RESPECTIVE_HR_NEG
    assert rows_of(nlp, text, ARM_ROW) == []


def test_rates_of_another_event_in_a_subgroup_are_not_carried(nlp):
    """Negative: "the respective rates of breast-conserving surgery" name their own event (no
    outcome), so no pCR is carried to them."""
    text = (
        DESIGN
        + PCR
        + "Among patients with hormone receptor-negative tumours, the respective rates of "
        "breast-conserving surgery were 61% and 58%."
    )
    values = [r.value for r in rows_of(nlp, text, ARM_ROW)]
    assert values == [58.2, 51.7]


def test_time_to_event_end_point_needs_a_landmark_in_the_subgroup(nlp):
    """Negative: after a median, a subgroup's undated "respective rates" are no PFS rates."""
    text = (
        DESIGN + "Median progression-free survival was 18.5 months in the THP group and 16.0 "
        "months in the PHP group. Among patients with hormone receptor-negative tumours, the "
        "respective rates were 40% and 30%."
    )
    values = [r.value for r in rows_of(nlp, text, ARM_ROW)]
    assert 40.0 not in values and 30.0 not in values
