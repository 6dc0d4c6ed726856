"""Round 58c, real-world texts: invented retrospective cohorts, registries, chart reviews and
pooled analyses. Drugs, ratios and most arms came out right. The misses: a group defined as the
patients who did not get a drug ("those who did not", "after discontinuation") took the
treated group's arm; a comparison with a group given no named drug ("the chemotherapy group")
was not carried to a later bare pair ("7.1 versus 5.3 months"); and a line of therapy between
a value and its regimen ("17.9 months with first-line THP") hid the regimen."""

from __future__ import annotations

from extract_helpers import arms_of, outcomes_of

# A pertuzumab cohort compared with the patients given trastuzumab without it.
DID_NOT = (
    "First-line pertuzumab in routine practice\n\n"
    "Patients who received pertuzumab, trastuzumab and a taxane (n=212) were compared with "
    "those who received trastuzumab and a taxane without pertuzumab (n=180). "
    "Median PFS was 19.8 months (95% CI 16.9-23.1) in patients who received pertuzumab and "
    "12.6 months (95% CI 10.8-14.9) in those who did not (HR 0.64, 95% CI 0.51-0.80)."
)


def test_those_who_did_not_name_the_arm_without_the_drug(nlp):
    """ "19.8 months in patients who received pertuzumab and 12.6 months in those who did
    not": the patients who did not get the drug are the arm holding the other arm's drugs less
    that drug, not the arm named just before."""
    arms = arms_of(nlp, DID_NOT)
    assert arms[19.8] == "pertuzumab+trastuzumab"
    assert arms[12.6] == "trastuzumab"


def test_did_not_receive_the_drug_names_the_arm_without_it(nlp):
    """ "in those who did not receive pertuzumab": the drug written after the negation names
    the arm without it, as "without pertuzumab" does."""
    text = DID_NOT.replace("those who did not (", "those who did not receive pertuzumab (")
    assert arms_of(nlp, text)[12.6] == "trastuzumab"


# Continued vs stopped trastuzumab: one treated group, compared with untreated patients.
BEYOND_PROGRESSION = (
    "Trastuzumab beyond progression: a registry analysis\n\n"
    "Patients who continued trastuzumab beyond progression (n=402) were compared with those "
    "who stopped trastuzumab (n=238). Median OS was 31.4 months with continued trastuzumab "
    "versus 22.0 months after discontinuation (HR 0.71; 95% CI 0.56-0.90; P=0.004). "
    "Median PFS on second-line therapy was 7.9 versus 5.6 months (HR 0.80; 95% CI 0.65-0.98)."
)


def test_value_after_discontinuation_has_no_arm(nlp):
    """ "31.4 months with continued trastuzumab versus 22.0 months after discontinuation": the
    patients who stopped the only treated arm's drug got none, so their value has arm null; the
    continued drug names its arm."""
    arms = arms_of(nlp, BEYOND_PROGRESSION)
    assert arms[31.4] == "trastuzumab"
    assert arms[22.0] is None


def test_comparison_with_an_untreated_group_carries_to_a_bare_pair(nlp):
    """ "7.9 versus 5.6 months" after a sentence comparing continued trastuzumab with its
    discontinuation: the pair is that comparison's, in its order."""
    arms = arms_of(nlp, BEYOND_PROGRESSION)
    assert (arms[7.9], arms[5.6]) == ("trastuzumab", None)


def test_negated_result_words_are_no_group(nlp):
    """Negative: "did not differ", "did not reach significance" name no patients who went
    without the drug: the value keeps the arm named before it."""
    text = (
        "Pertuzumab in routine practice\n\n"
        "Patients who received pertuzumab and trastuzumab were compared with those who received "
        "trastuzumab alone. The ORR was 78.3% with pertuzumab, which did not differ by age."
    )
    assert arms_of(nlp, text)[78.3] == "pertuzumab+trastuzumab"


# A trastuzumab group compared with a group given chemotherapy alone.
CHEMO_GROUP = (
    "Trastuzumab plus chemotherapy in HER2-positive gastric cancer\n\n"
    "Patients received first-line trastuzumab with a fluoropyrimidine and platinum (trastuzumab "
    "group, n=198) or chemotherapy alone (chemotherapy group, n=66). "
    "Median OS was 15.2 months in the trastuzumab group and 10.4 months in the chemotherapy "
    "group (HR 0.68; 95% CI 0.49-0.94). Median PFS was 7.1 versus 5.3 months (P=0.04). "
    "ORR was 52.0% and 36.4%, respectively."
)


def test_comparison_with_a_chemotherapy_group_carries_to_bare_pairs(nlp):
    """ "Median PFS was 7.1 versus 5.3 months", "52.0% and 36.4%, respectively" after a
    sentence comparing the trastuzumab group with the chemotherapy group: that comparison, in
    its order; the group given no named drug has arm null."""
    arms = arms_of(nlp, CHEMO_GROUP)
    assert (arms[15.2], arms[10.4]) == ("trastuzumab", None)
    assert (arms[7.1], arms[5.3]) == ("trastuzumab", None)
    assert (arms[52.0], arms[36.4]) == ("trastuzumab", None)


# THP vs TH, each qualified by its line of therapy.
FIRST_LINE = (
    "THP versus TH in community practice\n\n"
    "We identified patients who received first-line THP (docetaxel, trastuzumab and "
    "pertuzumab; n=1,104) or TH (docetaxel and trastuzumab; n=356). Median rwPFS was 17.9 "
    "months with first-line THP vs 11.3 months with TH (adjusted HR 0.69; 95% CI 0.59-0.81)."
)


