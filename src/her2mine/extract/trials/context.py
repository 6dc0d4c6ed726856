"""Names read from the words around "trial"/"study": "the NAME trial", design words before a name,
a bracket after the noun, a name as the subject of "was a ... trial", a registration note, names
coordinated before a plural noun or in a bracket, and the programme word before a member name."""

from __future__ import annotations

import re

from her2mine.extract.fastre import finditer_at, literal_starts
from her2mine.extract.hits import Hit
from her2mine.extract.trials.families import _GROUPS, is_registry_id
from her2mine.extract.trials.names import (
    _ACRONYM,
    _DESIGN_ADJECTIVE,
    _acronym_name,
    _bracketed_name,
    _context_name,
    _group_name,
    _numbered_mixed_case_name,
    _numbered_name,
    _protocol_number,
    _title_name,
    _trial_number,
    span_hit,
)
from her2mine.extract.trials.readers import (
    Reader,
    after_blanks,
    blanks_start,
    noun_at,
    noun_words,
    read_matches,
)

# Unlisted trial names: an acronym-like word (two capitals or more) named as a trial or study,
# in a title "(NAME): a randomised ...", or right before its registry id "NAME (NCT...)".
_CONTEXT_PATTERNS = [
    # (round 62d: the plural "trials" after one name too, as every reader of a name before it)
    re.compile(rf"[tT](?<![\w][tT])he\s+({_ACRONYM})\s+(?:phase\s+\w+\s+)?(?:trials?|study)\b"),
    re.compile(
        rf"\(({_ACRONYM})(?:\s+(?:trial|study))?\):\s+"
        r"(?:a|an|the|final|primary|updated|long-term|results)\b"
    ),
]
# "NAME (NCT...)" / "NAME trial (NCT...)": found from the registry bracket, then the name is
# read backwards from it (scanning every word of the text for a following bracket is slow).
_NCT_BRACKET = re.compile(r"\((?:ClinicalTrials\.gov[^)]*?)?NCT\d{8}\)")
_NAME_BEFORE = [
    re.compile(rf"\b({_ACRONYM})\s+$"),
    re.compile(rf"\b({_ACRONYM})\s+(?:trial|study)\s+$"),
]
# (each read at every bracket before the other; the caller tests the names)
_NAMES_BEFORE_BRACKET = tuple(Reader(pattern, 120) for pattern in _NAME_BEFORE)


def _the_candidates(text: str, found: list[int] | None = None) -> list[int]:
    """Where a "the NAME (phase X) trial/study" match (or a "the NAME HER2 trial" one,
    ``_subtype_named``) can start, read backwards from each "trial"/"study": whitespace-separated
    tokens (NAME, X, "phase" and NAME, or "HER2" and NAME), whitespace, then "the"/"The" (a text
    has far fewer trials and studies than "the"s). The tokens are read by ``_THE_BACKWARDS`` on
    the reversed text, from the character before "trial"/"study". ``found``:
    ``literal_starts(text, ("trial", "study"))`` if the caller has it."""
    if found is None:
        found = literal_starts(text, ("trial", "study"))
    if not found:
        return []
    n = len(text)
    reverse = text[::-1]
    out = []
    for q in found:
        for pattern in _THE_BACKWARDS:
            m = pattern.match(reverse, n - q)
            if m is not None:
                out.append(n - m.end())
    out.sort()
    return out


# Reversed, the tokens before "trial"/"study" up to "the"/"The": "the NAME ", "the NAME phase X "
# and "the NAME HER2 ". Each whitespace run and token is read whole (a token is followed by
# whitespace, whitespace by a token or "eht"), as a walk back over them would read them.
_THE_BACKWARDS = (
    re.compile(r"\s+\S+\s+eh[tT]"),
    re.compile(r"\s+\S+\s+esahp\s+\S+\s+eh[tT]"),
    re.compile(r"\s+[+-]?2(?:BBRE|REH)\s+\S+\s+eh[tT]"),  # "the NAME HER2 "
)
# "The PREDIX HER2 trial": a name whose second word is the subtype its cohort enrolled.
_THE_SUBTYPE = re.compile(
    rf"[tT](?<![\w][tT])he\s+({_ACRONYM}\s+(?:HER2|ERBB2)[+-]?)\s+(?:trials?|study)\b"
)


