"""Review of round 64b (pipeline 0.3.135). The round's new rules dropped real results: "had a
higher pCR rate with X than with Y (OR 2.1)" in a biomarker subgroup was read as a factor's
ratio; "12% had grade 3 neutropenia, 8% had ..." and "62% achieved a pCR: 70% in ..." lost the
first value (a comma or colon after the end point was read as its own value); "therapy was
targeted to HER2" and "exceeding the null hypothesis" made whole result sentences assumptions;
"an improvement in median PFS compared with placebo (6.1 months; HR ...)" read the gain as the
placebo median. P values labelled by end point ("P = 0.02 and P = 0.30 for IDFS and OS") went
to the rates beside each end point's HR instead of the HRs."""

from __future__ import annotations

from extract_helpers import ARM_ROW, P_ROW, rows_of

CLEOPATRA = (
    "Patients were randomly assigned to pertuzumab plus trastuzumab and docetaxel or placebo "
    "plus trastuzumab and docetaxel. "
)
SINGLE = "Patients received neoadjuvant pertuzumab plus trastuzumab and docetaxel. "


def _doc(body: str) -> str:
    return "Title\n\n" + body


def _triples(nlp, body: str) -> list[tuple]:
    return [(r.endpoint, r.measure, r.value) for r in rows_of(nlp, _doc(body), ARM_ROW)]


def _ps(nlp, body: str) -> dict[tuple, str | None]:
    return {(r.endpoint, r.measure, r.value): r.p for r in rows_of(nlp, _doc(body), P_ROW)}


# --- biomarker subgroups: a treatment compared after the verb ---------------------------------


def test_treatment_ratio_in_biomarker_subgroup_with_had_stays(nlp):
    """ "ER-negative patients had a higher pCR rate with X than with Y (OR 2.1)": the ratio
    compares the treatments within the subgroup."""
    for sentence in (
        "ER-negative patients had a higher pCR rate with pertuzumab than with placebo "
        "(OR 2.1; 95% CI 1.3-3.4).",
        "Hormone receptor-negative patients had a higher pCR rate with pertuzumab versus "
        "placebo (OR 2.1; 95% CI 1.3-3.4).",
    ):
        assert _triples(nlp, CLEOPATRA + sentence) == [("pCR", "OR", 2.1)], sentence


def test_treatment_after_association_with_biomarker_subject_stays(nlp):
    """ "PIK3CA-mutated tumours were associated with longer PFS with X than with Y (HR)"."""
    body = CLEOPATRA + (
        "PIK3CA-mutated tumours were associated with longer PFS with pertuzumab than with "
        "placebo (HR 0.72; 95% CI 0.55-0.93)."
    )
    assert _triples(nlp, body) == [("PFS", "HR", 0.72)]


def test_biomarker_factor_within_an_arm_still_dropped(nlp):
    """Negative: "had a higher pCR rate in the pertuzumab group (OR 2.1)" names where the
    factor was measured, no comparison of treatments."""
    body = CLEOPATRA + (
        "Hormone receptor-negative patients had a higher pCR rate in the pertuzumab group "
        "(OR 2.1; 95% CI 1.3-3.4)."
    )
    assert _triples(nlp, body) == []


def test_biomarker_factor_without_treatment_still_dropped(nlp):
    """Negative: "HER2-low expression was associated with lower pCR (OR 0.6)" is a factor."""
    body = CLEOPATRA + "HER2-low expression was associated with lower pCR (OR 0.6; 95% CI 0.4-0.9)."
    assert _triples(nlp, body) == []


# --- an end point's own value: no bare comma or colon ----------------------------------------


def test_value_first_list_keeps_first_value(nlp):
    """ "12% of patients had grade 3 neutropenia, 8% had grade 3 diarrhoea": both AE_G3."""
    body = CLEOPATRA + "Overall, 12% of patients had grade 3 neutropenia, 8% had grade 3 diarrhoea."
    assert _triples(nlp, body) == [("AE_G3", "incidence", 12.0), ("AE_G3", "incidence", 8.0)]


def test_value_before_end_point_with_colon_breakdown_stays(nlp):
    """ "62% of patients achieved a pCR: 70% in ... and 55% in ...": 62% is the pCR rate."""
    body = SINGLE + (
        "Overall, 62% of patients achieved a pCR: 70% in hormone receptor-negative and 55% in "
        "hormone receptor-positive tumours."
    )
    assert ("pCR", "rate", 62.0) in _triples(nlp, body)


