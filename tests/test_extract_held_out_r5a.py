"""Held-out round 5 (a): metastatic endocrine- and TKI-combination trials outside the gold set
(EGF100151, TAnDEM, GBG 26/BIG 03-05, LUX-Breast 1, PERTAIN), each checking one reading that
went wrong on them: arms
defined only by the generic names that open their brackets ("combination therapy (A ... plus
B ...) or monotherapy (B alone ...)"), a daily dose written "continuously" between two drugs of
one regimen, a P closing an HR bracket that a patient count opens ("(n = 104; hazard ratio ...;
median PFS, 4.8 v 2.4 months; log-rank P = .0016)"), "A alone or with continuation of B", a
prior-treatment phrase with "progressed during", and two values per arm before each arm's
reference ("23% and 5% of patients in the A arm and 15% and 1% in the B arm"), a ratio's CI
after a comma ("HR 1·48, 1·05–2·07; p=0·0247"), a route word before a partner ("plus
intravenous vinorelbine"), "A 1 mg/d alone (A arm) or in combination with weekly B", a
crossover share read as a rate, per-patient options written with doses ("anastrozole 1 mg or
letrozole 2.5 mg daily") and a grade qualifier carried to serious events in a later clause."""

from __future__ import annotations

from extract_helpers import arms_of, outcomes_of, registry_of

from her2mine.extract.regimens import gap_kind

EGF100151 = (
    "Lapatinib plus Capecitabine for HER2-Positive Advanced Breast Cancer\n\n"
    "METHODS Women with HER2-positive, locally advanced or metastatic breast cancer that had "
    "progressed after treatment with regimens that included an anthracycline, a taxane, and "
    "trastuzumab were randomly assigned to receive either combination therapy (lapatinib at a "
    "dose of 1250 mg per day continuously plus capecitabine at a dose of 2000 mg per square meter "
    "of body-surface area on days 1 through 14 of a 21-day cycle) or monotherapy (capecitabine "
    "alone at a dose of 2500 mg per square meter on days 1 through 14 of a 21-day cycle).\n"
    "RESULTS The hazard ratio for the independently assessed time to progression was 0.49 (95% "
    "confidence interval, 0.34 to 0.71; P<0.001). The median time to progression was 8.4 months "
    "in the combination-therapy group as compared with 4.4 months in the monotherapy group. The "
    "overall response rate was 22% in the combination-therapy group and 14% in the monotherapy "
    "group (P=0.09)."
)
LC = "capecitabine+lapatinib"

TANDEM = (
    "Trastuzumab plus anastrozole versus anastrozole alone for the treatment of postmenopausal "
    "women with HER2-positive, hormone receptor-positive metastatic breast cancer: results from "
    "the randomized phase III TAnDEM study\n\n"
    "PATIENTS AND METHODS Postmenopausal women with HER2-positive and hormone receptor-positive "
    "MBC were randomly assigned to anastrozole (1 mg/d) with or without trastuzumab (4 mg/kg "
    "loading dose, then 2 mg/kg every week) until progression.\n"
    "RESULTS Patients randomly assigned to trastuzumab plus anastrozole (n = 103) experienced "
    "longer PFS compared with patients receiving anastrozole alone (n = 104; hazard ratio = 0.63; "
    "95% CI, 0.47 to 0.84; median PFS, 4.8 v 2.4 months; log-rank P = .0016). Grade 3 and 4 "
    "adverse events occurred in 23% and 5% of patients in the combination arm and 15% and 1% in "
    "the anastrozole alone arm, respectively."
)
AT = "anastrozole+trastuzumab"

GBG26 = (
    "Trastuzumab beyond progression in human epidermal growth factor receptor 2-positive advanced "
    "breast cancer: a German Breast Group 26/Breast International Group 03-05 study\n\n"
    "PATIENTS AND METHODS Patients with HER2-positive breast cancer that progressed during "
    "treatment with trastuzumab were randomly assigned to receive capecitabine (2,500 mg/m2 "
    "body-surface area on days 1 through 14 [1,250 mg/m2 semi-daily]) alone or with continuation "
    "of trastuzumab (6 mg/kg body weight every 3 weeks).\n"
    "RESULTS In 78 patients treated with capecitabine alone, the median TTP was 5.6 months, "
    "compared with 8.2 months in 78 patients with continued trastuzumab treatment (hazard ratio, "
    "0.69; 95% CI, 0.48 to 0.97; two-sided log-rank P = .0338)."
)
CT = "capecitabine+trastuzumab"


