"""Speed pass r40: more of the cost of pipelines 0.3.48-0.3.66 won back. The faster forms give
exactly what their plain versions (kept here as references) give: the sign gate of the number
atoms as ``in`` tests (a regex only where a hyphen is), the "NAME was a ... trial" reader gated
by a search for its end only, and the short forms a bracket follows tested for capitals first."""

from __future__ import annotations

import re

from gold_data import gold_texts

# ``long_forms_after_shorts`` before the speed passes (one reference copy, in round 36's test)
from test_extract_speed_r36 import _long_forms_plain

from her2mine.extract.components import _hits
from her2mine.extract.drugs.definitions import _SHORT_FORM_TEXT, long_forms_after_shorts
from her2mine.extract.fastre import literal_starts
from her2mine.extract.numbers import atoms
from her2mine.extract.sentences import sentence_spans
from her2mine.extract.trials import context as trials_context
from her2mine.extract.trials import names as trials_names

# Signs of every kind, at the text's edges, after brackets and blanks; hyphens inside words.
_SIGNS = [
    "fell within ±15%", "above −12%", "a margin (-10%)", "[-3.2 to 4.1]", "-15% and +15%",
    "HER2+ 45%", "10-15%", "HER2-positive", "x\t-1", "x\n-1", "-", " -", "(-", "[-", "a-b",
    "+", "±", "−", "", "no sign here", "x\u00a0-2", "\u2003-5", "end -",
]  # fmt: skip
# "NAME was a ... trial" in every shape: appositives, brackets after the name, tabs, many
# design words, lower-case articles after "Was"/"IS", and windows without a name.
_SUBJECTS = [
    "IMpassion050 was a double-blind phase 3 trial of atezolizumab.",
    "ROSET-BM is a multicentre retrospective study. In NeoPHOEBE, a randomised phase 2 study,",
    "KATHERINE (NCT01772472) was a randomized, open-label, phase III trial; HER2CLIMB\tis\ta\t"
    "pivotal trial. In NSCLC, a phase 3 trial showed. In HER2-positive BCBM, a phase 2 study, x",
    "The drug Was a trial; it IS an open-label study; APHINITY, an international study, enrolled",
    "DESTINY-Breast03,  a  randomised,  open-label,  multicentre,  phase 3,  pivotal  trial, was",
    "was a trial. , a study. is an study. x was  a\tphase 2 trial",
]


def _sentences() -> list[str]:
    out = []
    for text in gold_texts():
        out += [text[a:b] for a, b in sentence_spans(text)]
    return out


# --- the sign gate of the number atoms -----------------------------------------------------------

_SIGN_GATE_PLAIN = re.compile(r"[±−+]|[\s(\[]-")


def test_sign_gate_is_the_plain_search():
    """``_may_hold_sign`` is ``_SIGN_GATE_PLAIN.search(low) is not None`` on every gold
    sentence (and its lower case) and every edge case."""
    held = 0
    for s in _sentences() + _SIGNS:
        for low in (s, s.lower()):
            want = _SIGN_GATE_PLAIN.search(low) is not None
            assert atoms._may_hold_sign(low) == want
            held += want
    assert held >= 20


def test_sign_gate_negatives():
    """A hyphen inside a word or after a digit, and a text without signs, hold none."""
    for low in ("her2-positive", "10-15%", "a-b", "", "p=0.04"):
        assert not atoms._may_hold_sign(low)


# --- "NAME was a ... trial": the reader's end first ----------------------------------------------


def _named_as_subject_plain(text: str, found: list[int]) -> list[tuple[int, int]]:
    out = []
    for q in found:
        window = text[max(0, q - 120) : q]
        if " a " not in window and " an " not in window and "\t" not in window:
            continue
        m = trials_context._NAME_AS_SUBJECT.search(text, max(0, q - 120), q)
        if m is None or not trials_names._acronym_name(m.group(1)):
            continue
        if m.group(2) is None or trials_context._appositive_head(text, q, m.start(1)):
            out.append(m.span())
    return out


def test_named_as_subject_behind_the_tail_gate_is_the_plain_reader():
    """``_named_as_subject`` (gated by ``_SUBJECT_TAIL``) gives what the plain reader gives."""
    found = 0
    for text in gold_texts() + _SUBJECTS:
        starts = literal_starts(text, ("trial", "study"))
        want = _named_as_subject_plain(text, starts)
        assert [m.span() for m in trials_context._named_as_subject(text, starts)] == want
        found += len(want)
    assert found >= 5


def test_subject_tail_is_found_wherever_the_reader_matches():
    """Exact as a gate: every window in which ``_NAME_AS_SUBJECT`` matches holds a
    ``_SUBJECT_TAIL`` match (and most windows before "trial"/"study" hold none)."""
    windows = tails = 0
    for text in gold_texts() + _SUBJECTS:
        for q in literal_starts(text, ("trial", "study")):
            a = max(0, q - 120)
            tail = trials_context._SUBJECT_TAIL.search(text, a, q) is not None
            if trials_context._NAME_AS_SUBJECT.search(text, a, q) is not None:
                assert tail
            windows += 1
            tails += tail
    assert 0 < tails < windows / 2


# --- lexicon short forms a bracket follows: capitals first ---------------------------------------


_BRACKETS = [
    "THP (pirarubicin) 50 mg/m2 was given with HP (plus docetaxel) and TC(docetaxel and "
    "cyclophosphamide) or EC (epirubicin",
    "(THP) was given; docetaxel (T) and trastuzumab (H) then AC (doxorubicin, cyclophosphamide)",
    "T-DM1 (trastuzumab emtansine) and 5-FU (fluorouracil); Thp (pirarubicin); FEC-100 (x)",
]


def test_long_forms_after_shorts_are_the_plain_reading(nlp):
    """``long_forms_after_shorts`` (capitals tested first) gives what testing every hit gives."""
    found = 0
    for text in gold_texts() + _BRACKETS:
        hits = _hits(nlp(text)._.her2, "drugs")
        want = _long_forms_plain(text, hits)
        assert long_forms_after_shorts(text, hits) == want
        found += len(want)
    assert found >= 1


def test_every_short_form_text_is_upper_case(nlp):
    """The capitals test is exact: every gold mention that ``_SHORT_FORM_TEXT`` matches is upper
    case (so a hit that is not holds no short form); negative: mixed case is neither."""
    matched = 0
    for text in gold_texts() + _BRACKETS:
        for h in _hits(nlp(text)._.her2, "drugs"):
            if _SHORT_FORM_TEXT.fullmatch(h.text):
                assert h.text.isupper()
                matched += 1
    assert matched >= 10
    for s in ("Thp", "CapOx", "trastuzumab"):
        assert not s.isupper() and not _SHORT_FORM_TEXT.fullmatch(s)
