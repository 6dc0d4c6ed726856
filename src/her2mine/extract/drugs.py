"""Drug recognition: lexicon terms, unseen drugs by USAN stem or sponsor code, abbreviations.

Pure functions over the text; the spaCy component in ``components.py`` only wraps them.
Precedence on overlaps: lexicon > abbreviation defined in the text > model entity > stem > code.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from functools import cache
from operator import attrgetter

from her2mine.extract.arms import _RANDOMISED
from her2mine.extract.fastre import finditer_at, literal_starts, whole_word_spans
from her2mine.extract.hits import Hit, resolve_longest_first, resolve_overlaps
from her2mine.extract.lexicon import (
    COOPERATIVE_GROUPS,
    SUPPORTIVE_CLASSES,  # noqa: F401  (re-exported: it used to live here)
    DrugLexicon,
    initials_of,
    load_lexicons,
    lower_same_length,
    term_spans,
    trie_pattern,
)
from her2mine.extract.options import options_as_class
from her2mine.extract.regimens import (
    CHAIN_KINDS,
    chains_before,
    is_schedule_only,
    is_schedule_or_alone,
    or_list_before,
)
from her2mine.extract.sentences import join_soft_line_breaks, sentence_spans

# FDA biosimilar / formulation suffixes are four meaningless lower-case letters ("-nxki").
_SUFFIX = re.compile(r"-(?:hyaluronidase-)?([a-z]{4})(?![A-Za-z0-9])")
_NOT_SUFFIX = frozenset(
    {"free", "like", "only", "type", "base", "treated", "naive", "high", "low", "dose", "arms"}
)

# Biosimilar trials name the reference product by where it was sourced ("trastuzumab-EU",
# "trastuzumab-US"): the suffix is part of the mention, so "trastuzumab-EU plus paclitaxel" stays
# one regimen.
_SOURCE_SUFFIX = re.compile(r"-(?:EU|US)(?![A-Za-z0-9])")


def _source_suffix_end(text: str, end: int) -> int:
    """The end of a drug mention ending at ``end`` (before a "-"), past a sourcing suffix."""
    m = _SOURCE_SUFFIX.match(text, end)
    return m.end() if m else end


_STEMS = (
    "mab|tinib|ciclib|lisib|vedotin|deruxtecan|taxel|platin|rubicin|tecan|parib|citabine|"
    "trozole|zomib|rafenib|lutamide|strant|mustine|limus"
)
_ADC_PAYLOAD = r"(?:vedotin|deruxtecan|emtansine|govitecan|duocarmazine|[a-z]+tecan|[a-z]+dotin)"
# A word of 3+ letters then a stem: "(?<![A-Za-z0-9-])((?:fam-|ado-|vic-)?[a-z]{3,}(?:STEMS)...".
# Written as the whole letter run (possessive: no giving back) that ends with a stem after 3
# letters: a stem followed by a letter never matches, so the stem has to end the run anyway, and
# the plain form backtracks through every letter of every word it is tried on (1.5x slower).
_STEM_AT_RUN_END = "|".join(f"(?<=[a-z]{{3}}{stem})" for stem in _STEMS.split("|"))
_STEM_RE = re.compile(
    rf"(?<![A-Za-z0-9-])((?:fam-|ado-|vic-)?[a-z]++(?:{_STEM_AT_RUN_END})(?:-[a-z]{{4}})?"
    rf"(?:\s+{_ADC_PAYLOAD}(?:-[a-z]{{4}})?)?)(?![A-Za-z0-9])",
    re.IGNORECASE,
)
STEM_STOPLIST = frozenset({"anti-her2 mab", "tinib", "imab", "taxel", "platin"})

_CODE_RE = re.compile(r"([A-Z](?<![A-Za-z0-9-][A-Z])[A-Z]{1,4}-?[0-9]{3,6}[a-z]?)(?![A-Za-z0-9-])")
# Prefixes of registry ids, cooperative groups, staging systems... that look like sponsor codes.
CODE_STOP_PREFIXES = frozenset(
    {
        *COOPERATIVE_GROUPS,
        "AGO",  # the German gynaecological oncology group ("AGO-B")
        "NCT", "HER", "ISRCTN", "UMIN", "KCT", "CTR", "ACTRN", "DRKS", "JRCT", "CDK", "IHC", "ISH",
        "ICD", "AJCC", "TNM", "UICC", "CTCAE", "RECIST", "FDA", "EMA", "CSCO", "ESMO", "ASCO",
        "SABCS", "COVID", "SARS", "WHO", "ISO", "PMID", "DOI", "IRB", "CI", "HR", "OR", "PFS", "OS",
        "ORR", "EGFR", "ERBB", "PIK", "ESR", "BRCA", "TP", "PD", "PDL", "CTLA", "MRI", "CT", "PET",
        "UK", "USA", "EU", "NSABPB",
        "CD",  # cluster-of-differentiation antigens ("CD274"), genes not drugs
        # sponsors' study numbers: GSK (EGF111438), Roche/Genentech (BO17929, WO20697, MO28047,
        # ML21165, GO27834, JO17360, YO25406, TDM4450g)
        "EGF", "BO", "WO", "MO", "ML", "GO", "JO", "YO", "TDM",
    }
)  # fmt: skip
_CODE_CONTEXT = re.compile(
    r"\b(?:receiv\w*|plus|combination|combined|mg|dose\w*|administ\w*|treat\w*|inhibitor|"
    r"antibody|conjugate|ADC|versus|vs|monotherapy|infusion|drug|agent|bispecific|TKI)\b",
    re.IGNORECASE,
)
_CODE_NOT_AFTER = re.compile(r"\s*(?:trial|study|cohort|protocol)\b", re.IGNORECASE)


# A dose written straight onto a chemotherapy regimen's short form ("FEC100", "EC90", "AC60"):
# two or three digits, no decimal part, no letter after them (see ``dosed_short_form_hits``).
_DOSE_AFTER_SHORT = re.compile(r"(\d{2,3})(?![A-Za-z0-9]|[.,·]\d)")
_SHORT_FORM_DOSES = range(50, 121)  # mg/m² of the anthracycline ("FEC50"... "FEC120")


def dosed_short_form_hits(text: str, lex: DrugLexicon) -> list[Hit]:
    """ "FEC100 followed by docetaxel", "EC90 then paclitaxel": a chemotherapy regimen's short
    form with its dose (50-120) written onto it is that regimen (the whole-word lexicon scan
    misses it, and "FEC100" is shaped like a sponsor code). The mention is the letters only,
    as in "FEC-100"; the dose after it is read past where regimens are joined."""
    hits: list[Hit] = []
    if _dosed_gate(lex.dosable_shorts).search(text) is None:
        return hits  # (one scan instead of one per short form)
    for short in lex.dosable_shorts:
        if short not in text:
            continue
        canon = lex.exact_of[short]
        kind, drugs = lex.mention_of(canon)
        for a, b in _dosed_spans(text, short):
            m = _DOSE_AFTER_SHORT.match(text, b)
            if m and int(m.group(1)) in _SHORT_FORM_DOSES and not _is_concentration(text, a, m):
                hits.append(Hit(kind, a, b, short, canon, list(drugs), "rules"))
    return hits


@cache
def _dosed_gate(shorts: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern found wherever one of ``shorts`` is followed by a digit: the last two
    characters of one of them (all of a shorter one) and a digit. Exact as a gate:
    ``_dosed_spans`` yields only a short form a digit follows, so a text without any ("FEC1",
    "X61") has no dosed short form."""
    ends = sorted({re.escape(short[-2:]) for short in shorts})
    return re.compile("(?:" + "|".join(ends) + r")\d") if ends else re.compile(r"(?!)")


# "EC50 of 12 nM", "the EC50 of trastuzumab was 0.5 ug/mL", "EC90 values", "half-maximal
# effective concentration (EC50)": the pharmacology measure shaped like a dosed "EC"/"AC" (a
# regimen takes no "=" or value, and a concentration's unit soon follows it).
_CONCENTRATION_AFTER = re.compile(
    r"\s*(?:values?\b|[=<>≤≥~≈]|(?:[^.;()]|\.(?=\d)){0,40}?\d\s*[pnµμu]?(?:M|g/m[lL])\b)"
)
_CONCENTRATION_BEFORE = re.compile(r"(?:concentration|half[\s-]maximal)\W{0,4}\Z", re.I)


def _is_concentration(text: str, start: int, dose: re.Match[str]) -> bool:
    """Whether the dosed short form at ``start`` (its number ``dose``) is an EC50-like measure."""
    return (
        _CONCENTRATION_AFTER.match(text, dose.end()) is not None
        or _CONCENTRATION_BEFORE.search(text, max(0, start - 40), start) is not None
    )


def _dosed_spans(text: str, short: str) -> list[tuple[int, int]]:
    """(start, end) of each occurrence of ``short`` with no letter, digit or hyphen before it
    and a digit right after it."""
    out = []
    i = text.find(short)
    while i >= 0:
        j = i + len(short)
        free_before = i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "-")
        if free_before and text[j : j + 1].isdigit():
            out.append((i, j))
        i = text.find(short, i + 1)
    return out


def lexicon_hits(
    text: str, lex: DrugLexicon, low: str | None = None, starts: list[int] | None = None
) -> list[Hit]:
    """Every lexicon term in ``text`` (both case-sensitive abbreviations and names).
    ``low`` = ``lower_same_length(text)`` if the caller has it; ``starts``: sorted offsets that
    include every occurrence of ``lex.sensitive.start_words``, if the caller has them."""
    hits: list[Hit] = []
    low = lower_same_length(text) if low is None else low
    n = len(text)
    mentions = lex.mentions
    loose = term_spans(lex.insensitive, low) if lex.insensitive is not None else []
    for spans, source, canonical_of in (
        (lex.sensitive.spans(text, starts), text, lex.exact_of),
        (loose, low, lex.canonical_of),
    ):
        for start, end in spans:
            # (subscripts, not ``get`` calls: every term found has its entries)
            try:
                canon = canonical_of[source[start:end]]
                kind, drugs = mentions[canon]
            except KeyError:  # (a lexicon whose ``mentions`` were not worked out)
                canon = canonical_of.get(source[start:end])
                if canon is None:
                    continue
                kind, drugs = lex.mention_of(canon)
            if end < n and text[end] == "-":  # every suffix starts with a hyphen
                sm = _SUFFIX.match(text, end)
                if sm and sm.group(1) not in _NOT_SUFFIX and lex.kind.get(canon) == "drug":
                    end = sm.end()
                elif sm is None and lex.kind.get(canon) == "drug":
                    end = _source_suffix_end(text, end)
            hits.append(Hit(kind, start, end, text[start:end], canon, list(drugs), "rules"))
    return hits


# Where a stem ends a word: the only places a _STEM_RE match can contain (``_stem_words``
# finds them, then _STEM_RE is tried from that word's start); the plain scan, kept for tests.
_STEM_END = re.compile(rf"(?:{_STEMS})(?![a-z0-9])")
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")


_STEM_LIST = tuple(_STEMS.split("|"))
# Stems looked for at word ends: one that ends with another stem ("deruxtecan", "tecan") is
# found through the shorter one (same word, same word start). None ends with another, so at
# most one of them ends a given word.
_STEM_FINDS = tuple(s for s in _STEM_LIST if not any(s != t and s.endswith(t) for t in _STEM_LIST))
_LOW_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
# Run on the reversed lower-cased text (with a space in front): a word-end stem is then a
# boundary-first term (a fast scan, as in ``compile_terms``), and the lookahead reads the rest
# of its word back to the word start (the characters of ``_WORD_CHARS``, lower-cased).
_STEM_TAIL = re.compile(
    r"[^a-z0-9](" + trie_pattern([s[::-1] for s in _STEM_FINDS]) + r")(?=([a-z0-9-]*))"
)
# The one character outside ``_WORD_CHARS`` that lower-cases into it (so the reversed scan
# would read it as part of a word).
_LOWERS_INTO_WORD = "\u212a"


def _stem_words(text: str, low: str) -> list[tuple[int, int, int]]:
    """(stem start, stem end, word start) of each stem that ends a word (a letter or digit of
    ``low`` does not follow it), sorted. The word start is where ``_STEM_RE`` is tried: the
    run of ``_WORD_CHARS`` of ``text`` that ends at the stem."""
    if _LOWERS_INTO_WORD in text:
        return _stem_words_forward(text, low)
    n1 = len(low) + 1
    found = [
        (n1 - b, n1 - a, n1 - m.end(2))
        for m in _STEM_TAIL.finditer(" " + low[::-1])
        for a, b in (m.span(1),)  # (one call for the stem's two ends)
    ]
    found.reverse()
    return found