def _subtype_named(text: str, starts: list[int]):
    """Matches of "the NAME HER2 trial" whose first word is a name itself (two capitals or
    more, no common acronym): "the adjuvant HER2 trial" names none."""
    for m in finditer_at(_THE_SUBTYPE, text, starts):
        if _context_name(m.group(1).split()[0]):
            yield m


def _context_matches(text: str, found: list[int] | None = None, nouns: list[int] | None = None):
    """``found``: ``literal_starts(text, ("trial", "study"))``, ``nouns``: ``noun_words(text,
    found)``, if the caller has them."""
    the, title = _CONTEXT_PATTERNS
    # every match of the first ends with "trial"/"study": tried only where that is read back to
    if found is None:
        found = literal_starts(text, ("trial", "study"))  # (read by the readers below)
    if nouns is None:
        nouns = noun_words(text, found)
    starts = _the_candidates(text, found)
    yield from finditer_at(the, text, starts)
    if "HER2" in text or "ERBB2" in text:
        yield from _subtype_named(text, starts)
    if "):" in text:  # every match of ``title`` holds it
        yield from title.finditer(text)
    yield from _named_before_registration(text)
    if found:  # (the readers of "trial"/"study", skipped at once where the text has none)
        yield from _named_after_design_words(text, nouns)
        yield from _named_near_design_noun(text, found)
        yield from _named_as_subject(text, nouns)
        yield from _named_before_setting_word(text, found, nouns)
    if "(NCT" not in text and "(ClinicalTrials.gov" not in text:
        return  # every _NCT_BRACKET match starts with one of these
    brackets = [b.start() for b in _NCT_BRACKET.finditer(text)]
    for reader in _NAMES_BEFORE_BRACKET:
        yield from read_matches((reader,), text, brackets)


# (Literal-first: "[tT]" outside the case-insensitive part lets the regex engine skip to the
# t's of the window; a leading lookbehind, or a case-insensitive first letter, is tried at every
# position. Under re.I "[tT]he" matches what "(?i:the)" does.)
_NAME_AFTER_DESIGN_WORDS = re.compile(
    rf"[tT](?<![\w][tT])(?i:he\s+(?:{_DESIGN_ADJECTIVE},?\s+){{1,4}}({_ACRONYM})\s+$)"
)


def _named_after_design_words(text: str, nouns: list[int] | None = None):
    """Matches of "the <design words> NAME trial/study", read backwards from each "trial" /
    "study" standing as a word (``nouns``: ``noun_words``; "trialist" is none); the name must be
    in capitals. Where the design words find no name, a programme's member name after them
    (before a digit) and then a name after setting words (``_AFTER_DESIGN_WORDS``'s chain)."""
    if nouns is None:
        nouns = noun_words(text, literal_starts(text, ("trial", "study")))
    return read_matches((_AFTER_DESIGN_WORDS,), text, nouns)


def _design_words_name(name: str) -> bool:
    """A name after design words: in capitals, a trial number or a numbered mixed-case name."""
    return _title_name(name) or _trial_number(name) or _numbered_mixed_case_name(name)


def _digit_before(text: str, q: int) -> bool:
    """Whether the noun at ``q`` follows a digit (and blanks, one or more)."""
    i = blanks_start(text, q)
    return text[i - 1 : i].isdigit()


def _the_before(text: str, q: int) -> bool:
    """Whether "he " occurs in the 90 characters before ``q`` (every match of
    ``_NAME_AFTER_SETTING_WORDS`` holds it)."""
    return text.find("he ", max(0, q - 90), q) >= 0


