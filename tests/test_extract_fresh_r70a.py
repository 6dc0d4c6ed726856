"""Fresh round 70a: arms defined the long way. A biosimilar's reference product qualified by
where it was sourced ("EU-sourced reference trastuzumab (EU-trastuzumab; doses), each with
docetaxel") was no twin, and "the EU-trastuzumab arm" named no arm; lettered arms labelled in a
Background sentence ("neither A (arm C) nor B (arm B) improved PFS over C (arm A)") defined none;
"trastuzumab plus the investigator's choice of X or Y with Z" listed Z as an option (or an arm of
its own); "A with the investigator's choice of ... or with B" did not give B the backbone A, and
"B followed by maintenance A" was two regimens."""

from __future__ import annotations

from extract_helpers import P_ROW, arm_of, arms_with, registry_of, rows_of

TD = "docetaxel+trastuzumab"
TP = "paclitaxel+trastuzumab"


HLX = (
    "HLX02 versus reference trastuzumab with docetaxel in HER2-positive metastatic breast "
    "cancer\n\nPatients were randomised 1:1 to receive HLX02 or EU-sourced reference "
    "trastuzumab (EU-trastuzumab; 8 mg/kg loading dose, then 6 mg/kg every 3 weeks), each "
    "with docetaxel (75 mg/m² every 3 weeks). The ORR at week 24 was 71.0% in the HLX02 arm "
    "and 68.5% in the EU-trastuzumab arm. Median PFS was 11.7 months with HLX02 and 10.9 "
    "months with EU-trastuzumab. Median OS was not reached in either arm. Treatment-emergent "
    "adverse events occurred in most patients, the most common being neutropenia (38.2% vs "
    "41.6%)."
)


PF = (
    "PF-05280014 versus trastuzumab with paclitaxel in HER2-positive metastatic breast "
    "cancer\n\nPatients were randomly assigned to PF-05280014 or US-licensed reference "
    "trastuzumab (US-trastuzumab; 4 mg/kg loading dose, then 2 mg/kg weekly), each with "
    "paclitaxel (80 mg/m² weekly). The ORR was 62.5% in the PF-05280014 arm and 66.5% in the "
    "US-trastuzumab arm. Median PFS was not reached in either arm."
)


RECAP = (
    "Final overall survival of a three-arm trial of first-line HER2-targeted therapy\n\nIn the "
    "primary analysis, neither neratinib plus capecitabine (arm C) nor trastuzumab with "
    "gemcitabine (arm B) improved PFS over trastuzumab with paclitaxel (arm A). Median OS "
    "was 32.4 months in arm A, 29.6 months in arm B and 26.8 months in arm C (HR versus arm "
    "A: arm B, 1.08, 95% CI 0.82–1.43; arm C, 1.21, 95% CI 0.93–1.58). The 3-year OS rates "
    "were 44.1%, 40.7% and 36.0%, respectively."
)


RECAP_NUMBERED = (
    "Updated survival of a three-arm randomised trial\n\nAt the primary analysis, neither "
    "tucatinib with capecitabine (group 3) nor lapatinib with capecitabine (group 2) "
    "prolonged PFS compared with trastuzumab plus docetaxel (group 1). Median OS was 35.0 "
    "months in group 1, 31.2 months in group 2 and 30.5 months in group 3. The 2-year OS "
    "rates were 62.3%, 58.8% and 57.1%, respectively."
)


UNLETTERED = (
    "Trastuzumab with docetaxel or vinorelbine\n\nPatients were randomly assigned to "
    "trastuzumab plus docetaxel or trastuzumab plus vinorelbine. Trastuzumab plus docetaxel "
    "(arm A) and trastuzumab plus vinorelbine (arm B) had similar activity. The ORR was "
    "59.3% in arm A and 59.3% in arm B."
)


ZANI = (
    "Zanidatamab plus tislelizumab versus trastuzumab plus chemotherapy\n\nPatients were "
    "randomly assigned to receive zanidatamab plus tislelizumab (zanidatamab group) or "
    "trastuzumab plus the investigator's choice of oxaliplatin or cisplatin with "
    "capecitabine (trastuzumab group). Median PFS was 12.4 months in the zanidatamab group "
    "and 8.1 months in the trastuzumab group. Neuropathy of any grade was more common with "
    "zanidatamab (40.5% vs. 12.3%)."
)


