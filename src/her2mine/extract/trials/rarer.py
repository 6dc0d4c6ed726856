"""Names of rarer shapes (rounds 59b and 60c): after a group's abbreviation, before an expansion
bracket, a word with a protocol number, observational studies, spaced numerals, hyphenated and
coined names, a study number before its bracketed name, and data sources' short forms."""

from __future__ import annotations

import re

from her2mine.extract.abbreviations import letters_in_order, starts_word
from her2mine.extract.drugs import study_number_brackets
from her2mine.extract.fastre import literal_starts
from her2mine.extract.hits import Hit
from her2mine.extract.trials.context import (
    _NATIONALITY,
    _NOT_PROGRAMME_WORDS,
    _SUBJECT_DESIGN,
    _setting_word_name,
)
from her2mine.extract.trials.families import _GROUPS, is_registry_id
from her2mine.extract.trials.names import (
    _ACRONYM,
    _DESIGN_ADJECTIVE,
    _NOT_A_NAME,
    NOT_TRIAL_NAMES,
    _acronym_name,
    _coined_mixed_case,
    _group_name,
    _numbered_mixed_case_name,
    _title_name,
    span_hit,
)
from her2mine.extract.trials.readers import (
    Reader,
    blanks_start,
    noun_words,
    read_hits,
    read_matches,
)
from her2mine.extract.trials.registries import _INSTITUTION

# Round 59b: "the randomised phase II EORTC HERON trial", "the phase 3 JCOG KESTREL study": a
# cooperative group's abbreviation between the design words and the name in capitals (the name
# is the trial's, the group only runs it; "the NSABP B-31 trial" is ``_FAMILIES``'s reading).
_NAME_AFTER_GROUP_WORD = re.compile(
    rf"[tT](?<![\w][tT])(?i:he\s+(?:{_DESIGN_ADJECTIVE},?\s+){{0,4}})(?:{_GROUPS})[ \t]+"
    rf"({_ACRONYM})\s+$"
)


def _group_word_name(name: str) -> bool:
    """A name after a group's word is in capitals and no group's name itself ("the EORTC DBCG
    trial": two groups, no trial's name)."""
    return _title_name(name) and not _group_name(name)


_AFTER_GROUP_WORD = Reader(_NAME_AFTER_GROUP_WORD, 100, _group_word_name)


# Round 59b: "The PELICAN (Pertuzumab Early Locally Invasive Cancer Adjuvant Neoadjuvant)
# trial": the name's expansion in a bracket between the name and the noun. The bracket must
# spell the name (its letters in order, the first starting a word), so that "the HERA (HER2
# adjuvant) trial"-like glosses and "the NAME (n = 120) study" name nothing new.
_NAME_BEFORE_BRACKET = re.compile(rf"(?<![\w-])({_ACRONYM})[ \t]+\Z")


def _named_before_expansion(text: str, nouns: list[int]) -> list[Hit]:
    """Names (``_acronym_name``) spelled by the bracket between them and "trial"/"study"
    (``nouns``). Its own skeleton: the window is read back from the bracket, not the noun."""
    hits = []
    for q in nouns:
        e = blanks_start(text, q) - 1  # (the bracket's end, blanks one or more before the noun)
        if text[e : e + 1] != ")":
            continue
        b = text.rfind("(", max(0, q - 160), e)
        if b < 0 or text.find(")", b, e) >= 0:
            continue
        m = _NAME_BEFORE_BRACKET.search(text, max(0, b - 40), b)
        if m is None or not _acronym_name(m.group(1)):
            continue
        gloss = text[b + 1 : e].lower()
        letters = [c for c in m.group(1).lower() if c.isalpha()]
        if len(gloss.split()) >= 2 and letters_in_order(letters, gloss, starts_word(gloss)) >= 0:
            hits.append(span_hit(m))
    return hits


