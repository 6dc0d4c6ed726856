"""The skeleton the context readers share: at each trigger (a design noun "trial"/"study"/
"registry", a report noun, a registry's name or bracket), a test of the trigger, the reader's
pattern searched in a window before it (its matches end there) or matched at it, and a test of
the match's name. A ``Reader`` states one reader's own part; ``read_matches`` runs the rest."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from her2mine.extract.hits import Hit
from her2mine.extract.trials.names import span_hit


@dataclass(frozen=True, slots=True)
class Reader:
    """One reader's own part. ``pattern`` is searched in the ``window`` characters before each
    trigger (every match ends at the trigger) or, with no window, matched at the trigger;
    ``at`` tests the trigger first; ``name`` tests the match's group 1 (its name shape) and
    ``accepts`` the match itself (through ``m.string`` and its offsets); ``otherwise`` is read
    where this reader's trigger test fails or its pattern finds nothing (a rejected match ends
    the chain)."""

    pattern: re.Pattern[str]
    window: int = 0
    name: Callable[[str], bool] | None = None
    accepts: Callable[[re.Match[str]], bool] | None = None
    at: Callable[[str, int], bool] | None = None
    otherwise: Reader | None = None


def read_matches(
    readers: tuple[Reader, ...], text: str, triggers: Iterable[int]
) -> list[re.Match[str]]:
    """The accepted matches of ``readers`` at each trigger (sorted offsets), trigger by trigger
    and, at one trigger, in the order of ``readers``."""
    out = []
    for q in triggers:
        for reader in readers:
            r: Reader | None = reader
            while r is not None:
                if r.at is None or r.at(text, q):
                    if r.window:
                        m = r.pattern.search(text, max(0, q - r.window), q)
                    else:
                        m = r.pattern.match(text, q)
                    if m is not None:
                        if (r.name is None or r.name(m.group(1))) and (
                            r.accepts is None or r.accepts(m)
                        ):
                            out.append(m)
                        break
                r = r.otherwise
    return out


# A design noun standing as a word: whitespace before it, a word boundary after it. Round 62d:
# the plural "trials" counts too ("the randomized KESTREL trials", "the PACS 04 trials": a name
# the text calls trials is listed as written); "trialists", "trialled", "studying" are no noun.
_NOUN = re.compile(r"(?:trials?|study|registry)\b")


def noun_at(text: str, q: int) -> bool:
    """Whether the noun at ``q`` stands as a word after whitespace (``_NOUN``)."""
    return text[q - 1 : q].isspace() and _NOUN.match(text, q) is not None


def noun_words(text: str, found: list[int]) -> list[int]:
    """The offsets of ``found`` (where "trial"/"study"/"registry" occur) at which the noun
    stands as a word after whitespace ("trial", "trials", "study", "registry"): the trigger
    every reader of a name before the noun uses, found once for all."""
    return [q for q in found if noun_at(text, q)]


def blanks_start(text: str, q: int) -> int:
    """Where the whitespace run that ends at ``q`` starts: a trigger test reads the character
    before it, past PDF-copied double blanks, as the readers' patterns do."""
    i = q
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return i


def after_blanks(text: str, i: int) -> int:
    """The offset after the blanks (spaces, tabs) that start at ``i``."""
    while text[i : i + 1] in (" ", "\t"):
        i += 1
    return i


def read_hits(readers: tuple[Reader, ...], text: str, triggers: Iterable[int]) -> list[Hit]:
    """The trial hits of group 1 of ``read_matches(readers, text, triggers)``."""
    return list(map(span_hit, read_matches(readers, text, triggers)))
