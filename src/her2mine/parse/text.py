"""Markup-to-text helpers shared by the PubMed and Crossref parsers.

Titles and abstracts arrive with inline HTML (``<i>``, ``<sup>``), JATS (``<jats:p>``) and MathML.
Downstream extraction works on character offsets in plain text, so all of it is flattened here,
in one place, with predictable whitespace.
"""

from __future__ import annotations

import html
import re

from her2mine.models import AbstractSection

# A tag: name (optionally prefixed, e.g. jats:p, mml:mi) and only well-formed name="value" attributes.
# Requiring quoted values keeps text such as "n<a and b>c" from being mistaken for markup.
_TAG = re.compile(
    r"</?(?:[A-Za-z][\w.-]*:)?([A-Za-z][\w.-]*)"
    r"(?:\s+[\w:.-]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*\s*/?>"
)
# MathML islands: their inter-element whitespace is layout, not text ("V . O 2 max" -> "V.O2max").
_MATH = re.compile(r"<(?:[A-Za-z][\w.-]*:)?math\b.*?</(?:[A-Za-z][\w.-]*:)?math\s*>", re.S)
_BETWEEN_TAGS = re.compile(r">\s+<")
# Tags that separate blocks of text; all others are inline and vanish without a space.
_BLOCK_TAGS = frozenset(
    {
        "p", "sec", "title", "br", "break", "list", "list-item", "label", "caption", "table",
        "tr", "td", "th", "div", "li", "ul", "ol", "abstract", "def-item", "disp-quote",
        "fig", "table-wrap", "h1", "h2", "h3", "h4", "h5", "h6",
    }
)  # fmt: skip
_WS = re.compile(r"\s+")
# Invisible format characters that typesetting leaves inside words: soft hyphens (U+00AD,
# "trastu\u00adzumab"), zero-width spaces / non-joiners / joiners / word joiners / BOMs
# ("T-\u200bDXd"), the Mongolian vowel separator and MathML's invisible operators (function
# application, times, separator, plus: U+2061-U+2064). They are not whitespace to ``\s``, so they
# would split a drug or trial name; they carry no text.
_INVISIBLE_CHARS = "\u00ad\u180e\u200b\u2060-\u2064\ufeff"
_JOINERS = "\u200c\u200d"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}{_JOINERS}]")
# The same without the zero-width non-joiner / joiner (U+200C/D): in Persian, Arabic or Indic
# script (a VernacularTitle) they are part of the spelling, not typesetting left-overs.
_INVISIBLE_NOT_JOINERS = re.compile(f"[{_INVISIBLE_CHARS}]")


# Inline superscripts ("10<sup>9</sup>/L", "km·h<sup>-1</sup>", "trastuzumab<sup>12</sup>")
# would run into the text before them ("109/L", "trastuzumab12": a number, a lost drug name).
# Content made only of digits and the signs Unicode has superscripts for becomes those
# characters ("10⁹/L", "h⁻¹", "trastuzumab¹²"); any other content is flattened as before, and so
# is a sign without a digit: "HER2<sup>+</sup>", "HR<sup>−</sup>" are a status, read as "HER2+".
# Inline tags inside the superscript are flattened first ("<sup><i>9</i></sup>"), and the
# spaces around its content dropped ("<sup> 1 </sup>").
_SUP_TAG = r"(?:[A-Za-z][\w.-]*:)?(?:sup|SUP)"
_SUP = re.compile(
    r"<(?:[A-Za-z][\w.-]*:)?(sup|SUP)(?:\s+[\w:.-]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*\s*>"
    rf"((?:[^<]|<(?!/?{_SUP_TAG}\b)[^<>]*>)*)</(?:[A-Za-z][\w.-]*:)?\1\s*>"
)
_SUPERSCRIPTS = str.maketrans("0123456789+-\u2212=()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾")
_SUPERSCRIPTABLE = frozenset("0123456789+-\u2212=()")
# A citation list: numbers joined by commas or en dashes ("1,2", "1, 4", "1–3"). Its numbers
# become superscripts and its joiners stay as written, without spaces ("trastuzumab¹,⁴",
# "¹–³"): ``numbers.fold_superscripts`` reads the whole run as a citation marker.
_CITATION_LIST = re.compile(r"\d+(?:\s*[,\u2013]\s*\d+)+")
_SPACES = re.compile(r"\s+")


