"""Fast paths of drug and trial recognition give exactly what the plain forms give."""

from __future__ import annotations

import re

import pytest
from test_extract_fastpaths import EXTRA, corpus

from her2mine.extract.drugs.brackets import _mention_ends_before, bracketed_shorts
from her2mine.extract.drugs.codes import _CODE_RE, _code_starts, code_hits
from her2mine.extract.drugs.definitions import class_abbreviation_hits, defined_abbreviations
from her2mine.extract.drugs.find import drug_names, find_drugs
from her2mine.extract.drugs.letters import letter_hits
from her2mine.extract.drugs.lexical import class_hits, lexicon_hits, regimen_shorts_in_context
from her2mine.extract.drugs.short_forms import abbreviation_hits
from her2mine.extract.drugs.stems import _ADC_PAYLOAD, _STEM_RE, _STEMS, _stem_matches, stem_hits
from her2mine.extract.fastre import finditer_at, literal_starts, whole_word_spans
from her2mine.extract.hits import resolve_overlaps
from her2mine.extract.lexicon import (
    SUPPORTIVE_CLASSES,
    compile_terms,
    load_lexicons,
    lower_same_length,
    starts_finder,
    term_spans,
    trie_pattern,
)
from her2mine.extract.regimens import chains_before
from her2mine.extract.sentences import sentence_spans
from her2mine.extract.trials import context as trials_context
from her2mine.extract.trials import families as trials_families
from her2mine.extract.trials import find as trials_find

TRICKY = (
    "T-DM1/THP (TH) xTHP THP-docetaxel, 5-FU;FEC nab-P TCHP2 PH FDC SC. trastuzumab-dkst, "
    "Trastuzumab deruxtecan-nxki; fam-trastuzumab deruxtecan; ado-trastuzumab emtansine. "
    "foomab vedotin, xmab-free; x-zumab abcmab govitecan-hziy. the ALTTO trial; The NeoALTTO "
    "study; the  KATHERINE\n phase 3\ttrial; the X phase III study; bathe ABC trial; THE X "
    "study; the the DESTINY-Breast03 trial; (HER2CLIMB) study. DS-8201a, MM-302 plus, "
    "ZW-1234 trial, AB1234 combination, XY-123456b dose, NCT01234567 drug, EudraCT2015-1. "
    "HP (HP) and DH (D+H) and pertuzumab plus trastuzumab (PH) or (P/H). Trastuzumab "
    "govitecan, pertuzumab vedotin-abcd; trastuzumab-dkst\nderuxtecan, pertuzumab-free xmab "
    "trastuzumabſ, lapatinib\u00a0vedotin, neratinib-abcd ado-trastuzumab emtansine-xyzw."
)


def texts() -> list[str]:
    return [*corpus(), TRICKY, TRICKY.upper(), TRICKY.lower()]


def _boundary_first(terms: list[str]) -> re.Pattern[str]:
    """The scan every ``compile_terms`` pattern used to be (run with ``term_spans``)."""
    return re.compile(r"[^A-Za-z0-9](" + trie_pattern(sorted(set(terms))) + r")(?![A-Za-z0-9])")


def test_literal_first_term_patterns_find_what_the_boundary_scan_finds():
    lex = load_lexicons()
    trial_terms = [n for e in lex.trials.entries for n in (e["name"], *e.get("aliases", []))]
    trial_terms += [t.upper() for t in trial_terms]
    sets = [list(lex.drugs.exact_of), trial_terms, ["T-DM1", "TH", "THP", "5-FU", "nab-P"]]
    found = 0
    for terms in sets:
        fast = compile_terms(terms, ignore_case=False)
        assert not fast.groups  # literal-first
        plain = _boundary_first(terms)
        for text in texts():
            spans = term_spans(fast, text)
            assert spans == term_spans(plain, text)
            found += len(spans)
    assert found > 100
    # lower-case starts everywhere: the boundary scan stays
    assert compile_terms(["abc", "bcd", "cde"], ignore_case=False).groups == 1
    assert compile_terms(["-x", "Ab"], ignore_case=False).groups == 1


