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
        "refs",
        "fetch",
        "extract",
        "evaluate",
        "run",
        "demo",
        "serve",
        "tables",
        "query",
        "review export",
        "review import",
        "review serve",
        "testserver",
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
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 1
    assert "nope.txt" in proc.stderr and "Traceback" not in proc.stderr


def test_common_error_helper_is_one_line_and_exit_1(tmp_path):
    from her2mine.cli.common import errors_to_exit, open_store
    from her2mine.errors import InputError
    from her2mine.settings import Settings

    demo = typer.Typer()

    @demo.command()
    def boom(kind: str) -> None:
        with errors_to_exit(ValueError):
            raise InputError("bad input x.txt") if kind == "input" else ValueError("bad cron")

    for kind, message in (("input", "error: bad input x.txt\n"), ("value", "error: bad cron\n")):
        res = runner.invoke(demo, [kind])
        assert res.exit_code == 1 and res.stderr == message and res.exception is not None
    assert open_store(tmp_path).out_dir == tmp_path
    assert open_store(None).out_dir == Settings.from_env().processed_dir


def test_every_command_module_uses_the_common_error_helper():
    # One way to end with "error: ..." (cli/common.py), not a copy per command.
    from pathlib import Path

    import her2mine.cli as cli

    for path in Path(cli.__file__).parent.glob("cmd_*.py"):
        text = path.read_text(encoding="utf-8")
        assert 'f"error: ' not in text and "def _fail" not in text and "def _store" not in text, (
            path.name
        )


def test_serve_default_schedule_is_inside_the_ncbi_window():
    """NCBI asks for large jobs at weekends or 21:00-05:00 US Eastern; prefect.yaml agrees."""
    from pathlib import Path

    import yaml

    serve = dict(ALL)[("serve",)]
    params = {p.name: p.default for p in serve.params}
    minute, hour, _, _, dow = params["cron"].split()
    assert params["timezone"] == "America/New_York"
    assert dow in ("0", "6", "7") or int(hour) >= 21 or int(hour) < 5
    deploy = yaml.safe_load((Path(__file__).parents[1] / "prefect.yaml").read_text())
    schedule = deploy["deployments"][0]["schedules"][0]
    assert (schedule["cron"], schedule["timezone"]) == (params["cron"], params["timezone"])
