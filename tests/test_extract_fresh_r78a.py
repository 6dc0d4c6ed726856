"""Fresh round 78a: trial names in titles and brackets, and assay clones. A coined mixed-case
name closing a title in brackets ("... phase II trial (NeoPHOEBE)"), a name and its spaced
number in a bracket before the title's colon ("(MUKDEN 01): a single-arm ..."), a name after
the title's colon and before a dash ("...: TyTAN\u2014A Randomized, Phase III Study"), a title
opening with a name and a group's study id in brackets ("TALENT (TRIO-US B-12): neoadjuvant
..."), a name of capital parts ending in a Roman numeral ("WSG-TP-II"), a spaced-numeral name
and its alias ("In DETECT V (CHEVENDO), ...") and a hyphenated name before its bracketed study
number ("the randomized phase II Neo-peaks (JBCRG-20) study") were no trials. An antibody clone
after "PD-L1-positive (" or "PD-L1 ... by/with" ("SP263", "SP142") was read as a drug."""

from __future__ import annotations

from extract_helpers import extract_text

BODY = "\n\nPatients were randomly assigned to receive trastuzumab plus paclitaxel."


def trials_of(nlp, text: str) -> list[str]:
    return sorted(extract_text(nlp, text).trials)


def drugs_of(nlp, text: str) -> list[str]:
    return sorted(extract_text(nlp, text).drugs)


# --- 1. names in the title's brackets ---


def test_coined_mixed_case_name_closing_the_title_in_brackets(nlp):
    """ "... placebo-controlled phase II trial (NeoPHOEBE)": a coined mixed-case name."""
    title = (
        "Buparlisib plus trastuzumab with weekly paclitaxel in HER2-positive early breast "
        "cancer: a randomised, double-blind, placebo-controlled phase II trial (NeoPHOEBE)"
    )
    assert trials_of(nlp, title + BODY) == ["NeoPHOEBE"]


def test_abbreviation_in_mixed_case_closing_the_title_is_no_name(nlp):
    """Negative: "(HRQoL)", "(mBC)" close a title as abbreviations, not names."""
    for tail in ("(HRQoL)", "(mBC)", "(ctDNA)"):
        title = f"Trastuzumab and health-related quality of life in a phase III trial {tail}"
        assert trials_of(nlp, title + BODY) == [], tail


def test_spaced_number_name_bracketed_before_the_title_colon(nlp):
    """ "... breast cancer (MUKDEN 01): a single-arm, phase 2 trial": the name with its number."""
    title = (
        "Letrozole and trastuzumab in hormone receptor-positive, HER2-positive breast cancer "
        "(MUKDEN 01): a single-arm, phase 2 trial"
    )
    assert trials_of(nlp, title + BODY) == ["MUKDEN 01"]


def test_counted_word_bracketed_before_the_title_colon_is_no_name(nlp):
    """Negative: "(COHORT 2): a ..." counts a part of the study."""
    title = "Trastuzumab deruxtecan in HER2-low breast cancer (COHORT 2): a phase 2 trial"
    assert trials_of(nlp, title + BODY) == []


# --- 2. a name after the title's colon and before a dash ---


def test_name_after_title_colon_before_a_dash(nlp):
    """ "...: TyTAN\u2014A Randomized, Phase III Study": the coined name before the dash."""
    title = (
        "Lapatinib in Combination With Weekly Paclitaxel in Second-Line Treatment of "
        "HER2-Amplified Advanced Gastric Cancer in Asian Populations: TyTAN\u2014A Randomized, "
        "Phase III Study"
    )
    assert trials_of(nlp, title + BODY) == ["TyTAN"]


def test_common_acronym_after_title_colon_before_a_dash_is_no_name(nlp):
    """Negative: "...: RECIST\u2014a ..." and "...: HER2\u2014a ..." name no trial."""
    for word in ("RECIST", "HER2", "ASCO"):
        title = f"Response criteria in breast cancer: {word}\u2014a randomized phase III study"
        assert trials_of(nlp, title + BODY) == [], word


# --- 3. a title opening with a name and a group's study id in brackets ---


def test_title_opening_with_name_and_group_study_id(nlp):
    """ "TALENT (TRIO-US B-12): neoadjuvant ...": the name and the group's study id."""
    title = (
        "TALENT (TRIO-US B-12): neoadjuvant trastuzumab deruxtecan with or without "
        "anastrozole for HER2-low, HR+ early-stage breast cancer"
    )
    assert trials_of(nlp, title + BODY) == ["TALENT", "TRIO-US B-12"]


def test_title_opening_with_a_marker_and_a_bracket_is_no_name(nlp):
    """Negative: "PD-L1 (SP263): ..." and "HER2 (4B5): ..." open with a biomarker and its
    assay; "T-DXd (DS-8201): ..." with a drug and its code."""
    for lead in ("PD-L1 (SP263)", "HER2 (4B5)", "T-DXd (DS-8201)"):
        title = f"{lead}: scoring in breast cancer treated with trastuzumab"
        assert trials_of(nlp, title + BODY) == [], lead


# --- 4. capital parts ending in a Roman numeral ---


def test_hyphenated_capitals_with_roman_numeral_in_title(nlp):
    """ "The WSG-TP-II Randomized Clinical Trial": the name's capital run is three long."""
    title = (
        "De-escalated therapy in HR+/HER2+ breast cancer: The WSG-TP-II Randomized Clinical Trial"
    )
    assert trials_of(nlp, title + BODY) == ["WSG-TP-II"]