def _rarer_shaped_names(text: str, found: list[int], nouns: list[int] | None = None) -> list[Hit]:
    """Names of rarer shapes, most near "trial"/"study" (rounds 59b and 60c): after a group's
    abbreviation, before an expansion bracket, study numbers in brackets, a word with a protocol
    number, observational studies, a spaced numeral and its alias, hyphenated names, design
    words before a name and a setting noun, a study number before its bracketed name, coined
    mixed-case names (also before "registry"), a data source's short form. ``found``:
    ``literal_starts(text, ("trial", "study"))``; ``nouns``: ``noun_words(text, found)`` if
    the caller has them."""
    if nouns is None:
        nouns = noun_words(text, found)
    hits: list[Hit] = []
    if nouns:  # (the readers of nouns, skipped at once where the text has none)
        hits += read_hits((_AFTER_GROUP_WORD,), text, nouns)
        hits += _named_before_expansion(text, nouns)
    hits += [
        Hit("trial", a, b, text[a:b], text[a:b], [], "rules")
        for a, b in study_number_brackets(text)
    ]
    hits += _word_protocol_names(text) + _observational_names(text) + _in_numeral_alias_names(text)
    hits += _protocol_after_named_noun(text, found)
    hits += _named_cohorts(text) + _lettered_cohort_names(text)  # round 84b
    if nouns:
        hits += _numeral_names(text, nouns) + read_hits((_HYPHENATED, _HYPHENATED_ID), text, nouns)
        hits += read_hits((_DESIGN_WORDS_SETTING,), text, nouns)
        hits += _number_bracket_names(text, nouns)
    if "registry" in text:
        nouns = sorted(nouns + noun_words(text, literal_starts(text, ("registry",))))
    return hits + read_hits((_COINED,), text, nouns) + _data_source_short_forms(text)


# Round 68b: "the NCI-MATCH trial (EAY131)", "the MARIANNE study (BO22589)": a protocol number
# (capitals and digits, or a group and its number, "(CALGB 40601)") alone in a bracket right
# after a name in capitals and its noun is the trial's protocol number, listed as written (as
# the gold lists "N9831", "CALGB 40601"). Registry ids are read elsewhere.
_PROTOCOL_AFTER_NAMED_NOUN = re.compile(
    rf"(?<![\w-])({_ACRONYM})[ \t]+(?:trial|study)[ \t]+\("
    rf"((?:{_GROUPS})[ \t]\d{{3,6}}|[A-Z]{{1,5}}\d{{3,6}}[a-z]?)(?:\)|;[ \t])"
)


def _protocol_after_named_noun(text: str, found: list[int]) -> list[Hit]:
    """Protocol numbers bracketed after "NAME trial" (``_PROTOCOL_AFTER_NAMED_NOUN``), the name
    in capitals (``_title_name``). ``found``: where "trial"/"study" start in ``text``."""
    if not any(_bracket_after_noun(text, p) for p in found):
        return []
    return [
        span_hit(m, 2)
        for m in _PROTOCOL_AFTER_NAMED_NOUN.finditer(text)
        if _title_name(m.group(1)) and not is_registry_id(m.group(2))
    ]


def _bracket_after_noun(text: str, p: int) -> bool:
    """Whether the "trial"/"study" at ``p`` is followed by spaces or tabs and "(", as
    ``_PROTOCOL_AFTER_NAMED_NOUN`` reads it (review of round 68b, in round 72b: the gate was
    "trial (" with one space, so "trial  (" and "trial\t(" were never read)."""
    k = p + 5
    while k < len(text) and text[k] in " \t":
        k += 1
    return k > p + 5 and k < len(text) and text[k] == "("


# Round 59b: "Kestrel B123-45", "(HARBOR A12-34; NCT...)": a word and a protocol number (one or
# two capitals, digits, a hyphen and digits) name one trial together; the word alone may be a
# plain word, the number alone a sponsor's code. Words that label a part of the text or of a
# study ("Protocol", "Cohort", "Table") are no name's.
_WORD_PROTOCOL_NAME = re.compile(
    r"(?<![\w-])([A-Z][A-Za-z]{2,}[ \t][A-Z]{1,2}\d{2,4}-\d{2,3})(?![\w-])"
)
_NOT_NAME_WORDS = frozenset(
    {"Protocol", "Table", "Figure", "Cohort", "Arm", "Part", "Group", "Appendix", "Section",
     "Amendment", "Version", "Supplement", "Supplementary", "Fig", "Hospital", "Center",
     "Centre", "Site", "Visit", "Cycle", "Level", "Dose", "Clone", "Lot", "Batch", "Sample",
     "Patient", "Case", "Region", "Step", "Day", "Days", "See"}
)  # fmt: skip


# Speed pass 61: every ``_WORD_PROTOCOL_NAME`` match holds a hyphen after a capital and two to
# four digits, and a digit after it; that hyphen is searched for first (a literal the regex
# engine skips to), not the whole text scanned from each position for the word before it.
_PROTOCOL_NUMBER_HYPHEN = re.compile(r"-(?:(?<=[A-Z]\d\d-)|(?<=[A-Z]\d{3}-)|(?<=[A-Z]\d{4}-))\d")


