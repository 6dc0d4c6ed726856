"""One HTTP client per service: session, pacing, retries, raw store and offline replay.

``ServiceClient.request`` is the single way her2mine talks to a remote service:

1. the request key is looked up in the raw store (unless ``fresh``, or the stored answer is
   older than ``max_age``); a stored answer is parsed and returned without the network; a
   corrupt stored file is reported, deleted and re-fetched;
2. offline, the store is always consulted (``fresh`` and ``max_age`` only matter online) and a
   miss raises ``OfflineMiss`` naming the request;
3. otherwise the request is sent through the service's process-wide rate limiter, retried on
   429/5xx, timeouts, connection errors, unreadable 200 bodies (truncated XML, malformed JSON)
   and 200 bodies carrying a transient service error (NCBI's ``<ERROR>Search Backend
   failed``) with backoff + full jitter honouring ``Retry-After``; after the last try
   ``ServiceError`` names the request (api_key redacted) and the status. One attempt may take
   at most ``settings.request_deadline`` seconds in all, headers and body (the read timeout is
   per socket read; see ``http.deadline``) and read at most ``settings.max_response_bytes`` of body;
4. answers (parsed fine, or a definite "not found") are written to the raw store.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Generic, TypeVar
from urllib.parse import urljoin, urlsplit

import requests
import urllib3
from tenacity import Retrying, retry_if_exception_type, stop_after_attempt

from her2mine import __version__
from her2mine.errors import NotFoundError, OfflineMiss, ParseError, ServiceError
from her2mine.fsutil import sha256_bytes
from her2mine.http.deadline import DeadlineAdapter, attempt_deadline
from her2mine.http.ratelimit import RateLimiter, get_limiter
from her2mine.http.redact import describe_request, install_log_redaction, redact_text
from her2mine.http.retry import (
    RETRY_STATUSES,
    RetryableError,
    RetryPolicy,
    looks_transient,
    parse_retry_after,
)
from her2mine.http.store import CorruptObject, RawStore, request_key, seconds_since
from her2mine.settings import Settings

log = logging.getLogger(__name__)
T = TypeVar("T")
CHUNK_BYTES = 64 * 1024


@dataclass
class RawResponse:
    """What a parse function sees: status, body and the (redacted) request description."""

    status: int
    body: bytes
    content_type: str | None
    request: str
    headers: Mapping[str, str] = field(default_factory=dict)


@dataclass
class Fetched(Generic[T]):
    value: T
    status: int
    body_sha256: str
    request_key: str
    request: str
    from_store: bool


class RequestStats:
    """Thread-safe counters: network attempts and store hits per service."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.network: Counter[str] = Counter()
        self.store_hits: Counter[str] = Counter()
        self.retries: Counter[str] = Counter()

    def add(self, counter: str, service: str) -> None:
        with self._lock:
            getattr(self, counter)[service] += 1

    @property
    def total_network(self) -> int:
        with self._lock:
            return sum(self.network.values())


def user_agent(email: str | None) -> str:
    return f"her2mine/{__version__} (mailto:{email})" if email else f"her2mine/{__version__}"


def make_session(settings: Settings) -> requests.Session:
    session = requests.Session()
    for prefix in ("http://", "https://"):
        session.mount(prefix, DeadlineAdapter())
    session.headers["User-Agent"] = user_agent(settings.email)
    return session


def stored_age(meta: Mapping[str, Any], now: datetime | None = None) -> float | None:
    """Seconds since a stored response was fetched (None if its sidecar has no usable time)."""
    return seconds_since(meta.get("fetched_at"), now)


def _with_request(exc: ServiceError, request: str) -> ServiceError:
    """The same error, naming the request if the parser could not."""
    if exc.request:
        return exc
    message = str(exc).split(" | ")[0]
    return type(exc)(message, status=exc.status, request=request)


