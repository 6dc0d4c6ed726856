"""Extraction in worker processes: each worker runs the whole pipeline on a chunk of documents
and sends back only the ``Extraction`` records.

spaCy's own ``nlp.pipe(n_process=...)`` sends every processed Doc back to the parent as bytes
and rebuilds it there, which costs more than extracting it (two processes ran at about a third
of one process's speed). Records are small, so here two processes run ~1.4x as fast as one on
2,000 abstracts and ~1.5x on 10,000 (start-up and the parent's share of the CPU cost the rest).
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import sys
import threading
import warnings
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice
from multiprocessing.context import BaseContext

from spacy.language import Language

from her2mine.errors import WorkerError
from her2mine.models import Document, Extraction

CHUNK_DOCS = 256  # documents per task: pickling a chunk costs little per document
AHEAD = 2  # chunks in flight per worker: keeps every worker busy, memory stays bounded

_worker_nlp: Language | None = None


def worker_count(n_process: int) -> int:
    """Processes to use: ``n_process``, or one per CPU for ``-1`` (as ``nlp.pipe`` reads it)."""
    if n_process == -1:
        return os.cpu_count() or 1
    if n_process < 1:
        raise ValueError(
            f"the number of processes must be a positive number or -1, got {n_process}"
        )
    return n_process


def extract_in_workers(
    docs: Iterable[Document],
    nlp: Language,
    *,
    n_process: int,
    batch_size: int = 64,
    chunk_docs: int = CHUNK_DOCS,
    start_method: str | None = None,
) -> Iterator[Extraction]:
    """Stream the extractions of ``docs`` computed in ``n_process`` worker processes, in input
    order, with at most ``AHEAD`` chunks per worker read ahead (constant memory).

    A stream that fits in one chunk is extracted here, as starting workers would cost more than
    it saves. A worker's error is raised here, and the records before it have been yielded.
    ``start_method`` (multiprocessing's name) overrides ``start_method_for_here()``.
    """
    from her2mine.extract.pipeline import extract_documents

    it = iter(docs)
    first = list(islice(it, chunk_docs))
    second = list(islice(it, chunk_docs))
    if not second:
        yield from extract_documents(first, nlp, batch_size=batch_size)
        return
    chunks = chain((first, second), iter(lambda: list(islice(it, chunk_docs)), []))
    method = start_method or start_method_for_here()
    # A forked worker has the pipeline already; others receive it pickled.
    given = nlp if method == "fork" else pickle.dumps(nlp)
    with ProcessPoolExecutor(
        n_process, mp_context=_context(method), initializer=_start_worker, initargs=(given,)
    ) as pool:
        pending: deque[Future[list[Extraction]]] = deque()
        try:
            for chunk in chunks:
                pending.append(pool.submit(_extract_chunk, chunk, batch_size))
                if len(pending) >= AHEAD * n_process:
                    yield from _records_of(pending.popleft())
            while pending:
                yield from _records_of(pending.popleft())
        finally:
            # Stopped early or failed: drop the chunks not started. The pool's own thread
            # cancels them; a future cancelled from here while a worker dies (Ctrl-C reaches
            # the workers too) made that thread fail (InvalidStateError, Python < 3.12) before
            # it closed its queues, and the process hung on exit.
            pool.shutdown(wait=True, cancel_futures=True)


def _records_of(future: Future[list[Extraction]]) -> list[Extraction]:
    """The chunk's records; a worker's own error is raised as it is."""
    try:
        return future.result()
    except BrokenProcessPool as exc:
        raise WorkerError(
            "a worker process stopped without finishing its documents (killed, out of memory, "
            "or it could not load the pipeline; its own error, if any, is printed above); "
            "the records before them were written. Run with one process to see the cause."
        ) from exc


def start_method_for_here() -> str:
    """How to start workers from this process: "fork" (instant: the pipeline is copied, not
    pickled) on Linux while this process runs no other thread, as forking a threaded process
    (a Prefect flow, a progress bar) can deadlock the child; otherwise a fork server, which
    starts clean once with the pipeline's modules imported (~1 s) and forks each worker from
    that; "spawn" where neither exists."""
    methods = multiprocessing.get_all_start_methods()
    if sys.platform == "linux" and "fork" in methods and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def _context(method: str) -> BaseContext:
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        context.set_forkserver_preload(["her2mine.extract.pipeline"])
    return context


def _start_worker(nlp: Language | bytes) -> None:
    global _worker_nlp
    if not isinstance(nlp, bytes):
        _worker_nlp = nlp
        return
    # Unpickling recompiles the tokenizer's regexes; spaCy's own set-union notice is silenced
    # here as it is when the pipeline is built.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        _worker_nlp = pickle.loads(nlp)


def _extract_chunk(docs: list[Document], batch_size: int) -> list[Extraction]:
    from her2mine.extract.pipeline import extract_documents

    assert _worker_nlp is not None, "worker started without a pipeline"
    return list(extract_documents(docs, _worker_nlp, batch_size=batch_size))
