"""Speed pass 88 (the rules of rounds 80-87): the faster forms give exactly what their plain
versions (kept here as references) give. The letter-dash pattern and the "in NAME-A" pattern
start with their character and look behind after it (the engine skips to candidates);
``lexicon_hits`` converts each form of the text once and hands it to its scans; the short-code
patterns run only when the text holds their noun or "mg"; the cohort scope reuses the
sentence's ``arm_refs`` read for its outcomes, and reads none for a sentence without "cohort"
while no scope is open."""

from __future__ import annotations

import re

import pytest
from extract_helpers import FULL_ROW, rows_of
from gold_data import gold_texts
from test_extract_fresh_r87a import ARM_DESIGN, MAHOGANY, MOUNTAINEER

from her2mine.extract import components
from her2mine.extract.arms import arm_refs
from her2mine.extract.arms.refs import cohort_arms, cohort_scope
from her2mine.extract.drugs import codes
from her2mine.extract.drugs.lexical import lexicon_hits
from her2mine.extract.lexicon import (
    _LETTER_DASH,
    letter_dashes_as_hyphens,
    load_lexicons,
    lower_same_length,
    term_spans,
)
from her2mine.extract.sentences import sentence_spans
from her2mine.extract.trials import rarer

_DASHES = "\u2010\u2011\u2013\u2014"
_EXTRA = [
    "\u2013a",
    "a\u2013",
    "a\u2013b",
    "a\u2013\u2013b",
    "a\u2013b\u2014c\u2011d\u2010e",
    "0\u00b742\u20131\u00b775 and hand\u2013foot, T\u2013DM1, ado\u2010trastuzumab",
    "\u00e9\u2013a, a\u20131, 1\u2013a, A\u2014Z, a \u2013 b",
    "In HERACLES-A and in NSCLC-A, in FISH-A, (in MOUNTAINEER-B), xin ABCD-E, in ABC-D",
    "Patients in HERACLES-AB or In\tHERACLES-B- or in  DESTINY-C.",
    "HLX22 is a humanized anti-HER2 monoclonal antibody. ZW25 20 mg/kg. AB12 was a bispecific",
    "ABC1 25mg; TROP2 is a target of the ADC; XY9 is an inhibitor; CD20 30 mg.",
]


def _corpus() -> list[str]:
    """Every gold text, each of its sentences, and the edge cases above."""
    out = list(_EXTRA)
    for text in gold_texts():
        out.append(text)
        out += [text[s:e] for s, e in sentence_spans(text)]
    return out


# -- the letter-dash pattern ------------------------------------------------------------------

_OLD_LETTER_DASH = re.compile(r"(?<=[A-Za-z])[\u2010\u2011\u2013\u2014](?=[A-Za-z])")


def test_letter_dash_pattern_finds_what_the_lookbehind_first_one_found():
    """The dash-first pattern matches exactly where the plain one did, on every text."""
    for text in _corpus():
        old = [m.span() for m in _OLD_LETTER_DASH.finditer(text)]
        assert [m.span() for m in _LETTER_DASH.finditer(text)] == old, text[:60]


def test_letter_dashes_still_become_hyphens_between_letters_only():
    """A dash between letters is a hyphen; one by a digit or a blank stays (a range)."""
    text = "hand\u2013foot 0.4\u20131.7 a \u2013 b T\u2013DM1"
    assert letter_dashes_as_hyphens(text) == "hand-foot 0.4\u20131.7 a \u2013 b T-DM1"


def test_text_without_dashes_is_returned_itself():
    """No dash: the very text object comes back (callers test identity)."""
    text = "trastuzumab plus pertuzumab"
    assert letter_dashes_as_hyphens(text) is text


# -- one conversion per form in lexicon_hits --------------------------------------------------


@pytest.fixture(scope="module")
def lexicons():
    return load_lexicons()


def test_scans_given_the_converted_text_find_what_they_convert_themselves(lexicons):
    """``spans``/``term_spans`` with ``hyphened`` passed equal the calls that convert."""
    lex = lexicons.drugs
    for text in _corpus():
        low = lower_same_length(text)
        hy, hy_low = letter_dashes_as_hyphens(text), letter_dashes_as_hyphens(low)
        assert lex.sensitive.spans(text, None, hy) == lex.sensitive.spans(text)
        assert term_spans(lex.insensitive, low, hy_low) == term_spans(lex.insensitive, low)