class ServiceClient:
    """Talks to one service (eutils | idconv | crossref) at one base URL."""

    def __init__(
        self,
        service: str,
        base_url: str,
        settings: Settings,
        *,
        limiter: RateLimiter,
        store: RawStore | None,
        stats: RequestStats | None = None,
        identity: Mapping[str, str] | None = None,
        adaptive: bool = False,
        sleep: Callable[[float], None] | None = None,
    ) -> None:
        install_log_redaction()
        self.service = service
        self.base_url = base_url if base_url.endswith("/") else base_url + "/"
        self.settings = settings
        self.limiter = limiter
        self.store = store
        self.stats = stats or RequestStats()
        # tool/email/api_key/mailto: sent with every request, never part of the key or the store.
        self.identity = {k: v for k, v in (identity or {}).items() if v}
        self.adaptive = adaptive
        self.policy = RetryPolicy(
            max_retries=settings.max_retries,
            backoff_base=settings.backoff_base,
            backoff_cap=settings.backoff_cap,
            retry_after_max=settings.retry_after_max,
        )
        self.session = make_session(settings)
        self._sleep = sleep
        self._secrets = (settings.api_key,)

    def close(self) -> None:
        self.session.close()

    def url(self, path: str) -> str:
        return urljoin(self.base_url, path.lstrip("/"))

    def describe(self, method: str, path: str, params=None, data=None) -> str:
        return describe_request(method, self.url(path), params, data)

    # -- the one entry point -------------------------------------------------------------

    def request(
        self,
        method: str,
        path: str,
        *,
        parse: Callable[[RawResponse], T],
        params: Mapping[str, Any] | None = None,
        data: Mapping[str, Any] | None = None,
        fresh: bool = False,
        max_age: float | None = None,
    ) -> Fetched[T]:
        """Send (or replay) one request and return ``parse``'s value for its response.

        ``fresh`` asks the network even if the store has an answer; ``max_age`` (seconds) only
        replays a stored answer younger than that. Offline, both are ignored: the store is the
        only source. ``parse`` raising ParseError on a 200 body makes the attempt retryable;
        NotFoundError is a definite answer (stored, then raised); other errors propagate.
        """
        method = method.upper()
        url = self.url(path)
        params = {k: v for k, v in (params or {}).items() if v is not None}
        data = {k: v for k, v in (data or {}).items() if v is not None} if data else None
        key = request_key(self.service, method, url, params, data)
        desc = describe_request(method, url, params, data)
        offline = self.settings.offline
        if self.store is not None and (offline or not fresh):
            replayed = self._replay(key, desc, parse, None if offline else max_age)
            if replayed is not None:
                return replayed
        if offline:
            raise OfflineMiss(f"offline and no stored response for {desc}")
        return self._fetch(method, url, params, data, key, desc, parse)

    # -- store -------------------------------------------------------------------------

    def _replay(
        self, key: str, desc: str, parse: Callable[[RawResponse], T], max_age: float | None
    ) -> Fetched[T] | None:
        try:
            stored = self.store.get(key)
        except CorruptObject as exc:
            return self._corrupt(key, desc, str(exc), exc.digest)
        if stored is None:
            return None
        if max_age is not None:
            age = stored_age(stored.meta)
            if age is None or age > max_age:
                log.debug(
                    "%s: stored answer older than %.0f s; asking again: %s",
                    self.service,
                    max_age,
                    desc,
                )
                return None
        raw = RawResponse(stored.status, stored.body, stored.content_type, desc)
        try:
            value = parse(raw)
        except NotFoundError as exc:
            self.stats.add("store_hits", self.service)
            raise _with_request(exc, desc) from None
        except ParseError as exc:
            return self._corrupt(key, desc, f"stored body unreadable ({exc})")
        self.stats.add("store_hits", self.service)
        log.debug("%s: answered from the raw store: %s", self.service, desc)
        return Fetched(value, stored.status, stored.body_sha256, key, desc, True)

    def _corrupt(self, key: str, desc: str, detail: str, digest: str | None = None) -> None:
        # Drop the sidecar and a damaged body, so the re-fetch writes both afresh.
        self.store.forget(key)
        if digest is not None:
            self.store.discard_body(digest)
        if self.settings.offline:
            raise OfflineMiss(f"offline and the stored response is corrupt: {detail} ({desc})")
        log.warning("%s: %s; fetching again: %s", self.service, detail, desc)
        return None

    # -- network -----------------------------------------------------------------------

    def _fetch(self, method, url, params, data, key, desc, parse) -> Fetched:
        def wait(state) -> float:
            return self.policy.wait(state.attempt_number, state.outcome.exception())

        def before_sleep(state) -> None:
            self.stats.add("retries", self.service)
            exc = state.outcome.exception()
            log.warning(
                "%s: attempt %d failed (%s); retrying: %s",
                self.service,
                state.attempt_number,
                exc,
                desc,
            )

        retrying = Retrying(
            stop=stop_after_attempt(self.policy.attempts),
            wait=wait,
            retry=retry_if_exception_type(RetryableError),
            reraise=True,
            before_sleep=before_sleep,
            **({"sleep": self._sleep} if self._sleep else {}),
        )
        try:
            for attempt in retrying:
                with attempt:
                    return self._attempt(method, url, params, data, key, desc, parse)
        except RetryableError as exc:
            raise ServiceError(
                f"{self.service}: gave up after {self.policy.attempts} attempts ({exc})",
                status=exc.status,
                request=desc,
            ) from None
        raise AssertionError("unreachable")  # pragma: no cover

    def _send(self, method, url, params, data, desc) -> tuple[requests.Response, bytes]:
        send_params, send_data = dict(params), dict(data) if data is not None else None
        if send_data is not None:
            send_data.update(self.identity)
        else:
            send_params.update(self.identity)
        deadline_s = self.settings.request_deadline or math.inf  # 0: no deadline
        timeout = (
            min(self.settings.connect_timeout, deadline_s),
            min(self.settings.timeout, deadline_s),
        )
        with self.limiter.slot():
            self.stats.add("network", self.service)
            deadline = time.monotonic() + deadline_s
            try:
                with attempt_deadline(deadline if deadline_s < math.inf else None):
                    resp = self.session.request(
                        method,
                        url,
                        params=send_params,
                        data=send_data,
                        timeout=timeout,
                        stream=True,
                    )
                with resp:
                    return resp, self._read_body(resp, deadline, desc)
            except requests.Timeout as exc:
                handshake = _chain_says(exc, _HANDSHAKE_TIMED_OUT)
                if time.monotonic() >= deadline:
                    waiting = (
                        "during the TLS handshake" if handshake
                        else "waiting for the response headers"
                    )  # fmt: skip
                    raise RetryableError(
                        f"deadline of {self.settings.request_deadline:g} s exceeded {waiting}"
                    ) from None
                if handshake:
                    raise RetryableError(
                        f"timeout: the TLS handshake took over {timeout[0]:g} s (connect timeout)"
                    ) from None
                raise RetryableError(f"timeout: {self._clean(exc)}") from None
            except requests.RequestException as exc:
                # Connection refused/reset, a body cut short (ChunkedEncodingError), ...
                raise RetryableError(f"{type(exc).__name__}: {self._clean(exc)}") from None

    def _read_body(self, resp: requests.Response, deadline: float, desc: str) -> bytes:
        """The whole body, within the attempt's deadline and the response size cap.

        The read timeout bounds each socket read only: a server dripping a few bytes at a time
        would otherwise hold the attempt (and a rate-limiter slot) indefinitely.
        """
        limit = self.settings.max_response_bytes

        def too_large(size: str) -> ServiceError:
            return ServiceError(
                f"{self.service}: response body {size} exceeds the {limit}-byte limit "
                "(HER2MINE_MAX_RESPONSE_MB)",
                status=resp.status_code,
                request=desc,
            )

        declared = resp.headers.get("Content-Length", "")
        if limit and declared.isdigit() and int(declared) > limit:
            raise too_large(f"of {declared} bytes")
        chunks: list[bytes] = []
        total = 0
        while True:
            try:
                # read1: return what has arrived (read(n) would block until n bytes are in).
                chunk = resp.raw.read1(CHUNK_BYTES, decode_content=True)
            except urllib3.exceptions.ReadTimeoutError as exc:
                raise RetryableError(f"timeout: {self._clean(exc)}") from None
            except (urllib3.exceptions.HTTPError, OSError) as exc:
                # A body cut short, a connection reset mid-body, a bad content encoding...
                raise RetryableError(f"{type(exc).__name__}: {self._clean(exc)}") from None
            if not chunk:
                break
            total += len(chunk)
            if limit and total > limit:
                raise too_large(f"of more than {total} bytes")
            if time.monotonic() > deadline:
                raise RetryableError(
                    f"deadline of {self.settings.request_deadline:g} s exceeded while reading "
                    f"the body ({total} bytes so far)",
                    status=resp.status_code,
                )
            chunks.append(chunk)
        return b"".join(chunks)

    def _attempt(self, method, url, params, data, key, desc, parse) -> Fetched:
        log.debug("%s: %s", self.service, desc)
        resp, body = self._send(method, url, params, data, desc)
        if self.adaptive:
            self.limiter.adapt(resp.headers)
        status = resp.status_code
        if status in RETRY_STATUSES:
            retry_after = parse_retry_after(resp.headers.get("Retry-After"))
            if retry_after is not None:
                # Hold every thread of this service, not just this one.
                self.limiter.pause_for(min(retry_after, self.policy.retry_after_max))
            raise RetryableError(f"HTTP {status}", status=status, retry_after=retry_after)
        raw = RawResponse(status, body, resp.headers.get("Content-Type"), desc, resp.headers)
        try:
            value = parse(raw)
        except NotFoundError as exc:
            self._store(key, method, url, params, data, raw)
            raise _with_request(exc, desc) from None
        except ParseError as exc:
            if status < 300:
                raise RetryableError(f"unreadable response body: {exc}", status=status) from None
            raise ServiceError(f"{self.service}: {exc}", status=status, request=desc) from None
        except ServiceError as exc:
            if status < 300 and looks_transient(str(exc)):
                # E-utilities report back-end trouble inside an HTTP 200 body.
                raise RetryableError(
                    f"service error in an HTTP {status} body: {exc}", status=status
                ) from None
            raise _with_request(exc, desc) from None
        if status >= 400:
            raise ServiceError(f"{self.service}: request failed", status=status, request=desc)
        digest = self._store(key, method, url, params, data, raw)
        return Fetched(value, status, digest, key, desc, False)

    def _store(self, key, method, url, params, data, raw: RawResponse) -> str:
        if self.store is None:
            return sha256_bytes(raw.body)
        stored = self.store.put(
            key=key,
            service=self.service,
            method=method,
            url=url,
            params=params,
            data=data,
            status=raw.status,
            content_type=raw.content_type,
            body=raw.body,
        )
        return stored.body_sha256

    def _clean(self, exc: BaseException) -> str:
        return redact_text(str(exc), self._secrets)


