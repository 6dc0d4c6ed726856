"""Round 34a, arm readings found missing on unseen abstracts. A placebo-controlled design that
repeats "X or placebo" in each phase ("X or placebo with B, followed by X or placebo with C")
merged both arms into one, so the placebo group's values took the experimental arm and the P of
the compared rates was lost; a value "in both arms" of a design comparing durations of one
regimen gave one row with arm null; "physician's choice of a taxane" made the taxane a drugless
arm of its own, so "with a taxane" named no arm; "the combination (TL)" gave the combination arm
no short form; "the A and the A plus B groups" read as one regimen, and "between the A alone and
the A plus B arms (x v y)" gave the pair's values in reverse."""

from __future__ import annotations

from extract_helpers import P_ROW, arm_of, arms_with, registry_of, rows_of

from her2mine.extract.arms import arm_refs
from her2mine.extract.components import _hits

PHASES = (
    "Durvalumab added to neoadjuvant chemotherapy and trastuzumab\n\n"
    "Patients with HER2-positive early breast cancer were randomly assigned (1:1) to receive "
    "durvalumab or placebo with weekly paclitaxel and trastuzumab, followed by durvalumab or "
    "placebo with epirubicin and cyclophosphamide. The primary end point was pCR. The pCR rate "
    "was 61% with durvalumab and 49% with placebo (P = 0.08). Grade 3 or higher adverse events "
    "occurred in 52% of the durvalumab group and 44% of the placebo group."
)
BACKBONE = "cyclophosphamide+epirubicin+paclitaxel+trastuzumab"
ACTIVE = "cyclophosphamide+durvalumab+epirubicin+paclitaxel+trastuzumab"


def test_repeated_or_placebo_phases_define_two_arms(nlp):
    """ "X or placebo with B, followed by X or placebo with C": two arms, B+C with and without
    X (the second "X or placebo" opens a phase of the same arms)."""
    reg = registry_of(nlp, PHASES)
    assert sorted(a.name for a in reg.arms) == sorted([BACKBONE, ACTIVE])


def test_placebo_value_of_repeated_phases_takes_the_backbone(nlp):
    """The placebo group's values take the backbone arm, and the compared rates share P."""
    rows = rows_of(nlp, PHASES, P_ROW)
    assert ("pCR", "rate", 61.0, "0.08", ACTIVE) in rows
    assert ("pCR", "rate", 49.0, "0.08", BACKBONE) in rows
    assert arm_of(rows, 44.0) == BACKBONE


WINDOW = (
    "Alpelisib with trastuzumab before and during chemotherapy\n\n"
    "Patients were randomized to alpelisib or placebo with trastuzumab for 4 weeks, then "
    "alpelisib or placebo with trastuzumab and docetaxel for 12 weeks. The ORR was 72.0% in the "
    "alpelisib arm versus 58.3% in the placebo arm."
)


def test_window_phase_then_full_regimen_is_one_arm_each(nlp):
    """A window phase ("... for 4 weeks, then X or placebo with ...") chains into the full
    regimens: X+B+C and B+C."""
    rows = rows_of(nlp, WINDOW, P_ROW)
    assert arm_of(rows, 72.0) == "alpelisib+docetaxel+trastuzumab"
    assert arm_of(rows, 58.3) == "docetaxel+trastuzumab"


def test_single_or_placebo_with_a_later_phase_keeps_its_reading(nlp):
    """Negative: one "X or placebo with B, followed by C" (no repeat) is read as before: C is
    given to both arms."""
    text = (
        "Durvalumab\n\nPatients were randomly assigned to receive durvalumab or placebo with "
        "weekly paclitaxel and trastuzumab, followed by epirubicin and cyclophosphamide. The "
        "pCR rate was 61% with durvalumab and 49% with placebo."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 61.0) == ACTIVE
    assert arm_of(rows, 49.0) == BACKBONE


DURATIONS = (
    "Abbreviated dual HER2 blockade\n\n"
    "Patients with HER2-positive metastatic breast cancer were randomly assigned to 12 or 24 "
    "weeks of neratinib plus trastuzumab. The ORR was 33% in the 12-week group and 39% in the "
    "24-week group. Grade 3 diarrhea occurred in 18% of patients in both arms."
)


def test_value_in_both_arms_of_a_duration_design_is_one_row_per_group(nlp):
    """ "18% ... in both arms" of "12 or 24 weeks of A": one row per group, each the one
    regimen's drug string (the arms differ only in duration)."""
    rows = rows_of(nlp, DURATIONS, P_ROW)
    assert arms_with(rows, 18.0) == ["neratinib+trastuzumab"] * 2
    assert arm_of(rows, 33.0) == "neratinib+trastuzumab"


