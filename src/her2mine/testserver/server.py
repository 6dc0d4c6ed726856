"""``ProtocolServer``: a local stand-in for NCBI E-utilities, the PMC ID Converter and Crossref.

Stdlib ``ThreadingHTTPServer`` on 127.0.0.1 (random free port) in a background thread. It speaks
the real request/response formats closely enough that clients written for the live services
work unchanged; see docs/testserver.md for what is and is not reproduced.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import json
import secrets
import threading
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, quote, unquote, urlsplit

from her2mine.settings import Settings
from her2mine.testserver import render_crossref as rc
from her2mine.testserver import render_pubmed as rp
from her2mine.testserver.corpus import Corpus, CorpusWork, load_corpus, normalise_doi
from her2mine.testserver.faults import BACKEND_ERROR, DRIP_PIECES, Fault, FaultPlan
from her2mine.testserver.ratelimit import SlidingWindow
from her2mine.testserver.search import (
    DATE_LABEL,
    SearchIndex,
    TermError,
    atoms,
    date_of,
    evaluate,
    parse_date,
    parse_term,
    rank,
    translate,
)

EUTILS_PREFIX = "/entrez/eutils/"
IDCONV_PATHS = (
    "/pmc/idconv/api/v1/articles",
    "/tools/idconv/api/v1/articles",
    "/pmc/utils/idconv/v1.0",
)
CROSSREF_PREFIX = "/crossref"
XML = "text/xml; charset=UTF-8"
JSON = "application/json"
IDCONV_JSON = "application/json; charset=ISO-8859-1"
MASK = "***"


@dataclass
class RequestRecord:
    """One request as the server saw it (``api_key`` masked)."""

    time: float
    method: str
    path: str
    params: dict[str, str]
    service: str
    client: str
    status: int = 0
    fault: str | None = None
    # How the response went out: "complete", "client_closed" (the client hung up first, e.g. at
    # its deadline during a drip) or "server_stopped"; None while it is still being sent.
    delivery: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class RequestLog:
    """Thread-safe, list-like log of every request."""

    def __init__(self) -> None:
        # Notified when an item is added or settled (``wait_until_delivered`` waits on it).
        self._changed = threading.Condition()
        self._items: list[RequestRecord] = []

    def append(self, rec: RequestRecord) -> None:
        with self._changed:
            self._items.append(rec)
            self._changed.notify_all()

    def settle(self, rec: RequestRecord, delivery: str) -> None:
        """Note how ``rec``'s response went out (see ``RequestRecord.delivery``)."""
        with self._changed:
            rec.delivery = delivery
            self._changed.notify_all()

    def wait_until_delivered(self, rec: RequestRecord, timeout: float = 30.0) -> str | None:
        """``rec.delivery`` once its response has gone out or been abandoned (None if that
        has not happened within ``timeout`` s): a client may return before the server's
        handler notices that it hung up."""
        with self._changed:
            self._changed.wait_for(lambda: rec.delivery is not None, timeout)
            return rec.delivery

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[RequestRecord]:
        with self._changed:
            return iter(list(self._items))

    def __getitem__(self, i: int) -> RequestRecord:
        return self._items[i]

    def for_service(self, service: str) -> list[RequestRecord]:
        return [r for r in self if r.service == service]

    def clear(self) -> None:
        with self._changed:
            self._items.clear()


@dataclass
class Response:
    status: int
    body: bytes
    content_type: str
    headers: dict[str, str] = field(default_factory=dict)
    drip: float = 0.0  # seconds between the DRIP_PIECES pieces of the body ("drip" fault)
    drip_head: float = 0.0  # the same for the status line and headers ("drip_headers" fault)
    record: RequestRecord | None = field(default=None, repr=False, compare=False)

    @classmethod
    def text(cls, status: int, text: str, ctype: str, **headers: str) -> Response:
        return cls(status, text.encode("utf-8"), ctype, dict(headers))

    @classmethod
    def json(cls, status: int, obj: Any, ctype: str = JSON, indent: int | None = None) -> Response:
        seps = (",", ": ") if indent is not None else (",", ":")
        s = json.dumps(obj, ensure_ascii=False, indent=indent, separators=seps)
        if ctype == JSON:
            s = s.replace("/", "\\/")  # Crossref escapes forward slashes
        return cls(status, s.encode("utf-8"), ctype)


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    app: ProtocolServer


