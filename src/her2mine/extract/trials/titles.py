"""Names read from the title and from report nouns: a title that opens or closes with the trial's
name (or its bracket), a conference title's report tail, title-case design phrases and "results
of NAME" in the body."""

from __future__ import annotations

import re

from her2mine.extract.abbreviations import letters_in_order, starts_word
from her2mine.extract.drugs import is_sponsor_code
from her2mine.extract.fastre import literal_starts
from her2mine.extract.hits import Hit
from her2mine.extract.trials.context import _SPACED_NUMBER
from her2mine.extract.trials.names import (
    _ACRONYM,
    NOT_TRIAL_NAMES,
    _acronym_name,
    _bracketed_name,
    _coined_mixed_case,
    _drug_abbreviation,
    _group_study_number,
    _numbered_common_acronym,
    _numbered_mixed_case_name,
    _protocol_number,
    _title_name,
    _trial_number,
    span_hit,
)
from her2mine.extract.trials.readers import Reader, read_hits
from her2mine.extract.trials.study_numbers import written_as_drug

# A title that opens with the trial's name: "CEREBEL (EGF111438): A Phase III, Randomized...",
# "HERNATA: a randomised phase III trial...". Only names in capitals (a run of four or more, no
# lower case) count here: a title may as well open with a drug ("T-DXd: a phase 2 study").
_DESIGN_WORD_RE = r"\b(?i:phase|randomi[sz]ed|trial|study)\b"
# Round 35: or before a dash and an article ("TyLOR\u2014A Randomized, Phase III Study",
# "MARLIN \u2013 an open-label ...", "NAME - a randomised ..."); group 2 is set for a dash.
# Round 58b: the name may carry its number after a space ("KESTREL 01: a ..."), and the dash
# may be followed by the design words themselves ("MARLOW-2 \u2014 Phase II Study of ...").
_AFTER_DASH = r"(?=(?i:an?|the|phase|randomi[sz]ed|open-label|multicent(?:re|er))\s)"
# Round 66b: the title may follow a conference abstract's number ("TPS1102: KESTREL: a phase
# III trial", "PD3-02. NAME: ...", "P1-18-05 - NAME: ..."); a name the title opens with itself
# ("S1613: a randomized ...") is tried too, when nothing such follows it.
_ABSTRACT_NUMBER = r"(?:[A-Z]{1,4}\d{1,5}(?:-\d{1,3}){0,2}[ \t]*(?:[:.\u2013\u2014-][ \t]*|[ \t]))?"
_TITLE_LEAD = re.compile(
    rf"\A\s*{_ABSTRACT_NUMBER}({_ACRONYM}(?:[ \t]\d{{1,2}})?)(?:\s*\([^()\n]{{1,40}}\))?"
    rf"(?:\s*:(?=\s)|[ \t]*([\u2014\u2013])[ \t]*{_AFTER_DASH}|[ \t]+(-)[ \t]+{_AFTER_DASH})"
    r"\s*[^\n]{0,80}?" + _DESIGN_WORD_RE
)
# ... or a hyphen-numbered name before a colon, with no design word after it ("MARLOW-2:
# neoadjuvant pyrotinib in ..."), as one closing a title (``_title_tail``).
_TITLE_LEAD_NUMBERED = re.compile(rf"\A\s*{_ABSTRACT_NUMBER}({_ACRONYM}):\s")


def _title_lead(text: str) -> list[Hit]:
    m = _TITLE_LEAD.match(text)
    if m is None:
        return _numbered_title_lead(text)
    name = m.group(1)
    dash = m.group(2) or m.group(3)
    # a coined mixed-case name ("NeoSTAR") as well; after a dash no regimen short form ("TCHP");
    # round 64c: before a colon, a protocol number ("S1613: a randomized phase II trial")
    if not (_acronym_name(name) or (not dash and (_title_name(name) or _protocol_lead(m)))):
        return []
    return [span_hit(m)]


def _protocol_lead(m: re.Match[str]) -> bool:
    """A protocol number opening the title that the text writes as no drug (review of 64c:
    "E7389: a phase 2 study ... E7389 (eribulin)" names the drug)."""
    return _trial_number(m.group(1)) and not written_as_drug(m.string, m.group(1))


def _numbered_title_lead(text: str) -> list[Hit]:
    """The hyphen-numbered name (``_series_numbered``, ``_acronym_name``) a title opens with
    before a colon, design words or not ("MARLOW-2: neoadjuvant ..."; "DS-8201: ..." is a
    drug's code, "HER2-3: ..." a score)."""
    m = _TITLE_LEAD_NUMBERED.match(text)
    if m is None or not (_series_numbered(m.group(1)) and _acronym_name(m.group(1))):
        return []
    if _numbered_common_acronym(m.group(1)):  # "COVID-19: ..." (review of round 58b)
        return []
    return [span_hit(m)]


