"""Speed pass s14a: the faster regexes and scans of ``numbers`` and ``outcomes`` find exactly
what their plain versions (kept here as references) find, on every sentence of the gold texts."""

from __future__ import annotations

import re

from gold_data import gold_texts

from her2mine.extract.numbers import folding, patterns
from her2mine.extract.outcomes.landmark_runs import _TIME_LIST
from her2mine.extract.sentences import sentence_spans

# --- references: the patterns as they were before the speed pass ----------------------------

_REFERENCE_TIME_LIST = re.compile(
    r"(?<![\d.])\d{1,2}(?:[\s\-\u2010\u2011\u2013]*(?:years?|months?))?[\-\u2010\u2011\u2013]?"
    r"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)\d{1,2}"
    r"(?:[\s\-\u2010\u2011\u2013]*(?:years?|months?))?[\-\u2010\u2011\u2013]?)+"
    r"(?<=\d|-|r|s|\u2010|\u2011|\u2013)(?:[\s\-\u2010\u2011\u2013]*(?:year|month)s?\b)",
    re.I,
)
_REFERENCE_CI_KEYED = re.compile(
    r"[Cc](?<![A-Za-z][Cc])(?:I|\.I\.|rI|onfidence\s+intervals?|redible\s+intervals?)"
    r"(?:\s*[\[(]\s*Cr?I\s*[\])])?(?:\s*\d{2}(?:[.·]\d)?\s*%|"
    + patterns._LEVEL_SUBSCRIPT
    + r")?\s*(?:[,:=]|\bwas\b|\bof\b|\bfrom\b)?\s*"
    rf"[\[(]?\s*(?P<lo>{patterns._BOUND}){patterns._UNIT_TAIL}{patterns._DASH}"
    rf"(?P<hi>{patterns._BOUND}){patterns._UNIT_TAIL}",
    re.IGNORECASE,
)

# Hand-written cases the gold texts may lack: subscript levels, unusual letters, middle dots,
# Unicode hyphens in time lists, a dotless "ı" in a CI keyword.
_EXTRA = [
    "The 3-, 5- and 8-year IDFS rates were 91.0%, 87.5% and 85.0% (CI95 0.22 to 0.37).",
    "IDFS at 3\u2011year and 5\u2010year was 91·0% and 87·5% (95% CI, 0·6–0·8; P=0·01).",
    "Rates at 12, 24 and 36 months were 80%, 70% and 60%; HR 0.7 (95% Cı 0.5-0.9).",
    "Survival at 1 and 2 years: 1.5 and 2 years, 10.5 and 3 months, x12 and 3 years.",
    "The KELVIN \u212a ci 0.5-0.8, c.i. 0.4-0.9, CrI 0.1-0.3, confidence interval 1-2.",
    "Decimal commas: 13,8 months and 0,74 (IC 95 % 0,60-0,91), 3,807 patients.",
    "No decimal points here at all: 12 months, 45%, 3 of 4.",
    "Only a middle dot: 0·62 (95% CI 0·51–0·75).",
]


def _sentences() -> list[tuple[str, int, int]]:
    out = []
    for text in gold_texts() + _EXTRA:
        out += [(text, s, e) for s, e in sentence_spans(text)]
    return out


def _spans(matches) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in matches]


def test_time_list_digit_first_finds_the_same_lists():
    for text, s, e in _sentences():
        for a in range(s, e, 3):  # every third start: the lookbehind reads before the window
            assert _spans(_TIME_LIST.finditer(text, a, e)) == _spans(
                _REFERENCE_TIME_LIST.finditer(text, a, e)
            ), text[a:e]


def test_ci_keyword_with_inline_case_flag_finds_the_same_intervals():
    for text, s, e in _sentences():
        for a in range(s, e, 5):
            new = list(patterns._CI_KEYED.finditer(text, a, e))
            old = list(_REFERENCE_CI_KEYED.finditer(text, a, e))
            assert _spans(new) == _spans(old), text[a:e]
            assert [m.group("lo", "hi") for m in new] == [m.group("lo", "hi") for m in old]


def test_ci_matches_from_the_first_hint_are_those_of_the_whole_sentence():
    # (parse_values starts the keyword scan at the first _CI_HINT of an ASCII sentence)
    for text, s, e in _sentences():
        low = text[s:e].lower()
        hint = patterns._CI_HINT.search(low)
        if hint is None or len(low) != e - s or not low.isascii():
            continue
        whole = patterns.ci_matches(text, s, e)
        assert _spans(whole) == _spans(patterns.ci_matches(text, s, e, s + hint.start()))
        assert _spans(whole) == _spans(patterns.CI_RE.finditer(text, s, e))


def _reference_writes_decimal_commas(text: str) -> bool:
    return (
        folding._DECIMAL_POINT.search(text) is None
        and folding._DECIMAL_COMMA_RESULT.search(text) is not None
    )


def test_decimal_comma_detection_with_the_plain_point_first():
    texts = gold_texts() + _EXTRA
    texts += [t.replace(".", "·") for t in texts] + [t.replace(".", ",") for t in texts]
    for text in texts:
        assert folding._writes_decimal_commas(text) == _reference_writes_decimal_commas(text)
