"""Middle-dot look-alikes: some typesetters print the Lancet's decimal middle dot as the dot
operator (U+22C5) or the bullet operator (U+2219). Before pipeline 0.3.135 "49∙3%" was read as
3.0 (the digits before the look-alike were dropped)."""

from __future__ import annotations

import pytest
from extract_helpers import extract_text as extract

from her2mine.extract.numbers.folding import fold_typography

TEXT = (
    "Pyrotinib versus placebo\n\n"
    "Patients were randomly assigned to pyrotinib or placebo. The objective response rate was "
    "{a}% with pyrotinib and {b}% with placebo (hazard ratio 0{d}62, 95% CI 0{d}51{dash}0{d}75)."
)


@pytest.mark.parametrize("dot", ["\u22c5", "\u2219"])
def test_dot_operators_read_as_decimal_points(nlp, dot: str) -> None:
    """Values, CI bounds and ratios written with a look-alike dot parse as with "·"."""
    text = TEXT.format(a=f"49{dot}3", b=f"30{dot}1", d=dot, dash="–")
    ex = extract(nlp, text)
    got = sorted((o.endpoint, o.measure, o.value, o.ci_low, o.ci_high) for o in ex.outcomes)
    want_text = TEXT.format(a="49·3", b="30·1", d="·", dash="–")
    want = sorted(
        (o.endpoint, o.measure, o.value, o.ci_low, o.ci_high)
        for o in extract(nlp, want_text).outcomes
    )
    assert got == want
    assert ("ORR", "rate", 49.3, None, None) in got


def test_rows_quote_the_original_characters(nlp) -> None:
    """Offsets hold (one character for one) and the sentence is quoted as written."""
    text = TEXT.format(a="49\u22c53", b="30\u22c51", d="\u22c5", dash="–")
    ex = extract(nlp, text)
    row = next(o for o in ex.outcomes if o.value == 49.3)
    assert text[row.start : row.end] == "49\u22c53"
    assert "\u22c5" in row.sentence


def test_fold_keeps_length() -> None:
    s = "0\u22c562 and 0\u221951"
    assert fold_typography(s) == "0·62 and 0·51" and len(fold_typography(s)) == len(s)
