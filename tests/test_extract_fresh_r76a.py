"""Fresh round 76 (a): arms redefined by sentences that only name them. A Results enrolment count
("324 were assigned to HLX02 and 325 to EU-trastuzumab") defined a poorer arm without the
design's docetaxel; an investigator's-choice partner after the second alternative ("or
trastuzumab plus the investigator's choice of oxaliplatin or cisplatin") let the first regimen's
drug join it as a backbone; a Background "We compared 9 weeks with 1 year of trastuzumab" defined
a trastuzumab-only arm beside the duration design; a short form sharing a label's bracket
("trastuzumab emtansine (T-DM1; arm C)") hid the label; a day list in a conference schedule
("eribulin 1.4 mg/m2 d1,8 q3w + HP") cut the regimen at its comma."""

from __future__ import annotations

import pytest
from extract_helpers import ARM_ROW, arm_of, arms_of, registry_of, rows_of

DT = "docetaxel+trastuzumab"

# --- 1. an enrolment count names the design's arms --------------------------------------------

BIOSIMILAR = (
    "HLX02 versus trastuzumab with docetaxel in HER2-positive metastatic breast cancer\n\n"
    "Methods: Patients were randomised 1:1 to receive HLX02 or EU-trastuzumab (8 mg/kg loading "
    "dose, then 6 mg/kg every 3 weeks), each with docetaxel (75 mg/m2 every 3 weeks for up to "
    "eight cycles). The primary endpoint was ORR at week 24. Results: {count} ORR at week 24 was "
    "71.0% (95% CI 65.8–75.9) in the HLX02 arm and 71.4% (95% CI 66.1–76.2) in the "
    "EU-trastuzumab arm."
)


@pytest.mark.parametrize(
    "count",
    [
        "Of 649 randomised patients, 324 were assigned to HLX02 and 325 to EU-trastuzumab.",
        "Patients were assigned to HLX02 (n = 324) and to EU-trastuzumab (n = 325).",
    ],
)
def test_enrolment_count_defines_no_poorer_arm(nlp, count):
    """The count names the arms by their distinctive drug only: both stay docetaxel plus
    trastuzumab (HLX02 is a trastuzumab biosimilar), as without the count."""
    rows = rows_of(nlp, BIOSIMILAR.format(count=count), ARM_ROW)
    assert arm_of(rows, 71.0) == DT
    assert arm_of(rows, 71.4) == DT


def test_enrolment_count_keeps_placebo_design(nlp):
    """ "402 were assigned to pertuzumab and 406 to placebo" after "pertuzumab or placebo, each
    with trastuzumab and docetaxel": the groups keep the backbone."""
    text = (
        "Pertuzumab with trastuzumab and docetaxel\n\n"
        "Methods: Patients were randomly assigned to pertuzumab or placebo, each with trastuzumab "
        "and docetaxel. Results: Of 808 randomised patients, 402 were assigned to pertuzumab and "
        "406 to placebo. Median PFS was 18.5 months in the pertuzumab group and 12.4 months in "
        "the placebo group."
    )
    arms = arms_of(nlp, text)
    assert arms[18.5] == "docetaxel+pertuzumab+trastuzumab"
    assert arms[12.4] == DT


def test_counted_design_after_a_title_keeps_its_own_arms(nlp):
    """Negative: a title that only names the study randomised defines no design the counts
    restate; "lapatinib (n = 154)" in the randomisation itself is an arm of its own."""
    text = (
        "Lapatinib plus trastuzumab versus trastuzumab: a randomised trial\n\n"
        "Methods: Patients were randomly assigned to lapatinib (n = 154), trastuzumab (n = 149), "
        "or lapatinib plus trastuzumab (n = 152). Results: The pCR rate was 24.7% with "
        "lapatinib, 29.5% with trastuzumab and 51.3% with lapatinib plus trastuzumab."
    )
    arms = arms_of(nlp, text)
    assert arms[24.7] == "lapatinib"
    assert arms[29.5] == "trastuzumab"
    assert arms[51.3] == "lapatinib+trastuzumab"


