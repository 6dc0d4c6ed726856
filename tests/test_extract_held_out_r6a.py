"""Held-out round 6 (a): multi-arm adjuvant and neoadjuvant trials outside the gold set (ALTTO,
TECHNO), each checking one reading that went wrong on them: a defined one-letter short form
after "the" ("1% in the T arm"), an end point written as a subgroup of patients ("73% in
patients without pCR" is a DFS rate, not a pCR rate), the P of rates compared across such
subgroups, a "respectively" run after subgroup rates (not the arms under discussion), a
relative reduction ("a 4% reduction with T→L") read as a rate, and groups named by their
schedule ("the sequential group") in a design whose arms give the same drugs (ACOSOG Z1041)."""

from __future__ import annotations

from extract_helpers import only_row, outcomes_of

from her2mine.extract.drugs.letters import letter_hits
from her2mine.extract.hits import Hit

ALTTO = (
    "Adjuvant Lapatinib and Trastuzumab for Early HER2-Positive Breast Cancer: Results From the "
    "Randomized Phase III ALTTO Trial\n\n"
    "PATIENTS AND METHODS Patients were randomly assigned to 1 year of adjuvant therapy with "
    "trastuzumab (T), lapatinib (L), their sequence (T→L), or their combination (L+T).\n"
    "RESULTS At a median follow-up of 4.5 years, a 16% reduction in the hazard of a DFS event "
    "was observed with L+T compared with T (hazard ratio [HR], 0.84; 97.5% CI, 0.70 to 1.02; "
    "P = .048), and a 4% reduction with T→L (HR, 0.96; 97.5% CI, 0.80 to 1.15; P = .61). "
    "Four-year DFS was 88% for L+T, 87% for T→L, and 86% for T. Diarrhea was more frequent in "
    "the lapatinib-containing arms; grade 3 or higher diarrhea occurred in 15% of patients in "
    "the L+T arm, 5% in the T→L arm, and 1% in the T arm."
)
LT = "lapatinib+trastuzumab"

Z1041 = (
    "FEC-75 followed by paclitaxel plus trastuzumab versus paclitaxel plus trastuzumab followed "
    "by FEC-75 plus trastuzumab as neoadjuvant treatment (Z1041): a randomised phase 3 trial\n\n"
    "Methods Patients were randomly assigned (1:1) to the sequential group (fluorouracil, "
    "epirubicin, and cyclophosphamide [FEC-75] for four cycles, followed by paclitaxel and "
    "trastuzumab weekly for 12 weeks) or to the concurrent group (paclitaxel plus trastuzumab "
    "for 12 weeks, followed by FEC-75 plus trastuzumab for four cycles).\n"
    "Findings Pathological complete response in the breast occurred in 56·5% (95% CI "
    "47·8–64·9) of patients in the sequential group and 54·2% (45·7–62·6) in the concurrent "
    "group."
)
FECPH = "cyclophosphamide+epirubicin+fluorouracil+paclitaxel+trastuzumab"

TECHNO = (
    "Pathologic complete response after neoadjuvant chemotherapy plus trastuzumab predicts "
    "favorable survival: results from the TECHNO trial\n\n"
    "PURPOSE To evaluate long-term outcome of patients treated with neoadjuvant chemotherapy "
    "plus trastuzumab.\n"
    "PATIENTS AND METHODS In this single-arm phase II trial, 217 patients received four cycles "
    "of epirubicin plus cyclophosphamide followed by four cycles of paclitaxel plus trastuzumab "
    "every 3 weeks.\n"
    "RESULTS A pCR was achieved in 38.7% of patients. After a median follow-up of 40 months, "
    "the 3-year disease-free survival (DFS) was 88% in patients with pCR and 73% in patients "
    "without pCR (P = .01), and 3-year overall survival (OS) was 96% and 86%, respectively "
    "(P = .025)."
)


# --- "1% in the T arm": a defined one-letter short form after "the" ----------------------------


def test_letter_after_the_names_its_arm(nlp):
    assert only_row(outcomes_of(nlp, ALTTO), 15.0, skipped=("HR",)).arm == LT
    assert (
        only_row(outcomes_of(nlp, ALTTO), 5.0, skipped=("HR",)).arm == LT
    )  # "the T→L arm": the sequence has both drugs
    assert only_row(outcomes_of(nlp, ALTTO), 1.0, skipped=("HR",)).arm == "trastuzumab"


