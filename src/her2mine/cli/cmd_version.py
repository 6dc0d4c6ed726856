import typer

from her2mine import __version__
from her2mine.cli.app import app


@app.command("version")
def version_cmd() -> None:
    """Print the her2mine version."""
    typer.echo(__version__)