def _stem_words_forward(text: str, low: str) -> list[tuple[int, int, int]]:
    """``_stem_words`` with ``str.find`` per stem and a walk back to each word start."""
    out = []
    find = low.find
    n = len(low)
    for stem in _STEM_FINDS:
        k = len(stem)
        i = find(stem)
        while i >= 0:
            if i + k >= n or low[i + k] not in _LOW_ALNUM:
                ws = i
                while ws > 0 and text[ws - 1] in _WORD_CHARS:
                    ws -= 1
                out.append((i, i + k, ws))
            i = find(stem, i + 1)
    out.sort()
    return out


def _stem_matches(
    text: str,
    low: str,
    taken: list[Hit] | None = None,
    words: list[tuple[int, int, int]] | None = None,
):
    """``_STEM_RE`` matches from the start of each word a stem ends, left to right, without
    overlaps. ``taken`` (sorted mentions without overlaps): words inside one of them whose match
    cannot reach past it are not tried (see ``_inside_taken``). ``words``: ``_stem_words(text,
    low)`` if the caller has it."""
    last = 0
    tried = -1
    match = _STEM_RE.match
    starts = [h.start for h in taken] if taken else []
    for _, q, ws in _stem_words(text, low) if words is None else words:
        if ws < last or ws == tried:
            continue  # inside the previous match, or the same word (ws <= stem start)
        tried = ws
        if starts and _inside_taken(text, taken, starts, ws, q):
            continue
        found = match(text, ws)
        if found:
            last = found.end()
            yield found


def _inside_taken(text: str, taken: list[Hit], starts: list[int], ws: int, q: int) -> bool:
    """Whether a match at word start ``ws`` (its stem ends at ``q``) would lie inside a taken
    mention and end within the word: then its hit is dropped (it overlaps the mention), and its
    end cannot matter (every later word starts after this word), so the match need not be run.
    A match reaches past the word only into an ADC payload after whitespace; a non-ASCII
    character (the pattern may read some as letters) answers False."""
    i = bisect_right(starts, ws) - 1
    if i < 0:
        return False
    taken_end = taken[i].end
    if taken_end <= ws:
        return False
    end, n = q, len(text)
    while end < n and text[end] in _WORD_CHARS:
        end += 1
    if end > taken_end:
        return False  # the word itself reaches past the mention
    if end < n and not text[end].isascii():
        return False
    return not (end < n and text[end].isspace() and _PAYLOAD_AFTER.match(text, end))


# The end of _STEM_RE that can follow a word: whitespace and an ADC payload.
_PAYLOAD_AFTER = re.compile(rf"\s+{_ADC_PAYLOAD}(?:-[a-z]{{4}})?(?![A-Za-z0-9])", re.IGNORECASE)


def stem_hits(
    text: str,
    lex: DrugLexicon,
    low: str | None = None,
    taken: list[Hit] | None = None,
    words: list[tuple[int, int, int]] | None = None,
) -> list[Hit]:
    """Unseen drugs recognised by their USAN stem; normalised to the lower-cased written form.
    ``taken``: mentions that win over stems (sorted, no overlaps): stems that overlap one are
    left out, as ``resolve_overlaps`` would drop them (most stems are lexicon drugs).
    ``words``: ``_stem_words(text, low)`` if the caller has it."""
    hits = []
    low = lower_same_length(text) if low is None else low
    taken = taken or []
    if words is None:
        words = _stem_words(text, low)
    if taken and _all_covered(words, taken):
        return []  # (most texts: their stems are lexicon drugs; see ``_all_covered``)
    starts = [h.start for h in taken]
    for m in _stem_matches(text, low, taken, words):
        start, end = m.span(1)
        if taken:  # the test resolve_overlaps makes (against its neighbours among ``taken``)
            i = bisect_left(starts, start)
            if (i and taken[i - 1].end > start) or (i < len(taken) and taken[i].start < end):
                continue
        written = m.group(1)
        written_low = written.lower()
        if written_low in STEM_STOPLIST:
            continue
        canon = lex.canonical_of.get(written_low) or written_low
        hits.append(Hit("drug", start, end, written, canon, [canon], "stem"))
    return hits


def _all_covered(words: list[tuple[int, int, int]], taken: list[Hit]) -> bool:
    """Whether every stem of ``words`` overlaps a mention of ``taken`` (sorted, each ending at
    or before the next one starts). Then no stem hit survives: ``_stem_matches`` tries
    ``_STEM_RE`` at the word start of one of ``words``, and a match there either runs on over
    that word's stem or ends at an earlier stem of the same word (before a hyphen, so one of
    ``words`` too): it holds a stem of ``words``, so it overlaps that stem's mention."""
    k, n = 0, len(taken)
    for p, q, _ in words:
        while k < n and taken[k].end <= p:
            k += 1
        if k == n or taken[k].start >= q:
            return False
    return True


def code_hits(text: str, lex: DrugLexicon, sentences: list[tuple[int, int]]) -> list[Hit]:
    """Sponsor code names (``XX-1234``), only in sentences that talk about treatment."""
    hits = []
    for m in finditer_at(_CODE_RE, text, _code_starts(text)):
        code = m.group(1)
        prefix = _CAPITALS.match(code).group(0)
        if prefix in CODE_STOP_PREFIXES or _CODE_NOT_AFTER.match(text, m.end()):
            continue
        if _names_a_payload(text, m.start(1)) or _names_a_cell_line(text, m.start(1), m.end(1)):
            continue
        if text[m.start(1) - 1 : m.start(1)] == "(" and study_number_in_bracket(text, m.start(1)):
            continue
        s, e = _sentence_of(m.start(), sentences, len(text))
        if not _CODE_CONTEXT.search(text, s, e):
            continue
        canon = lex.lookup(code) or code.lower()
        hits.append(Hit("drug", m.start(1), m.end(1), code, canon, lex.expand(canon), "code"))
    return hits


# Round 59b: "OSPREY (ABCD1602) was a phase 2 trial": a code in a bracket right after a name in
# capitals that the sentence then calls a trial or study is the sponsor's study number, no drug.
_STUDY_NUMBER_BRACKET = re.compile(
    r"(?<![\w-])[A-Z][A-Z0-9-]*[A-Z]{3}[A-Z0-9-]*[ \t]+\(([A-Z]{1,6}-?\d{3,6}[A-Z]?)\)[ \t]+"
    r"(?:was|is)[ \t]+an?[ \t]+(?:(?!(?:in|of|for|from|within|under)\b)[\w-]+,?[ \t]+){0,5}?"
    r"(?:trial|study)\b"
)
# (No preposition before the noun: "DHES0815A (RG6148) is an ADC in a phase 1 study" calls the
# drug, not the name, something the study tests.)


def study_number_in_bracket(text: str, start: int) -> bool:
    """Whether the code at ``start`` is a study number in a bracket after a trial's name in
    capitals, the sentence calling it a trial or study (``_STUDY_NUMBER_BRACKET``)."""
    for m in _STUDY_NUMBER_BRACKET.finditer(text, max(0, start - 40), start + 120):
        if m.start(1) == start:
            return True
    return False


def study_number_brackets(text: str) -> list[tuple[int, int]]:
    """The spans of every study number in such a bracket (``_STUDY_NUMBER_BRACKET``)."""
    if ") was " not in text and ") is " not in text:
        return []
    return [m.span(1) for m in _STUDY_NUMBER_BRACKET.finditer(text)]


def is_sponsor_code(name: str) -> bool:
    """Whether ``name`` is shaped like a sponsor's drug code (``code_hits``: "MCLA-128",
    "SYD985"), its prefix no registry's, group's or study number's."""
    return _CODE_RE.fullmatch(name) is not None and (
        _CAPITALS.match(name).group(0) not in CODE_STOP_PREFIXES
    )


# An ADC's payload or linker named by its code just after that word ("a potent tubulin
# inhibitor payload (AS269)", "the payload SHR169265"): a part of the conjugate, not a drug
# given. (A code just before "payload" stays: "the ARX788 payload" is the drug's own.)
_PAYLOAD_BEFORE_END = re.compile(r"\b(?:payloads?|warheads?|linkers?)\s*[(,:]?\s*$", re.I)


def _names_a_payload(text: str, start: int) -> bool:
    """Whether the code starting at ``start`` is written as an ADC's payload or linker."""
    before = text[max(0, start - 12) : start].lower()
    if "payload" not in before and "warhead" not in before and "linker" not in before:
        return False
    return _PAYLOAD_BEFORE_END.search(before) is not None


# Cell lines are named like sponsor codes ("BT-474", "HCC1954", "UACC-812"): a code that a
# list of such names leads into "cells" / "cell lines" / "xenografts" ("BT-474 and HCC1954
# cells were treated with ..."), or that stands in such a list after "cell lines (", is a
# model the drug was tried on, not a drug. (List items carry a digit: "ZW25 and T cells" is
# no list of cell lines.)
_CELL_WORDS = r"(?:cells?|cell[\s-]lines?|xenografts?)\b"
_CELL_ITEM = r"[A-Z][A-Za-z-]*[0-9][A-Za-z0-9-]*"
_CELL_AFTER = re.compile(
    rf"(?:\s*(?:,|/|\band\b|\bor\b)\s*(?:and\s+|or\s+)?{_CELL_ITEM})*\s+{_CELL_WORDS}", re.I
)
# ("cells, ARX788 and T-DM1 ...", "SK-BR-3 cells: ZW49 reduced growth": after "cells" only a
# bracket or "such as" opens a list of them; a comma or colon may open one after "cell lines".)
_CELL_BEFORE_END = re.compile(
    r"(?:\b(?:cells?|xenografts?)\s*(?:\(|such\s+as|including|e\.g\.)"
    r"|\bcell[\s-]lines?\s*(?:[(:,]|such\s+as|including|e\.g\.))"
    rf"\s*(?:{_CELL_ITEM}\s*(?:,|\band\b|\bor\b)\s*)*\Z",
    re.I,
)
_CELL_REACH = 80  # characters read before a code for the "cell lines (" it stands in


def _names_a_cell_line(text: str, start: int, end: int) -> bool:
    """Whether the code at ``text[start:end]`` is written as a cell line (see ``_CELL_AFTER``)."""
    if _CELL_AFTER.match(text, end):
        return True
    before = text[max(0, start - _CELL_REACH) : start]
    return "cell" in before.lower() and _CELL_BEFORE_END.search(before) is not None


_CAPITALS = re.compile(r"[A-Z]+")
# A text's "shape": capitals → "A", digits → "0", other ASCII as is, anything else → "?" (one
# byte per character, so offsets are kept).
_SHAPE = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", b"A" * 26 + b"0" * 10)


def _code_starts(text: str) -> list[int]:
    """Where a ``_CODE_RE`` match can start: the first capital of each run of capitals followed
    by three digits, with or without a hyphen (found with ``bytes.find`` on the text's shape: the
    pattern itself starts with a character class, which the regex engine tests at every
    character)."""
    shape = text.encode("ascii", "replace").translate(_SHAPE)
    starts: set[int] = set()
    for needle in (b"A000", b"A-000"):
        i = shape.find(needle)
        while i >= 0:
            run = i
            while run > 0 and shape[run - 1] == 65:  # "A"
                run -= 1
            starts.add(run)
            i = shape.find(needle, i + 1)
    return sorted(starts)


def _sentence_of(pos: int, sentences: list[tuple[int, int]], n: int) -> tuple[int, int]:
    for s, e in sentences:
        if s <= pos < e:
            return s, e
    return 0, n


# The short form may close the bracket after its options ("(docetaxel or paclitaxel; HT)") or
# open it before its dose ("(PMCb; AUC 1.5 once a week)"); only a dose: "(ITT; n = 808)" is a
# population and "(IV; 8 mg/kg)" a route, no short form of the regimen before it.
# A sequence may be joined by an arrow as by a hyphen: "(AC→T)" is a short form like "(AC-T)",
# and so is "(AC → T)", the arrow with a space either side.
# A group label may open the bracket before a comma or colon: "(group B, PyHnP)" (round 60b).
_SHORT_IN_PARENS = re.compile(
    r"\((?:[^()]{0,60};\s*|(?i:groups?|arms?|cohorts?)\s+[A-Za-z0-9]{1,3}\s*[,:]\s*)?"
    r"\s*(?!(?:IV|SC|PO)\s*;)"
    r"([A-Za-z](?:[\w\-+/→]{1,11}(?: (?:IV|SC))?|[\w\-+/]{0,5} → [A-Za-z][\w\-+/]{0,5}))\s*"
    r"(?:;(?=[^();]{0,80}?(?:\bAUC\b|\d\s*(?:mg|µg|mcg|g/m|IU)\b))[^()]{0,80})?\)"
)
# Drug classes: no drug of their own, but they sit inside regimen definitions and arms
# ("trastuzumab plus a taxane (HT)"), so they take part in regimen chains.
_CLASSES = r"(?:taxanes?|anthracyclines?|chemotherapy|endocrine\s+therapy|aromatase\s+inhibitors?)"
# Run on lower-cased text; literal-first with the lookbehind after the first letter (fast).
_CLASS_RE = re.compile(
    rf"(?:s(?<![a-z-]s)tandard(?:-of-care)?\s+{_CLASSES}|t(?<![a-z-]t)axanes?|"
    r"a(?<![a-z-]a)nthracyclines?|c(?<![a-z-]c)hemotherapy|e(?<![a-z-]e)ndocrine\s+therapy|"
    r"a(?<![a-z-]a)romatase\s+inhibitors?)(?![a-z])"
)


