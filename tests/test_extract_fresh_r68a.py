"""Fresh round 68a, arms: shared drugs and route arms. A drug written once before "alone (arm
A), with X (arm B), or with Y (arm C)" was lost from arms B and C (the add-on list wanted "or"
before each partner), as it was from "A given alone or combined with X or Y". Route twins with
a partner ("subcutaneous or intravenous trastuzumab, each with docetaxel and carboplatin") read
the partner as a second arm, and a grade qualifier carried over ", and <another event> in".
Dose arms closed by a worded dose ("320 mg, 400 mg or an escalating dose") were no arms. An
add-on group "on this basis" and a class "added to" a named regimen lost their backbone."""

from __future__ import annotations

from extract_helpers import arm_of, arms_with, only_row, rows_of

TDXD = "trastuzumab deruxtecan"
TDXD_P = "pertuzumab+trastuzumab deruxtecan"
TDXD_T = "trastuzumab deruxtecan+tucatinib"
TCH = "carboplatin+docetaxel+trastuzumab"
XP = "capecitabine+pyrotinib"

# --- 1. a shared drug written once before "alone / with / or with" ---

LABELLED_ALONE = (
    "Trastuzumab deruxtecan with pertuzumab or tucatinib in HER2-positive breast cancer\n\n"
    "Patients were randomly assigned to receive trastuzumab deruxtecan alone (arm A), with "
    "pertuzumab (arm B), or with tucatinib (arm C). Median progression-free survival was 12.1 "
    "months in arm A, 15.6 months in arm B and 16.2 months in arm C. The objective response "
    "rate was higher in arm C (61.3% versus 48.2% in arm A)."
)


def test_labelled_partners_after_alone_keep_the_shared_drug(nlp):
    """ "A alone (arm A), with B (arm B), or with C (arm C)": arms B and C hold A too."""
    rows = rows_of(nlp, LABELLED_ALONE)
    assert arm_of(rows, 12.1) == TDXD
    assert arm_of(rows, 15.6) == TDXD_P
    assert arm_of(rows, 16.2) == TDXD_T


def test_labels_around_a_bracket_name_their_own_values(nlp):
    """ "higher in arm C (61.3% versus 48.2% in arm A)": each value is its label's arm's."""
    rows = rows_of(nlp, LABELLED_ALONE)
    assert arm_of(rows, 61.3) == TDXD_T
    assert arm_of(rows, 48.2) == TDXD


def test_unlabelled_partners_after_alone_keep_the_shared_drug(nlp):
    """ "A alone, with B, or with C", then "60% with B": B's arm is A plus B."""
    text = (
        "Trastuzumab deruxtecan with pertuzumab or tucatinib\n\n"
        "Patients were randomly assigned to receive trastuzumab deruxtecan alone, with "
        "pertuzumab, or with tucatinib. The objective response rate was 52% with trastuzumab "
        "deruxtecan alone, 60% with pertuzumab and 58% with tucatinib."
    )
    rows = rows_of(nlp, text)
    assert [arm_of(rows, v) for v in (52.0, 60.0, 58.0)] == [TDXD, TDXD_P, TDXD_T]


def test_given_alone_or_combined_with_either_of_two_partners(nlp):
    """ "A given alone or combined with B or C": the arms are A, A+B and A+C, so "the B arm"
    is A plus B."""
    text = (
        "Tucatinib given alone or with trastuzumab or capecitabine\n\n"
        "In this phase 2 trial, patients were randomised to tucatinib given alone or combined "
        "with trastuzumab or capecitabine. The objective response rate was 20% with tucatinib "
        "alone, 35% in the trastuzumab arm and 41% in the capecitabine arm."
    )
    rows = rows_of(nlp, text)
    assert arm_of(rows, 20.0) == "tucatinib"
    assert arm_of(rows, 35.0) == "trastuzumab+tucatinib"
    assert arm_of(rows, 41.0) == "capecitabine+tucatinib"


def test_combination_listed_after_the_partners_stays_its_own_arm(nlp):
    """Negative: "A alone or with B, or C plus D": C plus D is an arm of its own."""
    text = (
        "Lapatinib-based regimens\n\n"
        "Patients were randomly assigned to trastuzumab alone or with pertuzumab, or "
        "capecitabine plus lapatinib. The objective response rate was 30% with capecitabine "
        "plus lapatinib."
    )
    assert arm_of(rows_of(nlp, text), 30.0) == "capecitabine+lapatinib"


# --- 2. route arms with a shared partner; a grade does not carry over ", and <event> in" ---

