"""Review of round 70a: a partner read after a choice list took ", with B plus C as the control
arm" (the next arm) into the choice arm; regimens labelled "(arm C)"/"(arm D)" in a sentence
about previous trials, beside the study's own arms A and B, or in a sentence naming another trial
("In the CLEOPATRA trial, ... (arm B) ... (arm A)") above a single-arm study, were added as
arms of the study."""

from __future__ import annotations

from extract_helpers import P_ROW, arm_of, rows_of

CONTROL_CLAUSE = (
    "Lapatinib versus trastuzumab\n\nPatients were randomised to lapatinib plus the "
    "investigator's choice of capecitabine or vinorelbine, with trastuzumab plus capecitabine "
    "as the control arm. Median PFS was 8.0 months with lapatinib and 6.1 months with "
    "trastuzumab plus capecitabine."
)


PREVIOUS_TRIALS = (
    "Pertuzumab added to docetaxel and trastuzumab\n\nPatients were randomised to docetaxel "
    "plus trastuzumab (arm A) or docetaxel plus trastuzumab and pertuzumab (arm B). Median "
    "PFS was 12.4 months in arm A and 18.5 months in arm B. Previous trials compared "
    "lapatinib plus capecitabine (arm C) with capecitabine plus trastuzumab (arm D); in our "
    "study, grade 3 diarrhoea occurred in 5.0% of patients receiving trastuzumab and 7.9% of "
    "those receiving capecitabine."
)


OTHER_TRIAL = (
    "Trastuzumab emtansine after pertuzumab\n\nIn the CLEOPATRA trial, docetaxel plus "
    "trastuzumab and pertuzumab (arm B) improved survival over docetaxel plus trastuzumab "
    "(arm A). In this study, 80 patients received trastuzumab emtansine. The ORR was 43.6% "
    "with trastuzumab emtansine and 20.0% with docetaxel."
)


OWN_TRIAL_RECAP = (
    "Final overall survival of the CLEOPATRA trial\n\nIn the primary analysis of CLEOPATRA, "
    "docetaxel plus trastuzumab and pertuzumab (arm B) improved PFS over docetaxel plus "
    "trastuzumab (arm A). Median OS was 56.5 months in arm B and 40.8 months in arm A."
)


def test_with_clause_after_a_comma_is_no_partner(nlp):
    """ "choice of A or B, with C plus D as the control arm": C plus D is the other arm, not
    the choice arm's partner."""
    rows = rows_of(nlp, CONTROL_CLAUSE, P_ROW)
    assert arm_of(rows, 6.1) == "capecitabine+trastuzumab"


def test_labels_beside_the_studys_own_letters_are_another_trials(nlp):
    """Labels "(arm C)"/"(arm D)" that repeat none of the study's lettered arms add no arm:
    capecitabine, in no arm of the study, names none."""
    rows = rows_of(nlp, PREVIOUS_TRIALS, P_ROW)
    assert arm_of(rows, 7.9) != "capecitabine+trastuzumab"
    assert arm_of(rows, 5.0) is None
    assert arm_of(rows, 12.4) == "docetaxel+trastuzumab"


def test_labels_in_a_sentence_naming_another_trial_add_no_arm(nlp):
    """ "In the CLEOPATRA trial, ... (arm B) ... (arm A)" above a study whose title names no
    trial: CLEOPATRA's arms are not the study's, so "with docetaxel" stays docetaxel's."""
    rows = rows_of(nlp, OTHER_TRIAL, P_ROW)
    assert arm_of(rows, 20.0) == "docetaxel"
    assert arm_of(rows, 43.6) == "trastuzumab emtansine"


def test_recap_naming_the_titles_trial_still_labels_arms(nlp):
    """Negative: a recap naming the trial the title names defines its lettered arms."""
    rows = rows_of(nlp, OWN_TRIAL_RECAP, P_ROW)
    assert arm_of(rows, 56.5) == "docetaxel+pertuzumab+trastuzumab"
    assert arm_of(rows, 40.8) == "docetaxel+trastuzumab"


def test_maintenance_after_two_alternatives_is_not_given_to_one(nlp):
    """Lead's check of the review: round 70a let "followed by maintenance X" without a comma join
    the last alternative only, so "docetaxel or paclitaxel followed by maintenance trastuzumab"
    gave trastuzumab to the paclitaxel arm alone. The join is reverted (round 70a's own texts
    do not need it); the phase is each arm's or neither's, never one arm's."""
    text = (
        "Taxane trial\n\n"
        "Patients were randomly assigned to docetaxel or paclitaxel followed by maintenance "
        "trastuzumab. Median PFS was 10.1 months with docetaxel and 9.2 months with paclitaxel."
    )
    rows = rows_of(nlp, text)
    with_maintenance = ["trastuzumab" in (arm_of(rows, v) or "") for v in (10.1, 9.2)]
    assert with_maintenance[0] == with_maintenance[1]
