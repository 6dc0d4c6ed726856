"""Request guard (pure ASGI middleware): Host check, access token, session, CSRF, headers.

Order for every HTTP request:

1. ``Host`` must be a loopback name when serving locally (stops DNS-rebinding pages from
   talking to the app through the browser).
2. When a token is configured, ``/login?token=...`` sets it as a cookie; every other request
   needs it (cookie ``h2m_token``, header ``X-Her2mine-Token`` or ``Authorization: Bearer``).
3. A random session id lives in cookie ``h2m_session``; the CSRF token is
   HMAC(secret, session id), rendered in every form and sent by JavaScript as ``X-CSRF-Token``.
4. Every non-GET request must carry that CSRF token (form field ``csrf`` or the header), must
   not come from another origin (``Origin`` / ``Sec-Fetch-Site``), and its body is capped.
5. Responses get a strict Content-Security-Policy (no inline script or style) and friends.
"""

from __future__ import annotations

import hashlib
import hmac
import html
import re
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import parse_qs, urlsplit

from her2mine.web.config import LOCAL_HOSTS, WebConfig

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

SESSION_COOKIE = "h2m_session"
TOKEN_COOKIE = "h2m_token"
TOKEN_HEADER = "x-her2mine-token"
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf"
MAX_BODY = 64 * 1024
_SESSION_RE = re.compile(r"^[A-Za-z0-9_-]{32,64}$")
_SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}

SECURITY_HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        b"form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"cache-control", b"no-store"),
]


def csrf_token(secret: bytes, session_id: str) -> str:
    """The CSRF token of a session (stateless: recomputed from the session id)."""
    return hmac.new(secret, session_id.encode(), hashlib.sha256).hexdigest()


def host_name(host_header: str) -> str:
    """``Host`` header -> lower-case host name without port (``[::1]:80`` -> ``[::1]``)."""
    h = host_header.strip().lower()
    if h.startswith("["):
        return h[: h.find("]") + 1] if "]" in h else h
    return h.rsplit(":", 1)[0] if h.count(":") == 1 else h


def host_allowed(host_header: str | None, cfg: WebConfig) -> bool:
    """Locally served: only loopback Host headers. With a token: any (the token protects)."""
    if not cfg.local:
        return True
    if not host_header:
        return False
    return host_name(host_header) in LOCAL_HOSTS | {cfg.host.lower()}


def same_origin(origin: str, host_header: str | None) -> bool:
    """True when an ``Origin`` header names the host (and port) the request was sent to."""
    if not origin or origin == "null" or not host_header:
        return False
    parts = urlsplit(origin)
    return parts.scheme in ("http", "https") and parts.netloc.lower() == host_header.lower()


