"""Held-out round 30 (b): abstracts from Chinese, Japanese and Korean journals and centres, in
their own typography and wording. A real-world pyrotinib cohort: "The mPFS was 12.0 m (95%CI:
9.8-14.2)" and "a shorter mPFS (10.2 m vs 14.1 m, P=0.000)" gave nothing ("m" was no unit),
"the ORR was46.4%" gave nothing (a number glued to its verb), and "brain metastasis was an
independent factor for PFS (HR=1.85 ...)" became a PFS hazard ratio of the treatment. PHOEBE:
"12.5 m in the pyrotinib group and 6.8 m in the lapatinib group" gave nothing. An inetetamab
study: "The control group received vinorelbine, and the observation group received inetetamab
combined with vinorelbine" defined two arms but no names, so "the observation group" named
nothing and "that of the control group" took the arm before it (inetetamab's)."""

from __future__ import annotations

from extract_helpers import CI_ROW, P_ROW, arm_of, extract_text, registry_of, row_with, rows_of

from her2mine.extract.numbers import fold_typography

PC = "capecitabine+pyrotinib"
LC = "capecitabine+lapatinib"
IV = "inetetamab+vinorelbine"

PYRO_RWS = (
    "Efficacy and safety of pyrotinib plus capecitabine in HER2-positive metastatic breast "
    "cancer: a real-world retrospective study\n\n"
    "Objective: To evaluate the efficacy and safety of pyrotinib combined with capecitabine in "
    "patients with HER2-positive metastatic breast cancer in real-world practice. Methods: A "
    "total of 168 patients received pyrotinib plus capecitabine in our hospital from June 2018 "
    "to December 2020. The primary endpoint was PFS. Results: The mPFS was 12.0 m (95%CI: "
    "9.8-14.2), and the ORR was46.4%, DCR was 85.1%. Patients previously treated with "
    "trastuzumab had a shorter mPFS (10.2 m vs 14.1 m, P=0.000). Multivariate Cox analysis "
    "showed that brain metastasis was an independent factor for PFS (HR=1.85, 95%CI "
    "1.21~2.83, P=0.005). The most common adverse event was diarrhea (78.6%), and grade 3 "
    "diarrhea occurred in 15.5% of patients. Conclusion: Pyrotinib plus capecitabine is "
    "effective and tolerable in HER2-positive metastatic breast cancer."
)


def test_m_after_a_median_is_months(nlp):
    """ "The mPFS was 12.0 m (95%CI: 9.8-14.2)": "m" after an mPFS value is months, and the CI
    after it is the median's. A single-arm cohort's values are the whole population's."""
    ex = extract_text(nlp, PYRO_RWS)
    row = row_with(ex.outcomes, 12.0)
    assert (row.endpoint, row.measure, row.unit, row.ci_low, row.ci_high, row.arm) == (
        "PFS",
        "median",
        "months",
        9.8,
        14.2,
        None,
    )


def test_m_pair_is_months_and_p_zero_is_below_a_thousandth(nlp):
    """ "(10.2 m vs 14.1 m, P=0.000)": both subgroup medians, sharing a P printed as 0.000 (a P
    rounded to zero at three places: below 0.001)."""
    rows = rows_of(nlp, PYRO_RWS, P_ROW)
    assert row_with(rows, 10.2) == ("PFS", "median", 10.2, "<0.001", None)
    assert row_with(rows, 14.1) == ("PFS", "median", 14.1, "<0.001", None)


def test_rate_glued_to_its_verb_is_read(nlp):
    """ "the ORR was46.4%": the missing space does not hide the rate."""
    rows = rows_of(nlp, PYRO_RWS, P_ROW)
    assert row_with(rows, 46.4) == ("ORR", "rate", 46.4, None, None)


def test_independent_factor_ratio_is_no_treatment_effect(nlp):
    """ "brain metastasis was an independent factor for PFS (HR=1.85 ...)": a Cox factor's
    ratio, not a treatment effect; the adverse events after it stay."""
    rows = rows_of(nlp, PYRO_RWS, P_ROW)
    assert [r for r in rows if r.measure == "HR"] == []
    assert row_with(rows, 78.6).endpoint == "AE"
    assert row_with(rows, 15.5).endpoint == "AE_G3"


