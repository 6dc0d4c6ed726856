"""The literal-first fast paths give exactly what the plain regex scans give."""

from __future__ import annotations

from pathlib import Path

import pytest

from her2mine.extract import arms, drugs, numbers, trials
from her2mine.extract.fastre import (
    finditer_at,
    literal_safe,
    literal_starts,
    may_hold,
    sentences_matching,
    sentences_matching_at,
)
from her2mine.extract.lexicon import lower_same_length
from her2mine.extract.sentences import sentence_spans

GOLD = Path(__file__).parent / "data" / "gold"
EXTRA = (
    "PyroCap consisted of pyrotinib and capecitabine. THP   was \n defined  as docetaxel. "
    "AB-12 comprised x; XY+Z/ included y. Patients were RANDOMLY Assigned (1:1). "
    "Registered: EudraCT 2015-000000-00, EudraCT, number: 2012-004027-24, NCT01234567, "
    "ChiCTR-IPR-17012345, jRCTs031180012, UMIN000012345, ISRCTN12345678, CTR20181234. "
    "DESTINY-Breast03, HER2CLIMB-02, NSABP B-31, CALGB 40601, TRAIN-2 and PHERGain-2. "
    "The hazard ratio (HR) was 0.5 vs ORR; odds ratios were HRs. Standard chemotherapy, "
    "a taxane, anthracyclines, endocrine therapy or aromatase inhibitors."
)


def corpus() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(GOLD.glob("*.txt"))]
    return texts + [t + " " + EXTRA for t in texts[:5]] + [EXTRA, EXTRA.upper(), EXTRA.lower()]


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (arms._RANDOMISED, arms._RANDOMISED_WORDS),
        (arms._DESIGN, arms._DESIGN_WORDS),
    ],
)
def test_sentences_matching_at_equals_the_full_scan(pattern, words):
    flagged = 0
    for text in corpus():
        sents = sentence_spans(text)
        low = lower_same_length(text)
        fast = sentences_matching_at(pattern, text, sents, literal_starts(low, words))
        assert fast == sentences_matching(pattern, text, sents)
        flagged += sum(fast)
    assert flagged > 20


def test_ratio_candidates_cover_every_hr_or_match():
    for text in corpus():
        sents = sentence_spans(text)
        fast = sentences_matching_at(numbers._KEY_RE, text, sents, numbers.ratio_candidates(text))
        assert fast == sentences_matching(numbers._KEY_RE, text, sents)


def test_finditer_at_equals_finditer_for_trials_classes_and_definitions():
    found = 0
    for text in corpus():
        low = lower_same_length(text)
        pairs = [
            (trials._REGISTRY, text, trials._registry_starts(text)),
            (trials._FAMILIES, text, literal_starts(text, trials._FAMILY_WORDS)),
            (drugs._CLASS_RE, low, literal_starts(low, drugs._CLASS_WORDS)),
        ]
        for pattern, haystack, starts in pairs:
            fast = [m.span() for m in finditer_at(pattern, haystack, starts)]
            assert fast == [m.span() for m in pattern.finditer(haystack)]
            found += len(fast)
        fast = [(m.span(), m.group(1)) for m in drugs.consisted_matches(text)]
        assert fast == [(m.span(), m.group(1)) for m in drugs._CONSISTED.finditer(text)]
        found += len(fast)
    assert found > 50


def test_definitions_found_from_their_verb():
    spans = [m.group(1) for m in drugs.consisted_matches(EXTRA)]
    assert spans == ["PyroCap", "THP", "AB-12", "XY+Z/"]


def test_literal_prefilter_is_off_for_letters_regex_case_folding_maps_to_ascii():
    # re.IGNORECASE matches "ı"/"ſ" to "i"/"s"; str.lower() does not, so no pre-filter
    assert literal_safe("Patients were randomised")
    assert not literal_safe("Patients were aſsigned")
    assert not literal_safe("Patients were randomızed")
    assert arms._RANDOMISED.search("Patients were aſsigned") is not None


def test_may_hold():
    low = "patients were randomly assigned"
    assert may_hold(low, ("assign",), 0, len(low))
    assert not may_hold(low, ("assign",), 0, 20)
    assert may_hold(None, ("anything",), 0, 0)


def test_registry_gates_do_not_change_the_arms():
    text = (
        "Title\n\nPatients were aſsigned to receive pertuzumab plus trastuzumab and "
        "docetaxel (pertuzumab group) or placebo plus trastuzumab and docetaxel (control "
        "group). Median PFS was 18.5 months in the pertuzumab group."
    )
    hits = drugs.find_drugs(text, _lex(), sentence_spans(text))
    sents = sentence_spans(text)
    fast = arms.build_registry(text, sents, hits, lower_same_length(text))
    names = sorted(a.name for a in fast.arms)
    assert names == ["docetaxel+pertuzumab+trastuzumab", "docetaxel+trastuzumab"]


def _lex():
    from her2mine.extract.lexicon import load_lexicons

    return load_lexicons().drugs
