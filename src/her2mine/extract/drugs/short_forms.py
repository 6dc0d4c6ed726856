"""Mentions of the short forms the text defines, wherever they are written.

The two definition passes, placebo's short forms ("PBO") and the parts of a joined short form
("Pbo+Tras+Cape").
"""

from __future__ import annotations

import re

from her2mine.extract.drugs.brackets import _JOINED_PARTS, bracket_readings, drug_mentions
from her2mine.extract.drugs.definitions import composite_part_definitions, defined_abbreviations
from her2mine.extract.fastre import whole_word_spans
from her2mine.extract.hits import Hit, resolve_overlaps
from her2mine.extract.lexicon import DrugLexicon
from her2mine.extract.options import options_as_class


def _part_spans(text: str, short: str) -> list[tuple[int, int]]:
    """``whole_word_spans`` of ``short``, also right after a hyphen ("ddAC-THP")."""
    pattern = r"(?<![A-Za-z0-9])" + re.escape(short) + r"(?![A-Za-z0-9])"
    return [m.span() for m in re.finditer(pattern, text)]


# Lower-case words and units an abstract uses in their own sense, which a drug's short form in
# a bracket may spell ("pertuzumab (per)", "margetuximab (mg)"): never read as that drug.
_COMMON_WORDS = frozenset(
    {
        "a", "all", "an", "and", "any", "arm", "as", "at", "both", "by", "can", "day", "days",
        "dose", "each", "for", "g", "group", "in", "is", "kg", "l", "m", "mg", "min", "ml", "no",
        "not", "of", "on", "or", "per", "post", "pre", "than", "the", "to", "total", "via", "vs",
        "was", "week", "weeks", "were", "with",
        # units of time and dosing, routes and schedules ("14.0 mo", "1 h", "given iv")
        "bid", "cm", "d", "dl", "h", "hr", "hrs", "im", "iv", "mm", "mo", "mos", "ng", "po", "qd",
        "sc", "tid", "wk", "wks", "yr", "yrs",
        # Latin and other languages' function words ("et al.", "de", "la")
        "al", "da", "de", "del", "des", "du", "e", "en", "et", "la", "le", "un", "y",
    }
)  # fmt: skip


def abbreviation_hits(
    text: str,
    defined: dict[str, list[str]],
    lex: DrugLexicon,
    taken: list[Hit],
    parts: frozenset[str] = frozenset(),
) -> list[Hit]:
    """Occurrences of short forms defined in the text (regimen definitions override defaults).
    ``parts``: short forms defined as a combined one's part (``composite_part_definitions``),
    which name that part after a hyphen too ("ddAC-THP")."""
    hits = []
    for short, drugs in defined.items():
        if short in _COMMON_WORDS:
            continue  # "pertuzumab (per)": "per cycle" elsewhere names no drug
        canon = lex.lookup(short)
        if canon is not None and lex.kind.get(canon) == "drug" and lex.expand(canon) == drugs:
            continue  # nothing new: the lexicon already says this
        if (
            canon is not None
            and short not in parts  # (a combined one's part: its taxane is chosen per patient)
            and lex.kind.get(canon) == "regimen"
            and set(drugs) < set(lex.expand(canon))
        ):
            continue  # "taxane + trastuzumab + pertuzumab (THP)": the default taxane stands
        kind = "drug" if len(drugs) == 1 else "regimen"
        canonical = "+".join(drugs)
        spans = _part_spans(text, short) if short in parts else whole_word_spans(text, short)
        for start, end in spans:
            hits.append(Hit(kind, start, end, short, canonical, list(drugs), "abbreviation"))
    # A defined regimen replaces the lexicon's default reading of the same abbreviation.
    spans = {(h.start, h.end) for h in hits}
    taken[:] = [t for t in taken if (t.start, t.end) not in spans]
    return hits


def _short_form_passes(
    text: str,
    lex: DrugLexicon,
    lexical: list[Hit],
    abbreviation_pairs: list[tuple[str, int, int]],
    consisted: list[re.Match[str]],
    bracketed: list[tuple[int, str]],
    sentences: list[tuple[int, int]],
) -> tuple[list[Hit], list]:
    """(mentions of the short forms the text defines, the definitions they were found from in
    order). ``lexical`` (sorted, no overlaps) loses the mentions a defined short form replaces
    (see ``abbreviation_hits``)."""
    abbrev: list[Hit] = []
    before = None  # (drug mentions, bracket readings) of the first pass
    used: list = []  # the definitions ``abbrev`` was found from, in order
    for _ in range(2):  # a second pass lets definitions use short forms defined in the first
        # (``lexical`` has no overlaps: resolving it alone would keep it as it is)
        current = resolve_overlaps(abbrev + lexical) if abbrev else list(lexical)
        mentions = drug_mentions(current)
        # (per-patient options read as one class mention: "X plus A or B (SHORT)" defines X)
        readings = bracket_readings(
            text,
            options_as_class(text, mentions, lex.drug_class),
            bracketed,
            before,
            lex.letters,
        )
        before = (mentions, readings)
        defined = defined_abbreviations(
            text,
            current,
            abbreviation_pairs,
            consisted,
            bracketed,
            readings,
            sentences,
            lex.letters,
        )
        parts: frozenset[str] = frozenset()
        if any("-" in short for short in defined):
            part_defined = composite_part_definitions(text, defined, lex)
            defined.update(part_defined)
            parts = frozenset(part_defined)
        if not defined or list(defined.items()) == used:
            break  # (the same definitions find the same hits: ``abbrev`` stands)
        abbrev = abbreviation_hits(text, defined, lex, lexical, parts)
        used = list(defined.items())
        if not abbrev:
            # No mention found (most texts that define a short form the lexicon knows):
            # ``lexical`` is as it was, so a second pass would read the same mentions, find
            # the same definitions and stop there.
            break
    return abbrev, used


