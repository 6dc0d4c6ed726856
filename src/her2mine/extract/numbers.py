"""Numeric results in a sentence: medians, rates, hazard/odds ratios, their 95% CIs and P values.

Pure functions over the text, covering the journal styles seen in oncology abstracts:
NEJM ``0.62; 95% CI, 0.51 to 0.75; P<0.001``, Lancet ``0·36 [95% CI 0·28–0·45]; p<0·0001``,
JCO ``P < .001``, ``(HR, 0.28; 95% CI, 0.22-0.37)``, ``hazard ratio for progression or death,
0.50``, ``18.5 vs 12.4 months``, ``not reached``/``NR``. Offsets always refer to the input text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from operator import attrgetter

from her2mine.extract.fastre import WordGate, finditer_at, literal_starts, search_from_end

NUM = r"(?:\d+(?:[.·]\d+)?|[.·]\d+)"
# Patterns below start with a literal or a character set and check the character before it
# with a lookbehind placed after that first character: the regex engine can then skip ahead to
# candidate characters instead of trying every position (5-10x faster on abstracts).
# (A number run into "was"/"were"/"is"/"of"/"to", "the ORR was46.4%", "rose to46%", is a
# number: East Asian abstracts drop the space there. Whole words only: "isoform2", "p53".)
_NUM_ATOM = re.compile(
    r"[\d.·](?:(?<![\w.·/^-].)|(?<=\bwas\d)|(?<=\bwere\d)|(?<=\bis\d)|(?<=\bof\d)"
    r"|(?<=\bto\d))"
    r"(?:(?<=\d)\d*(?:[.·]\d+)?|(?<=[.·])\d+)"
    r"(?![\w·]|\.\d|-[A-Za-z]|‐[A-Za-z])"
)
# The same with an ASCII first character ("[0-9.·]"): a byte-map class the engine scans for
# about twice as fast as "\d" (any Unicode digit). Used where the sentence is ASCII, so holds no
# other digit; the rest of the pattern is ``_NUM_ATOM``'s.
_NUM_ATOM_ASCII = re.compile("[0-9.·]" + _NUM_ATOM.pattern.removeprefix("[\\d.·]"))
_NR = r"(?:not\s+reached|not\s+yet\s+reached|NR|not\s+estimable|NE|not\s+evaluable|NA)"
_BOUND = rf"(?:{NUM}|{_NR})"
# ("~": East Asian journals write ranges with a tilde or wave dash, "CI: 0.55~0.85")
_DASH = r"(?:\s*(?:to|–|—|‑|−|-|‒|~|,|;|and)\s*)"
_UNIT_TAIL = r"(?:\s*(?:%|months?|mo\.?|weeks?|years?))?"

# The level written as a subscript, run into the keyword once markup is stripped: PubMed/JATS
# "CI<sub>95</sub> 0.22 to 0.37" -> "CI95 0.22 to 0.37" (no "%"; only straight after "I").
_LEVEL_SUBSCRIPT = r"(?<=I)\d{2}(?![\d.·,%])"
# What follows the keyword in ``CI_RE`` and ``_CI_KEYED`` (one string, so the two agree): its
# bracketed abbreviation, the level ("95%" or a subscript "95"), a joiner, then the bounds.
_AFTER_CI_KEYWORD = (
    r"(?:\s*[\[(]\s*Cr?I\s*[\])])?(?:\s*\d{2}(?:[.·]\d)?\s*%|"
    + _LEVEL_SUBSCRIPT
    + r")?\s*(?:[,:=]|\bwas\b|\bof\b|\bfrom\b)?\s*"
    rf"[\[(]?\s*(?P<lo>{_BOUND}){_UNIT_TAIL}{_DASH}(?P<hi>{_BOUND}){_UNIT_TAIL}"
)
# "95% CI, 0.51 to 0.75" | "95% confidence interval [CI], 0.51 to 0.75" | "CI 95%: 0.5-0.7" |
# "95% credible interval [CrI], 0.13-0.30".
CI_RE = re.compile(
    r"(?:\d{2}(?:[.·]\d)?\s*%\s*|\d{2}(?:[.·]\d)?[- ]percent\s+|(?<![A-Za-z]))"
    r"(?:CI|C\.I\.|CrI|confidence\s+intervals?|credible\s+intervals?)" + _AFTER_CI_KEYWORD,
    re.IGNORECASE,
)
# The same match found keyword-first (fast: the engine scans for "c"/"C"); the optional
# "95% " before the keyword is then read backwards (see ``ci_matches``). Only the rest is
# case-insensitive, as an inline group ("[Cc]" matches no other character either way): with a
# global IGNORECASE the engine's scan for the first character is slower (a scan of a sentence
# took about a quarter longer).
_CI_KEYED = re.compile(
    r"[Cc](?i:(?<![A-Za-z][Cc])(?:I|\.I\.|rI|onfidence\s+intervals?|redible\s+intervals?)"
    + _AFTER_CI_KEYWORD
    + ")"
)
_CI_LEVEL_BEFORE = re.compile(r"(?:\d{2}(?:[.·]\d)?\s*%\s*|\d{2}(?:[.·]\d)?[- ]percent\s+)$", re.I)


class CIMatch:
    """A CI_RE-like match (start, end, group) built from a keyword-first match."""

    __slots__ = ("_end", "_m", "_start")

    def __init__(self, start: int, m: re.Match[str]) -> None:
        self._start, self._end, self._m = start, m.end(), m

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self, name: str) -> str:
        return self._m.group(name)


def ci_matches(text: str, start: int, end: int, scan_from: int | None = None) -> list[CIMatch]:
    """The matches ``CI_RE.finditer(text, start, end)`` gives, found keyword-first.
    ``scan_from``: a position no keyword starts before (the keyword scan starts there; the
    level before a keyword is still read back to ``start``)."""
    out = []
    for m in _CI_KEYED.finditer(text, start if scan_from is None else scan_from, end):
        a = m.start()
        level = _CI_LEVEL_BEFORE.search(text, a - 16 if a - 16 > start else start, a)
        out.append(CIMatch(level.start() if level else a, m))
    return out


# A bare range right after a value: "0.62 (0.51–0.75)".
BARE_RANGE_RE = re.compile(
    rf"\s*[\[(]\s*(?P<lo>{_BOUND}){_UNIT_TAIL}\s*(?:to|–|—|‑|−|-|~)\s*(?P<hi>{_BOUND}){_UNIT_TAIL}"
    r"\s*(?:[\])]|;)"
)
P_RE = re.compile(
    # "pnon-inferiority<0·0001": a subscript flattened into the P (The Lancet on PubMed)
    r"[Pp](?<![A-Za-z][Pp])(?:_?(?:non-?inferiority|superiority|interaction|heterogeneity))?"
    r"(?:\s*[- ]?values?)?(?:\s*\([^()]{1,20}\))?"
    r"(?:\s+for\s+(?:non-?inferiority|superiority|interaction|heterogeneity|trend))?\s*"
    r"(?P<op>=|<|>|≤|≥|<=|>=|&lt;|&gt;)\s*(?P<num>"
    # "P &lt; 10<sup>-5</sup>" flattens to "P < 10-5": a power of ten, never a P of 10 (also
    # typed "10^-5"); a mantissa with its power ("7.8×10-22", "7.8 x 10^-22", "1.2E-05")
    r"10\s*\^?\s*[-−–]\s*\d+(?![\d.·,])|"
    + NUM
    + r"(?:\s*[×x]\s*10\s*\^?\s*[-−–]\s*\d+|[Ee][-−–]\d+(?![\d.·]))?)"
)
# "P value 0.03", "p-value of .04": a P written with the word "value" and no sign (an equality;
# the empty ``op`` group keeps the ``P_RE`` interface). Without it the number read as a value.
_P_WORDED = re.compile(
    r"[Pp](?<![A-Za-z][Pp])\s*[- ]?values?\s+(?:of\s+|was\s+|is\s+)?(?P<op>)(?P<num>"
    + NUM
    + r")(?![\d.·]|\s*%)"
)


def p_matches(text: str, start: int, end: int, has_op: bool = True) -> list[re.Match[str]]:
    """The P values of ``text[start:end]``: ``P_RE``'s (only where ``has_op``: each holds an
    operator character) and ``_P_WORDED``'s, in text order."""
    ps = list(P_RE.finditer(text, start, end)) if has_op else []
    if text.find("alue", start, end) >= 0:
        worded = list(_P_WORDED.finditer(text, start, end))
        if worded:
            ps = sorted(ps + worded, key=lambda m: m.start())
    return ps


# "the OR rate was 45.2%": an objective response short form (``endpoints.rate_short_forms``),
# as is "objective response (OR) rate" (review of round 60a).
# "aHR 0.72" / "aOR 1.9": an adjusted ratio's short form keeps its "a" (the match starts at
# "H"/"O"; ``_adjusted_key_start`` moves the key's start onto the "a").
_KEY_RE = re.compile(
    r"(?:[Hh](?<![A-Za-z][Hh])azard\s+[Rr]atios?|[Oo](?<![A-Za-z][Oo])dds\s+[Rr]atios?|"
    r"H(?<![B-Zb-zA]H)(?<![A-Za-z]aH)Rs?|O(?<![B-Zb-zA]O)(?<![A-Za-z]aO)Rs?(?!\)?[ \t]+rates?\b))"
    r"(?![A-Za-z+\-–/])"
)


def ratio_candidates(text: str) -> list[int]:
    """Offsets where a ``_KEY_RE`` match can start (its case-sensitive literals), sorted."""
    out = [i - 1 for i in literal_starts(text, ("azard", "dds")) if i > 0]
    out += literal_starts(text, ("HR", "OR"))
    out.sort()
    return out


