"""Fresh round 75 (a): grades and P values in comparison brackets. A grade written after the
general event word ("Adverse events of grade 3 or higher occurred in 31.7% ...; the most common
were neutropenia (11.1% and 47.3%, respectively)") did not reach the events listed after the
";"; a grade reached past ", and" into a new event with its own verb ("..., respectively, and
injection-site reactions were reported in 9.8%"); a P labelled with two of three groups by the
groups' own words ("(escalation vs standard dose, p=0·013)") went to all three rates; rates
compared before a list of arms each named in full ("8% vs 16% vs 24% in arm A, arm B and arm
C") took the nearest arm, or none."""

from __future__ import annotations

from extract_helpers import ARM_ROW, P_ROW, arm_of, row_with, rows_of

PYR = "docetaxel+pyrotinib+trastuzumab"
DT = "docetaxel+trastuzumab"
TDXD = "trastuzumab deruxtecan"
TDM1 = "trastuzumab emtansine"
PYROTINIB_GROUPS = (
    "Pyrotinib plus trastuzumab and docetaxel\n\n"
    "Patients were randomly assigned to pyrotinib plus trastuzumab and docetaxel (experimental "
    "group) or placebo plus trastuzumab and docetaxel (control group). "
)
TDXD_TDM1 = (
    "Trastuzumab deruxtecan versus trastuzumab emtansine\n\n"
    "Patients were randomly assigned to trastuzumab deruxtecan or trastuzumab emtansine. "
)
THREE_ARMS = (
    "T-DM1 with or without pertuzumab versus docetaxel and trastuzumab\n\n"
    "Patients were randomly assigned to arm A (T-DM1), arm B (T-DM1 + pertuzumab) or arm C "
    "(docetaxel + trastuzumab). "
)
ARM_A, ARM_B, ARM_C = TDM1, "pertuzumab+trastuzumab emtansine", DT


# --- 1. a grade after the event word heads the "most common" list ------------------------------


def test_grade_after_event_word_reaches_most_common_list(nlp):
    """ "Adverse events of grade 3 or higher occurred in ...; the most common were neutropenia
    (11.1% and 47.3%, respectively) and anemia (3.4% and 14.2%)": all six AE_G3, with arms."""
    text = PYROTINIB_GROUPS + (
        "Adverse events of grade 3 or higher occurred in 31.7% of the patients in the "
        "experimental group and in 64.6% of those in the control group; the most common were "
        "neutropenia (11.1% and 47.3%, respectively) and anemia (3.4% and 14.2%)."
    )
    assert rows_of(nlp, text, ARM_ROW) == [
        ("AE_G3", "incidence", 31.7, PYR),
        ("AE_G3", "incidence", 64.6, DT),
        ("AE_G3", "incidence", 11.1, PYR),
        ("AE_G3", "incidence", 47.3, DT),
        ("AE_G3", "incidence", 3.4, PYR),
        ("AE_G3", "incidence", 14.2, DT),
    ]


def test_grade_of_toxicities_reaches_list(nlp):
    """Variant: "Toxicities of grade 3-4 occurred in 40% and 35% of patients, respectively; the
    most frequent were neutropenia (20% and 15%)"."""
    text = TDXD_TDM1 + (
        "Toxicities of grade 3-4 occurred in 40% and 35% of patients, respectively; the most "
        "frequent were neutropenia (20% and 15%)."
    )
    assert [r.endpoint for r in rows_of(nlp, text, ARM_ROW)] == ["AE_G3"] * 4


def test_grade_after_named_event_is_still_spent_on_it(nlp):
    """Negative: "Neutropenia of grade 3 or higher occurred in 20%; diarrhoea occurred in 10%":
    the qualifier is neutropenia's; diarrhoea, with its own verb, is of any grade."""
    text = TDXD_TDM1 + (
        "Neutropenia of grade 3 or higher occurred in 20% of patients; diarrhoea occurred in "
        "10% of patients."
    )
    assert row_with(rows_of(nlp, text, ARM_ROW), 10.0).endpoint == "AE"


# --- 2. a new event with its own verb after ", and" ---------------------------------------------


def test_event_with_own_verb_after_and_is_of_any_grade(nlp):
    """ "Grade 3 or higher AEs occurred in 45.1% and 39.8% of patients, respectively, and nausea
    was reported in 72.8% of patients in the T-DXd group": nausea is of any grade, T-DXd's."""
    text = TDXD_TDM1 + (
        "Grade 3 or higher adverse events occurred in 45.1% and 39.8% of patients, "
        "respectively, and nausea was reported in 72.8% of patients in the trastuzumab "
        "deruxtecan group."
    )
    row = row_with(rows_of(nlp, text, ARM_ROW), 72.8)
    assert (row.endpoint, row.arm) == ("AE", TDXD)
    assert row_with(rows_of(nlp, text, ARM_ROW), 45.1).endpoint == "AE_G3"


def test_injection_site_reactions_after_and_are_of_any_grade(nlp):
    """The brief's shape: "..., respectively, and injection-site reactions were reported in
    9.8% of patients in the subcutaneous group"."""
    text = (
        "Subcutaneous versus intravenous trastuzumab\n\n"
        "Patients were randomly assigned to subcutaneous trastuzumab (subcutaneous group) or "
        "intravenous trastuzumab (intravenous group). Grade 3 or higher adverse events occurred "
        "in 39.2% and 37.3% of patients, respectively, and injection-site reactions were "
        "reported in 9.8% of patients in the subcutaneous group."
    )
    row = row_with(rows_of(nlp, text, ARM_ROW), 9.8)
    assert (row.endpoint, row.arm) == ("AE", "trastuzumab")


