"""Held-out round 10 (e): arm readings the other round-10 probes left open, and P values for
interaction. "an increase in the OS rate from 75.2% to 84%" gave both values the arm of the
drug added; "with pertuzumab (PTC) or without pertuzumab (TC)" read both short forms as
pertuzumab, so both medians went to the arm with it; "A or solvent-based B, each followed by
EC" (and "A or B 150 mg/m2 (later 125 mg/m2) weekly, followed by EC") gave EC to one arm
only; "trastuzumab plus endocrine therapy or chemotherapy" in a title made a drugless
chemotherapy arm, so "the chemotherapy group" had arm null while "the endocrine therapy
group" was "trastuzumab"; "89.4% and 89.8% ... for 6 months vs 12 months of trastuzumab,
respectively" gave the second value arm null. A P for interaction / heterogeneity / trend
tests whether an effect differs between subgroups: it is attached to no value (the P for
non-inferiority stays the ratio's)."""

from __future__ import annotations

from extract_helpers import only_row, outcomes_of, registry_of, rows_of

TITLE = "Title\n\n"


# --- 1. "from X to Y": X is the control's value, Y the experimental arm's -------------------

# NSABP B-31 / NCCTG N9831 joint OS analysis (Perez, J Clin Oncol 2014)
B31 = (
    "Two adjuvant trials compared doxorubicin and cyclophosphamide followed by paclitaxel "
    "(AC-T) with or without concurrent trastuzumab. Arm A received AC-T alone and Arm C "
    "received AC-T plus trastuzumab. With a median follow-up of 8.4 years, the addition of "
    "trastuzumab to chemotherapy led to a 37% relative reduction in the risk of death (HR, "
    "0.63; 95% CI, 0.54 to 0.73; P < .001) and an increase in the 10-year overall survival rate "
    "from 75.2% to 84%."
)
ACT = "cyclophosphamide+doxorubicin+paclitaxel"
ACTH = "cyclophosphamide+doxorubicin+paclitaxel+trastuzumab"


def test_from_to_gives_the_first_value_to_the_arm_without_the_added_drug(nlp):
    assert only_row(outcomes_of(nlp, TITLE + B31), 75.2).arm == ACT
    assert only_row(outcomes_of(nlp, TITLE + B31), 84.0).arm == ACTH


def test_from_to_without_an_added_drug_leaves_both_arms_null(nlp):
    text = B31.replace("the addition of trastuzumab to chemotherapy", "trastuzumab")
    assert only_row(outcomes_of(nlp, TITLE + text), 75.2).arm is None
    assert only_row(outcomes_of(nlp, TITLE + text), 84.0).arm is None


def test_from_to_in_a_single_arm_study_keeps_its_arm(nlp):
    # negative: one regimen, a change over time within it
    text = (
        "Patients received trastuzumab deruxtecan 5.4 mg/kg every 3 weeks. The objective "
        "response rate with trastuzumab deruxtecan increased from 52.6% to 60.9%."
    )
    assert only_row(outcomes_of(nlp, TITLE + text), 52.6).arm == "trastuzumab deruxtecan"
    assert only_row(outcomes_of(nlp, TITLE + text), 60.9).arm == "trastuzumab deruxtecan"


# --- 2. "A with B (X) or without B (Y)" ------------------------------------------------------

# PRECIOUS (JBCRG-M05; Yamashita, SABCS 2021)
PRECIOUS = (
    "Patients were randomly assigned to trastuzumab plus chemotherapy of physician's choice "
    "with pertuzumab (PTC) or without pertuzumab (TC). Median progression-free survival was "
    "5.3 months with PTC and 4.2 months with TC (hazard ratio 0.76, 95% CI 0.55-1.06; "
    "p=0.1061)."
)
PRECIOUS_TITLE = (
    "Pertuzumab retreatment with trastuzumab plus chemotherapy in HER2-positive advanced breast "
    "cancer: a randomised phase 3 trial (PRECIOUS)\n\n"
)


