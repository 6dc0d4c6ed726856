"""Speed pass r36: the cost of pipelines 0.3.48-0.3.62 won back. The faster forms give exactly
what their plain versions (kept here as references) give: the dosed short forms gated by one
scan, the laboratory changes tried only where their first words occur, the lexicon short forms
a bracket follows found by a slice, the capital regimen short forms picked in one
comprehension, and the word-named group descriptions matched "the" first."""

from __future__ import annotations

import re

from gold_data import gold_texts

from her2mine.extract.arms import lettered as arms_lettered
from her2mine.extract.components import _hits
from her2mine.extract.drugs.definitions import (
    _BRACKET_AFTER_SHORT,
    _CHAIN_RESIDUE,
    _SHORT_FORM_TEXT,
    _starting_before,
    long_forms_after_shorts,
)
from her2mine.extract.drugs.lexical import (
    _DOSE_AFTER_SHORT,
    _SHORT_FORM_DOSES,
    _dosed_gate,
    _dosed_spans,
    _is_concentration,
    _undefined_regimen_shorts,
    dosed_short_form_hits,
    lexicon_hits,
)
from her2mine.extract.fastre import finditer_at, literal_starts
from her2mine.extract.hits import Hit, resolve_longest_first
from her2mine.extract.lexicon import load_lexicons, lower_same_length
from her2mine.extract.outcomes.endpoints import _LAB_CHANGE, _LAB_CHANGE_FIRSTS
from her2mine.extract.regimens import CHAIN_KINDS
from her2mine.extract.sentences import sentence_spans

# Dosed short forms of every shape ("FEC100", "FOLFOX-6 85", "EC90 values"), short forms without
# a dose, and digits after their last two letters only ("X61", "EC 100").
_DOSED = [
    "FEC100 followed by docetaxel, EC90 then paclitaxel, ddAC60 or CapOx130 and XP75.",
    "FOLFOX-6100 and FOLFOX4 85; FOLFOX-485, CAPOX100, XELOX 100, SOX80, CEF120, FAC50.",
    "the EC50 of trastuzumab was 0.5 ug/mL; half-maximal effective concentration (EC50).",
    "FEC-100 and AC-60: 4 cycles; FEC, AC, EC and XP without a dose; X61 and OX1 and EC 100.",
    "",
    "AC1 AC12 AC1234 EC99. EC121 FEC49",
]
# Laboratory changes in every order, analytes inside other words ("breast", "health"), and
# levels at baseline.
_LAB = [
    "Grade 3-4 increases in alanine aminotransferase, elevations of AST and rises in bilirubin.",
    "ALT increased in 10%; raised gamma-glutamyl transferase, elevated lipase and amylase.",
    "Breast cancer health; creatinine clearance increased; increased total bilirubin levels.",
    "20% had raised ALT at baseline; baseline elevated bilirubin; liver enzymes elevated.",
    "transaminases increased, aminotransferases rise, alkaline phosphatase elevation, ggt rises",
    "increased creatinine. blood bilirubin increased. aspartate aminotransferase increases",
]
# Brackets after short forms: a drug chain, a joiner first, one at the text's edges.
_BRACKETS = [
    "THP (pirarubicin) 50 mg/m2 was given with HP (plus docetaxel) and TC(docetaxel and "
    "cyclophosphamide) or EC (epirubicin",
    "(THP) was given; docetaxel (T) and trastuzumab (H) then AC (doxorubicin, cyclophosphamide)",
]
# Group descriptions: "the" in any case, after a word or a hyphen, and names that are no group.
_GROUPS = [
    "The control group received vinorelbine, and the observation group received inetetamab.",
    "THE study group was treated with X; bathe control group received Y; the-test group given",
    "In the same group received; tHe trial group consisted of A and B; the x group comprised",
    "the combination group were given docetaxel. The  pyrotinib   group  was treated with it.",
]


def _texts() -> list[str]:
    return gold_texts() + _DOSED + _LAB + _BRACKETS + _GROUPS


def _lexicon_hits(nlp, text: str) -> list[list[Hit]]:
    """Sorted, disjoint drug hits of ``text``: the pipeline's, and the lexicon scan's alone."""
    lex = load_lexicons().drugs
    low = lower_same_length(text)
    scanned = resolve_longest_first(lexicon_hits(text, lex, low, None))
    return [_hits(nlp(text)._.her2, "drugs"), scanned]


# --- dosed short forms: one gate scan -----------------------------------------------------------


def _dosed_plain(text: str, lex) -> list[Hit]:
    hits = []
    for short in lex.dosable_shorts:
        if short not in text:
            continue
        canon = lex.exact_of[short]
        kind, found = lex.mention_of(canon)
        for a, b in _dosed_spans(text, short):
            m = _DOSE_AFTER_SHORT.match(text, b)
            if m and int(m.group(1)) in _SHORT_FORM_DOSES and not _is_concentration(text, a, m):
                hits.append(Hit(kind, a, b, short, canon, list(found), "rules"))
    return hits


def test_dosed_short_forms_behind_the_gate_are_the_plain_scans():
    """``dosed_short_form_hits`` (gated by one scan) finds what one scan per short form finds."""
    lex = load_lexicons().drugs
    found = 0
    for text in _texts():
        want = _dosed_plain(text, lex)
        assert dosed_short_form_hits(text, lex) == want
        found += len(want)
    assert found >= 10


