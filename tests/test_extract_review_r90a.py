"""Review of round 90a: ``grades_paired_respectively`` paired a "versus X% and Y%, respectively"
list with any n adverse-event values before "versus", also when they were not one run: "Any
grade diarrhoea occurred in 78.2% of patients, whereas grade 3 rash occurred in 30.0% versus
12.0% and 5.0%, respectively" read 12.0 as any grade. The partners must now be one short run."""

from __future__ import annotations

from extract_helpers import ARM_ROW, row_with, rows_of

THREE_ARMS = (
    "Patients were randomised to pyrotinib plus capecitabine, placebo plus capecitabine, or "
    "lapatinib plus capecitabine. "
)
WHEREAS_CLAUSE = THREE_ARMS + (
    "Any grade diarrhoea occurred in 78.2% of patients, whereas grade 3 rash occurred in 30.0% "
    "versus 12.0% and 5.0%, respectively."
)
OTHER_CLAUSE = THREE_ARMS + (
    "Any-grade diarrhoea was 78.2% in the pyrotinib arm, and grade 3 neutropenia occurred in "
    "16.1% of patients in the pyrotinib arm versus 12.1% and 0.8%, respectively, in the placebo "
    "and lapatinib arms."
)


def test_any_grade_value_of_another_clause_is_no_partner(nlp):
    """ "78.2% of patients, whereas grade 3 rash occurred in 30.0% versus 12.0% and 5.0%,
    respectively": both compared values keep grade 3."""
    rows = rows_of(nlp, WHEREAS_CLAUSE, ARM_ROW)
    assert [row_with(rows, v).endpoint for v in (12.0, 5.0)] == ["AE_G3", "AE_G3"]


def test_far_any_grade_value_leaves_grade_3_pair(nlp):
    """An any-grade value a clause before "grade 3 neutropenia ... 16.1% versus 12.1% and 0.8%,
    respectively" does not make 12.1 any grade."""
    rows = rows_of(nlp, OTHER_CLAUSE, ARM_ROW)
    assert row_with(rows, 12.1).endpoint == "AE_G3"
