"""Prior and later lines of therapy in design sentences: a regimen after "previously treated
with", "after progression on", or a later line ("followed at progression by") is the patients'
history or future, not an arm of the comparison.
"""

from __future__ import annotations

import re

from her2mine.extract.arms.patterns import _PRIOR_CLASS_END, _PRIOR_END, _PRIOR_GATE
from her2mine.extract.fastre import WordGate, last_match
from her2mine.extract.hits import Hit
from her2mine.extract.regimens import Regimen


def _prior(text: str, low: str | None, s: int, pos: int) -> bool:
    """A _PRIOR phrase ("previously treated with", "after") just before ``pos``."""
    a = max(s, pos - 60)
    return (
        _prior_phrase_ends(text, low, a, pos, _PRIOR_END)
        and not _organ_failure_only(text, a, pos)
        and not _timed_assignment(text, s, pos)
    )


# "were randomly assigned (1:1) after surgery to A", "randomised after completion of neoadjuvant
# therapy to A", "assigned at progression to A": a time phrase between the assignment verb and
# its "to" times the assignment and names no prior therapy (unlike "patients who had received
# A after surgery were randomly assigned to B", where it comes before the verb). The phrase ends
# in no word that makes its "to" a therapy's ("after exposure to trastuzumab").
_TIMED_ASSIGNMENT = re.compile(
    r"\b(?:assigned|randomi[sz]ed|allocated)\s*(?:\([^()]*\)\s*)?,?\s*"
    r"(?:after|following|at|upon)\s+[^;:()]{1,60}?"
    r"(?<!exposure)(?<!exposed)(?<!refractory)(?<!resistant)(?<!intolerance)(?<!intolerant)"
    r"(?<!sensitive)\s+to\s+",
    re.I,
)


# "assigned after resistance to trastuzumab to A", "following an inadequate response to
# trastuzumab-based therapy to A": a therapy followed by the assignment's own "to" was the
# time phrase's object, a prior therapy (words the lookbehinds above cannot all list: "at
# progression to A" times the assignment, "after progression to trastuzumab to A" does not).
_THERAPY_THEN_TO = re.compile(
    r"[\w/+-]+(?:\s+(?!(?:or|and|versus|vs|plus|with|for|to)\b)[\w/+-]+){0,3}\s+to\s+(?!be\b)",
    re.I,
)


def _timed_assignment(text: str, s: int, pos: int) -> bool:
    """Whether the prior phrase before ``pos`` is the time of an assignment whose "to" leads to
    ``pos`` (``_TIMED_ASSIGNMENT``, in sentence ``s``), with no prior phrase after the "to"
    and no second "to" after the therapy at ``pos`` (``_THERAPY_THEN_TO``)."""
    a = max(s, pos - 160)
    if text.find(" to ", a, pos) < 0:
        return False
    m = last_match(_TIMED_ASSIGNMENT, text, a, pos)
    return (
        m is not None
        and _PRIOR_END.match(text, m.end(), pos) is None
        and _THERAPY_THEN_TO.match(text, pos) is None
    )


# "rates of congestive heart failure were higher with AC-TH": an organ's failure is an adverse
# event the regimen caused, not a treatment failure the patients had before.
_ORGAN_FAILURE = re.compile(
    r"\b(?:heart|cardiac|renal|kidney|liver|hepatic|respiratory|ovarian|organ)\s+failures?\b",
    re.I,
)


def _organ_failure_only(text: str, a: int, b: int) -> bool:
    """Whether the prior phrase ``_PRIOR_END`` finds in ``text[a:b]`` is only an organ's
    failure ("congestive heart failure ... with X"): with those blanked out, none is left."""
    window = text[a:b]
    if "ailure" not in window:
        return False
    blanked = _ORGAN_FAILURE.sub(lambda m: " " * len(m.group(0)), window)
    return blanked != window and _PRIOR_END.match(blanked, 0, len(blanked)) is None


def _prior_phrase_ends(text: str, low: str | None, a: int, b: int, end_re: re.Pattern[str]) -> bool:
    """Whether ``text[a:b]`` ends in a prior-therapy phrase (``end_re``: the phrase alone, or
    with a therapy class after it) that does not go on to say patients were assigned."""
    return (
        _PRIOR_GATE.may_hold(low, a, b)
        and end_re.match(text, a, b) is not None
        and _ASSIGNED_AFTER_PRIOR.search(text, a, b) is None
        and not _assigned_after_prior(text, a, b)
    )


