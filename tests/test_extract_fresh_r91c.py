"""Fresh round 91c: 2x2 factorial designs written in other spellings than round 62a read. A
schedule factor written after its drug ("nP 125 mg/m2 weekly or nP 125 mg/m2 on days 1 and 8",
"nab-paclitaxel (nP) weekly or days 1,8 q22") left the design unread, so "with denosumab" took
denosumab alone and "without denosumab" no arm; subtype partners listed after "HER2+ pts also
received" joined a labelled arm. Once read, result sentences still lost values: the schedule
factor's drug ("weekly nP") resolved to no arm, a schedule named by another spelling ("the day
1, 8 every 22 days schedule", "d1,8", "the two schedules ... respectively"), an elided level
("86.1% with and 84.9% without denosumab") and a bracketed pair after one level ("more frequent
with denosumab (4.6% vs 1.5%)"). Per the gold README each level carries the backbone plus its
own drug; schedules carry the backbone; subtype partners are left out."""

from __future__ import annotations

from extract_helpers import ARM_ROW, CI_ROW, arm_of, rows_of

EC_NP = "cyclophosphamide+epirubicin+nab-paclitaxel"
EC_NP_DMAB = "cyclophosphamide+denosumab+epirubicin+nab-paclitaxel"

# A 2 x 2 factorial trial: full paper abstract (schedule written after its drug).
SCHEDULES_AFTER_DRUG = "\n".join(
    (
        "Denosumab added to neoadjuvant nab-paclitaxel-based chemotherapy and two nab-paclitaxel schedules in early breast cancer (GeparX): a 2 × 2 factorial, randomised, open-label, phase II trial",
        "",
        "Background",
        "Receptor activator of nuclear factor-κB (RANK) signalling has been implicated in mammary tumorigenesis and chemoresistance. GeparX investigated whether denosumab improves the pathological complete response (pCR) rate of neoadjuvant chemotherapy and which nab-paclitaxel (nP) schedule is more effective.",
        "Patients and methods",
        "Patients with cT1c-cT4a-d early breast cancer were randomised in a 2 × 2 factorial design to denosumab 120 mg every 4 weeks (6 doses) or no denosumab and, independently, to nP 125 mg/m2 weekly or nP 125 mg/m2 on days 1 and 8 of a 22-day cycle, each followed by four cycles of epirubicin plus cyclophosphamide (EC). Patients with HER2-positive tumours received trastuzumab and pertuzumab and those with triple-negative tumours carboplatin in addition, according to tumour subtype. The co-primary end points were pCR (ypT0/is ypN0) for each comparison.",
        "Results",
        "780 patients were randomised; 38.6% had HER2-positive and 39.1% triple-negative tumours. The pCR rate was 41.1% with denosumab and 40.4% without denosumab (odds ratio 1.03, 95% CI 0.77-1.38; P = 0.784). Weekly nP resulted in a pCR rate of 42.6%, as compared with 38.9% with the day 1, 8 every 22 days schedule (P = 0.061). In HER2-positive tumours, the pCR rates of the two schedules were 58.2% and 55.6%, respectively. Grade 3-4 peripheral sensory neuropathy occurred in 7.9% of patients receiving weekly nP and in 3.9% of those receiving the day 1, 8 schedule. Hypocalcaemia of any grade was more frequent with denosumab (4.6% vs 1.5%).",
        "Conclusions",
        "Denosumab did not increase the pCR rate. The day 1, 8 nab-paclitaxel schedule was not superior to the weekly schedule and was associated with less neuropathy. ClinicalTrials.gov: NCT02682693.",
    )
)

# Its follow-up report: a conference abstract (elided levels, subtype partners after "also").
FOLLOW_UP = "\n".join(
    (
        "Invasive disease-free and overall survival in the neoadjuvant GeparX trial: denosumab and nab-paclitaxel schedules",
        "",
        "Background: GeparX randomized pts to neoadjuvant nab-paclitaxel (nP) weekly or days 1,8 q22 followed by EC, each with or without denosumab, in a 2 × 2 factorial design; HER2+ pts also received trastuzumab + pertuzumab. Neither denosumab nor schedule significantly affected pCR. We now report the secondary endpoints iDFS and OS. Methods: iDFS and OS were compared by stratified Cox models for each randomized factor. Results: After a median follow-up of 59.8 mo, 3-y iDFS was 86.1% with and 84.9% without denosumab (HR 0.93, 95% CI 0.71-1.21; P = .59). For nP weekly vs d1,8 q22, 3-y iDFS was 86.3% vs 84.7% (HR 0.90, 95% CI 0.69-1.17; P = .43). 3-y OS did not differ by denosumab (93.4% vs 93.0%; HR 0.96, 95% CI 0.64-1.44). Pts with pCR had better iDFS than those without (HR 0.36, 95% CI 0.24-0.54). Among HER2+ pts, 3-y iDFS was 90.2% overall. Conclusions: Denosumab did not improve long-term outcome. NCT02682693.",
    )
)

THREE_ARMS = (
    "Methods: Patients were randomly assigned to docetaxel plus trastuzumab, weekly paclitaxel "
    "plus trastuzumab, or vinorelbine plus trastuzumab. Results: The pCR rate was 52.1% with docetaxel, 48.3% with "
    "weekly paclitaxel and 55.0% with vinorelbine. Neutropenia was more frequent with docetaxel "
    "(30.2% vs 12.5%)."
)

