"""Held-out round 5 (c): brain-metastasis and CNS end-point studies (HER2CLIMB brain-metastases
analysis, TBCRC 022, TUXEDO-1, DEBBRAH, KAMILLA, LANDSCAPE), each checking one reading that went
wrong on them: a CNS qualifier before a general end point ("the risk of intracranial progression
or death", "the CNS ORR"), an OS hazard ratio after "the risk of death was reduced", a placebo
short form ("placebo (PBO)+T+C", "9% of PBO pts"), an end point's "was defined as" taking the
next sentence's drug as its definition, and a grade after the value ("had a grade 3 or 4
adverse event")."""

from __future__ import annotations

import pytest
from extract_helpers import ARM_ROW, rows_of

from her2mine.extract.components import _hits

TITLE = "Title\n\n"

# HER2CLIMB brain metastases (Lin, JCO 2020), results
HER2CLIMB_CNS = (
    "Patients were randomly assigned 2:1 to tucatinib or placebo in combination with trastuzumab "
    "and capecitabine. The risk of intracranial progression or death was reduced by 68% in the "
    "tucatinib arm (hazard ratio [HR], 0.32; 95% CI, 0.22 to 0.48; P < .0001). Median CNS-PFS "
    "was 9.9 months in the tucatinib arm versus 4.2 months in the control arm. The risk of death "
    "was reduced by 42% in the tucatinib arm (HR, 0.58; 95% CI, 0.40 to 0.85; P = .005). Median "
    "OS was 18.1 v 12.0 months."
)
# HER2CLIMB brain metastases, conference-abstract style
HER2CLIMB_ASCO = (
    "Background: In HER2CLIMB, tucatinib (TUC) added to trastuzumab (T) and capecitabine (C) "
    "improved PFS and OS. Methods: Pts were randomized 2:1 to TUC+T+C or placebo (PBO)+T+C. "
    "CNS-PFS was defined as time from randomization to intracranial progression or death. "
    "Results: Of 612 pts, 291 (48%) had BM at baseline (TUC arm, n=198; PBO arm, n=93). In pts "
    "with active BM, the confirmed intracranial ORR was 47.3% with TUC+T+C and 20.0% with "
    "PBO+T+C. Grade ≥3 diarrhea occurred in 13% of TUC pts and 9% of PBO pts."
)
# TBCRC 022 (Freedman, JCO 2019), results
TBCRC022 = (
    "Patients received neratinib 240 mg orally once per day plus capecitabine 750 mg/m2 twice "
    "daily. The CNS ORR was 49% (95% CI, 32% to 66%) in cohort 3A and 33% (95% CI, 10% to 65%) "
    "in cohort 3B. Median progression-free survival was 5.5 months in cohort 3A and 3.1 months "
    "in cohort 3B."
)
# LANDSCAPE (Bachelot, Lancet Oncol 2013), findings
LANDSCAPE_AES = (
    "Patients received lapatinib 1250 mg orally once daily and capecitabine 2000 mg/m² orally on "
    "days 1–14 of a 21-day cycle. 22 (49%) of 45 patients had a grade 3 or 4 treatment-related "
    "adverse event; the most frequent were diarrhoea (nine [20%]) and hand-foot syndrome (nine "
    "[20%])."
)


def placebo_texts(nlp, text):
    """The written form of each placebo mention the drug step finds (placebo is no output
    mention)."""
    return [h.text for h in _hits(nlp(TITLE + text)._.her2, "drugs") if h.kind == "placebo"]


# --- end points: a CNS qualifier makes the CNS end point ------------------------------------------


def test_risk_of_intracranial_progression_or_death_is_cns_pfs(nlp):
    got = [(e, m, v) for e, m, v, _ in rows_of(nlp, TITLE + HER2CLIMB_CNS, ARM_ROW)]
    assert ("CNS-PFS", "HR", 0.32) in got
    assert ("PFS", "HR", 0.32) not in got


def test_risk_of_cns_progression_or_death_in_a_conference_abstract(nlp):
    text = (
        "TUC+T+C reduced the risk of CNS progression or death by 68% compared with T+C (HR 0.32, "
        "95% CI 0.22-0.48, p<0.0001)."
    )
    assert rows_of(nlp, TITLE + text, ARM_ROW) == [("CNS-PFS", "HR", 0.32, None)]


def test_cns_orr_is_outside_the_contract(nlp):
    got = rows_of(nlp, TITLE + TBCRC022, ARM_ROW)
    assert [e for e, *_ in got] == ["PFS", "PFS"]
    assert 49.0 not in [v for *_, v, _ in got]


def test_intracranial_orr_abbreviation_is_outside_the_contract(nlp):
    got = rows_of(nlp, TITLE + HER2CLIMB_ASCO, ARM_ROW)
    assert 47.3 not in [v for *_, v, _ in got]
    assert 20.0 not in [v for *_, v, _ in got]


