"""Keep secrets (the NCBI api_key) out of anything that is logged, stored or raised."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

REDACTED = "REDACTED"
SECRET_PARAMS = frozenset({"api_key"})
# api_key=<value> in a URL, a form body or an exception message.
_KEY_IN_TEXT = re.compile(r"(api_key=)[^&\s'\"]+", re.IGNORECASE)
_MAX_DESCRIPTION = 400


def redact_text(text: str, secrets: tuple[str | None, ...] = ()) -> str:
    """Return ``text`` with every ``api_key=...`` value and every literal secret replaced."""
    text = _KEY_IN_TEXT.sub(rf"\g<1>{REDACTED}", text)
    for secret in secrets:
        if secret:
            text = text.replace(secret, REDACTED)
    return text


def redact_params(params: Mapping[str, Any] | None) -> dict[str, Any]:
    """A copy of ``params`` with secret values replaced (keys kept, so the shape stays visible)."""
    return {k: (REDACTED if k in SECRET_PARAMS else v) for k, v in (params or {}).items()}


def public_params(params: Mapping[str, Any] | None) -> dict[str, Any]:
    """A copy of ``params`` without the secret keys at all (what the raw store records)."""
    return {k: v for k, v in (params or {}).items() if k not in SECRET_PARAMS}


def describe_request(
    method: str,
    url: str,
    params: Mapping[str, Any] | None = None,
    data: Mapping[str, Any] | None = None,
) -> str:
    """``METHOD url?query`` (plus the form for POST), secrets redacted, shortened for messages."""
    text = f"{method.upper()} {url}"
    if params:
        text += "?" + urlencode(redact_params(params), safe=':/,[]"')
    if data:
        text += " form: " + urlencode(redact_params(data), safe=':/,[]"')
    text = redact_text(text)
    if len(text) > _MAX_DESCRIPTION:
        text = text[: _MAX_DESCRIPTION - 1] + "…"
    return text


class RedactingFilter(logging.Filter):
    """Rewrites log records of third-party loggers (urllib3 logs full URLs at DEBUG)."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken record is not ours to fix; let logging report it
            return True
        clean = redact_text(message)
        if clean != message:
            record.msg, record.args = clean, None
        return True


_installed = False


def install_log_redaction() -> None:
    """Attach the redacting filter to the loggers that print request URLs (idempotent)."""
    global _installed
    if _installed:
        return
    # Logger filters only see records created by that very logger, so name the emitters.
    for name in ("urllib3.connectionpool", "urllib3.util.retry"):
        logging.getLogger(name).addFilter(RedactingFilter())
    _installed = True
