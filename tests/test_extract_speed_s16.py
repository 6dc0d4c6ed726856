"""Speed pass s16 (the components before the outcome reader): the faster forms give exactly
what their plain versions (kept here as references) give: hits turned into rows without a
call per hit, a short form's letters read in one pass, the mentions' sentences found by one
sweep per sentence, and the match offsets of the sentence splitter and the lexicon scans
collected by ``map`` instead of a call per match."""

from __future__ import annotations

import random

import pytest
from gold_data import gold_texts

from her2mine.extract import sentences as sentences_module
from her2mine.extract.abbreviations import _short_form_letters
from her2mine.extract.drugs.find import find_drugs
from her2mine.extract.hits import Hit, to_rows
from her2mine.extract.lexicon import load_lexicons, lower_same_length, term_spans
from her2mine.extract.pipeline import _mentions, _sentences_at
from her2mine.extract.sentences import join_soft_line_breaks, sentence_spans
from her2mine.models import Mention

# Edge cases: non-ASCII letters whose lower case is longer ("İ"), a final sigma, the Kelvin
# sign, brackets, line breaks, texts that open or close with a mention or a cut.
_EXTRA = [
    "İnterleukin (İL-6) and ΣΑΣ (ΣΑΣ) with K-ras (\u212aRAS). Trastuzumab (H).",
    "trastuzumab",
    "",
    "A.\n\nB! C? (D) e.g. this. vs. that. 6.8 mos. (95% CI 5.6-8.2). End.",
    "Pertuzumab + trastuzumab (PH) vs. placebo (PBO)+T; PFS 18.5 vs 12.4 months.\nHR 0.62.",
    "  leading space. Trailing space.  ",
]


def _texts() -> list[str]:
    return gold_texts() + _EXTRA


@pytest.fixture(scope="module")
def lex():
    return load_lexicons()


# --- rows without a call per hit -----------------------------------------------------------


def test_to_rows_equals_to_row_per_hit(lex):
    """``to_rows`` gives each hit's ``to_row()`` list, the drug list shared as before."""
    for text in _texts():
        hits = find_drugs(text, lex.drugs, sentence_spans(text))
        rows = to_rows(hits)
        assert rows == [h.to_row() for h in hits]
        assert all(type(r) is list for r in rows)
        assert all(r[5] is h.drugs for r, h in zip(rows, hits, strict=True))
    assert to_rows([]) == []


# --- a short form's letters ------------------------------------------------------------------


def _letters_plain(short_form: str) -> list[str] | None:
    """The per-character reading ``_find_abbreviation`` had."""
    letters = []
    for ch in short_form:
        current = ch.lower()
        if not current.isalnum():
            continue
        if len(current) != 1:
            return None
        letters.append(current)
    return letters


def test_short_form_letters_equal_the_per_character_reading():
    """Every bracket content of the gold texts, its words, and non-ASCII forms read alike."""
    forms = ["", "T-DXd", "N+C", "(-TDM)", "İL-6", "ΣΑΣ", "\u212aRAS", "ß-x", "Ǆ1", "3 Ⅳ", "½a"]
    for text in _texts():
        for chunk in text.split("("):
            inner = chunk.split(")")[0]
            forms.append(inner[:20])
            forms += inner.split()
    for form in forms:
        assert _short_form_letters(form) == _letters_plain(form), form


def test_short_form_letters_read_letters_and_digits_lower_cased():
    """ASCII forms keep letters and digits only; a non-ASCII letter is read per character
    ("İ" lower-cases to two characters, no alphanumeric one: skipped)."""
    assert _short_form_letters("T-DXd") == ["t", "d", "x", "d"]
    assert _short_form_letters("(P+H IV)") == ["p", "h", "i", "v"]
    assert _short_form_letters("ẞİ2") == ["ß", "2"] == _letters_plain("ẞİ2")


# --- the mentions' sentences ---------------------------------------------------------------


def _sentences_plain(text: str, sentences: list, starts: list[int]) -> list[str]:
    """The per-mention forward sweep ``_mentions`` had."""
    out = []
    i = -1
    last = len(sentences) - 1
    for start in starts:
        while i < last and sentences[i + 1][0] <= start:
            i += 1
        out.append(
            text[sentences[i][0] : sentences[i][1]] if i >= 0 and start < sentences[i][1] else ""
        )
    return out


def test_sentences_at_equals_the_per_mention_sweep():
    """Every offset of every gold text (and mentions without offsets, -1) finds the same
    sentence, or none between sentences and past the last one."""
    rng = random.Random(16)
    for text in _texts():
        spans = [list(s) for s in sentence_spans(text)]
        starts = sorted([-1, -1, *range(len(text) + 2)] + rng.sample(range(len(text) + 5), 3))
        assert _sentences_at(text, spans, tuple(starts)) == _sentences_plain(text, spans, starts)
        assert _sentences_at(text, [], tuple(starts)) == [""] * len(starts)
        few = sorted(rng.sample(range(len(text) + 1), min(5, len(text) + 1)))
        assert _sentences_at(text, spans, tuple(few)) == _sentences_plain(text, spans, few)


