"""Left-overs of round 30. An uncounted "A, B, or both" / "A, B, or their combination" design
with no backbone defined two arms only, so a "respectively" list of three rates and "the
combination group" had no arm; "IDFS was 92.3% at 3 years" (one value, its landmark after it)
gave no outcome at all; and a "(vs 30.1% at baseline)" bracket after an armed value took that
value's arm (a bracket phrase naming a time or a population names no group)."""

from __future__ import annotations

from extract_helpers import arm_of, arms_of, registry_of, rows_of

PERTUZUMAB_OR_PLACEBO = (
    "Adjuvant pertuzumab\n\n"
    "Patients with HER2-positive early breast cancer were randomly assigned to pertuzumab or "
    "placebo. "
)
TDXD_OR_TDM1 = (
    "Trastuzumab deruxtecan versus trastuzumab emtansine\n\n"
    "Patients were randomly assigned to T-DXd or T-DM1. "
)
TDXD = "trastuzumab deruxtecan"
TDM1 = "trastuzumab emtansine"


# --- "A, B, or both" without a backbone ----------------------------------------------------------


def test_or_both_without_a_backbone_is_a_third_arm(nlp):
    """ "to neratinib, trastuzumab, or both": the two together are an arm of their own."""
    text = (
        "Dual blockade\n\n"
        "Patients were randomly assigned to neratinib, trastuzumab, or both for 12 weeks."
    )
    names = [a.name for a in registry_of(nlp, text).arms]
    assert names == ["neratinib", "trastuzumab", "neratinib+trastuzumab"]


def test_respectively_after_or_both_zips_the_third_rate_with_the_combination(nlp):
    """Three rates "respectively" after "to trastuzumab, lapatinib, or both" take the three
    arms in the design's order."""
    text = (
        "Neoadjuvant anti-HER2 therapy\n\n"
        "Women were randomised to trastuzumab, lapatinib, or both. The pathological complete "
        "response rate was 29.5%, 24.7%, and 51.3%, respectively."
    )
    assert arms_of(nlp, text) == {
        29.5: "trastuzumab",
        24.7: "lapatinib",
        51.3: "lapatinib+trastuzumab",
    }


def test_or_their_combination_then_the_combination_group(nlp):
    """ "..., or their combination": "the combination group" names the arm of both drugs."""
    text = (
        "Pertuzumab and trastuzumab\n\n"
        "Patients were randomly assigned to pertuzumab, trastuzumab, or their combination. The "
        "objective response rate was 58.1% in the combination group and 21.0% in the "
        "trastuzumab group."
    )
    rows = rows_of(nlp, text)
    assert arm_of(rows, 58.1) == "pertuzumab+trastuzumab"
    assert arm_of(rows, 21.0) == "trastuzumab"


def test_bracket_after_or_both_labels_the_combination_only(nlp):
    """ "..., or both (arm C)": the bracket labels the third arm, not the second."""
    text = (
        "Trial\n\nPatients were randomly assigned to pertuzumab, trastuzumab, or both (arm C). "
        "The pCR rate was 44.0% in arm C."
    )
    assert arms_of(nlp, text) == {44.0: "pertuzumab+trastuzumab"}


def test_or_both_after_a_single_alternative_adds_no_arm(nlp):
    """Negative: "trastuzumab or both" lists one drug, so "both" combines nothing."""
    text = "Trial\n\nPatients were randomly assigned to trastuzumab or both as indicated."
    assert [a.name for a in registry_of(nlp, text).arms] == ["trastuzumab"]


def test_a_list_without_or_both_stays_two_arms(nlp):
    """Negative: "to trastuzumab or lapatinib" offers no combination arm."""
    text = "Trial\n\nPatients were randomly assigned to trastuzumab or lapatinib for 12 weeks."
    assert [a.name for a in registry_of(nlp, text).arms] == ["trastuzumab", "lapatinib"]


# --- one landmark rate for one group ---------------------------------------------------------------


