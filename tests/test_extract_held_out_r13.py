"""Held-out round 13: phase 1/2 dose-finding and expansion-cohort abstracts.

Dose levels, "MTD was not reached", "RP2D 5.4 mg/kg", DLT counts and "(n = 12)" were already
read as no values. Two wrong arms were not: a cohort's value before a ";" took the arm of the
cohort that opens the next clause ("In cohort A, the ORR was 56% (95% CI 30-80); in cohort B,
the ORR was 42%" gave 56% to cohort B and 42% to A), and a passive joiner ("carboplatin AUC 5
was given with paclitaxel") did not bind the two drugs into one regimen, so the value took the
last drug named, paclitaxel, alone. Trial names coordinated in a bracket after "studies" ("phase
1 studies (RC48-C001 and RC48-C006)") were read only in part.
"""

from __future__ import annotations

from extract_helpers import arms_of, trials_in

COHORTS = (
    "Zanidatamab combinations in HER2-positive cancers: a phase 1b study\n\n"
    "Methods: Patients received zanidatamab 20 mg/kg every 2 weeks plus paclitaxel 80 mg/m2 "
    "weekly (cohort A) or zanidatamab 30 mg/kg every 3 weeks plus capecitabine 1000 mg/m2 twice "
    "daily (cohort B). Results: Forty patients were treated. "
)


def test_reference_opening_the_clause_after_a_semicolon_names_that_clauses_value(nlp):
    # Before: 56 took cohort B (capecitabine) and 42 cohort A (paclitaxel).
    text = COHORTS + (
        "In cohort A (n = 16), the ORR was 56% (95% CI 30-80); in cohort B (n = 24), the ORR "
        "was 42%."
    )
    assert arms_of(nlp, text) == {
        56.0: "paclitaxel+zanidatamab",
        42.0: "capecitabine+zanidatamab",
    }


def test_semicolon_without_bracket_still_splits_the_clauses(nlp):
    text = COHORTS + "In cohort A, the ORR was 56%; in cohort B, the ORR was 42%."
    assert arms_of(nlp, text) == {
        56.0: "paclitaxel+zanidatamab",
        42.0: "capecitabine+zanidatamab",
    }


def test_reference_right_after_the_value_still_names_it(nlp):
    # Negative: "56% in cohort A; in cohort B, ..." - the first reference follows its value
    # with no ";" between, so it keeps naming it.
    text = COHORTS + "The ORR was 56% in cohort A; in cohort B, the ORR was 42%."
    assert arms_of(nlp, text) == {
        56.0: "paclitaxel+zanidatamab",
        42.0: "capecitabine+zanidatamab",
    }


def test_passive_given_with_joins_two_drugs_into_one_regimen(nlp):
    # Before: the value took paclitaxel alone (the last drug before it).
    text = (
        "Carboplatin and paclitaxel with a HER2 antibody: a phase 1 cohort\n\n"
        "Carboplatin AUC 5 was given with paclitaxel 80 mg/m2; among 20 patients, the ORR was "
        "55%."
    )
    assert arms_of(nlp, text) == {55.0: "carboplatin+paclitaxel"}


def test_passive_administered_with_joins_two_drugs_into_one_regimen(nlp):
    text = (
        "A phase 1b study\n\n"
        "Carboplatin was administered with docetaxel; the objective response rate was 60%."
    )
    assert arms_of(nlp, text) == {60.0: "carboplatin+docetaxel"}


def test_passive_compared_with_keeps_two_regimens_apart(nlp):
    # Negative: "were compared with" is no joiner; the two groups stay two arms.
    text = (
        "A randomized phase 2 study\n\n"
        "Patients treated with pyrotinib were compared with those treated with lapatinib. "
        "The ORR was 68% with pyrotinib and 57% with lapatinib."
    )
    assert arms_of(nlp, text) == {68.0: "pyrotinib", 57.0: "lapatinib"}


def test_dose_cohorts_of_one_drug_give_no_values_of_their_own(nlp):
    # DLT counts, MTD/RP2D doses and "(n = 12)" brackets are not values; per-dose rates of a
    # single-drug study with no regimen in their clause have no arm.
    text = (
        "Trastuzumab deruxtecan dose escalation: a phase 1 study\n\n"
        "Patients received trastuzumab deruxtecan at 0.8, 1.6, 3.2, 5.4, 6.4 or 8.0 mg/kg every "
        "3 weeks. Dose-limiting toxicities occurred in 2 of 6 patients in cohort 6. The maximum "
        "tolerated dose was not reached; the RP2D was 5.4 mg/kg. The objective response rate "
        "was 43% (n = 12) at 5.4 mg/kg and 67% (n = 12) at 6.4 mg/kg."
    )
    assert arms_of(nlp, text) == {43.0: None, 67.0: None}


def test_carboplatin_auc_dose_does_not_break_the_regimen(nlp):
    # Before: "AUC 6" between carboplatin and "plus" ended the regimen; the value took
    # docetaxel (and paclitaxel) alone.
    text = (
        "A phase 1b study\n\n"
        "Patients received carboplatin AUC 6 plus docetaxel 75 mg/m2 and the ORR was 60%. With "
        "carboplatin at AUC 5 plus paclitaxel the ORR was 50%."
    )
    assert arms_of(nlp, text) == {60.0: "carboplatin+docetaxel", 50.0: "carboplatin+paclitaxel"}


def test_protocol_numbers_coordinated_in_a_bracket_after_studies_are_trials():
    # Before: only RC48-C006 (a known trial) was read.
    text = (
        "In a pooled analysis of disitamab vedotin phase 1 studies (RC48-C001 and RC48-C006), "
        "the objective response rate was 42.9%."
    )
    assert trials_in(text) == ["RC48-C001", "RC48-C006"]


def test_numbered_name_listed_with_registry_ids_in_a_bracket_is_a_trial():
    # Before: ACE-Breast-01 was missed.
    text = "Two phase 1 trials (ACE-Breast-01, CTR20171162; and NCT03255070) enrolled patients."
    assert trials_in(text) == ["ACE-Breast-01", "CTR20171162", "NCT03255070"]


def test_bracket_of_subtypes_after_studies_names_no_trial():
    # Negative: subtype words are no names, even beside a registry id.
    assert trials_in("Two studies (HER2-positive and HER2-low) enrolled patients.") == []
    assert trials_in("Two studies (HER2-positive and NCT03255070) enrolled patients.") == [
        "NCT03255070"
    ]


def test_disease_control_achieved_is_a_dcr(nlp):
    # Before: "Disease control was achieved in 91.2%" gave no value (only "disease control rate"
    # was an end point term).
    text = (
        "Phase 1 study of SHR-A1811\n\nDisease control was achieved in 91.2% of patients, and the "
        "objective response rate was 76.3%."
    )
    got = [(o["endpoint"], o["value"]) for o in nlp(text)._.her2["outcomes"]]
    assert got == [("DCR", 91.2), ("ORR", 76.3)]


def test_local_disease_control_without_a_value_invents_none(nlp):
    text = "Local disease control after radiotherapy was not assessed. The objective response rate was 40%."
    assert [(o["endpoint"], o["value"]) for o in nlp(text)._.her2["outcomes"]] == [("ORR", 40.0)]
