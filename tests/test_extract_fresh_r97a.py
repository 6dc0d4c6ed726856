"""Fresh round 97a: P values, end points and non-results. A P labelled by the pair a clause
names ("the difference between THL and TH was not significant (P = .13)") after a three-arm
list; the P of a factor's ratio printed beside subgroup medians; "an absolute benefit of 4.5
mo" read as a median; end points listed before a "respectively" run of ratios with keys of
their own; a share of PET responders named with its group; a risk factor's ratio before "was
an independent risk factor for PFS"."""

from __future__ import annotations

from extract_helpers import ARM_ROW, P_ROW, rows_of

THREE_ARMS = (
    "Lapatinib, trastuzumab or both with paclitaxel in HER2-positive breast cancer\n\n"
    "Methods: Patients were randomly assigned to trastuzumab plus lapatinib and paclitaxel "
    "(THL), trastuzumab plus paclitaxel (TH), or lapatinib plus paclitaxel (TL).\n"
)
THL = "lapatinib+paclitaxel+trastuzumab"
TH = "paclitaxel+trastuzumab"
TL = "lapatinib+paclitaxel"

LETTERED = (
    "Lapatinib, trastuzumab or both with paclitaxel in HER2-positive breast cancer\n\n"
    "Methods: Patients were randomly assigned to trastuzumab plus lapatinib and paclitaxel "
    "(arm A), trastuzumab plus paclitaxel (arm B), or lapatinib plus paclitaxel (arm C).\n"
)

COHORT = "Pyrotinib in HER2-low metastatic breast cancer: a real-world study\n\n"

LT = (
    "Lapatinib plus trastuzumab versus lapatinib alone in HER2-positive breast cancer\n\n"
    "Methods: Patients were randomly assigned to lapatinib plus trastuzumab (L+T) or "
    "lapatinib alone (L).\n"
)
LT_ARM = "lapatinib+trastuzumab"
L_ARM = "lapatinib"

META = "Trastuzumab in early HER2-positive breast cancer: a meta-analysis\n\n"

PET = (
    "PET-adapted neoadjuvant trastuzumab and pertuzumab in HER2-positive breast cancer\n\n"
    "Methods: Patients were randomly assigned to group A (trastuzumab, pertuzumab and "
    "paclitaxel) or group B (trastuzumab and pertuzumab).\n"
)
HP = "pertuzumab+trastuzumab"


# --- (1) a P labelled with the pair its clause names -------------------------------------------


def test_difference_between_two_of_three_arms_takes_their_p(nlp):
    """ "...; the difference between THL and TH was not significant (P = .13)": THL and TH."""
    text = THREE_ARMS + (
        "Results: The pCR rates in the breast were 56% (95% CI, 47% to 65%), 46% (95% CI, 37% "
        "to 55%), and 32% (95% CI, 22% to 44%) in the THL, TH, and TL arms, respectively; the "
        "difference between THL and TH was not significant (P = .13)."
    )
    assert rows_of(nlp, text, P_ROW) == [
        ("pCR", "rate", 56.0, "0.13", THL),
        ("pCR", "rate", 46.0, "0.13", TH),
        ("pCR", "rate", 32.0, None, TL),
    ]


def test_difference_between_the_two_arms_after_and(nlp):
    """ ", and the difference between the THL and TH arms was significant (P = .04)"."""
    text = THREE_ARMS + (
        "Results: The pCR rates were 56%, 46%, and 32% in the THL, TH, and TL arms, "
        "respectively, and the difference between the THL and TH arms was significant "
        "(P = .04)."
    )
    assert rows_of(nlp, text, P_ROW) == [
        ("pCR", "rate", 56.0, "0.04", THL),
        ("pCR", "rate", 46.0, "0.04", TH),
        ("pCR", "rate", 32.0, None, TL),
    ]


def test_difference_between_lettered_arms(nlp):
    """ "the difference between arms A and C was significant (P = .002)": A and C, not B."""
    text = LETTERED + (
        "Results: The pCR rates were 56%, 46%, and 32% in arms A, B, and C, respectively; the "
        "difference between arms A and C was significant (P = .002)."
    )
    assert rows_of(nlp, text, P_ROW) == [
        ("pCR", "rate", 56.0, "0.002", THL),
        ("pCR", "rate", 46.0, None, TH),
        ("pCR", "rate", 32.0, "0.002", TL),
    ]


def test_p_for_all_three_arms_stays_with_every_value(nlp):
    """Guard: "(P = .13 for the comparison of all three arms)" names no pair."""
    text = THREE_ARMS + (
        "Results: The pCR rates were 56%, 46%, and 32% in the THL, TH, and TL arms, "
        "respectively (P = .13 for the comparison of all three arms)."
    )
    assert [r.p for r in rows_of(nlp, text, P_ROW)] == ["0.13", "0.13", "0.13"]


