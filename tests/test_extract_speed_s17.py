"""Speed pass s17 (the design reader and the outcome loop): the faster forms give exactly what
their plain versions (kept here as references) give: the word gates the design reader, the arm
references and the outcome reader ask about one sentence are read in one pass (``GateSet``);
the outcome loop finds each sentence's end points and drugs with ``map`` instead of four
``bisect_left`` calls per sentence; the design reader stamps the arms a sentence appended
directly without an ``id()`` call per arm when it appended none."""

from __future__ import annotations

import random
from bisect import bisect_left

import pytest
from gold_data import gold_texts

from her2mine.extract import arms as arms_module
from her2mine.extract.arms import ArmRegistry
from her2mine.extract.arms import add_on as arms_add_on
from her2mine.extract.arms import design as arms_design
from her2mine.extract.arms import given_all as arms_given_all
from her2mine.extract.arms import mentions as arms_mentions
from her2mine.extract.arms import parts as arms_parts
from her2mine.extract.arms import patterns as arms_patterns
from her2mine.extract.arms import prior as arms_prior
from her2mine.extract.arms import refs as arms_refs
from her2mine.extract.arms import twins as arms_twins
from her2mine.extract.arms.labels import _stamp_new
from her2mine.extract.arms.model import Arm
from her2mine.extract.components import sentence_slices
from her2mine.extract.fastre import GateSet, WordGate, literal_safe
from her2mine.extract.lexicon import load_lexicons, lower_same_length
from her2mine.extract.outcomes import find_endpoints
from her2mine.extract.outcomes import rows as outcome_rows
from her2mine.extract.outcomes import runs as outcome_runs
from her2mine.extract.sentences import join_soft_line_breaks, sentence_spans

# Edge cases: every gate word of the design reader, the arm references and the outcome
# reader; words cut by a window's edge; a text that is not literal-safe ("ı").
_EXTRA = [
    "Patients were randomly assigned to the A group or the B arm (cohort C), with or without "
    "X, followed by Y, then Z; docetaxel alone or both, each, either, all, every; and/or at "
    "progression, upon progression, on progression, after progression, second line.",
    "Untreated, non-treated and nontreated controls; combination or monotherapy; previously "
    "treated, refractory; respectively, from 10% to 20%; a model projected, simulated and "
    "extrapolated; assuming both, all, either and each arm.",
    "The ratıo was 0.5 wıth placebo (respectively).",
    "",
    "group",
]


def _texts() -> list[str]:
    return gold_texts() + _EXTRA


def _windows(text: str) -> list[tuple[int, int]]:
    """Every sentence of ``text``, a few random windows and windows at the text's edges."""
    rng = random.Random(len(text))
    n = len(text)
    out = list(join_soft_line_breaks(text, sentence_spans(text))) if text else []
    out += [(0, n), (0, 0), (n, n), (max(0, n - 3), n), (0, min(3, n))]
    for _ in range(20):
        a = rng.randrange(n + 1)
        out.append((a, rng.randrange(a, n + 1)))
    return out


_SETS = {
    "design": (
        arms_design._DESIGN_GATES,
        [
            arms_module.GROUP_GATE,
            arms_prior._LATER_LINE_GATE,
            arms_given_all._WITH_EVERY_ARM_GATE,
            arms_parts._AND_OR_GATE,
            arms_parts._SEQUENCE_GATE,
            arms_given_all._ALONE_GATE,
            arms_add_on._WITHOUT_GATE,
            arms_patterns._ALL_GATE,
            arms_twins._ROUTE_WORD_GATE,
        ],
    ),
    "refs": (
        arms_refs._REF_GATES,
        [
            arms_module.GROUP_GATE,
            arms_mentions._GENERIC_GATE,
            arms_patterns._PRIOR_GATE,
            arms_add_on._WITHOUT_GATE,
            arms_mentions._UNTREATED_GATE,
            arms_refs._GROUP_LABEL_GATE,
        ],
    ),
    "outcomes": (
        outcome_rows._SENTENCE_GATES,
        [
            outcome_rows._ASSUMPTION_GATE,
            outcome_rows._MODELED_GATE,
            outcome_runs._RESPECTIVELY_GATE,
            outcome_rows._FROM_TO_GATE,
            outcome_rows._EVERY_ARM_GATE,
            outcome_rows._POOLED_GATE,
        ],
    ),
}


# --- the gates of one sentence, read in one pass ---------------------------------------------


