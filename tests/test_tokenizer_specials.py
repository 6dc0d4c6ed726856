"""The pipeline's tokenizer drops spaCy's whitespace special cases (they switch its cache off for
the rest of a doc) and must give exactly the tokens the stock scispaCy tokenizer gives."""

from __future__ import annotations

import pytest
import spacy
from gold_data import gold_texts
from hypothesis import given, settings
from hypothesis import strategies as st
from shared_paths import REAL

from her2mine.extract import build_pipeline
from her2mine.extract.pipeline import scispacy_tokenizer, without_whitespace_specials

WHITESPACE = ("\n", "\t", " ", "\xa0")


@pytest.fixture(scope="module")
def stock():
    return scispacy_tokenizer(spacy.blank("en"))


@pytest.fixture(scope="module")
def trimmed():
    return without_whitespace_specials(scispacy_tokenizer(spacy.blank("en")))


def tokens(tokenizer, text: str) -> list[tuple[str, int, str, str]]:
    return [(t.text, t.idx, t.whitespace_, t.norm_) for t in tokenizer(text)]


def test_only_whitespace_entries_are_dropped(stock, trimmed):
    dropped = set(stock.rules) - set(trimmed.rules)
    assert {"\n", "\t", " "} <= dropped
    assert all(not k.strip() for k in dropped)
    assert "\xa0" in trimmed.rules  # it also sets a NORM: kept
    assert set(trimmed.rules) <= set(stock.rules)


def test_pipeline_tokenizer_has_no_whitespace_specials():
    nlp = build_pipeline(model="")
    assert not {"\n", "\t", " "} & set(nlp.tokenizer.inner.rules)


def test_same_tokens_on_gold_and_real_abstracts(stock, trimmed):
    from her2mine.extract.reader import read_documents

    texts = gold_texts()
    xml = REAL / "pubmed-efetch-xml"
    if xml.is_dir():
        for f in sorted(xml.glob("*.xml")):
            texts += [d.text for d in read_documents(f)]
    assert len(texts) >= 40
    for text in texts:
        # Twice each: the second pass reads the cache the first one filled.
        assert tokens(trimmed, text) == tokens(stock, text)
        assert tokens(trimmed, text) == tokens(stock, text)


PIECES = [
    *WHITESPACE,
    "\n\n",
    " \n ",
    "\r\n",
    "vs.",
    "e.g.",
    "i.e.,",
    "T-DXd",
    "P<0.001",
    "(HR,",
    "0·36",
    "months).",
    "a.",
    ":)",
    "(",
    ")",
    "Results:",
    "HER2-positive",
    "18.5",
    "n=",
    "'s",
    "don't",
    "—",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=40))
def test_same_tokens_on_any_mix_of_whitespace_and_specials(stock, trimmed, pieces):
    text = "".join(pieces)
    assert tokens(trimmed, text) == tokens(stock, text)
    assert tokens(trimmed, text) == tokens(stock, text)
