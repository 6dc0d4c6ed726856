"""Review of rounds 81a/81b. "almost"/"nearly" dropped a figure even when it was one side of a
comparison ("ORR was nearly 60% with A and 40% with B (P=0.01)"), leaving a half pair and
losing the P. "than those" gave one P to every value of a group holding a third list compared
with another study ("similar to those in CLEOPATRA (80% and 90%) and higher than those of the
control group (...)"). A lone drug after a short form that already holds it ("TH, trastuzumab
and pertuzumab") was cut off as a regimen of its own."""

from __future__ import annotations

from extract_helpers import P_ROW, rows_of

from her2mine.extract.components import _hits
from her2mine.extract.regimens import group_regimens

LAP = "Patients were randomly assigned to lapatinib plus capecitabine or capecitabine alone. "
LC = "capecitabine+lapatinib"


def _rows(nlp, text: str) -> set[tuple]:
    return {(r.value, r.p, r.arm) for r in rows_of(nlp, text, P_ROW)}


def test_nearly_before_a_compared_figure_stays_a_result(nlp):
    """ "nearly 60% with A and 40% with B (P=0.01)": both sides of the pair and their P."""
    text = LAP + "ORR was nearly 60% with lapatinib plus capecitabine and 40% with capecitabine "
    text += "alone (P=0.01)."
    assert _rows(nlp, text) == {(60.0, "0.01", LC), (40.0, "0.01", "capecitabine")}


def test_nearly_after_versus_stays_a_result(nlp):
    """ "40% ... versus nearly 60% ...": the hedged second value of a pair is kept."""
    text = LAP + "ORR was 40% with capecitabine alone versus nearly 60% with lapatinib plus "
    text += "capecitabine."
    assert {v for v, _, _ in _rows(nlp, text)} == {40.0, 60.0}


def test_nearly_alone_is_still_no_result(nlp):
    """Negative: a lone hedged figure with nothing compared stays dropped (round 81b)."""
    assert rows_of(nlp, LAP + "The objective response rate was nearly 60%.", P_ROW) == []


OBSERVATION = (
    "Patients were randomly assigned to pertuzumab plus trastuzumab plus docetaxel (observation "
    "group) or trastuzumab plus docetaxel (control group). ORR and DCR of the observation group "
    "were 62.50% and 87.50%, respectively, "
)


def test_third_list_compared_with_another_study_takes_no_p(nlp):
    """ "similar to those in CLEOPATRA (80% and 90%) and higher than those of the control
    group (...) (P<0.05)": the P compares the study arms, not CLEOPATRA's figures."""
    text = OBSERVATION + (
        "which were similar to those reported in CLEOPATRA (80% and 90%) and higher than those "
        "of the control group (41.67% and 72.92%) (P<0.05)."
    )
    ps = {v: p for v, p, _ in _rows(nlp, text)}
    assert ps[80.0] is None and ps[90.0] is None
    assert ps[41.67] == "<0.05"


def test_two_lists_than_those_still_share_the_p(nlp):
    """Negative: two lists set against each other by one "than those" share the P."""
    text = OBSERVATION + "which were higher than those of the control group (41.67% and "
    text += "72.92%) (P<0.05)."
    assert {p for _, p, _ in _rows(nlp, text)} == {"<0.05"}


def _chains(nlp, text: str, start: str) -> list[list[str]]:
    s = text.index(start)
    e = text.find(". ", s)
    e = len(text) if e < 0 else e
    hits = [h for h in _hits(nlp(text)._.her2, "drugs") if s <= h.start < e]
    return [r.drugs for r in group_regimens(text, hits)]


TH_LIST = "Patients were randomly assigned to TH, trastuzumab and pertuzumab or TH alone. "


def test_lone_drug_restating_a_short_form_stays_one_regimen(nlp):
    """ "TH, trastuzumab and pertuzumab": trastuzumab restates TH's, so one regimen (THP)."""
    assert _chains(nlp, TH_LIST, "randomly")[0] == ["docetaxel", "pertuzumab", "trastuzumab"]


def test_lone_drug_restating_a_short_form_keeps_the_arm(nlp):
    """The pair after "TH, trastuzumab and pertuzumab or TH alone" names THP and TH."""
    arms = {v: a for v, _, a in _rows(nlp, TH_LIST + "The pCR rate was 60% vs 50%.")}
    assert arms == {60.0: "docetaxel+pertuzumab+trastuzumab", 50.0: "docetaxel+trastuzumab"}