# "trastuzumab-refractory disease", "pertuzumab-naive patients": the drug names a therapy the
# patients had (or had not) before, not an arm.
_PRIOR_SUFFIX = re.compile(
    r"[-‐‑\s](naive|naïve|pre-?treated|refractory|resistant|exposed|experienced|intolerant)\b",
    re.I,
)


# "randomly assigned to A (arm A) or B (arm B) as first line, with B (arm A) or A (arm B) at
# progression": the treatment of a later line (the clause that "with" / "then" / "followed by" or
# else a comma opens before "at progression" / "as second line") is no arm of the first-line
# design, nor part of one.
_LATER_LINE = re.compile(
    r"\s*(?:at|upon|on|after)\s+(?:disease\s+)?progression\b"
    # ("after progression on trastuzumab" is the prior line, not a later one)
    r"(?!\s+(?:on|with|after|during|following|to|of)\b)|\s*as\s+second[-\s]line\b",
    re.I,
)
_LATER_LINE_GATE = WordGate(
    ("at progression", "upon progression", "on progression", "after progression", "second")
)


def _without_later_line(text: str, s: int, e: int, regs: list[Regimen]) -> list[Regimen]:
    """``regs`` less those in a later-line clause (``_LATER_LINE`` right after the clause's last
    regimen or its bracket), when regimens of the design remain before that clause. The clause
    opens at ``_LATER_OPENER`` ("followed by", ", with", ", then"), and only the regimens from
    there up to the trigger are dropped (``_later_clause_start``)."""
    for k in range(len(regs) - 1, 0, -1):
        end = regs[k].end
        if text.startswith(" (", end):  # "(arm B) at progression": past the label bracket
            close = text.find(")", end, e)
            end = close + 1 if close >= 0 else end
        if _LATER_LINE.match(text, end, e) is None:
            continue
        j = _later_clause_start(text, regs, k)
        if j > 0:
            return regs[:j] + [r for r in regs if r.start > end]
        return regs
    return regs


# What opens a later-line clause: "docetaxel alone followed by trastuzumab at progression",
# "A or B, with T-DM1 at progression", "letrozole, with crossover to lapatinib upon progression".
_LATER_OPENER = re.compile(r"\b(?:with|then|followed\s+by)\b", re.I)
# A comma before "or" separates the design's arms, not a later line from its first line.
_ARM_SEPARATOR = re.compile(r"[,;]\s*or\b", re.I)
_BRACKETED = re.compile(r"\([^()]*\)")


def _later_clause_start(text: str, regs: list[Regimen], k: int) -> int:
    """Index of the first regimen of the later-line clause that ends with ``regs[k]``: walking
    back over the gaps between regimens (brackets left out; never past one holding ", or": the
    comma between arms) to the gap holding ``_LATER_OPENER`` or else a comma or semicolon ("...
    or docetaxel alone, crossing over to trastuzumab at progression"); 0 (nothing to drop) when
    no gap does. The regimen before the opener ("docetaxel alone followed by ...") stays an
    arm."""
    for j in range(k, 0, -1):
        gap = _BRACKETED.sub("", text[regs[j - 1].end : regs[j].start])
        if _LATER_OPENER.search(gap):
            return j
        if _ARM_SEPARATOR.search(gap):
            return 0
        if "," in gap or ";" in gap:
            return j  # "B alone, crossing over to C at progression": the clause's own comma
    return 0


def _without_prior_regimens(
    text: str, low: str | None, s: int, e: int, regs: list[Regimen]
) -> list[Regimen]:
    """``regs`` (regimens of sentence [s, e)) less those ``_prior_regimen`` finds."""
    if not regs:
        return regs
    prior_words = _PRIOR_GATE.may_hold(low, s, e)
    completed = _COMPLETED_GATE.may_hold(text, s, e)
    return [r for r in regs if not _is_prior(text, low, s, r, prior_words, completed)]


def _is_prior(
    text: str, low: str | None, s: int, r: Regimen, prior_words: bool, completed: bool = True
) -> bool:
    """``_prior_regimen`` for regimen ``r`` of sentence ``s``; ``prior_words``: whether the
    sentence holds a _PRIOR_GATE word. Without one, neither a prior phrase before the regimen
    nor one before its class (``_prior``, ``_prior_example``: windows inside the sentence) can
    match, only a suffix. ``completed``: False if the sentence (up to the regimen) holds no
    "omplete" (``_COMPLETED_GATE``), which ``_completed_before`` needs."""
    if prior_words:
        return _prior_regimen(text, low, s, r)
    return _PRIOR_SUFFIX.match(text, r.end) is not None or (
        completed and _completed_before(text, s, r.start)
    )