@pytest.mark.parametrize("name", sorted(_SETS))
def test_gate_set_answers_as_each_gate(name):
    """For every window of every text, each ``GateSet`` answer is its gate's ``may_hold``,
    on the lower-cased text and with no such text (None: every gate open)."""
    gate_set, gates = _SETS[name]
    for text in _texts():
        low = lower_same_length(text) if literal_safe(text) else None
        for s, e in _windows(text):
            for hay in (low, None):
                assert gate_set.read(hay, s, e) == [g.may_hold(hay, s, e) for g in gates]


def test_gate_set_reads_one_word_and_many_word_gates():
    """A one-word gate (``str.find`` in ``may_hold``) and a many-word gate (a slice) read the
    same way: a word cut by the window's edge is not held."""
    gates = GateSet(WordGate(("with",)), WordGate(("alone", "both")), WordGate(("x",)))
    low = "a with b alone"
    assert gates.read(low, 0, len(low)) == [True, True, False]
    assert gates.read(low, 3, 6) == [False, False, False]  # "wit"
    assert gates.read(low, 9, 14) == [False, True, False]
    assert gates.read(None, 0, 0) == [True, True, True]


def test_gate_set_opens_only_where_a_word_is():
    """A window without any gate word closes every gate of the design set (negative)."""
    low = "the median pfs was 18.5 months."
    assert not any(arms_design._DESIGN_GATES.read(low, 0, len(low)))


# --- each sentence's end points and drugs --------------------------------------------------


def _slices_plain(starts: list[int], sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The outcome loop's former reading: two ``bisect_left`` calls per sentence."""
    out = []
    for s, e in sentences:
        i = bisect_left(starts, s)
        out.append((i, bisect_left(starts, e, i)))
    return out


def test_sentence_slices_equal_the_per_sentence_bisection():
    """The end points and the start of every token boundary of each gold text fall in the same
    sentences as the per-sentence bisection found them."""
    lex = load_lexicons()
    for text in _texts():
        sentences = join_soft_line_breaks(text, sentence_spans(text)) if text else []
        eps = [h.start for h in find_endpoints(text, lex.endpoints)]
        words = [i for i, c in enumerate(text) if c == " "]  # (many items, sorted)
        for starts in (eps, words, [], [0], [len(text)]):
            firsts, lasts = sentence_slices(starts, sentences)
            assert list(zip(firsts, lasts, strict=True)) == _slices_plain(starts, sentences)


def test_sentence_slices_keep_items_at_sentence_edges():
    """An item at a sentence's start is its own; one at its end is the next sentence's."""
    firsts, lasts = sentence_slices([0, 5, 10, 12], [(0, 5), (5, 10), (10, 20)])
    assert (firsts, lasts) == ([0, 1, 2], [1, 2, 4])
    assert sentence_slices([], [(0, 5)]) == ([0], [0])


# --- stamping the arms a sentence appended directly ------------------------------------------


def _stamp_new_plain(reg: ArmRegistry, before: set[int]) -> set[int]:
    """The former ``_stamp_new``: an ``id()`` test per arm, every time."""
    if reg.at >= 0:
        for arm in reg.arms:
            if id(arm) not in before:
                reg.stamp(arm)
    return {id(a) for a in reg.arms}


def _registry(arms: list[Arm], at: int) -> ArmRegistry:
    reg = ArmRegistry(class_members={}, drug_class={})
    reg.arms = arms
    reg.at = at
    return reg


def test_stamp_new_equals_the_per_arm_reading():
    """Random registries and earlier id sets (none, some, all arms seen; sentence being read
    or not) give the same ids and the same stamps as the former reading."""
    rng = random.Random(17)
    for _ in range(300):
        n = rng.randrange(5)
        at = rng.choice([-1, 0, 42])
        fast = [Arm([f"d{k}"], defined_at=[7]) for k in range(n)]
        plain = [Arm([f"d{k}"], defined_at=[7]) for k in range(n)]
        seen = [k for k in range(n) if rng.random() < 0.6]
        extra = {rng.randrange(10**6)} if rng.random() < 0.3 else set()  # a removed arm's id
        got = _stamp_new(_registry(fast, at), {id(fast[k]) for k in seen} | extra)
        want = _stamp_new_plain(_registry(plain, at), {id(plain[k]) for k in seen} | extra)
        assert got == {id(a) for a in fast}
        assert want == {id(a) for a in plain}
        assert [a.defined_at for a in fast] == [a.defined_at for a in plain]


def test_stamp_new_stamps_nothing_outside_a_sentence():
    """With no design sentence being read (``at`` -1) no arm is stamped (negative)."""
    arm = Arm(["x"])
    assert _stamp_new(_registry([arm], -1), set()) == {id(arm)}
    assert arm.defined_at == []
