"""Helpers the extraction tests share: run a text through a pipeline and read what a test
asserts on (the arm of each value, the arm registry)."""

from __future__ import annotations

from her2mine.extract import extract_document
from her2mine.extract.arms import ArmRegistry, build_registry
from her2mine.extract.components import _hits
from her2mine.extract.hits import Hit
from her2mine.extract.lexicon import load_lexicons, lower_same_length
from her2mine.extract.trials import find_trials
from her2mine.models import Document


def arms_of(nlp, text: str) -> dict[float | None, str | None]:
    """The arm of each value that is not an HR/OR."""
    ex = extract_document(Document(id="t", text=text), nlp)
    return {o.value: o.arm for o in ex.outcomes if o.measure not in ("HR", "OR")}


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