_CLASS_WORDS = ("standard", "taxane", "anthracycline", "chemotherapy", "endocrine", "aromatase")


def class_hits(text: str, low: str | None = None) -> list[Hit]:
    low = lower_same_length(text) if low is None else low
    # every match starts with one of _CLASS_WORDS: try the pattern only there
    out = []
    for m in finditer_at(_CLASS_RE, low, literal_starts(low, _CLASS_WORDS)):
        a, b = m.span()
        out.append(Hit("class", a, b, text[a:b], m.group(0), [], "rules"))
    return out


def class_abbreviation_hits(
    text: str, hits: list[Hit], pairs: Iterable[tuple[str, int, int]]
) -> list[Hit]:
    """ "an aromatase inhibitor (AI)": every later "AI" is that class too. ``pairs``: the
    abbreviation detector's (short form, long-form start, long-form end); a pair whose long
    form is a class mention of ``hits`` defines a class short form."""
    classes = {(h.start, h.end): h for h in hits if h.kind == "class"}
    out: list[Hit] = []
    for short, ls, le in pairs:
        named = classes.get((ls, le))
        if named is None:
            continue
        for a, b in whole_word_spans(text, short):
            if not _OPEN_BRACKET.fullmatch(text, le, a):  # the definition is no mention itself
                out.append(Hit("class", a, b, short, named.canonical, [], "abbreviation"))
    return out


_OPEN_BRACKET = re.compile(r"\s*[(\[]\s*")


# "Chemotherapy plus lapatinib or trastuzumab or both in HER2-positive operable breast cancer
# (CHER-LOB)": a long form that ends in the disease abbreviates the population or names the
# trial (a title's closing bracket); the drugs it mentions on the way are not what it stands for.
_DISEASE_END = re.compile(r"(?:cancers?|carcinomas?|tumou?rs?|disease|neoplasms?)\Z", re.I)


def _ends_in_disease(text: str, end: int) -> bool:
    """Whether the long form ending at ``end`` ends with a disease word."""
    return _DISEASE_END.search(text, max(0, end - 10), end) is not None


def defined_abbreviations(
    text: str,
    hits: list[Hit],
    pairs: Iterable[tuple[str, int, int]] = (),
    consisted: list[re.Match[str]] | None = None,
    bracketed: list[tuple[int, str]] | None = None,
    readings: list[list[str] | None] | None = None,
    sentences: list[tuple[int, int]] | None = None,
    letters: Mapping[str, frozenset[str]] | None = None,
) -> dict[str, list[str]]:
    """Short forms the text defines for drugs or regimens: short form → sorted drug list.

    ``pairs`` are (short form, long-form start, long-form end) from scispaCy's
    AbbreviationDetector; on top of it, "<drug chain> (SHORT)" is read directly because
    Schwartz–Hearst cannot align e.g. "docetaxel, trastuzumab and pertuzumab (THP)".
    ``consisted`` / ``bracketed``: ``consisted_matches(text)`` / ``bracketed_shorts(text)`` if
    the caller has them (they do not depend on ``hits``); ``readings``: ``bracket_readings``
    of ``bracketed`` for these hits, if the caller has them; ``sentences``: the text's
    sentence spans, if the caller has them; ``letters``: the drug lexicon's
    ``DrugLexicon.letters`` (the package lexicon's if None).
    """
    if letters is None:
        letters = load_lexicons().drugs.letters
    defined: dict[str, list[str]] = {}
    drug_hits = drug_mentions(hits)
    for short, ls, le in pairs:
        if _ends_in_disease(text, le) or _closes_unopened_bracket(text, ls, le):
            continue
        drugs = sorted({d for h in drug_hits if ls <= h.start and h.end <= le for d in h.drugs})
        if drugs:
            defined.setdefault(short, drugs)
    bracketed = bracketed_shorts(text) if bracketed is None else bracketed
    if readings is None:
        readings = bracket_readings(text, drug_hits, bracketed, letters=letters)
    for (_, short), read in zip(bracketed, readings, strict=True):
        if read:
            defined[short] = read  # the direct "(SHORT)" reading wins
    _extend_earlier_shorts(drug_hits, bracketed, defined, letters)
    for m in consisted_matches(text) if consisted is None else consisted:
        short = m.group(1)
        after = [h for h in drug_hits if m.end() <= h.start <= m.end() + 120]
        if after:
            if sentences is None:
                sentences = sentence_spans(text)
            # Only the definition's own sentence: after "CNS-PFS was defined as ... or death.",
            # the next sentence's drugs ("(TUC arm ...)") define nothing.
            _, end = _sentence_of(m.end(), sentences, len(text))
            after = [h for h in after if h.start < end]
        if after:
            from her2mine.extract.regimens import group_regimens

            reg = group_regimens(text, after)[0]
            drugs = reg.drugs
            if drugs:
                defined[short] = drugs
    return defined


# "THP (pirarubicin) 50 mg/m2 was given": a lexicon short form in capitals whose bracket right
# after it holds only a drug chain (mentions, joiners, doses) is defined by the text as those
# drugs. Schwartz–Hearst pairs it only when the short form's letters are in the long form.
_SHORT_FORM_TEXT = re.compile(r"[A-Z][A-Z0-9]{1,5}(?:-[A-Z0-9]{1,4})?")
_BRACKET_AFTER_SHORT = re.compile(r" ?\(([^()]{3,80})\)")
_CHAIN_RESIDUE = re.compile(
    r"(?:[\s,;+/]|\b(?:and|plus|with)\b|\d+(?:[.·]\d+)?|mg/m2|mg/m²|mg/kg|mg\b)*"
)


def long_forms_after_shorts(text: str, hits: list[Hit]) -> list[tuple[str, int, int]]:
    """(short form, long-form start, long-form end) for each lexicon short form (``hits``,
    sorted) followed by a bracket that holds nothing but a drug chain, a drug first: "THP
    (pirarubicin)", not "HP (plus docetaxel)"."""
    pairs = []
    for k, h in enumerate(hits):
        # (the cheap tests first: a short form in capitals (``_SHORT_FORM_TEXT``) is upper
        # case, most hits are not; then a slice, no call)
        if not h.text.isupper():
            continue
        after = text[h.end : h.end + 2]
        if after[:1] != "(" and after != " (":
            continue
        if h.kind not in ("drug", "regimen") or h.text[-1:] == ")":
            continue
        m = _BRACKET_AFTER_SHORT.match(text, h.end)
        if m is None or not _SHORT_FORM_TEXT.fullmatch(h.text):
            continue
        ls, le = m.span(1)
        inner = _starting_before(hits, k + 1, le)
        if not inner or any(g.end > le or g.kind not in CHAIN_KINDS for g in inner):
            continue
        if text[ls : inner[0].start].strip():
            continue  # "HP (plus docetaxel)": a joiner first adds a drug, it defines nothing
        residue, at = [], ls
        for g in inner:
            residue.append(text[at : g.start])
            at = g.end
        residue.append(text[at:le])
        if _CHAIN_RESIDUE.fullmatch(" ".join(residue)):
            pairs.append((h.text, ls, le))
    return pairs


def _starting_before(hits: list[Hit], k: int, end: int) -> list[Hit]:
    """``[g for g in hits[k:] if g.start < end]`` for ``hits`` sorted by start: the run up to
    the first that starts at ``end`` or later (no copy and no test of the rest)."""
    out = []
    for i in range(k, len(hits)):
        g = hits[i]
        if g.start >= end:
            break
        out.append(g)
    return out


def _closes_unopened_bracket(text: str, ls: int, le: int) -> bool:
    """Whether the long form ``text[ls:le]`` closes a bracket it did not open: the detector
    ran past a label ("... (the DPH arm) or docetaxel plus trastuzumab (the DH arm)" made "the
    DPH arm) or docetaxel plus trastuzumab" the long form of "the DH arm")."""
    return text.count(")", ls, le) > text.count("(", ls, le)


def _extend_earlier_shorts(
    drug_hits: list[Hit],
    bracketed: list[tuple[int, str]],
    defined: dict[str, list[str]],
    letters: Mapping[str, frozenset[str]],
) -> None:
    """ "doxorubicin and cyclophosphamide followed by paclitaxel (AC→T) or the same chemotherapy
    with trastuzumab beginning concurrently with paclitaxel (AC→TH)": a short form that adds a
    letter or two to one bracketed before it names that regimen plus the drugs the added letters
    stand for (the nearest mention before its bracket with that letter: "H", trastuzumab); the
    chain right before the bracket may hold only the drug it is given with. Only a bracket
    that reads as drugs itself is extended, and only when its own reading names no drug beyond
    the extended one ("docetaxel and cyclophosphamide (TC) or docetaxel, carboplatin and
    trastuzumab (TCH)": TCH is read in full, its C is no cyclophosphamide)."""
    earlier: list[str] = []
    for start, short in bracketed:
        for prior in earlier:
            extra = short[len(prior) :]
            if short.startswith(prior) and 1 <= len(extra) <= 2 and extra.isalpha():
                if short not in defined:
                    break  # the bracket names no drug itself ("human papillomavirus (HPV)")
                added = _drugs_of_letters(drug_hits, start, extra.lower(), defined[prior], letters)
                extended = {*defined[prior], *added}
                if added and extended.issuperset(defined[short]):
                    defined[short] = sorted(extended)
                break
        if short in defined and short not in earlier:
            earlier.append(short)


def _drugs_of_letters(
    drug_hits: list[Hit],
    pos: int,
    added: str,
    have: list[str],
    letters: Mapping[str, frozenset[str]],
) -> list[str]:
    """For each letter of ``added``, the drug of the nearest single-drug mention in the 200
    characters before ``pos`` that the letter may name (``_mention_letters``) and that ``have``
    lacks; [] if a letter names none."""
    window = [h for h in drug_hits if pos - 200 <= h.start and h.end <= pos]
    out = []
    for c in added:
        found = next(
            (
                h.drugs[0]
                for h in reversed(window)
                if len(h.drugs) == 1
                and h.drugs[0] not in have
                and c in _mention_letters(h, letters)
            ),
            None,
        )
        if found is None:
            return []
        out.append(found)
    return out


# How far back from a bracket its reading looks: ``chains_before`` takes the mentions of the
# 400 characters before it, ``_initials`` those of the 200 before it.
_READING_WINDOW = 400


def drug_mentions(hits: list[Hit]) -> list[Hit]:
    """The hits that can take part in a definition (drugs, regimens, placebo, classes)."""
    return [h for h in hits if h.kind in CHAIN_KINDS]


def bracket_readings(
    text: str,
    drug_hits: list[Hit],
    bracketed: list[tuple[int, str]],
    before: tuple[list[Hit], list[list[str] | None]] | None = None,
    letters: Mapping[str, frozenset[str]] | None = None,
) -> list[list[str] | None]:
    """For each "(SHORT)" of ``bracketed``, the drugs it defines (None if none): by the
    initials of the drugs before it ("N+C"), or the regimen chain right before it.
    ``before``: (drug hits, readings) of an earlier pass over the same text; a bracket whose
    reading window holds the same mentions in both reads the same, and is not read again.
    ``letters``: the drug lexicon's ``DrugLexicon.letters`` (the package lexicon's if None)."""
    if letters is None:
        letters = load_lexicons().drugs.letters
    changed = _changed(before[0], drug_hits) if before is not None else []
    ends = {h.end for h in drug_hits}
    ends_sorted = sorted(ends)
    out = []
    for k, (start, short) in enumerate(bracketed):
        if before is not None and not any(
            start - _READING_WINDOW <= h.start and h.end <= start for h in changed
        ):
            out.append(before[1][k])
        else:
            out.append(_bracket_reading(text, drug_hits, ends, ends_sorted, start, short, letters))
    return out


