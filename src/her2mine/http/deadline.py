"""An overall deadline for waiting on a response's status line and headers.

requests' read timeout bounds each socket read, not the whole wait: a server that sends its
headers a byte at a time, each byte within the read timeout, would hold an attempt (and a rate
limiter slot) for ever. The body is bounded by ``ServiceClient._read_body``; this module bounds
the headers. A watchdog timer shuts the connection's socket down when the attempt's deadline
passes, so the blocked read returns at once, and the wait ends in a ``TimeoutError``, which
urllib3 and requests report as a read timeout.

The deadline reaches the connection through a context variable (requests gives no way to pass
it down), set by ``attempt_deadline`` around one request; each thread has its own.
"""

from __future__ import annotations

import contextlib
import contextvars
import socket
import threading
import time
from collections.abc import Iterator

from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

# time.monotonic() by which the current attempt must have its headers (None: no deadline)
_DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "her2mine_http_deadline", default=None
)


@contextlib.contextmanager
def attempt_deadline(deadline: float | None) -> Iterator[None]:
    """Within the block, responses on a ``DeadlineAdapter`` session must start (status line
    and headers in) by ``deadline`` (``time.monotonic()`` clock; None: no limit)."""
    token = _DEADLINE.set(deadline)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


class _HeadersWatchdog:
    """Shuts a socket down at a deadline unless cancelled first."""

    def __init__(self, sock: socket.socket | None, seconds: float) -> None:
        self._sock = sock
        self._lock = threading.Lock()
        self._done = False
        self.fired = False
        self._timer = threading.Timer(max(seconds, 0.0), self._fire)
        self._timer.daemon = True
        self._timer.start()

    def _fire(self) -> None:
        with self._lock:
            if self._done or self._sock is None:
                return
            self.fired = True
            with contextlib.suppress(OSError):
                self._sock.shutdown(socket.SHUT_RDWR)

    def cancel(self) -> None:
        # Under the lock: once this returns, the socket is never shut down by this watchdog.
        with self._lock:
            self._done = True
        self._timer.cancel()


class _DeadlineMixin:
    sock: socket.socket | None

    def getresponse(self):  # type: ignore[no-untyped-def]
        deadline = _DEADLINE.get()
        if deadline is None:
            return super().getresponse()  # type: ignore[misc]
        watchdog = _HeadersWatchdog(self.sock, deadline - time.monotonic())
        try:
            response = super().getresponse()  # type: ignore[misc]
        except Exception as exc:
            watchdog.cancel()
            if watchdog.fired:
                raise TimeoutError(_EXCEEDED) from exc
            raise
        watchdog.cancel()
        # A socket shut down mid-headers reads as their end: http.client returns a response
        # with the headers cut short and an empty body. It is not one.
        if watchdog.fired:
            response.close()
            raise TimeoutError(_EXCEEDED)
        return response


_EXCEEDED = "deadline exceeded waiting for the response headers"


class _HTTPConnection(_DeadlineMixin, HTTPConnection):
    pass


class _HTTPSConnection(_DeadlineMixin, HTTPSConnection):
    pass


class _HTTPPool(HTTPConnectionPool):
    ConnectionCls = _HTTPConnection


class _HTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _HTTPSConnection


_POOLS = {"http": _HTTPPool, "https": _HTTPSPool}


class DeadlineAdapter(HTTPAdapter):
    """requests' adapter, with connections that honour ``attempt_deadline`` for the headers."""

    def init_poolmanager(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = _POOLS

    def proxy_manager_for(self, proxy, **proxy_kwargs):  # type: ignore[no-untyped-def]
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        if not proxy.lower().startswith("socks"):  # SOCKS managers have pools of their own
            manager.pool_classes_by_scheme = _POOLS
        return manager
