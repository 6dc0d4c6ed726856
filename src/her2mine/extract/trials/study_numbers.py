"""Study numbers without their group (round 64c): a number right after "trial"/"study" ("the
Alliance trial A011202", "the SWOG study S1613"), and a group's number that opens a clause with
"In" ("In S1613, ...") or enrols patients ("B-47 enrolled 3,270 women"). The title's opener and
a subject of "was a ... trial" are ``titles._title_lead``'s and ``context._AS_SUBJECT``'s."""

from __future__ import annotations

import re
from collections.abc import Iterator

from her2mine.extract.fastre import literal_starts
from her2mine.extract.hits import Hit
from her2mine.extract.trials.names import (
    _ACRONYM,
    _GROUP_STUDY_NUMBER,
    _drug_abbreviation,
    _group_study_number,
    _trial_number,
    span_hit,
)
from her2mine.extract.trials.readers import Reader, read_hits

# "the Alliance trial A011202", "in study E2198": a protocol number right after the noun names
# the trial the noun calls it (as "the A011202 trial" does before it).
_NUMBER_AFTER_NOUN = re.compile(rf"(?:trials?|study)[ \t]+({_ACRONYM})(?![\w-])")
# Review of 64c: after the noun a code may open the next clause ("In this study H1975 cells
# were ..."), so a bare letter and four digits counts only with a group's letter.
_BARE_CODE = re.compile(r"[A-Z]\d{4}")


def _number_after_noun(name: str) -> bool:
    """A ``_trial_number`` that is a group's number or a sponsor's longer shape, not any letter
    and four digits ("H1975", "A2780")."""
    return _trial_number(name) and (_BARE_CODE.fullmatch(name) is None or _group_study_number(name))


def _not_model_or_drug(m: re.Match[str]) -> bool:
    return not _written_as_model(m.string, m.group(1)) and not written_as_drug(m.string, m.group(1))


_AFTER_NOUN = Reader(_NUMBER_AFTER_NOUN, name=_number_after_noun, accepts=_not_model_or_drug)


def numbers_after_noun(text: str, nouns: list[int]) -> list[Hit]:
    """Protocol numbers (``_trial_number``) right after "trial"/"study" (``nouns``)."""
    return read_hits((_AFTER_NOUN,), text, nouns)


# Round 97c: "...: The M77001 Study Group", "on behalf of the EGF100151 Study Group": a
# sponsor's study number the text names a study group after (capitals, as titles and author
# notes write it; "the M77001 study group" is the "the NAME study" reader's) names the trial.
# Only numbers are read: an acronym's "Study Group" may be a cooperative group's ("the GONO
# Study Group"), and a code the drug lexicon knows is dropped (``names._never_a_trial_name``).
_STUDY_GROUP_NUMBER = re.compile(rf"[tT](?<![\w][tT])he[ \t]+({_ACRONYM})[ \t]+\Z")
_STUDY_GROUP = Reader(_STUDY_GROUP_NUMBER, 40, name=_trial_number, accepts=_not_model_or_drug)


def study_group_numbers(text: str) -> list[Hit]:
    """Protocol numbers (``_trial_number``) after "the" and before "Study Group", unless the
    text writes them as a drug or a model."""
    found = literal_starts(text, ("Study Group",))
    return read_hits((_STUDY_GROUP,), text, found) if found else []


# A group's number enrolling patients or opening a clause with "In": no noun calls it a trial,
# so only the groups' own shapes (``_GROUP_STUDY_NUMBER``) are read.
_ENROLMENT_VERBS = r"randomi[sz]ed|randomly|enrolled|accrued|recruited|assigned|allocated"
_NUMBER_ALONE = re.compile(
    rf"(?<![\w-])(?:[Ii]n[ \t]+({_GROUP_STUDY_NUMBER.pattern}),|"
    rf"({_GROUP_STUDY_NUMBER.pattern})[ \t]+(?:{_ENROLMENT_VERBS})\b)"
)
# A code used for cells, xenografts or animals ("E0771 cells") is a model's, not a trial's.
_MODEL_AFTER = re.compile(r"[ \t]+(?:cells?|cell[ \t]+lines?|xenografts?|tumou?rs?|mice|models?)\b")


def group_numbers_enrolling(text: str) -> list[Hit]:
    """A group's study number (``_group_study_number``) after "In" and before a comma, or
    before an enrolment verb, unless the text writes it as a model ("E0771 cells")."""
    if _GROUP_STUDY_NUMBER.search(text) is None:
        return []
    hits = []
    for m in _NUMBER_ALONE.finditer(text):  # (each group is a ``_GROUP_STUDY_NUMBER`` already)
        g = 1 if m.group(1) is not None else 2
        if not _written_as_model(text, m.group(g)):
            hits.append(span_hit(m, g))
    return hits


def _written_as_model(text: str, name: str) -> bool:
    """Whether ``text`` writes ``name`` before "cells"/"xenografts"/"mice"/"model"."""
    return any(_MODEL_AFTER.match(text, m.end()) for m in _mentions(text, name))


def _mentions(text: str, name: str) -> Iterator[re.Match[str]]:
    """Where ``text`` writes ``name`` as a whole word (no word character or hyphen beside)."""
    return re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)


# Review of 64c: a sponsor's drug code has a protocol number's shape ("E7389" is eribulin's).
# The text writes it as the drug beside a lexicon drug in brackets ("E7389 (eribulin)",
# "eribulin (E7389)") or at a dose or given ("E7389 1.4 mg/m2", "E7389 was administered").
_DOSED_AFTER = re.compile(
    r"[ \t]+(?:(?:was|were|is)[ \t]+(?:given|administered|infused|dosed)\b|"
    r"(?:at[ \t]+)?\d+(?:\.\d+)?[ \t]*mg\b)"
)
_BRACKET_AFTER = re.compile(r"[ \t]*\(([^()\n]{1,40})\)")
_WORD_BEFORE_BRACKET = re.compile(r"([A-Za-z][\w-]*)[ \t]*\($")


def written_as_drug(text: str, name: str) -> bool:
    """Whether ``text`` writes ``name`` as a drug: dosed or given (``_DOSED_AFTER``), or in
    brackets with a drug of the lexicon ("E7389 (eribulin)", "eribulin (E7389)")."""
    for m in _mentions(text, name):
        if _DOSED_AFTER.match(text, m.end()):
            return True
        after = _BRACKET_AFTER.match(text, m.end())
        if after is not None and _drug_abbreviation(after.group(1).strip()):
            return True
        before = _WORD_BEFORE_BRACKET.search(text, max(0, m.start() - 40), m.start())
        closed = text[m.end() : m.end() + 1] == ")"
        if before is not None and closed and _drug_abbreviation(before.group(1)):
            return True
    return False
