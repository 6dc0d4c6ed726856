"""HTTP layer: pacing, retries, raw response store and offline replay for every service."""

from her2mine.http.client import Fetched, Http, RawResponse, RequestStats, ServiceClient
from her2mine.http.index import IdIndex
from her2mine.http.ratelimit import RateLimiter, get_limiter
from her2mine.http.redact import describe_request, redact_text
from her2mine.http.retry import RetryPolicy, parse_retry_after
from her2mine.http.store import RawStore, request_key

__all__ = [
    "Fetched",
    "Http",
    "IdIndex",
    "RateLimiter",
    "RawResponse",
    "RawStore",
    "RequestStats",
    "RetryPolicy",
    "ServiceClient",
    "describe_request",
    "get_limiter",
    "parse_retry_after",
    "redact_text",
    "request_key",
]
