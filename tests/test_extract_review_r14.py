"""Review of round 14 (pipeline 0.3.20): the readings the reviewer found wrong.

Landmark runs ("the 3-year and 5-year IDFS rates were 91.0% and 87.5% with A") and the
"respectively" retry were merged without seeing each other: "respectively" overwrote a landmark
run's arm and the values after the run lost their own arm. The "A than B" order ignored the
comparative's direction; "by <percent>" after any change word lost real rates; the IDFS ratio
named by "invasive disease or death" reached ratios of other events; the landmark time list
matched the values themselves, crossed clauses and missed Unicode hyphens.
"""

from __future__ import annotations

from extract_helpers import ARM_ROW, rows_of


def value_arms(nlp, text: str) -> list[tuple[float, str | None]]:
    return [(v, a) for _, m, v, a in rows_of(nlp, text, ARM_ROW) if m not in ("HR", "OR")]


TWO = (
    "Trastuzumab emtansine versus trastuzumab in early breast cancer\n\n"
    "Methods: Patients were randomly assigned to trastuzumab emtansine or trastuzumab. Results: "
)
NALA = (
    "Neratinib plus capecitabine versus lapatinib plus capecitabine (NALA)\n\n"
    "Patients were randomly assigned to neratinib plus capecitabine (N+C) or lapatinib plus "
    "capecitabine (L+C). "
)
DB03 = (
    "Trastuzumab deruxtecan versus trastuzumab emtansine (DESTINY-Breast03)\n\n"
    "Methods: Patients were randomly assigned to receive trastuzumab deruxtecan (T-DXd) or "
    "trastuzumab emtansine (T-DM1). Results: "
)
T_DM1, T = "trastuzumab emtansine", "trastuzumab"
N_C, L_C = "capecitabine+neratinib", "capecitabine+lapatinib"


# 1. Landmark runs vs "respectively".


def test_landmark_run_then_other_group_with_respectively(nlp):
    # Before: 85.0 took trastuzumab emtansine (the landmark's reference was not used up).
    text = TWO + (
        "IDFS rates at 3 and 5 years were 91.0% and 87.5% with trastuzumab emtansine and 85.0% "
        "and 80.5% with trastuzumab, respectively."
    )
    assert value_arms(nlp, text) == [(91.0, T_DM1), (87.5, T_DM1), (85.0, T), (80.5, T)]


def test_landmark_run_then_other_group_versus(nlp):
    text = TWO + (
        "The 3-year and 5-year IDFS rates were 91.0% and 87.5% with trastuzumab emtansine versus "
        "85.0% and 80.5% with trastuzumab."
    )
    assert value_arms(nlp, text) == [(91.0, T_DM1), (87.5, T_DM1), (85.0, T), (80.5, T)]


def test_landmark_run_compared_with_next_group(nlp):
    text = TWO + (
        "At 3 and 5 years, IDFS rates were 91.0% and 87.5%, respectively, in the trastuzumab "
        "emtansine group, compared with 85.0% and 80.5% in the trastuzumab group."
    )
    assert value_arms(nlp, text) == [(91.0, T_DM1), (87.5, T_DM1), (85.0, T), (80.5, T)]


def test_landmark_run_with_arm_before_then_versus_next_group(nlp):
    # Before: 15 took L+C ("respectively" zipped 29/15 with the design's arms), 20 N+C.
    text = NALA + (
        "The 12- and 24-month PFS rates with N+C were 29% and 15%, respectively, versus 20% and "
        "8% with L+C."
    )
    assert value_arms(nlp, text) == [(29.0, N_C), (15.0, N_C), (20.0, L_C), (8.0, L_C)]


def test_respectively_does_not_override_landmark_arm(nlp):
    # Before: 29 took L+C (the first listed reference).
    text = NALA + (
        "Compared with L+C, the 12- and 24-month PFS rates with N+C were 29% and 15%, respectively."
    )
    assert value_arms(nlp, text) == [(29.0, N_C), (15.0, N_C)]


def test_respectively_retry_does_not_override_landmark_arm(nlp):
    text = NALA + (
        "PFS improved with N+C versus L+C; at 12 and 24 months, PFS rates were 29% and 15%, "
        "respectively, in the N+C group."
    )
    assert value_arms(nlp, text) == [(29.0, N_C), (15.0, N_C)]


