"""Extraction in worker processes (``extract_documents(n_process>1)``): the same records in the
same order as one process, a bounded read-ahead, a worker's error raised in the caller after
the records before it, and a pipeline that survives pickling (workers are spawned from a fork
server, so they receive the pipeline pickled).

Review of the worker pool: a Ctrl-C while the workers started could hang the process on exit
(the caller cancelled a chunk the pool's thread then failed to mark broken); ``-1`` on one CPU
started a pool of one worker."""

from __future__ import annotations

import json
import os
import pickle
import signal
import sys
import threading
import time
import warnings
from collections.abc import Iterator

import pytest
from gold_data import GOLD
from typer.testing import CliRunner

from her2mine.cli.app import app
from her2mine.errors import WorkerError
from her2mine.extract import extract_documents
from her2mine.extract.workers import (
    AHEAD,
    CHUNK_DOCS,
    extract_in_workers,
    start_method_for_here,
    worker_count,
)
from her2mine.models import Document


def _gold_docs(n: int) -> list[Document]:
    paths = sorted(GOLD.glob("*.txt"))[:n]
    return [Document(id=p.stem, text=p.read_text(encoding="utf-8")) for p in paths]


def _records(extractions) -> list[dict]:
    return [e.to_dict(with_mentions=True) for e in extractions]


def _copy(nlp):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)  # spaCy's regex notice, as in the build
        return pickle.loads(pickle.dumps(nlp))


class _NotInParent:
    """A tokenizer that refuses to run in the process that built it: a pipeline using it
    extracts only in worker processes."""

    def __init__(self, inner, parent: int) -> None:
        self.inner, self.parent = inner, parent

    def __call__(self, text: str):
        assert os.getpid() != self.parent, "extracted in the calling process"
        return self.inner(text)


def _die_in_worker(after: float) -> None:
    time.sleep(after)  # (the caller has been interrupted by then)
    os._exit(1)


class _DiesWhenUnpickled:
    """Set on a component: a worker unpickling the pipeline dies ``after`` seconds later."""

    def __init__(self, after: float) -> None:
        self.after = after

    def __reduce__(self):
        return _die_in_worker, (self.after,)


def test_the_pipeline_survives_pickling(nlp):
    """Spawned workers unpickle the pipeline: the copy extracts what the original does."""
    docs = _gold_docs(6)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)  # spaCy's regex notice, as in the build
        copy = pickle.loads(pickle.dumps(nlp))
    assert _records(extract_documents(docs, copy)) == _records(extract_documents(docs, nlp))


@pytest.mark.parametrize("method", ["fork", "forkserver"])
def test_workers_give_the_records_of_one_process_in_order(nlp, method):
    """Forked workers copy the pipeline; fork-server workers unpickle it: the same records."""
    docs = _gold_docs(14)
    one = _records(extract_documents(docs, nlp))
    two = _records(
        extract_in_workers(docs, nlp, n_process=2, batch_size=2, chunk_docs=3, start_method=method)
    )
    assert [r["id"] for r in two] == [d.id for d in docs]
    assert two == one
    assert any(r["outcomes"] for r in one)


def test_the_records_are_extracted_in_the_workers(nlp):
    docs = _gold_docs(5)
    only_workers = _copy(nlp)
    only_workers.tokenizer = _NotInParent(only_workers.tokenizer, os.getpid())
    with pytest.raises(AssertionError, match="calling process"):
        next(extract_documents(docs, only_workers))
    got = _records(extract_in_workers(docs, only_workers, n_process=2, chunk_docs=2))
    assert got == _records(extract_documents(docs, nlp))


@pytest.mark.parametrize("n", [0, 2, 4, 5, 6])
def test_no_record_is_lost_or_repeated_at_chunk_edges(nlp, n):
    """Streams of one chunk, two, an exact multiple of the chunk size, and one doc over."""
    docs = [Document(id=str(i), text=f"Title {i}\n\nMedian OS was {i}.5 months.") for i in range(n)]
    got = [e.id for e in extract_in_workers(iter(docs), nlp, n_process=2, chunk_docs=2)]
    assert got == [d.id for d in docs]


def test_ctrl_c_while_workers_start_leaves_the_pool_shut_down_cleanly(nlp, monkeypatch):
    """Ctrl-C reaches the workers too, which die after the caller stopped: the pool's thread
    must still mark every chunk failed and close its queues (it raised InvalidStateError on a
    chunk the caller had cancelled, and the CLI then hung on exit). The interrupt is sent once
    the last chunk the caller may queue is read, so the caller is waiting for a result; the
    workers die 5 s after they start, which leaves a loaded machine seconds of slack."""
    thread_errors: list = []
    monkeypatch.setattr(threading, "excepthook", thread_errors.append)
    # Ctrl-C as Python answers it by default, whatever handler an earlier test left installed.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    dying = _copy(nlp)
    dying.get_pipe("her2_outcomes").dies_when_unpickled = _DiesWhenUnpickled(after=5.0)
    ctrl_c = threading.Timer(0.2, os.kill, (os.getpid(), signal.SIGINT))

    def stream() -> Iterator[Document]:
        docs = _gold_docs(AHEAD * 2 + 2)
        yield from docs[: AHEAD * 2 - 1]
        ctrl_c.start()  # (the chunk read next fills the read-ahead)
        yield from docs[AHEAD * 2 - 1 :]

    try:
        with pytest.raises(KeyboardInterrupt):
            list(
                extract_in_workers(
                    stream(), dying, n_process=2, chunk_docs=1, start_method="forkserver"
                )
            )
    finally:
        ctrl_c.cancel()
        signal.signal(signal.SIGINT, previous)
    assert thread_errors == []


