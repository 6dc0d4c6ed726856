"""Command-line interface: a thin layer over the library (``her2mine --help``).

Each command lives in its own module and imports heavy libraries lazily, so ``--help`` is fast.
"""

from __future__ import annotations

import importlib
import pkgutil

from her2mine.cli.app import app

for _mod in pkgutil.iter_modules(__path__):
    if _mod.name.startswith("cmd_"):
        importlib.import_module(f"{__name__}.{_mod.name}")


def main() -> None:
    """Console entry point. A her2mine error that a command did not handle still ends as one
    clear line on stderr and exit code 1, never a traceback."""
    import sys

    from her2mine.cli.common import report_error
    from her2mine.errors import Her2mineError

    try:
        app()
    except Her2mineError as exc:
        report_error(exc)
        raise SystemExit(1) from None
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        raise SystemExit(130) from None


__all__ = ["app", "main"]