def _cookies(headers: dict[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for part in headers.get("cookie", "").split(";"):
        if "=" in part:
            k, v = part.split("=", 1)
            out.setdefault(k.strip(), v.strip())
    return out


def _cookie_header(name: str, value: str, *, max_age: int | None = None) -> tuple[bytes, bytes]:
    attrs = f"{name}={value}; Path=/; HttpOnly; SameSite=Lax"
    if max_age is not None:
        attrs += f"; Max-Age={max_age}"
    return b"set-cookie", attrs.encode("latin-1")


async def _respond(
    send: Send, status: int, title: str, detail: str, extra: list[tuple[bytes, bytes]] = ()
) -> None:
    body = (
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        f"<title>{html.escape(title)}</title><link rel=stylesheet href=/static/style.css></head>"
        f'<body><main class="narrow"><h1>{html.escape(title)}</h1>'
        f"<p>{html.escape(detail)}</p></main></body></html>"
    ).encode()
    headers = [
        (b"content-type", b"text/html; charset=utf-8"),
        (b"content-length", str(len(body)).encode()),
        *SECURITY_HEADERS,
        *extra,
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class Guard:
    """Wraps the FastAPI app; see the module docstring for what it enforces."""

    def __init__(self, app: Callable[..., Awaitable[None]], cfg: WebConfig) -> None:
        self.app = app
        self.cfg = cfg

    def _token_ok(self, headers: dict[str, str], cookies: dict[str, str]) -> bool:
        want = (self.cfg.token or "").encode()
        auth = headers.get("authorization", "")
        given = [
            cookies.get(TOKEN_COOKIE, ""),
            headers.get(TOKEN_HEADER, ""),
            auth[7:] if auth.lower().startswith("bearer ") else "",
        ]
        return any(g and hmac.compare_digest(g.encode(), want) for g in given)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        cookies = _cookies(headers)
        method = scope["method"].upper()
        path = scope["path"]

        if not host_allowed(headers.get("host"), self.cfg):
            await _respond(
                send, 403, "Forbidden host", "This app only answers requests for localhost."
            )
            return

        if self.cfg.token:
            if path == "/login":
                await self._login(scope, send)
                return
            if not self._token_ok(headers, cookies):
                await _respond(
                    send,
                    401,
                    "Token required",
                    "Open /login?token=YOUR_TOKEN once (or send the X-Her2mine-Token header).",
                )
                return

        session = cookies.get(SESSION_COOKIE, "")
        new_cookies: list[tuple[bytes, bytes]] = []
        if not _SESSION_RE.match(session):
            session = secrets.token_urlsafe(32)
            new_cookies.append(_cookie_header(SESSION_COOKIE, session))
        token = csrf_token(self.cfg.secret, session)
        state = scope.setdefault("state", {})
        state["session"] = session
        state["csrf"] = token

        if method not in _SAFE_METHODS:
            problem, body = await self._check_unsafe(headers, receive, token)
            if problem:
                await _respond(send, problem[0], problem[1], problem[2], new_cookies)
                return
            receive = _replay(body, receive)

        static = path.startswith("/static/")  # may be cached; pages and data may not

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                have = {k.lower() for k, _ in message["headers"]}
                message["headers"] = [
                    *message["headers"],
                    *[
                        (k, v)
                        for k, v in SECURITY_HEADERS
                        if k not in have and not (k == b"cache-control" and static)
                    ],
                    *new_cookies,
                ]
            await send(message)

        await self.app(scope, receive, send_with_headers)

    async def _login(self, scope: Scope, send: Send) -> None:
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        given = (query.get("token") or [""])[0]
        if given and hmac.compare_digest(given.encode(), (self.cfg.token or "").encode()):
            cookie = _cookie_header(TOKEN_COOKIE, given, max_age=30 * 24 * 3600)
            await send(
                {
                    "type": "http.response.start",
                    "status": 303,
                    "headers": [(b"location", b"/"), *SECURITY_HEADERS, cookie],
                }
            )
            await send({"type": "http.response.body", "body": b""})
            return
        await _respond(send, 401, "Wrong token", "The token given to /login is not valid.")

    async def _check_unsafe(
        self, headers: dict[str, str], receive: Receive, token: str
    ) -> tuple[tuple[int, str, str] | None, bytes]:
        """(status, title, detail) of the refusal, or None; and the request body read."""
        if headers.get("sec-fetch-site") == "cross-site":
            return (403, "Cross-site request refused", "Requests from other sites."), b""
        origin = headers.get("origin")
        if origin is not None and not same_origin(origin, headers.get("host")):
            return (403, "Cross-origin request refused", f"Origin {origin} not allowed."), b""
        body = b""
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return (400, "Bad request", "Client disconnected."), b""
            body += message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) > MAX_BODY:
                return (413, "Request too large", f"At most {MAX_BODY} bytes."), b""
        given = headers.get(CSRF_HEADER, "")
        if not given and headers.get("content-type", "").startswith(
            "application/x-www-form-urlencoded"
        ):
            form = parse_qs(body.decode("utf-8", "replace"))
            given = (form.get(CSRF_FIELD) or [""])[0]
        if not given or not hmac.compare_digest(given.encode(), token.encode()):
            return (
                (
                    403,
                    "CSRF check failed",
                    "The form was not issued by this session: reload the page and try again.",
                ),
                b"",
            )
        return None, body


def _replay(body: bytes, receive: Receive) -> Receive:
    """A ``receive`` that hands the already-read body to the app once, then waits as usual."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay
