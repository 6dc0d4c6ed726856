"""Review of round text r17 (f07593b): two readings of the new text rules lost rows.

The title-case run-in heading rule cut "Objective" off "Objective Response Rate was 60% ...":
the sentence read "Response Rate was ...", no end point, and both rates were lost. And
<sup>+</sup> / <sup>−</sup> after a receptor ("HR<sup>−</sup>", "HER2<sup>+</sup>") became
"⁻" / "⁺", which the rules then read as spaces: "62% in HR⁻ tumors" read "in HR  tumors", HR as
a hazard ratio, and the rate was dropped (the flat "HR−" the parser gave before kept it)."""

from __future__ import annotations

from extract_helpers import ARM_ROW, rows_of, sentences_of

from her2mine.extract.numbers import fold_superscripts
from her2mine.parse.text import clean_markup

T_DXD = "trastuzumab deruxtecan"


# --- "Objective Response Rate" is an end point, not a heading ---------------------------------

ORR_TITLE_CASE = (
    "Patients were randomly assigned to T-DXd or chemotherapy. Objective Response Rate was 60% "
    "with T-DXd and 20% with chemotherapy."
)


def test_title_case_objective_response_keeps_its_sentence():
    """ "Objective Response Rate" at a sentence start is no run-in "Objective" heading."""
    assert sentences_of(ORR_TITLE_CASE)[1].startswith("Objective Response Rate was 60%")
    assert sentences_of("Objective Tumor Responses were seen in 12 patients.") == [
        "Objective Tumor Responses were seen in 12 patients."
    ]


def test_title_case_objective_response_rates_are_read(nlp):
    """Both rates are ORR rows, each with its arm (the chemotherapy arm's null)."""
    assert rows_of(nlp, ORR_TITLE_CASE, ARM_ROW) == [
        ("ORR", "rate", 60.0, T_DXD),
        ("ORR", "rate", 20.0, None),
    ]


def test_objective_heading_is_still_cut():
    """Negative: "Objective To assess ..." and "Objectives We ..." are run-in headings."""
    assert sentences_of("Objective To assess T-DM1. Objectives We compared two arms.") == [
        "To assess T-DM1.",
        "We compared two arms.",
    ]


# --- a superscript sign without a digit is a status ---------------------------------------------


def test_sign_only_superscript_is_flattened():
    """ "HER2<sup>+</sup>", "HR<sup>&#x2212;</sup>": a status, written flat as before r17."""
    assert clean_markup("HER2<sup>+</sup> and HR<sup>&#x2212;</sup>") == "HER2+ and HR−"


def test_signed_exponent_is_still_a_superscript():
    """Negative: a sign with digits is still rendered as superscripts."""
    assert clean_markup("P&lt;10<sup>&#x2212;5</sup>; Ca<sup>2+</sup>") == "P<10⁻⁵; Ca²⁺"


def test_unicode_status_signs_read_as_flat_signs():
    """ "HR⁺" / "HR⁻" in a text are read as "HR+" / "HR-", never as "HR" and spaces."""
    assert fold_superscripts("in HR⁺ and HR⁻ tumors") == "in HR+ and HR- tumors"


def test_rates_by_unicode_receptor_status_are_both_read(nlp):
    """ "45% in HR⁺ tumors and 62% in HR⁻ tumors": both pCR rates are rows."""
    text = (
        "Patients received pertuzumab plus trastuzumab. The pCR rate was 45% in HR⁺ tumors and "
        "62% in HR⁻ tumors."
    )
    assert [r[2] for r in rows_of(nlp, text, ARM_ROW)] == [45.0, 62.0]
