"""Review of rounds 59a and 59b (pipeline 0.3.112): invented texts. Round 59a's phase after
labelled options joined a last regimen that carries a label of its own ("..., then trastuzumab
maintenance (arm C)") to the options before it, and missed labels holding a count ("(arm A,
n=60)"). Round 59b's study number in a bracket took a drug code for one when the sentence calls
the drug something "in a phase 1 study" ("DHES0815A (RG6148) is an ADC in a phase 1 study"); its
word-plus-protocol names took labels of documents and places ("Appendix A12-34", "Hospital
H123-45"); its observational names took design words and "Here" ("the observational Pilot
study", "Here is an observational study")."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, extract_text, outcomes_of, rows_of

THREE_LABELLED = (
    "Patients were randomized to lapatinib (arm A{a}), trastuzumab (arm B{b}) or lapatinib plus "
    "trastuzumab (arm C{c}) for 12 weeks, followed by three cycles of FEC. The pCR rate was 25%, "
    "30% and 51% in arms A, B and C, respectively."
)
OWN_LABEL_PHASE = (
    "Patients received lapatinib (arm A) or trastuzumab (arm B), then trastuzumab maintenance "
    "(arm C). The median PFS was 5.0, 6.0 and 7.0 months in arms A, B and C, respectively."
)
BODY = " Patients received trastuzumab."


def drugs_of(nlp, text: str) -> list[str]:
    return sorted(extract_text(nlp, text).drugs)


def trials_of(nlp, text: str) -> list[str]:
    return sorted(extract_text(nlp, text).trials)


# --- 1. round 59a: phases after labelled options ---


def test_phase_with_its_own_label_is_an_arm(nlp):
    """ "A (arm A) or B (arm B), then C maintenance (arm C)": C carries its own label, so it is
    the third arm, not a phase joined to A and B (0.3.107 gave arms A and B no arm)."""
    rows = rows_of(nlp, OWN_LABEL_PHASE, ARM_ROW)
    assert arm_of(rows, 5.0) == "lapatinib"
    assert arm_of(rows, 6.0) == "trastuzumab"
    assert arm_of(rows, 7.0) == "trastuzumab"


def test_label_with_count_joins_the_phase_like_a_bare_label(nlp):
    """ "(arm A, n=60)" closes an option as "(arm A)" does: the FEC phase joins each arm."""
    bare = {o.value: o.arm for o in outcomes_of(nlp, THREE_LABELLED.format(a="", b="", c=""))}
    text = THREE_LABELLED.format(a=", n=60", b=", n=62", c=", n=61")
    counted = {o.value: o.arm for o in outcomes_of(nlp, text)}
    assert counted == bare
    assert counted[51.0] == "cyclophosphamide+epirubicin+fluorouracil+lapatinib+trastuzumab"


# --- 2. round 59b: study numbers in brackets ---


def test_code_bracket_of_a_drug_in_a_study_stays_a_drug(nlp):
    """ "DHES0815A (RG6148) is an ADC in a phase 1 study": the study tests the drug the bracket
    names; the code is no study number (0.3.109 dropped the drug and listed "RG6148")."""
    text = "DHES0815A (RG6148) is an ADC in a phase 1 study."
    ex = extract_text(nlp, text)
    assert ex.drugs == ["rg6148"]
    assert ex.trials == []


def test_study_number_after_a_trial_name_still_reads(nlp):
    """Negative: "OSPREY (ABCD1602) was a phase 2 trial" keeps round 59b's reading."""
    text = "OSPREY (ABCD1602) was a phase 2 trial of trastuzumab."
    assert drugs_of(nlp, text) == ["trastuzumab"]
    assert "ABCD1602" in trials_of(nlp, text)


# --- 3. round 59b: word-plus-protocol and observational names ---


def test_labels_of_documents_and_places_name_no_trial(nlp):
    """ "(see Appendix A12-34)", "at Hospital H123-45", "(Section S12-14)" name no trial."""
    for body in (
        "Patients received trastuzumab (see Appendix A12-34).",
        "Patients were treated at Hospital H123-45 with trastuzumab.",
        "Patients received trastuzumab (Section S12-14) per Amendment A01-02.",
    ):
        assert trials_of(nlp, body) == [], body


def test_word_with_protocol_number_still_names_a_trial(nlp):
    """Negative: "(Kestrel B123-45; NCT01234567)" keeps the name."""
    text = "Patients received trastuzumab (Kestrel B123-45; NCT01234567)."
    assert "Kestrel B123-45" in trials_of(nlp, text)


def test_design_words_name_no_observational_study(nlp):
    """ "the observational Pilot study", "the prospective observational Multicenter study",
    "Here is an observational study" name no study."""
    for body in (
        "In the observational Pilot study, patients were followed.",
        "In the prospective observational Multicenter study, patients were followed.",
        "Here is an observational study of patients.",
    ):
        assert trials_of(nlp, body + BODY) == [], body


def test_title_case_observational_name_still_reads(nlp):
    """Negative: "the observational Heron study" still names Heron."""
    assert trials_of(nlp, "In the observational Heron study, patients were followed." + BODY) == [
        "Heron"
    ]
