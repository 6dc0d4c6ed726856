"""Held-out round 15 (a): readings earlier rounds left open. HERNATA's "trastuzumab with either
docetaxel 100 mg/m2 every 3 weeks or vinorelbine 30-35 mg/m2" (doses between the
alternatives), CHER-LOB's sequence backbone with "trastuzumab (arm A), lapatinib (arm B), or
both (arm C)", eLEcTRA's one-letter "(L)" after a dosed regimen, "the B-31 trial" without its
group, and a "low\\ndose" adjective wrapped at a line end. Each test checks one reading."""

from __future__ import annotations

from extract_helpers import arms_of, extract_text, letter_drugs, registry_of, trials_in

from her2mine.extract.arms import ArmRegistry

HERNATA = (
    "Phase III study of trastuzumab plus docetaxel or vinorelbine as first-line treatment of "
    "HER2-positive metastatic breast cancer (HERNATA)\n\n"
    "Patients were randomly assigned to trastuzumab with either docetaxel 100 mg/m2 every 3 "
    "weeks or vinorelbine 30-35 mg/m2 on days 1 and 8 every 3 weeks. Median time to "
    "progression was 12.4 months with docetaxel and 15.3 months with vinorelbine (HR 0.94; "
    "95% CI, 0.71 to 1.25; P = .67). The overall response rate was 59.3% in both arms."
)

CHERLOB = (
    "Preoperative chemotherapy plus trastuzumab, lapatinib, or both in HER2-positive operable "
    "breast cancer (CHER-LOB)\n\n"
    "Patients were randomly assigned to receive paclitaxel for 12 weeks followed by FEC for 4 "
    "cycles plus trastuzumab (arm A), lapatinib (arm B), or both (arm C). The pathologic "
    "complete response rate was 25% in arm A, 26.3% in arm B and 46.7% in arm C (P = .019)."
)

ELECTRA = (
    "Letrozole with or without trastuzumab in HER2-positive hormone receptor-positive "
    "metastatic breast cancer (eLEcTRA)\n\n"
    "Postmenopausal patients were randomly assigned to letrozole 2.5 mg daily alone (L) or "
    "letrozole plus trastuzumab (L+T). Median time to progression was 3.3 months with L and "
    "14.1 months with L+T (HR 0.67; P = .23). The clinical benefit rate was 39% with L and 65% "
    "with L+T."
)

FEC_T = "cyclophosphamide+epirubicin+fluorouracil+paclitaxel"


def test_doses_between_alternatives_keep_the_shared_backbone(nlp):
    reg: ArmRegistry = registry_of(nlp, HERNATA)
    assert sorted(a.name for a in reg.arms) == [
        "docetaxel+trastuzumab",
        "trastuzumab+vinorelbine",
    ]  # was five arms (trastuzumab, docetaxel and vinorelbine alone too)
    arms = arms_of(nlp, HERNATA)
    assert arms[12.4] == "docetaxel+trastuzumab"  # was "docetaxel"
    assert arms[15.3] == "trastuzumab+vinorelbine"


def test_value_in_both_arms_of_dosed_alternatives_is_each_arms(nlp):
    ex = extract_text(nlp, HERNATA)
    rows = [o for o in ex.outcomes if o.value == 59.3]
    assert sorted(o.arm for o in rows) == [
        "docetaxel+trastuzumab",
        "trastuzumab+vinorelbine",
    ]  # was one row, arm null


def test_dosed_or_list_without_either_keeps_separate_arms(nlp):
    # without "either", "A plus B 1000 mg or C 75 mg/m2" is two arms as written
    text = (
        "Title\n\nPatients were randomized to trastuzumab plus lapatinib 1000 mg or docetaxel "
        "75 mg/m2 every 3 weeks. Median PFS was 8.1 months with trastuzumab plus lapatinib and "
        "6.0 months with docetaxel."
    )
    assert arms_of(nlp, text) == {8.1: "lapatinib+trastuzumab", 6.0: "docetaxel"}


def test_sequence_backbone_with_schedule_is_written_for_every_arm(nlp):
    arms = arms_of(nlp, CHERLOB)
    assert arms[25.0] == FEC_T + "+trastuzumab"
    assert arms[26.3] == "cyclophosphamide+epirubicin+fluorouracil+lapatinib+paclitaxel"  # was
    # "lapatinib"
    assert arms[46.7] == (
        "cyclophosphamide+epirubicin+fluorouracil+lapatinib+paclitaxel+trastuzumab"
    )  # was null: "or both (arm C)" now labels the arm of both


