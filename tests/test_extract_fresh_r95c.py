"""Fresh round 95c: three-arm orders read from another list, and sequential arms.

1. ALTTO-like: "trastuzumab (T), lapatinib (L), trastuzumab for 12 weeks followed, after a
   6-week washout, by lapatinib (T→L), or lapatinib plus trastuzumab (L+T)" read as one regimen
   (the comma list's "or" came after the sequence's own short form), the washout aside cut the
   sequence, and "the L+T, T→L, and T arms" missed its one-letter "T" before the plural.
2. NEJM BCIRG-006-like: "87%, 92% (hazard ratio, 0.63; P<0.001), and 91% (...), respectively"
   was cut into two runs by the ratio bracket, so the earlier sentence's order was not taken.
3. TRYPHAENA-like: "FEC alone for three cycles followed by docetaxel plus trastuzumab and
   pertuzumab (arm B)": the timed phase given alone is part of the sequence, not an arm of its
   own."""

from __future__ import annotations

from extract_helpers import ARM_ROW, registry_of, rows_of

LT = "lapatinib+trastuzumab"
T = "trastuzumab"


def _arms(nlp, text: str) -> list[tuple[float, str | None]]:
    return [(r.value, r.arm) for r in rows_of(nlp, text, ARM_ROW)]


ALTTO = (
    "Adjuvant lapatinib and trastuzumab for early HER2-positive breast cancer\n\n"
    "Methods: Patients were randomly assigned to 1 year of adjuvant trastuzumab (T), lapatinib "
    "(L), trastuzumab for 12 weeks followed, after a 6-week washout, by lapatinib for 34 weeks "
    "(T→L), or lapatinib plus trastuzumab (L+T). The L arm was closed early after a futility "
    "analysis.\nResults: Of 8,381 patients randomly assigned, 2,093 were assigned to L+T, 2,091 "
    "to T→L, and 2,097 to T. The 4-year DFS rates were 88%, 87%, and 86% in the L+T, T→L, and T "
    "arms, respectively, and the 4-year overall survival rates were 95%, 95%, and 94%. Diarrhea "
    "of any grade occurred in 75%, 52%, and 20% of patients in these arms, respectively."
)


def test_sequence_with_washout_and_combination_both_short_forms(nlp):
    """The L+T and T→L arms are both lapatinib+trastuzumab, T is trastuzumab; the unlabelled OS
    list and "these arms, respectively" take the DFS list's order, twins kept."""
    got = _arms(nlp, ALTTO)
    assert got[:3] == [(88.0, LT), (87.0, LT), (86.0, T)]
    assert got[3:6] == [(95.0, LT), (95.0, LT), (94.0, T)]
    assert got[6:9] == [(75.0, LT), (52.0, LT), (20.0, T)]
    assert sorted(a.name for a in registry_of(nlp, ALTTO).arms) == ["lapatinib", LT, T]


def test_sequence_without_washout_in_a_short_form_list(nlp):
    """ "followed by" without the aside, the sequence's short form then "or": the same arms."""
    text = ALTTO.replace(", after a 6-week washout,", "")
    assert sorted(a.name for a in registry_of(nlp, text).arms) == ["lapatinib", LT, T]
    assert _arms(nlp, text)[:3] == [(88.0, LT), (87.0, LT), (86.0, T)]


def test_combination_short_form_after_its_bracketed_drugs_stays_one(nlp):
    """Guard: "docetaxel (T), carboplatin (C) plus trastuzumab (TCH), or X" repeats no drug, so
    the comma does not separate arms."""
    text = (
        "Trial\n\nPatients were randomly assigned to docetaxel (T), carboplatin (C) plus "
        "trastuzumab every 3 weeks (TCH), or doxorubicin plus cyclophosphamide followed by "
        "docetaxel (AC-T). pCR was 40% with TCH and 30% with AC-T."
    )
    names = sorted(a.name for a in registry_of(nlp, text).arms)
    assert "carboplatin+docetaxel+trastuzumab" in names and "docetaxel" not in names


