"""Review of round 77c (invented abstracts). A loading dose's step ("8 mg/kg loading dose
followed by 6 mg/kg every 3 weeks or 10 mg/kg every 3 weeks") made dose arms only when the
step carried a bracket: the schedule written after the step stopped the reading of the doses,
so the second dose fell to the partner alone. "A with or without B, with C given to all patients"
was no add-on design (three regimens), so A and C became the arms; C is the partner of both."""

from __future__ import annotations

from extract_helpers import P_ROW, arm_of, registry_of, rows_of

STEP_SCHEDULE = (
    "Patients were randomized to trastuzumab 8 mg/kg loading dose followed by 6 mg/kg every 3 "
    "weeks or 10 mg/kg every 3 weeks, each combined with docetaxel. Median PFS was 7.0 and 8.1 "
    "months, respectively."
)


def test_schedule_after_loading_step_keeps_dose_arms(nlp):
    """ "8 mg/kg loading dose followed by 6 mg/kg every 3 weeks or 10 mg/kg": two dose arms of
    one regimen, each with the partner; the second value keeps trastuzumab."""
    rows = rows_of(nlp, STEP_SCHEDULE, P_ROW)
    assert arm_of(rows, 7.0) == "docetaxel+trastuzumab"
    assert arm_of(rows, 8.1) == "docetaxel+trastuzumab"


def test_single_loading_schedule_makes_no_dose_arms(nlp):
    """Negative: one loading schedule and no other dose after it is a single arm."""
    text = (
        "Patients received trastuzumab 8 mg/kg loading dose followed by 6 mg/kg every 3 weeks "
        "plus docetaxel. The ORR was 60%."
    )
    assert [a.name for a in registry_of(nlp, text).arms] == ["docetaxel+trastuzumab"]


def test_loading_schedule_or_other_regimen_is_no_dose_twin(nlp):
    """Negative: "A 8 mg/kg loading dose followed by 6 mg/kg every 3 weeks plus C or C alone":
    the alternative is a regimen, not a dose."""
    text = (
        "Patients were randomly assigned to trastuzumab 8 mg/kg loading dose followed by 6 mg/kg "
        "every 3 weeks plus docetaxel or docetaxel alone. Median PFS was 11.7 and 6.1 months, "
        "respectively."
    )
    reg = registry_of(nlp, text)
    assert [a.name for a in reg.arms] == ["docetaxel+trastuzumab", "docetaxel"]


SHARED_PARTNER = (
    "Patients were randomly assigned to docetaxel with or without pertuzumab, with trastuzumab "
    "given to all patients. Median PFS was 12.4 and 18.5 months, respectively."
)


def test_with_partner_after_with_or_without_joins_both_arms(nlp):
    """ "A with or without B, with C given to all patients": arms A+B+C and A+C."""
    rows = rows_of(nlp, SHARED_PARTNER, P_ROW)
    assert arm_of(rows, 12.4) == "docetaxel+pertuzumab+trastuzumab"
    assert arm_of(rows, 18.5) == "docetaxel+trastuzumab"


def test_with_follow_up_clause_adds_no_partner(nlp):
    """Negative: ", with a median follow-up of 24 months" names no drug: arms A+B and A."""
    text = (
        "Patients were randomly assigned to docetaxel with or without trastuzumab, with a median "
        "follow-up of 24 months. Median PFS was 11.7 and 6.1 months, respectively."
    )
    names = [a.name for a in registry_of(nlp, text).arms]
    assert names == ["docetaxel+trastuzumab", "docetaxel"]


def test_second_with_or_without_is_no_shared_partner(nlp):
    """Negative: "A with or without B, with or without C" (factorial) gives C to no arm."""
    text = (
        "Patients were randomly assigned to paclitaxel with or without trastuzumab, with or "
        "without lapatinib. The pCR rates were 20% and 30%, respectively."
    )
    names = [a.name for a in registry_of(nlp, text).arms]
    assert "lapatinib+paclitaxel+trastuzumab" not in names
    assert "lapatinib+paclitaxel" not in names
