"""Fresh round 86a: list orders. A list "among the three groups" took the order of the sentence
before it ("group C ... than groups A and B"), not the design's; an order of three groups where
two dose arms carry one regimen was stored as two distinct arms, so a later "respectively" run
of three values found no order; a comparison bracket after "respectively" ("(FTN v F: hazard
ratio ...)") was read as the one arm of the whole list; "surgical morbidity" was no end point."""

from __future__ import annotations

from extract_helpers import ARM_ROW, rows_of

TCBH = "carboplatin+docetaxel+trastuzumab"
TCBHP = "carboplatin+docetaxel+pertuzumab+trastuzumab"
TCBHPY = "carboplatin+docetaxel+pyrotinib+trastuzumab"

THREE_GROUPS = (
    "According to the regimen, patients were divided into group A (TCbH, n=60), group B (TCbH "
    "plus pertuzumab, n=81) and group C (TCbH plus pyrotinib 400 mg/d, n=73). The incidence of "
    "diarrhea in group C was significantly higher than that in groups A and B (87.7% vs 21.7% "
    "and 28.4%, P<0.001), and grade 3 diarrhea occurred in 17.8% of patients in group C. There "
    "was no significant difference in the incidence of grade ≥3 neutropenia {among} (35.0%, "
    "32.1% and 38.4%, P=0.732)."
)

HLX = "capecitabine+hlx22+oxaliplatin+trastuzumab"
XELOX_H = "capecitabine+oxaliplatin+trastuzumab"

DOSE_ARMS = (
    "Patients were randomly assigned 1:1:1 to receive HLX22 25 mg/kg, HLX22 15 mg/kg, or "
    "placebo, each given with trastuzumab and XELOX every 3 weeks. The ORR was 87.5% with HLX22 "
    "25 mg/kg, 83.3% with HLX22 15 mg/kg, and 70.8% with placebo. Grade ≥3 treatment-emergent "
    "adverse events occurred in 86.1%, 85.0%, and 79.2% of patients, respectively."
)

FTN = "fulvestrant+neratinib+trastuzumab"
FT = "fulvestrant+trastuzumab"

FTN_DESIGN = (
    "Patients were treated with neratinib, fulvestrant, and trastuzumab (FTN) in a single-arm "
    "cohort, or randomly assigned 1:1:1 to FTN, fulvestrant plus trastuzumab (FT), or "
    "fulvestrant alone (F). In the randomized cohort, the ORR was 30.0% with FTN, 0% with FT, "
    "and 0% with F, and the median PFS was 7.0, 4.1, and 3.7 months, respectively{after}."
)
FTN_BRACKET = " (FTN v F: hazard ratio, 0.48; 95% CI, 0.25 to 0.93; P = .027)"

SURGERY = (
    "Patients were randomly assigned to neoadjuvant docetaxel plus trastuzumab or docetaxel "
    "plus trastuzumab plus pertuzumab. {event} was 44% in both arms."
)


def test_list_among_the_three_groups_follows_the_design_order(nlp):
    """ "among the three groups (35.0%, 32.1% and 38.4%)": groups A, B, C of the design, not the
    previous sentence's "group C ... than groups A and B" order."""
    rows = rows_of(nlp, THREE_GROUPS.format(among="among the three groups"), ARM_ROW)
    got = [r.arm for r in rows if r.value in (35.0, 32.1, 38.4)]
    assert got == [TCBH, TCBHP, TCBHPY]


def test_list_across_all_groups_follows_the_design_order(nlp):
    """ "across all groups" with no count written is a list over every group too."""
    rows = rows_of(nlp, THREE_GROUPS.format(among="across all groups"), ARM_ROW)
    assert [r.arm for r in rows if r.value in (35.0, 32.1, 38.4)] == [TCBH, TCBHP, TCBHPY]


def test_the_previous_comparison_still_orders_its_own_list(nlp):
    """Negative: the "group C ... than groups A and B" list keeps its own order (C, A, B)."""
    rows = rows_of(nlp, THREE_GROUPS.format(among="among the three groups"), ARM_ROW)
    assert [r.arm for r in rows if r.value in (87.7, 21.7, 28.4)] == [TCBHPY, TCBH, TCBHP]


def test_a_count_other_than_the_designs_is_no_design_order(nlp):
    """Negative: "among the two groups" of a three-group design is no list over every group:
    the list (three values) is not given the design's order."""
    rows = rows_of(nlp, THREE_GROUPS.format(among="among the two groups"), ARM_ROW)
    assert [r.arm for r in rows if r.value in (35.0, 32.1, 38.4)] != [TCBH, TCBHP, TCBHPY]


def test_dose_arm_order_keeps_its_twins_for_a_later_run(nlp):
    """Two doses of HLX22 carry one regimen: the order "25 mg/kg, 15 mg/kg, placebo" keeps three
    groups, so the later "respectively" run of three values takes it."""
    rows = rows_of(nlp, DOSE_ARMS, ARM_ROW)
    assert [r.arm for r in rows if r.endpoint == "ORR"] == [HLX, HLX, XELOX_H]
    assert [r.arm for r in rows if r.endpoint == "AE_G3"] == [HLX, HLX, XELOX_H]


def test_comparison_bracket_after_respectively_names_no_arm(nlp):
    """ "7.0, 4.1, and 3.7 months, respectively (FTN v F: hazard ratio ...)": the bracket
    compares two arms; the run follows the FTN, FT, F order of the list before."""
    rows = rows_of(nlp, FTN_DESIGN.format(after=FTN_BRACKET), ARM_ROW)
    pfs = [r.arm for r in rows if r.endpoint == "PFS" and r.measure == "median"]
    assert pfs == [FTN, FT, "fulvestrant"]
    assert [r.arm for r in rows if r.measure == "HR"] == [None]


def test_one_arm_after_respectively_still_names_the_run(nlp):
    """Negative: a bracket naming one arm alone ("respectively (FTN arm)") still gives the whole
    run to that arm (``_runs_of_one_ref_after``)."""
    rows = rows_of(nlp, FTN_DESIGN.format(after=" (FTN arm)"), ARM_ROW)
    pfs = [r.arm for r in rows if r.endpoint == "PFS" and r.measure == "median"]
    assert pfs == [FTN, FTN, FTN]


def test_surgical_morbidity_is_an_adverse_event(nlp):
    """ "Surgical morbidity was 44% in both arms": one adverse-event incidence per arm."""
    for event in ("Surgical morbidity", "Surgical complications", "Postoperative complications"):
        rows = rows_of(nlp, SURGERY.format(event=event), ARM_ROW)
        assert sorted(rows) == [
            ("AE", "incidence", 44.0, "docetaxel+pertuzumab+trastuzumab"),
            ("AE", "incidence", 44.0, "docetaxel+trastuzumab"),
        ], event