def test_with_b_or_without_b_short_forms_name_their_arms(nlp):
    assert (
        only_row(outcomes_of(nlp, PRECIOUS_TITLE + PRECIOUS), 5.3).arm == "pertuzumab+trastuzumab"
    )
    assert only_row(outcomes_of(nlp, PRECIOUS_TITLE + PRECIOUS), 4.2).arm == "trastuzumab"


def test_with_b_or_without_b_needs_the_same_drug_after_without(nlp):
    # negative: "without" another drug is no "with or without" design
    text = TITLE + PRECIOUS.replace("without pertuzumab (TC)", "without lapatinib (TC)")
    assert "TC" not in registry_of(nlp, text).short_forms


# --- 3. a sequence after "A or B" belongs to both options -----------------------------------

# GeparSepto (Untch, Lancet Oncol 2016)
SEPTO_EACH = (
    "Patients were randomly assigned to nab-paclitaxel or solvent-based paclitaxel, each "
    "followed by epirubicin plus cyclophosphamide (EC). pCR was achieved by 233 (38%) of 606 "
    "patients in the nab-paclitaxel group and by 174 (29%) of 600 in the paclitaxel group (odds "
    "ratio 1.53, 95% CI 1.20-1.95; p=0.001)."
)
SEPTO_DOSES = (
    "Patients were randomly assigned to paclitaxel 80 mg/m2 or nab-paclitaxel 150 mg/m2 (later "
    "125 mg/m2) weekly for 12 weeks, followed by four cycles of epirubicin plus "
    "cyclophosphamide. pCR was achieved by 233 (38%) of 606 patients in the nab-paclitaxel group "
    "and by 174 (29%) of 600 in the paclitaxel group (odds ratio 1.53, 95% CI 1.20-1.95; "
    "p=0.001)."
)
NAB_EC = "cyclophosphamide+epirubicin+nab-paclitaxel"
PAC_EC = "cyclophosphamide+epirubicin+paclitaxel"


def test_each_followed_by_after_a_formulation_word_joins_both_options(nlp):
    assert only_row(outcomes_of(nlp, TITLE + SEPTO_EACH), 38.0).arm == NAB_EC
    assert only_row(outcomes_of(nlp, TITLE + SEPTO_EACH), 29.0).arm == PAC_EC


def test_followed_by_after_a_dose_note_joins_both_options(nlp):
    assert only_row(outcomes_of(nlp, TITLE + SEPTO_DOSES), 38.0).arm == NAB_EC
    assert only_row(outcomes_of(nlp, TITLE + SEPTO_DOSES), 29.0).arm == PAC_EC


def test_a_labelled_bracket_before_followed_by_still_ends_the_options(nlp):
    # negative: "(T)" is a short form, not a dose note; the sequence stays the last option's
    text = TITLE + (
        "Patients were randomly assigned to paclitaxel or docetaxel (T), followed by "
        "epirubicin plus cyclophosphamide."
    )
    names = {a.name for a in registry_of(nlp, text).arms}
    assert "paclitaxel" in names


# --- 4. class partners of one drug: both arms carry the drug's name --------------------------

# SYSUCC-002 (Hua, J Clin Oncol 2022)
SYSUCC_TITLE = (
    "Trastuzumab plus endocrine therapy or chemotherapy as first-line treatment for hormone "
    "receptor-positive, HER2-positive metastatic breast cancer (SYSUCC-002): a randomized, "
    "open-label, non-inferiority trial\n\n"
)
SYSUCC = (
    "Methods: In this open-label, non-inferiority, phase 3 trial, 392 patients were randomly assigned (1:1) to trastuzumab plus endocrine therapy or "
    "trastuzumab plus chemotherapy. Median overall survival was 33.9 months in the endocrine "
    "therapy group and 32.5 months in the chemotherapy group (HR 0.82, 95% CI 0.65-1.04). Grade "
    "3 or higher adverse events occurred in 8.1% of patients in the endocrine therapy arm and "
    "26.7% of patients in the chemotherapy arm."
)


