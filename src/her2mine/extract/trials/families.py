"""Registry ids and name families: the fixed patterns ``find_trials`` tries at start words (NCT,
EudraCT, ChiCTR...; DESTINY-Breast, KEYNOTE, cooperative groups' numbered trials), their
filters, a group's numbers read alone and the acronyms bracketed after a group's study number."""

from __future__ import annotations

import re

from her2mine.extract.fastre import whole_word_spans
from her2mine.extract.hits import Hit
from her2mine.extract.lexicon import COOPERATIVE_GROUPS
from her2mine.extract.trials.names import (
    _ACRONYM,
    _GROUP_WORD_SET,
    _abbreviates,
    _acronym_name,
    _context_name,
    _drug_abbreviation,
    span_hit,
)

# Name families whose members keep appearing (DESTINY-Breast12, HER2CLIMB-05...).
_GROUPS = "|".join(COOPERATIVE_GROUPS)
_FAMILIES = re.compile(
    r"[A-Z](?<![A-Za-z0-9-][A-Z])(?<=[CDHIKLMPT])(?:(?<=D)ESTINY-[A-Z][A-Za-z]*\d+|(?<=H)ER2CLIMB(?:-\d+)?|"
    r"(?<=P)HERGain(?:-\d+)?|(?<=M)onarcHER|(?<=P)ATINA|(?<=T)RAIN-\d|(?<=L)UX-Breast[ -]?\d|"
    r"(?<=M)A\.\d{1,2}|"
    # sponsors' programmes, whose word alone names no one trial ("KEYNOTE-811", "CheckMate 649")
    r"(?<=K)EYNOTE[ -]?\d+|(?<=C)(?:heckMate|HECKMATE)[ -]?\d+|(?<=M)ONALEESA-\d+|(?<=P)ALOMA-\d+|"
    r"(?<=I)(?:Mpassion|MPASSION)\d+|(?<=M)ONARCH[ -]\d+|(?<=T)ROP(?:iCS|ICS)-\d+)"
    r"(?![A-Za-z0-9])|"
    rf"[A-Z](?<![A-Za-z0-9-][A-Z])(?<=[{''.join(sorted({g[0] for g in COOPERATIVE_GROUPS}))}])"
    rf"(?:{'|'.join(f'(?<={g[0]}){g[1:]}' for g in COOPERATIVE_GROUPS)})"
    # "SAKK 22/10": number/year; "BIG 1-06", "BIG 2-06": the Breast International Group's;
    # "NCCTG N063D": a letter after the number; "NSABP protocol B-41" (Lancet Oncol titles);
    # "JCOG1017", "WJOG7112G": a study number of four digits or more run into the group's name;
    # round 97c: an intergroup id, two five-digit numbers ("EORTC 22922-10925"), read whole
    r"(?:[ -](?:[Pp]rotocol )?(?:[A-Z]{1,2}-?)?|(?=\d{4}))\d+"
    r"(?:/\d{2}|-\d{2}|(?<=[ -]\d{5})-\d{5}|[A-Z])?"
    r"(?![A-Za-z0-9])"
)
# Registry ids: ClinicalTrials.gov, EudraCT, Chinese, Japanese, ISRCTN, UMIN, ANZCTR, CTRI.
# Literal-first alternatives, each with the "no letter/digit before" lookbehind after its first
# character, so the regex engine skips to candidate characters.
_REGISTRY = re.compile(
    r"(?:N(?<![A-Za-z0-9]N)CT\d{8}|"
    r"E(?<![A-Za-z0-9]E)udraCT(?:,?\s+(?:No\.?|number|Number))?[:,\s]+\d{4}-\d{6}-\d{2}|"
    r"\d(?<=EudraCT\s\d)\d{3}-\d{6}-\d{2}|"
    r"C(?<![A-Za-z0-9]C)hiCTR[-A-Za-z0-9]*\d{6,}|j(?<![A-Za-z0-9]j)RCT[a-z]?\d{7,}|"
    r"I(?<![A-Za-z0-9]I)SRCTN\d{8}|U(?<![A-Za-z0-9]U)MIN\d{9}|A(?<![A-Za-z0-9]A)CTRN\d{14}|"
    r"C(?<![A-Za-z0-9]C)TR\d{8}|J(?<![A-Za-z0-9]J)apicCTI-\d{6}|"
    r"C(?<![A-Za-z0-9]C)TRI/\d{4}/\d{2,3}/\d{6})(?![A-Za-z0-9])"  # India: CTRI/2019/03/018123
)


