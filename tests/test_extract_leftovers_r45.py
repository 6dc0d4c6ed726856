"""Round 45, left-overs: short forms of add-on designs, choice arms and schedule arms. A
one-drug short form bracketed after the added drug ("docetaxel (D) with or without trastuzumab
(H)") was read as the combination arm's name, so "61% with D plus H" took the docetaxel arm;
"A either alone (P), or with X (PH), or with Y (PL)" was no add-on design (PH kept the
lexicon's pertuzumab + trastuzumab, PL was lapatinib alone); "maintenance trastuzumab alone (H)
or with pertuzumab (HP)" defined no arm; a later "pertuzumab plus trastuzumab (PH)" still named
the design's PH arm; doses with a schedule between dose and "or" gave no dose arms; and "the
T-DM1 trial" named a trial "T-DM1"."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, extract_text, letter_drugs, rows_of

from her2mine.extract.components import _hits

DH = "docetaxel+trastuzumab"
PH = "paclitaxel+trastuzumab"
PL = "lapatinib+paclitaxel"
HP = "pertuzumab+trastuzumab"

D_WITH_OR_WITHOUT_H = (
    "Patients were randomly assigned to docetaxel (D) with or without trastuzumab (H). ORR was "
    "61% with D plus H and 34% with D alone."
)


def test_chain_of_one_drug_short_forms_names_the_combination(nlp):
    """ "docetaxel (D) with or without trastuzumab (H)": H is trastuzumab's short form (its
    brand's initial), so "D plus H" is the combination arm, "D alone" the docetaxel arm."""
    rows = rows_of(nlp, D_WITH_OR_WITHOUT_H, ARM_ROW)
    assert arm_of(rows, 61.0) == DH
    assert arm_of(rows, 34.0) == "docetaxel"


def test_one_drug_short_form_of_partner_initial(nlp):
    """The same with the partner's own initial ("pertuzumab (P)") and a "+" chain."""
    text = (
        "Patients were randomly assigned to docetaxel (D) with or without pertuzumab (P). ORR "
        "was 61% with D+P and 34% with D alone."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 61.0) == "docetaxel+pertuzumab"
    assert arm_of(rows, 34.0) == "docetaxel"


def test_brand_initial_defines_a_letter(nlp):
    """ "trastuzumab (H)" defines H (Herceptin) as a letter mention of trastuzumab."""
    assert letter_drugs(nlp, D_WITH_OR_WITHOUT_H).count("H") == 1


def test_brand_initials_name_arms(nlp):
    """ "capecitabine (X)" (Xeloda) and "trastuzumab (H)": "with L+X" and "with H+X" are the
    two arms."""
    text = (
        "Patients were randomly assigned to lapatinib (L) plus capecitabine (X) or trastuzumab "
        "(H) plus X. ORR was 40% with L+X and 50% with H+X."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 40.0) == "capecitabine+lapatinib"
    assert arm_of(rows, 50.0) == "capecitabine+trastuzumab"


def test_letter_of_no_brand_is_no_definition(nlp):
    """Negative: "trastuzumab (B)": B is no initial of trastuzumab or its brands."""
    text = (
        "Patients were randomly assigned to docetaxel (D) with or without trastuzumab (B). ORR "
        "was 61% with D plus B and 34% with D alone."
    )
    assert "B" not in letter_drugs(nlp, text)


THREE_ARM_ADD_ON = (
    "Patients were randomised to paclitaxel either alone (P), or with trastuzumab (PH), or with "
    "lapatinib (PL). ORR was 40% with P, 55% with PH and 48% with PL."
)


def test_three_arm_add_on_design_names_each_arm(nlp):
    """ "A either alone (P), or with X (PH), or with Y (PL)": three arms A, A + X, A + Y."""
    rows = rows_of(nlp, THREE_ARM_ADD_ON, ARM_ROW)
    assert arm_of(rows, 40.0) == "paclitaxel"
    assert arm_of(rows, 55.0) == PH
    assert arm_of(rows, 48.0) == PL


def test_three_arm_add_on_short_form_is_no_lexicon_regimen(nlp):
    """ "or with trastuzumab (PH)" defines PH as paclitaxel with trastuzumab: no pertuzumab."""
    assert "pertuzumab" not in extract_text(nlp, THREE_ARM_ADD_ON).drugs


def test_three_arm_add_on_respectively_in_written_order(nlp):
    """ "40%, 55% and 48%, respectively" follows the arms in the order the design lists them."""
    text = THREE_ARM_ADD_ON.split(" ORR")[0] + " ORR was 40%, 55% and 48%, respectively."
    rows = rows_of(nlp, text, ARM_ROW)
    assert [arm_of(rows, v) for v in (40.0, 55.0, 48.0)] == ["paclitaxel", PH, PL]


def test_with_or_without_short_form_names_backbone_with_partner(nlp):
    """ "paclitaxel (P) with or without trastuzumab (PH)": PH is paclitaxel with trastuzumab,
    not the lexicon's pertuzumab + trastuzumab."""
    text = (
        "Patients were randomised to paclitaxel (P) with or without trastuzumab (PH). ORR was "
        "55% with PH and 40% with P."
    )
    assert "pertuzumab" not in extract_text(nlp, text).drugs
    assert arm_of(rows_of(nlp, text, ARM_ROW), 55.0) == PH


def test_partner_list_with_a_drug_after_it_is_no_add_on_design(nlp):
    """Negative (round 43a's guard kept): "... or with Y (S3) or Z" is a list of partners the
    design does not close, so no add-on arms are read."""
    text = (
        "Patients were randomised to paclitaxel either alone (P), or with trastuzumab (PH), or "
        "with lapatinib (PL), or everolimus. ORR was 40% with P."
    )
    assert arm_of(rows_of(nlp, text, ARM_ROW), 40.0) != "paclitaxel"


MAINTENANCE = (
    "Patients {verb} maintenance trastuzumab alone (H) or with pertuzumab (HP) after induction"
    "{note}. Median PFS was 8.1 months with H and 11.0 months with HP."
)


def test_maintenance_add_on_design_without_randomisation_word(nlp):
    """ "received maintenance trastuzumab alone (H) or with pertuzumab (HP)": H names the
    trastuzumab arm ("maintenance" qualifies the regimen as "adjuvant" does)."""
    text = MAINTENANCE.format(verb="received", note=" (a randomised phase 2 trial)")
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 8.1) == "trastuzumab"
    assert arm_of(rows, 11.0) == HP


def test_maintenance_add_on_design_randomised(nlp):
    """The same design in a randomisation sentence."""
    text = MAINTENANCE.format(verb="were randomised to", note="")
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 8.1) == "trastuzumab"
    assert arm_of(rows, 11.0) == HP


def test_partner_own_letter_is_no_combination(nlp):
    """Negative: "trastuzumab alone (H) or with pertuzumab (P)": the lone "(P)" is
    pertuzumab's own short form (one letter, no initial of the backbone), not the
    combination's: "with P" elsewhere is pertuzumab alone."""
    text = (
        "Patients were randomised to trastuzumab alone (H) or with pertuzumab (P). Median PFS "
        "was 8.1 months with H and 11.0 months with trastuzumab plus P."
    )
    hits = [h for h in _hits(nlp(text)._.her2, "drugs") if h.text == "P"]
    assert [h.drugs for h in hits] == [["pertuzumab"]]
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 8.1) == "trastuzumab"
    assert arm_of(rows, 11.0) == HP


REDEFINED = (
    "Patients were randomised to paclitaxel plus trastuzumab given either alone (PH) or with "
    "everolimus (PH-E). Median PFS was 6.0 months with PH and 9.0 months with PH-E. In a "
    "separate cohort, pertuzumab plus trastuzumab (PH) gave an ORR of 20%."
)


def test_later_bracket_after_a_regimen_redefines_a_short_form(nlp):
    """ "pertuzumab plus trastuzumab (PH)" after the design's "alone (PH)": a new definition
    from there on, so 20% is pertuzumab + trastuzumab; the design's PH still names its arm
    before it."""
    rows = rows_of(nlp, REDEFINED, ARM_ROW)
    assert arm_of(rows, 20.0) == HP
    assert arm_of(rows, 6.0) == PH


def test_redefined_short_form_names_the_new_regimen_later(nlp):
    """After the redefinition a bare "with PH" is pertuzumab + trastuzumab too."""
    text = REDEFINED + " Median PFS was 7.5 months with PH."
    assert arm_of(rows_of(nlp, text, ARM_ROW), 7.5) == HP


def test_restating_bracket_with_the_same_drugs_redefines_nothing(nlp):
    """Negative: "paclitaxel plus trastuzumab (PH)" written again names the same arm, so a
    later "with PH-E" and "with PH" keep their arms."""
    text = (
        "Patients were randomised to paclitaxel plus trastuzumab given either alone (PH) or "
        "with everolimus (PH-E). Paclitaxel plus trastuzumab (PH) was given weekly. Median PFS "
        "was 6.0 months with PH and 9.0 months with PH-E."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 6.0) == PH
    assert arm_of(rows, 9.0) == "everolimus+paclitaxel+trastuzumab"


TPC = (
    "Patients were randomised to T-DM1 or treatment of physician's choice (TPC). TPC was "
    "{options}. Median PFS was 6.2 months with T-DM1 and 3.3 months with TPC."
)


def test_physicians_choice_options_are_no_arms(nlp):
    """ "TPC was lapatinib plus capecitabine or FOLFOX": options of the choice arm; the TPC
    value reads "physician's choice" (the house convention), T-DM1's its drug."""
    rows = rows_of(nlp, TPC.format(options="lapatinib plus capecitabine or FOLFOX"), ARM_ROW)
    assert arm_of(rows, 6.2) == "trastuzumab emtansine"
    assert arm_of(rows, 3.3) == "physician's choice"


def test_physicians_choice_options_with_a_partner_are_no_arms(nlp):
    """ "TPC was chemotherapy with trastuzumab, lapatinib or FOLFOX": still two arms only."""
    text = TPC.format(options="chemotherapy with trastuzumab, lapatinib or FOLFOX")
    rows = rows_of(nlp, text, ARM_ROW)
    assert {r.arm for r in rows} == {"trastuzumab emtansine", "physician's choice"}


SCHEDULES = (
    "Patients were randomised to paclitaxel 175 mg/m2 every 2 weeks or 80 mg/m2 weekly, each "
    "with trastuzumab. ORR was 52% with the 2-weekly schedule and 60% with the weekly schedule."
)


def test_schedule_arms_carry_the_regimen(nlp):
    """A schedule between a dose and "or" still gives dose arms, named by their schedules in
    the results; each carries the regimen (like dose arms since round 43b)."""
    rows = rows_of(nlp, SCHEDULES, ARM_ROW)
    assert arm_of(rows, 52.0) == PH
    assert arm_of(rows, 60.0) == PH


def test_schedule_arms_named_every_n_weeks(nlp):
    """ "every 3 weeks" / "weekly" after each dose; "every 3 weeks" names its arm later."""
    text = (
        "Patients were randomly assigned to docetaxel 75 mg/m2 every 3 weeks or 35 mg/m2 weekly, "
        "each with trastuzumab. Febrile neutropenia occurred in 12% of patients treated every 3 "
        "weeks."
    )
    assert arm_of(rows_of(nlp, text, ARM_ROW), 12.0) == DH


def test_shared_schedule_names_no_dose_arm(nlp):
    """Negative: both doses weekly: the schedule tells no arm apart, so "weekly" names none."""
    text = (
        "Patients were randomly assigned to paclitaxel 80 mg/m2 weekly or 90 mg/m2 weekly, each "
        "with trastuzumab. Neuropathy occurred in 20% of patients on the weekly schedule."
    )
    assert arm_of(rows_of(nlp, text, ARM_ROW), 20.0) is None


def test_drug_before_trial_is_no_trial_name(nlp):
    """ "The T-DM1 trial enrolled 100 patients": a drug before "trial" is no trial's name."""
    ex = extract_text(nlp, "The T-DM1 trial enrolled 100 patients. The ORR was 40%.")
    assert ex.trials == []


def test_acronym_before_trial_still_names_it(nlp):
    """Negative: "The PHERGAIN trial" (no drug) still names a trial."""
    ex = extract_text(nlp, "The PHERGAIN trial enrolled 100 patients. The ORR was 40%.")
    assert ex.trials == ["PHERGAIN"]
