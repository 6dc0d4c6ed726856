"""The literal-first fast paths give exactly what the plain regex scans give."""

from __future__ import annotations

import pytest
from gold_data import gold_texts

from her2mine.extract import arms, regimens
from her2mine.extract.arms import patterns as arms_patterns
from her2mine.extract.drugs.definitions import _CONSISTED, consisted_matches
from her2mine.extract.drugs.find import find_drugs
from her2mine.extract.drugs.lexical import _CLASS_RE, _CLASS_WORDS
from her2mine.extract.drugs.stems import _STEM_END, _STEM_RE, _WORD_CHARS, _stem_matches
from her2mine.extract.fastre import (
    WordGate,
    finditer_at,
    literal_safe,
    literal_starts,
    sentences_matching,
    sentences_matching_at,
)
from her2mine.extract.lexicon import lower_same_length
from her2mine.extract.numbers import patterns
from her2mine.extract.sentences import sentence_spans
from her2mine.extract.trials import context as trials_context
from her2mine.extract.trials import families as trials_families

EXTRA = (
    "PyroCap consisted of pyrotinib and capecitabine. THP   was \n defined  as docetaxel. "
    "AB-12 comprised x; XY+Z/ included y. Patients were RANDOMLY Assigned (1:1). "
    "Registered: EudraCT 2015-000000-00, EudraCT, number: 2012-004027-24, NCT01234567, "
    "ChiCTR-IPR-17012345, jRCTs031180012, UMIN000012345, ISRCTN12345678, CTR20181234. "
    "DESTINY-Breast03, HER2CLIMB-02, NSABP B-31, CALGB 40601, TRAIN-2 and PHERGain-2. "
    "The hazard ratio (HR) was 0.5 vs ORR; odds ratios were HRs. Standard chemotherapy, "
    "a taxane, anthracyclines, endocrine therapy or aromatase inhibitors."
)


def corpus() -> list[str]:
    texts = gold_texts()
    return texts + [t + " " + EXTRA for t in texts[:5]] + [EXTRA, EXTRA.upper(), EXTRA.lower()]


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (arms_patterns._RANDOMISED, arms_patterns._RANDOMISED_WORDS),
        (arms_patterns._DESIGN, arms_patterns._DESIGN_WORDS),
    ],
)
def test_sentences_matching_at_equals_the_full_scan(pattern, words):
    flagged = 0
    for text in corpus():
        sents = sentence_spans(text)
        low = lower_same_length(text)
        fast = sentences_matching_at(pattern, text, sents, literal_starts(low, words))
        assert fast == sentences_matching(pattern, text, sents)
        flagged += sum(fast)
    assert flagged > 20


def test_ratio_candidates_cover_every_hr_or_match():
    for text in corpus():
        sents = sentence_spans(text)
        fast = sentences_matching_at(patterns._KEY_RE, text, sents, patterns.ratio_candidates(text))
        assert fast == sentences_matching(patterns._KEY_RE, text, sents)


def registry_starts(text: str) -> list[int]:
    """Where a ``trials_families._REGISTRY`` match can start by its words, one ``str.find`` per word
    (``find_trials`` finds the same places in one pass)."""
    starts = literal_starts(text, trials_families._REGISTRY_WORDS)
    starts += [i + 8 for i in literal_starts(text, ("EudraCT",))]
    return sorted(starts)


def test_finditer_at_equals_finditer_for_trials_classes_and_definitions():
    found = 0
    for text in corpus():
        low = lower_same_length(text)
        pairs = [
            (trials_families._REGISTRY, text, registry_starts(text)),
            (trials_families._FAMILIES, text, literal_starts(text, trials_families._FAMILY_WORDS)),
            (_CLASS_RE, low, literal_starts(low, _CLASS_WORDS)),
        ]
        for pattern, haystack, starts in pairs:
            fast = [m.span() for m in finditer_at(pattern, haystack, starts)]
            assert fast == [m.span() for m in pattern.finditer(haystack)]
            found += len(fast)
        fast = [(m.span(), m.group(1)) for m in consisted_matches(text)]
        assert fast == [(m.span(), m.group(1)) for m in _CONSISTED.finditer(text)]
        found += len(fast)
    assert found > 50