@pytest.mark.parametrize(
    ("text", "endpoint"),
    [
        # no qualifier: progression or death stays PFS
        ("The risk of progression or death was reduced by 30% (HR, 0.70; 95% CI, 0.55 to 0.89).",
         "PFS"),
        # "non-CNS" is not a CNS qualifier
        ("The risk of non-CNS progression or death was reduced (HR, 0.70; 95% CI, 0.55 to 0.89).",
         "PFS"),
        # "extracranial" is not "intracranial"
        ("The extracranial ORR was 35% (95% CI, 20% to 50%).", "ORR"),
    ],
)  # fmt: skip
def test_no_cns_qualifier_keeps_the_general_end_point(nlp, text, endpoint):
    assert [e for e, *_ in rows_of(nlp, TITLE + text, ARM_ROW)] == [endpoint]


# --- end points: "the risk of death" before a ratio ----------------------------------------------


def test_risk_of_death_ratio_is_os_not_the_previous_end_point(nlp):
    got = [(e, m, v) for e, m, v, _ in rows_of(nlp, TITLE + HER2CLIMB_CNS, ARM_ROW)]
    assert ("OS", "HR", 0.58) in got
    assert ("CNS-PFS", "HR", 0.58) not in got


def test_risk_of_death_in_a_conference_abstract(nlp):
    text = (
        "Median CNS-PFS was 9.9 mo vs 4.2 mo. Risk of death was reduced by 42% (HR 0.58, 95% CI "
        "0.40-0.85, p=0.005)."
    )
    assert [(e, m, v) for e, m, v, _ in rows_of(nlp, TITLE + text, ARM_ROW)][-1] == (
        "OS",
        "HR",
        0.58,
    )


@pytest.mark.parametrize(
    "text",
    [
        # "death or progression": not OS
        "Median PFS was 7.8 vs 5.6 months. The risk of death or progression was reduced by 46% "
        "(HR, 0.54; 95% CI, 0.42 to 0.70).",
        # an end point after the phrase names the ratio
        "The risk of death was lower, and PFS was longer (HR, 0.54; 95% CI, 0.42 to 0.70).",
    ],
)
def test_risk_of_death_does_not_claim_other_ratios(nlp, text):
    assert "OS" not in [e for e, m, *_ in rows_of(nlp, TITLE + text, ARM_ROW) if m == "HR"]


# --- drugs: a placebo short form -----------------------------------------------------------------


def test_a_placebo_short_form_names_the_placebo_group(nlp):
    got = [(e, v, a) for e, _, v, a in rows_of(nlp, TITLE + HER2CLIMB_ASCO, ARM_ROW)]
    assert got == [
        ("AE_G3", 13.0, "capecitabine+trastuzumab+tucatinib"),
        ("AE_G3", 9.0, "capecitabine+trastuzumab"),
    ]


def test_a_placebo_short_form_is_a_placebo_mention(nlp):
    assert placebo_texts(nlp, HER2CLIMB_ASCO) == ["placebo"] + ["PBO"] * 4


@pytest.mark.parametrize(
    "text",
    [
        # the bracket does not follow placebo
        "Patients were randomized to pertuzumab (PER) or placebo with trastuzumab. PER was well "
        "tolerated.",
        # the short form does not start with placebo's initial
        "Patients were randomized to lapatinib or placebo (LP) with trastuzumab. LP was stopped.",
    ],
)
def test_no_placebo_short_form_without_its_definition(nlp, text):
    assert placebo_texts(nlp, text) == ["placebo"]


# --- drugs: "X was defined as" takes its definition from its own sentence ------------------------


def test_an_end_point_defined_as_is_no_drug_short_form(extract):
    ext = extract(TITLE + HER2CLIMB_ASCO)
    assert "CNS-PFS" not in [m.text for m in ext.mentions if m.kind in ("drug", "regimen")]


def test_a_regimen_defined_as_in_its_sentence_still_defines(extract):
    text = "DxP was defined as docetaxel plus pertuzumab. Patients received DxP."
    ext = extract(TITLE + text)
    assert {m.canonical for m in ext.mentions if m.text == "DxP"} == {"docetaxel", "pertuzumab"}


# --- outcomes: a grade after the value ------------------------------------------------------------


def test_a_grade_after_the_value_makes_a_grade_3_rate(nlp):
    got = [(e, m, v) for e, m, v, _ in rows_of(nlp, TITLE + LANDSCAPE_AES, ARM_ROW)]
    assert got == [("AE_G3", "incidence", 49.0), ("AE_G3", "incidence", 20.0),
                   ("AE_G3", "incidence", 20.0)]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        # no grade: any-grade
        "22 (49%) of 45 patients had a treatment-related adverse event.",
        # an any-grade qualifier after the grade 3 one
        "22 (49%) of 45 patients had a grade 3 or any-grade adverse event.",
    ],
)
def test_no_grade_3_after_the_value_stays_any_grade(nlp, text):
    assert [e for e, *_ in rows_of(nlp, TITLE + text, ARM_ROW)] == ["AE"]
