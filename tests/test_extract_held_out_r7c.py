"""Held-out round 7 (c): lapatinib/neratinib trials and supportive-care / cardiac-safety studies
(EGF104900 final OS, ExteNET final OS, NSABP FB-7, I-SPY 2 neratinib, SAFE-HEaRt), each checking
one reading that went wrong on them: a compared pair after a sentence that compares the arms in
prose with a statistics bracket between, an absolute gain read as a rate, an "and/or" design
title read as two arms, a cut-off "to 35% or lower" and a share "without cardiac events" read as
incidences, a control arm named before the bracket holding its regimen, a count "assigned to" a
part of a defined arm read as a new arm, and a Bayesian probability interval."""

from __future__ import annotations

from extract_helpers import ARM_ROW, registry_of, rows_of

TITLE = "Title\n\n"

# EGF104900 final OS (Blackwell, JCO 2012), methods and results
EGF104900 = (
    "Patients with HER2-positive metastatic breast cancer were randomly assigned to receive "
    "lapatinib alone (n = 148) or lapatinib in combination with trastuzumab (n = 148). "
    "In the intent-to-treat population, the combination of lapatinib plus trastuzumab continued "
    "to show superiority to lapatinib alone for PFS (hazard ratio [HR], 0.74; 95% CI, 0.58 to "
    "0.94; P = .011) and demonstrated a significant OS advantage (HR, 0.74; 95% CI, 0.57 to 0.97; "
    "P = .026), with a 4.5-month median OS advantage (14 v 9.5 months). Improved absolute OS "
    "rates were seen in the combination arm, with an absolute 10% improvement in OS at 6 months "
    "(80% v 70%) and 15% improvement at 12 months (56% v 41%)."
)
# ExteNET final OS (Holmes, Clin Breast Cancer 2023), results
EXTENET_OS = (
    "Patients were randomly assigned to neratinib 240 mg/d (n=1420) or placebo (n=1420) for 1 "
    "year. In the hormone receptor-positive, ≤1-year population, the 8-year OS was 91.5% with "
    "neratinib versus 89.4% with placebo (HR=0.79, 95% CI: 0.55-1.13), an absolute benefit of "
    "2.1%."
)
# NSABP FB-7 (conference abstract), title and methods
FB7 = (
    "NSABP FB-7: a phase II randomized neoadjuvant trial with paclitaxel + trastuzumab and/or "
    "neratinib followed by chemotherapy in HER2+ breast cancer\n\nMethods: Women were randomized "
    "to weekly paclitaxel plus trastuzumab (arm 1), paclitaxel plus neratinib (arm 2), or "
    "paclitaxel plus trastuzumab and neratinib (arm 3) for 16 weeks."
)
# I-SPY 2 neratinib (Park, NEJM 2016), methods and results
ISPY2 = (
    "Women with stage II or III breast cancer were adaptively randomly assigned to receive "
    "paclitaxel plus neratinib or control therapy (paclitaxel plus trastuzumab in HER2-positive "
    "disease) for 12 weeks. A total of 115 patients were assigned to neratinib and 78 to "
    "control. The mean estimated rate of pCR was 56% (95% Bayesian probability interval, 37 to "
    "73) in the neratinib group versus 33% (95% probability interval, 11 to 54) in the control "
    "group."
)
# SAFE-HEaRt (Lynce, Breast Cancer Res Treat 2019), results
SAFE_HEART = (
    "Thirty-one patients receiving trastuzumab were enrolled, and 30 were evaluable. "
    "Twenty-seven patients (90%) completed the planned HER2-targeted therapy without cardiac "
    "events. Two patients (6.7%) developed symptomatic heart failure, and one (3.3%) had an "
    "asymptomatic decline in LVEF to 35% or lower."
)


# --- arms: a pair after arms compared in prose, past a statistics bracket -------------------------


def test_pair_after_prose_comparison_past_a_stats_bracket_follows_the_prose_order(nlp):
    got = [(v, a) for e, m, v, a in rows_of(nlp, TITLE + EGF104900, ARM_ROW) if m == "median"]
    assert got == [(14.0, "lapatinib+trastuzumab"), (9.5, "lapatinib")]


