"""Fresh round 69a, arms in long Methods sentences. Dose arms of one regimen lost the last of
three values after "the reduced-dose group and" (the change word "reduced" read as a relative
change), and a "respectively" list after a comma-joined list of groups ("41% in the full-dose
arm, 38% in the low-dose arm and ...") had no arms. Duration arms whose timed drug follows a
comma (", with trastuzumab for 9 weeks (short arm) or for 12 months (long arm)") split the
regimen into two arms, and route adverbs closing a sequential design ("..., either
subcutaneously or intravenously") made no route arms."""

from __future__ import annotations

from extract_helpers import CI_ROW, arm_of, arms_with, registry_of, rows_of

XP = "capecitabine+pyrotinib"
TXH = "capecitabine+trastuzumab+tucatinib"
PCH = "carboplatin+paclitaxel+trastuzumab"
ECTHP = "cyclophosphamide+docetaxel+epirubicin+pertuzumab+trastuzumab"
ACTH = "cyclophosphamide+doxorubicin+paclitaxel+trastuzumab"

# --- 1. dose arms, each with a labelled bracket and a long schedule ---

DOSE_GROUPS = (
    "Pyrotinib dose strategies with capecitabine in HER2-positive metastatic breast cancer\n\n"
    "Methods: In this open-label phase 2 trial, patients were randomly assigned (1:1:1) to oral "
    "pyrotinib 400 mg once daily from day 1 (standard-dose group), pyrotinib 320 mg once daily "
    "(reduced-dose group), or pyrotinib 240 mg once daily escalated weekly to 400 mg "
    "(escalation group), each with capecitabine 1000 mg/m² twice daily on days 1–14 of every "
    "21-day cycle. Findings: Grade 3 diarrhoea occurred in 28·4% of patients in the "
    "standard-dose group, 17·6% in the reduced-dose group, and 11·3% in the escalation group. "
    "Any-grade diarrhoea was reported in 91·2%, 84·7% and 79·5% of patients, respectively. "
    "Median PFS was 9·7 months (95% CI 7·9–11·4) in the standard-dose group, 9·1 months "
    "(7·4–10·8) in the reduced-dose group and 9·5 months (7·6–11·0) in the escalation group."
)

DOSE_ARMS = (
    "Tucatinib dosing with trastuzumab and capecitabine\n\n"
    "Patients were randomised in a 1:1:1 ratio to receive tucatinib 300 mg orally twice daily "
    "(full-dose arm), tucatinib 200 mg orally twice daily (lower-dose arm) or tucatinib 150 mg "
    "twice daily titrated every two weeks up to 300 mg (titration arm), all combined with "
    "trastuzumab 6 mg/kg every 3 weeks and capecitabine 1000 mg/m² twice daily on days 1 to 14. "
    "The objective response rate was 41.2% in the full-dose arm, 38.5% in the lower-dose arm "
    "and 40.0% in the titration arm. Grade 3 or higher diarrhea was reported in 12.1%, 6.3% "
    "and 5.8% of patients, respectively."
)


def test_value_after_a_reduced_dose_group_is_still_a_median(nlp):
    """ "9.1 months (...) in the reduced-dose group and 9.5 months (...)": "reduced" names a
    group, so the third median stays, with its CI and the dose arms' regimen."""
    rows = rows_of(nlp, DOSE_GROUPS, CI_ROW)
    assert ("PFS", "median", 9.5, 7.6, 11.0, XP) in rows
    assert [r.value for r in rows if r.endpoint == "PFS"] == [9.7, 9.1, 9.5]


def test_value_after_a_lower_dose_arm_is_still_a_rate(nlp):
    """ "38.5% in the lower-dose arm and 40.0% in the titration arm": a rate too."""
    rows = rows_of(nlp, DOSE_ARMS)
    assert [arm_of(rows, v) for v in (41.2, 38.5, 40.0)] == [TXH, TXH, TXH]


def test_respectively_after_comma_listed_dose_groups(nlp):
    """A "respectively" list right after "A% in the X group, B% in the Y group, and C% in the
    Z group": each value is its group's, the dose arms' one regimen."""
    rows = rows_of(nlp, DOSE_GROUPS)
    assert [arm_of(rows, v, "AE") for v in (91.2, 84.7, 79.5)] == [XP, XP, XP]
    rows = rows_of(nlp, DOSE_ARMS)
    assert [arm_of(rows, v) for v in (12.1, 6.3, 5.8)] == [TXH, TXH, TXH]


