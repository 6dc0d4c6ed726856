"""The sentence splitter, its SENT_START annotation and the record builder give exactly what their
plain versions (kept here as references) give."""

from __future__ import annotations

import random
import re
from bisect import bisect_right

import numpy as np
from gold_data import gold_texts
from spacy.attrs import IDX, SENT_START

from her2mine.extract import sentences
from her2mine.extract.drugs.find import drug_names
from her2mine.extract.hits import Hit
from her2mine.extract.pipeline import to_extraction
from her2mine.extract.sentences import ABBREVIATIONS, sentence_spans
from her2mine.models import Document, Extraction, Mention, Outcome

# --- sentence spans: one character-class scan, one word look-up per candidate ---------------

_CANDIDATE = re.compile(r"[.!?][\"'’”)\]]*(\s+)(?=[\"'“‘(\[]?[A-Z0-9ΑΒΓΔα-ω]|[a-z]{1,2}[A-Z])")
_NEWLINE = re.compile(r"\n\s*")
_DOTTED = re.compile(r"(?:[a-z]\.)+[a-z]")


def reference_sentence_spans(text: str) -> list[tuple[int, int]]:
    cuts = {0, len(text)}
    for m in _NEWLINE.finditer(text):
        cuts.add(m.end())
    for m in _CANDIDATE.finditer(text):
        end = m.start()
        if text[end] == "." and _reference_is_abbreviation(text, end):
            continue
        cuts.add(m.end())
    # an upper-case heading before a colon starts a sentence (every colon tried)
    for colon in (i for i, ch in enumerate(text) if ch == ":"):
        if colon and (text[colon - 1].isupper() or text[colon - 1].isspace()):
            h = sentences._RUN_IN_HEADING.search(text, max(0, colon - 40), colon)
            if h is not None:
                cuts.add(h.start(1))
    # a run-in title-case heading at a sentence start is no part of any sentence (round text
    # r17), nor one in capitals without a colon (round leftovers r19b), tried at every start,
    # without the opening-word gate
    headings = {}
    for c in list(cuts):
        h = sentences._TITLE_HEADING.match(text, c) or sentences._UPPER_HEADING.match(text, c)
        if h is not None:
            headings[c] = h.end()
            cuts.add(h.end())
    spans = []
    points = sorted(cuts)
    for a, b in zip(points, points[1:], strict=False):
        if headings.get(a) == b:
            continue
        chunk = text[a:b]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            spans.append((a + lead, a + lead + len(stripped)))
    return spans


def _reference_is_abbreviation(text: str, dot: int) -> bool:
    window = text[max(0, dot - 20) : dot]
    if not window or window[-1].isspace():
        return False
    word = window.rsplit(None, 1)[-1].lstrip("([\"'").lower()
    return word in ABBREVIATIONS or _DOTTED.fullmatch(word) is not None


def test_every_abbreviation_ends_in_an_ascii_letter():
    # (what the cheap rejections in ``_is_abbreviation`` rely on)
    assert all(a[-1] in sentences._LOWER_ASCII for a in ABBREVIATIONS)


def test_sentence_spans_equal_the_plain_scan():
    rnd = random.Random(7)
    pieces = [
        *"aZ0. .\n\t!?\"'’”)](“‘(Ββωİ\u212aΣ-,;:", "vs.", "e.g.", "U.S.", "0.62.", "  ", "\n\n",
        " al. ", "Fig. ", "approx. ", "(vs. ", "\"e.g.", "patients. ", "month.) ", "x.K. ",
        "ABCDEFG. ", "i.e.,", " No. 3", "x!", "?)", "\u00a0", "v", "vs\n", "(((((((((((((((((vs", "eg",
        "pCR ", "mTOR", "ypT0", "e.g. pCR", "Results ", "Results", "Patients and Methods ",
        "Design, Setting, and Participants ", "Main outcomes and measures ", "RESULTS ",
        "PATIENTS AND METHODS ", "OBJECTIVE ", "Response ", "Trial ", "A ", "HER2 ",
    ]  # fmt: skip
    texts = gold_texts()
    texts += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 60))) for _ in range(20000)]
    for text in texts:
        assert sentence_spans(text) == reference_sentence_spans(text), repr(text)


