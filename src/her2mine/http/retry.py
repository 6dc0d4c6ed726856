"""Retry policy: which failures are worth another try, and how long to wait before it.

Exponential backoff with full jitter (sleep ``uniform(0, min(cap, base * 2**n))``), except when the
server says how long to wait (``Retry-After``, in seconds or as an HTTP date), which is honoured
up to ``retry_after_max``.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})

# Service errors reported inside an HTTP 200 body that are about the service, not the request:
# NCBI's "Search Backend failed: ...", "Unable to obtain query #1", timeouts, "try again later".
# Request errors ("Invalid db name specified", "Empty id list") must not match.
_TRANSIENT_MESSAGE = re.compile(
    r"backend failed|temporar(?:y|ily)|try again|timed?[ -]?out|server (?:is )?busy"
    r"|unavailable|unable to obtain query|too many requests|internal (?:server )?error"
    r"|could not connect|connection (?:reset|refused|closed)",
    re.IGNORECASE,
)


class RetryableError(Exception):
    """One failed attempt that may succeed if repeated (status None: timeout/connection/body)."""

    def __init__(
        self, message: str, *, status: int | None = None, retry_after: float | None = None
    ):
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after


def looks_transient(message: str) -> bool:
    """True when a service error message describes a passing failure worth another try."""
    return bool(_TRANSIENT_MESSAGE.search(message or ""))


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or HTTP date); None if absent."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    now = now or datetime.now(UTC)
    return max(0.0, (when - now).total_seconds())


@dataclass(frozen=True)
class RetryPolicy:
    max_retries: int = 5  # retries after the first attempt
    backoff_base: float = 1.0
    backoff_cap: float = 30.0
    retry_after_max: float = 120.0

    @property
    def attempts(self) -> int:
        return 1 + max(0, self.max_retries)

    def wait(
        self, attempt: int, error: BaseException | None, rng: random.Random | None = None
    ) -> float:
        """Seconds to sleep after failed attempt number ``attempt`` (1-based)."""
        retry_after = getattr(error, "retry_after", None)
        if retry_after is not None:
            return min(retry_after, self.retry_after_max)
        ceiling = min(self.backoff_cap, self.backoff_base * 2 ** (attempt - 1))
        return (rng or random).uniform(0.0, ceiling)
