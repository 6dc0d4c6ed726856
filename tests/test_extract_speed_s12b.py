"""The speed pass over arms.py / options.py gives what the plain forms (kept here as references)
give: ``option_hits`` reads a bracket's hits only when its body says "or"; ``option_runs``
looks the mentions' classes up with ``map``; the registry is frozen when first needed."""

from __future__ import annotations

import re

from gold_data import gold_texts

from her2mine.extract import arms, options
from her2mine.extract.arms import parts as arms_parts
from her2mine.extract.arms import patterns as arms_patterns
from her2mine.extract.drugs.find import find_drugs
from her2mine.extract.lexicon import load_lexicons, lower_same_length
from her2mine.extract.sentences import sentence_spans

_EXTRA = [
    "Patients were randomly assigned to trastuzumab plus a taxane (docetaxel or paclitaxel; HT) "
    "or lapatinib (with or without capecitabine) or trastuzumab plus (OR docetaxel, paclitaxel).",
    "Patients received pertuzumab plus trastuzumab plus docetaxel or paclitaxel or nab-paclitaxel "
    "(n = 120) and [capecitabine or vinorelbine].",
    "The experimental group (arm A) received T-DM1; the control group (arm B) received "
    "trastuzumab plus docetaxel. PFS was longer in the experimental group than in arm B.",
]


def _texts() -> list[str]:
    return gold_texts() + _EXTRA


def _reference_option_hits(text, hits, s, e):
    starts = set()
    if not hits or ("(" not in text[s:e] and "[" not in text[s:e]):
        return starts
    for m in arms_patterns._BRACKET.finditer(text, s, e):
        a, b = m.span()
        inner = [h for h in hits if a < h.start and h.end < b and h.drugs]
        if not inner:
            continue
        body = m.group(1)
        if arms_patterns._OPTIONAL.search(body) or (
            len(inner) >= 2 and arms_patterns._OR.search(body)
        ):
            label = arms_parts._short_form_after_semicolon(text, m, inner)
            starts.update(h.start for h in inner if h is not label)
    return starts


def _reference_classes(hits, class_of):
    return [
        class_of.get(h.drugs[0]) if h.kind == "drug" and len(h.drugs) == 1 else None for h in hits
    ]


def test_every_optional_match_holds_an_or_match():
    # (what ``option_hits`` relies on to test "or" before gathering a bracket's hits)
    for body in [
        "with or without A",
        "WITH OR WITHOUT",
        "with\nor  without x",
        "A, with or without",
    ]:
        assert arms_patterns._OPTIONAL.search(body) and arms_patterns._OR.search(body)
    assert re.search(r"\bor\b", arms_patterns._OPTIONAL.pattern)


def test_option_hits_and_classes_match_their_plain_forms():
    lex = load_lexicons().drugs
    checked = found = runs = 0
    for text in _texts():
        sents = sentence_spans(text)
        hits = find_drugs(text, lex, sents)
        assert options.option_runs(text, hits, lex.drug_class) is not None
        single = [h.drugs[0] if h.kind == "drug" and len(h.drugs) == 1 else None for h in hits]
        assert list(map(lex.drug_class.get, single)) == _reference_classes(hits, lex.drug_class)
        runs += bool(options.option_runs(text, hits, lex.drug_class))
        for s, e in sents:
            inside = [h for h in hits if s <= h.start and h.end <= e]
            got = arms_parts.option_hits(text, inside, s, e)
            assert got == _reference_option_hits(text, inside, s, e)
            checked += 1
            found += bool(got)
    assert checked > 300 and found >= 3 and runs >= 1


def test_registry_is_frozen_when_a_group_word_is_read():
    lex = load_lexicons().drugs
    text = _EXTRA[2]
    sents = sentence_spans(text)
    hits = options.options_as_class(text, find_drugs(text, lex, sents), lex.drug_class)
    low = lower_same_length(text)
    reg = arms.build_registry(text, sents, hits, low)
    assert reg.frozen is None  # (frozen lazily)
    eager = arms.build_registry(text, sents, hits, low)
    eager.freeze()  # (as ``build_registry`` used to leave it)
    s, e = sents[-1]
    refs = arms.arm_refs(text, s, e, hits, reg, low=low)
    assert reg.frozen is not None and reg.frozen[0] == reg.labels()
    assert refs == arms.arm_refs(text, s, e, hits, eager, low=low)
    assert [text[r.start : r.end] for r in refs] == ["experimental group", "arm B"]
