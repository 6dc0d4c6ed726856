"""Round 90b, duration arms. Two designs that compare durations of one regimen lost their arm:
"randomized to 12 or 24 weeks of A plus B; those with ER-positive tumors also received C" made
C (a subgroup's partner) a second arm, so the design no longer read as one duration regimen and
"the 12-week arm", "with 12 weeks" and "in both arms" named no arm, or C. "A plus B for 6 weeks
(standard arm) or 18 weeks (extended arm), followed in both arms by D with A and B; patients
with ER-positive tumours also received endocrine therapy" made the endocrine class a third,
drugless arm the same way. And with the arm known, "56.2% (95% CI ...) of patients in the
extended arm and 50.0% (...) in the standard arm (p=0.43)" lost its P: a value's CI bracket hid
the group phrase after it."""

from __future__ import annotations

from extract_helpers import (
    P_ROW,
    arm_of,
    arms_with,
    extract_text,
    outcomes_of,
    registry_of,
    rows_of,
)

LT = "lapatinib+trastuzumab"
LPT = "lapatinib+paclitaxel+trastuzumab"

WEEKS_OF = (
    "Lapatinib and trastuzumab for 12 or 24 weeks before surgery\n\n"
    "Interventions: Patients were randomized 1:2 to 12 or 24 weeks of lapatinib (1000 mg "
    "daily) plus weekly trastuzumab; those with estrogen receptor (ER)-positive tumors also "
    "received letrozole (with ovarian suppression if premenopausal). Results: Of 90 patients "
    "randomized (12 weeks, n = 30; 24 weeks, n = 60), 88 underwent surgery. The pCR rate was "
    "14% in the 12-week arm and 31% in the 24-week arm (P = .07). Among patients with "
    "ER-positive tumors, pCR was achieved by 7% with 12 weeks and 36% with 24 weeks of "
    "therapy, whereas among those with ER-negative tumors the pCR rate was 22% in both arms. "
    "Grade 3 diarrhea was reported in 4% and 9% of patients in the 12- and 24-week arms, "
    "respectively."
)

LABELLED_AFTER = (
    "Extended neoadjuvant dual HER2 blockade\n\n"
    "Women with stage I-IIIA HER2-positive breast cancer were randomly assigned (1:1) to "
    "lapatinib (1250 mg/day) plus trastuzumab for 6 weeks (standard arm) or 18 weeks (extended "
    "arm), followed in both arms by 12 weeks of weekly paclitaxel 80 mg/m2 with lapatinib and "
    "trastuzumab; patients with oestrogen receptor-positive tumours also received endocrine "
    "therapy. 200 patients were randomly assigned, 100 to the standard arm and 100 to the "
    "extended arm. Pathological complete response was achieved in 57.1% (95% CI 47.2-66.5) of "
    "patients in the extended arm and in 48.0% (38.1-58.0) in the standard arm (p=0.41). In "
    "patients with oestrogen receptor-negative tumours, the pathological complete response rate "
    "was 72.5% with extended therapy compared with 60.3% with standard therapy (p=0.33). The "
    "most common grade 3 or worse adverse event was diarrhoea, which occurred in 9.5% of "
    "patients in both arms; grade 3 or worse rash occurred in 4.5% of patients in the extended "
    "arm and in 1.5% in the standard arm."
)

