"""A server that trickles its TLS handshake a byte at a time (each byte well within every
timeout) cannot hold an attempt: CPython bounds the whole handshake by the socket timeout (the
connect timeout, which the client caps at the attempt deadline), and the client names what ran
out and retries. Real client, real sockets on 127.0.0.1, no mocks."""

from __future__ import annotations

import socket
import threading

import pytest

from her2mine.errors import ServiceError
from her2mine.http.client import Http
from her2mine.settings import Settings


class TricklingTLSServer:
    """Accepts TCP connections and answers each ClientHello with the start of a TLS record,
    one byte every ``gap`` seconds, never finishing the handshake."""

    def __init__(self, gap: float = 0.1) -> None:
        self.gap = gap
        self.connections = 0
        self._stop = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.1)
        self.port = self._listener.getsockname()[1]
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def __enter__(self) -> TricklingTLSServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(5)
        self._listener.close()

    def _serve(self) -> None:
        # Stop only once no connection is waiting: a slow accept still counts every attempt.
        while True:
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                if self._stop.is_set():
                    return
                continue
            self.connections += 1
            threading.Thread(target=self._trickle, args=(conn,), daemon=True).start()

    def _trickle(self, conn: socket.socket) -> None:
        # A handshake record header announcing 16 KiB, then zeros: the client keeps reading.
        data = b"\x16\x03\x03\x40\x00" + b"\x00" * 16384
        with conn:
            for byte in data:
                if self._stop.wait(self.gap):
                    return
                try:
                    conn.sendall(bytes([byte]))
                except OSError:
                    return  # the client gave up


def settings(port: int, tmp_path, **kw) -> Settings:
    values = dict(
        crossref_url=f"https://127.0.0.1:{port}/",
        data_dir=tmp_path,
        email="dev@example.org",
        backoff_base=0.01,
        backoff_cap=0.05,
        timeout=2.0,
        connect_timeout=2.0,
    )
    values.update(kw)
    return Settings(**values)


def test_trickled_tls_handshake_is_abandoned_at_the_deadline_and_retried(tmp_path):
    """Each attempt's handshake ends at the 0.5 s deadline, named as such (without it, the 2 s
    connect timeout would end it under its own name), and the policy's three attempts are
    made."""
    named = "deadline of 0.5 s exceeded during the TLS handshake"
    with (
        TricklingTLSServer() as srv,
        Http(settings(srv.port, tmp_path, request_deadline=0.5, max_retries=2)) as http,
        pytest.raises(ServiceError, match=named),
    ):
        http.crossref.request("GET", "works/10.1000/x", parse=lambda raw: raw)
    assert srv.connections == 3


def test_without_a_deadline_the_connect_timeout_bounds_the_whole_handshake(tmp_path):
    """With no deadline, each attempt's handshake ends at the 0.5 s connect timeout, named as
    such, and the policy's three attempts are made."""
    with (
        TricklingTLSServer() as srv,
        Http(
            settings(srv.port, tmp_path, request_deadline=0, connect_timeout=0.5, max_retries=2)
        ) as http,
        pytest.raises(ServiceError, match="the TLS handshake took over 0.5 s"),
    ):
        http.crossref.request("GET", "works/10.1000/x", parse=lambda raw: raw)
    assert srv.connections == 3
