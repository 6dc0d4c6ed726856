"""Round 100e, read-through bugs: case-sensitive literal gates in front of case-insensitive
regexes ("WERE RANDOMIZED" after "All patients received X", "in two parallel Cohorts"), a
second class definition of one sentence never recorded, and a supportive randomisation read
from the "randomised" of "non-randomised"."""

from __future__ import annotations

from extract_helpers import ARM_ROW, registry_of, rows_of


def _arms(nlp, text: str) -> dict[float, str | None]:
    return {r.value: r.arm for r in rows_of(nlp, text, ARM_ROW)}


# (1) prior.assignment_verb: "All patients received X and WERE RANDOMIZED to A or placebo".
PERTUZUMAB = (
    "Pertuzumab added to trastuzumab and docetaxel\n\n"
    "Methods: All patients received docetaxel and trastuzumab and {VERB} to pertuzumab or "
    "placebo.\n"
    "Results: Median PFS was 18.5 months with pertuzumab and 12.4 months with placebo "
    "(HR 0.62, P < .001)."
)


def test_all_received_then_upper_case_randomized(nlp):
    text = PERTUZUMAB.replace("{VERB}", "WERE RANDOMIZED")
    got = _arms(nlp, text)
    assert got[18.5] == "docetaxel+pertuzumab+trastuzumab"
    assert got[12.4] == "docetaxel+trastuzumab"


def test_all_received_then_upper_case_allocated(nlp):
    text = PERTUZUMAB.replace("{VERB}", "were ALLOCATED")
    got = _arms(nlp, text)
    assert got[18.5] == "docetaxel+pertuzumab+trastuzumab"
    assert got[12.4] == "docetaxel+trastuzumab"


def test_all_received_then_lower_case_randomized_unchanged(nlp):
    """Guard (round 98b): the lower-case verb was read before."""
    text = PERTUZUMAB.replace("{VERB}", "were randomized")
    got = _arms(nlp, text)
    assert got[18.5] == "docetaxel+pertuzumab+trastuzumab"
    assert got[12.4] == "docetaxel+trastuzumab"


# (1) labels._cohorts_cut: "in two parallel Cohorts" (capitalised as a defined term).
def test_capitalised_cohorts_of_one_regimen_have_no_arm(nlp):
    text = (
        "Trastuzumab deruxtecan by hormone receptor status\n\n"
        "Patients received T-DXd 5.4 mg/kg every 3 weeks in two parallel Cohorts according to "
        "hormone receptor status: HR-positive (cohort A, n = 60) and HR-negative (cohort B, "
        "n = 40). The ORR was 52.0% in cohort A and 41.0% in cohort B."
    )
    assert _arms(nlp, text) == {52.0: None, 41.0: None}


def test_capitalised_cohorts_by_biomarker_have_no_arm(nlp):
    text = (
        "Trastuzumab deruxtecan across HER2 expression levels\n\n"
        "In this phase 2 study, patients received T-DXd 5.4 mg/kg every 3 weeks in three "
        "Cohorts defined by centrally assessed HER2 status: HER2-overexpressing (Cohort 1, "
        "n = 72), HER2-low (IHC 1+ or 2+/ISH negative; Cohort 2, n = 74) and HER2 IHC 0 "
        "(Cohort 3, n = 40). The ORR was 70.6% (95% CI 58.3-81.0) in Cohort 1, 37.5% (95% CI "
        "26.4-49.7) in Cohort 2 and 29.7% (95% CI 15.9-47.0) in Cohort 3."
    )
    assert _arms(nlp, text) == {70.6: None, 37.5: None, 29.7: None}


def test_cohorts_that_received_their_own_regimen_keep_arms(nlp):
    """Guard: "Cohort 1 received A; Cohort 2 received B" names each cohort's regimen."""
    text = (
        "Tucatinib combinations\n\nIn this multicohort study, Cohort 1 received tucatinib plus "
        "trastuzumab; Cohort 2 received tucatinib plus trastuzumab emtansine. The ORR was 38% "
        "in Cohort 1 and 47% in Cohort 2."
    )
    got = _arms(nlp, text)
    assert got[38.0] == "trastuzumab+tucatinib"
    assert got[47.0] == "trastuzumab emtansine+tucatinib"


