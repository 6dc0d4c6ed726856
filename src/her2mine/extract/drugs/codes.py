"""Code names: sponsor codes of unseen drugs ("ZW25") and product codes of biosimilars ("SB3").

Also what makes a code no drug: a cooperative group's or registry's prefix, a study number in
a bracket after a trial's name, an ADC's payload, a cell line.
"""

from __future__ import annotations

import re

from her2mine.extract.fastre import finditer_at, whole_word_spans
from her2mine.extract.hits import Hit
from her2mine.extract.lexicon import (
    COOPERATIVE_GROUPS,
    DrugLexicon,
    letter_dashes_as_hyphens,
    term_spans,
)

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


def code_hits(text: str, lex: DrugLexicon, sentences: list[tuple[int, int]]) -> list[Hit]:
    """Sponsor code names (``XX-1234``), only in sentences that talk about treatment."""
    hits = []
    trials: dict[str, bool] = {}  # code → whether the text names it as a trial
    for m in finditer_at(_CODE_RE, text, _code_starts(text)):
        code = m.group(1)
        prefix = _CAPITALS.match(code).group(0)
        if prefix in CODE_STOP_PREFIXES or _CODE_NOT_AFTER.match(text, m.end()):
            continue
        known = lex.lookup(code)
        if code not in trials:  # (a code the lexicon knows is a drug)
            trials[code] = known is None and _named_as_trial(text, code, lex)
        if trials[code]:
            continue
        if _names_a_payload(text, m.start(1)) or _names_a_cell_line(text, m.start(1), m.end(1)):
            continue
        if _names_an_assay(text, m.start(1), m.end(1)):
            continue
        if known is None and _carried_by_conjugate(text, m.start(1)):
            continue
        if text[m.start(1) - 1 : m.start(1)] == "(" and study_number_in_bracket(text, m.start(1)):
            continue
        s, e = _title_head_sentence(text, m, *_sentence_of(m.start(), sentences, len(text)))
        if _abstract_number(text, m, lex, e):
            continue
        if not _CODE_CONTEXT.search(text, s, e):
            continue
        canon = known or code.lower()
        hits.append(Hit("drug", m.start(1), m.end(1), code, canon, lex.expand(canon), "code"))
    return hits


# Round 84b: a short code (capitals and one or two digits, "HLX22") is read as a drug only
# where the text defines it as one ("HLX22 is a humanized anti-HER2 monoclonal antibody") or
# doses it ("HLX22 25 mg/kg"): the shape alone is a gene's, a protein's or a cell line's too.
_SHORT_CODE = r"[A-Z](?<![A-Za-z0-9-][A-Z])[A-Z]{1,4}[0-9]{1,2}"
# Review of 84b: the words before the noun describe it; a link word starts another phrase ("TROP2
# is a target of the antibody-drug conjugate ...", "IL6 is a cytokine and an inhibitor of ...").
_NOT_LINK = r"(?!(?:of|for|and|or|by|to|with|the|an?|targets?|whose|which|that)\b)"
_SHORT_CODE_DEFINED = re.compile(
    rf"({_SHORT_CODE})(?![A-Za-z0-9-])(?:[ \t]+\([^()\n]{{1,40}}\))?[ \t]+(?:is|was)[ \t]+an?"
    rf"[ \t]+(?:{_NOT_LINK}[\w-]+,?[ \t]+){{0,5}}?(?:monoclonal[ \t]+antibody|antibody(?:-drug[ \t]+conjugate)?|"
    r"inhibitor|bispecific|ADC|(?:tyrosine[ \t]+)?kinase[ \t]+inhibitor)\b"
)
_SHORT_CODE_DOSED = re.compile(
    rf"({_SHORT_CODE})(?![A-Za-z0-9-])[ \t]+\d+(?:\.\d+)?[ \t]?mg(?:/(?:kg|m2|m²))?\b"
)


