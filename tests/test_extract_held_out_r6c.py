"""Held-out round 6 (c): long-term updates, pooled analyses and real-world studies (CLEOPATRA
end-of-study, HER2CLIMB final OS, DESTINY-Breast03 OS, KATHERINE final analysis, the pooled
T-DXd ILD analysis, a real-world T-DXd cohort), each checking one reading that went wrong on
them: a value stated "in each group", a joined short form longer than twelve characters
("(TUC+Tras+Cape)"), adverse events named as the cause of a discontinuation, and a gain in a
median ("an extension in median OS of 5.5 months") read as a median."""

from __future__ import annotations

import pytest
from extract_helpers import ARM_ROW, rows_of

from her2mine.extract.components import _hits
from her2mine.extract.drugs.brackets import bracketed_shorts

TITLE = "Title\n\n"

# CLEOPATRA end-of-study analysis (Swain, Lancet Oncol 2020), findings
CLEOPATRA = (
    "Patients were randomly assigned (1:1) to receive pertuzumab or placebo, plus trastuzumab "
    "and docetaxel, every 3 weeks. 402 were assigned to the pertuzumab group and 406 to the "
    "placebo group. Median overall survival was 57·1 months (95% CI 50·0–72·0) in the "
    "pertuzumab group and 40·8 months (35·8–48·3) in the placebo group (hazard ratio 0·69, 95% "
    "CI 0·58–0·82). Symptomatic left ventricular systolic dysfunction occurred in 1% of "
    "patients in each group."
)
# HER2CLIMB final OS analysis (Curigliano, Ann Oncol 2022), results
HER2CLIMB_FINAL = (
    "Background: Tucatinib plus trastuzumab and capecitabine (TUC+Tras+Cape) improved survival. "
    "Patients and methods: A total of 612 patients were randomized 2 : 1 to receive tucatinib "
    "or placebo, in combination with trastuzumab and capecitabine. Results: At a median "
    "duration of follow-up of 29.6 months, the median OS was 24.7 months [95% confidence "
    "interval (CI) 21.6-28.9 months] in the TUC+Tras+Cape arm versus 19.2 months (95% CI "
    "16.4-21.4 months) in the Pbo+Tras+Cape arm [hazard ratio (HR) 0.73, 95% CI 0.59-0.90; "
    "P = 0.004]. Median PFS was 7.6 months with TUC+Tras+Cape versus 4.9 months with "
    "Pbo+Tras+Cape (HR 0.57, 95% CI 0.47-0.70; P < 0.00001)."
)
HER2CLIMB_SAFETY = (
    "Patients were randomized 2 : 1 to receive tucatinib or placebo, in combination with "
    "trastuzumab and capecitabine. Grade ≥3 diarrhea was reported in 13.1% of patients treated "
    "with tucatinib and 8.6% of those who received placebo; discontinuation of tucatinib or "
    "placebo due to adverse events occurred in 6.0% and 4.3%, respectively."
)
HER2CLIMB_CONCLUSION = (
    "Conclusions: Tucatinib plus trastuzumab and capecitabine maintained a clinically "
    "meaningful OS benefit, with an extension in median OS of 5.5 months."
)


# --- outcomes: a value stated "in each group" ----------------------------------------------------


def test_a_value_in_each_group_is_each_arms_value(nlp):
    got = [(e, v, a) for e, m, v, a in rows_of(nlp, TITLE + CLEOPATRA, ARM_ROW) if e == "AE"]
    assert got == [
        ("AE", 1.0, "docetaxel+pertuzumab+trastuzumab"),
        ("AE", 1.0, "docetaxel+trastuzumab"),
    ]


def test_each_group_of_a_single_arm_study_names_no_arm(nlp):
    text = (
        "All patients received trastuzumab deruxtecan. ILD occurred in 10% of patients in each "
        "cohort. Nausea occurred in 5% of patients in each group."
    )
    assert [a for *_, a in rows_of(nlp, TITLE + text, ARM_ROW)] == [None, None]


# --- drugs: a joined short form longer than twelve characters ------------------------------------


