"""Outcomes code health (after pipeline 0.3.128; same outputs). ``outcomes/patterns.py`` now
states the words that compare two values once ("vs", "versus", "v.", "compared with/to") and the
outcome patterns that wrote them out are built from it; ``not_results`` and ``rows`` build their
subject-start and prior-drug patterns from one statement each, their differences written beside
them; ``rows._endpoints_zipped`` returns whether its run is grouped instead of appending to a
list its caller passes. Each old form is restated here and compared with the new one on every
gold text, every gold sentence, every prefix of a sentence ending at a blank (for the patterns
anchored at the end) and the edge cases below."""

from __future__ import annotations

import re

import pytest
from extract_helpers import ARM_ROW, rows_of
from gold_data import gold_texts

from her2mine.extract.hits import Hit
from her2mine.extract.numbers import Value
from her2mine.extract.outcomes import (
    grades,
    landmark_runs,
    landmarks,
    not_results,
    pairs,
    prose,
    rows,
    runs,
    shared_p,
)
from her2mine.extract.outcomes.patterns import VS_OR_COMPARED, subject_start
from her2mine.extract.sentences import sentence_spans

# Every spelling of a comparison word, "vs" inside a word, and the neighbours the patterns read
# (numbers, brackets, "%", group words, end-of-text).
_EDGES = [
    "18.5 v 12.4 months; 18.5 v. 12.4 months; 18.5 vs 12.4; 18.5 vs. 12.4; 18.5 versus 12.4",
    "18.5 compared with 12.4; 18.5 as compared with 12.4; 18.5 compared to 12.4 months",
    "18.5 VS 12.4; 18.5 Versus 12.4; 18.5 V. 12.4; 18.5 Compared With 12.4",
    "the canvs 12 and obvs. 5, the v-shaped 4, envs 3, reversus 2, uncompared with 1",
    "(56% v 41%), (56% vs. 41%), ( vs 16.3%), [versus 2%], (as compared with 12%)",
    "12% vs 0; (0 vs seven [5%]); (seven [5%] versus none); 3% compared with nil.",
    "(TL vs T, p = 0.04; TL v. L, p = 0.01) (P = .01 for TL versus T)",
    "occurred in 13.3% vs 3.4%, 2% and 1% / 4%; (all grades) 64.6% vs. 49.8% vs",
    "6 months vs 12 months of trastuzumab; 6 months versus 1 year, or 2 years of adjuvant",
    "91.0% and 87.5% with A, compared with 85.0%; the A group as against 80%; arms versus ",
    "DFS was 92.3% vs 83.5% at 3 years; 92.3% (95% CI 90-94) compared with 83.5% after 5 years",
    "prior pertuzumab, previously treated, pretreated, pre-treated, earlier T-DM1, Prior",
    "showed that A, whereas B: while C; that D,E thatch whereasX",
    "median 36.4 v 25.1 weeks vs",
    "12%vs.8% and 3 v.4 (vs.12%) TLvs.T",
    "5 months vs",
    "compared with",
    "vs.",
]

# --- old forms ----------------------------------------------------------------------------------

_OLD_DURATION_LIST = (
    r"(?<![\w-])"
    + rows._DURATION
    + r"(?:\s*(?:,|vs\.?|versus|or|and|,\s*and|,\s*or)\s*"
    + rows._DURATION
    + r")+\s+(?:of\s+)?(?:adjuvant\s+|neoadjuvant\s+)?$"
)

