"""Text folds and number conversions: typography, "m" for months, superscripts and decimal
commas folded with offsets kept; ``to_float``, ``normalise_p`` and unit names.
"""

from __future__ import annotations

import re

# Typographic variants of the characters results are written with, folded to the ones the rules
# read (one character for one, so every offset stays that of the original text): full-width
# forms of East Asian journals ("ＨＲ＝0.18，95％CI", "P＜0.001", "［0.39－0.88］"), the
# ideographic space, "≦"/"≧" (Japanese ≤/≥) and the slanted "⩽"/"⩾", the wave dash of ranges
# ("0.55〜0.85"), the figure dash ("0.51‒0.75"), and fixed-width spaces (no-break, figure,
# thin, narrow no-break) copied from PDFs ("18.5 months", "P < 0.001"), and the dot and bullet
# operators some typesetters put for the Lancet's middle dot ("49∙3%", "0⋅62").
_TYPOGRAPHY = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {
    0x3000: " ",
    0x2266: "≤",
    0x2267: "≥",
    0x2A7D: "≤",
    0x2A7E: "≥",
    0x301C: "~",
    0x2012: "–",
    0x00A0: " ",
    0x2007: " ",
    0x2009: " ",
    0x202F: " ",
    0x22C5: "·",
    0x2219: "·",
}
_TYPOGRAPHY_CHAR = re.compile("[" + "".join(map(chr, _TYPOGRAPHY)) + "]")


def fold_typography(text: str) -> str:
    """``text`` with the typographic variants of ``_TYPOGRAPHY`` folded and, in a text written
    with decimal commas, those commas read as points (same length; ``text`` itself when it has
    neither, as almost every abstract: two searches)."""
    if not text.isascii() and _TYPOGRAPHY_CHAR.search(text) is not None:
        text = text.translate(_TYPOGRAPHY)
    if "," in text and _writes_decimal_commas(text):
        text = _DECIMAL_COMMA.sub(_as_decimal_point, text)
    return fold_month_m(text)


# "The mPFS was 12.0 m", "(10.2 m vs 14.1 m, P=0.000)": East Asian abstracts shorten months to
# "m". It is read as months (folded to MONTH_M, a private-use character every time-unit pattern
# takes as months) only after a median word in its sentence or next to another month value;
# a lone "6 m" (metres, minutes), "mg/m2" or a landmark ("the 12 m OS rate") stays as written.
MONTH_M = "\ue06d"
# (literal first, then the digit before it: the engine skips to each "m")
_M_AFTER_NUMBER = re.compile(
    r"m(?:(?<=\d m)|(?<=\dm))(?![\w/²³]|\.\d|[\s-]*(?:[A-Z]{2,}|rate|survival)\b)"
)
_MEDIAN_CUE = re.compile(r"(?i:median)|\bm(?:PFS|OS|DOR|DoR|TTP|EFS|DFS|RFS)\b")
_MONTH_VALUE = re.compile(r"\d ?(?:m|mo|mos|months?)\b(?![/²³])")
_M_REACH = 80  # characters looked at on each side (within the sentence)
# A sentence end: not the stop of "vs." / "v." ("12.0 m vs. 8.1 m" is one sentence)
_SENTENCE_STOP = re.compile(r"(?<!\bvs)(?<!\bv)\.\s")


def fold_month_m(text: str) -> str:
    """``text`` with each "m" read as months folded to ``MONTH_M`` (same length; ``text``
    itself when there is none: one search)."""
    if _M_AFTER_NUMBER.search(text) is None:
        return text
    months = [m.start() for m in _M_AFTER_NUMBER.finditer(text) if _month_context(text, m.start())]
    if not months:
        return text
    chars = list(text)
    for i in months:
        chars[i] = MONTH_M
    return "".join(chars)


