"""The number atoms of a sentence that may be values: NR atoms, subgroup P values, and every
guard that says a number is no value (labels, signed percentages, bounds, cut-offs, ...);
Bayesian and European CI forms.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from her2mine.extract.fastre import (
    OPEN_BRACKET,
    WordGate,
    finditer_at,
    literal_starts,
    search_from_end,
)
from her2mine.extract.numbers.folding import _atom_float
from her2mine.extract.numbers.patterns import (
    _BOUND,
    _DASH,
    _LISTED,
    _NOT_A_VALUE_BEFORE_END,
    _NOT_A_VALUE_BEFORE_LOW_END,
    _NR_ATOM,
    _NR_SHORT_FORM_BEFORE,
    _TIME_GUARD_END,
    _TIME_UNIT,
    _UNIT_TAIL,
    DECIMAL,
)

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
    ``str.find`` calls cost less than half of the scan); with the "neither" phrasings
    (``_neither_nr_atoms``), in text order."""
    find = text.find
    neither = _neither_nr_atoms(text, start, end)
    if find("not", start, end) < 0 and find("NR", start, end) < 0 and find("NE", start, end) < 0:
        return neither
    found = list(_NR_ATOM.finditer(text, start, end))
    return sorted(found + neither, key=lambda m: m.start()) if neither else found


# Round 74a: "Neither group reached median OS", "median OS was reached in neither arm": the
# median is not reached in any arm, said by "neither" instead of "not". (The median must be
# named, before or after: "neither arm reached significance" is no median.) The match is the
# value; ``outcomes/rows`` reads "neither" in it as "in either arm".
_NEITHER_REACHED = re.compile(
    r"\b[Nn]either\s+(?:of\s+the\s+)?(?:two\s+)?(?:treatment\s+)?(?:group|arm)s?\s+"
    r"(?:has\s+|had\s+)?(?:yet\s+)?reached(?=\s+(?:the\s+|a\s+)?median\b)"
)
_REACHED_IN_NEITHER = re.compile(
    r"\breached\s+in\s+neither\s+(?:the\s+)?(?:treatment\s+)?(?:group|arm)\b"
)
_MEDIAN_BEFORE = re.compile(r"\bmedian\b[^.;]{0,60}?\b(?:was|were|is|are|has\s+been)\s+\Z", re.I)


def _neither_nr_atoms(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The "neither" phrasings of a not-reached median (``_NEITHER_REACHED``,
    ``_REACHED_IN_NEITHER`` after a median and its verb) in ``text[start:end]``."""
    if text.find("either", start, end) < 0:  # (in "neither" and "Neither")
        return []
    found = list(_NEITHER_REACHED.finditer(text, start, end))
    for m in _REACHED_IN_NEITHER.finditer(text, start, end):
        if _MEDIAN_BEFORE.search(text, max(start, m.start() - 80), m.start()):
            found.append(m)
    return found


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
_SIGNED_RANGE_BEFORE = re.compile(_SIGN + DECIMAL + r"\s*%?\s*(?:to|and|–)\s*\+?\Z")
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
    rf"\s*%\s*(?:vs\.?|versus|v\.|and|compared\s+(?:with|to))\s+{DECIMAL}\s*%"
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
_SLASHED_RATE = re.compile(rf"(?<=%/)(?:{DECIMAL})(?=\s*%)")


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
_CUTOFF_BEFORE = re.compile(r"([A-Za-z][\w-]*)\s*(?:[<>≤≥]=?|=>)\s*\Z")
_CUTOFF_PERCENT = re.compile(r"\s*%")
_MEASUREMENTS = frozenset(
    ("saturation", "spo2", "sao2", "lvef", "fraction", "ki-67", "ki67", "expression", "staining",
     "positivity", "score", "level", "levels", "density", "cellularity", "til", "tils")
)  # fmt: skip
# Round 73b: after a score's name a signed number is its cut-off with or without "%": "ORR was
# 83% with PD-L1 CPS ≥1 and 71% with CPS <1", "CPS ≥ 10", "TPS ≥50%", "H-score >100".
_SCORES = frozenset(("cps", "tps", "tap", "ics", "h-score", "ihc", "score", "pd-l1"))


def _cutoff_after_measure(text: str, start: int, m: re.Match[str]) -> bool:
    """Whether number atom ``m`` is written right after a comparison sign that follows the
    name of a measurement (``_MEASUREMENTS``, then with "%" after it: "saturation <95%") or of a
    score (``_SCORES``: "CPS ≥1")."""
    a = m.start()
    if a == start or text[a - 1] not in "<>≤≥= ":
        return False
    if _CUTOFF_CHAR.search(text, max(start, a - 4), a) is None:
        return False  # (no sign right before: most atoms after a space stop here)
    w = _CUTOFF_BEFORE.search(text, max(start, a - 40), a)
    if w is None:
        return False
    name = w.group(1).lower()
    if name in _SCORES:
        return True
    return name in _MEASUREMENTS and _CUTOFF_PERCENT.match(text, m.end()) is not None


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


def _nr_short_form(text: str, start: int, pos: int) -> bool:
    """Whether the "NR"/"NE" at ``pos`` is the bracketed short form of the "not reached" / "not
    estimable" right before it (only a bracket right before it is looked at)."""
    before = text[max(start, pos - 2) : pos].rstrip()
    return before[-1:] in ("(", "[") and (
        _NR_SHORT_FORM_BEFORE.search(text, max(start, pos - 20), pos) is not None
    )


def _nr_long_form(text: str, short_end: int, pos: int) -> bool:
    """Whether the "not reached"/"not estimable" at ``pos`` opens a bracket right after the
    "NR"/"NE" value ending at ``short_end``: "NR (not reached)" is one median, written twice."""
    return (
        pos - short_end <= 3
        and text[pos : pos + 3].lower() == "not"
        and text[short_end - 2 : short_end] in ("NR", "NE", "NA")
        and OPEN_BRACKET.fullmatch(text, short_end, pos) is not None
    )
