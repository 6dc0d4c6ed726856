"""Held-out round 7 (a): T-DM1 and pertuzumab trials outside the gold set (KAITLIN, TDM4450g,
the APHINITY 6-year update, PERUSE), each checking one reading that went wrong on them: a
sequence whose first regimen's short form is bracketed ("doxorubicin plus cyclophosphamide (AC)
followed by ...") and a count range ("three to four cycles of") split the arm; compound short
forms of the design arms ("AC-KP", "AC-THP") name those arms; a hazard ratio printed with
counted deaths is an OS ratio; a grade >=3 qualifier does not reach "serious adverse events"
listed after other values; an "NE" median (not estimable) is a median as "NR" is; a bound
("exceeding 5 years", "below 1%") is not a reported value."""

from __future__ import annotations

from extract_helpers import only_row, outcomes_of, registry_of

from her2mine.extract.numbers import parse_values
from her2mine.extract.regimens import gap_kind

KAITLIN = (
    "Trastuzumab Emtansine Plus Pertuzumab Versus Taxane Plus Trastuzumab Plus Pertuzumab After "
    "Anthracycline for High-Risk HER2-Positive Early Breast Cancer: The Phase III KAITLIN Study\n\n"
    "METHODS Patients were randomly assigned 1:1 to three to four cycles of doxorubicin plus "
    "cyclophosphamide (AC) followed by 18 cycles of T-DM1 plus pertuzumab (AC-KP) or three to "
    "four cycles of AC followed by three to four cycles of taxane plus 18 cycles of trastuzumab "
    "plus pertuzumab (AC-THP).\n"
    "RESULTS Three-year IDFS was 94.1% with AC-KP and 94.2% with AC-THP in the node-positive "
    "population. Grade 3 or higher adverse events occurred in 55.4% of patients in the AC-KP "
    "arm and 51.8% in the AC-THP arm."
)
AC_KP = "cyclophosphamide+doxorubicin+pertuzumab+trastuzumab emtansine"
AC_THP = "cyclophosphamide+doxorubicin+pertuzumab+trastuzumab"

APHINITY = (
    "Adjuvant Pertuzumab and Trastuzumab in Early HER2-Positive Breast Cancer in the APHINITY "
    "Trial: 6 Years' Follow-Up\n\n"
    "METHODS Patients (N = 4,805) were randomly assigned to receive chemotherapy plus 1 year of "
    "pertuzumab plus trastuzumab (pertuzumab arm) or placebo plus trastuzumab (placebo arm).\n"
    "RESULTS After a median follow-up of 74.1 months, there were 125 deaths (5.2%) in the "
    "pertuzumab arm and 147 (6.1%) in the placebo arm (hazard ratio [HR], 0.85; 95% CI, 0.67 to "
    "1.07; P = .170). Six-year OS was 94.8% in the pertuzumab arm and 93.9% in the placebo arm. "
    "Primary cardiac events remained below 1% in both arms."
)

TDM4450G = (
    "Randomized phase II study of trastuzumab emtansine versus trastuzumab plus docetaxel in "
    "patients with HER2-positive metastatic breast cancer\n\n"
    "Patients and Methods: Patients (n=137) were randomized 1:1 to T-DM1 3.6 mg/kg every 3 weeks "
    "or trastuzumab plus docetaxel (HT).\n"
    "Results: Median PFS was 9.2 mo with HT and 14.2 mo with T-DM1 (HR=0.59; 95% CI: "
    "0.36-0.97). Median duration of response was 9.5 mo with HT and NE with T-DM1. T-DM1 had a "
    "favorable safety profile versus HT, with fewer grade >=3 adverse events (46.4% vs 90.9%), "
    "serious adverse events (20.3% vs 25.8%), and adverse events leading to treatment "
    "discontinuation (7.2% vs 40.9%)."
)

PERUSE = (
    "Final overall survival analysis from the phase IIIb PERUSE study of pertuzumab, trastuzumab "
    "and taxane\n\n"
    "Results: Median overall survival was 65.3 months (95% CI 60.9-70.9).\n"
    "Conclusions: Final results from PERUSE show median overall survival exceeding 5 years."
)


# --- KAITLIN: a bracketed short form and a count range inside a sequence ---------------------


def test_count_range_is_a_schedule():
    assert gap_kind(" followed by three to four cycles of ") == "strong"
    assert gap_kind(" followed by 4-6 cycles of ") == "strong"


def test_count_range_does_not_join_alternatives():
    assert gap_kind(" or three to four cycles of ") is None


def test_sequence_across_bracketed_short_form_is_one_arm(nlp):
    arms = sorted(a.name for a in registry_of(nlp, KAITLIN).arms)
    assert arms == [AC_THP, AC_KP]


