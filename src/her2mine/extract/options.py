"""Per-patient options written without brackets: "trastuzumab plus docetaxel or paclitaxel".

Drugs of one class joined by "or" right after a regimen joiner are a choice made per patient,
as in "trastuzumab plus a taxane (docetaxel or paclitaxel)": the arm is the regimen without
them. Readers of regimens (bracket definitions, the design reader, arm references) get the run
as one class mention, which is how they already read "plus a taxane".
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from her2mine.extract.hits import Hit
from her2mine.extract.regimens import CHAIN_KINDS, SEQUENCE_WORDS, gap_kind, without_schedules

# Between two options: "A or B", "A, B, or C", "A, B or C".
_OPTION_GAP = re.compile(r"\s+or\s+|\s*,\s*(?:or\s+)?", re.I)
_OR_OR_COMMA = re.compile(r",|\bor\b", re.I)  # every _OPTION_GAP match holds one
_SEQUENCE = re.compile(rf"\b{SEQUENCE_WORDS}\b", re.I)


def mention_classes(hits: list[Hit], class_of: Mapping[str, str]) -> list[str | None]:
    """Each mention's class when it is a single drug (None otherwise): a run needs two
    neighbouring mentions of one class, which most mentions (and texts) lack. (``map`` looks
    the classes up without a Python-level call per mention)"""
    single = [h.drugs[0] if h.kind == "drug" and len(h.drugs) == 1 else None for h in hits]
    return list(map(class_of.get, single))


def option_runs(
    text: str,
    hits: list[Hit],
    class_of: Mapping[str, str],
    classes: list[str | None] | None = None,
) -> list[tuple[int, int]]:
    """(first, last) indexes into ``hits`` (sorted by start) of each run of options: two or
    more single drugs, all different and of one class, joined by "or" (commas allowed before
    it), right after a strong regimen joiner ("plus", "with", "+", ...) and not followed by a
    drug given with the last one ("A plus B or C plus D" names two arms). ``classes``:
    ``mention_classes(hits, class_of)`` if the caller has it."""
    n = len(hits)
    if classes is None:
        classes = mention_classes(hits, class_of)
    runs = []
    i = 1
    while i < n - 1:
        cls = classes[i]
        if cls is None or classes[i + 1] != cls or hits[i + 1].drugs[0] == hits[i].drugs[0]:
            # no option run starts here (_run_end would return i): most neighbours of one class
            # are the same drug written twice ("trastuzumab ... trastuzumab"), no options
            i += 1
            continue
        j = _run_end(text, hits, classes, i)
        before = hits[i - 1]
        if (
            j > i
            and before.kind in CHAIN_KINDS
            and gap_kind(text[before.end : hits[i].start]) == "strong"
            and not _joined_to_next(text, hits, j)
            and not _names_design_arms(text, hits, i, j)
        ):
            runs.append((i, j))
            i = j + 1
            continue
        i += 1
    return runs


# A randomisation sentence: the run's options are the arms when nothing else names one.
_RANDOMISED = re.compile(r"\b(?:randomi[sz]\w*|randomly|assign\w*|allocat\w*)\b", re.I)
_SENTENCE_BREAK = re.compile(r"[.!?]\s|\n")
# Words that name or join another arm ("... or observation", "with or without", "versus").
_OTHER_ARM = re.compile(
    r"\b(?:or|versus|vs|compared|alone|observation|control|placebo|either|each)\b", re.I
)


def _names_design_arms(text: str, hits: list[Hit], i: int, j: int) -> bool:
    """Whether the options ``hits[i..j]`` are the arms of a randomisation sentence: "randomly
    assigned to trastuzumab plus docetaxel or vinorelbine" names two arms (the backbone with
    each option; ``backbones.shared_backbone`` reads that), as read as options the design
    would have a single arm. Only when the sentence holds nothing but that one regimen: no
    other drug mention, and no other arm named or joined without one ("or observation")."""
    a = text.rfind("\n", 0, hits[i].start) + 1
    for m in _SENTENCE_BREAK.finditer(text, a, hits[i].start):
        a = m.end()
    stop = _SENTENCE_BREAK.search(text, hits[j].end)
    b = stop.start() if stop else len(text)
    k = i - 1  # the backbone: the mentions chained before the run, back to the sentence start
    while k > 0 and hits[k - 1].start >= a and _strong(text, hits[k - 1], hits[k]):
        k -= 1
    first = hits[k]
    if any(h.kind not in ("drug", "regimen") for h in hits[k:i]):
        return False
    if k > 0 and hits[k - 1].start >= a or j + 1 < len(hits) and hits[j + 1].start < b:
        return False  # another mention in the sentence
    cue = _RANDOMISED.search(text, a, first.start)
    if cue is None:
        return False
    outside = text[a : hits[i].start] + " " + text[hits[j].end : b]
    return _OTHER_ARM.search(outside) is None


def _repeats_partner(hits: list[Hit], i: int, j: int) -> bool:
    """Whether an option of ``hits[i..j]`` is the drug it would be given with: "docetaxel plus
    capecitabine, or docetaxel followed by capecitabine" lists two regimens (a patient cannot
    get docetaxel plus docetaxel), not "docetaxel plus capecitabine or docetaxel"."""
    partner = hits[i - 1].drugs
    return bool(partner) and any(d in partner for h in hits[i : j + 1] for d in h.drugs)


def _strong(text: str, a: Hit, b: Hit) -> bool:
    return gap_kind(text[a.end : b.start]) == "strong"


def _joined_to_next(text: str, hits: list[Hit], j: int) -> bool:
    """Whether ``hits[j]`` is given together with the mention after it ("C plus D")."""
    if j + 1 >= len(hits) or hits[j + 1].kind not in CHAIN_KINDS:
        return False
    gap = text[hits[j].end : hits[j + 1].start]
    return gap_kind(gap) == "strong" and _SEQUENCE.search(gap) is None


def _run_end(text: str, hits: list[Hit], classes: list[str | None], i: int) -> int:
    """The index of the last option of a run starting at ``hits[i]`` (``i`` if none);
    ``classes[k]`` is the class of ``hits[k]`` if it is a single drug, else None."""
    cls = classes[i]
    if cls is None:
        return i
    seen = {hits[i].drugs[0]}
    j, said_or = i, False
    while j + 1 < len(hits):
        if classes[j + 1] != cls:
            break
        nxt = hits[j + 1]
        if nxt.drugs[0] in seen:
            break  # (tested before the gap is read: it ends the run whatever the gap)
        a, b = hits[j].end, nxt.start
        gap = _OPTION_GAP.fullmatch(text, a, b)
        if gap is None and b - a <= 60 and _OR_OR_COMMA.search(text, a, b) is not None:
            gap = _option_gap_without_schedules(text, a, b)  # only where it can matter: costs
        if gap is None:
            break
        said_or = said_or or "or" in gap.group(0).lower()
        seen.add(nxt.drugs[0])
        j += 1
        if said_or:
            last = j
    return last if said_or else i


def _option_gap_without_schedules(text: str, a: int, b: int) -> re.Match[str] | None:
    """The "or" / comma between two options once dose and schedule phrases are set aside
    ("anastrozole 1 mg or letrozole 2.5 mg daily"), or None."""
    gap = without_schedules(text[a:b])
    return _OPTION_GAP.fullmatch(gap) if gap != text[a:b] else None


# Classes whose drugs a regimen may offer as a choice before their partner ("docetaxel or
# paclitaxel plus trastuzumab", "letrozole or anastrozole plus lapatinib"); anti-HER2 drugs
# written so are arms of their own ("neratinib or lapatinib plus capecitabine").
_LEADING_CHOICE_CLASSES = frozenset({"chemotherapy", "endocrine"})


def leading_option_runs(
    text: str,
    hits: list[Hit],
    class_of: Mapping[str, str],
    classes: list[str | None] | None = None,
) -> list[tuple[int, int]]:
    """(first, last) indexes into ``hits`` of each run of options that opens a regimen and is
    followed by its partner: "docetaxel or paclitaxel plus trastuzumab" is trastuzumab with a
    taxane chosen per patient, as "trastuzumab plus docetaxel or paclitaxel" is. Only runs of
    chemotherapy or endocrine drugs, with no joiner before the run, a partner of another class
    joined by "plus"/"with" after it, and a sentence that names another arm (with nothing else,
    "randomly assigned to docetaxel or vinorelbine plus trastuzumab" may list two arms, as
    ``_names_design_arms`` reads the run after its partner). ``classes``: as for
    ``option_runs``."""
    n = len(hits)
    if classes is None:
        classes = mention_classes(hits, class_of)
    runs = []
    i = 0
    while i < n - 1:
        cls = classes[i]
        if cls not in _LEADING_CHOICE_CLASSES or classes[i + 1] != cls:
            i += 1  # (most mentions: no run starts here)
            continue
        j = _run_end(text, hits, classes, i)
        if (
            j > i
            and (i == 0 or gap_kind(text[hits[i - 1].end : hits[i].start]) not in _JOINED)
            and not _inside_list(text, hits, classes, i)
            and (
                _before_partner(text, hits, classes, i, j)
                or _same_choice_alone(text, hits, runs, i, j)
            )
        ):
            runs.append((i, j))
            i = j + 1
            continue
        i += 1
    return runs


def _inside_list(text: str, hits: list[Hit], classes: list[str | None], i: int) -> bool:
    """Whether ``hits[i]`` continues a list of its class begun before it: "A, B or C, each given
    with D" whose whole run the design named as its arms is no run again from B (round 92a)."""
    return (
        i > 0
        and classes[i - 1] == classes[i]
        and _OPTION_GAP.fullmatch(text, hits[i - 1].end, hits[i].start) is not None
    )