def test_pyro_rws_pinned(nlp):
    """Drugs, the DCR and the grade 3 diarrhoea of a single-arm cohort (already right)."""
    ex = extract_text(nlp, PYRO_RWS)
    assert ex.drugs == ["capecitabine", "pyrotinib", "trastuzumab"]
    assert ex.trials == []
    rows = rows_of(nlp, PYRO_RWS, P_ROW)
    assert row_with(rows, 85.1) == ("DCR", "rate", 85.1, None, None)


def test_lone_m_without_a_median_is_no_month():
    """Negative: "m" after a number with no median word and no month value near is no month
    ("walked 6 m"); nor is "mg/m2", nor a landmark ("the 12 m OS rate")."""
    for text in (
        "Patients walked 6 m in the test.",
        "Capecitabine was given at 1000 mg/m2 twice daily.",
        "The 12 m OS rate was 80.1% and the median PFS was 9.0 months.",
    ):
        assert fold_typography(text) == text


def test_treatment_named_as_independent_factor_keeps_its_ratio(nlp):
    """Negative: a subject that names the study treatment ("treatment with pyrotinib was an
    independent predictor ... (HR=0.55") is the treatment effect, still read."""
    text = (
        "Pyrotinib versus lapatinib\n\nPatients were randomly assigned to pyrotinib plus "
        "capecitabine or lapatinib plus capecitabine. In the multivariable analysis, treatment "
        "with pyrotinib was an independent predictor of longer PFS (HR=0.55, 95%CI 0.40-0.76)."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert row_with(rows, 0.55)[:2] == ("PFS", "HR")


PHOEBE = (
    "Pyrotinib plus capecitabine versus lapatinib plus capecitabine for HER2-positive "
    "metastatic breast cancer (PHOEBE): a multicentre, open-label, randomised, controlled, "
    "phase 3 trial\n\n"
    "Objective: To compare pyrotinib plus capecitabine with lapatinib plus capecitabine in "
    "patients with HER2-positive metastatic breast cancer after trastuzumab and taxanes. "
    "Methods: Patients were randomly assigned (1:1) to receive pyrotinib 400 mg once daily plus "
    "capecitabine (pyrotinib group) or lapatinib 1250 mg once daily plus capecitabine "
    "(lapatinib group). Results: 267 patients were randomized. The mPFS was 12.5 m in the "
    "pyrotinib group and 6.8 m in the lapatinib group (HR=0.39, 95%CI: 0.27-0.56, P<0.0001). "
    "The ORR was 67.2% in the pyrotinib group and 51.5% in the lapatinib group (P=0.023). The "
    "most common grade 3 or higher adverse event was diarrhoea (30.6% vs 8.3%). Conclusion: "
    "Pyrotinib plus capecitabine significantly improved mPFS compared with lapatinib plus "
    "capecitabine."
)


def test_m_medians_of_two_groups(nlp):
    """ "The mPFS was 12.5 m in the pyrotinib group and 6.8 m in the lapatinib group": each
    group's median in months."""
    rows = rows_of(nlp, PHOEBE, P_ROW)
    assert row_with(rows, 12.5)[:2] == ("PFS", "median")
    assert arm_of(rows, 12.5) == PC
    assert arm_of(rows, 6.8) == LC


def test_phoebe_pinned(nlp):
    """The HR with "95%CI:", the compared ORRs and the grade ≥3 diarrhoea (already right)."""
    ex = extract_text(nlp, PHOEBE)
    assert ex.trials == ["PHOEBE"]
    rows = rows_of(nlp, PHOEBE, CI_ROW)
    assert row_with(rows, 0.39) == ("PFS", "HR", 0.39, 0.27, 0.56, None)
    prows = rows_of(nlp, PHOEBE, P_ROW)
    assert row_with(prows, 67.2) == ("ORR", "rate", 67.2, "0.023", PC)
    assert row_with(prows, 51.5) == ("ORR", "rate", 51.5, "0.023", LC)
    assert row_with(prows, 30.6) == ("AE_G3", "incidence", 30.6, None, PC)
    assert row_with(prows, 8.3) == ("AE_G3", "incidence", 8.3, None, LC)


INETETAMAB = (
    "Clinical effect of inetetamab combined with vinorelbine in the treatment of HER2-positive "
    "advanced breast cancer\n\n"
    "Objective: To observe the clinical effect of inetetamab combined with vinorelbine in "
    "HER2-positive advanced breast cancer. Methods: 120 patients were divided into the "
    "observation group and the control group, 60 cases in each group. The control group "
    "received vinorelbine, and the observation group received inetetamab combined with "
    "vinorelbine. Results: The ORR of the observation group was 58.3% (35/60), which was higher "
    "than that of the control group (35.0% (21/60)), P<0.05. The DCR of the observation group "
    "was 88.3%, and that of the control group was 71.7% (P<0.05). The mPFS of the observation "
    "group was 8.2 months (95%CI 6.9~9.5), and that of the control group was 5.1 months (95%CI "
    "4.2~6.0), P=0.001. Conclusion: Inetetamab combined with vinorelbine has a good clinical "
    "effect."
)


def test_word_named_groups_described_by_received_are_arms(nlp):
    """ "The control group received A, and the observation group received B": each named group
    is the arm it received, so "the observation group" / "the control group" name them."""
    rows = rows_of(nlp, INETETAMAB, P_ROW)
    assert arm_of(rows, 58.3) == IV
    assert arm_of(rows, 35.0) == "vinorelbine"
    assert arm_of(rows, 88.3) == IV
    assert arm_of(rows, 71.7) == "vinorelbine"
    assert arm_of(rows, 8.2) == IV
    assert arm_of(rows, 5.1) == "vinorelbine"


def test_one_word_named_group_defines_no_arms(nlp):
    """Negative: a single named group that received a regimen ("the study group received A")
    is a single-arm study: no two arms, and its values keep arm null."""
    text = (
        "Pyrotinib in practice\n\nMethods: The study group received pyrotinib plus "
        "capecitabine. Results: The ORR of the study group was 52.0%."
    )
    assert len(registry_of(nlp, text).arms) < 2
    assert arm_of(rows_of(nlp, text, P_ROW), 52.0) is None


def test_inetetamab_pinned(nlp):
    """Counts after rates, "95%CI 6.9~9.5" and the shared "P<0.05" (already right)."""
    ex = extract_text(nlp, INETETAMAB)
    assert ex.drugs == ["inetetamab", "vinorelbine"]
    rows = rows_of(nlp, INETETAMAB)
    assert row_with(rows, 58.3)[:6] == ("ORR", "rate", 58.3, None, None, "<0.05")
    assert row_with(rows, 8.2)[:6] == ("PFS", "median", 8.2, 6.9, 9.5, "0.001")
    assert row_with(rows, 5.1)[:6] == ("PFS", "median", 5.1, 4.2, 6.0, "0.001")


TDXD_KOREA = (
    "Real-world efficacy of trastuzumab deruxtecan in patients with HER2-positive metastatic "
    "breast cancer: a Korean multicenter retrospective study\n\n"
    "Background: We evaluated the efficacy and safety of trastuzumab deruxtecan (T-DXd) in "
    "Korean patients with HER2-positive metastatic breast cancer. Methods: Patients who "
    "received T-DXd at 8 centers in Korea were retrospectively reviewed. Results: Among 60 "
    "patients, the ORR was 58.3% (35/60) and the DCR was 90.0% (54/60). With a median "
    "follow-up of 11.2 mo, the mPFS was 14.9 mo (95%CI, 11.3-NR) and the mOS was not reached. "
    "The 12-month PFS rate was 62.4%. ILD occurred in 6 patients (10.0%), including one grade 3 "
    "case. Conclusion: T-DXd showed promising efficacy in Korean patients."
)


def test_tdxd_korea_pinned(nlp):
    """Rates before their counts, "mo", an NR bound, mOS not reached, ILD (already right)."""
    rows = rows_of(nlp, TDXD_KOREA)
    assert row_with(rows, 58.3) == ("ORR", "rate", 58.3, None, None, None, None)
    assert row_with(rows, 90.0) == ("DCR", "rate", 90.0, None, None, None, None)
    assert row_with(rows, 14.9) == ("PFS", "median", 14.9, 11.3, None, None, None)
    assert row_with(rows, 62.4)[:2] == ("PFS", "rate")
    assert row_with(rows, 10.0)[:2] == ("ILD", "incidence")
    assert 11.2 not in [r.value for r in rows]
    assert [r for r in rows if r.endpoint == "OS"] == [("OS", "median", None) + (None,) * 4]


TDM1_JAPAN = (
    "Trastuzumab emtansine for HER2-positive metastatic breast cancer in Japanese clinical "
    "practice: a multicenter retrospective study\n\n"
    "Purpose: To evaluate T-DM1 in Japanese patients with HER2-positive metastatic breast cancer "
    "in routine practice. Methods: We retrospectively analysed 136 patients treated with T-DM1 "
    "at 5 institutions. Results: ORR was 33.1%(45/136) and the clinical benefit rate was "
    "47.8%. The median PFS was 6.0 months (95%CI (4.9, 7.3)) and mOS was 22.9 months (95%CI "
    "(18.2, 27.6)). In the multivariable analysis, prior pertuzumab was an independent "
    "predictor of shorter PFS (HR=1.62, 95%CI 1.08-2.43, P=0.020). Grade 3 or higher "
    "thrombocytopenia occurred in 14.0% of patients. Conclusions: T-DM1 was effective in "
    "Japanese clinical practice."
)


def test_independent_predictor_ratio_is_no_value(nlp):
    """ "prior pertuzumab was an independent predictor of shorter PFS (HR=1.62 ...)": a prior
    therapy's prognostic ratio, no treatment effect."""
    rows = rows_of(nlp, TDM1_JAPAN, P_ROW)
    assert 1.62 not in [r.value for r in rows]


def test_tdm1_japan_pinned(nlp):
    """ "33.1%(45/136)", "95%CI (4.9, 7.3)" and grade ≥3 thrombocytopenia (already right)."""
    rows = rows_of(nlp, TDM1_JAPAN)
    assert row_with(rows, 33.1) == ("ORR", "rate", 33.1, None, None, None, None)
    assert row_with(rows, 47.8) == ("CBR", "rate", 47.8, None, None, None, None)
    assert row_with(rows, 6.0) == ("PFS", "median", 6.0, 4.9, 7.3, None, None)
    assert row_with(rows, 22.9) == ("OS", "median", 22.9, 18.2, 27.6, None, None)
    assert row_with(rows, 14.0)[:2] == ("AE_G3", "incidence")


RC48 = (
    "Disitamab vedotin versus lapatinib plus capecitabine in HER2-positive metastatic breast "
    "cancer: a randomized phase 3 trial (RC48-C006)\n\n"
    "Objective: To compare disitamab vedotin (RC48) with lapatinib plus capecitabine in "
    "HER2-positive metastatic breast cancer with liver metastases. Methods: Patients were "
    "randomized 1:1 to group A (disitamab vedotin 2.0 mg/kg every 2 weeks) or group B "
    "(lapatinib plus capecitabine). Results: A total of 366 patients were enrolled. mPFS in "
    "group A and group B was 9.9 mo and 4.9 mo, respectively (HR=0.42, 95%CI: 0.30~0.58, "
    "P<0.0001). The ORR of group A was 59.7% vs 38.1% in group B. Grade >=3 TRAEs occurred in "
    "61.1% and 42.6% of patients, respectively. Conclusion: Disitamab vedotin significantly "
    "prolonged mPFS compared with lapatinib plus capecitabine."
)


def test_rc48_group_letters_pinned(nlp):
    """Lettered groups, "mo ... respectively", "HR=" with "95%CI: 0.30~0.58" (already right)."""
    ex = extract_text(nlp, RC48)
    assert ex.trials == ["RC48-C006"]
    rows = rows_of(nlp, RC48, CI_ROW)
    assert row_with(rows, 9.9) == ("PFS", "median", 9.9, None, None, "disitamab vedotin")
    assert row_with(rows, 4.9) == ("PFS", "median", 4.9, None, None, LC)
    assert row_with(rows, 0.42) == ("PFS", "HR", 0.42, 0.3, 0.58, None)
    assert arm_of(rows, 59.7) == "disitamab vedotin"
    assert arm_of(rows, 38.1) == LC
    assert arm_of(rows, 61.1) == "disitamab vedotin"