def test_short_form_bracket_in_a_list_is_not_joined(nlp):
    text = (
        "T\n\nPatients were randomly assigned to doxorubicin plus cyclophosphamide (AC), "
        "docetaxel plus trastuzumab, or paclitaxel."
    )
    arms = sorted(a.name for a in registry_of(nlp, text).arms)
    assert arms == ["cyclophosphamide+doxorubicin", "docetaxel+trastuzumab", "paclitaxel"]


def test_compound_short_forms_name_the_design_arms(nlp):
    rows = outcomes_of(nlp, KAITLIN)
    assert only_row(rows, 94.1).arm == AC_KP
    assert only_row(rows, 94.2).arm == AC_THP
    assert only_row(rows, 55.4).arm == AC_KP
    assert only_row(rows, 51.8).arm == AC_THP


def test_compound_short_form_of_two_arms_names_neither(nlp):
    text = (
        "T\n\nPatients were randomly assigned to AC followed by paclitaxel plus trastuzumab "
        "(AC-TH) or AC followed by docetaxel plus trastuzumab (AC-TH)."
    )
    reg = registry_of(nlp, text)
    assert reg.short_forms["AC-TH"].name is None


def test_undefined_compound_form_keeps_the_regimen_reading(nlp):
    # no bracket defines "AC-KP": its "AC" is in both arms and names neither
    text = KAITLIN.replace(" (AC-KP)", "").replace(" (AC-THP)", "")
    rows = outcomes_of(nlp, text)
    assert only_row(rows, 94.1).arm is None
    assert registry_of(nlp, text).short_forms == {}


# --- APHINITY: counted deaths with a hazard ratio; a bound -----------------------------------


def test_hazard_ratio_with_counted_deaths_is_os(nlp):
    hr = only_row(outcomes_of(nlp, APHINITY), 0.85, "HR")
    assert (hr.endpoint, hr.ci_low, hr.ci_high, hr.p) == ("OS", 0.67, 1.07, "0.170")


def test_death_counts_are_no_rates(nlp):
    values = {o.value for o in outcomes_of(nlp, APHINITY)}
    assert 5.2 not in values and 6.1 not in values


def test_deaths_of_one_cause_do_not_make_an_os_ratio(nlp):
    text = (
        "T\n\nPatients were randomly assigned to trastuzumab or observation.\n"
        "There were 12 deaths from breast cancer in the trastuzumab group (HR, 0.70; 95% CI, "
        "0.50 to 0.98)."
    )
    assert not [o for o in outcomes_of(nlp, text) if o.endpoint == "OS"]


def test_bound_below_is_no_value(nlp):
    values = {o.value for o in outcomes_of(nlp, APHINITY)}
    assert 1.0 not in values
    assert {94.8, 93.9} <= values


# --- TDM4450g: serious adverse events; NE medians ---------------------------------------------


def test_grade_qualifier_does_not_reach_serious_events_after_values(nlp):
    rows = outcomes_of(nlp, TDM4450G)
    assert only_row(rows, 46.4).endpoint == "AE_G3"
    assert only_row(rows, 20.3).endpoint == "AE"
    assert only_row(rows, 25.8).endpoint == "AE"


def test_serious_grade_qualifier_without_earlier_value_still_applies(nlp):
    text = (
        "T\n\nPatients were randomly assigned to T-DM1 or trastuzumab plus docetaxel.\n"
        "Grade >=3 serious adverse events occurred in 12.5% with T-DM1 and 20.1% with "
        "trastuzumab plus docetaxel."
    )
    assert only_row(outcomes_of(nlp, text), 12.5).endpoint == "AE_G3"


def test_ne_median_is_a_median(nlp):
    rows = [o for o in outcomes_of(nlp, TDM4450G) if o.endpoint == "DOR"]
    assert [(o.value, o.arm) for o in rows] == [
        (9.5, "docetaxel+trastuzumab"),
        (None, "trastuzumab emtansine"),
    ]


def test_ne_inside_a_word_or_ci_is_no_value():
    text = "Median OS was 30.1 months (95% CI, 25.0-NE) in the NEfit group and NEO cohort."
    values = parse_values(text)
    assert [(v.kind, v.value) for v in values] == [("time", 30.1)]


# --- PERUSE: a bound on a median ----------------------------------------------------------------


def test_exceeding_bound_is_no_median(nlp):
    rows = outcomes_of(nlp, PERUSE)
    assert [(o.endpoint, o.value) for o in rows] == [("OS", 65.3)]


def test_more_than_bound_is_no_median(nlp):
    text = "T\n\nMedian overall survival was more than 5 years with trastuzumab."
    assert outcomes_of(nlp, text) == []
