"""``her2mine run`` (the refresh flow for real), ``her2mine demo`` (the same flow on the bundled
synthetic corpus, offline) and ``her2mine serve`` (a weekly schedule on this machine)."""

from __future__ import annotations

import os
from pathlib import Path

import typer

from her2mine.cli.app import app
from her2mine.cli.common import errors_to_exit

DEMO_EMAIL = "demo@her2mine.invalid"
DEMO_FIRST_MINDATE = "2010/01/01"  # the synthetic corpus starts in 2012


def _quiet_prefect(verbose: bool) -> None:
    """Set before Prefect is imported: no telemetry calls (offline), no INFO log flood."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    if not verbose:
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
        os.environ.setdefault("PREFECT_LOGGING_LOGGERS_PREFECT_FLOW_RUNS_LEVEL", "WARNING")


def _with_progress(console, fn, **kwargs):
    """Run ``fn(**kwargs)`` with a rich progress bar fed by the flow's progress hook."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from her2mine.flow.progress import reporting

    bars: dict[str, int] = {}
    with Progress(
        TextColumn("{task.description:<22}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    ) as bar:

        def report(stage: str, advance: int, total: int | None) -> None:
            if starting in bar.task_ids and not bar.tasks[starting].finished:
                bar.update(starting, total=1, completed=1)
            if stage not in bars:
                bars[stage] = bar.add_task(stage, total=total or None)
            task_id = bars[stage]
            if total is not None:
                bar.update(task_id, total=max(total, 1) if total == 0 else total)
                if total == 0:
                    bar.update(task_id, completed=1)
            if advance:
                bar.advance(task_id, advance)

        starting = bar.add_task("starting Prefect", total=None)
        with reporting(report):
            return fn(**kwargs)


def _print_summary(console, summary: dict) -> None:
    from rich.table import Table

    table = Table(title=f"Tables in {summary['out_dir']}", show_edge=False)
    table.add_column("table")
    table.add_column("rows", justify="right")
    counts = summary.get("counts") or {}
    if not counts:
        from her2mine.tables import TableStore

        counts = TableStore(summary["out_dir"]).counts()
    for name, rows in counts.items():
        table.add_row(name, str(rows))
    console.print(table)
    console.print(
        f"run {summary['run_id']}: {summary['new_pmids']} new PMIDs, "
        f"{summary['changed_pubmed'] + summary['changed_crossref']} changed records, "
        f"{summary['documents_extracted']} documents extracted, "
        f"{summary['new_evidence']} evidence rows written, "
        f"{len(summary['retracted_flagged'])} retractions and "
        f"{len(summary['errata_flagged'])} errata flagged, {summary['requests']} HTTP requests, "
        f"{summary['seconds']} s."
    )
    for failure in summary.get("failures") or []:
        console.print(f"[yellow]failure:[/] {failure}")


@app.command("run")
def run_cmd(
    refs: list[Path] = typer.Option(
        [],
        "--refs",
        "-r",
        help="Reference list / review / DOI list / BibTeX / RIS file "
        "whose cited works to include. Repeatable.",
    ),
    query_file: str | None = typer.Option(
        None,
        "--query-file",
        "-q",
        help="YAML of saved PubMed queries re-run incrementally; "
        "'default' = the bundled her2mine/data/queries.yaml.",
    ),
    out: Path | None = typer.Option(
        None, "--out", "-o", help="Table directory (default DATA_DIR/processed)."
    ),
    data_dir: Path | None = typer.Option(
        None,
        "--data-dir",
        help="Data directory: raw responses, Prefect results. "
        "(env HER2MINE_DATA_DIR, default ./data)",
    ),
    email: str | None = typer.Option(
        None, "--email", help="Contact e-mail sent to NCBI and Crossref. (env HER2MINE_EMAIL)"
    ),
    offline: bool = typer.Option(
        False, "--offline", help="Use only stored responses under DATA_DIR/raw; never the network."
    ),
    task_runner: str = typer.Option(
        "thread",
        "--task-runner",
        help="Where extraction batches run: 'thread' (this process) or 'dask' (a Dask cluster).",
    ),
    dask_address: str | None = typer.Option(
        None,
        "--dask-address",
        help="Scheduler of an existing Dask cluster, e.g. "
        "tcp://10.0.0.5:8786 (default: a temporary local cluster).",
    ),
    workers: int = typer.Option(2, "--workers", help="Threads, or local Dask worker processes."),
    model: str | None = typer.Option(
        None,
        "--model",
        help="spaCy model for extraction (default: rules only, or $HER2MINE_SPACY_MODEL).",
    ),
    batch_size: int = typer.Option(32, "--batch-size", help="Documents per extraction task."),
    lookback_days: int = typer.Option(
        365,
        "--lookback-days",
        help="First run: how far back saved queries without a mindate search.",
    ),
    full: bool = typer.Option(
        False,
        "--full",
        help="Ignore the incremental state and re-check every record (extraction is still cached).",
    ),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Show Prefect's logs."),
) -> None:
    """Run the refresh flow: references and saved PubMed queries → fetch → extract → tables.

    Live services by default (settings from the environment). Incremental: a second run only
    fetches and extracts what is new or changed (errata, retractions, updated abstracts).
    """
    _quiet_prefect(verbose)
    from rich.console import Console

    from her2mine.flow import run_refresh

    console = Console(stderr=True)
    params = dict(
        refs=[str(p) for p in refs],
        query_file=query_file,
        out_dir=str(out) if out else None,
        data_dir=str(data_dir) if data_dir else None,
        email=email,
        offline=offline,
        model=model,
        batch_size=batch_size,
        lookback_days=lookback_days,
        full=full,
        task_runner=task_runner,
        dask_address=dask_address,
        workers=workers,
    )
    with errors_to_exit():
        if console.is_terminal and not verbose:
            summary = _with_progress(console, run_refresh, **params)
        else:
            summary = run_refresh(**params)
    _print_summary(Console(), summary)


@app.command("demo")
def demo_cmd(
    out: Path | None = typer.Option(
        None,
        "--out",
        "-o",
        help="Table directory (default DATA_DIR/processed, i.e. data/processed).",
    ),
    data_dir: Path | None = typer.Option(
        None,
        "--data-dir",
        help="Data directory (raw responses in DATA_DIR/raw). "
        "(env HER2MINE_DATA_DIR, default ./data)",
    ),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Show Prefect's logs."),
) -> None:
    """Run the whole pipeline offline on the bundled SYNTHETIC corpus (about a minute or less).

    Starts the local protocol server (E-utilities, ID converter, Crossref) in this process and
    runs the same refresh flow as `her2mine run` on the synthetic review and the bundled saved
    queries, then prints where the tables are.
    """
    _quiet_prefect(verbose)
    from rich.console import Console

    from her2mine.flow import run_refresh
    from her2mine.settings import Settings
    from her2mine.testserver import REVIEW_PATH, ProtocolServer

    console = Console(stderr=True)
    with errors_to_exit():
        settings = Settings.from_env(data_dir=data_dir)
        with ProtocolServer() as srv:
            # The flow reads its service URLs from the environment, like a real run.
            os.environ.update(srv.env())
            console.print(f"local protocol server (synthetic corpus) at {srv.base_url}")
            params = dict(
                refs=[str(REVIEW_PATH)],
                query_file="default",
                out_dir=str(out) if out else None,
                data_dir=str(settings.data_dir),
                email=settings.email or DEMO_EMAIL,
                first_mindate=DEMO_FIRST_MINDATE,
            )
            if verbose:
                summary = run_refresh(**params)
            else:
                summary = _with_progress(console, run_refresh, **params)
    stdout = Console()
    _print_summary(stdout, summary)
    stdout.print(
        f"\nRaw responses: {settings.raw_dir}   DuckDB: "
        f"{Path(summary['out_dir']) / 'her2mine.duckdb'}\n"
        'Next: her2mine tables   |   her2mine query "SELECT * FROM evidence LIMIT 5"   |   '
        "her2mine review export --out review.xlsx"
    )


@app.command("serve")
def serve_cmd(
    cron: str = typer.Option(
        "0 2 * * 0",
        "--cron",
        help="Cron schedule (default Sundays 02:00, inside NCBI's window for large jobs).",
    ),
    timezone: str = typer.Option(
        "America/New_York",
        "--timezone",
        help="Time zone of the cron schedule (NCBI asks for "
        "large jobs at weekends or 21:00-05:00 US Eastern).",
    ),
    refs: list[Path] = typer.Option(
        [], "--refs", "-r", help="Reference files to include on every run. Repeatable."
    ),
    query_file: str | None = typer.Option(
        "default", "--query-file", "-q", help="Saved PubMed queries ('default' = bundled)."
    ),
    out: Path | None = typer.Option(None, "--out", "-o", help="Table directory."),
    data_dir: Path | None = typer.Option(None, "--data-dir", help="Data directory."),
    name: str = typer.Option("weekly-refresh", "--name", help="Deployment name."),
) -> None:
    """Serve the refresh flow on a schedule from this machine (Ctrl-C stops it).

    Needs a Prefect server (`prefect server start`, then PREFECT_API_URL); every scheduled run
    is an incremental refresh. For a work pool deployment use prefect.yaml instead.
    """
    from prefect.schedules import Cron

    from her2mine.errors import InputError
    from her2mine.flow import refresh

    # ValueError: a bad cron expression or time zone.
    with errors_to_exit(ValueError):
        for p in refs:
            if not p.is_file():
                raise InputError(f"reference file not found: {p}")
        params = {
            "refs": [str(p.resolve()) for p in refs],
            "query_file": query_file,
            "out_dir": str(out.resolve()) if out else None,
            "data_dir": str(data_dir.resolve()) if data_dir else None,
        }
        refresh.serve(
            name=name,
            schedules=[Cron(cron, timezone=timezone)],
            parameters={k: v for k, v in params.items() if v is not None},
        )