# name -> (old pattern source, its flags, the new compiled pattern)
_OLD_AND_NEW: dict[str, tuple[str, int, re.Pattern[str]]] = {
    "not_results._VS_NEXT": (
        r"(?:[^\d()]|\([^()]*\)){0,60}?\b(?:vs\.?|versus|v\.?|compared\s+(?:with|to))\s+(?=\d)",
        re.I,
        not_results._VS_NEXT,
    ),
    "not_results._VS_BEFORE": (
        r"\d(?:[^\d()]|\([^()]*\))*?\b(?:vs\.?|versus|v\.?|compared\s+(?:with|to))\s*\Z",
        re.I,
        not_results._VS_BEFORE,
    ),
    "not_results._OPENS_COMPARED": (
        r"\s*(?:vs\.?|versus|v\.?)\s",
        re.I,
        not_results._OPENS_COMPARED,
    ),
    "not_results._COMPARED_BRACKET_BEFORE": (
        r"\(\s*(\d+(?:[.·]\d+)?\s*%\s*(?:vs\.?|versus|v\.?)\s*)?\Z",
        re.I,
        not_results._COMPARED_BRACKET_BEFORE,
    ),
    "not_results._CLAUSE_HEAD": (
        r"\b(?:that|whereas|while)\s|[,:;]\s",
        0,
        not_results._CLAUSE_HEAD,
    ),
    "not_results._EARLIER_DRUG": (
        r"\b(?:prior|previous(?:ly)?|pretreated|pre-treated)\b",
        re.I,
        not_results._EARLIER_DRUG,
    ),
    "rows._SUBJECT_START": (r"\bthat\s|[,:;]\s", 0, rows._SUBJECT_START),
    "rows._PRIOR_BEFORE": (
        r"\b(?:prior|previous(?:ly)?|pretreated|pre-treated|earlier)\b",
        re.I,
        rows._PRIOR_BEFORE,
    ),
    "rows._COMPARED_GAP": (
        r"\b(?:vs|versus|v|compared\s+(?:with|to))\b",
        re.I,
        rows._COMPARED_GAP,
    ),
    "rows._DURATION_LIST": (_OLD_DURATION_LIST, re.I, rows._DURATION_LIST),
    "rows._JOINED_VALUE_BEFORE": (
        r"\d\s*(?:%|months?|mo\b\.?)?\s*(?:,|and|or|vs\.?|versus|/)\s*\Z",
        re.I,
        rows._JOINED_VALUE_BEFORE,
    ),
    "grades._COMPARED_BEFORE": (
        # (round 77b: the one-letter "v" too)
        r"(?:\d+(?:[.·]\d+)?\s*%\s*(?:vs\.?|versus|v\.?|and|/)\s*){0,3}",
        re.I,
        re.compile(grades._COMPARED_BEFORE, re.I),
    ),
    "grades._OWN_CLAUSE_VERB": (
        r"[^;%]{0,40}?\b(?:occurred|was\s+(?:reported|observed|seen|noted)|were\s+(?:reported|"
        r"observed|seen|noted)|developed)\b[^;%]{0,30}"
        r"(?:\d+(?:[.·]\d+)?\s*%\s*(?:vs\.?|versus|and|/)\s*){0,3}\Z",
        re.I,
        grades._OWN_CLAUSE_VERB,
    ),
    "grades._QUALIFIER_TO_VALUE": (
        # (round 64b added the event's verb: "(grade 3) occurred in 20%")
        r"\s*[)\]]\s*[:,=]?\s*(?:(?:occurred|developed|(?:was|were)\s+(?:reported|observed|"
        r"seen|noted))\s+)?(?:(?:in|of|was|were)\s+)?"
        r"(?:\d+(?:[.·]\d+)?\s*%?\s*(?:vs\.?|versus|/|and)\s*){0,3}",
        0,
        grades._QUALIFIER_TO_VALUE,
    ),
    "landmark_runs._NEXT_GROUP_GAP": (
        r"(?:\s+(?:group|arm|cohort)s?)?\s*,?\s*(?:and|versus|vs\.?|compared\s+with|as\s+against)?"
        r"\s*",
        re.I,
        landmark_runs._NEXT_GROUP_GAP,
    ),
    "landmarks._PAIR_LINK": (
        r"\s*,?\s*(?:vs\.?|versus|and|compared\s+with)\s+",
        re.I,
        re.compile(landmarks._PAIR_LINK, re.I),
    ),
    "landmarks._PAIRED_BEFORE": (
        r"\d\s*%" + landmarks._BRACKET_AFTER + r"\s*,?\s*(?:vs\.?|versus|and|compared\s+with)\s+\Z",
        re.I,
        landmarks._PAIRED_BEFORE,
    ),
    "pairs._VS": (
        r"(?:vs\.?|versus|v\.?|compared\s+with)",
        re.I,
        re.compile(pairs._VS, re.I),
    ),
    "pairs._VS_WORDS": (
        r"(?:vs\.?|versus|v\.?|(?:as\s+)?compared\s+(?:with|to))",
        re.I,
        re.compile(rf"(?:{pairs._VS_WORDS})", re.I),
    ),
    "pairs._COMPARED_OPENING": (
        r"(?:\bcompared\s+(?:with|to)|\bversus|\bvs\.?|\bas\s+against)\s*$",
        re.I,
        pairs._COMPARED_OPENING,
    ),
    "prose._PROSE_COMPARISON": (
        r"\b(?:versus|vs\.?|v\.?|compared\s+(?:with|to)|over|than|(?:superior|inferior|relative)"
        r"\s+to|superiority\s+to|in\s+comparison\s+(?:with|to))(?!\w)",
        re.I,
        prose._PROSE_COMPARISON,
    ),
    "runs._VS_WORD": (
        r"\b(?:vs\.?|versus|v\.?|compared)(?:\s|$)",
        re.I,
        runs._VS_WORD,
    ),
    "shared_p._PAIR_LABEL_JOIN": (
        r"\s*(?:versus|vs\.?|v\.?|compared\s+(?:with|to))\s*",
        re.I,
        shared_p._PAIR_LABEL_JOIN,
    ),
}


