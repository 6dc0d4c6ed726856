"""Held-out round 10 (c): neoadjuvant HER2-positive trials (WSG-ADAPT HER2+/HR-, NSABP B-41,
TRAIN-2), each checking one reading that went wrong on them: a group label followed by its
patient count in one bracket ("(arm A, n=92)") was not read as the arm's label, so "in arm A
versus ... in arm B" lost both arms; "lapatinib, trastuzumab, or the combination of both" left
"the combination group" unread (and its value took the trastuzumab arm); "NSABP protocol B-41"
was not a trial name; "...; all patients received pertuzumab with trastuzumab" in the design
sentence made a further arm; "the anthracycline group" / "the non-anthracycline group" named
no arm; and a sentence-opening "At 3 years," did not date an OS rate written after a long HR
bracket, so the rates were dropped."""

from __future__ import annotations

from extract_helpers import ARM_ROW, registry_of, rows_of, trials_in

TITLE = "Title\n\n"

# WSG-ADAPT HER2+/HR- (Nitz, Ann Oncol 2017)
ADAPT = (
    "Patients with HER2-positive/HR-negative early breast cancer were randomized (5:2) to 12 "
    "weeks of trastuzumab + pertuzumab (arm A, n=92) or trastuzumab + pertuzumab + weekly "
    "paclitaxel (arm B, n=42). pCR was achieved in 34.4% of patients in arm A versus 90.5% in "
    "arm B (P<0.001)."
)

# NSABP B-41 (Robidoux, Lancet Oncol 2013)
B41 = (
    "We compared lapatinib, trastuzumab, or the combination of both, given with weekly "
    "paclitaxel after doxorubicin plus cyclophosphamide. Women were randomly assigned to receive "
    "doxorubicin plus cyclophosphamide followed by weekly paclitaxel plus trastuzumab (group 1), "
    "lapatinib (group 2), or trastuzumab plus lapatinib (group 3). Grade 3 diarrhoea occurred in "
    "2% of patients in the trastuzumab group, 20% in the lapatinib group, and 27% in the "
    "combination group."
)

# TRAIN-2 (van Ramshorst, Lancet Oncol 2018; 3-year follow-up, Lancet Oncol 2021)
TRAIN2 = (
    "Patients were randomly assigned (1:1) to receive three cycles of fluorouracil, epirubicin, "
    "and cyclophosphamide (FEC) followed by six cycles of paclitaxel, trastuzumab, and "
    "carboplatin (PTC), or nine cycles of PTC; all patients received pertuzumab concurrently "
    "with trastuzumab. 438 patients were randomly assigned to the anthracycline group (n=219) or "
    "the non-anthracycline group (n=219). A pCR was recorded in 148 (67%) of 219 patients in "
    "the anthracycline group and 149 (68%) of 219 in the non-anthracycline group (p=0.95). At 3 "
    "years, EFS was 92.7% in the anthracycline group and 93.6% in the non-anthracycline group "
    "(HR 0.90, 95% CI 0.50-1.63), and overall survival was 97.7% vs 98.2%."
)

HP = "pertuzumab+trastuzumab"
PHP = "paclitaxel+pertuzumab+trastuzumab"
AC = "cyclophosphamide+doxorubicin+paclitaxel"
FEC_PTC = "carboplatin+cyclophosphamide+epirubicin+fluorouracil+paclitaxel+pertuzumab+trastuzumab"
PTC = "carboplatin+paclitaxel+pertuzumab+trastuzumab"


# --- arms: "(arm A, n=92)" labels the arm ---------------------------------------------------


def test_group_label_before_patient_count_labels_the_arm(nlp):
    reg = registry_of(nlp, TITLE + ADAPT)
    assert {a.name: a.labels for a in reg.arms} == {HP: {"a"}, PHP: {"b"}}


def test_rates_in_arm_a_versus_arm_b_take_the_counted_labels(nlp):
    assert rows_of(nlp, TITLE + ADAPT, ARM_ROW) == [
        ("pCR", "rate", 34.4, HP),
        ("pCR", "rate", 90.5, PHP),
    ]