# --- 2. an alternative with its own partner of choice takes no backbone -----------------------

DV = "disitamab vedotin+toripalimab"
DV_DESIGN = (
    "Disitamab vedotin plus toripalimab in HER2-positive gastric cancer\n\n"
    "Methods: We randomly assigned patients, in a 1:1 ratio, to receive disitamab vedotin plus "
    "toripalimab ({label}) or trastuzumab plus the investigator's choice of oxaliplatin or "
    "cisplatin with a fluoropyrimidine (trastuzumab group). Results: The median PFS was 11.4 "
    "months in the {group} and 7.1 months in the trastuzumab group."
)


@pytest.mark.parametrize(
    ("label", "group"),
    [
        ("disitamab vedotin group", "disitamab vedotin group"),
        ("DV group", "DV group"),
    ],
)
def test_alternative_with_chosen_partner_takes_no_backbone(nlp, label, group):
    """ "A plus B (label) or C plus the investigator's choice of X or Y": C is a regimen of its
    own; the chosen partners are left out of its arm (gold README)."""
    arms = arms_of(nlp, DV_DESIGN.format(label=label, group=group))
    assert arms[11.4] == DV
    assert arms[7.1] == "trastuzumab"


def test_single_alternative_still_takes_the_backbone(nlp):
    """Negative: "paclitaxel plus trastuzumab (trastuzumab group) or lapatinib (lapatinib
    group)": a bare alternative is still given with the paclitaxel backbone."""
    text = (
        "Paclitaxel with trastuzumab or lapatinib\n\n"
        "Methods: Patients were randomly assigned to paclitaxel plus trastuzumab (trastuzumab "
        "group) or lapatinib (lapatinib group). Results: The pCR rate was 52.1% in the "
        "trastuzumab group and 33.0% in the lapatinib group."
    )
    arms = arms_of(nlp, text)
    assert arms[52.1] == "paclitaxel+trastuzumab"
    assert arms[33.0] == "lapatinib+paclitaxel"


# --- 3. a background comparison of durations is the duration design ---------------------------

TC_H = "cyclophosphamide+docetaxel+trastuzumab"
SHORT_LONG = (
    "{title}\n\n"
    "Background: We compared 9 weeks with 1 year of trastuzumab{given}. Methods: Patients were "
    "randomly assigned (1:1) after surgery to four cycles of docetaxel (75 mg/m²) and "
    "cyclophosphamide (600 mg/m²) every 3 weeks with trastuzumab for 9 weeks (short group) or "
    "for 1 year (long group). Findings: 5-year DFS was 88·3% in the short group and 91·2% in the "
    "long group."
)


@pytest.mark.parametrize(
    ("title", "given"),
    [
        ("Nine weeks versus one year of trastuzumab", " given with an anthracycline-free regimen"),
        ("Trastuzumab in early breast cancer", ""),
    ],
)
def test_background_compared_durations_define_no_arm(nlp, title, given):
    """ "We compared 9 weeks with 1 year of trastuzumab": two durations of the one regimen the
    Methods randomisation gives in full, so both groups carry it."""
    arms = arms_of(nlp, SHORT_LONG.format(title=title, given=given))
    assert arms[88.3] == TC_H
    assert arms[91.2] == TC_H


def test_background_durations_before_drug_design_keep_two_arms(nlp):
    """Negative: durations compared in an earlier trial before a randomisation of two regimens:
    the two drug arms stay apart."""
    text = (
        "Docetaxel or vinorelbine with trastuzumab\n\n"
        "Background: We compared 9 weeks with 1 year of trastuzumab in an earlier trial. Methods: "
        "Patients were randomly assigned to docetaxel plus trastuzumab (docetaxel group) or "
        "vinorelbine plus trastuzumab (vinorelbine group). Results: 5-year DFS was 88.3% in the "
        "docetaxel group and 91.2% in the vinorelbine group."
    )
    arms = arms_of(nlp, text)
    assert arms[88.3] == DT
    assert arms[91.2] == "trastuzumab+vinorelbine"


