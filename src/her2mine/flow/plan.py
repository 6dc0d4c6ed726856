"""Pure planning for one refresh: which works need extraction, their documents and batches.

A work is (re-)extracted only when its content hash (``tables.build.work_content_hash``:
title, abstract, journal, year, authors, types, registry ids, corrections, status) or the
pipeline version differs from what the last successful run published for it. Batches are
deterministic (sorted by id, fixed size), and the extraction cache key is a hash of the batch's
document texts + ``PIPELINE_VERSION`` + model: an interrupted run that is re-run finds its
extracted batches in the Prefect result cache instead of extracting them again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping

from her2mine.errors import InputError
from her2mine.flow.state import RefreshState, WorkState
from her2mine.models import Document, Work
from her2mine.tables.build import work_content_hash, work_id_of


def document_of(work: Work) -> Document:
    """The extraction input of a work: title, blank line, abstract (offsets refer to this)."""
    title = work.title or ""
    return Document(
        id=work_id_of(work),
        text=title + "\n\n" + (work.abstract or ""),
        registry_ids=list(work.registry_ids),
        title=work.title,
    )


def dedupe_works(works: Iterable[Work]) -> list[Work]:
    """One Work per work_id (the later record wins: it was fetched more recently).

    Citation-only works (unresolved references: no DOI/PMID/PMCID, id from title + year +
    first author) are kept, so every ``references.work_id`` has its row in ``works``. A work
    with neither an identifier nor a title has no stable id (and no reference points at it).
    """
    out: dict[str, Work] = {}
    for w in works:
        try:
            wid = work_id_of(w)
        except InputError:
            continue
        out[wid] = w
    return list(out.values())


def needs_extraction(
    works: Iterable[Work],
    state: RefreshState,
    published_hashes: Mapping[str, str],
    pipeline_version: str,
) -> list[Work]:
    """Works whose record changed, is new, or was extracted by another pipeline version.

    ``published_hashes`` (work_id → content_hash in the ``works`` table) guards against a state
    file that is newer than the tables (e.g. tables restored from an older version).
    """
    todo = []
    for w in works:
        if w.status != "ok":
            continue
        wid = work_id_of(w)
        h = work_content_hash(w)
        prev = state.works.get(wid)
        if (
            prev is None
            or prev.hash != h
            or prev.pipeline != pipeline_version
            or published_hashes.get(wid) != h
        ):
            todo.append(w)
    return todo


def work_states(works: Iterable[Work], pipeline_version: str) -> dict[str, WorkState]:
    return {
        work_id_of(w): WorkState(work_content_hash(w), w.pmid, w.doi, pipeline_version)
        for w in works
        if w.status == "ok"
    }


def batches(docs: list[Document], size: int) -> list[list[Document]]:
    """Deterministic batches: sorted by id, ``size`` documents each."""
    if size < 1:
        raise ValueError(f"batch size must be >= 1, got {size}")
    docs = sorted(docs, key=lambda d: d.id)
    return [docs[i : i + size] for i in range(0, len(docs), size)]


def batch_key(docs: list[Document], pipeline_version: str, model: str | None) -> str:
    """Content hash of an extraction batch: same texts + same pipeline → same results."""
    payload = {
        "pipeline": pipeline_version,
        "model": model or "",
        "docs": [
            [d.id, hashlib.sha256(d.text.encode()).hexdigest(), sorted(d.registry_ids)]
            for d in docs
        ],
    }
    blob = json.dumps(payload, sort_keys=True, separators=(",", ":")).encode()
    return "extract-" + hashlib.sha256(blob).hexdigest()
