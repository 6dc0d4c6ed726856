"""Review of round 63a: two gaps around its arm lists and day lists. A comma-labelled list whose
first label follows "in" ("enrolled in cohort 1, pyrotinib 240 mg; cohort 2, ...; cohort 3,
...") was read from its second label on: two of three dose levels of a dose-escalation study
became arms and the first stayed null. A day list followed by the same drug's next dose
("trastuzumab 4 mg/kg on day 1 and 2 mg/kg weekly plus docetaxel") read "1 and 2" as days and
left "mg/kg" in the gap, so the drug lost its partner (before the round too)."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, rows_of

from her2mine.extract.regimens import without_schedules

DOSE_LEVELS = (
    "Pyrotinib dose escalation\n\n"
    "In this phase I dose-escalation study, patients were enrolled in cohort 1, pyrotinib 240 "
    "mg; cohort 2, pyrotinib 320 mg; cohort 3, pyrotinib 400 mg. The ORR was 40% in cohort 1, "
    "50% in cohort 2 and 60% in cohort 3."
)

RANDOMISED_COMMA = (
    "Dual HER2 blockade\n\n"
    "Patients were randomly assigned to arm A, docetaxel plus trastuzumab (n = 120); arm B, "
    "paclitaxel plus trastuzumab (n = 118). Median PFS was 12.1 months in arm A versus 10.2 "
    "months in arm B (HR 0.82, 95% CI 0.65-1.03)."
)

LOADING_DOSE_AND = (
    "Trastuzumab with docetaxel\n\n"
    "Patients were randomized to trastuzumab 4 mg/kg on day 1 and 2 mg/kg weekly plus docetaxel "
    "(TD group) or docetaxel alone (D group). The ORR was 61% in the TD group and 34% in the D "
    "group."
)


def test_comma_list_after_in_is_not_read_from_its_second_label(nlp):
    """ "enrolled in cohort 1, X; cohort 2, Y; cohort 3, Z": the list is read whole or not
    at all; dose levels of a dose-escalation study stay null, all three alike."""
    rows = rows_of(nlp, DOSE_LEVELS, ARM_ROW)
    assert [arm_of(rows, v) for v in (40.0, 50.0, 60.0)] == [None, None, None]


def test_comma_list_with_counts_still_defines_arms(nlp):
    """Negative: "randomly assigned to arm A, X (n = 120); arm B, Y (n = 118)" keeps its arms."""
    rows = rows_of(nlp, RANDOMISED_COMMA, ARM_ROW)
    assert arm_of(rows, 12.1) == "docetaxel+trastuzumab"
    assert arm_of(rows, 10.2) == "paclitaxel+trastuzumab"


def test_next_dose_after_day_list_is_a_dose():
    """ "4 mg/kg on day 1 and 2 mg/kg weekly plus": the "and" joins the same drug's doses, so
    only "plus" is left between the drugs."""
    assert without_schedules(" 4 mg/kg on day 1 and 2 mg/kg weekly plus ").split() == ["plus"]


def test_loading_dose_keeps_its_partner(nlp):
    """The TD group is trastuzumab and docetaxel, not docetaxel alone."""
    rows = rows_of(nlp, LOADING_DOSE_AND, ARM_ROW)
    assert arm_of(rows, 61.0) == "docetaxel+trastuzumab"
    assert arm_of(rows, 34.0) == "docetaxel"


def test_day_list_before_a_drug_still_ends_at_and():
    """Negative: "on days 1, 8 and 15 and" (a day, then the next drug) keeps the joining "and";
    "on days 1 and 8" is still a day list."""
    assert without_schedules(" 80 mg/m2 on days 1, 8 and 15 and ").split() == ["and"]
    assert without_schedules(" on days 1 and 8 every 3 weeks plus ").split() == ["plus"]