def test_bare_p_and_difference_among_three_arms_unchanged(nlp):
    """Guards: a bare "(P = .13)" and "the difference between the three arms" name no pair."""
    bare = THREE_ARMS + (
        "Results: The pCR rates were 56%, 46%, and 32% in the THL, TH, and TL arms, "
        "respectively (P = .13)."
    )
    among = THREE_ARMS + (
        "Results: The pCR rates were 56%, 46%, and 32% in the THL, TH, and TL arms, "
        "respectively; the difference between the three arms was not significant (P = .13)."
    )
    for text in (bare, among):
        assert [r.p for r in rows_of(nlp, text, P_ROW)] == ["0.13", "0.13", "0.13"]


# --- (2) the P of a factor's ratio beside subgroup medians --------------------------------------


def test_p_after_factor_ratio_is_not_the_medians(nlp):
    """ "(6.9 vs 4.2 months, HR=0.69, 95%CI: 0.51-0.93, P=0.015)": the P follows the (subgroup)
    ratio, which is no outcome; the medians carry no P."""
    text = COHORT + (
        "Results: Patients with IHC 2+ tumours had longer mPFS than those with IHC 1+ tumours "
        "(6.9 vs 4.2 months, HR=0.69, 95%CI: 0.51-0.93, P=0.015)."
    )
    assert rows_of(nlp, text, P_ROW) == [
        ("PFS", "median", 6.9, None, None),
        ("PFS", "median", 4.2, None, None),
    ]


def test_p_after_factor_ratio_semicolons(nlp):
    """ "(6.9 vs 4.2 months; HR 0.69; P=0.015)": the same with semicolons."""
    text = COHORT + (
        "Results: Patients with IHC 2+ tumours had longer mPFS than those with IHC 1+ tumours "
        "(6.9 vs 4.2 months; HR 0.69; P=0.015)."
    )
    assert [r.p for r in rows_of(nlp, text, P_ROW)] == [None, None]


def test_medians_with_p_and_no_ratio_keep_it(nlp):
    """Guards: no ratio in the bracket ("(6.9 vs 4.2 months, P=0.015)"), or the medians' own
    bracket closed by its P before a factor's ratio elsewhere: the medians carry the P."""
    alone = COHORT + (
        "Results: Patients with IHC 2+ tumours had longer mPFS than those with IHC 1+ tumours "
        "(6.9 vs 4.2 months, P=0.015)."
    )
    own = COHORT + (
        "Results: Patients with IHC 2+ tumours had longer mPFS than those with IHC 1+ tumours "
        "(6.9 vs 4.2 months; P=0.015), and liver metastasis was an independent risk factor "
        "for PFS (HR 1.85, 95% CI 1.27-2.70, P=0.001)."
    )
    for text in (alone, own):
        assert rows_of(nlp, text, P_ROW) == [
            ("PFS", "median", 6.9, "0.015", None),
            ("PFS", "median", 4.2, "0.015", None),
        ]


# --- (4) a difference between medians is no median -----------------------------------------------


def test_absolute_benefit_of_months_is_no_median(nlp):
    """ "..., an absolute benefit of 4.5 mo": a difference between the arms' medians."""
    text = LT + (
        "Results: Median OS was 14.0 mo with L+T vs 9.5 mo with L (HR 0.74; 95% CI 0.57-0.97; "
        "P=0.026), an absolute benefit of 4.5 mo."
    )
    assert rows_of(nlp, text, ARM_ROW) == [
        ("OS", "median", 14.0, LT_ARM),
        ("OS", "median", 9.5, L_ARM),
        ("OS", "HR", 0.74, None),
    ]


def test_gain_word_after_the_time_is_no_median(nlp):
    """ "representing a 4.5 month improvement", "a 4.5 months' benefit": the gain word follows."""
    for tail in ("representing a 4.5 month improvement", "a 4.5 months' benefit"):
        text = LT + (
            f"Results: Median OS was 14.0 months with L+T versus 9.5 months with L, {tail}."
        )
        assert [r.value for r in rows_of(nlp, text, ARM_ROW)] == [14.0, 9.5]


def test_longer_median_and_subgroup_median_stay(nlp):
    """Guards: "a longer median OS of 14.0 months" and a median after "the benefit was
    greatest in ..." are medians."""
    longer = LT + (
        "Results: With L+T, a longer median OS of 14.0 months was reached (vs 9.5 months with L)."
    )
    subgroup = LT + (
        "Results: Median OS was 14.0 months with L+T versus 9.5 months with L; the benefit was "
        "greatest in patients with 2 prior lines (median OS 16.1 months)."
    )
    assert [r.value for r in rows_of(nlp, longer, ARM_ROW)] == [14.0, 9.5]
    assert [r.value for r in rows_of(nlp, subgroup, ARM_ROW)] == [14.0, 9.5, 16.1]


# --- (5) end points listed before a "respectively" run of ratios ----------------------------------


def test_ratios_each_keyed_zip_with_listed_end_points(nlp):
    """ "hazard ratios for overall survival and disease-free survival ... (HR 0.66, ..., P <
    0.00001 and HR 0.60, ..., respectively)": OS, then DFS."""
    text = META + (
        "Results: The combined hazard ratios for overall survival and disease-free survival "
        "significantly favoured the trastuzumab-containing regimens (HR 0.66, 95% CI 0.57 to "
        "0.77, P < 0.00001 and HR 0.60, 95% CI 0.50 to 0.71, P < 0.00001, respectively)."
    )
    assert rows_of(nlp, text, P_ROW) == [
        ("OS", "HR", 0.66, "<0.00001", None),
        ("DFS", "HR", 0.60, "<0.00001", None),
    ]