class Http:
    """The three service clients of one run, sharing a raw store and request counters."""

    def __init__(
        self,
        settings: Settings,
        *,
        store: RawStore | None = None,
        sleep: Callable[[float], None] | None = None,
    ) -> None:
        self.settings = settings
        self.store = store if store is not None else RawStore(settings.raw_dir)
        self.stats = RequestStats()
        ncbi = get_limiter("ncbi", settings.ncbi_rate)
        ncbi.set_rate(settings.ncbi_rate)
        crossref_host = urlsplit(settings.crossref_url).netloc
        crossref = get_limiter(
            f"crossref@{crossref_host}",
            settings.crossref_rate,
            max_in_flight=settings.crossref_concurrency,
        )
        ncbi_identity = {"tool": settings.tool, "email": settings.email}
        common = dict(store=self.store, stats=self.stats, sleep=sleep)
        self.eutils = ServiceClient(
            "eutils",
            settings.eutils_url,
            settings,
            limiter=ncbi,
            identity={**ncbi_identity, "api_key": settings.api_key},
            **common,
        )
        # The ID converter takes tool/email but no api_key: the key goes only where it is needed.
        self.idconv = ServiceClient(
            "idconv",
            settings.idconv_url,
            settings,
            limiter=ncbi,
            identity=ncbi_identity,
            **common,
        )
        self.crossref = ServiceClient(
            "crossref",
            settings.crossref_url,
            settings,
            limiter=crossref,
            identity={"mailto": settings.email},
            adaptive=True,
            **common,
        )

    @property
    def request_count(self) -> int:
        return self.stats.total_network

    def close(self) -> None:
        for client in (self.eutils, self.idconv, self.crossref):
            client.close()

    def __enter__(self) -> Http:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


# CPython bounds a whole TLS handshake by the socket timeout (the connect timeout, itself at
# most the deadline), so a trickled handshake ends in this error, wrapped by urllib3/requests.
_HANDSHAKE_TIMED_OUT = "handshake operation timed out"


def _chain_says(exc: BaseException, text: str) -> bool:
    """Whether ``exc`` or an exception it wraps (cause, context or argument, as urllib3 and
    requests wrap them) has ``text`` in its message."""
    seen: set[int] = set()
    stack: list[object] = [exc]
    while stack:
        e = stack.pop()
        if not isinstance(e, BaseException) or id(e) in seen:
            continue
        seen.add(id(e))
        if text in str(e):
            return True
        stack += [e.__cause__, e.__context__, *e.args]
    return False
