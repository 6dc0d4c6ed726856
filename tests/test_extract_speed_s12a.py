"""Speed pass s12a: the shortcuts in numbers.parse_values give exactly what the general forms
(kept here as references) give, on every sentence of the gold texts and on generated strings."""

from __future__ import annotations

import random

from gold_data import gold_texts

from her2mine.extract.numbers import atoms as num_atoms
from her2mine.extract.numbers import parse, patterns, times_rates
from her2mine.extract.sentences import sentence_spans

# Non-ASCII digits ("٣", "５" before folding, "²"), dotless/dotted i next to heterogeneity
# statistics, bound words, "not reached" forms and slashed rates, so every shortcut meets them.
TRICKY = (
    "Median OS was not reached (NR) vs NE; ORR 85.1%/78.6%; İ2 = 41%. The ı2 = 12%; I² of 78%; "
    "I-squared, 0%; I^2 = 45%; i 2 = 3%; more than 5 years; below 1%; exceeding 12.5 months; "
    "less than 1% vs fewer than 2%; LVEF less than 50%; "
    "٣٤% vs ５ months; x²=3.1; HR 0.5 (95% CI 0.4-0.6; P<0.001) 3.1% vs 2.0% (p &gt; 0.2). "
    "Not reached, NOT reached, cannot be reached, NRAS 2.1%, NEJM 0.5, AMENDMENT 4%."
)


def corpus() -> list[str]:
    return [*gold_texts(), TRICKY]


def sentences() -> list[tuple[str, int, int]]:
    return [(text, s, e) for text in corpus() for s, e in sentence_spans(text)]


def spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


# --- _NUM_ATOM_ASCII: the ASCII first character where the sentence is ASCII -----------------


def random_ascii_texts(n: int) -> list[str]:
    rng = random.Random(12)
    pieces = ["0", "1", "9", "12", ".", "·", "/", "-", "^", "a", "HR", " ", "%", "x", "_", "‐"]
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 30))) for _ in range(n)]


def test_ascii_atom_pattern_equals_the_unicode_one_on_ascii_text():
    checked = 0
    for text, s, e in sentences():
        if not text[s:e].lower().isascii():
            continue  # parse_values runs _NUM_ATOM there
        got = spans(patterns._NUM_ATOM_ASCII.finditer(text, s, e))
        assert got == spans(patterns._NUM_ATOM.finditer(text, s, e))
        checked += bool(got)
    assert checked > 50
    # ("·" is not ASCII: the generated strings that hold one test the shared rest of the pattern)
    for text in random_ascii_texts(3000):
        assert spans(patterns._NUM_ATOM_ASCII.finditer(text)) == spans(
            patterns._NUM_ATOM.finditer(text)
        )


def test_non_ascii_digits_are_atoms_only_for_the_unicode_pattern():
    text = "rate ٣٤% here"
    assert not text.lower().isascii()
    assert spans(patterns._NUM_ATOM.finditer(text)) == [(5, 7)]
    assert spans(patterns._NUM_ATOM_ASCII.finditer(text)) == []


# --- _nr_atoms: the "not reached" pattern only where one of its literals is ------------------


def test_nr_atoms_equal_the_full_scan():
    hits = 0
    for text, s, e in sentences():
        got = num_atoms._nr_atoms(text, s, e)
        assert spans(got) == spans(patterns._NR_ATOM.finditer(text, s, e))
        hits += len(got)
    assert hits > 5


# --- parse_values returns early when a sentence has no number atom and no "not reached" ------


def test_no_atom_and_no_nr_means_no_value():
    empty = 0
    for text, s, e in sentences():
        if list(patterns._NUM_ATOM.finditer(text, s, e)) or num_atoms._nr_atoms(text, s, e):
            continue
        assert parse.parse_values(text, s, e) == []
        empty += 1
    assert empty > 20


# --- _atoms skips _without_bounds when the sentence holds no bound word ----------------------


def test_without_bounds_keeps_every_atom_of_a_sentence_without_bound_words():
    skipped = 0
    for text, s, e in sentences():
        low = text[s:e].lower()
        if len(low) != e - s or any(w in low for w in num_atoms._BOUND_WORDS):
            continue
        atoms = list(patterns._NUM_ATOM.finditer(text, s, e))
        assert num_atoms._without_bounds(text, s, low, True, atoms) == atoms
        skipped += bool(atoms)
    assert skipped > 50


def test_atoms_equal_the_unconditional_filters():
    # _atoms with its gates equals every filter applied unconditionally (the old form).
    for text, s, e in sentences():
        low = text[s:e].lower()
        same = len(low) == e - s
        raw = list(patterns._NUM_ATOM.finditer(text, s, e))
        masked = [(m.start(), m.end()) for m in patterns.ci_matches(text, s, e)]
        masked += [m.span() for m in patterns.P_RE.finditer(text, s, e)]
        ref = [m for m in raw if not num_atoms._in_spans(masked, m.start())]
        if ref:
            ref = [
                m
                for m in ref
                if not num_atoms._blocked(text, s, m.start())
                or num_atoms._rate_after_grade(text, m)
            ]
            ref = num_atoms._with_slashed_rates(text, s, e, ref)
            ref = [m for m in ref if not num_atoms._bound_before(text, s, m)]
            ref = [m for m in ref if not num_atoms._label_number(text, s, m)]
        got = num_atoms._atoms(text, s, e, low, same, masked, raw)
        assert spans(got) == spans(ref)


# --- _times_and_rates skips _is_heterogeneity when the sentence holds none of its words ------


def test_heterogeneity_needs_a_gate_word_in_the_sentence():
    hits = 0
    for text, s, e in sentences():
        low = text[s:e].lower()
        if len(low) != e - s:
            continue
        words = any(w in low for w in times_rates._HETEROGENEITY_GATE.words)
        for m in patterns._NUM_ATOM.finditer(text, s, e):
            het = times_rates._is_heterogeneity(text, s, m.start(), low)
            assert words or not het
            hits += het
    assert hits >= 3
