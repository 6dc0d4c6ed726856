"""Trial recognition: the trial lexicon, name patterns and registry ids, kept as written."""

from __future__ import annotations

import re
from collections.abc import Iterable

from her2mine.extract.abbreviations import letters_in_order, starts_word
from her2mine.extract.drugs import is_sponsor_code, study_number_brackets
from her2mine.extract.fastre import START, finditer_at, literal_starts, whole_word_spans
from her2mine.extract.hits import Hit, resolve_longest_first
from her2mine.extract.lexicon import (
    COOPERATIVE_GROUPS,
    TrialLexicon,
    load_lexicons,
    starts_finder,
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
    # "JCOG1017", "WJOG7112G": a study number of four digits or more run into the group's name
    r"(?:[ -](?:[Pp]rotocol )?(?:[A-Z]{1,2}-?)?|(?=\d{4}))\d+(?:/\d{2}|-\d{2}|[A-Z])?"
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


def _word_starts(lex: TrialLexicon) -> re.Pattern[str]:
    """``starts_finder`` of ``start_words(lex)``, built once per lexicon: one pass over the text
    instead of ``str.find`` per word (40 of them)."""
    if lex.starts is None:
        lex.starts = starts_finder(start_words(lex))
    return lex.starts


def start_words(lex: TrialLexicon) -> list[str]:
    """Every literal a registry id, a family name or (when the lexicon scan can use them) a
    lexicon name starts with: ``find_trials`` only tries its patterns where one occurs."""
    return [*_REGISTRY_WORDS, *_FAMILY_WORDS, *lex.terms.start_words]


def find_trials(
    text: str,
    lex: TrialLexicon,
    registry_ids: Iterable[str] = (),
    starts: list[int] | None = None,
) -> list[Hit]:
    """Named trials and registry ids in ``text``; DataBankList ids come without offsets.
    ``starts``: sorted offsets that include every occurrence of ``start_words(lex)``, if the
    caller has them (one scan can find those of other words too)."""
    if starts is None:
        starts = list(map(START, _word_starts(lex).finditer(text)))
    # "EudraCT 2015-..." alone: its number starts 8 characters after "EudraCT"
    eudract = [i + 8 for i in starts if text.startswith("EudraCT", i)]
    registry = sorted(starts + eudract) if eudract else starts
    hits = [_hit(m, "rules") for m in finditer_at(_REGISTRY, text, registry)]
    family = [_hit(m, "rules") for m in finditer_at(_FAMILIES, text, starts)]
    family = [h for h in family if not _year_after_group(h.text)]
    hits += [h for h in family if not _performance_score(h.text) and not _bare_alliance(h.text)]
    spans = lex.terms.spans(text, starts)
    hits += [Hit("trial", a, b, text[a:b], text[a:b], [], "rules") for a, b in spans]
    hits += _group_numbers_alone(text, hits)
    after_ids = _acronyms_after_group_ids(text, family)
    hits += after_ids
    context = _named_by_context(text)
    hits += context
    if context or after_ids:
        hits += _other_uses(text, context + after_ids)
    hits += _short_forms(text, hits)
    hits = resolve_longest_first(hits)
    seen = {h.canonical for h in hits}
    for rid in registry_ids:
        rid = rid.strip()
        if rid and rid not in seen:
            seen.add(rid)
            hits.append(Hit("trial", -1, -1, rid, rid, [], "databank"))
    return hits


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


_ACRONYM = r"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*"  # (a name's shape: see ``_CONTEXT_PATTERNS``)
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
        if not h.text.startswith(_GROUP_WORDS) or (
            text.find("(", h.end, h.end + 8) < 0 and not text.startswith("/", h.end)
        ):
            continue
        m = _BRACKET_AFTER_GROUP_ID.match(text, h.end)
        if m is None:
            continue
        g = 1 if m.group(1) is not None else 2
        name = m.group(g)
        if is_registry_id(name) or _abbreviates(name, h.text):
            continue
        if _regimen_or_group_parts(name) or _subgroup_label(name):
            continue
        if _acronym_name(name) or (
            (_HYPHENATED_CAPITALS.fullmatch(name) or _SPACED_NUMERAL_NAME.fullmatch(name))
            and _context_name(name)
            and name.split()[0] not in _GROUP_WORD_SET
        ):
            out.append(Hit("trial", m.start(g), m.end(g), name, name, [], "rules"))
    return out


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


# Unlisted trial names: an acronym-like word (two capitals or more) named as a trial or study,
# in a title "(NAME): a randomised ...", or right before its registry id "NAME (NCT...)".
_CONTEXT_PATTERNS = [
    re.compile(rf"[tT](?<![\w][tT])he\s+({_ACRONYM})\s+(?:phase\s+\w+\s+)?(?:trial|study)\b"),
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
NOT_TRIAL_NAMES = frozenset(
    {
        "HER2",
        "ERBB2",
        "MBC",
        "EBC",
        "ABC",
        "TKI",
        "ADC",
        "BICR",
        "ITT",
        "FDA",
        "EMA",
        "NCI",
        "RECIST",
        "CTCAE",
        "PFS",
        "OS",
        "ORR",
        "DFS",
        "IDFS",
        "EFS",
        "RFS",
        "HR",
        "CI",
        "CNS",
        "US",
        "UK",
        "II",
        "III",
        "IV",
        "IB",
        "IIB",
        "IIIB",
        "HRQoL",
        "QoL",
        "AE",
        "AEs",
        "TEAE",
        "SAE",
        "DCR",
        "CBR",
        "DOR",
        "PRO",
        "PROs",
        "MRI",
        "NCCN",
        "ESMO",
        "ASCO",
        "SABCS",
        "AACR",
        "WHO",
        "ECOG",
        # assays and databases a title may close with in brackets (``_title_bracket_tail``)
        "FISH",
        "SEER",
        "TCGA",
        # staging systems, with or without their edition ("AJCC-8")
        "AJCC",
        "UICC",
        "TNM",
        "NCDB",
        "TNBC",
        # other cancers an appositive may follow ("In NSCLC, a phase 3 trial, ...")
        "NSCLC",
        "SCLC",
        "HNSCC",
        "ESCC",
        "GEJC",
        "mCRPC",
        "DLBCL",
        "PDAC",
        "HCC",
        "CRC",
        "RCC",
        "OSCC",
        "LUAD",
        "LUSC",
        # databases a retrospective study is run in ("In TriNetX, a retrospective cohort study")
        "TriNetX",
        "MarketScan",
        "FAERS",
        "JADER",
        "VigiBase",
        "Optum",
        # a scale, an infection or a gene a title may open with before its number ("COVID-19:",
        # "NYHA 2", review of round 58b)
        "NYHA",
        "COVID",
        "SARS",
        "BRCA",
    }
)


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
    rf"[tT](?<![\w][tT])he\s+({_ACRONYM}\s+(?:HER2|ERBB2)[+-]?)\s+(?:trial|study)\b"
)


def _subtype_named(text: str, starts: list[int]):
    """Matches of "the NAME HER2 trial" whose first word is a name itself (two capitals or
    more, no common acronym): "the adjuvant HER2 trial" names none."""
    for m in finditer_at(_THE_SUBTYPE, text, starts):
        if _context_name(m.group(1).split()[0]):
            yield m


def _context_matches(text: str, found: list[int] | None = None):
    """``found``: ``literal_starts(text, ("trial", "study"))`` if the caller has it."""
    the, title = _CONTEXT_PATTERNS
    # every match of the first ends with "trial"/"study": tried only where that is read back to
    if found is None:
        found = literal_starts(text, ("trial", "study"))  # (read by the readers below)
    starts = _the_candidates(text, found)
    yield from finditer_at(the, text, starts)
    if "HER2" in text or "ERBB2" in text:
        yield from _subtype_named(text, starts)
    if "):" in text:  # every match of ``title`` holds it
        yield from title.finditer(text)
    yield from _named_before_registration(text)
    yield from _named_after_design_words(text, found)
    yield from _named_near_design_noun(text, found)
    yield from _named_as_subject(text, found)
    yield from _named_before_setting_word(text, found)
    if "(NCT" not in text and "(ClinicalTrials.gov" not in text:
        return  # every _NCT_BRACKET match starts with one of these
    brackets = [b.start() for b in _NCT_BRACKET.finditer(text)]
    for pattern in _NAME_BEFORE:
        for b in brackets:
            m = pattern.search(text, max(0, b - 120), b)
            if m:
                yield m


# "the randomised PERNETTA trial", "the phase 3 open-label NAME study": design words between
# "the" and the name. Only names in capitals (``_title_name``) count here, so that "the
# randomised HER2-positive trial" names none.
_DESIGN_ADJECTIVE = (
    # ("phase 1a/1b", "phase I/II": a split phase)
    r"(?:randomi[sz]ed|phase\s+(?:[1-4]|I{1,3}V?|IV)[ab]?(?:/(?:[1-4]|I{1,3}V?|IV)[ab]?)?|"
    r"open-label|double-blind(?:ed)?|"
    r"placebo-controlled|multicent(?:re|er)|multinational|international|pivotal|prospective|"
    r"non-inferiority|noninferiority|confirmatory)"
)
# Words in capitals that are no trial's name: the trial's setting or design ("the NCCTG N9831
# ADJUVANT trial", "the NEOADJUVANT study") and gene symbols ("the BRCA 2 study", "the PIK3CA
# study"). Names that are other English words ("TOUCH", "ATTENTION") stay names.
_NOT_A_NAME = re.compile(
    rf"(?i:{_DESIGN_ADJECTIVE}|(?:neo-?)?adjuvant|(?:pre|post|peri)-?operative|metastatic|"
    r"intergroup)|BRCA[12]?|ERBB[1-4]|EGFR|PIK3CA|PTEN|TP53|ESR1|AKT[1-3]?|KRAS|CDK[46]?"
)
# (Literal-first: "[tT]" outside the case-insensitive part lets the regex engine skip to the
# t's of the window; a leading lookbehind, or a case-insensitive first letter, is tried at every
# position. Under re.I "[tT]he" matches what "(?i:the)" does.)
_NAME_AFTER_DESIGN_WORDS = re.compile(
    rf"[tT](?<![\w][tT])(?i:he\s+(?:{_DESIGN_ADJECTIVE},?\s+){{1,4}}({_ACRONYM})\s+$)"
)


def _named_after_design_words(text: str, found: list[int] | None = None):
    """Matches of "the <design words> NAME trial/study", read backwards from each "trial" /
    "study"; the name must be in capitals. ``found``: ``literal_starts(text, ("trial",
    "study"))`` if the caller has it."""
    for q in literal_starts(text, ("trial", "study")) if found is None else found:
        m = _NAME_AFTER_DESIGN_WORDS.search(text, max(0, q - 90), q)
        if m is None and text[q - 2 : q - 1].isdigit():
            m = _MEMBER_AFTER_DESIGN_WORDS.search(text, max(0, q - 90), q)
        if m is not None and (
            _title_name(m.group(1))
            or _trial_number(m.group(1))
            or _numbered_mixed_case_name(m.group(1))
        ):
            yield m
        elif m is None and text.find("he ", max(0, q - 90), q) >= 0:
            m = _NAME_AFTER_SETTING_WORDS.search(text, max(0, q - 90), q)
            if m is not None and _acronym_name(m.group(1)):
                yield m


# "the phase III TROPiCS-02 study": a name in mixed case with its number after a hyphen, three
# capitals or more before it ("the randomised HER2-positive trial" ends in no number).
_MIXED_CASE_NUMBERED = re.compile(r"[A-Z][A-Za-z]*-\d{1,3}")


def _numbered_mixed_case_name(name: str) -> bool:
    """Whether ``name`` is a mixed-case name with a hyphenated number ("TROPiCS-02"), no drug
    code and no common acronym."""
    return (
        _MIXED_CASE_NUMBERED.fullmatch(name) is not None
        and sum(c.isupper() for c in name) >= 3
        and _context_name(name)
        and not is_sponsor_code(name)
    )


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


def _named_near_design_noun(text: str, found: list[int]):
    """Matches of ``_NUMBERED_NAME``, ``_NAME_AFTER_GROUP_ID`` (the name in capitals) and
    ``_BRACKET_AFTER_NOUN`` (a protocol number or a name in capitals), read at each "trial" /
    "study" (``found``)."""
    for q in found:
        a = max(0, q - 60)
        m = _NUMBERED_NAME.search(text, a, q)
        if m is not None and _title_name(m.group(1).split()[0]):
            yield m
        m = _NAME_AFTER_GROUP_ID.search(text, a, q) if text[q - 1 : q].isspace() else None
        if m is not None and _title_name(m.group(1)):
            yield m
        m = _BRACKET_AFTER_NOUN.match(text, q) if text.find("(", q, q + 8) >= 0 else None
        if m is not None and _bracket_names_trial(text, m.group(1), a, q):
            yield m


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


# Round 51: "the ALTAIR-2 adjuvant trial", "the ORBIT-7 randomized trial": a setting or design
# word between the name and the noun (``_CONTEXT_PATTERNS`` allows only "phase X" there).
# Round 53: or a design noun ("the PANTHER basket study", "the ORYX platform trial").
_NAME_BEFORE_SETTING_WORD = re.compile(
    rf"[tT](?<![\w][tT])he\s+({_ACRONYM})\s+"
    r"(?i:(?:neo-?)?adjuvant|(?:peri|post|pre)-?operative|metastatic|first-line|second-line|"
    rf"maintenance|extension|basket|umbrella|platform|pilot|{_DESIGN_ADJECTIVE})\s+$"
)


def _named_before_setting_word(text: str, found: list[int]):
    """Matches of "the NAME <setting word> trial/study", read backwards from each "trial" /
    "study" (``found``); the name must be in capitals (``_title_name``) or a numbered mixed-case
    name ("the HER2-positive adjuvant trial" names none)."""
    for q in found:
        if not text[q - 1 : q].isspace():
            continue
        m = _NAME_BEFORE_SETTING_WORD.search(text, max(0, q - 60), q)
        # (the noun test after the search: the search rarely matches, the noun nearly always)
        if m is None or _NOUN_WORD.match(text, q) is None:
            continue  # "trials", "trialists", "studying": no one trial's name
        if _setting_word_name(m.group(1)):
            yield m


_NOUN_WORD = re.compile(r"(?:trial|study)\b")


def _setting_word_name(name: str) -> bool:
    """A name before a setting word is in capitals or a numbered mixed-case name, and no
    cooperative group's ("the NSABP adjuvant trial", "the ECOG-ACRIN randomized trial" are the
    group's trials, not one named)."""
    if name in _GROUP_WORD_SET or _GROUP_SHAPE.fullmatch(name) is not None:
        return False
    return _title_name(name) or _numbered_mixed_case_name(name)


# "IMpassion050 was a double-blind phase 3 trial", "ROSET-BM is a multicentre retrospective
# study": a name as the subject of "was/is a <design words> trial/study". "In NeoPHOEBE, a
# randomised phase 2 study, ...", "NAME, a phase 3 trial (NCT...), enrolled": the head of an
# appositive that closes with a comma (an appositive, not "In NSCLC, a phase 3 trial showed").
_SUBJECT_DESIGN = (
    rf"(?i:{_DESIGN_ADJECTIVE}|retrospective|observational|single-arm|single-cent(?:re|er)|"
    r"multi-?cohort|investigator-initiated|non-randomi[sz]ed|exploratory|pilot|two-arm|"
    r"three-arm|real-world|population-based|nationwide|controlled|clinical|cohort)"
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
# "In JCOG, a ...": a group's name alone is no trial of it
_GROUP_WORD_SET = frozenset(COOPERATIVE_GROUPS)


def _named_as_subject(text: str, found: list[int]):
    """Matches of ``_NAME_AS_SUBJECT`` read backwards from each "trial"/"study" (``found``)
    whose name looks like a trial acronym (``_acronym_name``); an appositive must close with a
    comma after the noun and its head follow no modifier (``_appositive_head``)."""
    for q in found:
        window = text[max(0, q - 120) : q]
        # every match has the article between blanks (" a" alone is in every " and")
        if " a " not in window and " an " not in window and "\t" not in window:
            continue
        # (the article and the words after it first: a cheap search, rarely found)
        if _SUBJECT_TAIL.search(text, max(0, q - 120), q) is None:
            continue
        m = _NAME_AS_SUBJECT.search(text, max(0, q - 120), q)
        if m is None or not _acronym_name(m.group(1)):
            continue
        if m.group(2) is None or _appositive_head(text, q, m.start(1)):
            yield m


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


# A capital after a lower-case letter, or two capitals before one ("NeoPHOEBE", "TyTAN",
# "IMpassion050", "FDChina"): a coined name in mixed case, no plain word ("Patients", "It").
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]|[A-Z]{2}[a-z]")
# Mixed case that is no coined name: a short lower-case prefix on an acronym ("mCRC",
# "mTNBC": metastatic; "ctDNA", "mRNA") or an acronym's plural ("ADCs", "TILs", "RCTs").
_PREFIXED_OR_PLURAL_ACRONYM = re.compile(r"[a-z]{1,3}[A-Z]{2,}|[A-Z]{2,}s")


# A short acronym ending in "OG"/"CG"/"SG"/"RG"/"TG" (Oncology, Cancer, Study, Research,
# Treatment Group): a cooperative group's name ("DBCG", "HeCOG", "TCOG"), no trial's.
_GROUP_SHAPE = re.compile(r"[A-Za-z]{1,4}[A-Z](?<=[COSRT])G")


def _acronym_name(name: str) -> bool:
    """Whether ``name`` looks like a trial's acronym: in capitals (``_title_name``) or in mixed
    case with capitals inside, and no common acronym, subtype, group's name, drug code or drug
    abbreviation ("HER2-low", "JCOG", "DS-8201a", "TCHP")."""
    if (
        name in NOT_TRIAL_NAMES
        or name in _GROUP_WORD_SET
        or name.startswith(("HER2", "ERBB2", "NCT"))
        or _DRUG_CODE.fullmatch(name) is not None
        or _NOT_A_NAME.fullmatch(name) is not None
        or _PREFIXED_OR_PLURAL_ACRONYM.fullmatch(name) is not None
        or _GROUP_SHAPE.fullmatch(name) is not None
        or is_sponsor_code(name)
        or _drug_abbreviation(name)
    ):
        return False
    return _title_name(name) or (
        sum(c.isupper() for c in name) >= 2 and _INNER_CAPITAL.search(name) is not None
    )


def _drug_abbreviation(name: str) -> bool:
    """Whether the drug lexicon reads ``name`` as a drug or regimen ("TCHP", "T-DM1")."""
    drugs = load_lexicons().drugs
    return name in drugs.exact_of or name.lower() in drugs.canonical_of


def _bracketed_name(name: str) -> bool:
    """A name in capitals (``_title_name``) in a bracket after "trial"/"study" that is no
    sponsor's drug code: "a phase I study (MCLA-128)" names the drug it studies (a trial lexicon
    name is read by the lexicon scan)."""
    return _title_name(name) and not is_sponsor_code(name)


# NEJM's registration note: "(Funded by Roche; PHEREXA ClinicalTrials.gov number, NCT01026142.)".
# The name stands between the note's "(" or ";" and the registry's name.
_REGISTRATION_WORDS = (
    "ClinicalTrials.gov number",
    "Current Controlled Trials number",
    "EudraCT number",
)
_NAME_BEFORE_REGISTRATION = re.compile(rf"[(;][ \t]*({_ACRONYM})[ \t]+$")


def _named_before_registration(text: str):
    """Matches of the name a registration note puts before its registry ("; NAME
    ClinicalTrials.gov number"), read backwards from each registry name."""
    for i in literal_starts(text, _REGISTRATION_WORDS):
        m = _NAME_BEFORE_REGISTRATION.search(text, max(0, i - 60), i)
        if m is not None:
            yield m


# A title that opens with the trial's name: "CEREBEL (EGF111438): A Phase III, Randomized...",
# "HERNATA: a randomised phase III trial...". Only names in capitals (a run of four or more, no
# lower case) count here: a title may as well open with a drug ("T-DXd: a phase 2 study").
_DESIGN_WORD_RE = r"\b(?i:phase|randomi[sz]ed|trial|study)\b"
# Round 35: or before a dash and an article ("TyLOR\u2014A Randomized, Phase III Study",
# "MARLIN \u2013 an open-label ...", "NAME - a randomised ..."); group 2 is set for a dash.
# Round 58b: the name may carry its number after a space ("KESTREL 01: a ..."), and the dash
# may be followed by the design words themselves ("MARLOW-2 \u2014 Phase II Study of ...").
_AFTER_DASH = r"(?=(?i:an?|the|phase|randomi[sz]ed|open-label|multicent(?:re|er))\s)"
_TITLE_LEAD = re.compile(
    rf"\A\s*({_ACRONYM}(?:[ \t]\d{{1,2}})?)(?:\s*\([^()\n]{{1,40}}\))?"
    rf"(?:\s*:(?=\s)|[ \t]*([\u2014\u2013])[ \t]*{_AFTER_DASH}|[ \t]+(-)[ \t]+{_AFTER_DASH})"
    r"\s*[^\n]{0,80}?" + _DESIGN_WORD_RE
)
# ... or a hyphen-numbered name before a colon, with no design word after it ("MARLOW-2:
# neoadjuvant pyrotinib in ..."), as one closing a title (``_title_tail``).
_TITLE_LEAD_NUMBERED = re.compile(rf"\A\s*({_ACRONYM}):\s")
_CAPITALS_RUN = re.compile(r"[A-Z]{4}")


def _title_lead(text: str) -> list[Hit]:
    m = _TITLE_LEAD.match(text)
    if m is None:
        return _numbered_title_lead(text)
    name = m.group(1)
    dash = m.group(2) or m.group(3)
    # a coined mixed-case name ("NeoSTAR") as well; after a dash no regimen short form ("TCHP")
    if not (_acronym_name(name) or (not dash and _title_name(name))):
        return []
    return [Hit("trial", m.start(1), m.end(1), m.group(1), m.group(1), [], "rules")]


def _numbered_title_lead(text: str) -> list[Hit]:
    """The hyphen-numbered name (``_series_numbered``, ``_acronym_name``) a title opens with
    before a colon, design words or not ("MARLOW-2: neoadjuvant ..."; "DS-8201: ..." is a
    drug's code, "HER2-3: ..." a score)."""
    m = _TITLE_LEAD_NUMBERED.match(text)
    if m is None or not (_series_numbered(m.group(1)) and _acronym_name(m.group(1))):
        return []
    if _numbered_common_acronym(m.group(1)):  # "COVID-19: ..." (review of round 58b)
        return []
    return [Hit("trial", m.start(1), m.end(1), m.group(1), m.group(1), [], "rules")]


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
    return [Hit("trial", m.start(1), m.end(1), m.group(1), m.group(1), [], "rules")]


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
    return [Hit("trial", m.start(1), m.end(1), m.group(1), m.group(1), [], "rules")]


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
        or not (_bracketed_name(m.group(1)) or _called_trial_number(text, title, m.group(1)))
        or (
            _spells_words_before(m.group(1), title, m.start())
            and not _used_as_trial_name(text, len(title), m.group(1))
        )
    ):
        return []
    return [Hit("trial", m.start(1), m.end(1), m.group(1), m.group(1), [], "rules")]


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


