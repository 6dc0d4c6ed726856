"""``her2mine fetch``: fetch and merge Crossref + PubMed records for references and DOIs."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from her2mine.cli.app import app
from her2mine.cli.common import errors_to_exit

OUTPUT_FIELDS = (
    "doi", "pmid", "pmcid", "title", "abstract", "journal", "year", "authors",
    "publication_types", "mesh", "registry_ids", "corrections", "sources", "status", "reason",
)  # fmt: skip


def work_record(work) -> dict:
    """The JSON object printed for one work (README data dictionary: docs/fetch.md)."""
    d = work.to_dict()
    return {k: d[k] for k in OUTPUT_FIELDS}


@app.command("fetch")
def fetch_cmd(
    inputs: list[str] = typer.Argument(
        ...,
        help="Reference files (review text, numbered/APA lists, .bib, .ris), DOI-list files, "
        "or DOIs.",
        show_default=False,
    ),
    jsonl: bool = typer.Option(
        False, "--jsonl", help="Print one JSON object per work (default: a short summary table)."
    ),
    offline: bool = typer.Option(
        False, "--offline", help="Use only stored responses under DATA_DIR/raw; never the network."
    ),
    data_dir: Path | None = typer.Option(
        None,
        "--data-dir",
        help="Data directory (raw store in DATA_DIR/raw). (env HER2MINE_DATA_DIR)",
    ),
    email: str | None = typer.Option(
        None, "--email", help="Contact e-mail sent to NCBI and Crossref. (env HER2MINE_EMAIL)"
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar on stderr."),
) -> None:
    """Fetch Crossref and PubMed records for every cited work and merge them.

    Each work is printed once, with status ok, not_found or failed (+ reason).

    Progress and logs go to stderr. Responses are kept under DATA_DIR/raw: a re-run asks the network only for what it has not seen, and --offline replays a previous run.
    """
    import logging

    from rich.console import Console

    from her2mine.fetch import fetch_works
    from her2mine.settings import Settings

    console = Console(stderr=True)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    with errors_to_exit():
        settings = Settings.from_env(
            data_dir=data_dir, email=email, offline=True if offline else None
        )
        if quiet or not console.is_terminal:  # no bar in pipes and logs
            result = fetch_works(inputs, settings)
        else:
            result = _with_progress(console, fetch_works, inputs, settings)

    if jsonl:
        for work in result.works:
            typer.echo(json.dumps(work_record(work), ensure_ascii=False))
    else:
        _print_table(result.works)
    counts = ", ".join(f"{n} {status}" for status, n in sorted(result.counts().items()))
    console.print(f"{len(result.works)} works ({counts}); {result.request_count} HTTP requests")
    for failure in result.failures:
        console.print(f"failed: {failure.error}", markup=False, highlight=False)


def _with_progress(console, fetch_works, inputs, settings):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    tasks: dict[str, int] = {}
    with Progress(
        TextColumn("{task.description:>9}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
    ) as bar:

        def progress(stage: str, advance: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], advance=advance, total=total)

        return fetch_works(inputs, settings, progress=progress)


def _print_table(works) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table("status", "doi", "pmid", "year", "title")
    for work in works:
        title = (work.title or work.reason or "")[:70]
        table.add_row(work.status, work.doi or "", work.pmid or "", str(work.year or ""), title)
    Console().print(table)
