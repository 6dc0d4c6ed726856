"""Prefect orchestration of the product: the incremental ``refresh`` flow and its runners.

``from her2mine.flow import refresh, run_refresh`` (importing this package imports Prefect).
See docs/flows.md.
"""

from her2mine.flow.refresh import FLOW_NAME, SUMMARY_KEY, refresh
from her2mine.flow.runners import make_task_runner, run_refresh

__all__ = ["FLOW_NAME", "SUMMARY_KEY", "make_task_runner", "refresh", "run_refresh"]
