"""Merge a Crossref record and a PubMed record of the same work into one ``Work`` (pure).

PubMed is preferred for everything it curates (title, abstract, MeSH, publication types,
registry ids, PMID/PMCID, journal, year, authors, keywords); Crossref for the DOI (the registry of
record) and for whatever PubMed lacks. Corrections and registry ids are the union of both,
de-duplicated. ``sources`` records where each filled field came from ("pubmed", "crossref", or
"pubmed+crossref" for unions both contributed to).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from her2mine.ids import normalize_doi
from her2mine.models import Correction, Work

PUBMED_FIRST = (
    "pmid", "pmcid", "title", "abstract", "abstract_sections", "journal", "journal_abbrev",
    "year", "authors", "publication_types", "mesh", "keywords",
)  # fmt: skip
CROSSREF_FIRST = ("doi",)
UNION = ("registry_ids", "corrections")


def _filled(value: object) -> bool:
    return value not in (None, "", [], {})


def _norm_doi(doi: str | None) -> str | None:
    return (normalize_doi(doi) or None) if doi else None


def merge_corrections(*lists: list[Correction]) -> list[Correction]:
    """Union of correction links; the same link (type + PMID or DOI) is kept once, gaps filled."""
    out: list[Correction] = []
    for corrections in lists:
        for c in corrections:
            doi = _norm_doi(c.doi)
            same = next(
                (
                    o for o in out
                    if o.type == c.type
                    and ((c.pmid and o.pmid == c.pmid) or (doi and _norm_doi(o.doi) == doi))
                ),
                None,
            )  # fmt: skip
            if same is None:
                out.append(replace(c, doi=doi))
            else:
                same.pmid = same.pmid or c.pmid
                same.doi = same.doi or doi
                same.note = same.note or c.note
    return out


def merge_ids(*lists: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for ids in lists:
        for ident in ids:
            seen.setdefault(ident.strip().upper(), ident.strip())
    return list(seen.values())


def merge_works(
    crossref: Work | None,
    pubmed: Work | None,
    *,
    doi: str | None = None,
    failures: Mapping[str, str] | None = None,
) -> Work:
    """One Work from either or both records.

    ``failures`` maps a source ("crossref"/"pubmed") to why it could not be asked; any failure
    makes the status ``failed`` (the record may be incomplete) while the other source's fields are
    still filled. No data and no failure → ``not_found``.
    """
    failures = dict(failures or {})
    cr = crossref if crossref is not None and crossref.status == "ok" else None
    pm = pubmed if pubmed is not None and pubmed.status == "ok" else None
    merged = Work()
    sources: dict[str, str] = {}
    pubmed_first = ((pm, "pubmed"), (cr, "crossref"))
    for name in PUBMED_FIRST + CROSSREF_FIRST:
        order = pubmed_first if name in PUBMED_FIRST else pubmed_first[::-1]
        for record, label in order:
            if record is not None and _filled(getattr(record, name)):
                setattr(merged, name, _copy(getattr(record, name)))
                sources[name] = label
                break
    merged.doi = _norm_doi(merged.doi) or _norm_doi(doi)
    if merged.doi and "doi" not in sources:
        sources["doi"] = "input"
    registry = [r.registry_ids for r in (pm, cr) if r is not None]
    merged.registry_ids = merge_ids(*registry)
    merged.corrections = merge_corrections(*[r.corrections for r in (pm, cr) if r is not None])
    for name in UNION:
        contributors = [
            label for r, label in ((pm, "pubmed"), (cr, "crossref"))
            if r is not None and _filled(getattr(r, name))
        ]  # fmt: skip
        if contributors:
            sources[name] = "+".join(contributors)
    merged.sources = sources

    if failures:
        merged.status = "failed"
        merged.reason = "; ".join(failures[k] for k in sorted(failures))
    elif pm is None and cr is None:
        merged.status = "not_found"
        merged.reason = "not found in Crossref or PubMed"
    else:
        merged.status = "ok"
        merged.reason = None
    return merged


def _copy(value):
    if isinstance(value, list):
        return [replace(v) if hasattr(v, "__dataclass_fields__") else v for v in value]
    return value
