"""``her2mine extract``: drugs, trials and numeric outcomes from abstracts (.txt / PubMed XML)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from her2mine.cli.app import app
from her2mine.cli.common import errors_to_exit, report_error
from her2mine.errors import Her2mineError

if TYPE_CHECKING:
    from her2mine.models import Document


class OutputFormat(StrEnum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


@app.command("extract")
def extract_cmd(
    paths: list[Path] = typer.Argument(
        ...,
        help="Abstract files (.txt: title, blank line, abstract), PubMed XML files or "
        "directories of them.",
    ),
    fmt: OutputFormat = typer.Option(
        OutputFormat.jsonl,
        "--format",
        "-f",
        help="jsonl: one JSON object per document; json: one JSON array; table: outcome rows.",
    ),
    model: str | None = typer.Option(
        None,
        "--model",
        "-m",
        help="spaCy/scispaCy NER model (package name or directory) merged with the rules; "
        "default HER2MINE_SPACY_MODEL, none = rules only.",
    ),
    with_mentions: bool = typer.Option(
        False, "--with-mentions", help="Also print every drug/trial/end-point mention."
    ),
    processes: int = typer.Option(
        1,
        "--processes",
        "-j",
        help="Worker processes (-1: one per CPU); output order is the same. Pays off from a "
        "few hundred abstracts.",
    ),
) -> None:
    """Extract drugs, trials and outcomes (tied to end points and arms) from abstracts."""
    from her2mine.extract import build_pipeline, extract_documents
    from her2mine.extract.workers import worker_count

    with errors_to_exit():
        try:
            worker_count(processes)
        except ValueError as exc:
            raise Her2mineError(f"--processes: {exc}") from None
        nlp = build_pipeline(model=model)
    failed: list[Path] = []
    collected: list[dict] = []
    docs = _documents(paths, failed)
    with errors_to_exit():  # (a worker that died: the records before it are printed)
        for ex in extract_documents(docs, nlp=nlp, n_process=processes):
            record = ex.to_dict(with_mentions=with_mentions)
            if fmt is OutputFormat.jsonl:
                typer.echo(json.dumps(record, ensure_ascii=False))
            elif fmt is OutputFormat.json:
                collected.append(record)
            else:
                _print_table(record)
    if fmt is OutputFormat.json:
        typer.echo(json.dumps(collected, ensure_ascii=False, indent=2))
    if failed:
        raise typer.Exit(1)


def _documents(paths: list[Path], failed: list[Path]) -> Iterator[Document]:
    """The documents of every path, as one stream (one worker pool for all of them); a path
    that cannot be read is reported, added to ``failed``, and the others are still read."""
    from her2mine.extract import read_documents

    for path in paths:
        try:
            docs = list(read_documents(path))
        except Her2mineError as exc:
            report_error(exc)
            failed.append(path)
            continue
        yield from docs


def _print_table(record: dict) -> None:
    typer.echo(
        f"# {record['id']}  drugs: {', '.join(record['drugs']) or '-'}  "
        f"trials: {', '.join(record['trials']) or '-'}"
    )
    for o in record["outcomes"]:
        ci = f"[{o['ci_low']}, {o['ci_high']}]" if o["ci_low"] is not None else ""
        value = "NR" if o["value"] is None else o["value"]
        typer.echo(
            "\t".join(
                str(x)
                for x in (
                    o["endpoint"],
                    o["measure"],
                    value,
                    o["unit"] or "",
                    ci,
                    o["p"] or "",
                    o["arm"] or "",
                )
            )
        )
