"""Build the extraction pipeline and turn processed docs into ``Extraction`` records."""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator
from contextlib import nullcontext
from functools import lru_cache
from itertools import islice
from operator import itemgetter
from pathlib import Path
from weakref import WeakKeyDictionary

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc

from her2mine.errors import InputError
from her2mine.extract import components  # noqa: F401  (registers the factories)
from her2mine.extract.components import STATE_KEY, TextKeepingTokenizer
from her2mine.extract.hits import (
    ROW_CANONICAL,
    ROW_DRUGS,
    ROW_END,
    ROW_KIND,
    ROW_SOURCE,
    ROW_START,
    ROW_TEXT,
    Hit,
)
from her2mine.models import Document, Extraction, Mention, Outcome
from her2mine.settings import Settings

# Bump whenever rules or lexicons change: the flow keys its extraction cache on it.
PIPELINE_VERSION = "0.3.251"

SCISPACY_MODELS_URL = "https://s3-us-west-2.amazonaws.com/ai2-s2-scispacy/releases/v0.5.4"


def install_hint(model: str) -> str:
    name = Path(model).name
    if name.startswith("en_") and "sci" in name or name.startswith("en_ner_"):
        return f"pip install {SCISPACY_MODELS_URL}/{name}-0.5.4.tar.gz"
    return f"pip install <package providing {model}> (or pass a model directory)"


def build_pipeline(*, model: str | None = None, lexicon_dir: str | None = None) -> Language:
    """The extraction pipeline: scispaCy tokenizer, sentences, abbreviations, drugs, trials,
    outcomes. ``model`` (or HER2MINE_SPACY_MODEL) adds a statistical NER model whose drug
    entities are merged with the rules; None (and no setting) = rules only; "" forces rules only.
    """
    if model is None:
        model = Settings.from_env().spacy_model
    if model:
        nlp = _load_model(model)
    else:
        nlp = spacy.blank("en")
        nlp.tokenizer = scispacy_tokenizer(nlp)
    nlp.tokenizer = TextKeepingTokenizer(without_whitespace_specials(nlp.tokenizer))
    cfg = {"lexicon_dir": lexicon_dir}
    nlp.add_pipe("her2_sentencizer")
    nlp.add_pipe("her2_abbreviations")
    nlp.add_pipe("her2_drugs", config=cfg)
    nlp.add_pipe("her2_trials", config=cfg)
    nlp.add_pipe("her2_outcomes", config=cfg)
    return nlp


def scispacy_tokenizer(nlp: Language):
    from scispacy.custom_tokenizer import combined_rule_tokenizer

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)  # spaCy's own regex set-union notice
        return combined_rule_tokenizer(nlp)


def without_whitespace_specials(tokenizer):
    """``tokenizer`` minus its special cases that only name a whitespace string ("\\n", "\\t").

    spaCy's tokenizer stops caching for the rest of a doc once any special case has matched (a
    per-doc flag, see spaCy #1250), and the English exceptions list those whitespace strings.
    Abstracts have a newline after the title and between sections, so nearly every word after
    it went through the affix regexes again in every doc (6x slower on the gold set). A
    whitespace run is one token with or without such an entry, so no token changes (tested);
    entries that set more than the text (NBSP's NORM) stay.
    """
    rules = getattr(tokenizer, "rules", None)
    if rules:
        kept = {k: v for k, v in rules.items() if k.strip() or v != [{ORTH: k}]}
        if len(kept) != len(rules):
            tokenizer.rules = kept
    return tokenizer


def _load_model(model: str) -> Language:
    try:
        nlp = spacy.load(model, exclude=["lemmatizer"])
    except OSError as exc:
        raise InputError(
            f"spaCy model '{model}' is not installed or not a model directory; "
            f"install it with: {install_hint(model)}"
        ) from exc
    return nlp


@lru_cache(maxsize=4)
def default_pipeline(model: str | None = None) -> Language:
    return build_pipeline(model=model)


def extract_document(doc: Document, nlp: Language | None = None) -> Extraction:
    """Extract drugs, trials, outcomes and mentions from one document."""
    return next(extract_documents([doc], nlp=nlp, batch_size=1))


ZONE_DOCS = 1000  # documents per spaCy memory zone (see extract_documents)
# Documents a pipeline first runs outside memory zones: spaCy's tokenizer caches nothing inside
# a zone, which made tokenising ~3x slower; this many documents teach the cache a corpus's
# common words for a few MB (bounded, so memory stays flat however long the stream).
WARM_DOCS = 5000
_warmed: WeakKeyDictionary[Language, int] = WeakKeyDictionary()


