"""A small BibTeX reader: entries, fields (braced, quoted, bare, ``#``-joined) and LaTeX accents.

Written here rather than pulling in a dependency: reference exports only need ``@type{key, ...}``
entries and a handful of fields.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from her2mine.errors import ParseError
from her2mine.ids import extract_dois, is_doi, normalize_doi
from her2mine.refs.names import format_name

_ENTRY = re.compile(r"@[ \t]*([A-Za-z]+)[ \t]*([{(])")
_SKIP_TYPES = {"comment", "preamble"}
_FIELD_NAME = re.compile(r"\s*([A-Za-z][\w:.+-]*)\s*=\s*")
_ACCENTS = {
    "'": "\u0301",
    "`": "\u0300",
    "^": "\u0302",
    '"': "\u0308",
    "~": "\u0303",
    "=": "\u0304",
    ".": "\u0307",
    "c": "\u0327",
    "v": "\u030c",
    "u": "\u0306",
    "H": "\u030b",
    "k": "\u0328",
}
_SPECIALS = {
    "o": "ø",
    "O": "Ø",
    "ss": "ß",
    "aa": "å",
    "AA": "Å",
    "ae": "æ",
    "AE": "Æ",
    "l": "ł",
    "L": "Ł",
    "oe": "œ",
    "OE": "Œ",
}
_MONTHS = {
    m: m.capitalize()
    for m in ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
}


@dataclass
class BibEntry:
    type: str
    key: str
    fields: dict[str, str]
    raw: str


def read_entries(text: str, *, source: str = "<text>") -> list[BibEntry]:
    entries: list[BibEntry] = []
    macros: dict[str, str] = {}  # @string{nejm = "N Engl J Med"}
    pos = 0
    while m := _ENTRY.search(text, pos):
        close = "}" if m.group(2) == "{" else ")"
        end = _matching(text, m.end() - 1, m.group(2), close)
        if end < 0:
            line = text.count("\n", 0, m.start()) + 1
            raise ParseError(f"unterminated BibTeX entry at line {line}", source=source)
        pos = end + 1
        kind = m.group(1).lower()
        body = text[m.end() : end]
        if kind == "string":
            macros.update(_fields(body, macros))
            continue
        if kind in _SKIP_TYPES:
            continue
        key, _, rest = body.partition(",")
        entries.append(
            BibEntry(kind, key.strip(), _fields(rest, macros), text[m.start() : end + 1].strip())
        )
    return entries


def _matching(text: str, open_pos: int, opener: str, closer: str) -> int:
    depth = 0
    for i in range(open_pos, len(text)):
        c = text[i]
        if c == "\\":
            continue
        if c == opener or (opener == "(" and c == "{"):
            depth += 1
        elif c == closer or (opener == "(" and c == "}"):
            depth -= 1
            if depth == 0:
                return i
    return -1


def _fields(body: str, macros: dict[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    pos = 0
    while m := _FIELD_NAME.match(body, pos):
        name = m.group(1).lower()
        pos = m.end()
        parts: list[str] = []
        while pos < len(body):
            c = body[pos]
            if c == "{":
                end = _matching(body, pos, "{", "}")
                end = len(body) - 1 if end < 0 else end
                parts.append(body[pos + 1 : end])
                pos = end + 1
            elif c == '"':
                end = pos + 1
                depth = 0
                while end < len(body) and not (body[end] == '"' and depth == 0):
                    depth += {"{": 1, "}": -1}.get(body[end], 0)
                    end += 1
                parts.append(body[pos + 1 : end])
                pos = end + 1
            else:
                bare = re.match(r"[^,#}\s]+", body[pos:])
                word = bare.group(0) if bare else ""
                parts.append(macros.get(word.lower(), _MONTHS.get(word.lower(), word)))
                pos += max(len(word), 1)
            hash_ = re.match(r"\s*#\s*", body[pos:])
            if not hash_:
                break
            pos += hash_.end()
        out[name] = latex_to_text("".join(parts))
        comma = re.match(r"\s*,?", body[pos:])
        pos += comma.end() if comma else 0
    return out


def latex_to_text(s: str) -> str:
    """Turn the LaTeX that reference managers emit (accents, braces, escapes) into plain text."""
    # \i is the dotless i used under accents ({\'\i}); the other specials are letters of their own.
    s = re.sub(r"\\i(?![A-Za-z])", "i", s)
    s = re.sub(
        r"\\(ss|aa|AA|ae|AE|oe|OE|o|O|l|L)(?![A-Za-z])\s?", lambda m: _SPECIALS[m.group(1)], s
    )
    s = re.sub(r"\\(['`^\"~=.])\s*\{?([^\W\d_])\}?", lambda m: m.group(2) + _ACCENTS[m.group(1)], s)
    s = re.sub(
        r"\\([cvuHk])(?:\{([^\W\d_])\}|\s+([^\W\d_]))",
        lambda m: (m.group(2) or m.group(3)) + _ACCENTS[m.group(1)],
        s,
    )
    s = re.sub(r"\\([&%$#_{}])", r"\1", s)
    s = re.sub(r"\\[A-Za-z]+\s*", "", s)  # \textit{...}, \emph{...}: keep the argument
    s = s.replace("{", "").replace("}", "").replace("~", " ").replace("--", "–")
    return unicodedata.normalize("NFC", " ".join(s.split()))


def entry_authors(fields: dict[str, str]) -> list[str]:
    names = fields.get("author", "")
    if not names:
        return []
    return [format_name(n) for n in re.split(r"\s+and\s+", names) if n.strip() and n != "others"]


def entry_doi(fields: dict[str, str]) -> str | None:
    if fields.get("doi") and is_doi(fields["doi"]):
        return normalize_doi(fields["doi"])
    for name in ("url", "note", "howpublished"):
        dois = extract_dois(fields.get(name, ""))
        if dois:
            return dois[0]
    return None


def entry_year(fields: dict[str, str]) -> int | None:
    for name in ("year", "date"):
        m = re.search(r"(?<!\d)(1[89]\d{2}|20\d{2})(?!\d)", fields.get(name, ""))
        if m:
            return int(m.group(1))
    return None