def _changed(old: list[Hit], new: list[Hit]) -> list[Hit]:
    """Hits in only one of ``old`` and ``new`` (the same object in both is the same hit)."""
    # (``map(id, ...)``: no Python-level call per hit)
    old_ids = set(map(id, old))
    new_ids = set(map(id, new))
    return [h for h, k in zip(new, map(id, new), strict=True) if k not in old_ids] + [
        h for h, k in zip(old, map(id, old), strict=True) if k not in new_ids
    ]


def _bracket_reading(
    text: str,
    drug_hits: list[Hit],
    ends: set[int],
    ends_sorted: list[int],
    start: int,
    short: str,
    letters: Mapping[str, frozenset[str]],
) -> list[str] | None:
    parts = _PART_SEP.split(short)
    if len(parts) >= 2 and all(1 <= len(p) <= 3 for p in parts):
        by_initial = _initials(text, drug_hits, start, parts)
        if by_initial:
            return by_initial
    end = _chain_end(text, ends, ends_sorted, start, short)
    if end is None:
        if "both" in text[max(0, start - 8) : start].lower():  # (a cheap test first)
            return _or_both_reading(text, drug_hits, start)
        return None  # no chain can end right before the bracket
    chain = chains_before(text, drug_hits, end)
    if chain and (
        _spells_initials(short, chain[-1].text)
        or (len(chain) > 1 and _restates(drug_hits, start, short, chain[-1]))
    ):
        # "... plus an aromatase inhibitor (AI)", "replacing X with trastuzumab emtansine
        # (T-DM1)": the short form names the last mention only
        return sorted(set(chain[-1].drugs)) or None
    tail = _spelled_tail(short, chain, letters)
    if tail is not None:
        chain = tail
    if chain and len(short) > 1:
        chain = _add_on_backbone(text, drug_hits, chain[0].start, short, letters) + chain
    return sorted({d for h in chain for d in h.drugs}) or None


# "A either alone (S1), or with X (S2)[, or with Y (S3)]", "A (S1) with or without X (S2)":
# each later bracket names A with its partner, an arm of an add-on design
# (``arms._add_on_design``), not the partner alone.
_ADD_ON_FORM = r"\([^()]{1,40}\)"
_OR_WITH = r"\s*,?\s*or\s+(?:in\s+combination\s+|combined\s+)?with\s+"
_ADD_ON_BEFORE = re.compile(
    r"\s*,?\s+(?:(?:given|administered)\s+)?(?:either\s+)?alone\s*" + _ADD_ON_FORM
    + r"(?:" + _OR_WITH + r"[^()\[\];.]{1,60}?\s*" + _ADD_ON_FORM + r")*" + _OR_WITH + r"\Z"
    + r"|\s*" + _ADD_ON_FORM + r"\s*,?\s+with\s+or\s+without\s+(?:the\s+|a\s+|an\s+)?\Z",
    re.I,
)  # fmt: skip
_ADD_ON_WORDS = ("alone", "without")
_ADD_ON_REACH = 200  # characters from the backbone's last mention to the partner read


def _add_on_backbone(
    text: str, drug_hits: list[Hit], start: int, short: str, letters: Mapping[str, frozenset[str]]
) -> list[Hit]:
    """The backbone chain A when the mention at ``start`` is a partner of an add-on design
    (``_ADD_ON_BEFORE``) and the bracket ``short`` after it has a letter of A's drugs ("PH"
    for paclitaxel with trastuzumab; a lone "(H)" or "(P)" is the partner's own); [] otherwise
    (most brackets: no "alone"/"without" close before them)."""
    a = max(0, start - _ADD_ON_REACH)
    if text.find("alone", a, start) < 0 and text.find("without", a, start) < 0:
        return []  # (``_ADD_ON_WORDS``, as two ``find`` calls: no generator per bracket)
    for end in reversed([h.end for h in drug_hits if a <= h.end <= start]):
        if _ADD_ON_BEFORE.fullmatch(text, end, start):
            backbone = chains_before(text, drug_hits, end)
            spelt = {c for c in short.lower() if c.isalpha()}
            named = {c for h in backbone for c in _mention_letters(h, letters)}
            return backbone if spelt & named else []
    return []


# "paclitaxel followed by fluorouracil, epirubicin, and cyclophosphamide (FEC-75)": a short form
# of capitals (a dose after them aside) whose letters name the chain's last few mentions in
# order names those only, when the mention before them has none of its letters (the first step
# of a sequence); "trastuzumab plus docetaxel and carboplatin (TCH)" names all three.
_LETTERS_AND_DOSE = re.compile(r"([A-Z]{2,5})(?:-?\d{2,3})?")


def _spelled_tail(
    short: str, chain: list[Hit], letters: Mapping[str, frozenset[str]]
) -> list[Hit] | None:
    """The last mentions of ``chain`` whose letters spell ``short`` (``_LETTERS_AND_DOSE``),
    one single-drug mention a letter, if fewer than the whole chain and the mention before
    them cannot take any of its letters; None otherwise."""
    m = _LETTERS_AND_DOSE.fullmatch(short)
    if m is None or len(m.group(1)) >= len(chain):
        return None
    spelt = m.group(1).lower()
    tail = chain[-len(spelt) :]
    for c, h in zip(spelt, tail, strict=True):
        if len(h.drugs) != 1 or c not in _mention_letters(h, letters):
            return None
    if not _mention_letters(chain[-len(spelt) - 1], letters).isdisjoint(spelt):
        return None
    return tail


def _mention_letters(h: Hit, letters: Mapping[str, frozenset[str]]) -> set[str]:
    """The letters a short form may name mention ``h`` by: the initial it is written with and
    the lexicon letters of its drugs (``letters``, ``DrugLexicon.letters``: "A" for
    doxorubicin)."""
    out = set(initials_of([h.text]))
    for d in h.drugs:
        out |= letters.get(d, frozenset())
    return out


# "trastuzumab (TH), lapatinib (TL), or both (THL)": the bracket names the alternatives together.
# Its start is where the chain of alternatives ends (a short form of the last one aside).
_OR_BOTH_BEFORE = re.compile(r"(?:\s*\([^()]*\))?\s*,?\s+or\s+both\s*$", re.I)


def _or_both_reading(text: str, drug_hits: list[Hit], start: int) -> list[str] | None:
    """The drugs of "A, B, or both (SHORT)": every drug of the chain of alternatives before
    "or both" (a backbone given with each included), read without the short forms bracketed
    inside the list (they would cut the chain); None unless that chain holds two drugs."""
    m = _OR_BOTH_BEFORE.search(text, max(0, start - 80), start)
    if m is None:
        return None
    pos = m.start()
    outside = [h for h in drug_hits if h.end <= pos and not _bracketed(text, h)]
    drugs = sorted({d for h in or_list_before(text, outside, pos) for d in h.drugs})
    return drugs if len(drugs) >= 2 else None


def _bracketed(text: str, h: Hit) -> bool:
    """Whether mention ``h`` is all of a bracket ("(TH)"): a short form, not a list item."""
    return text[h.start - 1 : h.start] == "(" and text[h.end : h.end + 1] == ")"


def _restates(drug_hits: list[Hit], start: int, short: str, last: Hit) -> bool:
    """Whether the short form in the bracket at ``start`` is itself a mention of exactly the
    drugs of ``last`` (a lexicon abbreviation such as "T-DM1" after "trastuzumab emtansine")."""
    limit = start + len(short) + 4  # "(", spaces
    return any(
        h.text == short and h.drugs == last.drugs and last.drugs
        for h in drug_hits
        if start < h.start < limit
    )


_WORD = re.compile(r"[A-Za-z]+")


def _spells_initials(short: str, written: str) -> bool:
    """Whether ``short`` is the initials of the two or more words of ``written``."""
    words = _WORD.findall(written)
    return len(words) >= 2 and "".join(w[0] for w in words).lower() == short.lower()


_PART_SEP = re.compile(r"[+/]")


def bracketed_shorts(text: str, trial_names: frozenset[str] | None = None) -> list[tuple[int, str]]:
    """(bracket start, short form) of each "(SHORT)" that may define an abbreviation: the
    ``_SHORT_IN_PARENS`` matches whose short form has a capital letter and is no trial's name
    (``trial_names``: the trial lexicon's ``TrialLexicon.names``, the package lexicon's if
    None)."""
    found = []
    if trial_names is None:
        trial_names = _trial_names()
    for m in _SHORT_IN_PARENS.finditer(text):
        short = m.group(1)
        # "1 year of trastuzumab (HERA)": a trial's name, no short form of the regimen
        if _population_after_label(text, m.start(), short):
            continue
        if any(c.isupper() for c in short) and _route_suffix_ok(short) and short not in trial_names:
            found.append((m.start(), short))
    if "+" in text:
        long_joined = _long_joined_shorts(text)
        if long_joined:
            found = sorted(found + long_joined)
    if " group)" in text or " arm)" in text:
        labels = [(m.start(), m.group(1)) for m in _SHORT_GROUP_LABEL.finditer(text)]
        labels = [(s, short) for s, short in labels if short not in trial_names]
        if labels:
            found = sorted(found + labels)
    return found


# "(cohort A, HER2-low)", "(arm B, ER+)", "(group 1, TNBC)": after a group label a bracket
# names the group's population as often as its regimen. A receptor status, a stage or score
# ("T1N0", "ECOG0"), a disease ("mBC") or an analysis set ("ITT") is no regimen's short form.
_GROUP_LABEL_OPENS = re.compile(r"\((?i:groups?|arms?|cohorts?)\s")
_POPULATION_SHORT = re.compile(
    r"\S*(?:[+-]|-(?i:low|ultralow|zero|high|positive|negative))|[a-z]{0,2}(?:[A-Z]{1,4}\d[a-c]?)+"
    r"|[A-Za-z]{0,3}BC|m?ITT|PPS?|FAS|SAS"
)


def _population_after_label(text: str, bracket: int, short: str) -> bool:
    """Whether ``short`` follows a group label in the bracket at ``bracket`` and names a
    population (``_POPULATION_SHORT``), not the group's regimen."""
    return (
        _GROUP_LABEL_OPENS.match(text, bracket) is not None
        and _POPULATION_SHORT.fullmatch(short) is not None
    )


# "trastuzumab plus pertuzumab (the TP group)": a group labelled by a short form in capitals
# defines that short form as "(TP)" would, so the text's TP is no lexicon regimen
# (docetaxel plus pertuzumab) later ("5.6 months with TP").
_SHORT_GROUP_LABEL = re.compile(
    r"\((?:the\s+)?([A-Z][A-Z0-9]*[A-Z][A-Za-z0-9\-+/]{0,8})\s+(?:group|arm)\)"
)


@cache
def _trial_names() -> frozenset[str]:
    """The package trial lexicon's names as written (and in capitals)."""
    return frozenset(load_lexicons().trials.names)


# "(TUC+Tras+Cape)": a short form joining two to four short parts by "+", too long for
# ``_SHORT_IN_PARENS`` (twelve characters), read as that pattern reads the shorter ones.
_JOINED_PARTS = r"[A-Za-z][\w-]{0,5}(?:\+[A-Za-z][\w-]{0,5}){1,3}"  # two to four short parts
_LONG_JOINED = re.compile(r"\((?:[^()]{0,60};\s*)?\s*(" + _JOINED_PARTS + r")\s*\)")


def _long_joined_shorts(text: str) -> list[tuple[int, str]]:
    """(bracket start, short form) of the "(A+B+C)" short forms longer than twelve characters
    with a capital letter (the shorter ones are ``_SHORT_IN_PARENS`` matches)."""
    return [
        (m.start(), m.group(1))
        for m in _LONG_JOINED.finditer(text)
        if len(m.group(1)) > 12 and any(c.isupper() for c in m.group(1))
    ]


def _route_suffix_ok(short: str) -> bool:
    """A short form may end with a route only when it joins drugs: "(P+H IV)" names
    "intravenous pertuzumab plus trastuzumab" as "(N+C)" names its regimen; "(stage IV)" is no
    short form."""
    return " " not in short or "+" in short or "/" in short or "→" in short


