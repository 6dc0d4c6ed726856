"""One exception hierarchy for her2mine; every error names the input or request it is about."""

from __future__ import annotations


class Her2mineError(Exception):
    """Base class of all her2mine errors."""


class InputError(Her2mineError):
    """Bad user input (a file, a DOI, a parameter). The message names the input."""


class WorkerError(Her2mineError):
    """A worker process stopped without an answer (killed, out of memory, or it could not load
    the pipeline)."""


class ParseError(Her2mineError):
    """A response or file could not be parsed. ``source`` names what was being parsed."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(f"{source}: {message}" if source else message)
        self.source = source


class ServiceError(Her2mineError):
    """A remote service answered with an error, or could not be reached after all retries.

    ``status`` is the HTTP status code (None for connection errors and timeouts) and
    ``request`` a description of the request (method and URL, secrets removed).
    """

    def __init__(self, message: str, *, status: int | None = None, request: str | None = None):
        parts = [message]
        if status is not None:
            parts.append(f"HTTP {status}")
        if request:
            parts.append(f"request: {request}")
        super().__init__(" | ".join(parts))
        self.status = status
        self.request = request


class NotFoundError(ServiceError):
    """The service says the requested item does not exist (e.g. Crossref 404)."""


class OfflineMiss(Her2mineError):
    """--offline was set and the raw cache holds no response for this request."""