def _superscript(match: re.Match[str]) -> str:
    content = match.group(2)
    if "<" in content:
        content = _TAG.sub(_drop_tag, content)
    content = html.unescape(content).strip()
    if _SUPERSCRIPTABLE.issuperset(content) and any(map(str.isdigit, content)):
        return content.translate(_SUPERSCRIPTS)
    if _CITATION_LIST.fullmatch(content):
        return _SPACES.sub("", content).translate(_SUPERSCRIPTS)
    return match.group(0)


def _flatten_math(match: re.Match[str]) -> str:
    return _BETWEEN_TAGS.sub("><", match.group(0))


def _drop_tag(match: re.Match[str]) -> str:
    return " " if match.group(1).lower() in _BLOCK_TAGS else ""


def drop_invisible(s: str, *, keep_joiners: bool = False) -> str:
    """``s`` without the invisible in-word characters of ``_INVISIBLE`` (whitespace left as it
    is: ``clean_text`` drops them before it collapses whitespace); ``keep_joiners``: keep
    U+200C/D (``clean_vernacular_text``)."""
    if s.isascii():
        return s
    return (_INVISIBLE_NOT_JOINERS if keep_joiners else _INVISIBLE).sub("", s)


def clean_markup(s: str | None) -> str:
    """Inline markup (HTML, JATS, MathML) -> plain text; entities unescaped, whitespace collapsed.

    Tags are removed *before* entities are unescaped, so an escaped ``&lt;i&gt;`` survives as
    literal text while a real ``<i>`` disappears.
    """
    if not s:
        return ""
    return _WS.sub(" ", _unmarked(s)).strip()


def clean_vernacular_text(s: str | None) -> str:
    """``clean_text`` for a title in its original script (PubMed's VernacularTitle): the
    zero-width non-joiner and joiner (U+200C/D) stay, as they shape Persian and Indic words."""
    if not s:
        return ""
    return _WS.sub(" ", drop_invisible(_unmarked(s), keep_joiners=True)).strip()


def clean_text(s: str | None) -> str:
    """``clean_markup`` that also drops the invisible in-word characters (``drop_invisible``),
    before whitespace is collapsed: "trastuzumab \u200b plus" keeps one space and a paragraph
    of only a zero-width space is empty. Used for titles and abstract section texts and labels
    (``clean_markup`` itself keeps any escaped text as it was, whitespace aside)."""
    if not s:
        return ""
    return _WS.sub(" ", drop_invisible(_unmarked(s))).strip()


def _unmarked(s: str) -> str:
    """``s`` with its tags removed and its entities unescaped (whitespace as it was)."""
    s = _MATH.sub(_flatten_math, s)
    if "sup" in s or "SUP" in s:  # every _SUP match holds it
        s = _SUP.sub(_superscript, s)
    s = _TAG.sub(_drop_tag, s)
    return html.unescape(s)


_TITLE = re.compile(r"<(?:jats:)?title\b[^>]*>(.*?)</(?:jats:)?title\s*>", re.S | re.I)
_ABSTRACT_LABELS = frozenset({"abstract", "summary"})


def jats_to_text(abstract: str | None) -> tuple[str, list[AbstractSection]]:
    """A Crossref JATS abstract -> (text, sections).

    Sections follow ``<jats:title>`` headings (nested ``<jats:sec>`` included); text before the
    first heading is an unlabelled section. A leading "Abstract" heading is a caption, not a
    section, and is dropped. ``text`` joins labelled sections as "Label: text" lines, like the
    PubMed parser does, and is the plain text for unstructured abstracts.
    """
    if not abstract or not abstract.strip():
        return "", []
    titles = list(_TITLE.finditer(abstract))
    pieces: list[tuple[str | None, str]] = []
    pos = 0
    label: str | None = None
    for m in titles:
        pieces.append((label, abstract[pos : m.start()]))
        label = clean_text(m.group(1)) or None
        pos = m.end()
    pieces.append((label, abstract[pos:]))

    sections: list[AbstractSection] = []
    for i, (lab, raw) in enumerate(pieces):
        text = clean_text(raw)
        if lab and lab.lower() in _ABSTRACT_LABELS and not sections and i <= 1:
            lab = None  # the leading "Abstract" caption
        if not text:
            continue
        sections.append(AbstractSection(label=lab, category=None, text=text))
    return sections_to_text(sections), sections


def sections_to_text(sections: list[AbstractSection]) -> str:
    """Join sections: "LABEL: text" per labelled section, one per line; bare text otherwise.
    The parsers make each section's text and label with ``clean_text``; sections built any
    other way lose their invisible in-word characters here (``drop_invisible``, a no-op on
    the parsers' own)."""
    text = "\n".join(f"{s.label}: {s.text}" if s.label else s.text for s in sections)
    return drop_invisible(text)
