"""Fault modes, rate limits and concurrency of the local protocol server."""

from __future__ import annotations

import json
import socket
import time
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import pytest
import requests

from her2mine.testserver import Fault, ProtocolServer, load_corpus, parse_fault
from her2mine.testserver.faults import DRIP_PIECES

CORPUS = load_corpus()
DOI = "10.5555/her2mine.0001"
HELD = 600.0  # a drip gap no test waits out: stopping the server ends the drip


def url_for(srv: ProtocolServer, service: str) -> str:
    return {
        "eutils": srv.eutils_url + f"esearch.fcgi?db=pubmed&term=%22{DOI}%22[doi]",
        "idconv": srv.idconv_url + f"?ids={DOI}&format=json",
        "crossref": f"{srv.crossref_url}/works/{DOI}",
    }[service]


def parses(service: str, body: bytes) -> bool:
    try:
        ET.fromstring(body) if service == "eutils" else json.loads(body)
        return True
    except (ET.ParseError, ValueError):
        return False


@pytest.mark.parametrize("service", ["eutils", "idconv", "crossref"])
@pytest.mark.parametrize(
    "kind", ["500", "502", "503", "429", "429_no_retry_after", "truncated", "malformed_json"]
)
def test_fault_hits_exactly_the_next_n_requests(kind, service):
    with ProtocolServer(
        CORPUS, faults=[Fault(kind, service=service, times=2, retry_after=7)], rate_limit=False
    ) as srv:
        good = requests.get(
            url_for(srv, "crossref" if service != "crossref" else "eutils"), timeout=5
        )
        assert good.status_code == 200  # other services unaffected
        got = [requests.get(url_for(srv, service), timeout=5) for _ in range(3)]
        ok = got[2]
        assert ok.status_code == 200 and parses(service, ok.content)
        for r in got[:2]:
            if kind in ("truncated", "malformed_json"):
                assert r.status_code == 200 and not parses(service, r.content)
                if kind == "truncated":
                    assert ok.content.startswith(r.content) and len(r.content) < len(ok.content)
            else:
                assert r.status_code == int(kind[:3])
            if kind == "429":
                assert r.headers["Retry-After"] == "7"
            else:
                assert "Retry-After" not in r.headers
        log = srv.requests.for_service(service)
        assert [x.fault for x in log] == [kind, kind, None]
        assert srv.stats["faults"][kind] == 2


def test_every_and_after_select_requests():
    with ProtocolServer(
        CORPUS, faults=[Fault("503", service="crossref", every=3, after=1)], rate_limit=False
    ) as srv:
        codes = [requests.get(url_for(srv, "crossref"), timeout=5).status_code for _ in range(10)]
    # request 1 is let through, then every 3rd of the rest: requests 4, 7, 10
    assert [i + 1 for i, c in enumerate(codes) if c == 503] == [4, 7, 10]


def test_fraction_is_deterministic_per_seed():
    def pattern(seed: int) -> list[int]:
        with ProtocolServer(
            CORPUS,
            faults=[Fault("500", service="idconv", fraction=0.5, seed=seed)],
            rate_limit=False,
        ) as srv:
            return [requests.get(url_for(srv, "idconv"), timeout=5).status_code for _ in range(30)]

    a, b, c = pattern(1), pattern(1), pattern(2)
    assert a == b and a != c
    assert 5 <= a.count(500) <= 25


def test_slow_fault_exceeds_client_timeout_then_recovers():
    with ProtocolServer(
        CORPUS, faults=[Fault("slow", service="crossref", times=1, delay=2.0)], rate_limit=False
    ) as srv:
        with pytest.raises(requests.Timeout):
            requests.get(url_for(srv, "crossref"), timeout=0.3)
        assert requests.get(url_for(srv, "crossref"), timeout=5).status_code == 200
        # the timeout came from the fault (one request held back), not from a refused connection
        assert srv.stats["faults"] == {"slow": 1}


