"""``her2mine testserver``: run the local protocol server in the foreground."""

from __future__ import annotations

from pathlib import Path

import typer

from her2mine.cli.app import app
from her2mine.cli.common import errors_to_exit


@app.command("testserver")
def testserver_cmd(
    port: int = typer.Option(0, "--port", "-p", help="Port to listen on (0: a free port)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind."),
    fault: list[str] = typer.Option(
        [],
        "--fault",
        "-f",
        help="Fault spec KIND[:SERVICE][:opt=v,...], e.g. '503:eutils:times=2' or "
        "'slow:crossref:every=3,delay=3'. Repeatable.",
    ),
    corpus: Path = typer.Option(
        None, "--corpus", help="corpus.jsonl to serve (default: the bundled synthetic corpus)."
    ),
    generate: int = typer.Option(
        0,
        "--generate",
        help="Also serve N generated synthetic works (DOIs 10.5555/her2mine.gen.NNNNNN).",
    ),
    seed: int = typer.Option(0, "--seed", help="Seed for --generate."),
    no_rate_limit: bool = typer.Option(
        False, "--no-rate-limit", help="Do not enforce NCBI/Crossref rate limits."
    ),
    crossref_limit: int = typer.Option(
        50,
        "--crossref-limit",
        help="Advertised and enforced Crossref requests per interval (X-Rate-Limit-Limit).",
    ),
    latency: float = typer.Option(0.0, "--latency", help="Seconds added to every response."),
) -> None:
    """Serve E-utilities, the PMC ID converter and Crossref on the SYNTHETIC corpus."""
    with errors_to_exit():
        _run(port, host, fault, corpus, generate, seed, no_rate_limit, crossref_limit, latency)


def _run(
    port: int,
    host: str,
    fault: list[str],
    corpus: Path | None,
    generate: int,
    seed: int,
    no_rate_limit: bool,
    crossref_limit: int,
    latency: float,
) -> None:
    import threading

    from her2mine.errors import InputError
    from her2mine.testserver import Corpus, ProtocolServer, load_corpus, parse_fault

    try:
        faults = [parse_fault(s) for s in fault]
    except ValueError as e:
        raise InputError(f"--fault: {e}") from e
    data = load_corpus(corpus)
    if generate:
        data.extend(Corpus.generate(generate, seed=seed).works())
    srv = ProtocolServer(
        corpus=data,
        faults=faults,
        host=host,
        port=port,
        rate_limit=not no_rate_limit,
        crossref_limit=crossref_limit,
        latency=latency,
    )
    try:
        srv.start()
    except OSError as e:
        raise InputError(f"cannot listen on {host}:{port}: {e}") from e
    typer.echo(f"# her2mine test server: {len(data)} SYNTHETIC works on {srv.base_url}")
    for k, v in srv.env().items():
        typer.echo(f"export {k}={v}")
    typer.echo("# Ctrl-C to stop", err=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        srv.stop()
