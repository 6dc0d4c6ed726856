"""Rule-based sentence boundaries for abstracts.

Abstracts are dense with periods that do not end sentences ("vs.", "et al.", "e.g.", "Fig.",
decimals such as 0.62 or 0·62), so a boundary needs [.!?] + space + a plausible sentence opener,
and the word before the period must not be a known abbreviation. Blank lines and newlines followed
by a capital (title / structured sections) are boundaries too.
"""

from __future__ import annotations

import re

# Lower-cased words (without their final period) after which a period never ends a sentence.
ABBREVIATIONS = frozenset(
    {
        "vs", "v", "al", "e.g", "i.e", "eg", "ie", "fig", "figs", "approx", "ca", "cf", "no", "nos",
        "vol", "dr", "incl", "resp", "ref", "refs", "sp", "spp", "st", "mr", "mrs", "ms", "prof",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "min", "max", "suppl", "eq", "viz", "pts", "inc", "co", "corp", "dept", "univ", "tab",
    }
)  # fmt: skip

# A candidate end: terminal punctuation, optional closers, whitespace, then an opener.
_CANDIDATE = re.compile(r"[.!?][\"'’”)\]]*(\s+)(?=[\"'“‘(\[]?[A-Z0-9ΑΒΓΔα-ω])")
_NEWLINE = re.compile(r"\n\s*")
_WORD_BEFORE = re.compile(r"(\S+)$")
_DOTTED = re.compile(r"(?:[a-z]\.)+[a-z]")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans (start, end) of the sentences in ``text``, whitespace trimmed."""
    cuts = {0, len(text)}
    for m in _NEWLINE.finditer(text):
        cuts.add(m.end())
    for m in _CANDIDATE.finditer(text):
        end = m.start()
        if text[end] == "." and _is_abbreviation(text, end):
            continue
        cuts.add(m.end())
    spans = []
    points = sorted(cuts)
    for a, b in zip(points, points[1:], strict=False):
        chunk = text[a:b]
        stripped = chunk.strip()
        if not stripped:
            continue
        lead = len(chunk) - len(chunk.lstrip())
        spans.append((a + lead, a + lead + len(stripped)))
    return spans


def _is_abbreviation(text: str, dot: int) -> bool:
    # The non-space run before the period within 20 characters (what ``_WORD_BEFORE`` finds;
    # ``str.split`` and ``\s`` agree on what is a space).
    window = text[max(0, dot - 20) : dot]
    if not window or window[-1].isspace():
        return False
    word = window.rsplit(None, 1)[-1].lstrip("([\"'").lower()
    if word in ABBREVIATIONS:
        return True
    # Dotted abbreviations ("U.S.", "e.g.") but not decimals ("0.62.").
    return "." in word and _DOTTED.fullmatch(word) is not None