def _numbered_common_acronym(name: str) -> bool:
    """A common acronym with an edition or version number ("CTCAE-5", "RECIST-1"): no trial."""
    stem, _, number = name.rpartition("-")
    return number.isdigit() and stem in NOT_TRIAL_NAMES


def _title_name(name: str) -> bool:
    """A name in capitals (a run of four or more, no lower case) that is not a common acronym,
    nor a counted word with its number ("COHORT 2", ``_COUNTED_WORDS``)."""
    return (
        name not in NOT_TRIAL_NAMES
        and name.partition(" ")[0] not in _COUNTED_WORDS
        and name.partition(" ")[0] not in NOT_TRIAL_NAMES
        and not any(c.islower() for c in name)
        and _CAPITALS_RUN.search(name) is not None
        and _NOT_A_NAME.fullmatch(name) is None
        and not _numbered_common_acronym(name)
    )


# Words in capitals a number follows after a space that count parts of one study, not trials.
_COUNTED_WORDS = frozenset(
    {"COHORT", "PART", "ARM", "STAGE", "GRADE", "PHASE", "GROUP", "LEVEL", "STEP", "CYCLE", "DOSE"}
    # ... and words a number classifies ("TRIAL 2", "CLASS 2": review of round 58b)
    | {"TRIAL", "STUDY", "CLASS", "TYPE"}
)


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
    return [
        Hit("trial", m.start(1), m.end(1), m.group(1), m.group(1), [], "rules")
        for m in _TITLE_DESIGN_PHRASE.finditer(title)
        if _acronym_name(m.group(1))
    ]


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


