"""Speed pass 55: the cost rounds 51-54 added, won back with the same outputs. The route-twin rule
runs only in sentences that hold a route word ("intravenous", "subcutaneous", "IV", "SC"); the
elided-label reading of a plural group word only where the sentence holds a generic label; the
setting-word name search runs before its noun test (the search rarely matches, the noun test
nearly always does); the report-tail title gate and the plural-generic gate are ``in`` tests and
plain ``find`` calls. Each faster form is compared here with its plain version (kept as a
reference) on every gold text and sentence and the edge cases below."""

from __future__ import annotations

import re

import pytest
from gold_data import gold_texts

from her2mine.extract.arms import arm_refs, build_registry
from her2mine.extract.arms import design as arms_design
from her2mine.extract.arms import mentions as arms_mentions
from her2mine.extract.arms import refs as arms_refs
from her2mine.extract.components import _hits
from her2mine.extract.fastre import literal_starts
from her2mine.extract.lexicon import lower_same_length
from her2mine.extract.sentences import sentence_spans
from her2mine.extract.trials import context as trials_context
from her2mine.extract.trials import names as trials_names
from her2mine.extract.trials import titles as trials_titles

# Route twins and their near misses: routes written out, in capitals, short, opening the drug's
# name, after "the", across a bracket; one route only; "IV" of a stage; a route in the sentence
# before.
_ROUTES = [
    "Patients were randomized to intravenous trastuzumab or subcutaneous trastuzumab. pCR was "
    "45.4% in the subcutaneous group and 40.7% in the IV arm.",
    "Patients were randomized to SC trastuzumab and pertuzumab or IV trastuzumab and "
    "pertuzumab. pCR was 50% in the SC arm and 48% in the IV arm.",
    "Patients were randomised to INTRAVENOUS trastuzumab (H) versus the SUBCUTANEOUS "
    "trastuzumab. Grade 3 AEs occurred in 20% vs 21%.",
    "Patients received subcutaneous\ttrastuzumab (8 mg/kg) or the\tIV trastuzumab.",
    "Patients were randomized to intravenous trastuzumab or intravenous trastuzumab plus "
    "pertuzumab. pCR was 45.4% in the trastuzumab arm.",
    "Women with stage IV disease were randomized to trastuzumab or trastuzumab. ORR 40%.",
    "Trastuzumab was given IV. Patients were randomized to trastuzumab or trastuzumab.",
    "Patients were randomized to docetaxel plus trastuzumab or paclitaxel plus trastuzumab.",
]
# Elided labels and their near misses: generic labels sharing a plural group word, a singular
# word, labels far apart, capitals.
_LABELS = [
    "Patients were randomized to placebo or pertuzumab with trastuzumab and docetaxel. "
    "PFS was 12.4 and 18.5 months in the control and experimental groups, respectively.",
    "Patients were randomized to capecitabine or lapatinib plus capecitabine (control and "
    "investigational arms). ORR was 14% and 22% in the CONTROL and EXPERIMENTAL arms.",
    "Patients were randomized to trastuzumab or placebo. DFS was 90% in the experimental group "
    "and 88% in the control group.",
    "Patients received trastuzumab (experimental) or observation (control); the control and "
    "standard-therapy group had 12% events versus 8% in the experimental arms.",
]
_SETTING = [
    "In the PANTHER basket study, 40% responded. The ORYX platform trialists reported it.",
    "The NSABP adjuvant trial and the ECOG-ACRIN randomized trial enrolled 300 patients.",
    "In the HER2 basket study and the ALTAIR-2 adjuvant trial; the ORBIT-7 randomized trials.",
    "the PANTHER basket studying\nthe PANTHER basket study",
    "The\tHERA adjuvant\ttrial, the NeoALTTO-3 neoadjuvant study_ and the KEYNOTE pilot trial.",
]
_TITLES = [
    "Trastuzumab in early breast cancer: 5-year update of ORCA-R\n\nBody.",
    "Primary results from KORVEL-3",
    "Final overall survival analysis of the SOPHIA trial: update of CTCAE-5",
    "x" * 75 + " update of ORCA-R",
    "x" * 81 + " of ORCA-R",
    "x" * 200 + " results from\tKORVEL-3",
    "Results of\tORCA-R",
    "",
    "No report word here: MERIDA-2",
]


def _sentences() -> list[str]:
    out = []
    for text in gold_texts():
        out += [text[a:b] for a, b in sentence_spans(text)]
    return out


class _OpenLast:
    """A ``GateSet`` stand-in answering as ``gates`` does, but always True for the last gate:
    the plain form, which asked no sentence gate before that rule."""

    def __init__(self, gates) -> None:
        self._gates = gates

    def read(self, low, start, end):
        out = self._gates.read(low, start, end)
        out[-1] = True
        return out


@pytest.fixture(scope="module")
def read_texts(nlp):
    """Each gold text and edge case with its sentences and drug hits, read once."""
    out = []
    for text in gold_texts() + _ROUTES + _LABELS:
        state = nlp(text)._.her2
        out.append((text, [tuple(x) for x in state["sentences"]], _hits(state, "drugs")))
    return out


def _arms_read(text, sentences, drug_hits) -> list[tuple]:
    reg = build_registry(text, sentences, drug_hits, lower_same_length(text))
    return [(a.name, sorted(a.labels), sorted(a.drugs)) for a in reg.arms]


# --- the route-twin sentence gate -----------------------------------------------------------------