def test_ratios_of_one_key_zip_with_listed_end_points(nlp):
    """ "OS and DFS were improved (HR 0.66 and 0.60, respectively)", "(HR = 0.66, P < 0.001;
    HR = 0.60, P < 0.001, respectively)"."""
    one_key = META + (
        "Results: Overall survival and disease-free survival were improved with trastuzumab "
        "(HR 0.66 and 0.60, respectively)."
    )
    own_keys = META + (
        "Results: Trastuzumab improved OS and DFS (HR = 0.66, P < 0.001; HR = 0.60, P < 0.001, "
        "respectively)."
    )
    for text in (one_key, own_keys):
        assert [(r.endpoint, r.value) for r in rows_of(nlp, text, P_ROW)] == [
            ("OS", 0.66),
            ("DFS", 0.60),
        ]


def test_ratios_without_respectively_unchanged(nlp):
    """Guard: without "respectively" the list is not zipped (both ratios read as before)."""
    text = META + (
        "Results: Trastuzumab improved OS and DFS (HR = 0.66, P < 0.001; HR = 0.60, P < 0.001)."
    )
    assert [(r.endpoint, r.value) for r in rows_of(nlp, text, P_ROW)] == [
        ("DFS", 0.66),
        ("DFS", 0.60),
    ]


# --- (6) a share of PET responders named with its group ------------------------------------------


def test_responders_in_group_are_no_pcr(nlp):
    """ "227 (79·6%) patients in group B were PET responders, of whom 86 achieved a pCR
    (37·9%, ...)": 79.6 is a share of responders by PET; 37.9 stays pCR."""
    text = PET + (
        "Results: 227 (79·6%) patients in group B were PET responders, of whom 86 achieved a "
        "pCR (37·9%, 95% CI 31·6–44·5)."
    )
    assert rows_of(nlp, text, ARM_ROW) == [("pCR", "rate", 37.9, HP)]


def test_responders_of_patients_in_arm(nlp):
    """ "79.6% of patients in group B were PET responders, and the pCR rate ... 37.9%"."""
    text = PET + (
        "Results: 79.6% of patients in group B were PET responders, and the pCR rate among "
        "them was 37.9%."
    )
    assert [r.value for r in rows_of(nlp, text, ARM_ROW)] == [37.9]


def test_pcr_share_in_group_stays(nlp):
    """Guard: "86 (37.9%) patients in group B achieved a pCR" is a pCR rate."""
    text = PET + "Results: 86 (37.9%) patients in group B achieved a pCR."
    assert rows_of(nlp, text, ARM_ROW) == [("pCR", "rate", 37.9, HP)]


# --- (7) a risk factor's ratio before "was an independent risk factor" ----------------------------


def test_risk_factor_ratio_before_its_verb_is_no_outcome(nlp):
    """ "liver metastasis (HR=1.85, ...) was an independent risk factor for PFS", "... and
    brain metastasis (HR=1.62, ...) were independent risk factors for PFS", "an independent
    prognostic factor": factors' ratios (the PFS of the sentence before carried to them)."""
    tails = (
        "Multivariate analysis showed that liver metastasis (HR=1.85, 95%CI: 1.27-2.70, "
        "P=0.001) was an independent risk factor for PFS.",
        "Multivariate analysis showed that liver metastasis (HR=1.85, 95%CI: 1.27-2.70, "
        "P=0.001) and brain metastasis (HR=1.62, 95%CI: 1.10-2.38, P=0.014) were independent "
        "risk factors for PFS.",
        "In multivariate analysis, liver metastasis (HR=1.85, 95%CI: 1.27-2.70, P=0.001) was "
        "an independent prognostic factor for PFS.",
    )
    for tail in tails:
        text = COHORT + f"Results: The median PFS was 8.3 months. {tail}"
        assert rows_of(nlp, text, ARM_ROW) == [("PFS", "median", 8.3, None)]


def test_treatment_ratio_in_multivariate_analysis_stays(nlp):
    """Guards: "pyrotinib treatment remained associated with longer PFS (HR 0.55 ...)" and
    "Pyrotinib treatment (HR 0.55, ...) was an independent protective factor for PFS" name the
    treatment: the ratio stays."""
    tails = (
        "In multivariate analysis, pyrotinib treatment remained associated with longer PFS "
        "(HR 0.55, 95% CI 0.38-0.80, P=0.002).",
        "Pyrotinib treatment (HR 0.55, 95% CI 0.38-0.80, P=0.002) was an independent "
        "protective factor for PFS.",
    )
    for tail in tails:
        text = COHORT + f"Results: The median PFS was 8.3 months. {tail}"
        assert rows_of(nlp, text, P_ROW) == [
            ("PFS", "median", 8.3, None, None),
            ("PFS", "HR", 0.55, "0.002", None),
        ]
