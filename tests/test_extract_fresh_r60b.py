"""Fresh round 60 (b): design labels and regimens that split or lost an arm. A group label and
the regimen's short form shared one bracket ("(group B, PyHnP)"), so neither the label nor the
short form named the arm and the short form split the design list; a schedule "every 28 days"
between an added drug and "plus" cut the drug off its regimen; "trastuzumab but without
pertuzumab" read as a mention of trastuzumab, which every arm holds, so its value had no arm."""

from __future__ import annotations

from extract_helpers import P_ROW, arm_of, registry_of, rows_of

TH = "docetaxel+trastuzumab"
PYHNP = "nab-paclitaxel+pyrotinib+trastuzumab"
PYHNP_P = "nab-paclitaxel+pertuzumab+pyrotinib+trastuzumab"

LABEL_AND_SHORT_FORM = (
    "Pyrotinib-based neoadjuvant regimens in HER2-positive breast cancer\n\n"
    "Patients were randomly assigned to trastuzumab and docetaxel (group A, TH), pyrotinib plus "
    "trastuzumab and nab-paclitaxel (group B, PyHnP), or PyHnP plus pertuzumab (group C). The "
    "pCR rate was 30% in group A, 52% in group B and 60% in group C (P = 0.01). Grade 3 "
    "diarrhoea occurred in 20% of patients with PyHnP and 5% with TH."
)


def test_group_label_before_short_form_names_the_arm(nlp):
    """ "(group B, PyHnP)": the bracket labels the arm before it "B", and values "in group B"
    go to that arm, with the P their comparison shares."""
    rows = rows_of(nlp, LABEL_AND_SHORT_FORM, P_ROW)
    assert arm_of(rows, 30.0) == TH
    assert arm_of(rows, 52.0) == PYHNP
    assert arm_of(rows, 60.0) == PYHNP_P
    assert [r.p for r in rows if r.value in (30.0, 52.0, 60.0)] == ["0.01"] * 3


def test_short_form_after_group_label_is_defined(nlp):
    """The short form after the label names its arm later ("with PyHnP"), and a third arm
    defined through it ("PyHnP plus pertuzumab") holds its drugs."""
    rows = rows_of(nlp, LABEL_AND_SHORT_FORM, P_ROW)
    assert arm_of(rows, 20.0) == PYHNP
    assert arm_of(rows, 5.0) == TH


def test_label_and_short_form_after_semicolon_still_read(nlp):
    """ "(arm A; TH)", the form read before: each arm keeps its label."""
    text = (
        "Title\n\nPatients were randomly assigned to trastuzumab and docetaxel (arm A; TH) or "
        "pyrotinib plus trastuzumab and nab-paclitaxel (arm B; PyHnP)."
    )
    reg = registry_of(nlp, text)
    assert [(a.name, a.labels) for a in reg.arms] == [(TH, {"a"}), (PYHNP, {"b"})]


def test_bracket_of_two_words_is_no_label_and_short_form(nlp):
    """Negative: "(high dose, HD)" holds no group word, so it labels no arm."""
    text = (
        "Title\n\nPatients were randomly assigned to trastuzumab and docetaxel (high dose, HD) "
        "or trastuzumab and paclitaxel."
    )
    reg = registry_of(nlp, text)
    assert all(not a.labels for a in reg.arms)


DOSED_ADD_ON = (
    "Pyrotinib plus trastuzumab and docetaxel\n\n"
    "Patients were randomly assigned to pyrotinib 400 mg once daily on days 1-21 every 28 days "
    "plus trastuzumab and docetaxel (study group) or trastuzumab and docetaxel (control group). "
    "The pCR rate was 55% in the study group and 35% in the control group (P = 0.003)."
)


def test_schedule_in_days_keeps_added_drug_in_its_regimen(nlp):
    """ "pyrotinib ... every 28 days plus A and B (study group)": the schedule is the added
    drug's, so the study group holds pyrotinib with A and B."""
    rows = rows_of(nlp, DOSED_ADD_ON, P_ROW)
    assert arm_of(rows, 55.0) == "docetaxel+pyrotinib+trastuzumab"
    assert arm_of(rows, 35.0) == TH


def test_schedule_in_days_before_or_keeps_arms_apart(nlp):
    """Negative: the removed schedule leaves "or" between the drugs, so "A every 21 days or B
    every 21 days" stays two arms."""
    text = (
        "Title\n\nPatients were randomly assigned to lapatinib every 21 days or trastuzumab "
        "every 21 days. The response rate was 40% with lapatinib and 50% with trastuzumab."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 40.0) == "lapatinib"
    assert arm_of(rows, 50.0) == "trastuzumab"


NEGATED_PARTNER = (
    "Trastuzumab with or without pertuzumab\n\n"
    "Patients were randomly assigned to docetaxel plus trastuzumab and pertuzumab or docetaxel "
    "plus trastuzumab. The objective response rate was 80% with trastuzumab and pertuzumab and "
    "69% with trastuzumab but without pertuzumab."
)


def test_regimen_without_partner_names_the_arm_lacking_it(nlp):
    """ "with trastuzumab but without pertuzumab": the one arm holding trastuzumab and not
    pertuzumab."""
    rows = rows_of(nlp, NEGATED_PARTNER, P_ROW)
    assert arm_of(rows, 80.0) == "docetaxel+pertuzumab+trastuzumab"
    assert arm_of(rows, 69.0) == TH


def test_regimen_without_partner_no_but(nlp):
    """ "trastuzumab without pertuzumab" reads the same without "but"."""
    text = NEGATED_PARTNER.replace("but without", "without")
    assert arm_of(rows_of(nlp, text, P_ROW), 69.0) == TH


def test_negated_partner_every_arm_lacks_names_no_arm(nlp):
    """Negative: no arm holds pertuzumab, so "trastuzumab without pertuzumab" does not pick
    one of the two trastuzumab arms."""
    text = (
        "Title\n\nPatients were randomly assigned to docetaxel plus trastuzumab or paclitaxel "
        "plus trastuzumab. The objective response rate was 69% with trastuzumab without "
        "pertuzumab."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 69.0) is None
