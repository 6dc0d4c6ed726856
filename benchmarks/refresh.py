"""Benchmark: first refresh vs a no-op second refresh, against the local protocol server.

    python benchmarks/refresh.py [--generate N] [--latency SEC] [--no-rate-limit]

Both runs use the same temporary Prefect server (one ``prefect_test_harness``, or the server
in PREFECT_API_URL if set), the same data directory and the bundled SYNTHETIC corpus plus N
generated works (default 300; with the 33 bundled works alone the
fixed ~0.6 s Prefect cost of a flow run dominates). The protocol server runs in its own process,
like the real services (``--in-process`` to share this one). The no-op run must make no
extraction calls and take under a tenth of the first run's time. The LAST line printed is
``noop_vs_first_ratio=R``.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# benchmarks/requests.py (another benchmark) would shadow the requests library.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--generate",
        type=int,
        default=300,
        help="add N generated synthetic works to the corpus (default 300)",
    )
    parser.add_argument(
        "--latency", type=float, default=0.0, help="seconds the local server adds to every response"
    )
    parser.add_argument(
        "--no-rate-limit",
        action="store_true",
        help="do not enforce NCBI/Crossref limits on the local server",
    )
    parser.add_argument(
        "--in-process",
        action="store_true",
        help="run the protocol server in this process (shares its CPU/GIL)",
    )
    args = parser.parse_args()

    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    from her2mine.testserver import REVIEW_PATH

    if os.environ.get("PREFECT_API_URL"):
        harness = contextlib.nullcontext()
    else:
        from prefect.testing.utilities import prefect_test_harness

        harness = prefect_test_harness(server_startup_timeout=60)

    with (
        tempfile.TemporaryDirectory(prefix="her2mine-bench-") as tmp,
        protocol_server(args) as (env, n_works),
        harness,
    ):
        os.environ.update(env)
        from her2mine.flow import run_refresh
        from her2mine.flow.tasks import EXTRACTION_CALLS

        params = dict(
            refs=[str(REVIEW_PATH)],
            query_file="default",
            data_dir=str(Path(tmp)),
            email="bench@her2mine.invalid",
            first_mindate="2010/01/01",
        )
        results = []
        for label in ("first", "noop"):
            docs_before = EXTRACTION_CALLS["documents"]
            t0 = time.perf_counter()
            summary = run_refresh(**params)
            seconds = time.perf_counter() - t0
            results.append(seconds)
            print(
                f"{label}: {seconds:.2f} s, {EXTRACTION_CALLS['documents'] - docs_before} "
                f"documents extracted, {summary['requests']} HTTP requests, "
                f"works={summary['counts'].get('works', '-')} "
                f"outcomes={summary['counts'].get('outcomes', '-')}",
                flush=True,
            )
        print(f"corpus: {n_works} works")
    print(f"noop_vs_first_ratio={results[1] / results[0]:.3f}")


@contextlib.contextmanager
def protocol_server(args):
    """The local protocol server: (its env, number of works)."""
    from her2mine.testserver import Corpus, ProtocolServer, load_corpus

    if args.in_process:
        corpus = load_corpus()
        if args.generate:
            corpus.extend(Corpus.generate(args.generate).works())
        with ProtocolServer(
            corpus=corpus, rate_limit=not args.no_rate_limit, latency=args.latency
        ) as srv:
            yield srv.env(), len(corpus)
        return
    cmd = [
        sys.executable,
        "-c",
        "from her2mine.cli import main; main()",
        "testserver",
        "--generate",
        str(args.generate),
        "--latency",
        str(args.latency),
    ]
    if args.no_rate_limit:
        cmd.append("--no-rate-limit")
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        env, n_works = {}, 0
        while len(env) < 3:
            line = proc.stdout.readline()
            if not line:
                raise SystemExit(f"test server did not start: {cmd}")
            if line.startswith("export "):
                key, _, value = line[len("export ") :].strip().partition("=")
                env[key] = value
            elif "SYNTHETIC works" in line:
                n_works = int(line.split(":")[1].split()[0])
        yield env, n_works
    finally:
        proc.terminate()
        proc.wait(timeout=10)


if __name__ == "__main__":
    main()