def _named_after_report(text: str) -> list[Hit]:
    """Names after a qualified report's noun and "of"/"from" in the text (``_REPORT_OF_NAME``)."""
    hits = []
    for q in literal_starts(text, _REPORT_NOUNS):
        m = _REPORT_OF_NAME.match(text, q)
        if m is None or _REPORT_QUALIFIED.search(text, max(0, q - 40), q) is None:
            continue
        name = m.group(1)
        if not (_title_name(name) or _numbered_mixed_case_name(name)):
            continue
        if _NOUN_AFTER.match(text, m.end(1)) is None:
            hits.append(Hit("trial", m.start(1), m.end(1), name, name, [], "rules"))
    return hits


def _named_by_context(text: str) -> list[Hit]:
    hits = _title_lead(text) + _title_tail(text) + _title_bracket_tail(text)
    hits += _title_report_tail(text) + _title_design_phrase(text) + _named_after_report(text)
    found = literal_starts(text, ("trial", "study"))  # (one scan for both readers)
    for m in _context_matches(text, found):
        name = m.group(1)
        if _trial_number(name) or _context_name(name):
            start = _programme_word_start(text, m.start(1), name)
            name = text[start : m.end(1)]
            hits.append(Hit("trial", start, m.end(1), name, name, [], "rules"))
    hits += _rarer_shaped_names(text, found)
    return hits + _coordinated_names(text) + _bracketed_names(text)


