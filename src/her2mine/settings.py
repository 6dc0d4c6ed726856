"""Run-time settings, read from the environment (``HER2MINE_*``) with sensible defaults.

Every HTTP client takes its base URL from here, so tests and the demo point them at the local
protocol server (``her2mine.testserver``) instead of the live services.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from her2mine.errors import InputError

DEFAULT_EUTILS_URL = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/"
DEFAULT_IDCONV_URL = "https://pmc.ncbi.nlm.nih.gov/tools/idconv/api/v1/articles/"
DEFAULT_CROSSREF_URL = "https://api.crossref.org"


def _env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return value if value not in (None, "") else default


def _num(name: str, default: float, *, integer: bool = False) -> float | int:
    """A non-negative number from the environment; InputError naming the variable if not one."""
    text = _env(name)
    if text is None:
        return int(default) if integer else float(default)
    try:
        value: float | int = int(text) if integer else float(text)
    except ValueError:
        kind = "a whole number" if integer else "a number"
        raise InputError(f"{name} must be {kind} >= 0, got {text!r}") from None
    if not math.isfinite(value) or value < 0:
        raise InputError(f"{name} must be a finite number >= 0, got {text!r}")
    return value


@dataclass(frozen=True)
class Settings:
    eutils_url: str = DEFAULT_EUTILS_URL
    idconv_url: str = DEFAULT_IDCONV_URL
    crossref_url: str = DEFAULT_CROSSREF_URL
    email: str | None = None
    tool: str = "her2mine"
    # repr=False: the key must never reach logs, tables or error messages.
    api_key: str | None = field(default=None, repr=False)
    data_dir: Path = Path("data")
    timeout: float = 20.0
    max_retries: int = 5
    offline: bool = False
    spacy_model: str | None = None
    curator: str | None = None
    # HTTP layer (her2mine.http): connect timeout (``timeout`` is the read timeout), retry
    # backoff (full jitter: sleep uniform(0, min(cap, base * 2**attempt))), the longest
    # Retry-After honoured, and Crossref pacing before its X-Rate-Limit-* headers are seen.
    connect_timeout: float = 5.0
    backoff_base: float = 1.0
    backoff_cap: float = 30.0
    retry_after_max: float = 120.0
    crossref_rate: float = 1.0
    crossref_concurrency: int = 3
    # A stored "not in Crossref/PubMed" answer is asked again after this many days (a paper
    # cited before PubMed indexed it gets its record later); 0: re-ask on every run.
    negative_ttl_days: float = 30.0
    # One HTTP attempt: at most this many body bytes, and this many seconds from connect to
    # the last body byte (``timeout`` only bounds each socket read).
    max_response_bytes: int = 100 * 1024 * 1024
    request_deadline: float = 300.0
    # Review web app (her2mine.web): token required when serving on a non-local host.
    web_token: str | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        # Callers pass str paths too (Settings(data_dir="x")); raw_dir needs a Path.
        if not isinstance(self.data_dir, Path):
            object.__setattr__(self, "data_dir", Path(self.data_dir))

    @property
    def negative_ttl_seconds(self) -> float:
        return self.negative_ttl_days * 86400.0

    @property
    def raw_dir(self) -> Path:
        return self.data_dir / "raw"

    @property
    def processed_dir(self) -> Path:
        return self.data_dir / "processed"

    @property
    def ncbi_rate(self) -> float:
        """Requests per second NCBI allows: 3 without an API key, 10 with one."""
        return 10.0 if self.api_key else 3.0

    def with_(self, **changes) -> Settings:
        return replace(self, **changes)

    @classmethod
    def from_env(cls, **overrides) -> Settings:
        values = dict(
            eutils_url=_env("HER2MINE_EUTILS_URL", DEFAULT_EUTILS_URL),
            idconv_url=_env("HER2MINE_IDCONV_URL", DEFAULT_IDCONV_URL),
            crossref_url=_env("HER2MINE_CROSSREF_URL", DEFAULT_CROSSREF_URL),
            email=_env("HER2MINE_EMAIL"),
            tool=_env("HER2MINE_TOOL", "her2mine"),
            api_key=_env("NCBI_API_KEY"),
            data_dir=Path(_env("HER2MINE_DATA_DIR", "data")),
            timeout=_num("HER2MINE_TIMEOUT", 20),
            max_retries=_num("HER2MINE_MAX_RETRIES", 5, integer=True),
            offline=_env("HER2MINE_OFFLINE", "0") in ("1", "true", "yes"),
            spacy_model=_env("HER2MINE_SPACY_MODEL"),
            curator=_env("HER2MINE_CURATOR"),
            web_token=_env("HER2MINE_WEB_TOKEN"),
            connect_timeout=_num("HER2MINE_CONNECT_TIMEOUT", 5),
            backoff_base=_num("HER2MINE_BACKOFF_BASE", 1),
            backoff_cap=_num("HER2MINE_BACKOFF_CAP", 30),
            negative_ttl_days=_num("HER2MINE_NEGATIVE_TTL_DAYS", 30),
            max_response_bytes=int(_num("HER2MINE_MAX_RESPONSE_MB", 100) * 1024 * 1024),
            request_deadline=_num("HER2MINE_REQUEST_DEADLINE", 300),
        )
        known = {f.name for f in fields(cls)}
        unknown = set(overrides) - known
        if unknown:
            raise TypeError(f"unknown settings: {sorted(unknown)}")
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)