# (2) classes.defined_class_backbone: the second definition of a sentence is recorded too.
def test_second_class_definition_recorded_letrozole(nlp):
    text = (
        "Trastuzumab plus chemotherapy versus endocrine therapy alone in older patients\n\n"
        "Methods: Patients were randomly assigned to chemotherapy consisting of docetaxel plus "
        "carboplatin with trastuzumab, or to endocrine therapy consisting of letrozole.\n"
        "Results: Median PFS was 14.1 months with trastuzumab plus chemotherapy and 10.3 "
        "months with endocrine therapy alone (HR 0.72, P = .04)."
    )
    defined = registry_of(nlp, text).defined_classes
    assert defined.get("therapy") == frozenset({"letrozole"})
    assert "chemotherapy" in defined


def test_second_class_definition_recorded_anastrozole(nlp):
    text = (
        "Chemotherapy with trastuzumab versus endocrine therapy alone\n\n"
        "Methods: Patients were randomly assigned to chemotherapy consisting of paclitaxel "
        "with trastuzumab, or to endocrine therapy consisting of anastrozole.\n"
        "Results: The 2-year PFS rate was 61% in the chemotherapy arm and 48% in the endocrine "
        "therapy arm."
    )
    defined = registry_of(nlp, text).defined_classes
    assert defined.get("therapy") == frozenset({"anastrozole"})


def test_one_class_definition_records_one(nlp):
    """Guard: one definition, one entry."""
    text = (
        "Pertuzumab added to trastuzumab and chemotherapy\n\n"
        "Methods: Patients were randomly assigned to chemotherapy consisting of docetaxel and "
        "carboplatin plus trastuzumab, or chemotherapy plus trastuzumab and pertuzumab.\n"
        "Results: pCR was 45% with trastuzumab and 60% with trastuzumab and pertuzumab."
    )
    assert set(registry_of(nlp, text).defined_classes) == {"chemotherapy"}


# (4) supportive.supportive_randomisation: the act is the first randomisation word not negated.
COLESTIPOL = (
    "Colestipol to prevent neratinib diarrhoea\n\n"
    "{LEAD}patients starting extended adjuvant neratinib 240 mg daily after trastuzumab-based "
    "therapy {VERB} to loperamide plus colestipol (colestipol arm) or loperamide alone "
    "(loperamide-only arm) during the first 28 days (cycle 1). Grade ≥3 diarrhoea occurred in "
    "10.8% of patients in the colestipol arm and 21.7% of those in the loperamide-only arm "
    "(P = 0.023)."
)
COLESTIPOL_ARMS = {10.8: "colestipol+loperamide+neratinib", 21.7: "loperamide+neratinib"}


def test_supportive_groups_after_non_randomised_substudy(nlp):
    text = COLESTIPOL.replace("{LEAD}", "In a non-randomised substudy, ").replace(
        "{VERB}", "were assigned"
    )
    assert _arms(nlp, text) == COLESTIPOL_ARMS


def test_supportive_groups_after_not_randomized_cohort(nlp):
    text = COLESTIPOL.replace("{LEAD}", "In this non-randomized expansion cohort, ").replace(
        "{VERB}", "were allocated"
    )
    assert _arms(nlp, text) == COLESTIPOL_ARMS


def test_supportive_randomisation_unchanged(nlp):
    """Guard (round 84b): a plain randomisation between supportive regimens."""
    text = COLESTIPOL.replace("{LEAD}", "").replace("{VERB}", "were randomised 1 : 1")
    text = text.replace("\n\npatients", "\n\nPatients")
    assert _arms(nlp, text) == COLESTIPOL_ARMS
