"""Optional statistical model: a tiny NER model trained here is merged with the rules."""

from __future__ import annotations

import random

import pytest
import spacy
from spacy.training import Example

from her2mine.errors import InputError
from her2mine.extract import build_pipeline, extract_document
from her2mine.models import Document

TRAIN = [
    ("Patients received zorbavex daily.", [(18, 26, "CHEMICAL")]),
    ("zorbavex was given with food.", [(0, 8, "CHEMICAL")]),
    ("The dose of zorbavex was reduced.", [(12, 20, "CHEMICAL")]),
    ("Patients received Herceptin therapy weekly.", [(18, 35, "CHEMICAL")]),
    ("Herceptin therapy was stopped.", [(0, 17, "CHEMICAL")]),
    ("Patients received aspirin daily.", [(18, 25, "CHEMICAL")]),
    ("The trial enrolled women.", []),
    ("Survival was longer in the study group.", []),
    ("Title", []),
    ("Title of the study", []),
]


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    # Seed Python, NumPy and thinc: an unseeded init made the model tag "Title" now and then.
    random.seed(0)
    spacy.util.fix_random_seed(0)
    nlp = spacy.blank("en")
    ner = nlp.add_pipe("ner")
    ner.add_label("CHEMICAL")
    examples = [Example.from_dict(nlp.make_doc(t), {"entities": ents}) for t, ents in TRAIN]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(40):
        random.shuffle(examples)
        nlp.update(examples, sgd=optimizer, drop=0.0)
    path = tmp_path_factory.mktemp("tiny_ner")
    nlp.to_disk(path)
    return path


def test_model_entities_are_merged_with_rules(tiny_model):
    nlp = build_pipeline(model=str(tiny_model))
    assert "ner" in nlp.pipe_names and "her2_drugs" in nlp.pipe_names
    doc = Document(
        id="m",
        text="Title\n\nPatients received zorbavex daily. Patients received "
        "Herceptin therapy weekly.",
    )
    ex = extract_document(doc, nlp)
    # The model alone knows zorbavex (no lexicon entry, no USAN stem); the lexicon wins on the
    # span the model calls "Herceptin therapy".
    assert ex.drugs == ["trastuzumab", "zorbavex"]
    sources = {m.canonical: m.source for m in ex.mentions if m.kind == "drug"}
    assert sources == {"zorbavex": "model", "trastuzumab": "rules"}


def test_rules_only_pipeline_does_not_know_the_made_up_drug():
    ex = extract_document(
        Document(id="r", text="Title\n\nPatients received zorbavex daily."),
        build_pipeline(model=""),
    )
    assert ex.drugs == []


def test_missing_model_names_model_and_install_command():
    with pytest.raises(InputError) as err:
        build_pipeline(model="en_ner_bc5cdr_md")
    msg = str(err.value)
    assert "en_ner_bc5cdr_md" in msg
    assert (
        "pip install https://s3-us-west-2.amazonaws.com/ai2-s2-scispacy/releases/v0.5.4/"
        "en_ner_bc5cdr_md-0.5.4.tar.gz" in msg
    )


def test_model_from_settings(monkeypatch, tiny_model):
    monkeypatch.setenv("HER2MINE_SPACY_MODEL", str(tiny_model))
    assert "ner" in build_pipeline().pipe_names
