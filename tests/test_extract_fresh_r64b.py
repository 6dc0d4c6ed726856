"""Fresh round 64b: P lists labelled by end point, grades of adverse events and shares that are
no outcome. "(P = 0.02 and P < 0.001 for PFS and OS, respectively)" gave the OS medians the PFS
P; "grade 5 events" and "adverse events (grade 3)" were of any grade; "grade 3 tumours were
present in 30%" (histological grade), "invasive disease events occurred in 8%" and "a further
14.3% had near-complete regression" were outcomes; an improvement "with A (24.3 months) over B
(10.4 months)" lost both medians; a biomarker's odds or hazard ratio was kept as an arm
comparison."""

from __future__ import annotations

from extract_helpers import ARM_ROW, P_ROW, rows_of

PHTD = "docetaxel+pertuzumab+trastuzumab"
HTD = "docetaxel+trastuzumab"
PYR = "capecitabine+pyrotinib"
LAP = "capecitabine+lapatinib"
CLEOPATRA = (
    "Patients were randomly assigned to pertuzumab plus trastuzumab and docetaxel or placebo "
    "plus trastuzumab and docetaxel. "
)
PHENIX = "Patients were randomly assigned to pyrotinib plus capecitabine or lapatinib plus capecitabine. "
SINGLE = "Patients received neoadjuvant pertuzumab plus trastuzumab and docetaxel. "
ADJUVANT = "Patients received adjuvant trastuzumab emtansine. "


def _doc(body: str) -> str:
    return "Title\n\n" + body


def _p_by_value(nlp, body: str) -> dict[float, str | None]:
    return {r.value: r.p for r in rows_of(nlp, _doc(body), P_ROW)}


def _codes(nlp, body: str) -> dict[float, str]:
    return {r.value: r.endpoint for r in rows_of(nlp, _doc(body), ARM_ROW)}


# --- 1. P lists labelled by end point -------------------------------------------------------

PFS_OS = "Median PFS was 12.1 vs 8.3 months and median OS 30.2 vs 25.1 months "
EXPECTED_PS = {12.1: "0.02", 8.3: "0.02", 30.2: "<0.001", 25.1: "<0.001"}


def test_p_list_respectively_by_end_point(nlp):
    """ "(P = a and P = b for PFS and OS, respectively)": each P is its end point's."""
    body = CLEOPATRA + PFS_OS + "(P = 0.02 and P < 0.001 for PFS and OS, respectively)."
    assert _p_by_value(nlp, body) == EXPECTED_PS


def test_p_each_followed_by_its_end_point(nlp):
    """ "(P = 0.02 for PFS; P < 0.001 for OS)": each P names its end point after it."""
    body = CLEOPATRA + PFS_OS + "(P = 0.02 for PFS; P < 0.001 for OS)."
    assert _p_by_value(nlp, body) == EXPECTED_PS


def test_p_each_preceded_by_its_end_point(nlp):
    """ "(PFS, P = 0.02; OS, P < 0.001)": each P names its end point before it."""
    body = CLEOPATRA + PFS_OS + "(PFS, P = 0.02; OS, P < 0.001)."
    assert _p_by_value(nlp, body) == EXPECTED_PS


def test_p_list_by_end_point_for_rates(nlp):
    """Rates: "The ORR was 40% vs 25% and the CBR 60% vs 45% (P = 0.01 and P = 0.03 for ORR
    and CBR, respectively)"."""
    body = (
        "Patients were randomly assigned to lapatinib plus capecitabine or capecitabine alone. "
        "The ORR was 40% vs 25% and the CBR was 60% vs 45% (P = 0.01 and P = 0.03 for ORR and "
        "CBR, respectively)."
    )
    assert _p_by_value(nlp, body) == {40.0: "0.01", 25.0: "0.01", 60.0: "0.03", 45.0: "0.03"}


def test_end_point_labelled_p_leaves_ratio_p(nlp):
    """Negative: with an HR in the sentence, the P "for PFS" is the HR's; medians take none."""
    body = CLEOPATRA + (
        "Median PFS was 12.1 vs 8.3 months (HR 0.62, 95% CI 0.51-0.75) and median OS 30.2 vs "
        "25.1 months (P = 0.02 for PFS; P = 0.30 for OS)."
    )
    ps = _p_by_value(nlp, body)
    assert ps[12.1] is None and ps[8.3] is None


# --- 2. grades ------------------------------------------------------------------------------


def test_grade_5_is_grade_3_or_higher(nlp):
    """ "Grade 5 events occurred in 2%": grade 5 is >=3, so AE_G3."""
    body = CLEOPATRA + "Grade 5 events occurred in 2% of patients."
    assert _codes(nlp, body) == {2.0: "AE_G3"}


