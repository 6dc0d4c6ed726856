"""Rule-based sentence boundaries for abstracts.

Abstracts are dense with periods that do not end sentences ("vs.", "et al.", "e.g.", "Fig.",
decimals such as 0.62 or 0·62), so a boundary needs [.!?] + space + a plausible sentence opener,
and the word before the period must not be a known abbreviation. Blank lines and newlines followed
by a capital (title / structured sections) are boundaries too.
"""

from __future__ import annotations

import re
from itertools import repeat

from her2mine.extract.fastre import END, SPAN, START

# Lower-cased words (without their final period) after which a period never ends a sentence.
ABBREVIATIONS = frozenset(
    {
        "vs", "v", "al", "e.g", "i.e", "eg", "ie", "fig", "figs", "approx", "ca", "cf", "no", "nos",
        "vol", "dr", "incl", "resp", "ref", "refs", "sp", "spp", "st", "mr", "mrs", "ms", "prof",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "min", "max", "suppl", "eq", "viz", "inc", "co", "corp", "dept", "univ", "tab",
    }
)  # fmt: skip

# A candidate end: terminal punctuation, optional closers, whitespace, then an opener. One
# pattern per punctuation: a literal first character lets the regex engine jump from one "." to
# the next with a fast search (a leading character class is tried at every position, 5x slower),
# and "!" / "?" are rare enough to check for first. A match holds one punctuation mark only
# (closers, spaces and the look-ahead hold none), so the two scans find what one would.
# An opener may also be a short lower-case prefix of a capitalised term, as abstracts open
# sentences with "pCR was achieved in ...", "mTOR inhibition ..." (_LOWER_LED_TERM).
_LOWER_LED_TERM = r"[a-z]{1,2}[A-Z]"
_AFTER_MARK = r"[\"'’”)\]]*(\s+)(?=[\"'“‘(\[]?[A-Z0-9ΑΒΓΔα-ω]|" + _LOWER_LED_TERM + ")"
_PERIOD_END = re.compile(r"\." + _AFTER_MARK)
_MARK_END = re.compile(r"[!?]" + _AFTER_MARK)
_NEWLINE = re.compile(r"\n\s*")
_DOTTED = re.compile(r"(?:[a-z]\.)+[a-z]")
_LONGEST = max(map(len, ABBREVIATIONS))
_LOWER_ASCII = frozenset("abcdefghijklmnopqrstuvwxyz")
# The characters whose ``str.lower`` is in _LOWER_ASCII, which every abbreviation ends in (the
# Kelvin sign lower-cases to "k"; a test checks that no other character does).
_LOWERS_TO_ASCII_LETTER = _LOWER_ASCII | frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ\u212a")
# A chunk between two cuts without its leading and trailing whitespace (``\s`` is
# ``str.isspace``, as for ``str.strip``): one search instead of two strips and four lengths.
_TRIMMED = re.compile(r"\S(?:.*\S)?", re.S)
# A structured abstract's section heading run into the previous section with no full stop
# (Crossref joins <jats:p> paragraphs with a space: "... an antibody-drug conjugate METHODS:We
# randomly ..."; PubMed has unlabelled texts alike): an upper-case heading + colon after
# whitespace opens a sentence. Upper case only: a lower-case "results:" is running text. Read
# backwards from each colon (an abstract has a few), so texts pay one str.find per colon.
# Compound headings are whole alternatives ("DESIGN, SETTING, AND PARTICIPANTS", "METHODS AND
# FINDINGS", "MAIN OUTCOMES AND MEASURES"): the search takes the leftmost match, so the whole
# heading is cut, never its last word ("...matters METHODS AND" left as a sentence). "SETTING"
# alone is no heading: "the PHASE II SETTING: 45%" is running text.
_RUN_IN_HEADING = re.compile(
    r"\s((?:BACKGROUND|INTRODUCTION|PURPOSE|AIMS?|OBJECTIVES?|IMPORTANCE|"
    r"DESIGN(?:,\s+SETTING,?\s+AND\s+PARTICIPANTS)?|"
    r"(?:PATIENTS|MATERIALS)\s+AND\s+METHODS|METHODS?(?:\s+AND\s+FINDINGS)?|"
    r"EXPERIMENTAL\s+DESIGN|PARTICIPANTS|EXPOSURES?|MAIN\s+OUTCOMES?\s+AND\s+MEASURES?|"
    r"INTERVENTIONS?|RESULTS?|FINDINGS|CONCLUSIONS?(?:\s+AND\s+RELEVANCE)?|INTERPRETATION|"
    r"FUNDING|(?:CLINICAL\s+)?TRIAL\s+REGISTRATION)\s*)$"
)
_HEADING_REACH = 40  # characters before a colon the longest heading needs


