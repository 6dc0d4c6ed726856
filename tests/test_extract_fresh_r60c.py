"""Round 60 (c), names and end points: invented abstracts. Trial names with a Roman numeral
after a space ("the randomised KESTREL III trial"), with a bracketed alias ("OSPREY V (HERON)
trial"), with design words between "the" and a name before a design noun ("the phase II KESTREL
platform trial"), coined mixed-case names of trials and registries ("the neoadjuvant GeparKestrel
trial", "the SystHERon registry"), a study number before a bracketed name ("ABCD1607 (KESTREL TEA
study)"), hyphenated title-case names ("the Neo-heron trial") and a named database bracketed after
its expansion ("... (ESME) MBC database") were missed. An adjusted ratio of a patient feature after
"was associated with" was kept; an end point outside the code list ("the R0 resection rate") took
the previous clause's; a grade was carried over ";" into a new event; a value before "and NR mo"
was lost."""

from __future__ import annotations

from extract_helpers import extract_text, rows_of

TITLE = "Tucatinib plus trastuzumab in HER2-positive breast cancer\n\n"
BODY = "\n\nPatients received tucatinib plus trastuzumab. ORR was 41.0%."
LEAD = f"{TITLE}Patients received tucatinib plus trastuzumab. "
ROW = ("endpoint", "measure", "value", "unit")


def trials_of(nlp, text: str) -> list[str]:
    return sorted(extract_text(nlp, text).trials)


# --- 1. trial-name forms ---


def test_roman_numeral_after_a_space_names_the_trial(nlp):
    """ "the randomised KESTREL III trial": the name and its numeral."""
    body = "The randomised KESTREL III trial enrolled 300 patients."
    assert trials_of(nlp, f"{TITLE}{body}{BODY}") == ["KESTREL III"]


def test_bracketed_alias_after_a_numbered_name(nlp):
    """ "The phase 2 OSPREY V (HERON) trial": the name and its alias."""
    body = "The phase 2 OSPREY V (HERON) trial enrolled 300 patients."
    assert trials_of(nlp, f"{TITLE}{body}{BODY}") == ["HERON", "OSPREY V"]


def test_counted_word_and_numeral_name_no_trial(nlp):
    """Negative: "the COHORT II study" and "the HER2 III trial" name no trial."""
    for body in ("In the COHORT II study, 300 patients enrolled.", "The HER2 III trial ran."):
        assert trials_of(nlp, f"{TITLE}{body}{BODY}") == [], body


def test_design_words_before_name_and_design_noun(nlp):
    """ "the phase II KESTREL platform trial": design words before the name too."""
    body = "The phase II KESTREL platform trial enrolled 300 patients."
    assert trials_of(nlp, f"{TITLE}{body}{BODY}") == ["KESTREL"]


def test_coined_mixed_case_trial_name(nlp):
    """ "the neoadjuvant GeparKestrel trial": a coined mixed-case name after a setting word."""
    body = "The neoadjuvant GeparKestrel trial enrolled 300 patients."
    assert trials_of(nlp, f"{TITLE}{body}{BODY}") == ["GeparKestrel"]


def test_coined_mixed_case_registry_name(nlp):
    """ "the SystHERon registry": a named registry is listed as a trial."""
    body = "Patients in the SystHERon registry were analysed."
    assert trials_of(nlp, f"{TITLE}{body}{BODY}") == ["SystHERon"]


def test_prefixed_acronym_before_registry_names_none(nlp):
    """Negative: "the mBC registry", "the ADCs study" name nothing."""
    for body in ("Patients in the mBC registry were analysed.", "The neoadjuvant ADCs trial ran."):
        assert trials_of(nlp, f"{TITLE}{body}{BODY}") == [], body


def test_study_number_before_bracketed_name(nlp):
    """ "ABCD1607 (KESTREL TEA study)": the study number and the bracketed name."""
    body = "ABCD1607 (KESTREL TEA study) enrolled 300 patients."
    ex = extract_text(nlp, f"{TITLE}{body}{BODY}")
    assert sorted(ex.trials) == ["ABCD1607", "KESTREL TEA"]
    assert ex.drugs == ["trastuzumab", "tucatinib"]


def test_hyphenated_title_case_name(nlp):
    """ "The Neo-heron trial", "In the Neo-kestrel study": a hyphenated coined name."""
    for body, name in (
        ("The Neo-heron trial enrolled 300 patients.", "Neo-heron"),
        ("In the Neo-kestrel study, 300 patients were enrolled.", "Neo-kestrel"),
    ):
        assert trials_of(nlp, f"{TITLE}{body}{BODY}") == [name], body


def test_hyphenated_common_word_names_no_trial(nlp):
    """Negative: "The Open-label trial", "the Follow-up study" (a word used in lower case
    elsewhere) name no trial."""
    for body in (
        "The Open-label trial enrolled 300 patients.",
        "In the Follow-up study, 300 patients had follow-up visits.",
    ):
        assert trials_of(nlp, f"{TITLE}{body}{BODY}") == [], body


def test_named_database_after_its_expansion(nlp):
    """ "The Epidemiological Strategy and Medical Economics (ESME) MBC database": ESME."""
    body = "The Epidemiological Strategy and Medical Economics (ESME) MBC database was analysed."
    assert trials_of(nlp, f"{TITLE}{body}{BODY}") == ["ESME"]


def test_named_registry_after_its_expansion(nlp):
    """ "the Kestrel Breast Cancer Registry (KBCR)": the registry's short form."""
    body = "We used the Kestrel Breast Cancer Registry (KBCR) to identify patients."
    assert trials_of(nlp, f"{TITLE}{body}{BODY}") == ["KBCR"]