def _chain_end(
    text: str, ends: set[int], ends_sorted: list[int], pos: int, short: str
) -> int | None:
    """Where a chain read for the bracket at ``pos`` must end: right before it, or before the
    schedule that sits between ("docetaxel every 3 weeks (AC-T)") unless the bracket names that
    schedule ("every 3 weeks (Q3W)"); None if no mention ends there (the condition
    ``chains_before`` needs to find any chain). ``ends``: where mentions end (a set, and
    ``ends_sorted`` the same sorted)."""
    if _mention_ends_before(text, ends, pos):
        return pos
    # the last mention end before ``pos``, if within reach (a bisection, not a pass over all)
    i = bisect_left(ends_sorted, pos) - 1
    if i < 0 or ends_sorted[i] < pos - _SCHEDULE_REACH or _SCHEDULE_SHORT.fullmatch(short):
        return None
    last = ends_sorted[i]
    gap = text[last:pos]
    # "paclitaxel every 3 weeks alone (TP)": the regimen on its own; a name in mixed case after
    # "alone" is a trial's ("trastuzumab alone (NeoSphere)"), no short form. (Both readers
    # answer at once for a gap without a schedule word: most brackets.)
    if "alone" in gap and _CAPITALS_SHORT.fullmatch(short):
        return last if is_schedule_or_alone(gap) else None
    return last if is_schedule_only(gap) else None


_CAPITALS_SHORT = re.compile(r"[A-Z][A-Z0-9+/→-]{1,9}")


_SCHEDULE_REACH = 60  # longest schedule phrase read between a chain and its bracket
# Short forms of schedules and routes: Q3W, QW, Q2W, BID, TID, BIW, QD, IV, SC, PO.
_SCHEDULE_SHORT = re.compile(r"q\d*[dwm]|[bt]i[dw]|qd|od|iv|sc|po", re.I)


def _mention_ends_before(text: str, ends: set[int], pos: int) -> bool:
    """Whether a mention ends at ``pos`` or in the whitespace right before it: the condition
    ``chains_before`` needs to find any chain (it answers [] otherwise)."""
    j = pos
    while j > 0 and text[j - 1].isspace():
        j -= 1
    return any(e in ends for e in range(j, pos + 1))


def _initials(text: str, hits: list[Hit], pos: int, parts: list[str]) -> list[str]:
    """ "neratinib ... plus capecitabine (N+C)": each part is the initial of an earlier drug."""
    window = [h for h in hits if pos - 200 <= h.start and h.end <= pos and h.drugs]
    drugs: list[str] = []
    for part in reversed(parts):
        found = None
        while window:
            h = window.pop()
            if h.text.lower().startswith(part.lower()):
                found = h
                break
        if found is None:
            return []
        drugs.extend(found.drugs)
    return sorted(set(drugs))


_CONSISTED = re.compile(
    r"(?<![A-Za-z0-9-])([A-Z][\w\-+/]{1,11})\s+(?:consisted\s+of|consisting\s+of|comprised|"
    r"comprising|included|was\s+defined\s+as)\s+"
)


_CONSISTED_WORDS = ("consisted", "consisting", "comprised", "comprising", "included")


def consisted_matches(text: str) -> list[re.Match[str]]:
    """``_CONSISTED.finditer(text)``, trying the pattern only where a match can start: the
    capitalised word right before one of its verbs (the pattern's leading lookbehind would
    otherwise make the regex engine try every position of the text)."""
    keys = literal_starts(text, _CONSISTED_WORDS)
    for d in literal_starts(text, ("defined",)):  # "was defined as": the match holds "was"
        j = d
        while j > 0 and text[j - 1].isspace():
            j -= 1
        if j < d and text.startswith("was", j - 3):
            keys.append(j - 3)
    if not keys:
        return []
    starts: set[int] = set()
    for q in keys:
        ws = q
        while ws > 0 and text[ws - 1].isspace():
            ws -= 1
        if ws == q:
            continue  # the verb follows the word after whitespace
        # the word is [A-Z][\w\-+/]{1,11}: it starts 2-12 characters before the whitespace
        starts.update(p for p in range(max(0, ws - 12), ws - 1) if "A" <= text[p] <= "Z")
    return list(finditer_at(_CONSISTED, text, sorted(starts)))


_TAXANES = frozenset({"docetaxel", "paclitaxel", "nab-paclitaxel"})


def _spelled_out_with(text: str, short: str, drug: str) -> bool:
    """Whether the text spells ``short`` out with ``drug`` in a bracket right after it:
    "THP (docetaxel, trastuzumab and pertuzumab)"."""
    pattern = r"(?<![\w-])" + re.escape(short) + r"\s*[(\[][^()\[\]]*\b" + re.escape(drug) + r"\b"
    return re.search(pattern, text, re.I) is not None


def composite_part_definitions(
    text: str, defined: dict[str, list[str]], lex: DrugLexicon
) -> dict[str, list[str]]:
    """The text's own meaning of a lexicon regimen short form it defines only as the last part
    of a combined one: "T-DXd followed by paclitaxel, trastuzumab and pertuzumab (T-DXd-THP)"
    makes THP paclitaxel, trastuzumab and pertuzumab (the lexicon's THP holds docetaxel). Only
    when the drugs after the first part's are the lexicon's with one taxane for another, and
    the text does not define the part itself (either way round: "(THP)" or "THP (docetaxel,
    ...)")."""
    out: dict[str, list[str]] = {}
    for short, drugs in defined.items():
        head, _, tail = short.rpartition("-")
        if not head or tail in defined:
            continue
        canon = lex.lookup(tail)
        if canon is None or lex.kind.get(canon) != "regimen":
            continue
        head_canon = lex.lookup(head)
        head_drugs = defined.get(head) or (lex.expand(head_canon) if head_canon else None)
        if not head_drugs:
            continue
        rest = set(drugs) - set(head_drugs)
        usual = set(lex.expand(canon))
        swapped = rest ^ usual
        if len(swapped) == 2 and swapped <= _TAXANES and len(rest) == len(usual):
            if any(_spelled_out_with(text, tail, d) for d in swapped & usual):
                continue  # "THP (docetaxel, ...)": the text spells the part out itself
            out[tail] = sorted(rest)
    return out


def _part_spans(text: str, short: str) -> list[tuple[int, int]]:
    """``whole_word_spans`` of ``short``, also right after a hyphen ("ddAC-THP")."""
    pattern = r"(?<![A-Za-z0-9])" + re.escape(short) + r"(?![A-Za-z0-9])"
    return [m.span() for m in re.finditer(pattern, text)]


# Lower-case words and units an abstract uses in their own sense, which a drug's short form in
# a bracket may spell ("pertuzumab (per)", "margetuximab (mg)"): never read as that drug.
_COMMON_WORDS = frozenset(
    {
        "a", "all", "an", "and", "any", "arm", "as", "at", "both", "by", "can", "day", "days",
        "dose", "each", "for", "g", "group", "in", "is", "kg", "l", "m", "mg", "min", "ml", "no",
        "not", "of", "on", "or", "per", "post", "pre", "than", "the", "to", "total", "via", "vs",
        "was", "week", "weeks", "were", "with",
        # units of time and dosing, routes and schedules ("14.0 mo", "1 h", "given iv")
        "bid", "cm", "d", "dl", "h", "hr", "hrs", "im", "iv", "mm", "mo", "mos", "ng", "po", "qd",
        "sc", "tid", "wk", "wks", "yr", "yrs",
        # Latin and other languages' function words ("et al.", "de", "la")
        "al", "da", "de", "del", "des", "du", "e", "en", "et", "la", "le", "un", "y",
    }
)  # fmt: skip


def abbreviation_hits(
    text: str,
    defined: dict[str, list[str]],
    lex: DrugLexicon,
    taken: list[Hit],
    parts: frozenset[str] = frozenset(),
) -> list[Hit]:
    """Occurrences of short forms defined in the text (regimen definitions override defaults).
    ``parts``: short forms defined as a combined one's part (``composite_part_definitions``),
    which name that part after a hyphen too ("ddAC-THP")."""
    hits = []
    for short, drugs in defined.items():
        if short in _COMMON_WORDS:
            continue  # "pertuzumab (per)": "per cycle" elsewhere names no drug
        canon = lex.lookup(short)
        if canon is not None and lex.kind.get(canon) == "drug" and lex.expand(canon) == drugs:
            continue  # nothing new: the lexicon already says this
        if (
            canon is not None
            and lex.kind.get(canon) == "regimen"
            and set(drugs) < set(lex.expand(canon))
        ):
            continue  # "taxane + trastuzumab + pertuzumab (THP)": the default taxane stands
        kind = "drug" if len(drugs) == 1 else "regimen"
        canonical = "+".join(drugs)
        spans = _part_spans(text, short) if short in parts else whole_word_spans(text, short)
        for start, end in spans:
            hits.append(Hit(kind, start, end, short, canonical, list(drugs), "abbreviation"))
    # A defined regimen replaces the lexicon's default reading of the same abbreviation.
    spans = {(h.start, h.end) for h in hits}
    taken[:] = [t for t in taken if (t.start, t.end) not in spans]
    return hits


def find_drugs(
    text: str,
    lex: DrugLexicon,
    sentences: list[tuple[int, int]],
    abbreviation_pairs: Iterable[tuple[str, int, int]] = (),
    model_hits: Iterable[Hit] = (),
    low: str | None = None,
    starts: list[int] | None = None,
    trial_names: frozenset[str] | None = None,
) -> list[Hit]:
    """All drug, regimen and placebo mentions in ``text``, non-overlapping, in text order.
    ``low`` = ``lower_same_length(text)`` if the caller has it; ``starts``: see
    ``lexicon_hits``; ``trial_names``: see ``bracketed_shorts``."""
    low = lower_same_length(text) if low is None else low
    found = lexicon_hits(text, lex, low, starts)
    dosed = dosed_short_form_hits(text, lex)
    if dosed:
        found = found + dosed
    lexical = resolve_longest_first(found, class_hits(text, low))
    lexical = regimen_shorts_in_context(text, lexical, sentences, lex.ambiguous)
    if "-" in text:
        lexical = _without_name_tails(text, lexical)
    consisted = consisted_matches(text)
    bracketed = bracketed_shorts(text, trial_names)
    abbreviation_pairs = list(abbreviation_pairs)  # read by every pass
    if "(" in text:
        abbreviation_pairs += long_forms_after_shorts(text, lexical)
    classes = class_abbreviation_hits(text, lexical, abbreviation_pairs)
    if classes:
        lexical = resolve_longest_first(lexical, classes)
    words = _stem_words(text, low)  # (read by both stem passes: the text is the same)
    if "(" in text:
        lexical = _with_bracketed_stems(text, lex, low, lexical, words)
    abbrev, used = _short_form_passes(
        text, lex, lexical, abbreviation_pairs, consisted, bracketed, sentences
    )
    # Resolving the winners first keeps the same result (hits a dropped one overlaps are judged
    # against the kept ones anyway) and lets ``stem_hits`` skip the stems they cover.
    model = list(model_hits)
    placebos = placebo_short_hits(text, lexical, bracketed)
    if placebos:
        abbrev = abbrev + placebos
    if "PBO" in text:
        pbo = standard_placebo_short_hits(text, lexical)
        if pbo:
            abbrev = abbrev + pbo
    letters = letter_hits(text, lexical, sentences, lex.letters)
    if letters:
        abbrev = abbrev + letters
    if "+" in text:
        standard = standard_letter_hits(text, lexical, letters)
        if standard:
            abbrev = abbrev + standard
    if used and "+" in text:
        parts = joined_part_hits(text, dict(used))
        if parts:
            abbrev = abbrev + parts
    chosen = resolve_overlaps(abbrev + lexical + model) if abbrev or model else lexical
    stems = stem_hits(text, lex, low, chosen, words)
    if "biosimilar" in low:
        twins = biosimilar_code_hits(text, chosen)
        if twins:
            stems = twins + stems
    return resolve_overlaps(chosen + stems + code_hits(text, lex, sentences))


# A product code of a proposed biosimilar: capitals, a hyphen or not, digits ("ZR27", "SB3",
# "HLX02", "CT-P6"); shorter than the sponsor codes ``code_hits`` reads (three digits or more).
_BIOSIMILAR_CODE = r"[A-Z]{1,5}-?[A-Z]?[0-9]{1,6}[a-z]?"
_COMPARED = r"\s+(?:or|versus|vs\.?|compared\s+with)\s+(?:the\s+)?(?:reference\s+)?"
_CODE_COMPARED = re.compile(rf"(?<![A-Za-z0-9-])({_BIOSIMILAR_CODE}){_COMPARED}\Z")
_COMPARED_CODE = re.compile(rf"{_COMPARED}({_BIOSIMILAR_CODE})(?![A-Za-z0-9-])")
_BIOSIMILAR_BEFORE = re.compile(r"\bbiosimilar\s+(?:of\s+|to\s+)?\Z", re.I)
# "a proposed trastuzumab biosimilar", "biosimilar trastuzumab", "a biosimilar of trastuzumab"
_BIOSIMILAR_OF = re.compile(r"\s+biosimilar\b", re.I)