def test_a_long_joined_short_form_is_read(nlp):
    text = TITLE + "tucatinib plus trastuzumab and capecitabine (TUC+Tras+Cape)"
    assert (text.index("("), "TUC+Tras+Cape") in bracketed_shorts(text)


def test_a_long_joined_short_form_names_its_arm(nlp):
    got = [
        (e, m, v, a)
        for e, m, v, a in rows_of(nlp, TITLE + HER2CLIMB_FINAL, ARM_ROW)
        if m == "median"
    ]
    assert got == [
        ("OS", "median", 24.7, "capecitabine+trastuzumab+tucatinib"),
        ("OS", "median", 19.2, "capecitabine+trastuzumab"),
        ("PFS", "median", 7.6, "capecitabine+trastuzumab+tucatinib"),
        ("PFS", "median", 4.9, "capecitabine+trastuzumab"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # parts of more than six characters: no short form
        "Patients received (Tucatinib+Trastuzumab).",
        # no capital letter
        "Patients received (tuc+tras+cape+pbo).",
        # no "+": a parenthetical word list
        "Patients (treated-with-tucatinib) were included.",
    ],
)
def test_no_long_joined_short_form_without_its_shape(text):
    assert bracketed_shorts(text) == []


def test_a_placebo_part_of_a_joined_short_form_names_the_control_arm(nlp):
    state = nlp(TITLE + HER2CLIMB_FINAL)._.her2
    got = [(h.text, h.kind) for h in _hits(state, "drugs") if h.start > HER2CLIMB_FINAL.index("OS")]
    assert got[:4] == [
        ("TUC+Tras+Cape", "regimen"), ("Pbo", "placebo"), ("Tras", "drug"), ("Cape", "drug"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        # a part that starts none of the defined drugs' names
        "Tucatinib plus trastuzumab and capecitabine (TUC+Tras+Cape) was compared with Pbo+Tras+Xel.",
        # the definition's parts do not start its drugs' names
        "Tucatinib plus trastuzumab and capecitabine (ABC+Tras+Cape) was compared with Pbo+Tras+Cape.",
    ],
)
def test_no_part_mentions_without_a_part_wise_definition(nlp, text):
    state = nlp(TITLE + text)._.her2
    assert "Tras" not in [h.text for h in _hits(state, "drugs")]


# --- end points: adverse events named as the cause of a discontinuation --------------------------


def test_adverse_events_causing_a_discontinuation_are_no_ae_rate(nlp):
    got = [(e, v) for e, m, v, a in rows_of(nlp, TITLE + HER2CLIMB_SAFETY, ARM_ROW)]
    assert got == [("AE_G3", 13.1), ("AE_G3", 8.6)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the discontinuation ends its clause: the adverse event's own rate
        ("Treatment discontinuation was rare; neutropenia occurred in 12% of patients.",
         [("AE", 12.0)]),
        # "due to" with no end point outside the list before it
        ("Grade 3 or higher neutropenia due to docetaxel occurred in 12% of patients.",
         [("AE_G3", 12.0)]),
    ],
)  # fmt: skip
def test_an_adverse_event_not_named_as_a_cause_keeps_its_rate(nlp, text, expected):
    assert [(e, v) for e, m, v, a in rows_of(nlp, TITLE + text, ARM_ROW)] == expected


# --- end points: a gain in a median is no median -------------------------------------------------


def test_an_extension_in_median_os_is_no_median(nlp):
    assert rows_of(nlp, TITLE + HER2CLIMB_CONCLUSION, ARM_ROW) == []


def test_a_median_prolonged_by_is_no_median(nlp):
    text = "Tucatinib prolonged median PFS by 2.9 months (HR 0.54; 95% CI 0.42 to 0.71)."
    assert [(e, m, v) for e, m, v, a in rows_of(nlp, TITLE + text, ARM_ROW)] == [
        ("PFS", "HR", 0.54)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The median OS was 24.7 months with tucatinib.",
        # "improved" with no "by": the median it reached
        "Tucatinib improved median PFS to 7.8 months.",
    ],
)
def test_a_median_without_a_gain_stays_a_median(nlp, text):
    assert [m for e, m, v, a in rows_of(nlp, TITLE + text, ARM_ROW)] == ["median"]
