"""Fresh round 77b: values "in both groups" of arms that share one regimen string, ratios of
patient subgroups, grades and arm order carried into a later clause, and hypotheses and
definitions. A value "in both groups" of biosimilar twins or duration arms was one row (its
arm was set, so it was not spread over the groups); "in patients with brain metastases and ...
in those without (HR", "Pts with pCR had better iDFS than those without (HR", "prior
trastuzumab exposure (HR ...) were independently associated with" and "status (OR ...) was an
independent predictor of" kept a factor's ratio; "(null 50%, alternative 70%)" and "(less than
10% residual tumour)" were results."""

from __future__ import annotations

from extract_helpers import ARM_ROW, P_ROW, rows_of

DTP = "docetaxel+pertuzumab+trastuzumab"
DT = "docetaxel+trastuzumab"
LC = "capecitabine+lapatinib"
TC = "capecitabine+trastuzumab"

TWINS = (
    "HLX11 versus pertuzumab in HER2-positive early breast cancer\n\n"
    "Patients were randomly assigned to receive HLX11 plus trastuzumab and docetaxel or "
    "pertuzumab plus trastuzumab and docetaxel. Grade 3 or higher febrile neutropenia occurred "
    "in 1.5% of patients in the HLX11 group vs 9.0% in the pertuzumab group, and grade 3 or "
    "higher diarrhea in 4.5% of patients in both groups."
)
DURATION = (
    "Nine weeks versus one year of trastuzumab\n\n"
    "Patients were randomly assigned to 9 weeks (short group) or 1 year (long group) of "
    "trastuzumab with docetaxel. Cardiac events occurred in 2·1% of patients in the short group "
    "and 5·4% in the long group (p=0·0024); grade 3 or 4 febrile neutropenia occurred in 6·6% "
    "of patients in both groups."
)
LAPATINIB = (
    "Lapatinib or trastuzumab with capecitabine\n\n"
    "Patients were randomly assigned to lapatinib plus capecitabine or trastuzumab plus "
    "capecitabine. "
)


def test_both_groups_of_twin_arms_is_a_row_per_group(nlp):
    """Biosimilar twins share one regimen string: "4.5% in both groups" is still one row per
    group, as for arms that differ."""
    rows = rows_of(nlp, TWINS, ARM_ROW)
    assert [r for r in rows if r.value == 4.5] == [("AE_G3", "incidence", 4.5, DTP)] * 2
    assert [r.value for r in rows if r.value != 4.5] == [1.5, 9.0]


def test_both_groups_of_duration_arms_is_a_row_per_group(nlp):
    """Duration arms ("short"/"long" group) of one regimen: "6·6% of patients in both groups"
    after a ";" is one row per group."""
    rows = rows_of(nlp, DURATION, ARM_ROW)
    assert [r for r in rows if r.value == 6.6] == [("AE_G3", "incidence", 6.6, DT)] * 2
    assert [r.value for r in rows if r.value != 6.6] == [2.1, 5.4]


def test_twin_value_of_one_group_stays_one_row(nlp):
    """Negative: a twin arm's value named for one group only is one row."""
    text = TWINS.replace(", and grade 3 or higher diarrhea in 4.5% of patients in both groups", "")
    rows = rows_of(nlp, text, ARM_ROW)
    assert [r.value for r in rows] == [1.5, 9.0]


