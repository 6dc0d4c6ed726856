"""Sliding-window rate limiter: at most ``limit`` accepted requests per ``window`` seconds."""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque


class SlidingWindow:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._hits: dict[object, deque[float]] = defaultdict(deque)

    def allow(self, key: object, limit: int, window: float) -> tuple[bool, int]:
        """Record a request for ``key`` if allowed; returns (allowed, requests in window).

        Rejected requests are not counted, so a client that backs off recovers.
        """
        now = time.monotonic()
        with self._lock:
            q = self._hits[key]
            while q and q[0] <= now - window:
                q.popleft()
            if len(q) >= limit:
                return False, len(q) + 1
            q.append(now)
            return True, len(q)

    def reset(self) -> None:
        with self._lock:
            self._hits.clear()