# Names in capitals the common patterns miss, read at each "trial"/"study": a name with its
# number after a space ("the PACS 04 trial"), a name after a cooperative group's numbered id
# ("the phase II SOLTI-1303 PATRICIA trial", "the IBCSG 55-17 TOUCH trial") and a protocol
# number or a name in capitals in a bracket right after the noun ("this single-arm phase II
# study (TDM4258g)", "a randomised phase 3 trial (KATHERINE)").
_NUMBERED_NAME = re.compile(r"[tT](?<![\w][tT])he\s+([A-Z]{3,}[ \t]\d{1,3})\s+$")
_NAME_AFTER_GROUP_ID = re.compile(
    rf"(?<![\w-])(?:{_GROUPS})[ -]?[A-Z]{{0,2}}-?\d[\d/-]*[ \t]+({_ACRONYM})\s+$"
)
# Round 58b: the name may carry its number after a space ("trial (KESTREL 01)"), and the bracket
# may go on with the registry id ("(NAME; NCT...)").
_SPACED_NUMBER = r"(?:[ \t]\d{1,2})?"
_BRACKET_AFTER_NOUN = re.compile(
    rf"(?:trial|study)[ \t]+\(({_ACRONYM}{_SPACED_NUMBER})(?:\)|;[ \t])"
)
# The bracket names the trial only after a design word, at most two words before the noun
# ("phase II study (NAME)", "single-arm pilot study (NAME)"): after a plain noun phrase it is a
# short form of that phrase or a measure ("The Cancer Genome Atlas study (TCGA)", "a Cancer and
# Leukemia Group B trial (CALGB)", "the cardiac substudy (LVEF)").
_DESIGN_BEFORE_NOUN = re.compile(
    rf"(?i:{_DESIGN_ADJECTIVE}|single-arm|pilot)(?:,?[ \t]+[\w-]+){{0,2}}[ \t]+\Z"
)


def _named_near_design_noun(text: str, found: list[int]) -> list[re.Match[str]]:
    """Matches of ``_NUMBERED_NAME``, ``_NAME_AFTER_GROUP_ID`` (the name in capitals; both at a
    noun standing as a word, ``noun_at``) and ``_BRACKET_AFTER_NOUN`` (a protocol number or a
    name in capitals), read at each "trial"/"study" (``found``)."""
    return read_matches(_NEAR_DESIGN_NOUN, text, found)


def _numbered_title_name(name: str) -> bool:
    """A name and its spaced number ("PACS 04"): the name in capitals."""
    return _title_name(name.split()[0])


def _bracket_after_blanks(text: str, q: int) -> bool:
    """Whether a bracket follows the five-letter noun at ``q`` after blanks (one or more)."""
    i = after_blanks(text, q + 5)
    return text[i : i + 1] == "("


def _bracket_after_noun_names(m: re.Match[str]) -> bool:
    q = m.start()
    return _bracket_names_trial(m.string, m.group(1), max(0, q - 60), q)


def _bracket_names_trial(text: str, name: str, a: int, q: int) -> bool:
    """Whether ``name``, in a bracket right after the noun at ``q``, names the trial: a protocol
    number or a name in capitals after a design word (read from ``a``), or a multi-part code
    after the noun standing as a word of its own ("a trial (HBCG-PY-05)", not "substudy")."""
    if _multi_part_code(name) and not text[q - 1 : q].isalpha():
        return True
    return (_protocol_number(name) or _bracketed_name(name)) and (
        _DESIGN_BEFORE_NOUN.search(text, a, q) is not None
    )


# Round 58b: "a trial (HBCG-PY-05) of ...": a code of two parts in capitals or more and a
# number, each after a hyphen, in a bracket right after the noun names the trial without a
# design word before it; sponsors' drug codes have one hyphen ("SHR-1316", "DS-8201a").
_MULTI_PART_CODE = re.compile(r"[A-Z]{2,}(?:-[A-Z]{2,})+-\d{1,3}")