def _other_uses(text: str, named: list[Hit]) -> list[Hit]:
    """The other whole-word uses of each name in capitals the context calls a trial: once the
    title reads "the TOUCH trial", "TOUCH evaluated ..." and "In TOUCH, ..." mention it too. A
    sponsor's drug code ("the MCLA-128 study") may name the drug elsewhere, so its uses are not
    read. A coined mixed-case name ("PeRiDoT", "NeoSTAR") recurs as well; other lower case
    ("Patients") is no name to look for."""
    out = []
    at = {h.start for h in named}
    for name in {h.canonical for h in named}:
        if is_sponsor_code(name) or (
            any(c.islower() for c in name) and not _coined_mixed_case(name)
        ):
            continue
        word = name.isalpha()
        out += [
            Hit("trial", a, b, name, name, [], "rules")
            for a, b in whole_word_spans(text, name)
            if a not in at
            and not _LONGER_NAME.match(text, b)
            and not (word and _PEOPLE.match(text, b))
        ]
    return out


def _coined_mixed_case(name: str) -> bool:
    """Whether ``name`` is a coined name in mixed case ("PeRiDoT", "NeoSTAR", "TyTAN"): letters
    and digits only, two capitals or more, one after a lower-case letter, no plural/prefixed
    acronym ("ADCs", "mCRC")."""
    return (
        name.isalnum()
        and sum(c.isupper() for c in name) >= 2
        and _INNER_CAPITAL.search(name) is not None
        and _PREFIXED_OR_PLURAL_ACRONYM.fullmatch(name) is None
    )


