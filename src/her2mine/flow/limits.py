"""Prefect-side limits and retry delays shared by the refresh tasks.

* Global concurrency limits with slot decay, one per service (``ncbi``: 3 requests/s, 10/s with
  an API key; ``crossref``: ``settings.crossref_rate``), created or updated at flow start, so
  every flow run on the same Prefect server (a scheduled run and a manual one) draws from the
  same budget. The flow takes a slot of both before it launches each bulk fetch task; the
  library's process-wide limiter still paces every single request inside a process.
* Retry delays: Prefect 3 ignores ``retry_jitter_factor`` for task retries, so the delays are
  randomised here (exponential with full jitter; evaluated when the task is defined, i.e. once
  per process).
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable

from her2mine.settings import Settings

log = logging.getLogger(__name__)

NCBI_LIMIT = "ncbi"
_ENSURED: set[tuple] = set()
CROSSREF_LIMIT = "crossref"


def jittered_backoff(base: float = 5.0, cap: float = 120.0) -> Callable[[int], list[float]]:
    """``retry_delay_seconds`` callable: retry i waits uniform(base/2, min(cap, base*2**i))."""

    def delays(retries: int) -> list[float]:
        return [round(random.uniform(base / 2, min(cap, base * 2**i)), 2) for i in range(retries)]

    return delays


def retry_on_service_error(task, task_run, state) -> bool:
    """Retry only transient service failures, never bad input or an offline miss."""
    from her2mine.errors import NotFoundError, ServiceError

    try:
        state.result()
    except NotFoundError:
        return False
    except ServiceError:
        return True
    except Exception:
        return False
    return False


def service_limits(settings: Settings) -> dict[str, float]:
    """Requests per second per global limit (the decay rate of its slots)."""
    return {NCBI_LIMIT: float(settings.ncbi_rate), CROSSREF_LIMIT: float(settings.crossref_rate)}


def ensure_limits(settings: Settings) -> dict[str, float]:
    """Create or update the global concurrency limits; returns what was set ({} if no server)."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.actions import (
        GlobalConcurrencyLimitCreate,
        GlobalConcurrencyLimitUpdate,
    )
    from prefect.settings import PREFECT_API_URL

    wanted = service_limits(settings)
    done_key = (str(PREFECT_API_URL.value()), tuple(sorted(wanted.items())))
    if done_key in _ENSURED:  # this process already set them on this server
        return wanted
    try:
        with get_client(sync_client=True) as client:
            for name, rate in wanted.items():
                limit = max(
                    1, int(rate), settings.crossref_concurrency if name == CROSSREF_LIMIT else 1
                )
                try:
                    current = client.read_global_concurrency_limit_by_name(name)
                except Exception:  # ObjectNotFound (or an older server): create it
                    current = None
                if current is None:
                    client.create_global_concurrency_limit(
                        GlobalConcurrencyLimitCreate(
                            name=name, limit=limit, slot_decay_per_second=rate, active=True
                        )
                    )
                elif current.limit != limit or current.slot_decay_per_second != rate:
                    client.update_global_concurrency_limit(
                        name, GlobalConcurrencyLimitUpdate(limit=limit, slot_decay_per_second=rate)
                    )
    except Exception as exc:  # no API reachable: the in-process limiter still paces requests
        log.warning("could not set Prefect concurrency limits (%s); using in-process pacing", exc)
        return {}
    _ENSURED.add(done_key)
    return wanted


def take_slot(names: str | list[str]) -> None:
    """One slot of each named global rate limit (non-strict: a missing limit is skipped)."""
    from prefect.concurrency.sync import rate_limit

    try:
        rate_limit(names, strict=False, timeout_seconds=60)
    except TimeoutError:
        log.warning("waited 60 s for a %s slot; continuing with in-process pacing", names)
