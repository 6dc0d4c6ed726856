"""Fast paths in the regimen gap reader and the adverse-event grade reader give exactly what their
plain versions (kept here as references) give: the schedule pattern with its first-character
lookahead, the gap reader that skips bracket searches in gaps without a bracket, and grade
qualifiers found once per sentence instead of once per value."""

from __future__ import annotations

import random
import re

from gold_data import gold_texts

from her2mine.extract import regimens
from her2mine.extract.hits import Hit
from her2mine.extract.lexicon import lower_same_length
from her2mine.extract.numbers import parse_values
from her2mine.extract.outcomes.grades import _grade_code, _GradeStarts
from her2mine.extract.sentences import sentence_spans

# --- the schedule pattern: a lookahead on the first character of every phrase ---------------

_LOOKAHEAD = r"(?=[\dabcdefilnoqstw])"
REFERENCE_SCHEDULE = re.compile(
    regimens._SCHEDULE.pattern.replace(_LOOKAHEAD, "", 1), regimens._SCHEDULE.flags
)


def _gaps() -> list[str]:
    """Gap-like windows of the gold texts (1-120 characters after a space, bracket or comma)
    and random strings made of schedule words, joiners, digits and case-folding oddities."""
    rnd = random.Random(12)
    pieces = [
        *"aZ0 9.,·;-–/+()[]\n\t", "ſ", "İ", "ı", "\u212a", "٣", "q3w", "Q3W", "q12wks", "d1-21",
        "D1–14", "3·5 g", "1,250 mg", "8 mg/kg", "6 mg/kg/day", " per ", "day", "days ", "on ",
        "cycles", "Cycle", "dose", "doses", "courses", "weeks", "every", "three", "Three", "one",
        "One", "twelve", "four", "six", "eight", "nine", "ten", "twenty-one", "-day", "for",
        "For", "up to", "year", "years", "of", "in", "a", "each", "Each", "once", "twice",
        "daily", "Daily", "weekly", "at", "At", "the", "same", "loading", "orally",
        "intravenously", "subcutaneously", "continuously", "dose-dense", "bid", "BID", "tid",
        "qd", "QD", "plus", "with", "and", "then", "or", "patients", "months", "treatment",
    ]  # fmt: skip
    gaps = []
    for text in gold_texts():
        starts = [i for i, c in enumerate(text) if c in " (,"]
        gaps += [text[a : a + n] for a in starts[::2] for n in (6, 25, 60, 120)]
    gaps += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 14))) for _ in range(30000)]
    return gaps


def test_the_lookahead_lists_every_first_character_of_a_schedule_phrase():
    assert regimens._SCHEDULE.pattern.count(_LOOKAHEAD) == 1
    assert REFERENCE_SCHEDULE.pattern != regimens._SCHEDULE.pattern


def test_schedule_removal_equals_the_pattern_without_the_lookahead():
    for gap in _gaps():
        assert regimens._SCHEDULE.sub(" ", gap) == REFERENCE_SCHEDULE.sub(" ", gap), repr(gap)


# --- the gap reader --------------------------------------------------------------------------


def reference_read_gap(gap: str) -> str | None:
    """``_read_gap`` before its bracket gate, with the schedule pattern before its lookahead."""
    if len(gap) > 200 or regimens._CLOSING_BRACKET.search(gap):
        return None
    if gap[:1] in regimens._TRADEMARKS:
        gap = gap[1:]
    gap = regimens._PARENS.sub("", gap)
    for _ in range(3):
        shorter = REFERENCE_SCHEDULE.sub(" ", gap)
        if shorter == gap:
            break
        gap = shorter
    gap = regimens._SPACES.sub(" ", gap)
    stripped = gap.strip()
    if not stripped or stripped in ("-", "–"):
        return "strong" if stripped else None
    if len(gap) > 60:
        return None
    if regimens._STRONG_GAP.fullmatch(gap):
        return "strong"
    if regimens._COMMA_ONLY.fullmatch(gap):
        return "comma"
    if regimens._WEAK_GAP.fullmatch(gap):
        return "weak"
    return None


def test_read_gap_equals_the_reference():
    rnd = random.Random(13)
    extra = [
        " (8 mg/kg loading dose, then 6 mg/kg) and ", " (group A) plus ", " [arm B] with ",
        "® plus ", "™, ", " (36 patients [23·4%]) or ", " 5.4 mg/kg Q3W for 8 cycles, ",
        " (with or without pertuzumab) plus ", " (",
    ]  # fmt: skip
    gaps = _gaps() + extra + [rnd.choice(extra) + g for g in _gaps()[::7]]
    for gap in gaps:
        assert regimens._read_gap(gap) == reference_read_gap(gap), repr(gap)


def test_group_regimens_reads_gaps_as_gap_kind():
    # group_regimens looks the common gaps up itself: the same kinds as ``gap_kind``
    for gap, kind in regimens._COMMON_GAP_KINDS.items():
        assert regimens.gap_kind(gap) == kind == regimens._read_gap(gap)


def test_regimen_drugs_of_one_mention_and_of_several():
    a = Hit("drug", 0, 1, "a", "x", ["b", "a", "b"])
    b = Hit("drug", 2, 3, "c", "y", ["c", "a"])
    reg = regimens.Regimen(0, 1, [a])
    assert reg.drugs == ["a", "b"]
    reg.hits.append(b)
    assert reg.drugs == ["a", "b", "c"]


# --- grade qualifiers found once per sentence ------------------------------------------------


def _grade_cases() -> list[tuple[str, int, int, Hit, object, str]]:
    """(text, s, e, event, value, low) for every percentage of the gold sentences and of
    made-up safety lists, with every end point before it read as an adverse event."""
    texts = gold_texts() + [
        "Grade ≥3 AEs: neutropenia 20%; any-grade diarrhoea 56% vs 10%; G3/4 rash (grade 3, "
        "1.5%) 3.4%, serious AEs 12% and all grades 40%; fatigue (all grades) 64.6% vs 49.8%.",
        "Severe AEs occurred in 30%; grade 1-2 nausea in 40% and grade >=3 in 4.3%; G≥3 "
        "TRAEs 12%, ≥G3 AEs 9%, G1/2 AEs 60%, Gr 3/4 events in 7%, low-grade ILD 2%.",
    ]
    cases = []
    for text in texts:
        low = lower_same_length(text)
        for s, e in sentence_spans(text):
            values = [v for v in parse_values(text, s, e) if v.kind == "percent"]
            if not values:
                continue
            events = [Hit("endpoint", m.start(), m.end(), m.group(), "AE") for m in
                      re.finditer(r"\b[A-Za-z][\w-]{2,}", text[:e]) if m.start() >= s]  # fmt: skip
            for v in values:
                before = [ep for ep in events if ep.end <= v.start]
                cases += [(text, s, e, ep, v, low) for ep in before[-6:]]
    return cases


def test_grade_code_with_sentence_starts_equals_per_value_starts():
    cases = _grade_cases()
    assert len(cases) > 1000
    for text, s, e, ep, v, low in cases:
        grades = _GradeStarts(low, s, e)
        expected = _grade_code(text, s, ep, v, low)
        assert _grade_code(text, s, ep, v, low, grades) == expected, (text[s:e], ep, v)
        assert _grade_code(text, s, ep, v, None) == expected