def _run_in_heading_cuts(text: str) -> list[int]:
    """Starts of upper-case section headings inside the text (see _RUN_IN_HEADING)."""
    cuts = []
    colon = text.find(":")
    while colon >= 0:
        prev = text[colon - 1] if colon else ""
        if prev.isupper() or prev.isspace():
            m = _RUN_IN_HEADING.search(text, max(0, colon - _HEADING_REACH), colon)
            if m is not None:
                cuts.append(m.start(1))
        colon = text.find(":", colon + 1)
    return cuts


# The same headings in title case and without a colon, as some journals (and Crossref JATS
# without its <jats:title>) run them in: "... Results Median PFS was ...". Read only at a
# sentence start and before a capitalised word (or a term such as "pCR"), so "Results were
# similar", "Background therapy was ...", "Design of the study" or "Patients and methods were
# ..." stay sentences as written. The heading becomes no part of any sentence: the rules read
# "Median PFS was ..." (an upper-case heading keeps its colon, which sets it apart). "Objective"
# before "Response" is the end point written in title case ("Objective Response Rate was 60%").
_TITLE_HEADING = re.compile(
    r"(?:Background|Introduction|Purpose|Aims?|Importance|Setting|"
    r"Objectives?(?![ \t]+(?:Tumou?r[ \t]+)?Respon)|"
    r"Design(?:,\s+[Ss]etting,?\s+and\s+[Pp]articipants)?|"
    r"(?:Patients|Materials)\s+and\s+[Mm]ethods|Methods?(?:\s+and\s+[Ff]indings)?|"
    r"Experimental\s+[Dd]esign|Participants|Exposures?|"
    r"Main\s+[Oo]utcomes?\s+and\s+[Mm]easures?|Interventions?|Results?|Findings|"
    r"Conclusions?(?:\s+and\s+[Rr]elevance)?|Interpretation|Funding|"
    r"(?:Clinical\s+)?[Tt]rial\s+[Rr]egistration)"
    r"[ \t]+(?=[A-Z]|" + _LOWER_LED_TERM + ")"
)
# The same headings in capitals and without a colon ("... placebo. RESULTS Median PFS was ...",
# "METHODS Patients were ..."), read as the title-case ones: only at a sentence start and
# before running text, i.e. a capitalised word, a one-letter word, a term such as "pCR", or an
# acronym or number followed by a lower-case word ("HER2-positive patients"). A title in
# capitals ("RESULTS OF THE ... TRIAL") goes on in capitals; "SETTING" and "DESIGN" alone are
# also trial names ("DESIGN Trial investigators"), so no heading precedes "Trial", "Study".
_UPPER_HEADING = re.compile(
    r"(?:BACKGROUND|INTRODUCTION|PURPOSE|AIMS?|IMPORTANCE|"
    r"OBJECTIVES?(?![ \t]+(?i:(?:tumou?r[ \t]+)?respon))|"
    r"DESIGN(?:,\s+SETTING,?\s+AND\s+PARTICIPANTS)?|"
    r"(?:PATIENTS|MATERIALS)\s+AND\s+METHODS|METHODS?(?:\s+AND\s+FINDINGS)?|"
    r"EXPERIMENTAL\s+DESIGN|PARTICIPANTS|EXPOSURES?|MAIN\s+OUTCOMES?\s+AND\s+MEASURES?|"
    r"INTERVENTIONS?|RESULTS?|FINDINGS|CONCLUSIONS?(?:\s+AND\s+RELEVANCE)?|INTERPRETATION|"
    r"FUNDING|(?:CLINICAL\s+)?TRIAL\s+REGISTRATION)"
    r"[ \t]+(?!(?:Trials?|Stud(?:y|ies)|Groups?|Investigators?)\b)"
    r"(?=[A-Z][a-z]|[A-Z][ \t]+[a-z]|" + _LOWER_LED_TERM + r"|[A-Z0-9][^\s]*[ \t]+[a-z])"
)
# The words such a heading opens with, in title case and in capitals: a sentence opening with
# none skips the search.
_TITLE_HEADING_OPENERS = (
    "Background", "Introduction", "Purpose", "Aim", "Objective", "Importance", "Setting",
    "Design", "Patients", "Materials", "Method", "Experimental", "Participants", "Exposure",
    "Main", "Intervention", "Result", "Findings", "Conclusion", "Interpretation", "Funding",
    "Clinical", "Trial",
)  # fmt: skip
_HEADING_OPENERS = _TITLE_HEADING_OPENERS + tuple(w.upper() for w in _TITLE_HEADING_OPENERS)


