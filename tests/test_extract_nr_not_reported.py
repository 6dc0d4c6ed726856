"""A short form "NR" spelled out as "not reported" is no median. Round 74a opened every sentence
holding "NR" to the not-reached reader, so "Median OS was NR (not reported)" and "PFS data were
NR" became not-reached medians (found by the review of round 74a)."""

from __future__ import annotations

from extract_helpers import ARM_ROW, rows_of

TITLE = "Trastuzumab in HER2-positive breast cancer\n\n"


def _values(nlp, sentence: str) -> list[tuple]:
    return [(r.endpoint, r.value) for r in rows_of(nlp, TITLE + sentence, ARM_ROW)]


def test_nr_spelled_out_as_not_reported_is_no_median(nlp):
    """ "NR (not reported)" / "NR [not available]": nothing was reached or measured."""
    assert _values(nlp, "Median OS was NR (not reported) in the trastuzumab arm.") == []
    assert _values(nlp, "Median OS was NR [not available] and PFS 12.1 months.") == [("PFS", 12.1)]


def test_data_were_nr_is_no_median(nlp):
    """ "PFS data were NR": the data were not reported, no median."""
    assert _values(nlp, "PFS data were NR.") == []


def test_nr_as_not_reached_stays_a_median(nlp):
    """Negative: "NR", "NR (not reached)" and "was not reached" are still one null median."""
    for sentence in (
        "Median OS was NR.",
        "Median OS was NR (not reached).",
        "Median OS was not reached.",
    ):
        assert _values(nlp, sentence) == [("OS", None)], sentence