def placebo_short_hits(
    text: str, lexical: list[Hit], bracketed: list[tuple[int, str]]
) -> list[Hit]:
    """Placebo mentions by a short form the text defines for placebo: "placebo (PBO)+T+C",
    later "the PBO arm", "9% of PBO pts". A bracket right after a placebo mention whose short
    form starts with its initial names placebo wherever it is written (a bracket defines no
    drug for a placebo chain, so without this the placebo group's later references are
    unknown words and its values take the other arm)."""
    if not bracketed:
        return []
    placebo_ends = [h.end for h in lexical if h.kind == "placebo"]
    if not placebo_ends:
        return []
    out: list[Hit] = []
    for start, short in bracketed:
        if not (short[0] in "Pp" and short.isalpha() and 2 <= len(short) <= 4):
            continue
        if not any(text[e:start].isspace() for e in placebo_ends if e < start):
            continue
        for a, b in whole_word_spans(text, short):
            out.append(Hit("placebo", a, b, short, "placebo", [], "abbreviation"))
    return out


def standard_placebo_short_hits(text: str, lexical: list[Hit]) -> list[Hit]:
    """ "PBO + T-DM1": the standard short form of placebo, which poster shorthand uses without
    defining it, names placebo in a text that mentions placebo (so its design has a placebo
    group). Without it, "TUC + T-DM1 vs. PBO + T-DM1" lists no second arm and the compared
    values take the arms in the wrong order."""
    if not any(h.kind == "placebo" for h in lexical):
        return []
    return [
        Hit("placebo", a, b, "PBO", "placebo", [], "abbreviation")
        for a, b in whole_word_spans(text, "PBO")
    ]


# A joined short form written elsewhere: parts of one to six characters joined by "+".
_JOINED = re.compile(r"(?<![\w+/-])" + _JOINED_PARTS + r"(?![\w+])")
# Short forms of placebo written as a part of a joined one ("Pbo+Tras+Cape").
_PLACEBO_PART = re.compile(r"pbo|plb|pla|placebo", re.I)


def _part_drugs(short: str, drugs: list[str]) -> dict[str, str] | None:
    """{part: drug} when each "+" part of the defined ``short`` starts the name of a different
    one of its ``drugs`` ("TUC+Tras+Cape" of tucatinib, trastuzumab, capecitabine), else None."""
    parts = short.split("+")
    if len(parts) != len(drugs) or len(parts) < 2:
        return None
    out: dict[str, str] = {}
    left = list(drugs)
    for part in parts:
        low = part.lower()
        match = next((d for d in left if d.startswith(low)), None) if len(part) >= 2 else None
        if match is None:
            return None
        left.remove(match)
        out[part] = match
    return out


def joined_part_hits(text: str, defined: dict[str, list[str]]) -> list[Hit]:
    """Mentions in other joined short forms of the parts of a joined one the text defines: after
    "tucatinib plus trastuzumab and capecitabine (TUC+Tras+Cape)", "Pbo+Tras+Cape" is placebo,
    trastuzumab and capecitabine (the control arm, which the text never defines by itself). Each
    part must start the name of its drug; a placebo part ("Pbo", "Plb") is placebo. A joined
    form the text defines as a whole is left to its own definition."""
    parts: dict[str, str] = {}
    for short, drugs in defined.items():
        if "+" in short:
            parts.update(_part_drugs(short, drugs) or {})
    if not parts:
        return []
    out: list[Hit] = []
    for m in _JOINED.finditer(text):
        if m.group() in defined:
            continue
        found, pos = [], m.start()
        for part in m.group().split("+"):
            end = pos + len(part)
            if part in parts:
                found.append(
                    Hit("drug", pos, end, part, parts[part], [parts[part]], "abbreviation")
                )
            elif _PLACEBO_PART.fullmatch(part):
                found.append(Hit("placebo", pos, end, part, "placebo", [], "abbreviation"))
            else:
                break
            pos = end + 1
        else:
            if any(h.kind == "drug" for h in found):
                out.extend(found)
    return out
