"""Bracketed short forms and their readings: "(THP)", "(AC-T)", "(TUC+Tras+Cape)".

``bracketed_shorts`` finds the short forms written in brackets; ``bracket_readings`` reads
the drugs each one names from the mentions before it (the chain, its letters, an add-on
design, "or both").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping
from functools import cache

from her2mine.extract.abbreviations import (
    _per_char_lower,
    _short_form_letters,
    letters_in_order,
    starts_word,
)
from her2mine.extract.hits import Hit
from her2mine.extract.lexicon import initials_of, load_lexicons
from her2mine.extract.regimens import (
    CHAIN_KINDS,
    chains_before,
    group_regimens,
    is_schedule_only,
    is_schedule_or_alone,
    or_list_before,
)

# The short form may close the bracket after its options ("(docetaxel or paclitaxel; HT)") or
# open it before its dose ("(PMCb; AUC 1.5 once a week)"); only a dose: "(ITT; n = 808)" is a
# population and "(IV; 8 mg/kg)" a route, no short form of the regimen before it.
# A sequence may be joined by an arrow as by a hyphen: "(AC→T)" is a short form like "(AC-T)",
# and so is "(AC → T)", the arrow with a space either side.
# A group label may open the bracket before a comma or colon: "(group B, PyHnP)" (round 60b).
_SHORT_IN_PARENS = re.compile(
    r"\((?:[^()]{0,60};\s*|(?i:groups?|arms?|cohorts?)\s+[A-Za-z0-9]{1,3}\s*[,:]\s*)?"
    r"\s*(?!(?:IV|SC|PO)\s*;)"
    r"([A-Za-z](?:[\w\-+/→]{1,11}(?: (?:IV|SC))?|[\w\-+/]{0,5} → [A-Za-z][\w\-+/]{0,5}))\s*"
    r"(?:;(?:(?=[^();]{0,80}?(?:\bAUC\b|\d\s*(?:mg|µg|mcg|g/m|IU)\b))|\s+(?!n\s*=)(?=[a-z]))"
    r"[^()]{0,80})?\)"
)


# How far back from a bracket its reading looks: ``chains_before`` takes the mentions of the
# 400 characters before it, ``_initials`` those of the 200 before it.
_READING_WINDOW = 400


def drug_mentions(hits: list[Hit]) -> list[Hit]:
    """The hits that can take part in a definition (drugs, regimens, placebo, classes)."""
    return [h for h in hits if h.kind in CHAIN_KINDS]


def bracket_readings(
    text: str,
    drug_hits: list[Hit],
    bracketed: list[tuple[int, str]],
    before: tuple[list[Hit], list[list[str] | None]] | None = None,
    letters: Mapping[str, frozenset[str]] | None = None,
) -> list[list[str] | None]:
    """For each "(SHORT)" of ``bracketed``, the drugs it defines (None if none): by the
    initials of the drugs before it ("N+C"), or the regimen chain right before it.
    ``before``: (drug hits, readings) of an earlier pass over the same text; a bracket whose
    reading window holds the same mentions in both reads the same, and is not read again.
    ``letters``: the drug lexicon's ``DrugLexicon.letters`` (the package lexicon's if None)."""
    if letters is None:
        letters = load_lexicons().drugs.letters
    changed = _changed(before[0], drug_hits) if before is not None else []
    ends = {h.end for h in drug_hits}
    ends_sorted = sorted(ends)
    out = []
    for k, (start, short) in enumerate(bracketed):
        if before is not None and not any(
            start - _READING_WINDOW <= h.start and h.end <= start for h in changed
        ):
            out.append(before[1][k])
        else:
            out.append(_bracket_reading(text, drug_hits, ends, ends_sorted, start, short, letters))
    return out


def _changed(old: list[Hit], new: list[Hit]) -> list[Hit]:
    """Hits in only one of ``old`` and ``new`` (the same object in both is the same hit)."""
    # (``map(id, ...)``: no Python-level call per hit)
    old_ids = set(map(id, old))
    new_ids = set(map(id, new))
    return [h for h, k in zip(new, map(id, new), strict=True) if k not in old_ids] + [
        h for h, k in zip(old, map(id, old), strict=True) if k not in new_ids
    ]


def _bracket_reading(
    text: str,
    drug_hits: list[Hit],
    ends: set[int],
    ends_sorted: list[int],
    start: int,
    short: str,
    letters: Mapping[str, frozenset[str]],
) -> list[str] | None:
    parts = _PART_SEP.split(short)
    if len(parts) >= 2 and all(1 <= len(p) <= 3 for p in parts):
        by_initial = _initials(text, drug_hits, start, parts)
        if by_initial:
            return by_initial
    end = _chain_end(text, ends, ends_sorted, start, short)
    if end is None:
        if "both" in text[max(0, start - 8) : start].lower():  # (a cheap test first)
            return _or_both_reading(text, drug_hits, start)
        if text.find("with", max(0, start - _WITH_OR_WITHOUT_REACH), start) >= 0:
            return _with_or_without_reading(text, drug_hits, ends_sorted, start)
        return None  # no chain can end right before the bracket
    chain = chains_before(text, drug_hits, end)
    if chain and (
        _spells_initials(short, chain[-1].text)
        or (len(chain) > 1 and _restates(drug_hits, start, short, chain[-1]))
    ):
        # "... plus an aromatase inhibitor (AI)", "replacing X with trastuzumab emtansine
        # (T-DM1)": the short form names the last mention only
        return sorted(set(chain[-1].drugs)) or None
    tail = _spelled_tail(short, chain, letters)
    if tail is None and len(chain) >= 3:
        tail = _unlettered_lead_dropped(text, short, chain)
    if tail is not None:
        chain = tail
    if chain and len(short) > 1:
        chain = _add_on_backbone(text, drug_hits, chain[0].start, short, letters) + chain
        chain = _added_to_chain(text, drug_hits, chain, short, letters) + chain
    return sorted({d for h in chain for d in h.drugs}) or None


# Round 84b: "adding toripalimab to nab-paclitaxel, trastuzumab, and pertuzumab (T-nHP)": the
# bracket after the backbone of "adding X to Y" names X plus Y when it spells more letters than
# Y has mentions and one of them is X's ("(TH)" after "adding X to trastuzumab and docetaxel"
# abbreviates the backbone alone).
_TO_BEFORE = re.compile(r"\s+to\s+(?:the\s+)?\Z", re.I)
_ADDING_BEFORE = re.compile(r"\b(?:adding|(?:the\s+)?addition\s+of)\s+(?:the\s+|a\s+)?\Z", re.I)


def _added_to_chain(
    text: str,
    drug_hits: list[Hit],
    chain: list[Hit],
    short: str,
    letters: Mapping[str, frozenset[str]],
) -> list[Hit]:
    """The added chain X when ``chain`` is Y of "adding X to Y (SHORT)" and SHORT spells X
    too (see ``_TO_BEFORE``); [] otherwise."""
    a = chain[0].start
    if text.find(" to ", max(0, a - 10), a) < 0:
        return []
    m = _TO_BEFORE.search(text, max(0, a - 12), a)
    if m is None:
        return []
    added = chains_before(text, drug_hits, m.start() + 1)
    if (
        not added
        or _ADDING_BEFORE.search(text, max(0, added[0].start - 30), added[0].start) is None
    ):
        return []
    spelt = [c for c in short.lower() if c.isalpha()]
    named = {c for h in added for c in _mention_letters(h, letters)}
    if len(spelt) <= len(chain) or not named.intersection(spelt):
        return []
    return added


# "A either alone (S1), or with X (S2)[, or with Y (S3)]", "A (S1) with or without X (S2)":
# each later bracket names A with its partner, an arm of an add-on design
# (``arms._add_on_design``), not the partner alone.
_ADD_ON_FORM = r"\([^()]{1,40}\)"
_OR_WITH = r"\s*,?\s*or\s+(?:in\s+combination\s+|combined\s+)?with\s+"
_ADD_ON_BEFORE = re.compile(
    r"\s*,?\s+(?:(?:given|administered)\s+)?(?:either\s+)?alone\s*" + _ADD_ON_FORM
    + r"(?:" + _OR_WITH + r"[^()\[\];.]{1,60}?\s*" + _ADD_ON_FORM + r")*" + _OR_WITH + r"\Z"
    + r"|\s*" + _ADD_ON_FORM + r"\s*,?\s+with\s+or\s+without\s+(?:the\s+|a\s+|an\s+)?\Z",
    re.I,
)  # fmt: skip
_ADD_ON_WORDS = ("alone", "without")
_ADD_ON_REACH = 200  # characters from the backbone's last mention to the partner read


def _add_on_backbone(
    text: str, drug_hits: list[Hit], start: int, short: str, letters: Mapping[str, frozenset[str]]
) -> list[Hit]:
    """The backbone chain A when the mention at ``start`` is a partner of an add-on design
    (``_ADD_ON_BEFORE``) and the bracket ``short`` after it has a letter of A's drugs ("PH"
    for paclitaxel with trastuzumab; a lone "(H)" or "(P)" is the partner's own); [] otherwise
    (most brackets: no "alone"/"without" close before them)."""
    a = max(0, start - _ADD_ON_REACH)
    if text.find("alone", a, start) < 0 and text.find("without", a, start) < 0:
        return []  # (``_ADD_ON_WORDS``, as two ``find`` calls: no generator per bracket)
    for end in reversed([h.end for h in drug_hits if a <= h.end <= start]):
        if _ADD_ON_BEFORE.fullmatch(text, end, start):
            backbone = chains_before(text, drug_hits, end)
            spelt = {c for c in short.lower() if c.isalpha()}
            named = {c for h in backbone for c in _mention_letters(h, letters)}
            return backbone if spelt & named else []
    return []


# "paclitaxel followed by fluorouracil, epirubicin, and cyclophosphamide (FEC-75)": a short form
# of capitals (a dose after them aside) whose letters name the chain's last few mentions in
# order names those only, when the mention before them has none of its letters (the first step
# of a sequence); "trastuzumab plus docetaxel and carboplatin (TCH)" names all three.
_LETTERS_AND_DOSE = re.compile(r"([A-Z]{2,5})(?:-?\d{2,3})?")


def _spelled_tail(
    short: str, chain: list[Hit], letters: Mapping[str, frozenset[str]]
) -> list[Hit] | None:
    """The last mentions of ``chain`` whose letters spell ``short`` (``_LETTERS_AND_DOSE``),
    one single-drug mention a letter, if fewer than the whole chain and the mention before
    them cannot take any of its letters; None otherwise."""
    m = _LETTERS_AND_DOSE.fullmatch(short)
    if m is None or len(m.group(1)) >= len(chain):
        return None
    spelt = m.group(1).lower()
    tail = chain[-len(spelt) :]
    for c, h in zip(spelt, tail, strict=True):
        if len(h.drugs) != 1 or c not in _mention_letters(h, letters):
            return None
    if not _mention_letters(chain[-len(spelt) - 1], letters).isdisjoint(spelt):
        return None
    return tail


def _unlettered_lead_dropped(text: str, short: str, chain: list[Hit]) -> list[Hit] | None:
    """The chain after its leading mentions when none of their written initials is a letter of
    ``short`` and the rest spells it (Schwartz–Hearst, from a word start): "disitamab vedotin plus
    toripalimab with capecitabine and oxaliplatin (CAPOX)" names the last two (round 89c).
    None if no leading mention is dropped, the tail spells no ``short``, or under two
    mentions are left (a single drug's bracket is read elsewhere)."""
    spelt = _short_form_letters(short)
    if not spelt or len(spelt) < 2:
        return None
    wanted = set(spelt)
    k = 0
    while k < len(chain) and wanted.isdisjoint(initials_of([chain[k].text])):
        k += 1
    if k == 0 or len(chain) - k < 2:
        return None
    a, b = chain[k].start, chain[-1].end
    found = letters_in_order(spelt, _per_char_lower(text[a:b]), starts_word(text[a:b]))
    return chain[k:] if found == 0 else None


def _mention_letters(h: Hit, letters: Mapping[str, frozenset[str]]) -> set[str]:
    """The letters a short form may name mention ``h`` by: the initial it is written with and
    the lexicon letters of its drugs (``letters``, ``DrugLexicon.letters``: "A" for
    doxorubicin)."""
    out = set(initials_of([h.text]))
    for d in h.drugs:
        out |= letters.get(d, frozenset())
    return out


# "trastuzumab (TH), lapatinib (TL), or both (THL)": the bracket names the alternatives together.
# Its start is where the chain of alternatives ends (a short form of the last one aside).
_OR_BOTH_BEFORE = re.compile(r"(?:\s*\([^()]*\))?\s*,?\s+or\s+both\s*$", re.I)


def _or_both_reading(text: str, drug_hits: list[Hit], start: int) -> list[str] | None:
    """The drugs of "A, B, or both (SHORT)": every drug of the chain of alternatives before
    "or both" (a backbone given with each included), read without the short forms bracketed
    inside the list (they would cut the chain); None unless that chain holds two drugs."""
    m = _OR_BOTH_BEFORE.search(text, max(0, start - 80), start)
    if m is None:
        return None
    pos = m.start()
    outside = [h for h in drug_hits if h.end <= pos and not _bracketed(text, h)]
    drugs = sorted({d for h in or_list_before(text, outside, pos) for d in h.drugs})
    return drugs if len(drugs) >= 2 else None


# "trastuzumab with (TP) or without (T) pertuzumab": the first bracket names backbone A with
# partner X, the second A alone. Its brackets sit between the words, so no chain ends before them.
_WITH_OR_WITHOUT = re.compile(
    r"\s+with\s*(\([^()]{1,12}\))\s*,?\s+or\s+without\s*(\([^()]{1,12}\))\s+", re.I
)
_WITH_OR_WITHOUT_REACH = 40  # characters from A's last mention to the second bracket


def _with_or_without_reading(
    text: str, drug_hits: list[Hit], ends_sorted: list[int], start: int
) -> list[str] | None:
    """The drugs of a bracket of "A with (S2) or without (S1) X": A and X for S2, A for S1;
    None when the bracket at ``start`` is no such bracket."""
    lo = bisect_left(ends_sorted, start - _WITH_OR_WITHOUT_REACH)
    for end in ends_sorted[lo : bisect_left(ends_sorted, start)]:
        m = _WITH_OR_WITHOUT.match(text, end)
        if m is None or start not in (m.start(1), m.start(2)):
            continue
        backbone = {d for h in chains_before(text, drug_hits, end) for d in h.drugs}
        if start == m.start(2):
            return sorted(backbone) or None
        after = [h for h in drug_hits if m.end() <= h.start < m.end() + _READING_WINDOW]
        partner = next((r for r in group_regimens(text, after) if r.start == m.end()), None)
        if not backbone or partner is None or not partner.drugs:
            return None
        return sorted(backbone | set(partner.drugs))
    return None


def _bracketed(text: str, h: Hit) -> bool:
    """Whether mention ``h`` is all of a bracket ("(TH)"): a short form, not a list item."""
    return text[h.start - 1 : h.start] == "(" and text[h.end : h.end + 1] == ")"


def _restates(drug_hits: list[Hit], start: int, short: str, last: Hit) -> bool:
    """Whether the short form in the bracket at ``start`` is itself a mention of exactly the
    drugs of ``last`` (a lexicon abbreviation such as "T-DM1" after "trastuzumab emtansine")."""
    limit = start + len(short) + 4  # "(", spaces
    return any(
        h.text == short and h.drugs == last.drugs and last.drugs
        for h in drug_hits
        if start < h.start < limit
    )


_WORD = re.compile(r"[A-Za-z]+")


def _spells_initials(short: str, written: str) -> bool:
    """Whether ``short`` is the initials of the two or more words of ``written``."""
    words = _WORD.findall(written)
    return len(words) >= 2 and "".join(w[0] for w in words).lower() == short.lower()


_PART_SEP = re.compile(r"[+/]")


def bracketed_shorts(text: str, trial_names: frozenset[str] | None = None) -> list[tuple[int, str]]:
    """(bracket start, short form) of each "(SHORT)" that may define an abbreviation: the
    ``_SHORT_IN_PARENS`` matches whose short form has a capital letter and is no trial's name
    (``trial_names``: the trial lexicon's ``TrialLexicon.names``, the package lexicon's if
    None)."""
    found = []
    if trial_names is None:
        trial_names = _trial_names()
    for m in _SHORT_IN_PARENS.finditer(text):
        short = m.group(1)
        # "1 year of trastuzumab (HERA)": a trial's name, no short form of the regimen
        if _population_after_label(text, m.start(), short):
            continue
        if any(c.isupper() for c in short) and _route_suffix_ok(short) and short not in trial_names:
            found.append((m.start(), short))
    if "+" in text:
        long_joined = _long_joined_shorts(text)
        if long_joined:
            found = sorted(found + long_joined)
    if " group)" in text or " arm)" in text:
        labels = [(m.start(), m.group(1)) for m in _SHORT_GROUP_LABEL.finditer(text)]
        labels = [(s, short) for s, short in labels if short not in trial_names]
        if labels:
            found = sorted(found + labels)
    return found


# "(cohort A, HER2-low)", "(arm B, ER+)", "(group 1, TNBC)": after a group label a bracket
# names the group's population as often as its regimen. A receptor status, a stage or score
# ("T1N0", "ECOG0"), a disease ("mBC") or an analysis set ("ITT") is no regimen's short form.
_GROUP_LABEL_OPENS = re.compile(r"\((?i:groups?|arms?|cohorts?)\s")
_POPULATION_SHORT = re.compile(
    r"\S*(?:[+-]|-(?i:low|ultralow|zero|high|positive|negative))|[a-z]{0,2}(?:[A-Z]{1,4}\d[a-c]?)+"
    r"|[A-Za-z]{0,3}BC|m?ITT|PPS?|FAS|SAS"
)


def _population_after_label(text: str, bracket: int, short: str) -> bool:
    """Whether ``short`` follows a group label in the bracket at ``bracket`` and names a
    population (``_POPULATION_SHORT``), not the group's regimen."""
    return (
        _GROUP_LABEL_OPENS.match(text, bracket) is not None
        and _POPULATION_SHORT.fullmatch(short) is not None
    )


# "trastuzumab plus pertuzumab (the TP group)": a group labelled by a short form in capitals
# defines that short form as "(TP)" would, so the text's TP is no lexicon regimen
# (docetaxel plus pertuzumab) later ("5.6 months with TP").
_SHORT_GROUP_LABEL = re.compile(
    r"\((?:the\s+)?([A-Z][A-Z0-9]*[A-Z][A-Za-z0-9\-+/]{0,8})\s+(?:group|arm)\)"
)


@cache
def _trial_names() -> frozenset[str]:
    """The package trial lexicon's names as written (and in capitals)."""
    return frozenset(load_lexicons().trials.names)


# "(TUC+Tras+Cape)": a short form joining two to four short parts by "+", too long for
# ``_SHORT_IN_PARENS`` (twelve characters), read as that pattern reads the shorter ones.
_JOINED_PARTS = r"[A-Za-z][\w-]{0,5}(?:\+[A-Za-z][\w-]{0,5}){1,3}"  # two to four short parts
_LONG_JOINED = re.compile(r"\((?:[^()]{0,60};\s*)?\s*(" + _JOINED_PARTS + r")\s*\)")


def _long_joined_shorts(text: str) -> list[tuple[int, str]]:
    """(bracket start, short form) of the "(A+B+C)" short forms longer than twelve characters
    with a capital letter (the shorter ones are ``_SHORT_IN_PARENS`` matches)."""
    return [
        (m.start(), m.group(1))
        for m in _LONG_JOINED.finditer(text)
        if len(m.group(1)) > 12 and any(c.isupper() for c in m.group(1))
    ]


def _route_suffix_ok(short: str) -> bool:
    """A short form may end with a route only when it joins drugs: "(P+H IV)" names
    "intravenous pertuzumab plus trastuzumab" as "(N+C)" names its regimen; "(stage IV)" is no
    short form."""
    return " " not in short or "+" in short or "/" in short or "→" in short


def _chain_end(
    text: str, ends: set[int], ends_sorted: list[int], pos: int, short: str
) -> int | None:
    """Where a chain read for the bracket at ``pos`` must end: right before it, or before the
    schedule that sits between ("docetaxel every 3 weeks (AC-T)") unless the bracket names that
    schedule ("every 3 weeks (Q3W)"); None if no mention ends there (the condition
    ``chains_before`` needs to find any chain). ``ends``: where mentions end (a set, and
    ``ends_sorted`` the same sorted)."""
    if _mention_ends_before(text, ends, pos):
        return pos
    # the last mention end before ``pos``, if within reach (a bisection, not a pass over all)
    i = bisect_left(ends_sorted, pos) - 1
    if i < 0 or ends_sorted[i] < pos - _SCHEDULE_REACH or _SCHEDULE_SHORT.fullmatch(short):
        return None
    last = ends_sorted[i]
    gap = text[last:pos]
    # "paclitaxel every 3 weeks alone (TP)": the regimen on its own; a name in mixed case after
    # "alone" is a trial's ("trastuzumab alone (NeoSphere)"), no short form. (Both readers
    # answer at once for a gap without a schedule word: most brackets.)
    if "alone" in gap and _CAPITALS_SHORT.fullmatch(short):
        return last if is_schedule_or_alone(gap) else None
    if "complete" in gap:
        gap = _TO_COMPLETE.sub("", gap)
        if not gap.strip():
            return last
    return last if is_schedule_only(gap) else None


# "... followed by trastuzumab to complete 1 year (TH group)": the total time the last drug is
# given to is its schedule, as "for 1 year" is.
_TO_COMPLETE = re.compile(
    r"\s*,?\s*to\s+complete\s+(?:a\s+total\s+of\s+)?(?:\d+|one)\s+(?:years?|months?|weeks?|cycles?)"
    r"(?:\s+of\s+(?:therapy|treatment))?\s*$",
    re.I,
)


_CAPITALS_SHORT = re.compile(r"[A-Z][A-Z0-9+/→-]{1,9}")


_SCHEDULE_REACH = 60  # longest schedule phrase read between a chain and its bracket
# Short forms of schedules and routes: Q3W, QW, Q2W, BID, TID, BIW, QD, IV, SC, PO.
_SCHEDULE_SHORT = re.compile(r"q\d*[dwm]|[bt]i[dw]|qd|od|iv|sc|po", re.I)


def _mention_ends_before(text: str, ends: set[int], pos: int) -> bool:
    """Whether a mention ends at ``pos`` or in the whitespace right before it: the condition
    ``chains_before`` needs to find any chain (it answers [] otherwise)."""
    j = pos
    while j > 0 and text[j - 1].isspace():
        j -= 1
    return any(e in ends for e in range(j, pos + 1))


def _initials(text: str, hits: list[Hit], pos: int, parts: list[str]) -> list[str]:
    """ "neratinib ... plus capecitabine (N+C)": each part is the initial of an earlier drug."""
    window = [h for h in hits if pos - 200 <= h.start and h.end <= pos and h.drugs]
    drugs: list[str] = []
    for part in reversed(parts):
        found = None
        while window:
            h = window.pop()
            if h.text.lower().startswith(part.lower()):
                found = h
                break
        if found is None:
            return []
        drugs.extend(found.drugs)
    return sorted(set(drugs))