def _texts() -> list[str]:
    """Every gold text, each gold sentence and the edge cases (each also after a title)."""
    out = []
    for text in gold_texts():
        out += [text, *(text[a:b] for a, b in sentence_spans(text))]
    return out + _EDGES + ["Title\n\n" + e for e in _EDGES]


def _cuts(text: str) -> list[int]:
    """Where a probe starts or ends: the text's ends and each blank's sides."""
    cuts = {0, len(text)}
    for m in re.finditer(r"\s+", text):
        cuts.update(m.span())
    return sorted(cuts)


def _shape(m: re.Match[str] | None) -> tuple | None:
    return None if m is None else (m.span(), m.groups())


_SENTENCE_SIZE = 600  # (a whole abstract is longer: its sentences are probed for it)


def _probes(p: re.Pattern[str], text: str) -> list:
    """What a pattern gives on ``text``: every match, a match at each cut and, for a pattern
    anchored at the end (``\\Z``, ``$``: the rules search those with an end), a search of a
    sentence ending at each cut."""
    found = [_shape(m) for m in p.finditer(text)]
    cuts = _cuts(text)
    found += [_shape(p.match(text, i)) for i in cuts]
    if len(text) <= _SENTENCE_SIZE and ("\\Z" in p.pattern or "$" in p.pattern):
        found += [_shape(p.search(text, 0, i)) for i in cuts]
    return found


@pytest.mark.parametrize("name", sorted(_OLD_AND_NEW))
def test_pattern_equals_its_old_form(name):
    """Each rebuilt pattern matches where its old form matched (same spans and groups) on
    every gold text and sentence and every edge case, matched at every blank (and, anchored
    at the end, searched up to every blank)."""
    source, flags, new = _OLD_AND_NEW[name]
    old = re.compile(source, flags)
    assert new.flags == old.flags
    hits = 0
    for text in _texts():
        want = _probes(old, text)
        assert _probes(new, text) == want, text
        hits += sum(x is not None for x in want)
    assert hits > 0


@pytest.mark.parametrize(
    "text",
    ["18.5 v 12.4", "18.5 v. 12.4", "18.5 vs 12.4", "18.5 vs. 12.4", "18.5 versus 12.4",
     "18.5 compared with 12.4", "18.5 compared to 12.4"],
)  # fmt: skip
def test_every_spelling_is_a_comparison_word(text):
    """The shared alternation reads each spelling of a comparison between two numbers."""
    m = re.search(rf"\d\s+(?:{VS_OR_COMPARED})\s+\d", text, re.I)
    assert m is not None and m.span() == (3, len(text) - 3)


def test_vs_inside_a_word_is_no_comparison_word():
    """Negative: "canvs 12", "reversus 2" hold no comparison word (the users' ``\\b``)."""
    assert not_results._VS_BEFORE.search("5 vs ") is not None
    for word in ("canvs", "reversus", "envs."):
        assert not_results._VS_BEFORE.search(f"5 {word} ") is None
        assert runs._VS_WORD.search(f"5 {word} 12") is None


def test_subject_start_words_differ_only_as_written():
    """``not_results._CLAUSE_HEAD`` also opens a subject after "whereas"/"while";
    ``rows._SUBJECT_START`` does not (kept: see docs)."""
    text = "A improved PFS whereas prior B was"
    assert subject_start("that").search(text) is None
    assert not_results._CLAUSE_HEAD.search(text).end() == text.index("prior")


# --- _endpoints_zipped --------------------------------------------------------------------------


