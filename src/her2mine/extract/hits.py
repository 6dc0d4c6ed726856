"""The plain record every recogniser returns: a typed, normalised character span of the text."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

# Positions in a ``Hit.to_row()`` row (for readers that use rows without building hits).
ROW_START, ROW_END, ROW_TEXT, ROW_CANONICAL, ROW_SOURCE = 1, 2, 3, 4, 6


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


def resolve_overlaps(hits: list[Hit]) -> list[Hit]:
    """Keep non-overlapping hits: earlier hits in the list win (callers order them by priority)."""
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