def _word_protocol_names(text: str) -> list[Hit]:
    """Names made of a word and a protocol number (``_WORD_PROTOCOL_NAME``)."""
    if _PROTOCOL_NUMBER_HYPHEN.search(text) is None:
        return []
    hits = []
    for m in _WORD_PROTOCOL_NAME.finditer(text):
        word = m.group(1).split()[0]
        if word in _NOT_NAME_WORDS or word in _NOT_PROGRAMME_WORDS:
            continue
        hits.append(span_hit(m))
    return hits


# Round 59b: "the observational Heron study", "Heron is a French observational cohort": a
# title-case word named as an observational or real-world study's (``_NAME_AFTER_SETTING_WORDS``
# and ``_NAME_AS_SUBJECT`` read only names with capitals inside). A nationality ("the
# observational Korean study") or a text label ("This is a ...") is no name.
_OBSERVATIONAL_WORD = r"(?i:observational|real-world)"
_OBSERVATIONAL_AFTER = re.compile(
    rf"[tT](?<![\w][tT])(?i:he\s+(?:(?:{_SUBJECT_DESIGN}|{_NATIONALITY}),?\s+){{0,3}})"
    rf"{_OBSERVATIONAL_WORD}\s+(?:(?:{_SUBJECT_DESIGN}|{_NATIONALITY}),?\s+){{0,2}}"
    r"([A-Z][a-z]{3,})\s+(?i:(?:cohort\s+|registry\s+)?(?:study|cohort|registry))\b"
)
_OBSERVATIONAL_SUBJECT = re.compile(
    r"(?<![\w-])([A-Z][a-z]{3,})[ \t]+(?:is|was)[ \t]+an?[ \t]+"
    rf"(?:(?:{_SUBJECT_DESIGN}|{_NATIONALITY}),?[ \t]+){{0,3}}{_OBSERVATIONAL_WORD}[ \t]+"
    rf"(?:(?:{_SUBJECT_DESIGN}|{_NATIONALITY}),?[ \t]+){{0,2}}(?i:cohort|registry|study)\b"
)
_NATIONALITY_WORD = re.compile(_NATIONALITY)
_NOT_OBSERVATIONAL_NAMES = frozenset(
    {"This", "That", "Each", "Every", "Which", "There", "Here", "What", "Ours", "Multicenter",
     "Multicentre", "Prospective", "National", "International", "Breast", "Cancer"}
)  # fmt: skip


def _observational_names(text: str) -> list[Hit]:
    """Title-case names of observational studies (``_OBSERVATIONAL_AFTER``,
    ``_OBSERVATIONAL_SUBJECT``), gated on "observational"/"real-world"."""
    low = text.lower()
    if "observational" not in low and "real-world" not in low:
        return []
    hits = []
    for pattern in (_OBSERVATIONAL_AFTER, _OBSERVATIONAL_SUBJECT):
        for m in pattern.finditer(text):
            name = m.group(1)
            if (
                name in _NOT_OBSERVATIONAL_NAMES
                or name in _NOT_PROGRAMME_WORDS
                or _NATIONALITY_WORD.fullmatch(name) is not None
                or _SUBJECT_DESIGN_WORD.fullmatch(name)
                is not None  # "the observational Pilot study"
            ):
                continue
            hits.append(span_hit(m))
    return hits


# Round 84b: "The BRENDA II cohort includes ...": a name in capitals (a Roman numeral may
# follow) that the text calls "the NAME cohort" names an observational cohort, listed as named
# data sources are; "the TNBC cohort", "the HER2-low cohort" are subgroups (``_acronym_name``).
_THE_NAME_COHORT = re.compile(
    r"(?<![\w-])[Tt]he[ \t]+([A-Z][A-Z0-9]{3,}(?:-[A-Z0-9]+)*(?:[ \t][IVX]{1,4})?)[ \t]+cohort\b"
)


# Review of 84b: a cancer centre's patients ("the MSKCC cohort", ``_INSTITUTION``) and a
# standing database many studies draw on (Unicancer's "ESME cohort"; gold README) name no study.
_STANDING_COHORTS = frozenset({"ESME"})


def _named_cohorts(text: str) -> list[Hit]:
    """Names read from "the NAME cohort" (``_THE_NAME_COHORT``), gated on "cohort"."""
    if " cohort" not in text:
        return []
    return [span_hit(m) for m in _THE_NAME_COHORT.finditer(text) if _cohort_name(m.group(1))]


