"""``her2mine tables`` (row counts) and ``her2mine query`` (DuckDB SQL over the tables)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer

from her2mine.cli.app import app
from her2mine.cli.common import DIR_HELP, errors_to_exit, open_store

OUT_HELP = DIR_HELP + " --dir is the same option (as in `her2mine review`)."


class Format(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


def _lists_as_json(df):
    """List cells (DuckDB returns lists / numpy arrays) as JSON text, as in the CSV twins."""
    import json

    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object:
            out[col] = [
                json.dumps(v.tolist() if hasattr(v, "tolist") else v, ensure_ascii=False)
                if isinstance(v, list | tuple) or hasattr(v, "tolist") and not isinstance(v, str)
                else v
                for v in out[col]
            ]
    return out


@app.command("tables")
def tables_cmd(
    out: Path | None = typer.Option(None, "--out", "--dir", help=OUT_HELP),
) -> None:
    """Print the row count, version and last write time of every curated table."""
    from rich.console import Console
    from rich.table import Table

    with errors_to_exit():
        store = open_store(out)
        counts = store.counts()
        entries = store.manifest()["tables"]
    t = Table(title=f"her2mine tables in {store.out_dir}")
    for col in ("table", "rows", "version", "written at (UTC)"):
        t.add_column(col, justify="right" if col == "rows" else "left")
    for name, n in counts.items():
        e = entries.get(name, {})
        t.add_row(name, str(n), e.get("version", "-"), str(e.get("written_at", "-"))[:19])
    Console().print(t)


def _cell(value: object) -> str:
    """Table cell text: missing values (None, NaN, NA) show as blank, not 'nan'."""
    import pandas as pd

    if value is None or (not isinstance(value, list | tuple | dict) and pd.isna(value)):
        return ""
    return str(value)


@app.command("query")
def query_cmd(
    sql: str = typer.Argument(
        ...,
        help='DuckDB SQL over the tables and views, e.g. "SELECT * FROM hr_forest". '
        'Quote the references table as "references" (or use the refs view).',
    ),
    out: Path | None = typer.Option(None, "--out", "--dir", help=OUT_HELP),
    fmt: Format = typer.Option(Format.table, "--format", help="Output format."),
    limit: int | None = typer.Option(None, "--limit", min=1, help="Print at most N rows."),
) -> None:
    """Run SQL (DuckDB) over the curated tables and views; print a table, CSV or JSON."""
    with errors_to_exit():
        df = open_store(out).query(sql)
    if limit is not None:
        df = df.head(limit)
    if fmt is Format.csv:
        typer.echo(_lists_as_json(df).to_csv(index=False), nl=False)
    elif fmt is Format.json:
        typer.echo(df.to_json(orient="records", force_ascii=False, date_format="iso"))
    else:
        from rich.console import Console
        from rich.table import Table

        t = Table(show_lines=False)
        for c in df.columns:
            t.add_column(str(c), overflow="fold")
        for rec in df.itertuples(index=False):
            t.add_row(*(_cell(v) for v in rec))
        Console().print(t)
        typer.echo(f"{len(df)} row(s)")