# Round 78a: a title that opens with its name and a group's study id in brackets, design words
# or not ("TALENT (TRIO-US B-12): neoadjuvant ..."): the id vouches for the name, and is listed
# as written. The id is a group's shape, hyphenated or spaced ("JBCRG-M06", "TRIO-US B-12") or a
# group's number ("EA1181"); a sponsor's drug code ("(DS-8201)") or a clone ("(SP263)") is none.
_TITLE_LEAD_ID = re.compile(
    rf"\A\s*{_ABSTRACT_NUMBER}({_ACRONYM})[ \t]*\(({_ACRONYM}(?:[ \t][A-Z]{{0,2}}-?\d{{1,4}})?)\):\s"
)
_GROUP_ID_SHAPE = re.compile(r"[A-Z]{2,}(?:-[A-Z]{2,})*(?:[ -][A-Z]{0,2}-?)\d{1,5}[A-Z]?")


def _title_lead_with_id(text: str) -> list[Hit]:
    """The name a title opens with and the group's study id bracketed after it."""
    if not text.lstrip()[:1].isupper():
        return []
    m = _TITLE_LEAD_ID.match(text)
    if m is None or not (_acronym_name(m.group(1)) and _group_study_id(m.group(2))):
        return []
    return [span_hit(m, 1), span_hit(m, 2)]


def _group_study_id(name: str) -> bool:
    """Whether ``name`` is shaped like a group's study id (``_GROUP_ID_SHAPE``, or a group's
    number alone, ``_group_study_number``) and no drug code or common acronym."""
    if not (_GROUP_ID_SHAPE.fullmatch(name) or _group_study_number(name)):
        return False
    first = re.split(r"[ -]", name, maxsplit=1)[0]
    return (
        not is_sponsor_code(name)
        and not _drug_abbreviation(name)
        and first not in NOT_TRIAL_NAMES
        and not _numbered_common_acronym(name)
    )


# Round 78a: a title's middle: a name and its spaced number in a bracket before the colon ("...
# breast cancer (MUKDEN 01): a single-arm, phase 2 trial"; ``_CONTEXT_PATTERNS`` reads a
# one-word bracket there), and a name after the colon, before a dash and design words ("...
# Populations: TyTAN\u2014A Randomized, Phase III Study"; ``_TITLE_LEAD`` reads one opening
# the title).
_TITLE_SPACED_BRACKET = re.compile(rf"\(({_ACRONYM}[ \t]\d{{1,2}})\):[ \t]+(?i:an?|the)\s")
_TITLE_COLON_DASH = re.compile(
    rf":[ \t]+({_ACRONYM}(?:[ \t]\d{{1,2}})?)[ \t]*[\u2014\u2013][ \t]*{_AFTER_DASH}"
    r"[^\n]{0,80}?" + _DESIGN_WORD_RE
)


def _title_middle_names(text: str) -> list[Hit]:
    """Names in the middle of the title (``_TITLE_SPACED_BRACKET``, ``_TITLE_COLON_DASH``)."""
    title = _title(text)
    if "):" not in title and "\u2014" not in title and "\u2013" not in title:
        return []
    hits = [span_hit(m) for m in _TITLE_SPACED_BRACKET.finditer(title) if _title_name(m.group(1))]
    return hits + [
        span_hit(m) for m in _TITLE_COLON_DASH.finditer(title) if _acronym_name(m.group(1))
    ]


# ... and one that closes with it: "Phase III, Randomized Study of ... Breast Cancer: ALTERNATIVE".
_DESIGN_WORD = re.compile(_DESIGN_WORD_RE)
_TAIL_NAME = re.compile(rf":[ \t]+({_ACRONYM})\.?[ \t]*\Z")


def _title(text: str) -> str:
    """The text's first line (its title; the whole text when it has one line)."""
    newline = text.find("\n")
    return text if newline < 0 else text[:newline]


def _title_tail(text: str) -> list[Hit]:
    title = _title(text)
    m = _TAIL_NAME.search(title)
    if m is None or not _title_name(m.group(1)):
        return []
    if not (_series_numbered(m.group(1)) or _DESIGN_WORD.search(title, 0, m.start())):
        return []
    return [span_hit(m)]


# Round 53: a conference title closes with its trial's name and no design word, numbered
# ("...: MERIDA-2") or as what the report gives ("...: 5-year update of ORCA-R", "primary
# results from KORVEL-3").
_SERIES_NUMBERED = re.compile(r"[A-Za-z][A-Za-z0-9-]*-\d{1,3}")
_REPORT_TAIL_NAME = re.compile(
    r"\b(?i:results|analys[ie]s|update|data|outcomes|report)[ \t]+(?i:of|from)[ \t]+"
    rf"(?:the[ \t]+)?({_ACRONYM})\.?[ \t]*\Z"
)


