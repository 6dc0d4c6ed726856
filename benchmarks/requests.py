"""Benchmark: HTTP requests needed to fetch 1,000 DOIs, against the local protocol server.

Starts ``her2mine.testserver.ProtocolServer`` on a generated SYNTHETIC corpus of 1,000 works
(NCBI's 3 requests/second limit enforced by the server AND by our limiter), runs ``fetch_works``
for all 1,000 DOIs with a fresh raw store, and counts the requests in the server's log. Compares
with a naive one-request-per-item client (1 Crossref + 1 ESearch + 1 EFetch per DOI).

    python benchmarks/requests.py [--n 1000]

The last line printed is exactly ``requests_per_1000_dois=N`` (N scaled to 1,000 DOIs).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

# This file is named requests.py: drop its own directory from the import path, or
# "import requests" inside her2mine would import this script instead of the library.
_HERE = str(Path(__file__).resolve().parent)
sys.path[:] = [p for p in sys.path if str(Path(p or ".").resolve()) != _HERE]

from her2mine.fetch import fetch_works  # noqa: E402
from her2mine.testserver import Corpus, ProtocolServer  # noqa: E402

NAIVE_REQUESTS_PER_DOI = 3  # /works/{doi} + esearch "<doi>"[doi] + efetch id=<pmid>
NCBI_RATE = 3.0  # requests/second without an api_key


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="number of DOIs (default 1000)")
    args = parser.parse_args()

    corpus = Corpus.generate(args.n, seed=0)
    dois = corpus.dois()
    with ProtocolServer(corpus, rate_limit=True) as srv, tempfile.TemporaryDirectory() as tmp:
        settings = srv.settings(data_dir=Path(tmp), email="benchmark@example.org")
        started = time.perf_counter()
        result = fetch_works(dois, settings)
        wall = time.perf_counter() - started
        log = list(srv.requests)
        rate_limited = srv.stats["rate_limited"]

    per_service = Counter(r.service for r in log)
    per_endpoint = Counter(
        f"{r.service} {r.method} {r.path.rsplit('/', 1)[-1] or '/'}" for r in log
    )
    naive = NAIVE_REQUESTS_PER_DOI * len(dois)
    ncbi_requests = per_service["eutils"] + per_service["idconv"]
    print(f"works: {len(result.works)} {dict(result.counts())}")
    print(
        f"DOIs: {len(dois)}; HTTP requests seen by the server: {len(log)} "
        f"(client counted {result.request_count})"
    )
    for name, count in sorted(per_endpoint.items()):
        print(f"  {name}: {count}")
    print(f"server-side 429s (rate limit exceeded): {dict(rate_limited)}")
    print(
        f"one-request-per-item client: {NAIVE_REQUESTS_PER_DOI} x {len(dois)} = {naive} "
        f"requests; at {NCBI_RATE:.0f} req/s its {2 * len(dois)} NCBI requests alone take "
        f"{2 * len(dois) / NCBI_RATE:.0f} s"
    )
    print(
        f"wall time with the rate limit on ({NCBI_RATE:.0f} req/s NCBI): {wall:.1f} s "
        f"({ncbi_requests} NCBI requests, >= {max(0, ncbi_requests - 1) / NCBI_RATE:.1f} s "
        "of pacing)"
    )
    scaled = round(len(log) * 1000 / max(1, len(dois)))
    print(f"requests_per_1000_dois={scaled}")


if __name__ == "__main__":
    main()