def test_or_both_without_label_bracket_gets_no_label(nlp):
    text = (
        "Preoperative chemotherapy plus trastuzumab, lapatinib, or both\n\n"
        "Patients were randomly assigned to receive paclitaxel for 12 weeks followed by FEC "
        "plus trastuzumab (arm A), lapatinib (arm B), or both. The pathologic complete response "
        "rate was 25% in arm A and 26.3% in arm B."
    )
    reg: ArmRegistry = registry_of(nlp, text)
    both = [a for a in reg.arms if {"lapatinib", "trastuzumab"} <= set(a.drugs)]
    assert len(both) == 1 and not both[0].labels
    assert arms_of(nlp, text)[26.3] == (
        "cyclophosphamide+epirubicin+fluorouracil+lapatinib+paclitaxel"
    )


def test_one_letter_short_form_after_dosed_regimen_is_learned(nlp):
    arms = arms_of(nlp, ELECTRA)
    assert arms[3.3] == "letrozole"  # was null
    assert arms[39.0] == "letrozole"  # was null
    assert arms[14.1] == "letrozole+trastuzumab"
    assert arms[65.0] == "letrozole+trastuzumab"


def test_dosed_letter_outside_a_design_sentence_is_no_short_form(nlp):
    text = (
        "Letrozole and trastuzumab\n\n"
        "Patients on letrozole 2.5 mg daily alone (L) were compared with those on letrozole plus "
        "trastuzumab. Median time to progression was 3.3 months with L."
    )
    assert arms_of(nlp, text)[3.3] is None


def test_dosed_letter_that_names_an_arm_is_no_short_form(nlp):
    text = (
        "Letrozole and trastuzumab\n\n"
        "Patients were randomly assigned to letrozole 2.5 mg daily alone (L) or letrozole plus "
        "trastuzumab. Median time to progression was 3.3 months in group L."
    )
    assert letter_drugs(nlp, text) == []


def test_dosed_letter_not_the_drug_initial_is_no_short_form(nlp):
    text = (
        "Letrozole and trastuzumab\n\n"
        "Patients were randomly assigned to letrozole 2.5 mg daily (A) or letrozole plus "
        "trastuzumab (B). Median time to progression was 3.3 months with A."
    )
    assert letter_drugs(nlp, text) == []


def test_group_number_called_a_trial_is_a_trial():
    text = (
        "Trastuzumab plus adjuvant chemotherapy\n\n"
        "In the B-31 trial, patients were randomly assigned to doxorubicin and cyclophosphamide "
        "followed by paclitaxel with or without trastuzumab."
    )
    assert "B-31" in trials_in(text)  # was none


def test_group_number_not_called_a_trial_is_none():
    text = (
        "Tumour staging\n\n"
        "In the B-31 cohort of the registry, patients received trastuzumab; T-1 tumours were "
        "common."
    )
    assert trials_in(text) == []


def test_low_dose_wrapped_at_line_end_labels_the_arm(nlp):
    text = (
        "Pertuzumab and trastuzumab with or without chemotherapy\n\n"
        "Methods: 80 patients were randomly assigned to pertuzumab plus trastuzumab alone or "
        "pertuzumab plus trastuzumab with low\ndose oral cyclophosphamide. Findings: "
        "Progression-free survival at 6 months was 73.4% in the low-dose group. Grade 3 adverse "
        "events occurred in 12% of patients in the low-dose chemotherapy group."
    )
    arms = arms_of(nlp, text)
    assert arms[73.4] == "cyclophosphamide+pertuzumab+trastuzumab"  # was pertuzumab+trastuzumab
    assert arms[12.0] == "cyclophosphamide+pertuzumab+trastuzumab"  # was null


def test_low_dose_wrapped_in_every_arm_labels_none(nlp):
    text = (
        "Low-dose chemotherapy with HER2 blockade\n\n"
        "Methods: Patients were randomly assigned to trastuzumab with low\ndose oral "
        "cyclophosphamide or lapatinib with low dose oral capecitabine. Results: Median PFS "
        "was 7.1 months in the low-dose chemotherapy group."
    )
    assert arms_of(nlp, text)[7.1] is None
