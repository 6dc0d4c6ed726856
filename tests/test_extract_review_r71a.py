"""Review of round 71a (definitions across the title). No over-reach found: on the four check
corpora the only pair dropped is a non-definition ("RC48-C006)\n\nBackground: ..."), and the
long forms the splitter could cut (a soft line break in a PDF copy, "i.v.", "vs.", a decimal
dose, a heading before the sentence) either stay within one sentence after the soft-break join
or were not detector pairs at all. These pin the guard's edges: a long form joined across a
soft line break is kept, a long form ending where the next raw sentence starts is kept, and a
title ending in a full stop with a subtitle still cannot lend its drugs to a body label."""

from __future__ import annotations

from extract_helpers import P_ROW, arm_of, rows_of

from her2mine.extract.drugs.definitions import pairs_within_sentences
from her2mine.extract.sentences import sentence_spans

SOFT_BREAK = (
    "A randomized trial\n\n"
    "Patients were assigned to pyrotinib plus\ncapecitabine (PC) or lapatinib plus "
    "capecitabine (LC). Median PFS was 12.5 months with PC and 6.8 months with LC."
)
BREAK_BEFORE_BRACKET = (
    "A randomized trial\n\n"
    "Patients were assigned to pyrotinib plus capecitabine\n(PC) or lapatinib plus "
    "capecitabine (LC). Median PFS was 12.5 months with PC and 6.8 months with LC."
)
TITLE_WITH_SUBTITLE = (
    "Pyrotinib versus lapatinib. A randomized trial\n\n"
    "Patients were assigned to pyrotinib plus capecitabine (pyrotinib group) or lapatinib "
    "plus capecitabine (lapatinib group). Median PFS was 12.5 months in the pyrotinib group "
    "and 6.8 months in the lapatinib group."
)


def _pair(text: str, short: str, long_form: str) -> tuple[str, int, int]:
    start = text.index(long_form)
    return (short, start, start + len(long_form))


def test_long_form_over_a_soft_line_break_is_kept() -> None:
    """'pyrotinib plus\\ncapecitabine (PC)': the raw split inside the long form is a PDF line
    break, not a sentence end, so the pair survives."""
    pair = _pair(SOFT_BREAK, "PC", "pyrotinib plus\ncapecitabine")
    assert pairs_within_sentences(SOFT_BREAK, [pair], sentence_spans(SOFT_BREAK)) == [pair]


def test_long_form_ending_where_the_next_raw_sentence_starts_is_kept() -> None:
    """A line break right before the bracket starts a raw sentence at '(PC)'; the long form
    ends there and crosses nothing."""
    text = BREAK_BEFORE_BRACKET
    pair = _pair(text, "PC", "pyrotinib plus capecitabine\n")
    assert pairs_within_sentences(text, [pair], sentence_spans(text)) == [pair]


def test_soft_break_definition_gives_its_arm(nlp) -> None:
    """The kept pair's regimen reaches the value: 12.5 months is pyrotinib plus capecitabine."""
    rows = rows_of(nlp, SOFT_BREAK, P_ROW)
    assert arm_of(rows, 12.5) == "capecitabine+pyrotinib"
    assert arm_of(rows, 6.8) == "capecitabine+lapatinib"


def test_title_with_subtitle_lends_no_drug_to_a_body_label(nlp) -> None:
    """'Pyrotinib versus lapatinib. A randomized trial': the long form of '(pyrotinib group)'
    would run from the title over two sentence ends; the label stays the body's regimen."""
    rows = rows_of(nlp, TITLE_WITH_SUBTITLE, P_ROW)
    assert arm_of(rows, 12.5) == "capecitabine+pyrotinib"
    assert arm_of(rows, 6.8) == "capecitabine+lapatinib"