def test_set_faults_at_run_time_and_endpoint_scope():
    with ProtocolServer(CORPUS, rate_limit=False) as srv:
        assert requests.get(url_for(srv, "eutils"), timeout=5).status_code == 200
        srv.set_faults([Fault("502", service="eutils", endpoint="efetch")])
        assert requests.get(url_for(srv, "eutils"), timeout=5).status_code == 200  # esearch
        r = requests.get(
            srv.eutils_url + "efetch.fcgi", params={"db": "pubmed", "id": "1"}, timeout=5
        )
        assert r.status_code == 502
        srv.clear_faults()
        r = requests.get(
            srv.eutils_url + "efetch.fcgi", params={"db": "pubmed", "id": "1"}, timeout=5
        )
        assert r.status_code == 200


def test_eutils_rate_limit_like_ncbi():
    # A 2 s window (instead of NCBI's 1 s) keeps the test deterministic on a busy machine.
    with ProtocolServer(CORPUS, eutils_window=2.0) as srv:
        codes = [requests.get(url_for(srv, "eutils"), timeout=5) for _ in range(5)]
        limited = [r for r in codes if r.status_code == 429]
        assert len(limited) >= 2 and [r.status_code for r in codes[:3]] == [200] * 3
        body = limited[0].json()
        assert body["error"] == "API rate limit exceeded" and body["limit"] == "3"
        assert srv.stats["rate_limited"]["eutils"] == len(limited)
        time.sleep(2.05)
        assert requests.get(url_for(srv, "eutils"), timeout=5).status_code == 200
        # with an api_key the limit is 10/s
        keyed = [
            requests.get(url_for(srv, "eutils") + "&api_key=K", timeout=5).status_code
            for _ in range(6)
        ]
        assert keyed == [200] * 6
        assert all(r.params.get("api_key") in (None, "***") for r in srv.requests)


def test_crossref_enforces_the_advertised_limit():
    with ProtocolServer(CORPUS, crossref_limit=4, crossref_interval=2.0) as srv:
        got = [requests.get(url_for(srv, "crossref"), timeout=5) for _ in range(6)]
        assert [r.status_code for r in got][:4] == [200] * 4
        assert 429 in [r.status_code for r in got[4:]]
        assert all(r.headers["X-Rate-Limit-Limit"] == "4" for r in got)
        assert all(r.headers["X-Rate-Limit-Interval"] == "2s" for r in got)
        assert srv.stats["rate_limited"]["crossref"] >= 1


def test_rate_limit_switch_off():
    with ProtocolServer(CORPUS, rate_limit=False) as srv:
        codes = {
            requests.get(url_for(srv, s), timeout=5).status_code
            for s in ["eutils"] * 8 + ["crossref"] * 8
        }
        assert codes == {200}


def test_concurrent_requests():
    with ProtocolServer(CORPUS, rate_limit=False) as srv:
        dois = CORPUS.dois(crossref=True)

        def get(doi: str) -> str:
            with requests.Session() as s:
                return s.get(f"{srv.crossref_url}/works/{doi}", timeout=10).json()["message"]["DOI"]

        with ThreadPoolExecutor(max_workers=16) as pool:
            assert list(pool.map(get, dois * 2)) == dois * 2
        assert len(srv.requests.for_service("crossref")) == 2 * len(dois)


def test_parse_fault_specs():
    f = parse_fault("slow:crossref:every=3,delay=2.5")
    assert (f.kind, f.service, f.every, f.delay) == ("slow", "crossref", 3, 2.5)
    f = parse_fault("429:eutils:times=2,retry_after=none")
    assert f.retry_after is None and f.times == 2
    assert parse_fault("503:times=1").service == "any"
    with pytest.raises(ValueError):
        parse_fault("418:eutils")
    with pytest.raises(ValueError):
        parse_fault("500:eutils:often=1")


def test_client_pacing_just_under_the_limit_is_never_refused():
    with ProtocolServer(CORPUS) as srv, requests.Session() as s:
        start = time.monotonic()
        codes = []
        for i in range(7):  # 7 requests paced at ~2.8/s (NCBI allows 3/s without a key)
            time.sleep(max(0.0, start + i * 0.36 - time.monotonic()))
            codes.append(s.get(url_for(srv, "eutils"), timeout=5).status_code)
        assert codes == [200] * 7 and srv.stats["rate_limited"]["eutils"] == 0


