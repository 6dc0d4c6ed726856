"""Review of round 60 (c): invented texts. The hyphenated-name reader took descriptive compounds
("the Two-stage study", "the Multi-center trial") for names; the data-source reader took a
cooperative group's short form ("Japan Clinical Oncology Group (JCOG) database"); an adjusted HR
of a treatment named without a drug ("Receipt of dual HER2 blockade was associated with ...") was
dropped as a covariate's; "Grade 3 toxicities included neutropenia 20%; diarrhoea 15%" lost the
grade of the second item; "21.9 and NR (95% CI 12.0-NR) months" lost 21.9."""

from __future__ import annotations

from extract_helpers import extract_text, rows_of

LEAD = "Patients received tucatinib plus trastuzumab or placebo plus trastuzumab. "
ROW = ("endpoint", "measure", "value", "unit")


def trials_of(nlp, text: str) -> list[str]:
    return sorted(extract_text(nlp, text).trials)


def test_descriptive_hyphenated_compounds_name_no_trial(nlp):
    """Counting, size or adjective compounds describe a study: no trial names."""
    for word in (
        "Two-stage",
        "Triple-negative",
        "Multi-center",
        "Cross-sectional",
        "De-escalation",
    ):
        text = f"{LEAD}The {word} study of trastuzumab enrolled 200 patients."
        assert trials_of(nlp, text) == [], word


def test_coined_hyphenated_name_still_read(nlp):
    """ "the Neo-heron trial" (the round's case) is still a name."""
    assert trials_of(nlp, f"{LEAD}The Neo-heron trial enrolled 200 patients.") == ["Neo-heron"]


def test_group_short_form_before_database_is_no_data_source(nlp):
    """A short form bracketed after a group's or organisation's name names who holds the data."""
    for source in ("Japan Clinical Oncology Group (JCOG) database", "Korean Cancer Study Group "
                   "(KCSG) registry"):  # fmt: skip
        assert trials_of(nlp, f"Patients from the {source} received trastuzumab.") == [], source


def test_named_database_short_form_still_read(nlp):
    """ "The Clinical Practice Research Datalink (CPRD) database": a data source, listed."""
    text = "The Clinical Practice Research Datalink (CPRD) database was used for trastuzumab."
    assert trials_of(nlp, text) == ["CPRD"]


def test_adjusted_ratio_of_a_treatment_without_drug_name_kept(nlp):
    """ "Receipt of dual HER2 blockade was associated with improved OS (adjusted HR 0.70)"."""
    text = (
        "Patients received pertuzumab plus trastuzumab or trastuzumab alone. Receipt of dual "
        "HER2 blockade was associated with improved OS (adjusted HR 0.70, 95% CI 0.55-0.89)."
    )
    assert ("OS", "HR", 0.7, None) in rows_of(nlp, text, ROW)


def test_adjusted_ratio_of_a_covariate_still_dropped(nlp):
    """ "Recurrent disease was associated with shorter OS (adjusted HR 1.45)": no outcome."""
    text = (
        "Patients received trastuzumab. Recurrent disease was associated with shorter OS "
        "(adjusted HR 1.45, 95% CI 1.10-1.90)."
    )
    assert rows_of(nlp, text, ROW) == []


def test_toxicities_heading_keeps_grade_over_semicolon(nlp):
    """ "Grade 3 toxicities included neutropenia 20%; diarrhoea 15%": both grade 3."""
    text = (
        "Patients received trastuzumab. Grade 3 toxicities included neutropenia 20%; diarrhoea 15%."
    )
    rows = rows_of(nlp, text, ROW)
    assert ("AE_G3", "incidence", 15.0, "%") in rows
    assert ("AE", "incidence", 15.0, "%") not in rows


def test_grade_spent_on_named_event_still(nlp):
    """ "Grade 3 neutropenia 20%; diarrhoea 35%" (the round's case): diarrhoea of any grade."""
    rows = rows_of(
        nlp, "Patients received trastuzumab. Grade 3 neutropenia 20%; diarrhoea 35%.", ROW
    )
    assert ("AE", "incidence", 35.0, "%") in rows


def test_nr_with_ci_then_unit_shares_it_back(nlp):
    """ "21.9 and NR (95% CI 12.0-NR) months": 21.9 is a median in months too."""
    text = f"{LEAD}Median OS was 21.9 and NR (95% CI 12.0-NR) months, respectively."
    assert ("OS", "median", 21.9, "months") in rows_of(nlp, text, ROW)


def test_nr_bracket_without_unit_gives_none(nlp):
    """ "21.9 and NR (95% CI 12.0-NR)" with no unit after: 21.9 stays unread as a time."""
    text = f"{LEAD}Median OS was 21.9 and NR (95% CI 12.0-NR), respectively."
    assert ("OS", "median", 21.9, "months") not in rows_of(nlp, text, ROW)