class ProtocolServer:
    """Local E-utilities + PMC ID Converter + Crossref server over a (mutable) corpus.

    >>> with ProtocolServer() as srv:          # bundled synthetic corpus
    ...     settings = srv.settings(email="me@example.org")
    """

    def __init__(
        self,
        corpus: Corpus | None = None,
        faults: list[Fault] | Fault | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        rate_limit: bool = True,
        eutils_limit: int = 3,
        eutils_key_limit: int = 10,
        eutils_window: float = 1.0,
        crossref_limit: int = 50,
        crossref_interval: float = 1.0,
        crossref_rate_limit: bool | None = None,
        latency: float = 0.0,
        rate_slack: float = 0.05,
    ) -> None:
        self.corpus = corpus if corpus is not None else load_corpus()
        self.faults = FaultPlan([faults] if isinstance(faults, Fault) else faults)
        self.host, self._port = host, port
        self.rate_limit = rate_limit
        self.crossref_rate_limit = (
            rate_limit if crossref_rate_limit is None else (crossref_rate_limit)
        )
        self.eutils_limit, self.eutils_key_limit = eutils_limit, eutils_key_limit
        self.eutils_window = eutils_window
        self.crossref_limit, self.crossref_interval = crossref_limit, crossref_interval
        self.latency = latency
        # Requests are counted over (window - slack): a client pacing exactly at the limit
        # must not be refused because of scheduling jitter between its send and our receive.
        self.rate_slack = rate_slack
        self.requests = RequestLog()
        self.stats: dict[str, Any] = {}
        self.reset_stats()
        self._stats_lock = threading.Lock()
        self._windows = SlidingWindow()
        self._history: dict[str, list[list[str]]] = {}  # WebEnv -> query_key-1 -> pmids
        self._history_lock = threading.Lock()
        self._index = SearchIndex(self.corpus)
        self._index_lock = threading.Lock()
        self._stopping = threading.Event()
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle -------------------------------------------------------------------
    def start(self) -> ProtocolServer:
        if self._httpd is not None:
            return self
        self._stopping.clear()
        self._httpd = _HTTPServer((self.host, self._port), _Handler)
        self._httpd.app = self
        # A short poll interval makes stop() quick (tests start many servers).
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            args=(0.05,),
            name=f"her2mine-testserver-{self.port}",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is None:
            return
        self._stopping.set()  # wakes handlers sleeping in a "slow" fault
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread:
            self._thread.join(timeout=5)
        self._httpd = self._thread = None

    def __enter__(self) -> ProtocolServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- addresses -------------------------------------------------------------------
    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError("ProtocolServer is not running; call start() first")
        return self._httpd.server_address[1]

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def eutils_url(self) -> str:
        return f"{self.base_url}{EUTILS_PREFIX}"

    @property
    def idconv_url(self) -> str:
        return f"{self.base_url}{IDCONV_PATHS[0]}/"

    @property
    def crossref_url(self) -> str:
        return f"{self.base_url}{CROSSREF_PREFIX}"

    def env(self) -> dict[str, str]:
        return {
            "HER2MINE_EUTILS_URL": self.eutils_url,
            "HER2MINE_IDCONV_URL": self.idconv_url,
            "HER2MINE_CROSSREF_URL": self.crossref_url,
        }

    def settings(self, **overrides: Any) -> Settings:
        """``Settings`` pointed at this server (other fields: defaults or ``overrides``)."""
        base = {
            "eutils_url": self.eutils_url,
            "idconv_url": self.idconv_url,
            "crossref_url": self.crossref_url,
        }
        base.update(overrides)
        return Settings(**base)

    # -- run-time control --------------------------------------------------------------
    def set_faults(self, faults: list[Fault] | Fault | None) -> None:
        """Replace the fault plan (``None`` or ``[]`` clears it)."""
        self.faults.set(faults)

    def add_fault(self, fault: Fault) -> Fault:
        self.faults.add(fault)
        return fault

    def clear_faults(self) -> None:
        self.faults.set(None)

    def reset_stats(self) -> None:
        self.stats = {
            "requests": {"eutils": 0, "idconv": 0, "crossref": 0, "other": 0},
            "rate_limited": {"eutils": 0, "crossref": 0},
            "faults": {},
        }

    def reset_rate_limits(self) -> None:
        self._windows.reset()

    def _count(self, section: str, key: str) -> None:
        with self._stats_lock:
            d = self.stats[section]
            d[key] = d.get(key, 0) + 1

    # -- dispatch ----------------------------------------------------------------------
    def handle(
        self, method: str, raw_path: str, body: bytes, client: str, content_type: str
    ) -> Response:
        parts = urlsplit(raw_path)
        path = parts.path
        params = parse_qsl(parts.query, keep_blank_values=True)
        if method == "POST" and body and "json" not in content_type:
            params += parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)
        service = _service_of(path)
        rec = RequestRecord(
            time=time.time(),
            method=method,
            path=path,
            params=_masked(params),
            service=service,
            client=client,
        )
        self._count("requests", service)
        if service == "eutils" and not all(dict(params).get(k) for k in ("tool", "email")):
            self._count("requests", "eutils_without_tool_email")  # NCBI asks for both
        try:
            resp = self._dispatch(service, method, path, params, client, rec)
        except Exception as e:  # a server bug must not look like a protocol answer
            resp = Response.text(500, f"her2mine test server error: {e!r}", "text/plain")
        if service == "crossref":
            resp.headers.setdefault("X-Rate-Limit-Limit", str(self.crossref_limit))
            resp.headers.setdefault("X-Rate-Limit-Interval", _interval(self.crossref_interval))
        rec.status = resp.status
        resp.record = rec
        self.requests.append(rec)
        return resp

    def _dispatch(
        self,
        service: str,
        method: str,
        path: str,
        params: list[tuple[str, str]],
        client: str,
        rec: RequestRecord,
    ) -> Response:
        if service == "other":
            return Response.text(404, "Not Found", "text/plain")
        if self.latency:
            self._stopping.wait(self.latency)
        fault = self.faults.pick(service, path)
        if fault is not None:
            rec.fault = fault.kind
            self._count("faults", fault.kind)
            early = self._fault_response(fault, service, path)
            if early is not None:
                return early
        limited = self._rate_limit(service, params, client)
        if limited is not None:
            return limited
        if service == "eutils":
            resp = self._eutils(method, path[len(EUTILS_PREFIX) :], params)
        elif service == "idconv":
            resp = self._idconv(params)
        else:
            resp = self._crossref(path[len(CROSSREF_PREFIX) :], params)
        if fault is not None and fault.kind == "truncated":
            cut = max(1, int(len(resp.body) * fault.keep))
            resp = Response(200, resp.body[:cut], resp.content_type, resp.headers)
        if fault is not None and fault.kind == "drip":
            resp.drip = fault.delay
        if fault is not None and fault.kind == "drip_headers":
            resp.drip_head = fault.delay
        return resp

    def _fault_response(self, fault: Fault, service: str, path: str = "") -> Response | None:
        k = fault.kind
        if k == "slow":
            self._stopping.wait(fault.delay)
            return None
        if k in ("truncated", "drip", "drip_headers"):
            return None
        if k == "error_200":
            render = rp.efetch_error if "efetch" in path else rp.esearch_error
            return Response.text(200, render(BACKEND_ERROR), XML)
        if k in ("429", "429_no_retry_after"):
            resp = self._too_many(service, count=0, limit=0)
            if fault.retry_after is not None:
                resp.headers["Retry-After"] = str(fault.retry_after)
            return resp
        if k == "malformed_json":
            return Response.text(200, '{"status": "ok", "message": {"items": [{"DOI": "10.', JSON)
        reason = {
            "500": "Internal Server Error",
            "502": "Bad Gateway",
            "503": "Service Unavailable",
        }[k]
        html = (
            f"<html><head><title>{k} {reason}</title></head><body><center><h1>{k} "
            f"{reason}</h1></center></body></html>"
        )
        return Response.text(int(k), html, "text/html")

    def _rate_limit(
        self, service: str, params: list[tuple[str, str]], client: str
    ) -> Response | None:
        if service == "eutils" and self.rate_limit:
            has_key = any(k == "api_key" and v for k, v in params)
            limit = self.eutils_key_limit if has_key else self.eutils_limit
            ok, count = self._windows.allow(
                ("eutils", client, has_key), limit, self.eutils_window - self.rate_slack
            )
            if not ok:
                self._count("rate_limited", "eutils")
                return self._too_many("eutils", count=count, limit=limit, client=client)
        elif service == "crossref" and self.crossref_rate_limit:
            ok, _ = self._windows.allow(
                ("crossref", client), self.crossref_limit, self.crossref_interval - self.rate_slack
            )
            if not ok:
                self._count("rate_limited", "crossref")
                return self._too_many("crossref", count=0, limit=self.crossref_limit)
        return None

    def _too_many(
        self, service: str, *, count: int, limit: int, client: str = "127.0.0.1"
    ) -> Response:
        if service == "crossref":
            return Response.text(429, "Too Many Requests", "text/plain")
        # Real NCBI names the client (IP, or the key itself); we never echo a key.
        body = {
            "error": "API rate limit exceeded",
            "api-key": client,
            "count": str(count),
            "limit": str(limit),
        }
        return Response.json(429, body, "application/json")

    # -- E-utilities -------------------------------------------------------------------
    def _eutils(self, method: str, util: str, params: list[tuple[str, str]]) -> Response:
        p = _single(params)
        if util == "esearch.fcgi":
            return self._esearch(p)
        if util == "efetch.fcgi":
            ids = [i for k, v in params if k == "id" for i in _split_ids(v)]
            return self._efetch(p, ids)
        return Response.text(404, "Not Found", "text/plain")

    def _esearch(self, p: dict[str, str]) -> Response:
        db = p.get("db", "pubmed").strip().lower() or "pubmed"
        if db != "pubmed":
            return Response.text(200, rp.esearch_error(f"Invalid db name specified: {db}"), XML)
        term = p.get("term", "").strip()
        if not term:
            return Response.text(
                200, rp.esearch_error("Empty term and query_key - nothing todo"), XML
            )
        try:
            retstart = int(p.get("retstart", "0") or 0)
            retmax = min(int(p.get("retmax", "20") or 20), 10000)
            tree = parse_term(term)
            datetype = (p.get("datetype") or "pdat").lower()
            if datetype not in DATE_LABEL:
                raise TermError(f"invalid datetype {datetype!r}")
            lo = parse_date(p["mindate"], end=False) if p.get("mindate") else None
            hi = parse_date(p["maxdate"], end=True) if p.get("maxdate") else None
            if p.get("reldate"):
                hi = dt.date.today()
                lo = hi - dt.timedelta(days=int(p["reldate"]))
        except (TermError, ValueError) as e:
            return Response.text(200, rp.esearch_error(str(e)), XML)
        if retstart > 9998:
            return Response.text(
                200,
                rp.esearch_error(
                    "Search Backend failed: Exception:\n'retstart' cannot be larger than 9998. "
                    "For PubMed, ESearch can only retrieve the first 9,999 records matching the "
                    "query. To obtain more than 9,999 PubMed records, consider using EDirect that "
                    "contains additional logic to batch PubMed search results automatically so "
                    "that an arbitrary number can be retrieved."
                ),
                XML,
            )
        with self._index_lock:
            hits = evaluate(tree, self._index)
            not_found = [a.text for a in atoms(tree) if not self._index.match_atom(a)]
            works = [self.corpus.by_pmid(h) for h in hits]
        works = [w for w in works if w is not None]
        if lo or hi:
            lo_, hi_ = lo or dt.date.min, hi or dt.date.max
            works = [w for w in works if lo_ <= date_of(w, datetype) <= hi_]
        works.sort(key=_sorter(p.get("sort", "")), reverse=True)
        ids = [w.pmid for w in works]
        translation = translate(tree)
        if lo or hi:
            fmt = "%Y/%m/%d"
            translation = (
                f"({translation}) AND {(lo or dt.date(1800, 1, 1)).strftime(fmt)}:"
                f"{(hi or dt.date(3000, 12, 31)).strftime(fmt)}"
                f"[{DATE_LABEL[datetype]}]"
            )
        query_key = webenv = None
        if p.get("usehistory", "").lower() == "y":
            webenv, query_key = self._store_history(p.get("WebEnv"), ids)
        if p.get("rettype") == "count":
            return Response.text(
                200,
                rp.ESEARCH_HEADER + f"<eSearchResult><Count>{len(ids)}</Count></eSearchResult>\n",
                XML,
            )
        page = ids[retstart : retstart + retmax]
        if p.get("retmode", "").lower() == "json":
            res: dict[str, Any] = {
                "count": str(len(ids)),
                "retmax": str(len(page)),
                "retstart": str(retstart),
            }
            if query_key is not None:
                res.update(querykey=str(query_key), webenv=webenv)
            res.update(idlist=page, translationset=[], querytranslation=translation)
            if not_found:
                res["errorlist"] = {"phrasesnotfound": not_found, "fieldsnotfound": []}
            return Response.json(
                200,
                {"header": {"type": "esearch", "version": "0.3"}, "esearchresult": res},
                "application/json; charset=UTF-8",
            )
        xml = rp.esearch_result(
            count=len(ids),
            ids=page,
            retstart=retstart,
            retmax=retmax,
            translation=translation,
            query_key=query_key,
            webenv=webenv,
            not_found=not_found,
        )
        return Response.text(200, xml, XML)

    def _store_history(self, webenv: str | None, ids: list[str]) -> tuple[str, int]:
        with self._history_lock:
            if not webenv or webenv not in self._history:
                webenv = "MCID_" + secrets.token_hex(12)
                self._history[webenv] = []
            self._history[webenv].append(list(ids))
            return webenv, len(self._history[webenv])

    def _efetch(self, p: dict[str, str], ids: list[str]) -> Response:
        db = p.get("db", "pubmed").strip().lower() or "pubmed"
        if db != "pubmed":
            return Response.text(400, rp.efetch_error(f"Invalid db name specified: {db}"), XML)
        retmode = (p.get("retmode") or "xml").lower()
        if retmode != "xml" or (p.get("rettype") or "xml").lower() not in (
            "xml",
            "abstract",
            "full",
            "null",
        ):
            return Response.text(
                400,
                rp.efetch_error(
                    f"retmode={retmode} rettype={p.get('rettype')} is not supported by the "
                    "her2mine test server (use retmode=xml)"
                ),
                XML,
            )
        if not ids:
            webenv, qk = p.get("WebEnv"), p.get("query_key")
            if not webenv:
                return Response.text(400, rp.efetch_error("Empty id list - nothing todo"), XML)
            with self._history_lock:
                stored = self._history.get(webenv, [])
                try:
                    ids = list(stored[int(qk or "1") - 1])
                except (IndexError, ValueError):
                    return Response.text(
                        400, rp.efetch_error(f"Unable to obtain query #{qk or 1}"), XML
                    )
            start = int(p.get("retstart", "0") or 0)
            ids = ids[start : start + min(int(p.get("retmax", "10000") or 10000), 10000)]
        seen: set[str] = set()
        uniq = [i for i in ids if not (i in seen or seen.add(i))]
        return Response.text(200, rp.corpus_article_set(self.corpus, uniq), XML)

    # -- PMC ID Converter --------------------------------------------------------------
    def _idconv(self, params: list[tuple[str, str]]) -> Response:
        p = _single(params)
        echo = ";".join(f"{k}={quote(MASK if k == 'api_key' else v, safe='')}" for k, v in params)
        now = dt.datetime.now().strftime("%Y-%m-%d %H:%M:%S")
        fmt = (p.get("format") or "xml").lower()

        def request_error(msg: str, status: int = 404) -> Response:
            if fmt == "json":
                return Response.json(
                    status,
                    {
                        "status": "error",
                        "message": quote(msg),
                        "responseDate": now,
                        "request": echo,
                    },
                    IDCONV_JSON,
                    indent=1,
                )
            return Response.text(
                status,
                f'<?xml version="1.0" encoding="UTF-8"?>\n<pmcids '
                f'status="error"><message>{rp.esc(msg)}</message></pmcids>\n',
                "application/xml; charset=ISO-8859-1",
            )

        ids = [i for i in (p.get("ids") or "").replace(" ", ",").split(",") if i]
        if not ids:
            return request_error("No IDs specified", 400)
        if len(ids) > 200:
            return request_error(f"Too many IDs: {len(ids)} (the maximum is 200)", 400)
        idtype = (p.get("idtype") or "").lower()
        if idtype and idtype not in ("pmcid", "pmid", "mid", "doi"):
            return request_error(f"Invalid idtype '{idtype}'", 400)
        for i in ids:
            if idtype and _idtype_of(i) != idtype:
                return request_error(f"ID type '{idtype}' mismatch for '{i}'")
        versions = (p.get("versions") or "yes").lower() != "no"
        records = [self._idconv_record(i, idtype or _idtype_of(i), versions) for i in ids]
        if fmt == "json":
            return Response.json(
                200,
                {"status": "ok", "responseDate": now, "request": echo, "records": records},
                IDCONV_JSON,
                indent=1,
            )
        return Response.text(
            200, _idconv_xml(records, echo, now), "application/xml; charset=ISO-8859-1"
        )

    def _idconv_record(self, ident: str, idtype: str, versions: bool) -> dict[str, Any]:
        w = self.corpus.get(ident) if idtype in ("doi", "pmid", "pmcid") else None
        if w is not None and idtype == "pmid" and not w.in_pubmed:
            w = None
        if w is None or not w.in_pmc:
            key = {"pmcid": "pmcid", "pmid": "pmid", "doi": "doi"}.get(idtype, "mid")
            errmsg = "Identifier not found in PMC" if w is not None else "invalid article id"
            return {key: ident, "live": "false", "status": "error", "errmsg": errmsg}
        rec: dict[str, Any] = {"pmcid": w.pmcid, "pmid": w.pmid}
        if w.doi:
            rec["doi"] = w.doi
        if versions:
            rec["versions"] = [{"pmcid": f"{w.pmcid}.1", "current": "true"}]
        return rec

    # -- Crossref ----------------------------------------------------------------------
    def _crossref(self, path: str, params: list[tuple[str, str]]) -> Response:
        if path.rstrip("/") == "/works":
            return self._crossref_list(params)
        if path.startswith("/works/"):
            return self._crossref_single(unquote(path[len("/works/") :]), params)
        return Response.text(404, "Resource not found.", "text/plain")

    def _crossref_single(self, doi: str, params: list[tuple[str, str]]) -> Response:
        errors = []
        for k, _ in params:
            if k == "mailto":
                continue
            if k == "query" or k.startswith("query."):
                errors.append(
                    (
                        "parameter-not-allowed",
                        "query.*",
                        "This route does not support field query parameters",
                    )
                )
            elif k in LIST_PARAMS:
                errors.append(("parameter-not-allowed", k, f"This route does not support {k}"))
            else:
                errors.append(
                    (
                        "unknown-parameter",
                        k,
                        f"Parameter {k} specified but there is "
                        "no such parameter available on this route.",
                    )
                )
        if errors:
            return Response.json(
                400, rc.validation_failure(*_dedupe(errors)), "application/json;charset=utf-8"
            )
        w = self.corpus.by_doi(doi)
        if w is None or not w.in_crossref or not w.doi:
            return Response.text(404, "Resource not found.", "text/plain")
        return Response.json(200, rc.envelope(rc.work_message(w, self.corpus)))

    def _crossref_list(self, params: list[tuple[str, str]]) -> Response:
        errors: list[tuple[str, str, str]] = []
        p = _single(params)
        for k, _ in params:
            if k not in LIST_PARAMS:
                errors.append(
                    (
                        "unknown-parameter",
                        k,
                        f"Parameter {k} specified but there is "
                        "no such parameter available on this route.",
                    )
                )
        rows = _bounded_int(p.get("rows", "20"), 1000, "rows", errors, allow_zero=True)
        offset = _bounded_int(p.get("offset", "0"), 10000, "offset", errors, allow_zero=True)
        cursor = p.get("cursor")
        if cursor is not None and "offset" in p:
            errors.append(
                (
                    "parameter-not-allowed",
                    "offset",
                    "Offset and cursor parameters cannot be used together",
                )
            )
        if cursor is not None and cursor != "*":
            try:
                offset = int(base64.urlsafe_b64decode(cursor.encode()).decode().split(":")[1])
            except (ValueError, IndexError, UnicodeDecodeError):
                errors.append(("cursor-not-valid", cursor, "Cursor specified is not valid"))
        select = [s for s in (p.get("select") or "").split(",") if s]
        for s in select:
            if s not in rc.SELECTABLE:
                errors.append(
                    (
                        "select-not-valid",
                        s,
                        f"Field {s} specified in select is not "
                        f"valid. Valid fields are: {', '.join(rc.SELECTABLE)}",
                    )
                )
        works = [w for w in self.corpus.works() if w.in_crossref and w.doi]
        filters = _parse_filters(p.get("filter", ""), errors)
        if errors:
            return Response.json(
                400, rc.validation_failure(*_dedupe(errors)), "application/json;charset=utf-8"
            )
        works = [w for w in works if _filter_ok(w, filters)]
        query_field, query = _crossref_query(p)
        scores: dict[str, float] = {}
        if query is not None:
            ranked = rank(query, works, field=query_field)
            works = [w for _, w in ranked]
            scores = {w.doi: s for s, w in ranked}
        elif p.get("sort") in (
            "published",
            "issued",
            "created",
            "deposited",
            "indexed",
            "updated",
            "is-referenced-by-count",
        ):
            works.sort(
                key=lambda w: w.pub_date if p["sort"] in ("published", "issued") else w.mdat_date,
                reverse=p.get("order") != "asc",
            )
        if p.get("sample"):
            import random

            works = random.Random(0).sample(works, min(len(works), int(p["sample"])))
        total = len(works)
        page = works[offset : offset + rows]
        items = []
        for w in page:
            m = rc.work_message(w, self.corpus, score=scores.get(w.doi, 0.0))
            items.append(rc.select_fields(m, select) if select else m)
        next_cursor = None
        if cursor is not None:
            next_cursor = base64.urlsafe_b64encode(
                f"her2mine:{offset + len(page)}".encode()
            ).decode()
        body = rc.work_list(
            items,
            total=total,
            rows=rows,
            offset=offset,
            search_terms=query,
            next_cursor=next_cursor,
        )
        return Response.json(200, body)