def test_a_worker_that_dies_is_a_named_error(nlp):
    """A worker killed (here: as soon as it has the pipeline) is a ``WorkerError`` that says
    what to do, not concurrent.futures' bare ``BrokenProcessPool``."""
    dying = _copy(nlp)
    dying.get_pipe("her2_outcomes").dies_when_unpickled = _DiesWhenUnpickled(after=0.0)
    with pytest.raises(WorkerError, match="Run with one process"):
        list(
            extract_in_workers(
                _gold_docs(4), dying, n_process=2, chunk_docs=2, start_method="forkserver"
            )
        )


def test_workers_are_not_forked_from_a_threaded_process():
    """Forking a process that runs threads can deadlock the child: with a second thread
    running, workers start from a fork server."""
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert start_method_for_here() in ("forkserver", "spawn")
    finally:
        stop.set()
        other.join()
    if sys.platform == "linux" and threading.active_count() == 1:
        assert start_method_for_here() == "fork"


def test_minus_one_on_one_cpu_extracts_in_this_process(nlp, monkeypatch):
    """No pool of one worker: a pipeline that cannot be pickled still extracts."""
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    docs = [Document(id=str(i), text=f"Median OS was {i}.5 months.") for i in range(CHUNK_DOCS + 1)]
    unpicklable = _copy(nlp)
    unpicklable.get_pipe("her2_outcomes").not_picklable = lambda: None
    got = _records(extract_documents(docs, unpicklable, n_process=-1))
    assert got == _records(extract_documents(docs, nlp))


def test_workers_read_a_bounded_number_of_chunks_ahead(nlp):
    """Constant memory: before the first record arrives, the stream has been read at most
    ``AHEAD`` chunks per worker ahead (plus the chunk that decided a pool was worth it)."""
    pulled = 0

    def stream() -> Iterator[Document]:
        nonlocal pulled
        for i in range(200):
            pulled += 1
            yield Document(id=str(i), text=f"Title {i}\n\nMedian OS was {i}.5 months.")

    records = extract_in_workers(stream(), nlp, n_process=2, chunk_docs=2)
    first = next(records)
    assert first.id == "0"
    assert pulled <= (AHEAD * 2 + 1) * 2
    records.close()  # stopping early shuts the workers down without reading the rest
    assert pulled < 200


def test_a_worker_error_is_raised_after_the_records_before_it(nlp):
    docs: list = _gold_docs(4) + ["not a document"]
    got = []
    with pytest.raises(AttributeError):
        for record in extract_in_workers(docs, nlp, n_process=2, chunk_docs=2):
            got.append(record.id)
    assert got == [d.id for d in docs[:4]]


def test_a_stream_of_one_chunk_is_extracted_in_this_process(nlp):
    """Starting workers for a handful of documents would cost more than it saves, and needs a
    picklable pipeline: a pipeline that cannot be pickled still extracts a short stream."""
    docs = _gold_docs(3)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        unpicklable = pickle.loads(pickle.dumps(nlp))
    unpicklable.get_pipe("her2_outcomes").not_picklable = lambda: None
    with pytest.raises((pickle.PicklingError, AttributeError, TypeError)):
        pickle.dumps(unpicklable)
    assert _records(extract_in_workers(docs, unpicklable, n_process=2, chunk_docs=3)) == (
        _records(extract_documents(docs, nlp))
    )


@pytest.mark.parametrize(("asked", "expected"), [(1, 1), (3, 3), (-1, os.cpu_count() or 1)])
def test_worker_count_reads_minus_one_as_every_cpu(asked, expected):
    assert worker_count(asked) == expected


@pytest.mark.parametrize("asked", [0, -2])
def test_worker_count_rejects_other_numbers(asked):
    with pytest.raises(ValueError, match="number of processes"):
        worker_count(asked)


def _abstract_dir(tmp_path, n: int):
    folder = tmp_path / "abstracts"
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i:04d}.txt").write_text(
            f"Trial {i}\n\nPatients received trastuzumab plus docetaxel (n = {i + 10}). Median "
            f"PFS was {i % 40}.{i % 10} months (95% CI, 5.1 to {i % 40 + 9}.2).",
            encoding="utf-8",
        )
    return folder


def test_cli_processes_print_what_one_process_prints(tmp_path):
    """Enough abstracts that workers start (more than one chunk), plus an unreadable path that
    is reported while the others are still extracted."""
    folder = _abstract_dir(tmp_path, 2 * CHUNK_DOCS + 40)
    missing = str(tmp_path / "missing.txt")
    one = CliRunner().invoke(app, ["extract", missing, str(folder)])
    two = CliRunner().invoke(app, ["extract", missing, str(folder), "--processes", "2"])
    assert one.exit_code == two.exit_code == 1
    assert "missing.txt" in two.stderr
    lines = two.stdout.splitlines()
    assert len(lines) == 2 * CHUNK_DOCS + 40
    assert lines == one.stdout.splitlines()
    assert json.loads(lines[-1])["outcomes"][0]["endpoint"] == "PFS"


@pytest.mark.parametrize("asked", ["0", "-3"])
def test_cli_rejects_a_bad_process_count(tmp_path, asked):
    folder = _abstract_dir(tmp_path, 1)
    result = CliRunner().invoke(app, ["extract", str(folder), "--processes", asked])
    assert result.exit_code == 1
    assert "--processes" in result.stderr and result.stdout == ""