def test_starts_finder_finds_every_occurrence():
    words = [
        *trials_families._REGISTRY_WORDS,
        *trials_families._FAMILY_WORDS,
        "A",
        "AB",
        "ABC",
        "BAB",
    ]
    finder = starts_finder(words)
    for text in [*texts(), "ABABABC BABAB NSABPNSABP EudraCTEudraCT"]:
        fast = [m.start() for m in finder.finditer(text)]
        assert fast == sorted(set(literal_starts(text, words)))


def test_trial_candidates_cover_the_full_scans():
    lex = load_lexicons().trials
    the = trials_context._CONTEXT_PATTERNS[0]
    named = 0
    for text in texts():
        starts = [m.start() for m in trials_find._word_starts(lex).finditer(text)]
        assert [m.span() for m in finditer_at(trials_families._FAMILIES, text, starts)] == [
            m.span() for m in trials_families._FAMILIES.finditer(text)
        ]
        registry = sorted(starts + [i + 8 for i in starts if text.startswith("EudraCT", i)])
        assert [m.span() for m in finditer_at(trials_families._REGISTRY, text, registry)] == [
            m.span() for m in trials_families._REGISTRY.finditer(text)
        ]
        assert lex.terms.spans(text, starts) == term_spans(_boundary_first(lex.names), text)
        fast = [m.span(1) for m in finditer_at(the, text, trials_context._the_candidates(text))]
        assert fast == [m.span(1) for m in the.finditer(text)]
        named += len(fast)
    assert named > 10


def _plain_stem_re() -> re.Pattern[str]:
    """The stem pattern as first written (backtracks through each word's letters)."""
    return re.compile(
        rf"(?<![A-Za-z0-9-])((?:fam-|ado-|vic-)?[a-z]{{3,}}(?:{_STEMS})(?:-[a-z]{{4}})?"
        rf"(?:\s+{_ADC_PAYLOAD}(?:-[a-z]{{4}})?)?)(?![A-Za-z0-9])",
        re.IGNORECASE,
    )


def test_stem_pattern_equals_the_plain_form():
    plain = _plain_stem_re()
    extra = "xx-abmab fam-abmab famtinib ado-xyzvedotin abcmab-free abcDERUXTECAN-nxki 9abcmab"
    tried = 0
    for text in [*texts(), extra]:
        for pos in range(len(text)):
            fast, slow = _STEM_RE.match(text, pos), plain.match(text, pos)
            assert (fast and fast.span(1)) == (slow and slow.span(1))
            tried += fast is not None
    assert tried > 100


def test_stem_hits_leave_out_exactly_the_stems_taken_mentions_cover():
    lex = load_lexicons().drugs
    left_out = 0
    for text in texts():
        low = lower_same_length(text)
        taken = resolve_overlaps(lexicon_hits(text, lex, low))
        every = stem_hits(text, lex, low)
        runs = [m.span() for m in _stem_matches(text, low, taken)]
        every_run = [m.span() for m in _stem_matches(text, low)]
        assert [s for s in every_run if s in runs] == runs  # fewer matches, the same ones
        for start, end in set(every_run) - set(runs):
            assert any(t.overlaps(start, end) for t in taken)
        free = stem_hits(text, lex, low, taken)
        assert [h for h in every if h in free] == free
        assert resolve_overlaps(taken + free) == resolve_overlaps(taken + every)
        left_out += len(every) - len(free)
    assert left_out > 20


def test_code_starts_cover_every_code_match():
    found = 0
    for text in [*texts(), "x ÄB-1234 ·AB123 -AB1234 aAB1234 ABCDEF123 AB-12 AB--123 Ä1234"]:
        fast = [m.span() for m in finditer_at(_CODE_RE, text, _code_starts(text))]
        assert fast == [m.span() for m in _CODE_RE.finditer(text)]
        found += len(fast)
    assert found > 10