def test_landmark_run_leaves_the_respectively_list(nlp):
    # Before: 88.0 and 80.0 both took T-DXd.
    text = DB03 + (
        "IDFS at 3 and 5 years was 91.0% and 87.5% with T-DXd; at 3 years, IDFS was 88.0% vs "
        "80.0% in the T-DXd and T-DM1 groups, respectively."
    )
    assert value_arms(nlp, text) == [
        (91.0, "trastuzumab deruxtecan"),
        (87.5, "trastuzumab deruxtecan"),
        (88.0, "trastuzumab deruxtecan"),
        (80.0, "trastuzumab emtansine"),
    ]


def test_time_list_with_arms_listed_after_still_zips(nlp):
    # Negative: arms listed after the run ("... in the A and B groups, respectively").
    text = TWO + (
        "The 3-year and 5-year IDFS rates were 91.0% and 87.5% in the trastuzumab emtansine and "
        "trastuzumab groups, respectively."
    )
    assert value_arms(nlp, text) == [(91.0, T_DM1), (87.5, T)]


# 2. "A than B" only when the values agree with the comparative.

EMILIA = (
    "Trastuzumab emtansine (EMILIA)\n\n"
    "We randomly assigned patients to T-DM1 or lapatinib plus capecitabine. Rates of grade 3 or "
    "above adverse events were higher with lapatinib plus capecitabine than with T-DM1 (57.0% "
    "vs. 40.8%). "
)


def test_less_frequent_than_does_not_put_the_larger_first(nlp):
    # Before: 20.7 and 16.4 took T-DM1 ("less frequent with T-DM1 than with L+C").
    text = EMILIA + (
        "Diarrhea (20.7% vs 1.6%) and hand-foot syndrome (16.4% vs 0%) were less frequent with "
        "T-DM1 than with lapatinib plus capecitabine."
    )
    got = dict(value_arms(nlp, text))
    assert got[20.7] == "capecitabine+lapatinib"
    assert got[1.6] == "trastuzumab emtansine"
    assert got[16.4] == "capecitabine+lapatinib"


def test_more_frequent_than_keeps_the_order(nlp):
    # Negative: the values agree with "more frequent in A than in B".
    text = EMILIA + (
        "Thrombocytopenia (12.9% vs 0.2%) and elevated AST (4.3% vs 0.8%) were more frequent in "
        "the T-DM1 group than in the lapatinib plus capecitabine group."
    )
    got = dict(value_arms(nlp, text))
    assert got[12.9] == "trastuzumab emtansine"
    assert got[0.2] == "capecitabine+lapatinib"


# 3. "by <percent>": the size of a change only after a change verb whose object reaches "by".


def test_achieved_by_after_dose_reductions_is_a_rate(nlp):
    text = TWO + (
        "Despite dose reductions, an objective response was achieved by 45% of patients with "
        "trastuzumab emtansine."
    )
    assert rows_of(nlp, text, ARM_ROW) == [("ORR", "rate", 45.0, T_DM1)]


def test_achieved_by_after_lower_expression_is_a_rate(nlp):
    text = TWO + (
        "Among patients with lower HER2 expression, an objective response was achieved by 40% "
        "of patients."
    )
    assert [(ep, v) for ep, _, v, _ in rows_of(nlp, text, ARM_ROW)] == [("ORR", 40.0)]


def test_reported_by_after_a_clause_with_decreased_is_a_rate(nlp):
    text = TWO + (
        "Diarrhoea, which decreased in frequency after cycle 1, was reported by 25% of patients."
    )
    assert [(ep, v) for ep, _, v, _ in rows_of(nlp, text, ARM_ROW)] == [("AE", 25.0)]


def test_increased_by_approximately_is_a_change(nlp):
    # Before: pCR rate 80.
    text = TWO + (
        "Trastuzumab emtansine increased the pCR rate by approximately 80% compared with "
        "trastuzumab."
    )
    assert rows_of(nlp, text, ARM_ROW) == []


# 4. The IDFS ratio named by "invasive disease or death" is not another event's ratio.