def _prior_regimen(text: str, low: str | None, s: int, r: Regimen) -> bool:
    """Whether regimen ``r`` names a therapy given before: a prior phrase before it
    ("previously treated with X") or a prior-therapy word after it ("X-refractory")."""
    return (
        _prior(text, low, s, r.start)
        or _PRIOR_SUFFIX.match(text, r.end) is not None
        or _prior_example(text, low, s, r.start)
        or _completed_before(text, s, r.start)
    )


# "patients who had completed trastuzumab", "who completed 1 year of adjuvant trastuzumab",
# "who had completed neoadjuvant and adjuvant chemotherapy plus trastuzumab", "having completed
# a course of trastuzumab": the drug the phrase runs into is a therapy the patients had before
# (ExteNET), not an arm. Up to eight words may stand between, unless a clause break or a verb
# stops them ("who had completed chemotherapy were randomly assigned to trastuzumab"; "who
# completed chemotherapy received trastuzumab"): unlike the _PRIOR phrases, the phrase reaches
# no further. A verb: a word in -ed/-ing (not an adjective such as "combined", "containing"), a
# form of "be"/"have", or "to"/"then"/"before" leading to what comes next.
_COMPLETED_STOP = (
    r"(?!(?:planned|combined|targeted|based|extended|prolonged|approved|recommended|scheduled|"
    r"including|containing)(?![\w-]))"
    r"(?:[a-z]+(?:ed|ing)|were|was|is|are|be|been|had|has|have|then|to|before|until|versus|vs)"
    r"(?![\w-])"
)
_COMPLETED_END = re.compile(
    r"\b(?:who\s+(?:had\s+)?|having\s+|had\s+)completed\s+"
    rf"(?:(?!{_COMPLETED_STOP})[^\s,;:]+\s+){{0,8}}$",
    re.I,
)


# The literal ``_completed_before`` finds first (asked about the text itself, case-sensitive).
_COMPLETED_GATE = WordGate(("omplete",))


def _completed_before(text: str, s: int, pos: int) -> bool:
    """Whether a "who had completed" phrase (``_COMPLETED_END``) runs into ``pos``."""
    a = max(s, pos - 120)
    return text.find("omplete", a, pos) >= 0 and _COMPLETED_END.search(text, a, pos) is not None


# "previously treated with a HER2-directed antibody-drug conjugate such as trastuzumab
# deruxtecan", "progressed on two lines of anti-HER2 therapy including T-DM1": a drug named as
# an example of a prior therapy is prior therapy too, however long the class's name before it
# (_PRIOR reaches 40 characters). The class must follow the prior phrase in one run of words
# (no comma, bracket or full stop between them).
_EXAMPLE_WORDS = ("such", "includ", "e.g", "example", "namely")
_EXAMPLE_GATE = WordGate(_EXAMPLE_WORDS)
_EXAMPLE_END = re.compile(
    r"(?:,\s*|\(\s*)?\b(?:such\s+as|including|e\.g\.|for\s+example|namely)[\s,:]*"
    # the examples listed before this one: "such as lapatinib or neratinib"
    r"(?:[\w-]+(?:\s+[\w-]+)?(?:\s*,\s*(?:or\s+|and\s+)?|\s+(?:or|and)\s+)){0,3}$",
    re.I,
)


def _prior_example(text: str, low: str | None, s: int, pos: int) -> bool:
    """Whether the drug at ``pos`` is an example ("such as", "including", "e.g.") of a
    therapy class named right after a prior phrase (see ``_EXAMPLE_END``)."""
    a = max(s, pos - 80)
    if not _EXAMPLE_GATE.may_hold(low, a, pos):
        return False
    m = _EXAMPLE_END.search(text, a, pos)
    if m is None:
        return False
    b = m.start()
    return _prior_phrase_ends(text, low, max(s, b - 100), b, _PRIOR_CLASS_END)


# "97% received pertuzumab", "41% of pts were treated with X": the share of the patients who
# had a drug (inside the arms, or before them), not a group of the design.
_SHARE_RECEIVED_END = re.compile(
    r"\d(?:[.·]\d+)?\s*%\s*(?:of\s+(?:the\s+|all\s+)?(?:pts|patients|participants|women)\s+)?"
    r"(?:had\s+)?(?:received|were\s+treated\s+with|were\s+given)\s+(?:(?:a|an|the|prior)\s+)?\Z"
)


def _share_received(text: str, s: int, r: Regimen) -> bool:
    """Whether regimen ``r`` is what a share of the patients received ("97% received
    pertuzumab"): no arm (see ``_SHARE_RECEIVED_END``)."""
    window = text[max(s, r.start - 60) : r.start]
    return "%" in window and _SHARE_RECEIVED_END.search(window) is not None


