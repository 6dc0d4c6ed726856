"""``her2mine extract``: drugs, trials and numeric outcomes from abstracts (.txt / PubMed XML)."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path

import typer

from her2mine.cli.app import app
from her2mine.cli.common import errors_to_exit, report_error
from her2mine.errors import Her2mineError


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
) -> None:
    """Extract drugs, trials and outcomes (tied to end points and arms) from abstracts."""
    from her2mine.extract import build_pipeline, extract_documents, read_documents

    with errors_to_exit():
        nlp = build_pipeline(model=model)
    failed = False
    collected: list[dict] = []
    for path in paths:
        try:
            docs = list(read_documents(path))
        except Her2mineError as exc:
            report_error(exc)  # the other paths are still extracted
            failed = True
            continue
        for ex in extract_documents(docs, nlp=nlp):
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
