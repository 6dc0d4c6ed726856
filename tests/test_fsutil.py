"""One atomic-write and one hashing helper, used by every writer."""

from __future__ import annotations

import hashlib
import json

import pytest

from her2mine.fsutil import (
    atomic_write,
    atomic_write_bytes,
    atomic_write_text,
    sha256_bytes,
    sha256_file,
)
from her2mine.testserver import Corpus, CorpusWork


def test_atomic_write_replaces_and_leaves_no_temp(tmp_path):
    target = tmp_path / "sub" / "f.txt"
    atomic_write_text(target, "old")
    atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in target.parent.iterdir()] == ["f.txt"]


def test_failed_write_keeps_the_old_file_and_removes_the_temp(tmp_path):
    target = tmp_path / "f.txt"
    target.write_text("old")

    def half_then_fail(tmp):
        tmp.write_text("half")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        atomic_write(target, half_then_fail)
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["f.txt"]


def test_hashes_agree_with_hashlib(tmp_path):
    data = b"x" * (3 << 20) + b"tail"  # several read chunks
    path = tmp_path / "blob"
    path.write_bytes(data)
    assert sha256_file(path) == sha256_bytes(data) == hashlib.sha256(data).hexdigest()


def test_corpus_save_failing_midway_leaves_no_temp_file(tmp_path):
    good = CorpusWork(key="a", title="A", year=2020, doi="10.5555/a", pmid="99000001")
    bad = CorpusWork(
        key="b", title="B", year=2020, doi="10.5555/b", pmid="99000002", keywords=[object()]
    )  # not JSON-serialisable: the write fails half-way
    target = tmp_path / "corpus.jsonl"
    Corpus([good]).save(target)
    before = target.read_text()
    with pytest.raises(TypeError):
        Corpus([good, bad]).save(target)
    assert target.read_text() == before
    assert [p.name for p in tmp_path.iterdir()] == ["corpus.jsonl"]
    assert json.loads(before)["doi"] == "10.5555/a"