def test_comparison_clause_after_and_is_of_any_grade(nlp):
    """ "grade ≥3 diarrhoea was more frequent in arm C (...), and nausea was more common in arm
    B (20% vs 10% in arm A)": nausea's pair is of any grade."""
    text = THREE_ARMS + (
        "Grade ≥3 diarrhoea was more frequent in arm C (11.3% versus 1.6% in arm A), and nausea "
        "was more common in arm B (20% vs 10% in arm A)."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert [r.endpoint for r in rows] == ["AE_G3", "AE_G3", "AE", "AE"]
    assert [r.arm for r in rows] == [ARM_C, ARM_A, ARM_B, ARM_A]


def test_restated_grade_after_and_keeps_it(nlp):
    """Negative: "..., and grade ≥3 neutropenia was reported in 20%" restates the grade; and
    a verb left out ("and febrile neutropenia in 5%") is handled as before (any grade, r68a),
    while the items of one list before ", and" keep the grade."""
    text = TDXD_TDM1 + (
        "Grade 3 or higher adverse events occurred in 45.1% and 39.8% of patients, "
        "respectively, and grade ≥3 neutropenia was reported in 20.0% of patients."
    )
    assert row_with(rows_of(nlp, text, ARM_ROW), 20.0).endpoint == "AE_G3"
    text = TDXD_TDM1 + (
        "The most common grade ≥3 adverse events were neutropenia, which occurred in 20.0%, "
        "and anaemia, which was reported in 8.0%."
    )
    assert row_with(rows_of(nlp, text, ARM_ROW), 8.0).endpoint == "AE_G3"


# --- 4. a P for a pair named by the groups' own words -------------------------------------------

DOSE_GROUPS = (
    "Neratinib dose escalation\n\n"
    "Patients were randomly assigned to neratinib at the standard dose (standard-dose group), "
    "at a reduced dose (reduced-dose group), or with dose escalation (escalation group), each "
    "with capecitabine and trastuzumab. "
)


def test_p_for_named_pair_of_three_groups(nlp):
    """ "24·4% in the standard-dose group, 13·4% in the reduced-dose group, and 9·8% in the
    escalation group (escalation vs standard dose, p=0·013)": the P is the pair's only."""
    text = DOSE_GROUPS + (
        "Grade 3 or worse diarrhoea during the first two cycles occurred in 24·4% of patients "
        "in the standard-dose group, 13·4% in the reduced-dose group, and 9·8% in the "
        "escalation group (escalation vs standard dose, p=0·013)."
    )
    assert [(r.value, r.p) for r in rows_of(nlp, text, P_ROW)] == [
        (24.4, "0.013"),
        (13.4, None),
        (9.8, "0.013"),
    ]


def test_p_for_named_pair_after_the_p(nlp):
    """Variant: the label after the P ("(p=0·013 for escalation vs standard dose)")."""
    text = DOSE_GROUPS + (
        "Diarrhoea occurred in 24·4% of patients in the standard-dose group, 13·4% in the "
        "reduced-dose group, and 9·8% in the escalation group (p=0·013 for escalation vs "
        "standard dose)."
    )
    assert [r.p for r in rows_of(nlp, text, P_ROW)] == ["0.013", None, "0.013"]


def test_label_naming_no_listed_group_leaves_the_p_shared(nlp):
    """Negative: a label whose words name none of the listed groups picks no pair."""
    text = DOSE_GROUPS + (
        "Diarrhoea occurred in 24·4% of patients in the standard-dose group, 13·4% in the "
        "reduced-dose group, and 9·8% in the escalation group (overall vs expected, p=0·013)."
    )
    assert [r.p for r in rows_of(nlp, text, P_ROW)] == ["0.013"] * 3


# --- 6. rates compared before a list of arms named in full --------------------------------------


def test_rates_before_list_of_full_arm_names_take_them_in_order(nlp):
    """ "10 patients (8%) vs 20 patients (16%) vs 30 patients (24%) in arm A, arm B and arm C"
    (no "respectively"): each rate is its listed arm's."""
    text = THREE_ARMS + (
        "Febrile neutropenia occurred in 10 patients (8%) vs 20 patients (16%) vs 30 patients "
        "(24%) in arm A, arm B and arm C."
    )
    assert [r.arm for r in rows_of(nlp, text, ARM_ROW)] == [ARM_A, ARM_B, ARM_C]
    text = THREE_ARMS + "Febrile neutropenia occurred in 8% vs 16% in arm A and arm B."
    assert [r.arm for r in rows_of(nlp, text, ARM_ROW)] == [ARM_A, ARM_B]


def test_fewer_listed_arms_than_rates_zip_nothing(nlp):
    """Negative: three rates before two listed arms are no zip of the list."""
    text = THREE_ARMS + "Febrile neutropenia occurred in 8% vs 16% vs 24% in arm A and arm B."
    rows = rows_of(nlp, text, ARM_ROW)
    assert [r.arm for r in rows] != [ARM_A, ARM_B, None]
    assert arm_of(rows, 24.0) != ARM_B