def biosimilar_code_hits(text: str, hits: list[Hit]) -> list[Hit]:
    """Mentions of an unseen product code the text compares with the drug it calls the
    biosimilar's reference ("a proposed trastuzumab biosimilar ... ZR27 or trastuzumab"): the
    code is that drug, as the lexicon's listed codes (HD201) are, so both arms are twins.
    Only "CODE or/versus DRUG", "DRUG or/versus CODE" and the two written with one partner
    ("AB12 plus paclitaxel or trastuzumab plus paclitaxel", ``_code_with_same_partner``): a code
    merely given with the drug is none."""
    # the single-drug mentions "biosimilar" is written beside, read once for every use below
    beside = [
        h for h in hits if h.kind == "drug" and len(h.drugs) == 1 and _names_a_biosimilar(text, h)
    ]
    references = _biosimilar_references(text, beside)
    codes: dict[str, str] = {}
    for h in hits:
        if h.kind != "drug" or len(h.drugs) != 1:
            continue
        if h.drugs[0] not in references and (
            references or not _says_biosimilar_near(text, h, beside)
        ):
            continue
        before = _CODE_COMPARED.search(text[max(0, h.start - 40) : h.start])
        after = _COMPARED_CODE.match(text, h.end)
        for m in (before, after):
            if m is not None and is_product_code(m.group(1)):
                codes.setdefault(m.group(1), h.drugs[0])
        code = _code_with_same_partner(text, h)
        if code is not None:
            codes.setdefault(code, h.drugs[0])
    for h in beside:
        code = _code_defined_as_biosimilar(text, h)
        if code is not None:
            codes.setdefault(code, h.drugs[0])
    return [
        Hit("drug", a, b, code, drug, [drug], "code")
        for code, drug in codes.items()
        for a, b in whole_word_spans(text, code)
    ]


# "SIBP-01, a biosimilar of trastuzumab", "TQB2440 is a proposed pertuzumab biosimilar",
# "SIBP-01 (a trastuzumab biosimilar)": the text defines the code as the drug's biosimilar, so
# the code is that drug wherever it is written, compared with the drug or not (round 58b).
_DEFINED_AS_BIOSIMILAR = re.compile(
    rf"(?<![A-Za-z0-9-])({_BIOSIMILAR_CODE})(?:,[ \t]+|[ \t]+is[ \t]+|[ \t]*\([ \t]*)an?[ \t]+"
    r"(?:[\w-]+[ \t]+){0,3}\Z"
)


def _code_defined_as_biosimilar(text: str, h: Hit) -> str | None:
    """The product code the text defines as a biosimilar of drug ``h`` right before it ("CODE,
    a biosimilar of ``h``", "CODE is a proposed ``h`` biosimilar"), ``h`` being a mention
    "biosimilar" is written beside (``_names_a_biosimilar``); None when there is none."""
    m = _DEFINED_AS_BIOSIMILAR.search(text, max(0, h.start - 50), h.start)
    if m is None or "biosimilar" not in text[m.end(1) : h.end + 12].lower():
        return None
    return m.group(1) if is_product_code(m.group(1)) else None


# "AB12 plus paclitaxel or trastuzumab plus paclitaxel": the code and the drug compared, each
# written with one partner word (group 2 before, group 1 after the drug).
_JOINED_PARTNER = r"\s+(?:plus|with|and|\+)\s+"
_CODE_PARTNER_COMPARED = re.compile(
    rf"(?<![A-Za-z0-9-])({_BIOSIMILAR_CODE}){_JOINED_PARTNER}([A-Za-z][\w-]*){_COMPARED}\Z"
)
_PARTNER_COMPARED_CODE = re.compile(
    rf"{_JOINED_PARTNER}([A-Za-z][\w-]*){_COMPARED}({_BIOSIMILAR_CODE}){_JOINED_PARTNER}"
    r"([A-Za-z][\w-]*)(?![\w-])"
)
_PARTNER_AFTER = re.compile(rf"{_JOINED_PARTNER}([A-Za-z][\w-]*)(?![\w-])")


def _code_with_same_partner(text: str, h: Hit) -> str | None:
    """The product code compared with drug ``h`` when each is written with the same partner
    ("AB12 plus paclitaxel or trastuzumab plus paclitaxel", "trastuzumab with docetaxel versus
    HLX02 with docetaxel"): two arms of one regimen but for the code, which is that drug. None
    when the partners differ ("AB12 plus paclitaxel or trastuzumab plus docetaxel")."""
    if text.find(" or ", max(0, h.start - 60), h.end + 60) < 0 and not _VERSUS_NEAR.search(
        text, max(0, h.start - 60), h.end + 60
    ):
        return None
    before = _CODE_PARTNER_COMPARED.search(text[max(0, h.start - 60) : h.start])
    if before is not None:
        partner = _PARTNER_AFTER.match(text, h.end)
        if partner is not None and partner.group(1).lower() == before.group(2).lower():
            return before.group(1) if is_product_code(before.group(1)) else None
    after = _PARTNER_COMPARED_CODE.match(text, h.end)
    if after is not None and after.group(1).lower() == after.group(3).lower():
        return after.group(2) if is_product_code(after.group(2)) else None
    return None


_VERSUS_NEAR = re.compile(r"\b(?:versus|vs\.?|compared\s+with)\s", re.I)


def _says_biosimilar_near(text: str, h: Hit, beside: list[Hit]) -> bool:
    """Whether the sentence of ``h`` says "biosimilar" of no drug in particular, ``h`` being an
    antibody (a "-mab", as biosimilars are): in a text that names no reference ("... to
    trastuzumab or AB12 with docetaxel in this biosimilar study"), the drug compared with a
    code there is the reference. Not a small molecule ("BAT8001 or lapatinib plus
    capecitabine"), nor where the sentence's biosimilar is another drug's ("...; biosimilar
    trastuzumab was not permitted": the study's would have made it a reference). ``beside``:
    the single-drug mentions "biosimilar" is written beside (``_names_a_biosimilar``)."""
    if not h.drugs[0].endswith("mab"):
        return False
    start = max(text.rfind(". ", 0, h.start), text.rfind("\n", 0, h.start)) + 1
    end = min(x for x in (text.find(". ", h.end), text.find("\n", h.end), len(text)) if x >= 0)
    if "biosimilar" not in text[start:end].lower():
        return False
    return not any(start <= o.start < end for o in beside)


def _names_a_biosimilar(text: str, h: Hit) -> bool:
    """Whether "biosimilar" is written right before or after ``h`` ("biosimilar trastuzumab")."""
    return bool(
        _BIOSIMILAR_OF.match(text, h.end)
        or _BIOSIMILAR_BEFORE.search(text[max(0, h.start - 20) : h.start])
    )


def is_product_code(name: str) -> bool:
    """Whether ``name`` has the shape of a product code with a prefix no registry's or group's
    (a digit after capitals: "ZR27", not "HER2" or "CT3")."""
    prefix = _CAPITALS.match(name)
    return prefix is not None and prefix.group(0) not in CODE_STOP_PREFIXES


def _biosimilar_references(text: str, beside: list[Hit]) -> set[str]:
    """The drugs the text names a biosimilar of: of the single-drug mentions "biosimilar" is
    written beside (``beside``), those whose biosimilar is the study's (``_studies_biosimilar``)."""
    return {h.drugs[0] for h in beside if _studies_biosimilar(text, h.start, h.end)}


# What makes a biosimilar the study's: "a proposed trastuzumab biosimilar", "this biosimilar
# of", "HLX02, a trastuzumab biosimilar" (before the drug); "trastuzumab biosimilar (ZR27)".
_STUDIED_BEFORE = re.compile(
    r"(?:\b(?:proposed|candidate|investigational|potential|this|our)"
    rf"|(?<![A-Za-z0-9-]){_BIOSIMILAR_CODE}\)?,?\s+(?:is\s+)?an?)\s+(?:\w+\s+){{0,2}}\Z"
)
_STUDIED_AFTER = re.compile(rf"\s+biosimilars?,?\s+\(?{_BIOSIMILAR_CODE}(?![A-Za-z0-9-])")


def _studies_biosimilar(text: str, at: int, end: int) -> bool:
    """Whether the biosimilar phrase around the drug at [``at``, ``end``) names the study's
    product: it is in the title (the first line), qualified as the proposed one, or given with
    a code. A
    biosimilar named in passing ("although a trastuzumab biosimilar has lowered costs") makes
    no code compared with the drug its biosimilar."""
    line_end = text.find("\n")
    if line_end < 0 or at < line_end:
        return True
    before = _STUDIED_BEFORE.search(text[max(0, at - 40) : at])
    return before is not None or _STUDIED_AFTER.match(text, end) is not None


def _with_bracketed_stems(
    text: str,
    lex: DrugLexicon,
    low: str,
    lexical: list[Hit],
    words: list[tuple[int, int, int]] | None = None,
) -> list[Hit]:
    """``lexical`` with the stem-detected drugs when one of them is followed by a bracket:
    "tislelizumab (tisle)" defines a short form as "durvalumab (durva)" does, so the passes
    that read definitions must see the unseen drug too (stems are found after them).
    ``words``: ``_stem_words(text, low)`` if the caller has it."""
    stems = stem_hits(text, lex, low, lexical, words)
    if not any(_BRACKET_NEXT.match(text, h.end) for h in stems):
        return lexical
    return sorted(lexical + stems, key=attrgetter("start"))


_BRACKET_NEXT = re.compile(r" ?\(")


def _short_form_passes(
    text: str,
    lex: DrugLexicon,
    lexical: list[Hit],
    abbreviation_pairs: list[tuple[str, int, int]],
    consisted: list[re.Match[str]],
    bracketed: list[tuple[int, str]],
    sentences: list[tuple[int, int]],
) -> tuple[list[Hit], list]:
    """(mentions of the short forms the text defines, the definitions they were found from in
    order). ``lexical`` (sorted, no overlaps) loses the mentions a defined short form replaces
    (see ``abbreviation_hits``)."""
    abbrev: list[Hit] = []
    before = None  # (drug mentions, bracket readings) of the first pass
    used: list = []  # the definitions ``abbrev`` was found from, in order
    for _ in range(2):  # a second pass lets definitions use short forms defined in the first
        # (``lexical`` has no overlaps: resolving it alone would keep it as it is)
        current = resolve_overlaps(abbrev + lexical) if abbrev else list(lexical)
        mentions = drug_mentions(current)
        # (per-patient options read as one class mention: "X plus A or B (SHORT)" defines X)
        readings = bracket_readings(
            text,
            options_as_class(text, mentions, lex.drug_class),
            bracketed,
            before,
            lex.letters,
        )
        before = (mentions, readings)
        defined = defined_abbreviations(
            text,
            current,
            abbreviation_pairs,
            consisted,
            bracketed,
            readings,
            sentences,
            lex.letters,
        )
        parts: frozenset[str] = frozenset()
        if any("-" in short for short in defined):
            part_defined = composite_part_definitions(text, defined, lex)
            defined.update(part_defined)
            parts = frozenset(part_defined)
        if not defined or list(defined.items()) == used:
            break  # (the same definitions find the same hits: ``abbrev`` stands)
        abbrev = abbreviation_hits(text, defined, lex, lexical, parts)
        used = list(defined.items())
        if not abbrev:
            # No mention found (most texts that define a short form the lexicon knows):
            # ``lexical`` is as it was, so a second pass would read the same mentions, find
            # the same definitions and stop there.
            break
    return abbrev, used


def placebo_short_hits(
    text: str, lexical: list[Hit], bracketed: list[tuple[int, str]]
) -> list[Hit]:
    """Placebo mentions by a short form the text defines for placebo: "placebo (PBO)+T+C",
    later "the PBO arm", "9% of PBO pts". A bracket right after a placebo mention whose short
    form starts with its initial names placebo wherever it is written (a bracket defines no
    drug for a placebo chain, so without this the placebo group's later references are
    unknown words and its values take the other arm)."""
    if not bracketed:
        return []
    placebo_ends = [h.end for h in lexical if h.kind == "placebo"]
    if not placebo_ends:
        return []
    out: list[Hit] = []
    for start, short in bracketed:
        if not (short[0] in "Pp" and short.isalpha() and 2 <= len(short) <= 4):
            continue
        if not any(text[e:start].isspace() for e in placebo_ends if e < start):
            continue
        for a, b in whole_word_spans(text, short):
            out.append(Hit("placebo", a, b, short, "placebo", [], "abbreviation"))
    return out