BCIRG = (
    "Adjuvant trastuzumab in HER2-positive breast cancer\n\n"
    "Methods: We randomly assigned women to receive doxorubicin and cyclophosphamide followed "
    "by docetaxel every 3 weeks (AC-T), the same regimen plus 52 weeks of trastuzumab (AC-T plus "
    "trastuzumab), or docetaxel and carboplatin plus 52 weeks of trastuzumab (TCH).\n"
    "Results: The estimated disease-free survival rates at 5 years were 75% among patients "
    "receiving AC-T, 84% among those receiving AC-T plus trastuzumab (hazard ratio for the "
    "comparison with AC-T, 0.64; P<0.001), and 81% among those receiving TCH (hazard ratio, "
    "0.75; P=0.04). {OS}"
)
ACT = "cyclophosphamide+docetaxel+doxorubicin"
ACTH = "cyclophosphamide+docetaxel+doxorubicin+trastuzumab"
TCH = "carboplatin+docetaxel+trastuzumab"


def test_respectively_list_split_by_ratio_brackets(nlp):
    text = BCIRG.replace(
        "{OS}",
        "Estimated rates of overall survival were 87%, 92% (hazard ratio, 0.63; P<0.001), and "
        "91% (hazard ratio, 0.77; P=0.04), respectively.",
    )
    got = dict(_arms(nlp, text))
    assert (got[87.0], got[92.0], got[91.0]) == (ACT, ACTH, TCH)
    assert got[0.63] is None


def test_list_split_by_ratio_brackets_with_hr_word(nlp):
    text = BCIRG.replace(
        "{OS}",
        "The corresponding overall survival rates were 87%, 92% (HR 0.63, 95% CI 0.48-0.81), "
        "and 91% (HR 0.77, 95% CI 0.60-0.99), respectively.",
    )
    got = dict(_arms(nlp, text))
    assert (got[87.0], got[92.0], got[91.0]) == (ACT, ACTH, TCH)


def test_value_with_ratio_bracket_then_other_end_point_stays_apart(nlp):
    """Guard: a ratio bracket before a value of another end point joins no list."""
    text = BCIRG.replace(
        "{OS}", "The overall survival rate was 92% (hazard ratio, 0.63) and the pCR rate 40%."
    )
    got = dict(_arms(nlp, text))
    assert got[40.0] is None


TRYPHAENA = (
    "Neoadjuvant pertuzumab and trastuzumab with anthracycline or carboplatin regimens\n\n"
    "Methods: Patients were randomized 1:1:1 to six neoadjuvant cycles of: FEC (fluorouracil, "
    "epirubicin and cyclophosphamide) plus trastuzumab and pertuzumab for three cycles "
    "followed by docetaxel plus trastuzumab and pertuzumab for three cycles (arm A); {B} (arm "
    "B); or docetaxel, carboplatin and trastuzumab (TCH) plus pertuzumab for six cycles (arm "
    "C).\nResults: pCR occurred in 61.6% of patients in arm A, 57.3% in arm B and 66.2% in arm C."
)
FEC_DPT = "cyclophosphamide+docetaxel+epirubicin+fluorouracil+pertuzumab+trastuzumab"


def test_timed_phase_alone_followed_by_is_one_sequence(nlp):
    text = TRYPHAENA.replace(
        "{B}",
        "FEC alone for three cycles followed by docetaxel plus trastuzumab and pertuzumab for "
        "three cycles",
    )
    assert dict(_arms(nlp, text))[57.3] == FEC_DPT


def test_timed_phase_alone_then_is_one_sequence(nlp):
    text = TRYPHAENA.replace(
        "{B}", "FEC alone for 9 weeks, then docetaxel plus trastuzumab and pertuzumab for 9 weeks"
    )
    assert dict(_arms(nlp, text))[57.3] == FEC_DPT


def test_alone_control_arm_stays_its_drugs(nlp):
    """Guard: "A plus B or A alone" keeps A alone as the control arm."""
    text = (
        "Trial\n\nPatients were randomly assigned to docetaxel plus trastuzumab or docetaxel "
        "alone. The ORR was 61% with docetaxel plus trastuzumab and 34% with docetaxel alone."
    )
    assert sorted(a.name for a in registry_of(nlp, text).arms) == [
        "docetaxel",
        "docetaxel+trastuzumab",
    ]


def test_alone_then_later_line_at_progression_is_no_sequence(nlp):
    """Guard: "A alone followed by Z at progression" (no time for the phase) stays A's arm."""
    text = (
        "Trial\n\nPatients were randomly assigned to trastuzumab and pertuzumab plus paclitaxel "
        "(arm A) or trastuzumab and pertuzumab alone followed by T-DM1 at progression (arm B). "
        "Median PFS was 12.7 months in arm A and 8.4 months in arm B."
    )
    assert dict(_arms(nlp, text))[8.4] == "pertuzumab+trastuzumab"
