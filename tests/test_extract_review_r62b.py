"""Review of round 62b (pipeline 0.3.122). The new bare P-list rule took the Ps from every value
of two "A vs B" pairs of one end point: "diarrhoea occurred in 20% vs 10% and neutropenia in 15%
vs 5% (P=0.41 and P=0.03)" compares two pairs, one P each, in order, yet all four lost their P
(before the round all four carried the first one). As many pairs as Ps now take one P each; a
list that matches no such pairing still leaves every value without a P."""

from __future__ import annotations

from extract_helpers import P_ROW, rows_of

TD = "docetaxel+trastuzumab"
PTD = "docetaxel+pertuzumab+trastuzumab"
KADCYLA = "trastuzumab emtansine"

TWO_ARMS = (
    "Pertuzumab added to trastuzumab and docetaxel\n\n"
    "Patients were randomly assigned to trastuzumab plus docetaxel (arm A) or pertuzumab plus "
    "trastuzumab plus docetaxel (arm B). "
)
THREE_ARMS = (
    "Three HER2-targeted regimens in metastatic breast cancer\n\n"
    "Patients were randomly assigned to trastuzumab plus docetaxel (TD), pertuzumab plus "
    "trastuzumab plus docetaxel (PTD) or trastuzumab emtansine (T-DM1). "
)


def test_two_event_pairs_take_one_p_each(nlp):
    """ "20% vs 10% and 15% vs 5% (P=0.41 and P=0.03)": the first pair's P is 0.41, the
    second's 0.03."""
    text = (
        TWO_ARMS
        + "Diarrhoea occurred in 20% vs 10% and neutropenia in 15% vs 5% (P=0.41 and P=0.03)."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert [(r.value, r.p, r.arm) for r in rows] == [
        (20.0, "0.41", TD),
        (10.0, "0.41", PTD),
        (15.0, "0.03", TD),
        (5.0, "0.03", PTD),
    ]


def test_two_rate_pairs_of_one_end_point_take_one_p_each(nlp):
    """ "The ORR was 60% vs 70% in younger and 50% vs 65% in older patients (P=0.41 and
    P=0.03)": two comparisons of one end point, each with its own P."""
    text = TWO_ARMS + (
        "The ORR was 60% vs 70% in younger and 50% vs 65% in older patients (P=0.41 and P=0.03)."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert [(r.value, r.p) for r in rows] == [
        (60.0, "0.41"),
        (70.0, "0.41"),
        (50.0, "0.03"),
        (65.0, "0.03"),
    ]


def test_three_listed_rates_still_lose_a_two_p_list(nlp):
    """Negative: three rates zipped with three arms are no pairs, so "(P=0.41 and P=0.03)"
    still says of no rate which pair it compares."""
    text = THREE_ARMS + (
        "The ORR was 60%, 70% and 50% in the TD, PTD and T-DM1 arms (P=0.41 and P=0.03)."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert [(r.value, r.p, r.arm) for r in rows] == [
        (60.0, None, TD),
        (70.0, None, PTD),
        (50.0, None, KADCYLA),
    ]


def test_two_pairs_with_three_ps_lose_them(nlp):
    """Negative: three Ps after two pairs match no pairing, so no value carries one."""
    text = TWO_ARMS + (
        "Diarrhoea occurred in 20% vs 10% and neutropenia in 15% vs 5% (P=0.41, P=0.03 and P=0.2)."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert [r.p for r in rows] == [None, None, None, None]
