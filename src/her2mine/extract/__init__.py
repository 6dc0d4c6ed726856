"""Evidence extraction: drugs, trials and numeric outcomes tied to arms (scispaCy + rules).

Public API (the evaluator, the Prefect flow and the web app call these):
``build_pipeline``, ``extract_document``, ``extract_documents``, ``read_documents``,
``PIPELINE_VERSION``.
"""

from __future__ import annotations

from her2mine.extract.pipeline import (
    PIPELINE_VERSION,
    build_pipeline,
    extract_document,
    extract_documents,
)
from her2mine.extract.reader import read_documents

__all__ = [
    "PIPELINE_VERSION",
    "build_pipeline",
    "extract_document",
    "extract_documents",
    "read_documents",
]
