"""Speed pass 51: the cost rounds 43-50 added, won back with the same outputs. The bracketed-stem
pass and the final stem pass share one ``_stem_words`` scan; a number is read as an arm's label
only where "arm"/"group"/"part" is in the 30 characters before it, and the sentence gate of that
rule is six ``in`` tests; end-point slices are judged by a set of their canonicals; the add-on
gate is two ``find`` calls; sentences of a document without an options mention skip the search
for one. Each faster form is compared here with its plain version (kept as a reference) on
every call the gold texts and the edge cases below make."""

from __future__ import annotations

import re

from gold_data import gold_texts

from her2mine.extract import components
from her2mine.extract.arms import design as arms_design
from her2mine.extract.drugs import brackets
from her2mine.extract.drugs.brackets import (
    _ADD_ON_BEFORE,
    _ADD_ON_REACH,
    _ADD_ON_WORDS,
    _add_on_backbone,
    _mention_letters,
)
from her2mine.extract.drugs.lexical import lexicon_hits
from her2mine.extract.drugs.stems import _stem_words, _with_bracketed_stems, stem_hits
from her2mine.extract.fastre import WordGate
from her2mine.extract.hits import Hit, resolve_longest_first
from her2mine.extract.lexicon import load_lexicons, lower_same_length
from her2mine.extract.numbers import atoms, patterns
from her2mine.extract.outcomes import find_endpoints
from her2mine.extract.regimens import chains_before
from her2mine.extract.sentences import sentence_spans

# Numbers after arm/group/part words in every spelling the label rule reads, and near misses:
# other cases, tabs and line breaks, listed labels, words far before the number, and the
# characters re.IGNORECASE matches to ASCII letters ("ı", "İ", "ſ", Kelvin sign).
_LABELS = [
    "The OS HR for arm 2 vs arm 1 was 0.80.", "In ARM 2, 40% responded; Group 3 had 12%.",
    "arms 2 and 3 vs arm 1 (HR 0.7)", "groups 1, 2 or 3 had 45%", "subgroups 1-4 and part 2",
    "arm\t2 vs arm\n1 was 0.5", "group 3-year DFS 88%", "arm 12 months", "group 45%",
    "the arms of the study, 2 of whom", "in the pharmacokinetic part 1 and PARTS 2 to 3",
    "a long run of words naming an arm well before the number 12", "İarm 2 ſubgroups 3 Karm 4",
    "parts 10, 11 and 12 were 0.4", "arm 100 was 3", "arm 2.5 mg", "", "arm", "no label 2 here",
]  # fmt: skip
# Texts with add-on designs and their near misses (an "alone"/"without" far before a bracket).
_ADD_ON = [
    "Patients received paclitaxel either alone (P) or with trastuzumab (PH) every week.",
    "Docetaxel (D) with or without pertuzumab (DP) was given; capecitabine alone (X), or "
    "in combination with lapatinib (XL), or with trastuzumab (XH).",
    "Trastuzumab alone was once standard. " + "x" * 190 + " paclitaxel and trastuzumab (PH).",
    "Without doubt, letrozole (L) and lapatinib (LL) were given.",
]


def _sentences() -> list[str]:
    out = []
    for text in gold_texts():
        out += [text[a:b] for a, b in sentence_spans(text)]
    return out


def _record(monkeypatch, module, name: str) -> list[tuple]:
    """Wrap ``module.name`` so that every call's arguments are recorded (the results kept)."""
    calls: list[tuple] = []
    real = getattr(module, name)

    def recording(*args):
        calls.append(args)
        return real(*args)

    monkeypatch.setattr(module, name, recording)
    return calls


# --- one _stem_words scan for both stem passes ---------------------------------------------------