def test_line_of_therapy_before_the_regimen_keeps_its_arm(nlp):
    """ "17.9 months with first-line THP": the line of therapy qualifies the regimen after
    it; the value is that regimen's."""
    arms = arms_of(nlp, FIRST_LINE)
    assert arms[17.9] == "docetaxel+pertuzumab+trastuzumab"
    assert arms[11.3] == "docetaxel+trastuzumab"
    text = FIRST_LINE.replace("with first-line THP", "with second line THP")
    assert arms_of(nlp, text)[17.9] == "docetaxel+pertuzumab+trastuzumab"


def test_prior_therapy_phrase_is_no_group_without_the_drug(nlp):
    """Negative: "in patients who had not received prior trastuzumab" is a population of
    the arm named before it (a prior line), not the patients who went without that arm's drug."""
    text = DID_NOT.replace(
        "in those who did not (", "in patients who had not received prior trastuzumab ("
    )
    assert arms_of(nlp, text)[12.6] != "trastuzumab"


def test_drug_group_label_still_names_its_arm(nlp):
    """Negative: "the trastuzumab group" beside "the chemotherapy group" keeps its arm, and a
    placebo group its placebo reading (arm null)."""
    text = (
        "Trastuzumab in gastric cancer\n\n"
        "Patients were randomized to trastuzumab plus chemotherapy (trastuzumab group) or placebo "
        "plus chemotherapy (placebo group). Median OS was 15.2 months in the trastuzumab group "
        "and 10.4 months in the placebo group."
    )
    arms = arms_of(nlp, text)
    assert (arms[15.2], arms[10.4]) == ("trastuzumab", None)


# Subsets of one cohort compared with a P: each subset's value carries it (arm null).
def p_of(nlp, text: str, value: float) -> str | None:
    """The P value of the row holding ``value``."""
    return next(o.p for o in outcomes_of(nlp, text) if o.value == value)


def test_rates_of_receptor_status_subsets_share_their_p(nlp):
    """ "71.8% in hormone receptor-negative tumours and 48.9% in hormone receptor-positive
    tumours (P<0.001)": rates of marker-defined subsets compared with a P, though the sentence
    has no group word, "with" or "versus"."""
    text = (
        "Neoadjuvant pertuzumab in a population-based registry\n\n"
        "The registry included 1,436 patients treated with neoadjuvant pertuzumab, trastuzumab "
        "and chemotherapy. The pCR rate was 71.8% in hormone receptor-negative tumours and 48.9% "
        "in hormone receptor-positive tumours (P<0.001)."
    )
    assert (p_of(nlp, text, 71.8), p_of(nlp, text, 48.9)) == ("<0.001", "<0.001")
    assert arms_of(nlp, text)[71.8] is None


SUBSET_MEDIANS = (
    "Tucatinib in routine practice\n\n"
    "We analysed 118 patients treated with tucatinib, trastuzumab and capecitabine. Median PFS "
    "was 8.1 months (95% CI 6.5-9.8) in the overall population; 7.6 months in patients with "
    "brain metastases and 8.9 months in patients without brain metastases (P=0.41)."
)


def test_p_closing_a_clause_compares_its_own_values(nlp):
    """ "8.1 months in the overall population; 7.6 months in patients with brain metastases
    and 8.9 months in patients without (P=0.41)": the P compares the two subsets of the clause
    it closes, not the whole population's value before the semicolon."""
    assert (p_of(nlp, SUBSET_MEDIANS, 7.6), p_of(nlp, SUBSET_MEDIANS, 8.9)) == ("0.41", "0.41")
    assert p_of(nlp, SUBSET_MEDIANS, 8.1) is None


def test_values_of_one_clause_still_share_their_p(nlp):
    """Negative: three subsets listed in one clause before a P (no semicolon between them) are
    one comparison: each keeps the P."""
    text = (
        "Tucatinib in routine practice\n\n"
        "Median PFS was 7.6 months in patients with brain metastases, 8.4 months in patients "
        "with liver metastases and 8.9 months in patients with neither (P=0.41)."
    )
    assert [p_of(nlp, text, v) for v in (7.6, 8.4, 8.9)] == ["0.41"] * 3


def ratios_of(nlp, text: str) -> list[float]:
    """The HR/OR values extracted from ``text``."""
    return [o.value for o in outcomes_of(nlp, text) if o.measure in ("HR", "OR")]


PCR_GROUPS = (
    "Neoadjuvant pertuzumab in a population-based registry\n\n"
    "The registry included 1,436 patients treated with neoadjuvant pertuzumab, trastuzumab and "
    "chemotherapy. Patients achieving pCR had a 3-year EFS of 95.1% compared with 84.3% in "
    "those with residual disease (HR 0.31; 95% CI 0.20-0.48)."
)


def test_ratio_of_pcr_against_residual_disease_is_no_outcome(nlp):
    """ "Patients achieving pCR ... compared with ... those with residual disease (HR 0.31)":
    the ratio compares groups defined by their response, a prognostic factor, not arms; the
    groups' own rates stay (arm null)."""
    assert ratios_of(nlp, PCR_GROUPS) == []
    arms = arms_of(nlp, PCR_GROUPS)
    assert (arms[95.1], arms[84.3]) == (None, None)


def test_subgroup_ratio_of_patients_with_residual_disease_stays(nlp):
    """Negative: "among patients with residual disease, the HR for IDFS was 0.50" names one
    response group (a subgroup of the arms' comparison), so its ratio is an outcome."""
    text = (
        "Adjuvant T-DM1 in routine practice\n\n"
        "Patients received T-DM1 or trastuzumab. Among patients with residual disease, the HR "
        "for IDFS was 0.50 (95% CI 0.39-0.64)."
    )
    assert ratios_of(nlp, text) == [0.5]
