"""Round 80a: end point lists, three-arm orders and shared arm phrases. An end point written
with its definition bracket ("objective response rate (ORR) and disease control rate (DCR)")
broke the end points' "respectively" list, so each value went to an arm; a three-value
"respectively" run after a sentence comparing two of three arms got no arm; and one arm
phrase after values of different end points ("diarrhea in 11.9% of patients and hand-foot
syndrome in 8.5% of patients in the combination arm") was only the last value's."""

from __future__ import annotations

from extract_helpers import ARM_ROW, P_ROW, arm_of, rows_of

PC = "capecitabine+pyrotinib"
DV = "disitamab vedotin"
TCH = "carboplatin+docetaxel+trastuzumab"
TCL = "carboplatin+docetaxel+lapatinib"
TCHL = "carboplatin+docetaxel+lapatinib+trastuzumab"

TWO_GROUPS = (
    "The control group received pyrotinib (400 mg orally once daily) plus capecitabine, and the "
    "observation group received disitamab vedotin 2.0 mg/kg intravenously every 2 weeks. "
)
DEFINED_LIST = (
    "The objective response rate (ORR) and disease control rate (DCR) of the observation group "
    "were 62.50% and 87.50%, respectively, which were higher than those of the control group "
    "(41.67% and 72.92%) (P<0.05)."
)

THREE_ARMS = (
    "Patients were randomized to docetaxel, carboplatin, and trastuzumab (TCH), docetaxel, "
    "carboplatin, and lapatinib (TCL), or docetaxel, carboplatin, trastuzumab, and lapatinib "
    "(TCHL). The pCR rates were 52% (95% CI, 36%-67%) with TCH, 25% (95% CI, 9%-49%) with TCL, "
    "and 49% (95% CI, 33%-65%) with TCHL. "
)
TWO_OF_THREE = (
    "Among patients with hormone receptor-negative tumors, pCR rates with TCH and TCHL were 71% "
    "and 64%, respectively. "
)
THREE_RESPECTIVELY = (
    "Diarrhea of grade 3 or higher occurred in 5%, 35%, and 28% of patients, respectively."
)

WBRT = (
    "Patients were randomly assigned 1:1 to WBRT with concurrent and maintenance pyrotinib plus "
    "capecitabine (combination arm) or to WBRT alone (radiotherapy arm). "
)


def _endpoint_arms(rows) -> list[tuple]:
    return [(r.endpoint, r.value, r.arm) for r in rows]


def test_defined_end_points_keep_their_respectively_list(nlp):
    """ "ORR (ORR) and DCR (DCR) ... were 62.50% and 87.50%, respectively": each value is its
    own end point's, the group named before them; the bracketed pair after "those of the
    control group" follows the same order."""
    rows = rows_of(nlp, TWO_GROUPS + DEFINED_LIST, P_ROW)
    assert _endpoint_arms(rows) == [
        ("ORR", 62.5, DV),
        ("DCR", 87.5, DV),
        ("ORR", 41.67, PC),
        ("DCR", 72.92, PC),
    ]


def test_short_forms_alone_read_as_before(nlp):
    """The same list without the definition brackets reads the same."""
    text = TWO_GROUPS + DEFINED_LIST.replace(
        "objective response rate (ORR) and disease control rate (DCR)", "ORR and DCR"
    )
    rows = rows_of(nlp, text, P_ROW)
    assert [(r.endpoint, r.value) for r in rows] == [
        ("ORR", 62.5),
        ("DCR", 87.5),
        ("ORR", 41.67),
        ("DCR", 72.92),
    ]
    assert [r.arm for r in rows] == [DV, DV, PC, PC]