SINGLE_REGIMEN = (
    "Methods: In this single-arm study, pts received weekly paclitaxel with or without "
    "carboplatin at investigator discretion; HER2+ pts also received trastuzumab + pertuzumab. "
    "Results: The ORR was 71.2% with weekly paclitaxel."
)


def test_add_on_levels_take_backbone_plus_drug(nlp):
    """ "41.1% with denosumab and 40.4% without denosumab" after a design whose schedule factor
    is written after its drug: the backbone with and without the add-on; the OR stays null."""
    rows = rows_of(nlp, SCHEDULES_AFTER_DRUG, CI_ROW)
    assert rows[:3] == [
        ("pCR", "rate", 41.1, None, None, EC_NP_DMAB),
        ("pCR", "rate", 40.4, None, None, EC_NP),
        ("pCR", "OR", 1.03, 0.77, 1.38, None),
    ]


def test_schedule_levels_take_the_backbone(nlp):
    """ "Weekly nP ... 42.6%, as compared with 38.9% with the day 1, 8 every 22 days schedule",
    "the two schedules were 58.2% and 55.6%, respectively", "patients receiving weekly nP" and
    "those receiving the day 1, 8 schedule": each schedule is the backbone."""
    rows = rows_of(nlp, SCHEDULES_AFTER_DRUG, ARM_ROW)
    for value in (42.6, 38.9, 58.2, 55.6, 7.9, 3.9):
        assert arm_of(rows, value) == EC_NP, value


def test_bracketed_pair_after_an_add_on_level(nlp):
    """ "Hypocalcaemia of any grade was more frequent with denosumab (4.6% vs 1.5%)": the first
    value is the level with denosumab, the second the level without it."""
    rows = rows_of(nlp, SCHEDULES_AFTER_DRUG, ARM_ROW)
    assert ("AE", "incidence", 4.6, EC_NP_DMAB) in rows
    assert ("AE", "incidence", 1.5, EC_NP) in rows


def test_subtype_partners_are_in_no_level(nlp):
    """Trastuzumab and pertuzumab for HER2-positive patients and carboplatin for triple-negative
    ones are in no arm of the factorial."""
    for text in (SCHEDULES_AFTER_DRUG, FOLLOW_UP):
        arms = {row.arm for row in rows_of(nlp, text, ARM_ROW) if row.arm}
        assert arms <= {EC_NP, EC_NP_DMAB}


def test_elided_with_level(nlp):
    """ "3-y iDFS was 86.1% with and 84.9% without denosumab": the bare "with" is the level with
    denosumab; the HR stays null."""
    rows = rows_of(nlp, FOLLOW_UP, ARM_ROW)
    assert rows[:3] == [
        ("IDFS", "rate", 86.1, EC_NP_DMAB),
        ("IDFS", "rate", 84.9, EC_NP),
        ("IDFS", "HR", 0.93, None),
    ]


def test_schedule_pair_after_the_drug_in_results(nlp):
    """ "For nP weekly vs d1,8 q22, 3-y iDFS was 86.3% vs 84.7%": both schedules are the
    backbone (no subtype partner joins them)."""
    rows = rows_of(nlp, FOLLOW_UP, ARM_ROW)
    assert arm_of(rows, 86.3) == EC_NP
    assert arm_of(rows, 84.7) == EC_NP
    assert arm_of(rows, 0.9) is None


def test_did_not_differ_by_add_on(nlp):
    """ "3-y OS did not differ by denosumab (93.4% vs 93.0%; HR 0.96, ...)": with, then without
    denosumab; the HR is null."""
    rows = rows_of(nlp, FOLLOW_UP, ARM_ROW)
    assert ("OS", "rate", 93.4, EC_NP_DMAB) in rows
    assert ("OS", "rate", 93.0, EC_NP) in rows
    assert arm_of(rows, 0.96) is None


def test_whole_subtype_value_stays_null(nlp):
    """ "Among HER2+ pts, 3-y iDFS was 90.2% overall": pooled over every level, no arm."""
    assert arm_of(rows_of(nlp, FOLLOW_UP, ARM_ROW), 90.2) is None


def test_three_arm_trial_unchanged(nlp):
    """A non-factorial three-arm trial keeps its arms (no factorial reading)."""
    rows = rows_of(nlp, THREE_ARMS, ARM_ROW)
    assert arm_of(rows, 52.1) == "docetaxel+trastuzumab"
    assert arm_of(rows, 48.3) == "paclitaxel+trastuzumab"
    assert arm_of(rows, 55.0) == "trastuzumab+vinorelbine"
    assert arm_of(rows, 30.2) == "docetaxel+trastuzumab"
    assert arm_of(rows, 12.5) is None  # (no factorial: the other arm is not "without docetaxel")


def test_subtype_partners_outside_a_factorial_keep_their_reading(nlp):
    """ "HER2+ pts also received trastuzumab + pertuzumab" in a study with no factorial design:
    the factorial rules do not apply, the value keeps the reading it had."""
    rows = rows_of(nlp, SINGLE_REGIMEN, ARM_ROW)
    assert len(rows) == 1
    assert rows[0][:3] == ("ORR", "rate", 71.2)
    assert rows[0].arm != EC_NP
