"""Throughput of the extraction pipeline vs the bare scispaCy tokenizer (and flat memory).

    python benchmarks/extract.py [--n 2000] [--batch-size 64] [--n-process 1] [--repeat 3]
                                 [--check-memory] [--components]

Texts cycle over the gold-set abstracts plus synthetic ones, each with its own appended sentence
(a new number), so no two texts are the same. The bare side is scispaCy's tokenizer as shipped.
The pipeline's tokenizer gives the same tokens but caches better (see
``without_whitespace_specials``); its own throughput is printed too, so the two effects can be
told apart. The LAST line printed is ``pipeline_vs_tokenizer_ratio=R``; ``--components`` adds
CPU ms per abstract per component.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

# benchmarks/requests.py (another benchmark) would shadow the requests library, which
# her2mine imports: keep this directory off the import path.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "gold"

SYNTHETIC = [
    "Trastuzumab deruxtecan versus trastuzumab emtansine in HER2-positive breast cancer\n\n"
    "Patients were randomly assigned to receive trastuzumab deruxtecan (T-DXd) or trastuzumab "
    "emtansine (T-DM1). The median progression-free survival was {a} months with T-DXd and "
    "{b} months with T-DM1 (hazard ratio for progression or death, 0.28; 95% CI, 0.22 to 0.37; "
    "P<0.001). The objective response rate was 79.7% and 34.2%, respectively. Interstitial lung "
    "disease occurred in 10.5% of patients who received T-DXd.",
    "Pyrotinib plus capecitabine in HER2-positive metastatic breast cancer (PHOEBE)\n\n"
    "Patients were randomly assigned to pyrotinib plus capecitabine (PyroCap) or lapatinib plus "
    "capecitabine. Median progression-free survival was {a} months (95% CI 9·7–not reached) vs "
    "{b} months (5·4–8·1; hazard ratio 0·39 [95% CI 0·27–0·56]; one-sided p<0·0001). Grade 3 or "
    "worse diarrhoea occurred in 31% vs 8% of patients.",
]


def base_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(GOLD.glob("*.txt"))]
    return texts + [t.format(a="18.5", b="12.4") for t in SYNTHETIC]


def texts(n: int) -> Iterator[str]:
    """``n`` abstracts, generated lazily (constant memory), each slightly different."""
    base = base_texts()
    for i in range(n):
        t = base[i % len(base)]
        yield t + f"\nVariant {i}: median OS {i % 97}.{i % 10} months."


def run_pipeline(n: int, batch_size: int, n_process: int) -> float:
    """The public streaming API end to end (``extract_documents``: nlp.pipe + records)."""
    from her2mine.extract import build_pipeline, extract_documents
    from her2mine.models import Document

    nlp = build_pipeline(model="")
    docs = (Document(id=str(i), text=t) for i, t in enumerate(texts(n)))
    start = time.perf_counter()
    for _ in extract_documents(docs, nlp, batch_size=batch_size, n_process=n_process):
        pass
    return n / (time.perf_counter() - start)


def run_tokenizer(
    n: int, batch_size: int, n_process: int, *, as_in_pipeline: bool = False
) -> float:
    """The bare scispaCy tokenizer through ``nlp.pipe`` (``as_in_pipeline``: the pipeline's copy
    of it, without the whitespace special cases that switch spaCy's cache off)."""
    import spacy

    from her2mine.extract.pipeline import scispacy_tokenizer, without_whitespace_specials

    nlp = spacy.blank("en")
    nlp.tokenizer = scispacy_tokenizer(nlp)
    if as_in_pipeline:
        nlp.tokenizer = without_whitespace_specials(nlp.tokenizer)
    start = time.perf_counter()
    for _ in nlp.pipe(texts(n), batch_size=batch_size, n_process=n_process):
        pass
    return n / (time.perf_counter() - start)


def component_ms(n: int) -> dict[str, float]:
    """CPU milliseconds per abstract for the tokenizer, each pipeline component and building
    the records (best of three passes over the same ``n`` texts; one process)."""
    from her2mine.extract import build_pipeline
    from her2mine.extract.pipeline import to_extraction
    from her2mine.models import Document

    nlp = build_pipeline(model="")
    sample = list(texts(n))
    best: dict[str, float] = {}
    clock = time.process_time
    for _ in range(3):
        spent = dict.fromkeys(["tokenizer", *nlp.pipe_names, "records"], 0.0)
        for i, text in enumerate(sample):
            t0 = clock()
            doc = nlp.make_doc(text)
            spent["tokenizer"] += clock() - t0
            for name, proc in nlp.pipeline:
                t0 = clock()
                doc = proc(doc)
                spent[name] += clock() - t0
            t0 = clock()
            to_extraction(doc, Document(id=str(i), text=text))
            spent["records"] += clock() - t0
        for k, v in spent.items():
            best[k] = min(best.get(k, v), v)
    out = {k: round(1000 * v / n, 3) for k, v in best.items()}
    out["rules_total"] = round(sum(v for k, v in out.items() if k != "tokenizer"), 3)
    return out


def peak_rss_mb(n: int, runner: str = "run_pipeline", n_process: int = 1) -> float:
    """Peak RSS of a fresh process streaming ``n`` abstracts through the pipeline (or, with
    ``runner="run_tokenizer"``, the bare tokenizer: spaCy's vocabulary grows with every new
    word in both, which is the baseline the pipeline's growth is compared with). With
    ``n_process > 1``: the largest worker's peak (the fork server's children included)."""
    who = "RUSAGE_SELF" if n_process == 1 else "RUSAGE_CHILDREN"
    code = (
        "import importlib.util, resource\n"
        "if __name__ == '__main__':\n"
        f"    spec = importlib.util.spec_from_file_location('bench_extract', {__file__!r})\n"
        "    b = importlib.util.module_from_spec(spec); spec.loader.exec_module(b)\n"
        f"    b.{runner}({n}, 64, {n_process})\n"
        # Workers are the fork server's children: stop it so their usage is counted here.
        "    from multiprocessing import forkserver\n"
        "    forkserver._forkserver._stop()\n"
        f"    print(resource.getrusage(resource.{who}).ru_maxrss / 1024)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000, help="number of abstracts")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--n-process", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3, help="runs of each side (best is kept)")
    ap.add_argument(
        "--check-memory",
        action="store_true",
        help="peak RSS streaming 10,000 vs 100,000 abstracts (slow)",
    )
    ap.add_argument(
        "--components",
        action="store_true",
        help="also print CPU ms per abstract for each pipeline component",
    )
    args = ap.parse_args()
    warnings.simplefilter("ignore")
    run_pipeline(50, args.batch_size, 1)  # warm-up: lexicons, regex compilation
    # Interleaved, best of --repeat for each: other jobs on a shared machine only ever slow a
    # run down, so the fastest run is the least disturbed one (same rule for both sides).
    tok = own = pipe = 0.0
    for _ in range(args.repeat):
        tok = max(tok, run_tokenizer(args.n, args.batch_size, args.n_process))
        pipe = max(pipe, run_pipeline(args.n, args.batch_size, args.n_process))
        own = max(own, run_tokenizer(args.n, args.batch_size, args.n_process, as_in_pipeline=True))
    print(
        json.dumps(
            {
                "n": args.n,
                "n_process": args.n_process,
                "repeat": args.repeat,
                "tokenizer_abstracts_per_s": round(tok, 1),
                "pipeline_abstracts_per_s": round(pipe, 1),
                "pipeline_tokenizer_abstracts_per_s": round(own, 1),
                "pipeline_vs_own_tokenizer_ratio": round(pipe / own, 3),
            }
        )
    )
    if args.components:
        print(json.dumps({"cpu_ms_per_abstract": component_ms(min(args.n, 1000))}))
    if args.check_memory and args.n_process != 1:
        small, large = (peak_rss_mb(k, n_process=args.n_process) for k in (10_000, 100_000))
        print(
            json.dumps(
                {
                    "worker_peak_rss_mb_10k": round(small, 1),
                    "worker_peak_rss_mb_100k": round(large, 1),
                    "growth_mb": round(large - small, 1),
                }
            )
        )
    elif args.check_memory:
        small, large = peak_rss_mb(10_000), peak_rss_mb(100_000)
        tok_small = peak_rss_mb(10_000, "run_tokenizer")
        tok_large = peak_rss_mb(100_000, "run_tokenizer")
        print(
            json.dumps(
                {
                    "peak_rss_mb_10k": round(small, 1),
                    "peak_rss_mb_100k": round(large, 1),
                    "growth_mb": round(large - small, 1),
                    "tokenizer_growth_mb": round(tok_large - tok_small, 1),
                    "growth_beyond_tokenizer_mb": round(
                        (large - small) - (tok_large - tok_small), 1
                    ),
                }
            )
        )
    print(f"pipeline_vs_tokenizer_ratio={pipe / tok:.3f}")


if __name__ == "__main__":
    main()
