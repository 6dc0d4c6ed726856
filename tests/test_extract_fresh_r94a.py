"""Fresh round 94a: an induction every patient received before randomisation was read into the
arms. "All patients received 6 cycles of THP induction; patients without disease progression
were then randomly assigned to A (PyH group) or B (HP group)" after a title naming A and B gave
every drug after "All patients received" (the lead-in's and both arms') to every arm, and the
design sentence was not read further, so "the PyH group" named no arm. The lead-in is in no arm
and no arm of its own; the arms are the regimens after the assignment."""

from __future__ import annotations

from extract_helpers import ARM_ROW, extract_text, registry_of, rows_of

PYH = "pyrotinib+trastuzumab"
HP = "pertuzumab+trastuzumab"

TITLE = (
    "Pyrotinib plus trastuzumab versus trastuzumab plus pertuzumab as maintenance therapy after "
    "first-line THP induction in HER2-positive metastatic breast cancer: a multicenter, "
    "randomized, phase III trial\n\n"
)
MAINTENANCE_TITLE = (
    "Maintenance therapy after induction in HER2-positive metastatic breast cancer: a "
    "multicenter phase III trial\n\n"
)
RESULTS = (
    "\nResults: A total of 236 patients were randomized, 118 in each group. The median PFS of "
    "the PyH group was 15.8 months, which was longer than that of the HP group (11.2 months) "
    "(HR=0.69, 95%CI: 0.51-0.93, P=0.014). The 1-year PFS rates of the two groups were 61.0% "
    "and 45.8%, respectively (P=0.021). The incidence of grade 3 diarrhea in the PyH group was "
    "18.6%, and no grade 3 diarrhea occurred in the HP group."
)
ARMS = (
    "pyrotinib 320 mg once daily plus trastuzumab (PyH group) or trastuzumab plus pertuzumab "
    "(HP group) until disease progression or unacceptable toxicity."
)
INDUCTION_THEN = (
    TITLE + "Methods: This multicenter, open-label, randomized, phase III trial was conducted in "
    "18 hospitals in China from January 2021 to June 2023. All patients received 6 cycles of "
    "docetaxel plus trastuzumab and pertuzumab (THP) induction; patients without disease "
    "progression were then randomly assigned in a 1:1 ratio to receive " + ARMS + " The primary "
    "endpoint was progression-free survival (PFS) from randomization." + RESULTS
)


def _arms(nlp, text: str) -> dict[float, str | None]:
    return {r.value: r.arm for r in rows_of(nlp, text, ARM_ROW)}


def _assert_pyh_hp(arms: dict[float, str | None]) -> None:
    assert arms[15.8] == arms[61.0] == arms[18.6] == PYH
    assert arms[11.2] == arms[45.8] == HP
    assert arms[0.69] is None


def test_induction_then_assigned_after_a_title_naming_the_arms(nlp):
    """The abstract of the round: "All patients received X induction; patients without
    progression were then randomly assigned to A (PyH group) or B (HP group)", the title naming
    A and B: the arms are A and B, labelled, and the lead-in's drugs stay in the drugs list."""
    _assert_pyh_hp(_arms(nlp, INDUCTION_THEN))
    assert "docetaxel" in extract_text(nlp, INDUCTION_THEN).drugs


def test_lead_in_then_the_patients_without_progression_are_assigned(nlp):
    """ "All patients received X for six cycles; those without progression were randomly
    assigned to A or B" (no "then", no lead-in word: the assigned patients are chosen by how
    they fared on X)."""
    text = (
        MAINTENANCE_TITLE + "Methods: All patients received docetaxel plus trastuzumab and "
        "pertuzumab for six cycles; those without disease progression were randomly assigned to "
        "receive " + ARMS + RESULTS
    )
    _assert_pyh_hp(_arms(nlp, text))
    assert sorted("+".join(a.drugs) for a in registry_of(nlp, text).arms) == [HP, PYH]


def test_induction_after_which_patients_were_assigned(nlp):
    """ "All patients received six cycles of THP (...) induction, after which patients were
    randomly assigned to A or B"."""
    text = (
        TITLE + "Methods: All patients received six cycles of THP (docetaxel, trastuzumab and "
        "pertuzumab) induction, after which patients without progression were randomly assigned "
        "to " + ARMS + RESULTS
    )
    _assert_pyh_hp(_arms(nlp, text))


def test_lead_in_in_a_sentence_of_its_own(nlp):
    """ "All patients received a lead-in of X for six cycles. Patients were then randomly
    assigned to A or B": the sentence calls X a lead-in, so its drugs join no arm."""
    text = (
        MAINTENANCE_TITLE + "Methods: All patients received a lead-in of docetaxel plus "
        "trastuzumab and pertuzumab for six cycles. Patients were then randomly assigned to "
        + ARMS
        + RESULTS
    )
    _assert_pyh_hp(_arms(nlp, text))