def _cohort_name(name: str) -> bool:
    return (
        _acronym_name(name)
        and name not in _STANDING_COHORTS
        and _INSTITUTION.fullmatch(name) is None
    )


# Round 84b: "after progression on A plus B in HERACLES-A, ...": a name in capitals closed by a
# hyphen and one capital (a lettered cohort of a named study) after "in" names a trial in
# passing, as a lexicon trial would be listed there. Review of 84b: the name before the letter
# must be one too ("in NSCLC-A", "in FISH-A": a cancer's or an assay's group).
# (Speed pass 88: the letter first, the lookbehind after it, so that the engine skips to "I"/"i";
# a leading lookbehind is tried at every position.)
_IN_LETTERED_NAME = re.compile(r"[Ii](?<![\w-][Ii])n[ \t]+([A-Z]{4,}-[A-Z])(?![\w-])")


def _lettered_cohort_names(text: str) -> list[Hit]:
    """Names read from "in NAME-A" (``_IN_LETTERED_NAME``), gated on a hyphen."""
    if "-" not in text:
        return []
    return [
        span_hit(m)
        for m in _IN_LETTERED_NAME.finditer(text)
        if _acronym_name(m.group(1)) and _acronym_name(m.group(1)[:-2])
    ]


# Round 60c: "the randomised KESTREL III trial", "OSPREY V (HERON) trial": a name in capitals
# with a Roman numeral after a space, and the alias bracketed after it, before the noun.
_NUMERAL_NAME = re.compile(
    rf"(?<![\w-])([A-Z]{{3,}}[ \t][IVX]{{1,4}})(?:[ \t]+\(({_ACRONYM})\))?[ \t]+\Z"
)


def _numeral_or_bracket_before(text: str, q: int) -> bool:
    """Whether the noun at ``q`` follows a Roman numeral's letter or a bracket (and blanks)."""
    i = blanks_start(text, q)
    return text[i - 1 : i] in ("I", "V", "X", ")")


_NUMERAL = Reader(_NUMERAL_NAME, 60, _title_name, at=_numeral_or_bracket_before)


def _numeral_names(text: str, nouns: list[int]) -> list[Hit]:
    """Names with a spaced Roman numeral (``_NUMERAL_NAME``) and their bracketed aliases."""
    hits = []
    for m in read_matches((_NUMERAL,), text, nouns):
        hits.append(span_hit(m, 1))
        alias = m.group(2)
        if alias is not None and (_acronym_name(alias) or _numbered_mixed_case_name(alias)):
            hits.append(span_hit(m, 2))
    return hits


# Round 78a: "In DETECT V (CHEVENDO), pts ... were randomized": a spaced-numeral name and its
# alias in a bracket opening a clause after "In", no noun after them (``_NUMERAL_NAME`` reads
# them before one). A counted word ("STAGE III (T3N1)") or a stage alias ("(IIIC)") is none.
_IN_NUMERAL_ALIAS = re.compile(
    rf"(?<![\w-])In[ \t]+([A-Z]{{3,}}[ \t][IVX]{{1,4}})[ \t]+\(({_ACRONYM})\),"
)
_NUMERAL_GATE = re.compile(r"[IVX][ \t]+\([A-Za-z][^()\n]{0,30}\),")


def _in_numeral_alias_names(text: str) -> list[Hit]:
    """Names and aliases of ``_IN_NUMERAL_ALIAS``: the name in capitals (``_title_name``), the
    alias a trial's acronym that is no Roman numeral with a letter ("IIIC")."""
    if _NUMERAL_GATE.search(text) is None:
        return []
    hits = []
    for m in _IN_NUMERAL_ALIAS.finditer(text):
        alias = m.group(2)
        if not _title_name(m.group(1)) or _STAGE.fullmatch(alias) is not None:
            continue
        if _acronym_name(alias) or _numbered_mixed_case_name(alias):
            hits += [span_hit(m, 1), span_hit(m, 2)]
    return hits


_STAGE = re.compile(r"[IVX]{1,4}[A-C]?")