def _multi_part_code(name: str) -> bool:
    """Whether ``name`` is a multi-part hyphenated code with a number ("HBCG-PY-05") that is
    no common acronym ("HER2-..." has a digit in its first part)."""
    return _MULTI_PART_CODE.fullmatch(name) is not None and _title_name(name)


# (at each noun, in this order)
_NEAR_DESIGN_NOUN = (
    Reader(_NUMBERED_NAME, 60, _numbered_title_name, at=noun_at),
    Reader(_NAME_AFTER_GROUP_ID, 60, _title_name, at=noun_at),
    Reader(_BRACKET_AFTER_NOUN, accepts=_bracket_after_noun_names, at=_bracket_after_blanks),
)


# Round 51: "the ALTAIR-2 adjuvant trial", "the ORBIT-7 randomized trial": a setting or design
# word between the name and the noun (``_CONTEXT_PATTERNS`` allows only "phase X" there).
# Round 53: or a design noun ("the PANTHER basket study", "the ORYX platform trial").
_NAME_BEFORE_SETTING_WORD = re.compile(
    rf"[tT](?<![\w][tT])he\s+({_ACRONYM})\s+"
    r"(?i:(?:neo-?)?adjuvant|(?:peri|post|pre)-?operative|metastatic|first-line|second-line|"
    rf"maintenance|extension|basket|umbrella|platform|pilot|{_DESIGN_ADJECTIVE})\s+$"
)


def _named_before_setting_word(
    text: str, found: list[int], nouns: list[int] | None = None
) -> list[re.Match[str]]:
    """Matches of "the NAME <setting word> trial/study", read backwards from each "trial" /
    "trials" / "study" standing as a word (``nouns``, found from ``found`` unless given:
    "trialists", "studying" are no one trial's noun); the name must be in capitals
    (``_title_name``) or a numbered mixed-case name ("the HER2-positive adjuvant trial" names
    none)."""
    nouns = noun_words(text, found) if nouns is None else nouns
    return read_matches((_BEFORE_SETTING_WORD,), text, nouns)


# (the noun ``noun_words`` reads, without "registry": the tests' plain forms of the readers)
_NOUN_WORD = re.compile(r"(?:trials?|study)\b")


def _setting_word_name(name: str) -> bool:
    """A name before a setting word is in capitals or a numbered mixed-case name, and no
    cooperative group's ("the NSABP adjuvant trial", "the ECOG-ACRIN randomized trial" are the
    group's trials, not one named)."""
    if _group_name(name):
        return False
    return _title_name(name) or _numbered_mixed_case_name(name)


_BEFORE_SETTING_WORD = Reader(_NAME_BEFORE_SETTING_WORD, 60, _setting_word_name)


