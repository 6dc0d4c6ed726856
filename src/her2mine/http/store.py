"""Raw response store: every response body kept content-addressed, with a sidecar per request.

Layout under ``settings.raw_dir`` (``data/raw``)::

    objects/ab/abcdef...        body bytes, named by their sha256
    requests/12/1234....json    one sidecar per request key: service, method, URL, params (no
                                api_key), status, content-type, fetched_at, body_sha256
    index/<name>.json           per-identifier indexes (see ``her2mine.http.index``)

The request key hashes service + method + URL + sorted params + form body, leaving out
``api_key``, ``tool`` and ``email`` (they do not change the answer), so ``--offline`` can replay a
run and a re-run answers repeated requests without the network. Bodies are verified against
their hash on every read; a mismatch raises ``CorruptObject``.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from her2mine.fsutil import atomic_write_bytes, sha256_bytes, sha256_file
from her2mine.http.redact import public_params


def seconds_since(stamp: object, now: datetime | None = None) -> float | None:
    """Seconds from an ISO time stamp kept with stored data (naive ones are UTC) to ``now``;
    None if there is no usable stamp."""
    try:
        then = datetime.fromisoformat(str(stamp))
    except ValueError:
        return None
    if then.tzinfo is None:
        then = then.replace(tzinfo=UTC)
    return ((now or datetime.now(UTC)) - then).total_seconds()


# Parameters that identify the caller, not the question: excluded from the request key.
KEY_EXCLUDED_PARAMS = frozenset({"api_key", "tool", "email", "mailto"})


class CorruptObject(Exception):
    """A stored file does not match its hash (or its sidecar is unreadable).

    ``digest`` is set when the damaged file is a body object (so it can be discarded).
    """

    def __init__(self, path: Path, detail: str, *, digest: str | None = None) -> None:
        super().__init__(f"corrupt stored response {path}: {detail}")
        self.path = path
        self.digest = digest


def _canonical(params: Mapping[str, Any] | None) -> list[list[str]]:
    items = []
    for key, value in (params or {}).items():
        if key in KEY_EXCLUDED_PARAMS or value is None:
            continue
        values = value if isinstance(value, list | tuple) else [value]
        items.append([str(key), ",".join(str(v) for v in values)])
    return sorted(items)


def request_key(
    service: str,
    method: str,
    url: str,
    params: Mapping[str, Any] | None = None,
    data: Mapping[str, Any] | None = None,
) -> str:
    """Stable hash of one logical request (identity params and secrets excluded)."""
    payload = {
        "service": service,
        "method": method.upper(),
        "url": url,
        "params": _canonical(params),
        "data": _canonical(data),
    }
    return sha256_bytes(json.dumps(payload, sort_keys=True, separators=(",", ":")).encode())


@dataclass
class StoredResponse:
    """A response as kept in (or read back from) the store."""

    status: int
    body: bytes
    content_type: str | None
    body_sha256: str
    request_key: str
    meta: dict[str, Any] = field(default_factory=dict)


class RawStore:
    """Content-addressed bodies plus request sidecars under one directory."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def object_path(self, digest: str) -> Path:
        return self.root / "objects" / digest[:2] / digest

    def sidecar_path(self, key: str) -> Path:
        return self.root / "requests" / key[:2] / f"{key}.json"

    def write_body(self, body: bytes) -> str:
        """Store ``body`` under its sha256; an existing file is kept only if its hash matches."""
        digest = sha256_bytes(body)
        path = self.object_path(digest)
        try:
            intact = sha256_file(path) == digest
        except OSError:
            intact = False
        if not intact:  # missing, or damaged (even at the same size): rewrite it
            atomic_write_bytes(path, body)
        return digest

    def read_body(self, digest: str) -> bytes:
        """The body with this hash; raises FileNotFoundError or CorruptObject."""
        path = self.object_path(digest)
        body = path.read_bytes()
        actual = sha256_bytes(body)
        if actual != digest:
            raise CorruptObject(
                path, f"sha256 is {actual[:12]}…, expected {digest[:12]}…", digest=digest
            )
        return body

    def discard_body(self, digest: str) -> None:
        """Delete a body object (a damaged one, so the next write stores it afresh)."""
        with contextlib.suppress(OSError):
            self.object_path(digest).unlink()

    def put(
        self,
        *,
        key: str,
        service: str,
        method: str,
        url: str,
        params: Mapping[str, Any] | None,
        data: Mapping[str, Any] | None,
        status: int,
        content_type: str | None,
        body: bytes,
    ) -> StoredResponse:
        digest = self.write_body(body)
        meta = {
            "request_key": key,
            "service": service,
            "method": method.upper(),
            "url": url,
            "params": public_params(params),
            "data": public_params(data) if data else None,
            "status": status,
            "content_type": content_type,
            "fetched_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "body_sha256": digest,
            "body_bytes": len(body),
        }
        text = json.dumps(meta, indent=1, sort_keys=True, default=str)
        atomic_write_bytes(self.sidecar_path(key), text.encode())
        return StoredResponse(status, body, content_type, digest, key, meta)

    def get(self, key: str) -> StoredResponse | None:
        """The stored response for a request key; None if never stored; CorruptObject if damaged."""
        path = self.sidecar_path(key)
        try:
            meta = json.loads(path.read_text(encoding="utf-8"))
            digest, status = meta["body_sha256"], int(meta["status"])
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise CorruptObject(path, f"unreadable sidecar ({exc})") from None
        try:
            body = self.read_body(digest)
        except FileNotFoundError:
            raise CorruptObject(
                self.object_path(digest), "body file missing", digest=digest
            ) from None
        return StoredResponse(status, body, meta.get("content_type"), digest, key, meta)

    def forget(self, key: str) -> None:
        with contextlib.suppress(OSError):
            self.sidecar_path(key).unlink()