# "ELDERLY patients": a name that is a plain word, in capitals before a noun for the people
# treated, is that word used as an adjective, no mention of the trial (read in ``_other_uses``
# only for a name of letters alone: "HER2CLIMB patients", "NSABP B-31 patients" stay mentions).
_PEOPLE = re.compile(r"[ \t]+(?:patients|women|men|people|persons|subjects|adults|individuals)\b")


# A use that goes on with a hyphen and a number or word is another trial's longer name: after
# "the HERMES trial", "HERMES-2 enrolled ..." is HERMES-2, no mention of HERMES.
_LONGER_NAME = re.compile(r"-[A-Za-z0-9]")


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


_DRUG_CODE = re.compile(r"[A-Z]{1,3}-?\d+[a-z]?")  # "DS-8201a"


def _context_name(name: str) -> bool:
    """Whether a name the context calls a trial is one: two capitals or more, four characters
    or more, no common acronym, registry id, drug code or drug the lexicon names ("the T-DM1
    trial" is a trial of that drug, not its name)."""
    return (
        sum(c.isupper() for c in name) >= 2
        and len(name) >= 4
        and name not in NOT_TRIAL_NAMES
        and not name.startswith("NCT")
        and not _numbered_common_acronym(name)
        and _DRUG_CODE.fullmatch(name) is None
        and _NOT_A_NAME.fullmatch(name) is None
        and not _drug_abbreviation(name)
    )