def test_definitions_found_from_their_verb():
    spans = [m.group(1) for m in consisted_matches(EXTRA)]
    assert spans == ["PyroCap", "THP", "AB-12", "XY+Z/"]


def test_literal_prefilter_is_off_for_letters_regex_case_folding_maps_to_ascii():
    # re.IGNORECASE matches "ı"/"ſ" to "i"/"s"; str.lower() does not, so no pre-filter
    assert literal_safe("Patients were randomised")
    assert not literal_safe("Patients were aſsigned")
    assert not literal_safe("Patients were randomızed")
    assert arms_patterns._RANDOMISED.search("Patients were aſsigned") is not None


def test_may_hold():
    low = "patients were randomly assigned"
    assert WordGate(("assign",)).may_hold(low, 0, len(low))
    assert not WordGate(("assign",)).may_hold(low, 0, 20)
    assert WordGate(("anything",)).may_hold(None, 0, 0)


def test_registry_gates_do_not_change_the_arms():
    text = (
        "Title\n\nPatients were aſsigned to receive pertuzumab plus trastuzumab and "
        "docetaxel (pertuzumab group) or placebo plus trastuzumab and docetaxel (control "
        "group). Median PFS was 18.5 months in the pertuzumab group."
    )
    hits = find_drugs(text, _lex(), sentence_spans(text))
    sents = sentence_spans(text)
    fast = arms.build_registry(text, sents, hits, lower_same_length(text))
    names = sorted(a.name for a in fast.arms)
    assert names == ["docetaxel+pertuzumab+trastuzumab", "docetaxel+trastuzumab"]


def _lex():
    from her2mine.extract.lexicon import load_lexicons

    return load_lexicons().drugs


ABBREVIATION_EXTRA = (
    "Overall survival (OS) and the objective response rate (ORR) improved with T-DXd (trastuzumab "
    "deruxtecan). HER2 (human epidermal growth factor receptor 2) (HER2) was defined twice. "
    "A (b) c (xy-12) plus (( unbalanced ) and pyrotinib plus capecitabine (PyroCap)   (PC)."
)


def test_abbreviation_definitions_equal_scispacy_on_spans():
    """The array-based detector finds what scispaCy's filter_matches / find_abbreviation find
    on Span objects for the same bracketed candidates."""
    import numpy as np
    from scispacy.abbreviation import filter_matches, find_abbreviation
    from spacy.attrs import IDX

    from her2mine.extract.abbreviations import _PAREN, find_definitions
    from her2mine.extract.pipeline import build_pipeline

    nlp = build_pipeline(model="")
    checked = 0
    for text in [*corpus(), ABBREVIATION_EXTRA]:
        doc = nlp.make_doc(text)
        idx = doc.to_array([IDX]).astype(np.int64).reshape(-1)
        matches = []
        for m in _PAREN.finditer(text):
            start = int(np.searchsorted(idx, m.start() + 1))
            end = int(np.searchsorted(idx, m.end() - 1))
            if 0 < start < end <= len(doc) and end - start <= 8:
                matches.append((0, start, end))
        expected, pairs, seen_long, seen_short = [], [], set(), set()
        for long_candidate, short_candidate in filter_matches(matches, doc):
            short, long = find_abbreviation(long_candidate, short_candidate)
            if long is None or long.text in seen_long or short.text in seen_short:
                continue
            seen_long.add(long.text)
            seen_short.add(short.text)
            expected.append(
                {"short_text": short.text, "short_start": short.start, "short_end": short.end,
                 "long_text": long.text, "long_start": long.start, "long_end": long.end}
            )  # fmt: skip
            pairs.append([short.text, long.start_char, long.end_char])
        assert find_definitions(doc, text) == (expected, pairs)
        checked += len(expected)
    assert checked > 30