# Words one of which each pattern's match holds (a pattern runs only when the
# text has one): the noun of ``_SHORT_CODE_DEFINED``, the "mg" of ``_SHORT_CODE_DOSED``.
_DEFINED_NOUNS = ("antibody", "inhibitor", "bispecific", "ADC")


def _short_code_patterns(text: str) -> list[re.Pattern[str]]:
    """Those of ``_SHORT_CODE_DEFINED``, ``_SHORT_CODE_DOSED`` that can match ``text``."""
    patterns = []
    if any(noun in text for noun in _DEFINED_NOUNS):
        patterns.append(_SHORT_CODE_DEFINED)
    if "mg" in text:
        patterns.append(_SHORT_CODE_DOSED)
    return patterns


def short_code_hits(text: str, lex: DrugLexicon) -> list[Hit]:
    """Every whole-word mention of a short code the text defines as a drug or doses
    (``_SHORT_CODE_DEFINED``, ``_SHORT_CODE_DOSED``), its prefix no stop prefix; gated on " is
    a"/" mg"."""
    if " mg" not in text and " is a" not in text and " was a" not in text:
        return []
    codes = {
        m.group(1)
        for pattern in _short_code_patterns(text)
        for m in pattern.finditer(text)
        if _CAPITALS.match(m.group(1)).group(0) not in CODE_STOP_PREFIXES
    }
    hits = []
    for code in codes:
        canon = lex.lookup(code) or code.lower()
        hits += [
            Hit("drug", a, b, code, canon, lex.expand(canon), "code")
            for a, b in whole_word_spans(text, code)
        ]
    return hits


# Round 94c: a code the text names as a trial is the trial's name wherever it is written
# ("INAVO122: a phase III, randomized, double-blind, placebo-controlled study of inavolisib plus
# ...", "INAVO122 (NCT05894239) is a global, phase III ... trial", "the INAVO122 trial"), not
# only where "trial" follows it (``_CODE_NOT_AFTER``): "In INAVO122, patients receive ..." is
# no drug either. Unless the text gives the code as a drug somewhere (doses it, defines it as an
# antibody or inhibitor, gives it with "received"/"plus"): "the MCLA-128 study ... received
# MCLA-128 30 mg" is a first-in-human study named by its drug.
_TRIAL_NOUN = r"(?:trial|study)\b(?![ \t]+(?:drugs?|agents?|medications?|treatments?|products?)\b)"
# "X (NCT...) is a global, phase III, randomized ... trial": no preposition or link word before
# the noun ("X is an ADC in a phase 1 study", "X is an antibody that ... study" call the drug
# something a study tests).
_NAMED_TRIAL_IS = re.compile(
    r"(?:[ \t]+\([^()\n]{1,40}\))?[ \t]+(?:is|was)[ \t]+an?[ \t]+"
    r"(?:(?!(?:in|of|for|from|within|under|with|that|which|being|and)\b)[\w-]+,?[ \t]+){0,8}?"
    + _TRIAL_NOUN
)
# "X (NCT05894239)" opening a clause or after "the"/"In" (not "a study of X (NCT...)").
_NCT_BRACKET_AFTER = re.compile(r"[ \t]*\([^()\n]{0,20}\bNCT\d{8}\b[^()\n]{0,20}\)")
_TRIAL_CODE_LEAD = re.compile(r"(?:\A|[.;:!?]\s+|\n\s*|\b(?:[Tt]he|[Ii]n)\s+)\Z")
# "the X trial", "the ongoing phase III X study"
_THE_BEFORE = re.compile(r"\b[Tt]he\s+(?:[\w-]+\s+){0,3}?\Z")
_TRIAL_NOUN_AFTER = re.compile(r"[ \t]+" + _TRIAL_NOUN)
# A title opening with the code, then a study of a named drug: "X: a phase III, randomized ...
# study of inavolisib plus ..." (group 1: the drug's word; "MRG002: A Phase 1 Study of MRG002",
# "MRG002: A Phase 1 Study in ..." are the drug's own title, round 67b).
_TITLE_STUDY_OF = re.compile(
    r"[ \t]*[:\u2013\u2014-][ \t]+(?:an?[ \t]+)?(?:[\w-]+,?[ \t]+){0,8}?(?:trial|study)[ \t]+"
    r"(?:of|evaluating|investigating|assessing|comparing)[ \t]+([A-Za-z][\w-]*)"
)
# What gives a code as a drug: a dose after it, a definition as one, a giving word before it or a
# partner word after it.
_CODE_DOSED_AFTER = re.compile(r"[ \t]+(?:at[ \t]+)?\d+(?:\.\d+)?[ \t]?(?:mg|µg|μg|mcg)\b")
_CODE_DEFINED_AFTER = re.compile(
    r"(?:[ \t]+\([^()\n]{1,40}\))?(?:,[ \t]+|[ \t]+(?:is|was)[ \t]+)an?[ \t]+"
    rf"(?:{_NOT_LINK}[\w-]+,?[ \t]+){{0,5}}?(?:antibod(?:y|ies)|conjugate|ADC|inhibitor|"
    r"bispecific|TKI|agent|drug|molecule|compound)\b"
)
# Review of round 94: "randomized to X or lapatinib" assigns the drug, "in the X arm" is its group.
_CODE_GIVEN_BEFORE = re.compile(
    r"\b(?:receiv\w*|given|(?:treated|treatment|combined)[ \t]+with|plus|versus|vs\.?|"
    r"(?:randomi[sz]ed|assigned|allocated)[ \t]+to|"
    r"(?:trial|study)[ \t]+(?:of|evaluating|investigating))[ \t]+\Z|\+[ \t]*\Z"
)
_CODE_PARTNER_AFTER = re.compile(
    r"[ \t]*(?:\+|(?:plus|monotherapy|alone|arms?|groups?)\b|"
    r"(?:in[ \t]+combination|combined)[ \t]+with\b)"
)