def _arm_drugs(nlp, text: str) -> list[list[str]]:
    return [a.drugs for a in registry_of(nlp, text).arms]


# --- "either combination therapy (A plus B) or monotherapy (B alone)" --------------------------


def test_generic_names_opening_brackets_define_the_arms(nlp):
    assert _arm_drugs(nlp, EGF100151) == [["capecitabine", "lapatinib"], ["capecitabine"]]


def test_combination_and_monotherapy_groups_resolve_to_the_bracketed_regimens(nlp):
    # Before: no arm was defined, so all four values had arm null.
    assert arms_of(nlp, EGF100151) == {8.4: LC, 4.4: "capecitabine", 22.0: LC, 14.0: "capecitabine"}


def test_a_continuous_daily_dose_does_not_split_a_regimen():
    assert gap_kind(" at a dose of 1250 mg per day continuously plus ") == "strong"
    assert gap_kind(" continuously plus ") == "strong"


def test_a_combination_received_before_is_no_arm(nlp):
    # Negative: a bracketed combination after a prior-treatment phrase names no arm.
    text = (
        "Title\n\nPatients previously exposed to combination therapy (trastuzumab plus docetaxel) "
        "were randomly assigned to lapatinib or capecitabine."
    )
    assert _arm_drugs(nlp, text) == [["lapatinib"], ["capecitabine"]]


def test_a_bracket_after_another_word_is_no_arm(nlp):
    # Negative: only a generic arm name before the bracket makes its regimen a design regimen.
    text = (
        "Title\n\nPatients were randomly assigned to lapatinib or capecitabine after induction "
        "therapy (trastuzumab plus docetaxel)."
    )
    assert _arm_drugs(nlp, text) == [["lapatinib"], ["capecitabine"]]


# --- "(n = 104; hazard ratio = 0.63; ...; median PFS, 4.8 v 2.4 months; log-rank P = .0016)" -----


def test_a_p_closing_a_count_opened_hr_bracket_is_the_ratios(nlp):
    # Before: the P went to the 2.4-month median and the HR had none.
    got = {(o.measure, o.value): o.p for o in outcomes_of(nlp, TANDEM) if o.endpoint == "PFS"}
    assert got == {("HR", 0.63): "0.0016", ("median", 4.8): None, ("median", 2.4): None}


def test_medians_in_a_count_opened_bracket_without_a_ratio_keep_their_p(nlp):
    # Negative: no HR in the bracket, so the compared medians share the P.
    text = (
        "Title\n\nPatients were randomly assigned to anastrozole with or without trastuzumab. "
        "PFS was longer with trastuzumab plus anastrozole than with anastrozole alone "
        "(n = 104; median PFS, 4.8 v 2.4 months; log-rank P = .0016)."
    )
    got = {o.value: o.p for o in outcomes_of(nlp, text)}
    assert got == {4.8: "0.0016", 2.4: "0.0016"}


# --- "A alone or with continuation of B"; "progressed during treatment with B" -----------------


def test_alone_or_with_continuation_of_defines_the_add_on_arm(nlp):
    assert _arm_drugs(nlp, GBG26) == [["capecitabine"], ["capecitabine", "trastuzumab"]]


def test_continued_add_on_names_the_combination_arm(nlp):
    # Before: 8.2 months went to a "trastuzumab" arm read from "progressed during treatment
    # with trastuzumab".
    assert arms_of(nlp, GBG26) == {5.6: "capecitabine", 8.2: CT}


def test_progressed_during_names_a_prior_treatment(nlp):
    text = (
        "Title\n\nPatients whose disease progressed during first-line treatment with "
        "trastuzumab were randomly assigned to receive either lapatinib or capecitabine."
    )
    assert _arm_drugs(nlp, text) == [["lapatinib"], ["capecitabine"]]


