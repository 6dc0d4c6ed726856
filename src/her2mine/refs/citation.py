"""Parse one free-text citation string into authors, year, title, journal and DOI.

Handles the styles found in real reference lists:

* APA: ``Family, G., & Other, H. (2021a). Title.Journal, 3(2), 1-9. https://doi.org/...``
  (journal pages often drop the space after the title's period, as in the 004 seed);
* PubMed page: ``Schechter AL et al. Title. Nature 312, 513–516, doi: 10.1038/312513a0 (1984).``
  (the author list is not closed by a period);
* Vancouver / AMA: ``Slamon DJ, Shak S, et al. Title. N Engl J Med. 2001;344(11):783-792.``

Best effort by design: what cannot be recognised is left as None rather than guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from her2mine.ids import find_dois

_UP = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĘĚĞĪŁŃŇŌŐŒŘŚŞŠŢŤŪŮŰŹŻŽ"
_YEAR = r"(?:1[89]|20)\d{2}"

# --- APA ---------------------------------------------------------------------------------
_APA_HEAD = re.compile(
    rf"^(?P<authors>.{{2,2500}}?)\s*\((?P<year>{_YEAR})[a-z]?(?:,[^)]{{0,40}})?\)\s*\.?\s*",
    re.DOTALL,
)
# APA author lists open with "Family, G." (or are a short corporate name without digits).
_APA_AUTHOR_HINT = re.compile(rf"^[{_UP}][^,.]{{0,60}},\s*[{_UP}]\.")
_CORPORATE = re.compile(r"^[^\d.]{2,80}\.?$")
_INITIALS = re.compile(
    rf"^(?:(?:[{_UP}][a-z]{{0,2}}\.|[{_UP}]\b|de|da|del|der|di|du|la|le|van|von|dos|y)[\s\-‐]*)+$"
)
# --- Vancouver / PubMed ------------------------------------------------------------------
_NAME_WORD = rf"[{_UP}][\w'’\-‐]*"
_V_AUTHOR = re.compile(
    rf"(?P<family>(?:(?:van|von|de|der|den|da|di|du|le|la|dos|del|ten|ter)\s)*{_NAME_WORD}"
    rf"(?:\s(?:(?:van|von|de|der|den|da|di|du|le|la|dos|del)\s)*{_NAME_WORD})*?)"
    rf"\s(?P<init>[{_UP}]{{1,4}})(?![\w'’])(?:\s(?P<suffix>Jr|Sr|II|III|IV|2nd|3rd)\b\.?)?"
)
_V_SEP = re.compile(r",\s*(?:and\s+|&\s*)?|\s*&\s*|\s+and\s+")
_ET_AL = re.compile(r",?\s*et\s+al\b\.?", re.IGNORECASE)
# "2001;344(11)", "2012 Jan 12;366:109", "2019 Mar;21(3)" start the source part of Vancouver/AMA.
_V_SOURCE = re.compile(
    rf"(?:(?<=[.\s])|^)(?P<year>{_YEAR})(?:\s+[A-Z][a-z]{{2,8}}(?:\s*-\s*[A-Z][a-z]{{2,8}})?"
    rf"(?:\s+\d{{1,2}})?)?\s*[;:]"
)
_END_YEAR = re.compile(rf",?\s*\((?P<year>{_YEAR})[a-z]?\)\s*\.?\s*$")
_ANY_YEAR = re.compile(rf"(?<!\d)(?P<year>{_YEAR})[a-z]?(?!\d)")
# --- shared clean-up ---------------------------------------------------------------------
_DOI_LABEL_BEFORE = re.compile(
    r"(?:(?:https?://)?(?:dx\.|www\.)?doi\.org/|\bdoi\s*:?\s*|\bDOI\s*)$", re.IGNORECASE
)
_URL = re.compile(r"\b(?:https?://|www\.)\S+")
_NOISE = re.compile(
    r"\b(?:PMID|PMCID)\s*:?\s*(?:PMC)?\d+\.?|\bPMC\d+\.?|\[(?:PubMed|CrossRef|Google Scholar|"
    r"Internet|DOI|PMC free article|Free full text)[^\]]*\]|\bEpub\s+(?:ahead\s+of\s+print\.?|"
    rf"{_YEAR}[^.]*\.)|\b(?:Accessed|Available\s+(?:at|from))\b:?[^.]*\.?",
    re.IGNORECASE,
)
# Sentence boundaries inside "Title. Journal. 2001;..." ("Title.Journal" too: 004 seed quirk).
_SPLIT = re.compile(r"(?<=[.?!])\s+(?=[A-Z0-9\"“‘(\[À-Þ])|(?<=[a-z0-9)\]][.?!])(?=[A-Z])")
_NO_SPLIT_AFTER = re.compile(
    r"(?:\b(?:vs|St|Dr|Mr|Mrs|Fig|No|Vol|approx|Inc|Ltd|Co|al|e\.g|i\.e|cf|Jr|Sr)|\b[A-Z])\.$"
)
_SHORT_WORD = re.compile(r"^[A-Z][A-Za-z]{0,7}\.$")
_VOLUME_TAIL = re.compile(r"(?:,?\s+|,\s*)(?:\d|\(\d).*$|\s*\[Internet\].*$")


@dataclass
class ParsedCitation:
    doi: str | None = None
    authors: list[str] = field(default_factory=list)
    year: int | None = None
    title: str | None = None
    journal: str | None = None


def parse_citation(raw: str) -> ParsedCitation:
    """Parse one reference string (already stripped of its list number)."""
    text = " ".join(raw.split())
    dois = find_dois(text)
    out = ParsedCitation(doi=dois[0][0] if dois else None)
    text = _strip_noise(_strip_dois(text, dois))
    head = _APA_HEAD.match(text)
    if head and _looks_like_apa_authors(head.group("authors")):
        names, leftover = _initials_authors(head.group("authors"))  # Harvard: "Slamon DJ (1987)"
        out.authors = (
            names if names and not leftover.strip(" .,") else _apa_authors(head.group("authors"))
        )
        out.year = int(head.group("year"))
        out.title, out.journal = _title_journal(text[head.end() :])
        return out
    out.authors, rest = _initials_authors(text)
    rest = rest.lstrip(" .,;:")
    end_year = _END_YEAR.search(rest)  # PubMed page style: "... 513–516, (1984)."
    source = _V_SOURCE.search(rest)
    if end_year:
        out.year, before = int(end_year.group("year")), rest[: end_year.start()]
    elif source:
        out.year, before = int(source.group("year")), rest[: source.start()]
    else:
        any_year = _ANY_YEAR.search(rest)
        out.year = int(any_year.group("year")) if any_year else None
        before = rest[: any_year.start()] if any_year else rest
    if not out.authors:
        # "Group name (EBCTCG). Title. Journal." - a corporate author is the first sentence.
        segs = _segments(before.strip(" ,;"))
        if len(segs) >= 3:
            out.authors = [segs[0].rstrip(".")]
            before = " ".join(segs[1:])
    out.title, out.journal = _title_journal(before)
    return out


def _strip_dois(text: str, dois: list[tuple[str, int, int]]) -> str:
    for _, start, end in reversed(dois):
        label = _DOI_LABEL_BEFORE.search(text[:start])
        cut = label.start() if label else start
        text = text[:cut].rstrip(" ,;") + " " + text[end:].lstrip(" .")
    return " ".join(text.split())


def _strip_noise(text: str) -> str:
    text = _URL.sub(" ", text)
    text = _NOISE.sub(" ", text)
    return " ".join(text.split()).strip()


def _looks_like_apa_authors(s: str) -> bool:
    return bool(_APA_AUTHOR_HINT.match(s) or _CORPORATE.match(s))


def _apa_authors(s: str) -> list[str]:
    """``"Chilà, G., Guarini, V., & Montemurro, F."`` -> ``["Chilà, G.", ...]``."""
    s = s.replace("…", ",").replace("...", ",").replace("&", ",")
    tokens = [t.strip() for t in s.split(",") if t.strip()]
    authors: list[str] = []
    family: str | None = None
    for tok in tokens:
        if family is not None and _INITIALS.match(tok):
            authors.append(f"{family}, {tok}")
            family = None
        elif tok in ("Jr.", "Jr", "Sr.", "II", "III") and authors:
            authors[-1] = f"{authors[-1]}, {tok}"
        else:
            if family is not None:  # a corporate author or a name without initials
                authors.append(family)
            family = tok.removeprefix("and ").strip()
    if family:
        authors.append(family)
    return authors


def _initials_authors(text: str) -> tuple[list[str], str]:
    """Read ``Family AB, Other C & Last D`` / ``... et al.`` from the start of ``text``."""
    authors: list[str] = []
    pos = 0
    while True:
        m = _V_AUTHOR.match(text, pos)
        if not m:
            break
        initials = " ".join(f"{c}." for c in m.group("init"))
        name = f"{m.group('family')}, {initials}"
        if m.group("suffix"):
            name += f", {m.group('suffix')}."
        authors.append(name)
        pos = m.end()
        et_al = _ET_AL.match(text, pos)
        if et_al:
            pos = et_al.end()
            break
        sep = _V_SEP.match(text, pos)
        if not sep:
            break
        pos = sep.end()
    if not authors:
        return [], text
    return authors, text[pos:]


def _segments(text: str) -> list[str]:
    parts = [p.strip() for p in _SPLIT.split(text) if p.strip()]
    merged: list[str] = []
    for part in parts:
        if merged and (
            _NO_SPLIT_AFTER.search(merged[-1])
            # "J. Clin. Oncol." style abbreviated journals: glue runs of short words together.
            or (
                all(_SHORT_WORD.match(w) for w in merged[-1].split())
                and part[0].isalpha()
                and len(merged) > 1
            )
        ):
            merged[-1] = f"{merged[-1]} {part}"
        else:
            merged.append(part)
    return merged


def _title_journal(text: str) -> tuple[str | None, str | None]:
    """``"Title. Journal 12, 3-4"`` -> (``"Title"``, ``"Journal"``)."""
    text = text.strip(" ,;")
    if not text:
        return None, None
    segs = _segments(text)
    if len(segs) == 1:
        return _clean_title(segs[0]), None
    journal = _VOLUME_TAIL.sub("", segs[-1]).strip(" .,;:")
    title = " ".join(segs[:-1])
    if not journal:  # the last segment was only volume/pages: the journal precedes it
        if len(segs) == 2:
            return _clean_title(segs[0]), None
        journal = _VOLUME_TAIL.sub("", segs[-2]).strip(" .,;:")
        title = " ".join(segs[:-2])
    return _clean_title(title), journal or None


def _clean_title(s: str) -> str | None:
    s = s.strip(" ,;:")
    s = s[:-1] if s.endswith(".") else s
    return s.strip() or None