# A sponsor's study number: one to three capitals, then five or six digits, no hyphen ("M77001",
# "EGF30008", "BO17929"). Drug codes are hyphenated or have fewer digits ("DS-8201a", "SYD985").
_STUDY_NUMBER = re.compile(r"[A-Z]{1,3}\d{5,6}[a-z]?")


def _study_number(name: str) -> bool:
    """Whether ``name`` is shaped like a sponsor's study number. Where the text itself calls it
    a trial or study ("the M77001 study group"), it names the trial, though it has one capital
    and reads like a drug code."""
    return _STUDY_NUMBER.fullmatch(name) is not None


# Other sponsors' protocol numbers: Genentech's end in "g" ("TDM4450g", "H0648g"), Daiichi
# Sankyo's add the study's phase and region ("DS8201-A-J101", "DS8201-A-U201"), RemeGen's a
# letter and the study's number to the drug's code ("RC48-C006", "RC48-C012"). A cooperative
# group's trial number, its group left out ("the E2198 trial", "the N9831 study"): one capital
# and four digits.
_PROTOCOL_NUMBER = re.compile(
    r"[A-Z]{1,3}\d{4}g|[A-Z]{1,4}\d{3,6}-[A-Z]-[A-Z]\d{3}|[A-Z]{1,4}\d{2,6}-[A-Z]\d{3}|[A-Z]\d{4}"
)


def _protocol_number(name: str) -> bool:
    """A sponsor's study or protocol number (``_study_number`` or ``_PROTOCOL_NUMBER``): where
    the text calls it a trial or study, it names the trial ("the phase III BO17929 trial", "the
    TDM4450g study"), though it reads like a drug code."""
    return _study_number(name) or _PROTOCOL_NUMBER.fullmatch(name) is not None


# A cooperative group's lettered trial number without its group ("the B-31 trial"): NSABP's
# breast protocols are "B-" and two digits (the other groups' numbers are ``_PROTOCOL_NUMBER``'s
# "N9831", "E2198"). Any other letter is no breast trial's number: "the C-30 study
# questionnaire" (EORTC QLQ-C30), "the K-12 trial". Read only where the text calls it a trial or
# study (the group's name before it is ``_FAMILIES``'s reading).
_GROUP_TRIAL_NUMBER = re.compile(r"B-\d{2}")


def _group_trial_number(name: str) -> bool:
    """Whether a name the context calls a trial is a group's lettered number ("B-31")."""
    return _GROUP_TRIAL_NUMBER.fullmatch(name) is not None


def _trial_number(name: str) -> bool:
    """A sponsor's protocol number or a group's lettered number (``_protocol_number``,
    ``_group_trial_number``): the names that read like codes but name a trial where the text
    calls them one ("the phase III B-31 trial", "the N9831 and B-31 trials")."""
    return _protocol_number(name) or _group_trial_number(name)


# "the TDM4450g and BO17929 studies", "the NeoSphere, TRYPHAENA and PEONY trials": names
# coordinated before a plural "trials"/"studies", read backwards from it.
_COORDINATED = re.compile(  # (literal-first, as _NAME_AFTER_DESIGN_WORDS)
    rf"[tT](?<![\w][tT])(?i:he\s+(?:(?:{_DESIGN_ADJECTIVE}|single-arm),?\s+){{0,4}}"
    rf"((?:{_ACRONYM},\s+)*{_ACRONYM},?\s+(?:and|or)\s+{_ACRONYM})\s+$)"
)
_COORDINATED_ITEM = re.compile(_ACRONYM)
_COORDINATED_WORDS = frozenset({"and", "or"})


def _coordinated_names(text: str) -> list[Hit]:
    """Names coordinated before "trials"/"studies"; every item must be a name (``_context_name``
    or ``_protocol_number``), or none is read ("the adjuvant and metastatic trials")."""
    hits: list[Hit] = []
    for q in literal_starts(text, ("trials", "studies")):
        m = _COORDINATED.search(text, max(0, q - 150), q)
        if m is None:
            continue
        items = [
            i
            for i in _COORDINATED_ITEM.finditer(text, m.start(1), m.end(1))
            if i.group(0) not in _COORDINATED_WORDS
        ]
        if all(_trial_number(i.group(0)) or _context_name(i.group(0)) for i in items):
            hits += [
                Hit("trial", i.start(), i.end(), i.group(0), i.group(0), [], "rules") for i in items
            ]
    return hits


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
    hits: list[Hit] = []
    if "(" not in text:
        return hits
    for q in literal_starts(text, ("trials", "studies")):
        m = _BRACKETED_COORDINATED.match(text, q)
        if m is None:
            continue
        items = [
            i
            for i in _COORDINATED_ITEM.finditer(text, m.start(1), m.end(1))
            if i.group(0) not in _COORDINATED_WORDS
        ]
        names = [i.group(0) for i in items]
        if not any(_protocol_number(n) or is_registry_id(n) for n in names):
            continue
        if all(_protocol_number(n) or _numbered_name(n) or is_registry_id(n) for n in names):
            hits += [
                Hit("trial", i.start(), i.end(), i.group(0), i.group(0), [], "rules")
                for i in items
                if not is_registry_id(i.group(0))
            ]
    return hits


def _numbered_name(name: str) -> bool:
    """A ``_context_name`` that ends in its number ("ACE-Breast-01"; not "HER2-positive")."""
    return name[-1].isdigit() and _context_name(name)


# "DESTINY-Breast03 (DB-03)", "HER2CLIMB-02 (HC-02)": a short form the text defines for a trial
# right after its name stands for that trial there and wherever the text uses it later.
_SHORT_FORM = re.compile(rf"[ \t]*\(({_ACRONYM})\)")