# "12.1 months with docetaxel", "45% with paclitaxel": a value's group, written right after it.
_AFTER_VALUE = re.compile(
    r"\d(?:[.·]\d+)?\s*(?:%|months?|weeks?|years?)\s+(?:with|in|for|on)\s+(?:the\s+)?\Z", re.I
)


def _without_options_after_values(
    text: str, s: int, regs: list[Regimen], options: Hit
) -> list[Regimen]:
    """``regs`` less each single mention right after a value that repeats a per-patient option
    the sentence opened with (``options``, the class mention ``options.options_as_class`` made
    of "docetaxel or paclitaxel"): in "patients treated with docetaxel or paclitaxel with
    trastuzumab had a median PFS of 12.1 months with docetaxel and 10.2 months with
    paclitaxel" the values are the option groups of the one arm, no arms of their own."""
    offered = options.text.lower()
    return [
        r
        for r in regs
        if not (
            len(r.hits) == 1
            and r.start > options.end
            and _word_in(r.hits[0].text.lower(), offered)
            and _AFTER_VALUE.search(text, max(s, r.start - 30), r.start)
        )
    ]


def _word_in(word: str, phrase: str) -> bool:
    """Whether ``word`` is written as a whole word in ``phrase``."""
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", phrase) is not None


# "progression after trastuzumab-based therapy to receive A or B": the prior phrase ends with
# the therapy it names; "to receive" then gives the regimen assigned, not one received before.
# (Read only where a _PRIOR phrase matched, so it costs nothing elsewhere.)
_ASSIGNED_AFTER_PRIOR = re.compile(
    r"\b(?:therap(?:y|ies)|treatments?|regimens?)\s+to\s+(?:receive|be\s+(?:treated\s+with|"
    r"given))\s+(?:either\s+)?$",
    re.I,
)
# So does an assignment verb between the two: "progressed after trastuzumab were randomly
# assigned to lapatinib plus capecitabine" (but not "were randomly assigned to neratinib or
# placebo after trastuzumab", where the prior phrase comes after the verb).
_ASSIGNED_VERB = re.compile(
    r"\b(?:were|was)\s+(?:randomly\s+|then\s+)?(?:assigned|randomi[sz]ed|allocated)\b", re.I
)


def _assigned_after_prior(text: str, a: int, pos: int) -> bool:
    """Whether an assignment verb in ``text[a:pos]`` stands after every prior phrase there."""
    last = last_match(_ASSIGNED_VERB, text, a, pos)
    return last is not None and _PRIOR_END.match(text, last.end(), pos) is None


# The verb that ends an assignment's subject; up to two adverbs may stand in it ("were then
# randomly assigned", "were subsequently randomized": review of round 82a).
_SUBJECT_VERB = re.compile(
    r"\b(?:were|was)\s+(?:(?:randomly|then|subsequently)\s+){0,2}"
    r"(?:assigned|randomi[sz]ed|allocated)\b",
    re.I,
)


def subject_end(text: str, s: int, pos: int) -> int:
    """Where the subject of the assignment before ``pos`` ends: after the last assignment
    verb (``_SUBJECT_VERB``) in ``text[s:pos]``, else ``s``. "Patients with no prior
    chemotherapy for advanced disease were randomly assigned to A either alone or with X": the
    subject's history ends at the verb and says nothing of the regimen assigned after it."""
    if text.find(" were ", s, pos) < 0 and text.find(" was ", s, pos) < 0:
        return s
    last = last_match(_SUBJECT_VERB, text, s, pos)
    return s if last is None else last.end()


# "All patients received four cycles of EC and were then randomly assigned to A or B": the
# therapy named before "were then assigned" is a lead-in every patient had before
# randomisation, no arm and no part of one (as later/follow-on phases are kept out).
_THEN_ASSIGNED = re.compile(
    r"\b(?:were|was)\s+then\s+(?:randomly\s+|randomi[sz]ed\s+)?(?:assigned|randomi[sz]ed|"
    r"allocated)\b",
    re.I,
)


def _without_lead_in(
    text: str, s: int, e: int, regs: list[Regimen], lead_in_end: int
) -> list[Regimen]:
    """``regs`` of design sentence [s, e) without those before a "were then randomly
    assigned" (above) or an "all patients received" lead-in's assignment (``lead_in_end``:
    ``lead_in_received`` of the sentence's ``_BOTH`` match, -1 without one), when some
    regimen follows it; unchanged otherwise."""
    m = _then_assigned_at(text, s, e)
    end = m.end() if m is not None else -1
    if m is None and text.find("ll patients", s, e) >= 0:  # (what ``lead_in_received`` needs)
        end = lead_in_end
    if end < 0:
        return regs
    after = [r for r in regs if r.start >= end]
    return after if after and len(after) < len(regs) else regs


