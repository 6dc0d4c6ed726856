"""Review of round 84a: the guard that keeps a pair of one regimen from ordering a later
"respectively" beside two designed regimens (``_compares_no_two_regimens``) had no test of its
own; and the bracketed cut-off reading (``_cutoff_bracket``) also dropped a bound stated right
after a predicate ("pneumonitis was rare (<1%)"), which is the result itself."""

from __future__ import annotations

from extract_helpers import ARM_ROW, FULL_ROW, arm_of, rows_of

TH = "docetaxel+trastuzumab"
PTH = "docetaxel+pertuzumab+trastuzumab"

TWO_REGIMENS = (
    "Patients were randomized to trastuzumab plus docetaxel or pertuzumab plus trastuzumab plus "
    "docetaxel. The pCR rate was 57% in the trastuzumab plus docetaxel group and 61% in the "
    "trastuzumab plus docetaxel group receiving radiotherapy. The ORR was 60% and 75%, "
    "respectively."
)


def test_pair_of_one_regimen_beside_two_designed_regimens_orders_nothing(nlp):
    """Two groups of one regimen in a two-regimen design: "respectively" keeps the design's
    order (the guard alone decides; without it 75% went to the first regimen again)."""
    rows = rows_of(nlp, TWO_REGIMENS, ARM_ROW)
    assert arm_of(rows, 60.0) == TH
    assert arm_of(rows, 75.0) == PTH


def _values(nlp, text: str) -> list[float]:
    return [r.value for r in rows_of(nlp, text, FULL_ROW)]


def test_bound_after_was_rare_is_the_result(nlp):
    """ "Pneumonitis was rare (<1%)": the bracket bounds the rate just stated."""
    text = "Patients received trastuzumab emtansine. Grade ≥3 pneumonitis was rare (<1%)."
    assert _values(nlp, text) == [1.0]


def test_bound_after_occurred_infrequently_is_the_result(nlp):
    """ "occurred infrequently (≤ 5%)": a predicate and an adverb before the bracket."""
    text = "Patients received pyrotinib. Grade 3 diarrhoea occurred infrequently (≤ 5%)."
    assert _values(nlp, text) == [5.0]


def test_biomarker_cutoff_bracket_stays_no_value(nlp):
    """Negative: "PD-L1 (≥ 1%)" after a noun still defines a group, no rate."""
    text = "Patients received pyrotinib. The ORR in patients with PD-L1 (≥ 1%) was 40%."
    assert _values(nlp, text) == [40.0]


def test_common_events_cutoff_stays_no_value(nlp):
    """Negative: "The most common adverse events (≥ 20%) were ..." is the listing's cut-off."""
    text = (
        "Patients received pyrotinib. The most common adverse events (≥ 20%) were diarrhoea "
        "(80%) and nausea (40%)."
    )
    assert _values(nlp, text) == [80.0, 40.0]


def test_bound_after_a_count_is_that_counts_share(nlp):
    """Lead fix 0.3.202: "thrombocytopenia (one [<1%] vs 16 [8%])": a signed bracket after a
    count is the count's share, so both rates stay (round 84a read "[<1%]" as a cut-off)."""
    text = (
        "Patients were randomly assigned to docetaxel plus trastuzumab (TH group) or docetaxel "
        "plus carboplatin plus trastuzumab (TCbH group). The most common grade 3 or 4 adverse "
        "events were anaemia (four [2%] vs 19 [9%]) and thrombocytopenia (one [<1%] vs 16 [8%])."
    )
    assert _values(nlp, text) == [2.0, 9.0, 1.0, 8.0]
