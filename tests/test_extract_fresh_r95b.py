"""Fresh round 95b: a grade carried into the next clause. "Grade 3 or 4 congestive heart failure
occurred in 0.7%, 2.0%, and 0.4% ..., respectively, and a relative reduction of more than 10% in
the LVEF in 11.2%, ...", "the incidence of grade 3-4 neutropenia was 24.6% in the THP group and
21.0% in the TH group (P=0.38), and the incidences of diarrhoea were 41.5% and 19.3%" and
"Grade 3 or 4 adverse events occurred in 68% of patients in both groups, and cardiac adverse
events in 6% of patients in both groups" graded the second clause's event, which has no grade
of its own. Values "in both groups" of a two-arm design are one row per arm (gold README)."""

from __future__ import annotations

from extract_helpers import ARM_ROW, P_ROW, rows_of

BCIRG = (
    "Adjuvant trastuzumab in HER2-positive breast cancer\n\n"
    "Methods: We randomly assigned 3222 women with HER2-positive early-stage breast cancer to "
    "receive doxorubicin and cyclophosphamide followed by docetaxel every 3 weeks (AC-T), the "
    "same regimen plus 52 weeks of trastuzumab (AC-T plus trastuzumab), or docetaxel and "
    "carboplatin plus 52 weeks of trastuzumab (TCH).\n"
)
ACT = "cyclophosphamide+docetaxel+doxorubicin"
ACTH = "cyclophosphamide+docetaxel+doxorubicin+trastuzumab"
TCH = "carboplatin+docetaxel+trastuzumab"

THP = (
    "Pertuzumab plus trastuzumab and docetaxel versus trastuzumab and docetaxel in "
    "HER2-positive metastatic breast cancer\n\n"
    "Methods: Patients were randomly assigned to docetaxel, trastuzumab and pertuzumab (THP "
    "group) or docetaxel and trastuzumab (TH group).\n"
)
THP_ARM = "docetaxel+pertuzumab+trastuzumab"
TH_ARM = "docetaxel+trastuzumab"

GASTRIC = (
    "Trastuzumab plus cisplatin versus cisplatin in HER2-positive gastric cancer\n\n"
    "Methods: Patients were randomly assigned to cisplatin plus trastuzumab or cisplatin.\n"
)
CT_ARM = "cisplatin+trastuzumab"
C_ARM = "cisplatin"


def test_unlisted_event_after_respectively_and_is_any_grade(nlp):
    """ "..., respectively, and a relative reduction of more than 10% in the LVEF in 11.2%,
    18.6%, and 9.4%": the LVEF reduction has no grade: AE, arms in the same order."""
    text = BCIRG + (
        "Results: Grade 3 or 4 congestive heart failure occurred in 0.7%, 2.0%, and 0.4% of the "
        "patients in the AC-T, AC-T plus trastuzumab, and TCH groups, respectively, and a "
        "relative reduction of more than 10% in the left ventricular ejection fraction in "
        "11.2%, 18.6%, and 9.4%."
    )
    assert rows_of(nlp, text, ARM_ROW) == [
        ("AE_G3", "incidence", 0.7, ACT),
        ("AE_G3", "incidence", 2.0, ACTH),
        ("AE_G3", "incidence", 0.4, TCH),
        ("AE", "incidence", 11.2, ACT),
        ("AE", "incidence", 18.6, ACTH),
        ("AE", "incidence", 9.4, TCH),
    ]


def test_incidences_of_other_event_were_after_p_bracket(nlp):
    """ "..., 21.0% in the TH group (P=0.38), and the incidences of diarrhoea were 41.5% and
    19.3%, respectively (P<0.001)": diarrhoea is of any grade, with its own P."""
    text = THP + (
        "Results: The incidence of grade 3-4 neutropenia was 24.6% in the THP group and 21.0% "
        "in the TH group (P=0.38), and the incidences of diarrhoea were 41.5% and 19.3%, "
        "respectively (P<0.001)."
    )
    assert rows_of(nlp, text, P_ROW) == [
        ("AE_G3", "incidence", 24.6, "0.38", THP_ARM),
        ("AE_G3", "incidence", 21.0, "0.38", TH_ARM),
        ("AE", "incidence", 41.5, "<0.001", THP_ARM),
        ("AE", "incidence", 19.3, "<0.001", TH_ARM),
    ]


