"""Fresh round 73b: grade scope, NR in either group, counts before rates, thresholds. Invented
texts found: a grade qualifier of a ";" clause whose event reaches its values through a group
phrase ("grade 3-4 leukopenia in group A was 18% vs 33% in group B; ... the incidence of
cardiotoxicity ...") graded the later, ungraded event; "not reached (NR) in both arms", "for
either arm" and "in either the A or B arm" gave one NR median with no arm; compared rates each
after its count ("in 22 patients (12.9%) vs 103 patients (59.5%)") had no arm; "50% with the
combination" after values with named single agents had none; a factor's ratio in the negative
("age >=65 years was not associated with PFS (HR 1.14") and the age and hormone-receptor status
subjects were read as the arms' comparison; a score's cut-off ("CPS ≥1", "TPS ≥50%") was read as
a rate; rilvegostomig, volrustomig and other new agents were missing from the lexicon."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, extract_text, rows_of

from her2mine.extract.lexicon import load_lexicons

# --- 1. a grade qualifier does not reach a later ";" clause's new, ungraded event -------------

_EA = "Patients were randomly assigned to group A ({a}) or group B ({b}). "
GRADE_GROUPS = (
    "Docetaxel and epirubicin with or without trastuzumab\n\n"
    + _EA.format(a="trastuzumab plus docetaxel and epirubicin", b="docetaxel and epirubicin")
    + "The incidence of grade 3-4 leukopenia in group A was 18% vs 33% in group B (P<0.05); the "
    "incidences of grade 3-4 thrombocytopenia were 12% and 4%, respectively (P>0.05); the "
    "incidence of cardiotoxicity in group A (2.1%) was lower than that in group B (10.4%) "
    "(P<0.05)."
)
GRADE_NAMED_GROUP = (
    "Lapatinib plus capecitabine versus capecitabine\n\n"
    "Patients were randomly assigned to lapatinib plus capecitabine or capecitabine alone. "
    "Grade 3 or 4 diarrhoea in the lapatinib group was 21% vs 3% in the capecitabine group "
    "(P<0.001); the rate of cardiac dysfunction was 2% vs 1%."
)


def _endpoints_by_value(text: str, nlp) -> dict[float, str]:
    return {r.value: r.endpoint for r in rows_of(nlp, text, ARM_ROW)}


def test_grade_of_group_phrased_clause_does_not_reach_next_event(nlp):
    """The grade of "grade 3-4 leukopenia in group A was 18% ..." is spent before the ";": the
    cardiotoxicity rates of a later clause are of any grade (AE); the graded ones stay AE_G3."""
    codes = _endpoints_by_value(GRADE_GROUPS, nlp)
    assert codes[18.0] == codes[33.0] == codes[12.0] == codes[4.0] == "AE_G3"
    assert codes[2.1] == codes[10.4] == "AE"


def test_grade_of_named_group_clause_does_not_reach_next_event(nlp):
    """Second phrasing: "Grade 3 or 4 diarrhoea in the lapatinib group was 21% vs 3% ...; the
    rate of cardiac dysfunction was 2% vs 1%": the dysfunction rates are AE."""
    codes = _endpoints_by_value(GRADE_NAMED_GROUP, nlp)
    assert codes[21.0] == codes[3.0] == "AE_G3"
    assert codes[2.0] == codes[1.0] == "AE"


def test_grade_heading_list_still_grades_every_item(nlp):
    """Negative: a heading ("Grade ≥3 AEs: neutropenia 20% vs 10%; anaemia 5% vs 4%") grades
    every ";" item it heads."""
    text = (
        "Lapatinib plus capecitabine versus capecitabine\n\n"
        "Patients were randomly assigned to lapatinib plus capecitabine or capecitabine alone. "
        "Grade ≥3 AEs: neutropenia 20% vs 10%; anaemia 5% vs 4%."
    )
    assert set(_endpoints_by_value(text, nlp).values()) == {"AE_G3"}


