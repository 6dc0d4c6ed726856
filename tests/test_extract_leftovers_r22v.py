"""Left-overs round 22 (v): values and P values. A rate written "less than 1%" (or "fewer than
1% of patients") was a bound and dropped, though "<1%" is read as 1% (an upper bound in the
value field, as the schema has no qualifier), so "17% of patients receiving HXT versus less than
1% receiving HT" kept one value of the pair. N9831/JCO style prints the P before its hazard
ratio, "(log-rank P < .001; HR, 0.60; 99.9% CI, 0.41 to 0.87)": the ratio had no P. A CI level
other than 95% ("99.9% CI", "97.5% CI", "90% CI") already gave the bounds and no rate; a pair
compared "after crossover" or "including patients who crossed over" already went to the two
arms in order (both pinned here). Checking the first gap showed that "the absolute difference
in pCR was <5%" (or "5%") read the size of a difference between the arms as a pCR rate."""

from __future__ import annotations

from extract_helpers import arms_of

from her2mine.extract import extract_document
from her2mine.extract.numbers import parse_values
from her2mine.models import Document

HXT = "capecitabine+docetaxel+trastuzumab"
HT = "docetaxel+trastuzumab"


def _rows(nlp, text: str) -> list:
    return extract_document(Document(id="t", text=text), nlp).outcomes


def _values(text: str) -> list[tuple]:
    return [(v.kind, v.value, v.unit) for v in parse_values(text)]


# --- "less than 1%" reads as "<1%" ---------------------------------------------------------

CAPECITABINE = (
    "Capecitabine added to trastuzumab and docetaxel in HER2-positive metastatic breast cancer\n\n"
    "Patients were randomly assigned to trastuzumab plus docetaxel (HT) or trastuzumab plus "
    "docetaxel plus capecitabine (HXT). Grade 3/4 hand-foot syndrome occurred in 17% of patients "
    "receiving HXT versus less than 1% receiving HT. Grade 3/4 diarrhoea was reported in 11% of "
    "patients with HXT and fewer than 1% of patients with HT."
)


def test_less_than_a_percentage_reads_as_its_sign():
    """ "less than 1%" is read as "<1%" is: the percentage, as a value."""
    assert _values("occurred in 17% versus less than 1% of patients") == _values(
        "occurred in 17% versus <1% of patients"
    )
    assert ("percent", 1.0, "%") in _values("was seen in fewer than 1% of patients")


def test_pair_with_a_less_than_rate_keeps_both_values_and_arms(nlp):
    """ "17% of patients receiving HXT versus less than 1% receiving HT": both rates, each with
    its arm (the second took none and was dropped)."""
    arms = arms_of(nlp, CAPECITABINE)
    assert arms[17.0] == HXT
    assert arms[11.0] == HXT
    assert arms[1.0] == HT
    rows = _rows(nlp, CAPECITABINE)
    assert [(o.endpoint, o.measure, o.unit) for o in rows if o.value == 1.0] == [
        ("AE_G3", "incidence", "%"),
        ("AE_G3", "incidence", "%"),
    ]


def test_less_than_a_time_stays_a_bound():
    """Negative: "less than 6 months" bounds a duration (no "%"), as "more than 5 years" does."""
    assert _values("median PFS was less than 6 months in both groups") == []


def test_less_than_after_a_measurement_is_a_cut_off():
    """Negative: "LVEF less than 50%" is a cut-off of a measurement, as "LVEF <50%" is."""
    assert _values("a decline in LVEF less than 50% occurred in 3% of patients") == [
        ("percent", 3.0, "%")
    ]


def test_below_a_rate_stays_a_bound():
    """Negative: only "less/fewer than" reads as the sign ("remained below 1%" is a bound)."""
    assert _values("Primary cardiac events remained below 1% in both arms.") == []


# --- a P printed before its hazard ratio ---------------------------------------------------

N9831 = (
    "Trastuzumab added sequentially or concurrently to adjuvant chemotherapy: N9831\n\n"
    "Patients were randomly assigned to doxorubicin and cyclophosphamide followed by weekly "
    "paclitaxel (arm A), followed by trastuzumab (arm B), or with trastuzumab given concurrently "
    "with paclitaxel (arm C). DFS was improved with concurrent trastuzumab (log-rank P < .001; "
    "HR, 0.60; 99.9% CI, 0.41 to 0.87). Overall survival was longer with trastuzumab "
    "(P = .019; hazard ratio, 0.77; 95% CI, 0.62 to 0.96)."
)


def test_p_opening_the_ratio_bracket_is_the_ratio_s(nlp):
    """ "(log-rank P < .001; HR, 0.60; ...)": the P before the ratio in its bracket is its P."""
    rows = [(o.endpoint, o.value, o.ci_low, o.ci_high, o.p) for o in _rows(nlp, N9831)]
    assert ("DFS", 0.6, 0.41, 0.87, "<0.001") in rows
    assert ("OS", 0.77, 0.62, 0.96, "0.019") in rows


def test_p_before_the_ratio_leaves_the_medians():
    """ "15.0 months (P = .019; HR, 0.77; ...)": medians next to a ratio carry no P, so the P
    moves from the median it follows to the ratio."""
    text = "Median OS was 20.1 v 15.0 months (P = .019; HR, 0.77; 95% CI, 0.62 to 0.96)."
    values = parse_values(text)
    assert [(v.kind, v.value, v.p) for v in values] == [
        ("time", 20.1, None),
        ("time", 15.0, None),
        ("HR", 0.77, "0.019"),
    ]


