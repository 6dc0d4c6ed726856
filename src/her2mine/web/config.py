"""Configuration of the review web app and the "no token, no public host" rule."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from pathlib import Path

from her2mine.errors import InputError

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765


def is_local_host(host: str) -> bool:
    """True for the loopback names the app may bind to without a token."""
    return host.strip().lower() in LOCAL_HOSTS


@dataclass(frozen=True)
class WebConfig:
    """What ``create_app`` needs.

    ``curator``: fixed curator name (``--curator`` / HER2MINE_CURATOR); None = asked in the UI.
    ``token``: access token; required when ``host`` is not a loopback name.
    ``host``: the address served on (decides which Host headers are accepted).
    ``secret``: key for CSRF tokens; random per process unless given (tests).
    """

    data_dir: Path
    curator: str | None = None
    token: str | None = field(default=None, repr=False)
    host: str = DEFAULT_HOST
    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32), repr=False)
    page_size: int = 100

    @property
    def local(self) -> bool:
        return is_local_host(self.host)


def check_serve_options(host: str, token: str | None) -> None:
    """Refuse to serve on a non-loopback host without a token (InputError naming the host)."""
    if not is_local_host(host) and not (token and token.strip()):
        raise InputError(
            f"refusing to serve on host {host!r} without a token: anyone who can reach it could "
            "change the review table. Pass --token T or set HER2MINE_WEB_TOKEN "
            "(or use --host 127.0.0.1)."
        )
    if token is not None and len(token.strip()) < 8:
        raise InputError("the web token is too short: use at least 8 characters")