def test_value_in_both_arms_of_a_single_regimen_study_stays_one_row(nlp):
    """Negative: a study of one regimen that compares no durations has no two groups, so "in
    both arms" gives one row, arm null."""
    text = (
        "Neratinib plus trastuzumab\n\nPatients were randomly assigned to neratinib plus "
        "trastuzumab. Grade 3 diarrhea occurred in 18% of patients in both arms."
    )
    assert arms_with(rows_of(nlp, text, P_ROW), 18.0) == [None]


TPC_CLASS = (
    "Trastuzumab deruxtecan in older patients\n\n"
    "Patients aged 70 years or older were randomly assigned to trastuzumab deruxtecan or "
    "physician's choice of a taxane (docetaxel or paclitaxel). Median PFS was 9.6 months with "
    "trastuzumab deruxtecan and 5.1 months with a taxane (HR 0.52). Neutropenia of grade 3 or "
    "higher occurred in 21% of the trastuzumab deruxtecan group and 34% in the taxane group."
)


def test_class_chosen_by_physician_names_the_physicians_choice_arm(nlp):
    """ "physician's choice of a taxane (...)": the taxane is the physician's-choice arm, so
    "with a taxane" and "the taxane group" name it; no drugless taxane arm beside it."""
    reg = registry_of(nlp, TPC_CLASS)
    assert len(reg.arms) == 2
    rows = rows_of(nlp, TPC_CLASS, P_ROW)
    assert arm_of(rows, 5.1) == "physician's choice"
    assert arm_of(rows, 34.0) == "physician's choice"
    assert arm_of(rows, 9.6) == "trastuzumab deruxtecan"


def test_class_listed_beside_physicians_choice_stays_its_own_arm(nlp):
    """Negative: "A, a taxane (...), or physician's choice" lists the taxane as an arm of its
    own, so "with a taxane" is not the physician's-choice arm."""
    text = (
        "T-DXd\n\nPatients were randomly assigned to trastuzumab deruxtecan, a taxane "
        "(docetaxel or paclitaxel), or physician's choice of chemotherapy. Median PFS was 5.1 "
        "months with a taxane."
    )
    assert arm_of(rows_of(nlp, text, P_ROW), 5.1) is None


COMBINATION_FORM = (
    "Dual HER2 blockade with docetaxel\n\n"
    "Patients were randomly assigned to trastuzumab (T), neratinib (N), or the combination "
    "(TN), each with docetaxel. The pCR rate was 31% with T, 24% with N and 52% with TN."
)


def test_short_form_of_the_combination_arm_names_it(nlp):
    """ "or the combination (TN), each with docetaxel": TN is neratinib plus trastuzumab with
    the shared partner."""
    rows = rows_of(nlp, COMBINATION_FORM, P_ROW)
    assert arm_of(rows, 52.0) == "docetaxel+neratinib+trastuzumab"
    assert arm_of(rows, 31.0) == "docetaxel+trastuzumab"


def test_combination_form_inside_a_longer_word_names_no_arm(nlp):
    """Negative: the form is found only as a word: "TNM" holds no reference to TN."""
    text = COMBINATION_FORM + " TNM stage was recorded in 40% of patients."
    reg = registry_of(nlp, text)
    s = text.index("TNM stage")
    refs = arm_refs(text, s, len(text), _hits(nlp(text)._.her2, "drugs"), reg)
    assert refs == []


SHARED_NOUN = (
    "Capecitabine with or without lapatinib\n\n"
    "Patients were randomly assigned to capecitabine alone or capecitabine plus lapatinib. "
    "Time to progression differed between the capecitabine alone and the capecitabine plus "
    "lapatinib arms (median, 4.4 v 8.4 months). Hand-foot syndrome occurred in the capecitabine "
    "and the capecitabine plus lapatinib groups (14% vs 11%)."
)


def test_two_labels_sharing_one_group_noun_are_two_arms_in_order(nlp):
    """ "between the A alone and the A plus B arms (x v y)", "in the A and the A plus B groups
    (x vs y)": each label is its own arm, in order."""
    rows = rows_of(nlp, SHARED_NOUN, P_ROW)
    assert arm_of(rows, 4.4) == "capecitabine"
    assert arm_of(rows, 8.4) == "capecitabine+lapatinib"
    assert arm_of(rows, 14.0) == "capecitabine"
    assert arm_of(rows, 11.0) == "capecitabine+lapatinib"


def test_one_regimen_label_before_a_plural_group_word_is_not_cut(nlp):
    """Negative: "the capecitabine plus lapatinib and trastuzumab arms" (no "and the") is one
    regimen's label."""
    text = (
        "Capecitabine\n\nPatients were randomly assigned to capecitabine plus lapatinib and "
        "trastuzumab or capecitabine. ORR was 30% in the capecitabine plus lapatinib and "
        "trastuzumab arms."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 30.0) == "capecitabine+lapatinib+trastuzumab"
