"""Pure builders: shared data models (Reference, Work, Extraction) -> table DataFrames.

No I/O here; ``TableStore`` and ``publish`` write the results.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from typing import Any

import pandas as pd

from her2mine.errors import InputError
from her2mine.models import Extraction, Reference, Work
from her2mine.tables import ids
from her2mine.tables.derive import evidence_matrix_frame, trials_frame
from her2mine.tables.schema import RESOLUTION_STATUSES, empty_frame, spec

_RETRACTION_TYPES = {"retractionin", "retraction", "retracted", "withdrawal", "removal"}
_ERRATUM_TYPES = {"erratumin", "correction", "erratum", "corrigendum", "partial_retraction"}
_RETRY_STATUSES = {"failed", "error"}
_CONCERN_TYPES = {"expressionofconcernin", "expression_of_concern", "expression-of-concern"}


def _frame(name: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    if not rows:
        return empty_frame(name)
    df = pd.DataFrame(rows, columns=spec(name).names)
    # Same natural key twice in one batch (e.g. a work listed twice): the last one wins.
    return df.drop_duplicates(subset=[spec(name).key], keep="last").reset_index(drop=True)


def work_id_of(work: Work) -> str:
    """The stable work_id of a Work (DOI, else PMID, else PMCID)."""
    return ids.work_id(
        work.doi,
        work.pmid,
        work.pmcid,
        title=work.title,
        year=work.year,
        first_author=work.authors[0] if work.authors else None,
    )


def _correction_flags(work: Work) -> tuple[bool, bool, bool]:
    types = {str(c.type).replace(" ", "").lower() for c in work.corrections}
    return (
        bool(types & _RETRACTION_TYPES),
        bool(types & _ERRATUM_TYPES),
        bool(types & _CONCERN_TYPES),
    )


def work_content_hash(work: Work) -> str:
    return ids.hash_record(
        {
            "title": work.title,
            "abstract": work.abstract,
            "journal": work.journal,
            "year": work.year,
            "authors": list(work.authors),
            "publication_types": list(work.publication_types),
            "registry_ids": list(work.registry_ids),
            "corrections": [c.to_dict() for c in work.corrections],
            "status": work.status,
        }
    )


def works_frame(works: list[Work], run_id: str | None = None) -> pd.DataFrame:
    rows = []
    for w in works:
        retracted, erratum, concern = _correction_flags(w)
        rows.append(
            {
                "work_id": work_id_of(w),
                "doi": ids.normalize_doi(w.doi),
                "pmid": w.pmid,
                "pmcid": w.pmcid,
                "title": w.title,
                "abstract": w.abstract,
                "journal": w.journal,
                "year": w.year,
                "authors": list(w.authors),
                "publication_types": list(w.publication_types),
                "mesh": list(w.mesh),
                "keywords": list(w.keywords),
                "registry_ids": list(w.registry_ids),
                "corrections": json.dumps([c.to_dict() for c in w.corrections], ensure_ascii=False),
                "sources": json.dumps(dict(w.sources), ensure_ascii=False, sort_keys=True),
                "status": w.status,
                "reason": w.reason,
                "is_retracted": retracted,
                "has_erratum": erratum,
                "has_expression_of_concern": concern,
                "content_hash": work_content_hash(w),
                "first_seen_run": run_id,
                "last_seen_run": run_id,
            }
        )
    return _frame("works", rows)


def _res_get(res: Any, *names: str) -> Any:
    for n in names:
        if isinstance(res, Mapping) and n in res:
            return res[n]
        if not isinstance(res, Mapping) and hasattr(res, n):
            return getattr(res, n)
    return None


def _citing(ref: Reference) -> str:
    return ids.normalize_doi(ref.source_doi) or ref.source


def citation_work_id(title: Any, year: Any, authors: Any) -> str | None:
    """The work_id of the citation-only Work fetch makes for an unresolved reference (from the
    reference's parsed title, year and first author), or None without a title. Accepts the
    values of a ``references`` row as well as of a Reference (missing = None/NaN/NA)."""
    if not isinstance(title, str) or not title.strip():
        return None
    year = None if year is None or pd.isna(year) else int(year)
    authors = [] if authors is None or isinstance(authors, float) else list(authors)
    return ids.work_id(title=title, year=year, first_author=authors[0] if authors else None)


def _ref_work_id(ref: Reference, resolved: str | None) -> str | None:
    if resolved:
        return ids.work_id(resolved)
    # fetch turns an unresolved reference into a Work with the reference's citation
    return citation_work_id(ref.title, ref.year, ref.authors)


def references_frame(
    references: list[Reference], resolutions: Mapping[Any, Any] | None = None
) -> pd.DataFrame:
    """References with their resolution.

    ``resolutions`` maps a reference (by reference_id, by ``(source, index)`` or by ``raw``) to
    a mapping/object with ``status`` (or ``resolution_status``), ``confidence`` (or
    ``resolution_confidence``/``score``), ``doi`` (or ``resolved_doi``) and optional ``reason``;
    a list of such objects (e.g. fetch's ``Resolution``s) is matched by ``raw``. Status
    ``failed`` becomes ``pending`` (retry later). Without a resolution, a DOI written in the
    reference counts as ``doi_in_text`` (confidence 1.0), anything else ``pending``.
    """
    if isinstance(resolutions, list | tuple):
        # e.g. fetch's list[Resolution]: match them by the raw reference string
        resolutions = {_res_get(r, "raw"): r for r in resolutions}
    resolutions = resolutions or {}
    rows = []
    for r in references:
        rid = ids.reference_id(_citing(r), r.index)
        res = resolutions.get(rid) or resolutions.get((r.source, r.index)) or resolutions.get(r.raw)
        doi = ids.normalize_doi(r.doi)
        if res is not None:
            status = _res_get(res, "status", "resolution_status")
            conf = _res_get(res, "confidence", "resolution_confidence", "score")
            resolved = ids.normalize_doi(_res_get(res, "doi", "resolved_doi"))
            reason = _res_get(res, "reason", "resolution_reason")
            if status in _RETRY_STATUSES:  # the service failed: not resolved yet
                reason = f"{status}: {reason}" if reason else status
                status, resolved = "pending", None
            elif status != "matched" and status != "doi_in_text":
                resolved = None  # ambiguous / no_match candidates are not a resolution
        elif doi:
            status, conf, resolved, reason = "doi_in_text", 1.0, doi, None
        else:
            status, conf, resolved, reason = "pending", None, None, None
        if status not in RESOLUTION_STATUSES:
            raise InputError(
                f"reference {r.source}#{r.index}: resolution status {status!r} is not one of "
                f"{', '.join(RESOLUTION_STATUSES)}"
            )
        rows.append(
            {
                "reference_id": rid,
                "source": r.source,
                "source_doi": ids.normalize_doi(r.source_doi),
                "index": r.index,
                "raw": r.raw,
                "doi": doi,
                "authors": list(r.authors),
                "year": r.year,
                "title": r.title,
                "journal": r.journal,
                "duplicate_indexes": list(r.duplicate_indexes),
                "resolution_status": status,
                "resolution_confidence": None if conf is None else float(conf),
                "resolved_doi": resolved,
                "resolution_reason": None if reason is None else str(reason),
                "work_id": _ref_work_id(r, resolved),
                "reference_hash": ids.hash_record(
                    {"raw": r.raw, "status": status, "resolved_doi": resolved}
                ),
            }
        )
    return _frame("references", rows)


def match_extractions(
    works: pd.DataFrame, extractions: Mapping[str, Extraction]
) -> dict[str, Extraction]:
    """Key extractions by work_id. Keys may be work_ids, DOIs, PMIDs or PMCIDs of the works."""
    lookup: dict[str, str] = {}
    for row in works.itertuples(index=False):
        for k in (row.work_id, row.doi, row.pmid, row.pmcid):
            if isinstance(k, str) and k:
                lookup.setdefault(k.lower(), row.work_id)
    out: dict[str, Extraction] = {}
    for key, ex in extractions.items():
        wid = lookup.get(str(key).strip().lower()) or lookup.get(str(ex.id).strip().lower())
        if wid is None:
            raise InputError(
                f"extraction {key!r} matches no work (key it by work_id, DOI, PMID or PMCID of a "
                "Work passed to build_tables)"
            )
        out[wid] = ex
    return out


def mentions_frame(by_work: Mapping[str, Extraction]) -> pd.DataFrame:
    rows = []
    for wid, ex in by_work.items():
        seen: Counter[tuple[str, str]] = Counter()
        for m in sorted(ex.mentions, key=lambda m: (m.start, m.end, m.kind, m.canonical)):
            ordinal = seen[(m.kind, m.canonical)]
            seen[(m.kind, m.canonical)] += 1
            rows.append(
                {
                    "mention_id": ids.mention_id(wid, m.kind, m.canonical, ordinal),
                    "work_id": wid,
                    "kind": m.kind,
                    "text": m.text,
                    "canonical": m.canonical,
                    "sentence": m.sentence,
                    "start": m.start,
                    "end": m.end,
                    "source": m.source,
                    "ordinal": ordinal,
                }
            )
    return _frame("mentions", rows)


def _trial_for(ex: Extraction, sentence: str, start: int) -> tuple[str | None, str]:
    trials = [m for m in ex.mentions if m.kind == "trial"]
    in_sentence = [m for m in trials if m.sentence == sentence]
    if in_sentence:
        before = [m for m in in_sentence if m.start <= start]
        pick = (
            max(before, key=lambda m: m.start)
            if before
            else min(in_sentence, key=lambda m: m.start)
        )
        return pick.canonical, "sentence"
    if trials:
        counts = Counter(m.canonical for m in trials)
        first = {}
        for m in sorted(trials, key=lambda m: m.start):
            first.setdefault(m.canonical, m.start)
        best = max(counts, key=lambda c: (counts[c], -first[c]))
        return best, "work"
    if ex.trials:
        return ex.trials[0], "work"
    return None, "none"


def outcomes_frame(by_work: Mapping[str, Extraction], works: pd.DataFrame) -> pd.DataFrame:
    """Outcome rows (review_status ``pending``; ``publish`` derives it from decisions)."""
    info = works.set_index("work_id")
    rows = []
    for wid, ex in by_work.items():
        w = info.loc[wid]
        seen: Counter[tuple[str, str, str | None]] = Counter()
        for o in sorted(ex.outcomes, key=lambda o: (o.start, o.end, o.endpoint, o.measure)):
            key = (o.endpoint, o.measure, o.arm)
            ordinal = seen[key]
            seen[key] += 1
            trial, trial_source = _trial_for(ex, o.sentence, o.start)
            rows.append(
                {
                    "evidence_id": ids.evidence_id(wid, o.endpoint, o.measure, o.arm, ordinal),
                    "work_id": wid,
                    "doi": w["doi"],
                    "pmid": w["pmid"],
                    "trial": trial,
                    "trial_source": trial_source,
                    "endpoint": o.endpoint,
                    "arm": o.arm,
                    "measure": o.measure,
                    "value": o.value,
                    "unit": o.unit,
                    "ci_low": o.ci_low,
                    "ci_high": o.ci_high,
                    "p": o.p,
                    "sentence": o.sentence,
                    "start": o.start,
                    "end": o.end,
                    "ordinal": ordinal,
                    "evidence_hash": ids.evidence_hash(
                        sentence=o.sentence,
                        value=o.value,
                        unit=o.unit,
                        ci_low=o.ci_low,
                        ci_high=o.ci_high,
                        p=o.p,
                        arm=o.arm,
                        endpoint=o.endpoint,
                        measure=o.measure,
                    ),
                    "retracted": bool(w["is_retracted"]),
                    "review_status": "pending",
                }
            )
    return _frame("outcomes", rows)


def build_tables(
    references: list[Reference],
    works: list[Work],
    extractions: Mapping[str, Extraction],
    resolutions: Mapping[Any, Any] | None = None,
    *,
    run_id: str | None = None,
) -> dict[str, pd.DataFrame]:
    """Build the pipeline tables of one batch (pure; no decisions applied, nothing written).

    Returns ``references``, ``works``, ``mentions``, ``outcomes``, ``trials`` and
    ``evidence_matrix``. ``extractions`` may be keyed by work_id, DOI, PMID or PMCID.
    Write them with ``publish(store, tables, run_id=...)``, which merges them with what is
    already stored and applies the curator decisions.
    """
    wdf = works_frame(works, run_id)
    by_work = match_extractions(wdf, extractions)
    mentions = mentions_frame(by_work)
    outcomes = outcomes_frame(by_work, wdf)
    # Every re-extracted work replaces its stored rows, even when it now yields none.
    for df in (mentions, outcomes):
        df.attrs["partitions"] = sorted(by_work)
    return {
        "references": references_frame(references, resolutions),
        "works": wdf,
        "mentions": mentions,
        "outcomes": outcomes,
        "trials": trials_frame(mentions, outcomes, wdf),
        "evidence_matrix": evidence_matrix_frame(outcomes),
    }


__all__ = [
    "build_tables",
    "citation_work_id",
    "match_extractions",
    "mentions_frame",
    "outcomes_frame",
    "references_frame",
    "work_content_hash",
    "work_id_of",
    "works_frame",
]
