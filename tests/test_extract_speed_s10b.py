"""Fast paths in the regimen readers give exactly what their plain versions (kept here as
references) give: the schedule hint read with literals and a digit-led regex, and option runs
that only walk from two neighbouring mentions of one class."""

from __future__ import annotations

import random
import re
from collections.abc import Mapping

from gold_data import gold_texts

from her2mine.extract import options, regimens
from her2mine.extract.hits import Hit
from her2mine.extract.options import option_runs
from her2mine.extract.regimens import CHAIN_KINDS, gap_kind

# --- the schedule hint -----------------------------------------------------------------------


def test_schedule_hint_words_are_the_hint_branches_without_a_digit():
    branches = regimens._SCHEDULE_HINT.pattern.split("|")
    plain = [b for b in branches if re.fullmatch(r"[a-z]+", b)]
    assert sorted(plain) == sorted(regimens._SCHEDULE_HINT_WORDS)


def test_may_hold_schedule_equals_the_hint_regex():
    rnd = random.Random(11)
    pieces = [
        *"aZ0 9.,·;-–/+()[]\n", "q", "Q", "w", "W", "d", "D", "m", "g", "G", "mg", "MG", " mg/kg",
        "ſ", "İ", "ı", "\u212a", "٣", "q3w", "Q3W", "q12wk", "d1-21", "D1–14", "3·5 g", "1,250 mg",
        "cycle", "CYCLE", "Dose", "course", "week", "month", "year", "DAY", "daily", "same",
        "loading", "orally", "intravenously", "subcutaneously", "continuously", "each", "BID",
        "tid", "qd", "plus", "with", "and", "then", "or", "patients", "cycſe", "eacH",
    ]  # fmt: skip
    gaps = [t[a:b] for t in gold_texts() for a, b in _windows(t)]
    gaps += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12))) for _ in range(30000)]
    for gap in gaps:
        expected = regimens._SCHEDULE_HINT.search(gap) is not None
        assert regimens._may_hold_schedule(gap) is expected, repr(gap)


def _windows(text: str) -> list[tuple[int, int]]:
    """Every 1-80 character window starting at a space or bracket (gap-like text)."""
    starts = [i for i, c in enumerate(text) if c in " (,"]
    return [(a, min(len(text), a + n)) for a in starts[::3] for n in (5, 20, 80)]


# --- option runs -----------------------------------------------------------------------------


def reference_option_runs(
    text: str, hits: list[Hit], class_of: Mapping[str, str]
) -> list[tuple[int, int]]:
    runs = []
    i = 1
    while i < len(hits):
        j = _reference_run_end(text, hits, class_of, i)
        before = hits[i - 1]
        if (
            j > i
            and before.kind in CHAIN_KINDS
            and gap_kind(text[before.end : hits[i].start]) == "strong"
            and not options._joined_to_next(text, hits, j)
            and not options._names_design_arms(text, hits, i, j)
        ):
            runs.append((i, j))
            i = j + 1
            continue
        i += 1
    return runs


def _reference_run_end(text: str, hits: list[Hit], class_of: Mapping[str, str], i: int) -> int:
    cls = _single_class(hits[i], class_of)
    if cls is None:
        return i
    seen = {hits[i].drugs[0]}
    j, said_or = i, False
    while j + 1 < len(hits):
        nxt = hits[j + 1]
        a, b = hits[j].end, nxt.start
        gap = options._OPTION_GAP.fullmatch(text, a, b)
        if (
            gap is None
            and b - a <= 60
            and options._OR_OR_COMMA.search(text, a, b) is not None
            and _single_class(nxt, class_of) == cls
        ):
            gap = options._option_gap_without_schedules(text, a, b)
        if gap is None or _single_class(nxt, class_of) != cls or nxt.drugs[0] in seen:
            break
        said_or = said_or or "or" in gap.group(0).lower()
        seen.add(nxt.drugs[0])
        j += 1
        if said_or:
            last = j
    return last if said_or else i


def _single_class(hit: Hit, class_of: Mapping[str, str]) -> str | None:
    if hit.kind != "drug" or len(hit.drugs) != 1:
        return None
    return class_of.get(hit.drugs[0])


def test_option_runs_equal_the_plain_walk_on_gold_mentions(nlp, monkeypatch):
    seen: list[tuple[str, list[Hit], Mapping[str, str]]] = []

    def recording(text, hits, class_of, classes=None):
        seen.append((text, list(hits), class_of))
        return option_runs(text, hits, class_of, classes)

    monkeypatch.setattr(options, "option_runs", recording)
    for text in gold_texts():
        nlp(text)
    assert seen
    for text, hits, class_of in seen:
        assert option_runs(text, hits, class_of) == reference_option_runs(text, hits, class_of)


def test_option_runs_equal_the_plain_walk_on_made_up_lists():
    rnd = random.Random(5)
    class_of = {"docetaxel": "taxane", "paclitaxel": "taxane", "nab": "taxane", "ai": "ai"}
    class_of |= {"letrozole": "ai", "anastrozole": "ai"}
    names = [*class_of, "trastuzumab", "pertuzumab"]
    joiners = [
        " or ", ", ", ", or ", " plus ", " + ", " and ", " 1 mg or ", " daily or ", " then ", " vs ",
        " (x) or ", " with ", " or placebo ", ". Randomly assigned to ", " or observation, ",
    ]  # fmt: skip
    for _ in range(20000):
        text, hits = "Patients were randomised to ", []
        for _ in range(rnd.randint(1, 7)):
            name = rnd.choice(names)
            kind = rnd.choice(["drug", "drug", "drug", "regimen", "class", "placebo"])
            drugs = [name] if rnd.random() < 0.9 else [name, "trastuzumab"]
            hits.append(Hit(kind, len(text), len(text) + len(name), name, name, drugs))
            text += name + rnd.choice(joiners)
        assert option_runs(text, hits, class_of) == reference_option_runs(text, hits, class_of)
