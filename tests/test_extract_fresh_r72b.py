"""Round 72b: values and names left over from this session's reviews. "Grades 3 and 4 adverse
events" (the plural) was read as any grade; a bracket listing the arms after two values
("60% and 50% (arms A and B; P = 0.03)") gave the first value no arm and the second the first
arm; a P labelled after it with bare letters ("P = 0.02 (C vs A)") went to all three arms; a
follow-up written "1.3 years median follow-up" was read as a median; a dose intensity ("lower
dose intensity (85%)") as an adverse-event rate; "the NAME study  (CODE)" with two spaces or a
tab was never read; and the MDA-MB cell lines were listed by a form the code reader never sees
whole."""

from __future__ import annotations

from extract_helpers import P_ROW, arm_of, extract_text, rows_of, trials_in

DT = "docetaxel+trastuzumab"
PDT = "docetaxel+pertuzumab+trastuzumab"
PT = "paclitaxel+trastuzumab"
VT = "trastuzumab+vinorelbine"

SINGLE_ARM = "Docetaxel and trastuzumab\n\nPatients received docetaxel plus trastuzumab. "
TWO_ARMS = (
    "Pertuzumab with trastuzumab and docetaxel\n\n"
    "Patients were randomly assigned to trastuzumab plus docetaxel (arm A) or pertuzumab plus "
    "trastuzumab plus docetaxel (arm B). "
)
THREE_ARMS = (
    "Three regimens with trastuzumab\n\n"
    "Patients were randomly assigned to trastuzumab plus docetaxel (arm A), trastuzumab plus "
    "paclitaxel (arm B) or trastuzumab plus vinorelbine (arm C). "
    "The ORR was 48%, 52% and 61% in arms A, B and C, respectively"
)
ONE_OR_TWO_YEARS = (
    "Adjuvant trastuzumab for one or two years\n\n"
    "Patients were randomly assigned to 1 year of trastuzumab (group 1) or 2 years of "
    "trastuzumab (group 2). "
)


def _endpoints(nlp, text: str) -> dict[float, str]:
    return {o.value: o.endpoint for o in extract_text(nlp, text).outcomes}


# 1. "Grades 3 and 4": the plural grade is a grade qualifier too.


def test_plural_grades_3_and_4_grade_the_events(nlp):
    """ "Grades 3 and 4 toxicities" are grade >=3 events, as "Grade 3 and 4" are."""
    text = SINGLE_ARM + "Grades 3 and 4 toxicities were observed in 41% of patients."
    assert _endpoints(nlp, text) == {41.0: "AE_G3"}


def test_plural_grade_range_grades_a_named_event(nlp):
    """ "Grades 3–4 neutropenia" is grade >=3 neutropenia."""
    text = SINGLE_ARM + "Grades 3–4 neutropenia occurred in 30% of patients."
    assert _endpoints(nlp, text) == {30.0: "AE_G3"}


def test_plural_low_grades_stay_any_grade(nlp):
    """ "grades 1 and 2" events, after grade 3 ones, are of no grade >=3 (the plural low grade
    is the closer qualifier)."""
    text = (
        SINGLE_ARM + "Grade 3 diarrhoea occurred in 5% of patients, and grades 1 and 2 diarrhoea "
        "in 40%."
    )
    assert _endpoints(nlp, text) == {5.0: "AE_G3", 40.0: "AE"}


TDM1_OR_LC = (
    "Trastuzumab emtansine versus lapatinib plus capecitabine\n\n"
    "Patients were randomly assigned to trastuzumab emtansine or lapatinib plus capecitabine. "
)


def test_grades_listed_before_respectively_run_take_no_arms(nlp):
    """ "Grades 3 and 4 ... in 30% and 25%, respectively": the values are the grades', not the
    two arms'."""
    for event in ("Grades 3 and 4 adverse events", "Grade III and IV neutropenia"):
        text = TDM1_OR_LC + f"{event} occurred in 30% and 25% of patients, respectively."
        rows = rows_of(nlp, text, P_ROW)
        assert [(r.endpoint, r.arm) for r in rows] == [("AE_G3", None)] * 2, event