# Every _REGISTRY / _FAMILIES match starts with one of these (case-sensitive) literals; the
# registry's "EudraCT 2015-..." number alone starts 8 characters after "EudraCT".
_REGISTRY_WORDS = ("NCT", "EudraCT", "ChiCTR", "jRCT", "ISRCTN", "UMIN", "ACTRN", "CTR", "JapicCTI")


def is_registry_id(name: str) -> bool:
    """Whether a trial hit's canonical name is a registry id ("NCT01234567"), not a name."""
    return name.startswith(_REGISTRY_WORDS) and any(c.isdigit() for c in name)


_FAMILY_WORDS = (
    "DESTINY-",
    "HER2CLIMB",
    "PHERGain",
    "MonarcHER",
    "PATINA",
    "TRAIN-",
    "LUX-Breast",
    "MA.",  # the Canadian Cancer Trials Group's MA.17, MA.31...
    *("KEYNOTE", "CheckMate", "MONALEESA", "PALOMA", "IMpassion", "MONARCH", "TROPiCS"),
    *("CHECKMATE", "IMPASSION", "TROPICS"),  # (the same programmes in capitals)
    *COOPERATIVE_GROUPS,
)


# "ECOG 0-1", "ECOG 0 or 1": the ECOG performance-status score, not a trial of the group (its
# trials are numbered "E2198", "E1199"): a single digit after "ECOG".
_PERFORMANCE_SCORE = re.compile(r"ECOG[ -]\d")


def _performance_score(written: str) -> bool:
    """Whether a family match is the ECOG performance-status score ("ECOG 0"), not a trial."""
    return _PERFORMANCE_SCORE.fullmatch(written) is not None


# "Alliance 2 centres": the Alliance's trials are numbered with a letter ("Alliance A011202");
# a bare number after the word is no trial.
_BARE_ALLIANCE = re.compile(r"Alliance[ -](?:[Pp]rotocol )?\d")


# "ECOG 2019", "JCOG2019": a year after a group's name (its meeting, its report), not a study
# number; a year with the study's own suffix ("GEICAM 2003-02") stays one. Read on the group's
# matches alone (programmes' numbers are never years).
_YEAR_AFTER_GROUP = re.compile(rf"(?:{_GROUPS})[ -]?(?:19[5-9]\d|20[0-3]\d)\Z")


def _year_after_group(written: str) -> bool:
    """Whether a family match is a group's name and a bare year ("ECOG 2019"), not a trial."""
    return written[-1].isdigit() and _YEAR_AFTER_GROUP.match(written) is not None


def _bare_alliance(written: str) -> bool:
    """Whether a family match is "Alliance" with a number without its letter, not a trial."""
    return _BARE_ALLIANCE.match(written) is not None


# The number of a cooperative group's trial with its letter ("NSABP B-31" → "B-31", "ECOG
# E2198" → "E2198", "Alliance A011801" → "A011801"): once the text has named the trial with its
# group, the number alone names it too ("In B-31, ...", "results of E2198"). Numbers of digits
# only ("CALGB 40601") are not read alone: a bare number may be anything.
_GROUP_NUMBER = re.compile(r"[ -](?:[Pp]rotocol )?([A-Z]{1,2}-?\d+(?:/\d{2}|-\d{2}|[A-Z])?)\Z")
_GROUP_WORDS = tuple(COOPERATIVE_GROUPS)


def _group_numbers_alone(text: str, hits: list[Hit]) -> list[Hit]:
    """Whole-word uses of the lettered number of each group's trial named in ``text`` (the
    group name's own match is longer and wins where they overlap), with the trial's name as
    canonical."""
    out = []
    for h in hits:
        if not h.text.startswith(_GROUP_WORDS):
            continue
        m = _GROUP_NUMBER.search(h.text)
        if m is None:
            continue
        number = m.group(1)
        out += [
            Hit("trial", a, b, number, h.canonical, [], "rules")
            for a, b in whole_word_spans(text, number)
            if not h.start <= a < h.end
        ]
    return out


# "WJOG7112G (T-ACT) was ...", "the JCOG1204 study (PRESENT)", "SWOG S1007 (RxPONDER)": the
# trial's acronym in a bracket right after its group's study number (and "trial"/"study").
# Round 35: the bracket may hold the name's noun ("KCSG-BR-19-05 (ZEPHYR trial)", "(NAME Study)")
# or a numeral after a space ("GBG 92 (ICE III)"), and a title may join the acronym with a slash
# ("JCOG1523/NERVE").
_BRACKET_AFTER_GROUP_ID = re.compile(
    rf"(?:[ \t]+(?:trial|study))?[ \t]*\(({_ACRONYM}(?:[ \t](?:[IVX]{{1,4}}|\d{{1,2}}))?)"
    rf"(?:[ \t]+(?i:trial|study))?\)|/({_ACRONYM})"
)
# "ICE III": a name in capitals (two or more) and its numeral after a space
_SPACED_NUMERAL_NAME = re.compile(r"[A-Z]{2,}[ \t](?:[IVX]{1,4}|\d{1,2})")
# "T-ACT": a name in capitals with a hyphen (too short for ``_title_name``'s run of four)
_HYPHENATED_CAPITALS = re.compile(r"[A-Z]+(?:-[A-Z]+)+")


