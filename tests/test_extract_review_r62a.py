"""Review of round 62a (factorial designs). The reader replaced the registry's arms with level
arms, which other readings took for the design's arms: a later bare "41.0% vs 40.2%" (which
factor does it compare?) took the two level regimens, as did "in both arms"; a design that also
names its four arms by label ("arm A: docetaxel plus trastuzumab; ...") lost them, so "in arm A"
took no arm. Its factors took too much: a prior therapy in the design sentence ("previously
treated with trastuzumab") joined the backbone, and the population's own subtype ("in patients
with HER2-positive tumours" in an all-HER2-positive trial) made a level drug a subtype partner,
so the design was not read. A factor of three schedules ("weekly, every-2-week or every-3-week
paclitaxel") kept only the last two."""

from __future__ import annotations

from extract_helpers import ARM_ROW, rows_of

EC_NAB = "cyclophosphamide+epirubicin+nab-paclitaxel"
EC_NAB_DMAB = "cyclophosphamide+denosumab+epirubicin+nab-paclitaxel"

DESIGN = (
    "Methods: In this phase II trial with a 2x2 factorial design, patients with early breast "
    "cancer were randomly assigned to weekly or day 1,8 nab-paclitaxel, and to denosumab or no "
    "denosumab; all patients received epirubicin plus cyclophosphamide afterwards. "
)
BARE_PAIR = DESIGN + "Results: The pCR rate was 41.0% vs 40.2% (P = 0.80)."
BOTH_ARMS = DESIGN + "Results: Grade 3 neutropenia was similar in both arms (45%)."
CARRIED_PAIR = (
    DESIGN + "Results: The pCR rate was 41.0% with denosumab and 40.2% without denosumab. The "
    "3-year EFS rate was 80% vs 78%."
)

LABELLED_ARMS = (
    "Methods: In a 2x2 factorial design, patients were randomly assigned to four arms (arm A: "
    "docetaxel plus trastuzumab; arm B: docetaxel plus trastuzumab plus pertuzumab; arm C: "
    "paclitaxel plus trastuzumab; arm D: paclitaxel plus trastuzumab plus pertuzumab), i.e. to "
    "docetaxel or paclitaxel and to pertuzumab or no pertuzumab. Results: The pCR rate was 52% "
    "in arm A, 61% in arm B, 49% in arm C and 60% in arm D. pCR was 60.5% with pertuzumab and "
    "50.5% without pertuzumab."
)

PRIOR_THERAPY = (
    "Methods: In a 2x2 factorial design, patients previously treated with trastuzumab were "
    "randomly assigned to lapatinib or neratinib, and to capecitabine or no capecitabine. "
    "Results: Median PFS was 7.1 months with capecitabine and 5.0 months without capecitabine."
)

THREE_SCHEDULES = (
    "Methods: In a 3x2 factorial design, patients were randomly assigned to weekly, every-2-week "
    "or every-3-week paclitaxel, and to bevacizumab or no bevacizumab. Results: The ORR was 49% "
    "in the weekly arm, 45% in the every-2-week arm and 44% in the every-3-week arm."
)

HER2_POPULATION = (
    "Methods: In a 2x2 factorial trial, women with HER2-positive breast cancer were randomly "
    "assigned to docetaxel or vinorelbine with or without zoledronic acid in patients with "
    "HER2-positive tumours; all patients received trastuzumab. Results: DFS at 3 years was 88% "
    "with zoledronic acid and 86% without zoledronic acid."
)
MIXED_POPULATION = (
    "Methods: In a 2x2 factorial trial, women with HER2-positive or triple-negative breast "
    "cancer were randomly assigned to weekly or every-3-week paclitaxel and to denosumab or no "
    "denosumab, plus trastuzumab for HER2-positive disease. Results: The pCR rate was 44.0% with "
    "denosumab and 41.5% without denosumab."
)


def test_bare_pair_compares_no_named_factor(nlp):
    """A bare "x% vs y%" in a 2x2 factorial names neither factor: both values stay null, the
    level arms being no list of the design's arms."""
    assert rows_of(nlp, BARE_PAIR, ARM_ROW) == [
        ("pCR", "rate", 41.0, None),
        ("pCR", "rate", 40.2, None),
    ]


def test_both_arms_of_a_factorial_is_no_pair_of_levels(nlp):
    """ "in both arms" of a factorial does not name its two level arms: one row, arm null."""
    assert rows_of(nlp, BOTH_ARMS, ARM_ROW) == [("AE_G3", "incidence", 45.0, None)]


def test_bare_pair_after_named_levels_keeps_them(nlp):
    """A bare pair right after values by denosumab's levels still compares those levels."""
    rows = rows_of(nlp, CARRIED_PAIR, ARM_ROW)
    assert rows[2:] == [("EFS", "rate", 80.0, EC_NAB_DMAB), ("EFS", "rate", 78.0, EC_NAB)]


def test_labelled_arms_of_the_design_are_kept(nlp):
    """ "in arm A" of a factorial whose design labels its four arms is that combination."""
    rows = rows_of(nlp, LABELLED_ARMS, ARM_ROW)
    assert rows[:4] == [
        ("pCR", "rate", 52.0, "docetaxel+trastuzumab"),
        ("pCR", "rate", 61.0, "docetaxel+pertuzumab+trastuzumab"),
        ("pCR", "rate", 49.0, "paclitaxel+trastuzumab"),
        ("pCR", "rate", 60.0, "paclitaxel+pertuzumab+trastuzumab"),
    ]


def test_level_beside_labelled_arms_takes_the_level(nlp):
    """ "with pertuzumab" beside labelled combinations is still the pertuzumab level."""
    rows = rows_of(nlp, LABELLED_ARMS, ARM_ROW)
    assert rows[4:] == [
        ("pCR", "rate", 60.5, "pertuzumab+trastuzumab"),
        ("pCR", "rate", 50.5, "trastuzumab"),
    ]


def test_prior_therapy_is_no_backbone(nlp):
    """ "previously treated with trastuzumab" is the patients' history: the capecitabine level
    is capecitabine alone (the other factor pooled) and its absence names no drug."""
    assert rows_of(nlp, PRIOR_THERAPY, ARM_ROW) == [
        ("PFS", "median", 7.1, "capecitabine"),
        ("PFS", "median", 5.0, None),
    ]


def test_three_schedules_are_all_levels(nlp):
    """Each of three schedules of one drug is a level of paclitaxel alone."""
    arms = [r.arm for r in rows_of(nlp, THREE_SCHEDULES, ARM_ROW)]
    assert arms == ["paclitaxel", "paclitaxel", "paclitaxel"]


def test_population_subtype_is_no_partner(nlp):
    """ "in patients with HER2-positive tumours" in a trial of HER2-positive patients chooses
    no subset: zoledronic acid is a level, on the trastuzumab every patient received."""
    assert rows_of(nlp, HER2_POPULATION, ARM_ROW) == [
        ("DFS", "rate", 88.0, "trastuzumab+zoledronic acid"),
        ("DFS", "rate", 86.0, "trastuzumab"),
    ]


def test_partner_of_one_subtype_of_a_mixed_population_stays_out(nlp):
    """With HER2-positive and triple-negative patients, "plus trastuzumab for HER2-positive
    disease" is still a subtype partner, in no level."""
    assert rows_of(nlp, MIXED_POPULATION, ARM_ROW) == [
        ("pCR", "rate", 44.0, "denosumab+paclitaxel"),
        ("pCR", "rate", 41.5, "paclitaxel"),
    ]
