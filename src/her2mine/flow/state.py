"""Incremental-refresh state: what the last successful runs already did.

One small JSON file next to the tables (``<out>/refresh_state.json``) so state and tables travel
together: deleting the tables also forgets the state, and a full (correct) refresh follows. It is
written atomically and only AFTER the tables were published, so a run killed half-way leaves the
previous state and the next run redoes the interrupted work (table writes are upserts by stable
id: redoing never duplicates rows). An unreadable state file is reported and treated as empty:
the next run is a full refresh answered mostly from the raw store and the extraction cache.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from her2mine.fsutil import atomic_write_bytes, sha256_file

log = logging.getLogger(__name__)

STATE_FILE = "refresh_state.json"
STATE_VERSION = 1


@dataclass
class WorkState:
    hash: str  # tables.build.work_content_hash of the published, extracted record
    pmid: str | None = None
    doi: str | None = None
    pipeline: str | None = None  # PIPELINE_VERSION it was extracted with


@dataclass
class RefreshState:
    last_success: str | None = None  # YYYY/MM/DD of the start of the last successful run
    queries: dict[str, dict[str, str]] = field(default_factory=dict)  # name -> term_sha, date
    inputs: dict[str, str] = field(default_factory=dict)  # reference file -> sha256
    works: dict[str, WorkState] = field(default_factory=dict)  # work_id -> WorkState
    pending: list[str] = field(default_factory=list)  # DOIs/PMIDs whose fetch failed: retry

    @property
    def known_pmids(self) -> set[str]:
        return {w.pmid for w in self.works.values() if w.pmid}

    @property
    def known_dois(self) -> set[str]:
        return {w.doi for w in self.works.values() if w.doi}

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["version"] = STATE_VERSION
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> RefreshState:
        if d.get("version") != STATE_VERSION:
            raise ValueError(f"unsupported state version {d.get('version')!r}")
        return cls(
            last_success=d.get("last_success"),
            queries={str(k): dict(v) for k, v in (d.get("queries") or {}).items()},
            inputs={str(k): str(v) for k, v in (d.get("inputs") or {}).items()},
            works={str(k): WorkState(**v) for k, v in (d.get("works") or {}).items()},
            pending=[str(x) for x in d.get("pending") or []],
        )


def state_path(out_dir: str | Path) -> Path:
    return Path(out_dir) / STATE_FILE


def load_state(out_dir: str | Path) -> tuple[RefreshState, str | None]:
    """The saved state, and a warning when a damaged file had to be ignored."""
    path = state_path(out_dir)
    try:
        return RefreshState.from_dict(json.loads(path.read_text(encoding="utf-8"))), None
    except FileNotFoundError:
        return RefreshState(), None
    except (OSError, ValueError, TypeError, AttributeError) as exc:
        warning = f"ignoring unreadable refresh state {path} ({exc}); doing a full refresh"
        log.warning(warning)
        return RefreshState(), warning


def save_state(out_dir: str | Path, state: RefreshState) -> Path:
    """Atomic write (temp file in the same directory, fsync, os.replace)."""
    path = state_path(out_dir)
    atomic_write_bytes(path, json.dumps(state.to_dict(), indent=1, sort_keys=True).encode())
    return path


# The flow's name for the one file-hashing helper (her2mine.fsutil).
file_sha256 = sha256_file