# --- SENT_START: few numpy calls ------------------------------------------------------------


def test_sent_starts_equal_the_plain_annotation(nlp):
    texts = [*gold_texts(), "  Leading space. Then more.", "One.", "x", "Ends here. A"]
    for text in texts:
        doc = nlp.get_pipe("her2_sentencizer")(nlp.make_doc(text))
        idx = doc.to_array([IDX]).astype(np.int64).reshape(-1)
        starts = np.searchsorted(idx, [s for s, _ in reference_sentence_spans(text)])
        expected = np.full(len(doc), -1, dtype=np.uint64)
        expected[0] = 1
        expected[starts[starts < len(doc)]] = 1
        assert doc.to_array([SENT_START]).reshape(-1).tolist() == expected.tolist()
        first_tokens = [s.start for s in doc.sents]
        assert first_tokens == sorted({0, *starts[starts < len(doc)].tolist()})


# --- records: one sort of plain tuples, one sweep over the sentences ------------------------


def reference_to_extraction(sdoc, document: Document) -> Extraction:
    state = sdoc._.her2 or {}
    text = document.text
    sents = [tuple(s) for s in state.get("sentences", [])]
    drugs = [Hit.from_row(r) for r in state.get("drugs", [])]
    trials = [Hit.from_row(r) for r in state.get("trials", [])]
    seen = {t.canonical for t in trials}
    for rid in document.registry_ids:
        if rid and rid not in seen:
            seen.add(rid)
            trials.append(Hit("trial", -1, -1, rid, rid, [], "databank"))
    endpoints = [Hit.from_row(r) for r in state.get("endpoints", [])]
    starts = [s for s, _ in sents]

    def sentence_of(h: Hit) -> str:
        i = bisect_right(starts, h.start) - 1
        if i >= 0 and h.start < sents[i][1]:
            return text[sents[i][0] : sents[i][1]]
        return ""

    mentions = [
        Mention("drug", h.text, d, h.start, h.end, sentence_of(h), h.source)
        for h in drugs
        for d in h.drugs
    ]
    for kind, hits in (("trial", trials), ("endpoint", endpoints)):
        mentions += [
            Mention(kind, h.text, h.canonical, h.start, h.end, sentence_of(h), h.source)
            for h in hits
        ]
    mentions.sort(key=lambda m: (m.start, m.kind))
    return Extraction(
        id=document.id,
        drugs=drug_names(drugs),
        trials=sorted({t.canonical for t in trials}),
        outcomes=[Outcome(**o) for o in state.get("outcomes", [])],
        mentions=mentions,
    )


def test_records_equal_the_plain_build(nlp):
    rnd = random.Random(3)
    checked = 0
    for i, text in enumerate(gold_texts()):
        doc = nlp(text)
        ids = [["NCT00567190", ""], [], ["NCT00567190", "NCT00567190"]][i % 3]
        document = Document(id=str(i), text=text, registry_ids=ids)
        assert to_extraction(doc, document) == reference_to_extraction(doc, document)
        # Hits in any order, overlapping, between sentences, sharing starts across kinds.
        state = doc._.her2
        for key in ("drugs", "trials", "endpoints"):
            rows = state.get(key, [])
            extra = [[*r] for r in rows[:3]]
            for r in extra:
                r[1] = r[2] = rnd.choice(
                    [0, len(text) - 1, r[1] + 1, *(s[1] for s in state["sentences"])]
                )
            state[key] = rnd.sample(rows + extra, len(rows) + len(extra))
        assert to_extraction(doc, document) == reference_to_extraction(doc, document)
        checked += len(to_extraction(doc, document).mentions)
    assert checked > 500