def _named_as_trial(text: str, code: str, lex: DrugLexicon) -> bool:
    """Whether the text names ``code`` (a code the lexicon does not know: one it knows is a
    drug) as a trial at one of its mentions (see above) and gives it as a drug at none."""
    named = False
    for a, b in whole_word_spans(text, code):
        if (
            _CODE_DOSED_AFTER.match(text, b)
            or _CODE_DEFINED_AFTER.match(text, b)
            or _CODE_PARTNER_AFTER.match(text, b)
            or _CODE_GIVEN_BEFORE.search(text, max(0, a - 20), a)
        ):
            return False
        named = named or _names_trial_at(text, code, a, b, lex)
    return named


def _names_trial_at(text: str, code: str, a: int, b: int, lex: DrugLexicon) -> bool:
    """Whether the mention of ``code`` at [``a``, ``b``) is written as a trial's name."""
    if _NAMED_TRIAL_IS.match(text, b):
        return True
    lead = _TRIAL_CODE_LEAD.search(text, max(0, a - 8), a) is not None
    if lead and _NCT_BRACKET_AFTER.match(text, b):
        return True
    if _TRIAL_NOUN_AFTER.match(text, b) and _THE_BEFORE.search(text, max(0, a - 40), a):
        return True
    if text[:a].strip():
        return False
    m = _TITLE_STUDY_OF.match(text, b)
    title_end = text.find("\n", b)
    title_end = len(text) if title_end < 0 else title_end
    if m is None or m.end() > title_end or text.find(code, b, title_end) >= 0:
        return False
    drug = lex.lookup(m.group(1))
    return drug is not None and lex.kind.get(drug) != "placebo"