def test_grade_5_in_a_list_after_grade_4(nlp):
    """ "grade 4 neutropenia ... in 10% and grade 5 events in 2%"; "grade V" too."""
    body = SINGLE + "Grade V adverse events occurred in 1% of patients."
    assert _codes(nlp, body) == {1.0: "AE_G3"}


def test_bracketed_grade_before_its_verb(nlp):
    """ "Adverse events (grade 3) occurred in 20%": the bracket qualifies the event."""
    body = CLEOPATRA + "Adverse events (grade 3) occurred in 20% of patients."
    assert _codes(nlp, body) == {20.0: "AE_G3"}


def test_bracketed_grade_of_named_event(nlp):
    """ "Neutropenia (grade 3) was reported in 20%"."""
    body = SINGLE + "Neutropenia (grade 3) was reported in 20% of patients."
    assert _codes(nlp, body) == {20.0: "AE_G3"}


def test_grade_1_2_events_stay_any_grade(nlp):
    """Negative: "Grade 1-2 events occurred in 45%" and "(grade 1-2)" are AE."""
    body = SINGLE + "Grade 1-2 events occurred in 45% of patients. "
    body += "Diarrhoea (grade 1-2) occurred in 30% of patients."
    assert _codes(nlp, body) == {45.0: "AE", 30.0: "AE"}


# --- 3. shares that are no outcome -------------------------------------------------------------


def test_histological_grade_share_is_no_outcome(nlp):
    """ "grade 3 tumours were present in 30%": a population share, no pCR rate."""
    body = (
        SINGLE
        + "Histological grade 3 tumours accounted for 42% of cases, and the pCR rate was 55%."
    )
    assert _codes(nlp, body) == {55.0: "pCR"}
    body = SINGLE + "Grade 3 tumors were present in 30% of patients. The pCR rate was 55%."
    assert _codes(nlp, body) == {55.0: "pCR"}


def test_invasive_disease_event_share_is_no_outcome(nlp):
    """ "Invasive disease events occurred in 8%": an event proportion; the graded 12% stays."""
    body = ADJUVANT + "Invasive disease events occurred in 8% and grade 3 adverse events in 12%."
    assert _codes(nlp, body) == {12.0: "AE_G3"}
    body = ADJUVANT + (
        "Invasive disease events were reported in 8% of patients and grade 3 or higher adverse "
        "events in 12%."
    )
    assert _codes(nlp, body) == {12.0: "AE_G3"}


def test_design_hypotheses_are_no_rows(nlp):
    """ "A pCR rate of 30% or less was considered uninteresting and 50% was targeted"."""
    body = (
        "In this single-arm phase II study, patients received neoadjuvant pertuzumab plus "
        "trastuzumab and paclitaxel. A pCR rate of 30% or less was considered uninteresting and "
        "50% was targeted. The pCR rate was 55%."
    )
    assert _codes(nlp, body) == {55.0: "pCR"}
    body = body.replace(
        "A pCR rate of 30% or less was considered uninteresting and 50% was targeted",
        "The null hypothesis was a pCR rate of 30% and the alternative hypothesis a pCR rate of 50%",
    )
    assert _codes(nlp, body) == {55.0: "pCR"}


# --- 4. improvement "with A (x) over B (y)" ------------------------------------------------------


def test_improvement_with_a_over_b_keeps_both_medians(nlp):
    """ "an improvement in median PFS with A (24.3 months) over B (10.4 months)"."""
    body = PHENIX + (
        "The study showed an improvement in median PFS with pyrotinib plus capecitabine "
        "(24.3 months) over lapatinib plus capecitabine (10.4 months)."
    )
    rows = rows_of(nlp, _doc(body), ARM_ROW)
    assert rows == [("PFS", "median", 24.3, PYR), ("PFS", "median", 10.4, LAP)]


def test_median_gain_still_drops_the_gain(nlp):
    """Negative: "a median OS gain of 15.7 months (35.2 vs 19.5 months)" keeps the two medians."""
    body = PHENIX + "There was a median OS gain of 15.7 months (35.2 vs 19.5 months)."
    assert [r.value for r in rows_of(nlp, _doc(body), ARM_ROW)] == [35.2, 19.5]


# --- 5. a P after a list of compared rates ------------------------------------------------------


