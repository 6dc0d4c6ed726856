"""Round 89c: doses inside arm definitions and "without X" cohorts. A JAMA Oncology design,
"disitamab vedotin, 2.5 mg/kg, plus toripalimab, 3 mg/kg, with capecitabine and oxaliplatin
(CAPOX) ... (the experimental arm)", lost its first two drugs: the commas around each dose cut
the arm, and once joined, "(CAPOX)" named all four drugs. A registry of "pertuzumab, trastuzumab
and a taxane (HP-taxane cohort) or trastuzumab and a taxane without pertuzumab (H-taxane
cohort)" read "without pertuzumab" as a mention, missed the HP cohort (its short form opens its
label) and took "We included" for a short form; a subgroup of the HP cohort that received
maintenance endocrine therapy lost the cohort's arm."""

from __future__ import annotations

from extract_helpers import P_ROW, arm_of, drug_texts, registry_of, rows_of

from her2mine.extract.regimens import gap_kind

EXPERIMENTAL = "capecitabine+disitamab vedotin+oxaliplatin+toripalimab"
CONTROL = "capecitabine+oxaliplatin+trastuzumab"
HP = "pertuzumab+trastuzumab"

DOSED = (
    "Disitamab vedotin with toripalimab and CAPOX in HER2-positive gastric cancer\n\n"
    "INTERVENTIONS Patients were randomized 1:1 to disitamab vedotin, 2.5 mg/kg, plus "
    "toripalimab, 3 mg/kg, with capecitabine and oxaliplatin (CAPOX) every 3 weeks (the "
    "experimental arm) or to trastuzumab plus CAPOX (the control arm). RESULTS The median PFS "
    "was 13.4 months (95% CI, 10.9-16.2) in the experimental arm vs 8.2 months (95% CI, "
    "6.9-9.7) in the control arm (hazard ratio, 0.52; 95% CI, 0.36-0.75; P < .001). The "
    "confirmed ORR was 81.7% vs 57.7% (difference, 24.0 percentage points; 95% CI, 9.2-38.8). "
    "Grade 3 or higher treatment-related adverse events occurred in 47 patients (66.2%) vs 36 "
    "patients (50.7%); the most frequent were neutropenia (23.9% vs 12.7%) and peripheral "
    "sensory neuropathy (9.9% vs 4.2%). Immune-related adverse events of any grade occurred in "
    "19.7% of patients in the experimental arm."
)

COHORTS = (
    "We included patients with HER2-positive disease who started first-line pertuzumab, "
    "trastuzumab and a taxane (HP-taxane cohort) or trastuzumab and a taxane without "
    "pertuzumab (H-taxane cohort) between 2016 and 2022. Median progression-free survival was "
    "19.8 months (95% CI 17.6-22.3) in the HP-taxane cohort and 12.1 months (95% CI 10.2-14.5) "
    "in the H-taxane cohort (adjusted HR 0.66, 95% CI 0.53-0.83). Median overall survival was "
    "55.4 months versus 38.9 months (adjusted HR 0.64, 95% CI 0.49-0.84). The 3-year overall "
    "survival rate was 68.7% in the HP-taxane cohort. Among hormone receptor-positive patients "
    "in the HP-taxane cohort, those who received maintenance endocrine therapy had a median "
    "progression-free survival of 26.3 months."
)


def test_dose_aside_between_commas_joins_the_drugs():
    """ "A, 2.5 mg/kg, plus B": the commas around a dose are part of A's mention."""
    assert gap_kind(", 2.5 mg/kg, plus ") == "strong"
    assert gap_kind(", 3 mg/kg, with ") == "strong"


def test_dose_aside_before_or_stays_an_alternative():
    """Negative: "A, 2.5 mg/kg, or B" still separates two arms; a bare aside is no joiner."""
    assert gap_kind(", 2.5 mg/kg, or ") is None
    assert gap_kind(", 2.5 mg/kg, ") != "strong"
    assert gap_kind(", , and ") is None  # (two commas without a dose between)


def test_dosed_arm_definition_keeps_every_drug(nlp):
    """The experimental arm holds both dosed drugs and CAPOX; the control arm does not."""
    rows = rows_of(nlp, DOSED, P_ROW)
    for value in (13.4, 81.7, 66.2, 23.9, 9.9, 19.7):
        assert arm_of(rows, value) == EXPERIMENTAL
    for value in (8.2, 57.7, 50.7, 12.7, 4.2):
        assert arm_of(rows, value) == CONTROL


