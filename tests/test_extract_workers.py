"""Extraction in worker processes (``extract_documents(n_process>1)``): the same records in the
same order as one process, a bounded read-ahead, a worker's error raised in the caller after
the records before it, and a pipeline that survives pickling (workers are spawned from a fork
server, so they receive the pipeline pickled)."""

from __future__ import annotations

import json
import os
import pickle
import warnings
from collections.abc import Iterator

import pytest
from gold_data import GOLD
from typer.testing import CliRunner

from her2mine.cli.app import app
from her2mine.extract import extract_documents
from her2mine.extract.workers import AHEAD, CHUNK_DOCS, extract_in_workers, worker_count
from her2mine.models import Document


def _gold_docs(n: int) -> list[Document]:
    paths = sorted(GOLD.glob("*.txt"))[:n]
    return [Document(id=p.stem, text=p.read_text(encoding="utf-8")) for p in paths]


def _records(extractions) -> list[dict]:
    return [e.to_dict(with_mentions=True) for e in extractions]


def test_the_pipeline_survives_pickling(nlp):
    """Spawned workers unpickle the pipeline: the copy extracts what the original does."""
    docs = _gold_docs(6)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)  # spaCy's regex notice, as in the build
        copy = pickle.loads(pickle.dumps(nlp))
    assert _records(extract_documents(docs, copy)) == _records(extract_documents(docs, nlp))


def test_workers_give_the_records_of_one_process_in_order(nlp):
    docs = _gold_docs(14)
    one = _records(extract_documents(docs, nlp))
    two = _records(extract_in_workers(docs, nlp, n_process=2, batch_size=2, chunk_docs=3))
    assert [r["id"] for r in two] == [d.id for d in docs]
    assert two == one
    assert any(r["outcomes"] for r in one)


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
    with pytest.raises(ValueError, match="n_process"):
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