# Round 59b: "OSPREY (ABCD1602) was a phase 2 trial": a code in a bracket right after a name in
# capitals that the sentence then calls a trial or study is the sponsor's study number, no drug.
_STUDY_NUMBER_BRACKET = re.compile(
    r"[A-Z](?<![\w-][A-Z])[A-Z0-9-]*[A-Z]{3}[A-Z0-9-]*[ \t]+\(([A-Z]{1,6}-?\d{3,6}[A-Z]?)\)[ \t]+"
    r"(?:was|is)[ \t]+an?[ \t]+(?:(?!(?:in|of|for|from|within|under)\b)[\w-]+,?[ \t]+){0,5}?"
    r"(?:trial|study)\b"
)
# (No preposition before the noun: "DHES0815A (RG6148) is an ADC in a phase 1 study" calls the
# drug, not the name, something the study tests. Speed pass 61: literal-first, "[A-Z]" and then
# the lookbehind, so that the regex engine skips to capitals; a leading lookbehind is tried at
# every position of the text.)


def study_number_in_bracket(text: str, start: int) -> bool:
    """Whether the code at ``start`` is a study number in a bracket after a trial's name in
    capitals, the sentence calling it a trial or study (``_STUDY_NUMBER_BRACKET``)."""
    for m in _STUDY_NUMBER_BRACKET.finditer(text, max(0, start - 40), start + 120):
        if m.start(1) == start:
            return True
    return False


def study_number_brackets(text: str) -> list[tuple[int, int]]:
    """The spans of every study number in such a bracket (``_STUDY_NUMBER_BRACKET``)."""
    if _STUDY_NUMBER_GATE.search(text) is None:
        return []
    return [m.span(1) for m in _STUDY_NUMBER_BRACKET.finditer(text)]


# What every ``_STUDY_NUMBER_BRACKET`` match holds, with the same gap (a literal ")" first, so a
# quick scan): the gate of ``study_number_brackets``, as loose as the pattern it guards.
_STUDY_NUMBER_GATE = re.compile(r"\)[ \t]+(?:was|is)[ \t]")


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


# Round 89a: the conjugate's verb before its payload's code, right before it or its class
# between: "an antibody-drug conjugate carrying the tubulin inhibitor AS269", "conjugated to
# ..." (not "patients carrying HER2-positive tumours received QX2071").
_CARRIED_BEFORE_END = re.compile(
    r"\b(?:carrying|bearing|armed\s+with|(?:conjugated|linked|attached)\s+(?:to|with))"
    r"\s+(?:(?:a|an|the|its)\s+)?(?:(?:[\w-]+\s+){0,3}?(?:inhibitor|agent|payload|toxin|"
    r"cytotoxin|drug|compound|molecule|derivative|analogue|analog)\s+)?\Z",
    re.I,
)
_CARRIED_WORDS = ("carrying", "bearing", "armed", "conjugated", "linked", "attached")


def _names_a_payload(text: str, start: int) -> bool:
    """Whether the code starting at ``start`` is written as an ADC's payload or linker."""
    before = text[max(0, start - 12) : start].lower()
    if "payload" not in before and "warhead" not in before and "linker" not in before:
        return False
    return _PAYLOAD_BEFORE_END.search(before) is not None


def _carried_by_conjugate(text: str, start: int) -> bool:
    """Whether the code starting at ``start`` is what a conjugate carries (see above); the
    caller keeps a lexicon drug."""
    before = text[max(0, start - 70) : start]
    low = before.lower()
    if not any(w in low for w in _CARRIED_WORDS):
        return False
    return _CARRIED_BEFORE_END.search(before) is not None


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


# Round 68b: the common HER2-positive model lines named like codes are cell lines wherever they
# stand ("In BT-474 tumours, the combination ..."), with no cell word near.
_KNOWN_CELL_LINES = frozenset(
    {"BT474", "HCC1954", "HCC1419", "HCC202", "HCC2218", "UACC812", "UACC893", "AU565"}
)  # fmt: skip
# Round 72b: the MDA-MB lines ("MDA-MB-453") never reach the code reader whole: ``_CODE_RE``
# takes no code right after a hyphen. Only their short form ("MB-453", "MB453") or the name
# written solid ("MDAMB453") does; HER2-positive (361, 453) or not (231, 468), they are lines.
_MDA_MB_LINE = re.compile(r"(?:MDA)?MB(?:231|361|453|468)")