_TIME_UNIT = re.compile(
    r"\s*(months?|mos?\b\.?|weeks?|wks?\b|years?|yrs?\b|\ue06d)(?![A-Za-z])", re.I
)
_BRACKETED = re.compile(r"\s*(?:\[[^\[\]]{1,60}\]|\([^()]{1,60}\))")
_PERCENT = re.compile(r"\s*(%|percent\b)")
# _TIME_UNIT (group 1) or else _PERCENT (group 2) in one match: neither unit starts with a space,
# so the greedy spaces are where each of them matches.
_UNIT_AFTER = re.compile(
    r"\s*(?:(?i:(months?|mos?\b\.?|weeks?|wks?\b|years?|yrs?\b|\ue06d)(?![A-Za-z]))|(%|percent\b))"
)
# What follows a number atom, in one match: _UNIT_AFTER's time unit (group 1; group 2 when
# _FOLLOW_UP_AFTER matches after it) or percent (group 3; group 4 when _NOT_A_RATE matches after
# it), else _BRACKETED's bracket (ending at the end of group 5). The spaces are matched once:
# no alternative starts with a space.
_AFTER_ATOM = re.compile(
    r"\s*(?:(?i:(months?|mos?\b\.?|weeks?|wks?\b|years?|yrs?\b|\ue06d)(?![A-Za-z])"
    r"(\s+of\s+(?:(?:median|additional|further|long-term)\s+)?follow[\s-]*up\b)?)"
    r"|(%|percent\b)((?i:\s*(?:CI|C\.I\.|CrI|confidence|credible)\b))?"
    r"|(\[[^\[\]]{1,60}\]|\([^()]{1,60}\)))"
)
# ``_AFTER_ATOM``'s groups do not nest and each alternative's come in order, so a match's
# ``lastindex`` says which alternative matched and whether its optional tail did: 1 time unit,
# 2 time unit then follow-up, 3 percent, 4 percent then a CI keyword, 5 bracket.
_AFTER_ATOM_FOLLOW_UP = 2
_AFTER_ATOM_CI_WORD = 4
# ``_unit_name`` by the unit's first letter (every _AFTER_ATOM / _TIME_UNIT unit starts with
# m, w or y, in either case).
_UNIT_OF_INITIAL = {"w": "weeks", "W": "weeks", "y": "years", "Y": "years"}
# "cohorts 1, 2 and 3": the numbers listed after the plural ("in cohort 1, 37.5%" is a rate).
# Commas, then at most one "and": in "cohorts 1 and 2, 70.6% and 37.5%" the list has ended.
_LISTED = r"(?:\d+\s*,\s*)*(?:\d+\s*(?:,\s*)?(?:(?:or|and|to)\s+|[-–/]\s*))?"
_NOT_A_VALUE_BEFORE = re.compile(
    r"(?:\bgrades?\s*(?:≥|>=|>|≤|<)?\s*|\bgrade\s*\d\s*(?:or|and|to|-|–|/)\s*|\bphase\s*|\bcycles?\s*|"
    r"\b[nN]\s*=\s*|Δ\s*[=:]?\s*|\b(?:absolute\s+)?difference(?:\s+(?:of|was|in\s+\w+))?\s*[,:=]?\s*[−–-]?|"
    r"\bstage\s*|\bage[sd]?\s*|"
    rf"\bIHC\s*|\bversion\s*|\bday\s*|\bdays\s*|\bQ|\bcohort\s*|\bcohorts\s*{_LISTED}|"
    # a modular study's parts ("module 0", "modules 1 and 2") are numbered like cohorts
    rf"\bmodule\s*|\bmodules\s*{_LISTED}|"
    # an equivalence/non-inferiority margin ("within the margin of ±13.5%") is no result
    # ("the margin was set at 10%", "a non-inferiority limit of 12.5%")
    r"\b(?:margins?|(?:non-?inferiority|equivalence)\s+(?:limits?|bounds?|boundar(?:y|ies)))"
    r"(?:\s+(?:of|was|were|(?:was\s+|were\s+)?set\s+at))?\s*(?:±|[−–-])?\s*)$",
    re.I,
)
# The same, for the lower-cased 30 characters before a number (literal-first, see above).
_NOT_A_VALUE_BEFORE_LOW = re.compile(
    r"(?:g(?<!\wg)rades?\s*(?:≥|>=|>|≤|<)?\s*|g(?<!\wg)rade\s*\d\s*(?:or|and|to|-|–|/)\s*|"
    r"p(?<!\wp)hase\s*|c(?<!\wc)ycles?\s*|n(?<!\wn)\s*=\s*|δ\s*[=:]?\s*|"
    r"(?:a(?<!\wa)bsolute\s+d|d(?<!\wd))ifference(?:\s+(?:of|was|in\s+\w+))?\s*[,:=]?\s*[−–-]?|"
    r"s(?<!\ws)tage\s*|a(?<!\wa)ge[sd]?\s*|i(?<!\wi)hc\s*|v(?<!\wv)ersion\s*|d(?<!\wd)ays?\s*|"
    rf"q(?<!\wq)|c(?<!\wc)ohort\s*|c(?<!\wc)ohorts\s*{_LISTED}|"
    rf"m(?<!\wm)odule\s*|m(?<!\wm)odules\s*{_LISTED}|"
    r"(?:m(?<!\wm)argins?|(?:n(?<!\wn)on-?inferiority|e(?<!\we)quivalence)\s+"
    r"(?:limits?|bounds?|boundar(?:y|ies)))"
    r"(?:\s+(?:of|was|were|(?:was\s+|were\s+)?set\s+at))?\s*(?:±|[−–-])?\s*)$"
)
# Cheap test for a CI keyword in a lower-cased sentence before running CI_RE on it.
_CI_HINT = re.compile(r"c(?<![a-z]c)(?:\.?i|ri|onfidence|redible)")
_NOT_A_RATE = re.compile(r"\s*(?:CI|C\.I\.|CrI|confidence|credible)\b", re.I)
# "the prespecified significance boundary was not reached" is not a "not reached" median.
_NOT_A_RESULT_NR = re.compile(
    r"\b(?:boundary|boundaries|threshold|significance|criterion|criteria|target)\s+(?:was\s+|were\s+|"
    r"has\s+|had\s+)?$",
    re.I,
)
_RANGE_BEFORE = re.compile(r"(?:–|—|-|‑|\bto)\s*$")
# "not estimable [NE]" / "not reached (NR)": the bracket defines the words' short form; it is
# the same bound or median, not a second one.
_NR_SHORT_FORM_BEFORE = re.compile(r"(?:reached|estimable|evaluable)\s*[(\[]\s*$", re.I)
# "not estimable" / "NE" (Annals of Oncology style) is a median the data could not give, as
# "not reached" is.
_NR_ATOM = re.compile(
    r"(?:n(?<![A-Za-z]n)ot\s+(?:yet\s+)?(?:been\s+)?(?:reached|estimable)|N(?<![A-Za-z]N)[RE])"
    r"(?![A-Za-z])"
)
# Words right before a time value that make it a landmark or a range, not a median.
_TIME_GUARD = re.compile(
    r"(?:\b(?:at|after|within|by|through|beyond|up\s+to|range|ranging|interval|every|for|over|"
    r"first|last|least)\s*[:,]?\s*(?:\d+(?:[.·]\d+)?\s*(?:to|–|-|and)\s*)?|[-–]\s*)$",
    re.I,
)
# Whether each of these "just before" patterns matches a window (see ``search_from_end``).
_NOT_A_VALUE_BEFORE_END = search_from_end(_NOT_A_VALUE_BEFORE)
_NOT_A_VALUE_BEFORE_LOW_END = search_from_end(_NOT_A_VALUE_BEFORE_LOW)
_NOT_A_RESULT_NR_END = search_from_end(_NOT_A_RESULT_NR)
_RANGE_BEFORE_END = search_from_end(_RANGE_BEFORE)
_TIME_GUARD_END = search_from_end(_TIME_GUARD)
# The last non-space character of any _TIME_GUARD match: the end of one of its words ("at",
# "after", "within", ... "least"), of "to"/"and", or ":", ",", "-", "–".
_TIME_GUARD_LAST = frozenset("trnyhdoeglTRNYHDOEGL:,-–")
# A time followed by "of (median) follow-up" is how long patients were followed, not a result.
_FOLLOW_UP_AFTER = re.compile(
    r"\s+of\s+(?:(?:median|additional|further|long-term)\s+)?follow[\s-]*up\b", re.I
)
# A bare number inherits the unit of the value after it: "18.5 vs 12.4 months".
# Counts around bracketed rates are part of the join: "130 [32%] of 403 vs 80 [43%] of 184",
# also counts spelt out as The Lancet writes those below ten ("44 [16%] vs ten [4%]").
_SPELT_COUNT = r"(?:one|two|three|four|five|six|seven|eight|nine|ten)"
_PAIR_JOIN = re.compile(
    r"^[\s)\]]*(?:months?|%)?\s*(?:\((?:[^()]|\([^()]*\))*\)|\[[^\[\]]*\])?\s*"
    r"(?:of\s+\d[\d,]*\s*(?:patients|pts|participants|women)?\s*)?[,;]?\s*"
    r"(?:vs\.?|versus|v\.|v(?=\s)|and|or|compared\s+with|as\s+compared\s+with|compared\s+to|,)\s*"
    rf"(?:(?:\d[\d,]*|{_SPELT_COUNT})\s*[\[(]\s*)?$",
    re.I,
)


@dataclass
class Value:
    kind: str  # HR | OR | time | percent
    value: float | None
    unit: str | None
    start: int  # offsets of the value itself
    end: int
    ext_end: int  # end of the value with its unit, CI and P
    ci_low: float | None = None
    ci_high: float | None = None
    p: str | None = None
    key_start: int | None = None  # HR/OR: where "hazard ratio" starts
    key_text: str = ""  # HR/OR: words between the key and the value ("for death")
    paired_with_next: bool = False  # "18.5 vs 12.4": this value and the next are compared


# Typographic variants of the characters results are written with, folded to the ones the rules
# read (one character for one, so every offset stays that of the original text): full-width
# forms of East Asian journals ("ＨＲ＝0.18，95％CI", "P＜0.001", "［0.39－0.88］"), the
# ideographic space, "≦"/"≧" (Japanese ≤/≥) and the slanted "⩽"/"⩾", the wave dash of ranges
# ("0.55〜0.85"), the figure dash ("0.51‒0.75"), and fixed-width spaces (no-break, figure,
# thin, narrow no-break) copied from PDFs ("18.5 months", "P < 0.001").
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


# A literal each alternative of _NOT_A_VALUE_BEFORE_LOW contains ("stage" holds "age"). One
# search for any of them answers "does the window hold one" (they are plain literals, so it finds
# one exactly when some occurrence lies inside the window).
_BLOCK_WORDS = (
    "grade",
    "phase",
    "cycle",
    "=",
    "δ",
    "difference",
    "age",
    "ihc",
    "version",
    "day",
    "q",
    "cohort",
    "module",
    "margin",
    "inferiority",
    "equivalence",
)
_BLOCK_GATE = WordGate(_BLOCK_WORDS)


# Case-sensitive literals every _KEY_RE / _NR_ATOM match contains, each with how far before the
# literal such a match starts ("Hazard" starts one character before "azard").
_KEY_LITERALS = (("azard", 1), ("dds", 1), ("HR", 0), ("OR", 0))
# The literals every _NR_ATOM match starts with (see ``_nr_atoms``).
_NR_LITERALS = (("not", 0), ("NR", 0), ("NE", 0))


def _nr_atoms(text: str, start: int, end: int) -> list[re.Match[str]]:
    """``list(_NR_ATOM.finditer(text, start, end))``: the pattern (tried at every "n"/"N")
    only runs when one of ``_NR_LITERALS`` occurs, in fewer than one sentence in ten (three
    ``str.find`` calls cost less than half of the scan)."""
    find = text.find
    if find("not", start, end) < 0 and find("NR", start, end) < 0 and find("NE", start, end) < 0:
        return []
    return list(_NR_ATOM.finditer(text, start, end))


# Every P_RE match holds one of these operator characters ("&lt;" holds "&"); parse_values
# looks for them with one character-class search.
_P_OPS_GATE = WordGate(("=", "<", ">", "≤", "≥", "&"))
_P_OP_CHAR = re.compile("[" + "".join(_P_OPS_GATE.words) + "]")


# A P for interaction / heterogeneity / trend tests whether an effect differs between subgroups
# (or follows an ordered trend): it is no between-arm P of the HR/OR or rates printed beside
# it, so it is read (its number is no value) but attached to nothing. Its word is inside the
# match ("P for interaction", "Pinteraction", "P(interaction)") or right before it
# ("interaction P = 0.2", "test for heterogeneity, P = .41").
_SUBGROUP_P_WORDS = ("interaction", "heterogeneity", "trend")
_SUBGROUP_P_BEFORE = search_from_end(
    # (a bare "trend" is not enough: "showed a trend, P = 0.07" is the comparison's P)
    re.compile(
        r"(?:interaction|heterogeneity|for\s+trend|trend\s+test)(?:\s+tests?)?\s*[,:]?\s*$", re.I
    )
)


def is_subgroup_p(text: str, m: re.Match[str]) -> bool:
    """Whether the P_RE match ``m`` is a P for interaction / heterogeneity / trend."""
    low = m.group(0).lower()
    for w in _SUBGROUP_P_WORDS:  # noqa: SIM110 (a loop is faster than any() over a generator)
        if w in low:
            return True
    a = m.start()
    return _SUBGROUP_P_BEFORE.match(text, a - 25 if a > 25 else 0, a) is not None


