"""Held-out round 6 (b): early-phase and HER2-low abstracts of newer antibody-drug conjugates
and bispecifics (DAISY, trastuzumab rezetecan, disitamab vedotin, DB-1303, zanidatamab, ARX788),
each checking one reading that went wrong on them."""

from __future__ import annotations

from extract_helpers import CI_ROW, arms_of, extract_text, registry_of, rows_of

ZANIDATAMAB_P1 = (
    "Zanidatamab, a novel bispecific antibody, for HER2-expressing cancers: a phase 1 study\n\n"
    "Methods Patients received zanidatamab monotherapy at 10 mg/kg weekly or 20 mg/kg every 2 "
    "weeks. Findings In part 2, confirmed objective responses were observed in 31 (37%; 95% CI "
    "28–46) of 83 patients with response-evaluable disease."
)


def test_a_count_of_objective_responses_with_its_share_is_the_rate(nlp):
    # "objective responses were observed in 31 (37%; ...)": the plural of "objective response"
    # is the ORR term too.
    assert rows_of(nlp, ZANIDATAMAB_P1, CI_ROW) == [("ORR", "rate", 37.0, 28.0, 46.0, None)]


def test_complete_responses_stay_outside_the_contract(nlp):
    # Negative: the plural rule adds rate terms only; "complete responses" stays unread.
    text = ZANIDATAMAB_P1.replace("confirmed objective responses", "complete responses")
    assert rows_of(nlp, text, CI_ROW) == []


DAISY_COHORTS = (
    "Trastuzumab deruxtecan in metastatic breast cancer by HER2 expression: the DAISY trial\n\n"
    "Patients received trastuzumab deruxtecan 5.4 mg/kg every 3 weeks in three cohorts. "
    "Confirmed ORRs were 70.6%, 37.5% and 29.7% in cohorts 1, 2 and 3, respectively. "
    "mDoR was 9.7 months in cohort 1."
)


def test_plural_rate_and_median_abbreviations_are_end_points(nlp):
    # "ORRs" (plural of a rate's abbreviation) and "mDoR" (median form, as "mPFS"/"mOS").
    got = [(e, m, v) for e, m, v, *_ in rows_of(nlp, DAISY_COHORTS, CI_ROW)]
    assert got == [
        ("ORR", "rate", 70.6),
        ("ORR", "rate", 37.5),
        ("ORR", "rate", 29.7),
        ("DOR", "median", 9.7),
    ]


DB1303_SAFETY = (
    "DB-1303 in HER2-expressing advanced solid tumors: a phase 1/2a study\n\n"
    "Patients received DB-1303 every 3 weeks at 2.2 to 10.0 mg/kg. "
    "G≥3 TRAEs occurred in 24.2% of pts; ILD (all G1/2) in 1.5%. "
    "G3/4 TRAEs were reported in 20.5% of patients and G1/2 TRAEs in 60.1%."
)


def test_conference_grade_shorthand_is_a_grade(nlp):
    # "G≥3", "G3/4" are grade >=3 qualifiers, "G1/2" an any-grade one (conference abstracts).
    got = [(e, v) for e, _, v, *_ in rows_of(nlp, DB1303_SAFETY, CI_ROW)]
    assert got == [("AE_G3", 24.2), ("ILD", 1.5), ("AE_G3", 20.5), ("AE", 60.1)]


def test_a_g_inside_a_word_or_code_is_no_grade(nlp):
    # Negative: "HER2-G3" is no grade shorthand.
    text = (
        "DB-1303 phase 1\n\nPatients received DB-1303 every 3 weeks. In the HER2-G3 subgroup, "
        "adverse events occurred in 50% of patients."
    )
    assert [(e, v) for e, _, v, *_ in rows_of(nlp, text, CI_ROW)] == [("AE", 50.0)]


ARX788 = (
    "A phase I trial of ARX788 in HER2-positive metastatic breast cancer\n\n"
    "Purpose: ARX788 is a site-specific HER2-targeting antibody–drug conjugate with a "
    "nonnatural amino acid linker and a potent tubulin inhibitor payload (AS269). Patients "
    "received ARX788 at 0.33 to 1.5 mg/kg every 3 weeks."
)


def test_a_payload_code_is_no_drug(nlp):
    # "a potent tubulin inhibitor payload (AS269)": a part of the conjugate, not a drug given.
    ex = extract_text(nlp, ARX788)
    assert ex.drugs == ["arx788"]


def test_a_code_not_named_as_a_payload_stays_a_drug(nlp):
    # Negative: the same code given as a treatment is still read.
    text = ARX788.replace("payload (AS269). Patients", "payload. Patients also") + (
        " Others received AS269 at 2 mg/kg."
    )
    ex = extract_text(nlp, text)
    assert ex.drugs == ["arx788", "as269"]


RC48_C006 = (
    "Disitamab Vedotin Versus Lapatinib Plus Capecitabine in HER2-Positive Metastatic Breast "
    "Cancer: A Randomized Phase III Trial\n\n"
    "METHODS Patients were randomly assigned 1:1 to receive RC48 2.0 mg/kg once every 2 weeks "
    "or lapatinib 1,250 mg once daily plus capecitabine 1,000 mg/m2 twice daily. "
    "RESULTS Grade ≥3 adverse events occurred in 63.2% of patients in the RC48 arm versus 43.6% "
    "in the comparator arm."
)


def test_a_title_versus_names_the_first_arm_first(nlp):
    # "A Versus B ...: A Randomized Trial": A is an arm of the title's design too, so the arms
    # keep the text's order and "the comparator arm" is B.
    names = [a.name for a in registry_of(nlp, RC48_C006).arms]
    assert names == ["disitamab vedotin", "capecitabine+lapatinib"]
    assert arms_of(nlp, RC48_C006) == {63.2: "disitamab vedotin", 43.6: "capecitabine+lapatinib"}


def test_versus_placebo_in_a_title_adds_no_bare_arm(nlp):
    # Negative: "A versus placebo in combination with B and C" is a placebo design; no bare A arm.
    text = (
        "Pyrotinib versus placebo in combination with trastuzumab and docetaxel in HER2 positive "
        "metastatic breast cancer (PHILA): randomised, double blind, phase 3 trial\n\n"
        "Participants were randomly assigned (1:1) to receive pyrotinib or placebo, in "
        "combination with trastuzumab and docetaxel every three weeks."
    )
    names = sorted(a.name for a in registry_of(nlp, text).arms)
    assert "pyrotinib" not in names


def test_a_value_with_its_own_unread_arm_is_not_the_arm_before(nlp):
    # "versus 6.9 months with the control regimen", "with L+C" (an undefined short): the value is
    # another group's, not the one named before it.
    head = RC48_C006.split("RESULTS")[0]
    for tail in ("with the control regimen", "with L+C"):
        text = head + f"RESULTS Median PFS was 9.9 months with RC48 versus 6.9 months {tail}."
        assert arms_of(nlp, text) == {9.9: "disitamab vedotin", 6.9: None}


def test_a_cohort_after_the_value_keeps_the_single_arm(nlp):
    # Negative: cohorts are populations of the one arm named before ("group"/"cohort" are not
    # read as another arm).
    text = (
        "Trastuzumab deruxtecan by HER2 expression\n\nPatients received trastuzumab deruxtecan "
        "5.4 mg/kg. The ORR with trastuzumab deruxtecan was 70.6% in the HER2-positive cohort "
        "and 37.5% in the HER2-low cohort."
    )
    arm = "trastuzumab deruxtecan"
    assert arms_of(nlp, text) == {70.6: arm, 37.5: arm}