FULL_TBCRC = (
    "Effect of 12 vs 24 Weeks of Neoadjuvant Lapatinib and Trastuzumab Without Chemotherapy "
    "on Pathologic Complete Response in ERBB2-Positive Breast Cancer: The TBCRC 023 "
    "Randomized Clinical Trial\n\nImportance: Some patients with ERBB2 (formerly "
    "HER2)-positive breast cancer may be treated effectively with ERBB2-targeted therapy "
    "alone, sparing them the toxic effects of chemotherapy.\nObjective: To determine whether "
    "extending neoadjuvant lapatinib plus trastuzumab from 12 to 24 weeks increases the rate "
    "of pathologic complete response (pCR).\nDesign, Setting, and Participants: This phase 2 "
    "randomized clinical trial of the Translational Breast Cancer Research Consortium "
    "enrolled 97 women with stage II or III ERBB2-positive breast cancer at 9 US "
    "centers.\nInterventions: Patients were randomized 1:2 to 12 or 24 weeks of lapatinib "
    "(1000 mg daily) plus weekly trastuzumab; those with estrogen receptor (ER)–positive "
    "tumors also received letrozole (with ovarian suppression if premenopausal).\nMain "
    "Outcomes and Measures: In-breast pCR.\nResults: Of 97 patients randomized (12 weeks, n "
    "= 33; 24 weeks, n = 64), 94 underwent surgery. The pCR rate was 12% in the 12-week arm "
    "and 28% in the 24-week arm (P = .08). Among patients with ER-positive tumors, pCR was "
    "achieved by 9% with 12 weeks and 33% with 24 weeks of therapy, whereas among those with "
    "ER-negative tumors the pCR rate was 20% in both arms. Grade 3 diarrhea was reported in "
    "3% and 8% of patients in the 12- and 24-week arms, respectively; no grade 4 adverse "
    "events occurred.\nConclusions and Relevance: In this randomized clinical trial, a "
    "longer duration of chemotherapy-free lapatinib and trastuzumab was associated with a "
    "numerically higher pCR rate, particularly in ER-positive disease. De-escalation "
    "strategies that omit chemotherapy merit further study in selected patients."
)


def test_subgroup_partner_is_no_arm_of_a_duration_design(nlp):
    """ "; those with ER-positive tumors also received C": C is no arm, so the design is one
    duration regimen, A plus B."""
    reg = registry_of(nlp, WEEKS_OF)
    assert [a.name for a in reg.arms] == [LT]
    assert reg.duration_groups == 2


def test_week_groups_name_the_duration_regimen(nlp):
    """ "in the 12-week arm", "with 12 weeks" and "the 12- and 24-week arms" name the one
    regimen; the P of the compared pair stays."""
    rows = rows_of(nlp, WEEKS_OF, P_ROW)
    for value in (14.0, 31.0, 7.0, 36.0, 4.0, 9.0):
        assert arm_of(rows, value) == LT, value
    assert [r.p for r in rows if r.value in (14.0, 31.0)] == ["0.07", "0.07"]


def test_value_in_both_duration_arms_is_one_row_per_arm(nlp):
    """ "22% in both arms" of a two-duration design: one row per group, both the regimen."""
    assert arms_with(rows_of(nlp, WEEKS_OF), 22.0) == [LT, LT]


def test_phase_in_both_arms_after_labelled_durations(nlp):
    """ "A plus B for 6 weeks (standard arm) or 18 weeks (extended arm), followed in both arms
    by D with A and B": one arm, D included, named by its labels and "with extended therapy"."""
    rows = rows_of(nlp, LABELLED_AFTER, P_ROW)
    for value in (57.1, 48.0, 72.5, 60.3, 4.5, 1.5):
        assert arm_of(rows, value) == LPT, value
    assert arms_with(rows, 9.5) == [LPT, LPT]


def test_p_after_rates_with_ci_brackets_in_named_groups(nlp):
    """ "57.1% (95% CI ...) of patients in the extended arm and in 48.0% (...) in the standard
    arm (p=0.41)": the CI bracket does not hide the group phrase, so both rates share the P."""
    rows = rows_of(nlp, LABELLED_AFTER, P_ROW)
    assert [r.p for r in rows if r.value in (57.1, 48.0)] == ["0.41", "0.41"]


def test_subgroup_partner_is_no_arm_of_two_regimens(nlp):
    """Negative: beside a two-regimen randomisation the subgroup's partner joins no arm."""
    text = (
        "Docetaxel or paclitaxel with trastuzumab\n\n"
        "Patients were randomized to docetaxel plus trastuzumab or paclitaxel plus trastuzumab; "
        "those with hormone receptor-positive tumors also received letrozole. The pCR rate was "
        "41% in the docetaxel arm and 35% in the paclitaxel arm."
    )
    rows = rows_of(nlp, text)
    assert arm_of(rows, 41.0) == "docetaxel+trastuzumab"
    assert arm_of(rows, 35.0) == "paclitaxel+trastuzumab"