ATEZO = (
    "Pertuzumab plus atezolizumab versus trastuzumab and chemotherapy\n\nPatients were "
    "randomised to pertuzumab plus atezolizumab (atezolizumab arm) or trastuzumab with the "
    "investigator's choice of paclitaxel or docetaxel, plus carboplatin (control arm). The "
    "ORR was 55.2% in the atezolizumab arm and 48.9% in the control arm. Rash was more "
    "frequent with atezolizumab (22.0% vs. 9.1%)."
)


CHOICE_THEN_ARM = (
    "Pyrotinib plus capecitabine versus trastuzumab plus chemotherapy\n\nPatients were "
    "randomly assigned to trastuzumab plus the investigator's choice of paclitaxel or "
    "docetaxel (control arm), or pyrotinib plus capecitabine (pyrotinib arm). The ORR was "
    "48.2% in the control arm and 60.4% in the pyrotinib arm."
)


ENDOCRINE = (
    "Pertuzumab and trastuzumab with endocrine therapy or chemotherapy\n\nPatients were "
    "randomly assigned to pertuzumab and trastuzumab with the investigator's choice of "
    "endocrine therapy (letrozole or anastrozole; endocrine group) or with six cycles of "
    "paclitaxel followed by maintenance pertuzumab and trastuzumab (chemotherapy group). "
    "Median PFS was 20.4 months in the endocrine group and 22.1 months in the chemotherapy "
    "group. The 2-year OS rates were 46.9% and 43.5%, respectively."
)


ENDOCRINE_NO_MAINTENANCE = (
    "Pertuzumab and trastuzumab with endocrine therapy or chemotherapy\n\nPatients were "
    "randomly assigned to pertuzumab and trastuzumab with the investigator's choice of "
    "endocrine therapy (letrozole or anastrozole; endocrine group) or with six cycles of "
    "paclitaxel (chemotherapy group). Median PFS was 20.4 months in the endocrine group and "
    "22.1 months in the chemotherapy group. The 2-year OS rates were 46.9% and 43.5%, "
    "respectively."
)


BOTH = (
    "Neratinib versus trastuzumab with paclitaxel\n\nPatients were randomised to neratinib "
    "plus paclitaxel (neratinib arm) or trastuzumab plus paclitaxel (trastuzumab arm). "
    "Median PFS was 12.9 months in the neratinib arm and 12.9 months in the trastuzumab arm. "
    "Neutropenia was frequent, and grade 3 or higher anaemia was reported in 3.1% of "
    "patients in both arms."
)


def _nr_arms(rows: list[tuple]) -> list[str | None]:
    """The arms of the not-reached (value-less) medians."""
    return [r[4] for r in rows if r[1] == "median" and r[2] is None]


def test_sourced_reference_product_is_a_twin(nlp):
    """ "HLX02 or EU-sourced reference trastuzumab (...), each with docetaxel": both arms carry
    the reference regimen, each value and each row of "in either arm"."""
    rows = rows_of(nlp, HLX, P_ROW)
    for value in (71.0, 68.5, 11.7, 10.9, 38.2, 41.6):
        assert arm_of(rows, value) == TD
    assert _nr_arms(rows) == [TD, TD]


def test_licensed_reference_product_is_a_twin(nlp):
    """The same with "US-licensed reference trastuzumab (US-trastuzumab; ...)"."""
    rows = rows_of(nlp, PF, P_ROW)
    assert arm_of(rows, 62.5) == TP
    assert arm_of(rows, 66.5) == TP
    assert _nr_arms(rows) == [TP, TP]


def test_lettered_arms_labelled_in_a_recap_sentence(nlp):
    """ "neither A (arm C) nor B (arm B) improved PFS over C (arm A)" defines the three
    lettered arms; "respectively" follows the order of the sentence before."""
    rows = rows_of(nlp, RECAP, P_ROW)
    expected = {
        32.4: TP, 29.6: "gemcitabine+trastuzumab", 26.8: "capecitabine+neratinib",
        44.1: TP, 40.7: "gemcitabine+trastuzumab", 36.0: "capecitabine+neratinib",
    }  # fmt: skip
    for value, arm in expected.items():
        assert arm_of(rows, value) == arm
    assert arm_of(rows, 1.08) is None