def test_respectively_after_comma_listed_drug_arms(nlp):
    """The comma list orders arms of different regimens too."""
    text = (
        "Three HER2 tyrosine kinase inhibitors with capecitabine\n\n"
        "Patients were randomly assigned to pyrotinib (group A), lapatinib (group B) or "
        "neratinib (group C), each with capecitabine. The objective response rate was 60% in "
        "group A, 45% in group B and 50% in group C. Grade 3 diarrhoea occurred in 15%, 8% and "
        "20% of patients, respectively."
    )
    rows = rows_of(nlp, text)
    assert arm_of(rows, 15.0) == XP
    assert arm_of(rows, 8.0) == "capecitabine+lapatinib"
    assert arm_of(rows, 20.0) == "capecitabine+neratinib"


def test_relative_reduction_before_a_value_still_blocks_it(nlp):
    """Negative: "reduced" that is no group's name ("reduced the risk ... by 24%") still says
    the value after it is no rate of the end point."""
    text = (
        "Pertuzumab in early breast cancer\n\n"
        "Patients were randomly assigned to pertuzumab or placebo, each with trastuzumab. "
        "Pertuzumab reduced the risk of invasive disease recurrence by 19% in the pertuzumab "
        "group."
    )
    assert rows_of(nlp, text) == []


# --- 2. duration arms labelled after each duration, a chemotherapy backbone before them ---

DURATIONS_NO_COMMA = (
    "Six months versus one year of adjuvant trastuzumab with docetaxel and cyclophosphamide\n\n"
    "Patients were randomly assigned after surgery to four cycles of docetaxel and "
    "cyclophosphamide every 3 weeks with trastuzumab for 6 months (short group) or for 1 year "
    "(long group). 5-year DFS was 88·2% (95% CI 85·9–90·1) in the short group and 90·4% "
    "(88·3–92·2) in the long group. 5-year OS was 94·6% and 95·3%, respectively. Cardiac "
    "dysfunction occurred in 4·1% of patients in both groups."
)

DURATIONS_AFTER_COMMA = (
    "Nine weeks versus twelve months of trastuzumab with paclitaxel and carboplatin\n\n"
    "After surgery, women were randomised to six cycles of paclitaxel plus carboplatin given "
    "every three weeks, with trastuzumab for 9 weeks (short arm) or for 12 months (long arm). "
    "The 3-year disease-free survival was 89.0% in the short arm and 91.5% in the long arm. "
    "Heart failure occurred in 2.1% of patients in the short arm and 4.4% in the long arm. "
    "Neutropenia was reported in 30.0% of patients in both arms."
)


def test_duration_groups_after_a_backbone_hold_it(nlp):
    """ "four cycles of A and B every 3 weeks with C for 6 months (short group) or for 1 year
    (long group)": both groups (and "respectively", "both groups") are A+B+C."""
    rows = rows_of(nlp, DURATIONS_NO_COMMA)
    tc = "cyclophosphamide+docetaxel+trastuzumab"
    assert [arm_of(rows, v) for v in (88.2, 90.4, 94.6, 95.3)] == [tc] * 4
    assert arms_with(rows, 4.1) == [tc, tc]


def test_timed_partner_after_a_comma_joins_the_backbone(nlp):
    """ "A plus B given every three weeks, with C for 9 weeks (short arm) or for 12 months (long
    arm)": one regimen A+B+C in two duration arms, not A+B and C."""
    reg = registry_of(nlp, DURATIONS_AFTER_COMMA)
    assert [a.name for a in reg.arms] == [PCH]
    assert {"short", "long"} <= reg.arms[0].labels
    rows = rows_of(nlp, DURATIONS_AFTER_COMMA)
    assert [arm_of(rows, v) for v in (89.0, 91.5, 2.1, 4.4)] == [PCH] * 4
    assert arms_with(rows, 30.0) == [PCH, PCH]