def test_single_arm_duration_has_no_arm(nlp):
    """Negative: one group treated for a set time is no compared arm."""
    text = (
        "Neoadjuvant lapatinib plus trastuzumab\n\n"
        "In this phase II study, patients received lapatinib plus trastuzumab for 12 weeks. "
        "The pCR rate was 27%."
    )
    assert arm_of(rows_of(nlp, text), 27.0) is None


def test_durations_of_a_non_randomised_cohort_have_no_arm(nlp):
    """Negative: a cohort study whose patients had 12 or 24 weeks of A plus B, as their
    physicians chose, compares no randomised arms."""
    text = (
        "Duration of neoadjuvant lapatinib plus trastuzumab in routine care\n\n"
        "In this retrospective cohort study, patients were treated with 12 or 24 weeks of "
        "lapatinib plus trastuzumab at the discretion of their physicians. The pCR rate was 18% "
        "with 12 weeks and 29% with 24 weeks."
    )
    rows = rows_of(nlp, text)
    assert arm_of(rows, 18.0) is None
    assert arm_of(rows, 29.0) is None


def test_hedged_background_defines_no_arm_of_the_full_abstract(nlp):
    """ "Importance: Some patients ... may be treated effectively with ERBB2-targeted therapy
    alone, sparing them the toxic effects of chemotherapy": what patients may be treated with is
    no design, so "chemotherapy" is no second arm and every duration group is A plus B."""
    reg = registry_of(nlp, FULL_TBCRC)
    assert [a.name for a in reg.arms] == [LT]
    assert reg.duration_groups == 2


def test_full_abstract_values_name_the_duration_regimen(nlp):
    """Each group's value of the full abstract names the one regimen; the pair keeps its P."""
    rows = rows_of(nlp, FULL_TBCRC, P_ROW)
    for value in (12.0, 28.0, 9.0, 33.0, 3.0, 8.0):
        assert arm_of(rows, value) == LT, value
    assert [r.p for r in rows if r.value in (12.0, 28.0)] == ["0.08", "0.08"]
    assert [r.endpoint for r in rows if r.value in (3.0, 8.0)] == ["AE_G3", "AE_G3"]


def test_full_abstract_both_arms_value_is_one_row_per_group(nlp):
    """ "the pCR rate was 20% in both arms": two rows, the regimen each, at the same offsets."""
    found = [o for o in outcomes_of(nlp, FULL_TBCRC) if o.value == 20.0]
    assert [o.arm for o in found] == [LT, LT]
    assert found[0].start == found[1].start and found[0].end == found[1].end


def test_subgroup_partner_of_the_full_abstract_is_a_drug_of_no_arm(nlp):
    """Letrozole, given to the ER-positive subgroup of both groups, is a drug of the abstract
    and in no arm."""
    ex = extract_text(nlp, FULL_TBCRC)
    assert "letrozole" in ex.drugs
    assert all("letrozole" not in (o.arm or "") for o in ex.outcomes)


def test_unhedged_treatment_beside_a_modal_defines_arms(nlp):
    """Negative: "were treated with A or B, and doses may be reduced" still defines A and B;
    only a sentence whose every design word follows "may be" is no design."""
    text = (
        "Docetaxel or paclitaxel with trastuzumab\n\n"
        "Patients were treated with docetaxel plus trastuzumab or paclitaxel plus trastuzumab, "
        "and doses may be reduced for toxicity. The pCR rate was 41% with docetaxel plus "
        "trastuzumab and 35% with paclitaxel plus trastuzumab."
    )
    rows = rows_of(nlp, text)
    assert arm_of(rows, 41.0) == "docetaxel+trastuzumab"
    assert arm_of(rows, 35.0) == "paclitaxel+trastuzumab"
