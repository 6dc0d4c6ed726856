"""Pure parts of the HTTP layer: Retry-After, backoff, limiter, redaction, request keys, store."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from her2mine.http.index import IdIndex
from her2mine.http.ratelimit import RateLimiter, advertised_rate, parse_interval
from her2mine.http.redact import describe_request, redact_text
from her2mine.http.retry import RetryableError, RetryPolicy, looks_transient, parse_retry_after
from her2mine.http.store import CorruptObject, RawStore, request_key


def test_parse_retry_after_seconds_and_dates():
    now = datetime(2026, 1, 1, 12, 0, 0, tzinfo=UTC)
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after(" 0 ") == 0.0
    later = format_datetime(now + timedelta(seconds=30), usegmt=True)
    assert parse_retry_after(later, now=now) == pytest.approx(30.0)
    earlier = format_datetime(now - timedelta(seconds=30), usegmt=True)
    assert parse_retry_after(earlier, now=now) == 0.0
    assert parse_retry_after(None) is None
    assert parse_retry_after("soon") is None


def test_backoff_is_full_jitter_within_exponential_cap():
    policy = RetryPolicy(max_retries=5, backoff_base=0.5, backoff_cap=3.0)
    rng = random.Random(1)
    for attempt, ceiling in [(1, 0.5), (2, 1.0), (3, 2.0), (4, 3.0), (6, 3.0)]:
        waits = [policy.wait(attempt, None, rng) for _ in range(200)]
        assert all(0.0 <= w <= ceiling for w in waits)
        assert max(waits) > 0.8 * ceiling and min(waits) < 0.2 * ceiling  # spread, not fixed
    assert policy.attempts == 6


def test_backoff_honours_retry_after_up_to_the_limit():
    policy = RetryPolicy(backoff_base=0.01, backoff_cap=0.01, retry_after_max=10)
    assert policy.wait(1, RetryableError("429", status=429, retry_after=4.0)) == 4.0
    assert policy.wait(1, RetryableError("429", status=429, retry_after=500.0)) == 10


def test_limiter_spaces_starts_with_a_fake_clock():
    now = [0.0]
    starts = []

    def sleep(seconds):
        now[0] += seconds

    limiter = RateLimiter(3.0, clock=lambda: now[0], sleep=sleep)
    for _ in range(10):
        starts.append(limiter.wait())
    gaps = [b - a for a, b in zip(starts, starts[1:], strict=False)]
    assert min(gaps) >= 1 / 3
    assert all(sum(1 for s in starts if t <= s < t + 1.0) <= 3 for t in starts)


def test_limiter_shared_by_threads_keeps_rate():
    # Threads share one limiter: the starts it reserves are one interval apart, and no caller
    # returns before its reserved start. (Measuring gaps between return times instead would
    # fail on a loaded machine: a thread may be descheduled after it returns and before it
    # reads the clock, so a later reading says nothing about when the limiter let it go.)
    limiter = RateLimiter(40.0)
    reserved: list[float] = []
    early: list[float] = []
    lock = threading.Lock()

    def worker():
        for _ in range(5):
            start = limiter.wait()
            returned = time.monotonic()
            with lock:
                reserved.append(start)
                if returned < start:
                    early.append(start - returned)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    reserved.sort()
    gaps = [b - a for a, b in zip(reserved, reserved[1:], strict=False)]
    assert len(reserved) == 20
    assert min(gaps) >= limiter.interval - 1e-9
    assert not early, f"callers returned before their reserved start by {early}"


def test_limiter_takes_a_start_only_when_its_caller_wakes():
    """A caller whose sleep overshoots (a loaded machine) does not keep a start reserved before
    it woke: a caller arriving on time in the meantime goes at once, and the late one goes a
    full interval after it. Each start returned is the clock when its caller was let go. One
    thread, a fake clock: the late caller's sleep runs the prompt caller at the time it was
    due to wake, then wakes 1.5 intervals after that."""
    now = [100.0]
    released: dict[str, tuple[float, float]] = {}  # name -> (start returned, clock at return)
    arrivals = [lambda: go("prompt")]  # (while the late caller sleeps)

    def sleep(seconds: float) -> None:
        due = now[0] + seconds
        now[0] = due
        if arrivals:  # the late caller's first sleep
            arrivals.pop()()
            now[0] = max(now[0], due + 1.5 * limiter.interval)

    def go(name: str) -> None:
        start = limiter.wait()
        released[name] = (start, now[0])

    limiter = RateLimiter(3.0, clock=lambda: now[0], sleep=sleep)
    limiter.wait()  # a previous request at 100.0: the next two must wait
    go("late")
    prompt_start, prompt_returned = released["prompt"]
    assert prompt_start == prompt_returned == pytest.approx(100.0 + limiter.interval)
    late_start, late_returned = released["late"]
    assert late_start == late_returned == pytest.approx(100.0 + 2.5 * limiter.interval)
    assert late_start - prompt_start >= limiter.interval - 1e-9


def test_limiter_adapts_and_pauses():
    now = [100.0]
    limiter = RateLimiter(1.0, clock=lambda: now[0], sleep=lambda s: now.__setitem__(0, now[0] + s))
    first = limiter.wait()
    assert limiter.adapt({"X-Rate-Limit-Limit": "50", "X-Rate-Limit-Interval": "1s"}) == 50.0
    second = limiter.wait()
    assert second - first == pytest.approx(1.1 / 50)  # the new rate applies at once
    limiter.pause_for(5.0)
    third = limiter.wait()
    assert third - second >= 5.0 - 1e-9


def test_advertised_rate_parsing():
    assert advertised_rate({"X-Rate-Limit-Limit": "3000", "X-Rate-Limit-Interval": "60s"}) == 50
    assert advertised_rate({"X-Rate-Limit-Limit": "5"}) is None
    assert advertised_rate({"X-Rate-Limit-Limit": "x", "X-Rate-Limit-Interval": "1s"}) is None
    assert (
        parse_interval("500ms") == 0.5
        and parse_interval("2m") == 120
        and parse_interval("") is None
    )


def test_redaction():
    url = "https://h/esearch.fcgi?db=pubmed&api_key=abc123&term=x"
    assert redact_text(url) == "https://h/esearch.fcgi?db=pubmed&api_key=REDACTED&term=x"
    assert redact_text("key is abc123", ("abc123",)) == "key is REDACTED"
    desc = describe_request("post", "https://h/efetch.fcgi", None, {"id": "1,2", "api_key": "zz9"})
    assert desc.startswith("POST https://h/efetch.fcgi form: ") and "zz9" not in desc
    assert "api_key=REDACTED" in desc


def test_request_key_is_canonical():
    a = request_key("eutils", "GET", "u", {"b": 1, "a": "x", "api_key": "k1", "tool": "t"})
    b = request_key("eutils", "get", "u", {"a": "x", "b": "1", "email": "e@x"})
    assert a == b
    assert a != request_key("eutils", "POST", "u", {"a": "x", "b": 1})
    assert a != request_key("crossref", "GET", "u", {"a": "x", "b": 1})
    assert a != request_key("eutils", "GET", "u", {"a": "x", "b": 2})
    assert a != request_key("eutils", "GET", "u", {"a": "x", "b": 1}, {"id": "1"})


def test_store_round_trip_and_corruption(tmp_path):
    store = RawStore(tmp_path)
    saved = store.put(
        key="k" * 64,
        service="crossref",
        method="GET",
        url="u",
        params={"q": 1, "api_key": "SECRET"},
        data=None,
        status=200,
        content_type="application/json",
        body=b"{}",
    )
    got = store.get("k" * 64)
    assert got.body == b"{}" and got.status == 200 and got.body_sha256 == saved.body_sha256
    assert "api_key" not in got.meta["params"]
    assert store.get("m" * 64) is None
    store.object_path(saved.body_sha256).write_bytes(b"[]")
    with pytest.raises(CorruptObject):
        store.get("k" * 64)
    store.sidecar_path("k" * 64).write_text("{not json")
    with pytest.raises(CorruptObject):
        store.get("k" * 64)


def test_index_persists_and_merges(tmp_path):
    one, two = IdIndex(tmp_path, "crossref"), IdIndex(tmp_path, "crossref")
    one.update({"10.1/a": {"found": False}})
    two.update({"10.1/b": {"body": "ab"}})  # a second writer must not drop the first's entry
    fresh = IdIndex(tmp_path, "crossref")
    assert fresh.get("10.1/a") == {"found": False} and fresh.get("10.1/b") == {"body": "ab"}
    fresh.discard(["10.1/a"])
    assert IdIndex(tmp_path, "crossref").get("10.1/a") is None
    (tmp_path / "index" / "crossref.jsonl").write_text("{broken")
    assert IdIndex(tmp_path, "crossref").get("10.1/b") is None  # damaged index = empty, no crash


def test_index_update_appends_only_the_batch(tmp_path):
    index = IdIndex(tmp_path, "crossref")
    index.update({f"10.1/{i}": {"body": f"{i:064x}"} for i in range(2000)})
    path = tmp_path / "index" / "crossref.jsonl"
    before = path.read_bytes()
    index.update({"10.1/new": {"found": False}})
    after = path.read_bytes()
    # the existing content is not rewritten: one line is appended
    assert after.startswith(before) and after[len(before) :].count(b"\n") == 1
    assert IdIndex(tmp_path, "crossref").get("10.1/new") == {"found": False}
    assert len(IdIndex(tmp_path, "crossref")) == 2001


def test_index_survives_a_torn_last_line_and_reads_the_legacy_file(tmp_path):
    folder = tmp_path / "index"
    folder.mkdir()
    (folder / "pubmed.json").write_text(json.dumps({"1": {"body": "aa"}, "2": {"body": "bb"}}))
    (folder / "pubmed.jsonl").write_text('{"k":"2","v":null}\n{"k":"3","v":{"bo')  # crash
    index = IdIndex(tmp_path, "pubmed")
    assert index.get("1") == {"body": "aa"} and index.get("2") is None and index.get("3") is None
    index.update({"4": {"body": "dd"}})
    again = IdIndex(tmp_path, "pubmed")
    assert again.get("4") == {"body": "dd"} and again.get("1") == {"body": "aa"}


def test_index_compacts_a_mostly_superseded_log(tmp_path):
    index = IdIndex(tmp_path, "crossref")
    for _ in range(30):
        index.update({f"10.1/{i}": {"body": "x"} for i in range(100)})
    lines = (tmp_path / "index" / "crossref.jsonl").read_text().splitlines()
    assert len(lines) < 1200  # 3,000 writes of 100 identifiers, compacted
    assert len(IdIndex(tmp_path, "crossref")) == 100


_WRITER = """
import sys
from pathlib import Path
from her2mine.http.index import IdIndex
root, worker = Path(sys.argv[1]), int(sys.argv[2])
index = IdIndex(root, "crossref")
for batch in range(10):
    index.update({f"10.{worker}/{batch}-{i}": {"body": str(worker)} for i in range(20)})
"""


def test_index_writers_in_several_processes_lose_nothing(tmp_path):
    # Separate interpreters (not fork): nothing inherited from the test process's threads.
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(tmp_path), str(w)],
            stderr=subprocess.PIPE,
            text=True,
        )
        for w in range(4)
    ]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], errors
    merged = IdIndex(tmp_path, "crossref")
    assert len(merged) == 4 * 10 * 20
    assert merged.get("10.3/9-19") == {"body": "3"}


@pytest.mark.parametrize(
    ("message", "transient"),
    [
        ("esearch: Search Backend failed: Read timed out", True),
        ("efetch: Unable to obtain query #1", True),
        ("esearch: Database is temporarily unavailable, try again later", True),
        ("esearch: Invalid db name specified: fleegle", False),
        ("efetch: Empty id list - nothing todo", False),
        ("esearch: Invalid uid 12a at position=0", False),
    ],
)
def test_looks_transient_tells_service_trouble_from_request_errors(message, transient):
    assert looks_transient(message) is transient