def _series_numbered(name: str) -> bool:
    """Whether ``name`` ends in a series number after a hyphen ("MERIDA-2", "GASTRO-HER-4")."""
    return _SERIES_NUMBERED.fullmatch(name) is not None


def _title_report_tail(text: str) -> list[Hit]:
    """The name in capitals a title closes with after a report's noun and "of"/"from"
    ("...: 5-year update of ORCA-R"); a scale or gene there ("update of CTCAE-5") is none."""
    title = _title(text)
    tail = title[-80:]  # (``in`` on the slice: no call for the titles without the words)
    if " of " not in tail and " from " not in tail:
        return []
    m = _REPORT_TAIL_NAME.search(title, len(title) - len(tail))
    if m is None or not _title_name(m.group(1)):
        return []
    return [span_hit(m)]


# ... or in brackets: "Pertuzumab retreatment ...: a randomised phase 3 trial (PRECIOUS)",
# "Trastuzumab monotherapy versus trastuzumab plus chemotherapy ... breast cancer (RESPECT)".
_TAIL_BRACKET = re.compile(rf"\(({_ACRONYM}{_SPACED_NUMBER})\)\.?[ \t]*\Z")


def _title_bracket_tail(text: str) -> list[Hit]:
    """The name in capitals (or a sponsor's protocol number, ``_protocol_number``: "... a
    randomised phase 3 trial (RC48-C006)") a title closes with in brackets, unless the bracket
    spells the words before it ("... triple-negative breast cancer (TNBC)": an abbreviation,
    not a name)."""
    title = _title(text)
    if not title.rstrip(" \t.").endswith(")"):
        return []
    m = _TAIL_BRACKET.search(title, max(0, title.rfind("(") - 1))
    if (
        m is None
        or not (
            _bracketed_name(m.group(1))
            or _coined_bracket_name(m.group(1))
            or _called_trial_number(text, title, m.group(1))
        )
        or (
            _spells_words_before(m.group(1), title, m.start())
            and not _used_as_trial_name(text, len(title), m.group(1))
        )
    ):
        return []
    return [span_hit(m)]


def _coined_bracket_name(name: str) -> bool:
    """Round 78a: a coined mixed-case name closing a title in brackets ("... phase II trial
    (NeoPHOEBE)"); an abbreviation in mixed case ("(HRQoL)", "(mBC)") is none."""
    return _coined_mixed_case(name) and _acronym_name(name)


def _used_as_trial_name(text: str, pos: int, name: str) -> bool:
    """Whether the text after ``pos`` uses ``name`` as a trial's name: "In CHER-LOB, ...",
    "The CHER-LOB results ...", "CHER-LOB was a ...". A long name in capitals can spell the
    many words of a title before it by chance ("Preoperative chemotherapy plus lapatinib or
    trastuzumab ... breast cancer (CHER-LOB)"); an abbreviation of those words ("(TNBC)") is
    not used so."""
    n = re.escape(name)
    used = re.compile(
        rf"(?<![\w-])(?:In\s+{n},|[Tt]he\s+{n}\s+(?:trial|study|results|investigators)\b"
        rf"|{n}\s+(?:was|is)\s+an?\s)"
    )
    return used.search(text, pos) is not None


def _called_trial_number(text: str, title: str, name: str) -> bool:
    """A protocol number (``_protocol_number``) closing a title names the trial only where the
    text calls it a trial or study: the title's own design words ("a randomised phase 3 trial
    (RC48-C006)") or "the T1234 trial/study" elsewhere. "... breast cancer (T1234)" alone may be
    any code."""
    if not _protocol_number(name):
        return False
    if _DESIGN_WORD.search(title) is not None:
        return True
    called = re.compile(rf"(?<![\w-]){re.escape(name)}\s+(?i:trial|study)\b")
    return called.search(text, len(title)) is not None


def _spells_words_before(short: str, text: str, end: int) -> bool:
    """Whether ``short`` is an abbreviation of the words right before ``end`` (Schwartz and
    Hearst's test: its letters, right to left, found in order in at most ``len(short) + 5``
    words, the first one starting a word). A hyphenated series number ("NEOPHAR-2") spells
    only a number written as a word of its own (``_series_number_unspelled``)."""
    if _series_number_unspelled(short, text, end):
        return False
    words = text[:end].split()
    long = " ".join(words[-min(len(short) + 5, 2 * len(short)) :]).lower()
    letters = [c for c in short.lower() if c.isalnum()]
    return letters_in_order(letters, long, starts_word(long)) >= 0


# A name's series number after a hyphen: "NEOPHAR-2", "ALTAIR-12".
_SERIES_NUMBER = re.compile(r"[A-Za-z]{2,}-(\d{1,3})")


