"""Fresh round 96b: (1) a title's "X in combination with chemotherapy versus chemotherapy alone"
made a drugless chemotherapy arm before the Methods defined the chemotherapy ("a chemotherapy
regimen consisting of A plus C or B plus C ..., or chemotherapy in combination with X"); later
"randomly assigned to X plus chemotherapy (n=...) or chemotherapy alone (n=...)" then restated
that drugless arm and every value got arm X or null. The drugless class arm is the defined
backbone arm. (2) "..., respectively, and <event> in x%, y% and z%": a second list of the same
end point with no groups of its own takes the first list's order (gold README), also when two
arms hold the same drugs (sequential and concurrent schedules)."""

from __future__ import annotations

from extract_helpers import ARM_ROW, registry_of, rows_of


def _arms(nlp, text: str) -> dict[float, str | None]:
    return {r.value: r.arm for r in rows_of(nlp, text, ARM_ROW)}


def _arms_of_value(nlp, text: str, value: float) -> list[str | None]:
    return [r.arm for r in rows_of(nlp, text, ARM_ROW) if r.value == value]


def _registry_arms(nlp, text: str) -> list[str]:
    return sorted("+".join(a.drugs) for a in registry_of(nlp, text).arms)


# (1) A title's class arm, then a Methods sentence defining the class


def test_title_versus_chemotherapy_alone_then_defined_alternatives(nlp):
    """Title "X in combination with chemotherapy versus chemotherapy alone", then "a chemotherapy
    regimen consisting of A plus C or B plus C ..., or chemotherapy in combination with X" and
    a Findings restatement: arms C+X and C (the per-patient fluoropyrimidine left out); "in
    both groups" is one row per arm."""
    text = (
        "Pertuzumab in combination with chemotherapy versus chemotherapy alone for HER2-positive "
        "advanced gastric cancer: a randomised, double-blind, phase 3 trial\n\n"
        "Methods: Adults with previously untreated HER2-positive metastatic gastric or "
        "gastro-oesophageal junction adenocarcinoma were randomly assigned (1:1) to receive a "
        "chemotherapy regimen consisting of capecitabine plus oxaliplatin or fluorouracil plus "
        "oxaliplatin given every 3 weeks for up to eight cycles, or chemotherapy in combination "
        "with pertuzumab 840 mg. The fluoropyrimidine was chosen by the investigator.\n"
        "Findings: 780 patients were randomly assigned to pertuzumab plus chemotherapy (n=388) "
        "or chemotherapy alone (n=392). Median overall survival was 17.5 months (95% CI "
        "16.2-19.3) in those assigned to pertuzumab plus chemotherapy and 14.2 months "
        "(12.9-15.5) in those assigned to chemotherapy alone (hazard ratio 0.84; 95% CI "
        "0.71-1.00; p=0.057). The objective response rate was 56% versus 48%. Diarrhoea of "
        "grade 3 or worse occurred in 13% of patients in both groups."
    )
    assert _registry_arms(nlp, text) == ["oxaliplatin", "oxaliplatin+pertuzumab"]
    arms = _arms(nlp, text)
    assert arms[17.5] == arms[56.0] == "oxaliplatin+pertuzumab"
    assert arms[14.2] == arms[48.0] == "oxaliplatin"
    assert arms[0.84] is None
    assert sorted(_arms_of_value(nlp, text, 13.0)) == ["oxaliplatin", "oxaliplatin+pertuzumab"]


def test_title_and_chemotherapy_versus_alone_then_comprising(nlp):
    """Title "X and chemotherapy versus chemotherapy alone", then "chemotherapy comprising A
    plus C or B plus C, every 3 weeks, or to chemotherapy plus X": "chemotherapy alone" and "the
    chemotherapy-alone group" name the C arm."""
    text = (
        "Lapatinib and chemotherapy versus chemotherapy alone as first-line treatment of "
        "HER2-amplified oesophagogastric adenocarcinoma: a randomised phase 3 trial\n\n"
        "Methods: Patients were randomly assigned to chemotherapy comprising paclitaxel plus "
        "carboplatin or docetaxel plus carboplatin, every 3 weeks, or to chemotherapy plus oral "
        "lapatinib 1250 mg daily.\n"
        "Results: A total of 545 patients were randomly assigned to lapatinib plus chemotherapy "
        "(n=273) or chemotherapy alone (n=272). Median progression-free survival was 6.0 months "
        "with lapatinib plus chemotherapy and 5.4 months with chemotherapy alone (HR 0.82; P = "
        ".038). The response rate was 53% in the lapatinib plus chemotherapy group and 39% in "
        "the chemotherapy-alone group."
    )
    arms = _arms(nlp, text)
    assert arms[6.0] == arms[53.0] == "carboplatin+lapatinib"
    assert arms[5.4] == arms[39.0] == "carboplatin"


def test_title_versus_then_one_defined_chemotherapy(nlp):
    """One defined regimen ("chemotherapy consisting of A and B on days 1 and 8 every 3 weeks,
    or the same chemotherapy in combination with X"): arms A+B+X and A+B."""
    text = (
        "Trastuzumab plus chemotherapy versus chemotherapy alone in HER2-positive advanced "
        "biliary tract cancer: an open-label randomised trial\n\n"
        "Methods: Patients whose tumours showed HER2 overexpression by immunohistochemistry "
        "were randomly assigned 1:1 to receive chemotherapy consisting of gemcitabine and "
        "cisplatin on days 1 and 8 every 3 weeks, or the same chemotherapy in combination with "
        "intravenous trastuzumab.\n"
        "Findings: 120 patients were randomly assigned to trastuzumab plus chemotherapy (n=60) "
        "or chemotherapy alone (n=60). Median overall survival was 13.1 months in the "
        "trastuzumab plus chemotherapy group and 9.8 months in the chemotherapy-alone group (HR "
        "0.70, 95% CI 0.47-1.04; p=0.08)."
    )
    arms = _arms(nlp, text)
    assert arms[13.1] == "cisplatin+gemcitabine+trastuzumab"
    assert arms[9.8] == "cisplatin+gemcitabine"


_RESTATED = (
    "Findings: 300 patients were randomly assigned to trastuzumab plus chemotherapy (n=150) or "
    "chemotherapy alone (n=150). Median overall survival was 25.1 months in those assigned to "
    "trastuzumab plus chemotherapy and 20.3 months in those assigned to chemotherapy alone "
    "(p=0.046)."
)


def test_guard_class_never_defined_keeps_drugless_arm(nlp):
    """Guard: per-patient options in a bracket define no backbone ("trastuzumab plus
    chemotherapy (paclitaxel or docetaxel, ...) or chemotherapy alone"): arms X and null."""
    text = (
        "Trastuzumab plus chemotherapy versus chemotherapy alone in HER2-positive metastatic "
        "breast cancer: a randomised trial\n\n"
        "Methods: Patients were randomly assigned to trastuzumab plus chemotherapy (paclitaxel "
        "or docetaxel, at the investigator's discretion) or chemotherapy alone.\n" + _RESTATED
    )
    arms = _arms(nlp, text)
    assert arms[25.1] == "trastuzumab"
    assert arms[20.3] is None


def test_guard_definition_sharing_no_drug_keeps_drugless_arm(nlp):
    """Guard: "a chemotherapy regimen consisting of docetaxel or paclitaxel": the alternatives
    share no drug, so no backbone; the title's drugless arm stays (arm null)."""
    text = (
        "Trastuzumab in combination with chemotherapy versus chemotherapy alone in "
        "HER2-positive metastatic breast cancer: a randomised trial\n\n"
        "Methods: Patients were randomly assigned to a chemotherapy regimen consisting of "
        "docetaxel or paclitaxel every 3 weeks, or chemotherapy in combination with "
        "trastuzumab.\n" + _RESTATED
    )
    arms = _arms(nlp, text)
    assert arms[25.1] == "trastuzumab"
    assert arms[20.3] is None


# (2) A second list after "respectively" that names no groups


SEQ_CONC = (
    "Sequential or concurrent trastuzumab with adjuvant chemotherapy for HER2-positive breast "
    "cancer\n\n"
    "Methods: Women were randomly assigned to doxorubicin and cyclophosphamide followed by "
    "weekly paclitaxel (arm A), the same chemotherapy followed by trastuzumab (arm B), or the "
    "same chemotherapy with trastuzumab started concurrently with paclitaxel (arm C).\n"
)
ACT = "cyclophosphamide+doxorubicin+paclitaxel"
ACTH = "cyclophosphamide+doxorubicin+paclitaxel+trastuzumab"


PHASE2 = (
    "Pertuzumab with anthracycline-containing or anthracycline-free neoadjuvant chemotherapy in "
    "HER2-positive early breast cancer: a randomised phase 2 study\n\n"
    "Methods: Patients were randomized 1:1:1 to epirubicin and cyclophosphamide followed by "
    "docetaxel plus trastuzumab and pertuzumab (arm A); paclitaxel plus trastuzumab and "
    "pertuzumab (arm B); or docetaxel, carboplatin, trastuzumab and pertuzumab (arm C).\n"
)
EC_THP = "cyclophosphamide+docetaxel+epirubicin+pertuzumab+trastuzumab"
PTP = "paclitaxel+pertuzumab+trastuzumab"
TCHP = "carboplatin+docetaxel+pertuzumab+trastuzumab"


def test_second_list_after_respectively_takes_lettered_arms(nlp):
    """ "... in 0.3%, 2.8% and 3.3% of patients in arms A, B and C, respectively, and
    asymptomatic declines in LVEF in 4.1%, 9.6% and 11.0%" (arms B and C hold the same drugs):
    the second list is arms A, B and C in order."""
    text = SEQ_CONC + (
        "Results: Congestive heart failure occurred in 0.3%, 2.8% and 3.3% of patients in arms "
        "A, B and C, respectively, and asymptomatic declines in left ventricular ejection "
        "fraction in 4.1%, 9.6% and 11.0%."
    )
    assert rows_of(nlp, text, ARM_ROW) == [
        ("AE", "incidence", 0.3, ACT),
        ("AE", "incidence", 2.8, ACTH),
        ("AE", "incidence", 3.3, ACTH),
        ("AE", "incidence", 4.1, ACT),
        ("AE", "incidence", 9.6, ACTH),
        ("AE", "incidence", 11.0, ACTH),
    ]


def test_second_pair_after_respectively_two_arms_same_drugs(nlp):
    """Two arms of the same drugs ("concurrently (arm A) or ... followed by (arm B)"): "in
    3.1% and 1.9% ... in arms A and B, respectively, and declines in LVEF of 10 points or more
    in 8.2% and 6.5%": 6.5 is arm B's (before, the paclitaxel-only reading)."""
    text = (
        "Concurrent versus sequential trastuzumab with adjuvant paclitaxel in HER2-positive "
        "breast cancer\n\n"
        "Methods: Patients were randomly assigned to paclitaxel with trastuzumab started "
        "concurrently (arm A) or paclitaxel followed by trastuzumab (arm B).\n"
        "Results: Cardiac events occurred in 3.1% and 1.9% of patients in arms A and B, "
        "respectively, and declines in left ventricular ejection fraction of 10 points or more "
        "in 8.2% and 6.5%."
    )
    arms = _arms(nlp, text)
    assert arms[8.2] == arms[6.5] == "paclitaxel+trastuzumab"


def test_second_list_after_respectively_distinct_arms(nlp):
    """Distinct arms (read right before the round too): "..., respectively, and diarrhoea in
    18%, 15% and 46%" is arms A, B and C in order."""
    text = PHASE2 + (
        "Results: Peripheral neuropathy was reported in 21%, 34% and 12% of patients in arms A, "
        "B and C, respectively, and diarrhoea in 18%, 15% and 46%."
    )
    arms = _arms(nlp, text)
    assert arms[21.0] == arms[18.0] == EC_THP
    assert arms[34.0] == arms[15.0] == PTP
    assert arms[12.0] == arms[46.0] == TCHP


def test_guard_second_list_of_another_count(nlp):
    """Guard: a second list of two values after a list of three is not zipped with the arms
    (no arm, as before)."""
    text = PHASE2 + (
        "Results: Peripheral neuropathy was reported in 21%, 34% and 12% of patients in arms A, "
        "B and C, respectively, and diarrhoea in 18% and 46%."
    )
    arms = _arms(nlp, text)
    assert arms[21.0] == EC_THP
    assert arms[12.0] == TCHP
    assert arms[18.0] is None
    assert arms[46.0] is None


def test_guard_second_list_naming_its_own_groups(nlp):
    """Guard: the second list names its own groups, in another order ("in 46% of patients in
    arm C, 18% in arm A and 15% in arm B"): each value takes the group after it."""
    text = PHASE2 + (
        "Results: Peripheral neuropathy was reported in 21%, 34% and 12% of patients in arms A, "
        "B and C, respectively, and diarrhoea in 46% of patients in arm C, 18% in arm A and 15% "
        "in arm B."
    )
    arms = _arms(nlp, text)
    assert arms[46.0] == TCHP
    assert arms[18.0] == EC_THP
    assert arms[15.0] == PTP


def test_guard_first_list_without_respectively(nlp):
    """Guard: without "respectively" the sentence keeps its old reading (the cut is not made)."""
    text = SEQ_CONC + (
        "Results: Congestive heart failure occurred in 0.3%, 2.8% and 3.3% of patients in arms "
        "A, B and C, and asymptomatic declines in left ventricular ejection fraction in 4.1%, "
        "9.6% and 11.0%."
    )
    arms = _arms(nlp, text)
    assert arms[0.3] == ACT
    assert arms[2.8] == arms[3.3] == ACTH
