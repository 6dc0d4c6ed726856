"""Small types shared by the source clients."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

from her2mine.http.store import seconds_since
from her2mine.models import Work

# Called with the number of identifiers just finished.
Progress = Callable[[int], None]


@dataclass
class Failure:
    """One request that failed after all retries, and the identifiers it was carrying."""

    service: str  # eutils | idconv | crossref
    error: str
    ids: list[str] = field(default_factory=list)
    request: str | None = None  # method + URL, api_key redacted

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def not_found_work(doi: str, reason: str) -> Work:
    return Work(doi=doi, status="not_found", reason=reason)


def failed_work(doi: str, reason: str) -> Work:
    return Work(doi=doi, status="failed", reason=reason)


def checked_now() -> str:
    """UTC time stamp put on negative index entries (``"checked"``)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def negative_expired(entry: Mapping[str, Any], ttl_seconds: float) -> bool:
    """True when a stored "not found" answer is due to be asked again.

    Entries written before answers carried a ``checked`` time count as expired (asked once
    more, then time-stamped).
    """
    age = seconds_since(entry.get("checked"))
    return age is None or age >= ttl_seconds
