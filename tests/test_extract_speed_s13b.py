"""Speed pass s13b: the outcome component's shortcuts give exactly what their plain versions
(kept here as references) give - arm references of a sentence read once per document, drug hits
handed from ``her2_drugs`` to ``her2_outcomes`` without rows in between, the number test of a
sentence, and the trial track's sentences that name no trial."""

from __future__ import annotations

import re
from bisect import bisect_left

import pytest
from gold_data import gold_texts

from her2mine.extract import arms, components
from her2mine.extract.components import STATE_KEY, _hits, _TrialTrack
from her2mine.extract.sentences import sentence_spans


def _records(nlp, texts: list[str]) -> list[dict]:
    out = []
    for t in texts:
        state = nlp(t).user_data[STATE_KEY]
        out.append({k: state[k] for k in ("drugs", "trials", "endpoints", "outcomes")})
    return out


# --- arm references: a comparison read later reuses the sentence's own ------------------------


def test_reused_arm_refs_are_those_a_fresh_read_gives(nlp, monkeypatch):
    real = components.arm_refs
    fresh_calls = []
    reused = []

    def latest(text, pending, drugs, registry, low=None, refs_read=None):
        # every reuse is checked against the call it stands for (all drugs of the text)
        for s, e in pending:
            seen = refs_read.get((s, e)) if refs_read is not None else None
            if seen is not None and seen[0] is registry:
                assert seen[1] == real(text, s, e, drugs, registry, low=low)
                reused.append((s, e))
        fresh_calls.append(1)
        return plain_latest(text, pending, drugs, registry, low, refs_read)

    plain_latest = components._latest_comparison
    monkeypatch.setattr(components, "_latest_comparison", latest)
    texts = gold_texts()
    with_reuse = _records(nlp, texts)
    assert fresh_calls and reused  # the gold set exercises the reuse
    monkeypatch.setattr(
        components,
        "_latest_comparison",
        lambda text, pending, drugs, registry, low=None, refs_read=None: plain_latest(
            text, pending, drugs, registry, low
        ),
    )
    assert _records(nlp, texts) == with_reuse


def test_sentence_drugs_give_the_arm_refs_of_all_drugs(nlp):
    # ``sentence_outcome_rows`` reads a sentence's drugs (bisected by start), the later reader
    # every drug of the text: ``arm_refs`` keeps the same hits of either.
    reg = arms.ArmRegistry()
    checked = 0
    for text in gold_texts():
        state = nlp(text).user_data[STATE_KEY]
        drugs = _hits(state, "drugs")
        starts = [h.start for h in drugs]
        assert starts == sorted(starts)
        for s, e in sentence_spans(text):
            d0, d1 = bisect_left(starts, s), bisect_left(starts, e)
            if d1 - d0 < 2:
                continue
            assert arms.arm_refs(text, s, e, drugs[d0:d1], reg) == arms.arm_refs(
                text, s, e, drugs, reg
            )
            checked += 1
    assert checked > 50


# --- a sentence's number test ----------------------------------------------------------------

_HAS_NUMBER = re.compile(r"\d|reached")  # the plain test


@pytest.mark.parametrize(
    "text",
    ["median OS was not reached", "Reached", "no numbers here", "reache d", "٣ months", "x1", ""],
)
def test_number_test_matches_the_plain_pattern_on_samples(text):
    for s in range(len(text) + 1):
        for e in range(s, len(text) + 1):
            fast = (
                components._DIGIT.search(text, s, e) is not None or text.find("reached", s, e) >= 0
            )
            assert fast == (_HAS_NUMBER.search(text, s, e) is not None)


def test_number_test_matches_the_plain_pattern_on_gold_sentences():
    for text in gold_texts():
        for s, e in sentence_spans(text):
            fast = (
                components._DIGIT.search(text, s, e) is not None or text.find("reached", s, e) >= 0
            )
            assert fast == (_HAS_NUMBER.search(text, s, e) is not None)


# --- the trial track's sentences without a trial -----------------------------------------------


class _PlainTrack(_TrialTrack):
    def read(self, s: int, e: int) -> set[str]:
        i, j = bisect_left(self.starts, s), bisect_left(self.starts, e)
        names = [c for _, c in self.trials[i:j]]
        if names:
            self.latest = names[-1]
            if len(set(names)) > 1:
                self.linked.update(frozenset((a, b)) for a in names for b in names if a != b)
        return set(names)


def test_trial_track_reads_as_the_plain_one(nlp):
    tracked = 0
    for text in gold_texts():
        rows = nlp(text).user_data[STATE_KEY]["trials"]
        fast, plain = _TrialTrack(rows), _PlainTrack(rows)
        for s, e in sentence_spans(text):
            assert fast.read(s, e) == plain.read(s, e)
            assert (fast.latest, fast.linked) == (plain.latest, plain.linked)
            tracked += bool(fast.trials)
    assert tracked