ROUTES_EACH_WITH = (
    "Subcutaneous versus intravenous trastuzumab with docetaxel and carboplatin\n\n"
    "Patients were randomly assigned to subcutaneous or intravenous trastuzumab, each with "
    "docetaxel and carboplatin (the SC group and the IV group). The pCR rate was 45.4% in the "
    "SC group and 40.7% in the IV group. The rate of grade 3 or higher adverse events was 52% "
    "in both groups. Grade 3 or higher neutropenia occurred in 20% and 22%, and injection-site "
    "reactions in 9.8% of the SC group."
)


def test_route_twins_each_with_a_partner_carry_the_full_regimen(nlp):
    """ "subcutaneous or intravenous A, each with B and C": both route groups are A+B+C."""
    rows = rows_of(nlp, ROUTES_EACH_WITH)
    assert arm_of(rows, 45.4) == TCH
    assert arm_of(rows, 40.7) == TCH


def test_value_in_both_route_groups_is_each_groups(nlp):
    """ "52% in both groups" of two route arms: one row per arm, each the full regimen."""
    assert arms_with(rows_of(nlp, ROUTES_EACH_WITH), 52.0) == [TCH, TCH]


def test_routes_written_after_the_drug_with_a_partner(nlp):
    """ "A given subcutaneously or intravenously, in combination with B and C"."""
    text = (
        "Subcutaneous trastuzumab with docetaxel and carboplatin\n\n"
        "Patients were randomly assigned to trastuzumab given subcutaneously or intravenously, "
        "in combination with docetaxel and carboplatin. The pCR rate was 45.4% in the "
        "subcutaneous group and 40.7% in the intravenous group."
    )
    rows = rows_of(nlp, text)
    assert arm_of(rows, 45.4) == TCH
    assert arm_of(rows, 40.7) == TCH


def test_grade_does_not_carry_over_and_another_event_in(nlp):
    """ "Grade 3 or higher neutropenia occurred in 20% and 22%, and injection-site reactions
    in 9.8%": the elided-verb event after ", and" is of any grade."""
    rows = rows_of(nlp, ROUTES_EACH_WITH)
    assert only_row(rows, 20.0).endpoint == "AE_G3"
    assert only_row(rows, 9.8).endpoint == "AE"


def test_grade_shared_by_a_bracketed_event_list(nlp):
    """Negative: "Grade 3 or higher neutropenia (20%) and diarrhoea (5%)": no verb of the
    first event, so the qualifier heads both items."""
    text = (
        "Pertuzumab with trastuzumab\n\n"
        "Patients received pertuzumab and trastuzumab. Grade 3 or higher neutropenia (20%) and "
        "diarrhoea (5%) were the most common events."
    )
    assert only_row(rows_of(nlp, text), 5.0).endpoint == "AE_G3"


# --- 3. dose arms of one regimen closed by a worded dose ---


def test_three_dose_arms_with_a_worded_last_dose(nlp):
    """ "A 320 mg, 400 mg or an escalating dose, each with B ... respectively": three rows,
    each A+B."""
    text = (
        "Pyrotinib dose schedules with capecitabine\n\n"
        "Patients were randomly assigned to pyrotinib 320 mg, 400 mg or an escalating dose, each "
        "with capecitabine. Median PFS was 9.8, 11.1 and 12.4 months, respectively."
    )
    rows = rows_of(nlp, text)
    assert [arm_of(rows, v) for v in (9.8, 11.1, 12.4)] == [XP, XP, XP]


def test_worded_dose_after_at_and_all_in_combination(nlp):
    """ "at 320 mg, at 400 mg, or at an escalating dose, all in combination with B"."""
    text = (
        "Pyrotinib dose schedules with capecitabine\n\n"
        "Patients were randomised to pyrotinib at 320 mg, at 400 mg, or at an escalating dose, "
        "all in combination with capecitabine. The objective response rates were 55%, 61% and "
        "64%, respectively."
    )
    rows = rows_of(nlp, text)
    assert [arm_of(rows, v) for v in (55.0, 61.0, 64.0)] == [XP, XP, XP]


def test_worded_dose_names_its_group(nlp):
    """ "the escalating-dose group" is the arm of the worded dose."""
    text = (
        "Pyrotinib escalating dose\n\n"
        "Patients were randomly assigned to pyrotinib 320 mg or an escalating dose, each with "
        "capecitabine. The objective response rate was 55% with 320 mg and 64% in the "
        "escalating-dose group."
    )
    rows = rows_of(nlp, text)
    assert arm_of(rows, 55.0) == XP
    assert arm_of(rows, 64.0) == XP