def _before_partner(text: str, hits: list[Hit], classes: list[str | None], i: int, j: int) -> bool:
    """Whether the options ``hits[i..j]`` are given with a partner of another class after
    them, in a sentence that names another arm (``_sole_design_regimen``)."""
    return (
        _joined_to_next(text, hits, j)
        and hits[j + 1].kind == "drug"
        and classes[j + 1] not in (None, classes[i])
        and not _sole_design_regimen(text, hits, i, j)
    )


def _same_choice_alone(
    text: str, hits: list[Hit], runs: list[tuple[int, int]], i: int, j: int
) -> bool:
    """Whether the options ``hits[i..j]`` are given "alone" and the choice an earlier run
    offered with its partner: "anastrozole or letrozole plus trastuzumab, or anastrozole or
    letrozole alone" is the class-only control arm, as "an AI plus X or an AI alone" is."""
    if not runs or _ALONE_AFTER.match(text, hits[j].end) is None:
        return False
    drugs = {h.drugs[0] for h in hits[i : j + 1]}
    a, b = runs[-1]
    return drugs == {h.drugs[0] for h in hits[a : b + 1]}


_ALONE_AFTER = re.compile(r"\s+alone\b", re.I)


_JOINED = ("strong", "weak")


def _sole_design_regimen(text: str, hits: list[Hit], i: int, j: int) -> bool:
    """Whether the leading options ``hits[i..j]`` and the partners chained after them are all a
    randomisation sentence names (no other mention, no other arm named or joined without one):
    then the options may be the arms (the partner given with each)."""
    a, b = _sentence_around(text, hits[i].start, hits[j].end)
    if i > 0 and hits[i - 1].start >= a:
        return False  # (no joiner before the run: another mention is another arm)
    m = j + 1
    while m + 1 < len(hits) and hits[m + 1].start < b and _strong(text, hits[m], hits[m + 1]):
        m += 1
    if m + 1 < len(hits) and hits[m + 1].start < b:
        return False
    if _RANDOMISED.search(text, a, hits[i].start) is None:
        return False
    outside = text[a : hits[i].start] + " " + text[hits[m].end : b]
    return _OTHER_ARM.search(outside) is None


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence (or line) holding [start, end)."""
    a = text.rfind("\n", 0, start) + 1
    for m in _SENTENCE_BREAK.finditer(text, a, start):
        a = m.end()
    stop = _SENTENCE_BREAK.search(text, end)
    return a, stop.start() if stop else len(text)


def options_as_class(text: str, hits: list[Hit], class_of: Mapping[str, str]) -> list[Hit]:
    """``hits`` (sorted by start) with each run of ``option_runs`` (and of
    ``leading_option_runs``) replaced by one class mention spanning it (no drugs); ``hits``
    itself if there is none. A run that repeats the drug it would be given with is no options
    (``_repeats_partner``)."""
    classes = mention_classes(hits, class_of)  # (read once for both kinds of run)
    runs = option_runs(text, hits, class_of, classes)
    if runs:
        runs = [(i, j) for i, j in runs if not _repeats_partner(hits, i, j)]
    leading = leading_option_runs(text, hits, class_of, classes)
    if leading:
        taken = {k for i, j in runs for k in range(i, j + 1)}
        runs = sorted(runs + [(i, j) for i, j in leading if i not in taken and j not in taken])
    if not runs:
        return hits
    out: list[Hit] = []
    k = 0
    for first, last in runs:
        out += hits[k:first]
        a, b = hits[first].start, hits[last].end
        out.append(Hit("class", a, b, text[a:b], class_of[hits[first].drugs[0]], [], "options"))
        k = last + 1
    return out + hits[k:]
