"""Plain DOI lists: one DOI per line, in any of the usual written forms.

Accepted: ``10.1056/NEJMoa1113216``, ``doi:10.1056/...``, ``https://doi.org/...``,
``http://dx.doi.org/...``. Blank lines and ``#`` comments are ignored (``#`` starts a comment at
the start of a line or after whitespace, since SICI DOIs may end in ``#``). A comment
``# source: <doi>`` names the DOI of the work the list was taken from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from her2mine.errors import ParseError
from her2mine.ids import is_doi, normalize_doi

_COMMENT = re.compile(r"(?:^|\s)#.*$")
_SOURCE = re.compile(r"^\s*#\s*source(?:[ _]doi)?\s*:\s*(\S+)", re.IGNORECASE)


@dataclass
class DoiLine:
    line_no: int
    raw: str
    doi: str


def content_lines(text: str) -> list[tuple[int, str]]:
    """(line number, text) of every non-blank line once comments are removed."""
    out = []
    for no, line in enumerate(text.splitlines(), start=1):
        # Lists pasted from prose may end lines with "." or ",": never part of a DOI.
        stripped = _COMMENT.sub("", line).strip().rstrip(".,;")
        if stripped:
            out.append((no, stripped))
    return out


def looks_like_doi_list(text: str) -> bool:
    lines = content_lines(text)
    return bool(lines) and all(is_doi(s) for _, s in lines)


def read_lines(text: str, *, source: str = "<text>") -> list[DoiLine]:
    out = []
    for no, s in content_lines(text):
        if not is_doi(s):
            raise ParseError(f"line {no}: not a DOI: {s[:80]!r}", source=source)
        out.append(DoiLine(no, s, normalize_doi(s)))
    return out


def source_doi(text: str) -> str | None:
    for line in text.splitlines():
        m = _SOURCE.match(line)
        if m and is_doi(m.group(1)):
            return normalize_doi(m.group(1))
    return None
