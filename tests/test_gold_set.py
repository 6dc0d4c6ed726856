"""Validate every file of the extraction gold set against the shared output contract.

The gold set is hand-written; these checks catch annotation slips (wrong offsets, unsorted
lists, an arm drug missing from ``drugs``...) before they silently distort the scores.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

GOLD = Path(__file__).parent / "data" / "gold"
# the blind set: written without running the pipeline, scored as unseen abstracts
BLIND = Path(__file__).parent / "data" / "gold_blind"
BLIND2 = Path(__file__).parent / "data" / "gold_blind2"
BLIND3 = Path(__file__).parent / "data" / "gold_blind3"
BLIND4 = Path(__file__).parent / "data" / "gold_blind4"
BLIND5 = Path(__file__).parent / "data" / "gold_blind5"
BLIND6 = Path(__file__).parent / "data" / "gold_blind6"
BLIND7 = Path(__file__).parent / "data" / "gold_blind7"
BLIND8 = Path(__file__).parent / "data" / "gold_blind8"
BLIND9 = Path(__file__).parent / "data" / "gold_blind9"
BLIND10 = Path(__file__).parent / "data" / "gold_blind10"
BLIND11 = Path(__file__).parent / "data" / "gold_blind11"
BLIND12 = Path(__file__).parent / "data" / "gold_blind12"
BLIND13 = Path(__file__).parent / "data" / "gold_blind13"
BLIND14 = Path(__file__).parent / "data" / "gold_blind14"
BLIND15 = Path(__file__).parent / "data" / "gold_blind15"
BLIND16 = Path(__file__).parent / "data" / "gold_blind16"
BLIND17 = Path(__file__).parent / "data" / "gold_blind17"
BLIND18 = Path(__file__).parent / "data" / "gold_blind18"
BLIND19 = Path(__file__).parent / "data" / "gold_blind19"
TXT = sorted(GOLD.glob("*.txt"))
ALL_TXT = (
    TXT
    + sorted(BLIND.glob("*.txt"))
    + sorted(BLIND2.glob("*.txt"))
    + sorted(BLIND3.glob("*.txt"))
    + sorted(BLIND4.glob("*.txt"))
    + sorted(BLIND5.glob("*.txt"))
    + sorted(BLIND6.glob("*.txt"))
    + sorted(BLIND7.glob("*.txt"))
    + sorted(BLIND8.glob("*.txt"))
    + sorted(BLIND9.glob("*.txt"))
    + sorted(BLIND10.glob("*.txt"))
    + sorted(BLIND11.glob("*.txt"))
    + sorted(BLIND12.glob("*.txt"))
    + sorted(BLIND13.glob("*.txt"))
    + sorted(BLIND14.glob("*.txt"))
    + sorted(BLIND15.glob("*.txt"))
    + sorted(BLIND16.glob("*.txt"))
    + sorted(BLIND17.glob("*.txt"))
    + sorted(BLIND18.glob("*.txt"))
    + sorted(BLIND19.glob("*.txt"))
)

ENDPOINTS = {
    "PFS", "OS", "ORR", "DOR", "CBR", "DCR", "DFS", "IDFS", "EFS", "RFS", "pCR", "TTP", "CNS-PFS",
    "ILD", "AE_G3", "AE",
}  # fmt: skip
UNITS = {
    "median": {"months", "weeks", "years"},
    "rate": {"%"},
    "incidence": {"%"},
    "HR": {None},
    "OR": {None},
}
OUTCOME_KEYS = {
    "endpoint", "arm", "measure", "value", "unit", "ci_low", "ci_high", "p", "sentence",
    "start", "end",
}  # fmt: skip
NR_WORDS = {"NR", "not reached"}
P_RE = re.compile(r"^[<>≤≥]?(0|[1-9]\d*)?\.\d+$|^[<>]?1$")
NUMBER_CHARS = set("0123456789.·")


def _load(txt: Path) -> tuple[str, dict]:
    return txt.read_text(encoding="utf-8"), json.loads(txt.with_suffix(".json").read_text("utf-8"))


def _parse_written(value: str) -> float | None:
    if value in NR_WORDS:
        return None
    return float(value.replace("·", ".").replace("−", "-"))


@pytest.mark.parametrize(
    ("directory", "size", "n_negatives"),
    [
        (GOLD, 45, 5),
        (BLIND, 24, 2),
        (BLIND2, 20, 2),
        (BLIND3, 20, 2),
        (BLIND4, 20, 2),
        (BLIND5, 20, 2),
        (BLIND6, 20, 2),
        (BLIND7, 20, 2),
        (BLIND8, 20, 2),
        (BLIND9, 20, 2),
        (BLIND10, 20, 2),
        (BLIND11, 20, 2),
        (BLIND12, 20, 2),
        (BLIND13, 20, 2),
        (BLIND14, 20, 2),
        (BLIND15, 20, 2),
        (BLIND16, 20, 2),
        (BLIND17, 20, 2),
        (BLIND18, 20, 2),
        (BLIND19, 20, 2),
    ],
)
def test_gold_set_size_and_negatives(directory: Path, size: int, n_negatives: int) -> None:
    txt = sorted(directory.glob("*.txt"))
    assert len(txt) >= size
    negatives = [t for t in txt if not _load(t)[1]["outcomes"]]
    assert len(negatives) >= n_negatives, [t.stem for t in negatives]
    # every json has its text (no orphan annotations)
    stems = {t.stem for t in txt}
    orphans = {j.stem for j in directory.glob("*.json")} - stems - {"pinned_scores"}
    assert not orphans


@pytest.mark.parametrize(
    "directory",
    [
        GOLD,
        BLIND,
        BLIND2,
        BLIND3,
        BLIND4,
        BLIND5,
        BLIND6,
        BLIND7,
        BLIND8,
        BLIND9,
        BLIND10,
        BLIND11,
        BLIND12,
        BLIND13,
        BLIND14,
        BLIND15,
        BLIND16,
        BLIND17,
        BLIND18,
        BLIND19,
    ],
    ids=[
        "gold",
        "blind",
        "blind2",
        "blind3",
        "blind4",
        "blind5",
        "blind6",
        "blind7",
        "blind8",
        "blind9",
        "blind10",
        "blind11",
        "blind12",
        "blind13",
        "blind14",
        "blind15",
        "blind16",
        "blind17",
        "blind18",
        "blind19",
    ],
)
def test_pinned_scores_file(directory: Path) -> None:
    pins = json.loads((directory / "pinned_scores.json").read_text("utf-8"))
    assert set(pins) == {"drugs_f1", "trials_f1", "outcomes_f1", "arm_accuracy"}
    assert all(isinstance(v, float | int) and 0 <= v <= 1 for v in pins.values())


def test_the_sets_share_no_document() -> None:
    """The blind sets are scored as unseen text: no id is in two sets."""
    sets = (
        GOLD,
        BLIND,
        BLIND2,
        BLIND3,
        BLIND4,
        BLIND5,
        BLIND6,
        BLIND7,
        BLIND8,
        BLIND9,
        BLIND10,
        BLIND11,
        BLIND12,
        BLIND13,
        BLIND14,
        BLIND15,
        BLIND16,
        BLIND17,
        BLIND18,
        BLIND19,
    )
    ids = [{t.stem for t in d.glob("*.txt")} for d in sets]
    assert sum(map(len, ids)) == len(set().union(*ids))


@pytest.mark.parametrize("txt", ALL_TXT, ids=[f"{t.parent.name}/{t.stem}" for t in ALL_TXT])
def test_gold_document(txt: Path) -> None:
    text, gold = _load(txt)
    lines = text.split("\n")
    assert lines[0].strip() and lines[1] == "" and lines[2].strip(), "title, blank line, abstract"

    assert set(gold) == {"id", "drugs", "trials", "outcomes"}
    assert gold["id"] == txt.stem

    drugs = gold["drugs"]
    assert all(isinstance(d, str) and d == d.strip().lower() and d for d in drugs)
    assert drugs == sorted(set(drugs)), "drugs must be sorted and unique"
    assert "placebo" not in drugs

    trials = gold["trials"]
    assert trials == sorted(set(trials)), "trials must be sorted and unique"
    for t in trials:
        assert t in text, f"trial {t!r} is not written in the text"

    for o in gold["outcomes"]:
        where = f"{o.get('endpoint')} {o.get('value')} @{o.get('start')}"
        assert set(o) == OUTCOME_KEYS, where
        assert o["endpoint"] in ENDPOINTS, where
        assert o["measure"] in UNITS, where
        assert o["unit"] in UNITS[o["measure"]], where

        # the offsets point at the written value, and the value parses to the gold value
        start, end = o["start"], o["end"]
        assert isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)
        written = text[start:end]
        assert _parse_written(written) == o["value"], where
        if written not in NR_WORDS:
            # not a fragment of a longer number
            assert start == 0 or text[start - 1] not in NUMBER_CHARS, where
            assert (
                end == len(text)
                or text[end] not in NUMBER_CHARS
                or (text[end] in ".·" and (end + 1 == len(text) or not text[end + 1].isdigit()))
            ), where
        else:
            assert o["measure"] == "median", where

        # the sentence is in the text and covers the value
        sent = o["sentence"]
        assert sent and sent == sent.strip()
        s0 = text.find(sent)
        assert s0 >= 0, where
        assert any(
            m.start() <= start and end <= m.start() + len(sent)
            for m in re.finditer(re.escape(sent), text)
        ), where

        for k in ("value", "ci_low", "ci_high"):
            assert o[k] is None or isinstance(o[k], float), (where, k)
        if o["value"] is not None and o["ci_low"] is not None:
            assert o["ci_low"] <= o["value"], where
        if o["value"] is not None and o["ci_high"] is not None:
            assert o["value"] <= o["ci_high"], where

        assert o["p"] is None or P_RE.match(o["p"]), (where, o["p"])

        arm = o["arm"]
        if o["measure"] in ("HR", "OR"):
            assert arm is None, where
        if arm is not None and arm != "physician's choice":
            parts = arm.split("+")
            assert parts == sorted(set(parts)), (where, arm)
            for part in parts:
                assert part in drugs, (where, part)


def test_gold_end_points_are_the_lexicons_codes() -> None:
    """The codes gold files may use are exactly the end-point lexicon's reported codes (RFS was
    in the lexicon but missing here, so blind-set writers avoided it)."""
    lexicon = Path(__file__).parents[1] / "src" / "her2mine" / "data" / "lexicons"
    rows = [json.loads(x) for x in (lexicon / "endpoints.jsonl").read_text("utf-8").splitlines()]
    codes = {r["code"] for r in rows if r.get("code") and not r["code"].startswith("_")}
    assert codes | {"AE_G3"} == ENDPOINTS