# --- 4. a short form may share the label's bracket --------------------------------------------

THREE_ARMS = (
    "Final overall survival of a three-arm trial\n\n"
    "Background: In the primary analysis of this three-arm trial, neither trastuzumab emtansine "
    "{bracket} nor pertuzumab–trastuzumab with metronomic capecitabine (arm B) improved "
    "progression-free survival over pertuzumab–trastuzumab with weekly paclitaxel (arm A). "
    "Results: Median OS was 36.4 months in arm A, 33.0 months in arm B and 37.9 months in arm C "
    "(HR versus arm A: arm B, 1.12, 95% CI 0.77–1.63; arm C, 0.96, 95% CI 0.65–1.41). The 4-year "
    "OS rates were 38.6%, 35.2% and 40.7%, respectively."
)
ARM_A = "paclitaxel+pertuzumab+trastuzumab"
ARM_B = "capecitabine+pertuzumab+trastuzumab"
ARM_C = "trastuzumab emtansine"


@pytest.mark.parametrize("bracket", ["(T-DM1; arm C)", "(T-DM1, arm C)", "(arm C; T-DM1)"])
def test_short_form_beside_label_keeps_the_label(nlp, bracket):
    """ "trastuzumab emtansine (T-DM1; arm C)": arm C is T-DM1, and the "respectively" rates
    take the three arms in order."""
    arms = arms_of(nlp, THREE_ARMS.format(bracket=bracket))
    assert [arms[v] for v in (36.4, 33.0, 37.9)] == [ARM_A, ARM_B, ARM_C]
    assert [arms[v] for v in (38.6, 35.2, 40.7)] == [ARM_A, ARM_B, ARM_C]


def test_short_form_in_label_bracket_is_no_arm_of_its_own(nlp):
    """Negative: the short form inside the bracket names arm C's regimen, no fourth arm."""
    reg = registry_of(nlp, THREE_ARMS.format(bracket="(T-DM1; arm C)"))
    assert sorted(a.name for a in reg.arms) == sorted([ARM_A, ARM_B, ARM_C])


# --- 5. a day list is a schedule ---------------------------------------------------------------

EHP = "eribulin+pertuzumab+trastuzumab"
PHP = "paclitaxel+pertuzumab+trastuzumab"
CONFERENCE = (
    "Eribulin versus paclitaxel with HP\n\n"
    "Methods: Pts were randomized 1:1 to eribulin 1.4 mg/m² d1,8 q3w + HP (EHP) or weekly "
    "paclitaxel 80 mg/m² + HP (PHP) for 12 wks, followed by surgery. Results: tpCR 56.8% in EHP "
    "vs 50.0% in PHP (p=0.41). In HR- pts, tpCR was 71.4% vs 66.7%."
)


def test_day_list_does_not_cut_the_regimen(nlp):
    """ "eribulin 1.4 mg/m² d1,8 q3w + HP (EHP)": days 1 and 8 every 3 weeks, then HP; EHP is
    eribulin with pertuzumab and trastuzumab."""
    arms = arms_of(nlp, CONFERENCE)
    assert [arms[v] for v in (56.8, 50.0)] == [EHP, PHP]
    assert [arms[v] for v in (71.4, 66.7)] == [EHP, PHP]


def test_day_lists_in_each_alternative(nlp):
    """ "capecitabine ... d1-14 q3w (XH) or vinorelbine ... d1,8 q3w (VH), each with
    trastuzumab": the comma of the day list cuts neither arm; VH is vinorelbine's."""
    text = (
        "Capecitabine or vinorelbine with trastuzumab\n\n"
        "Methods: Patients were randomized to capecitabine 1000 mg/m² d1-14 q3w (XH) or "
        "vinorelbine 25 mg/m² d1,8 q3w (VH), each with trastuzumab. Results: ORR was 56.8% with "
        "XH and 50.0% with VH."
    )
    arms = arms_of(nlp, text)
    assert arms[56.8] == "capecitabine+trastuzumab"
    assert arms[50.0] == "trastuzumab+vinorelbine"
