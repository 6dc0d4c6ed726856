"""Left-overs of round 27 (b), values. A landmark written after a compared pair of rates ("DFS
was 92.3% vs 83.5% at 3 years") did not date them, so neither was read; "pts." was taken for an
abbreviation, so "... of TPC pts. Adjudicated ILD occurred in 12.1% of T-DXd pts (grade 5,
0.8%)" stayed one sentence with the comparison before it and the bracketed grade-5 share lost
its arm; and "The grade 3 rate was 12% vs 4%" after a sentence naming an adverse event was no
carried rate."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, rows_of, sentences_of

PT = "pertuzumab+trastuzumab"
TRIAL = (
    "Adjuvant pertuzumab in HER2-positive early breast cancer\n\n"
    "Patients were randomized to trastuzumab plus pertuzumab or trastuzumab plus placebo. "
)


def test_landmark_after_compared_pair_dates_both_rates(nlp):
    """ "DFS was 92.3% vs 83.5% at 3 years": both are 3-year DFS rates, each of its arm."""
    rows = rows_of(nlp, TRIAL + "DFS was 92.3% vs 83.5% at 3 years (HR 0.62; P = .01).", ARM_ROW)
    assert ("DFS", "rate", 92.3, PT) in rows
    assert ("DFS", "rate", 83.5, "trastuzumab") in rows


def test_landmark_after_respectively_pair_dates_both_rates(nlp):
    """ "... 94.1% (95% CI ...) and 91.2% (95% CI ...) at 5 years, respectively": a pair with
    CIs, the landmark after the second one's bracket."""
    text = TRIAL + (
        "Invasive disease-free survival was 94.1% (95% CI, 92.0-95.6) and 91.2% (95% CI, "
        "88.9-93.0) at 5 years, respectively."
    )
    rows = rows_of(nlp, text)
    assert ("IDFS", "rate", 94.1, 92.0, 95.6, None, PT) in rows
    assert ("IDFS", "rate", 91.2, 88.9, 93.0, None, "trastuzumab") in rows


def test_landmark_after_a_single_value_is_not_read_as_its_date(nlp):
    """Negative: one value with "at 3 years" after it is no compared pair (the time may be when
    something else happened), so a time-to-event share without a landmark stays unread."""
    text = TRIAL + "DFS was 92.3% at 3 years of treatment in the pertuzumab group."
    assert [r for r in rows_of(nlp, text, ARM_ROW) if r[2] == 92.3] == []


def test_pts_period_before_a_capital_ends_the_sentence(nlp):
    """ "of TPC pts. Adjudicated ...": "pts" is a clipped noun, no abbreviation."""
    text = "Grade 3 TEAEs occurred in 52.6% of pts. Adjudicated ILD occurred in 12.1%."
    assert sentences_of(text) == [
        "Grade 3 TEAEs occurred in 52.6% of pts.",
        "Adjudicated ILD occurred in 12.1%.",
    ]


def test_pts_period_before_a_bracket_or_number_goes_on(nlp):
    """Negative: before a bracket or a number "pts." does not end the sentence."""
    assert len(sentences_of("Of 40 pts. (n = 12) had a PR.")) == 1
    assert len(sentences_of("In 40 pts. 12 had a PR.")) == 1


def test_bracketed_grade_share_keeps_its_arm_after_a_two_arm_sentence(nlp):
    """The grade-5 share in the bracket after "12.1% of T-DXd pts" is T-DXd's, as it is without
    the two-arm sentence before it."""
    text = (
        "Trastuzumab deruxtecan in HER2-low breast cancer\n\n"
        "Patients were randomized to trastuzumab deruxtecan (T-DXd) or treatment of physician's "
        "choice (TPC). Grade ≥3 TEAEs occurred in 52.6% of T-DXd and 67.4% of TPC pts. "
        "Adjudicated drug-related ILD/pneumonitis occurred in 12.1% of T-DXd pts (grade 5, 0.8%)."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert ("ILD", "incidence", 0.8, "trastuzumab deruxtecan") in rows
    assert arm_of(rows, 67.4) == "physician's choice"


LAP = (
    "Lapatinib versus trastuzumab in HER2-positive metastatic breast cancer\n\n"
    "Patients were randomized to lapatinib plus capecitabine or trastuzumab plus capecitabine. "
    "Diarrhea was the most common adverse event with lapatinib. "
)


def test_grade_3_rate_after_adverse_event_is_carried_and_graded(nlp):
    """ "The grade 3 rate was 12% vs 4%" is the grade >=3 incidence of the event before."""
    rows = rows_of(nlp, LAP + "The grade 3 rate was 12% vs 4%.", ARM_ROW)
    assert ("AE_G3", "incidence", 12.0, "capecitabine+lapatinib") in rows
    assert ("AE_G3", "incidence", 4.0, "capecitabine+trastuzumab") in rows


def test_grade_3_or_higher_incidence_is_carried(nlp):
    """ "The grade 3 or higher incidence" is graded as "grade 3" is."""
    rows = rows_of(nlp, LAP + "The grade 3 or higher incidence was 12% vs 4%.", ARM_ROW)
    assert [r[0] for r in rows if r[2] in (12.0, 4.0)] == ["AE_G3", "AE_G3"]


def test_any_grade_rate_is_carried_ungraded(nlp):
    """ "The any-grade rate" carries the event as AE."""
    rows = rows_of(nlp, LAP + "The any-grade rate was 65% vs 20%.", ARM_ROW)
    assert [r[0] for r in rows if r[2] in (65.0, 20.0)] == ["AE", "AE"]


def test_grade_rate_after_an_efficacy_end_point_is_not_carried(nlp):
    """Negative: a grade qualifies an adverse event's rate, never a response rate."""
    text = LAP.replace(
        "Diarrhea was the most common adverse event with lapatinib. ",
        "The objective response rate was 60% with lapatinib. ",
    )
    rows = rows_of(nlp, text + "The grade 3 rate was 12% vs 4%.", ARM_ROW)
    assert [r for r in rows if r[2] in (12.0, 4.0)] == []


DB = (
    "Trastuzumab deruxtecan in HER2-low breast cancer\n\n"
    "Patients were randomized to trastuzumab deruxtecan (T-DXd) or treatment of physician's "
    "choice (TPC). "
)


def test_bracketed_share_after_own_arm_in_compared_sentence(nlp):
    """In one sentence with a two-arm comparison before it, "12.1% of T-DXd patients (grade 5,
    0.8%)": the bracket right after the value's own arm is that arm's breakdown."""
    text = DB + (
        "Grade ≥3 TEAEs occurred in 52.6% of T-DXd and 67.4% of TPC patients; ILD occurred in "
        "12.1% of T-DXd patients (grade 5, 0.8%)."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert ("ILD", "incidence", 0.8, "trastuzumab deruxtecan") in rows


def test_bracket_naming_its_own_arm_is_not_inherited(nlp):
    """Negative: a bracket that names another arm gives its value that arm, not the arm of
    the value before it."""
    text = DB + (
        "Grade ≥3 TEAEs occurred in 52.6% of T-DXd and 67.4% of TPC patients; ILD occurred in "
        "12.1% of T-DXd patients (vs 1.0% with TPC)."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 1.0) == "physician's choice"
