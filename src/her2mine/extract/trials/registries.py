"""Named registries (round 64c): "the KESTREL registry", "the German KESTREL breast cancer
registry", "KESTREL is a prospective multicentre registry". Named observational data sources are
listed as trials; a registry a study is registered in ("registered in the PROSPERO registry") is
no data source, nor a database, subtype or group ("the SEER/HER2/EORTC registry")."""

from __future__ import annotations

import re

from her2mine.extract.fastre import literal_starts
from her2mine.extract.hits import Hit
from her2mine.extract.trials.context import _NATIONALITY, _SUBJECT_DESIGN
from her2mine.extract.trials.names import _ACRONYM, _acronym_name, _numbered_mixed_case_name
from her2mine.extract.trials.readers import Reader, read_hits

# Words that may stand between "the"/"a" and the name, or the article and "registry": design
# and observational words, a nationality, "national", "hospital-based".
_WORDS = rf"(?:{_SUBJECT_DESIGN}|{_NATIONALITY}|(?i:national|hospital-based))"
# What the registry holds, between the name and the noun: "HER2", "breast cancer".
_HOLDS = r"(?:HER2[+-]?\s+)?(?:(?i:breast)\s+)?(?:(?i:cancer)\s+)?"
_THE_NAME_REGISTRY = re.compile(
    rf"[tT](?<![\w][tT])he\s+(?:{_WORDS},?\s+){{0,4}}({_ACRONYM})\s+{_HOLDS}$"
)
_NAME_IS_A_REGISTRY = re.compile(
    rf"(?<![\w-])({_ACRONYM})(?:[ \t]+\([^()\n]{{1,40}}\))?[ \t]+(?:is|was)[ \t]+an?[ \t]+"
    rf"(?:{_WORDS},?[ \t]+){{0,6}}{_HOLDS}$"
)
# "registered in/with/at the NAME registry", "registration in ...": where the study is registered.
_REGISTERED_BEFORE = re.compile(r"regist(?:ered|ration)\s+(?:\w+\s+){0,2}\Z", re.I)


# Review of 64c: an acronym ending in "CC"/"CI" is a cancer centre's or institute's ("MDACC",
# "MSKCC", "DFCI"): its own registry is the hospital's records, no named study.
_INSTITUTION = re.compile(r"[A-Z]{2,}C[CI]")


def _registry_name(name: str) -> bool:
    """A registry's name: a trial's acronym shape (``_acronym_name``, or a numbered mixed-case
    name), no cancer centre's (``_INSTITUTION``)."""
    return (_acronym_name(name) or _numbered_mixed_case_name(name)) and (
        _INSTITUTION.fullmatch(name) is None
    )


def _not_registered_in(m: re.Match[str]) -> bool:
    a = m.start()
    return _REGISTERED_BEFORE.search(m.string, max(0, a - 40), a) is None


_READERS = (
    Reader(_THE_NAME_REGISTRY, 120, _registry_name, _not_registered_in),
    Reader(_NAME_IS_A_REGISTRY, 160, _registry_name),
)
_NOUN = re.compile(r"[Rr]egistry(?![\w-])")


def _registry_nouns(text: str) -> list[int]:
    """Where "registry"/"Registry" stands as a word after whitespace."""
    return [
        q
        for q in literal_starts(text, ("registry", "Registry"))
        if text[q - 1 : q].isspace() and _NOUN.match(text, q) is not None
    ]


def registry_names(text: str) -> list[Hit]:
    """Names of registries (``_THE_NAME_REGISTRY``, ``_NAME_IS_A_REGISTRY``), read back from each
    "registry" standing as a word."""
    if "egistry" not in text:
        return []
    return read_hits(_READERS, text, _registry_nouns(text))