def test_count_only_bracket_is_no_label(nlp):
    # negative: "(n=92)" alone, and a bracket whose first part is no group word
    text = (
        "Patients were randomized to trastuzumab + pertuzumab (n=92) or trastuzumab + "
        "pertuzumab + paclitaxel (12 weeks, n=42)."
    )
    assert [a.labels for a in registry_of(nlp, TITLE + text).arms] == [set(), set()]


# --- arms: "or the combination of both" names the combination group --------------------------


def test_combination_of_both_names_the_combination_group(nlp):
    assert rows_of(nlp, TITLE + B41, ARM_ROW) == [
        ("AE_G3", "incidence", 2.0, AC + "+trastuzumab"),
        ("AE_G3", "incidence", 20.0, "cyclophosphamide+doxorubicin+lapatinib+paclitaxel"),
        (
            "AE_G3",
            "incidence",
            27.0,
            "cyclophosphamide+doxorubicin+lapatinib+paclitaxel+trastuzumab",
        ),
    ]


def test_combination_group_is_read_without_the_aim_too(nlp):
    # Round 51: without "the combination of both" the arm uniting the other two arms' own
    # drugs is still the one "the combination group" names (round 10c left it unread).
    text = B41.replace("We compared lapatinib, trastuzumab, or the combination of both", "We")
    assert (
        rows_of(nlp, TITLE + text, ARM_ROW)[-1][3]
        == "cyclophosphamide+doxorubicin+lapatinib+paclitaxel+trastuzumab"
    )


# --- trials: "NSABP protocol B-41" --------------------------------------------------------------


def test_cooperative_group_protocol_number_is_the_trial():
    title = "neoadjuvant therapy for HER2-positive operable breast cancer (NSABP protocol B-41): an"
    assert trials_in(title) == ["NSABP B-41"]
    assert trials_in("the NSABP Protocol B-31 and NCCTG N9831 trials") == [
        "NSABP B-31",
        "NCCTG N9831",
    ]


def test_protocol_without_number_is_no_trial():
    assert trials_in("as per the NSABP protocol, patients were") == []


# --- arms: "all patients received" in the design sentence; class-named groups ----------------


def test_all_patients_received_in_the_design_sentence_adds_no_arm(nlp):
    reg = registry_of(nlp, TITLE + TRAIN2)
    assert [a.name for a in reg.arms] == [FEC_PTC, PTC]


def test_anthracycline_and_non_anthracycline_groups_name_the_arms(nlp):
    assert rows_of(nlp, TITLE + TRAIN2, ARM_ROW)[:2] == [
        ("pCR", "rate", 67.0, FEC_PTC),
        ("pCR", "rate", 68.0, PTC),
    ]


def test_non_class_group_unread_when_both_arms_hold_the_class(nlp):
    # negative: both arms hold an anthracycline, so "the non-anthracycline group" names none
    text = (
        "Patients were randomly assigned to epirubicin and cyclophosphamide followed by "
        "docetaxel plus trastuzumab, or doxorubicin plus trastuzumab. Cardiac events occurred "
        "in 4% of the anthracycline group and 2% of the non-anthracycline group."
    )
    assert [r[3] for r in rows_of(nlp, TITLE + text, ARM_ROW)] == [None, None]


# --- outcomes: a sentence-opening landmark dates every rate of the sentence -----------------


def test_opening_landmark_dates_a_rate_after_a_long_hr_bracket(nlp):
    assert rows_of(nlp, TITLE + TRAIN2, ARM_ROW)[-2:] == [
        ("OS", "rate", 97.7, FEC_PTC),
        ("OS", "rate", 98.2, PTC),
    ]


def test_rate_without_any_landmark_stays_no_outcome(nlp):
    # negative: an event proportion with no landmark anywhere in its sentence
    text = "EFS events occurred in 8.2% vs 9.1% (HR 0.90, 95% CI 0.50-1.63), and OS was 97.7% vs 98.2%."
    assert rows_of(nlp, TITLE + text, ARM_ROW) == [("EFS", "HR", 0.9, None)]