def test_alternative_regimens_before_durations_stay_apart(nlp):
    """Negative: "A, or B with C for 6 months (short arm) or for 1 year (long arm)" names an
    alternative before the durations: no one merged regimen."""
    text = (
        "Docetaxel or paclitaxel with trastuzumab\n\n"
        "Patients were randomised to docetaxel, or paclitaxel with trastuzumab for 6 months "
        "(short arm) or for 1 year (long arm)."
    )
    names = {a.name for a in registry_of(nlp, text).arms}
    assert "docetaxel+paclitaxel+trastuzumab" not in names


# --- 3. route adverbs closing a sequential design ---

ROUTES_FDC = (
    "Subcutaneous or intravenous pertuzumab and trastuzumab with sequential chemotherapy\n\n"
    "Patients were randomly assigned (1:1) to receive 4 cycles of epirubicin and "
    "cyclophosphamide followed by 4 cycles of docetaxel with pertuzumab and trastuzumab given "
    "every 3 weeks from the start of docetaxel, either subcutaneously as a fixed-dose "
    "combination or intravenously. Total pCR was achieved by 61.2% of patients in the "
    "subcutaneous group and 59.8% in the intravenous group. Grade 3 or higher adverse events "
    "occurred in 40.2% and 38.0% of patients, respectively. Alopecia occurred in 60.0% of "
    "patients in both groups."
)

ROUTES_AFTER_COMMA = (
    "Route of trastuzumab administration with sequential chemotherapy\n\n"
    "Patients were randomised to receive four cycles of doxorubicin and cyclophosphamide "
    "followed by 12 weekly doses of paclitaxel, with trastuzumab given every 3 weeks, either "
    "subcutaneously or intravenously. The pCR rate was 45.4% in the subcutaneous arm and 44.1% "
    "in the intravenous arm. Grade 3 or higher neutropenia occurred in 22.0% and 21.5% of "
    "patients, respectively."
)


def test_route_adverbs_after_a_schedule_make_two_route_arms(nlp):
    """ "A followed by B with C and D given every 3 weeks from the start of B, either
    subcutaneously ... or intravenously": two route arms of the whole sequence."""
    reg = registry_of(nlp, ROUTES_FDC)
    assert [a.name for a in reg.arms] == [ECTHP, ECTHP]
    assert "subcutaneous" in reg.arms[0].labels
    assert "intravenous" in reg.arms[1].labels
    rows = rows_of(nlp, ROUTES_FDC)
    assert [arm_of(rows, v) for v in (61.2, 59.8, 40.2, 38.0)] == [ECTHP] * 4
    assert arms_with(rows, 60.0) == [ECTHP, ECTHP]


def test_route_adverbs_join_a_partner_cut_off_by_a_comma(nlp):
    """ "A followed by B, with C given every 3 weeks, either subcutaneously or intravenously":
    each route arm is A+B+C, not A+B and C."""
    rows = rows_of(nlp, ROUTES_AFTER_COMMA)
    assert [arm_of(rows, v) for v in (45.4, 44.1, 22.0, 21.5)] == [ACTH] * 4


def test_route_adverbs_outside_a_randomisation_make_no_arms(nlp):
    """Negative: a single-arm study giving its antibody by either route has no route arms."""
    text = (
        "Trastuzumab with sequential chemotherapy\n\n"
        "In this single-arm study, patients received four cycles of doxorubicin and "
        "cyclophosphamide followed by paclitaxel, with trastuzumab given every 3 weeks, either "
        "subcutaneously or intravenously. The pCR rate was 45.4%."
    )
    labels = set().union(*(a.labels for a in registry_of(nlp, text).arms))
    assert not labels & {"subcutaneous", "intravenous"}


def test_route_adverbs_after_compared_regimens_make_no_route_arms(nlp):
    """Negative: "A or B, each with C given every 3 weeks, either subcutaneously or
    intravenously" compares A and B; the routes make no arms of their own."""
    text = (
        "Docetaxel or paclitaxel with trastuzumab\n\n"
        "Patients were randomised to docetaxel or paclitaxel, each with trastuzumab given every "
        "3 weeks, either subcutaneously or intravenously."
    )
    names = [a.name for a in registry_of(nlp, text).arms]
    assert "docetaxel+paclitaxel+trastuzumab" not in names