def test_end_point_with_own_value_after_event_share_still_dropped(nlp):
    """Negative: "Invasive disease events occurred in 8% and grade 3 adverse events in 12%"."""
    body = SINGLE + (
        "Invasive disease events occurred in 8% and grade 3 adverse events in 12% of patients."
    )
    assert ("AE_G3", "incidence", 8.0) not in _triples(nlp, body)


# --- design words in result sentences ---------------------------------------------------------


def test_therapy_targeted_to_her2_is_no_assumption(nlp):
    """ "Therapy was targeted to HER2 ... and the pCR rate was 62%": a result."""
    body = SINGLE + (
        "Therapy was targeted to HER2 in all patients and the pCR rate was 62% (95% CI 50-72)."
    )
    assert _triples(nlp, body) == [("pCR", "rate", 62.0)]


def test_result_tested_against_null_hypothesis_stays(nlp):
    """ "The pCR rate was 62%, exceeding the null hypothesis rate of 40%": 62% is a result,
    40% the hypothesis."""
    for tail in (
        "exceeding the null hypothesis rate of 40%.",
        "so the null hypothesis was rejected.",
    ):
        body = SINGLE + "The pCR rate was 62% (95% CI 50-72), " + tail
        assert _triples(nlp, body) == [("pCR", "rate", 62.0)], tail


def test_stated_hypotheses_still_dropped(nlp):
    """Negative: "The null hypothesis was a pCR rate of 30% and the alternative ... 50%"."""
    body = SINGLE + (
        "The null hypothesis was a pCR rate of 30% and the alternative hypothesis a pCR rate of 50%."
    )
    assert _triples(nlp, body) == []


# --- a gain bracketed after a group -----------------------------------------------------------


def test_single_group_bracket_holds_the_gain(nlp):
    """ "an improvement in median PFS compared with placebo (6.1 months; HR 0.62)": the bracket
    holds the gain, no placebo median."""
    body = CLEOPATRA + (
        "Pertuzumab gave an improvement in median PFS compared with placebo (6.1 months; HR 0.62; "
        "95% CI 0.51-0.75)."
    )
    assert _triples(nlp, body) == [("PFS", "HR", 0.62)]


def test_paired_group_brackets_are_medians(nlp):
    """Negative: "with A (18.5 months) over B (12.4 months)" are the two medians."""
    body = CLEOPATRA + (
        "There was an improvement in median PFS with pertuzumab (18.5 months) over placebo "
        "(12.4 months)."
    )
    assert _triples(nlp, body) == [("PFS", "median", 18.5), ("PFS", "median", 12.4)]


# --- P values labelled by end point with HRs --------------------------------------------------


def test_labelled_ps_go_to_each_end_points_hr(nlp):
    """ "(HR 0.62) ... (HR 0.80) (P = 0.02 and P = 0.30 for PFS and OS)": each HR its P."""
    body = CLEOPATRA + (
        "Median PFS was 18.5 vs 12.4 months (HR 0.62) and median OS was 40.0 vs 35.0 months "
        "(HR 0.80) (P = 0.02 and P = 0.30 for PFS and OS)."
    )
    ps = _ps(nlp, body)
    assert ps[("PFS", "HR", 0.62)] == "0.02" and ps[("OS", "HR", 0.8)] == "0.30"
    assert ps[("PFS", "median", 18.5)] is None and ps[("OS", "median", 35.0)] is None


def test_labelled_ps_leave_rates_beside_an_hr(nlp):
    """Rates beside their end point's HR: the labelled P is the HR's, not the rates'."""
    body = CLEOPATRA + (
        "The 3-year IDFS rate was 90% vs 85% (HR 0.70) and the 3-year OS rate was 95% vs 93% "
        "(HR 0.80) (P = 0.02 and P = 0.30 for IDFS and OS, respectively)."
    )
    ps = _ps(nlp, body)
    assert ps[("IDFS", "HR", 0.7)] == "0.02" and ps[("OS", "HR", 0.8)] == "0.30"
    assert {ps[("IDFS", "rate", 90.0)], ps[("OS", "rate", 93.0)]} == {None}


def test_labelled_ps_for_rates_without_hr_unchanged(nlp):
    """Negative: with no HR the labelled P is the compared rates' (the round's rule)."""
    body = CLEOPATRA + (
        "The ORR was 80% vs 69% and the pCR rate was 46% vs 29% (P = 0.02 for ORR; P = 0.01 "
        "for pCR)."
    )
    ps = _ps(nlp, body)
    assert ps[("ORR", "rate", 80.0)] == "0.02" and ps[("pCR", "rate", 29.0)] == "0.01"