# "IMpassion050 was a double-blind phase 3 trial", "ROSET-BM is a multicentre retrospective
# study": a name as the subject of "was/is a <design words> trial/study". "In NeoPHOEBE, a
# randomised phase 2 study, ...", "NAME, a phase 3 trial (NCT...), enrolled": the head of an
# appositive that closes with a comma (an appositive, not "In NSCLC, a phase 3 trial showed").
_SUBJECT_DESIGN = (
    rf"(?i:{_DESIGN_ADJECTIVE}|retrospective|observational|single-arm|single-cent(?:re|er)|"
    r"multi-?cohort|investigator-initiated|non-randomi[sz]ed|exploratory|pilot|two-arm|"
    r"three-arm|real-world|population-based|nationwide|controlled|clinical|cohort|"
    # round 66b: "KESTREL is a global, phase III, randomized, double-blind trial"
    r"global|worldwide)"
)
# Round 35: "the Korean multicentre NAME study", "the prospective observational NAME cohort
# study", "the Japanese nationwide NAME registry study": a nationality adjective or a
# observational study's words (``_SUBJECT_DESIGN``) before the name, "cohort"/"registry" after
# it. The name must look like a trial's acronym (``_acronym_name``).
_NATIONALITY = r"(?-i:[A-Z][a-z]+(?:an|ese|ish|ic|ch))"
_NAME_AFTER_SETTING_WORDS = re.compile(
    rf"[tT](?<![\w][tT])(?i:he\s+(?:(?:{_SUBJECT_DESIGN}|{_NATIONALITY}),?\s+){{1,4}}"
    rf"({_ACRONYM})\s+(?:(?:cohort|registry)\s+)?$)"
)
_NAME_AS_SUBJECT = re.compile(
    rf"(?<![\w-])({_ACRONYM})(?:[ \t]+\([^()\n]{{1,40}}\))?"
    rf"(?:[ \t]+(?:was|is)[ \t]+an?|(,)[ \t]+an?)[ \t]+(?:{_SUBJECT_DESIGN},?[ \t]+){{0,6}}\Z"
)
# The end of every ``_NAME_AS_SUBJECT`` match: its search, from the separator on, is exact as a
# gate and ~5x cheaper (it does not try a name at each word of the window).
_SUBJECT_TAIL = re.compile(
    rf"(?:[ \t](?:was|is)|,)[ \t]+an?[ \t]+(?:{_SUBJECT_DESIGN},?[ \t]+){{0,6}}\Z"
)
_APPOSITIVE_END = re.compile(r"(?:trial|study)(?:[ \t]*\([^()\n]{1,60}\))?,")


def _named_as_subject(text: str, nouns: list[int]) -> list[re.Match[str]]:
    """Matches of ``_NAME_AS_SUBJECT`` read backwards from each "trial"/"study" standing as a
    word (``nouns``: ``noun_words``; "a randomised trialist network" is none) whose name looks
    like a trial acronym (``_acronym_name``); an appositive must close with a comma after the
    noun and its head follow no modifier (``_appositive_head``)."""
    return read_matches((_AS_SUBJECT,), text, nouns)


def _subject_tail_before(text: str, q: int) -> bool:
    """Whether the 120 characters before ``q`` end as every ``_NAME_AS_SUBJECT`` match does."""
    window = text[max(0, q - 120) : q]
    # every match has the article between blanks (" a" alone is in every " and")
    if " a " not in window and " an " not in window and "\t" not in window:
        return False
    # (the article and the words after it first: a cheap search, rarely found)
    return _SUBJECT_TAIL.search(text, max(0, q - 120), q) is not None


def _subject_or_appositive_head(m: re.Match[str]) -> bool:
    """A subject, or an appositive's head (``_appositive_head``; the match ends at the noun)."""
    return m.group(2) is None or _appositive_head(m.string, m.end(), m.start(1))


def _subject_name(name: str) -> bool:
    """A subject of "was a ... trial": a trial's acronym or (round 64c) a protocol number, as
    "the NAME trial" reads ("E2198 was a phase II trial", "A011202, a phase III trial, ...")."""
    return _acronym_name(name) or _trial_number(name)


_AS_SUBJECT = Reader(
    _NAME_AS_SUBJECT, 120, _subject_name, _subject_or_appositive_head, at=_subject_tail_before
)


# A modifier right before an appositive's head ("In HER2-positive BCBM, a phase 2 study, ...",
# "HR+/HER2- mBC", "advanced GEJC"): the head of a noun phrase, not a trial's name ("Results
# of KATHERINE, a phase 3 trial" keeps it).
_MODIFIER_BEFORE = re.compile(
    r"(?:\S*[-+/]\S*|(?i:metastatic|advanced|early|recurrent|refractory|resistant))[ \t]+\Z"
)