def test_alone_or_with_still_needs_a_bare_joiner(nlp):
    # Negative: "alone or with <words> of" other than continuation/addition stays two arms read
    # as written ("or" then the regimen).
    text = (
        "Title\n\nPatients were randomly assigned to capecitabine alone or lapatinib plus "
        "capecitabine."
    )
    assert _arm_drugs(nlp, text) == [["capecitabine"], ["capecitabine", "lapatinib"]]


# --- "23% and 5% of patients in the A arm and 15% and 1% in the B arm" -------------------------


def test_two_values_before_each_arms_reference_are_that_arms(nlp):
    # Before: 23% and 15% had arm null.
    got = {o.value: o.arm for o in outcomes_of(nlp, TANDEM) if o.endpoint == "AE_G3"}
    assert got == {23.0: AT, 5.0: AT, 15.0: "anastrozole", 1.0: "anastrozole"}


def test_a_single_pair_before_one_reference_is_not_read_as_one_arms(nlp):
    # Negative: one "X% and Y% in the A arm" may be two groups' values; it is left as before.
    text = (
        "Title\n\nPatients were randomly assigned to anastrozole with or without trastuzumab. "
        "Grade 3 adverse events occurred in 23% and 15% of patients in the combination arm."
    )
    assert arms_of(nlp, text)[23.0] is None


# --- Lancet style: "(HR 1·48, 1·05–2·07; p=0·0247)"; "plus intravenous vinorelbine" -----------

LUX_BREAST_1 = (
    "Afatinib plus vinorelbine versus trastuzumab plus vinorelbine in HER2-overexpressing "
    "metastatic breast cancer (LUX-Breast 1): an open-label, randomised, phase 3 trial\n\n"
    "Methods We randomly assigned (2:1) women with HER2-positive metastatic breast cancer to "
    "receive oral afatinib 40 mg once daily plus intravenous vinorelbine 25 mg/m² once weekly or "
    "intravenous trastuzumab 2 mg/kg once weekly (after a 4 mg/kg loading dose) plus "
    "vinorelbine.\n"
    "Findings Median progression-free survival was 5·5 months (95% CI 5·4–5·6) in the afatinib "
    "group and 5·6 months (5·3–7·3) in the trastuzumab group (hazard ratio 1·10, 95% CI "
    "0·86–1·41; p=0·43). Median overall survival was shorter in the afatinib group than in the "
    "trastuzumab group (20·5 months vs 28·6 months; HR 1·48, 1·05–2·07; p=0·0247)."
)


def test_a_ratios_comma_range_is_its_ci_and_the_p_follows(nlp):
    # Before: the OS HR had no CI and no P.
    hr = [o for o in outcomes_of(nlp, LUX_BREAST_1) if o.measure == "HR" and o.endpoint == "OS"]
    assert [(o.value, o.ci_low, o.ci_high, o.p) for o in hr] == [(1.48, 1.05, 2.07, "0.0247")]


def test_a_comma_range_that_does_not_hold_the_ratio_is_no_ci(nlp):
    # Negative: "HR 0.62, 1.05-2.07" cannot be the ratio's CI.
    text = "Title\n\nOverall survival favoured the combination (HR 0.62, 1.05-2.07; p=0.02)."
    hr = [o for o in outcomes_of(nlp, text) if o.measure == "HR"]
    assert [(o.ci_low, o.ci_high) for o in hr] == [(None, None)]


def test_a_route_before_the_partner_stays_in_the_regimen(nlp):
    # Before: the afatinib arm was afatinib alone.
    assert arms_of(nlp, LUX_BREAST_1)[5.5] == "afatinib+vinorelbine"
    assert gap_kind(" 40 mg once daily plus intravenous ") == "strong"


# --- "A 1 mg/d alone (A arm) or in combination with weekly B (TA arm)" --------------------------


def test_alone_with_dose_and_label_or_in_combination_with(nlp):
    text = (
        "Title\n\nIn the TAnDEM trial, 207 postmenopausal women were randomly assigned 1:1 to "
        "anastrozole 1 mg/d alone (A arm) or in combination with weekly trastuzumab (TA arm). "
        "Median PFS was 4.8 months in the TA arm and 2.4 months in the A arm (HR 0.63; 95% CI "
        "0.47-0.84; P = .0016)."
    )
    # Before: the TA arm was trastuzumab alone.
    assert arms_of(nlp, text) == {4.8: AT, 2.4: "anastrozole"}


