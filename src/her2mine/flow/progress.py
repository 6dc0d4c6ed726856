"""A process-local progress hook, so the CLI can draw a progress bar for an in-process flow.

Flow parameters must be serialisable, so the callback cannot be one; tasks call ``report`` and
whoever runs the flow in this process (``her2mine demo``) installs a reporter. Tasks running in
other processes (Dask workers) simply report nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

# reporter(stage, advance, total): total=None keeps the stage's previous total.
Reporter = Callable[[str, int, "int | None"], None]

_lock = threading.Lock()
_reporter: Reporter | None = None


def report(stage: str, advance: int = 0, total: int | None = None) -> None:
    with _lock:
        reporter = _reporter
    if reporter is not None:
        reporter(stage, advance, total)


@contextmanager
def reporting(reporter: Reporter) -> Iterator[None]:
    global _reporter
    with _lock:
        previous, _reporter = _reporter, reporter
    try:
        yield
    finally:
        with _lock:
            _reporter = previous