def test_bracket_of_another_end_point_still_ends_the_list(nlp):
    """Negative: a bracket naming another end point ("PFS (OS)") is no definition: the list
    "PFS" alone does not zip the pair, which stays the two arms' values."""
    text = (
        "Patients were randomly assigned to pertuzumab plus trastuzumab (PH group) or "
        "trastuzumab alone (H group). Median progression-free survival (and overall survival) "
        "was 18.5 and 12.4 months in the PH and H groups, respectively."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert [r.arm for r in rows] == ["pertuzumab+trastuzumab", "trastuzumab"]


def test_three_value_list_after_two_arm_sentence_takes_three_arm_order(nlp):
    """A run of three "respectively" after a sentence comparing two of three arms takes the
    latest order of three (the pCR sentence), not none."""
    rows = rows_of(nlp, THREE_ARMS + TWO_OF_THREE + THREE_RESPECTIVELY, ARM_ROW)
    assert [(r.value, r.arm) for r in rows if r.endpoint == "AE_G3"] == [
        (5.0, TCH),
        (35.0, TCL),
        (28.0, TCHL),
    ]
    assert arm_of(rows, 71.0) == TCH
    assert arm_of(rows, 64.0) == TCHL


def test_three_value_list_right_after_three_arms_unchanged(nlp):
    """Without the two-arm sentence the run takes the three arms, as before."""
    rows = rows_of(nlp, THREE_ARMS + THREE_RESPECTIVELY, ARM_ROW)
    assert [r.arm for r in rows if r.endpoint == "AE_G3"] == [TCH, TCL, TCHL]


def test_unlisted_count_gets_no_earlier_order(nlp):
    """Negative: a run of four "respectively" matches no order read before: no arm."""
    text = (
        THREE_ARMS
        + TWO_OF_THREE
        + "Diarrhea occurred in 5%, 35%, 28% and 30% of patients, respectively."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert [r.arm for r in rows if r.endpoint == "AE"] == [None] * 4


def test_trailing_arm_phrase_after_own_end_points_is_each_values(nlp):
    """ "diarrhea in 11.9% of patients and grade 3 hand-foot syndrome in 8.5% of patients in
    the combination arm": both values are the combination arm's."""
    text = (
        WBRT + "Grade ≥ 3 diarrhea occurred in 11.9% of patients and grade 3 hand-foot syndrome "
        "in 8.5% of patients in the combination arm; no grade 4 or 5 treatment-related adverse "
        "events occurred."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 11.9) == PC
    assert arm_of(rows, 8.5) == PC


def test_trailing_arm_phrase_after_listed_end_points_is_each_values(nlp):
    """ "Diarrhea and hand-foot syndrome occurred in 11.9% and 8.5% of patients in the
    combination arm": one value per listed event, both the arm's."""
    text = (
        WBRT + "Diarrhea and hand-foot syndrome occurred in 11.9% and 8.5% of patients in the "
        "combination arm."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert [r.arm for r in rows] == [PC, PC]


def test_trailing_arm_phrase_after_one_end_points_values_unchanged(nlp):
    """Negative: one end point's two values ("Diarrhea occurred in 11.9% and 8.5%") are no
    coordination of end points: the first does not take the arm phrase."""
    text = WBRT + "Diarrhea occurred in 11.9% and 8.5% of patients in the combination arm."
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 11.9) is None
    assert arm_of(rows, 8.5) == PC


def test_two_arm_phrases_keep_their_own_values(nlp):
    """Negative: each value with its own arm phrase keeps it."""
    text = (
        WBRT + "Diarrhea occurred in 11.9% in the combination arm and hand-foot syndrome in 3.3% "
        "in the radiotherapy arm."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 11.9) == PC
    assert arm_of(rows, 3.3) is None


def test_value_of_all_patients_keeps_no_arm(nlp):
    """Negative: a value said of all patients before another event's arm value is not it."""
    text = (
        WBRT + "Diarrhea occurred in 11.9% of all patients and hand-foot syndrome in 8.5% of "
        "patients in the combination arm."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 11.9) is None
    assert arm_of(rows, 8.5) == PC