def test_expansion_without_data_source_word_names_none(nlp):
    """Negative: "the Response Evaluation Criteria in Solid Tumors (RECIST)" names no data
    source."""
    body = "Response was assessed by Response Evaluation Criteria in Solid Tumors (RECIST)."
    assert trials_of(nlp, f"{TITLE}{body}{BODY}") == []


# --- 2. adjusted ratios of patient features ---


def test_adjusted_ratio_of_a_feature_after_associated_is_no_outcome(nlp):
    """ "Recurrent disease was associated with shorter OS (adjusted HR 1.45 ...)": a factor."""
    text = f"{LEAD}Recurrent disease was associated with shorter OS (adjusted HR 1.45, 95% CI "
    text += "1.10-1.91; P = 0.008)."
    assert rows_of(nlp, text, ROW) == []


def test_short_adjusted_ratio_of_a_feature_is_no_outcome(nlp):
    """ "Visceral disease was associated with shorter OS (aHR 1.30 ...)": a factor."""
    text = f"{LEAD}Visceral disease was associated with shorter OS (aHR 1.30, 95% CI 1.01-1.67)."
    assert rows_of(nlp, text, ROW) == []


def test_adjusted_ratio_of_the_treatment_stays(nlp):
    """Negative: "tucatinib was associated with longer OS (adjusted HR 0.66 ...)" stays."""
    text = f"{LEAD}After adjustment, tucatinib was associated with longer OS (adjusted HR 0.66, "
    text += "95% CI 0.50-0.88)."
    assert rows_of(nlp, text, ROW) == [("OS", "HR", 0.66, None)]


# --- 3.-5. end points carried over ---


def test_end_point_outside_the_list_takes_no_carried_end_point(nlp):
    """ "the pCR rate was 45.0% and the R0 resection rate was 82.0%": R0 is no pCR."""
    text = f"{LEAD}The pCR rate was 45.0% and the R0 resection rate was 82.0%."
    assert rows_of(nlp, text, ROW) == [("pCR", "rate", 45.0, "%")]


def test_end_point_outside_the_list_after_a_grade(nlp):
    """ "Grade 3 or higher neutropenia occurred in 12.0%, and the R0 resection rate ..."."""
    text = f"{LEAD}Grade 3 or higher neutropenia occurred in 12.0% of patients, and the R0 "
    text += "resection rate was 82.0%."
    assert rows_of(nlp, text, ROW) == [("AE_G3", "incidence", 12.0, "%")]


def test_coordinated_end_points_before_rates_keep_theirs(nlp):
    """Negative: "The 12-month progression-free survival and overall survival rates were 50.1%
    and 80.2%, respectively": the words before "rates" hold a listed end point (OS), so the
    first rate keeps PFS (the lead's merge found this; the round's rule had dropped it)."""
    text = f"{LEAD}Median PFS was 20.1 months. The 12-month progression-free survival and "
    text += "overall survival rates were 50.1% and 80.2%, respectively."
    assert [(r.endpoint, r.value) for r in rows_of(nlp, text, ROW) if r.measure == "rate"] == [
        ("PFS", 50.1),
        ("OS", 80.2),
    ]


def test_rate_words_that_point_back_keep_the_end_point(nlp):
    """Negative: "..., and the corresponding rate was 30.0%", "and the five-year rate was ..."
    keep the earlier end point."""
    text = f"{LEAD}The pCR rate was 45.0% with tucatinib, and the corresponding rate was 30.0% "
    text += "with trastuzumab."
    assert [r.endpoint for r in rows_of(nlp, text, ROW)] == ["pCR", "pCR"]
    text = f"{LEAD}The 3-year IDFS rate was 90.1%, and the five-year rate was 85.2%."
    assert [r.endpoint for r in rows_of(nlp, text, ROW)] == ["IDFS", "IDFS"]


def test_grade_heading_still_reaches_the_items(nlp):
    """Negative: "Grade >=3 AEs: neutropenia 20.0%; diarrhoea 10.0%": a heading's grade."""
    text = f"{LEAD}Grade >=3 AEs: neutropenia 20.0%; diarrhoea 10.0%."
    assert [r.endpoint for r in rows_of(nlp, text, ROW)] == ["AE_G3", "AE_G3"]


def test_grade_not_carried_over_a_semicolon_into_a_new_event(nlp):
    """ "Grade 3 neutropenia 20.0%; diarrhoea 35.0%": the second rate is any grade."""
    text = f"{LEAD}Adverse events were grade 3 neutropenia 20.0%; diarrhoea 35.0%."
    assert rows_of(nlp, text, ROW) == [
        ("AE_G3", "incidence", 20.0, "%"),
        ("AE", "incidence", 35.0, "%"),
    ]


def test_restated_grade_after_a_semicolon_stays(nlp):
    """Negative: "grade 3 neutropenia 20.0%; grade 3 diarrhoea 5.0%": both grade 3."""
    text = f"{LEAD}Adverse events were grade 3 neutropenia 20.0%; grade 3 diarrhoea 5.0%."
    assert rows_of(nlp, text, ROW) == [
        ("AE_G3", "incidence", 20.0, "%"),
        ("AE_G3", "incidence", 5.0, "%"),
    ]


def test_unit_after_nr_is_shared_back(nlp):
    """ "Median PFS was 52.1 and NR mo": both months."""
    text = f"{TITLE}Patients received tucatinib or trastuzumab. Median PFS was 52.1 and NR mo, "
    text += "respectively."
    assert rows_of(nlp, text, ROW) == [
        ("PFS", "median", 52.1, "months"),
        ("PFS", "median", None, "months"),
    ]
