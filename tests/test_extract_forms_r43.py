"""Round 43b: arms named through short forms the text defines, biosimilar twins and dose arms.
A short form the text defines for a stem-detected drug ("tislelizumab (tisle)") named nothing
where it was used later ("tisle + pertuzumab + trastuzumab + chemo (arm C)"), since unseen drugs
were found after the definitions were read; a lower-case short form that is a common word
("pertuzumab (per)") made every "per" a drug. A proposed biosimilar's unseen product code
("ZR27 or trastuzumab" in a biosimilar study) was no drug, so its values had no arm. Randomised
arms that differ only by dose ("8/6 mg/kg or 8/10 mg/kg") were one arm whose values stayed null,
with a phantom chemotherapy-only arm from "each combined with"."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, arms_with, drug_texts, extract_text, rows_of

TISLE_ARMS = (
    "Tislelizumab with trastuzumab in HER2-positive gastric cancer\n\n"
    "Tislelizumab (tisle) is a PD-1 antibody. Patients received trastuzumab + chemo (arm A), "
    "pertuzumab + trastuzumab + chemo (arm B) or tisle + pertuzumab + trastuzumab + chemo "
    "(arm C). The ORR was 52%, 61% and 70% in arms A, B and C, respectively. Median PFS was "
    "9.3 months in arm C."
)
TPT = "pertuzumab+tislelizumab+trastuzumab"


def test_arm_defined_through_short_form_of_stem_drug(nlp):
    """ "tisle" (defined for the stem-detected tislelizumab in an earlier sentence) names the
    drug inside "tisle + pertuzumab + trastuzumab + chemo (arm C)"; chemo is no part of it."""
    rows = rows_of(nlp, TISLE_ARMS, ARM_ROW)
    assert arm_of(rows, 52.0) == "trastuzumab"
    assert arm_of(rows, 61.0) == "pertuzumab+trastuzumab"
    assert arm_of(rows, 70.0) == TPT
    assert arm_of(rows, 9.3) == TPT


def test_short_forms_of_stem_drugs_name_results_arms(nlp):
    """ "ORR was 61% with cado + T-DXd": short forms defined for two stem-detected drugs."""
    text = (
        "Cadonilimab and ivonescimab with trastuzumab deruxtecan\n\n"
        "Cadonilimab (cado) and ivonescimab (ivo) were combined with trastuzumab deruxtecan "
        "(T-DXd). Patients received cado + T-DXd (arm 1) or ivo + T-DXd (arm 2). ORR was 61% "
        "with cado + T-DXd and 52% with ivo + T-DXd."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 61.0) == "cadonilimab+trastuzumab deruxtecan"
    assert arm_of(rows, 52.0) == "ivonescimab+trastuzumab deruxtecan"


def test_short_form_inside_arm_definition_of_its_own_sentence(nlp):
    """ "tislelizumab (tisle) + ... (arm C)" then "with tisle + pertuzumab + ...": the later
    use names the arm too."""
    text = (
        "Tislelizumab with trastuzumab\n\n"
        "Patients received trastuzumab + chemo (arm A), pertuzumab + trastuzumab + chemo (arm B) "
        "or tislelizumab (tisle) + pertuzumab + trastuzumab + chemo (arm C). Median PFS was 8.1 "
        "months with tisle + pertuzumab + trastuzumab + chemo."
    )
    assert arm_of(rows_of(nlp, text, ARM_ROW), 8.1) == TPT


def test_common_word_short_form_is_no_drug(nlp):
    """Negative: "pertuzumab (per)" does not make "per cycle" a mention of pertuzumab."""
    text = (
        "Pertuzumab with trastuzumab\n\n"
        "Pertuzumab (per) was given with trastuzumab. The dose was 420 mg per cycle."
    )
    assert "per" not in drug_texts(nlp, text)


def test_common_word_short_form_of_stem_drug_is_no_drug(nlp):
    """Negative: a stem-detected drug's short form that is a common word ("(per)") names no
    drug elsewhere ("per cycle"), now that stem drugs take part in definitions."""
    text = (
        "Pertolizumab in breast cancer\n\n"
        "Patients received pertolizumab (per) with trastuzumab. The dose was 15 mg per cycle."
    )
    assert "per" not in drug_texts(nlp, text)
    assert "pertolizumab" in extract_text(nlp, text).drugs


ZR27 = (
    "A proposed trastuzumab biosimilar in early breast cancer\n\n"
    "In this equivalence study of a proposed trastuzumab biosimilar, patients were randomised "
    "1:1 to ZR27 or trastuzumab, each given with docetaxel and carboplatin for six cycles, "
    "followed by adjuvant ZR27 or trastuzumab. The pCR rate was 47.1% with ZR27 and 45.2% with "
    "trastuzumab."
)
TCH = "carboplatin+docetaxel+trastuzumab"


def test_unseen_biosimilar_code_is_a_twin_of_its_reference(nlp):
    """ "ZR27 or trastuzumab" in a biosimilar study: both values get the one full regimen."""
    rows = rows_of(nlp, ZR27, ARM_ROW)
    assert arm_of(rows, 47.1) == TCH
    assert arm_of(rows, 45.2) == TCH
    assert extract_text(nlp, ZR27).drugs == ["carboplatin", "docetaxel", "trastuzumab"]


def test_biosimilar_code_after_its_reference(nlp):
    """ "trastuzumab or AB12": the code may follow the reference product."""
    text = (
        "A biosimilar of trastuzumab in early breast cancer\n\n"
        "Patients were randomly assigned to trastuzumab or AB12, each with docetaxel. The pCR "
        "rate was 51.0% with AB12 and 49.0% with trastuzumab."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 51.0) == "docetaxel+trastuzumab"
    assert arm_of(rows, 49.0) == "docetaxel+trastuzumab"


def test_code_compared_with_trastuzumab_outside_biosimilar_text_is_no_trastuzumab(nlp):
    """Negative: a new agent's code compared with trastuzumab in a text that names no
    biosimilar stays apart from trastuzumab."""
    text = (
        "A novel antibody-drug conjugate in metastatic breast cancer\n\n"
        "Patients were randomised 1:1 to ZR27 or trastuzumab, each given with docetaxel. The ORR "
        "was 47.1% with ZR27 and 35.2% with trastuzumab."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 47.1) != "docetaxel+trastuzumab"


def test_code_given_with_the_reference_is_no_biosimilar(nlp):
    """Negative: in a biosimilar text, a code given together with trastuzumab (not compared
    with it) is not trastuzumab."""
    text = (
        "Biosimilar trastuzumab plus a novel agent\n\n"
        "Patients received biosimilar trastuzumab plus KX12. The ORR was 40.0% with KX12 plus "
        "trastuzumab."
    )
    assert "KX12" not in drug_texts(nlp, text)


GASTRIC_DOSES = (
    "Trastuzumab dosing in gastric cancer\n\n"
    "Patients were randomised to trastuzumab 8 mg/kg then 6 mg/kg (8/6 mg/kg) or 10 mg/kg "
    "(8/10 mg/kg) every 3 weeks, each combined with cisplatin and capecitabine. Median OS was "
    "12.5 months with 8/6 mg/kg and 10.6 months with 8/10 mg/kg. Grade 3 or worse neutropenia "
    "occurred in 2.0% of patients in each arm."
)
XPH = "capecitabine+cisplatin+trastuzumab"


def test_randomised_dose_arms_carry_the_regimen(nlp):
    """ "with 8/6 mg/kg" / "with 8/10 mg/kg" name the two dose arms: each is the regimen."""
    rows = rows_of(nlp, GASTRIC_DOSES, ARM_ROW)
    assert arm_of(rows, 12.5) == XPH
    assert arm_of(rows, 10.6) == XPH


def test_value_in_each_dose_arm_is_one_row_per_arm(nlp):
    """ "in each arm": two rows with the full regimen, no arm without trastuzumab."""
    assert arms_with(rows_of(nlp, GASTRIC_DOSES, ARM_ROW), 2.0) == [XPH, XPH]


def test_dose_alternatives_with_one_unit(nlp):
    """ "T-DXd 5.4 or 6.4 mg/kg" randomised: "with 5.4 mg/kg" names an arm of T-DXd."""
    text = (
        "Two doses of trastuzumab deruxtecan\n\n"
        "Patients were randomly assigned to T-DXd 5.4 or 6.4 mg/kg every 3 weeks. The ORR was "
        "49.0% with 5.4 mg/kg and 56.0% with 6.4 mg/kg."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 49.0) == "trastuzumab deruxtecan"
    assert arm_of(rows, 56.0) == "trastuzumab deruxtecan"


def test_dose_escalation_cohorts_stay_null(nlp):
    """Negative: dose-level cohorts of a phase 1 study are whole-population subsets."""
    text = (
        "A phase 1 study of trastuzumab deruxtecan\n\n"
        "In this phase 1 study, patients were enrolled in dose-escalation cohorts of 5.4 and "
        "6.4 mg/kg of T-DXd. The ORR was 49.0% at 5.4 mg/kg and 56.0% at 6.4 mg/kg."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 49.0) is None
    assert arm_of(rows, 56.0) is None


def test_value_pooled_over_dose_arms_is_the_regimen(nlp):
    """A value pooled over both randomised doses of one drug carries that drug (the gold
    README's convention settled on 2026-11-23 after blind set 14; round 96c reads it: this test
    asserted null before)."""
    text = (
        "Two doses of trastuzumab deruxtecan\n\n"
        "Patients were randomly assigned to T-DXd 5.4 or 6.4 mg/kg every 3 weeks. Across both "
        "doses, the median PFS was 9.9 months."
    )
    assert arm_of(rows_of(nlp, text, ARM_ROW), 9.9) == "trastuzumab deruxtecan"


def test_other_drug_after_or_is_no_dose_arm(nlp):
    """Negative: "docetaxel 75 mg/m2 or paclitaxel 80 mg/m2" are two drugs, not doses of one."""
    text = (
        "Taxanes with trastuzumab\n\n"
        "Patients were randomised to docetaxel 75 mg/m2 or paclitaxel 80 mg/m2, each with "
        "trastuzumab. The ORR was 60.0% with docetaxel and 55.0% with paclitaxel."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 60.0) == "docetaxel+trastuzumab"
    assert arm_of(rows, 55.0) == "paclitaxel+trastuzumab"


def test_choice_of_lexicon_regimen_or_unread_short_form_is_per_patient(nlp):
    """ "+ investigator's choice of CAPOX or FP" (FP no lexicon regimen) is each patient's
    chemotherapy, no part of the arm, as a choice of two read regimens is."""
    text = (
        "Sintilimab with trastuzumab\n\n"
        "Sintilimab (sinti) is a PD-1 antibody. Patients were randomised to sinti + trastuzumab "
        "+ investigator's choice of CAPOX or FP, or trastuzumab + investigator's choice of CAPOX "
        "or FP. Median PFS was 12.4 months with sinti + trastuzumab and 8.1 months with "
        "trastuzumab alone."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 12.4) == "sintilimab+trastuzumab"
    assert arm_of(rows, 8.1) == "trastuzumab"
