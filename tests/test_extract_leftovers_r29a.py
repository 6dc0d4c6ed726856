"""Left-overs round 29 (a): values. A bracket opening with "vs" after an armed value ("52.3% in
the T-DXd group (vs 16.3%; P<0.001)") gave its value the first arm, as a breakdown of it; a
share of events dated by an opening landmark ("At 3 years, IDFS events occurred in 7.1% vs
8.7%") was read as IDFS rates; and a landmark after the first value of a pair ("IDFS was 92.3%
at 3 years in the A group and 90.6% in the B group") neither dated it nor let it reach its arm."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, rows_of

TDXD = "trastuzumab deruxtecan"
TPC = "physician's choice"
PT = "pertuzumab+trastuzumab"

DESTINY = (
    "Trastuzumab deruxtecan versus treatment of physician's choice in HER2-positive breast "
    "cancer\n\n"
    "Patients were randomly assigned (2:1) to trastuzumab deruxtecan (T-DXd) or treatment of "
    "physician's choice (TPC). "
)
APHINITY = (
    "Adjuvant pertuzumab in early HER2-positive breast cancer\n\n"
    "Patients were randomly assigned to pertuzumab or placebo plus trastuzumab and standard "
    "chemotherapy. "
)
THREE_ARMS = (
    "Neratinib, trastuzumab, or both in HER2-positive breast cancer\n\n"
    "Patients were randomly assigned to neratinib, trastuzumab, or neratinib plus trastuzumab. "
)


def test_vs_bracket_after_armed_value_holds_the_other_arm(nlp):
    """ "52.3% in the T-DXd group (vs 16.3%; P<0.001)": 16.3% is TPC's, not T-DXd's."""
    rows = rows_of(nlp, DESTINY + "The ORR was 52.3% in the T-DXd group (vs 16.3%; P<0.001).")
    assert arm_of(rows, 52.3) == TDXD
    assert arm_of(rows, 16.3) == TPC


def test_compared_with_bracket_with_a_group_phrase(nlp):
    """ "(compared with 16.3% with TPC)": the group phrase after the value is no breakdown."""
    rows = rows_of(
        nlp, DESTINY + "The ORR was 52.3% in the T-DXd group (compared with 16.3% with TPC)."
    )
    assert arm_of(rows, 16.3) == TPC


def test_vs_bracket_holds_the_other_arms_median(nlp):
    """A median's "(vs 6.9 months; HR ...)" is the other arm's median; the HR stays between."""
    text = DESTINY + (
        "Median PFS was 17.8 months in the T-DXd group (vs 6.9 months; HR 0.36, 95% CI "
        "0.28-0.45; P<0.001)."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert [(r.measure, r.value, r.arm) for r in rows] == [
        ("median", 17.8, TDXD),
        ("median", 6.9, TPC),
        ("HR", 0.36, None),
    ]


def test_versus_bracket_in_three_arm_trial_has_no_arm(nlp):
    """In a three-arm design "the other arm" is unknown: the bracketed value gets no arm."""
    rows = rows_of(
        nlp, THREE_ARMS + "The ORR was 41.2% in the neratinib group (versus 33.0%; P=0.04)."
    )
    assert arm_of(rows, 41.2) == "neratinib"
    assert arm_of(rows, 33.0) is None


def test_breakdown_bracket_after_armed_value_keeps_its_arm(nlp):
    """Negative: a bracket that does not open with "vs" still breaks the value down."""
    rows = rows_of(
        nlp, DESTINY + "ILD occurred in 12.1% of patients in the T-DXd group (grade 5, 0.8%)."
    )
    assert arm_of(rows, 0.8) == TDXD


def test_event_shares_under_an_opening_landmark_are_no_rates(nlp):
    """ "At 3 years, IDFS events occurred in 7.1% vs 8.7%": shares of events, no IDFS rates."""
    rows = rows_of(
        nlp,
        APHINITY + "At 3 years, IDFS events occurred in 7.1% vs 8.7% of patients, respectively.",
        ARM_ROW,
    )
    assert [r for r in rows if r.endpoint == "IDFS"] == []


def test_opening_landmark_still_dates_rates(nlp):
    """Negative: without "events" the opening landmark dates the IDFS rates as before."""
    rows = rows_of(nlp, APHINITY + "At 3 years, IDFS was 92.3% vs 90.6%.", ARM_ROW)
    assert [(r.endpoint, r.measure, r.value) for r in rows] == [
        ("IDFS", "rate", 92.3),
        ("IDFS", "rate", 90.6),
    ]


def test_landmark_after_first_value_dates_the_pair(nlp):
    """ "IDFS was 92.3% at 3 years in the pertuzumab group and 90.6% in the placebo group"."""
    text = APHINITY + (
        "IDFS was 92.3% at 3 years in the pertuzumab group and 90.6% in the placebo group."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert [(r.endpoint, r.measure, r.value, r.arm) for r in rows] == [
        ("IDFS", "rate", 92.3, PT),
        ("IDFS", "rate", 90.6, "trastuzumab"),
    ]


def test_landmark_after_a_single_stated_value_dates_it(nlp):
    """One value stated for its end point ("IDFS was 92.3% at 3 years") is dated by the
    landmark right after it (round 30, ``_stated_at_landmark``; this was a negative in round
    29: a single landmark rate for one group is a value). "at 3 years of treatment" still
    dates nothing (``test_extract_leftovers_r27b``)."""
    text = APHINITY + "IDFS was 92.3% at 3 years in the pertuzumab group."
    rows = rows_of(nlp, text, ARM_ROW)
    assert [(r.endpoint, r.measure, r.value, r.arm) for r in rows] == [("IDFS", "rate", 92.3, PT)]
