"""Helpers the extraction tests share: run a text through a pipeline and read what a test
asserts on (outcome rows, the arm of each value, parsed values, the arm registry)."""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

from her2mine.extract import extract_document
from her2mine.extract.arms import ArmRegistry, build_registry
from her2mine.extract.components import _hits
from her2mine.extract.hits import Hit
from her2mine.extract.lexicon import load_lexicons, lower_same_length
from her2mine.extract.numbers import parse_values
from her2mine.extract.sentences import sentence_spans
from her2mine.extract.trials import find_trials
from her2mine.models import Document, Extraction, Outcome

# The fields an outcome row holds, in order; the shapes the tests compare rows by.
FULL_ROW = ("endpoint", "measure", "value", "ci_low", "ci_high", "p", "arm")
P_ROW = ("endpoint", "measure", "value", "p", "arm")
CI_ROW = ("endpoint", "measure", "value", "ci_low", "ci_high", "arm")
ARM_ROW = ("endpoint", "measure", "value", "arm")
# The fields of a parsed value (``numbers.parse_values``) the number tests compare.
VALUE_FIELDS = ("kind", "value", "ci_low", "ci_high", "p")


def extract_text(nlp, text: str) -> Extraction:
    """Run ``text`` through ``nlp`` as one document."""
    return extract_document(Document(id="t", text=text), nlp)


def outcomes_of(nlp, text: str) -> list[Outcome]:
    """The outcomes extracted from ``text``, in order."""
    return extract_text(nlp, text).outcomes


@cache
def _row_type(fields: tuple[str, ...]) -> type:
    return namedtuple("Row", fields)


def picked(items: Iterable[Any], fields: Sequence[str]) -> list[tuple]:
    """One row per item holding its ``fields`` in order.

    Rows are named tuples: they equal the plain tuples tests write, and ``arm_of`` and friends
    can read ``value``/``arm`` whatever the shape."""
    row = _row_type(tuple(fields))
    return [row(*(getattr(item, f) for f in fields)) for item in items]


def rows_of(nlp, text: str, fields: Sequence[str] = FULL_ROW) -> list[tuple]:
    """One row per outcome of ``text`` holding ``fields`` (default ``FULL_ROW``)."""
    return picked(outcomes_of(nlp, text), fields)


def parsed_values(text: str, fields: Sequence[str] = VALUE_FIELDS) -> list[tuple]:
    """One row per value ``numbers.parse_values`` reads in ``text``, holding ``fields``."""
    return picked(parse_values(text), fields)


def row_with(rows: Iterable[Any], value: float, endpoint: str | None = None) -> Any:
    """The first row (or outcome) holding ``value``, of ``endpoint`` when one is given."""
    rows = list(rows)
    found = [r for r in rows if r.value == value and endpoint in (None, r.endpoint)]
    assert found, f"no row holding {value}: {[(r.endpoint, r.value) for r in rows]}"
    return found[0]


def only_row(
    rows: Iterable[Any],
    value: float,
    measure: str | None = None,
    skipped: tuple[str, ...] = (),
) -> Any:
    """The one row (or outcome) holding ``value``, of ``measure`` when given and of no measure in
    ``skipped``; fails when there is none or more than one."""
    (row,) = [
        r
        for r in rows
        if r.value == value and measure in (None, r.measure) and r.measure not in skipped
    ]
    return row


def arm_of(rows: Iterable[Any], value: float, endpoint: str | None = None) -> str | None:
    """The arm of the first row (or outcome) holding ``value`` (of ``endpoint`` when given)."""
    return row_with(rows, value, endpoint).arm


def arms_with(rows: Iterable[Any], value: float) -> list[str | None]:
    """The arm of every row holding ``value`` (a value may be reported twice)."""
    return [r.arm for r in rows if r.value == value]


def arms_of(
    nlp, text: str, skipped: tuple[str, ...] = ("HR", "OR")
) -> dict[float | None, str | None]:
    """The arm of each value whose measure is not in ``skipped`` (by default not an HR/OR)."""
    return {o.value: o.arm for o in outcomes_of(nlp, text) if o.measure not in skipped}


def sentences_of(text: str) -> list[str]:
    """The sentences the sentence splitter cuts ``text`` into, as strings."""
    return [text[a:b] for a, b in sentence_spans(text)]


def drug_texts(nlp, text: str) -> list[str]:
    """The written text of every drug/regimen mention the pipeline finds in ``text``."""
    return [h.text for h in _hits(nlp(text)._.her2, "drugs")]


def letter_drugs(nlp, text: str) -> list[str]:
    """The one-capital drug mentions (defined letters such as "T") the pipeline finds."""
    return [t for t in drug_texts(nlp, text) if len(t) == 1]


def trials_in(text: str) -> list[str]:
    """The trial names the trial recogniser finds in ``text``, in order."""
    return [h.canonical for h in find_trials(text, load_lexicons().trials)]


def registry_of(nlp, text: str) -> ArmRegistry:
    """The arm registry the design sentences of ``text`` define."""
    state = nlp(text)._.her2
    sentences = [tuple(x) for x in state["sentences"]]
    return build_registry(text, sentences, _hits(state, "drugs"), lower_same_length(text))


# Lexicon classes of the drugs the option tests use (``options.option_runs`` reads classes).
CLASS_OF = {"docetaxel": "chemotherapy", "paclitaxel": "chemotherapy",
            "vinorelbine": "chemotherapy", "trastuzumab": "antibody", "lapatinib": "TKI"}  # fmt: skip


def drug_hits(text: str, *names: str) -> list[Hit]:
    """One hit per name, at its first occurrence after the previous one."""
    hits, pos = [], 0
    for name in names:
        start = text.index(name, pos)
        pos = start + len(name)
        hits.append(Hit("drug", start, pos, name, name, [name]))
    return hits