def test_grade_on_own_named_event_stays_with_it(nlp):
    """ "Grade 3 neutropenia 20% vs 10%; anaemia 5% vs 4%": the qualifier is neutropenia's
    (round 60c), the anaemia item is of any grade."""
    text = (
        "Lapatinib plus capecitabine versus capecitabine\n\n"
        "Patients were randomly assigned to lapatinib plus capecitabine or capecitabine alone. "
        "Grade 3 neutropenia 20% vs 10%; anaemia 5% vs 4%."
    )
    codes = _endpoints_by_value(text, nlp)
    assert codes[20.0] == codes[10.0] == "AE_G3"
    assert codes[5.0] == codes[4.0] == "AE"


# --- 2. NR "in either/both" arm(s): one median per arm --------------------------------------

PYRO = "capecitabine+pyrotinib"
LAPA = "capecitabine+lapatinib"
_PL = (
    "Pyrotinib plus capecitabine versus lapatinib plus capecitabine\n\n"
    "Patients were randomly assigned to pyrotinib plus capecitabine or lapatinib plus "
    "capecitabine. "
)


def _nr_arms(nlp, text: str) -> list[str | None]:
    return [r.arm for r in rows_of(nlp, text, ARM_ROW) if r.endpoint == "OS" and r.value is None]


def test_nr_with_short_form_in_both_arms_is_each_arms(nlp):
    """ "Median OS was not reached (NR) in both arms": two NR medians, one per arm."""
    text = _PL + "Median OS was not reached (NR) in both arms."
    assert _nr_arms(nlp, text) == [PYRO, LAPA]


def test_nr_for_either_arm_is_each_arms(nlp):
    """ "not reached for either arm" says what "in either arm" does."""
    text = _PL + "Median OS was not reached for either arm."
    assert _nr_arms(nlp, text) == [PYRO, LAPA]


def test_nr_in_either_named_arm_is_each_arms(nlp):
    """ "in either the T-DXd or T-DM1 arm" names the design's two arms."""
    text = (
        "T-DXd versus T-DM1\n\n"
        "Patients were randomly assigned to trastuzumab deruxtecan (T-DXd) or trastuzumab "
        "emtansine (T-DM1). Median OS was not reached in either the T-DXd or T-DM1 arm."
    )
    assert _nr_arms(nlp, text) == ["trastuzumab deruxtecan", "trastuzumab emtansine"]


def test_nr_in_either_of_two_of_three_arms_names_no_arm(nlp):
    """Negative: "in either the A or B group" of a three-arm design is two of them: one median,
    no arm (values pooled over some arms have none)."""
    text = (
        "Three arms\n\n"
        "Patients were randomly assigned to pyrotinib plus capecitabine, lapatinib plus "
        "capecitabine, or capecitabine alone. Median OS was not reached in either the pyrotinib "
        "or the lapatinib group."
    )
    assert _nr_arms(nlp, text) == [None]


# --- 3. counts before rates in a comparison --------------------------------------------------

_DX = (
    "Trastuzumab deruxtecan versus trastuzumab emtansine\n\n"
    "Patients were randomly assigned to trastuzumab deruxtecan or trastuzumab emtansine. "
)


