"""Speed pass 61 (the trial-name readers of rounds 58b-60c): the faster forms give exactly what
their plain versions (kept here as references) give: the word-and-protocol-number reader first
looks for the hyphen its number needs; the study-number bracket regex is literal-first; the
"trial"/"study" offsets are found once for the context readers and the rarer-shape readers."""

from __future__ import annotations

import re

from gold_data import gold_texts

from her2mine.extract.drugs import codes
from her2mine.extract.fastre import literal_starts
from her2mine.extract.hits import Hit
from her2mine.extract.trials import context as trials_context
from her2mine.extract.trials import find as trials_find
from her2mine.extract.trials import names as trials_names
from her2mine.extract.trials import rarer as trials_rarer
from her2mine.extract.trials import titles as trials_titles

# Edge cases: names with protocol numbers (two to four digits, one or two capitals, tabs,
# words cut by a hyphen or a letter before them), study numbers in brackets before "was"/"is".
_EXTRA = [
    "Kestrel B123-45 enrolled 40 women; (HARBOR A12-34; NCT01234567) and Protocol B12-34.",
    "The Heron\tAB1234-567 study, x-Heron C12-34, aHeron C12-34, Heron C1-34, Heron C12-3x.",
    "Osprey Q12345-67; Osprey QQ12-345; Osprey 12-34; OSPREY A12-34-5; Os A12-34; A12-34",
    "OSPREY (ABCD1602) was a phase 2 trial. xOSPREY (ABCD1602) was a phase 2 trial.",
    "-OSPREY (AB-1602) is an open-label study; KESTREL-2 (KB123)\tis a randomised trial.",
    "HERON (A1602) was a trial in 40 patients; HER (A1602) was a study; The (A1602) is a study",
    "the ALTTO trial; The NeoALTTO study; bathe ABC trial; the randomised KESTREL III trial",
]

_OLD_WORD_PROTOCOL = re.compile(
    r"(?<![\w-])([A-Z][A-Za-z]{2,}[ \t][A-Z]{1,2}\d{2,4}-\d{2,3})(?![\w-])"
)
_OLD_STUDY_NUMBER_BRACKET = re.compile(
    r"(?<![\w-])[A-Z][A-Z0-9-]*[A-Z]{3}[A-Z0-9-]*[ \t]+\(([A-Z]{1,6}-?\d{3,6}[A-Z]?)\)[ \t]+"
    r"(?:was|is)[ \t]+an?[ \t]+(?:(?!(?:in|of|for|from|within|under)\b)[\w-]+,?[ \t]+){0,5}?"
    r"(?:trial|study)\b"
)


def _corpus() -> list[str]:
    texts = gold_texts()
    return texts + [t + " " + x for t in texts[:5] for x in _EXTRA] + _EXTRA


def _old_word_protocol_names(text: str) -> list[Hit]:
    """``_word_protocol_names`` before the pass: the whole-text scan, ungated."""
    hits = []
    for m in _OLD_WORD_PROTOCOL.finditer(text):
        word = m.group(1).split()[0]
        if word in trials_rarer._NOT_NAME_WORDS or word in trials_context._NOT_PROGRAMME_WORDS:
            continue
        hits.append(Hit("trial", m.start(1), m.end(1), m.group(1), m.group(1), [], "rules"))
    return hits


def test_word_protocol_names_equal_the_ungated_scan():
    """The hyphen gate drops no name the whole-text scan finds."""
    found = 0
    for text in _corpus():
        assert trials_rarer._word_protocol_names(text) == _old_word_protocol_names(text)
        found += len(_old_word_protocol_names(text))
    assert found >= 10


def test_protocol_hyphen_gate_holds_wherever_the_scan_matches():
    """Every match of the name regex holds the gate's hyphen; texts without it have none."""
    gated = 0
    for text in _corpus():
        if trials_rarer._PROTOCOL_NUMBER_HYPHEN.search(text) is None:
            assert _OLD_WORD_PROTOCOL.search(text) is None
            gated += 1
        for m in _OLD_WORD_PROTOCOL.finditer(text):
            assert trials_rarer._PROTOCOL_NUMBER_HYPHEN.search(m.group(1)) is not None
    assert gated > 20  # (most gold texts hold no such number: the gate skips them)


def test_study_number_bracket_regex_equals_the_lookbehind_first_form():
    """The literal-first regex matches where the old one did, over whole texts and windows."""
    matched = 0
    for text in _corpus():
        old = [m.span(1) for m in _OLD_STUDY_NUMBER_BRACKET.finditer(text)]
        assert [m.span(1) for m in codes._STUDY_NUMBER_BRACKET.finditer(text)] == old
        matched += len(old)
        for start in range(0, len(text), 37):
            window = (max(0, start - 40), start + 120)
            assert [m.span() for m in codes._STUDY_NUMBER_BRACKET.finditer(text, *window)] == [
                m.span() for m in _OLD_STUDY_NUMBER_BRACKET.finditer(text, *window)
            ]
    assert matched >= 4


def _old_named_by_context(text: str) -> list[Hit]:
    """``_named_by_context`` before the pass: each reader finds "trial"/"study" itself."""
    hits = (
        trials_titles._title_lead(text)
        + trials_titles._title_tail(text)
        + trials_titles._title_bracket_tail(text)
    )
    hits += trials_titles._title_report_tail(text) + trials_titles._title_design_phrase(text)
    hits += trials_titles._named_after_report(text)
    for m in trials_context._context_matches(text):
        name = m.group(1)
        if trials_names._trial_number(name) or trials_names._context_name(name):
            start = trials_context._programme_word_start(text, m.start(1), name)
            name = text[start : m.end(1)]
            hits.append(Hit("trial", start, m.end(1), name, name, [], "rules"))
    hits += trials_rarer._rarer_shaped_names(text, literal_starts(text, ("trial", "study")))
    return hits + trials_context._coordinated_names(text) + trials_context._bracketed_names(text)


def test_named_by_context_equals_each_reader_finding_its_nouns():
    """One "trial"/"study" scan shared by the readers gives the same names, in order."""
    named = 0
    for text in _corpus():
        assert trials_find._named_by_context(text) == _old_named_by_context(text)
        named += len(_old_named_by_context(text))
    assert named > 20


def test_context_matches_with_found_equal_those_without():
    """``_context_matches`` given the offsets matches as it does finding them itself."""
    for text in _corpus():
        found = literal_starts(text, ("trial", "study"))
        with_found = [m.span(1) for m in trials_context._context_matches(text, found)]
        assert with_found == [m.span(1) for m in trials_context._context_matches(text)]


def test_word_protocol_name_is_still_read():
    """Negative of the gate: a word and its protocol number still name a trial; a label word
    with one ("Protocol B12-34") does not."""
    names = [h.text for h in trials_rarer._word_protocol_names(_EXTRA[0])]
    assert names == ["Kestrel B123-45", "HARBOR A12-34"]