# Round 60c: "the phase II KESTREL platform trial": design words between "the" and a name that
# a setting or design noun follows (``_NAME_BEFORE_SETTING_WORD`` reads "the NAME platform").
_SETTING_WORDS = (
    r"(?:neo-?)?adjuvant|(?:peri|post|pre)-?operative|metastatic|first-line|second-line|"
    r"maintenance|extension|basket|umbrella|platform|pilot"
)
# Round 78a: or "randomized (clinical)" ("the phase 2 WSG-TP-II randomized clinical trial").
_DESIGN_WORDS_THEN_SETTING = re.compile(
    rf"[tT](?<![\w][tT])(?i:he\s+(?:{_DESIGN_ADJECTIVE},?\s+){{1,4}}({_ACRONYM})\s+"
    rf"(?:{_SETTING_WORDS}|randomi[sz]ed(?:\s+(?:clinical|controlled))?)\s+$)"
)


# (names of "the <design words> NAME <setting word> trial")
_DESIGN_WORDS_SETTING = Reader(_DESIGN_WORDS_THEN_SETTING, 100, _setting_word_name)


# Round 60c: "the neoadjuvant GeparKestrel trial", "the SystHERon registry": a coined mixed-case
# name (``_coined_mixed_case``) after "the" and at most three design or setting words.
_COINED_BEFORE_NOUN = re.compile(
    rf"[tT](?<![\w][tT])he\s+(?:(?i:{_SUBJECT_DESIGN}|{_SETTING_WORDS}),?\s+){{0,3}}"
    r"([A-Za-z][A-Za-z0-9]*)\s+\Z"
)


def _coined_name(name: str) -> bool:
    return _coined_mixed_case(name) and _acronym_name(name)


# (before "trial"/"study"/"registry")
_COINED = Reader(_COINED_BEFORE_NOUN, 90, _coined_name)


# Round 60c: "the Neo-heron trial": a hyphenated title-case name before the noun. A word the
# text also writes in lower case, or a design or common compound ("Open-label", "Long-term"),
# is no name.
_HYPHENATED_TITLE_CASE = re.compile(r"[tT](?<![\w][tT])he\s+([A-Z][a-z]+-[a-z]{3,})\s+\Z")
_COMMON_COMPOUNDS = frozenset(
    {"follow-up", "long-term", "short-term", "case-control", "add-on", "run-in", "cross-over",
     "dose-escalation", "dose-finding", "dose-expansion", "single-arm", "two-arm", "real-world"}
)  # fmt: skip


_SUBJECT_DESIGN_WORD = re.compile(_SUBJECT_DESIGN)


def _lower_case_before(text: str, q: int) -> bool:
    """Whether the noun at ``q`` follows a lower-case letter (and blanks)."""
    i = blanks_start(text, q)
    return text[i - 1 : i].islower()


def _coined_compound(m: re.Match[str]) -> bool:
    """Whether the hyphenated word of ``m`` is a coined name: no common, design or descriptive
    compound, and not written in lower case in the text."""
    low = m.group(1).lower()
    if low in _COMMON_COMPOUNDS or low in m.string or _NOT_A_NAME.fullmatch(low) is not None:
        return False
    return _SUBJECT_DESIGN_WORD.fullmatch(low) is None and not _descriptive_compound(low)


_HYPHENATED = Reader(_HYPHENATED_TITLE_CASE, 40, accepts=_coined_compound, at=_lower_case_before)

# Round 78a: "the randomized phase II Neo-peaks (JBCRG-20) study": design words before the
# hyphenated name and its study id bracketed between it and the noun (the id is read by the
# study-number readers; the bracket vouches for the name).
_HYPHENATED_BEFORE_ID = re.compile(
    rf"[tT](?<![\w][tT])he\s+(?:(?i:{_DESIGN_ADJECTIVE}),?\s+){{0,4}}([A-Z][a-z]+-[a-z]{{3,}})"
    r"[ \t]+\([A-Z]{2,}[A-Z0-9]*(?:-[A-Z0-9]+)*-?\d{1,5}\)\s+\Z"
)


def _bracket_before(text: str, q: int) -> bool:
    """Whether the noun at ``q`` follows a closing bracket (and blanks)."""
    i = blanks_start(text, q)
    return text[i - 1 : i] == ")"


_HYPHENATED_ID = Reader(_HYPHENATED_BEFORE_ID, 100, accepts=_coined_compound, at=_bracket_before)