LIST_PARAMS = frozenset(
    {
        "query",
        "query.bibliographic",
        "query.author",
        "query.container-title",
        "filter",
        "rows",
        "offset",
        "cursor",
        "select",
        "sort",
        "order",
        "facet",
        "sample",
        "mailto",
    }
)
CROSSREF_FILTERS = (
    "doi",
    "from-pub-date",
    "until-pub-date",
    "from-update-date",
    "until-update-date",
    "from-index-date",
    "until-index-date",
    "type",
    "has-abstract",
    "prefix",
)


def _service_of(path: str) -> str:
    if path.startswith(EUTILS_PREFIX):
        return "eutils"
    if any(path.rstrip("/") == p for p in IDCONV_PATHS):
        return "idconv"
    if path == CROSSREF_PREFIX or path.startswith(CROSSREF_PREFIX + "/"):
        return "crossref"
    return "other"


def _masked(params: list[tuple[str, str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for k, v in params:
        v = MASK if k == "api_key" and v else v
        out[k] = f"{out[k]},{v}" if k in out else v
    return out


def _single(params: list[tuple[str, str]]) -> dict[str, str]:
    return dict(params)


def _split_ids(v: str) -> list[str]:
    return [i for i in v.replace(" ", ",").replace("\n", ",").split(",") if i.strip()]


def _interval(seconds: float) -> str:
    return f"{int(seconds)}s" if float(seconds).is_integer() else f"{seconds}s"


def _sorter(sort: str):
    s = sort.replace("+", " ").lower()
    if s in ("pub_date", "pub date"):
        return lambda w: (w.pub_date, int(w.pmid))
    return lambda w: (w.edat_date, int(w.pmid))  # "most recent" (the default)


def _idtype_of(ident: str) -> str:
    s = ident.strip()
    if s.startswith("10."):
        return "doi"
    if s.upper().startswith("PMC"):
        return "pmcid"
    if s.isdigit():
        return "pmid"
    return "mid"


def _idconv_xml(records: list[dict[str, Any]], echo: str, now: str) -> str:
    out = [
        f'<?xml version="1.0" encoding="UTF-8"?>\n<pmcids status="ok" '
        f'responseDate="{now}">\n<request><echo>{rp.esc(echo)}</echo></request>\n'
    ]
    for r in records:
        attrs = " ".join(f'{k}="{rp.esc(v, True)}"' for k, v in r.items() if k != "versions")
        vers = "".join(
            f'<version pmcid="{v["pmcid"]}" current="{v["current"]}"/>'
            for v in r.get("versions", [])
        )
        out.append(
            f"<record {attrs}>" + (f"<versions>{vers}</versions>" if vers else "") + "</record>\n"
        )
    out.append("</pmcids>\n")
    return "".join(out)


def _dedupe(errors: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    return list(dict.fromkeys(errors))


def _bounded_int(value: str, maximum: int, name: str, errors: list, *, allow_zero: bool) -> int:
    try:
        n = int(value)
        if n < 0 or n > maximum:
            raise ValueError
        return n
    except ValueError:
        errors.append(
            (
                "integer-not-valid",
                value,
                f"Integer specified as {value} but must be "
                f"a positive integer less than or equal to {maximum}.",
            )
        )
        return 0


def _parse_filters(spec: str, errors: list) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    if not spec:
        return out
    # DOIs may contain commas only in theory; split on ",name:" boundaries of known names.
    for part in spec.split(","):
        name, sep, value = part.partition(":")
        name = name.strip()
        if not sep:
            if out.get("doi") and isinstance(out["doi"], list):  # a comma inside a DOI
                out["doi"][-1] += "," + part
                continue
            errors.append(
                ("filter-not-valid", part, f"Filter {part} is not of the form name:value")
            )
            continue
        if name not in CROSSREF_FILTERS:
            errors.append(
                (
                    "filter-not-available",
                    name,
                    f"Filter {name} specified but there "
                    "is no such filter for this route. Valid filters for this route "
                    f"are: {', '.join(CROSSREF_FILTERS)}",
                )
            )
            continue
        out.setdefault(name, []).append(value.strip())
    if "doi" in out:
        out["doi"] = {normalise_doi(d) for d in out["doi"]}  # type: ignore[assignment]
    return out


def _filter_ok(w: CorpusWork, f: dict[str, Any]) -> bool:
    if "doi" in f and w.doi not in f["doi"]:  # a set, normalised by _parse_filters
        return False
    if "type" in f and w.crossref_type not in f["type"]:
        return False
    if "prefix" in f and (w.doi or "").split("/")[0] not in f["prefix"]:
        return False
    if "has-abstract" in f:
        want = f["has-abstract"][-1].lower() in ("true", "1", "t")
        if bool(w.abstract) != want:
            return False
    for name, when in (
        ("pub-date", w.pub_date),
        ("update-date", w.mdat_date),
        ("index-date", w.mdat_date),
    ):
        for v in f.get(f"from-{name}", []):
            if when < parse_date(v, end=False):
                return False
        for v in f.get(f"until-{name}", []):
            if when > parse_date(v, end=True):
                return False
    return True


def _crossref_query(p: dict[str, str]) -> tuple[str, str | None]:
    for key, fld in (
        ("query.bibliographic", "bibliographic"),
        ("query", "bibliographic"),
        ("query.author", "author"),
        ("query.container-title", "container-title"),
    ):
        if p.get(key):
            return fld, p[key]
    return "bibliographic", None


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "her2mine-testserver/1.0"
    timeout = 30  # close idle keep-alive connections
    server: _HTTPServer

    def _serve(self, method: str) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        app = self.server.app
        resp = app.handle(
            method, self.path, body, self.client_address[0], self.headers.get("Content-Type", "")
        )
        delivery = self._write_response(method, resp)
        if resp.record is not None:
            app.requests.settle(resp.record, delivery)

    def _write_response(self, method: str, resp: Response) -> str:
        """Write ``resp``; say how it went (``RequestRecord.delivery``)."""
        try:
            self.send_response(resp.status)
            self.send_header("Content-Type", resp.content_type)
            self.send_header("Content-Length", str(len(resp.body)))
            for k, v in resp.headers.items():
                self.send_header(k, v)
            if resp.drip_head:
                # What end_headers would send, sent slowly (BaseHTTPRequestHandler buffers it).
                head = b"".join(self._headers_buffer) + b"\r\n"
                self._headers_buffer = []
                if not self._drip(head, resp.drip_head):
                    return "server_stopped"
            else:
                self.end_headers()
            if method != "HEAD" and resp.drip:
                if not self._drip(resp.body, resp.drip):
                    return "server_stopped"
            elif method != "HEAD":
                self.wfile.write(resp.body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client gave up (e.g. timed out on "slow")
            return "client_closed"
        return "complete"

    def _drip(self, data: bytes, delay: float) -> bool:
        """Send ``data`` in DRIP_PIECES pieces ``delay`` s apart (False: the server stopped)."""
        step = max(1, -(-len(data) // DRIP_PIECES))
        for i in range(0, len(data), step):
            if i and self.server.app._stopping.wait(delay):
                return False
            self.wfile.write(data[i : i + step])
            self.wfile.flush()
        return True

    def do_GET(self) -> None:  # noqa: N802 (http.server naming)
        self._serve("GET")

    def do_POST(self) -> None:  # noqa: N802
        self._serve("POST")

    def do_HEAD(self) -> None:  # noqa: N802
        self._serve("HEAD")

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass  # requests are in ProtocolServer.requests; keep test output clean


@contextlib.contextmanager
def serve(
    corpus: Corpus | None = None, faults: list[Fault] | Fault | None = None, **kw: Any
) -> Iterator[ProtocolServer]:
    """Context manager: a running ``ProtocolServer`` (handy in pytest fixtures)."""
    srv = ProtocolServer(corpus=corpus, faults=faults, **kw)
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()
