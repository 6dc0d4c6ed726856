"""``her2mine refs``: parse reference lists (reviews, Vancouver/AMA/APA, BibTeX, RIS, DOI lists)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from her2mine.cli.app import app
from her2mine.cli.common import errors_to_exit, report_error
from her2mine.errors import Her2mineError


@app.command("refs")
def refs_cmd(
    paths: list[Path] = typer.Argument(
        ...,
        help="Reference files: review text, numbered/APA lists, .bib, .ris or DOI lists "
        "('-' reads standard input).",
        show_default=False,
    ),
    as_json: bool = typer.Option(
        False, "--json", help="Print a JSON array of references instead of a table."
    ),
    fmt: str | None = typer.Option(
        None,
        "--format",
        "-f",
        help="Force the input format: text, bibtex, ris or doi-list (default: detect).",
    ),
) -> None:
    """Parse reference lists into references (DOI, authors, year, title, journal).

    Works cited twice are merged (later positions in duplicate_indexes).
    The citing review's own DOI is reported as source_doi, not as a citation.

    Each file is parsed on its own: a failing file is reported on stderr,
    the others are still printed, and the exit code is 1.
    """
    from her2mine.refs import parse_file, parse_text
    from her2mine.refs.api import normalize_format

    if fmt is not None:
        with errors_to_exit():
            fmt = normalize_format(fmt)
    refs = []
    failed = 0
    for path in paths:
        try:
            if str(path) == "-":
                refs.extend(parse_text(sys.stdin.read(), source="<stdin>", format=fmt))
            else:
                refs.extend(parse_file(path, format=fmt))
        except Her2mineError as exc:
            failed += 1
            report_error(exc)  # the other files are still parsed and printed
    if as_json:
        typer.echo(json.dumps([r.to_dict() for r in refs], ensure_ascii=False, indent=2))
    else:
        _print_table(refs, files=len(paths) - failed)
    if failed:
        raise typer.Exit(1)


def _print_table(refs: list, *, files: int) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    by_source: dict[str, list] = {}
    for r in refs:
        by_source.setdefault(r.source, []).append(r)
    for source, items in by_source.items():
        own = items[0].source_doi
        table = Table(title=f"{source}" + (f" (citing work: {own})" if own else ""), expand=False)
        dups = any(r.duplicate_indexes for r in items)
        table.add_column("#", justify="right")
        table.add_column("year")
        table.add_column("first author")
        table.add_column("title")
        table.add_column("journal")
        table.add_column("DOI", no_wrap=True)  # keep DOIs whole so they can be copied
        if dups:
            table.add_column("also #")
        for r in items:
            family = r.authors[0].split(",")[0] if r.authors else ""
            author = family + (" et al." if len(r.authors) > 1 else "")
            row = [
                str(r.index),
                str(r.year or ""),
                _cut(author, 18),
                _cut(r.title, 40),
                _cut(r.journal, 16),
                r.doi or "-",
            ]
            if dups:
                row.append(",".join(map(str, r.duplicate_indexes)))
            table.add_row(*row)
        console.print(table)
    with_doi = sum(1 for r in refs if r.doi)
    console.print(
        f"{len(refs)} references ({with_doi} with DOI, {len(refs) - with_doi} without) "
        f"from {files} file(s)",
        highlight=False,
        markup=False,
    )


def _cut(text: str | None, width: int) -> str:
    # Truncate ourselves: rich shrinks no_wrap columns poorly on narrow terminals.
    text = text or ""
    return text if len(text) <= width else text[: width - 1] + "…"
