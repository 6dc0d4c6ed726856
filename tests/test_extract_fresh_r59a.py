"""Round 59a, labels and phases: invented abstracts whose values went to the wrong arm. A P in a
bracket said of "both" comparisons after two end points listed over two groups went to none of
the rates; a phase after lettered arms ("(arm C) for 12 weeks, followed by three cycles of FEC")
became an arm of its own, so "in all three arms" counted four arms; "86% with shorter
trastuzumab" in a pooled analysis of durations named no arm. Group labels written before their
bracketed regimen ("the study group (A plus B)") already resolved; they are pinned here."""

from __future__ import annotations

from extract_helpers import P_ROW, arm_of, arms_with, rows_of

STUDY_GROUP = (
    "Pyrotinib plus capecitabine in HER2-positive metastatic breast cancer\n\n"
    "Methods: Patients were randomly assigned to the study group (pyrotinib plus capecitabine) "
    "or the control group (capecitabine alone). Results: The ORR was 68.2% in the study group "
    "and 40.1% in the control group (P<0.001)."
)

EXPERIMENTAL_GROUP = (
    "Pyrotinib plus capecitabine in HER2-positive metastatic breast cancer\n\n"
    "Methods: A total of 118 patients were randomized into an experimental group (pyrotinib "
    "combined with capecitabine, n=60) and a control group (capecitabine, n=58). Results: The "
    "ORR was 68.2% and 40.1% in the two groups, respectively (P<0.001)."
)

BOTH_P = (
    "Pyrotinib plus capecitabine in HER2-positive metastatic breast cancer\n\n"
    "Methods: Patients were randomly assigned to the study group (pyrotinib plus capecitabine) "
    "or the control group (capecitabine alone). Results: The ORR was 68% and 40%, and the DCR "
    "was 85% and 70% in the two groups, respectively (both P<0.05)."
)

LETTERED_PHASE = (
    "Neoadjuvant lapatinib, trastuzumab or both in HER2-positive breast cancer\n\n"
    "Methods: Patients were randomised to lapatinib (arm A), trastuzumab (arm B) or lapatinib "
    "plus trastuzumab (arm C) for 12 weeks, followed by three cycles of FEC. Results: The pCR "
    "rate was 25%, 30% and 51% in arms A, B and C, respectively. Grade 3 diarrhoea occurred in "
    "2% of patients in all three arms."
)

FEC = "cyclophosphamide+epirubicin+fluorouracil"


def test_study_group_label_before_bracket(nlp):
    """ "the study group (A plus B) or the control group (B alone)": results by label."""
    rows = rows_of(nlp, STUDY_GROUP, P_ROW)
    assert arm_of(rows, 68.2) == "capecitabine+pyrotinib"
    assert arm_of(rows, 40.1) == "capecitabine"


def test_experimental_group_label_before_counted_bracket(nlp):
    """ "an experimental group (A combined with B, n=60)": "the two groups, respectively"."""
    rows = rows_of(nlp, EXPERIMENTAL_GROUP, P_ROW)
    assert arm_of(rows, 68.2) == "capecitabine+pyrotinib"
    assert arm_of(rows, 40.1) == "capecitabine"
    assert {r.p for r in rows} == {"<0.001"}


def test_both_p_after_two_end_points_by_two_groups(nlp):
    """ "(both P<0.05)" after ORR and DCR each compared over two groups: every rate has it."""
    rows = rows_of(nlp, BOTH_P, P_ROW)
    assert [(r.endpoint, r.value, r.p) for r in rows] == [
        ("ORR", 68.0, "<0.05"),
        ("ORR", 40.0, "<0.05"),
        ("DCR", 85.0, "<0.05"),
        ("DCR", 70.0, "<0.05"),
    ]


def test_p_for_both_after_the_list(nlp):
    """ "(P<0.001 for both)": the same P said after the value."""
    text = BOTH_P.replace("(both P<0.05)", "(P<0.001 for both)")
    assert {r.p for r in rows_of(nlp, text, P_ROW)} == {"<0.001"}