def _names_a_cell_line(text: str, start: int, end: int) -> bool:
    """Whether the code at ``text[start:end]`` is written as a cell line (see ``_CELL_AFTER``)
    or is a known one (``_KNOWN_CELL_LINES``, ``_MDA_MB_LINE``)."""
    key = text[start:end].replace("-", "").upper()
    if key in _KNOWN_CELL_LINES or _MDA_MB_LINE.fullmatch(key):
        return True
    if _CELL_AFTER.match(text, end):
        return True
    before = text[max(0, start - _CELL_REACH) : start]
    return "cell" in before.lower() and _CELL_BEFORE_END.search(before) is not None


# Round 66b: an antibody clone for immunohistochemistry is named like a sponsor code ("the
# SP263 assay", "VENTANA SP263", "clone SP142", "PD-L1 expression (SP142)"): a code after a
# clone's or assay maker's word, or before an assay's word, or in a bracket right after the
# biomarker it scores, names the test, not a drug given.
# (Review 66b: not after a drug's target, "anti-HER2 (MRG002)", "targeting HER2 (KN026)".)
# Round 78a: the biomarker's status or score may stand between it and the bracket
# ("PD-L1-positive (SP263 ...)", "PD-L1 CPS >=1 (SP263)"), and PD-L1's clone may follow words
# that say how it was scored, with no bracket ("PD-L1 positive by SP142", "PD-L1 was scored
# with SP263"). Only these words: "a PD-L1 inhibitor (KN035)" is a drug.
_STATUS_WORD = (
    r"(?:[\s-]+(?:positive|negative|low|high|positivity|negativity|expression|status|staining|"
    r"IHC|CPS|TPS|IC|TC)|\s*[<>\u2264\u2265=]+\s*\d+(?:\.\d+)?%?)"
)
_ASSAY_BEFORE_END = re.compile(
    r"(?:\b(?:clone|ventana|dako|agilent|antibody\s+clone)\s+"
    rf"|(?<!anti-)(?<!targeting\s)(?<!targeted\s)\b(?:PD-?L1|HER2){_STATUS_WORD}{{0,3}}\s*\("
    rf"|(?<!anti-)\bPD-?L1{_STATUS_WORD}{{0,2}}(?:\s+(?:was|were|is))?\s+"
    r"(?:by|(?:scored|tested|assessed|measured|evaluated|determined|stained)\s+(?:by|with|using))"
    r"\s+(?:the\s+)?)\Z",
    re.I,
)
# (Review 66b: "IHC 3+" / "IHC-confirmed" after a code is the patients' tumour status. Round
# 78a: a score after the clone, "SP263 immune-cell score", "SP142 IC <1%", names its assay too;
# review of 78a: a score's letters with its cut-off only, "ZN-1041 TC" is the drug and a regimen.)
_ASSAY_AFTER = re.compile(
    r"\)?\s+(?:assays?|pharmDx|IHC(?![ \t]*[0-3]\+|-)|immunohistochemi\w*|staining|"
    r"antibody\s+clone|clone|(?:immune|tumou?r)[\s-]cell\s+scores?|"
    r"(?-i:IC|TC|CPS|TPS)\b(?=[ \t]*(?:[<>=\u2264\u2265]|\d+(?:\.\d+)?[ \t]*[%+])))\b",
    re.I,
)
_ASSAY_REACH = 45  # characters read before a code for the word naming its assay


