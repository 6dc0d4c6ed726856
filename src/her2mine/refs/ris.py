"""A small RIS reader (``TY  - JOUR`` ... ``ER  -``), as exported by PubMed, EndNote and Zotero."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from her2mine.ids import extract_dois, is_doi, normalize_doi
from her2mine.refs.names import format_name

_TAG = re.compile(r"^([A-Z][A-Z0-9])\s{1,2}-(?:\s(.*))?$")
_AUTHOR_TAGS = ("AU", "A1")
_TITLE_TAGS = ("TI", "T1", "CT")
# T2 is the secondary title (the journal) in Zotero/EndNote exports; JF/JO/JA/J2 are older tags.
_JOURNAL_TAGS = ("T2", "JF", "JO", "JA", "J2", "BT")
_YEAR_TAGS = ("PY", "Y1", "DA")


@dataclass
class RisEntry:
    tags: dict[str, list[str]] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)

    def first(self, *names: str) -> str | None:
        for name in names:
            for value in self.tags.get(name, []):
                if value.strip():
                    return value.strip()
        return None

    @property
    def raw(self) -> str:
        return "\n".join(self.lines)


def has_ris_tags(text: str) -> bool:
    return bool(re.search(r"^TY\s{1,2}-", text, re.MULTILINE)) and bool(
        re.search(r"^ER\s{1,2}-", text, re.MULTILINE)
    )


def read_entries(text: str) -> list[RisEntry]:
    entries: list[RisEntry] = []
    current: RisEntry | None = None
    last_tag: str | None = None
    for line in text.splitlines():
        m = _TAG.match(line.rstrip())
        if m:
            tag, value = m.group(1), (m.group(2) or "").strip()
            if tag == "TY":
                current = RisEntry()
                entries.append(current)
            if current is None:
                continue
            current.lines.append(line.rstrip())
            if tag == "ER":
                current, last_tag = None, None
                continue
            current.tags.setdefault(tag, []).append(value)
            last_tag = tag
        elif current is not None and last_tag and line.strip():
            # Wrapped value: continue the previous tag.
            current.lines.append(line.rstrip())
            current.tags[last_tag][-1] = f"{current.tags[last_tag][-1]} {line.strip()}"
    return entries


def entry_authors(e: RisEntry) -> list[str]:
    for tag in _AUTHOR_TAGS:
        if e.tags.get(tag):
            return [format_name(a) for a in e.tags[tag] if a.strip()]
    return []


def entry_title(e: RisEntry) -> str | None:
    return e.first(*_TITLE_TAGS)


def entry_journal(e: RisEntry) -> str | None:
    return e.first(*_JOURNAL_TAGS)


def entry_year(e: RisEntry) -> int | None:
    for tag in _YEAR_TAGS:
        for value in e.tags.get(tag, []):
            m = re.search(r"(?<!\d)(1[89]\d{2}|20\d{2})(?!\d)", value)
            if m:
                return int(m.group(1))
    return None


def entry_doi(e: RisEntry) -> str | None:
    for value in e.tags.get("DO", []):
        if is_doi(value):
            return normalize_doi(value)
    for tag in ("UR", "L3", "M3", "N1", "L2"):
        for value in e.tags.get(tag, []):
            dois = extract_dois(value)
            if dois:
                return dois[0]
    return None
