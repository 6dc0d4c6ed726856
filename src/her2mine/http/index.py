"""Per-identifier indexes over the raw store, so a re-run asks the network only for what it lacks.

Each index is one JSON object ``{identifier: entry}`` in ``raw/index/<name>.json``; entries point
at stored bodies by hash (``{"body": "<sha256>"}``) or record a negative answer
(``{"found": false}``). Updates re-read the file, merge and replace it atomically, so two runs
writing in turn do not lose each other's entries.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from her2mine.http.store import atomic_write_bytes

log = logging.getLogger(__name__)


class IdIndex:
    """A small persistent map from identifier (DOI, PMID) to an entry dict."""

    def __init__(self, root: Path, name: str) -> None:
        self.path = Path(root) / "index" / f"{name}.json"
        self._lock = threading.Lock()
        self._data: dict[str, Any] | None = None

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            # A damaged index only costs re-fetching; the raw store still holds the bodies.
            log.warning("ignoring unreadable index %s (%s)", self.path, exc)
            return {}
        return data if isinstance(data, dict) else {}

    def _loaded(self) -> dict[str, Any]:
        if self._data is None:
            self._data = self._read()
        return self._data

    def get(self, ident: str) -> Any | None:
        with self._lock:
            return self._loaded().get(ident)

    def __contains__(self, ident: str) -> bool:
        return self.get(ident) is not None

    def __len__(self) -> int:
        with self._lock:
            return len(self._loaded())

    def update(self, entries: Mapping[str, Any]) -> None:
        if not entries:
            return
        with self._lock:
            data = self._read()
            data.update(entries)
            self._data = data
            text = json.dumps(data, sort_keys=True, separators=(",", ":"))
            atomic_write_bytes(self.path, text.encode())

    def discard(self, idents: Iterable[str]) -> None:
        idents = list(idents)
        if not idents:
            return
        with self._lock:
            data = self._read()
            for ident in idents:
                data.pop(ident, None)
            self._data = data
            atomic_write_bytes(self.path, json.dumps(data, sort_keys=True).encode())
