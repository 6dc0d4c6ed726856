"""``her2mine evaluate``: run the extraction pipeline on a gold set and score it."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from her2mine.cli.app import app
from her2mine.cli.common import errors_to_exit


@app.command("evaluate")
def evaluate_cmd(
    gold: Path = typer.Option(
        ...,
        "--gold",
        help="Gold directory: <id>.txt documents (title, blank line, abstract) with <id>.json "
        "gold extractions.",
    ),
    model: str | None = typer.Option(
        None, "--model", help="spaCy/scispaCy model for the pipeline (default: settings)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
    errors: bool = typer.Option(
        False, "--errors", help="Also print the mismatches (missing/extra items, wrong arms)."
    ),
) -> None:
    """Run the extraction pipeline on GOLD/*.txt and print P/R/F1 for drugs, trials and outcome
    tuples, and arm accuracy, against GOLD/*.json."""
    with errors_to_exit():
        from her2mine.extract import build_pipeline, extract_documents, read_documents
        from her2mine.extract.evaluate import evaluate, format_errors, format_table, load_gold

        gold_docs = load_gold(gold)
        nlp = build_pipeline(model=model)
        documents = [d for txt in sorted(gold.glob("*.txt")) for d in read_documents(txt)]
        predicted = [e.to_dict() for e in extract_documents(documents, nlp)]
        scores = evaluate(gold_docs, predicted)
    if as_json:
        typer.echo(json.dumps(scores.to_dict(with_errors=errors), indent=2, ensure_ascii=False))
        return
    typer.echo(format_table(scores))
    if errors:
        typer.echo("")
        typer.echo(format_errors(scores))