def _series_number_unspelled(short: str, text: str, end: int) -> bool:
    """Whether ``short`` ends in a series number ("NEOPHAR-2") that is no word among the words
    before ``end``: its "2" would otherwise be found inside "HER2-positive", and the name read as
    an abbreviation of the title ("... Cohort 2 (NOPOSC-2)" abbreviates)."""
    m = _SERIES_NUMBER.fullmatch(short)
    if m is None:
        return False
    # (the last words only: "... for 2 years in HER2-positive breast cancer (NAME-2)" spells
    # no "2" of the name, "... Study Cohort 2 (NOPOSC-2)" does)
    return m.group(1) not in [w.strip(",:;") for w in text[max(0, end - 120) : end].split()[-3:]]


# Round 58b: a title's name before its design words in title case ("...: The CSBCG-TP-II
# Randomized Clinical Trial", "the KBCRG-HER-3 Phase II Trial"): ``_CONTEXT_PATTERNS`` reads
# only a lower-case "trial"/"study".
_TITLE_DESIGN_PHRASE = re.compile(
    rf"(?<![\w-])({_ACRONYM})[ \t]+(?:Phase[ \t]+(?:[1-4]|I{{1,3}}V?|IV)[ab]?[ \t]+)?"
    r"(?:Randomi[sz]ed[ \t]+)?(?:(?:Clinical|Controlled)[ \t]+)?(?:Trial|Study)\b"
)


def _title_design_phrase(text: str) -> list[Hit]:
    """The name (``_acronym_name``) before a title-case "Trial"/"Study" and its design words in
    the title ("A Randomized Clinical Trial", "The TCHP Randomized Trial" name none)."""
    title = _title(text)
    if "Trial" not in title and "Study" not in title:
        return []
    return [span_hit(m) for m in _TITLE_DESIGN_PHRASE.finditer(title) if _acronym_name(m.group(1))]


# Round 58b: a secondary report names its trial after its words in the body ("we report the
# final overall survival of OSPREY-5", "updated results of HARRIER"): a report's qualifier, at
# most two words, its noun and "of"/"from" before a name in capitals or a numbered mixed-case
# name. Read at each report noun (``_REPORT_NOUNS``).
_REPORT_NOUNS = ("results", "survival", "analysis", "analyses", "update", "data", "outcomes")
_REPORT_QUALIFIED = re.compile(
    r"(?<![\w-])(?i:final|updated|primary|long-term|mature|extended|interim|exploratory|"
    r"\d{1,2}-year)(?:[ \t]+[\w-]+){0,2}[ \t]+\Z"
)
_REPORT_OF_NAME = re.compile(
    rf"(?:results|survival|analys[ie]s|update|data|outcomes)[ \t]+(?:of|from)[ \t]+"
    rf"(?:the[ \t]+)?({_ACRONYM})(?![\w-])"
)
# A population or measure after the name: "final analysis of BCBM patients" names none.
_NOUN_AFTER = re.compile(
    r"[ \t]+(?:patients|women|men|tumou?rs|cohorts?|subgroups?|populations?|grading|criteria|"
    r"disease|cancers?|scores?)\b"
)


# Every name ``_named_after_report`` keeps follows "of"/"from" (and "the") and starts with a
# capital: a run of four capitals in a name of capitals, digits and hyphens (``_title_name``),
# or letters, a hyphen and a digit (``_numbered_mixed_case_name``). The gate is searched
# literal-first (the "f" of both words): one search per text instead of a scan for each report
# noun and a match at each of them; 14% of the benchmark texts pass it.
_REPORT_NAME_GATE = re.compile(
    r"f(?:(?<=of)|rom)[ \t]+(?:the[ \t]+)?[A-Z](?:[A-Z0-9-]*[A-Z]{3}|[A-Za-z]*-\d)"
)


def _qualified_report_name(m: re.Match[str]) -> bool:
    """Whether the report noun of ``m`` is qualified, its name in capitals or a numbered
    mixed-case name, and no population or measure after it."""
    q = m.start()
    if _REPORT_QUALIFIED.search(m.string, max(0, q - 40), q) is None:
        return False
    name = m.group(1)
    if not (_title_name(name) or _numbered_mixed_case_name(name)):
        return False
    return _NOUN_AFTER.match(m.string, m.end(1)) is None


_REPORT_OF = Reader(_REPORT_OF_NAME, accepts=_qualified_report_name)


def _named_after_report(text: str) -> list[Hit]:
    """Names after a qualified report's noun and "of"/"from" in the text (``_REPORT_OF_NAME``),
    read at each report noun of a text that passes ``_REPORT_NAME_GATE``."""
    if _REPORT_NAME_GATE.search(text) is None:
        return []
    return read_hits((_REPORT_OF,), text, literal_starts(text, _REPORT_NOUNS))
