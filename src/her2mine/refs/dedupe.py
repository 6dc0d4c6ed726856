"""Merge works cited more than once in the same list.

Two entries are the same work when their DOIs are equal (DOIs are case-insensitive) or, when
either lacks a DOI, when their normalised titles and years are equal. The first citation is kept
and later positions are recorded in ``duplicate_indexes``.
"""

from __future__ import annotations

import re
import unicodedata

from her2mine.models import Reference


def title_key(title: str | None, year: int | None) -> str | None:
    if not title:
        return None
    folded = unicodedata.normalize("NFKD", title).casefold()
    letters = re.sub(r"[\W_]+", "", folded)
    return f"{letters}|{year}" if letters else None


def dedupe(refs: list[Reference]) -> list[Reference]:
    kept: list[Reference] = []
    by_doi: dict[str, Reference] = {}
    by_title: dict[str, Reference] = {}
    for ref in refs:
        tkey = title_key(ref.title, ref.year)
        first = by_doi.get(ref.doi.lower()) if ref.doi else None
        if first is None and tkey and tkey in by_title:
            candidate = by_title[tkey]
            if not (candidate.doi and ref.doi):  # two different DOIs are two works
                first = candidate
        if first is not None:
            first.duplicate_indexes.append(ref.index)
            if first.doi is None and ref.doi:  # a later citation may carry the DOI
                first.doi = ref.doi
                by_doi[ref.doi.lower()] = first
            continue
        kept.append(ref)
        if ref.doi:
            by_doi[ref.doi.lower()] = ref
        if tkey:
            by_title.setdefault(tkey, ref)
    return kept