def _title_heading_ends(text: str, starts: set[int]) -> dict[int, int]:
    """{start: end} of the title-case headings (``_TITLE_HEADING``) and the colonless
    upper-case ones (``_UPPER_HEADING``) opening a sentence at one of ``starts``; the end is
    where the sentence after the heading starts."""
    out = {}
    for c in starts:
        if text.startswith(_HEADING_OPENERS, c):
            heading = _UPPER_HEADING if text[c + 1].isupper() else _TITLE_HEADING
            m = heading.match(text, c)
            if m is not None:
                out[c] = m.end()
    return out


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans (start, end) of the sentences in ``text``, whitespace trimmed."""
    cuts = {0, len(text)}
    cuts.update(map(END, _NEWLINE.finditer(text)))
    for m in _PERIOD_END.finditer(text):
        dot, end = m.span()
        if _is_abbreviation(text, dot):
            continue
        if text[dot - 1 : dot] in _S and _count_noun_mid_sentence(text, dot, end):
            continue
        if text[end : end + 1] in _BRACKETS and _unit_before(text, dot):
            continue  # "6.8 mos. (95% CI ...": a time unit's abbreviation before a bracket
        cuts.add(end)
    if "!" in text or "?" in text:
        cuts.update(map(END, _MARK_END.finditer(text)))
    cuts.update(_run_in_heading_cuts(text))
    headings = _title_heading_ends(text, cuts)
    cuts.update(headings.values())
    points = sorted(cuts)
    if headings:  # a run-in title-case heading is no sentence: skip its chunk
        kept = [(a, b) for a, b in zip(points, points[1:], strict=False) if headings.get(a) != b]
        found = (_TRIMMED.search(text, a, b) for a, b in kept)
        return [m.span() for m in found if m is not None]
    # each chunk between two cuts, trimmed (``map``: no Python-level call per chunk)
    chunks = map(_TRIMMED.search, repeat(text), points, points[1:])
    return list(map(SPAN, filter(None, chunks)))


# "pts." is a clipped plural noun, not an abbreviation: conference abstracts end sentences with
# it ("... 67.4% of TPC pts. Adjudicated ILD ..."). Before a bracket or a number it goes on
# ("in 40 pts. (n = ...").
_COUNT_NOUN_END = re.compile(r"(?<![A-Za-z])pts\Z", re.I)


def _count_noun_mid_sentence(text: str, dot: int, end: int) -> bool:
    """Whether the period at ``dot`` ends "pts" with a bracket or a number after it."""
    return (
        text[end : end + 1] in _NUMBER_OR_BRACKET
        and _COUNT_NOUN_END.search(text, max(0, dot - 4), dot) is not None
    )


_NUMBER_OR_BRACKET = frozenset("([0123456789")
_S = frozenset("sS")


def _is_abbreviation(text: str, dot: int) -> bool:
    # Two cheap rejections first (most periods end a sentence): every abbreviation ends in an
    # ASCII letter once lower-cased, and a run of letters longer than the longest one is none
    # (no dot in it, so not a dotted one either).
    if dot == 0 or text[dot - 1] not in _LOWERS_TO_ASCII_LETTER:
        return False
    window = text[max(0, dot - 20) : dot]
    if dot > _LONGEST and window[-_LONGEST - 1 :].isalpha():
        return False
    # The non-space run before the period within 20 characters (``str.split`` and ``\s`` agree
    # on what is a space).
    word = window.rsplit(None, 1)[-1].lstrip("([\"'").lower()
    if word in ABBREVIATIONS:
        return True
    # Dotted abbreviations ("U.S.", "e.g.") but not decimals ("0.62.").
    return "." in word and _DOTTED.fullmatch(word) is not None


# A PDF copy breaks lines inside a sentence ("95% CI, 0.42 to\n0.71", "17.4\nmonths",
# "95%\nCI"): a single line break is no boundary when its line ends mid-clause (a comma, an open
# bracket, a dash, a sign, "%", or a word such as "to"/"and") or the next line goes on in lower
# case (a heading's next sentence opens with a capital, or with a term such as "pCR"). A blank
# line, or a line ending in ".", "!", "?" or ":", always ends one. (Literal-first: the engine
# jumps from one line break to the next; the line's end is read by fixed-width look-behinds.)
_MID_CLAUSE_WORDS = ("to", "and", "or", "of", "in", "with", "vs", "versus", "than", "was", "were",
                     "for", "the")  # fmt: skip
_SOFT_LINE_BREAK = re.compile(
    r"\n(?:(?:(?<=[,;(\[%/=<>≤≥–-]\n)"
    + "".join(rf"|(?<=[^\w-]{w}\n)" for w in _MID_CLAUSE_WORDS)
    + r")[ \t]*(?=\S)|(?:(?<=[^\s.!?:]\n)|(?<=[^\s.!?:][ \t]\n))[ \t]*(?=[a-z](?![a-z]?[A-Z])))"
)  # ("low \ndose": one space may stand before the break, as a wrapped line leaves it)


def join_soft_line_breaks(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` (``sentence_spans(text)``) with the sentences split at a line break inside a
    sentence joined again (see ``_SOFT_LINE_BREAK``); ``spans`` itself when there is none (one
    search, as for almost every abstract)."""
    ends = list(map(START, _SOFT_LINE_BREAK.finditer(text)))
    if not ends:
        return spans
    out = [spans[0]]
    k = 0
    for s, e in spans[1:]:
        while k < len(ends) and ends[k] < out[-1][1]:
            k += 1
        if k < len(ends) and ends[k] < s and not text[out[-1][1] : ends[k]].strip():
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


# "6.8 mos. (95% CI 5.6-8.2)", "8.4mo. (": a time unit's abbreviation before a bracket ends
# no sentence.
_UNIT_ABBREVIATION_END = re.compile(r"(?<![A-Za-z])(?:mos?|wks?|yrs?)\Z", re.I)


_BRACKETS = ("(", "[")


def _unit_before(text: str, dot: int) -> bool:
    """Whether the period at ``dot`` ends a time unit's abbreviation."""
    return _UNIT_ABBREVIATION_END.search(text, max(0, dot - 4), dot) is not None
