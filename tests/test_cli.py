"""The CLI as a whole: every command and option has help text; errors are one clear line."""

from __future__ import annotations

import subprocess
import sys

import pytest
import typer
from typer.testing import CliRunner

from her2mine.cli import app

runner = CliRunner()


def _commands(group, prefix: tuple[str, ...] = ()):
    for name, cmd in sorted(group.commands.items()):
        yield (*prefix, name), cmd
        if hasattr(cmd, "commands"):
            yield from _commands(cmd, (*prefix, name))


ALL = list(_commands(typer.main.get_command(app)))


def test_the_documented_commands_exist():
    names = {" ".join(path) for path, _ in ALL}
    for expected in (
        "refs", "fetch", "extract", "evaluate", "run", "demo", "serve", "tables", "query",
        "review export", "review import", "review serve", "testserver",
    ):
        assert expected in names


@pytest.mark.parametrize("path,cmd", ALL, ids=[" ".join(p) for p, _ in ALL])
def test_every_command_and_option_has_help(path, cmd):
    assert (cmd.help or "").strip(), f"{' '.join(path)} has no help text"
    for param in cmd.params:
        if getattr(param, "param_type_name", "") == "option" and param.name != "help":
            assert (param.help or "").strip(), f"{' '.join(path)} {param.opts} has no help"
    result = runner.invoke(app, [*path, "--help"])
    assert result.exit_code == 0, result.output


def test_console_script_reports_errors_as_one_line(tmp_path):
    missing = tmp_path / "nope.txt"
    proc = subprocess.run(
        [sys.executable, "-c", "from her2mine.cli import main; main()", "refs", str(missing)],
        capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 1
    assert "nope.txt" in proc.stderr and "Traceback" not in proc.stderr
