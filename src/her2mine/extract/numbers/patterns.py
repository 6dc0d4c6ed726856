"""The shared regular expressions of numeric results: number atoms, CI and P patterns (with
``ci_matches`` / ``p_matches``), ratio keys (``ratio_candidates``), units after a number and the
"just before" guards the value readers test.
"""

from __future__ import annotations

import re

from her2mine.extract.fastre import literal_starts, search_from_end

# A number with its decimal part, if any, in either point ("12", "0.62", Lancet "0·36").
DECIMAL = r"\d+(?:[.·]\d+)?"
# Either that or a number with no whole part ("P < .001").
NUM = rf"(?:{DECIMAL}|[.·]\d+)"
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
# The P of a P value, never a word's last letter ("step <"): the opening of every P pattern.
P_WORD = r"[Pp](?<![A-Za-z][Pp])"
P_RE = re.compile(
    # "pnon-inferiority<0·0001": a subscript flattened into the P (The Lancet on PubMed)
    rf"{P_WORD}(?:_?(?:non-?inferiority|superiority|interaction|heterogeneity))?"
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
    rf"{P_WORD}\s*[- ]?values?\s+(?:of\s+|was\s+|is\s+)?(?P<op>)(?P<num>"
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
# A time's follow-up tail: "of (median) follow-up"; (round 72b) "median follow-up" or "'
# follow-up" without "of" ("1.3 years median follow-up", "14 months' follow-up"). Review of
# round 72b: without "of", a number right after is the follow-up's own ("PFS 12.1 months median
# follow-up 20 months"): the time before it is then a result.
_FOLLOW_UP_TAIL = (
    r"['’]?\s+(?:of\s+(?:(?:median|additional|further|long-term)\s+)?follow[\s-]*up\b"
    r"|(?:(?:median|additional|further|long-term)\s+)?follow[\s-]*up\b"
    r"(?![\s:,=(]*(?:(?:was|of|time)\s+)?\d))"
)
# What follows a number atom, in one match: _UNIT_AFTER's time unit (group 1; group 2 when
# _FOLLOW_UP_AFTER matches after it) or percent (group 3; group 4 when _NOT_A_RATE matches after
# it), else _BRACKETED's bracket (ending at the end of group 5). The spaces are matched once:
# no alternative starts with a space.
_AFTER_ATOM = re.compile(
    r"\s*(?:(?i:(months?|mos?\b\.?|weeks?|wks?\b|years?|yrs?\b|\ue06d)(?![A-Za-z])"
    r"(" + _FOLLOW_UP_TAIL + r")?)"
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
# "the prespecified significance boundary was not reached" is not a "not reached" median; "PFS
# data were NR" is data not reported.
_NOT_A_RESULT_NR = re.compile(
    r"\b(?:boundary|boundaries|threshold|significance|criterion|criteria|target|data)\s+"
    r"(?:was\s+|were\s+|"
    r"has\s+|had\s+)?$",
    re.I,
)
_RANGE_BEFORE = re.compile(r"(?:–|—|-|‑|\bto)\s*$")
# "not estimable [NE]" / "not reached (NR)": the bracket defines the words' short form; it is
# the same bound or median, not a second one.
_NR_SHORT_FORM_BEFORE = re.compile(r"(?:reached|estimable|evaluable)\s*[(\[]\s*$", re.I)
# "NR (not reported)", "NA [not available]": the short form spelled out as something other than
# a median that was not reached.
_NR_NOT_REPORTED_AFTER = re.compile(
    r"\s*[(\[]\s*not\s+(?:reported|recorded|available|assessed|applicable|done|known)\b", re.I
)
# "not estimable" / "NE" (Annals of Oncology style) is a median the data could not give, as
# "not reached" is.
_NR_ATOM = re.compile(
    r"(?:n(?<![A-Za-z]n)ot\s+(?:yet\s+)?(?:been\s+)?(?:reached|estimable)|N(?<![A-Za-z]N)[RE])"
    r"(?![A-Za-z])"
)
# Words right before a time value that make it a landmark or a range, not a median.
_TIME_GUARD = re.compile(
    r"(?:\b(?:at|after|within|by|through|beyond|up\s+to|range|ranging|interval|every|for|over|"
    rf"first|last|least)\s*[:,]?\s*(?:{DECIMAL}\s*(?:to|–|-|and)\s*)?|[-–]\s*)$",
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
# A time followed by "of (median) follow-up" is how long patients were followed, not a result;
# (round 72b) so is one followed by "median follow-up" or "' follow-up" ("1.3 years median
# follow-up", "14 months' follow-up").
_FOLLOW_UP_AFTER = re.compile(_FOLLOW_UP_TAIL, re.I)
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
# Round 73b: "in 22 patients (12.9%) vs 103 patients (59.5%)": each rate bracketed after its
# count, the counts naming their people. (Only from a closed bracket: "0 vs 7 patients (0% vs
# 5%)" compares the counts, then the rates.)
_COUNTED_PAIR_JOIN = re.compile(
    r"\s*[)\]]\s*,?\s*(?:vs\.?|versus|v\.|and|compared\s+with|as\s+compared\s+with|compared\s+to)"
    rf"\s+(?:\d[\d,]*|{_SPELT_COUNT})\s+(?:patients|pts|participants|women)\s*[\[(]\s*",
    re.I,
)
