"""HTTP layer against a scripted local server (127.0.0.1): retries, Retry-After, store, offline."""

from __future__ import annotations

import contextlib
import json
import threading
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from her2mine.errors import OfflineMiss, ParseError, ServiceError
from her2mine.http.client import Http, RequestStats, ServiceClient, user_agent
from her2mine.http.ratelimit import RateLimiter
from her2mine.http.store import RawStore
from her2mine.settings import Settings

SECRET = "s3cr3t-key-0123456789"


class Script:
    """Queued responses per path; once a queue is empty the path answers 200 {"ok": n}."""

    def __init__(self) -> None:
        self.queues: dict[str, list[tuple[int, dict, bytes, float]]] = {}
        self.log: list[dict] = []
        self.lock = threading.Lock()

    def push(self, path, status=200, body=b'{"ok": true}', headers=None, delay=0.0, times=1):
        with self.lock:
            for _ in range(times):
                self.queues.setdefault(path, []).append((status, headers or {}, body, delay))

    def next(self, path):
        with self.lock:
            queue = self.queues.get(path) or []
            return queue.pop(0) if queue else (200, {}, b'{"ok": true}', 0.0)


@pytest.fixture
def server():
    script = Script()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # keep test output clean
            pass

        def _answer(self, body_in: bytes):
            parts = urlsplit(self.path)
            script.log.append(
                {
                    "t": time.monotonic(),
                    "method": self.command,
                    "path": parts.path,
                    "query": parse_qs(parts.query),
                    "form": parse_qs(body_in.decode()),
                    "headers": dict(self.headers),
                }
            )
            status, headers, body, delay = script.next(parts.path)
            if delay:
                time.sleep(delay)
            self.send_response(status)
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            with contextlib.suppress(OSError):
                self.wfile.write(body)

        def do_GET(self):
            self._answer(b"")

        def do_POST(self):
            n = int(self.headers.get("Content-Length") or 0)
            self._answer(self.rfile.read(n))

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    script.url = f"http://127.0.0.1:{httpd.server_address[1]}/"
    yield script
    httpd.shutdown()
    httpd.server_close()


def parse_json(raw):
    try:
        return json.loads(raw.body)
    except ValueError as exc:
        raise ParseError(f"bad JSON: {exc}", source="test") from None


def make_client(server, tmp_path, **overrides) -> ServiceClient:
    values = dict(
        data_dir=tmp_path,
        email="dev@example.org",
        api_key=SECRET,
        max_retries=3,
        backoff_base=0.01,
        backoff_cap=0.05,
        timeout=2.0,
        connect_timeout=1.0,
    )
    values.update(overrides)
    settings = Settings(**values)
    return ServiceClient(
        "eutils",
        server.url,
        settings,
        limiter=RateLimiter(200.0),
        store=RawStore(settings.raw_dir),
        stats=RequestStats(),
        identity={"tool": "her2mine", "email": settings.email, "api_key": SECRET},
    )


def test_retries_5xx_then_succeeds_and_stores(server, tmp_path):
    server.push("/esearch.fcgi", status=503)
    server.push("/esearch.fcgi", status=502)
    client = make_client(server, tmp_path)
    got = client.request("GET", "esearch.fcgi", params={"term": "x"}, parse=parse_json)
    assert got.value == {"ok": True} and not got.from_store
    assert len(server.log) == 3
    assert client.stats.retries["eutils"] == 2
    # the same request again is answered by the raw store, without the network
    again = client.request("GET", "esearch.fcgi", params={"term": "x"}, parse=parse_json)
    assert again.from_store and again.value == {"ok": True}
    assert len(server.log) == 3


def test_identity_params_sent_but_never_stored(server, tmp_path):
    client = make_client(server, tmp_path)
    client.request("GET", "efetch.fcgi", params={"id": "1"}, parse=parse_json)
    client.request("POST", "efetch.fcgi", data={"id": "2"}, parse=parse_json)
    get, post = server.log
    assert get["query"]["api_key"] == [SECRET] and get["query"]["tool"] == ["her2mine"]
    assert post["form"]["api_key"] == [SECRET] and "api_key" not in post["query"]
    assert get["headers"]["User-Agent"] == user_agent("dev@example.org")
    assert "mailto:dev@example.org" in get["headers"]["User-Agent"]
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert len(files) >= 3  # bodies + sidecars
    for path in files:
        assert SECRET.encode() not in path.read_bytes(), path
    sidecar = json.loads(next((tmp_path / "raw" / "requests").rglob("*.json")).read_text())
    assert {
        "service",
        "method",
        "url",
        "params",
        "status",
        "content_type",
        "fetched_at",
        "body_sha256",
    } <= set(sidecar)


def test_request_key_ignores_identity_so_replay_works_without_key(server, tmp_path):
    make_client(server, tmp_path).request("GET", "a", params={"q": "1"}, parse=parse_json)
    offline = make_client(server, tmp_path, api_key=None, email=None, offline=True)
    offline.identity = {}
    got = offline.request("GET", "a", params={"q": "1"}, parse=parse_json)
    assert got.from_store and len(server.log) == 1


def test_offline_miss_names_the_request_and_redacts_key(server, tmp_path):
    client = make_client(server, tmp_path, offline=True)
    with pytest.raises(OfflineMiss) as err:
        client.request(
            "GET", "esearch.fcgi", params={"term": "her2", "api_key": SECRET}, parse=parse_json
        )
    assert "esearch.fcgi" in str(err.value) and "term=her2" in str(err.value)
    assert SECRET not in str(err.value)
    assert server.log == []