# Review of 60c: "the Two-stage study", "the Triple-negative study", "the Multi-center trial": a
# compound of a counting or size word, or one ending in an adjective or participle, describes
# the study; a coined name ("Neo-heron") does neither.
_DESCRIPTIVE_HEAD = re.compile(
    r"(?:one|two|three|four|single|double|triple|multi|non|sub|post|pre|de|re|co|inter|cross|"
    r"large|small|short|long|high|low|nation|population)-"
)
_DESCRIPTIVE_TAIL = re.compile(
    r"-\w*(?:ed|ing|ive|al|ar|ic|ous|free|wide|level|scale|stage|course|based|cent(?:er|re))\Z"
)


def _descriptive_compound(low: str) -> bool:
    """Whether the lower-cased compound ``low`` describes a study (``_DESCRIPTIVE_HEAD``/``_TAIL``)."""
    return _DESCRIPTIVE_HEAD.match(low) is not None or _DESCRIPTIVE_TAIL.search(low) is not None


# Round 60c: "ABCD1607 (KESTREL TEA study) enrolled": a study number and the trial's name in
# capitals (one to three words) bracketed after it with the noun.
_NUMBER_BEFORE_NAME = re.compile(
    r"(?<![\w-])([A-Z]{2,5}\d{4,6}[A-Z]?)[ \t]+\(([A-Z]{3,}(?:[ \t][A-Z]{2,}){0,2})[ \t]+\Z"
)


def _noun_closes_bracket(text: str, q: int) -> bool:
    return _NOUN_CLOSES_BRACKET.match(text, q) is not None


def _bracketed_name_after_number(m: re.Match[str]) -> bool:
    return _title_name(m.group(2)) and not is_registry_id(m.group(1))


_NOUN_CLOSES_BRACKET = re.compile(r"(?i:trial|study)\)")
_NUMBER_THEN_NAME = Reader(
    _NUMBER_BEFORE_NAME, 60, accepts=_bracketed_name_after_number, at=_noun_closes_bracket
)


def _number_bracket_names(text: str, nouns: list[int]) -> list[Hit]:
    """Study numbers and the names bracketed after them with "trial"/"study" (``nouns``)."""
    hits = []
    for m in read_matches((_NUMBER_THEN_NAME,), text, nouns):
        hits += [span_hit(m, 1), span_hit(m, 2)]
    return hits


# Round 60c: "The Epidemiological Strategy and Medical Economics (ESME) MBC database", "the
# Kestrel Breast Cancer Registry (KBCR)": a named data source's short form after its expansion
# (its letters in order, the first starting a word) where the expansion ends in, or the bracket
# is followed by, a data-source noun. Named data sources are listed as trials.
_DATA_SOURCE_GATE = ("atabase", "egistry", "rogram")
_SHORT_FORM_BRACKET = re.compile(r"\(([A-Z]{3,6})\)")
_SOURCE_NOUN_BEFORE = re.compile(r"(?:Registry|Database|Programme|Program)[ \t]*\Z")
_SOURCE_NOUN_AFTER = re.compile(
    r"[ \t]+(?:[A-Z]{2,}[ \t]+)?(?i:database|registry|programme|program)\b"
)


def _data_source_short_forms(text: str) -> list[Hit]:
    """Short forms of named data sources (databases, registries, programmes)."""
    if not any(w in text for w in _DATA_SOURCE_GATE):
        return []
    hits = []
    for m in _SHORT_FORM_BRACKET.finditer(text):
        name, b = m.group(1), m.start()
        if not _title_name(name) or name in NOT_TRIAL_NAMES or _names_organisation(text, name, b):
            continue
        if (
            _SOURCE_NOUN_BEFORE.search(text, max(0, b - 12), b) is None
            and _SOURCE_NOUN_AFTER.match(text, m.end()) is None
        ):
            continue
        gloss = text[max(0, b - 100) : b].lower()
        letters = [c for c in name.lower() if c.isalpha()]
        if letters_in_order(letters, gloss, starts_word(gloss)) >= 0:
            hits.append(span_hit(m, 1))
    return hits


# Review of 60c: "the Japan Clinical Oncology Group (JCOG) database": a short form of a group or
# another organisation names who holds the data, not the data source.
_ORGANISATION_BEFORE = re.compile(
    r"(?:Group|Network|Society|Institute|Organi[sz]ation|Association|Consortium|Alliance|"
    r"Administration|Agency|Foundation)[ \t]*\Z"
)


def _names_organisation(text: str, name: str, b: int) -> bool:
    """Whether short form ``name`` (its bracket at ``b``) is a group's or organisation's."""
    if _group_name(name):
        return True
    return _ORGANISATION_BEFORE.search(text, max(0, b - 16), b) is not None