# --- "70% of patients in the A arm crossed over" ---------------------------------------------


def test_a_crossover_share_is_no_outcome(nlp):
    text = (
        "Title\n\nPatients were randomly assigned to anastrozole with or without trastuzumab. "
        "Median OS was 28.5 v 23.9 months (P = .325); 70% of patients in the anastrozole alone "
        "arm crossed over to receive trastuzumab at progression."
    )
    # Before: 70% was read as an OS rate.
    assert sorted(o.value for o in outcomes_of(nlp, text)) == [23.9, 28.5]


def test_a_share_without_crossover_is_still_read(nlp):
    # Negative: a rate of the end point followed by its group stays an outcome.
    text = (
        "Title\n\nPatients were randomly assigned to anastrozole with or without trastuzumab. "
        "The 2-year OS rate was 70% of patients in the anastrozole alone arm."
    )
    assert 70.0 in [o.value for o in outcomes_of(nlp, text)]


# --- "plus anastrozole 1 mg or letrozole 2.5 mg daily (Arm A)" --------------------------------

PERTAIN_CONF = (
    "PERTAIN: pertuzumab plus trastuzumab plus an aromatase inhibitor in HER2-positive, hormone "
    "receptor-positive metastatic breast cancer\n\n"
    "Methods: Patients were randomized 1:1 to pertuzumab (840 mg loading dose, then 420 mg q3w) "
    "plus trastuzumab (8 mg/kg loading dose, then 6 mg/kg q3w) plus anastrozole 1 mg or "
    "letrozole 2.5 mg daily (Arm A), or trastuzumab plus anastrozole or letrozole (Arm B). "
    "Results: Median PFS was 18.89 mo in Arm A vs 15.80 mo in Arm B (stratified HR 0.65, 95% CI "
    "0.48-0.89, p=0.0070). Grade ≥3 AEs: 50.4% (Arm A) vs 39.2% (Arm B); serious AEs: 33.1% vs "
    "19.2%."
)
PT = "pertuzumab+trastuzumab"


def test_options_written_with_their_doses_are_per_patient_options(nlp):
    # Before: arm A was read as "letrozole" (anastrozole 1 mg / letrozole 2.5 mg as two arms).
    got = arms_of(nlp, PERTAIN_CONF)
    assert (got[18.89], got[15.8]) == (PT, "trastuzumab")


def test_drugs_of_two_classes_with_doses_are_not_options(nlp):
    # Negative: "A 1 mg or B 2 mg" of different classes name two arms.
    text = (
        "Title\n\nPatients were randomized to trastuzumab plus lapatinib 1000 mg or docetaxel "
        "75 mg/m2. Median PFS was 8.1 months with trastuzumab plus lapatinib and 6.0 months with "
        "docetaxel."
    )
    assert arms_of(nlp, text) == {8.1: "lapatinib+trastuzumab", 6.0: "docetaxel"}


# --- "Grade ≥3 AEs: ...; serious AEs: ..." ---------------------------------------------------


def test_a_grade_qualifier_does_not_reach_serious_events_in_a_later_clause(nlp):
    # Before: the serious-AE rates were read as grade >=3 (AE_G3).
    got = {o.value: o.endpoint for o in outcomes_of(nlp, PERTAIN_CONF) if o.measure == "incidence"}
    assert got == {50.4: "AE_G3", 39.2: "AE_G3", 33.1: "AE", 19.2: "AE"}


def test_a_grade_qualifier_in_the_same_clause_still_reaches_other_events(nlp):
    # Negative: no serious-event mention, so the qualifier before ";" still applies.
    text = (
        "Title\n\nGrade 3 or worse adverse events included neutropenia (20%); diarrhea (10%) "
        "was less frequent."
    )
    got = {o.value: o.endpoint for o in outcomes_of(nlp, text)}
    assert got == {20.0: "AE_G3", 10.0: "AE_G3"}
