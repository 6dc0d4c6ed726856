"""Trial recognition: the trial lexicon, name patterns and registry ids, kept as written."""

from __future__ import annotations

import re
from collections.abc import Iterable

from her2mine.extract.hits import Hit, resolve_overlaps
from her2mine.extract.lexicon import TrialLexicon

# Name families whose members keep appearing (DESTINY-Breast12, HER2CLIMB-05...).
_FAMILIES = re.compile(
    r"(?<![A-Za-z0-9-])(?:DESTINY-[A-Z][A-Za-z]*\d+|HER2CLIMB(?:-\d+)?|PHERGain(?:-\d+)?|"
    r"(?:NSABP|CALGB|JBCRG|GBG|BIG|NRG|SWOG|ECOG|EORTC|IBCSG|TBCRC|JCOG|KCSG|WSG|ABCSG|GEICAM|SOLTI|"
    r"NCCTG|BCIRG|ACOSOG|UNICANCER)[ -](?:[A-Z]{1,2}-?)?\d+|MonarcHER|PATINA|TRAIN-\d)(?![A-Za-z0-9])"
)
# Registry ids: ClinicalTrials.gov, EudraCT, Chinese, Japanese, ISRCTN, UMIN, ANZCTR.
_REGISTRY = re.compile(
    r"(?<![A-Za-z0-9])(?:NCT\d{8}|EudraCT(?:,?\s+(?:No\.?|number|Number))?[:,\s]+\d{4}-\d{6}-\d{2}|(?<=EudraCT\s)\d{4}-\d{6}-\d{2}|"
    r"ChiCTR[-A-Za-z0-9]*\d{6,}|jRCT[a-z]?\d{7,}|ISRCTN\d{8}|UMIN\d{9}|ACTRN\d{14}|"
    r"CTR\d{8}|JapicCTI-\d{6})(?![A-Za-z0-9])"
)


def find_trials(text: str, lex: TrialLexicon, registry_ids: Iterable[str] = ()) -> list[Hit]:
    """Named trials and registry ids in ``text``; DataBankList ids come without offsets."""
    hits = [_hit(m, "rules") for m in _REGISTRY.finditer(text)]
    hits += [_hit(m, "rules") for m in _FAMILIES.finditer(text)]
    if lex.pattern is not None:
        hits += [_hit(m, "rules") for m in lex.pattern.finditer(text)]
    hits += _named_by_context(text)
    hits = resolve_overlaps(sorted(hits, key=lambda h: (h.start - h.end, h.start)))
    seen = {h.canonical for h in hits}
    for rid in registry_ids:
        rid = rid.strip()
        if rid and rid not in seen:
            seen.add(rid)
            hits.append(Hit("trial", -1, -1, rid, rid, [], "databank"))
    return hits


def _hit(m: re.Match[str], source: str) -> Hit:
    written = m.group(0)
    start = m.start()
    eudract = _EUDRACT_NUMBER.search(written)
    if written.startswith("EudraCT") and eudract:
        # normalised "EudraCT <number>" ("EudraCT, number 2012-004027-24")
        return Hit("trial", start, m.end(), written, "EudraCT " + eudract.group(0), [], source)
    return Hit("trial", start, start + len(written), written, written, [], source)


_EUDRACT_NUMBER = re.compile(r"\d{4}-\d{6}-\d{2}")


# Unlisted trial names: an acronym-like word (two capitals or more) named as a trial or study,
# in a title "(NAME): a randomised ...", or right before its registry id "NAME (NCT...)".
_ACRONYM = r"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*"
_CONTEXT_PATTERNS = [
    re.compile(rf"\b(?:the|The)\s+({_ACRONYM})\s+(?:phase\s+\w+\s+)?(?:trial|study)\b"),
    re.compile(rf"\(({_ACRONYM})\):\s+(?:a|an|the|final|primary|updated|long-term|results)\b"),
    re.compile(rf"\b({_ACRONYM})\s+\((?:ClinicalTrials\.gov[^)]*?)?NCT\d{{8}}\)"),
    re.compile(rf"\b({_ACRONYM})\s+(?:trial|study)\s+\((?:ClinicalTrials\.gov[^)]*?)?NCT\d{{8}}\)"),
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
    }
)


def _named_by_context(text: str) -> list[Hit]:
    hits = []
    for pattern in _CONTEXT_PATTERNS:
        for m in pattern.finditer(text):
            name = m.group(1)
            upper = sum(c.isupper() for c in name)
            if upper < 2 or len(name) < 4 or name in NOT_TRIAL_NAMES or name.startswith("NCT"):
                continue
            if re.fullmatch(r"[A-Z]{1,3}-?\d+[a-z]?", name):
                continue  # a drug code such as "DS-8201a"
            hits.append(Hit("trial", m.start(1), m.end(1), name, name, [], "rules"))
    return hits
