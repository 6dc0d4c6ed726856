"""Process-wide request pacing: one limiter per service host, shared by all threads.

The limiter spaces request *starts* at least ``1/rate`` seconds apart (plus a safety margin), so
no window of one second ever holds more than ``rate`` starts, whatever the threads do; a start is
taken when its caller is released, not reserved ahead, so a thread that wakes late cannot bunch
with the next. Crossref
advertises its limits per response (``X-Rate-Limit-Limit`` / ``X-Rate-Limit-Interval``); the
limiter adapts to them at run time. A concurrency cap bounds requests in flight.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager

# Starts are spaced 10% wider than 1/rate: network jitter can bunch arrivals at the server.
SAFETY_MARGIN = 1.10
_INTERVAL_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$", re.IGNORECASE)
_UNIT_SECONDS = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0}


class RateLimiter:
    """Minimum interval between request starts, with an optional cap on requests in flight."""

    def __init__(
        self,
        rate: float,
        *,
        max_in_flight: int | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if rate <= 0:
            raise ValueError(f"rate must be positive, got {rate}")
        self._lock = threading.Lock()
        self._rate = rate
        # The next start is computed from the last one at wait time, so a rate learnt from a
        # response applies to the very next request.
        self._last_start = float("-inf")
        self._paused_until = float("-inf")
        self._clock = clock
        self._sleep = sleep
        self._slots = threading.BoundedSemaphore(max_in_flight) if max_in_flight else None
        self.max_in_flight = max_in_flight

    @property
    def rate(self) -> float:
        return self._rate

    @property
    def interval(self) -> float:
        return SAFETY_MARGIN / self._rate

    def set_rate(self, rate: float) -> None:
        if rate > 0:
            with self._lock:
                self._rate = rate

    def pause_until(self, deadline: float) -> None:
        """Hold every start until ``deadline`` (clock time), e.g. after a Retry-After."""
        with self._lock:
            self._paused_until = max(self._paused_until, deadline)

    def pause_for(self, seconds: float) -> None:
        self.pause_until(self._clock() + max(0.0, seconds))

    def wait(self) -> float:
        """Block until this caller may start a request; returns its start time.

        A start is taken only when its caller is awake to use it: a thread that wakes late (a
        loaded machine) must not hold an earlier slot while the next caller goes on time, or
        the server sees two requests closer than one interval."""
        while True:
            with self._lock:
                now = self._clock()
                start = max(now, self._last_start + self.interval, self._paused_until)
                if start <= now:
                    self._last_start = now
                    return now
            self._sleep(start - now)

    @contextmanager
    def slot(self) -> Iterator[None]:
        """Take a concurrency slot (if capped), then wait for a start time."""
        if self._slots is not None:
            self._slots.acquire()
        try:
            self.wait()
            yield
        finally:
            if self._slots is not None:
                self._slots.release()

    def adapt(self, headers: Mapping[str, str]) -> float | None:
        """Follow ``X-Rate-Limit-Limit`` / ``X-Rate-Limit-Interval`` when present and sane."""
        rate = advertised_rate(headers)
        if rate is not None:
            self.set_rate(rate)
        return rate


def parse_interval(text: str) -> float | None:
    """``"1s"`` → 1.0, ``"60s"`` → 60.0, ``"500ms"`` → 0.5; None when unreadable."""
    match = _INTERVAL_RE.match(text or "")
    if not match:
        return None
    seconds = float(match.group(1)) * _UNIT_SECONDS[(match.group(2) or "s").lower()]
    return seconds if seconds > 0 else None


def advertised_rate(headers: Mapping[str, str]) -> float | None:
    """Requests per second advertised by the X-Rate-Limit-* headers, or None."""
    limit, interval = headers.get("X-Rate-Limit-Limit"), headers.get("X-Rate-Limit-Interval")
    if not limit or not interval:
        return None
    try:
        count = float(limit)
    except ValueError:
        return None
    seconds = parse_interval(interval)
    if seconds is None or count <= 0:
        return None
    return count / seconds


_registry: dict[str, RateLimiter] = {}
_registry_lock = threading.Lock()


def get_limiter(key: str, rate: float, *, max_in_flight: int | None = None) -> RateLimiter:
    """The process-wide limiter for ``key`` (e.g. ``"ncbi@eutils.ncbi.nlm.nih.gov"``).

    Created on first use with ``rate`` and shared by later callers; a caller with a fixed,
    known rate (NCBI: 3/s, 10/s with an api_key) sets it with ``set_rate``.
    """
    with _registry_lock:
        limiter = _registry.get(key)
        if limiter is None:
            limiter = _registry[key] = RateLimiter(rate, max_in_flight=max_in_flight)
        return limiter


def reset_limiters() -> None:
    """Forget all limiters (tests that need a fresh pacing state)."""
    with _registry_lock:
        _registry.clear()