def extract_documents(
    docs: Iterable[Document],
    nlp: Language | None = None,
    *,
    batch_size: int = 64,
    n_process: int = 1,
) -> Iterator[Extraction]:
    """Stream extractions (constant memory: docs are consumed and yielded batch by batch).

    In one process, documents go through in chunks of ``ZONE_DOCS``. The first ``WARM_DOCS``
    documents a pipeline sees run outside memory zones, so the tokenizer caches their words;
    every later chunk runs inside a spaCy memory zone: the strings it added to the vocabulary
    are freed when it is done, so memory stays flat however long the stream (spaCy's
    StringStore otherwise keeps every new number and word). With ``n_process > 1`` (``-1``: one
    per CPU) worker processes extract chunks of documents and send back the records
    (``workers.extract_in_workers``), in input order.
    """
    nlp = nlp or default_pipeline(Settings.from_env().spacy_model)
    if n_process != 1:
        from her2mine.extract.workers import extract_in_workers, worker_count

        n_process = worker_count(n_process)
        if n_process > 1:  # (``-1`` on one CPU: no pool)
            yield from extract_in_workers(docs, nlp, n_process=n_process, batch_size=batch_size)
            return
    it = iter(docs)
    while True:
        warm_left = WARM_DOCS - _warmed.get(nlp, 0)
        chunk = list(islice(it, min(ZONE_DOCS, warm_left) if warm_left > 0 else ZONE_DOCS))
        if not chunk:
            return
        if warm_left > 0:
            _warmed[nlp] = WARM_DOCS - warm_left + len(chunk)
        with nullcontext() if warm_left > 0 else nlp.memory_zone():
            pairs = ((d.text, d) for d in chunk)
            for sdoc, document in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
                yield to_extraction(sdoc, document)


def to_extraction(sdoc: Doc, document: Document) -> Extraction:
    """The ``Extraction`` record of a processed doc (pure: reads ``doc._.her2``)."""
    state = sdoc.user_data.get(STATE_KEY) or {}  # ``sdoc._.her2`` without the proxy object
    text = document.text if document.text is not None else sdoc.text
    drug_rows = state.get("drugs", [])
    trial_rows = list(state.get("trials", []))
    seen = {r[ROW_CANONICAL] for r in trial_rows}
    for rid in document.registry_ids:
        if rid and rid not in seen:
            seen.add(rid)
            trial_rows.append(Hit("trial", -1, -1, rid, rid, [], "databank").to_row())
    outcomes = [Outcome(**o) for o in state.get("outcomes", [])]
    return Extraction(
        id=document.id,
        drugs=_drug_names(drug_rows),
        trials=sorted(seen),
        outcomes=outcomes,
        mentions=_mentions(
            text, state.get("sentences", []), drug_rows, trial_rows, state.get("endpoints", [])
        ),
    )


def _drug_names(drug_rows: list) -> list[str]:
    """``drug_names`` of the hits of these rows (read without building the hits)."""
    return sorted(
        {d for r in drug_rows if r[ROW_KIND] not in ("placebo", "class") for d in r[ROW_DRUGS]}
    )


def _mentions(
    text: str, sentences: list, drug_rows: list, trial_rows: list, endpoint_rows: list
) -> list[Mention]:
    """Drug, trial and endpoint mentions ordered by (start, kind), each with its sentence
    (from ``Hit.to_row()`` rows; a drug row gives a mention per drug it stands for).

    Sorted as plain tuples first (a stable sort on the same key keeps the same order), so the
    sentences are then read in one forward sweep instead of a binary search per mention.
    """
    pending = [
        (r[ROW_START], "drug", r[ROW_TEXT], d, r[ROW_END], r[ROW_SOURCE])
        for r in drug_rows
        for d in r[ROW_DRUGS]
    ]
    for kind, rows in (("trial", trial_rows), ("endpoint", endpoint_rows)):
        pending += [
            (r[ROW_START], kind, r[ROW_TEXT], r[ROW_CANONICAL], r[ROW_END], r[ROW_SOURCE])
            for r in rows
        ]
    pending.sort(key=_BY_START_KIND)
    if not pending:
        return []
    starts, kinds, written, canonical, ends, sources = zip(*pending, strict=True)
    found = _sentences_at(text, sentences, starts)
    # (``map``: no per-mention ``append``; each sentence is cut from the text once)
    return list(map(Mention, kinds, written, canonical, starts, ends, found, sources))


def _sentences_at(text: str, sentences: list, starts: tuple[int, ...]) -> list[str]:
    """For each offset of ``starts`` (sorted), the text of the sentence holding it ("" if
    none), in one forward sweep. ``sentences``: sorted, disjoint spans (``sentence_spans``), so
    the sentence holding an offset is the last one starting at or before it."""
    found: list[str] = []
    k, n = 0, len(starts)
    for s, e in sentences:
        j = k
        while j < n and starts[j] < s:
            j += 1
        if j > k:
            found += [""] * (j - k)  # between sentences
            k = j
        while j < n and starts[j] < e:
            j += 1
        if j > k:
            found += [text[s:e]] * (j - k)
            k = j
        if k == n:
            break
    if k < n:
        found += [""] * (n - k)
    return found


_BY_START_KIND = itemgetter(0, 1)
