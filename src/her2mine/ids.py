"""Identifier helpers: find and normalise DOIs, PMIDs and PMCIDs. Pure functions, no I/O.

A normalised DOI is lower-case (DOIs are case-insensitive by definition), without a ``doi:`` label
or resolver URL, and URL-decoded (``%28`` -> ``(``). Extraction from running text has to decide
where a DOI ends: DOIs may contain parentheses (``10.1016/S0140-6736(17)32389-3``) but prose puts
``.``, ``,``, ``;`` or a closing bracket right after them, so trailing punctuation is dropped and a
closing bracket is kept only when it closes an opening bracket inside the DOI.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

# Registrant prefix 10.NNNN (optionally with sub-divisions, 10.1000.10), then "/" and a suffix.
# The suffix runs to whitespace or a quote; "<...>" is allowed only as one bracketed group without
# "/" (old Wiley SICI DOIs such as "...85:1<1::AID-CNCR1>3.0.CO;2-#"), so an HTML "</a>" ends it.
_DOI_IN_TEXT = re.compile(
    r"(?<![\w.])10\.\d{4,9}(?:\.\d+)*(?:/|%2[fF])(?:[^\s\"<>]|<[^\s<>/\"]*>)+",
)
_DOI_FULL = re.compile(r"10\.\d{4,9}(?:\.\d+)*/\S+")
# Labels and resolver URLs that may precede a DOI; matched repeatedly at the start.
_DOI_PREFIX = re.compile(
    r"^(?:doi\s*[:=]?\s*|urn:doi:|info:doi/|(?:https?://)?(?:dx\.|www\.)?doi\.org/)",
    re.IGNORECASE,
)
# Characters prose puts after a DOI that a DOI practically never ends with.
_TRAILING = ".,;:!?'\u2019\u201d\u00bb*"
_PAIRS = {")": "(", "]": "[", "}": "{", ">": "<"}

_PMID = re.compile(r"^(?:pmid\s*:?\s*)?(\d{1,9})$", re.IGNORECASE)
_PMID_CANONICAL = re.compile(r"[1-9][0-9]{0,8}")
_PMID_IN_TEXT = re.compile(r"\bPMID\s*:?\s*(\d{1,9})\b", re.IGNORECASE)
_PMCID = re.compile(r"^(?:pmcid\s*:?\s*)?(?:pmc)?(\d{1,9})$", re.IGNORECASE)
_PMCID_IN_TEXT = re.compile(r"\bPMC(\d{1,9})\b")


def _trim_doi(candidate: str) -> str:
    """Drop trailing punctuation and unbalanced closing brackets from a DOI found in text."""
    s = candidate
    while s:
        last = s[-1]
        if last in _TRAILING or last in _PAIRS and s.count(_PAIRS[last]) < s.count(last):
            s = s[:-1]
        else:
            break
    return s


def _decode(s: str) -> str:
    # Repeat until stable so doubly-encoded URLs decode too and normalisation stays idempotent.
    for _ in range(5):
        decoded = unquote(s)
        if decoded == s:
            break
        s = decoded
    return s


def normalize_doi(s: str) -> str:
    """Return the canonical form of a DOI: no label/URL prefix, URL-decoded, lower-case.

    The input need not be a valid DOI; use :func:`is_doi` to check the result.
    """
    s = s.strip()
    for _ in range(10):  # strip/decode until nothing changes (idempotence)
        before = s
        s = _DOI_PREFIX.sub("", s).strip()
        s = _decode(s).strip().lower()
        if s == before:
            break
    return s


def is_doi(s: str) -> bool:
    """True when ``s`` (after :func:`normalize_doi`) is a syntactically valid DOI."""
    n = normalize_doi(s)
    return bool(_DOI_FULL.fullmatch(n)) and _trim_doi(n) == n


def find_dois(text: str) -> list[tuple[str, int, int]]:
    """Every DOI occurrence in ``text`` as ``(normalised_doi, start, end)``; repeats included.

    ``start:end`` covers the DOI as written (not its ``doi:`` label or resolver URL).
    """
    out: list[tuple[str, int, int]] = []
    for m in _DOI_IN_TEXT.finditer(text):
        written = _trim_doi(m.group(0))
        # Decoding may expose an encoded trailing bracket ("...abc%29"), hence the second trim.
        doi = _trim_doi(normalize_doi(written))
        if _DOI_FULL.fullmatch(doi):
            out.append((doi, m.start(), m.start() + len(written)))
    return out


def extract_dois(text: str) -> list[str]:
    """All DOIs in ``text``, normalised, in order of first appearance, without repeats."""
    return list(dict.fromkeys(doi for doi, _, _ in find_dois(text)))


def same_doi(a: str | None, b: str | None) -> bool:
    """Case-insensitive, prefix-insensitive DOI equality (False when either is missing)."""
    return bool(a and b) and normalize_doi(a) == normalize_doi(b)  # type: ignore[arg-type]


def normalize_pmid(s: str | int) -> str:
    """``"PMID: 22149876"`` / ``22149876`` -> ``"22149876"``. Raises ValueError if not a PMID."""
    m = _PMID.match(str(s).strip())
    if not m or int(m.group(1)) == 0:
        raise ValueError(f"not a PMID: {s!r}")
    return str(int(m.group(1)))


def is_pmid(s: str | int) -> bool:
    try:
        normalize_pmid(s)
    except ValueError:
        return False
    return True


def is_canonical_pmid(s: object) -> bool:
    """True for a PMID exactly as E-utilities print it: ASCII digits, no label, no leading zero.

    The strict check for ids handed to EFetch or given as a PMID list: unlike ``normalize_pmid``
    it refuses "PMID: 1" and "0012" (a label or padding there means the list is not what the
    caller thinks), and unlike ``str.isdigit`` it refuses "²" and other Unicode digits.
    """
    return isinstance(s, str) and _PMID_CANONICAL.fullmatch(s) is not None


def normalize_pmcid(s: str | int) -> str:
    """``"pmc3385281"`` / ``"3385281"`` -> ``"PMC3385281"``. Raises ValueError if not a PMCID."""
    m = _PMCID.match(str(s).strip())
    if not m or int(m.group(1)) == 0:
        raise ValueError(f"not a PMCID: {s!r}")
    return f"PMC{int(m.group(1))}"


def extract_pmids(text: str) -> list[str]:
    """PMIDs labelled ``PMID: 123`` in ``text``, in order, without repeats."""
    return list(dict.fromkeys(str(int(m.group(1))) for m in _PMID_IN_TEXT.finditer(text)))


def extract_pmcids(text: str) -> list[str]:
    """PMCIDs (``PMC123``) in ``text``, in order, without repeats."""
    return list(dict.fromkeys(f"PMC{int(m.group(1))}" for m in _PMCID_IN_TEXT.finditer(text)))
