"""Round 59 (b), names and not-results: invented abstracts. A cooperative group's abbreviation
between the design words and the name ("the phase 3 JCOG KESTREL study"), the name's expansion in
a bracket before "trial" ("The PELICAN (Pertuzumab Early ...) trial"), a sponsor's study number
in a bracket after the name ("OSPREY (ABCD1602) was a phase 2 trial", read as a drug), a word and
a protocol number ("Kestrel B123-45") and a title-case observational study ("the observational
Heron study") named no trial. Ratios of patient or tumour features "associated with" an end
point ("visceral metastases at baseline (HR 1.58 ...) were associated with shorter PFS") were
read as the arms' comparison."""

from __future__ import annotations

from extract_helpers import extract_text, rows_of

BODY = "\n\nPatients received tucatinib plus trastuzumab. ORR was 41.0%."
TITLE = "Tucatinib plus trastuzumab in HER2-positive breast cancer\n\n"


def trials_of(nlp, text: str) -> list[str]:
    return sorted(extract_text(nlp, text).trials)


# --- 1. trial-name forms ---


def test_group_word_between_design_words_and_name(nlp):
    """ "the randomised phase II EORTC HERON trial", "the phase 3 JCOG KESTREL study"."""
    for body, name in (
        ("The randomised phase II EORTC HERON trial enrolled 120 patients.", "HERON"),
        ("In the phase 3 JCOG KESTREL study, 300 patients were enrolled.", "KESTREL"),
    ):
        assert trials_of(nlp, f"{TITLE}{body}{BODY}") == [name], body


def test_group_word_alone_names_no_trial(nlp):
    """Negative: "the randomised EORTC adjuvant trial" names no trial (no name in capitals)."""
    text = f"{TITLE}The randomised EORTC adjuvant trial enrolled 120 patients.{BODY}"
    assert trials_of(nlp, text) == []


def test_expansion_bracket_between_name_and_trial(nlp):
    """ "The PELICAN (Pertuzumab Early Locally Invasive Cancer ...) trial": PELICAN."""
    body = (
        "The PELICAN (Pertuzumab Early Locally Invasive Cancer Adjuvant Neoadjuvant) trial "
        "enrolled 200 patients."
    )
    assert trials_of(nlp, f"{TITLE}{body}{BODY}") == ["PELICAN"]


def test_bracket_that_does_not_spell_the_word_names_nothing(nlp):
    """Negative: "the ADJUVANT (n = 120) study": no expansion of the word."""
    body = "The HERMOSA (n = 120) study enrolled patients."
    assert trials_of(nlp, f"{TITLE}{body}{BODY}") == []


def test_study_number_in_bracket_after_name_is_a_trial_no_drug(nlp):
    """ "OSPREY (ABCD1602) was a phase 2 trial": the study number is listed, no drug."""
    text = f"{TITLE}OSPREY (ABCD1602) was a phase 2 trial of tucatinib.{BODY}"
    ex = extract_text(nlp, text)
    assert sorted(ex.trials) == ["ABCD1602", "OSPREY"]
    assert ex.drugs == ["trastuzumab", "tucatinib"]


def test_code_in_bracket_after_a_drug_stays_a_drug(nlp):
    """Negative: "the ADC (ABCD1602) was given ..." calls the code no trial: it stays a drug."""
    text = (
        "A novel ADC in HER2-positive breast cancer\n\n"
        "The novel ADC (ABCD1602) was given every 3 weeks with trastuzumab. ORR was 41.0%."
    )
    ex = extract_text(nlp, text)
    assert "abcd1602" in ex.drugs
    assert ex.trials == []


def test_word_and_protocol_number_name_the_trial(nlp):
    """ "(Kestrel B123-45; NCT...)": the word and its protocol number, beside the registry id."""
    body = "This phase II trial (Kestrel B123-45; NCT01234567) evaluated tucatinib."
    assert trials_of(nlp, f"{TITLE}{body}{BODY}") == ["Kestrel B123-45", "NCT01234567"]


def test_counting_word_and_number_name_no_trial(nlp):
    """Negative: "Cohort A12-34" counts a part of the study."""
    body = "Patients in Cohort A12-34 received tucatinib."
    assert trials_of(nlp, f"{TITLE}{body}{BODY}") == []


def test_title_case_observational_study_name(nlp):
    """ "the observational Heron study", "Heron is a French observational cohort"."""
    for body in (
        "The observational Heron study included 500 patients.",
        "Heron is a French observational cohort of 500 patients.",
    ):
        assert trials_of(nlp, f"{TITLE}{body}{BODY}") == ["Heron"], body


def test_nationality_before_observational_cohort_is_no_name(nlp):
    """Negative: "the observational Korean study", "This is a French observational cohort"."""
    for body in (
        "The observational Korean study included 500 patients.",
        "This is a French observational cohort of 500 patients.",
    ):
        assert trials_of(nlp, f"{TITLE}{body}{BODY}") == [], body


# --- 2. ratios of prognostic or predictive factors ---

FACTORS = (
    "Pertuzumab plus trastuzumab and docetaxel in HER2-positive breast cancer\n\n"
    "In this single-arm study, 300 patients received pertuzumab, trastuzumab and docetaxel. "
    "Median PFS was 18.7 months. In multivariable analysis, visceral metastases at baseline "
    "(HR 1.58, 95% CI 1.12-2.23) were associated with shorter PFS. Nodal involvement (HR 2.10, "
    "95% CI 1.40-3.15; P<0.001) was associated with a higher risk of progression. A higher "
    "baseline HER2 mRNA level was associated with response (odds ratio 6.2, 95% CI 2.1-18.4; "
    "P=0.001)."
)


def test_factor_ratios_associated_with_end_point_are_no_outcomes(nlp):
    """A feature's ratio before or after "was/were associated with" is no arms' comparison."""
    values = [r.value for r in rows_of(nlp, FACTORS)]
    assert values == [18.7]


def test_treatment_associated_with_end_point_keeps_its_ratio(nlp):
    """Negative: "Treatment with pertuzumab was associated with longer PFS (HR 0.68 ...)",
    "the addition of pertuzumab (HR 0.70) was associated ..." compare the arms."""
    text = (
        "Pertuzumab in HER2-positive breast cancer\n\n"
        "Patients were randomised to pertuzumab plus trastuzumab or trastuzumab alone. "
        "Treatment with pertuzumab was associated with longer PFS (HR 0.68, 95% CI 0.55-0.84). "
        "The addition of pertuzumab (HR 0.70, 95% CI 0.56-0.88) was associated with longer OS."
    )
    assert sorted(r.value for r in rows_of(nlp, text)) == [0.68, 0.70]
