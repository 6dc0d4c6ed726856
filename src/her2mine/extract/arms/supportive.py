"""Randomisations between supportive regimens (round 84b): "patients starting neratinib were
randomised to loperamide plus colestipol (colestipol arm) or loperamide alone". Supportive drugs
are in no arm as a rule; where the randomised groups differ by them alone, the groups are those
regimens plus the anticancer drug every patient receives (gold README: supportive regimens)."""

from __future__ import annotations

import re

from her2mine.extract.arms.patterns import first_randomisation
from her2mine.extract.hits import Hit

# A drug before the randomisation that patients had before it ("after trastuzumab-based
# therapy", "following prior lapatinib"): no drug of the groups.
_PRIOR_BEFORE = re.compile(r"\b(?:after|following|prior|previous(?:ly)?)\s+(?:\w+\s+){0,2}\Z", re.I)


def supportive_randomisation(
    text: str, primary: list[tuple[int, int]], drug_hits: list[Hit]
) -> tuple[list[Hit], set[str]]:
    """``drug_hits`` with the supportive drugs of a randomisation between supportive regimens
    read as drugs, and the drugs every patient receives (named before the randomisation verb,
    none taken before it). Unchanged, with no drugs, unless a randomisation sentence names two
    supportive mentions after its verb and no other drug there."""
    for s, e in primary:
        m = first_randomisation(text, s, e)  # (not "non-randomised": round 100e)
        if m is None:
            continue
        after = [h for h in drug_hits if m.end() <= h.start and h.end <= e]
        if sum(h.kind == "supportive" for h in after) < 2 or any(
            h.kind in ("drug", "regimen") for h in after
        ):
            continue
        backbone = {
            d
            for h in drug_hits
            if s <= h.start
            and h.end <= m.start()
            and h.kind in ("drug", "regimen")
            and not _taken_before(text, s, h)
            for d in h.drugs
        }
        if not backbone:
            continue
        as_drugs = [
            Hit("drug", *_fields(h)) if h.kind == "supportive" and h in after else h
            for h in drug_hits
        ]
        return as_drugs, backbone
    return drug_hits, set()


def _fields(h: Hit) -> tuple:
    return h.start, h.end, h.text, h.canonical, h.drugs, h.source


def _taken_before(text: str, s: int, h: Hit) -> bool:
    """Whether ``h`` is a prior therapy: "after"/"following" before it, or "-based" after."""
    return _PRIOR_BEFORE.search(text, s, h.start) is not None or text.startswith("-based", h.end)