def test_gives_up_with_service_error_naming_request(server, tmp_path, caplog):
    server.push("/efetch.fcgi", status=500, times=10)
    client = make_client(server, tmp_path, max_retries=2)
    with caplog.at_level("DEBUG"), pytest.raises(ServiceError) as err:
        client.request("GET", "efetch.fcgi", params={"id": "99000001"}, parse=parse_json)
    assert err.value.status == 500
    assert "GET " in err.value.request and "efetch.fcgi" in err.value.request
    assert len(server.log) == 3  # 1 + max_retries
    assert SECRET not in str(err.value) and SECRET not in caplog.text
    assert "efetch.fcgi" in caplog.text  # the urllib3 debug lines were logged, key redacted


def test_retry_after_seconds_is_honoured(server, tmp_path):
    server.push("/x", status=429, headers={"Retry-After": "1"})
    client = make_client(server, tmp_path)
    client.request("GET", "x", parse=parse_json)
    gap = server.log[1]["t"] - server.log[0]["t"]
    # jitter alone is capped at 0.05 s here, so a ~1 s gap can only come from Retry-After
    assert gap >= 0.9


def test_retry_after_http_date_is_honoured(server, tmp_path):
    when = datetime.now(UTC) + timedelta(seconds=2)
    server.push("/x", status=503, headers={"Retry-After": format_datetime(when, usegmt=True)})
    client = make_client(server, tmp_path)
    client.request("GET", "x", parse=parse_json)
    gap = server.log[1]["t"] - server.log[0]["t"]
    assert gap >= 0.9  # second resolution of the HTTP date: at least ~1 s of the 2 s


def test_unreadable_200_body_is_retried(server, tmp_path):
    server.push("/x", body=b'{"ok": tr')  # cut short
    client = make_client(server, tmp_path)
    got = client.request("GET", "x", parse=parse_json)
    assert got.value == {"ok": True} and len(server.log) == 2


def test_unreadable_body_every_time_gives_clear_error(server, tmp_path):
    server.push("/x", body=b"<html>", times=10)
    client = make_client(server, tmp_path, max_retries=1)
    with pytest.raises(ServiceError, match="unreadable response body") as err:
        client.request("GET", "x", parse=parse_json)
    assert err.value.status == 200 and len(server.log) == 2


def test_read_timeout_is_retried(server, tmp_path):
    server.push("/slow", delay=1.0)
    client = make_client(server, tmp_path, timeout=0.3)
    got = client.request("GET", "slow", parse=parse_json)
    assert got.value == {"ok": True} and len(server.log) == 2


def test_connection_refused_gives_service_error(tmp_path):
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    settings = Settings(
        data_dir=tmp_path,
        max_retries=1,
        backoff_base=0.01,
        backoff_cap=0.01,
        connect_timeout=0.5,
        api_key=SECRET,
    )
    client = ServiceClient(
        "crossref",
        f"http://127.0.0.1:{port}/",
        settings,
        limiter=RateLimiter(100.0),
        store=None,
        identity={"api_key": SECRET},
    )
    with pytest.raises(ServiceError) as err:
        client.request("GET", "works", params={"rows": 1}, parse=parse_json)
    assert err.value.status is None and f"127.0.0.1:{port}/works" in err.value.request
    assert SECRET not in str(err.value)


def test_corrupt_stored_body_is_detected_and_refetched(server, tmp_path, caplog):
    client = make_client(server, tmp_path)
    first = client.request("GET", "x", parse=parse_json)
    obj = client.store.object_path(first.body_sha256)
    obj.write_bytes(b'{"ok": tRue}')  # same size, different hash: must still be repaired
    assert obj.stat().st_size == len(b'{"ok": true}')
    with caplog.at_level("WARNING"):
        again = client.request("GET", "x", parse=parse_json)
    assert not again.from_store and again.value == {"ok": True}
    assert "corrupt" in caplog.text and len(server.log) == 2
    assert client.store.read_body(first.body_sha256) == b'{"ok": true}'  # repaired


def test_corrupt_stored_body_offline_is_reported(server, tmp_path):
    client = make_client(server, tmp_path)
    first = client.request("GET", "x", parse=parse_json)
    client.store.object_path(first.body_sha256).write_bytes(b"garbage")
    offline = make_client(server, tmp_path, offline=True)
    with pytest.raises(OfflineMiss, match="corrupt"):
        offline.request("GET", "x", parse=parse_json)


def test_not_retryable_4xx_raises_at_once(server, tmp_path):
    server.push("/x", status=400, body=b'{"error": "bad"}')
    client = make_client(server, tmp_path)
    with pytest.raises(ServiceError) as err:
        client.request("GET", "x", parse=parse_json)
    assert err.value.status == 400 and len(server.log) == 1


def test_http_bundle_uses_settings_urls(server, tmp_path):
    settings = Settings(
        data_dir=tmp_path,
        eutils_url=server.url,
        idconv_url=server.url,
        crossref_url=server.url,
        email="a@b.org",
    )
    with Http(settings) as http:
        http.crossref.request("GET", "works", params={"rows": 1}, parse=parse_json)
        assert http.request_count == 1
    assert server.log[0]["query"]["mailto"] == ["a@b.org"]