def test_mentions_are_built_with_their_sentences(lex):
    """``_mentions`` on real rows gives the mentions the per-mention loop built."""
    for text in _texts():
        spans = [list(s) for s in sentence_spans(text)]
        drugs = to_rows(find_drugs(text, lex.drugs, sentence_spans(text)))
        trials = [Hit("trial", -1, -1, "NCT1", "NCT1", [], "databank").to_row()]
        got = _mentions(text, spans, drugs, trials, [])
        pending = sorted(
            [(r[1], "drug", r[3], d, r[2], r[6]) for r in drugs for d in r[5]]
            + [(r[1], "trial", r[3], r[4], r[2], r[6]) for r in trials],
            key=lambda p: (p[0], p[1]),
        )
        found = _sentences_plain(text, spans, [p[0] for p in pending])
        want = [
            Mention(k, w, c, s, e, f, src)
            for (s, k, w, c, e, src), f in zip(pending, found, strict=True)
        ]
        assert got == want
    assert _mentions("x", [[0, 1]], [], [], []) == []


# --- match offsets by ``map`` ----------------------------------------------------------------


def _term_spans_plain(pattern, text: str) -> list[tuple[int, int]]:
    if pattern.groups:
        return [(m.start(1) - 1, m.end(1) - 1) for m in pattern.finditer(" " + text)]
    return [m.span() for m in pattern.finditer(text)]


def test_term_spans_equal_the_per_match_reading(lex):
    """Both term patterns (boundary-first and literal-first) find the same spans."""
    patterns = [lex.drugs.insensitive, lex.endpoints.insensitive, lex.drugs.sensitive.pattern]
    patterns += [lex.endpoints.sensitive.pattern, lex.trials.terms.pattern]
    assert any(p.groups for p in patterns) and any(not p.groups for p in patterns)
    for text in _texts():
        for p in patterns:
            for t in (text, lower_same_length(text)):
                assert term_spans(p, t) == _term_spans_plain(p, t)


def _sentence_spans_plain(text: str) -> list[tuple[int, int]]:
    """``sentence_spans`` with a call per match and per chunk (its form before s16)."""
    m_ = sentences_module
    cuts = {0, len(text)}
    cuts.update([m.end() for m in m_._NEWLINE.finditer(text)])
    for m in m_._PERIOD_END.finditer(text):
        dot, end = m.span()
        if m_._is_abbreviation(text, dot):
            continue
        if text[end : end + 1] in m_._BRACKETS and m_._unit_before(text, dot):
            continue
        cuts.add(end)
    if "!" in text or "?" in text:
        cuts.update([m.end() for m in m_._MARK_END.finditer(text)])
    cuts.update(m_._run_in_heading_cuts(text))
    headings = m_._title_heading_ends(text, cuts)  # (0.3.29: title-case run-in headings)
    cuts.update(headings.values())
    spans = []
    points = sorted(cuts)
    for a, b in zip(points, points[1:], strict=False):
        if headings.get(a) == b:
            continue
        m = m_._TRIMMED.search(text, a, b)
        if m is not None:
            spans.append(m.span())
    return spans


def test_sentence_spans_equal_the_per_chunk_reading():
    """The sentences of every gold text, of each one with line breaks doubled and of texts
    that are all whitespace, are the same."""
    texts = [*_texts(), " ", "\n\n", "\t.\n"]
    texts += [t.replace("\n", "\n\n") for t in gold_texts()[:10]]
    for text in texts:
        assert sentence_spans(text) == _sentence_spans_plain(text)


def _join_plain(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``join_soft_line_breaks`` with a call per line break found (its form before s16)."""
    ends = [m.start() for m in sentences_module._SOFT_LINE_BREAK.finditer(text)]
    if not ends:
        return spans
    out = [spans[0]]
    k = 0
    for s, e in spans[1:]:
        while k < len(ends) and ends[k] < out[-1][1]:
            k += 1
        if k < len(ends) and ends[k] < s and not text[out[-1][1] : ends[k]].strip():
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def test_soft_line_breaks_join_the_same_sentences():
    """Each gold text, and a copy wrapped inside its sentences, joins the same sentences."""
    joined_any = False
    for text in gold_texts():
        for t in (text, text.replace(", ", ",\n").replace(" to ", " to\n")):
            spans = sentence_spans(t)
            got = join_soft_line_breaks(t, spans)
            assert got == _join_plain(t, spans)
            joined_any = joined_any or len(got) < len(spans)
    assert joined_any