def _short_forms(text: str, hits: list[Hit]) -> list[Hit]:
    """Mentions of the short form in brackets right after a trial's name, if it abbreviates that
    name (two capitals or more, its letters and digits in the name's order, the first one the
    name's first: "NSABP B-31 (Alliance)", "EMILIA (T-DM1)" define none): at the definition
    and at each later whole-word use, each with the trial's own name as canonical (so the
    trials list names the trial once)."""
    out = []
    for h in hits:
        if text.find("(", h.end, h.end + 3) < 0:
            continue
        m = _SHORT_FORM.match(text, h.end)
        if m is not None and _abbreviates(m.group(1), h.text):
            short = m.group(1)
            later = [a for a, _ in whole_word_spans(text, short) if a > m.end()]
            out += [
                Hit("trial", a, a + len(short), short, h.canonical, [], "rules")
                for a in [m.start(1), *later]
            ]
    return out


def _abbreviates(short: str, name: str) -> bool:
    """Whether ``short`` (two capitals or more, no common acronym) takes its letters and digits
    from ``name`` in order, starting with its first."""
    if short == name or sum(c.isupper() for c in short) < 2 or short in NOT_TRIAL_NAMES:
        return False
    letters = [c for c in short.lower() if c.isalnum()]
    # (the letters in order, the first one the name's first character)
    return letters_in_order(letters, name.lower(), _at_first) == 0


def _at_first(i: int) -> bool:
    """``first_ok`` of ``letters_in_order`` for ``_abbreviates``: a short form of a trial's
    name starts with the name's first character, not just with a word of it."""
    return i == 0


# Round 59b: "the randomised phase II EORTC HERON trial", "the phase 3 JCOG KESTREL study": a
# cooperative group's abbreviation between the design words and the name in capitals (the name
# is the trial's, the group only runs it; "the NSABP B-31 trial" is ``_FAMILIES``'s reading).
_NAME_AFTER_GROUP_WORD = re.compile(
    rf"[tT](?<![\w][tT])(?i:he\s+(?:{_DESIGN_ADJECTIVE},?\s+){{0,4}})(?:{_GROUPS})[ \t]+"
    rf"({_ACRONYM})\s+$"
)


def _named_after_group_word(text: str, found: list[int]) -> list[Hit]:
    """Names in capitals after "the <design words> GROUP", read backwards from each "trial" /
    "study" (``found``) standing as a word."""
    hits = []
    for q in found:
        if not text[q - 1 : q].isspace() or _NOUN_WORD.match(text, q) is None:
            continue
        m = _NAME_AFTER_GROUP_WORD.search(text, max(0, q - 100), q)
        name = m.group(1) if m is not None else ""
        if m is not None and _title_name(name) and name not in _GROUP_WORD_SET:
            hits.append(Hit("trial", m.start(1), m.end(1), name, name, [], "rules"))
    return hits


# Round 59b: "The PELICAN (Pertuzumab Early Locally Invasive Cancer Adjuvant Neoadjuvant)
# trial": the name's expansion in a bracket between the name and the noun. The bracket must
# spell the name (its letters in order, the first starting a word), so that "the HERA (HER2
# adjuvant) trial"-like glosses and "the NAME (n = 120) study" name nothing new.
_NAME_BEFORE_BRACKET = re.compile(rf"(?<![\w-])({_ACRONYM})[ \t]+\Z")


def _named_before_expansion(text: str, found: list[int]) -> list[Hit]:
    """Names (``_acronym_name``) spelled by the bracket between them and "trial"/"study"
    (``found``)."""
    hits = []
    for q in found:
        if text[q - 2 : q] not in (") ", ")\t") or _NOUN_WORD.match(text, q) is None:
            continue
        b = text.rfind("(", max(0, q - 160), q - 2)
        if b < 0 or text.find(")", b, q - 2) >= 0:
            continue
        m = _NAME_BEFORE_BRACKET.search(text, max(0, b - 40), b)
        if m is None or not _acronym_name(m.group(1)):
            continue
        gloss = text[b + 1 : q - 2].lower()
        letters = [c for c in m.group(1).lower() if c.isalpha()]
        if len(gloss.split()) >= 2 and letters_in_order(letters, gloss, starts_word(gloss)) >= 0:
            hits.append(Hit("trial", m.start(1), m.end(1), m.group(1), m.group(1), [], "rules"))
    return hits


def _rarer_shaped_names(text: str, found: list[int]) -> list[Hit]:
    """Names of rarer shapes, most near "trial"/"study" (rounds 59b and 60c): after a group's
    abbreviation, before an expansion bracket, study numbers in brackets, a word with a protocol
    number, observational studies, a spaced numeral and its alias, hyphenated names, design
    words before a name and a setting noun, a study number before its bracketed name, coined
    mixed-case names (also before "registry"), a data source's short form. ``found``:
    ``literal_starts(text, ("trial", "study"))``."""
    hits = _named_after_group_word(text, found) + _named_before_expansion(text, found)
    hits += [
        Hit("trial", a, b, text[a:b], text[a:b], [], "rules")
        for a, b in study_number_brackets(text)
    ]
    hits += _word_protocol_names(text) + _observational_names(text)
    hits += _numeral_names(text, found) + _hyphenated_names(text, found)
    hits += _design_words_setting_names(text, found) + _number_bracket_names(text, found)
    if "registry" in text:
        found = literal_starts(text, ("trial", "study", "registry"))
    return hits + _coined_names(text, found) + _data_source_short_forms(text)


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
        hits.append(Hit("trial", m.start(1), m.end(1), m.group(1), m.group(1), [], "rules"))
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
            hits.append(Hit("trial", m.start(1), m.end(1), name, name, [], "rules"))
    return hits


def _noun_at(text: str, q: int) -> bool:
    """Whether "trial"/"study"/"registry" at ``q`` is a word after whitespace."""
    return text[q - 1 : q].isspace() and _NOUN_OR_REGISTRY.match(text, q) is not None


_NOUN_OR_REGISTRY = re.compile(r"(?:trial|study|registry)\b")


def _span_hit(m: re.Match[str], g: int) -> Hit:
    return Hit("trial", m.start(g), m.end(g), m.group(g), m.group(g), [], "rules")


