"""``Value``: one numeric result read from a sentence (kind, value, unit, offsets, CI, P)."""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter


@dataclass
class Value:
    kind: str  # HR | OR | time | percent
    value: float | None
    unit: str | None
    start: int  # offsets of the value itself
    end: int
    ext_end: int  # end of the value with its unit, CI and P
    ci_low: float | None = None
    ci_high: float | None = None
    p: str | None = None
    key_start: int | None = None  # HR/OR: where "hazard ratio" starts
    key_text: str = ""  # HR/OR: words between the key and the value ("for death")
    paired_with_next: bool = False  # "18.5 vs 12.4": this value and the next are compared


_start_of = attrgetter("start")  # a sort key called from C (no Python call per value)