def test_short_form_names_the_spelt_tail_of_its_chain(nlp):
    """ "(CAPOX)" after "A plus B with capecitabine and oxaliplatin" names the last two only:
    no letter of it is the initial of A or B."""
    arms = {a.name for a in registry_of(nlp, DOSED).arms}
    assert arms == {EXPERIMENTAL, CONTROL}


def test_short_form_keeps_a_chain_whose_lead_it_spells(nlp):
    """Negative: "(THP)" after "docetaxel, trastuzumab and pertuzumab" names all three."""
    text = (
        "Patients were randomized to docetaxel, trastuzumab and pertuzumab (THP) or to "
        "trastuzumab emtansine. The pCR rate was 56.0% with THP and 44.0% with trastuzumab "
        "emtansine."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 56.0) == "docetaxel+pertuzumab+trastuzumab"


def test_plain_drug_list_is_one_arm(nlp):
    """Negative: "trastuzumab, pertuzumab, and docetaxel" is still one regimen."""
    text = (
        "Patients were randomized to trastuzumab, pertuzumab, and docetaxel or to trastuzumab "
        "and docetaxel. The pCR rate was 45.0% with trastuzumab, pertuzumab, and docetaxel and "
        "30.0% with trastuzumab and docetaxel."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 45.0) == "docetaxel+pertuzumab+trastuzumab"
    assert arm_of(rows, 30.0) == "docetaxel+trastuzumab"


def test_dosed_alternatives_stay_two_arms(nlp):
    """Negative: "A, 2.5 mg/kg, or B, 6 mg/kg" randomises A against B."""
    text = (
        "Patients were randomized 1:1 to disitamab vedotin, 2.5 mg/kg, or trastuzumab, 6 mg/kg, "
        "every 3 weeks. The objective response rate was 45.0% with disitamab vedotin and 30.0% "
        "with trastuzumab."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 45.0) == "disitamab vedotin"
    assert arm_of(rows, 30.0) == "trastuzumab"


def test_without_x_cohort_lacks_x(nlp):
    """ "trastuzumab and a taxane without pertuzumab (H-taxane cohort)": no pertuzumab."""
    rows = rows_of(nlp, COHORTS, P_ROW)
    assert arm_of(rows, 12.1) == "trastuzumab"
    assert arm_of(rows, 38.9) == "trastuzumab"


def test_cohort_short_form_opening_its_label_names_the_cohort(nlp):
    """ "A, B and a taxane (HP-taxane cohort)": the bracket labels the arm before it."""
    rows = rows_of(nlp, COHORTS, P_ROW)
    for value in (19.8, 55.4, 68.7):
        assert arm_of(rows, value) == HP
    labels = {a.name: a.labels for a in registry_of(nlp, COHORTS).arms}
    assert "hp-taxane" in labels[HP]
    assert "h-taxane" in labels["trastuzumab"]


def test_drugless_subgroup_keeps_its_cohort(nlp):
    """ "in the HP-taxane cohort, those who received maintenance endocrine therapy": still HP."""
    rows = rows_of(nlp, COHORTS, P_ROW)
    assert arm_of(rows, 26.3) == HP


def test_subgroup_given_another_drug_has_no_arm(nlp):
    """Negative: "in the H-taxane cohort, those who received pertuzumab" is neither arm."""
    text = COHORTS.split(" Median overall")[0] + (
        " Among patients in the H-taxane cohort, those who received pertuzumab at progression "
        "had a median overall survival of 41.2 months."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 41.2) is None


def test_pronoun_is_no_short_form(nlp):
    """ "We included patients who started A and B": "We" defines no regimen."""
    assert "We" not in drug_texts(nlp, COHORTS)


def test_with_or_without_population_has_no_arm(nlp):
    """Negative: "trastuzumab and a taxane with or without pertuzumab" is a mixed population."""
    text = (
        "We included patients with HER2-positive disease who started first-line trastuzumab "
        "and a taxane with or without pertuzumab between 2016 and 2022. Median progression-free "
        "survival was 16.1 months (95% CI 14.2-18.0)."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 16.1) is None


def test_who_started_without_cohort_labels_defines_no_arm(nlp):
    """Negative: "patients who started A or B" without a "(... cohort)" label on each
    alternative describes the population, not a design."""
    text = (
        "We included patients who started first-line pertuzumab, trastuzumab and docetaxel or "
        "trastuzumab and paclitaxel between 2016 and 2022. Median overall survival was not "
        "reached."
    )
    assert registry_of(nlp, text).arms == []