def test_stem_hits_with_given_words_is_stem_hits():
    """``stem_hits(..., words=_stem_words(text, low))`` is ``stem_hits`` reading them itself, for
    no mentions taken, the lexicon's mentions, and every other one of them."""
    lex = load_lexicons().drugs
    found = 0
    for text in gold_texts() + _ADD_ON + ["tislelizumab (tisle) and zanidatamab-hrii (ZW25)"]:
        low = lower_same_length(text)
        words = _stem_words(text, low)
        taken = resolve_longest_first(lexicon_hits(text, lex, low), [])
        for t in (None, taken, taken[::2]):
            want = stem_hits(text, lex, low, t)
            assert stem_hits(text, lex, low, t, words) == want
            found += len(want)
    assert found > 0


def test_bracketed_stems_read_with_shared_words(nlp):
    """The bracketed-stem pass given the words finds what it finds reading them itself: a stem
    drug before its bracket defines the short form ("tislelizumab (tisle)")."""
    lex = load_lexicons().drugs
    text = "Patients received tislelizumab (tisle) plus trastuzumab. Tisle was well tolerated."
    low = lower_same_length(text)
    lexical = lexicon_hits(text, lex, low)
    words = _stem_words(text, low)
    plain = _with_bracketed_stems(text, lex, low, lexical)
    assert _with_bracketed_stems(text, lex, low, lexical, words) == plain
    assert any(h.canonical == "tislelizumab" for h in plain)


# --- numbers read as arm labels -------------------------------------------------------------------


def _label_number_plain(text: str, start: int, m: re.Match[str]) -> bool:
    number = m.group(0)
    if len(number) > 2 or not number.isdigit():
        return False
    a = m.start()
    if atoms._LABEL_BEFORE_END.match(text, max(start, a - 30), a) is None:
        return False
    return atoms._NOT_A_LABEL_AFTER.match(text, m.end()) is None


def test_label_number_window_gate_is_exact():
    """``_label_number`` (the regex only where the window holds "arm"/"group"/"part") answers
    as the plain regex does for every number of every gold sentence and edge case, read from
    the sentence start and from a later start."""
    labels = 0
    for s in _sentences() + _LABELS:
        for start in (0, min(len(s), 12)):
            for m in patterns._NUM_ATOM.finditer(s, start):
                want = _label_number_plain(s, start, m)
                assert atoms._label_number(s, start, m) == want
                labels += want
    assert labels >= 8


def test_label_sentence_gate_is_the_word_gate():
    """The six ``in`` tests of ``_atoms`` are ``WordGate(_LABEL_WORDS)`` on the whole
    lower-cased sentence."""
    gate = WordGate(atoms._LABEL_WORDS)
    held = 0
    for s in _sentences() + _LABELS:
        low = s.lower()
        fast = any(w in low for w in atoms._LABEL_WORDS)
        assert fast == gate.may_hold(low, 0, len(low))
        held += fast
    assert held >= 10


def test_label_gate_keeps_values():
    """Negative: a label word far before a number, or a unit after it, leaves the value."""
    s = "a long run of words naming an arm well before the number 12"
    m = list(patterns._NUM_ATOM.finditer(s))[-1]
    assert not atoms._label_number(s, 0, m)
    s = "group 45%"
    assert not atoms._label_number(s, 0, next(patterns._NUM_ATOM.finditer(s)))


# --- end-point slices judged by their canonicals --------------------------------------------------


def _describes_no_endpoint_plain(endpoints: list[Hit], e0: int, e1: int) -> bool:
    return all(endpoints[k].canonical == "_population" for k in range(e0, e1))


def _names_one_endpoint_plain(endpoints: list[Hit], e0: int, e1: int) -> bool:
    return len({h.canonical for h in endpoints[e0:e1] if h.canonical != "_population"}) == 1


def _endpoint_lists() -> list[list[Hit]]:
    lex = load_lexicons().endpoints
    pop = [Hit("endpoint", k, k + 1, "x", "_population", [], "rules") for k in range(3)]
    pfs = Hit("endpoint", 5, 8, "PFS", "PFS", [], "rules")
    return [find_endpoints(t, lex) for t in gold_texts()] + [pop, pop + [pfs], [pfs, pfs], []]