def test_both_arms_after_a_compared_pair_of_distinct_arms(nlp):
    """Arms that differ: "0.9% of patients in both arms" after a compared pair is each arm's."""
    text = LAPATINIB + (
        "Grade 3-4 diarrhea occurred in 12% of patients in the lapatinib group and 5% in the "
        "trastuzumab group (P = 0.004); grade 3-4 heart failure occurred in 0.9% of patients in "
        "both arms."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert sorted(r.arm for r in rows if r.value == 0.9) == [LC, TC]


REAL_WORLD = (
    "Pyrotinib plus capecitabine in the real world\n\n"
    "This real-world study included 300 patients with HER2-positive metastatic breast cancer "
    "treated with pyrotinib plus capecitabine. "
)


def test_medians_by_brain_metastases_stay_but_their_ratio_goes(nlp):
    """ "14.9 months in patients with brain metastases and 19.8 months in those without (HR
    1.46": the two subsets' medians are whole-population values; their ratio compares patients
    by a feature, no arms."""
    text = REAL_WORLD + (
        "Median rwPFS was 14.9 months (95% CI 10.2-19.6) in patients with brain metastases and "
        "19.8 months (95% CI 15.1-NR) in those without (HR 1.46, 95% CI 0.93-2.29; P = 0.10)."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert rows == [("PFS", "median", 14.9, None, None), ("PFS", "median", 19.8, None, None)]


def test_previous_lines_groups_ratio_is_no_outcome(nlp):
    """ "Patients who had received one or two previous lines had longer rwPFS than those who
    had received three or more (...; HR 0.52": lines of earlier therapy are a feature."""
    text = REAL_WORLD + (
        "Patients who had received one or two previous lines had longer rwPFS than those who had "
        "received three or more (median 21.4 vs 12.1 months; HR 0.52, 95% CI 0.33-0.84)."
    )
    assert [r.measure for r in rows_of(nlp, text, P_ROW)] == ["median", "median"]


def test_pcr_groups_without_in_ratio_is_no_outcome(nlp):
    """ "Pts with pCR had better iDFS than those without (HR 0.36": response groups."""
    text = (
        REAL_WORLD + "Pts with pCR had better iDFS than those without (HR 0.36, 95% CI 0.24-0.54)."
    )
    assert rows_of(nlp, text, P_ROW) == []


def test_prior_exposure_factor_ratio_is_no_outcome(nlp):
    """ "prior trastuzumab exposure (HR 1.28 ...) were independently associated with": exposure
    before the study is a feature of the patient, as "visceral metastasis" is."""
    text = REAL_WORLD + (
        "Median PFS was 10.2 months. Visceral metastasis (HR 1.42, 95% CI 1.19-1.70) and prior trastuzumab exposure (HR "
        "1.28, 95% CI 1.05-1.56) were independently associated with shorter PFS."
    )
    assert [r.measure for r in rows_of(nlp, text, P_ROW)] == ["median"]


def test_status_bracketed_before_independent_predictor_is_no_outcome(nlp):
    """ "hormone receptor-negative status (OR=2.61, ...) was an independent predictor of tpCR":
    the ratio is bracketed on the factor named before "independent predictor"."""
    text = REAL_WORLD + (
        "The tpCR rate was 40.2%. Hormone receptor-negative status (OR=2.61, 95%CI: "
        "1.42-4.80, P=0.002) was an independent predictor of tpCR."
    )
    assert [r.measure for r in rows_of(nlp, text, P_ROW)] == ["rate"]


def test_subgroup_treatment_ratio_stays(nlp):
    """Negative: a subgroup's treatment ratio ("in patients with brain metastases, the HR for
    lapatinib vs trastuzumab was 0.65") compares the arms."""
    text = LAPATINIB + (
        "In patients with brain metastases, the HR for PFS for lapatinib vs trastuzumab was 0.65 "
        "(95% CI 0.44-0.96)."
    )
    assert [r.measure for r in rows_of(nlp, text, P_ROW)] == ["HR"]


def test_arms_compared_with_those_without_treatment_stays(nlp):
    """Negative: "in patients with brain metastases and in those without" after a treatment
    ratio keeps the treatment's ratio (the HR names the drugs)."""
    text = LAPATINIB + (
        "Lapatinib improved PFS in patients with brain metastases (HR 0.60, 95% CI 0.40-0.90) and "
        "in those without (HR 0.80, 95% CI 0.65-0.98)."
    )
    assert [r.value for r in rows_of(nlp, text, P_ROW)] == [0.6, 0.8]


def test_arm_pairs_in_each_subgroup_keep_their_ratio(nlp):
    """Negative: "8.1 vs 6.6 months in patients with brain metastases and 10.2 vs 7.0 months in
    those without (HR 0.70": a compared pair per group compares the arms, so the ratio stays."""
    text = LAPATINIB + (
        "Median PFS was 8.1 vs 6.6 months in patients with brain metastases and 10.2 vs 7.0 "
        "months in those without (HR 0.70, 95% CI 0.55-0.89)."
    )
    assert "HR" in [r.measure for r in rows_of(nlp, text, P_ROW)]


OBSERVATION = (
    "Pyrotinib added to trastuzumab and docetaxel\n\n"
    "Patients were randomly assigned to the observation group (pyrotinib plus trastuzumab and "
    "docetaxel) or the control group (trastuzumab and docetaxel). "
)
PYR = "docetaxel+pyrotinib+trastuzumab"


def test_while_clause_event_has_its_own_grade_and_arm_order(nlp):
    """ ", while peripheral neuropathy was more common in the observation group (45.2% vs
    30.0%": an ungraded event (AE) whose first value is the group the clause names."""
    text = OBSERVATION + (
        "The incidence of grade ≥3 neutropenia in the observation group was lower than that in "
        "the control group (14.3% vs 37.5%, P=0.016), while peripheral neuropathy was more common "
        "in the observation group (45.2% vs 30.0%, P=0.158)."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert rows == [
        ("AE_G3", "incidence", 14.3, "0.016", PYR),
        ("AE_G3", "incidence", 37.5, "0.016", DT),
        ("AE", "incidence", 45.2, "0.158", PYR),
        ("AE", "incidence", 30.0, "0.158", DT),
    ]


def test_while_clause_pair_opens_with_the_group_it_names(nlp):
    """ "..., while peripheral neuropathy was more common in the control group (45.2% vs 30.0%":
    the pair after ", while" starts with its own clause's group, not the earlier comparison's."""
    text = OBSERVATION + (
        "Neutropenia was lower in the observation group (14.3% vs 37.5%, P=0.016), while "
        "peripheral neuropathy was more common in the control group (45.2% vs 30.0%, P=0.158)."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert [(r.value, r.arm) for r in rows] == [(14.3, PYR), (37.5, DT), (45.2, DT), (30.0, PYR)]


def test_while_receiving_opens_no_clause(nlp):
    """Negative: "while receiving" says when, so the pair keeps the sentence's comparison."""
    text = OBSERVATION + (
        "Neutropenia while receiving docetaxel was more common in the observation group than in "
        "the control group (40.0% vs 20.0%)."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert [(r.value, r.arm) for r in rows] == [(40.0, PYR), (20.0, DT)]


def test_grade_does_not_cross_a_semicolon_into_another_event(nlp):
    """ "Grade >=3 ... in 82.1%, chiefly neutropenia; the only treatment-related adverse event
    that emerged ... was diarrhoea (14.3%)": the later event is ungraded."""
    text = (
        "Maintenance trastuzumab and pertuzumab\n\n"
        "Patients received trastuzumab and pertuzumab with docetaxel. Grade ≥3 treatment-related "
        "adverse events occurred in 82.1% of patients, chiefly neutropenia; the only "
        "treatment-related adverse event that emerged during maintenance in more than 10% of "
        "patients was diarrhoea (14.3%)."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert [(r.endpoint, r.value) for r in rows] == [("AE_G3", 82.1), ("AE", 14.3)]


def test_null_and_alternative_rates_are_no_results(nlp):
    """ "Primary endpoint: 6-mo PFS rate (null 50%, alternative 70%)": hypotheses."""
    text = (
        "Pyrotinib plus capecitabine\n\n"
        "In this single-arm phase II trial, patients received pyrotinib plus capecitabine. "
        "Primary endpoint: 6-mo PFS rate (null 50%, alternative 70%)."
    )
    assert rows_of(nlp, text, P_ROW) == []


def test_result_after_a_null_hypothesis_stays(nlp):
    """Negative: "the 6-month PFS rate was 76% (null 50%)" reports 76%."""
    text = (
        "Pyrotinib plus capecitabine\n\n"
        "In this single-arm phase II trial, patients received pyrotinib plus capecitabine. "
        "The 6-month PFS rate was 76% (null 50%)."
    )
    assert [r.value for r in rows_of(nlp, text, P_ROW)] == [76.0]


def test_rate_definition_bracket_is_no_result(nlp):
    """ "the major pathological response rate (less than 10% residual tumour)": a definition."""
    text = (
        "Pertuzumab added to docetaxel and trastuzumab\n\n"
        "Patients were randomly assigned to arm A (docetaxel and trastuzumab) or arm B "
        "(docetaxel, trastuzumab and pertuzumab). The primary endpoint was the major pathological "
        "response rate (less than 10% residual tumour) in arm B compared with arm A."
    )
    assert rows_of(nlp, text, P_ROW) == []


def test_treatment_received_after_earlier_therapy_stays(nlp):
    """Negative: "patients previously treated with trastuzumab who received the combination had
    longer PFS (HR 0.55" names the treatment compared, not only an earlier one."""
    text = LAPATINIB + (
        "Patients previously treated with trastuzumab who received the combination had longer "
        "PFS (HR 0.55, 95% CI 0.40-0.76)."
    )
    assert [r.measure for r in rows_of(nlp, text, P_ROW)] == ["HR"]
