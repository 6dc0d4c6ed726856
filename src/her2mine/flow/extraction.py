"""The extraction work of one batch, importable by reference (Dask workers pickle the task
function by value; everything it needs must live in a module like this one)."""

from __future__ import annotations

import threading
from collections import deque
from typing import Any

from her2mine.models import Document, Extraction

_lock = threading.Lock()  # one spaCy pipeline per process, used by one thread at a time

# Only the most recent ids are kept: a long-running ``serve`` process would otherwise hold
# every id it ever extracted.
RECENT_IDS = 10_000

# Extraction work done in this process (read by tests and the benchmark): counters, plus the
# last RECENT_IDS document ids in extraction order.
EXTRACTION_CALLS: dict[str, Any] = {"batches": 0, "documents": 0, "ids": deque(maxlen=RECENT_IDS)}


def extracted_since(documents_before: int) -> list[str]:
    """Ids extracted after ``EXTRACTION_CALLS["documents"]`` was ``documents_before`` (only
    the last RECENT_IDS are remembered)."""
    with _lock:
        n = EXTRACTION_CALLS["documents"] - documents_before
        ids = EXTRACTION_CALLS["ids"]
        return list(ids)[len(ids) - min(n, len(ids)) :] if n > 0 else []


def extract_docs(docs: list[Document], model: str | None = None) -> list[Extraction]:
    from her2mine.extract import extract_documents
    from her2mine.extract.pipeline import default_pipeline

    with _lock:
        nlp = default_pipeline(model)
        result = list(extract_documents(docs, nlp=nlp, batch_size=max(1, len(docs))))
        EXTRACTION_CALLS["batches"] += 1
        EXTRACTION_CALLS["documents"] += len(docs)
        EXTRACTION_CALLS["ids"].extend(d.id for d in docs)
    return result