def test_error_200_fault_is_an_eutils_error_document_and_spares_other_services():
    with ProtocolServer(CORPUS, faults=[Fault("error_200", times=2)], rate_limit=False) as srv:
        crossref = requests.get(url_for(srv, "crossref"), timeout=5)
        got = [requests.get(url_for(srv, "eutils"), timeout=5) for _ in range(3)]
        fetch = requests.get(srv.eutils_url + "efetch.fcgi?db=pubmed&id=99000001", timeout=5)
    assert crossref.status_code == 200 and json.loads(crossref.content)["status"] == "ok"
    for r in got[:2]:
        root = ET.fromstring(r.content)
        assert r.status_code == 200 and root.tag == "eSearchResult"
        assert "Search Backend failed" in root.findtext("ERROR")
    assert ET.fromstring(got[2].content).findtext("Count") == "1"
    assert fetch.status_code == 200 and b"<ERROR>" not in fetch.content  # used up


def test_drip_fault_sends_the_real_body_in_full():
    """A dripped body arrives whole and equal to the un-faulted answer, headers included."""
    fault = Fault("drip", service="crossref", times=1, delay=0.05)
    with ProtocolServer(CORPUS, faults=[fault], rate_limit=False) as srv:
        slow = requests.get(url_for(srv, "crossref"), timeout=5)
        fast = requests.get(url_for(srv, "crossref"), timeout=5)
        dripped = srv.requests.for_service("crossref")[0]
        assert srv.requests.wait_until_delivered(dripped) == "complete"
    assert slow.status_code == 200 and slow.content == fast.content
    assert dripped.fault == "drip"


def test_drip_fault_holds_back_all_but_the_first_piece_of_the_body():
    """With a gap no test waits out, a streaming client gets the headers and the first of the
    DRIP_PIECES pieces of the body; the server still holds the rest when it is stopped."""
    fault = Fault("drip", service="crossref", times=1, after=1, delay=HELD)
    with ProtocolServer(CORPUS, faults=[fault], rate_limit=False) as srv:
        whole = requests.get(url_for(srv, "crossref"), timeout=5).content
        with requests.get(url_for(srv, "crossref"), timeout=5, stream=True) as slow:
            first = slow.raw.read1(len(whole))
        dripped = srv.requests.for_service("crossref")[1]
    assert slow.status_code == 200 and slow.headers["Content-Length"] == str(len(whole))
    assert 0 < len(first) <= -(-len(whole) // DRIP_PIECES) and whole.startswith(first)
    assert dripped.fault == "drip"
    assert srv.requests.wait_until_delivered(dripped) == "server_stopped"


def test_drip_headers_fault_sends_the_real_status_line_and_headers():
    """Dripped headers arrive whole (same status and content type), then the real body."""
    fault = Fault("drip_headers", service="crossref", times=1, delay=0.05)
    with ProtocolServer(CORPUS, faults=[fault], rate_limit=False) as srv:
        slow = requests.get(url_for(srv, "crossref"), timeout=5)
        fast = requests.get(url_for(srv, "crossref"), timeout=5)
        dripped = srv.requests.for_service("crossref")[0]
        assert srv.requests.wait_until_delivered(dripped) == "complete"
    assert slow.status_code == 200 and slow.content == fast.content
    assert slow.headers["Content-Type"] == fast.headers["Content-Type"]
    assert dripped.fault == "drip_headers"


def test_drip_headers_fault_holds_back_all_but_the_first_piece_of_the_head():
    """With a gap no test waits out, a client gets the start of the status line but not the
    blank line that ends the headers; the server still holds the rest when it is stopped."""
    fault = Fault("drip_headers", service="crossref", times=1, delay=HELD)
    with ProtocolServer(CORPUS, faults=[fault], rate_limit=False) as srv:
        url = urlsplit(url_for(srv, "crossref"))
        with socket.create_connection((url.hostname, url.port), timeout=5) as sock:
            sock.sendall(f"GET {url.path} HTTP/1.1\r\nHost: {url.netloc}\r\n\r\n".encode())
            first = sock.recv(65536)
        dripped = srv.requests.for_service("crossref")[0]
    assert first.startswith(b"HTTP/1.1 200") and b"\r\n\r\n" not in first
    assert dripped.fault == "drip_headers"
    assert srv.requests.wait_until_delivered(dripped) == "server_stopped"