def _appositive_head(text: str, q: int, start: int) -> bool:
    """Whether the name at ``start`` heads an appositive that closes with a comma after the
    noun at ``q`` and follows no modifier (``_MODIFIER_BEFORE``)."""
    return (
        _APPOSITIVE_END.match(text, q) is not None
        and _MODIFIER_BEFORE.search(text, max(0, start - 40), start) is None
    )


# NEJM's registration note: "(Funded by Roche; PHEREXA ClinicalTrials.gov number, NCT01026142.)".
# The name stands between the note's "(" or ";" and the registry's name.
_REGISTRATION_WORDS = (
    "ClinicalTrials.gov number",
    "Current Controlled Trials number",
    "EudraCT number",
)
_NAME_BEFORE_REGISTRATION = re.compile(rf"[(;][ \t]*({_ACRONYM})[ \t]+$")


_BEFORE_REGISTRATION = Reader(_NAME_BEFORE_REGISTRATION, 60)


def _named_before_registration(text: str) -> list[re.Match[str]]:
    """Matches of the name a registration note puts before its registry ("; NAME
    ClinicalTrials.gov number"), read backwards from each registry name."""
    return read_matches((_BEFORE_REGISTRATION,), text, literal_starts(text, _REGISTRATION_WORDS))


# "In Beamion LUNG-1 (NCT04886804)", "Beamion BREAST-1": a name whose word is a plain organ or
# setting word ("LUNG-1") follows the programme's own word, which is part of the name; read
# alone, "LUNG-1" would be half of it. Names of other words ("TRAIN-2") are never widened.
_MEMBER_NAME = re.compile(
    r"(?:LUNG|BREAST|SOLID|TUMOU?R|PANTUMOU?R|GASTRIC|COLON|COLORECTAL|BILIARY|BLADDER|"
    r"OVARIAN|ENDOMETRIAL|PROSTATE|HEAD|NECK)-\d{1,2}"
)
# "the phase 1a/1b Beamion LUNG-1 trial": design words, the programme's word, then the member
# name (``_named_after_design_words``; the name is widened by ``_programme_word_start``).
_MEMBER_AFTER_DESIGN_WORDS = re.compile(
    rf"(?<![\w])[tT]he\s+(?:{_DESIGN_ADJECTIVE},?\s+){{1,4}}(?-i:[A-Z][a-z]{{3,}})[ \t]+"
    rf"((?-i:{_MEMBER_NAME.pattern}))\s+$",
    re.I,
)
# "the <design words> NAME", else a member name after them, else a name after setting words.
_AFTER_DESIGN_WORDS = Reader(
    _NAME_AFTER_DESIGN_WORDS,
    90,
    _design_words_name,
    otherwise=Reader(
        _MEMBER_AFTER_DESIGN_WORDS,
        90,
        _design_words_name,
        at=_digit_before,
        otherwise=Reader(_NAME_AFTER_SETTING_WORDS, 90, _acronym_name, at=_the_before),
    ),
)
_PROGRAMME_WORD_BEFORE = re.compile(r"(?<![\w-])[A-Z][a-z]{3,}[ \t]\Z")
# Title-case words that may stand before a name without being part of it.
_NOT_PROGRAMME_WORDS = frozenset(
    {"Phase", "Study", "Trial", "Part", "Cohort", "Group", "Stage", "Protocol", "With", "From",
     "After", "During", "Within", "Among", "Versus", "Both", "Only", "Methods", "Results",
     "Background", "Findings", "Conclusions", "Purpose", "Objective", "Design", "Setting",
     "Patients", "Overall", "Interpretation", "Summary", "Abstract", "Introduction", "Although",
     "Unlike", "Like", "While", "Whereas", "Since", "Before", "When", "Compared", "Similar"}
)  # fmt: skip


