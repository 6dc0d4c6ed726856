"""``fastre.WordGate`` answers exactly "does the window hold one of the words"."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from her2mine.extract.fastre import WordGate

# A small alphabet so that words occur, overlap and get cut by the window edges often.
TEXT = st.text(alphabet="abcA(é ", max_size=40)
WORDS = st.lists(st.text(alphabet="abcA(é ", min_size=1, max_size=4), min_size=1, max_size=30)


def spec(low: str, words: list[str], start: int, end: int) -> bool:
    return any(w in low[start:end] for w in words)


@given(TEXT, WORDS, st.integers(-2, 44), st.integers(-2, 44))
def test_gate_equals_any_word_in_the_window(low, words, start, end):
    assert WordGate(words).may_hold(low, start, end) == spec(low, words, start, end)


@given(TEXT, WORDS, st.data())
def test_gate_at_the_window_edges(low, words, data):
    """Windows that start or end exactly on an occurrence of a word, or cut it by one."""
    gate = WordGate(words)
    w = data.draw(st.sampled_from(words))
    starts = [i for i in range(len(low)) if low.startswith(w, i)]
    if not starts:
        assert gate.may_hold(low, 0, len(low)) == spec(low, words, 0, len(low))
        return
    i = data.draw(st.sampled_from(starts))
    j = i + len(w)
    for a, b in ((i, j), (i + 1, j), (i, j - 1), (0, j), (i, len(low)), (0, j - 1), (i + 1, 99)):
        assert gate.may_hold(low, a, b) == spec(low, words, a, b)
    assert gate.may_hold(low, i, j)


def test_gate_says_yes_when_the_text_is_unknown():
    assert WordGate(["group"]).may_hold(None, 0, 0)
    assert WordGate(["group", "arm"]).may_hold(None, 5, 1)


def test_gate_words_are_case_sensitive_literals():
    gate = WordGate(("TPC", "a.c"))
    assert gate.may_hold("the TPC arm", 0, 11)
    assert not gate.may_hold("the tpc arm", 0, 11)
    assert not gate.may_hold("abc", 0, 3)  # "." is a plain character, not "any"
    assert gate.may_hold("xa.c", 1, 4)


def test_an_empty_word_is_refused():
    with pytest.raises(ValueError):
        WordGate(["arm", ""])
