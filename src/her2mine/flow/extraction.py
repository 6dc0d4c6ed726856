"""The extraction work of one batch, importable by reference (Dask workers pickle the task
function by value; everything it needs must live in a module like this one)."""

from __future__ import annotations

import threading
from typing import Any

from her2mine.models import Document, Extraction

_lock = threading.Lock()  # one spaCy pipeline per process, used by one thread at a time

# Extraction work done in this process (read by tests and the benchmark).
EXTRACTION_CALLS: dict[str, Any] = {"batches": 0, "documents": 0, "ids": []}


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
