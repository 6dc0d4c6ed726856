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
    app()


__all__ = ["app", "main"]
