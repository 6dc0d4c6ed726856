"""Fast paths of speed round s12c give exactly what their plain versions (kept here as
references) give: the term scan without the " " + text copy, the literal-first trial-name
patterns read back from "trial"/"study", and the sentence splitter's period loop."""

from __future__ import annotations

import random
import re

from gold_data import gold_texts

from her2mine.extract import build_pipeline
from her2mine.extract.drugs.brackets import (
    _SCHEDULE_REACH,
    _SCHEDULE_SHORT,
    _chain_end,
    _mention_ends_before,
    bracket_readings,
    bracketed_shorts,
    drug_mentions,
)
from her2mine.extract.drugs.definitions import (
    class_abbreviation_hits,
    consisted_matches,
    defined_abbreviations,
)
from her2mine.extract.drugs.lexical import _without_name_tails, class_hits, lexicon_hits
from her2mine.extract.drugs.short_forms import _short_form_passes, abbreviation_hits
from her2mine.extract.fastre import literal_starts
from her2mine.extract.hits import resolve_longest_first, resolve_overlaps
from her2mine.extract.lexicon import (
    load_lexicons,
    lower_same_length,
    term_spans,
)
from her2mine.extract.options import options_as_class
from her2mine.extract.regimens import is_schedule_only
from her2mine.extract.sentences import sentence_spans
from her2mine.extract.trials import context as trials_context
from her2mine.extract.trials import names as trials_names


def _texts() -> list[str]:
    """Gold abstracts, cut at random places (so terms stand at the very start), and a few
    made-up ones."""
    rng = random.Random(12)
    out = []
    for text in gold_texts():
        out.append(text)
        out += [text[rng.randrange(len(text)) :] for _ in range(6)]
    out += [
        "",
        "trastuzumab",
        "trastuzumab pertuzumab",
        "Trastuzumab-pkrb plus docetaxel",
        "overall survival, progression-free survival and pCR",
        "-trastuzumab",
        "xtrastuzumab trastuzumabx trastuzumab.",
    ]
    return out


# --- trial names after design words / coordinated names: literal-first patterns --------------

_DESIGN = trials_names._DESIGN_ADJECTIVE
_ACRONYM = trials_names._ACRONYM
_REFERENCE_AFTER_DESIGN = re.compile(
    rf"(?<![\w])[tT]he\s+(?:{_DESIGN},?\s+){{1,4}}({_ACRONYM})\s+$", re.I
)
_REFERENCE_COORDINATED = re.compile(
    rf"(?<![\w])[tT]he\s+(?:(?:{_DESIGN}|single-arm),?\s+){{0,4}}"
    rf"((?:{_ACRONYM},\s+)*{_ACRONYM},?\s+(?:and|or)\s+{_ACRONYM})\s+$",
    re.I,
)

_MADE_UP = [
    "In the randomized, open-label PHOEBE trial and THE PHASE III HERA study, tHe pivotal "
    "NeoSphere study, the TDM4450g and BO17929 studies, the NeoSphere, TRYPHAENA and PEONY "
    "trials, xthe randomised FOO trial, the-randomised BAR trial, The multicentre ſKY study, "
    "the international KATHERINE or KRISTINE trials.",
]


def _spans(m: re.Match[str] | None):
    return None if m is None else (m.span(), m.span(1))


def test_trial_name_patterns_find_what_their_plain_forms_find():
    pairs = (
        (trials_context._NAME_AFTER_DESIGN_WORDS, _REFERENCE_AFTER_DESIGN, ("trial", "study"), 90),
        (trials_context._COORDINATED, _REFERENCE_COORDINATED, ("trials", "studies"), 150),
    )
    found = 0
    for text in [*_texts(), *_MADE_UP, *(t.upper() for t in _MADE_UP)]:
        for fast, plain, words, reach in pairs:
            for q in literal_starts(text, words):
                # every window start, so the lookbehind meets the window edge too
                for a in {max(0, q - reach), max(0, q - 25), max(0, q - 12)}:
                    m = fast.search(text, a, q)
                    assert _spans(m) == _spans(plain.search(text, a, q))
                    found += m is not None
    assert found > 15


def test_context_matches_read_the_title_pattern_only_where_it_can_match():
    # every match of the title pattern holds "):" (the gate before it)
    title = trials_context._CONTEXT_PATTERNS[1]
    for text in _texts():
        if "):" not in text:
            assert title.search(text) is None


# --- sentence_spans: the unit-before-bracket rule in the period loop ---------------------------


def test_a_unit_abbreviation_before_a_bracket_ends_no_sentence():
    text = "PFS was 6.8 mos. (95% CI 5.6-8.2). OS was 12 mo. [ref]. It was 3 wks. Then B. (X) C."
    got = [text[a:b] for a, b in sentence_spans(text)]
    assert got == [
        "PFS was 6.8 mos. (95% CI 5.6-8.2).",
        "OS was 12 mo. [ref].",
        "It was 3 wks.",
        "Then B.",
        "(X) C.",
    ]


# --- find_drugs: no second pass after a first one that found no short-form mention -----------