def _then_assigned_at(text: str, s: int, e: int) -> re.Match[str] | None:
    """The first "were then randomly assigned" (``_THEN_ASSIGNED``) in [s, e), if any."""
    if text.find(" then ", s, e) < 0:
        return None
    return _THEN_ASSIGNED.search(text, s, e)


# Round 94a: "All patients received six cycles of THP induction; those without progression were
# randomly assigned to A or B", "All patients received THP, after which patients were randomized
# to A or B": what "all patients received" before the assignment is a lead-in, when the words
# between say so (``_LEAD_IN_CUE``): a lead-in word, a word putting the assignment after it, or
# the assigned patients chosen by how they fared on it. Without one ("All patients received
# docetaxel and were randomly assigned to pertuzumab or placebo") the drugs are given in every
# arm, as before.
_LEAD_IN_WORD = r"induction|lead-in|run-in|(?:before|prior\s+to)\s+randomi[sz]ation"
_LEAD_IN_CUE = re.compile(
    rf"\b(?:{_LEAD_IN_WORD}|(?:after|following)\s+(?:which|this)|"
    r"(?:without|no)\s+(?:disease\s+)?progression(?!-)|non-?progressing|"
    r"(?:stable|responding)\s+disease|who\s+(?:had\s+)?(?:responded|not\s+progressed|"
    r"did\s+not\s+progress))\b",
    re.I,
)
# "..., then were randomly", "; thereafter, patients were randomly": a time word right before
# the assignment verb (not "received EC then docetaxel and were randomized", a sequence).
_THEN_BEFORE_VERB = re.compile(
    r"\b(?:then|subsequently|thereafter)\b,?"
    r"(?:\s+(?:were|was|all|the|patients|they|those|randomly)\b){0,4}\s*\Z",
    re.I,
)
_LEAD_IN_ONLY = re.compile(rf"\b(?:{_LEAD_IN_WORD})\b", re.I)
# The assignment after the lead-in: a passive verb ("were (then) randomly assigned", "and then
# randomized") or "underwent randomization"; not "continued the assigned therapy".
_ASSIGNMENT = re.compile(
    r"\b(?:(?:were|was|been|then|subsequently)\s+(?:(?:then|subsequently|randomly)\s+){0,2}"
    r"(?:assigned|randomi[sz]ed|allocated)|underwent\s+randomi[sz]ation)\b",
    re.I,
)


def assignment_verb(text: str, b: int, e: int) -> re.Match[str] | None:
    """The first assignment verb (``_ASSIGNMENT``) in [b, e), else None. The gate reads the
    window lower-cased, as the regex does ("WERE RANDOMIZED" too; round 100e)."""
    window = text[b:e].lower()
    if "andomi" not in window and "ssigned" not in window and "llocated" not in window:
        return None  # (no word of ``_ASSIGNMENT``: most sentences)
    return _ASSIGNMENT.search(text, b, e)


def lead_in_received(text: str, received: re.Match[str], e: int) -> int:
    """Where the lead-in that ``received`` ("all patients received", a ``_BOTH`` match in a
    sentence ending at ``e``) opens ends: right after the assignment verb that follows it when
    ``_LEAD_IN_CUE`` stands between the two; at ``e`` when no assignment follows and the rest
    of the sentence calls the therapy a lead-in (``_LEAD_IN_ONLY``: "All patients received six
    cycles of THP as induction therapy."); else -1 (the drugs every arm gets). Only "all
    patients": "both groups received" names drugs given in the arms."""
    if not received.group(0).lower().startswith("all patients"):
        return -1  # (before the search: most ``_BOTH`` matches)
    return lead_in_before(text, received, assignment_verb(text, received.end(), e), e)


def lead_in_before(text: str, received: re.Match[str], verb: re.Match[str] | None, e: int) -> int:
    """``lead_in_received`` given ``verb``, the first assignment verb after ``received`` in the
    sentence (``assignment_verb``), or None: a caller that needs that verb too searches once
    (round 100e)."""
    if not received.group(0).lower().startswith("all patients"):
        return -1
    b = received.end()
    if verb is None:
        return e if _LEAD_IN_ONLY.search(text, b, e) is not None else -1
    if (
        _LEAD_IN_CUE.search(text, b, verb.start()) is not None
        or _THEN_BEFORE_VERB.search(text[b : verb.start()]) is not None
        or verb.group(0)[:4].lower() in ("then", "subs")  # "and then randomized to"
    ):
        return verb.end()
    return -1