def _acronyms_after_group_ids(text: str, family: list[Hit]) -> list[Hit]:
    """The acronym bracketed after each group's study number of ``family``: a name in
    capitals or mixed case (``_acronym_name``, or hyphenated capitals), not one the bracket's
    short-form reading takes (``_short_forms``), a registry id, or a group ("(Alliance)")."""
    out = []
    for h in family:
        if not h.text.startswith(_GROUP_WORDS):
            continue
        if text.startswith("/", h.start - 1):
            before = _acronym_before_group_id(text, h)
            if before is not None:
                out.append(before)
        if text.find("(", h.end, h.end + 8) < 0 and not text.startswith("/", h.end):
            continue
        m = _BRACKET_AFTER_GROUP_ID.match(text, h.end)
        if m is None:
            continue
        g = 1 if m.group(1) is not None else 2
        if _group_id_acronym_ok(m.group(g), h):
            out.append(span_hit(m, g))
    return out


def _group_id_acronym_ok(name: str, h: Hit) -> bool:
    """Whether ``name``, joined to the group's study number ``h``, is the trial's acronym."""
    if is_registry_id(name) or _abbreviates(name, h.text):
        return False
    if _regimen_or_group_parts(name) or _subgroup_label(name):
        return False
    return bool(
        _acronym_name(name)
        or (
            (_HYPHENATED_CAPITALS.fullmatch(name) or _SPACED_NUMERAL_NAME.fullmatch(name))
            and _context_name(name)
            and name.split()[0] not in _GROUP_WORD_SET
        )
    )


# "(HERALD/EPOC1806)": the acronym may come first, joined to the group's study number by a slash.
_ACRONYM_BEFORE_SLASH = re.compile(rf"(?<![A-Za-z0-9/-])({_ACRONYM})/\Z")


def _acronym_before_group_id(text: str, h: Hit) -> Hit | None:
    """The trial acronym written right before "/" and the group's study number ``h``."""
    m = _ACRONYM_BEFORE_SLASH.search(text, max(0, h.start - 30), h.start)
    if m is None or not _group_id_acronym_ok(m.group(1), h):
        return None
    return span_hit(m)


# Parts of a subgroup's label bracketed after a study number ("SWOG S1007 (ER-NEG)", "(HR-POS)",
# "(US-CANADA)"): a receptor and its status, or a region where the trial's cohort enrolled.
_SUBGROUP_PARTS = frozenset(
    {"ER", "PR", "PGR", "HR", "HER2", "POS", "NEG", "POSITIVE", "NEGATIVE", "LOW", "HIGH",
     "US", "USA", "UK", "EU", "CANADA", "EUROPE", "ASIA", "JAPAN", "CHINA", "KOREA", "INTL"}
)  # fmt: skip


def _subgroup_label(name: str) -> bool:
    """Whether a hyphenated bracket after a study number is a subgroup's label, not a trial."""
    return "-" in name and any(p in _SUBGROUP_PARTS for p in name.split("-"))


def _regimen_or_group_parts(name: str) -> bool:
    """Whether a hyphenated bracket is a regimen or a network, not a trial: a part the drug
    lexicon reads ("(AC-TH)", "(FEC-T)") or a group's name ("(ECOG-ACRIN)")."""
    if "-" not in name:
        return False
    return any(p in _GROUP_WORD_SET or _drug_abbreviation(p) for p in name.split("-"))


def _hit(m: re.Match[str], source: str) -> Hit:
    written = m.group(0)
    start = m.start()
    eudract = _EUDRACT_NUMBER.search(written)
    if written.startswith("EudraCT") and eudract:
        # normalised "EudraCT <number>" ("EudraCT, number 2012-004027-24")
        return Hit("trial", start, m.end(), written, "EudraCT " + eudract.group(0), [], source)
    return Hit(
        "trial", start, start + len(written), written, _without_protocol(written), [], source
    )


def _without_protocol(written: str) -> str:
    """ "NSABP protocol B-41" (Lancet Oncol titles) is the trial "NSABP B-41"."""
    if "rotocol " not in written:
        return written
    return written.replace("protocol ", "").replace("Protocol ", "")


_EUDRACT_NUMBER = re.compile(r"\d{4}-\d{6}-\d{2}")
