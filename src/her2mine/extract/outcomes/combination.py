"""Round 73b: "the combination" after a list of values with named single agents: "25% with
lapatinib plus chemotherapy, 33% with trastuzumab plus chemotherapy and 50% with the
combination" — the combination is every drug the list named before it."""

from __future__ import annotations

import re

from her2mine.extract.arms import NO_NAMED_DRUG, PLACEBO_ONLY, ArmRegistry
from her2mine.extract.fastre import WordGate
from her2mine.extract.numbers import Value

COMBINATION_GATE = WordGate(("combination",))
# "50% with the combination" (not "the combination of X and Y" / "with X", which name drugs).
_WITH_THE_COMBINATION = re.compile(
    r"\s*(?:of\s+(?:the\s+)?patients\s+)?(?:with|in|for|on|receiving)\s+the\s+combination"
    r"(?:\s+(?:arm|group|regimen|therapy))?\b(?!\s+(?:of|with)\b)",
    re.I,
)
# What joins two values of the list and the drug phrase after each ("33% with B plus
# chemotherapy and 50% ..."): no clause break, no other value.
_ITEM_GAP = re.compile(r"[^;.%()\[\]]{0,80}?(?:,\s*(?:and\s+)?|\s+and\s+)\Z")


def combination_of_listed(
    text: str,
    out: list[tuple[Value, str, str]],
    arms: list[str | None],
    registry: ArmRegistry,
) -> None:
    """Give a value "with the combination" that has no arm the union of the arms of the values
    listed right before it (two or more, of its end point and measure, each with its own
    arm and none holding all of the others' drugs); in a design with named arms only when
    that union is one of them."""
    named = [a.name for a in registry.arms if a.name]
    for i, (v, _, _) in enumerate(out):
        if arms[i] is not None or i < 2:
            continue
        if _WITH_THE_COMBINATION.match(text, v.ext_end) is None:
            continue
        union = _union_of_listed(text, out, arms, i)
        if union is None:
            continue
        if not named or union in named:
            arms[i] = union


def _union_of_listed(
    text: str, out: list[tuple[Value, str, str]], arms: list[str | None], i: int
) -> str | None:
    """The drugs of the values listed before ``out[i]`` joined into one arm, or None when
    fewer than two items with distinct arms come right before it, or one of them already
    holds every drug."""
    listed: list[str] = []
    k = i
    while k > 0:
        prev, cur = out[k - 1], out[k]
        if prev[1:] != out[i][1:] or arms[k - 1] in (None, PLACEBO_ONLY, NO_NAMED_DRUG):
            break
        if _ITEM_GAP.match(text, prev[0].ext_end, cur[0].start) is None:
            break
        listed.insert(0, arms[k - 1])
        k -= 1
    if len(listed) < 2 or len(set(listed)) != len(listed):
        return None
    drugs = sorted({d for arm in listed for d in arm.split("+")})
    if any(len(arm.split("+")) == len(drugs) for arm in listed):
        return None
    return "+".join(drugs)
