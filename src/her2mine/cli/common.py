"""What every command shares: how an error is reported, and where the curated tables are.

An error a user can act on (``her2mine.errors``, plus whatever a command adds) ends a command
as ONE line ``error: <message>`` on stderr and exit code 1, never a traceback.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from her2mine.errors import Her2mineError

if TYPE_CHECKING:
    from her2mine.tables import TableStore

DIR_HELP = "Directory of the curated tables (default: $HER2MINE_DATA_DIR/processed)."


def report_error(exc: BaseException) -> None:
    """Print ``error: <message>`` on stderr (for commands that go on with other inputs)."""
    typer.echo(f"error: {exc}", err=True)


@contextmanager
def errors_to_exit(*also: type[BaseException]) -> Iterator[None]:
    """Turn a her2mine error (or one of ``also``) raised inside the block into one
    ``error: ...`` line on stderr and exit code 1."""
    try:
        yield
    except (Her2mineError, *also) as exc:
        report_error(exc)
        raise typer.Exit(1) from None


def open_store(directory: Path | None) -> TableStore:
    """The table store in ``directory`` (default: the processed dir of the settings)."""
    from her2mine.settings import Settings
    from her2mine.tables import TableStore

    return TableStore(directory if directory is not None else Settings.from_env().processed_dir)
