"""Review of rounds 45 and 46 (pipelines 0.3.79, 0.3.80). Round 45 let a brand's initial
define a one-letter short form ("trastuzumab (H)", "capecitabine (X)"). Two problems came
with it: "doxorubicin (A) and paclitaxel (B)" (figure panels; A is Adriamycin's initial) made
"A" a drug, and a letter the text now reads was dropped before a statistic's bracket ("6
months without H (HR 0.6)"), so "without H" took the arm with trastuzumab and the P value
was lost (as "without L" already did for an initial)."""

from __future__ import annotations

from extract_helpers import arm_of, rows_of

ROW = ("endpoint", "measure", "value", "p", "arm")

PANELS = (
    "Kaplan-Meier curves are shown for doxorubicin (A) and paclitaxel (B). Patients were "
    "randomized to doxorubicin plus cyclophosphamide followed by trastuzumab, or docetaxel plus "
    "trastuzumab. The ORR was 50% with A."
)


def test_brand_initial_beside_a_panel_letter_defines_nothing(nlp):
    """ "doxorubicin (A) and paclitaxel (B)": B is no letter of paclitaxel, so the brackets
    label panels and "with A" names no arm."""
    rows = rows_of(nlp, PANELS, ROW)
    assert arm_of(rows, 50.0) is None


def test_brand_initial_without_panel_neighbour_still_defines(nlp):
    """Negative: "trastuzumab (H)" beside "docetaxel (D)" (no neighbouring panel letter)
    still defines H, so "D plus H" is the combination."""
    text = (
        "Patients were randomized to docetaxel (D) with or without trastuzumab (H). The ORR was "
        "61% with D plus H and 34% with D alone."
    )
    rows = rows_of(nlp, text, ROW)
    assert arm_of(rows, 61.0) == "docetaxel+trastuzumab"
    assert arm_of(rows, 34.0) == "docetaxel"


def test_panel_guard_spares_a_neighbour_that_is_an_initial(nlp):
    """Negative: "gemcitabine (G) plus trastuzumab (H)": G is gemcitabine's own initial, no
    panel label, so H (Herceptin) still defines trastuzumab."""
    text = (
        "Patients were randomized to gemcitabine (G) plus trastuzumab (H) or gemcitabine alone. "
        "The ORR was 40% with G plus H and 20% with G alone."
    )
    rows = rows_of(nlp, text, ROW)
    assert arm_of(rows, 40.0) == "gemcitabine+trastuzumab"
    assert arm_of(rows, 20.0) == "gemcitabine"


def test_letter_before_statistic_bracket_is_read_after_without(nlp):
    """ "6 months without H (HR 0.6)": the letter before the statistic's bracket is a
    mention, so "without H" names the arm without trastuzumab."""
    text = (
        "Patients were randomized to trastuzumab (H) plus docetaxel or docetaxel alone. PFS was "
        "11 months with H and 6 months without H (HR 0.6)."
    )
    rows = rows_of(nlp, text, ROW)
    assert arm_of(rows, 11.0) == "docetaxel+trastuzumab"
    assert arm_of(rows, 6.0) == "docetaxel"


def test_letter_before_p_bracket_keeps_p_value(nlp):
    """ "34% without L (P = 0.0002)": the arm without lapatinib, and the P value stays."""
    text = (
        "Patients were randomized to lapatinib (L) plus paclitaxel or paclitaxel alone. ORR was "
        "61% with L and 34% without L (P = 0.0002)."
    )
    rows = rows_of(nlp, text, ROW)
    assert arm_of(rows, 34.0) == "paclitaxel"
    assert [r.p for r in rows] == ["0.0002", "0.0002"]


def test_p_value_after_pertuzumab_letter_stays_a_p_value(nlp):
    """Negative: "pertuzumab (P)" defines P, but "(P = 0.01)" after a pair stays its P value
    (a lone value's "(P < 0.001)" is dropped, as without the letter)."""
    text = (
        "Patients were randomized to pertuzumab (P) plus trastuzumab and docetaxel or placebo "
        "plus trastuzumab and docetaxel. The ORR was 80% with P plus trastuzumab and docetaxel "
        "(P < 0.001). Median PFS was 18.5 vs 12.4 months (P = 0.01)."
    )
    rows = rows_of(nlp, text, ROW)
    assert [r.p for r in rows] == [None, "0.01", "0.01"]
    assert arm_of(rows, 80.0) == "docetaxel+pertuzumab+trastuzumab"