def test_class_partner_after_or_in_a_title_is_no_drugless_arm(nlp):
    for value in (33.9, 32.5, 8.1, 26.7):
        assert only_row(outcomes_of(nlp, SYSUCC_TITLE + SYSUCC), value).arm == "trastuzumab", value


def test_class_alone_after_or_is_still_a_drugless_arm(nlp):
    # negative: "A plus chemotherapy or endocrine therapy alone": "alone" makes it an arm
    text = TITLE + (
        "Patients were randomly assigned to trastuzumab plus chemotherapy or endocrine therapy "
        "alone."
    )
    assert any(not a.drugs for a in registry_of(nlp, text).arms)


def test_class_partner_after_or_defines_no_drugless_arm(nlp):
    text = TITLE + (
        "Patients were randomly assigned to trastuzumab plus endocrine therapy or chemotherapy."
    )
    assert [a.name for a in registry_of(nlp, text).arms] == ["trastuzumab"]


# --- 5. duration arms listed before "respectively" -------------------------------------------

# PERSEPHONE (Earl, Lancet 2019)
PERSEPHONE = (
    "Patients were randomly assigned to 6 months or 12 months of trastuzumab. 4-year "
    "disease-free survival for 6 months vs 12 months of trastuzumab was 89.4% and 89.8%, "
    "respectively (hazard ratio 1.07, 90% CI 0.93-1.24; non-inferiority p=0.011)."
)


def test_duration_list_before_respectively_names_both_values(nlp):
    assert only_row(outcomes_of(nlp, TITLE + PERSEPHONE), 89.4).arm == "trastuzumab"
    assert only_row(outcomes_of(nlp, TITLE + PERSEPHONE), 89.8).arm == "trastuzumab"


# --- 6. P for interaction / heterogeneity / trend is no value's P ----------------------------

SUBGROUPS = (
    "Patients were randomly assigned to trastuzumab plus docetaxel or docetaxel alone. The "
    "benefit in PFS was larger in hormone receptor-negative disease (HR 0.52, 95% CI "
    "0.40-0.68; P for interaction = 0.03). In node-positive patients the HR for OS was 0.70 "
    "(95% CI 0.55-0.89; Pinteraction = .41). The 3-year DFS rates were 80% and 70% in younger "
    "patients (interaction P = 0.2). The HR for OS in patients with brain metastases was 0.58 "
    "(95% CI 0.40-0.84; P(interaction) = 0.31). The ORR was 60% versus 40% (P for trend = "
    "0.01). Median PFS was 12.4 versus 6.1 months (HR 0.55, 95% CI 0.44-0.69; P for "
    "non-inferiority < 0.001)."
)


def test_interaction_and_trend_p_values_attach_to_nothing(nlp):
    got = {
        (ep, value): p
        for ep, _, value, _, p in rows_of(
            nlp, TITLE + SUBGROUPS, ("endpoint", "measure", "value", "arm", "p")
        )
    }
    for key in (("PFS", 0.52), ("OS", 0.7), ("DFS", 80.0), ("DFS", 70.0), ("OS", 0.58)):
        assert got[key] is None, key
    assert got[("ORR", 60.0)] is None and got[("ORR", 40.0)] is None


def test_non_inferiority_p_stays_with_its_ratio(nlp):
    got = {
        (ep, value): p
        for ep, _, value, _, p in rows_of(
            nlp, TITLE + SUBGROUPS, ("endpoint", "measure", "value", "arm", "p")
        )
    }
    assert got[("PFS", 0.55)] == "<0.001"


def test_p_after_a_subgroup_rate_pair_without_interaction_is_shared(nlp):
    # negative: an ordinary P after compared rates is still each rate's
    text = SUBGROUPS.split(" The ORR")[0].split("The 3-year")[0] + (
        "The ORR was 60% versus 40% (P = 0.01)."
    )
    got = {
        (ep, value): p
        for ep, _, value, _, p in rows_of(
            nlp, TITLE + text, ("endpoint", "measure", "value", "arm", "p")
        )
    }
    assert got[("ORR", 60.0)] == "0.01" and got[("ORR", 40.0)] == "0.01"