def test_after_cycles_of_induction_patients_were_randomized(nlp):
    """Guard (already read so): "After 6 cycles of THP induction, patients were randomized to A
    or B" with a title naming A and B."""
    text = (
        TITLE + "Methods: After 6 cycles of docetaxel plus trastuzumab and pertuzumab (THP) "
        "induction, patients without disease progression were randomized 1:1 to " + ARMS + RESULTS
    )
    _assert_pyh_hp(_arms(nlp, text))


def test_following_a_lead_in_patients_were_assigned(nlp):
    """Guard (already read so): "Following a lead-in of X, patients were randomly assigned to A
    or B"."""
    text = (
        MAINTENANCE_TITLE + "Methods: Following a lead-in of docetaxel plus trastuzumab and "
        "pertuzumab (THP) for six cycles, patients were randomly assigned to " + ARMS + RESULTS
    )
    _assert_pyh_hp(_arms(nlp, text))


def test_drugs_given_in_both_arms_stay_in_both_arms(nlp):
    """Guard: "A or B, each with docetaxel" after a title naming the arms: docetaxel is given
    in both arms, not before randomisation."""
    text = (
        "Pyrotinib versus pertuzumab with docetaxel and trastuzumab in HER2-positive metastatic "
        "breast cancer: a randomized trial\n\n"
        "Methods: Patients were randomly assigned to pyrotinib plus trastuzumab or pertuzumab "
        "plus trastuzumab, each with docetaxel.\n"
        "Results: The median PFS was 18.1 months with pyrotinib and 13.5 months with pertuzumab "
        "(HR 0.70, 95% CI 0.55-0.90)."
    )
    arms = _arms(nlp, text)
    assert arms[18.1] == "docetaxel+pyrotinib+trastuzumab"
    assert arms[13.5] == "docetaxel+pertuzumab+trastuzumab"


def test_all_patients_received_with_no_lead_in_cue_is_every_arms(nlp):
    """Guard: "All patients received trastuzumab and docetaxel and were randomly assigned to
    pertuzumab or placebo": no word makes the shared drugs a lead-in, so they stay in the
    arms."""
    text = (
        "Pertuzumab versus placebo with trastuzumab and docetaxel in HER2-positive metastatic "
        "breast cancer: a randomized trial\n\n"
        "Methods: All patients received trastuzumab and docetaxel and were randomly assigned to "
        "pertuzumab or placebo.\n"
        "Results: The median PFS was 18.5 months with pertuzumab and 12.4 months with placebo "
        "(HR 0.62, 95% CI 0.51-0.75)."
    )
    assert _arms(nlp, text)[18.5] == "docetaxel+pertuzumab+trastuzumab"


def test_all_patients_received_then_continued_the_assigned_therapy(nlp):
    """Guard: after the design, "All patients received docetaxel for six cycles, then continued
    the assigned anti-HER2 therapy" ("assigned" is no assignment): docetaxel joins both arms."""
    text = (
        "Pyrotinib versus pertuzumab with trastuzumab in HER2-positive metastatic breast cancer: "
        "a randomized trial\n\n"
        "Methods: Patients were randomly assigned to pyrotinib plus trastuzumab or pertuzumab "
        "plus trastuzumab. All patients received docetaxel for six cycles, then continued the "
        "assigned anti-HER2 therapy.\n"
        "Results: The median PFS was 18.1 months with pyrotinib and 13.5 months with pertuzumab "
        "(HR 0.70, 95% CI 0.55-0.90)."
    )
    arms = _arms(nlp, text)
    assert arms[18.1] == "docetaxel+pyrotinib+trastuzumab"
    assert arms[13.5] == "docetaxel+pertuzumab+trastuzumab"


def test_a_sequence_that_is_the_arm_keeps_both_phases(nlp):
    """Guard: "X followed by Y versus Z": the sequence is the arm."""
    text = (
        "EC followed by docetaxel plus trastuzumab versus TCbH in HER2-positive early breast "
        "cancer: a randomized trial\n\n"
        "Methods: Patients were randomly assigned to epirubicin plus cyclophosphamide followed "
        "by docetaxel plus trastuzumab or docetaxel plus carboplatin plus trastuzumab.\n"
        "Results: The pCR rates were 56.2% and 48.3%, respectively (P=0.04)."
    )
    arms = _arms(nlp, text)
    assert arms[56.2] == "cyclophosphamide+docetaxel+epirubicin+trastuzumab"
    assert arms[48.3] == "carboplatin+docetaxel+trastuzumab"