def test_numbered_groups_labelled_in_a_recap_sentence(nlp):
    """The same with numbered groups, the third named first."""
    rows = rows_of(nlp, RECAP_NUMBERED, P_ROW)
    assert arm_of(rows, 35.0) == "docetaxel+trastuzumab"
    assert arm_of(rows, 30.5) == "capecitabine+tucatinib"
    assert arm_of(rows, 57.1) == "capecitabine+tucatinib"


def test_labels_of_arms_already_defined_add_no_arm(nlp):
    """Negative: the design defined both regimens unlettered; the later "(arm A)" labels them,
    it adds no arm."""
    reg = registry_of(nlp, UNLETTERED)
    assert len(reg.arms) == 2
    rows = rows_of(nlp, UNLETTERED, P_ROW)
    assert arms_with(rows, 59.3) == ["docetaxel+trastuzumab", "trastuzumab+vinorelbine"]


def test_partner_after_a_choice_list_is_the_arms_own(nlp):
    """ "trastuzumab plus the investigator's choice of oxaliplatin or cisplatin with
    capecitabine": capecitabine is given to the whole group; the choice is left out, and the
    other group takes none of it."""
    rows = rows_of(nlp, ZANI, P_ROW)
    assert arm_of(rows, 12.4) == "tislelizumab+zanidatamab"
    assert arm_of(rows, 8.1) == "capecitabine+trastuzumab"
    assert arm_of(rows, 40.5) == "tislelizumab+zanidatamab"
    assert arm_of(rows, 12.3) == "capecitabine+trastuzumab"


def test_partner_after_a_comma_and_choice_list(nlp):
    """The same with ", plus carboplatin" after the choice."""
    rows = rows_of(nlp, ATEZO, P_ROW)
    assert arm_of(rows, 48.9) == "carboplatin+trastuzumab"
    assert arm_of(rows, 9.1) == "carboplatin+trastuzumab"
    assert arm_of(rows, 55.2) == "atezolizumab+pertuzumab"


def test_next_arm_after_a_choice_is_no_partner(nlp):
    """Negative: "..., or pyrotinib plus capecitabine" after the choice is the next arm, neither
    a partner of the choice arm nor given its backbone."""
    rows = rows_of(nlp, CHOICE_THEN_ARM, P_ROW)
    assert arm_of(rows, 48.2) == "trastuzumab"
    assert arm_of(rows, 60.4) == "capecitabine+pyrotinib"


def test_backbone_carried_past_a_choice_and_maintenance(nlp):
    """ "P and T with the investigator's choice of endocrine therapy (...) or with paclitaxel
    followed by maintenance P and T": the endocrine group is P+T (choice left out), the
    chemotherapy group P+T with paclitaxel."""
    rows = rows_of(nlp, ENDOCRINE, P_ROW)
    for value in (20.4, 46.9):
        assert arm_of(rows, value) == "pertuzumab+trastuzumab"
    for value in (22.1, 43.5):
        assert arm_of(rows, value) == "paclitaxel+pertuzumab+trastuzumab"


def test_backbone_carried_past_a_choice(nlp):
    """The same without the restated maintenance: "or with" gives paclitaxel the backbone."""
    rows = rows_of(nlp, ENDOCRINE_NO_MAINTENANCE, P_ROW)
    assert arm_of(rows, 20.4) == "pertuzumab+trastuzumab"
    assert arm_of(rows, 43.5) == "paclitaxel+pertuzumab+trastuzumab"


def test_value_in_both_arms_is_each_arms(nlp):
    """ "in 3.1% of patients in both arms": one row per arm."""
    rows = rows_of(nlp, BOTH, P_ROW)
    assert sorted(arms_with(rows, 3.1)) == ["neratinib+paclitaxel", "paclitaxel+trastuzumab"]