def standard_placebo_short_hits(text: str, lexical: list[Hit]) -> list[Hit]:
    """ "PBO + T-DM1": the standard short form of placebo, which poster shorthand uses without
    defining it, names placebo in a text that mentions placebo (so its design has a placebo
    group). Without it, "TUC + T-DM1 vs. PBO + T-DM1" lists no second arm and the compared
    values take the arms in the wrong order."""
    if not any(h.kind == "placebo" for h in lexical):
        return []
    return [
        Hit("placebo", a, b, "PBO", "placebo", [], "abbreviation")
        for a, b in whole_word_spans(text, "PBO")
    ]


# A joined short form written elsewhere: parts of one to six characters joined by "+".
_JOINED = re.compile(r"(?<![\w+/-])" + _JOINED_PARTS + r"(?![\w+])")
# Short forms of placebo written as a part of a joined one ("Pbo+Tras+Cape").
_PLACEBO_PART = re.compile(r"pbo|plb|pla|placebo", re.I)


def _part_drugs(short: str, drugs: list[str]) -> dict[str, str] | None:
    """{part: drug} when each "+" part of the defined ``short`` starts the name of a different
    one of its ``drugs`` ("TUC+Tras+Cape" of tucatinib, trastuzumab, capecitabine), else None."""
    parts = short.split("+")
    if len(parts) != len(drugs) or len(parts) < 2:
        return None
    out: dict[str, str] = {}
    left = list(drugs)
    for part in parts:
        low = part.lower()
        match = next((d for d in left if d.startswith(low)), None) if len(part) >= 2 else None
        if match is None:
            return None
        left.remove(match)
        out[part] = match
    return out


def joined_part_hits(text: str, defined: dict[str, list[str]]) -> list[Hit]:
    """Mentions in other joined short forms of the parts of a joined one the text defines: after
    "tucatinib plus trastuzumab and capecitabine (TUC+Tras+Cape)", "Pbo+Tras+Cape" is placebo,
    trastuzumab and capecitabine (the control arm, which the text never defines by itself). Each
    part must start the name of its drug; a placebo part ("Pbo", "Plb") is placebo. A joined
    form the text defines as a whole is left to its own definition."""
    parts: dict[str, str] = {}
    for short, drugs in defined.items():
        if "+" in short:
            parts.update(_part_drugs(short, drugs) or {})
    if not parts:
        return []
    out: list[Hit] = []
    for m in _JOINED.finditer(text):
        if m.group() in defined:
            continue
        found, pos = [], m.start()
        for part in m.group().split("+"):
            end = pos + len(part)
            if part in parts:
                found.append(
                    Hit("drug", pos, end, part, parts[part], [parts[part]], "abbreviation")
                )
            elif _PLACEBO_PART.fullmatch(part):
                found.append(Hit("placebo", pos, end, part, "placebo", [], "abbreviation"))
            else:
                break
            pos = end + 1
        else:
            if any(h.kind == "drug" for h in found):
                out.extend(found)
    return out


# A regimen short form of the lexicon ("HP", "TP", "AC", "FAC", "XL") is also a word of
# microbiology, laboratory work or sizes: written undefined, it is a treatment only in a
# treatment context (see ``regimen_shorts_in_context``). A noun after it (or after the list of
# short forms it opens: "TH and XL sizes") says it is none: "HP infection", "TP levels", "CEF
# cells", "HP-positive".
_NOT_TREATMENT_AFTER = re.compile(
    # "-1": a cell line or gene ("THP-1", "TPH-1"); no regimen is numbered 1
    r"-1\b|(?:\s*(?:,|/|\band\b|\bor\b)\s*[A-Z]{1,5}\b)*(?:-\d+)?[\s-]*(?i:cells?|infect\w*|"
    r"levels?|values?|sort\w*|positiv\w*|negativ\w*|status|concentrations?|sizes?|genotypes?|"
    r"alleles?|ratios?|scores?|counts?|staining|expression|eradicat\w*|seropositiv\w*|"
    r"mutations?|antigens?|antibod\w*|genes?|proteins?|famil(?:y|ies)|macrophages?|monocytes?)\b"
    # after a numbered short form ("S-1"): "S-1-P" (sphingosine-1-phosphate), "the S-1 phase"
    r"|(?<=\d)(?:-P\b|[\s-]+(?i:phases?)\b)"
)
# A reference or a stage before it: "Figure S-1", "Table S-1", "stage S-1" (a supplement's or
# a classification's label, not the drug).
_NOT_TREATMENT_BEFORE = re.compile(
    r"\b(?i:fig(?:ure)?s?\.?|tables?|stages?|appendix|panels?|supplementa\w*)\s*\Z"
)
# Treatment words before it in its sentence ("received", "cycles of", "randomly assigned to",
# "versus", "efficacy of", "oral", "with" right before it) or right after it ("AC chemotherapy",
# "TCHP group", "EC x 4", "THP q3w", "EC → T", "S-1 monotherapy", "S-1 was administered", "S-1
# (80 mg/m2)", "THP consisted of": a definition).
_TREATMENT_BEFORE = re.compile(
    r"\b(?i:receiv\w*|treat\w*|therap\w*|cycles?|courses?|random\w*|assign\w*|allocat\w*|"
    r"arms?|regimens?|(?:neo)?adjuvant|versus|vs|compar\w*|chemotherapy|given|administ\w*|oral|"
    r"plus|switch\w*|followed|efficacy|safety|toxicit\w*|combin\w*|dose-dense|"
    r"(?:first|second|third|later)[\s-]line)\b"
    # "with" right before it, but not "patients with XP" (a condition)
    r"|\b(?<!(?i:patients)\s)(?<!(?i:women)\s)(?i:with)\s+\Z"
    # the patients' regimen: "Patients on TP had ..." ("40% for HP", "tested 150 patients for
    # HP" name no treatment: seropositivity, a test)
    r"|\b(?i:patients|those|women)\s+on\s+\Z"
)
_TREATMENT_AFTER = re.compile(
    # (a dose bracket: "S-1 (80 mg/m2/day)")
    r"\d|\s*(?:[x×]\s*\d|[+→]|->|-[A-Z]|[(\[]\s*\d[\d.,]*\s*m?g\b)|"
    r"[\s-]*(?i:based|chemo\w*|therap\w*|regimens?|arms?|monotherapy|single[\s-]agent|"
    r"(?:was|were)\s+(?:given|administ\w*)|"
    r"groups?|cohorts?|cycles?|courses?|treat\w*|q\d\w*|every|alone|followed|then|vs|versus|"
    r"plus|combin\w*|for\s+\d+|consist\w*|compris\w*|(?:was\s+)?defined|"
    # an outcome verb with the regimen as subject: "TCHP yielded", "THP achieved"
    r"achiev\w*|yield\w*|prolong\w*|improv\w*)\b"
)
# What joins two mentions of one regimen or of compared ones: "AC-TH", "TCHP or THP", "AC
# followed by paclitaxel", "TCHP vs THP".
_REGIMEN_JOIN = re.compile(
    r"\s*(?:[-–+/→,]|->|or|and|vs\.?|versus|(?:and\s+)?then|followed\s+by|plus)\s*"
)


def _undefined_regimen_shorts(hits: list[Hit], ambiguous: frozenset[str]) -> list[int]:
    """Indices of the ``hits`` that are capital regimen short forms of the lexicon ("HP", not
    "ddAC"), or ambiguous drug short forms of it ("S-1": tegafur/gimeracil/oteracil, or
    "Figure S-1"). One comprehension, the kind first: it rules out most hits (a call per hit
    cost more than the tests)."""
    return [
        i
        for i, h in enumerate(hits)
        if (h.kind == "regimen" or (h.kind == "drug" and h.text in ambiguous))
        and h.source == "rules"
        and h.text.isupper()
    ]


def _not_treatment(text: str, h: Hit) -> bool:
    """Whether a noun after ``h`` or a reference word before it says it names no treatment."""
    if _NOT_TREATMENT_AFTER.match(text, h.end):
        return True
    return _NOT_TREATMENT_BEFORE.search(text, max(0, h.start - 16), h.start) is not None


def regimen_shorts_in_context(
    text: str,
    hits: list[Hit],
    sentences: list[tuple[int, int]],
    ambiguous: frozenset[str] = frozenset(),
) -> list[Hit]:
    """``hits`` (sorted, no overlaps) without the lexicon regimen short forms the text does not
    use as treatments. No occurrence before a non-treatment noun ("HP infection", "TP levels")
    is one. A short form of ``ambiguous`` (the lexicon's "ambiguous_abbreviations": "HP", "TP",
    "AC", "FAC", "XL"...) is kept only if the text uses it as a treatment once: joined to
    another mention ("AC-TH", "HP + T-DXd"), a treatment word before it in its sentence or right
    after it, or a bracket defining it after a drug ("trastuzumab and pertuzumab (THP)"); then
    it is one wherever it is written. The others ("THP", "TCHP", "FEC") mean the regimen
    wherever no such noun follows: "150 had THP and 170 had TCHP". Only these few hits pay."""
    cands = _undefined_regimen_shorts(hits, ambiguous)
    if not cands:
        return hits
    blocked = {i for i in cands if _not_treatment(text, hits[i])}
    starts = [s for s, _ in sentences]
    used = {
        hits[i].text
        for i in cands
        if i not in blocked
        and (
            hits[i].text not in ambiguous
            or _used_as_treatment(text, hits, i, blocked, sentences, starts)
        )
    }
    drop = {i for i in cands if i in blocked or hits[i].text not in used}
    return [h for i, h in enumerate(hits) if i not in drop] if drop else hits


def _used_as_treatment(
    text: str,
    hits: list[Hit],
    i: int,
    blocked: set[int],
    sentences: list[tuple[int, int]],
    starts: list[int],
) -> bool:
    """Whether the short form ``hits[i]`` is written as a treatment (``regimen_shorts_in_context``)."""
    h = hits[i]
    if _TREATMENT_AFTER.match(text, h.end) or _joined_to_mention(text, hits, i, blocked):
        return True
    if _defined_after_drug(text, hits, i):
        return True
    k = bisect_right(starts, h.start) - 1
    s = sentences[k][0] if k >= 0 and h.start < sentences[k][1] else max(0, h.start - 200)
    return _TREATMENT_BEFORE.search(text, s, h.start) is not None


def _joined_to_mention(text: str, hits: list[Hit], i: int, blocked: set[int]) -> bool:
    """Whether a neighbouring mention (no blocked short form) is joined to ``hits[i]``."""
    h = hits[i]
    for j in (i - 1, i + 1):
        if j < 0 or j >= len(hits) or j in blocked:
            continue
        a, b = (hits[j].end, h.start) if j < i else (h.end, hits[j].start)
        if 0 <= b - a <= 20 and _REGIMEN_JOIN.fullmatch(text, a, b):
            return True
    return False


def _defined_after_drug(text: str, hits: list[Hit], i: int) -> bool:
    """ "trastuzumab and pertuzumab (THP)", "docetaxel every 3 weeks (TP)": the short form
    bracketed right after a drug mention (its dose and schedule between)."""
    h = hits[i]
    if (
        i == 0
        or h.start < 1
        or text[h.start - 1] not in "(["
        or text[h.end : h.end + 1] not in ")]"
    ):
        return False
    prev = hits[i - 1]
    gap = text[prev.end : h.start - 1]
    return not gap.strip() or is_schedule_or_alone(gap)


# The capitals right before a hyphen: "WSG-ADAPT-" in "WSG-ADAPT-TP".
_ACRONYM_BEFORE_HYPHEN = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2,}-\Z")


def _without_name_tails(text: str, hits: list[Hit]) -> list[Hit]:
    """Drop a capitalised short form hyphenated onto an acronym that is no mention itself: in
    a trial name such as "WSG-ADAPT-TP" the "TP" is a part of the name, not the TP regimen. A
    short form after a mention stays ("AC-TH": AC is a regimen, so TH is one too)."""
    return [
        h
        for i, h in enumerate(hits)
        if not (
            h.start > 2
            and text[h.start - 1] == "-"
            and h.text.isupper()
            and (i == 0 or hits[i - 1].end < h.start - 1)
            and _ACRONYM_BEFORE_HYPHEN.search(text, max(0, h.start - 30), h.start)
        )
    ]


