"""Shortcuts of overlap resolution, stem finding and the shared token array give exactly what
the general paths give."""

from __future__ import annotations

from bisect import bisect_left

from hypothesis import given, settings
from hypothesis import strategies as st
from test_extract_fastpaths_drugs import texts

from her2mine.extract import components
from her2mine.extract.abbreviations import TOKEN_ARRAY_ATTRS, find_definitions
from her2mine.extract.drugs.lexical import lexicon_hits
from her2mine.extract.drugs.stems import (
    _STEM_END,
    _STEM_FINDS,
    _WORD_CHARS,
    STEM_STOPLIST,
    _all_covered,
    _stem_matches,
    _stem_words,
    _stem_words_forward,
    stem_hits,
)
from her2mine.extract.fastre import literal_starts
from her2mine.extract.hits import (
    Hit,
    _resolve_in_order,
    resolve_longest_first,
    resolve_overlaps,
)
from her2mine.extract.lexicon import load_lexicons, lower_same_length, starts_finder
from her2mine.extract.pipeline import build_pipeline
from her2mine.extract.trials import context as trials_context
from her2mine.extract.trials import find_trials, start_words

# --- resolve_overlaps: nothing to drop -> one sort ------------------------------------------

_spans = st.lists(
    st.tuples(st.integers(-2, 40), st.integers(0, 8)).map(lambda p: (p[0], p[0] + p[1])),
    max_size=12,
)


def _hits(spans: list[tuple[int, int]]) -> list[Hit]:
    return [Hit("drug", a, b, str(k), str(k)) for k, (a, b) in enumerate(spans)]


@settings(max_examples=3000, deadline=None)
@given(_spans, _spans)
def test_resolve_overlaps_equals_the_insertion_loop(spans, then):
    hits = _hits(spans)
    assert resolve_overlaps(hits) == _resolve_in_order(hits)
    disjoint = _resolve_in_order(hits)  # (also: the common case, where nothing is dropped)
    assert resolve_overlaps(disjoint[::-1]) == _resolve_in_order(disjoint[::-1])
    extra = _hits(then)
    longest = sorted(hits, key=lambda h: (h.start - h.end, h.start))
    assert resolve_longest_first(hits, extra) == _resolve_in_order(longest + extra)


# --- stems: reversed scan, and no run when every stem is a taken mention's ------------------

STEM_EXTRA = [
    "x-zumab-tinib, ado-vedotinib foomab vedotin; mabmab1 parib-ciclib CICLIB xciclibs. mab",
    "Kmab abcKmab abcſmab ıabcmab İabcmab ABCMAB-abcd trastuzumab vedotin-abcd 1abcmab",
    "fam-trastuzumab deruxtecan-nxki and trastuzumab-dkst emtansine; zanidatamab zovodotin",
]


def _reference_stem_words(text: str, low: str) -> list[tuple[int, int, int]]:
    out = []
    for m in _STEM_END.finditer(low):
        ws = m.start()
        while ws > 0 and text[ws - 1] in _WORD_CHARS:
            ws -= 1
        out.append((m.start(), m.end(), ws))
    return out


def _reference_stem_hits(text, lex, low, taken):
    """``stem_hits`` without the shortcut: every match, then the overlap test."""
    starts = [h.start for h in taken]
    hits = []
    for m in _stem_matches(text, low, taken):
        start, end = m.span(1)
        i = bisect_left(starts, start)
        if (i and taken[i - 1].end > start) or (i < len(taken) and taken[i].start < end):
            continue
        written = m.group(1)
        if written.lower() in STEM_STOPLIST:
            continue
        canon = lex.canonical_of.get(written.lower()) or written.lower()
        hits.append(Hit("drug", start, end, written, canon, [canon], "stem"))
    return hits


def test_stem_words_equal_the_plain_scan():
    found = 0
    for text in [*texts(), *STEM_EXTRA]:
        low = lower_same_length(text)
        fast = _stem_words(text, low)
        assert fast == _stem_words_forward(text, low)
        # the same word ends and starts; the stem may be a shorter one the longer ends with
        assert [(q, ws) for _, q, ws in fast] == [
            (q, ws) for _, q, ws in _reference_stem_words(text, low)
        ]
        assert all(low[p:q] in _STEM_FINDS for p, q, _ in fast)
        found += len(fast)
    assert found > 300