def test_hyphenated_capitals_with_roman_numeral_in_body(nlp):
    """ "the phase 2 WSG-TP-II randomized clinical trial" in the body."""
    text = (
        "De-escalated therapy in breast cancer\n\nIn the phase 2 WSG-TP-II randomized clinical "
        "trial, patients received trastuzumab plus pertuzumab."
    )
    assert trials_of(nlp, text) == ["WSG-TP-II"]


def test_stage_or_class_with_roman_numeral_is_no_name(nlp):
    """Negative: "NYHA-II", "FIGO-III" (two parts) name no trial."""
    title = "Cardiac safety of trastuzumab: The NYHA-II Randomized Clinical Trial"
    assert trials_of(nlp, title + BODY) == []


# --- 5. a spaced-numeral name and its bracketed alias ---


def test_spaced_numeral_name_and_alias_opening_a_clause(nlp):
    """ "In DETECT V (CHEVENDO), pts ... were randomized": both names."""
    text = (
        "Trastuzumab and pertuzumab with endocrine therapy\n\nIn DETECT V (CHEVENDO), pts with "
        "HER2-positive, HR-positive metastatic breast cancer were randomized to chemotherapy or "
        "endocrine therapy with trastuzumab and pertuzumab."
    )
    assert trials_of(nlp, text) == ["CHEVENDO", "DETECT V"]


def test_counted_word_and_numeral_with_bracket_is_no_name(nlp):
    """Negative: "In STAGE III (T3N1), ...", "In FIGO III (IIIC), ..." name no trial."""
    for lead in ("STAGE III (T3N1)", "GRADE IV (CTCAE)", "FIGO III (IIIC)"):
        text = f"Title\n\nIn {lead}, patients were randomized to trastuzumab or lapatinib."
        assert trials_of(nlp, text) == [], lead


# --- 6. a hyphenated name before its bracketed study number ---


def test_hyphenated_name_before_bracketed_study_number(nlp):
    """ "the randomized phase II Neo-peaks (JBCRG-20) study": both."""
    text = (
        "Pertuzumab and trastuzumab plus eribulin\n\nWe conducted the randomized phase II "
        "Neo-peaks (JBCRG-20) study of pertuzumab and trastuzumab."
    )
    assert trials_of(nlp, text) == ["JBCRG-20", "Neo-peaks"]


def test_descriptive_compound_before_bracket_is_no_name(nlp):
    """Negative: "the randomized phase II Open-label (JBCRG-20) study" names only the id."""
    text = (
        "Pertuzumab and trastuzumab\n\nWe conducted the randomized phase II Open-label "
        "(JBCRG-20) study of pertuzumab and trastuzumab."
    )
    assert trials_of(nlp, text) == ["JBCRG-20"]


# --- 7. a group's study number with and without its group (pin) ---


def test_group_study_number_is_listed_once_with_its_group(nlp):
    """ "(EA1181)" and "(ECOG-ACRIN EA1181)" are one trial, listed with its group as "NSABP
    B-31" and "ECOG-ACRIN E2112" are (gold README, round 43)."""
    text = (
        "CompassHER2-pCR (EA1181): a phase II trial of de-escalated therapy\n\n"
        "CompassHER2-pCR (ECOG-ACRIN EA1181) tests whether patients given paclitaxel, "
        "trastuzumab and pertuzumab can omit surgery."
    )
    assert trials_of(nlp, text) == ["CompassHER2-pCR", "ECOG-ACRIN EA1181"]


# --- 8. assay clones ---


def test_clone_in_bracket_after_pd_l1_status_is_no_drug(nlp):
    """ "PD-L1-positive (SP263 immune-cell score >=1%)", "PD-L1-negative (SP142 IC <1%)"."""
    for marker in (
        "PD-L1-positive (SP263 immune-cell score \u22651%)",
        "PD-L1-negative (SP142 IC <1%)",
    ):
        text = (
            f"Atezolizumab\n\nPatients who were {marker} were randomized to atezolizumab "
            "plus trastuzumab emtansine."
        )
        assert drugs_of(nlp, text) == ["atezolizumab", "trastuzumab emtansine"], marker


def test_clone_after_pd_l1_assessment_words_is_no_drug(nlp):
    """ "PD-L1 positive by SP142", "PD-L1 was scored with SP263", "PD-L1 CPS >=1 (SP263)"."""
    for clause in (
        "Tumours PD-L1 positive by SP142",
        "PD-L1 was scored with SP263 in patients",
        "Patients with PD-L1 CPS \u22651 (SP263)",
        "Patients with PD-L1 positivity (SP263)",
    ):
        text = f"Atezolizumab\n\n{clause} received atezolizumab plus trastuzumab."
        assert drugs_of(nlp, text) == ["atezolizumab", "trastuzumab"], clause


def test_other_clones_are_no_drugs(nlp):
    """ "22C3", "28-8" (PD-L1) and "4B5" (HER2) clones name no drug."""
    text = (
        "Pembrolizumab\n\nPD-L1 was assessed with the 22C3 assay and the 28-8 pharmDx assay; "
        "HER2 (clone 4B5) was scored by IHC. Patients received pembrolizumab and trastuzumab."
    )
    assert drugs_of(nlp, text) == ["pembrolizumab", "trastuzumab"]


def test_drug_code_after_pd_l1_as_a_target_stays_a_drug(nlp):
    """Negative: "a PD-L1 inhibitor (KN035)", "anti-PD-L1 antibody SHR1316" name drugs."""
    text = (
        "KN035\n\nPatients received a PD-L1 inhibitor (KN035) plus trastuzumab. Others were "
        "treated with the anti-PD-L1 antibody SHR1316 plus trastuzumab."
    )
    assert {"kn035", "shr1316"} <= set(drugs_of(nlp, text))
