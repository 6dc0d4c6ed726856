"""Deterministic fault injection for the protocol server.

A ``Fault`` applies to one service (``eutils``, ``idconv``, ``crossref`` or ``any``) and fires on
a chosen subset of that service's requests:

* ``times=N``: the next N matching requests (after skipping ``after``), then it is used up;
* ``every=K``: every K-th matching request (K, 2K, ...), at most ``times`` if given;
* ``fraction=p``: each matching request with probability p from ``random.Random(seed)``;
* none of them: every matching request (a lasting outage).

Kinds: ``429`` (with ``Retry-After: retry_after``; ``retry_after=None`` sends no header),
``429_no_retry_after``, ``500``, ``502``, ``503``, ``slow`` (sleeps ``delay`` seconds, then
answers normally), ``truncated`` (HTTP 200, real body cut at ``keep`` of its length),
``malformed_json`` (HTTP 200, ``application/json`` that does not parse), ``error_200``
(E-utilities only: HTTP 200 whose body is an ``<ERROR>Search Backend failed: ...</ERROR>``
document, as NCBI reports back-end trouble), ``drip`` (the real answer, its body sent in
``DRIP_PIECES`` pieces ``delay`` seconds apart: every read is quick, the whole body slow),
``drip_headers`` (the same for the status line and headers; the body follows at once).
"""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass, field

KINDS = (
    "429",
    "429_no_retry_after",
    "500",
    "502",
    "503",
    "slow",
    "truncated",
    "malformed_json",
    "error_200",
    "drip",
    "drip_headers",
)
DRIP_PIECES = 10
BACKEND_ERROR = "Search Backend failed: Read timed out"
SERVICES = ("eutils", "idconv", "crossref", "any")


@dataclass
class Fault:
    kind: str
    service: str = "any"
    times: int | None = None
    every: int | None = None
    fraction: float | None = None
    after: int = 0  # let this many matching requests through first
    delay: float = 5.0  # slow: seconds to sleep
    retry_after: int | None = 1  # 429: Retry-After header value (None: no header)
    keep: float = 0.5  # truncated: fraction of the body kept
    seed: int = 0
    endpoint: str | None = None  # optional: only requests whose path contains this
    # run-time state
    seen: int = field(default=0, init=False)
    fired: int = field(default=0, init=False)

    def __post_init__(self) -> None:
        if self.kind == "429_no_retry_after":
            self.retry_after = None
        if self.kind not in KINDS:
            raise ValueError(f"unknown fault kind {self.kind!r}; choose from {KINDS}")
        if self.service not in SERVICES:
            raise ValueError(f"unknown service {self.service!r}; choose from {SERVICES}")
        if self.fraction is not None and not 0 <= self.fraction <= 1:
            raise ValueError(f"fault fraction must be in [0, 1], got {self.fraction}")
        if self.every is not None and self.every < 1:
            raise ValueError(f"fault every must be >= 1, got {self.every}")
        self._rng = random.Random(self.seed)

    @property
    def exhausted(self) -> bool:
        return self.times is not None and self.fired >= self.times

    def applies_to(self, service: str, path: str) -> bool:
        if self.kind == "error_200" and service != "eutils":
            return False  # an <ERROR> document in a 200 is an E-utilities habit
        return (self.service in ("any", service)) and (
            self.endpoint is None or self.endpoint in path
        )

    def decide(self) -> bool:
        """Count one matching request and say whether the fault fires on it."""
        if self.exhausted:
            return False
        self.seen += 1
        n = self.seen - self.after
        if n <= 0:
            return False
        if self.every is not None:
            fire = n % self.every == 0
        elif self.fraction is not None:
            fire = self._rng.random() < self.fraction
        else:
            fire = True
        if fire:
            self.fired += 1
        return fire


def parse_fault(spec: str) -> Fault:
    """Parse a CLI spec like ``503:eutils:times=2`` or ``slow:crossref:every=3,delay=3``."""
    kind, _, rest = spec.partition(":")
    service, _, opts = rest.partition(":")
    if "=" in service:  # "503:times=2" (service omitted)
        service, opts = "any", rest
    kw: dict = {}
    for part in filter(None, opts.split(",")):
        k, _, v = part.partition("=")
        k = k.strip().replace("-", "_")
        if k in ("times", "every", "after", "seed"):
            kw[k] = int(v)
        elif k in ("fraction", "delay", "keep"):
            kw[k] = float(v)
        elif k == "retry_after":
            kw[k] = None if v.lower() in ("", "none") else int(v)
        elif k == "endpoint":
            kw[k] = v
        else:
            raise ValueError(f"unknown fault option {k!r} in {spec!r}")
    return Fault(kind=kind.strip(), service=(service or "any").strip(), **kw)


class FaultPlan:
    """The server's list of faults; thread-safe, checked in order, first firing one wins."""

    def __init__(self, faults: list[Fault] | None = None) -> None:
        self._lock = threading.Lock()
        self.faults: list[Fault] = list(faults or [])

    def set(self, faults: list[Fault] | Fault | None) -> None:
        with self._lock:
            self.faults = [faults] if isinstance(faults, Fault) else list(faults or [])

    def add(self, fault: Fault) -> None:
        with self._lock:
            self.faults.append(fault)

    def pick(self, service: str, path: str) -> Fault | None:
        with self._lock:
            for f in self.faults:
                if f.applies_to(service, path) and f.decide():
                    return f
        return None