def test_worded_dose_cohorts_of_an_unrandomised_study_are_no_arms(nlp):
    """Negative: dose cohorts of a study that randomises no one stay whole-population values."""
    text = (
        "Pyrotinib dose schedules with capecitabine\n\n"
        "In this phase 1 study, patients received pyrotinib 320 mg, 400 mg or an escalating "
        "dose, each with capecitabine. The objective response rates were 55%, 61% and 64%, "
        "respectively."
    )
    rows = rows_of(nlp, text)
    assert [arm_of(rows, v) for v in (55.0, 61.0, 64.0)] == [None, None, None]


# --- 4. duration arms labelled by a group word ---


def test_duration_groups_both_with_a_partner(nlp):
    """ "9 weeks of A (short group) or 1 year of A (long group), both given with B and C"."""
    text = (
        "Short versus long trastuzumab\n\n"
        "Patients were randomly assigned to 9 weeks of trastuzumab (short group) or 1 year of "
        "trastuzumab (long group), both given with docetaxel and cyclophosphamide. The 5-year "
        "DFS rate was 88.0% in the short group and 90.1% in the long group."
    )
    rows = rows_of(nlp, text)
    tc = "cyclophosphamide+docetaxel+trastuzumab"
    assert arm_of(rows, 88.0) == tc
    assert arm_of(rows, 90.1) == tc


# --- 5. an add-on group "on this basis" ---


def test_group_additionally_given_a_drug_on_this_basis(nlp):
    """ "The control group received A plus B; the study group additionally received C on this
    basis": the study group is A+B+C."""
    text = (
        "Pyrotinib added to trastuzumab and docetaxel\n\n"
        "Patients were randomly divided into two groups. The control group received trastuzumab "
        "plus docetaxel; the study group additionally received pyrotinib on this basis. The "
        "objective response rate was 82.5% in the study group and 65.0% in the control group "
        "(P = 0.03)."
    )
    rows = rows_of(nlp, text)
    assert arm_of(rows, 82.5) == "docetaxel+pyrotinib+trastuzumab"
    assert arm_of(rows, 65.0) == "docetaxel+trastuzumab"


def test_group_given_a_drug_in_addition_on_this_basis(nlp):
    """ "... and the observation group received C in addition on this basis"."""
    text = (
        "Pyrotinib added to trastuzumab and docetaxel\n\n"
        "The control group received trastuzumab combined with docetaxel, and the observation "
        "group received pyrotinib in addition on this basis. The objective response rate was "
        "82.5% in the observation group and 65.0% in the control group."
    )
    assert arm_of(rows_of(nlp, text), 82.5) == "docetaxel+pyrotinib+trastuzumab"


def test_group_given_a_drug_without_an_add_on_phrase_keeps_its_own(nlp):
    """Negative: with no "on this basis", the study group's regimen is the one it was given."""
    text = (
        "Pyrotinib versus trastuzumab and docetaxel\n\n"
        "The control group received trastuzumab plus docetaxel; the study group received "
        "pyrotinib plus capecitabine. The objective response rate was 82.5% in the study group "
        "and 65.0% in the control group."
    )
    assert arm_of(rows_of(nlp, text), 82.5) == "capecitabine+pyrotinib"


# --- 6. a drug class added to a named backbone ---


def test_class_added_to_a_named_drug_carries_that_drug(nlp):
    """ "58% with a TKI added to trastuzumab and 45% with trastuzumab without a TKI": both
    groups carry trastuzumab (the class partner is left out)."""
    text = (
        "Tyrosine kinase inhibitors added to trastuzumab: a meta-analysis\n\n"
        "We pooled randomised trials of neoadjuvant trastuzumab with or without a tyrosine "
        "kinase inhibitor (TKI). The pooled pCR rate was 58% with a TKI added to trastuzumab "
        "and 45% with trastuzumab without a TKI."
    )
    rows = rows_of(nlp, text)
    assert arm_of(rows, 58.0) == "trastuzumab"
    assert arm_of(rows, 45.0) == "trastuzumab"


def test_named_drug_added_to_a_regimen_is_no_class(nlp):
    """Negative: "58% with pertuzumab added to A and B" is the arm holding pertuzumab."""
    text = (
        "Pertuzumab added to trastuzumab\n\n"
        "Patients were randomly assigned to trastuzumab and docetaxel with or without "
        "pertuzumab. The pCR rate was 58% with pertuzumab added to trastuzumab and docetaxel "
        "and 45% with trastuzumab and docetaxel alone."
    )
    rows = rows_of(nlp, text)
    assert arm_of(rows, 58.0) == "docetaxel+pertuzumab+trastuzumab"
    assert arm_of(rows, 45.0) == "docetaxel+trastuzumab"
