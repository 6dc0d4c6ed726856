"""``her2mine review export|import``: the curator spreadsheet round trip."""

from __future__ import annotations

from pathlib import Path

import typer

from her2mine.cli.app import app
from her2mine.cli.common import DIR_HELP, errors_to_exit, open_store

review_app = typer.Typer(
    help="Curator review: export evidence to a spreadsheet, import the decisions.",
    no_args_is_help=True,
)
app.add_typer(
    review_app,
    name="review",
    help="Curator review: export evidence to review.xlsx, import the filled-in decisions.",
)


@review_app.command("export")
def export_cmd(
    out: Path = typer.Option(Path("review.xlsx"), "--out", help="Workbook to write (.xlsx)."),
    directory: Path | None = typer.Option(None, "--dir", help=DIR_HELP),
    min_confidence: float = typer.Option(
        0.9,
        "--min-confidence",
        min=0.0,
        max=1.0,
        help="References resolved with a lower confidence are listed for review.",
    ),
) -> None:
    """Write review.xlsx: outcomes, flagged works and doubtful references, with decision columns."""
    from her2mine.review.xlsx import export_review

    with errors_to_exit():
        counts = export_review(open_store(directory), out, min_confidence=min_confidence)
    typer.echo(f"wrote {out}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))


@review_app.command("import")
def import_cmd(
    file: Path = typer.Argument(..., help="The filled-in review workbook (.xlsx)."),
    curator: str | None = typer.Option(
        None,
        "--curator",
        help="Curator for rows whose curator cell is empty (default: $HER2MINE_CURATOR).",
    ),
    directory: Path | None = typer.Option(None, "--dir", help=DIR_HELP),
    dry_run: bool = typer.Option(False, "--dry-run", help="Validate and report; write nothing."),
) -> None:
    """Apply the decisions in a review workbook; report applied, unchanged and refused rows.

    Valid rows are applied in one atomic write; refused rows are listed with their reason.

    Exit code 1 when any row was refused: the valid rows are still applied,
    and "N decisions imported, M rows refused" goes to stderr.
    Exit code 1 too for an unreadable workbook (nothing applied); 0 otherwise.
    --dry-run gives the same exit codes and writes nothing.
    """
    from her2mine.review.xlsx import import_review
    from her2mine.settings import Settings

    with errors_to_exit():
        report = import_review(
            open_store(directory),
            file,
            curator=curator or Settings.from_env().curator,
            dry_run=dry_run,
        )
    for line in report.lines():
        typer.echo(line)
    if report.refused:
        # The accepted rows are already recorded; the exit code tells a script some were not.
        typer.echo(report.summary(), err=True)
        raise typer.Exit(1)


@review_app.command("serve")
def serve_cmd(
    port: int = typer.Option(8765, "--port", min=0, max=65535, help="TCP port to listen on."),
    host: str = typer.Option(
        "127.0.0.1",
        "--host",
        help="Address to bind. Anything but 127.0.0.1/localhost/::1 requires a token.",
    ),
    directory: Path | None = typer.Option(None, "--dir", help=DIR_HELP),
    curator: str | None = typer.Option(
        None,
        "--curator",
        help="Curator name recorded with each decision (default: $HER2MINE_CURATOR; "
        "else the UI asks once and keeps it in a cookie).",
    ),
    token: str | None = typer.Option(
        None,
        "--token",
        help="Access token (default: $HER2MINE_WEB_TOKEN); required for a non-local --host. "
        "Open /login?token=T once in the browser.",
    ),
) -> None:
    """Start the curator review web app (evidence list, detail, trials, works, forest plot)."""
    import uvicorn

    from her2mine.errors import InputError
    from her2mine.settings import Settings
    from her2mine.web import WebConfig, check_serve_options, create_app, is_local_host

    with errors_to_exit():
        settings = Settings.from_env()
        token = token or settings.web_token
        data_dir = directory if directory is not None else settings.processed_dir
        check_serve_options(host, token)
        if not data_dir.is_dir():
            raise InputError(f"no tables directory {data_dir} (run the pipeline or pass --dir)")
        app_ = create_app(
            WebConfig(
                data_dir=data_dir, curator=curator or settings.curator, token=token, host=host
            )
        )
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"her2mine review: serving {data_dir} on http://{shown}:{port}/ (Ctrl+C to stop)")
    if token:
        typer.echo(f"  first open http://{shown}:{port}/login?token=<your token> in the browser")
    if not is_local_host(host):
        typer.echo("  warning: plain HTTP; use it only on a trusted network", err=True)
    uvicorn.run(app_, host=host, port=port, log_level="warning", server_header=False)
