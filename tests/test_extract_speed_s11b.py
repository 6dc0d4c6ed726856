"""Fast paths of speed round s11b give exactly what their plain versions (kept here as
references) give: the gap reader's space collapsing, the sentence-level prior-word gate of the
design reader, and the character facts they rest on."""

from __future__ import annotations

import random
import re
import sys

from gold_data import gold_texts

from her2mine.extract import regimens, sentences
from her2mine.extract.arms import design as arms_design
from her2mine.extract.arms import patterns as arms_patterns
from her2mine.extract.arms.prior import _prior_regimen
from her2mine.extract.regimens import _read_gap

# --- character facts -------------------------------------------------------------------------


def test_every_lowers_to_ascii_letter_character_is_listed():
    # (``sentences._is_abbreviation`` tests the character before a period against the set)
    expected = {
        chr(i) for i in range(sys.maxunicode + 1) if chr(i).lower() in sentences._LOWER_ASCII
    }
    assert expected == set(sentences._LOWERS_TO_ASCII_LETTER)


def test_a_printable_whitespace_character_is_a_plain_space():
    # (``regimens._read_gap`` skips collapsing spaces in a printable gap without "  ")
    space = re.compile(r"\s")
    for i in range(sys.maxunicode + 1):
        c = chr(i)
        if space.match(c) and c.isprintable():
            assert c == " ", hex(i)


# --- the gap reader --------------------------------------------------------------------------


def reference_read_gap(gap: str) -> str | None:
    if len(gap) > 200 or regimens._CLOSING_BRACKET.search(gap):
        return None
    if gap[:1] in regimens._TRADEMARKS:
        gap = gap[1:]
    if "(" in gap or "[" in gap:
        gap = regimens._PARENS.sub("", gap)
    aside = gap[:1] == "," and regimens._DOSE_ASIDE.match(gap) is not None
    gap = regimens.without_schedules(gap)
    if aside and regimens._DOSE_ASIDE_LEFT.match(gap):  # (round 89c: ", 2.5 mg/kg, plus ")
        rest = " " + gap[regimens._DOSE_ASIDE_LEFT.match(gap).end() :]
        gap = rest if rest.strip() else gap
    elif aside and re.fullmatch(r",\s*,\s*", gap):  # (review 89c: a bare aside is a comma)
        gap = ", "
    gap = regimens._SPACES.sub(" ", gap)
    if not gap.strip() or gap.strip() in ("-", "–"):
        return "strong" if gap.strip() else None
    if len(gap) > 60:
        return None
    if regimens._STRONG_GAP.fullmatch(gap):
        return "strong"
    if regimens._COMMA_ONLY.fullmatch(gap):
        return "comma"
    if regimens._WEAK_GAP.fullmatch(gap):
        return "weak"
    return None


_GAP_PIECES = [
    " plus ", "  plus ", " with", "\twith ", "\n", " ", "  ", "\u00a0", "\u2009", "-", "–", ",",
    " and ", " or ", " 6 mg/kg", " every 3 weeks", " daily", " (", ")", "(8 mg/kg)", "®", " then ",
    " followed by ", "x", " group ", "\u3000", "\x1c", " vs ",
]  # fmt: skip


def test_read_gap_equals_the_plain_reading():
    rnd = random.Random(11)
    gaps = [g for text in gold_texts() for g in (text[i : i + 40] for i in range(0, len(text), 7))]
    gaps += [
        "".join(rnd.choice(_GAP_PIECES) for _ in range(rnd.randint(0, 8))) for _ in range(20000)
    ]
    for gap in gaps:
        assert _read_gap(gap) == reference_read_gap(gap), repr(gap)


# --- the design reader's prior-word gate -----------------------------------------------------


def test_prior_gate_keeps_the_plain_filter_on_gold_sentences(nlp, monkeypatch):
    calls = []
    fast = arms_design._without_prior_regimens

    def recording(text, low, s, e, regs):
        calls.append((text, low, s, e, list(regs)))
        return fast(text, low, s, e, regs)

    monkeypatch.setattr(arms_design, "_without_prior_regimens", recording)
    extra = [
        "Patients previously treated with trastuzumab were randomly assigned to lapatinib plus "
        "capecitabine or capecitabine alone.",
        "Trastuzumab-refractory patients were randomized to neratinib or lapatinib.",
        "After progression on a HER2-directed ADC such as trastuzumab deruxtecan, patients were "
        "randomly assigned to tucatinib or placebo.",
    ]
    for text in [*gold_texts(), *extra]:
        nlp(text)
    assert calls
    gated = 0
    for text, low, s, e, regs in calls:
        plain = [r for r in regs if not _prior_regimen(text, low, s, r)]
        assert fast(text, low, s, e, regs) == plain
        gated += not arms_patterns._PRIOR_GATE.may_hold(low, s, e)
    assert gated  # the gate did skip the prior phrases somewhere
