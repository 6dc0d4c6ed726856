"""Per-identifier indexes over the raw store, so a re-run asks the network only for what it lacks.

Each index is an append-only JSON-lines log ``raw/index/<name>.jsonl``: one line
``{"k": identifier, "v": entry}`` per change (``"v": null`` removes the identifier); the last line
for an identifier wins. Entries point at stored bodies by hash (``{"body": "<sha256>"}``) or
record a negative answer (``{"found": false, "checked": "<UTC date>"}``).

Why a log: an update appends only its own entries (cost of the batch, not of the whole index),
so a large store is not rewritten once per batch. The map is kept in memory per process; every
write takes an exclusive ``flock`` on ``<name>.lock``, first reads the lines other processes
appended since (so concurrent runs merge instead of overwriting each other), then appends.
The log is compacted (rewritten atomically, one line per identifier) when it is mostly
superseded lines. A torn last line (crash mid-append) is skipped with a warning. A legacy
``<name>.json`` (one JSON object) is read as the starting content.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import threading
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from her2mine.fsutil import atomic_write_text

log = logging.getLogger(__name__)

# Compact when the log holds this many more lines than live identifiers (and more than twice).
COMPACT_SLACK = 1000


class IdIndex:
    """A small persistent map from identifier (DOI, PMID) to an entry dict."""

    def __init__(self, root: Path, name: str) -> None:
        folder = Path(root) / "index"
        self.path = folder / f"{name}.jsonl"
        self.legacy_path = folder / f"{name}.json"
        self.lock_path = folder / f"{name}.lock"
        self._lock = threading.Lock()
        self._data: dict[str, Any] | None = None
        self._lines = 0  # lines in the log as read so far (for compaction)
        self._pos: tuple[int, int] | None = None  # (inode, byte offset) read up to

    # -- reading -------------------------------------------------------------------------

    def _read_legacy(self) -> dict[str, Any]:
        try:
            data = json.loads(self.legacy_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            # A damaged index only costs re-fetching; the raw store still holds the bodies.
            log.warning("ignoring unreadable index %s (%s)", self.legacy_path, exc)
            return {}
        return data if isinstance(data, dict) else {}

    def _apply(self, data: dict[str, Any], chunk: bytes) -> int:
        """Apply complete log lines; returns how many bytes of ``chunk`` were consumed."""
        end = chunk.rfind(b"\n") + 1
        for raw in chunk[:end].splitlines():
            if not raw.strip():
                continue
            self._lines += 1
            try:
                rec = json.loads(raw)
                ident, entry = str(rec["k"]), rec.get("v")
            except (ValueError, KeyError, TypeError) as exc:
                log.warning("skipping unreadable line in %s (%s)", self.path, exc)
                continue
            if entry is None:
                data.pop(ident, None)
            else:
                data[ident] = entry
        return end

    def _catch_up(self) -> dict[str, Any]:
        """Apply what was appended to the log since the last read (all of it if replaced)."""
        if self._data is None:
            self._data, self._lines, self._pos = self._read_legacy(), 0, None
        try:
            with open(self.path, "rb") as fh:
                inode = os.fstat(fh.fileno()).st_ino
                if self._pos is None or self._pos[0] != inode:
                    # First read, or the log was compacted (a new file): start over.
                    self._data, self._lines, offset = self._read_legacy(), 0, 0
                else:
                    offset = self._pos[1]
                fh.seek(offset)
                consumed = self._apply(self._data, fh.read())
                self._pos = (inode, offset + consumed)
        except FileNotFoundError:
            pass
        except OSError as exc:
            log.warning("ignoring unreadable index %s (%s)", self.path, exc)
        return self._data

    def _loaded(self) -> dict[str, Any]:
        if self._data is None:
            with self._file_lock():
                self._catch_up()
        return self._data  # type: ignore[return-value]

    # -- writing -------------------------------------------------------------------------

    @contextlib.contextmanager
    def _file_lock(self) -> Iterator[None]:
        """Exclusive lock between processes (threads are serialised by ``self._lock``)."""
        try:
            self.lock_path.parent.mkdir(parents=True, exist_ok=True)
            fd: int | None = os.open(self.lock_path, os.O_CREAT | os.O_RDWR, 0o644)
        except OSError:
            fd = None  # read-only store: reading still works, writes fail loudly
        try:
            if fd is not None:
                fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            if fd is not None:
                os.close(fd)  # releases the lock

    def _append(self, changes: Mapping[str, Any]) -> None:
        data = self._catch_up()
        lines = "".join(
            json.dumps({"k": k, "v": v}, sort_keys=True, separators=(",", ":")) + "\n"
            for k, v in changes.items()
        ).encode("utf-8")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path, "ab") as fh:
            if fh.tell() and self._pos is not None and self._pos[1] != fh.tell():
                lines = b"\n" + lines  # a torn last line must not swallow our first one
            fh.write(lines)
            fh.flush()
            os.fsync(fh.fileno())
            self._pos = (os.fstat(fh.fileno()).st_ino, fh.tell())
        for k, v in changes.items():
            if v is None:
                data.pop(k, None)
            else:
                data[k] = v
        self._lines += len(changes)
        if self._lines > 2 * len(data) + COMPACT_SLACK:
            self._compact(data)

    def _compact(self, data: dict[str, Any]) -> None:
        text = "".join(
            json.dumps({"k": k, "v": v}, sort_keys=True, separators=(",", ":")) + "\n"
            for k, v in sorted(data.items())
        )
        atomic_write_text(self.path, text)
        self._lines = len(data)
        st = self.path.stat()
        self._pos = (st.st_ino, st.st_size)
        with contextlib.suppress(OSError):
            self.legacy_path.unlink()  # now folded into the log

    # -- the map ---------------------------------------------------------------------------

    def get(self, ident: str) -> Any | None:
        with self._lock:
            return self._loaded().get(ident)

    def __contains__(self, ident: str) -> bool:
        return self.get(ident) is not None

    def __len__(self) -> int:
        with self._lock:
            return len(self._loaded())

    def update(self, entries: Mapping[str, Any]) -> None:
        """Add or replace entries (one append to the log)."""
        if not entries:
            return
        with self._lock, self._file_lock():
            self._append(dict(entries))

    def discard(self, idents: Iterable[str]) -> None:
        """Forget identifiers (their entries were unusable)."""
        idents = list(dict.fromkeys(idents))
        if not idents:
            return
        with self._lock, self._file_lock():
            self._append({ident: None for ident in idents})