def test_drug_terms_across_letter_dashes_are_found(lexicons):
    """Names across a dash ("ado\u2013trastuzumab emtansine") are still lexicon terms."""
    text = "Patients received ado\u2013trastuzumab emtansine (T\u2013DM1) or lapatinib."
    canon = {h.canonical for h in lexicon_hits(text, lexicons.drugs)}
    assert {"trastuzumab emtansine", "lapatinib"} <= canon


# -- "in NAME-A" --------------------------------------------------------------------------------

_OLD_IN_LETTERED_NAME = re.compile(r"(?<![\w-])[Ii]n[ \t]+([A-Z]{4,}-[A-Z])(?![\w-])")


def test_in_lettered_name_pattern_matches_as_the_plain_one():
    """The letter-first pattern gives the same matches and names on every text."""
    for text in _corpus():
        old = [(m.span(), m.group(1)) for m in _OLD_IN_LETTERED_NAME.finditer(text)]
        new = [(m.span(), m.group(1)) for m in rarer._IN_LETTERED_NAME.finditer(text)]
        assert new == old, text[:60]


def test_in_lettered_name_needs_a_free_in():
    """A letter before "in" ("xin ABCD-E") makes no "in NAME-A"; "in HERACLES-A" is one."""
    names = [m.group(1) for m in rarer._IN_LETTERED_NAME.finditer(_EXTRA[7])]
    assert "HERACLES-A" in names
    assert "ABCD-E" not in names


# -- short codes ------------------------------------------------------------------------------


def _old_codes(text: str) -> set[str]:
    return {
        m.group(1)
        for pattern in (codes._SHORT_CODE_DEFINED, codes._SHORT_CODE_DOSED)
        for m in pattern.finditer(text)
        if codes._CAPITALS.match(m.group(1)).group(0) not in codes.CODE_STOP_PREFIXES
    }


def _new_codes(text: str) -> set[str]:
    return {
        m.group(1)
        for pattern in codes._short_code_patterns(text)
        for m in pattern.finditer(text)
        if codes._CAPITALS.match(m.group(1)).group(0) not in codes.CODE_STOP_PREFIXES
    }


def test_gated_short_code_patterns_find_the_same_codes():
    """Running each pattern only when its noun or "mg" is in the text loses no code."""
    for text in _corpus():
        assert _new_codes(text) == _old_codes(text), text[:60]


def test_short_codes_defined_and_dosed_are_still_found(lexicons):
    """A code defined as an antibody and one dosed in mg are drugs; "TROP2 is a target" is
    none."""
    found = {h.text for h in codes.short_code_hits(_EXTRA[9] + " " + _EXTRA[10], lexicons.drugs)}
    assert {"HLX22", "ZW25", "AB12", "ABC1", "XY9"} <= found
    assert "TROP2" not in found


def test_no_short_code_pattern_runs_without_its_word():
    """Neither noun nor "mg": no pattern is run."""
    assert codes._short_code_patterns("X1 is a protein of the cell.") == []


# -- the cohort scope -------------------------------------------------------------------------


def _old_read(self, s, e, drugs, registry, rows, read_before=None):
    """``_CohortScope.read`` as it was: ``arm_refs`` read afresh for every sentence with a
    group word or a drug."""
    low = self.low
    if components._CONCLUSIONS.match(low, s, e) or components._WHOLE_POPULATION.search(low, s, e):
        self.arm = None
    grouped = any(low.find(w, s, e) >= 0 for w in components._GROUP_WORDS)
    if not grouped and not drugs:
        if self.arm is not None and len(self.scoped) == 1:
            components._name_unnamed(rows, self.arm, s)
        return
    refs = arm_refs(self.text, s, e, drugs, registry, low=self.gate)
    self.named_arms |= cohort_arms(self.text, refs)
    scoped = cohort_scope(self.text, refs)
    if scoped is not None and len(self.named_arms) >= 2:
        self.arm, start = scoped
        self.scoped.add(self.arm)
        components._name_unnamed(rows, self.arm, start)
    elif grouped or any(r.arm != self.arm for r in refs):
        self.arm = None


_COHORT_TEXTS = [MOUNTAINEER, MAHOGANY, ARM_DESIGN]


def test_cohort_scope_reads_as_it_did_with_fresh_references(nlp, monkeypatch):
    """Every cohort text (and every gold text that writes "cohort") gets the same rows from
    the scope that reuses and skips as from the one that reads every sentence afresh."""
    texts = _COHORT_TEXTS + [t for t in gold_texts() if "cohort" in t.lower()]
    new = [rows_of(nlp, t, FULL_ROW) for t in texts]
    monkeypatch.setattr(components._CohortScope, "read", _old_read)
    old = [rows_of(nlp, t, FULL_ROW) for t in texts]
    assert new == old