def _old_endpoints_zipped(
    text: str,
    e: int,
    values: list[Value],
    eps: list[Hit],
    arms_listed: rows._ArmsListed,
    grouped: list[int],
) -> dict[int, list[Hit]]:
    """``rows._endpoints_zipped`` as it was (``grouped`` an out-parameter)."""
    for i, h in enumerate(eps):
        listed = rows._endpoint_list(text, eps, h.start)
        if len(listed) < 2:
            continue
        n = len(listed)
        after = [
            v for v in values if v.kind not in rows.RATIO_MEASURES and v.start >= listed[-1].end
        ]
        r = rows._RESPECTIVELY.search(text, listed[-1].end, e)
        if r is None or not after or after[0].start - listed[-1].end > rows._LIST_TO_VALUES:
            return {}
        run = [v for v in after if v.end <= r.start()]
        if not run or any(x.start < run[-1].start for x in eps[i + n :]):
            return {}
        if arms_listed(listed[-1].end, run[0].start):
            return {}
        others = [x for x in eps if x not in listed]
        out: dict[int, list[Hit]] = {}
        if len(run) != n and rows._groups_of_listed(text, run, n, r.start(), arms_listed):
            grouped.append(n)
            return {
                v.start: sorted(others + [listed[j % n]], key=rows._START)
                for j, v in enumerate(run)
            }
        if len(run) != n:
            k = rows._compared_group_size(text, run, n)
            for j, v in enumerate(run if k else ()):
                out[v.start] = sorted(others + [listed[j // k]], key=rows._START)
            return out
        if len(after) % n:
            after = run
        for k, v in enumerate(after):
            out[v.start] = sorted(others + [listed[k % n]], key=rows._START)
        return out
    return {}


_DESIGN = (
    "Methods: Patients were randomly assigned to the study group (pyrotinib plus capecitabine) or "
    "the control group (capecitabine alone). Results: "
)
_ZIPPED_TEXTS = [
    _DESIGN + "The ORR and DCR were 68% and 85% in the study group and 40% and 70% in the "
    "control group, respectively.",
    _DESIGN + "The ORR and DCR were 68% vs 40% and 85% vs 70% in the study and control groups, "
    "respectively.",
    _DESIGN + "Diarrhoea and rash occurred in 31% and 8%, respectively.",
    _DESIGN + "Median PFS and OS were 7.2 and 15.1 months, respectively.",
    _DESIGN + "Median PFS and OS with pyrotinib plus capecitabine and capecitabine were 7.2 and "
    "5.1 months, respectively.",
]


def test_endpoints_zipped_equals_its_old_form(nlp, monkeypatch):
    """``_endpoints_zipped`` gives the old form's values and its grouped flag on every call
    the gold texts and the zipped runs above make (a grouped run among them)."""
    calls = []
    new = rows._endpoints_zipped

    def spy(*args):
        calls.append(args)
        return new(*args)

    monkeypatch.setattr(rows, "_endpoints_zipped", spy)
    for text in [t for t in gold_texts() if "respectively" in t] + _ZIPPED_TEXTS:
        rows_of(nlp, text, ARM_ROW)
    grouped_seen = zipped_seen = 0
    for args in calls:
        grouped: list[int] = []
        want = _old_endpoints_zipped(*args, grouped)
        got = new(*args)
        assert dict(got.by_value) == want
        assert got.grouped == bool(grouped)
        grouped_seen += got.grouped
        zipped_seen += bool(want)
    assert grouped_seen and zipped_seen > grouped_seen


def test_grouped_run_still_pairs_within_each_group(nlp):
    """The grouped flag still reaches ``_arms_of_listed_groups``: "68% and 85% in the study
    group and 40% and 70% in the control group, respectively" gives each group's arm."""
    assert rows_of(nlp, _ZIPPED_TEXTS[0], ARM_ROW) == [
        ("ORR", "rate", 68.0, "capecitabine+pyrotinib"),
        ("DCR", "rate", 85.0, "capecitabine+pyrotinib"),
        ("ORR", "rate", 40.0, "capecitabine"),
        ("DCR", "rate", 70.0, "capecitabine"),
    ]


def test_not_zipped_is_read_only():
    """The shared empty result cannot be filled by a caller."""
    with pytest.raises(TypeError):
        rows._NOT_ZIPPED.by_value[0] = []  # type: ignore[index]
