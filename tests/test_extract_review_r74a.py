"""Review of round 74a: a "neither group reached" median after another end point's went to the
one before it ("Median OS was not reached, and neither group reached the median DoR" gave OS
both arms and no DoR), and a not-reached median shared by a list of end points kept the arm
named after it on the first listed end point only ("Median PFS and OS were not reached in the
A arm": OS lost its arm)."""

from __future__ import annotations

from extract_helpers import ARM_ROW, rows_of

TDXD = "trastuzumab deruxtecan"
TDM1 = "trastuzumab emtansine"
TWO_ARMS = (
    "Trastuzumab deruxtecan versus trastuzumab emtansine in HER2-positive breast cancer\n\n"
    "Patients were randomly assigned to trastuzumab deruxtecan or trastuzumab emtansine. "
    "Median PFS was 25.1 versus 7.2 months. "
)


def _nr_rows(nlp, text: str) -> list[tuple]:
    return sorted(
        (r for r in rows_of(nlp, text, ARM_ROW) if r.value is None),
        key=lambda r: (r.endpoint, r.arm or ""),
    )


def test_neither_reached_names_the_end_point_after_it(nlp):
    """ "..., and neither group reached the median DoR": DoR in each arm, not OS's arms."""
    text = TWO_ARMS + "Median OS was not reached, and neither group reached the median DoR."
    rows = _nr_rows(nlp, text)
    assert [(r.endpoint, r.arm) for r in rows if r.endpoint == "DOR"] == [
        ("DOR", TDXD),
        ("DOR", TDM1),
    ]
    assert [r.arm for r in rows if r.endpoint == "OS"] == [None]


def test_neither_reached_with_an_end_point_before_only_keeps_it(nlp):
    """ "Median OS was reached in neither arm": the end point before still names it."""
    rows = _nr_rows(nlp, TWO_ARMS + "Median OS was reached in neither arm.")
    assert [(r.endpoint, r.arm) for r in rows] == [("OS", TDXD), ("OS", TDM1)]


def test_listed_not_reached_medians_share_the_arm_named_after(nlp):
    """ "Median DoR and OS were not reached in the trastuzumab deruxtecan arm": both its."""
    text = TWO_ARMS + "Median DoR and OS were not reached in the trastuzumab deruxtecan arm."
    rows = _nr_rows(nlp, text)
    assert [(r.endpoint, r.arm) for r in rows] == [("DOR", TDXD), ("OS", TDXD)]


def test_listed_not_reached_medians_without_an_arm_stay_armless(nlp):
    """ "Median DoR and OS were not reached": no arm named, none given to either."""
    rows = _nr_rows(nlp, TWO_ARMS + "Median DoR and OS were not reached.")
    assert [(r.endpoint, r.arm) for r in rows] == [("DOR", None), ("OS", None)]
