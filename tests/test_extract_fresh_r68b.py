"""Fresh round 68b: values and names. A "the most common were ..." list after a grade >=3
sentence lost its grade; "the percentages of patients with a pCR were ..." read the end point as
a subgroup and gave no rate; ratios of patient groups told apart by a feature ("in patients with
>=3 previous lines than in those with 1-2", "brain metastases vs none") were kept as outcomes; a
P labelled with one pair of three arms outside a bracket ("; arm C vs arm A, P = 0.013") or by
bare letters ("(C vs A: P = 0.02)") went to all three; pemetrexed was no lexicon drug, "BT-474"
outside a cell-line phrase read as a sponsor code, and a protocol number bracketed after "the
NAME trial" ("(EAY131)") was not listed. Short forms defined after a dosed regimen ("eribulin
1.4 mg/m² on days 1 and 8 plus HP (EHP)") were already read in full."""

from __future__ import annotations

from extract_helpers import ARM_ROW, P_ROW, extract_text, rows_of

EHP = "eribulin+pertuzumab+trastuzumab"
PHP = "paclitaxel+pertuzumab+trastuzumab"
PYRO = "capecitabine+pyrotinib"
LAPA = "capecitabine+lapatinib"


def test_short_form_after_dosed_regimen_holds_the_whole_regimen(nlp):
    """ "eribulin 1.4 mg/m² on days 1 and 8 plus HP (EHP)": EHP is eribulin with both
    antibodies, and values "with EHP" / "in the EHP arm" carry it."""
    text = (
        "Eribulin or paclitaxel plus trastuzumab and pertuzumab\n\n"
        "Patients were randomly assigned to eribulin 1.4 mg/m² on days 1 and 8 plus HP (EHP) or "
        "paclitaxel 80 mg/m² weekly plus HP (PHP). Median PFS was 14.0 months with EHP and 12.2 "
        "months with PHP. The ORR was 70% in the EHP arm and 68% in the PHP arm."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert ("PFS", "median", 14.0, EHP) in rows
    assert ("PFS", "median", 12.2, PHP) in rows
    assert ("ORR", "rate", 70.0, EHP) in rows
    assert ("ORR", "rate", 68.0, PHP) in rows


PYRO_DESIGN = (
    "Pyrotinib plus capecitabine versus lapatinib plus capecitabine\n\n"
    "Patients were randomly assigned to pyrotinib plus capecitabine or lapatinib plus "
    "capecitabine. "
)


def test_most_common_list_keeps_the_grade_of_the_sentence_before(nlp):
    """ "Grade ≥3 AEs occurred in 41% and 35%. The most common were neutropenia (20% and 15%)
    ...": the commonest grade ≥3 events are AE_G3."""
    text = PYRO_DESIGN + (
        "Grade ≥3 adverse events occurred in 41% and 35% of patients, respectively. The most "
        "common were neutropenia (20% and 15%) and diarrhoea (8% and 3%)."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    for value, arm in ((20.0, PYRO), (15.0, LAPA), (8.0, PYRO), (3.0, LAPA)):
        assert ("AE_G3", "incidence", value, arm) in rows


def test_most_frequent_list_after_grade_3_or_higher(nlp):
    """Second phrasing: "Grade 3 or higher ... The most frequent were diarrhoea (15% vs 5%)"."""
    text = PYRO_DESIGN + (
        "Grade 3 or higher adverse events were reported in 41% of patients in the pyrotinib "
        "group and 35% in the lapatinib group. The most frequent were diarrhoea (15% vs 5%) and "
        "hand-foot syndrome (12% vs 10%)."
    )
    codes = {r.value: r.endpoint for r in rows_of(nlp, text, ARM_ROW)}
    assert [codes[v] for v in (15.0, 5.0, 12.0, 10.0)] == ["AE_G3"] * 4


def test_most_common_list_of_any_grade_is_not_carried(nlp):
    """Negative: "The most common adverse events of any grade were ..." names its own grade."""
    text = PYRO_DESIGN + (
        "Grade ≥3 adverse events occurred in 41% and 35% of patients, respectively. The most "
        "common adverse events of any grade were diarrhoea (80% and 50%) and nausea (30% and 25%)."
    )
    codes = {r.value: r.endpoint for r in rows_of(nlp, text, ARM_ROW)}
    assert codes[41.0] == "AE_G3"
    assert [codes[v] for v in (80.0, 50.0, 30.0, 25.0)] == ["AE"] * 4


def test_most_common_list_after_any_grade_sentence_stays_any_grade(nlp):
    """Negative: after a sentence of any-grade events, the list is of any grade."""
    text = PYRO_DESIGN + (
        "Adverse events occurred in 95% and 90% of patients, respectively. The most common were "
        "diarrhoea (60% and 40%) and nausea (30% and 25%)."
    )
    codes = {r.value: r.endpoint for r in rows_of(nlp, text, ARM_ROW)}
    assert [codes[v] for v in (60.0, 40.0, 30.0, 25.0)] == ["AE"] * 4


TAXANE_DESIGN = (
    "Neoadjuvant pertuzumab plus trastuzumab with docetaxel or paclitaxel\n\n"
    "Patients were randomised to docetaxel plus trastuzumab and pertuzumab or paclitaxel plus "
    "trastuzumab and pertuzumab. "
)
DHP = "docetaxel+pertuzumab+trastuzumab"


def test_percentages_of_patients_with_pcr_are_pcr_rates(nlp):
    """ "The percentages of patients with a pCR were 62.1% and 48.3%, respectively": pCR
    rates of the two arms, not a subgroup."""
    text = TAXANE_DESIGN + (
        "The percentages of patients with a pCR were 62.1% and 48.3%, respectively (P = 0.04)."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert ("pCR", "rate", 62.1, "0.04", DHP) in rows
    assert ("pCR", "rate", 48.3, "0.04", PHP) in rows


def test_proportions_of_patients_who_achieved_a_response_are_orr(nlp):
    """ "the proportions of patients who achieved an objective response were ...": ORR."""
    text = PYRO_DESIGN + (
        "The proportions of patients who achieved an objective response were 67.2% and 51.5%, "
        "respectively."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert ("ORR", "rate", 67.2, PYRO) in rows
    assert ("ORR", "rate", 51.5, LAPA) in rows


def test_subgroup_of_pcr_with_another_end_point_stays_a_subgroup(nlp):
    """Negative: "the proportion of patients with pCR who remained event-free at 3 years was
    95%" is no pCR rate (the end point does not end the subject)."""
    text = TAXANE_DESIGN + (
        "The proportion of patients with pCR who remained free of recurrence at 3 years was 95%."
    )
    assert [r for r in rows_of(nlp, text, ARM_ROW) if r.endpoint == "pCR"] == []


def test_feature_groups_ratio_in_single_arm_cohort_is_no_outcome(nlp):
    """ "PFS was shorter in patients with ≥3 previous lines than in those with 1-2 (HR 1.62" and
    "brain metastases vs none: HR 1.45" are prognostic factors' ratios."""
    text = (
        "Trastuzumab deruxtecan in HER2-positive metastatic breast cancer: a real-world cohort\n\n"
        "In this single-arm cohort of 300 patients treated with trastuzumab deruxtecan, median "
        "PFS was 12.1 months. PFS was shorter in patients with ≥3 previous lines than in those "
        "with 1-2 (HR 1.62, 95% CI 1.10-2.39). In multivariable analysis, brain metastases vs "
        "none: HR 1.45 (95% CI 1.02-2.06)."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert [r for r in rows if r.measure == "HR"] == []
    assert ("PFS", "median", 12.1, "trastuzumab deruxtecan") in rows


def test_feature_groups_ratio_among_those_without(nlp):
    """Second phrasing: "OS was worse among patients with brain metastases than among those
    without (HR 1.90", "visceral disease vs no visceral disease (HR 1.71"."""
    text = (
        "Trastuzumab emtansine after pertuzumab: a multicentre cohort\n\n"
        "We reviewed 250 patients who received trastuzumab emtansine. Median PFS was 6.1 months. "
        "OS was worse among patients with brain metastases than among those without (HR 1.90; "
        "95% CI 1.30-2.77). For PFS, visceral disease vs no visceral disease: HR 1.71."
    )
    assert [r for r in rows_of(nlp, text, ARM_ROW) if r.measure == "HR"] == []


def test_treatment_ratio_in_a_subgroup_stays(nlp):
    """Negative: "T-DXd vs T-DM1 in patients with brain metastases: HR 0.25" compares drugs;
    so does "pertuzumab vs no pertuzumab: HR 0.71"."""
    text = (
        "Trastuzumab deruxtecan versus trastuzumab emtansine\n\n"
        "Patients were randomised to trastuzumab deruxtecan (T-DXd) or trastuzumab emtansine "
        "(T-DM1). PFS benefit was consistent in subgroups; T-DXd vs T-DM1 in patients with "
        "brain metastases: HR 0.25 (95% CI 0.13-0.45). In the registry, PFS for pertuzumab vs no "
        "pertuzumab: HR 0.71."
    )
    values = [r.value for r in rows_of(nlp, text, ARM_ROW) if r.measure == "HR"]
    assert values == [0.25, 0.71]


def test_treated_groups_ratio_without_a_drug_stays(nlp):
    """Negative: groups told apart by what they received compare treatments."""
    text = (
        "Adjuvant therapy in a real-world cohort\n\n"
        "In this registry of 500 patients, OS was longer in patients who received adjuvant "
        "chemotherapy than in those who did not (HR 0.62, 95% CI 0.45-0.85)."
    )
    assert [r.value for r in rows_of(nlp, text, ARM_ROW) if r.measure == "HR"] == [0.62]


THREE_ARMS = (
    "Three regimens in HER2-positive breast cancer\n\n"
    "Patients were randomly assigned to arm A (trastuzumab plus docetaxel), arm B (pertuzumab "
    "plus docetaxel) or arm C (trastuzumab plus pertuzumab plus docetaxel). "
)


def _p_by_value(nlp, text: str) -> dict[float, str | None]:
    return {r.value: r.p for r in rows_of(nlp, text, P_ROW)}


def test_p_of_one_pair_after_a_semicolon_goes_to_that_pair(nlp):
    """ "ORR was 48%, 52% and 61% in arms A, B and C; arm C vs arm A, P = 0.013": the P is arm
    C's and arm A's, not arm B's."""
    text = THREE_ARMS + "ORR was 48%, 52% and 61% in arms A, B and C; arm C vs arm A, P = 0.013."
    assert _p_by_value(nlp, text) == {48.0: "0.013", 52.0: None, 61.0: "0.013"}


def test_p_of_one_pair_named_by_bare_letters(nlp):
    """ "(C vs A: P = 0.02)" after "in arms A, B and C": the letters name arms C and A."""
    text = THREE_ARMS + (
        "The pCR rate was 30%, 25% and 45% in arms A, B and C, respectively (C vs A: P = 0.02)."
    )
    assert _p_by_value(nlp, text) == {30.0: "0.02", 25.0: None, 45.0: "0.02"}


def test_p_after_semicolon_without_a_pair_label_is_shared(nlp):
    """Negative: a ";" clause holding a P alone labels no pair: both compared rates keep it."""
    text = (
        "Pyrotinib plus capecitabine versus lapatinib plus capecitabine\n\n"
        "Patients were randomly assigned to pyrotinib plus capecitabine or lapatinib plus "
        "capecitabine. The ORR was 67.2% with pyrotinib and 51.5% with lapatinib; P = 0.01."
    )
    assert _p_by_value(nlp, text) == {67.2: "0.01", 51.5: "0.01"}


def test_pemetrexed_and_its_brand_are_drugs(nlp):
    """Pemetrexed (class chemotherapy) and its brand Alimta are lexicon drugs."""
    text = "Pemetrexed in HER2-positive disease\n\nPatients received Alimta and trastuzumab."
    assert extract_text(nlp, text).drugs == ["pemetrexed", "trastuzumab"]


def test_known_cell_lines_are_no_drugs(nlp):
    """ "In BT-474 tumours, the combination ..." and "HCC1954 models treated with ...": known
    HER2-positive cell lines are no sponsor codes, with or without a cell word."""
    text = (
        "Pemetrexed and trastuzumab in HER2-positive models\n\n"
        "Pemetrexed enhanced the activity of trastuzumab in SK-BR-3, NCI-N87 and JIMT-1. In "
        "BT-474 tumours, the combination reduced growth; HCC1954 models treated with the "
        "combination responded."
    )
    assert extract_text(nlp, text).drugs == ["pemetrexed", "trastuzumab"]


def test_sponsor_code_treated_is_still_a_drug(nlp):
    """Negative: an unknown code given as treatment stays a drug."""
    text = "A new ADC\n\nPatients were treated with ZW-4821 plus trastuzumab."
    assert "zw-4821" in extract_text(nlp, text).drugs


def test_protocol_number_bracketed_after_named_trial_is_listed(nlp):
    """ "the NCI-MATCH trial (EAY131)", "the MARIANNE study (BO22589)": the protocol number
    is listed as written; "(NCT00004067)" stays a registry id."""
    text = (
        "HER2 amplification across trials\n\n"
        "Patients in the NCI-MATCH trial (EAY131) and the NSABP B-31 trial (NCT00004067) were "
        "analysed. In the MARIANNE study (BO22589), patients received T-DM1 plus pertuzumab."
    )
    trials = extract_text(nlp, text).trials
    assert {"EAY131", "BO22589", "NCI-MATCH", "NCT00004067", "MARIANNE"} <= set(trials)


def test_bracket_after_unnamed_trial_lists_no_code(nlp):
    """Negative: "a phase II trial (ZW25)" has no name before its noun."""
    text = "Zanidatamab\n\nIn a phase II trial (ZW25), patients received zanidatamab."
    assert "ZW25" not in extract_text(nlp, text).trials
