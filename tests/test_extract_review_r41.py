"""Review of round 41: a physician's-choice phrase keeps the partner it runs into
(``arms._tpc_own_regimens``), but a design whose every arm is a physician's choice with a
different partner ("physician's choice with trastuzumab or physician's choice with lapatinib")
merged both partners into one physician's-choice arm, so "40% with trastuzumab and 30% with
lapatinib" both went to it. Pins the real physician's-choice designs found right."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, rows_of

TITLE = "Chemotherapy in HER2-positive breast cancer\n\n"
TPC = "physician's choice"


def test_two_choices_with_different_partners_keep_their_partners_arms(nlp):
    """Each physician's-choice phrase has its own partner: the partners name the arms."""
    text = TITLE + (
        "Patients were randomly assigned to physician's choice with trastuzumab or physician's "
        "choice with lapatinib. The ORR was 40% with trastuzumab and 30% with lapatinib."
    )
    assert rows_of(nlp, text, ARM_ROW) == [
        ("ORR", "rate", 40.0, "trastuzumab"),
        ("ORR", "rate", 30.0, "lapatinib"),
    ]


def test_chemotherapy_of_choice_plus_each_partner_keeps_their_arms(nlp):
    """ "chemotherapy of physician's choice plus trastuzumab or ... plus lapatinib": two arms."""
    text = TITLE + (
        "Patients were randomly assigned to chemotherapy of physician's choice plus trastuzumab "
        "or chemotherapy of physician's choice plus lapatinib. The ORR was 40% with trastuzumab "
        "and 30% with lapatinib."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert (arm_of(rows, 40.0), arm_of(rows, 30.0)) == ("trastuzumab", "lapatinib")


def test_one_choice_with_a_partner_still_names_its_arm(nlp):
    """Negative: a single phrase with a partner beside another arm keeps the partner."""
    text = TITLE + (
        "Patients were randomly assigned to lapatinib plus capecitabine or physician's choice "
        "with trastuzumab. The ORR was 30% with lapatinib and 25% with trastuzumab."
    )
    assert arm_of(rows_of(nlp, text, ARM_ROW), 25.0) == TPC


def test_destiny_breast02_options_in_brackets_stay_options(nlp):
    """Pin: "treatment of physician's choice (trastuzumab plus capecitabine or lapatinib plus
    capecitabine)" is one arm; "with capecitabine-based therapy" names it."""
    text = TITLE + (
        "Patients were randomly assigned to T-DXd or treatment of physician's choice "
        "(trastuzumab plus capecitabine or lapatinib plus capecitabine). The ORR was 70% with "
        "T-DXd and 29% with capecitabine-based therapy."
    )
    assert rows_of(nlp, text, ARM_ROW) == [
        ("ORR", "rate", 70.0, "trastuzumab deruxtecan"),
        ("ORR", "rate", 29.0, TPC),
    ]