def test_a_semicolon_outside_brackets_still_ends_the_comparison(nlp):
    # the ";" after the bracket ends the clause: the pair takes the design's order
    text = (
        "Patients were randomly assigned to receive lapatinib alone or lapatinib plus "
        "trastuzumab. The combination showed superiority to lapatinib alone for PFS (HR, 0.74; "
        "P = .011); median OS was 9.5 v 14 months."
    )
    got = [(v, a) for e, m, v, a in rows_of(nlp, TITLE + text, ARM_ROW) if m == "median"]
    assert got == [(9.5, "lapatinib"), (14.0, "lapatinib+trastuzumab")]


# --- outcomes: an absolute gain is no rate --------------------------------------------------------


def test_absolute_gain_is_not_a_rate(nlp):
    got = [(v, a) for e, m, v, a in rows_of(nlp, TITLE + EGF104900, ARM_ROW) if m == "rate"]
    assert got == [(80.0, "lapatinib+trastuzumab"), (70.0, "lapatinib"),
                   (56.0, "lapatinib+trastuzumab"), (41.0, "lapatinib")]  # fmt: skip


def test_absolute_benefit_of_is_not_a_rate(nlp):
    got = [v for e, m, v, a in rows_of(nlp, TITLE + EXTENET_OS, ARM_ROW) if m == "rate"]
    assert got == [91.5, 89.4]


def test_a_rate_before_an_improvement_clause_stays(nlp):
    text = "The 5-year OS rate was 85%, an improvement over the historical 70% rate."
    assert ("OS", "rate", 85.0, None) in rows_of(nlp, TITLE + text, ARM_ROW)


# --- arms: an "and/or" design defines no arms -------------------------------------------------------


def test_and_or_title_defines_no_arm(nlp):
    arms = sorted(a.name for a in registry_of(nlp, FB7).arms)
    assert arms == ["neratinib+paclitaxel", "neratinib+paclitaxel+trastuzumab",
                    "paclitaxel+trastuzumab"]  # fmt: skip


def test_or_design_still_defines_arms(nlp):
    text = "Title\n\nPatients were randomized to paclitaxel + trastuzumab or neratinib."
    arms = sorted(a.name for a in registry_of(nlp, text).arms)
    assert arms == ["neratinib", "paclitaxel+trastuzumab"]


# --- arms: a control arm's regimen in the bracket after its name -----------------------------------


def test_control_name_bracket_defines_the_control_arm(nlp):
    reg = registry_of(nlp, TITLE + ISPY2)
    assert [a.name for a in reg.arms] == ["neratinib+paclitaxel", "paclitaxel+trastuzumab"]
    assert reg.by_label("control") == "paclitaxel+trastuzumab"


def test_counted_assignment_to_part_of_an_arm_defines_no_arm(nlp):
    reg = registry_of(nlp, TITLE + ISPY2)
    assert "neratinib" not in [a.name for a in reg.arms]


def test_counted_assignment_to_a_new_regimen_still_defines_one(nlp):
    # "assigned to B" where no defined arm holds B is an arm of its own
    text = (
        "Title\n\nPatients were randomly assigned to receive lapatinib. "
        "A total of 115 patients were assigned to neratinib and 78 to lapatinib."
    )
    assert "neratinib" in [a.name for a in registry_of(nlp, text).arms]


# --- numbers: a Bayesian probability interval is a CI -----------------------------------------------


def test_probability_interval_is_a_ci_and_its_level_no_rate(extract):
    got = [(o.value, o.ci_low, o.ci_high, o.arm) for o in extract(TITLE + ISPY2).outcomes]
    assert got == [
        (56.0, 37.0, 73.0, "neratinib+paclitaxel"),
        (33.0, 11.0, 54.0, "paclitaxel+trastuzumab"),
    ]


# --- outcomes: cut-offs and shares free of an event -------------------------------------------------


def test_threshold_or_lower_and_share_without_events_are_no_incidences(nlp):
    assert rows_of(nlp, TITLE + SAFE_HEART, ARM_ROW) == [
        ("AE", "incidence", 6.7, None),
        ("AE", "incidence", 3.3, None),
    ]


def test_share_with_events_is_an_incidence(nlp):
    text = "Twenty-seven patients (90%) completed therapy, and 3 (10%) had cardiac events."
    assert ("AE", "incidence", 10.0, None) in rows_of(nlp, TITLE + text, ARM_ROW)