def test_stem_hits_shortcut_changes_nothing():
    lex = load_lexicons().drugs
    shortcut = 0
    for text in [*texts(), *STEM_EXTRA, *(t.upper() for t in STEM_EXTRA)]:
        low = lower_same_length(text)
        lexical = resolve_overlaps(lexicon_hits(text, lex, low))
        everything = resolve_overlaps(lexical + stem_hits(text, lex, low))
        # (and mentions that end or start inside a stem)
        cut = [Hit(h.kind, h.start + 1, h.end - 1, h.text, h.canonical) for h in lexical]
        for taken in (lexical, everything, everything[::2], everything[1::2], cut):
            assert stem_hits(text, lex, low, taken) == _reference_stem_hits(text, lex, low, taken)
            shortcut += _all_covered(_stem_words(text, low), taken)
    assert shortcut > 20


# --- the token array her2_sentencizer leaves for her2_abbreviations --------------------------


def test_definitions_from_the_shared_array_equal_a_fresh_read():
    nlp = build_pipeline(model="")
    sentencizer = nlp.get_pipe("her2_sentencizer")
    found = 0
    for text in texts():
        doc = nlp.make_doc(text)
        fresh = find_definitions(doc, text)
        assert find_definitions(doc, text, doc.to_array(TOKEN_ARRAY_ATTRS)) == fresh
        doc = nlp.get_pipe("her2_abbreviations")(sentencizer(doc))
        assert "token_array" not in doc._.her2  # popped: docs stay small
        found += len(fresh[0])
    assert found > 20


# --- what her2_drugs leaves for the components after it ---------------------------------------


def test_shared_word_scan_finds_what_each_component_finds_alone():
    lexicons = load_lexicons()
    words = [*lexicons.drugs.sensitive.start_words, *start_words(lexicons.trials)]
    finder = starts_finder(words)
    for text in [*texts(), *STEM_EXTRA]:
        starts = [m.start() for m in finder.finditer(text)]
        assert find_trials(text, lexicons.trials, starts=starts) == find_trials(
            text, lexicons.trials
        )
        low = lower_same_length(text)
        assert lexicon_hits(text, lexicons.drugs, low, starts) == lexicon_hits(
            text, lexicons.drugs, low
        )


def test_kept_hits_equal_the_rows_and_leave_the_state():
    nlp = build_pipeline(model="")
    names = nlp.pipe_names
    checked = 0
    for text in texts():
        doc = nlp.make_doc(text)
        for _, proc in nlp.pipeline[: names.index("her2_drugs") + 1]:
            doc = proc(doc)
        state = doc._.her2
        rows = state["drugs"]
        assert components._hits(state, "drugs") == [Hit.from_row(r) for r in rows]
        assert not any(k.startswith("hits:") for k in state)  # taken off by the reader
        again = components._hits(state, "drugs")  # rebuilt from the rows
        assert again == [Hit.from_row(r) for r in rows]
        checked += len(rows)
        doc = nlp(text)
        assert set(doc._.her2) == {"sentences", "drugs", "trials", "endpoints", "outcomes"}
    assert checked > 100


# --- trials: "the NAME trial" candidates read backwards with one pattern ----------------------


def _reference_the_candidates(text: str) -> list[int]:
    """``trials_context._the_candidates`` as first written: tokens walked back character by character."""

    def space_before(pos):
        while pos > 0 and text[pos - 1].isspace():
            pos -= 1
        return pos

    def token_before(pos):
        while pos > 0 and not text[pos - 1].isspace():
            pos -= 1
        return pos

    out = []
    for q in literal_starts(text, ("trial", "study")):
        tokens, pos = [], q
        while len(tokens) < 3:
            space = space_before(pos)
            token = token_before(space)
            if space == pos or token == space:
                break
            tokens.append((token, space))
            pos = token
        for k in (0, 2):
            if len(tokens) <= k or (k == 2 and text[tokens[1][0] : tokens[1][1]] != "phase"):
                continue
            the = space_before(tokens[k][0]) - 3
            if 0 <= the < tokens[k][0] - 3 and text.startswith(("the", "The"), the):
                out.append(the)
    out.sort()
    return out


_PIECES = ["the", "The", "THE", "phase", "trial", "study", "X", "ABC-1", " ", "  ", "\n", "\t",
           "\u00a0", "\u2003", "bathe", "(", ".", "é", "phases", "trials"]  # fmt: skip


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14))
def test_the_candidates_equal_the_backward_walk(pieces):
    text = "".join(pieces)
    assert trials_context._the_candidates(text) == _reference_the_candidates(text)


def test_the_candidates_equal_the_backward_walk_on_abstracts():
    found = 0
    for text in texts():
        fast = trials_context._the_candidates(text)
        assert fast == _reference_the_candidates(text)
        found += len(fast)
    assert found > 10