@pytest.mark.parametrize("word", ["HP", "T-DM1", "PH", "a+b", "X", "HER2"])
def test_whole_word_spans_equal_the_regex(word):
    pattern = r"(?<![A-Za-z0-9-])" + re.escape(word) + r"(?![A-Za-z0-9])"
    for text in [*texts(), "HPHP HP-HP -HP HP- HPx (HP) a+ba+b a+b X-X XX"]:
        expected = [m.span() for m in re.finditer(pattern, text)]
        assert whole_word_spans(text, word) == expected


def test_chains_before_is_empty_where_no_mention_ends_before_the_bracket():
    lex = load_lexicons().drugs
    checked = 0
    for text in texts():
        hits = find_drugs(text, lex, sentence_spans(text))
        ends = {h.end for h in hits}
        for start, _ in bracketed_shorts(text):
            if not _mention_ends_before(text, ends, start):
                assert chains_before(text, hits, start) == []
                checked += 1
    assert checked > 20


def test_mention_of_matches_the_lexicon_reading():
    lex = load_lexicons().drugs
    for canon in [*lex.kind, "not-in-the-lexicon"]:
        kind = lex.kind.get(canon, "drug")
        if lex.drug_class.get(canon) in SUPPORTIVE_CLASSES:
            kind = "supportive"
        drug_list = [] if kind == "placebo" else lex.expand(canon)
        assert lex.mention_of(canon) == (kind, drug_list)


def test_extra_text_still_reads_the_same_drugs():
    hits = find_drugs(EXTRA, load_lexicons().drugs, sentence_spans(EXTRA))
    assert {"pyrotinib", "capecitabine", "docetaxel"} <= set(drug_names(hits))


def _reference_find_drugs(text, lex, sentences, pairs):
    """``find_drugs`` as first written: every pass reads every bracket, every stem is a hit
    that ``resolve_overlaps`` then drops."""
    low = lower_same_length(text)
    key = lambda h: (h.start - h.end, h.start)  # noqa: E731
    lexical = sorted(lexicon_hits(text, lex, low), key=key)
    lexical = resolve_overlaps(lexical + class_hits(text, low))
    # regimen short forms only where written as treatments, added in round 30
    lexical = regimen_shorts_in_context(text, lexical, sentences, lex.ambiguous)
    # class short forms ("aromatase inhibitor (AI)"), added after the first version
    classes = class_abbreviation_hits(text, lexical, pairs)
    lexical = resolve_overlaps(sorted(lexical, key=key) + classes)
    abbrev = []
    for _ in range(2):
        current = resolve_overlaps(abbrev + lexical)
        defined = defined_abbreviations(text, current, pairs)
        if not defined:
            break
        abbrev = abbreviation_hits(text, defined, lex, lexical)
    # one-letter short forms ("lapatinib (L)"), added later
    abbrev += letter_hits(text, lexical)
    stems = stem_hits(text, lex, low)
    codes = code_hits(text, lex, sentences)
    return resolve_overlaps(abbrev + lexical + stems + codes)


def test_find_drugs_equals_the_plain_passes():
    from her2mine.extract.components import STATE_KEY
    from her2mine.extract.pipeline import build_pipeline

    nlp = build_pipeline(model="")
    before = [proc for name, proc in nlp.pipeline[: nlp.pipe_names.index("her2_drugs")]]
    lex = load_lexicons().drugs
    second_pass = 0
    for text in texts():
        doc = nlp.make_doc(text)
        for proc in before:
            doc = proc(doc)
        state = doc.user_data[STATE_KEY]
        pairs = [tuple(p) for p in state.get("abbreviation_pairs", [])]
        sentences = [tuple(s) for s in state["sentences"]]
        fast = find_drugs(text, lex, sentences, pairs)
        assert fast == _reference_find_drugs(text, lex, sentences, pairs)
        second_pass += any(h.source == "abbreviation" for h in fast)
    assert second_pass > 5