def _month_context(text: str, pos: int) -> bool:
    """Whether the "m" at ``pos`` follows a median word in its sentence or has another month
    value within reach on either side ("10.2 m vs 14.1 m")."""
    a = max(pos - _M_REACH, text.rfind("\n", 0, pos))
    for stop in _SENTENCE_STOP.finditer(text, a, pos):
        a = stop.start()
    if _MEDIAN_CUE.search(text, a, pos) is not None:
        return True
    stop = _SENTENCE_STOP.search(text, pos, pos + _M_REACH)
    b = pos + _M_REACH if stop is None else stop.start()
    before = [x for x in _MONTH_VALUE.finditer(text, a, pos + 1) if x.end() <= pos]
    return bool(before) or _MONTH_VALUE.search(text, pos + 1, b) is not None


# Superscripts as the parsers render <sup> ("trastuzumab¹²", "18.5 months¹²", "HR 0.62¹",
# "10⁹/L"): ``\w`` matches a superscript digit (``str.isdigit`` is True) while ``\d`` does not,
# so a citation marker glues the drug name or value before it to a "word" ("trastuzumab\b"
# fails; a number followed by a word character is none). The rules read the text with each
# such marker as spaces (same length: offsets hold, rows quote the text as written). Two kinds
# of superscript are no marker: the power of a one-letter symbol ("mg/m²", "I²", "r²",
# "km·h⁻¹"), which stays as written, and the exponent of a power of ten: a negative one is
# read as the flat text writes it ("P<10⁻⁵" as "P<10-5", which the P reading knows), any other
# becomes word characters that are no digits ("10⁹/L" as "10⁰/L"), so the number stays glued
# and neither 10 nor 109 is read. A run of signs without a digit is a status ("HER2⁺",
# "HR⁻"), read as the flat signs ("HER2+", "HR-"), never as spaces ("in HR  tumors" reads HR as a
# hazard ratio). A citation list ("trastuzumab¹,²", "¹–³": the parsers keep a list's commas and
# en dashes flat between its superscript numbers) is one marker, all spaces.
_SUPERSCRIPT_DIGIT = "[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]"
_SUPERSCRIPT_RUN = re.compile(
    f"[\u00b9\u00b2\u00b3\u2070\u2074-\u207e]+(?:[,\u2013]{_SUPERSCRIPT_DIGIT}+)*"
)
_NEGATIVE_POWER = re.compile("\u207b[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+")
_AS_WRITTEN_FLAT = str.maketrans(
    "\u207b\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079", "-0123456789"
)
_SUPERSCRIPT_DIGITS = frozenset("\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079")
_FLAT_SIGNS = str.maketrans("\u207a\u207b\u207c\u207d\u207e", "+-=()")
_POWER_BASE = "10"
_NUMBER_CHARS = "0123456789.·,"


def fold_superscripts(text: str) -> str:
    """``text`` with its superscript markers read as above; ``text`` itself when that changes
    nothing (no superscript, as almost every abstract: one ``isascii``; or only "mg/m²")."""
    if text.isascii() or _SUPERSCRIPT_RUN.search(text) is None:
        return text
    folded = _SUPERSCRIPT_RUN.sub(_folded_superscript, text)
    return text if folded == text else folded


def _folded_superscript(m: re.Match[str]) -> str:
    start, text, run = m.start(), m.string, m.group(0)
    if "," in run or "\u2013" in run:
        return " " * (m.end() - start)  # a citation list
    if _SUPERSCRIPT_DIGITS.isdisjoint(run):
        return run.translate(_FLAT_SIGNS)  # a status: "HER2⁺", "HR⁻"
    before = text[start - 1] if start else ""
    if before.isalpha() and (start < 2 or not text[start - 2].isalpha()):
        return m.group(0)  # a one-letter symbol's power: "m²", "I²"
    if text[start - 2 : start] == _POWER_BASE and (
        start < 3 or text[start - 3] not in _NUMBER_CHARS
    ):
        if _NEGATIVE_POWER.fullmatch(m.group(0)) is not None:
            return m.group(0).translate(_AS_WRITTEN_FLAT)  # "P<10⁻⁵": "P<10-5"
        return "\u2070" * (m.end() - start)  # "10⁹/L": glued, no number
    return " " * (m.end() - start)