def test_one_grade_category_before_respectively_run_keeps_arms(nlp):
    """Negative: "Grade 3 or 4 adverse events" is one category: "respectively" pairs the arms."""
    text = TDM1_OR_LC + (
        "Grade 3 or 4 adverse events occurred in 30% and 25% of patients, respectively."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert [r.arm for r in rows] == ["trastuzumab emtansine", "capecitabine+lapatinib"]


# 2. A bracket listing the arms right after the values names them in order.


def test_arm_list_bracket_after_two_values_names_them_in_order(nlp):
    """ "60% and 50% (arms A and B; P = 0.03)": A's, then B's, the P on both."""
    rows = rows_of(
        nlp, TWO_ARMS + "The pCR rates were 60% and 50% (arms A and B; P = 0.03).", P_ROW
    )
    assert rows == [("pCR", "rate", 60.0, "0.03", DT), ("pCR", "rate", 50.0, "0.03", PDT)]


def test_arm_list_bracket_in_reverse_order(nlp):
    """ "(arm B and arm A; ...)": the first value is B's."""
    text = TWO_ARMS + "The ORR was 62% and 45% (arm B and arm A; P = 0.01)."
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 62.0) == PDT
    assert arm_of(rows, 45.0) == DT


def test_drug_named_group_list_bracket_names_the_values_in_order(nlp):
    """ "30% and 45% (lapatinib and trastuzumab groups; P = 0.01)": the lapatinib arm's first."""
    text = (
        "Lapatinib or trastuzumab\n\nPatients were randomly assigned to lapatinib plus "
        "paclitaxel or trastuzumab plus paclitaxel. The pCR rates were 30% and 45% (lapatinib "
        "and trastuzumab groups; P = 0.01)."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert [r.arm for r in rows] == ["lapatinib+paclitaxel", PT]


def test_arm_list_bracket_shorter_than_run_names_no_pair(nlp):
    """Negative: three values and a bracket naming two arms are not zipped."""
    text = THREE_ARMS.split(". The ORR")[0] + (
        ". The ORR was 48%, 52% and 61% (arms A and B; P = 0.03)."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert (arm_of(rows, 48.0), arm_of(rows, 52.0)) == (None, None)


# 3. A P labelled after it with the bare letters of two of three arms.


def test_letter_label_in_bracket_after_p_goes_to_that_pair(nlp):
    """ "..., respectively, P = 0.02 (C vs A)": the P is C's and A's only."""
    rows = rows_of(nlp, THREE_ARMS + ", P = 0.02 (C vs A).", P_ROW)
    assert [(r.value, r.p, r.arm) for r in rows] == [
        (48.0, "0.02", DT),
        (52.0, None, PT),
        (61.0, "0.02", VT),
    ]


def test_letter_label_after_p_in_its_bracket_goes_to_that_pair(nlp):
    """ "(P = 0.02 for C vs A)" and "(P = 0.02, C vs A)": the same pair."""
    for tail in (" (P = 0.02 for C vs A).", " (P = 0.02, C vs A)."):
        rows = rows_of(nlp, THREE_ARMS + tail, P_ROW)
        assert [r.p for r in rows] == ["0.02", None, "0.02"], tail


def test_unlabelled_p_after_three_rates_stays_shared(nlp):
    """Negative: "(P = 0.02)" with no label is the three rates' P."""
    rows = rows_of(nlp, THREE_ARMS + " (P = 0.02).", P_ROW)
    assert [r.p for r in rows] == ["0.02", "0.02", "0.02"]


# 4. A follow-up length after an HR is no median.


def test_years_median_follow_up_after_hr_is_no_median(nlp):
    """ "(HR 0.99, ...; group 2, 1.3 years median follow-up)": the HR only."""
    text = ONE_OR_TWO_YEARS + (
        "Disease-free survival did not differ between the groups (HR 0.99, 95% CI 0.85-1.14; "
        "group 2, 1.3 years median follow-up)."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert [(r.endpoint, r.measure, r.value) for r in rows] == [("DFS", "HR", 0.99)]


def test_months_possessive_follow_up_is_no_median(nlp):
    """ "14 months' follow-up" is how long patients were followed."""
    text = ONE_OR_TWO_YEARS + "Overall survival was similar (HR 0.95; 14 months' follow-up)."
    rows = rows_of(nlp, text, P_ROW)
    assert [r.measure for r in rows] == ["HR"]


def test_group_medians_before_hr_stay(nlp):
    """Negative: medians named with their groups are still read."""
    text = ONE_OR_TWO_YEARS + (
        "Median overall survival was 40.2 months in group 1 and 45.1 months in group 2 "
        "(HR 0.85; P = 0.04)."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert [(r.measure, r.value) for r in rows] == [
        ("median", 40.2),
        ("median", 45.1),
        ("HR", 0.85),
    ]


# 5. A dose intensity is no outcome.


def test_lower_dose_intensity_is_no_event_rate(nlp):
    """ "..., leading to a lower dose intensity (85%)": the 20% only."""
    text = SINGLE_ARM + (
        "Grade 3 neutropenia occurred in 20% of patients, leading to a lower dose intensity (85%)."
    )
    assert _endpoints(nlp, text) == {20.0: "AE_G3"}


def test_dose_intensity_reduced_to_is_no_event_rate(nlp):
    """ "... and reduced the dose intensity to 80%": no diarrhoea rate of 80%."""
    text = (
        SINGLE_ARM + "Diarrhoea occurred in 30% of patients and reduced the dose intensity to 80%."
    )
    assert _endpoints(nlp, text) == {30.0: "AE"}


def test_rate_after_dose_intensity_clause_stays(nlp):
    """Negative: an end point named after the dose intensity takes its own value."""
    text = SINGLE_ARM + (
        "The relative dose intensity was 92%, and neutropenia occurred in 25% of patients."
    )
    assert _endpoints(nlp, text) == {25.0: "AE"}


# 6. "the NAME study (CODE)" however the space before the bracket is written.


def test_protocol_after_named_noun_with_two_spaces_or_a_tab():
    """ "the SUMMIT study  (BO22589)", "study\\t(BO22589)": the protocol number is read."""
    for gap in ("  ", "\t", " "):
        text = f"In the SUMMIT study{gap}(BO22589), patients received neratinib."
        assert trials_in(text) == ["SUMMIT", "BO22589"], repr(gap)


def test_protocol_after_unnamed_noun_is_not_read():
    """Negative: "this study  (BO22589)" names no trial before the bracket."""
    assert "BO22589" not in trials_in("In this study  (BO22589), patients received neratinib.")


# 7. The MDA-MB cell lines.


def test_mda_mb_lines_in_every_writing_are_no_drugs(nlp):
    """ "MDA-MB-453 cells", "MB-453", "MDAMB361", "MB231": cell lines, not drug codes."""
    head = "Preclinical activity of trastuzumab\n\n"
    for body in (
        "Trastuzumab inhibited MDA-MB-453 cells and MDA-MB-361 xenografts but not MDA-MB-231.",
        "Trastuzumab was combined with MB-453 in mice.",
        "Trastuzumab was combined with MDAMB361 and MB231 in mice.",
    ):
        assert extract_text(nlp, head + body).drugs == ["trastuzumab"], body


def test_other_mb_code_is_still_a_drug_code(nlp):
    """Negative: "MB-232" is no MDA-MB line, so it stays a code."""
    text = "Trastuzumab with a new agent\n\nTrastuzumab was combined with MB-232 in patients."
    assert "mb-232" in extract_text(nlp, text).drugs