def test_one_dated_rate_opened_by_its_group(nlp):
    """ "In the pertuzumab group, IDFS was 92.3% at 3 years": a dated rate of that arm."""
    rows = rows_of(
        nlp, PERTUZUMAB_OR_PLACEBO + "In the pertuzumab group, IDFS was 92.3% at 3 years."
    )
    assert [(r.endpoint, r.measure, r.value, r.arm) for r in rows] == [
        ("IDFS", "rate", 92.3, "pertuzumab")
    ]


def test_one_dated_rate_with_its_arm_after_the_landmark(nlp):
    """ "Overall survival was 89.1% at 5 years with pertuzumab": the arm after the landmark."""
    rows = rows_of(
        nlp, PERTUZUMAB_OR_PLACEBO + "Overall survival was 89.1% at 5 years with pertuzumab."
    )
    assert [(r.endpoint, r.value, r.arm) for r in rows] == [("OS", 89.1, "pertuzumab")]


def test_a_landmark_far_from_its_end_point_still_dates_nothing(nlp):
    """Negative: "DFS improved, and 8.1% of patients relapsed at 3 years": the time is the
    relapse's; the value is no DFS rate."""
    rows = rows_of(
        nlp,
        PERTUZUMAB_OR_PLACEBO
        + "DFS improved with pertuzumab, and 8.1% of patients relapsed at 3 years.",
    )
    assert all(r.endpoint != "DFS" or r.value != 8.1 for r in rows)


# --- "(vs X% at baseline)" --------------------------------------------------------------------------


def test_vs_bracket_with_a_time_holds_no_arms_value(nlp):
    """ "52.3% with T-DXd (vs 30.1% at baseline)": 30.1% is no arm's value."""
    rows = rows_of(nlp, TDXD_OR_TDM1 + "The ORR was 52.3% with T-DXd (vs 30.1% at baseline).")
    assert arm_of(rows, 52.3) == TDXD
    assert arm_of(rows, 30.1) is None


def test_vs_bracket_with_a_population_holds_no_arms_value(nlp):
    """ "(vs 16.3% in the overall population)": not T-DXd's value either (only "not the other
    arm's" was asked before)."""
    text = TDXD_OR_TDM1 + "The ORR was 52.3% in the T-DXd arm (vs 16.3% in the overall population)."
    assert arm_of(rows_of(nlp, text), 16.3) is None


def test_vs_bracket_with_a_time_and_a_p(nlp):
    """ "(vs 12.0% in cycle 1; P = 0.02)": the phrase before the P names no group."""
    text = TDXD_OR_TDM1 + (
        "Nausea occurred in 41.0% of patients in the T-DXd group (vs 12.0% in cycle 1; P = 0.02)."
    )
    assert arm_of(rows_of(nlp, text), 12.0) is None


def test_vs_bracket_naming_the_other_arm_keeps_it(nlp):
    """Negative: "(vs 30.1% of patients given T-DM1)" names the other arm."""
    text = TDXD_OR_TDM1 + "The ORR was 52.3% with T-DXd (vs 30.1% of patients given T-DM1)."
    assert arm_of(rows_of(nlp, text), 30.1) == TDM1


# --- "A (n = 100) or B (n = 100) plus C" ------------------------------------------------------------


def test_counted_alternative_or_placebo_keeps_the_shared_partners(nlp):
    """ "to tucatinib (n = 410) or placebo (n = 202) in combination with trastuzumab and
    capecitabine": both arms keep the partners (checked: already right)."""
    text = (
        "Tucatinib\n\nPatients were randomly assigned to tucatinib (n = 410) or placebo "
        "(n = 202) in combination with trastuzumab and capecitabine. Median PFS was 7.8 months "
        "with tucatinib and 5.6 months with placebo."
    )
    assert arms_of(nlp, text) == {
        7.8: "capecitabine+trastuzumab+tucatinib",
        5.6: "capecitabine+trastuzumab",
    }


def test_a_landmark_of_treatment_dates_no_stated_rate(nlp):
    """Negative: "IDFS was 90.1% at 2 years of treatment": the time is the treatment's."""
    rows = rows_of(
        nlp,
        PERTUZUMAB_OR_PLACEBO + "IDFS was 90.1% at 2 years of treatment with pertuzumab.",
    )
    assert [r for r in rows if r.value == 90.1] == []