def test_rate_of_other_event_was_after_values(nlp):
    """ "..., respectively, and the rate of diarrhoea was 40% and 20%": any grade."""
    text = THP + (
        "Results: Grade 3 or higher neutropenia was reported in 30% and 25% of patients, "
        "respectively, and the rate of diarrhoea was 40% and 20%."
    )
    assert rows_of(nlp, text, ARM_ROW) == [
        ("AE_G3", "incidence", 30.0, THP_ARM),
        ("AE_G3", "incidence", 25.0, TH_ARM),
        ("AE", "incidence", 40.0, THP_ARM),
        ("AE", "incidence", 20.0, TH_ARM),
    ]


def test_cardiac_events_in_both_groups_are_any_grade_per_arm(nlp):
    """ "Grade 3 or 4 adverse events occurred in 68% of patients in both groups, and cardiac
    adverse events in 6% ...": 68 grade >=3 and 6 any grade, each one row per arm."""
    text = GASTRIC + (
        "Findings: The most common adverse events in both groups were nausea, vomiting, and "
        "neutropenia. Grade 3 or 4 adverse events occurred in 68% of patients in both groups, "
        "and cardiac adverse events in 6% of patients in both groups."
    )
    assert rows_of(nlp, text, ARM_ROW) == [
        ("AE_G3", "incidence", 68.0, CT_ARM),
        ("AE_G3", "incidence", 68.0, C_ARM),
        ("AE", "incidence", 6.0, CT_ARM),
        ("AE", "incidence", 6.0, C_ARM),
    ]


def test_continued_graded_list_keeps_its_grade(nlp):
    """Guard: "Grade 3 or 4 neutropenia occurred in 20%, thrombocytopenia in 10%, and anaemia
    in 5%" continues one graded list: every item stays grade >=3."""
    text = GASTRIC + (
        "Findings: Grade 3 or 4 neutropenia occurred in 20%, thrombocytopenia in 10%, and "
        "anaemia in 5% of patients."
    )
    assert [r[0] for r in rows_of(nlp, text, ARM_ROW)] == ["AE_G3"] * 3


def test_graded_bracket_list_and_plain_and_keep_their_grade(nlp):
    """Guard: "grade 3 or higher neutropenia (20% vs 10%) and febrile neutropenia (5% vs 2%)"
    and "Grade 3 or 4 neutropenia occurred in 40% and diarrhoea in 12%" (no ", and") keep the
    grade for the second event, as before."""
    text = GASTRIC + (
        "Findings: Grade 3 or higher neutropenia (20% vs 10%) and febrile neutropenia (5% vs "
        "2%) were reported. Grade 3 or 4 neutropenia occurred in 40% and diarrhoea in 12%."
    )
    assert [r[0] for r in rows_of(nlp, text, ARM_ROW)] == ["AE_G3"] * 6


def test_copula_list_and_same_event_in_other_group_keep_their_grade(nlp):
    """Guard: "grade 3 or higher adverse events were neutropenia, which occurred in 20%, and
    anaemia in 8%" lists the graded events; "..., and in 10% in the cisplatin group" is the same
    event's value for another group: both stay grade >=3."""
    text = GASTRIC + (
        "Findings: The most frequent grade 3 or higher adverse events were neutropenia, which "
        "occurred in 20%, and anaemia in 8%. Grade 3 diarrhoea occurred in 12% of patients in "
        "the cisplatin plus trastuzumab group, and in 4% in the cisplatin group."
    )
    assert [r[0] for r in rows_of(nlp, text, ARM_ROW)] == ["AE_G3"] * 4
