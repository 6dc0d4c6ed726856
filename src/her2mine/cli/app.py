"""The Typer application object; command modules register themselves on it."""

import typer

app = typer.Typer(
    name="her2mine",
    help="Literature mining and evidence extraction for HER2-positive breast cancer.",
    no_args_is_help=True,
    add_completion=False,
)


@app.callback()
def _root() -> None:
    """Literature mining and evidence extraction for HER2-positive breast cancer."""