def _programme_word_start(text: str, start: int, name: str) -> int:
    """Where the name at ``start`` begins, its programme word included (see ``_MEMBER_NAME``)."""
    if _MEMBER_NAME.fullmatch(name) is None:
        return start
    m = _PROGRAMME_WORD_BEFORE.search(text, max(0, start - 30), start)
    if m is None or m.group(0).rstrip() in _NOT_PROGRAMME_WORDS:
        return start
    return m.start()


# "the TDM4450g and BO17929 studies", "the NeoSphere, TRYPHAENA and PEONY trials": names
# coordinated before a plural "trials"/"studies", read backwards from it.
_COORDINATED = re.compile(  # (literal-first, as _NAME_AFTER_DESIGN_WORDS)
    rf"[tT](?<![\w][tT])(?i:he\s+(?:(?:{_DESIGN_ADJECTIVE}|single-arm),?\s+){{0,4}}"
    rf"((?:{_ACRONYM},\s+)*{_ACRONYM},?\s+(?:and|or)\s+{_ACRONYM})\s+$)"
)
_COORDINATED_ITEM = re.compile(_ACRONYM)
_COORDINATED_WORDS = frozenset({"and", "or"})


def _coordinated_items(m: re.Match[str]) -> list[re.Match[str]]:
    """The names coordinated in group 1 of ``m`` ("and"/"or" left out)."""
    return [
        i
        for i in _COORDINATED_ITEM.finditer(m.string, m.start(1), m.end(1))
        if i.group(0) not in _COORDINATED_WORDS
    ]


def _all_coordinated_named(m: re.Match[str]) -> bool:
    return all(
        _trial_number(i.group(0)) or _context_name(i.group(0)) for i in _coordinated_items(m)
    )


_COORDINATED_BEFORE = Reader(_COORDINATED, 150, accepts=_all_coordinated_named)


def _coordinated_names(text: str) -> list[Hit]:
    """Names coordinated before "trials"/"studies"; every item must be a name (``_context_name``
    or ``_protocol_number``), or none is read ("the adjuvant and metastatic trials")."""
    found = literal_starts(text, ("trials", "studies"))
    return [
        span_hit(i, 0)
        for m in read_matches((_COORDINATED_BEFORE,), text, found)
        for i in _coordinated_items(m)
    ]


# "two phase 1 studies (RC48-C001 and RC48-C006)", "two trials (ACE-Breast-01, CTR20171162; and
# NCT03255070)": names coordinated in a bracket right after a plural "trials"/"studies".
_BRACKETED_COORDINATED = re.compile(
    rf"(?:trials|studies)[ \t]*\(((?:{_ACRONYM}[,;][ \t]+)*{_ACRONYM}[,;]?[ \t]+(?:and|or)[ \t]+"
    rf"{_ACRONYM})\)"
)


def _bracketed_names(text: str) -> list[Hit]:
    """Names coordinated in a bracket after "trials"/"studies" (``_BRACKETED_COORDINATED``):
    every item must be a numbered name ("ACE-Breast-01"), a protocol number or a registry id,
    and one at least a protocol number or registry id, so that a bracket of subtypes ("studies
    (HER2-positive and HER2-low)") names none. Registry ids are read by ``_REGISTRY``."""
    if "(" not in text:
        return []
    found = literal_starts(text, ("trials", "studies"))
    return [
        span_hit(i, 0)
        for m in read_matches((_COORDINATED_IN_BRACKET,), text, found)
        for i in _coordinated_items(m)
        if not is_registry_id(i.group(0))
    ]


def _bracket_items_named(m: re.Match[str]) -> bool:
    """Every bracketed item a numbered name, protocol number or registry id, one at least of
    the last two."""
    names = [i.group(0) for i in _coordinated_items(m)]
    if not any(_protocol_number(n) or is_registry_id(n) for n in names):
        return False
    return all(_protocol_number(n) or _numbered_name(n) or is_registry_id(n) for n in names)


_COORDINATED_IN_BRACKET = Reader(_BRACKETED_COORDINATED, accepts=_bracket_items_named)