def test_p_after_no_difference_among_groups(nlp):
    """ "45%, 50% and 48% in the three groups, with no statistically significant difference
    among groups (P=0.287)": each rate carries the P."""
    body = (
        "Patients were randomly assigned to trastuzumab plus docetaxel, pertuzumab plus "
        "docetaxel, or pertuzumab plus trastuzumab and docetaxel. The pCR rates were 45%, 50% "
        "and 48% in the three groups, with no statistically significant difference among groups "
        "(P=0.287)."
    )
    rows = rows_of(nlp, _doc(body), P_ROW)
    assert {r.value: r.p for r in rows} == {45.0: "0.287", 50.0: "0.287", 48.0: "0.287"}


def test_p_after_without_significant_differences(nlp):
    """ "60% and 55% in the two groups, without significant differences between the arms"."""
    body = PHENIX + (
        "The ORRs were 60% and 55% in the two groups, without significant differences between "
        "the arms (P = .41)."
    )
    assert _p_by_value(nlp, body) == {60.0: "0.41", 55.0: "0.41"}


# --- 6. a further share after an end point ---------------------------------------------------


def test_further_share_after_pcr_is_no_outcome(nlp):
    """ "The pCR rate was 40%, and a further 14.3% had near-complete regression"."""
    for tail in (
        "and a further 14.3% had near-complete regression.",
        "and another 14.3% had minimal residual disease.",
        "and an additional 14.3% of patients had residual disease limited to the axilla.",
    ):
        body = SINGLE + "The pCR rate was 40%, " + tail
        assert _codes(nlp, body) == {40.0: "pCR"}, tail


def test_further_response_rate_stays(nlp):
    """Negative: "a further 10% had a pCR" names the end point of its own share."""
    body = SINGLE + "The ORR was 70%, and a further 10% of patients achieved a pCR."
    assert _codes(nlp, body) == {70.0: "ORR", 10.0: "pCR"}


# --- 7. biomarker ratios ------------------------------------------------------------------------


def test_biomarker_ratio_of_a_subgroup_is_no_outcome(nlp):
    """Predictive or prognostic ratios of a biomarker compare no arms."""
    for sentence in (
        "Patients with a HER2 copy number of 10 or more had a higher ORR (OR 3.2, 95% CI 1.4-7.1).",
        "PIK3CA-mutated tumours were associated with shorter PFS (HR 1.9, 95% CI 1.2-3.0).",
        "High TILs predicted pCR (OR 2.4, 95% CI 1.3-4.4).",
    ):
        assert rows_of(nlp, _doc(PHENIX + sentence), ARM_ROW) == [], sentence


def test_treatment_ratio_in_a_biomarker_subgroup_stays(nlp):
    """Negative: a treatment's HR in a subgroup ("in patients with PIK3CA-mutated tumours")."""
    body = PHENIX + (
        "In patients with PIK3CA-mutated tumours, the HR for PFS with pyrotinib plus capecitabine "
        "vs lapatinib plus capecitabine was 0.6 (95% CI 0.4-0.9)."
    )
    assert [(r.endpoint, r.measure, r.value) for r in rows_of(nlp, _doc(body), ARM_ROW)] == [
        ("PFS", "HR", 0.6)
    ]


def test_treated_group_had_longer_pfs_stays(nlp):
    """Negative: "Patients treated with X had longer PFS (HR 0.5)" compares the arms."""
    body = PHENIX + (
        "Patients treated with pyrotinib plus capecitabine had longer PFS than those treated with "
        "lapatinib plus capecitabine (HR 0.5, 95% CI 0.3-0.8)."
    )
    assert [(r.endpoint, r.measure, r.value) for r in rows_of(nlp, _doc(body), ARM_ROW)] == [
        ("PFS", "HR", 0.5)
    ]


THREE_ARMS = (
    "Patients were randomly assigned to trastuzumab plus docetaxel, pertuzumab plus docetaxel, "
    "or pertuzumab plus trastuzumab and docetaxel. "
)


def test_list_in_the_three_groups_takes_the_arms_in_order(nlp):
    """ "45%, 50% and 48% in the three groups": one value per group, in the design's order."""
    body = THREE_ARMS + "The pCR rates were 45%, 50% and 48% in the three groups."
    rows = rows_of(nlp, _doc(body), ARM_ROW)
    assert [(r.value, r.arm) for r in rows] == [
        (45.0, HTD),
        (50.0, "docetaxel+pertuzumab"),
        (48.0, PHTD),
    ]


def test_one_value_in_the_three_groups_is_every_arms(nlp):
    """Negative: one value "in all three groups" is each arm's (one row per arm)."""
    body = THREE_ARMS + "The pCR rate was 45% in all three groups."
    rows = rows_of(nlp, _doc(body), ARM_ROW)
    assert [r.arm for r in rows] == [HTD, "docetaxel+pertuzumab", PHTD]
