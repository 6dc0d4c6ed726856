"""Curated tables: Parquet + CSV + DuckDB, stable ids, versions (see docs/tables.md).

Typical use (pipeline)::

    store = TableStore(settings.processed_dir)
    run_id = store.begin_run({"input": "refs.txt"})
    tables = build_tables(references, works, extractions, resolutions, run_id=run_id)
    publish(store, tables, run_id=run_id)
    store.finish_run(run_id, "completed")
"""

from her2mine.tables.build import build_tables, work_id_of
from her2mine.tables.derive import current_decisions
from her2mine.tables.ids import evidence_hash, hash_record, work_id
from her2mine.tables.publish import merge_batch, publish
from her2mine.tables.schema import SPECS, TABLE_NAMES, data_dictionary_markdown
from her2mine.tables.store import TableStore, upsert_frame

__all__ = [
    "SPECS",
    "TABLE_NAMES",
    "TableStore",
    "build_tables",
    "current_decisions",
    "data_dictionary_markdown",
    "evidence_hash",
    "hash_record",
    "merge_batch",
    "publish",
    "upsert_frame",
    "work_id",
    "work_id_of",
]