# European PDFs write decimals with a comma ("13,8 months", "hazard ratio 0,74; 95% CI
# 0,60-0,91; p=0,0046"), which also separates thousands ("3,807 patients") and lists
# ("cohorts 1,2"). A text is read as using decimal commas only when it writes no decimal point
# (nor a Lancet middle dot) at all and a comma number stands where only a result can: before
# "%" or a time unit, or zero-led ("0,74"). Then a comma between digits is a decimal point
# unless it separates thousands (exactly three digits after it and a non-zero integer part).
_DECIMAL_COMMA_RESULT = re.compile(
    r"(?<![\d,.])(?:\d{1,3},\d{1,2}(?!\d)\s*(?:%|months?\b|mo\b)|0,\d{2,}(?![\d,]))"
)
_DECIMAL_POINT = re.compile(r"[.·](?<=\d[.·])\d")  # "\d[.·]\d", found point-first (faster)
# The same with a plain point: a single-character prefix the engine scans for about five times
# as fast as the class "[.·]" (the first decimal of an abstract is ~1,000 characters in).
_DECIMAL_POINT_ASCII = re.compile(r"\.(?<=\d\.)\d")
_DECIMAL_COMMA = re.compile(r"(?<![\d,.])(?:0,\d+|\d+,(?!\d{3}(?![\d]))\d+)(?![\d,])")


def _writes_decimal_commas(text: str) -> bool:
    """Whether ``text`` writes its decimals with commas (see above). The decimal point, which
    almost every abstract has, is looked for first (a middle dot only in a text holding one)."""
    if _DECIMAL_POINT_ASCII.search(text) is not None:
        return False
    if "·" in text and _DECIMAL_POINT.search(text) is not None:
        return False
    return _DECIMAL_COMMA_RESULT.search(text) is not None


def _as_decimal_point(m: re.Match[str]) -> str:
    return m.group(0).replace(",", ".")


def to_float(s: str) -> float | None:
    """'0·62' → 0.62, '.001' → 0.001, '0,57' → 0.57 (a decimal comma: only ``_IC_CI``'s bounds
    hold a comma); None for NR/not reached/NE."""
    s = s.strip().replace("·", ".").replace(",", ".")
    if not s or not (s[0].isdigit() or s[0] == "."):
        return None
    try:
        return float(s)
    except ValueError:
        return None


_SPACES = re.compile(r"\s+")
_P_OPS = {"=": "", "&lt;": "<", "&gt;": ">", "≤": "<=", "≥": ">="}


def normalise_p(op: str, num: str) -> str:
    """'=' dropped, '<' kept; middle dot → '.', '.001' → '0.001', spaces removed."""
    op = _P_OPS.get(op, op)
    num = _SPACES.sub("", num).replace("·", ".").replace("−", "-").replace("–", "-")
    if num.startswith("."):
        num = "0" + num
    if "^" in num or "x" in num or "E" in num or "e" in num:
        num = _power_of_ten_p(num)
    if not op and num.startswith("0.0") and num.rstrip("0") == "0.":
        # "P=0.000" is a P rounded to zero at three places: below 0.001
        return "<" + num[:-1] + "1"
    return op + num


_E_NOTATION = re.compile(r"(.+?)[Ee]-0*(\d+)")


def _power_of_ten_p(num: str) -> str:
    """A P's power of ten written as "×10-22" whatever its typing: "7.8x10^-22" → "7.8×10-22",
    "1.2E-05" → "1.2×10-5" (the form PubMed's flattened superscripts give)."""
    e = _E_NOTATION.fullmatch(num)
    if e is not None:
        return f"{e.group(1)}×10-{e.group(2)}"
    return num.replace("^", "").replace("x", "×")


def _unit_name(u: str) -> str:
    u = u.lower()
    if u.startswith("w"):
        return "weeks"
    if u.startswith("y"):
        return "years"
    return "months"


def _atom_float(atom: str) -> float:
    """``to_float`` for a number atom (digits with at most one "." or "·", no sign or comma)."""
    return float(atom.replace("·", ".")) if "·" in atom else float(atom)