# "lapatinib (L) ... trastuzumab (T)": a one-letter short form in a bracket right after a
# drug whose name it starts. (Schwartz–Hearst and ``_SHORT_IN_PARENS`` need two characters.)
_LETTER_DEFINITION = re.compile(r"\s*[(\[]([A-Z])[)\]]")
# A lone capital letter is a drug only where a regimen or a comparison is written: after a
# bracket, a regimen joiner, a list comma or a word that names a treatment ("1 year of T",
# "for T→L", "versus T", "the T arm") and before the end of the clause or another joiner.
# "T stage", "grade T", "arm A" or "T1" are never mentions.
_LETTER_BEFORE = re.compile(
    r"(?:[(\[+/→,]|(?<![\w-])(?:of|for|with|without|versus|vs\.?|or|and|plus|then|to|than|"
    r"receiving|the|received))\s*$"
)
# (a bracket naming the arm may follow: "T-DXd 5.4 mg/kg + P (Arm A)", or one holding the
# comparison's statistic: "6 months without H (HR 0.6)"; "L-treated", "H-based",
# "L-containing" join the letter to the word that makes it a group's name)
_LETTER_AFTER = re.compile(
    r"\s*(?:[)\]+/→,;:.]|$|(?:versus|vs\.?|or|and|plus|then|followed|alone|group|arm)\b|"
    r"\((?i:arm|group|cohort|HR|OR|hazard|odds|p)\b)|-(?:treated|based|containing)\b"
)
_LETTER_CONTEXT = 12  # characters looked at before a letter


def letter_definitions(
    text: str,
    hits: list[Hit],
    sentences: list[tuple[int, int]] | None = None,
    letters: Mapping[str, frozenset[str]] | None = None,
) -> tuple[dict[str, list[str]], set[int]]:
    """One-letter short forms the text defines for single drugs: "lapatinib (L)" → {"L":
    ["lapatinib"]}, kept only when the letter is the drug name's initial as written or a
    brand's ("trastuzumab (H)": Herceptin; an enumeration "(A)" or a figure panel is no
    definition); a letter defined for two different drugs is dropped. Also the offsets of the
    defining letters. ``sentences``: the text's ``sentence_spans``, if the caller has them;
    ``letters``: ``DrugLexicon.letters`` (brand initials), none if not given."""
    out: dict[str, list[str]] = {}
    at: set[int] = set()
    if "(" not in text and "[" not in text:
        return out, at
    clash: set[str] = set()
    by_brand: set[str] = set()  # letters some drug's brand initial defines
    labels: set[str] = set()  # letters after a drug that name none of its initials
    # Every dosed definition is a "(X)" bracket: a text without one (most) needs no look for it.
    dosed = _DOSED_LETTER_GATE.search(text) is not None
    design = _SentenceLookup(text, sentences) if dosed else None
    for h in hits:
        if h.kind != "drug":
            continue
        if len(h.drugs) != 1:
            continue
        near = text[h.end : h.end + 4]
        if ")" not in near and "]" not in near:
            # "drug (X)" closes its bracket within four characters (most drugs do not)
            m = _dosed_letter_definition(text, h, design) if design is not None else None
        else:
            m = _LETTER_DEFINITION.match(text, h.end)
        if m is None:
            continue
        letter = m.group(1)
        initial = next((c for c in h.text if c.isalpha()), "")
        if initial.upper() != letter:
            if not _brand_initial(letter, h, letters):
                labels.add(letter)
                continue
            by_brand.add(letter)
        if out.get(letter, h.drugs) != h.drugs:
            clash.add(letter)
        out[letter] = list(h.drugs)
        at.add(m.start(1))
    clash |= {c for c in by_brand if _panel_neighbour(c, labels)}
    for letter in clash:
        out.pop(letter, None)
    return out, at


def _panel_neighbour(letter: str, labels: set[str]) -> bool:
    """Whether a brand-initial ``letter`` has a neighbouring letter among ``labels`` (brackets
    after drugs that are no initial of theirs): "doxorubicin (A) and paclitaxel (B)" labels
    figure panels, though A is Adriamycin's initial."""
    return chr(ord(letter) - 1) in labels or chr(ord(letter) + 1) in labels


# "letrozole 2.5 mg daily alone (L)": the letter's bracket after the drug's dose and schedule
# (and "alone"), in a sentence that assigns patients to arms; read with _LETTER_DEFINITION. Round
# brackets only: "[L+T]" beside "[L]" is no short form the pipeline reads, so "with L+T" would
# become the letter's drug alone.
_DOSED_LETTER_GATE = re.compile(r"\([A-Z]\)")  # what _dosed_letter_definition matches at last
_DOSED_LETTER_REACH = 60  # characters from the drug to the letter's closing bracket
_ALONE_WORD = re.compile(r"\s+(?:alone|monotherapy)\s*$", re.I)


class _SentenceLookup:
    """The text's sentences with wrapped lines joined again (``join_soft_line_breaks``: "were
    randomly assigned\nto letrozole ... (L)" is one sentence), found by bisection, and whether a
    letter names an arm ("arm L"), both worked out once per text (or letter), not once per
    candidate bracket."""

    def __init__(self, text: str, sentences: list[tuple[int, int]] | None = None) -> None:
        self.text = text
        self.spans = join_soft_line_breaks(text, sentences or sentence_spans(text))
        self.starts = [s for s, _ in self.spans]
        self.arm_letters: dict[str, bool] = {}

    def names_arm(self, letter: str) -> bool:
        """Whether "arm L" / "group L" gives ``letter`` another meaning (case-sensitive letter:
        "in both arms a similar rate" names no arm "A")."""
        got = self.arm_letters.get(letter)
        if got is None:
            got = re.search(rf"\b(?i:arms?|groups?|cohorts?)\s+{letter}\b", self.text) is not None
            self.arm_letters[letter] = got
        return got

    def randomised_before(self, at: int) -> bool:
        """Whether the sentence holding ``at`` says, before it, that patients were randomised,
        assigned or allocated."""
        k = bisect_right(self.starts, at) - 1
        if k < 0 or at >= self.spans[k][1]:
            return False
        return _RANDOMISED.search(self.text, self.spans[k][0], at) is not None


def _brand_initial(letter: str, h: Hit, letters: Mapping[str, frozenset[str]] | None) -> bool:
    """Whether ``letter`` is the initial of a brand of mention ``h``'s one drug ("H" for
    Herceptin, "X" for Xeloda): regimen short forms spell drugs by them ("TH", "XH")."""
    return letters is not None and letter.lower() in letters.get(h.drugs[0], ())


def _dosed_letter_definition(
    text: str, h: Hit, design: _SentenceLookup | None = None
) -> re.Match[str] | None:
    """The "(L)" of "letrozole 2.5 mg daily alone (L)": a one-letter bracket after
    the drug's dose and schedule only, read as a definition only in a design sentence (patients
    assigned to regimens) and only when no "arm L" / "group L" gives the letter another meaning;
    a bracket after any other word ("(grade A)", "2.5 mg (L)" after a non-dose) is none."""
    close = text.find(")", h.end + 4, h.end + _DOSED_LETTER_REACH)
    if close < 0 or text[close - 2] != "(" or not text[close - 1].isupper():
        return None  # (most drugs: no one-letter bracket close after them)
    gap = text[h.end : close - 2]
    if not any(c.isdigit() for c in gap):
        return None  # a dose is what stands between: "letrozole 2.5 mg daily (L)"
    alone = _ALONE_WORD.search(gap)
    if not is_schedule_only(gap[: alone.start()] if alone else gap):
        return None
    letter = text[close - 1]
    design = _SentenceLookup(text) if design is None else design
    if design.names_arm(letter):
        return None  # "arm L": the letter names an arm, not the drug
    if not design.randomised_before(h.start):
        return None
    return _LETTER_DEFINITION.match(text, close - 2)


def letter_hits(
    text: str,
    hits: list[Hit],
    sentences: list[tuple[int, int]] | None = None,
    letters: Mapping[str, frozenset[str]] | None = None,
) -> list[Hit]:
    """Mentions of the one-letter short forms of ``letter_definitions`` (case-sensitive, whole
    word, in a regimen context: ``_LETTER_BEFORE`` / ``_LETTER_AFTER``); the defining bracket
    is not a mention."""
    defined, at = letter_definitions(text, hits, sentences, letters)
    out: list[Hit] = []
    for letter, drugs in defined.items():
        for a, b in whole_word_spans(text, letter):
            if (
                a in at
                or _LETTER_BEFORE.search(text, max(0, a - _LETTER_CONTEXT), a) is None
                or _LETTER_AFTER.match(text, b) is None
                or _in_letter_enumeration(text, a, b, defined)
            ):
                continue
            out.append(Hit("drug", a, b, letter, drugs[0], list(drugs), "abbreviation"))
    return out


# A list neighbour that is a lone capital: "class A, B or C", "T, N and M".
_CAPITAL_ITEM_BEFORE = re.compile(
    r"(?<![\w-])([A-Z])\s*(?:,\s*(?:(?:or|and)\s+)?|\s(?:or|and)\s+)$"
)
# (not a capital before a relation sign or a number: "12% with L, P = 0.03" is a P value)
_CAPITAL_ITEM_AFTER = re.compile(
    r"\s*(?:,\s*(?:(?:or|and)\s+)?|\s(?:or|and)\s+)([A-Z])(?![\w-])(?!\s*[=<>≤≥\d])"
)


def _in_letter_enumeration(text: str, a: int, b: int, defined: dict[str, list[str]]) -> bool:
    """Whether the letter at ``a:b`` is an item of an enumeration of capitals ("Child-Pugh class
    A, B or C", "T, N and M categories"): a list neighbour is another lone capital that is no
    defined short form. (Two defined letters, "L or T", are still a list of drugs.)"""
    m = _CAPITAL_ITEM_BEFORE.search(text, max(0, a - 8), a)
    if m is not None and m.group(1) not in defined:
        return True
    m = _CAPITAL_ITEM_AFTER.match(text, b)
    return m is not None and m.group(1) not in defined


# The contract's regimen letters (THP: taxane, Herceptin = trastuzumab, pertuzumab), written
# undefined in posters: "T-DXd + P", "P + H". Read only joined by "+" to another drug mention.
_STANDARD_LETTERS = {"P": "pertuzumab", "H": "trastuzumab"}
_PLUS_BEFORE = re.compile(r"\+\s*\Z")
_PLUS_AFTER = re.compile(r"\s*\+")


def standard_letter_hits(text: str, lexical: list[Hit], letters: list[Hit]) -> list[Hit]:
    """Mentions of an undefined "P" (pertuzumab) or "H" (trastuzumab) joined by "+" to a drug
    mention or to the other letter ("T-DXd + P", "P + H IV"). Only where the text names that
    drug in full, defines no meaning of its own for the letter, and names no other drug with
    that initial (a "P" beside paclitaxel or pyrotinib stays unread)."""
    joined = [letter for letter in _STANDARD_LETTERS if _plus_beside(text, letter)]
    if not joined:
        return []  # (most texts: no lone letter beside a "+")
    named = {d for h in lexical if h.kind == "drug" for d in h.drugs}
    own = {h.text for h in letters}
    cands: list[tuple[int, int, str]] = []
    for letter in joined:
        drug = _STANDARD_LETTERS[letter]
        if drug not in named or letter in own:
            continue
        if any(d[:1].upper() == letter and drug not in d for d in named):
            continue
        if f"({letter})" in text or f"[{letter}]" in text:
            continue  # a bracket gives the letter a meaning the text chose
        cands.extend((a, b, drug) for a, b in whole_word_spans(text, letter))
    if not cands:
        return []
    ends = {h.end for h in lexical if h.drugs} | {b for _, b, _ in cands}
    starts = {h.start for h in lexical if h.drugs} | {a for a, _, _ in cands}
    out: list[Hit] = []
    for a, b, drug in cands:
        before = _PLUS_BEFORE.search(text, max(0, a - 4), a)
        after = _PLUS_AFTER.match(text, b)
        linked = (before is not None and _end_before(text, before.start(), ends)) or (
            after is not None and _start_after(text, after.end(), starts)
        )
        if linked:
            out.append(Hit("drug", a, b, text[a:b], drug, [drug], "abbreviation"))
    return out


def _plus_beside(text: str, letter: str) -> bool:
    """Whether ``letter`` is written right before or after a "+" somewhere in ``text``."""
    return any(x in text for x in (f"+ {letter}", f"+{letter}", f"{letter} +", f"{letter}+"))


def _end_before(text: str, pos: int, ends: set[int]) -> bool:
    """Whether a mention ends at ``pos`` or right before the spaces there."""
    j = pos
    while j > 0 and text[j - 1] == " ":
        j -= 1
    return j in ends


def _start_after(text: str, pos: int, starts: set[int]) -> bool:
    """Whether a mention starts at ``pos`` or right after the spaces there."""
    j = pos
    while j < len(text) and text[j] == " ":
        j += 1
    return j in starts


def drug_names(hits: Iterable[Hit]) -> list[str]:
    """Sorted unique canonical drug names (regimens expanded, placebo dropped)."""
    return sorted({d for h in hits if h.kind not in ("placebo", "class") for d in h.drugs})