def test_letter_after_the_needs_a_regimen_context():
    text = "Trastuzumab (T) was given for 1 year. Patients with the T stage of disease were older."
    hit = Hit("drug", 0, 11, "Trastuzumab", "trastuzumab", ["trastuzumab"])
    assert letter_hits(text, [hit]) == []  # "the T stage": no joiner, arm or group after it


# --- a relative reduction is no rate ------------------------------------------------------------


def test_relative_reduction_is_no_rate(nlp):
    values = [o.value for o in outcomes_of(nlp, ALTTO)]
    assert 4.0 not in values and 16.0 not in values
    assert only_row(outcomes_of(nlp, ALTTO), 88.0, skipped=("HR",)).endpoint == "DFS"


def test_reduction_later_in_the_clause_keeps_the_rate(nlp):
    text = (
        "Trastuzumab after adjuvant chemotherapy\n\n"
        "Patients were randomly assigned to trastuzumab or observation. The 3-year DFS rate was "
        "80.6% with trastuzumab, a result that represents a reduction in the risk of recurrence."
    )
    assert only_row(outcomes_of(nlp, text), 80.6, skipped=("HR",)).endpoint == "DFS"


# --- end points written as subgroups of patients ------------------------------------------------


def test_endpoint_naming_a_subgroup_is_not_the_values_endpoint(nlp):
    row = only_row(outcomes_of(nlp, TECHNO), 73.0, skipped=("HR",))
    assert (row.endpoint, row.arm) == ("DFS", None)
    assert (
        only_row(outcomes_of(nlp, TECHNO), 38.7, skipped=("HR",)).endpoint == "pCR"
    )  # "A pCR was achieved in 38.7%"


def test_subgroup_endpoint_before_its_own_value_is_kept(nlp):
    text = (
        "Neoadjuvant trastuzumab\n\n"
        "Patients received paclitaxel plus trastuzumab. The pCR rate was 40.2% in patients with "
        "hormone receptor-negative disease."
    )
    assert only_row(outcomes_of(nlp, text), 40.2, skipped=("HR",)).endpoint == "pCR"


def test_rates_of_subgroups_share_their_p(nlp):
    assert only_row(outcomes_of(nlp, TECHNO), 88.0, skipped=("HR",)).p == "0.01"
    assert only_row(outcomes_of(nlp, TECHNO), 73.0, skipped=("HR",)).p == "0.01"


def test_respectively_after_subgroup_rates_takes_no_arms(nlp):
    for value in (96.0, 86.0):
        row = only_row(outcomes_of(nlp, TECHNO), value, skipped=("HR",))
        assert (row.endpoint, row.arm, row.p) == ("OS", None, "0.025")


def test_respectively_run_without_subgroups_keeps_the_arms_under_discussion(nlp):
    text = (
        "Pertuzumab plus trastuzumab and docetaxel\n\n"
        "Patients were randomly assigned to pertuzumab plus trastuzumab and docetaxel or to "
        "trastuzumab and docetaxel. The pCR rates were 45.8% and 29.0%, respectively (P = .0141)."
    )
    assert (
        only_row(outcomes_of(nlp, text), 45.8, skipped=("HR",)).arm
        == "docetaxel+pertuzumab+trastuzumab"
    )
    assert only_row(outcomes_of(nlp, text), 29.0, skipped=("HR",)).arm == "docetaxel+trastuzumab"


# --- "the sequential group": a schedule-named arm of a same-drugs design ------------------------


def test_schedule_named_groups_of_a_same_drugs_design(nlp):
    assert only_row(outcomes_of(nlp, Z1041), 56.5, skipped=("HR",)).arm == FECPH
    assert only_row(outcomes_of(nlp, Z1041), 54.2, skipped=("HR",)).arm == FECPH


def test_schedule_named_group_of_a_design_with_different_drugs_is_no_arm(nlp):
    text = (
        "Paclitaxel with or after trastuzumab\n\n"
        "Patients were randomly assigned to paclitaxel plus trastuzumab or to paclitaxel alone. "
        "The pCR rate was 41.3% in the concurrent group."
    )
    assert only_row(outcomes_of(nlp, text), 41.3, skipped=("HR",)).arm is None
