"""Speed pass s15: the faster forms give exactly what their plain versions (kept here as
references) give: the ratio keys found from the text-wide candidates the outcome component
already scanned for, the rows turned back into hits without a call per row, and the mention
sweep that reads the sentence count once."""

from __future__ import annotations

import random

from gold_data import gold_texts

from her2mine.extract.components import _hits
from her2mine.extract.hits import Hit
from her2mine.extract.numbers import fold_typography, parse_values, patterns, ratio_candidates
from her2mine.extract.numbers import ratios as num_ratios
from her2mine.extract.pipeline import _mentions
from her2mine.extract.sentences import sentence_spans

# Ratio keys at a sentence's edges (a literal cut by the sentence end, a key that opens the
# text), in every written form, and non-ASCII text.
_EXTRA = [
    "Hazard ratio, 0.62 (95% CI, 0.51 to 0.75). HR 0.70; OR 1.9. odds ratio 2.1 (P = .01).",
    "HR",
    "The HR was 0.8 for PFS and the aHR 0.71, OR of 1.4, Odds 3.2, hazard 0.9 OR",
    "Patients (n = 40) had OS HR 0.66; P < 0.001.Hazard ratio 0.5. dds 2 ODDS RATIO 1.1 HR=",
    "Le HR était 0,72 (IC 95 % 0,57-0,92); l'odds ratio ＜ 0.5 et ≧ 0.3 — hazard 0.7.",
    "In HER2CLIMB the median OS was 21.9 vs 17.4 months (HR, 0.66; 95% CI, 0.50-0.88).",
]


def _texts() -> list[str]:
    return gold_texts() + _EXTRA


def _windows(text: str, rng: random.Random, n: int) -> list[tuple[int, int]]:
    """Random windows of ``text``: sentence-like spans cut anywhere, keys split at both ends."""
    out = []
    for _ in range(n):
        a = rng.randrange(len(text) + 1)
        out.append((a, min(len(text), a + rng.randrange(0, 300))))
    return out


def _spans(text: str, rng: random.Random) -> list[tuple[int, int]]:
    return [*sentence_spans(text), (0, len(text)), *_windows(text, rng, 150)]


# --- ratio keys from the text-wide candidates --------------------------------------------------


def _keys_plain(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in patterns._KEY_RE.finditer(text, start, end)]


def test_ratio_keys_from_candidates_are_the_keys_found_in_the_window():
    """The keys found from ``ratio_candidates`` are every ``_KEY_RE`` match of the window,
    also where a window cuts a key or its literal."""
    rng = random.Random(15)
    found = 0
    for raw in _texts():
        text = fold_typography(raw)
        cands = ratio_candidates(text)
        for s, e in _spans(text, rng):
            want = _keys_plain(text, s, e)
            assert [m.span() for m in num_ratios._ratio_keys(text, s, e, cands)] == want
            assert [m.span() for m in num_ratios._ratio_keys(text, s, e, None)] == want
            found += len(want)
    assert found > 1000  # (the keys were there to be found)


def test_parse_values_with_key_starts_equals_without():
    """``parse_values`` reads the same values with or without the text's candidates."""
    rng = random.Random(16)
    ratios = 0
    for raw in _texts():
        text = fold_typography(raw)
        cands = ratio_candidates(text)
        for s, e in _spans(text, rng):
            want = parse_values(text, s, e)
            assert parse_values(text, s, e, cands) == want
            ratios += sum(v.kind in ("HR", "OR") for v in want)
    assert ratios > 200


def test_ratio_keys_without_candidates_in_the_window():
    """A window outside every candidate has no key (and no candidate past its end counts)."""
    text = "Median PFS was 12 months. HR 0.7"
    cands = ratio_candidates(text)
    assert num_ratios._ratio_keys(text, 0, 25, cands) == []
    assert num_ratios._ratio_keys(text, 0, 27, cands) == []  # "HR" cut after its "H"
    assert [m.group(0)[:2] for m in num_ratios._ratio_keys(text, 0, len(text), cands)] == ["HR"]


# --- rows back into hits --------------------------------------------------------------------------


def test_hits_from_rows_equal_from_row():
    """``_hits`` builds the hits ``Hit.from_row`` builds, in order, sharing nothing new."""
    rows = [
        ["drug", 0, 11, "trastuzumab", "trastuzumab", ["trastuzumab"], "rules"],
        ["regimen", 20, 24, "TCHP", "TCHP", ["carboplatin", "docetaxel"], "abbreviation"],
        ["placebo", 30, 37, "placebo", "placebo", [], "rules"],
    ]
    got = _hits({"drugs": rows}, "drugs")
    assert got == [Hit.from_row(r) for r in rows]
    assert all(type(h) is Hit for h in got)
    assert _hits({}, "drugs") == []


# --- the mention sweep ----------------------------------------------------------------------------


def _mentions_plain(text, sentences, drug_rows, trial_rows, endpoint_rows):
    """Each mention's sentence looked up on its own (the sweep's plain form)."""
    out = []
    for m in _mentions(text, [], drug_rows, trial_rows, endpoint_rows):
        inside = [(s, e) for s, e in sentences if s <= m.start < e]
        m.sentence = text[inside[0][0] : inside[0][1]] if inside else ""
        out.append(m)
    return out


def test_mentions_sweep_finds_each_mentions_sentence():
    """Mentions before, between, inside and after the sentences get the sentence they start
    in ("" outside any)."""
    text = "AB trastuzumab. CD. pertuzumab OS x. PFS tail"
    sentences = [[3, 15], [16, 19], [20, 36]]
    drugs = [
        ["drug", 0, 2, "AB", "ab", ["ab"], "rules"],
        ["drug", 3, 14, "trastuzumab", "trastuzumab", ["trastuzumab"], "rules"],
        ["drug", 20, 30, "pertuzumab", "pertuzumab", ["pertuzumab", "x"], "rules"],
    ]
    trials = [["trial", 15, 16, " ", "T", [], "rules"]]
    endpoints = [["endpoint", 31, 33, "OS", "OS", [], "rules"]]
    endpoints.append(["endpoint", 37, 40, "PFS", "PFS", [], "rules"])
    got = _mentions(text, sentences, drugs, trials, endpoints)
    want = _mentions_plain(text, sentences, drugs, trials, endpoints)
    assert got == want
    assert [m.sentence for m in got][:2] == ["", "trastuzumab."]
    assert got[-1].sentence == ""
    assert _mentions(text, [], drugs, [], []) == _mentions_plain(text, [], drugs, [], [])