def test_dosed_gate_finds_every_short_form_before_a_digit():
    """The gate matches wherever any dosable short form has a digit after it; negative: not in
    a text whose short forms have none."""
    lex = load_lexicons().drugs
    gate = _dosed_gate(lex.dosable_shorts)
    for short in lex.dosable_shorts:
        assert gate.search(f"x {short}1 y") is not None
    assert gate.search("HER2-positive disease: FEC, AC or EC for 12 months (4 cycles)") is None


# --- laboratory changes tried where their first words are ---------------------------------------


def test_laboratory_changes_from_first_words_are_every_match():
    """``finditer_at`` on the first words' offsets finds every ``_LAB_CHANGE`` match."""
    found = 0
    for text in _texts():
        low = lower_same_length(text)
        want = [m.span() for m in _LAB_CHANGE.finditer(low)]
        cands = literal_starts(low, _LAB_CHANGE_FIRSTS)
        got = [m.span() for m in finditer_at(_LAB_CHANGE, low, cands)]
        assert got == want
        found += len(want)
    assert found >= 15


def test_every_laboratory_change_starts_at_a_first_word():
    """Each branch of ``_LAB_CHANGE`` starts with one of ``_LAB_CHANGE_FIRSTS``: a new analyte
    or change word must be added to both."""
    for text in _LAB:
        low = lower_same_length(text)
        for m in _LAB_CHANGE.finditer(low):
            assert low.startswith(_LAB_CHANGE_FIRSTS, m.start())


# --- short forms a bracket follows ---------------------------------------------------------------


def _long_forms_plain(text: str, hits: list[Hit]) -> list[tuple[str, int, int]]:
    pairs = []
    for k, h in enumerate(hits):
        if h.kind not in ("drug", "regimen") or h.text[-1:] == ")":
            continue
        if not text.startswith("(", h.end) and not text.startswith(" (", h.end):
            continue
        m = _BRACKET_AFTER_SHORT.match(text, h.end)
        if m is None or not _SHORT_FORM_TEXT.fullmatch(h.text):
            continue
        ls, le = m.span(1)
        inner = [g for g in hits[k + 1 :] if g.start < le]
        if not inner or any(g.end > le or g.kind not in CHAIN_KINDS for g in inner):
            continue
        if text[ls : inner[0].start].strip():
            continue
        residue, at = [], ls
        for g in inner:
            residue.append(text[at : g.start])
            at = g.end
        residue.append(text[at:le])
        if _CHAIN_RESIDUE.fullmatch(" ".join(residue)):
            pairs.append((h.text, ls, le))
    return pairs


def test_long_forms_after_shorts_are_the_plain_reading(nlp):
    """``long_forms_after_shorts`` (a slice first, the bracket's mentions up to its end) gives
    what testing every hit and every later mention gives."""
    found = 0
    for text in _texts():
        for hits in _lexicon_hits(nlp, text):
            want = _long_forms_plain(text, hits)
            assert long_forms_after_shorts(text, hits) == want
            found += len(want)
    assert found >= 1


def test_starting_before_is_the_filtered_tail():
    """``_starting_before`` is the later hits that start before the end, for every cut."""
    hits = [Hit("drug", a, a + 3, "x", "x") for a in (0, 5, 9, 9, 20)]
    for k in range(len(hits) + 1):
        for end in range(-1, 26):
            want = [g for g in hits[k:] if g.start < end]
            assert _starting_before(hits, k, end) == want


# --- capital regimen short forms in one comprehension -------------------------------------------


def _undefined_plain(h: Hit, ambiguous: frozenset[str]) -> bool:
    return (
        h.source == "rules"
        and h.text.isupper()
        and (h.kind == "regimen" or (h.kind == "drug" and h.text in ambiguous))
    )


def test_undefined_regimen_shorts_are_the_per_hit_test(nlp):
    """``_undefined_regimen_shorts`` picks the hits the per-hit predicate picks."""
    ambiguous = load_lexicons().drugs.ambiguous
    made = [
        Hit(kind, 0, 2, text, "c", [], source)
        for kind in ("drug", "regimen", "placebo", "class")
        for text in ("HP", "Hp", "TCHP", "S-1", "XL", "ddAC")
        for source in ("rules", "model")
    ]
    found = 0
    for hits in [made] + [h for t in _texts() for h in _lexicon_hits(nlp, t)]:
        want = [i for i, h in enumerate(hits) if _undefined_plain(h, ambiguous)]
        assert _undefined_regimen_shorts(hits, ambiguous) == want
        found += len(want)
    assert found >= 10


# --- word-named group descriptions, "the" first -------------------------------------------------

_NAMED_GROUP_PLAIN = re.compile(
    r"\b(?i:the)\s+([A-Za-z][\w-]{2,20})\s+(?i:group)\s+(?i:consisted\s+of|comprised|"
    r"(?:was|were)\s+(?:treated\s+with|given)|received)\s+"
)


def test_named_group_pattern_matches_as_the_plain_one():
    """``_NAMED_GROUP_VERB`` ("the" found first) matches where ``\\b(?i:the)...`` does, with
    the same name, over whole texts and each sentence."""
    found = 0
    for text in _texts():
        for s, e in [(0, len(text)), *sentence_spans(text)]:
            want = [(m.span(), m.group(1)) for m in _NAMED_GROUP_PLAIN.finditer(text, s, e)]
            got = [
                (m.span(), m.group(1)) for m in arms_lettered._NAMED_GROUP_VERB.finditer(text, s, e)
            ]
            assert got == want
            found += len(want)
    assert found >= 6