@pytest.mark.parametrize(
    ("pattern", "width"),
    [
        (arms_patterns._DESIGN_BEFORE, 80),
        (arms_patterns._PRIOR, 60),
        (arms_patterns._TPC_OF_REGIMEN, 30),
        (patterns._NOT_A_VALUE_BEFORE, 30),
        (patterns._NOT_A_RESULT_NR, 30),
        (patterns._RANGE_BEFORE, 4),
        (patterns._TIME_GUARD, 25),
        (regimens._COMPARE, 40),
    ],
)
def test_search_from_end_answers_whether_search_matches(pattern, width):
    from her2mine.extract.fastre import search_from_end

    fast = search_from_end(pattern)
    hits = 0
    for text, step in [*((t, 3) for t in corpus()[:8]), (EXTRA, 1), (LOW_TEXTS, 1)]:
        for end in range(0, len(text) + 1, step):
            start = max(0, end - width)
            found = pattern.search(text, start, end) is not None
            assert (fast.match(text, start, end) is not None) == found
            window = text[start:end]
            assert (fast.match(window) is not None) == (pattern.search(window) is not None)
            hits += found
    assert hits > 0


LOW_TEXTS = (
    "grade 3 or 4 diarrhoea in 12%; grade ≥3 in 5%, n = 40, difference of −4.8%, stage 2, "
    "aged 65, ihc 3, version 5, day 8, q3w; the boundary was not reached; 12 to 18 months; "
    "after 6 months, at 12 months, range 3-9 months, compared trastuzumab with, previously "
    "treated with trastuzumab, chemotherapy of the physician's choice, randomly assigned to "
    "receive either oral"
)


def test_search_from_end_on_lower_cased_number_contexts():
    from her2mine.extract.fastre import search_from_end

    pattern = patterns._NOT_A_VALUE_BEFORE_LOW
    fast = search_from_end(pattern)
    found = 0
    for text, step in [*((t, 3) for t in corpus()[:8]), (EXTRA, 1), (LOW_TEXTS, 1)]:
        low = lower_same_length(text)
        for end in range(0, len(low) + 1, step):
            start = max(0, end - 30)
            hit = pattern.search(low, start, end) is not None
            assert (fast.match(low, start, end) is not None) == hit
            found += hit
    assert found > 20


def test_stem_scan_equals_the_alternation_scan():
    def old(text, low):  # the previous scan: the stem alternation tried at every position
        last = 0
        for m in _STEM_END.finditer(low):
            ws = m.start()
            while ws > 0 and text[ws - 1] in _WORD_CHARS:
                ws -= 1
            if ws < last:
                continue
            found = _STEM_RE.match(text, ws)
            if found:
                last = found.end()
                yield found

    extra = "x-zumab-tinib, ado-vedotinib foomab vedotin; mabmab1 parib-ciclib CICLIB xciclibs."
    n = 0
    for text in [*corpus(), extra]:
        low = lower_same_length(text)
        spans = [m.span() for m in _stem_matches(text, low)]
        assert spans == [m.span() for m in old(text, low)]
        n += len(spans)
    assert n > 100


def test_trial_context_matches_equal_the_full_scans():
    the, title = trials_context._CONTEXT_PATTERNS
    named = 0
    for text in [*corpus(), "the ALTTO trial; The NeoALTTO study; bathe ABC trial; THE X study"]:
        fast = [m.span(1) for m in trials_context._context_matches(text)]
        full = [m.span(1) for p in (the, title) for m in p.finditer(text)]
        assert fast[: len(full)] == full  # then the "NAME (NCT...)" matches, unchanged
        named += len(full)
    assert named > 10