def _names_an_assay(text: str, start: int, end: int) -> bool:
    """Whether the code at ``text[start:end]`` is written as an IHC assay's antibody clone."""
    if _ASSAY_AFTER.match(text, end):
        return True
    before = text[max(0, start - _ASSAY_REACH) : start]
    return _ASSAY_BEFORE_END.search(before) is not None


# Round 66b: a conference abstract's number opening the text before its title ("TPS1102:
# KESTREL: a phase III trial", "LBA1003 - Results of ...") is shaped like a sponsor code; one
# the text never writes again is the abstract's number ("ARX788: a phase 1 study ... received
# ARX788" is the drug). Review 66b: the title after the number opens with a capital, and not
# with a word joining the code to a treatment ("MRG002 plus chemotherapy in ...", "MRG002: a
# phase 1 study ...", "MRG002 In HER2-positive ...": the drug the title is about).
_ABSTRACT_NUMBER_END = re.compile(
    r"[ \t]*(?:[:.\u2013\u2014-][ \t]+|\s+)"
    r"(?=[A-Z])(?!(?i:plus|versus|vs|in|with|and|or|combined|monotherapy|alone|for)\b)"
)


# Round 67b: an abstract's number shaped like a code carries the conference's tag for the kind
# of abstract ("TPS1102": trials in progress, "LBA1003"/"LB-123": late-breaking, "CT012": a
# clinical-trial session); a sponsor's prefix before a capitalised title ("MRG002: A Phase 1
# Study of ...", "SHR2019: A First-in-Human Trial ...") is the drug the title is about.
_ABSTRACT_TAGS = frozenset({"TPS", "LBA", "LB", "CT", "PS", "PD", "PO", "OA", "OT", "GS", "FP"})


def _abstract_number(text: str, m: re.Match[str], lex: DrugLexicon, title_end: int) -> bool:
    """Whether code match ``m`` opens the text as an abstract number (see above); the title
    runs to ``title_end``."""
    if text[: m.start(1)].strip() or not _ABSTRACT_NUMBER_END.match(text, m.end(1)):
        return False
    if text.find(m.group(1), m.end(1)) >= 0:
        return False
    if _CAPITALS.match(m.group(1)).group(0) in _ABSTRACT_TAGS:
        return True
    return _title_names_a_drug(text[m.end(1) : title_end], lex)


# Review 67b: conferences have more tags than ``_ABSTRACT_TAGS`` ("CRA1002", "EP123", "PB123",
# "RF101"); a title that names a drug the lexicon knows ("PB123: Pyrotinib Combined With
# Capecitabine ...") is about that drug, so an untagged code before it is the abstract's
# number. A sponsor's code before a title naming no known drug ("MRG002: A Phase 1 Study of a
# HER2-Targeted ADC") is still the drug.
def _title_names_a_drug(title: str, lex: DrugLexicon) -> bool:
    """Whether ``title`` names a drug (not a placebo) of the lexicon, any case."""
    if lex.insensitive is None:
        return False
    low = letter_dashes_as_hyphens(title.lower())
    return any(
        lex.kind.get(lex.canonical_of.get(low[a:b], "")) not in (None, "placebo")
        for a, b in term_spans(lex.insensitive, low)
    )


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


def _title_head_sentence(text: str, m: re.Match[str], s: int, e: int) -> tuple[int, int]:
    """The sentence a code is read in: its own (``s``, ``e``), or the whole title line when the
    code opens the text before a full stop (round 74a: "MRG002. A Phase 1 Study of ...", where
    the sentence splitter leaves the code a sentence of its own)."""
    if s != 0 or text[: m.start(1)].strip() or text[m.end(1) : m.end(1) + 2] != ". ":
        return s, e
    newline = text.find("\n", m.end(1))
    return s, len(text) if newline < 0 else newline


def _sentence_of(pos: int, sentences: list[tuple[int, int]], n: int) -> tuple[int, int]:
    for s, e in sentences:
        if s <= pos < e:
            return s, e
    return 0, n


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