def test_ratio_for_locoregional_recurrence_is_not_idfs(nlp):
    # Before: IDFS HR 0.60 as well.
    text = TWO + (
        "The risk of invasive disease or death was lower with trastuzumab emtansine (hazard "
        "ratio, 0.50); the hazard ratio for locoregional recurrence was 0.60."
    )
    assert rows_of(nlp, text, ARM_ROW) == [("IDFS", "HR", 0.5, None)]


def test_ratio_for_contralateral_cancer_is_not_idfs(nlp):
    text = TWO + (
        "Invasive disease or death was the primary end point; the hazard ratio for contralateral "
        "breast cancer was 0.60."
    )
    assert rows_of(nlp, text, ARM_ROW) == []


def test_ratio_after_a_clause_break_is_not_idfs(nlp):
    text = TWO + (
        "Invasive disease or death occurred less often with trastuzumab emtansine, and the hazard "
        "ratio for central nervous system recurrence was 1.20."
    )
    assert rows_of(nlp, text, ARM_ROW) == []


def test_invasive_event_ratio_in_its_own_bracket_is_idfs(nlp):
    # Negative: the rule still reads the ratio of the invasive-disease phrase.
    text = TWO + (
        "Invasive disease or death occurred in 12.2% vs 22.2% (hazard ratio, 0.50; 95% CI, 0.39 "
        "to 0.64)."
    )
    assert ("IDFS", "HR", 0.5, None) in rows_of(nlp, text, ARM_ROW)


# 5. Landmark time lists.


def test_median_values_are_no_time_list(nlp):
    # Before: the ORR rates lost their arms (the medians "25 and 20 months" read as times).
    text = TWO + (
        "Median overall survival was 25 and 20 months, respectively, and the objective response "
        "rate was 40% and 30%."
    )
    got = dict(value_arms(nlp, text))
    assert got[40.0] == T_DM1
    assert got[30.0] == T


def test_landmark_fallback_reference_not_across_semicolon(nlp):
    # Before: both OS rates took N+C from the clause before.
    text = NALA + (
        "PFS was longer with N+C (HR, 0.76); in the overall population, the 12- and 24-month OS "
        "rates were 90% and 80%."
    )
    assert value_arms(nlp, text) == [(90.0, None), (80.0, None)]


def test_landmark_fallback_reference_not_across_whereas(nlp):
    text = NALA + (
        "Diarrhea was more frequent with N+C, whereas across both arms the 6- and 12-month PFS "
        "rates were 60% and 40%."
    )
    assert value_arms(nlp, text) == [(60.0, None), (40.0, None)]


def test_landmark_fallback_reference_same_clause(nlp):
    # Negative: the reference in the same clause still names the run.
    text = TWO + ("With trastuzumab emtansine, IDFS at 3 and 5 years was 91.0% and 87.5%.")
    assert value_arms(nlp, text) == [(91.0, T_DM1), (87.5, T_DM1)]


def test_landmark_times_with_unicode_hyphens(nlp):
    for dash in ("\u2011", "\u2010", "\u2013"):
        text = TWO + (
            f"The 3{dash}year and 5{dash}year IDFS rates were 91.0% and 87.5% with trastuzumab "
            "emtansine."
        )
        assert value_arms(nlp, text) == [(91.0, T_DM1), (87.5, T_DM1)], dash


# 6. "for A versus B" ratios: names with digits and "vs.".


def _ratios(text: str) -> list[tuple[float, float | None, float | None, str | None]]:
    from her2mine.extract.numbers import parse_values

    return [(v.value, v.ci_low, v.ci_high, v.p) for v in parse_values(text) if v.kind == "HR"]


def test_for_pair_ratio_with_digits_in_names():
    # Before: only 0.68, without its P.
    text = (
        "The hazard ratio for death was 0.68 for T-DM1 versus lapatinib plus capecitabine "
        "(P<0.001) and 0.75 for T-DXd versus T-DM1 (P=0.04)."
    )
    assert _ratios(text) == [(0.68, None, None, "<0.001"), (0.75, None, None, "0.04")]