def _reference_passes(text, lex, lexical, pairs, consisted, bracketed, sentences):
    """The two passes of ``find_drugs`` as they were (the second one always run)."""
    abbrev = []
    before = None
    used: list = []
    for _ in range(2):
        current = resolve_overlaps(abbrev + lexical) if abbrev else list(lexical)
        mentions = drug_mentions(current)
        readings = bracket_readings(
            text, options_as_class(text, mentions, lex.drug_class), bracketed, before
        )
        before = (mentions, readings)
        defined = defined_abbreviations(
            text, current, pairs, consisted, bracketed, readings, sentences
        )
        if not defined or list(defined.items()) == used:
            break
        abbrev = abbreviation_hits(text, defined, lex, lexical)
        used = list(defined.items())
    return abbrev, used


def _pass_inputs(nlp, text: str):
    """What ``find_drugs`` hands its passes (the pipeline's sentences and definitions)."""
    doc = nlp.make_doc(text)
    for name in ("her2_sentencizer", "her2_abbreviations"):
        doc = nlp.get_pipe(name)(doc)
    state = doc.user_data[("._.", "her2", None, None)]
    sentences = [tuple(s) for s in state["sentences"]]
    pairs = [tuple(p) for p in state.get("abbreviation_pairs", [])]
    lex = load_lexicons().drugs
    low = lower_same_length(text)
    lexical = resolve_longest_first(lexicon_hits(text, lex, low), class_hits(text, low))
    if "-" in text:
        lexical = _without_name_tails(text, lexical)
    classes = class_abbreviation_hits(text, lexical, pairs)
    if classes:
        lexical = resolve_longest_first(lexical, classes)
    return lex, lexical, pairs, consisted_matches(text), bracketed_shorts(text), sentences


def test_short_form_passes_find_what_two_full_passes_find():
    nlp = build_pipeline(model="")
    skipped = ran = 0
    rng = random.Random(3)
    texts = gold_texts()
    # glued pairs of abstracts: more short forms defined in one place and used in another
    texts += [rng.choice(texts) + "\n\n" + rng.choice(texts) for _ in range(40)]
    for text in texts:
        lex, lexical, pairs, consisted, bracketed, sentences = _pass_inputs(nlp, text)
        ref_lexical = list(lexical)
        expected = _reference_passes(text, lex, ref_lexical, pairs, consisted, bracketed, sentences)
        got = _short_form_passes(text, lex, lexical, pairs, consisted, bracketed, sentences)
        assert [h.to_row() for h in got[0]] == [h.to_row() for h in expected[0]]
        assert got[1] == expected[1]
        assert [h.to_row() for h in lexical] == [h.to_row() for h in ref_lexical]
        if got[1] and not got[0]:
            skipped += 1
        ran += bool(got[0])
    assert skipped >= 5 and ran >= 10


# --- _chain_end: the last mention end within reach by bisection ------------------------------


def _reference_chain_end(text, ends, pos, short):
    if _mention_ends_before(text, ends, pos):
        return pos
    reach = max(0, pos - _SCHEDULE_REACH)
    last = max((e for e in ends if reach <= e < pos), default=None)
    if last is None or _SCHEDULE_SHORT.fullmatch(short):
        return None
    return last if is_schedule_only(text[last:pos]) else None


def test_chain_end_finds_what_the_pass_over_all_ends_finds():
    lex = load_lexicons().drugs
    rng = random.Random(5)
    read = 0
    for text in _texts():
        low = lower_same_length(text)
        hits = drug_mentions(resolve_longest_first(lexicon_hits(text, lex, low)))
        ends = {h.end for h in hits}
        ends_sorted = sorted(ends)
        positions = [start for start, _ in bracketed_shorts(text)]
        positions += [rng.randrange(len(text) + 1) for _ in range(10)] if text else [0]
        for pos in positions:
            for short in ("THP", "Q3W", "iv"):
                got = _chain_end(text, ends, ends_sorted, pos, short)
                assert got == _reference_chain_end(text, ends, pos, short)
                read += got is not None
    assert read > 50


# --- lower-case-first terms found from their prefixes; the end point look-up ----------------


def test_lower_first_terms_are_found_where_the_whole_scan_finds_them():
    terms = load_lexicons().endpoints.sensitive
    assert terms.form == "split"
    for t in terms.lower_first:
        assert any(t.startswith(p) for p in terms.lower_first_finds)
    made_up = (
        "mPFS mPFSs pCR pCRs tpCR bpCRs cORR iDFS rwPFS mDoR mDOR mOS intracranial PFS "
        "intracranial ORR mP pC xpCR pCRx mg, in mice; The pCR-rate (pCR) and mTTP/mRFS."
    )
    for text in [*_texts(), made_up, made_up.upper()]:
        assert terms.spans(text) == term_spans(terms.pattern, text)


def test_end_point_lookup_is_the_exact_then_the_lower_case_look_up():
    lex = load_lexicons().endpoints
    words = [*lex.exact_of, *lex.code_of, "PFS", "pfs", "Overall Survival", "xyz", ""]
    for w in [*words, *(w.upper() for w in words), *(w.lower() for w in words)]:
        assert lex.lookup(w) == (lex.exact_of.get(w) or lex.code_of.get(w.lower()))
