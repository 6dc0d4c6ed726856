"""Lexicon mentions: the drug lexicon's terms found in the text and which of them stand.

Terms with their formulation and source suffixes, regimen short forms written with a dose
("FEC100"), drug classes, and the filters that drop a lexicon short form outside a treatment
context ("HP infection") or a trial name's tail ("WSG-ADAPT-TP").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from her2mine.extract.fastre import finditer_at, literal_starts
from her2mine.extract.hits import Hit
from her2mine.extract.lexicon import (
    DrugLexicon,
    letter_dashes_as_hyphens,
    lower_same_length,
    term_spans,
)
from her2mine.extract.regimens import is_schedule_or_alone

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
    # the terms are looked up as the scans read them: "ado–trastuzumab" as "ado-trastuzumab"
    # (each form converted once, here, for its scan and its look-ups)
    hyphened, hyphened_low = letter_dashes_as_hyphens(text), letter_dashes_as_hyphens(low)
    loose = term_spans(lex.insensitive, low, hyphened_low) if lex.insensitive is not None else []
    for spans, source, canonical_of in (
        (lex.sensitive.spans(text, starts, hyphened), hyphened, lex.exact_of),
        (loose, hyphened_low, lex.canonical_of),
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
        if low.startswith("-free", b):
            continue  # "the chemotherapy-free arm" is given none of the class: no mention of it
        out.append(Hit("class", a, b, text[a:b], m.group(0), [], "rules"))
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
    r"\d|\s*(?:[x×]\s*\d|[+→]|->|-[A-Z]|[(\[]\s*\d[\d.·,]*\s*m?g\b)|"
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
