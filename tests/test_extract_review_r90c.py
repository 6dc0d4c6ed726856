"""Review of round 90c: a reference a comparison word introduces was read as the first item of
the comma-joined list after it. "Compared with group C, group A and group B had a higher
incidence of grade ≥3 diarrhoea (23.3% and 26.7%)" made a three-group list of "group C, group A
and group B", so the two values paired with no group; they are groups A's and B's."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, rows_of
from test_extract_fresh_r90a import LAP_CAP, PYR_CAP, PYR_CAP_TRA, TITLED_GROUPS

_DIARRHOEA = (
    "The incidence of grade ≥3 diarrhoea in group A, group B and group C was 23.3%, 26.7% and "
    "13.3%, and the differences were not statistically significant (P>0.05)."
)


def _with_sentence(sentence: str) -> str:
    assert _DIARRHOEA in TITLED_GROUPS
    return TITLED_GROUPS.replace(_DIARRHOEA, sentence)


def test_compared_with_reference_is_no_list_item(nlp):
    """ "Compared with group C, group A and group B had ... (23.3% and 26.7%)": the two values
    pair with groups A and B."""
    text = _with_sentence(
        "Compared with group C, group A and group B had a higher incidence of grade ≥3 "
        "diarrhoea (23.3% and 26.7%)."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert [arm_of(rows, v) for v in (23.3, 26.7)] == [PYR_CAP, PYR_CAP_TRA]


def test_relative_to_reference_is_no_list_item(nlp):
    """ "Relative to group C, group A and group B ..." reads the same way."""
    text = _with_sentence(
        "Relative to group C, group A and group B had a higher incidence of grade ≥3 "
        "diarrhoea (23.3% and 26.7%)."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert [arm_of(rows, v) for v in (23.3, 26.7)] == [PYR_CAP, PYR_CAP_TRA]


def test_leading_comma_list_still_pairs_in_order(nlp):
    """Negative: "In group A, group B and group C, ... in 23.3%, 26.7% and 13.3%" is one
    three-group list (no comparison word before its first item)."""
    text = _with_sentence(
        "In group A, group B and group C, grade ≥3 diarrhoea occurred in 23.3%, 26.7% and "
        "13.3% of patients."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert [arm_of(rows, v) for v in (23.3, 26.7, 13.3)] == [PYR_CAP, PYR_CAP_TRA, LAP_CAP]