def test_route_sentence_gate_is_exact(read_texts, monkeypatch):
    """The arms every gold text and route edge case defines are those the plain form (the
    route-twin rule tried in every sentence) defines."""
    gated = [_arms_read(*t) for t in read_texts]
    monkeypatch.setattr(arms_design, "_DESIGN_GATES", _OpenLast(arms_design._DESIGN_GATES))
    plain = [_arms_read(*t) for t in read_texts]
    assert gated == plain
    routed = [a for arms_ in gated for a in arms_ if "sc" in a[1] or "iv" in a[1]]
    assert len(routed) >= 4


def test_route_gate_skips_sentences_without_route_words(nlp, monkeypatch):
    """Negative: no ``_route_twin`` call in a design with no route word, though its two
    regimens give the same drugs."""
    calls = []
    real = arms_design._route_twin

    def recording(*args):
        calls.append(args)
        return real(*args)

    monkeypatch.setattr(arms_design, "_route_twin", recording)
    text = _ROUTES[-1].replace("paclitaxel", "docetaxel")
    state = nlp(text)._.her2
    build_registry(text, [tuple(x) for x in state["sentences"]], _hits(state, "drugs"))
    assert calls == []


# --- the elided-label gate of arm_refs ------------------------------------------------------------


def _refs_read(text, sentences, drug_hits) -> list[tuple]:
    low = lower_same_length(text)
    reg = build_registry(text, sentences, drug_hits, low)
    return [
        (r.start, r.end, getattr(r.arm, "name", r.arm))  # (an arm, a choice's name, or None)
        for s, e in sentences
        for r in arm_refs(text, s, e, drug_hits, reg, low=low)
    ]


def test_elided_label_gate_is_exact(read_texts, monkeypatch):
    """``arm_refs`` finds, in every sentence of the gold texts and the label edge cases, the
    references the plain form (the elided-label test at every plural group word) finds."""
    gated = [_refs_read(*t) for t in read_texts]
    monkeypatch.setattr(arms_refs, "_REF_GATES", _OpenLast(arms_refs._REF_GATES))
    assert gated == [_refs_read(*t) for t in read_texts]
    assert sum(len(g) for g in gated) > 100


# --- the setting-word name search before its noun test --------------------------------------------


def _named_before_setting_word_plain(text: str, found: list[int]) -> list[re.Match[str]]:
    out = []
    for q in found:
        if not text[q - 1 : q].isspace():
            continue
        if trials_context._NOUN_WORD.match(text, q) is None:
            continue
        m = trials_context._NAME_BEFORE_SETTING_WORD.search(text, max(0, q - 60), q)
        if m is not None and trials_context._setting_word_name(m.group(1)):
            out.append(m)
    return out


def test_setting_word_names_are_the_plain_ones():
    """``_named_before_setting_word`` yields the matches its plain order (noun test first)
    does on every gold text and setting-word edge case."""
    found_names = set()
    for text in gold_texts() + _SETTING:
        found = literal_starts(text, ("trial", "study"))
        want = [(m.span(), m.group(1)) for m in _named_before_setting_word_plain(text, found)]
        got = [
            (m.span(), m.group(1)) for m in trials_context._named_before_setting_word(text, found)
        ]
        assert got == want
        found_names |= {name for _, name in got}
    assert {"PANTHER", "ALTAIR-2"} <= found_names
    assert not found_names & {"NSABP", "HER2"}


# --- the report-tail title gate -------------------------------------------------------------------


def _title_report_tail_plain(text: str) -> list[tuple]:
    newline = text.find("\n")
    title = text if newline < 0 else text[:newline]
    tail = max(0, len(title) - 80)
    if title.find(" of ", tail) < 0 and title.find(" from ", tail) < 0:
        return []
    m = trials_titles._REPORT_TAIL_NAME.search(title, tail)
    if m is None or not trials_names._title_name(m.group(1)):
        return []
    return [(m.start(1), m.end(1), m.group(1))]


def test_report_tail_gate_is_exact():
    """``_title_report_tail`` finds what its plain form finds for every gold text and title
    edge case (titles of 79-81 characters and longer, a tab before the name)."""
    names = set()
    for text in gold_texts() + _TITLES:
        got = [(h.start, h.end, h.text) for h in trials_titles._title_report_tail(text)]
        assert got == _title_report_tail_plain(text)
        names |= {g[2] for g in got}
    assert {"ORCA-R", "KORVEL-3"} <= names
    assert "CTCAE-5" not in names


# --- the plural-generic gate ----------------------------------------------------------------------


def _plural_generic_plain(text: str, s: int, e: int) -> list[tuple]:
    if all(text.find(w, s, e) < 0 for w in ("groups", "arms", "cohorts")):
        return []
    return [(m.start(), m.end()) for m in arms_mentions._PLURAL_GENERIC.finditer(text, s, e)]


def test_plural_generic_gate_is_exact():
    """``_plural_generic_refs`` reads what its plain form reads in every gold sentence and in
    plural generic names, whole and cut by the window."""
    edge = [
        "in the monotherapy groups and the combination arms",
        "the combination cohorts vs the MONOTHERAPY GROUPS",
        "the combination arm",
    ]
    hits = 0
    for s in _sentences() + edge:
        for a, b in ((0, len(s)), (4, len(s) - 3)):
            got = [(r.start, r.end) for r in arms_mentions._plural_generic_refs(s, a, b)]
            assert got == _plural_generic_plain(s, a, b)
            hits += len(got)
    assert hits >= 3