def test_endpoint_slice_tests_are_the_plain_ones():
    """``_describes_no_endpoint`` and ``_names_one_endpoint`` answer as their loops do on
    every slice (up to 6 long) of the gold texts' end-point hits and of synthetic lists."""
    seen = set()
    for eps in _endpoint_lists():
        for e0 in range(len(eps) + 1):
            for e1 in range(e0, min(len(eps), e0 + 6) + 1):
                want = _describes_no_endpoint_plain(eps, e0, e1)
                assert components._describes_no_endpoint(eps, e0, e1) == want
                one = _names_one_endpoint_plain(eps, e0, e1)
                assert components._names_one_endpoint(eps, e0, e1) == one
                seen.add((want, one))
    assert {(True, False), (False, True), (False, False)} <= seen


def test_empty_slice_describes_no_endpoint():
    """The outcome loop skips the call for a sentence without end-point hits (``e0 == e1``):
    that is the answer the call gives."""
    assert components._describes_no_endpoint([], 0, 0)
    assert not components._names_one_endpoint([], 0, 0)


# --- the add-on gate -------------------------------------------------------------------------------


def _add_on_backbone_plain(text, drug_hits, start, short, letters):
    a = max(0, start - _ADD_ON_REACH)
    if all(text.find(w, a, start) < 0 for w in _ADD_ON_WORDS):
        return []
    for end in reversed([h.end for h in drug_hits if a <= h.end <= start]):
        if _ADD_ON_BEFORE.fullmatch(text, end, start):
            backbone = chains_before(text, drug_hits, end)
            spelt = {c for c in short.lower() if c.isalpha()}
            named = {c for h in backbone for c in _mention_letters(h, letters)}
            return backbone if spelt & named else []
    return []


def test_add_on_backbone_is_the_plain_form(nlp, monkeypatch):
    """Every ``_add_on_backbone`` call the gold texts and the add-on texts make gives what the
    plain form (an ``all`` over the gate words) gives, backbones found among them."""
    real = _add_on_backbone
    calls = _record(monkeypatch, brackets, "_add_on_backbone")
    for text in gold_texts() + _ADD_ON:
        nlp(text)
    assert len(calls) >= 20
    found = 0
    for args in calls:
        want = _add_on_backbone_plain(*args)
        assert real(*args) == want
        found += bool(want)
    assert found >= 1


# --- the options search of the design reader ------------------------------------------------------

_OPTIONS = [
    "Patients were randomised to trastuzumab plus docetaxel or paclitaxel, or to trastuzumab "
    "alone. The ORR was 45% and 30%, respectively.",
    "Patients received capecitabine plus lapatinib or trastuzumab plus a taxane (docetaxel or "
    "paclitaxel). Median PFS was 8.1 and 9.2 months (HR 0.80), respectively.",
    # the values of the options' groups, which the gated step (options after values) reads
    "In this retrospective cohort, patients treated with docetaxel or paclitaxel with "
    "trastuzumab had a median PFS of 12.1 months with docetaxel and 10.2 months with paclitaxel.",
]


def _outcome_rows(extract, texts: list[str]) -> list[list[tuple]]:
    return [
        [(o.endpoint, o.measure, o.value, o.p, o.arm) for o in extract(t).outcomes] for t in texts
    ]


def test_design_reader_options_gate_skips_nothing(extract, monkeypatch):
    """The design reader's document-level options test only skips a search that would find
    nothing: forcing the search in every sentence (the plain form) gives the same outcomes and
    arms, on the gold texts and on texts with per-patient options."""
    texts = gold_texts() + _OPTIONS
    plain = _outcome_rows(extract, texts)
    assert any(r[4] for rows in plain[-3:] for r in rows)
    with monkeypatch.context() as m:
        m.setattr(arms_design, "_SOURCE", lambda h: "options")  # every document "has" options
        forced = _outcome_rows(extract, texts)
    assert forced == plain
