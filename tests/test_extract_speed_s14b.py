"""Speed pass s14b: the faster forms give exactly what their plain versions (kept here as
references) give: the schedule removal on a lower-cased ASCII gap, the "(X)" gate before the
dosed one-letter definitions, the "omplete" gate before ``_completed_before``."""

from __future__ import annotations

import random

from gold_data import gold_texts

from her2mine.extract import regimens
from her2mine.extract.arms import prior as arms_prior
from her2mine.extract.drugs.letters import (
    _LETTER_DEFINITION,
    _dosed_letter_definition,
    letter_definitions,
)
from her2mine.extract.drugs.lexical import lexicon_hits
from her2mine.extract.lexicon import load_lexicons
from her2mine.extract.regimens import group_regimens
from her2mine.extract.sentences import sentence_spans

# Texts that hold what the gated rules read: dosed one-letter short forms, "who had completed",
# schedules in any case, and non-ASCII characters (which take the general path).
_EXTRA = [
    "Patients were randomly assigned to letrozole 2.5 mg daily alone (L) or letrozole plus "
    "lapatinib 1500 mg daily (LL). L was well tolerated.",
    "Women were randomized to trastuzumab 6 mg/kg every 3 weeks (T) or lapatinib 1250 MG ONCE "
    "DAILY (L); arm L stopped early.",
    "Patients who had completed 1 year of adjuvant trastuzumab were randomly assigned to "
    "neratinib 240 mg/d or placebo.",
    "Docetaxel 75 mg/m² Every Three Weeks For Six Cycles plus trastuzumab 8 mg/kg Loading Dose, "
    "then 6 mg/kg Q3W, AUC 6 carboplatin, D1-14 capecitabine BID, Orally, Intravenously.",
    "pertuzumab (840 mg loading dose, then 420 mg) \u212aelvin ſame dose, "
    "lapatinib 1000 mg daily (L) with İ 4 cycles of paclitaxel weekly",
]


def _texts() -> list[str]:
    return gold_texts() + _EXTRA


# --- schedule removal: case-sensitive on the lower-cased ASCII gap ----------------------------


def _windows(text: str, rng: random.Random, n: int) -> list[str]:
    out = []
    for _ in range(n):
        a = rng.randrange(len(text))
        out.append(text[a : a + rng.randrange(1, 200)])
    return out


def test_schedules_to_spaces_is_the_case_insensitive_sub():
    rng = random.Random(14)
    gaps = []
    for text in _texts():
        gaps += [text[s:e] for s, e in sentence_spans(text)]
        gaps += _windows(text, rng, 200)
    gaps += [g.upper() for g in gaps] + [g.title() for g in gaps]
    assert len(gaps) > 10000
    changed = 0
    for gap in gaps:
        want = regimens._SCHEDULE.sub(" ", gap)
        assert regimens._schedules_to_spaces(gap) == want, gap
        changed += want != gap
    assert changed > 1000  # (the phrases were there to be removed)


def _reference_without_schedules(gap: str) -> str:
    for _ in range(3):
        shorter = regimens._SCHEDULE.sub(" ", gap)
        if shorter == gap:
            break
        gap = shorter
    return gap


def test_without_schedules_matches_its_plain_form():
    rng = random.Random(15)
    for text in _texts():
        for gap in _windows(text, rng, 300):
            assert regimens.without_schedules(gap) == _reference_without_schedules(gap), gap


# --- dosed one-letter definitions: only read in a text with a "(X)" bracket -------------------


def _reference_letter_definitions(text, hits):
    """``letter_definitions`` as it was: ``_dosed_letter_definition`` asked for every drug."""
    out, at, clash = {}, set(), set()
    if "(" not in text and "[" not in text:
        return out, at
    for h in hits:
        if h.kind != "drug" or len(h.drugs) != 1:
            continue
        near = text[h.end : h.end + 4]
        if ")" not in near and "]" not in near:
            m = _dosed_letter_definition(text, h)
        else:
            m = _LETTER_DEFINITION.match(text, h.end)
        if m is None:
            continue
        letter = m.group(1)
        initial = next((c for c in h.text if c.isalpha()), "")
        if initial.upper() != letter:
            continue
        if out.get(letter, h.drugs) != h.drugs:
            clash.add(letter)
        out[letter] = list(h.drugs)
        at.add(m.start(1))
    for letter in clash:
        del out[letter]
    return out, at


def test_letter_definitions_match_the_ungated_form():
    lex = load_lexicons().drugs
    found = 0
    for text in _texts():
        # (also with the letter brackets spelt out of the gate: "(L)" → "[L)")
        for variant in (text, text.replace("(", "[")):
            hits = lexicon_hits(variant, lex)
            got = letter_definitions(variant, hits)
            assert got == _reference_letter_definitions(variant, hits)
            found += bool(got[0])
    assert found >= 2


# --- prior regimens: "who had completed" only looked for in a sentence holding "omplete" -------


def test_is_prior_with_the_completed_gate():
    lex = load_lexicons().drugs
    seen = 0
    for text in _texts():
        hits = lexicon_hits(text, lex)
        for s, e in sentence_spans(text):
            regs = group_regimens(text, [h for h in hits if s <= h.start and h.end <= e])
            completed = arms_prior._COMPLETED_GATE.may_hold(text, s, e)
            for r in regs:
                for prior_words in (False, True):
                    want = arms_prior._is_prior(text, None, s, r, prior_words)
                    assert arms_prior._is_prior(text, None, s, r, prior_words, completed) == want
                    seen += want
    assert seen >= 1
