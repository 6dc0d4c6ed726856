"""The plain record every recogniser returns: a typed, normalised character span of the text."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from operator import attrgetter

# Positions in a ``Hit.to_row()`` row (for readers that use rows without building hits).
ROW_KIND, ROW_START, ROW_END, ROW_TEXT, ROW_CANONICAL, ROW_DRUGS, ROW_SOURCE = range(7)


@dataclass(slots=True)
class Hit:
    kind: str  # drug | regimen | placebo | trial | endpoint
    start: int
    end: int
    text: str
    canonical: str  # generic name / regimen key / trial as written / endpoint code
    drugs: list[str] = field(default_factory=list)  # drugs it stands for (regimens expand)
    source: str = "rules"  # rules | stem | code | abbreviation | model | databank

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "canonical": self.canonical,
            "drugs": list(self.drugs),
            "source": self.source,
        }

    @classmethod
    def from_dict(cls, d: dict) -> Hit:
        return cls(**d)

    def to_row(self) -> list:
        """Compact serialisable form (how components pass hits on ``doc._.her2``); the
        ``ROW_*`` constants name its positions."""
        return [self.kind, self.start, self.end, self.text, self.canonical, self.drugs, self.source]

    @classmethod
    def from_row(cls, row: list) -> Hit:
        return cls(*row)


# A hit's fields in ``Hit.to_row`` order (C-level: no Python call per hit).
_ROW_FIELDS = attrgetter("kind", "start", "end", "text", "canonical", "drugs", "source")


def to_rows(hits: list[Hit]) -> list[list]:
    """``[h.to_row() for h in hits]`` without a Python-level call per hit."""
    return list(map(list, map(_ROW_FIELDS, hits)))


def resolve_overlaps(hits: list[Hit]) -> list[Hit]:
    """Keep non-overlapping hits: earlier hits in the list win (callers order them by priority)."""
    ordered = sorted(hits, key=_START)
    if _disjoint(ordered):
        return ordered  # nothing to drop (most calls): kept hits come out in start order
    return _resolve_in_order(hits)


_START = attrgetter("start")


def resolve_longest_first(hits: list[Hit], then: list[Hit] | tuple = ()) -> list[Hit]:
    """``resolve_overlaps`` with ``hits`` ordered longer first (then by start), ahead of
    ``then`` (the order only matters where hits overlap, so it is only sorted then)."""
    ordered = sorted([*hits, *then], key=_START)
    if _disjoint(ordered):
        return ordered
    return _resolve_in_order(sorted(hits, key=_longer_first) + list(then))


def _longer_first(h: Hit) -> tuple[int, int]:
    return (h.start - h.end, h.start)


def _disjoint(ordered: list[Hit]) -> bool:
    """Whether hits sorted by start have distinct starts and each starts at or after every
    earlier one's end: then ``_resolve_in_order`` keeps them all, whatever their order."""
    prev_start = -1 << 62
    reach = prev_start  # the largest end so far
    for h in ordered:
        start = h.start
        if start <= prev_start or start < reach:
            return False
        prev_start = start
        if h.end > reach:
            reach = h.end
    return True


def _resolve_in_order(hits: list[Hit]) -> list[Hit]:
    """``resolve_overlaps`` one hit at a time, in priority order."""
    starts: list[int] = []  # sorted starts of the chosen spans
    chosen: list[Hit] = []  # parallel to ``starts``
    for h in hits:
        i = bisect_left(starts, h.start)
        if i > 0 and chosen[i - 1].end > h.start:
            continue
        if i < len(chosen) and chosen[i].start < h.end:
            continue
        starts.insert(i, h.start)
        chosen.insert(i, h)
    return chosen