def test_single_p_after_two_end_points_stays_unshared(nlp):
    """Negative: a bare "(P<0.05)" after two compared end points is not said of both."""
    text = BOTH_P.replace("(both P<0.05)", "(P<0.05)")
    rows = rows_of(nlp, text, P_ROW)
    assert [r.p for r in rows if r.endpoint == "ORR"] == [None, None]


def test_phase_after_lettered_arms_joins_each_arm(nlp):
    """ "A (arm A), B (arm B) or A plus B (arm C) for 12 weeks, followed by FEC": FEC follows
    every arm, not a fourth arm."""
    rows = rows_of(nlp, LETTERED_PHASE, P_ROW)
    assert arm_of(rows, 25.0) == f"{FEC}+lapatinib"
    assert arm_of(rows, 30.0) == f"{FEC}+trastuzumab"
    assert arm_of(rows, 51.0) == f"{FEC}+lapatinib+trastuzumab"


def test_all_three_arms_after_a_lettered_phase(nlp):
    """ "in all three arms" then gives one row per arm."""
    rows = rows_of(nlp, LETTERED_PHASE, P_ROW)
    assert sorted(arms_with(rows, 2.0)) == [
        f"{FEC}+lapatinib",
        f"{FEC}+lapatinib+trastuzumab",
        f"{FEC}+trastuzumab",
    ]


def test_phase_in_both_arms_after_lettered_arms(nlp):
    """ "(arm B) for 12 weeks, followed by four cycles of EC in both arms": EC joins each arm,
    as "followed in both arms by" does."""
    text = (
        "Neoadjuvant trastuzumab or lapatinib with paclitaxel\n\n"
        "Methods: Patients were randomised to trastuzumab plus paclitaxel (arm A) or lapatinib "
        "plus paclitaxel (arm B) for 12 weeks, followed by four cycles of epirubicin plus "
        "cyclophosphamide in both arms. Results: The pCR rate was 45% in arm A and 30% in arm B "
        "(P=0.01)."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 45.0) == "cyclophosphamide+epirubicin+paclitaxel+trastuzumab"
    assert arm_of(rows, 30.0) == "cyclophosphamide+epirubicin+lapatinib+paclitaxel"


def test_phase_after_one_labelled_regimen_is_no_option_list(nlp):
    """Negative: a label bracket closing a sequence with no "or" list before it joins nothing
    new: "AC (arm A), followed by paclitaxel" is arm A's own course."""
    text = (
        "Adjuvant chemotherapy with trastuzumab\n\n"
        "Methods: Patients were randomly assigned to doxorubicin plus cyclophosphamide followed "
        "by paclitaxel (arm A) or doxorubicin plus cyclophosphamide followed by paclitaxel plus "
        "trastuzumab (arm B). Results: The 3-year DFS rate was 75% in arm A and 87% in arm B."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 75.0) == "cyclophosphamide+doxorubicin+paclitaxel"
    assert arm_of(rows, 87.0) == "cyclophosphamide+doxorubicin+paclitaxel+trastuzumab"


def test_shorter_duration_names_the_regimen(nlp):
    """ "86.1% with shorter trastuzumab": a duration group of a pooled analysis carries the
    regimen string, as "with 6-month trastuzumab" does."""
    text = (
        "Shorter versus standard trastuzumab: a meta-analysis\n\n"
        "A meta-analysis of trials comparing shorter durations with the standard 12 months of "
        "adjuvant trastuzumab. The 5-year DFS was 86.1% with shorter trastuzumab and 87.9% with "
        "the standard duration."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 86.1) == "trastuzumab"
    assert arm_of(rows, 87.9) == "trastuzumab"


def test_shorter_follow_up_is_no_group(nlp):
    """Negative: "with shorter follow-up" names no regimen, so the rate keeps no arm."""
    text = (
        "Pertuzumab in HER2-positive breast cancer\n\n"
        "Patients were randomly assigned to pertuzumab plus trastuzumab or trastuzumab alone. "
        "The 3-year DFS rate was 90% with shorter follow-up."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 90.0) is None