def test_counted_rates_compared_with_vs_take_arms_in_order(nlp):
    """ "occurred in 22 patients (12.9%) vs 103 patients (59.5%)": the two AE_G3 rates are the
    arms' in the order the design named them."""
    text = _DX + (
        "Grade 3 or higher adverse events occurred in 22 patients (12.9%) vs 103 patients (59.5%)."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert rows == [
        ("AE_G3", "incidence", 12.9, "trastuzumab deruxtecan"),
        ("AE_G3", "incidence", 59.5, "trastuzumab emtansine"),
    ]


def test_counted_rates_with_p_take_arms_in_order(nlp):
    """Second phrasing: "in 44 patients (30.8%) versus 12 patients (8.6%) (P<0.001)"."""
    text = (
        _PL + "Diarrhoea of grade 3 or higher was reported in 44 patients (30.8%) versus 12 "
        "patients (8.6%) (P<0.001)."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 30.8) == PYRO
    assert arm_of(rows, 8.6) == LAPA


def test_count_of_people_after_a_rate_is_no_pair_join(nlp):
    """Negative: "12.9% vs 103 patients" with no bracketed rate after the count joins no
    second rate (the count is no value)."""
    text = _DX + (
        "Grade 3 or higher adverse events occurred in 12.9% of patients, compared with 103 "
        "patients in the other arm."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert [r.value for r in rows] == [12.9]


# --- 4. "with the combination" after named single agents ------------------------------------


def test_combination_after_single_agents_is_their_union(nlp):
    """ "25% with lapatinib plus chemotherapy, 33% with trastuzumab plus chemotherapy and 50%
    with the combination": the combination is lapatinib+trastuzumab ("chemotherapy" names no
    drug)."""
    text = (
        "Dual HER2 blockade meta-analysis\n\n"
        "We pooled trials of lapatinib, trastuzumab, or both with neoadjuvant chemotherapy. "
        "Pooled pCR rates were 25% with lapatinib plus chemotherapy, 33% with trastuzumab plus "
        "chemotherapy and 50% with the combination."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 25.0) == "lapatinib"
    assert arm_of(rows, 50.0) == "lapatinib+trastuzumab"


def test_combination_arm_of_three_arm_design(nlp):
    """Second phrasing, in a design: the union (with the shared paclitaxel) is its third arm."""
    text = (
        "Neoadjuvant lapatinib, trastuzumab, or both\n\n"
        "Patients were randomly assigned to lapatinib plus paclitaxel, trastuzumab plus "
        "paclitaxel, or lapatinib plus trastuzumab plus paclitaxel. The pCR rate was 24.7% with "
        "lapatinib plus paclitaxel, 29.5% with trastuzumab plus paclitaxel and 51.3% with the "
        "combination."
    )
    assert arm_of(rows_of(nlp, text, ARM_ROW), 51.3) == "lapatinib+paclitaxel+trastuzumab"


def test_combination_after_an_item_holding_every_drug_names_no_arm(nlp):
    """Negative: when an earlier item already holds every drug named ("lapatinib plus
    trastuzumab"), "the combination" cannot be their union: no arm."""
    text = (
        "Dual HER2 blockade meta-analysis\n\n"
        "Pooled pCR rates were 45% with lapatinib plus trastuzumab, 33% with trastuzumab and "
        "50% with the combination."
    )
    assert arm_of(rows_of(nlp, text, ARM_ROW), 50.0) is None


def test_combination_that_is_no_arm_of_the_design_names_none(nlp):
    """Negative: in a design with no arm holding both agents, "the combination" cannot be
    their union: no arm."""
    text = (
        "Lapatinib or trastuzumab with paclitaxel\n\n"
        "Patients were randomly assigned to lapatinib plus paclitaxel, trastuzumab plus "
        "paclitaxel, or paclitaxel alone. The pCR rate was 24.7% with lapatinib plus "
        "paclitaxel, 29.5% with trastuzumab plus paclitaxel and 51.3% with the combination."
    )
    assert arm_of(rows_of(nlp, text, ARM_ROW), 51.3) is None


# --- 5. a factor's ratio in the negative ------------------------------------------------------

_TRAS = "Prognostic factors with trastuzumab\n\nIn 300 patients treated with trastuzumab, "


def test_age_not_associated_ratio_is_no_outcome(nlp):
    """ "age ≥65 years was not associated with PFS (HR 1.14; ...)": a factor's, no outcome."""
    text = _TRAS + "age ≥65 years was not associated with PFS (HR 1.14; 95% CI 0.79-1.64)."
    assert rows_of(nlp, text, ARM_ROW) == []


def test_receptor_status_not_significantly_associated_ratio_is_no_outcome(nlp):
    """ "HR status was not significantly associated with OS (HR 0.92 ...)": hormone-receptor
    status is a factor, in the negative as in the positive."""
    for verb in ("was not significantly associated", "was associated"):
        text = _TRAS + f"HR status {verb} with OS (HR 0.92; 95% CI 0.61-1.38; P=0.68)."
        assert rows_of(nlp, text, ARM_ROW) == [], verb


def test_treatment_not_associated_ratio_stays(nlp):
    """Negative: a treatment subject ("Treatment with pertuzumab was not associated with
    improved OS (HR 0.92") is the arms' comparison, in the negative too."""
    text = (
        "Pertuzumab\n\nTreatment with pertuzumab was not associated with improved OS (HR 0.92; "
        "95% CI 0.61-1.38)."
    )
    assert [(r.endpoint, r.measure, r.value) for r in rows_of(nlp, text, ARM_ROW)] == [
        ("OS", "HR", 0.92)
    ]


# --- 6. a score's cut-off is no value -------------------------------------------------------


def test_cps_cutoff_is_no_rate(nlp):
    """ "ORR was 83% in pts with PD-L1 CPS ≥1 and 71% with CPS <1": two ORRs, no 1%."""
    text = (
        "Pembrolizumab plus trastuzumab and chemotherapy\n\n"
        "In this single-arm study of pembrolizumab plus trastuzumab and chemotherapy, ORR was "
        "83% in pts with PD-L1 CPS ≥1 and 71% with CPS <1."
    )
    assert [r.value for r in rows_of(nlp, text, ARM_ROW)] == [83.0, 71.0]


def test_spaced_and_percent_score_cutoffs_are_no_rates(nlp):
    """ "CPS ≥ 10", "TPS ≥50%", "CPS >= 1": cut-offs, spaced, with "%" or an ASCII sign."""
    text = (
        "Pembrolizumab plus trastuzumab\n\n"
        "ORR was 60% in patients with PD-L1 CPS ≥ 10, 40% in those with TPS ≥50% and 30% in "
        "those with CPS >= 1."
    )
    assert [r.value for r in rows_of(nlp, text, ARM_ROW)] == [60.0, 40.0, 30.0]


def test_bound_after_non_score_word_stays_a_rate(nlp):
    """Negative: a signed rate after no score's name is a result ("ILD occurred in <1%")."""
    text = (
        "Trastuzumab deruxtecan\n\n"
        "In 100 patients given trastuzumab deruxtecan, the ORR was 60% and grade 3 ILD occurred "
        "in <1% of patients."
    )
    values = [r.value for r in rows_of(nlp, text, ARM_ROW)]
    assert 60.0 in values and 1.0 in values


# --- 7. lexicon: new agents -------------------------------------------------------------------


def test_new_agents_are_lexicon_drugs(nlp):
    """Rilvegostomig (AZD2936) and the other new agents are found by name, code or short form."""
    text = (
        "New agents\n\nPatients received rilvegostomig (AZD2936) plus trastuzumab deruxtecan, "
        "volrustomig (MEDI5752), MK-2870, I-DXd, HER3-DXd, BL-B01D1, or BAY 2927088."
    )
    assert extract_text(nlp, text).drugs == [
        "ifinatamab deruxtecan",
        "izalontamab brengitecan",
        "patritumab deruxtecan",
        "rilvegostomig",
        "sacituzumab tirumotecan",
        "sevabertinib",
        "trastuzumab deruxtecan",
        "volrustomig",
    ]


def test_new_agent_classes():
    """Their classes: the bispecific checkpoint antibodies immunotherapy, the ADCs ADC."""
    drugs = load_lexicons().drugs
    assert drugs.lookup("AZD2936") == "rilvegostomig"
    assert drugs.drug_class["rilvegostomig"] == "immunotherapy"
    assert drugs.drug_class["sacituzumab tirumotecan"] == "ADC"