def _in_spans(spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` lies inside one of the (start, end) ``spans``."""
    for a, b in spans:  # noqa: SIM110 (a loop is faster than any() over a generator)
        if a <= pos < b:
            return True
    return False


def _outside_spans(atoms: list[re.Match[str]], spans: list[tuple[int, int]]) -> list[re.Match[str]]:
    """``atoms`` (in text order) whose start lies inside none of the (start, end) ``spans``, as
    ``[m for m in atoms if not _in_spans(spans, m.start())]``: the atoms of each span are cut
    out by bisection (no Python call per atom)."""
    starts = [m.start() for m in atoms]
    kept: list[re.Match[str]] = []
    k = 0  # atoms before k are decided
    for a, b in sorted(spans):
        i = bisect_left(starts, a, k)
        kept += atoms[k:i]
        k = bisect_left(starts, b, i)
    kept += atoms[k:]
    return kept


def _finditer_literal_led(
    pattern: re.Pattern[str],
    literals: tuple[tuple[str, int], ...],
    text: str,
    start: int,
    end: int,
) -> list[re.Match[str]]:
    """``list(pattern.finditer(text, start, end))`` for a pattern whose every match starts
    ``back`` characters before an occurrence of one of its ``(literal, back)`` pairs: the
    pattern is only tried there (the leftmost match after the previous one is the first such
    place it matches at), instead of at every position of the sentence."""
    find = text.find
    candidates = []
    for lit, back in literals:
        i = find(lit, start + back, end)
        while i >= 0:
            candidates.append(i - back)
            i = find(lit, i + 1, end)
    if not candidates:
        return []
    candidates.sort()
    return list(finditer_at(pattern, text, candidates, end))


def _atoms(
    text: str,
    start: int,
    end: int,
    low: str,
    same: bool,
    masked: list[tuple[int, int]],
    atoms: list[re.Match[str]],
) -> list[re.Match[str]]:
    """Number atoms of ``text[start:end]`` outside CIs/P values and not after a "not a value"
    word (grade, phase, n=...). ``low``: ``text[start:end].lower()``; ``same``: it kept the
    offsets; ``atoms``: every ``_NUM_ATOM`` match of ``text[start:end]``."""
    if masked and atoms:
        atoms = _outside_spans(atoms, masked)
    if not atoms:
        return atoms
    if same:
        # Every "not a value" context holds one of _BLOCK_WORDS inside the 30 characters before
        # the number: the regex only runs where one does.
        if _BLOCK_GATE.may_hold(low, 0, len(low)):
            atoms = [
                m
                for m in atoms
                if not _blocked_low(low, m.start() - start) or _kept_after_block(text, m)
            ]
    else:
        atoms = [
            m for m in atoms if not _blocked(text, start, m.start()) or _kept_after_block(text, m)
        ]
    if text.find("%/", start, end) >= 0:  # (see _with_slashed_rates)
        atoms = _with_slashed_rates(text, start, end, atoms)
    if _may_hold_sign(low):
        atoms = _without_signed_percents(text, start, atoms)
    # A bound word (``_BOUND_WORDS``) is in fewer than one sentence in ten: the others skip
    # the call (``in`` on the sentence is the cheapest test).
    if not same or "than" in low or "below" in low or "above" in low or "exceed" in low:
        atoms = _without_bounds(text, start, low, same, atoms)
    # (``_LABEL_WORDS``, each an ``in`` test on the whole sentence: no call, no window copy)
    if atoms and (
        "arm " in low
        or "arms " in low
        or "group " in low
        or "groups " in low
        or "part " in low
        or "parts " in low
    ):
        atoms = [m for m in atoms if not _label_number(text, start, m)]
    return atoms


# "arm 2 vs arm 1", "group 3", "arms 2 and 3", "part 1": the number of a numbered arm, group
# or part is its name, not a value ("The OS HR for arm 2 vs arm 1 was 0.80" holds one ratio,
# 0.80). A whole number of one or two digits with no unit after it ("group 3-year DFS", "arm
# 12 months", "group 45%" are values). (Cohorts and modules: ``_NOT_A_VALUE_BEFORE``.)
# (a sentence holding none of these has no number read as a label)
_LABEL_WORDS = ("arm ", "arms ", "group ", "groups ", "part ", "parts ")
_LABEL_BEFORE_END = search_from_end(
    re.compile(
        rf"(?:\b(?:arm|(?:sub)?group|part)\s+|\b(?:arms|(?:sub)?groups|parts)\s+{_LISTED})$",
        re.I,
    )
)
_NOT_A_LABEL_AFTER = re.compile(
    r"\s*(?:%|[-–‑]\d*\s*[A-Za-z]|percent|(?:months?|mo|weeks?|wks?|years?|yrs?|days?)\b|\ue06d)",
    re.I,
)


def _label_number(text: str, start: int, m: re.Match[str]) -> bool:
    """Whether number atom ``m`` names a numbered arm, group or part (``_LABEL_BEFORE_END``)."""
    number = m.group(0)
    if len(number) > 2 or not number.isdigit():
        return False
    a = m.start()
    w = max(start, a - 30)
    # Every match holds "arm", "group" or "part", and no character outside ASCII matches their
    # letters under re.I: the lower-cased window holds one wherever the pattern can match (most
    # numbers of a sentence with such a word are far from it: no regex for them).
    window = text[w:a].lower()
    if "arm" not in window and "group" not in window and "part" not in window:
        return False
    if _LABEL_BEFORE_END.match(text, w, a) is None:
        return False
    return _NOT_A_LABEL_AFTER.match(text, m.end()) is None


_GRADE_BEFORE_END = search_from_end(re.compile(r"\bgrades?\s*$", re.I))

# "fell within ±15%", "above −12%", "a margin (−10%)", "−15% and +15%": a rate is never signed,
# so a signed percentage is a margin, a bound or a difference. A sign opens the number: right
# before its digit, after a space, a bracket or the start ("10-15%", "HER2+ 45%" hold none);
# "±" may stand apart. The other end of a signed range ("−15% to 15%") goes with it.
# (the hyphen first: the engine skips to each "-" instead of trying every position)
_HYPHEN_SIGN = re.compile(r"-(?<=[\s(\[]-)")


def _may_hold_sign(low: str) -> bool:
    """Whether ``low`` holds a sign that may open a number: "±", "−", "+", or a hyphen after a
    space or an opening bracket (``re.search(r"[±−+]|[\\s(\\[]-", low)``, as three ``in`` tests
    and a regex only where a hyphen is: ~10x cheaper)."""
    return (
        "+" in low
        or "−" in low
        or "±" in low
        or ("-" in low and _HYPHEN_SIGN.search(low) is not None)
    )


_SIGN = r"(?:(?:±|\+/-)\s?|(?:(?<=[\s(\[:=,])|^)[−+-])"  # ("+/- 3.2%" is "±")
_SIGN_BEFORE = re.compile(_SIGN + r"\Z")
# The other end of a signed range, found from the text (its signed start may be no atom: "CI,
# -15% to 20%" is masked before). The start may leave its "%" to the end: "95% CI, −2 to 10%"
# (a difference's CI; no CI pattern reads a signed bound).
_SIGNED_RANGE_BEFORE = re.compile(_SIGN + r"\d+(?:[.·]\d+)?\s*%?\s*(?:to|and|–)\s*\+?\Z")
_SIGNED_RANGE_REACH = 20  # characters: "−15.5% to +"


def _without_signed_percents(
    text: str, start: int, atoms: list[re.Match[str]]
) -> list[re.Match[str]]:
    """``atoms`` without the signed percentages (see ``_SIGN_BEFORE``) and the numbers that
    close a range they open."""
    out = []
    for m in atoms:
        a = m.start()
        if _CUTOFF_PERCENT.match(text, m.end()) is not None:
            lo = a - 4 if a - 4 > start else start
            if _SIGN_BEFORE.search(text, lo, a) is not None:
                continue
            lo = a - _SIGNED_RANGE_REACH if a - _SIGNED_RANGE_REACH > start else start
            if _SIGNED_RANGE_BEFORE.search(text, lo, a) is not None:
                continue
        out.append(m)
    return out


def _kept_after_block(text: str, m: re.Match[str]) -> bool:
    """Whether number atom ``m``, after a "not a value" word, is a rate all the same
    (``_rate_after_grade``, ``_rate_compared_after_difference``)."""
    return _rate_after_grade(text, m) or _rate_compared_after_difference(text, m)


# "no difference in ORR: 45% vs 43%", "no difference, 45% and 43%": a percentage compared
# with a second one right after it is one of the rates compared, not their difference (one
# number, as in "difference: 4%"). A CI after "and" is no second rate ("10% and 95% CI").
_COMPARED_RATE_AFTER = re.compile(
    r"\s*%\s*(?:vs\.?|versus|v\.|and|compared\s+(?:with|to))\s+\d+(?:[.·]\d+)?\s*%"
    r"(?!\s*(?:CI\b|C\.I\.|CrI\b|confidence|credible))",
    re.I,
)


def _rate_compared_after_difference(text: str, m: re.Match[str]) -> bool:
    """Whether the percentage ``m`` after "difference" is compared with one right after it
    (``_COMPARED_RATE_AFTER``)."""
    if text.find("ifference", max(0, m.start() - 30), m.start()) < 0:
        return False
    return _COMPARED_RATE_AFTER.match(text, m.end()) is not None


def _rate_after_grade(text: str, m: re.Match[str]) -> bool:
    """ "any grade 12.9%", "all grades 64.6%": a percentage right after "grade(s)" is a rate,
    not a grade (grades are whole numbers up to 5, never printed with "%")."""
    if not text.startswith("%", m.end()):
        return False
    number = m.group(0)
    if "." not in number and "·" not in number and _atom_float(number) <= 5:
        return False
    return _GRADE_BEFORE_END.match(text, max(0, m.start() - 8), m.start()) is not None


# Poster shorthand pairs rates with an unspaced slash, "ORR 85.1%/78.6%": the number after
# "%/" is the second rate (``_NUM_ATOM`` skips numbers after "/", as in "mg/kg" or "5/12").
_SLASHED_RATE = re.compile(r"(?<=%/)(?:\d+(?:[.·]\d+)?)(?=\s*%)")


def _with_slashed_rates(
    text: str, start: int, end: int, atoms: list[re.Match[str]]
) -> list[re.Match[str]]:
    """``atoms`` plus the rates written right after "%/" (see ``_SLASHED_RATE``)."""
    extra = list(_SLASHED_RATE.finditer(text, start, end))
    if not extra:
        return atoms
    return sorted(atoms + extra, key=lambda m: m.start())


# A cut-off of a measure, not a result: "baseline oxygen saturation <95%", "LVEF <50%", "Ki-67
# >=20%" (a risk factor or a definition). Only after the name of a measurement: after anything
# else the bound is a result as before ("ILD occurred in <1% of patients", "3% vs <1%", "pCR
# 45% versus <30%").
_CUTOFF_CHAR = re.compile("[<>≤≥]")
_CUTOFF_BEFORE = re.compile(r"([A-Za-z][\w-]*)\s*[<>≤≥]\s*\Z")
_CUTOFF_PERCENT = re.compile(r"\s*%")
_MEASUREMENTS = frozenset(
    ("saturation", "spo2", "sao2", "lvef", "fraction", "ki-67", "ki67", "expression", "staining",
     "positivity", "score", "level", "levels", "density", "cellularity", "til", "tils")
)  # fmt: skip


def _cutoff_after_measure(text: str, start: int, m: re.Match[str]) -> bool:
    """Whether number atom ``m`` is a percentage written right after a comparison sign that
    follows the name of a measurement (``_MEASUREMENTS``: "saturation <95%")."""
    a = m.start()
    if a == start or text[a - 1] not in "<>≤≥ ":
        return False
    if _CUTOFF_PERCENT.match(text, m.end()) is None:
        return False
    w = _CUTOFF_BEFORE.search(text, max(start, a - 40), a)
    return w is not None and w.group(1).lower() in _MEASUREMENTS


# "median OS >24 months", "PFS ≥ 12 months in 40%": a time after a comparison sign is a bound
# (of a median) or a landmark, never a point estimate (as "more than 24 months" in words).
_SIGN_BEFORE_TIME = re.compile(r"(?:[<>≤≥]=?|&[lg]t;)\s*\Z")


def _signed_time(text: str, start: int, m: re.Match[str]) -> bool:
    """Whether number atom ``m`` is a time (``_TIME_UNIT`` after it) written right after a
    comparison sign."""
    a = m.start()
    if _SIGN_BEFORE_TIME.search(text, max(start, a - 6), a) is None:
        return False
    return _TIME_UNIT.match(text, m.end()) is not None


# A bound, not a reported value: "median OS exceeding 5 years", "remained below 1%", "more
# than 5 years" (but "less than 1%" is the "<1%" sign in words: ``_less_than_rate``). Every
# match holds one of _BOUND_WORDS.
_BOUND_BEFORE_END = search_from_end(
    re.compile(
        r"\b(?:below|above|exceed(?:ing|ed|s)?|(?:more|less|greater|fewer)\s+than|"
        r"(longer|shorter)\s+than)\s+$",
        re.I,
    )
)
_BOUND_WORDS = ("below", "above", "exceed", "than")  # (tested with ``in`` in ``_atoms``)


def _without_bounds(
    text: str, start: int, low: str, same: bool, atoms: list[re.Match[str]]
) -> list[re.Match[str]]:
    """``atoms`` without the numbers written right after a bound word. ``low``: the lower-cased
    window (``same``: with the text's offsets); where it has them, the regex only runs for the
    numbers up to 24 characters after one of the words (most numbers have none)."""
    if not atoms:
        return atoms
    if not same:
        return [m for m in atoms if not _bound_before(text, start, m)]
    words = literal_starts(low, _BOUND_WORDS)
    if not words:
        return atoms
    out = []
    for m in atoms:
        rp = m.start() - start
        i = bisect_left(words, rp - 24)
        if i < len(words) and words[i] < rp and _bound_before(text, start, m):
            continue
        out.append(m)
    return out


def _bound_before(text: str, start: int, m: re.Match[str]) -> bool:
    """Whether number atom ``m`` is a bound: a bound word before it (``_after_bound``) that is
    not the "<" sign written in words (``_less_than_rate``)."""
    return _after_bound(text, start, m.start()) and not _less_than_rate(text, start, m)


def _after_bound(text: str, start: int, pos: int) -> bool:
    """Whether a bound word ends the 24 characters before ``pos``: "longer/shorter than" only
    when no time is stated before it (``_compares_a_time``)."""
    m = _BOUND_BEFORE_END.match(text, max(start, pos - 24), pos)
    if m is None:
        return False
    if m.group(1) is None or _coordinated_bound(text, start, m.start(1)):
        return True
    return not _compares_a_time(text, start, m.start(1))


# "12.4 months in the A group and shorter than 7 months in the B group": a comparative opening
# a coordinated predicate bounds the next group's median; it compares no earlier time.
_COORDINATED_BEFORE_END = search_from_end(
    re.compile(r"\b(?:and|but|while|whereas)\s+(?:(?:was|were|remained)\s+)?(?:\w+ly\s+)?$", re.I)
)


def _coordinated_bound(text: str, start: int, pos: int) -> bool:
    """Whether the "longer/shorter" at ``pos`` follows "and"/"but" (and a verb or adverb): a
    bound of its own clause, whatever time is written before it."""
    return _COORDINATED_BEFORE_END.match(text, max(start, pos - 30), pos) is not None


# "18.1 months, which was longer than 7.0 months of the lapatinib group": after a time of its
# own, "longer/shorter than" compares two medians; without one ("Median OS was longer than 24
# months") it bounds the only one. A landmark or follow-up time ("At 12 months", "a median
# follow-up of 30.2 months") is no such time.
_TIME_VALUE = re.compile(r"\d\s*(?:months?|mo\b|weeks?|wk|years?|yrs?\b|\ue06d)", re.I)
_FOLLOW_UP_BEFORE_END = search_from_end(
    re.compile(r"\bfollow[\s-]*up(?:\s+(?:time\s+)?(?:of|was))?\s*[:,=]?\s*$", re.I)
)


def _compares_a_time(text: str, start: int, pos: int) -> bool:
    """Whether a time value that is no landmark or follow-up is written in
    ``text[start:pos]``."""
    for t in _TIME_VALUE.finditer(text, start, pos):
        a = _number_start(text, start, t.start())
        if not _landmark_or_follow_up(text, max(start, a - 30), a):
            return True
    return False


def _landmark_or_follow_up(text: str, w: int, a: int) -> bool:
    """Whether ``text[w:a]`` ends in a landmark ("at", "after") or follow-up word."""
    return (
        _TIME_GUARD_END.match(text, w, a) is not None
        or _FOLLOW_UP_BEFORE_END.match(text, w, a) is not None
    )


def _number_start(text: str, start: int, pos: int) -> int:
    """Where the number whose last digit is at ``pos`` starts (digits and a decimal point)."""
    while pos > start and (text[pos - 1].isdigit() or text[pos - 1] in ".·"):
        pos -= 1
    return pos


# "versus less than 1% receiving HT", "in fewer than 1% of patients": the "<" sign in words,
# before a percentage, reads as "<1%" does (the percentage, as an upper bound; the schema has no
# qualifier). Not after the name of a measurement ("LVEF less than 50%", a cut-off) or of a
# change ("an LVEF decline of less than 10%"), not before a share of a dose or of cells ("less
# than 85% of the planned dose", a subgroup's threshold), and not before a time ("less than 6
# months" bounds a duration as "more than 5 years" does).
_LESS_THAN_END = re.compile(r"\b(?:less|fewer)\s+than\s+\Z", re.I)
_LESS_THAN_MEASURE_END = re.compile(r"([A-Za-z][\w-]*)\s+(?:of\s+)?less\s+than\s+\Z", re.I)
_CHANGES = frozenset(
    ("decline", "decrease", "drop", "fall", "reduction", "loss", "increase", "rise", "change")
)
_SHARE_OF_NO_PEOPLE = re.compile(
    r"\s*%\s+of\s+(?:the\s+|their\s+)?(?:(?:planned|intended|scheduled|prescribed|relative)\s+)?"
    r"(?:doses?|dose\s+intensity|cells|nuclei|baseline)\b",
    re.I,
)


def _less_than_rate(text: str, start: int, m: re.Match[str]) -> bool:
    """Whether number atom ``m`` is a percentage right after "less than" / "fewer than" that
    follows no measurement or change name (``_MEASUREMENTS``, ``_CHANGES``) and is no share
    of a dose or of cells (``_SHARE_OF_NO_PEOPLE``)."""
    a = m.start()
    if _CUTOFF_PERCENT.match(text, m.end()) is None:
        return False
    if _LESS_THAN_END.search(text, max(start, a - 12), a) is None:
        return False
    if _SHARE_OF_NO_PEOPLE.match(text, m.end()) is not None:
        return False
    w = _LESS_THAN_MEASURE_END.search(text, max(start, a - 40), a)
    if w is None:
        return True
    word = w.group(1).lower()
    return word not in _MEASUREMENTS and word not in _CHANGES


def _blocked_low(low: str, rp: int) -> bool:
    """Whether a "not a value" word ends the lower-cased window before offset ``rp`` of ``low``.
    The regex only runs where the window holds one of ``_BLOCK_WORDS`` (``_BLOCK_GATE``'s test,
    written out: one Python call per number instead of two)."""
    ra = rp - 30 if rp > 30 else 0
    window = low[ra:rp]
    for w in _BLOCK_WORDS:
        if w in window:
            return _NOT_A_VALUE_BEFORE_LOW_END.match(low, ra, rp) is not None
    return False


def _blocked(text: str, start: int, pos: int) -> bool:
    a = start if pos - 30 < start else pos - 30
    return _NOT_A_VALUE_BEFORE_END.match(text, a, pos) is not None


# "56% (95% Bayesian probability interval, 37 to 73)": a Bayesian design's interval for its
# estimate, read as a CI (its level is no rate).
_PROBABILITY_INTERVAL = re.compile(
    r"(?:\d{2}(?:[.·]\d)?\s*%\s*)?(?:Bayesian\s+)?probability\s+intervals?\s*(?:[,:=]|\bof\b)?\s*"
    rf"[\[(]?\s*(?P<lo>{_BOUND}){_UNIT_TAIL}{_DASH}(?P<hi>{_BOUND}){_UNIT_TAIL}",
    re.I,
)


def _with_probability_intervals(text: str, start: int, end: int, cis: list) -> list:
    """``cis`` with the probability intervals of ``text[start:end]`` added, in text order."""
    found = list(_PROBABILITY_INTERVAL.finditer(text, start, end))
    return sorted([*cis, *found], key=lambda m: m.start()) if found else cis


# French and other European abstracts: "IC 95 % 0,40-0,63", "IC95% 0.49-0.84", "IC à 95 %:"
# (intervalle de confiance). Only with its level right after it: "IC" alone may be anything.
# Spanish, Portuguese and Italian write "IC del 95%", "IC de 95%", "IC al 95%". A text that
# writes decimal points elsewhere keeps its CI's decimal commas ("IC 95 % 0,57-0,92": not
# folded by ``fold_typography``), so a bound may hold one (``to_float`` reads it as a point).
_IC_BOUND = rf"(?:\d+,\d+|{_BOUND})"
_IC_CI = re.compile(
    r"I(?<![A-Za-z]I)C\s*(?:(?:à|al|del|de)\s*)?\d{2}(?:[.,·]\d)?\s*%\s*(?:[,:=]\s*)?"
    rf"[\[(]?\s*(?P<lo>{_IC_BOUND}){_UNIT_TAIL}{_DASH}(?P<hi>{_IC_BOUND}){_UNIT_TAIL}"
)


def _with_european_cis(text: str, start: int, end: int, cis: list) -> list:
    """``cis`` with the "IC 95 %" intervals of ``text[start:end]`` (``_IC_CI``) added, in text
    order."""
    found = list(_IC_CI.finditer(text, start, end))
    return sorted([*cis, *found], key=lambda m: m.start()) if found else cis


def parse_values(
    text: str, start: int = 0, end: int | None = None, key_starts: list[int] | None = None
) -> list[Value]:
    """All numeric results in ``text[start:end]`` (usually one sentence), in text order.
    ``key_starts``: ``ratio_candidates(text)`` if the caller has it (a caller reading every
    sentence of a text scans it once instead of once per sentence)."""
    end = len(text) if end is None else end
    low = text[start:end].lower()
    same = len(low) == end - start  # lower() kept offsets (it does except for rare letters)
    # Number atoms and "not reached" first: a sentence with neither has no value, and its CIs
    # and P values need not be read. (An ASCII sentence holds no other digit than 0-9.)
    is_ascii = low.isascii()
    atoms = list((_NUM_ATOM_ASCII if is_ascii else _NUM_ATOM).finditer(text, start, end))
    nrs = _nr_atoms(text, start, end)
    if not atoms and not nrs:
        return []  # keys, times and rates all need a number atom
    if not same:
        cis = ci_matches(text, start, end)
    elif (hint := _CI_HINT.search(low)) is None:
        cis = []
    else:
        # No CI keyword starts before the first hint in an ASCII sentence (the hint accepts
        # wherever the keyword does; "ı" would match the keyword's "I" but not the hint's "i").
        cis = ci_matches(text, start, end, start + hint.start() if is_ascii else None)
    if "probability interval" in low:
        cis = _with_probability_intervals(text, start, end, cis)
    if text.find("IC", start, end) >= 0:  # every _IC_CI match holds it
        cis = _with_european_cis(text, start, end, cis)
    # Every P_RE match holds an operator character (one search of the text, no Python call).
    has_op = _P_OP_CHAR.search(text, start, end) is not None
    ps = p_matches(text, start, end, has_op)
    # Each CI and P with its offsets, read once: every value looks for those right after it.
    # (Most sentences have neither: no comprehension is built for them.)
    cis_at = [(m.start(), m.end(), m) for m in cis] if cis else []
    ps_at = [(*m.span(), m) for m in ps] if ps else []
    masked = [(a, b) for a, b, _ in cis_at + ps_at] if cis_at or ps_at else []
    if ps_at:
        ps_at = [t for t in ps_at if not is_subgroup_p(text, t[2])]
    atoms = _atoms(text, start, end, low, same, masked, atoms)
    # (the comparison signs are operator characters too: no sign without ``has_op``)
    if atoms and has_op and _CUTOFF_CHAR.search(text, start, end) is not None:
        atoms = [
            m
            for m in atoms
            if not _cutoff_after_measure(text, start, m) and not _signed_time(text, start, m)
        ]
    if not atoms and not nrs:
        return []
    used: set[int] = set()
    values = _ratios(text, start, end, atoms, masked, used, key_starts) if atoms else []
    _times_and_rates(text, start, end, atoms, used, values, low if same else None)
    rate_rows: list[tuple[int, int]] = []
    if text.find(":", start, end) >= 0 and ", " in low:  # (every header holds both)
        rate_rows = _header_unit_values(text, start, end, atoms, used, values)
    if len(values) >= 2 and len(used) < len(atoms) and "median" in low:
        ratio = _bare_ratio_after_medians(text, end, atoms, used, values)
        if ratio is not None:
            values.append(ratio)
    had_nr = False
    words: Value | None = None  # the last "not reached" value read
    for m in nrs:
        pos = m.start()
        if _nr_short_form(text, start, pos):
            # "not reached [NR] (95% CI ...) with X": one median; the short form, nearer its CI
            # and arm, stands for it. After a bound ("to not estimable [NE]") it is that bound.
            if words is not None and words.end >= pos - 3:
                words.start, words.end, words.ext_end = pos, m.end(), m.end()
            continue
        if words is not None and _nr_long_form(text, words.end, pos):
            continue  # "NR (not reached)": the words spell out the short form's one median
        if (
            not _in_spans(masked, pos)
            and not (rate_rows and _in_spans(rate_rows, pos))
            and not _RANGE_BEFORE_END.match(text, max(start, pos - 4), pos)
            and not _NOT_A_RESULT_NR_END.match(text, max(start, pos - 30), pos)
        ):
            words = Value("nr", None, None, pos, m.end(), m.end())
            values.append(words)
            had_nr = True
    if not values:
        return values
    values.sort(key=_start_of)

    # 3. Bare numbers that share the unit of the next value ("18.5 vs 12.4 months").
    if len(used) < len(atoms):
        if had_nr:
            _nr_with_own_unit(text, values)
        values = _inherit_units(text, values, atoms, used)

    # 4. CI and P right after each value; ratios listed after a ratio ("0.71 and 0.83").
    for v in values:
        _attach_ci_p(text, v, cis_at, ps_at, end)
    if len(used) < len(atoms) and _has_ratio(values):
        values = _listed_ratios(text, values, atoms, used, cis_at, ps_at, end)
    if ps_at and _has_ratio(values):
        _p_before_ratio(text, values, ps_at)
    if len(values) > 1:
        if ps:
            _p_to_bracket_ratio(text, values)
        _mark_pairs(text, values)
        if ps:
            _end_pairs_at_own_p(text, values)
        _share_pair_p(values)
    if had_nr:
        _resolve_nr_units(values)
    return values


def _nr_short_form(text: str, start: int, pos: int) -> bool:
    """Whether the "NR"/"NE" at ``pos`` is the bracketed short form of the "not reached" / "not
    estimable" right before it (only a bracket right before it is looked at)."""
    before = text[max(start, pos - 2) : pos].rstrip()
    return before[-1:] in ("(", "[") and (
        _NR_SHORT_FORM_BEFORE.search(text, max(start, pos - 20), pos) is not None
    )


_NR_SHORT_THEN_BRACKET = re.compile(r"\s*[(\[]\s*")


def _nr_long_form(text: str, short_end: int, pos: int) -> bool:
    """Whether the "not reached"/"not estimable" at ``pos`` opens a bracket right after the
    "NR"/"NE" value ending at ``short_end``: "NR (not reached)" is one median, written twice."""
    return (
        pos - short_end <= 3
        and text[pos : pos + 3].lower() == "not"
        and text[short_end - 2 : short_end] in ("NR", "NE", "NA")
        and _NR_SHORT_THEN_BRACKET.fullmatch(text, short_end, pos) is not None
    )


def _ratios(
    text: str,
    start: int,
    end: int,
    atoms: list[re.Match[str]],
    masked: list[tuple[int, int]],
    used: set[int],
    key_starts: list[int] | None = None,
) -> list[Value]:
    """Hazard / odds ratios: the key, a few words, then the first number atom after it.
    ``key_starts``: ``ratio_candidates(text)``, or None to find the keys' literals here."""
    keys = _ratio_keys(text, start, end, key_starts)
    if not keys:
        return []
    starts = [a.start() for a in atoms]
    values = []
    for k in keys:
        k_start, k_end = k.span()
        if _in_spans(masked, k_start):
            continue
        i = bisect_left(starts, k_end)
        if i == len(atoms) or starts[i] in used:
            continue
        nxt = atoms[i]
        gap = text[k_end : starts[i]]
        if "per" in gap or "each" in gap or "every" in gap:
            i = _past_ratio_scale(text, k_end, atoms, i, used)
            if i == len(atoms) or starts[i] in used:
                continue
            nxt = atoms[i]
            gap = text[k_end : starts[i]]
        if not _ratio_gap_ok(gap) and not _scaled_gap_ok(text, gap, atoms, i, k_end, used):
            continue
        if _margin_ratio(text, start, k_start) or _reporting_ratio(text, k_start):
            used.add(starts[i])  # the margin's (or reporting ratio's) number is no rate either
            continue
        kind = "HR" if text[k_start] in "Hh" else "OR"
        k_start = _adjusted_key_start(text, k_start)
        nxt_end = nxt.end()
        v = Value(kind, _atom_float(nxt[0]), None, starts[i], nxt_end, nxt_end)
        v.key_start, v.key_text = k_start, gap
        used.add(starts[i])
        values.append(v)
    return values


def _ratio_keys(
    text: str, start: int, end: int, key_starts: list[int] | None
) -> list[re.Match[str]]:
    """``list(_KEY_RE.finditer(text, start, end))``. With the text's ``ratio_candidates``,
    the pattern is tried at those in [start, end): the same places a search for
    ``_KEY_LITERALS`` inside the window finds, plus those whose literal runs past ``end``,
    where no match fits (each match holds its literal)."""
    if key_starts is None:
        return _finditer_literal_led(_KEY_RE, _KEY_LITERALS, text, start, end)
    lo = bisect_left(key_starts, start)
    hi = bisect_left(key_starts, end, lo)
    if lo == hi:
        return []
    return list(finditer_at(_KEY_RE, text, key_starts[lo:hi], end))


def _adjusted_key_start(text: str, k_start: int) -> int:
    """Where a ratio key starts: on the "a" of an adjusted short form ("(aHR 0.72"), so the
    bracket before it opens the ratio's bracket as it does before "(HR"."""
    return k_start - 1 if k_start and text[k_start - 1] == "a" else k_start


# "odds ratio per 10 µg/mL increase in Cavg, 1.26", "HR for each 1-SD increase, 1.4": the
# number after "per"/"for each" is the ratio's scale (a unit of exposure), not the ratio.
_RATIO_SCALE_END = search_from_end(
    re.compile(r"\b(?:per|for\s+(?:each|every)|per\s+each)\s*$", re.I)
)
# What may follow the scale's number before the ratio itself: its unit and what increased,
# then a comma, colon, "of", "was" or "=" ("per 10 µg/mL increase in Cavg, 1.26").
_AFTER_RATIO_SCALE = re.compile(
    r"[^;()\[\].]{0,50}?(?:,|:|=|\bof|\bwas|\bis)\s*$|[^;()\[\].]{0,50}?[(\[]\s*$"
)


def _is_ratio_scale(text: str, start: int, pos: int) -> bool:
    """Whether the percentage at ``pos`` follows "per"/"for each" ("OR 1.35 per 10%
    increase"): the scale of a ratio written before it, not a rate. The regex only runs when
    one of its words is in the few characters before."""
    a = pos - 14 if pos - 14 > start else start
    seg = text[a:pos]
    if "per" not in seg and "each" not in seg and "every" not in seg:
        return False
    return _RATIO_SCALE_END.match(text, a, pos) is not None


def _past_ratio_scale(
    text: str, key_end: int, atoms: list[re.Match[str]], i: int, used: set[int]
) -> int:
    """The index of the ratio's own number when ``atoms[i]`` (the first number after a ratio
    key) is its scale ("per 10 µg/mL increase"): the next atom, with the scale marked used (no
    rate or median either). ``i`` itself otherwise."""
    scale = atoms[i]
    if _RATIO_SCALE_END.match(text, max(key_end, scale.start() - 14), scale.start()) is None:
        return i
    if i + 1 == len(atoms):
        return i
    nxt = atoms[i + 1]
    if _AFTER_RATIO_SCALE.match(text, scale.end(), nxt.start()) is None:
        return i
    used.add(scale.start())
    return i + 1


def _scaled_gap_ok(
    text: str, gap: str, atoms: list[re.Match[str]], i: int, key_end: int, used: set[int]
) -> bool:
    """``_ratio_gap_ok`` for a gap holding the ratio's scale ("per 10% increase in Ki-67, "),
    whose "%" is the scale's: the gap after the scale is checked, and the whole stays short."""
    if i == 0 or atoms[i - 1].start() not in used or atoms[i - 1].start() < key_end:
        return False
    after_scale = text[atoms[i - 1].end() : atoms[i].start()].lstrip(" %")
    return len(gap) <= 90 and _ratio_gap_ok(after_scale)


# "The non-inferiority margin was a hazard ratio of 1·15", "margin (HR 1.3)": the ratio a
# design tolerates, not a result (as "within the margin of ±13.5%" for a rate).
_MARGIN_KEY_END = search_from_end(
    re.compile(
        r"\bmargins?\s*(?:[(\[,:]\s*|(?:(?:was|were|is|of|for|set\s+at|defined\s+as|the|an?|"
        r"upper|limit|bound)\s+)*)$",
        re.I,
    )
)


def _margin_ratio(text: str, start: int, key: int) -> bool:
    """Whether the ratio key at ``key`` is introduced as a non-inferiority margin."""
    a = key - 45 if key - 45 > start else start
    return "argin" in text[a:key] and _MARGIN_KEY_END.match(text, a, key) is not None


# "a reporting odds ratio (ROR) of 35.7": a pharmacovigilance database's disproportionality
# measure (reports of one event with one drug against all other drugs), no treatment comparison.
_REPORTING_KEY_END = re.compile(r"\breporting\s+$", re.I)


def _reporting_ratio(text: str, key: int) -> bool:
    """Whether the ratio key at ``key`` is a reporting odds ratio."""
    a = key - 12 if key > 12 else 0
    return "eporting" in text[a:key] and _REPORTING_KEY_END.search(text, a, key) is not None


def _times_and_rates(
    text: str,
    start: int,
    end: int,
    atoms: list[re.Match[str]],
    used: set[int],
    values: list,
    low: str | None = None,
) -> None:
    """Times (medians) and percentages: atoms followed by a unit (or a bracketed CI, then a
    time unit). Appends them to ``values`` and their starts to ``used``. ``low``:
    ``text[start:end].lower()`` when it kept the offsets, else None."""
    match_after = _AFTER_ATOM.match
    # ``_is_heterogeneity`` can only hold where one of its gate words is in the sentence (in
    # very few): the others skip its call per rate (``in`` on the sentence, no call).
    heterogeneity_words = (
        low is None or "i2" in low or "i²" in low or "squared" in low or "i 2" in low or "i^" in low
    )
    for a in atoms:
        pos, a_end = a.span()
        if pos in used:
            continue
        after = match_after(text, a_end, end)
        if after is None:
            continue
        # Which alternative matched, without a group() call each (see _AFTER_ATOM_FOLLOW_UP).
        found = after.lastindex
        if found <= _AFTER_ATOM_FOLLOW_UP:  # a time unit
            if found == _AFTER_ATOM_FOLLOW_UP or _after_time_guard(
                text, pos - 25 if pos - 25 > start else start, pos
            ):
                continue
            unit_end = after.end(1)
            if _DURATION_OF.match(text, unit_end, end) is not None:
                continue
            if _duration_named_arm(text, start, end, pos, unit_end):
                continue
            if _duration_after_rate(text, start, pos):
                used.add(pos)  # an arm's duration, no median (nor a bare number)
                continue
            unit = _UNIT_OF_INITIAL.get(text[after.start(1)], "months")
            if unit == "years" and _age_cutoff(text, start, pos, unit_end):
                used.add(pos)  # a subgroup's age limit, no median (nor a bare number)
                continue
            v: Value | None = Value("time", _atom_float(a[0]), unit, pos, a_end, unit_end)
        elif found <= _AFTER_ATOM_CI_WORD:  # a percent sign
            if found == _AFTER_ATOM_CI_WORD:
                continue
            unit_end = after.end(3)
            if _is_threshold(text, start, end, pos, unit_end, low):
                used.add(pos)  # a definition's cut-off, no rate (nor a bare number)
                continue
            if heterogeneity_words and _is_heterogeneity(text, start, pos, low):
                used.add(pos)  # a meta-analysis's I² statistic, no rate (nor a bare number)
                continue
            if _is_ratio_scale(text, start, pos):
                used.add(pos)  # "OR 1.35 per 10% increase": a ratio's scale, no rate
                continue
            v = Value("percent", _atom_float(a[0]), "%", pos, a_end, unit_end)
        else:
            v = _time_after_bracket(text, start, end, a, after.end(5))
            if v is None:
                continue
        values.append(v)
        used.add(pos)


# "14·95 months with everolimus versus 14·49 months with placebo (0·89 [0·73–1·08]; p=0·24)":
# Lancet style gives the pair's hazard ratio as a bare number opening the bracket after the
# second median's group. Between that median and the number: its own CI bracket (optional),
# then the group ("with placebo", "in the placebo group": words, no number), then the bracket.
_GROUP_THEN_BRACKET = re.compile(
    r"\s*(?:[(\[][^()\[\]]{0,40}[)\]]\s*)?,?\s*(?:with|in|for|on)\s+[^()\[\];,.\d%=<>]{1,50}?"
    r"\s*\(\s*"
)
# The two medians of the pair: "versus", "vs", "compared with" or "and" between them.
_MEDIAN_PAIR_GAP = re.compile(r"\b(?:versus|vs\.?|v|compared\s+with|and)\b", re.I)
_MAX_BARE_RATIO = 5.0  # a hazard ratio; larger bare numbers are counts or times
# A word after the CI: "(1·8 [0·5–3·1] months longer)" is the medians' difference, no ratio
# (the ratio's bracket closes or goes on to its P after the CI).
_RATIO_BRACKET_GOES_ON = re.compile(r"\s*[A-Za-z]")


def _bare_ratio_after_medians(
    text: str, end: int, atoms: list[re.Match[str]], used: set[int], values: list[Value]
) -> Value | None:
    """The hazard ratio of a compared pair of medians written bare (no "HR" key) at the start
    of the bracket right after the second median's group, when a CI follows it
    (see ``_GROUP_THEN_BRACKET``); None when the sentence has no such number. Read only when
    the sentence has no keyed ratio and its last two values are times (medians)."""
    if any(v.kind in ("HR", "OR") for v in values):
        return None
    ordered = sorted(values, key=_start_of)
    first, second = ordered[-2], ordered[-1]
    if first.kind != "time" or second.kind != "time":
        return None
    if _MEDIAN_PAIR_GAP.search(text, first.ext_end, second.start) is None:
        return None
    gap = _GROUP_THEN_BRACKET.match(text, second.ext_end, end)
    if gap is None:
        return None
    pos = gap.end()
    a = next((a for a in atoms if a.start() == pos), None)
    if a is None or pos in used:
        return None
    value = _atom_float(a[0])
    ci = BARE_RANGE_RE.match(text, a.end(), end)
    if (
        not 0 < value < _MAX_BARE_RATIO
        or ci is None
        or _RATIO_BRACKET_GOES_ON.match(text, ci.end())
    ):
        return None
    used.add(pos)
    ratio = Value("HR", value, None, pos, a.end(), a.end())
    ratio.key_start = pos  # (no key word: the ratio's bracket opens right before it)
    return ratio


# Cut-offs of a definition, not rates: "an LVEF decline of 10% or more from baseline to below
# 50%", "declines of at least 10% points", "LVEF decline >=10% and to <50%". After the number:
# "or more/greater/higher" (or, for a fall, "or lower/less/below": "a decline in LVEF to 35% or
# lower"), "(percentage) points"; before it: "to below/under/less than/<" or a
# decline word (or "ejection fraction", "LVEF") with "of/by", "at least", "≥".
_THRESHOLD_AFTER = re.compile(
    r"\s*(?:or\s+(?:more|greater|higher|above|lower|less|below)\b|(?:percentage\s+)?points?\b)"
)
_THRESHOLD_BEFORE_END = search_from_end(
    re.compile(
        r"(?:\bto\s+(?:below|under|less\s+than|<|≤|<=)|\b(?:declines?|decreases?|drops?|falls?)"
        r"(?:\s+(?:of|by))?(?:\s+(?:at\s+least|more\s+than))?\s*(?:≥|>=|>)?|"
        # "a decline in ejection fraction of at least 15%": the measure's own change
        r"\b(?:ejection\s+fraction|LVEF)\s+(?:of|by)(?:\s+(?:at\s+least|more\s+than))?"
        r"\s*(?:≥|>=|>)?)\s*$",
        re.I,
    )
)
_THRESHOLD_GATE = WordGate(("to ", "ecline", "ecrease", "drop", "fall", "fraction", "lvef"))


def _is_threshold(
    text: str, start: int, end: int, pos: int, unit_end: int, low: str | None = None
) -> bool:
    """Whether the percentage at ``pos`` (its "%" ending at ``unit_end``) is a cut-off. The
    regexes only run where their words occur (every match holds one). ``low``: the sentence
    ``text[start:end]`` lower-cased with its offsets, or None."""
    nxt = text[unit_end : unit_end + 14]
    if ("or " in nxt or "point" in nxt) and _THRESHOLD_AFTER.match(text, unit_end, end):
        return True
    a = pos - 30 if pos - 30 > start else start
    if low is not None:  # the sentence's lower case, read in place (no slice, no lower())
        if not _THRESHOLD_GATE.may_hold(low, a - start, pos - start):
            return False
    elif not _THRESHOLD_GATE.may_hold(text[a:pos].lower(), 0, pos - a):
        return False
    return _THRESHOLD_BEFORE_END.match(text, a, pos) is not None


# A meta-analysis's heterogeneity statistic, not a rate: "(I2 = 41%, P = .07)", "I² of 78%",
# "I-squared, 0%", "I^2 = 45%". Every match holds "i2", "i²", "i 2", "i^" or "squared".
_HETEROGENEITY_BEFORE_END = search_from_end(
    re.compile(
        r"\bI(?:\^?[2²]| 2|\s*-?\s*squared)\s*(?:statistic\s*)?(?:[=:,]|\bof\b|\b(?:was|were)\b)?\s*$",
        re.I,
    )
)
# (``_times_and_rates`` tests the same words on the whole sentence with ``in``.)
_HETEROGENEITY_GATE = WordGate(("i2", "i²", "squared", "i 2", "i^"))


def _is_heterogeneity(text: str, start: int, pos: int, low: str | None = None) -> bool:
    """Whether the percentage at ``pos`` is an I² heterogeneity value (see
    ``_HETEROGENEITY_BEFORE_END``). The regex only runs where one of its words occurs.
    ``low``: as for ``_is_threshold``."""
    a = pos - 24 if pos - 24 > start else start
    if low is not None:
        if not _HETEROGENEITY_GATE.may_hold(low, a - start, pos - start):
            return False
    elif not _HETEROGENEITY_GATE.may_hold(text[a:pos].lower(), 0, pos - a):
        return False
    return _HETEROGENEITY_BEFORE_END.match(text, a, pos) is not None


# A time followed by "of" and a word says how long something lasted ("1 year of trastuzumab",
# "6 months of treatment"), not a median ("at 12 months of 60%", a number after "of", is left).
# A time "of the A group" is that group's median ("longer than 7.0 months of the lapatinib
# group", Chinese-English journal style), not a duration.
_DURATION_OF = re.compile(
    r"\s+of\s+(?=[A-Za-z])(?!the\s+(?:[\w+/-]+\s+){0,3}?(?i:group|arm|cohort)\b)"
)


# A treatment duration standing for an arm in a duration trial (1 vs 2 years of trastuzumab),
# not a median: the subject of a verdict ("2 years is not more effective", "9 weeks was
# inferior") or, in a sentence that names a duration "of" a treatment ("Two years of trastuzumab
# did not improve DFS compared with 1 year"), the comparator ("compared with 1 year").
_DURATION_SUBJECT = re.compile(
    r"\s+(?:is|was|are|were)\s+(?:not\b|no\s|as\s|equally\b|more\s|less\s|"
    r"(?:non-?)?inferior\b|superior\b)",
    re.I,
)
_CLAUSE_OPEN_END = search_from_end(
    re.compile(r"(?:[;,:]|\b(?:and|but|whereas|while|that))\s*$", re.I)
)
_DURATION_COMPARATOR_END = search_from_end(
    re.compile(r"\b(?:compared\s+with|versus|vs\.?|than)\s+$", re.I)
)
_DURATION_OF_TREATMENT = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|nine|twelve)[\s-]+(?:years?|months?|weeks?)\s+of\s+"
    r"(?!follow)[A-Za-z]",
    re.I,
)


def _duration_named_arm(text: str, start: int, end: int, pos: int, unit_end: int) -> bool:
    """Whether the time at ``pos`` (unit ending at ``unit_end``) names a duration arm rather
    than reporting a median (see ``_DURATION_SUBJECT``). Gated on cheap substring tests."""
    nxt = text[unit_end : unit_end + 6]
    if (
        (" is " in nxt or " was " in nxt or " are " in nxt or " were" in nxt)
        and _DURATION_SUBJECT.match(text, unit_end, end) is not None
        and (not text[start:pos].strip() or _CLAUSE_OPEN_END.match(text, max(start, pos - 12), pos))
    ):
        return True  # not "the median PFS of 14 months was not different"
    a = pos - 15 if pos - 15 > start else start
    before = text[a:pos]
    if not ("with" in before or "vs" in before or "vers" in before or "than" in before):
        return False
    if _DURATION_COMPARATOR_END.match(text, a, pos) is None:
        return False
    low = text[start:end].lower()
    if "median" in low and _MEDIAN_NOT_FOLLOW_UP.search(low) is not None:
        return False
    return _DURATION_OF_TREATMENT.search(text, start, pos) is not None


# "median" that reports a median, not the follow-up ("After a median follow-up of 8 years, 2 years
# of trastuzumab did not improve DFS compared with 1 year": the comparator is still a duration),
# however the follow-up is worded ("a median of 8 years of follow-up", "a median observation
# time of 8 years", "a median 8-year follow-up").
_MEDIAN_NOT_FOLLOW_UP = re.compile(
    r"median(?!\s+(?:(?:duration|time|period|length)\s+of\s+)?(?:follow|observation)|"
    r"\s+(?:of\s+)?[\d.·]+[\s-]+\w+\s+(?:of\s+)?follow)"
)


# A rate "with" a duration is that duration arm's rate ("The 5-year DFS was 85.9% with 6 months
# and 87.4% with 12 months"): the time names the arm, it is no median.
_RATE_WITH_END = search_from_end(re.compile(r"(?:%|\bpercent)\s*,?\s+with\s+$", re.I))


def _duration_after_rate(text: str, start: int, pos: int) -> bool:
    """Whether the time at ``pos`` follows "<rate>% with" (see ``_RATE_WITH_END``)."""
    a = pos - 16 if pos - 16 > start else start
    if "with" not in text[a:pos]:
        return False
    return _RATE_WITH_END.match(text, a, pos) is not None


# "patients younger than 65 years", "aged >= 65 years", "women < 50 years", "65 years or
# older": an age limit that defines a subgroup, no time to an event.
_AGE_LIMIT_BEFORE = search_from_end(
    re.compile(
        r"(?:\b(?:younger|older)\s+than|"
        r"\b(?:aged?|patients|women|men|those|individuals)\s*(?:[<>≤≥]=?|=>|=<))\s*$",
        re.I,
    )
)
_AGE_LIMIT_AFTER = re.compile(
    r"\s*(?:of\s+age\b(?!-)|old\b|(?:or|and)\s+(?:older|younger|over|above|below|under)\b)", re.I
)


def _age_cutoff(text: str, start: int, pos: int, unit_end: int) -> bool:
    """Whether the time in years at ``pos`` is an age limit (``_AGE_LIMIT_BEFORE``/``_AFTER``)."""
    a = pos - 25 if pos - 25 > start else start
    return (
        _AGE_LIMIT_AFTER.match(text, unit_end) is not None
        or _AGE_LIMIT_BEFORE.match(text, a, pos) is not None
    )


def _time_after_bracket(
    text: str, start: int, end: int, a: re.Match[str], br_end: int
) -> Value | None:
    """ "9.1 (95% CI 7.2-11.0) months": a time whose CI comes before its unit. ``br_end``: the
    end of the bracket after the number."""
    inside = text[a.end() : br_end]
    if "c" not in inside and "C" not in inside:
        return None  # every CI_RE match holds a "c" ("CI", "confidence", "credible")
    pre_ci = CI_RE.search(inside)
    if pre_ci is None:
        return None
    tm = _TIME_UNIT.match(text, br_end, end)
    if tm is None or _not_a_median(text, start, end, a.start(), tm.end()):
        return None
    tv = Value(
        "time", _atom_float(a.group(0)), _unit_name(tm.group(1)), a.start(), a.end(), tm.end()
    )
    tv.ci_low, tv.ci_high = to_float(pre_ci.group("lo")), to_float(pre_ci.group("hi"))
    return tv


def _not_a_median(text: str, start: int, end: int, pos: int, unit_end: int) -> bool:
    """A landmark or range ("at 12 months") or a follow-up time ("24 months of follow-up")."""
    return (
        _after_time_guard(text, max(start, pos - 25), pos)
        or _FOLLOW_UP_AFTER.match(text, unit_end, end) is not None
    )


def _after_time_guard(text: str, a: int, pos: int) -> bool:
    """Whether ``_TIME_GUARD`` matches at the end of ``text[a:pos]`` ("at", "after", "range",
    "-" ... just before a time). The regex only runs when the last non-space character fits."""
    tail = text[a:pos].rstrip()
    if not tail or tail[-1] not in _TIME_GUARD_LAST:
        return False
    return _TIME_GUARD_END.match(text, a, pos) is not None


def _atom_float(atom: str) -> float:
    """``to_float`` for a number atom (digits with at most one "." or "·", no sign or comma)."""
    return float(atom.replace("·", ".")) if "·" in atom else float(atom)


def _listed_ratios(
    text: str,
    values: list[Value],
    atoms: list[re.Match[str]],
    used: set[int],
    cis_at: list,
    ps_at: list,
    end: int,
) -> list[Value]:
    """``values`` plus the ratios listed after a hazard/odds ratio under the same key: "hazard
    ratios were 0.71 (95% CI ...) and 0.83 (...)", "0.64 with AC-T plus trastuzumab (P<0.001)
    and 0.75 with TCH (P=0.04)". Only decimals not yet read as values count."""
    free = [a for a in atoms if a.start() not in used]
    added = []
    for v in values:
        last = v
        while last.kind in ("HR", "OR"):
            nxt = next((a for a in free if a.start() >= last.ext_end), None)
            if nxt is None or not (
                _is_listed_ratio(text, last.ext_end, nxt, end)
                or _parallel_comparison_ratio(text, last, nxt, end)
            ):
                break
            w = Value(last.kind, _atom_float(nxt.group(0)), None, nxt.start(), nxt.end(), nxt.end())
            w.key_start, w.key_text = last.key_start, last.key_text
            _attach_ci_p(text, w, cis_at, ps_at, end)
            used.add(nxt.start())
            added.append(w)
            last = w
    if not added:
        return values
    return sorted(values + added, key=_start_of)


# "The HR for arm C vs arm A was 0.70 (...) and for arm B vs arm A 0.86 (...)": a key that names
# its comparison with "for" and a second comparison after "and for" whose ratio follows it
# elliptically (the same key understood). Both name a comparison ("vs", "versus", "compared
# with": "HR for death was 0.70 and for progression 0.80" names two end points, not one). No
# digit, bracket or clause end in the comparison, but for the number of a numbered arm, group,
# cohort or part ("and for arm 3 vs arm 1 0.70").
_LABELLED_DIGITS = r"(?i:(?<=arm )|(?<=group )|(?<=cohort )|(?<=part ))\d{1,2}(?!\d)"
_AND_FOR_COMPARISON = re.compile(
    rf"[\s)\]]*,?\s*and\s+for\s+(?:[^\d;.()\[\]]|{_LABELLED_DIGITS}){{1,60}}?"
    r"(?:\s+(?:was|were|is|of)|\s*[,:=])?\s*"
)
_COMPARED = re.compile(r"\b(?:vs|versus|compared\s+(?:with|to))\b", re.I)
# A gap naming its own statistic ("and for arm B vs arm A the relative risk was 0.86"): that
# number is no second ratio of the key's kind.
_OWN_STATISTIC = re.compile(
    r"\b(?:risks?|ratios?|odds|differences?|rates?|RR|ARR|medians?|means?|proportions?)\b", re.I
)


def _parallel_comparison_ratio(text: str, last: Value, atom: re.Match[str], end: int) -> bool:
    """Whether ``atom`` is the elliptical ratio of a second comparison after ratio ``last``,
    whose key names its comparison with "for" (``_AND_FOR_COMPARISON``)."""
    if not last.key_text.lstrip().startswith("for ") or not _COMPARED.search(last.key_text):
        return False
    number = atom.group(0)
    if "." not in number and "·" not in number or _atom_float(number) >= 20:
        return False
    m = _AND_FOR_COMPARISON.fullmatch(text, last.ext_end, atom.start())
    if m is None or not _COMPARED.search(text, last.ext_end, atom.start()):
        return False
    if _OWN_STATISTIC.search(text, last.ext_end, atom.start()) is not None:
        return False
    return bool(_AFTER_LISTED.match(text, atom.end(), end))


# Between a ratio (with its CI and P) and the next one of a list: "and", a comma.
_LIST_JOIN = re.compile(r"[\s)\]]*(?:,\s*(?:and\s+)?|\s+and\s+)")
# (Public: ``outcomes`` joins the landmark rates of one group by it too: "91.0% and 87.5%".)
LIST_JOIN = _LIST_JOIN
# What may follow a listed ratio: its CI or P bracket, a regimen phrase, punctuation, the end.
_AFTER_LISTED = re.compile(r"\s*(?:[(\[,;)\].]|(?:and|with|for|in|respectively)\b|$)")


def _is_listed_ratio(text: str, pos: int, atom: re.Match[str], end: int) -> bool:
    """Whether ``atom`` is the next ratio of a list that reached ``pos``: a decimal below 20
    joined by "and"/a comma (after a regimen phrase, "0.64 with AC-T (P<0.001) and 0.75")."""
    number = atom.group(0)
    if "." not in number and "·" not in number or _atom_float(number) >= 20:
        return False
    gap = text[pos : atom.start()]
    phrase = _REGIMEN_PHRASE.match(gap)
    if phrase:
        gap = gap[phrase.end() :]
    if (
        not _LIST_JOIN.fullmatch(gap)
        and not _listed_event_ratio_gap(gap, _atom_float(number))
        and not _listed_subgroup_ratio_gap(gap)
    ):
        return _parallel_subgroup_ratio(text, gap, atom, end) or _parallel_for_ratio(
            text, gap, atom, end
        )
    return bool(_AFTER_LISTED.match(text, atom.end(), end))


# "HR 0.86 (95% CI ...) for progression-free survival and 0.83 (...) for overall survival": the
# same ratio for a second end point, each written "<ratio> for <end point>" (the parallel form:
# the second must be followed by "for" too).
_FOR_AND_GAP = re.compile(
    r"[\s)\]]*,?\s+for\s+(?:the\s+)?[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,4}?"
    r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)"
)
_FOR_AFTER = re.compile(r"(?:\s*[(\[][^()\[\]]{1,80}[)\]])?\s*,?\s+for\s")


def _parallel_for_ratio(text: str, gap: str, atom: re.Match[str], end: int) -> bool:
    """Whether ``atom`` is the ratio of a second end point in a "<ratio> for <end point> and
    <ratio> for <end point>" list (see ``_FOR_AND_GAP``)."""
    if " for " not in gap or _FOR_AND_GAP.fullmatch(gap) is None:
        return False
    return _FOR_AFTER.match(text, atom.end(), end) is not None


# "a hazard ratio of 0.32 in hormone-receptor-positive disease and 0.30 in hormone-receptor-
# negative disease": the same ratio for a second subgroup, each written "<ratio> in <subgroup>".
# (Each subgroup may carry its statistics bracket: "0.32 in ... disease (95% CI 0.2-0.5) and".)
_SUBGROUP_AND_GAP = re.compile(
    r"[)\]]?\s+(?:in|among)\s+(?:the\s+|those\s+|patients\s+)?[\w+-]+(?:\s+[\w+-]+){0,5}?"
    r"(?:\s*[(\[][^()\[\]]{1,60}[)\]])?\s*(?:,\s*(?:and\s+)?|\s+and\s+)"
)
# The subgroup of a ratio before its statistics bracket: "0.32 in hormone-receptor-positive
# disease (95% CI 0.2-0.5)" (read only when the ratio is one of a parallel subgroup list).
_SUBGROUP_PHRASE = re.compile(
    r"\s+(?:in|among)\s+(?:the\s+|those\s+|patients\s+)?[\w+-]+(?:\s+[\w+-]+){0,5}?"
    r"(?=\s*[(\[])"
)
_SUBGROUP_AFTER = re.compile(r"(?:\s*[(\[][^()\[\]]{1,60}[)\]])?\s+(?:in|among)\s+\w")


def _parallel_subgroup_listed(text: str, pos: int, end: int) -> bool:
    """Whether the ratio ending at ``pos`` opens or continues a parallel subgroup list: its
    "in <subgroup> (bracket)" is followed by "and <ratio> in" (or ends one after such a join),
    so the bracket is its own statistics (see ``_parallel_subgroup_ratio``)."""
    if text.startswith(" in ", pos) is False and text.startswith(" among ", pos) is False:
        return False
    m = _SUBGROUP_AND_GAP.match(text, pos, end)
    if m is not None:
        return _SUBGROUP_RATIO_NEXT.match(text, m.end(), end) is not None
    before = text[max(0, pos - 120) : pos]
    return _SUBGROUP_RATIO_PREV.search(before) is not None


# The next ratio of a parallel list, "0.30 in"; the join before a second one, "...) and 0.30".
_SUBGROUP_RATIO_NEXT = re.compile(r"\d+[.·]\d+\s+(?:in|among)\s")
_SUBGROUP_RATIO_PREV = re.compile(r"[)\]]\s*(?:,\s*(?:and\s+)?|\s+and\s+)\d+[.·]\d+\Z")


def _parallel_subgroup_ratio(text: str, gap: str, atom: re.Match[str], end: int) -> bool:
    """Whether ``atom`` is the ratio of a second subgroup in a "<ratio> in <subgroup> and
    <ratio> in <subgroup>" list (both written with "in"/"among": the parallel form, not a ratio
    of another end point or a bare number after a subgroup)."""
    if (" in " not in gap and " among " not in gap) or _SUBGROUP_AND_GAP.fullmatch(gap) is None:
        return False
    return _SUBGROUP_AFTER.match(text, atom.end(), end) is not None


# "reduced the risk of recurrence (hazard ratio 0·76, 95% CI ...) and of death (0·74,
# 0·64-0·86)": the next event's ratio, bare in its own bracket after "and of <event>"; so too
# "improved event-free survival (hazard ratio 0·44, ...) and overall survival (0·36, ...)".
# (A word may hold digits after its first letter: "and HER2 IHC0 (0·84, 0·62–1·13) subgroups".)
_LISTED_EVENT_GAP = re.compile(
    r"[\s)\]]*\s+and\s+(?:(?:of|for)\s+)?(?:(?:a|an|the|any)\s+)?(?:[A-Za-z-][\w+-]*\s+){0,2}"
    r"[A-Za-z-][\w+-]*\s*[(\[]\s*"
)
# "(hazard ratio 0·69 [...]; p=0·0002), and 3-year overall survival was 91·5% versus 85·8%
# (0·65 [0·49–0·86]; p=0·0026)": the next end point's compared rates, then its bare ratio.
# (A bare number that is the rates' difference, "91·5% versus 85·8% (5·7 [2·1–9·3])", is none.)
_LISTED_RATES_GAP = re.compile(
    r"[\s)\]]*,?\s+and\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){1,4}?(?:was|were)\s+"
    r"(\d+(?:[.·]\d+)?)%\s*(?:versus|vs\.?|v|and)\s+(\d+(?:[.·]\d+)?)%\s*[(\[]\s*"
)
# "(EFS: hazard ratio 0·24, 95% CI ...; OS: 0·16, 0·11–0·25)": a ratio list whose items are
# labelled by their end point, a colon after each label; and the same labelled list repeated
# for another subgroup ("... and in those with ... tumours (EFS: 0·15, ...; OS: 0·08, ...)").
_LABEL = r"[A-Za-z][\w-]{0,11}\s*:\s*"
_LISTED_LABEL_GAP = re.compile(
    r"[\s)\]]*(?:[;,]\s*(?:and\s+)?"
    r"|,?\s+and\s+(?:in|among)\s+[^()\[\];.]{1,120}?[(\[]\s*)" + _LABEL
)


def _listed_event_ratio_gap(gap: str, value: float) -> bool:
    """Whether ``gap`` (previous ratio to this one, ``value``) is "... and (of) <event> (", "...
    and <event> was <rate> versus <rate> (" or ends in an end point label ("; OS: "): see
    above."""
    if ":" in gap and _LISTED_LABEL_GAP.fullmatch(gap) is not None:
        return True
    if " and " not in gap:
        return False
    if "%" in gap:
        m = _LISTED_RATES_GAP.fullmatch(gap)
        return m is not None and not _is_difference(m, value)
    return _LISTED_EVENT_GAP.fullmatch(gap) is not None


def _is_difference(rates: re.Match[str], value: float) -> bool:
    """Whether ``value`` is the difference of the two compared rates ``rates`` matched."""
    a, b = _atom_float(rates.group(1)), _atom_float(rates.group(2))
    return abs(abs(a - b) - value) < 0.051


# "the HR for DFS was 1.03 (95% CI ...), whereas in node-positive disease it was 1.21 (...)":
# the same ratio in a contrasted subgroup, restated with "it was" (the pronoun stands for the key).
# Also after a ";" ("0·71 (0·56–0·89); in the hormone receptor-negative subgroup it was 0·67",
# "; in those with node-positive residual disease, it was 0.52").
_LISTED_SUBGROUP_GAP = re.compile(
    r"[\s)\]]*(?:,?\s*(?:whereas|while|but)|;(?:\s*(?:and|but|whereas|while))?)\s+"
    r"(?:in|among|for)\s+(?:[\w+-]+,?\s+){1,6}?(?:it|this)\s+(?:was|were)\s+"
)


def _listed_subgroup_ratio_gap(gap: str) -> bool:
    """Whether ``gap`` (previous ratio to this one) is ", whereas in <subgroup> it was ": see
    above."""
    return " it " in gap and _LISTED_SUBGROUP_GAP.fullmatch(gap) is not None


def _ratio_gap_ok(gap: str) -> bool:
    """Text between "hazard ratio" and its number: a few words/punctuation, no clause break."""
    if len(gap) > 90 or ";" in gap or "%" in gap or _SENTENCE_END.search(gap):
        return False
    return len(gap.split()) <= 16 and not _FIGURE.search(gap)


_SENTENCE_END = re.compile(r"[.!?]\s")
_FIGURE = re.compile(r"\b(?:figure|fig|table)\b", re.I)


# Poster tables flattened into text pair values with a spaced slash, "mPFS 40.7 / 26.9 mo":
# the bare number before it shares the unit of the value after it, as before "vs".
_SPACED_SLASH = re.compile(r"\s+/\s+")


# A results table flattened into prose: "ORR, % (95% CI): 62 (51-72) vs 40 (30-51)", "median
# PFS, months (95% CI): 17.0 (11.1-NE)". The unit heads the row after a comma, with the bracket
# saying what the bracketed numbers are; the bare numbers of the row (up to ";", the end of the
# sentence or the next header) are values in that unit. "n (%)" heads counts and is no unit.
_HEADER_UNIT = re.compile(
    r",\s*(?:(%)|(months?|mo\.?|weeks?|years?))\s*(?:\(\d{2}(?:[.·]\d)?\s*%\s*CI\)\s*)?:\s*",
    re.I,
)
# Rows that describe the patients or their exposure to treatment, not results: "median age,
# years: 54 (32-78)", "median follow-up, months: 28.1", "median duration of treatment, months:
# 14.2", "time on study, months: 20.3", "dose intensity, %: 95". (Read in the 40 characters
# before the header: the descriptor ends where the header's comma starts.)
_NOT_A_RESULT_ROW = re.compile(
    r"\b(?:follow[\s-]*up|ages?|exposure|(?:treatment|therapy)\s+(?:duration|exposure)|"
    r"duration\s+of\s+(?:treatment|therapy|exposure|study\s+(?:treatment|drug))|"
    r"time\s+(?:on|in)\s+(?:treatment|therapy|study)|(?:relative\s+)?dose\s+intensity)\Z",
    re.I,
)
# One row: a value ("NR" too) with its optional bracket, then more joined by "vs"/"versus"/"and"/",".
# It ends the sentence or a clause (";"), or runs into the comparison's P (", P = 0.003",
# "(P < .001)"), which the value readers attach as after any pair.
_ROW_VALUE = rf"(?:{NUM}|{_NR})(?:\s*\([^()]{{1,40}}\))?"
_HEADER_ROW = re.compile(
    rf"{_ROW_VALUE}(?:\s*(?:,|vs\.?|versus|and)\s*{_ROW_VALUE})*"
    r"(?=\s*(?:[;.]|$|[,(]\s*P\b))"
)


def _header_unit_values(
    text: str,
    start: int,
    end: int,
    atoms: list[re.Match[str]],
    used: set[int],
    values: list[Value],
) -> list[tuple[int, int]]:
    """The bare numbers of each flattened table row (``_HEADER_UNIT``, ``_HEADER_ROW``): values
    in the header's unit, appended to ``values`` (their bracketed ranges are read after, as
    after "62%"). Only a row that is nothing but values and their brackets is read. Returns the
    spans of the rows of rates: an "NR" there is no value (a rate is never "not reached")."""
    rate_rows: list[tuple[int, int]] = []
    for h in _HEADER_UNIT.finditer(text, start, end):
        row = _HEADER_ROW.match(text, h.end(), end)
        if row is None or _NOT_A_RESULT_ROW.search(text, max(start, h.start() - 40), h.start()):
            continue
        if h.group(1):
            rate_rows.append(row.span())
        kind, unit = ("percent", "%") if h.group(1) else ("time", _unit_name(h.group(2)))
        depth = 0
        bare: set[int] = set()
        for i in range(row.start(), row.end()):
            c = text[i]
            depth += (c == "(") - (c == ")")
            if depth == 0 and c.isdigit() and (i == row.start() or not text[i - 1].isdigit()):
                bare.add(i)
        for a in atoms:
            pos = a.start()
            if pos in bare and pos not in used:
                values.append(Value(kind, _atom_float(a[0]), unit, pos, a.end(), a.end()))
                used.add(pos)
    return rate_rows


def _inherit_units(
    text: str, values: list[Value], atoms: list[re.Match[str]], used: set[int]
) -> list[Value]:
    """``values`` (sorted by start) plus the bare numbers before a time or a rate that share its
    unit, sorted by start. ``atoms`` are unmasked; ``used`` holds the starts already values."""
    # The time/rate values in text order, with the inherited ones inserted as they are made
    # (atoms are read from the last, so each one sees those after it).
    units = [v for v in values if v.kind in ("time", "percent")]
    if not units:
        return values
    starts = [v.start for v in units]
    added: list[Value] = []
    for a in reversed(atoms):
        a_start, a_end = a.span()
        if a_start in used:
            continue
        i = bisect_right(starts, a_end)  # the first time/rate after the atom
        if i == len(units):
            continue
        nxt = units[i]
        if nxt.start - a_end > 80:
            continue
        gap = text[a_end : nxt.start]
        # (_strip_ci's first test written out: most gaps hold no "c", and make no call)
        joined = _PAIR_JOIN.match(gap if "c" not in gap and "C" not in gap else _strip_ci(gap))
        if not joined and not _SPACED_SLASH.fullmatch(gap):
            continue
        if _after_time_guard(text, max(0, a_start - 25), a_start):
            continue
        if _names_a_group(text, a_start) or _closes_a_code(text, a_start, a_end):
            continue
        v = Value(nxt.kind, to_float(a.group(0)), nxt.unit, a_start, a_end, a_end)
        j = bisect_left(starts, a_start)
        units.insert(j, v)
        starts.insert(j, a_start)
        added.append(v)
        used.add(a_start)
    if not added:
        return values
    out = values + added
    out.sort(key=_start_of)
    return out


# A drug's code name written with a space ("48% with ABP 980 and 41%", "BI 1810631"): its
# number, three digits or more after a word in capitals, is part of the name, never a value.
_CODE_PREFIX_END = re.compile(r"(?<![\w-])[A-Z]{2,5} \Z")


def _closes_a_code(text: str, start: int, end: int) -> bool:
    """Whether the bare number ``text[start:end]`` ends a code name ("ABP 980")."""
    return (
        end - start >= 3
        and text[start:end].isdigit()
        and _CODE_PREFIX_END.search(text[max(0, start - 7) : start]) is not None
    )


# A bare number that names or sizes a group, never a value: the group size after a bracketed
# rate ("155 (52%) of 298 and 157 (53%) of 297") or after its count ("50% [95 of 190] vs 40%":
# a denominator), or a group's number ("60% in group 1 and 50% in group 2").
_GROUP_NUMBER_BEFORE = re.compile(
    r"(?:[)\]]\s*of |(?<![\w.,·])\d[\d,]*\s+of\s+|"
    r"(?<![\w-])(?:groups?|arms?|cohorts?|modules?)\s+)$",
    re.I,
)


def _names_a_group(text: str, pos: int) -> bool:
    """Whether the bare number at ``pos`` sizes or numbers a group ("(52%) of 298", "95 of 190",
    "group 1"): it inherits no unit from the next rate."""
    return _GROUP_NUMBER_BEFORE.search(text, max(0, pos - 12), pos) is not None


_start_of = attrgetter("start")  # a sort key called from C (no Python call per value)


def _all_of_kinds(values: list[Value], kinds: tuple[str, ...]) -> bool:
    """Whether every one of ``values`` is of one of ``kinds``."""
    for v in values:  # noqa: SIM110 (a loop is faster than all() over a generator)
        if v.kind not in kinds:
            return False
    return True


def _has_ratio(values: list[Value]) -> bool:
    """Whether one of ``values`` is a hazard or odds ratio."""
    for v in values:  # noqa: SIM110 (a loop is faster than any() over a generator)
        if v.kind == "HR" or v.kind == "OR":
            return True
    return False


# Every CI_RE match holds one of these keywords (same case folding as CI_RE).
_CI_KEYWORD = re.compile(r"c(?:\.?i|ri|onfidence|redible)", re.IGNORECASE)


def _strip_ci(gap: str) -> str:
    if "c" not in gap and "C" not in gap or _CI_KEYWORD.search(gap) is None:
        return gap
    return CI_RE.sub("", gap)


def _attach_ci_p(text: str, v: Value, cis_at: list, ps_at: list, end: int) -> None:
    """Reads the CI and P right after value ``v``. ``cis_at`` / ``ps_at``: the sentence's CI and
    P matches, each as (start, end, match)."""
    pos = v.ext_end
    if v.kind in ("HR", "OR"):
        # "0.64 with AC-T plus trastuzumab (P<0.001)": the regimen the ratio is for, then its P
        phrase = _REGIMEN_PHRASE.match(text, pos, end)
        if phrase is None and _parallel_subgroup_listed(text, pos, end):
            phrase = _SUBGROUP_PHRASE.match(text, pos, end)
        if phrase is not None:
            pos = phrase.end()
    # A CI starting right after the value (punctuation, brackets, "months" between).
    for at, m_end, m in cis_at:
        if pos <= at <= pos + 40 and _GLUE.match(text, pos, at):  # at most 40 characters of glue
            v.ci_low, v.ci_high = to_float(m.group("lo")), to_float(m.group("hi"))
            pos = m_end
            break
    else:
        br = BARE_RANGE_RE.match(text, pos, end)
        if br and v.kind in ("HR", "OR", "time", "percent", "nr"):
            v.ci_low, v.ci_high = to_float(br.group("lo")), to_float(br.group("hi"))
            pos = br.end()
        elif v.kind == "percent" and text[v.ext_end : v.ext_end + 1] == ",":
            pos = _rate_range(_COMMA_RANGE, text, v, pos, end)
        elif v.kind == "percent" and text[v.ext_end : v.ext_end + 1] == ";":
            pos = _rate_range(_SEMICOLON_RANGE, text, v, pos, end)
        elif v.kind == "percent" and cis_at and "(" in text[pos : pos + 3]:
            pos = _ci_after_count(text, v, pos, end, cis_at)
        elif v.kind in ("HR", "OR") and text[v.ext_end : v.ext_end + 1] == ",":
            pos = _comma_ratio_range(text, v, pos, end)
        elif v.kind in ("HR", "OR") and "," in text[pos : pos + 12]:
            pos = _bracketed_comma_ratio_range(text, v, pos, end)
    for at, m_end, m in ps_at:
        if pos <= at <= pos + 40 and _GLUE.match(text, pos, at):  # at most 40 characters of glue
            v.p = normalise_p(m.group("op"), m.group("num"))
            pos = m_end
            break
    v.ext_end = pos


# A regimen phrase after a ratio, before its CI/P bracket: "with AC-T plus trastuzumab"; or the
# compared pair a three-arm trial names for each of its ratios: "0.64 for AC-TH versus AC-T
# (P<0.001) and 0.75 for TCH versus AC-T (P=0.04)" (a "versus" must stand in the phrase). The
# pair's names may hold digits and a "vs." ("0.75 for T-DXd vs. T-DM1 (P=0.04)").
_REGIMEN_PHRASE = re.compile(
    r"\s+(?:with\s+[A-Za-z][^()\[\];,.\d%]{0,40}?"
    r"|for(?=\s[^()\[\];,.%]{1,40}?\s(?:versus|vs\.?|compared\s+with)\s)"
    r"\s+[A-Za-z](?:[^()\[\];,.%]|(?<=\bvs)\.){0,40}?)(?=\s*[(\[])"
)
# "(53·2%, 45·4–60·3; p=0·9852)": a bracketed rate, a comma, its CI without a keyword.
_COMMA_RANGE = re.compile(
    rf",\s*(?P<lo>{NUM})\s*%?\s*(?:to|–|—|‑|−|-)\s*(?P<hi>{NUM})\s*%?(?=\s*[;)\]])"
)
_OPENS_BRACKET = re.compile(r"[(\[]\s*$")


def _rate_range(pattern: re.Pattern[str], text: str, v: Value, pos: int, end: int) -> int:
    """Reads the CI of a rate written as "(rate, low–high; ...)" (``_COMMA_RANGE``) or "(rate;
    low–high)" (``_SEMICOLON_RANGE``): the rate opens the bracket and the range holds it (a CI
    holds its estimate); returns the new end of ``v``."""
    m = pattern.match(text, pos, end)
    if m is None or not _OPENS_BRACKET.search(text, max(0, v.start - 3), v.start):
        return pos
    return m.end() if _take_ci(v, m) else pos


def _take_ci(v: Value, m: re.Match[str], *, strictly: bool = False) -> bool:
    """Sets the range ``m`` (groups "lo", "hi") as ``v``'s CI if it holds ``v``'s value (a rate
    may sit on a bound; ``strictly``: a ratio inside it); whether it did."""
    lo, hi = to_float(m.group("lo")), to_float(m.group("hi"))
    if lo is None or hi is None:
        return False
    if strictly:
        if v.value is None or not lo < v.value < hi:
            return False
    elif not lo <= (v.value or 0.0) <= hi:
        return False
    v.ci_low, v.ci_high = lo, hi
    return True


# "nine (28%; 13·8–46·8) of 32": a bracketed rate, a semicolon, its CI without a keyword (The
# Lancet once the first rate gave "95% CI"); the range closes the bracket.
_SEMICOLON_RANGE = re.compile(
    rf";\s*(?P<lo>{NUM})\s*%?\s*(?:to|–|—|‑|−|-)\s*(?P<hi>{NUM})\s*%?(?=\s*[)\]])"
)


# "37% (41 of 111; 95% CI 28–47)", "50% (18/36, 95% CI, 33-67)": the responders over the
# evaluable patients, then the rate's CI in the same bracket.
_COUNT_BEFORE_CI = re.compile(r"\s*[(\[]\s*\d[\d,]*\s*(?:of|/)\s*\d[\d,]*\s*[;,]\s*")


def _ci_after_count(text: str, v: Value, pos: int, end: int, cis_at: list) -> int:
    """Reads the CI of a rate whose bracket gives its count first; the CI must hold the rate
    (the count's bracket holds no other estimate). Returns the new end of ``v``."""
    m = _COUNT_BEFORE_CI.match(text, pos, end)
    if m is None:
        return pos
    ci = next((c for at, _, c in cis_at if at == m.end()), None)
    if ci is None:
        return pos
    return ci.end() if _take_ci(v, ci) else pos


def _comma_ratio_range(text: str, v: Value, pos: int, end: int) -> int:
    """Reads the CI of a ratio written as "(HR 1·48, 1·05–2·07; p=0·0247)" (Lancet style once
    the CI level was given): a range after a comma that holds the ratio and ends its part of the
    bracket; returns the new end of ``v``."""
    m = _COMMA_RANGE.match(text, pos, end)
    return m.end() if m is not None and _take_ci(v, m, strictly=True) else pos


# "HR 0.65 [0.55, 0.77]", "HR 0.65(0.55,0.77)": a ratio's CI as two bounds split by a comma
# in its own bracket (statistics software's style).
_BRACKETED_COMMA_RANGE = re.compile(rf"\s*[\[(]\s*(?P<lo>{NUM})\s*,\s*(?P<hi>{NUM})\s*(?:[\])]|;)")


def _bracketed_comma_ratio_range(text: str, v: Value, pos: int, end: int) -> int:
    """Reads the CI of a ratio written as "0.65 [0.55, 0.77]": a bracket holding two numbers
    split by a comma, the ratio strictly between them (a pair of counts or of other values
    does not hold the ratio); returns the new end of ``v``."""
    m = _BRACKETED_COMMA_RANGE.match(text, pos, end)
    return m.end() if m is not None and _take_ci(v, m, strictly=True) else pos


# Matched in place, ``_GLUE.match(text, pos, end)`` (no slice): "$" matches at ``end``.
_GLUE = re.compile(
    r"[\s,;:(\[\])]*(?:months?|mo|weeks?|years?|%)?[\s,;:(\[\])]*"
    r"(?:(?:stratified|unstratified|(?:two|one|2|1)[- ](?:sided|tailed)|log-rank|logrank|exact|"
    r"Fisher's|Cox|Wald|nominal|descriptive|non-?inferiority|"
    r"for\s+(?:superiority|non-?inferiority|interaction|difference|trend))"
    r"[\s,]*)*$",
    re.I,
)


_VS_GAP = re.compile(r"^\s*(?:\([^()]*\))?\s*(?:vs\.?|versus|v)\b")


def _slash_paired(a: Value, b: Value, gap: str) -> bool:
    """ "ORR 85.1%/78.6%", "mPFS 44.3 / 29.1 mos": two values of one kind joined by a slash
    alone are compared, as with "vs" (poster tables flattened into text)."""
    return a.kind == b.kind and "/" in gap and _SLASH_ONLY.fullmatch(gap) is not None


_SLASH_ONLY = re.compile(r"\s*/\s*")


def _mark_pairs(text: str, values: list[Value]) -> None:
    for a, b in zip(values, values[1:], strict=False):
        if a.kind in ("HR", "OR") or b.kind in ("HR", "OR"):
            continue
        gap = text[a.ext_end : b.start]
        if (  # (_strip_ci's first test written out, as in _inherit_units)
            _PAIR_JOIN.match(gap if "c" not in gap and "C" not in gap else _strip_ci(gap))
            or _VS_GAP.match(gap)
            or ("/" in gap and _slash_paired(a, b, gap))  # (most gaps have no slash: no call)
        ):
            a.paired_with_next = True


def _nr_with_own_unit(text: str, values: list[Value]) -> None:
    """Round 60c: "52.1 and NR mo": a "not reached" median written with its time unit is a time
    in that unit, which the bare number before it shares (``_inherit_units``)."""
    for v in values:
        if v.kind == "nr":
            # (Review of 60c: "NR (95% CI 12.0-NR) months": the unit may follow its bracket.)
            b = _BRACKETED.match(text, v.end)
            m = _TIME_UNIT.match(text, v.end if b is None else b.end())
            if m is not None:
                v.kind, v.unit = "time", _unit_name(m.group(1))


def _resolve_nr_units(values: list[Value]) -> None:
    for i, v in enumerate(values):
        if v.kind != "nr":
            continue
        neighbours = [values[j] for j in (i - 1, i + 1) if 0 <= j < len(values)]
        unit = next((n.unit for n in neighbours if n.kind == "time"), "months")
        v.kind, v.unit = "time", unit


# "... (P = .01) and 15.1 vs 12.0 months": the word joining a pair that closed with its own P to
# the next pair.
_NEXT_PAIR_JOIN = re.compile(r"[)\]]?\s*[,;]?\s*(?:and\s+)?")


def _end_pairs_at_own_p(text: str, values: list[Value]) -> None:
    """ "7.2 vs 5.1 months (P = .01) and 15.1 vs 12.0 months (P = .2)": a compared pair whose
    second value carries its own P, followed by another compared pair, ends there; each pair
    keeps the P printed with it instead of sharing the last one."""
    for k in range(1, len(values) - 2):
        v, nxt = values[k], values[k + 1]
        if not (v.p and v.paired_with_next and values[k - 1].paired_with_next):
            continue
        if nxt.paired_with_next and _NEXT_PAIR_JOIN.fullmatch(text, v.ext_end, nxt.start):
            v.paired_with_next = False


def _share_pair_p(values: list[Value]) -> None:
    """A P printed after compared rates (no HR/OR) belongs to every rate of the comparison; so
    does one after compared medians when the sentence has no HR/OR (whose P it would be)."""
    last = len(values) - 1
    i = 0
    while i <= last:
        j = i
        while j < last and values[j].paired_with_next:
            j += 1
        if j == i:  # a value compared with none
            i += 1
            continue
        group = values[i : j + 1]
        if _all_of_kinds(group, ("percent",)) or (
            _all_of_kinds(group, ("time", "nr")) and not _has_ratio(values)  # medians, no ratio
        ):
            p = next((v.p for v in reversed(group) if v.p), None)
            if p:
                for v in group:
                    v.p = v.p or p
        i = j + 1


def _p_to_bracket_ratio(text: str, values: list[Value]) -> None:
    """ "(hazard ratio = 0.63; 95% CI, 0.47 to 0.84; median PFS, 4.8 v 2.4 months; log-rank
    P = .0016)": a P closing the bracket of an HR/OR that has none is the ratio's, though
    medians stand between them (medians next to an HR carry no P). Only times may stand
    between, and the bracket must still be open where the P is."""
    for k, v in enumerate(values):
        if v.kind not in ("HR", "OR") or v.p is not None or v.key_start is None:
            continue
        j = k + 1
        while j < len(values) and values[j].kind in ("time", "nr") and values[j].p is None:
            j += 1
        if j == k + 1 or j == len(values) or values[j].kind not in ("time", "nr"):
            continue
        holder = values[j]
        opens = _opens_before(text, v.key_start) or _opens_after_count(text, v.key_start)
        if opens and not closed_between(text, v.ext_end, holder.ext_end):
            v.p, holder.p = holder.p, None
            v.ext_end = holder.ext_end


# JCO prints the P first in a ratio's bracket: "(log-rank P < .001; HR, 0.60; 99.9% CI, ...)",
# "(P = .019; hazard ratio, 0.77; ...)". Before the P, the bracket holds at most the test's name.
_BRACKET_OPENS_P_END = search_from_end(
    re.compile(
        r"[(\[]\s*(?:(?:log[- ]?rank|stratified|unstratified|two[- ]sided|2[- ]sided|"
        r"one[- ]sided|1[- ]sided)\s+)*\Z",
        re.I,
    )
)
_P_TO_KEY_GAP = re.compile(r"\s*[;,]\s*\Z")


def _p_before_ratio(text: str, values: list[Value], ps_at: list) -> None:
    """A P that opens a bracket, with only ";" or "," between it and the key of an HR/OR that
    has no P ("(P = .019; hazard ratio, 0.77; ...)"), is the ratio's. The median it follows
    loses it (medians next to a ratio carry no P); compared rates keep theirs, and a ratio's P
    ("0.60 (P < .001; adjusted HR, ...)") stays that ratio's alone."""
    for v in values:
        if v.kind not in ("HR", "OR") or v.p is not None or v.key_start is None:
            continue
        m = _p_right_before(text, v.key_start, ps_at)
        if m is None:
            continue
        holders = [h for h in values if h.ext_end == m.end() and h.p is not None]
        if any(h.kind in ("HR", "OR") for h in holders):
            continue
        v.p = normalise_p(m.group("op"), m.group("num"))
        for h in holders:
            if h.kind in ("time", "nr"):
                h.p = None


def _p_right_before(text: str, key: int, ps_at: list) -> re.Match[str] | None:
    """The P match of ``ps_at`` that opens a bracket and ends right before ``key`` (see
    ``_BRACKET_OPENS_P_END``), else None."""
    for at, m_end, m in ps_at:
        if (
            m_end <= key <= m_end + 4
            and _P_TO_KEY_GAP.match(text, m_end, key)
            and _BRACKET_OPENS_P_END.match(text, max(0, at - 30), at)
        ):
            return m
    return None


def _opens_before(text: str, pos: int) -> bool:
    """Whether a bracket opens right before ``pos`` ("(hazard ratio", "[HR")."""
    i = pos - 1
    while i >= 0 and text[i] == " ":
        i -= 1
    return i >= 0 and text[i] in "(["


# "(n = 104; hazard ratio = 0.63; ...": the group's count opens the bracket the ratio is in.
_COUNT_OPENS_END = search_from_end(re.compile(r"[(\[]\s*n\s*=\s*\d[\d,]*\s*[;,]\s*$", re.I))


def _opens_after_count(text: str, pos: int) -> bool:
    """Whether a bracket opens before ``pos`` with only a patient count ("n = 104;") between:
    the ratio still opens the bracket's statistics, as in "(hazard ratio"."""
    return "=" in text[max(0, pos - 20) : pos] and (
        _COUNT_OPENS_END.match(text, max(0, pos - 20), pos) is not None
    )


def closed_between(text: str, a: int, b: int) -> bool:
    """True if a bracket open before ``a`` closes before ``b`` ("(grade 3, 1.5%) vs 3.4%")."""
    depth = 0
    for m in _BRACKET_CHAR.finditer(text, a, b):
        if m.group() in "([":
            depth += 1
        else:
            depth -= 1
            if depth < 0:
                return True
    return False


_BRACKET_CHAR = re.compile(r"[(\[)\]]")
