"""TableStore: Parquet + CSV twins, manifest with checksums, versions, DuckDB file, SQL.

Layout of ``out_dir``::

    <table>.parquet, <table>.csv    current version of each table (CSV: lists as JSON text)
    manifest.json                   per table: version, rows, sha256 of both files; write history
    versions/<table>/<version>.parquet   previous versions (the newest ``keep_versions`` kept)
    her2mine.duckdb                 all tables + views (rebuilt by ``load_duckdb``)
    .lock                           advisory lock: writers (pipeline, web app, import) serialise

Every file is written to a temp file in the same directory and moved into place with
``os.replace``, so readers see the old or the new version, never half of one.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import secrets
import shutil
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from her2mine import __version__
from her2mine.errors import InputError, ParseError
from her2mine.fsutil import atomic_write, sha256_file
from her2mine.tables.schema import (
    BOOL,
    FLOAT,
    INT,
    LIST_TYPES,
    TABLE_NAMES,
    empty_frame,
    spec,
    to_arrow,
    to_pandas,
)
from her2mine.tables.views import VIEWS

log = logging.getLogger(__name__)

DUCKDB_NAME = "her2mine.duckdb"
MANIFEST_NAME = "manifest.json"
HISTORY_LIMIT = 500
_SECRET_WORDS = ("key", "token", "secret", "password", "passwd", "auth")

_locks: dict[str, threading.RLock] = {}
_locks_guard = threading.Lock()
_depth = threading.local()


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def new_run_id() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S") + "-" + secrets.token_hex(3)


def scrub_params(params: dict[str, Any] | None) -> dict[str, Any]:
    """Drop anything that looks like a secret (api keys, tokens...) from run parameters."""
    out: dict[str, Any] = {}
    for k, v in (params or {}).items():
        if any(w in str(k).lower() for w in _SECRET_WORDS):
            continue
        out[str(k)] = scrub_params(v) if isinstance(v, dict) else v
    return out


def upsert_frame(
    old: pd.DataFrame, new: pd.DataFrame, key: str, partition: str | None = None
) -> pd.DataFrame:
    """Rows of ``new`` replace rows of ``old`` with the same ``key``; other old rows are kept.

    With ``partition`` (e.g. ``work_id``), old rows whose partition value appears in ``new`` are
    all dropped first, so rows that disappeared from a re-processed work do not linger. A
    re-processed work that now yields no rows at all is named in ``new.attrs["partitions"]``.
    """
    if old.empty:
        return new.reset_index(drop=True)
    keep = ~old[key].isin(set(new[key]))
    if partition is not None:
        done = set(new[partition]) | set(new.attrs.get("partitions", ()))
        keep &= ~old[partition].isin(done)
    parts = [df for df in (old[keep], new) if not df.empty]
    if not parts:
        return new.reset_index(drop=True)
    return pd.concat(parts, ignore_index=True)


def _csv_frame(name: str, path: Path) -> pd.DataFrame:
    """Read a CSV twin back into typed columns (empty cell = null, lists as JSON)."""
    df = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    df = df.astype(object).where(df.notna(), None)
    for col in spec(name).columns:
        if col.name not in df.columns:
            continue
        conv: Callable[[str], Any] | None = None
        if col.type == INT:
            conv = int
        elif col.type == FLOAT:
            conv = float
        elif col.type == BOOL:
            conv = {"True": True, "False": False, "true": True, "false": False}.__getitem__
        elif col.type in LIST_TYPES:
            conv = json.loads
        if conv is not None:
            try:
                df[col.name] = [None if v is None else conv(v) for v in df[col.name]]
            except (ValueError, KeyError, json.JSONDecodeError) as e:
                raise ParseError(
                    f"column {col.name!r}: bad value ({e})", source=str(path)
                ) from None
    return df


class TableStore:
    """The curated tables in ``out_dir`` (see module docstring for the layout)."""

    def __init__(self, out_dir: str | Path, *, keep_versions: int = 5) -> None:
        self.out_dir = Path(out_dir)
        self.keep_versions = keep_versions

    # -- paths and manifest -------------------------------------------------------------
    def path(self, name: str, ext: str = "parquet") -> Path:
        spec(name)
        return self.out_dir / f"{name}.{ext}"

    @property
    def duckdb_path(self) -> Path:
        return self.out_dir / DUCKDB_NAME

    @property
    def manifest_path(self) -> Path:
        return self.out_dir / MANIFEST_NAME

    def manifest(self) -> dict[str, Any]:
        if not self.manifest_path.exists():
            return {"tables": {}, "history": []}
        try:
            return json.loads(self.manifest_path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            raise ParseError(f"corrupt manifest ({e})", source=str(self.manifest_path)) from None

    def _write_manifest(self, manifest: dict[str, Any]) -> None:
        text = json.dumps(manifest, indent=1, sort_keys=True)
        atomic_write(self.manifest_path, lambda p: p.write_text(text, encoding="utf-8"))

    def exists(self, name: str) -> bool:
        return self.path(name).exists() or name in self.manifest()["tables"]

    # -- locking --------------------------------------------------------------------------
    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """Exclusive writer lock (re-entrant in a thread; flock across processes)."""
        self.out_dir.mkdir(parents=True, exist_ok=True)
        key = str(self.out_dir.resolve())
        with _locks_guard:
            rlock = _locks.setdefault(key, threading.RLock())
        with rlock:
            depths = getattr(_depth, "d", None)
            if depths is None:
                depths = _depth.d = {}
            if depths.get(key, 0) == 0:
                fh = open(self.out_dir / ".lock", "a+")  # noqa: SIM115 - held for the block
                fcntl.flock(fh, fcntl.LOCK_EX)
                depths[key] = 1
                try:
                    yield
                finally:
                    depths[key] = 0
                    fcntl.flock(fh, fcntl.LOCK_UN)
                    fh.close()
            else:
                depths[key] += 1
                try:
                    yield
                finally:
                    depths[key] -= 1

    # -- reading --------------------------------------------------------------------------
    def read_arrow(self, name: str) -> pa.Table:
        """The current version of table ``name`` as Arrow (empty table if never written).

        A corrupt Parquet file is recovered from its CSV twin when the twin's checksum matches
        the manifest (same version); otherwise ParseError names the file.
        """
        s = spec(name)
        pq_path, csv_path = self.path(name), self.path(name, "csv")
        entry = self.manifest()["tables"].get(name)
        if not pq_path.exists() and entry is None:
            return s.arrow_schema.empty_table()
        problem: str
        if pq_path.exists():
            try:
                table = pq.read_table(pq_path)
                if table.schema.names != s.names or any(
                    not table.schema.field(c.name).type.equals(c.type) for c in s.columns
                ):
                    raise ParseError(
                        f"schema differs from table {name!r}: {table.schema}", source=str(pq_path)
                    )
                if entry and entry.get("parquet_sha256") != sha256_file(pq_path):
                    log.warning(
                        "%s does not match manifest.json (written outside her2mine?)", pq_path
                    )
                return table.cast(s.arrow_schema)
            except (pa.ArrowException, OSError, ParseError) as e:
                problem = f"unreadable or corrupt Parquet file ({e})"
        else:
            problem = "Parquet file is missing"
        if entry and csv_path.exists() and entry.get("csv_sha256") == sha256_file(csv_path):
            log.warning("%s: %s; recovered from CSV twin %s", pq_path, problem, csv_path)
            return to_arrow(name, _csv_frame(name, csv_path))
        versions = self.versions(name)
        hint = (
            f"; previous versions: {', '.join(versions[-3:])} (TableStore.restore)"
            if versions
            else ""
        )
        raise ParseError(f"{problem}; no matching CSV twin{hint}", source=str(pq_path))

    def read(self, name: str) -> pd.DataFrame:
        """The current version of table ``name`` (lists as Python lists, ints as Int64)."""
        return to_pandas(name, self.read_arrow(name))

    def versions(self, name: str) -> list[str]:
        """Stored previous versions of ``name``, oldest first."""
        d = self.out_dir / "versions" / name
        return sorted(p.stem for p in d.glob("*.parquet")) if d.is_dir() else []

    def read_version(self, name: str, version: str) -> pd.DataFrame:
        p = self.out_dir / "versions" / name / f"{version}.parquet"
        if not p.exists():
            raise InputError(f"table {name!r} has no version {version!r} in {p.parent}")
        try:
            return to_pandas(name, pq.read_table(p).cast(spec(name).arrow_schema))
        except (pa.ArrowException, OSError) as e:
            raise ParseError(f"unreadable version ({e})", source=str(p)) from None

    def restore(self, name: str, version: str) -> None:
        """Make a previous version current again (the current one becomes a version)."""
        self.write(name, self.read_version(name, version), note=f"restore {version}")

    # -- writing --------------------------------------------------------------------------
    def write(
        self, name: str, df: pd.DataFrame, *, run_id: str | None = None, note: str | None = None
    ) -> None:
        """Validate ``df`` and write it as the new current version of ``name`` (atomic)."""
        table = to_arrow(name, df)
        with self.lock():
            manifest = self.manifest()
            old = manifest["tables"].get(name)
            pq_path = self.path(name)
            if old and pq_path.exists():
                self._keep_version(name, old["version"], pq_path)
            version = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f") + "-" + (run_id or "manual")
            atomic_write(pq_path, lambda p: pq.write_table(table, p))
            csv_df = to_pandas(name, table)
            for col in spec(name).columns:
                if col.type in LIST_TYPES:
                    csv_df[col.name] = [json.dumps(v, ensure_ascii=False) for v in csv_df[col.name]]
            csv_path = self.path(name, "csv")
            atomic_write(csv_path, lambda p: csv_df.to_csv(p, index=False))
            entry = {
                "version": version,
                "rows": table.num_rows,
                "written_at": utc_now(),
                "run_id": run_id,
                "parquet_sha256": sha256_file(pq_path),
                "csv_sha256": sha256_file(csv_path),
            }
            manifest["tables"][name] = entry
            manifest["history"] = (
                manifest.get("history", []) + [{"table": name, "note": note, **entry}]
            )[-HISTORY_LIMIT:]
            self._write_manifest(manifest)

    def _keep_version(self, name: str, version: str, current: Path) -> None:
        d = self.out_dir / "versions" / name
        atomic_write(d / f"{version}.parquet", lambda p: shutil.copyfile(current, p))
        for stale in self.versions(name)[: -self.keep_versions or None]:
            (d / f"{stale}.parquet").unlink(missing_ok=True)

    def upsert(
        self,
        name: str,
        df: pd.DataFrame,
        key: str | None = None,
        *,
        partition: str | None = None,
        run_id: str | None = None,
    ) -> pd.DataFrame:
        """Insert or replace rows by ``key`` (default: the table's key); returns the new table."""
        key = key or spec(name).key
        with self.lock():
            merged = upsert_frame(self.read(name), df, key, partition)
            self.write(name, merged, run_id=run_id)
        return merged

    # -- runs -----------------------------------------------------------------------------
    def begin_run(self, params: dict[str, Any] | None = None, kind: str = "pipeline") -> str:
        """Record a new run (status ``running``) and return its run_id."""
        run_id = new_run_id()
        row = {
            "run_id": run_id,
            "kind": kind,
            "started_at": utc_now(),
            "finished_at": None,
            "status": "running",
            "params": json.dumps(scrub_params(params), default=str, sort_keys=True),
            "counts": "{}",
            "pipeline_version": __version__,
        }
        self.upsert("runs", pd.DataFrame([row]), run_id=run_id)
        return run_id

    def finish_run(
        self, run_id: str, status: str = "completed", counts: dict[str, int] | None = None
    ) -> None:
        """Mark a run finished (``completed`` | ``failed``) with the row counts."""
        with self.lock():
            runs = self.read("runs")
            if run_id not in set(runs["run_id"]):
                raise InputError(f"unknown run_id {run_id!r} in {self.path('runs')}")
            i = runs.index[runs["run_id"] == run_id][0]
            runs.loc[i, "finished_at"] = utc_now()
            runs.loc[i, "status"] = status
            runs.loc[i, "counts"] = json.dumps(counts if counts is not None else self.counts())
            self.write("runs", runs, run_id=run_id)

    # -- DuckDB ---------------------------------------------------------------------------
    def load_duckdb(self) -> Path:
        """(Re)build ``her2mine.duckdb``: every table plus the views; atomic replace."""
        import duckdb

        tables = {name: self.read_arrow(name) for name in TABLE_NAMES}
        self.out_dir.mkdir(parents=True, exist_ok=True)

        def build(tmp: Path) -> None:
            tmp.unlink()  # duckdb wants to create the file itself
            wal = Path(str(tmp) + ".wal")
            try:
                con = duckdb.connect(str(tmp))
                try:
                    for name, table in tables.items():
                        con.register("_src", table)
                        con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM _src')
                        con.unregister("_src")
                    for view, sql in VIEWS.items():
                        con.execute(f'CREATE VIEW "{view}" AS {sql}')
                    con.execute("CHECKPOINT")
                finally:
                    con.close()
            finally:
                wal.unlink(missing_ok=True)

        atomic_write(self.duckdb_path, build)
        return self.duckdb_path

    def query(self, sql: str) -> pd.DataFrame:
        """Run DuckDB SQL over the current tables and views (always fresh; in memory)."""
        import duckdb

        con = duckdb.connect(":memory:")
        try:
            for name in TABLE_NAMES:
                con.register(name, self.read_arrow(name))
            for view, vsql in VIEWS.items():
                con.execute(f'CREATE VIEW "{view}" AS {vsql}')
            try:
                rel = con.sql(sql)
                # Statements without a result (e.g. SET) return None.
                return rel.df() if rel is not None else pd.DataFrame()
            except duckdb.Error as e:
                raise InputError(f"query failed: {e}".splitlines()[0] + f" | SQL: {sql}") from None
        finally:
            con.close()

    def counts(self) -> dict[str, int]:
        """Rows per table (0 for tables never written)."""
        tables = self.manifest()["tables"]
        return {
            name: tables[name]["rows"] if name in tables else self.read_arrow(name).num_rows
            for name in TABLE_NAMES
        }

    def empty(self, name: str) -> pd.DataFrame:
        return empty_frame(name)
