"""Arms labelled by single letters: one-letter drug short forms ("lapatinib (L)", ALTTO) and
designs that name arms "arm A: ..." and report "in arms A, B and C, respectively" (TRYPHAENA).
Texts are shortened from the published abstracts; the facts are theirs."""

from __future__ import annotations

import pytest
from extract_helpers import ARM_ROW, extract_text, rows_of

from her2mine.extract.regimens import gap_kind

LT = "lapatinib+trastuzumab"
FEC_THP = "cyclophosphamide+docetaxel+epirubicin+fluorouracil+pertuzumab+trastuzumab"
TCHP = "carboplatin+docetaxel+pertuzumab+trastuzumab"


ALTTO = (
    "Adjuvant lapatinib and trastuzumab: the ALTTO trial\n\n"
    "The ALTTO trial evaluated lapatinib (L) added to trastuzumab (T) in the adjuvant setting. "
    "Patients with HER2-positive early breast cancer (n = 8,381) were randomly assigned to 1 "
    "year of T, L, their sequence (T→L), or their combination (L+T). The primary end point "
    "was disease-free survival (DFS). A 16% reduction in the hazard of a DFS event with L+T "
    "versus T was observed (hazard ratio [HR], 0.84; 97.5% CI, 0.70 to 1.02; P = .048); for "
    "T→L versus T, the HR was 0.96 (97.5% CI, 0.80 to 1.15; P = .61). Four-year DFS was 88% "
    "for L+T, 87% for T→L, and 86% for T."
)


def test_one_letter_short_forms_name_arms_and_a_sequence_is_its_drugs(nlp):
    # "lapatinib (L)" / "trastuzumab (T)" define one-letter short forms; "T→L" is a sequence
    # (the arm is the sorted set of its drugs); the HRs stay between-arm.
    assert rows_of(nlp, ALTTO, ARM_ROW) == [
        ("DFS", "HR", 0.84, None),
        ("DFS", "HR", 0.96, None),
        ("DFS", "rate", 88.0, LT),
        ("DFS", "rate", 87.0, LT),
        ("DFS", "rate", 86.0, "trastuzumab"),
    ]


def test_a_letter_is_a_drug_only_where_a_regimen_is_written(nlp):
    # With "trastuzumab (T)" defined, "T stage", "grade T", "T1", "arm T" and a lower-case "t"
    # are no mentions; "with T" is.
    text = (
        "Trastuzumab after surgery\n\n"
        "Patients received trastuzumab (T) after surgery. T stage and T1 tumours were recorded "
        "by grade T and in arm T; t was the time. The 3-year DFS rate was 90% with T."
    )
    mentions = [m for m in extract_text(nlp, text).mentions if m.text in ("T", "t")]
    assert [text[m.start - 5 : m.end] for m in mentions] == ["with T"]


def test_a_letter_that_is_not_the_drug_initial_defines_nothing(nlp):
    # "(A)" after "trastuzumab" is an enumeration label, not a short form of it.
    text = (
        "Trastuzumab\n\n"
        "Patients received trastuzumab (A) or observation (B). The 3-year DFS rate was 90% "
        "with A and 85% with B."
    )
    assert not [m for m in extract_text(nlp, text).mentions if m.text in ("A", "B")]


TRYPHAENA = (
    "Pertuzumab plus trastuzumab with neoadjuvant chemotherapy (TRYPHAENA)\n\n"
    "Patients were randomized 1:1:1 to six neoadjuvant cycles q3w (arm A: 5-fluorouracil, "
    "epirubicin, cyclophosphamide [FEC] plus trastuzumab and pertuzumab x3, then docetaxel plus "
    "trastuzumab and pertuzumab x3; arm B: FEC x3 followed by docetaxel plus trastuzumab and "
    "pertuzumab x3; arm C: docetaxel, carboplatin and trastuzumab [TCH] plus pertuzumab x6). "
    "During neoadjuvant treatment, symptomatic left ventricular systolic dysfunction occurred "
    "in 0%, 2.7%, and 0% of patients in arms A, B and C, respectively. Pathologic complete "
    "response (ypT0/is) was reported for 61.6%, 57.3%, and 66.2% of patients in arms A, B, "
    "and C, respectively."
)


def test_arms_labelled_by_letter_in_the_design_resolve_in_a_listed_reference(nlp):
    assert [r[2:] for r in rows_of(nlp, TRYPHAENA, ARM_ROW)] == [
        (0.0, FEC_THP),
        (2.7, FEC_THP),
        (0.0, TCHP),
        (61.6, FEC_THP),
        (57.3, FEC_THP),
        (66.2, TCHP),
    ]


def test_a_letter_list_without_lettered_arms_in_the_design_names_no_arm(nlp):
    # No "arm A: ..." in the design: "in arms A, B and C" cannot be resolved.
    text = (
        "Pertuzumab with chemotherapy\n\n"
        "Patients were randomized to docetaxel plus trastuzumab or docetaxel plus trastuzumab "
        "and pertuzumab. Pathologic complete response was reported for 61.6%, 57.3%, and "
        "66.2% of patients in arms A, B and C, respectively."
    )
    assert [r[3] for r in rows_of(nlp, text, ARM_ROW)] == [None, None, None]


def test_a_single_arm_label_is_no_lettered_design(nlp):
    # One "cohort A: ..." is a cohort description, not a design of lettered arms: the
    # registry stays as the regimens define it.
    text = (
        "Tucatinib cohorts\n\n"
        "Patients were enrolled in cohort A: tucatinib plus trastuzumab. The objective "
        "response rate was 38% with tucatinib plus trastuzumab."
    )
    assert [r[3] for r in rows_of(nlp, text, ARM_ROW)] == ["trastuzumab+tucatinib"]


@pytest.mark.parametrize("gap", ["→", " → "])
def test_an_arrow_joins_a_sequence_like_then(gap):
    assert gap_kind(gap) == "strong"