def test_for_pair_ratio_with_vs_dot():
    text = (
        "The hazard ratio for disease-free survival was 0.64 for AC-TH vs. AC-T (P<0.001) and "
        "0.75 for TCH vs. AC-T (P=0.04)."
    )
    assert _ratios(text) == [(0.64, None, None, "<0.001"), (0.75, None, None, "0.04")]


def test_for_patients_ratio_is_not_a_pair_phrase():
    # Negative: "for patients treated with A compared with those given B" stays one ratio.
    text = (
        "The hazard ratio was 0.70 for patients treated with lapatinib compared with those given "
        "placebo (95% CI 0.5-0.9)."
    )
    assert [v for v, *_ in _ratios(text)] == [0.7]


# 7. Parallel subgroup ratios, each with its statistics bracket.


def test_parallel_subgroup_ratios_with_ci_after_subgroup():
    # Before: only 0.32, without its CI.
    text = (
        "The hazard ratio for PFS was 0.32 in hormone-receptor-positive disease (95% CI 0.2-0.5) "
        "and 0.30 in hormone-receptor-negative disease (95% CI 0.1-0.6)."
    )
    assert _ratios(text) == [(0.32, 0.2, 0.5, None), (0.30, 0.1, 0.6, None)]


def test_parallel_subgroup_ratios_with_ci_after_ratio():
    text = (
        "The hazard ratio for PFS was 0.32 (95% CI 0.2-0.5) in hormone-receptor-positive disease "
        "and 0.30 (95% CI 0.1-0.6) in hormone-receptor-negative disease."
    )
    assert _ratios(text) == [(0.32, 0.2, 0.5, None), (0.30, 0.1, 0.6, None)]


def test_subgroup_ratio_then_a_bare_number_is_no_list():
    # Negative: the number after the subgroup is no second ratio.
    text = "The hazard ratio for progression was 0.70 in node-positive disease (95% CI 0.5-0.9), and 12 in the ..."
    assert [v for v, *_ in _ratios(text)] == [0.7]


# 8. A label every arm shares, as the whole group phrase, names no arm.

ALT = (
    "Dual HER2 blockade: the ALTERNATIVE trial\n\n"
    "Purpose: The study evaluated dual HER2 blockade plus an aromatase inhibitor (AI) in "
    "postmenopausal women. Methods: Patients were randomly assigned 1:1:1 to receive lapatinib "
    "plus trastuzumab plus an AI (L+T+AI), trastuzumab plus an AI (T+AI), or lapatinib plus an "
    "AI (L+AI). Results: "
)


def test_shared_label_as_whole_group_names_no_arm(nlp):
    # Before: lapatinib+trastuzumab (the first arm).
    assert value_arms(nlp, ALT + "Diarrhea occurred in 69% of patients in the AI arms.") == [
        (69.0, None)
    ]


def test_own_labels_still_name_their_arms(nlp):
    # Negative: "the L+T+AI arm", "the T+AI arm", "the L+AI arm" keep their arms.
    text = ALT + (
        "The overall response rate was 31.7% in the L+T+AI arm, 13.7% in the T+AI arm and 18.6% "
        "in the L+AI arm."
    )
    assert value_arms(nlp, text) == [
        (31.7, "lapatinib+trastuzumab"),
        (13.7, "trastuzumab"),
        (18.6, "lapatinib"),
    ]


# 9. Longer end-point names holding a contract one.


def test_second_pfs_is_not_pfs(nlp):
    assert rows_of(nlp, TWO + "Median second PFS was 20.1 versus 15.2 months.", ARM_ROW) == []


def test_progression_free_survival_2_is_not_pfs(nlp):
    text = TWO + "Median progression-free survival 2 was 20.1 versus 15.2 months."
    assert rows_of(nlp, text, ARM_ROW) == []


def test_distant_dfs_is_not_dfs(nlp):
    assert rows_of(nlp, TWO + "The 5-year distant DFS was 89.0% versus 83.1%.", ARM_ROW) == []


def test_pfs_still_pfs(nlp):
    # Negative: plain PFS (and "PFS 2 months longer" is no "PFS 2" end point name here).
    got = rows_of(nlp, TWO + "Median PFS was 20.1 versus 15.2 months.", ARM_ROW)
    assert [(ep, v) for ep, _, v, _ in got] == [("PFS", 20.1), ("PFS", 15.2)]
