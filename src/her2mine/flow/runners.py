"""Task runners for the refresh flow and a single entry point used by the CLI and benchmarks.

``thread`` (default): extraction batches run in a thread pool of the flow's process.
``dask``: batches run as mapped tasks on a Dask cluster: a temporary ``LocalCluster`` (2 worker
processes, one thread each: spaCy is CPU-bound) or an existing scheduler at ``dask_address``.
"""

from __future__ import annotations

from typing import Any

from her2mine.errors import InputError

TASK_RUNNERS = ("thread", "dask")


def make_task_runner(kind: str = "thread", *, dask_address: str | None = None, workers: int = 2):
    if kind not in TASK_RUNNERS:
        raise InputError(f"task runner must be one of {', '.join(TASK_RUNNERS)}, got {kind!r}")
    if dask_address and kind != "dask":
        raise InputError("--dask-address needs --task-runner dask")
    if kind == "thread":
        from prefect.task_runners import ThreadPoolTaskRunner

        return ThreadPoolTaskRunner(max_workers=workers)
    from prefect_dask import DaskTaskRunner

    if dask_address:
        return DaskTaskRunner(address=dask_address)
    return DaskTaskRunner(
        cluster_kwargs={
            "n_workers": workers,
            "threads_per_worker": 1,
            "processes": True,
            "dashboard_address": None,
        }
    )


def run_refresh(
    *, task_runner: str = "thread", dask_address: str | None = None, workers: int = 2, **params: Any
) -> dict[str, Any]:
    """Run the refresh flow in this process with the chosen task runner; returns its summary."""
    from her2mine.flow.refresh import refresh

    runner = make_task_runner(task_runner, dask_address=dask_address, workers=workers)
    return refresh.with_options(task_runner=runner)(**params)
