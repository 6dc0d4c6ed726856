"""Left-overs round 21 (b): schedules, swapped pairs and biosimilar designs. CHAT (Wardley 2010):
"capecitabine 950 mg/m2 twice daily on days 1 to 14 every 3 weeks (HXT)" was no short form, as
"on days 1 to 14" was no schedule, so "with HXT" named no arm and "less common with HXT (15% v
27%)" took its arms from the sentence's earlier comparison, swapped. PF-05280014 (Lammers 2018):
"PF-05280014 or trastuzumab-EU, each with docetaxel and carboplatin" gave one trastuzumab arm
(a biosimilar and its reference product are one drug), so a later sentence added a
chemotherapy-only arm. NSABP B-31/N9831 written "AC-TH": "trastuzumab beginning concurrently
with paclitaxel" split into two regimens, a paclitaxel-only third arm that "AC-TH" then named."""

from __future__ import annotations

from extract_helpers import arms_of, registry_of

from her2mine.extract.regimens import gap_kind, is_schedule_only

HXT = "capecitabine+docetaxel+trastuzumab"
HT = "docetaxel+trastuzumab"

CHAT = (
    "Phase II randomized trial of capecitabine plus docetaxel plus trastuzumab versus docetaxel "
    "plus trastuzumab as first-line treatment for HER2-positive metastatic breast cancer\n\n"
    "In the open-label CHAT trial, 222 patients with previously untreated HER2-positive MBC were "
    "randomly assigned to trastuzumab (8 mg/kg loading dose, then 6 mg/kg every 3 weeks) plus "
    "docetaxel 75 mg/m2 on day 1 and capecitabine 950 mg/m2 twice daily on days 1 to 14 every 3 "
    "weeks (HXT) or trastuzumab plus docetaxel 100 mg/m2 on day 1 every 3 weeks (HT). ORR was "
    "70.5% with HXT and 72.7% with HT. Two-year overall survival was 75% in the HXT arm and 66% "
    "in the HT arm (P = .0946). Grade 3/4 hand-foot syndrome occurred in 17% of patients "
    "receiving HXT versus less than 1% receiving HT, whereas febrile neutropenia was less common "
    "with HXT (15% v 27%)."
)


def test_days_written_as_a_range_are_a_schedule():
    """ "on days 1 to 14" / "on days 1 through 14" is a schedule, as "on days 1-14" is."""
    assert is_schedule_only(" 950 mg/m2 twice daily on days 1 to 14 every 3 weeks ")
    assert is_schedule_only(" on days 1 through 14 ")


def test_to_without_a_day_number_is_no_schedule():
    """Negative: a "to" that closes no range of days stays ("on day 1 to" a joiner after it)."""
    assert not is_schedule_only(" on day 1 to ")


def test_short_form_after_a_day_range_schedule_names_its_arm(nlp):
    """ "(HXT)" after "... on days 1 to 14 every 3 weeks" names the capecitabine regimen."""
    arms = arms_of(nlp, CHAT)
    assert arms[70.5] == HXT
    assert arms[75.0] == HXT
    assert arms[72.7] == HT


def test_pair_after_less_common_with_a_is_a_then_the_other(nlp):
    """ "less common with HXT (15% v 27%)": the first value is HXT's, the second the other arm's."""
    arms = arms_of(nlp, CHAT)
    assert arms[15.0] == HXT
    assert arms[27.0] == HT


PF = (
    "A randomised study comparing PF-05280014 and trastuzumab-EU in the neoadjuvant treatment of "
    "HER2-positive breast cancer\n\n"
    "We compared PF-05280014 with trastuzumab sourced from the European Union (trastuzumab-EU) in "
    "combination with docetaxel and carboplatin as neoadjuvant treatment. Patients with operable "
    "HER2-positive breast cancer were randomised to PF-05280014 or trastuzumab-EU, each with "
    "docetaxel 75 mg/m2 and carboplatin (AUC 6), every 3 weeks for six cycles. The pathologic "
    "complete response (pCR) rate was 47.0% vs 50.0%, and the objective response rate was 88.8% "
    "vs 82.1%, respectively."
)
TCH = "carboplatin+docetaxel+trastuzumab"


def test_biosimilar_or_reference_each_with_chemotherapy_is_two_full_arms(nlp):
    """ "A or A', each with X and Y" (one drug twice): two arms of A+X+Y, no X+Y arm."""
    reg = registry_of(nlp, PF)
    assert [a.name for a in reg.arms] == [TCH, TCH]


def test_pairs_of_biosimilar_arms_get_the_full_regimen(nlp):
    """The "47.0% vs 50.0%" pair of a biosimilar design: each value the full regimen."""
    arms = arms_of(nlp, PF)
    assert [arms[v] for v in (47.0, 50.0, 88.8, 82.1)] == [TCH] * 4


def test_different_alternatives_each_with_a_backbone_stay_apart(nlp):
    """Negative: "A or B, each with C" of two drugs is A+C and B+C, not twins."""
    text = (
        "Patients with HER2-positive breast cancer were randomised to pertuzumab or lapatinib, "
        "each with docetaxel and trastuzumab. The pCR rate was 40% vs 30%, respectively."
    )
    reg = registry_of(nlp, text)
    assert [a.name for a in reg.arms] == [
        "docetaxel+pertuzumab+trastuzumab",
        "docetaxel+lapatinib+trastuzumab",
    ]


B31 = (
    "Trastuzumab plus adjuvant chemotherapy for HER2-positive breast cancer: joint analysis of "
    "NSABP B-31 and NCCTG N9831\n\n"
    "Patients with HER2-positive operable breast cancer were randomly assigned to doxorubicin and "
    "cyclophosphamide followed by paclitaxel (AC-T) or the same chemotherapy with trastuzumab "
    "beginning concurrently with paclitaxel (AC-TH). The 10-year DFS rates were 62.2% in the "
    "AC-T arm and 73.7% in the AC-TH arm."
)
ACT = "cyclophosphamide+doxorubicin+paclitaxel"


def test_beginning_concurrently_with_joins_one_regimen():
    """ "X beginning concurrently with Y" gives X and Y together (one regimen)."""
    assert gap_kind(" beginning concurrently with ") == "strong"
    assert gap_kind(" starting concomitantly with ") == "strong"


def test_bare_beginning_with_joins_nothing():
    """Negative: without an adverb of timing, "beginning with" may open a sequence."""
    assert gap_kind(" beginning with ") is None


def test_concurrent_start_design_has_two_arms(nlp):
    """ "the same chemotherapy with trastuzumab beginning concurrently with paclitaxel (AC-TH)"
    is one arm (AC-T plus trastuzumab), and "AC-TH" names it, not a paclitaxel-only arm."""
    reg = registry_of(nlp, B31)
    assert [a.name for a in reg.arms] == [ACT, ACT + "+trastuzumab"]
    assert reg.short_forms["AC-TH"].name == ACT + "+trastuzumab"
    arms = arms_of(nlp, B31)
    assert arms[62.2] == ACT
    assert arms[73.7] == ACT + "+trastuzumab"