# Round 60c: "the randomised KESTREL III trial", "OSPREY V (HERON) trial": a name in capitals
# with a Roman numeral after a space, and the alias bracketed after it, before the noun.
_NUMERAL_NAME = re.compile(
    rf"(?<![\w-])([A-Z]{{3,}}[ \t][IVX]{{1,4}})(?:[ \t]+\(({_ACRONYM})\))?[ \t]+\Z"
)


def _numeral_names(text: str, found: list[int]) -> list[Hit]:
    """Names with a spaced Roman numeral (``_NUMERAL_NAME``) and their bracketed aliases."""
    hits = []
    for q in found:
        if not _noun_at(text, q) or text[q - 2 : q - 1] not in "IVX)":
            continue
        m = _NUMERAL_NAME.search(text, max(0, q - 60), q)
        if m is None or not _title_name(m.group(1)):
            continue
        hits.append(_span_hit(m, 1))
        alias = m.group(2)
        if alias is not None and (_acronym_name(alias) or _numbered_mixed_case_name(alias)):
            hits.append(_span_hit(m, 2))
    return hits


# Round 60c: "the phase II KESTREL platform trial": design words between "the" and a name that
# a setting or design noun follows (``_NAME_BEFORE_SETTING_WORD`` reads "the NAME platform").
_SETTING_WORDS = (
    r"(?:neo-?)?adjuvant|(?:peri|post|pre)-?operative|metastatic|first-line|second-line|"
    r"maintenance|extension|basket|umbrella|platform|pilot"
)
_DESIGN_WORDS_THEN_SETTING = re.compile(
    rf"[tT](?<![\w][tT])(?i:he\s+(?:{_DESIGN_ADJECTIVE},?\s+){{1,4}}({_ACRONYM})\s+"
    rf"(?:{_SETTING_WORDS})\s+$)"
)


def _design_words_setting_names(text: str, found: list[int]) -> list[Hit]:
    """Names (``_setting_word_name``) of "the <design words> NAME <setting word> trial"."""
    hits = []
    for q in found:
        if not _noun_at(text, q):
            continue
        m = _DESIGN_WORDS_THEN_SETTING.search(text, max(0, q - 100), q)
        if m is not None and _setting_word_name(m.group(1)):
            hits.append(_span_hit(m, 1))
    return hits


# Round 60c: "the neoadjuvant GeparKestrel trial", "the SystHERon registry": a coined mixed-case
# name (``_coined_mixed_case``) after "the" and at most three design or setting words.
_COINED_BEFORE_NOUN = re.compile(
    rf"[tT](?<![\w][tT])he\s+(?:(?i:{_SUBJECT_DESIGN}|{_SETTING_WORDS}),?\s+){{0,3}}"
    r"([A-Za-z][A-Za-z0-9]*)\s+\Z"
)


def _coined_names(text: str, found: list[int]) -> list[Hit]:
    """Coined mixed-case names before "trial"/"study"/"registry" (``found``)."""
    hits = []
    for q in found:
        if not _noun_at(text, q):
            continue
        m = _COINED_BEFORE_NOUN.search(text, max(0, q - 90), q)
        if m is not None and _coined_mixed_case(m.group(1)) and _acronym_name(m.group(1)):
            hits.append(_span_hit(m, 1))
    return hits


# Round 60c: "the Neo-heron trial": a hyphenated title-case name before the noun. A word the
# text also writes in lower case, or a design or common compound ("Open-label", "Long-term"),
# is no name.
_HYPHENATED_TITLE_CASE = re.compile(r"[tT](?<![\w][tT])he\s+([A-Z][a-z]+-[a-z]{3,})\s+\Z")
_COMMON_COMPOUNDS = frozenset(
    {"follow-up", "long-term", "short-term", "case-control", "add-on", "run-in", "cross-over",
     "dose-escalation", "dose-finding", "dose-expansion", "single-arm", "two-arm", "real-world"}
)  # fmt: skip


_SUBJECT_DESIGN_WORD = re.compile(_SUBJECT_DESIGN)


def _hyphenated_names(text: str, found: list[int]) -> list[Hit]:
    """Hyphenated title-case names before "trial"/"study" (``found``)."""
    hits = []
    for q in found:
        if not _noun_at(text, q) or not text[q - 2 : q - 1].islower():
            continue
        m = _HYPHENATED_TITLE_CASE.search(text, max(0, q - 40), q)
        if m is None:
            continue
        low = m.group(1).lower()
        if low in _COMMON_COMPOUNDS or low in text or _NOT_A_NAME.fullmatch(low) is not None:
            continue
        if _SUBJECT_DESIGN_WORD.fullmatch(low) is None and not _descriptive_compound(low):
            hits.append(_span_hit(m, 1))
    return hits


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


def _number_bracket_names(text: str, found: list[int]) -> list[Hit]:
    """Study numbers and the names bracketed after them with "trial"/"study" (``found``)."""
    hits = []
    for q in found:
        if not _noun_at(text, q) or _NOUN_CLOSES_BRACKET.match(text, q) is None:
            continue
        m = _NUMBER_BEFORE_NAME.search(text, max(0, q - 60), q)
        if m is not None and _title_name(m.group(2)) and not is_registry_id(m.group(1)):
            hits += [_span_hit(m, 1), _span_hit(m, 2)]
    return hits


_NOUN_CLOSES_BRACKET = re.compile(r"(?i:trial|study)\)")


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
            hits.append(_span_hit(m, 1))
    return hits


# Review of 60c: "the Japan Clinical Oncology Group (JCOG) database": a short form of a group or
# another organisation names who holds the data, not the data source.
_ORGANISATION_BEFORE = re.compile(
    r"(?:Group|Network|Society|Institute|Organi[sz]ation|Association|Consortium|Alliance|"
    r"Administration|Agency|Foundation)[ \t]*\Z"
)


def _names_organisation(text: str, name: str, b: int) -> bool:
    """Whether short form ``name`` (its bracket at ``b``) is a group's or organisation's."""
    if name in _GROUP_WORD_SET or _GROUP_SHAPE.fullmatch(name) is not None:
        return True
    return _ORGANISATION_BEFORE.search(text, max(0, b - 16), b) is not None
