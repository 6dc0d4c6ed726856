"""What components leave on ``doc._.her2`` stays plain, serialisable data after any of them, so
``Doc.to_bytes`` / DocBin and ``nlp.pipe(n_process>1)`` work on whole and partial pipelines."""

from __future__ import annotations

import pytest
from gold_data import GOLD
from spacy.tokens import Doc

from her2mine.extract import extract_documents
from her2mine.extract.pipeline import STATE_KEY
from her2mine.models import Document

COMPONENTS = [
    "her2_sentencizer",
    "her2_abbreviations",
    "her2_drugs",
    "her2_trials",
    "her2_outcomes",
]


@pytest.mark.parametrize("last", range(len(COMPONENTS)))
def test_state_after_each_component_round_trips_through_bytes(nlp, last):
    text = (GOLD / "marianne_jco2017.txt").read_text(encoding="utf-8")
    with nlp.select_pipes(disable=COMPONENTS[last + 1 :]):
        doc = nlp(text)
    state = doc.user_data[STATE_KEY]
    back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert back.user_data[STATE_KEY].keys() == state.keys()
    if "drugs" in state:
        assert [list(r) for r in back.user_data[STATE_KEY]["drugs"]] == [
            list(r) for r in state["drugs"]
        ]


def test_two_processes_give_the_records_of_one(nlp):
    docs = [
        Document(id=p.stem, text=p.read_text(encoding="utf-8"))
        for p in sorted(GOLD.glob("*.txt"))[:8]
    ]
    one = [e.to_dict() for e in extract_documents(docs, nlp)]
    two = [e.to_dict() for e in extract_documents(docs, nlp, n_process=2, batch_size=2)]
    assert two == one
    assert any(e["outcomes"] for e in one)