def test_p_in_an_earlier_bracket_is_not_the_ratio_s():
    """Negative: a P whose bracket closed before the ratio's key belongs to what it follows."""
    text = "ORR was 60% v 45% (P = .02); the hazard ratio for PFS was 0.80 (95% CI, 0.65 to 0.98)."
    values = parse_values(text)
    assert [(v.kind, v.value, v.p) for v in values] == [
        ("percent", 60.0, "0.02"),
        ("percent", 45.0, "0.02"),
        ("HR", 0.8, None),
    ]


def test_ratio_keeps_its_own_p_after_it():
    """Negative: a ratio with its own P after it keeps that one."""
    text = "PFS was longer (P = .04; HR, 0.70; 95% CI, 0.55 to 0.89; P = .003)."
    (v,) = parse_values(text)
    assert (v.kind, v.p) == ("HR", "0.003")


# --- CI levels other than 95% --------------------------------------------------------------


def test_ci_levels_other_than_95_give_the_bounds_and_no_rate():
    """ "99.9% CI", "97.5% CI", "90% CI": the level is no rate, the range is the CI."""
    for level in ("99.9%", "97.5%", "90%", "99%"):
        text = f"The hazard ratio for death was 0.82 ({level} CI, 0.70 to 0.96; P = .01)."
        values = parse_values(text)
        assert [(v.kind, v.value, v.ci_low, v.ci_high, v.p) for v in values] == [
            ("HR", 0.82, 0.7, 0.96, "0.01")
        ], level


def test_rate_with_a_97_5_ci_keeps_its_bounds():
    """A rate's CI at another level: "3-year DFS 87.1% (97.5% CI, 84.2 to 89.5)"."""
    values = parse_values("3-year DFS was 87.1% (97.5% CI, 84.2 to 89.5) with trastuzumab.")
    assert [(v.kind, v.value, v.ci_low, v.ci_high) for v in values] == [
        ("percent", 87.1, 84.2, 89.5)
    ]


# --- a pair compared after crossover ------------------------------------------------------

CLEOPATRA = (
    "Pertuzumab, trastuzumab, and docetaxel for HER2-positive metastatic breast cancer: end of "
    "study results\n\n"
    "Patients were randomly assigned to receive placebo plus trastuzumab and docetaxel or "
    "pertuzumab plus trastuzumab and docetaxel. Median overall survival was longer with "
    "pertuzumab than with placebo after crossover (57.1 vs 40.8 months). Median progression-free "
    "survival was longer with pertuzumab than with placebo, including patients who crossed over "
    "to pertuzumab (18.7 vs 12.4 months)."
)
PHD = "docetaxel+pertuzumab+trastuzumab"


def test_pair_after_crossover_goes_to_the_two_arms_in_order(nlp):
    """ "longer with A than with B after crossover (57.1 vs 40.8 months)": A's, then B's."""
    arms = arms_of(nlp, CLEOPATRA)
    assert arms[57.1] == PHD
    assert arms[40.8] == HT


def test_pair_after_a_crossed_over_clause_goes_to_the_two_arms_in_order(nlp):
    """ "than with B, including patients who crossed over to A (18.7 vs 12.4 months)": the
    drug the clause names is no reference of the pair."""
    arms = arms_of(nlp, CLEOPATRA)
    assert arms[18.7] == PHD
    assert arms[12.4] == HT


def test_p_of_an_earlier_ratio_is_not_the_next_ratio_s():
    """Negative: "0.60 (P < .001; adjusted HR, 0.62)": the P follows the first ratio, so it is
    that ratio's, not the adjusted one's too."""
    text = "The hazard ratio was 0.60 (P < .001; adjusted HR, 0.62; 95% CI, 0.50 to 0.77)."
    values = parse_values(text)
    assert [(v.kind, v.value, v.p) for v in values] == [("HR", 0.6, "<0.001"), ("HR", 0.62, None)]


# --- a difference between the arms' rates is no rate ---------------------------------------

DIFFERENCES = (
    "Neoadjuvant lapatinib plus trastuzumab\n\n"
    "Patients were randomly assigned to lapatinib plus trastuzumab or trastuzumab alone. The pCR "
    "rate was 30% with the combination; the absolute difference in pCR was less than 5%. "
    "Non-inferiority was to be declared if the difference in pCR was <10%. The difference in "
    "3-year EFS was 2% (90% vs 88%)."
)


def test_difference_between_arms_is_no_rate(nlp):
    """ "the absolute difference in pCR was less than 5%" (or "<10%", "2%") is the size of a
    difference between the arms (or a margin on it), not a pCR or EFS rate; the compared rates
    after it are read."""
    rows = [(o.endpoint, o.value) for o in _rows(nlp, DIFFERENCES)]
    assert rows == [("pCR", 30.0), ("EFS", 90.0), ("EFS", 88.0)]


def test_rate_after_a_difference_clause_is_still_a_rate(nlp):
    """Negative: a rate after a "difference" clause that ends before it ("no difference in
    toxicity; the pCR rate was 30%") is read (only "difference ... was/of" right before it is)."""
    text = (
        "T\n\nPatients were randomly assigned to lapatinib plus trastuzumab or trastuzumab alone. "
        "There was no difference in toxicity; the pCR rate was 30% with the combination."
    )
    assert [(o.endpoint, o.value) for o in _rows(nlp, text)] == [("pCR", 30.0)]
