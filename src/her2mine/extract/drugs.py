"""Drug recognition: lexicon terms, unseen drugs by USAN stem or sponsor code, abbreviations.

Pure functions over the text; the spaCy component in ``components.py`` only wraps them.
Precedence on overlaps: lexicon > abbreviation defined in the text > model entity > stem > code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from her2mine.extract.fastre import finditer_at, literal_starts
from her2mine.extract.hits import Hit, resolve_overlaps
from her2mine.extract.lexicon import DrugLexicon, lower_same_length, term_spans
from her2mine.extract.regimens import chains_before

SUPPORTIVE_CLASSES = frozenset({"supportive care", "corticosteroid"})

# FDA biosimilar / formulation suffixes are four meaningless lower-case letters ("-nxki").
_SUFFIX = re.compile(r"-(?:hyaluronidase-)?([a-z]{4})(?![A-Za-z0-9])")
_NOT_SUFFIX = frozenset(
    {"free", "like", "only", "type", "base", "treated", "naive", "high", "low", "dose", "arms"}
)

_STEMS = (
    "mab|tinib|ciclib|lisib|vedotin|deruxtecan|taxel|platin|rubicin|tecan|parib|citabine|"
    "trozole|zomib|rafenib|lutamide|strant|mustine|limus"
)
_ADC_PAYLOAD = r"(?:vedotin|deruxtecan|emtansine|govitecan|duocarmazine|[a-z]+tecan|[a-z]+dotin)"
_STEM_RE = re.compile(
    rf"(?<![A-Za-z0-9-])((?:fam-|ado-|vic-)?[a-z]{{3,}}(?:{_STEMS})(?:-[a-z]{{4}})?"
    rf"(?:\s+{_ADC_PAYLOAD}(?:-[a-z]{{4}})?)?)(?![A-Za-z0-9])",
    re.IGNORECASE,
)
STEM_STOPLIST = frozenset({"anti-her2 mab", "tinib", "imab", "taxel", "platin"})

_CODE_RE = re.compile(r"([A-Z](?<![A-Za-z0-9-][A-Z])[A-Z]{1,4}-?[0-9]{3,6}[a-z]?)(?![A-Za-z0-9-])")
# Prefixes of registry ids, cooperative groups, staging systems... that look like sponsor codes.
CODE_STOP_PREFIXES = frozenset(
    {
        "NCT", "HER", "ISRCTN", "UMIN", "KCT", "CTR", "ACTRN", "DRKS", "JRCT", "CDK", "ECOG", "IHC",
        "ISH", "ICD", "AJCC", "TNM", "UICC", "CTCAE", "RECIST", "FDA", "EMA", "JCOG", "NSABP", "GBG",
        "ABCSG", "SWOG", "CALGB", "NCCTG", "EORTC", "BIG", "TBCRC", "WSG", "KCSG", "CSCO", "ESMO",
        "ASCO", "SABCS", "BCIRG", "SOLTI", "NRG", "COVID", "SARS", "WHO", "ISO", "PMID", "DOI",
        "IRB", "CI", "HR", "OR", "PFS", "OS", "ORR", "EGFR", "ERBB", "PIK", "ESR", "BRCA", "TP",
        "PD", "PDL", "CTLA", "MRI", "CT", "PET", "UK", "USA", "EU", "GEICAM", "IBCSG", "NSABPB",
    }
)  # fmt: skip
_CODE_CONTEXT = re.compile(
    r"\b(?:receiv\w*|plus|combination|combined|mg|dose\w*|administ\w*|treat\w*|inhibitor|"
    r"antibody|conjugate|ADC|versus|vs|monotherapy|infusion|drug|agent|bispecific|TKI)\b",
    re.IGNORECASE,
)
_CODE_NOT_AFTER = re.compile(r"\s*(?:trial|study|cohort|protocol)\b", re.IGNORECASE)


def lexicon_hits(text: str, lex: DrugLexicon, low: str | None = None) -> list[Hit]:
    """Every lexicon term in ``text`` (both case-sensitive abbreviations and names).
    ``low`` = ``lower_same_length(text)`` if the caller has it."""
    hits: list[Hit] = []
    low = lower_same_length(text) if low is None else low
    for pattern, exact in ((lex.sensitive, True), (lex.insensitive, False)):
        if pattern is None:
            continue
        source = text if exact else low
        for start, end in term_spans(pattern, source):
            written = source[start:end]
            canon = lex.exact_of.get(written) if exact else lex.canonical_of.get(written)
            if canon is None:
                continue
            sm = _SUFFIX.match(text, end)
            if sm and sm.group(1) not in _NOT_SUFFIX and lex.kind.get(canon) == "drug":
                end = sm.end()
            hits.append(_make_hit(lex, canon, start, end, text[start:end], "rules"))
    return hits


def _make_hit(lex: DrugLexicon, canon: str, start: int, end: int, written: str, src: str) -> Hit:
    kind = lex.kind.get(canon, "drug")
    if lex.drug_class.get(canon) in SUPPORTIVE_CLASSES:
        kind = "supportive"  # a drug, but never part of a treatment arm
    drugs = [] if kind == "placebo" else lex.expand(canon)
    return Hit(kind, start, end, written, canon, drugs, src)


# Where a stem ends a word: the only places a _STEM_RE match can contain (found on lower-cased
# text with a literal-first pattern, then _STEM_RE is tried from that word's start).
_STEM_END = re.compile(rf"(?:{_STEMS})(?![a-z0-9])")
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")


_STEM_LIST = tuple(_STEMS.split("|"))
_LOW_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def _stem_ends(low: str) -> list[int]:
    """Starts of the stems that end a word in ``low``, sorted: where ``_STEM_END`` matches,
    plus stems that overlap an earlier one in the same word (``str.find`` per stem is faster
    than the alternation tried at every position; the extra ones lead to the same word start,
    which ``_stem_matches`` tries once)."""
    out = []
    find = low.find
    n = len(low)
    for stem in _STEM_LIST:
        k = len(stem)
        i = find(stem)
        while i >= 0:
            if i + k >= n or low[i + k] not in _LOW_ALNUM:
                out.append(i)
            i = find(stem, i + 1)
    out.sort()
    return out


def _stem_matches(text: str, low: str):
    last = 0
    tried = -1
    for p in _stem_ends(low):
        ws = p
        while ws > 0 and text[ws - 1] in _WORD_CHARS:
            ws -= 1
        if ws < last or ws == tried:
            continue
        tried = ws
        found = _STEM_RE.match(text, ws)
        if found:
            last = found.end()
            yield found


def stem_hits(text: str, lex: DrugLexicon, low: str | None = None) -> list[Hit]:
    """Unseen drugs recognised by their USAN stem; normalised to the lower-cased written form."""
    hits = []
    low = lower_same_length(text) if low is None else low
    for m in _stem_matches(text, low):
        written = m.group(1)
        low = written.lower()
        if low in STEM_STOPLIST:
            continue
        canon = lex.canonical_of.get(low) or low
        hits.append(Hit("drug", m.start(1), m.end(1), written, canon, [canon], "stem"))
    return hits


def code_hits(text: str, lex: DrugLexicon, sentences: list[tuple[int, int]]) -> list[Hit]:
    """Sponsor code names (``XX-1234``), only in sentences that talk about treatment."""
    hits = []
    for m in _CODE_RE.finditer(text):
        code = m.group(1)
        prefix = re.match(r"[A-Z]+", code).group(0)
        if prefix in CODE_STOP_PREFIXES or _CODE_NOT_AFTER.match(text, m.end()):
            continue
        s, e = _sentence_of(m.start(), sentences, len(text))
        if not _CODE_CONTEXT.search(text, s, e):
            continue
        canon = lex.lookup(code) or code.lower()
        hits.append(Hit("drug", m.start(1), m.end(1), code, canon, lex.expand(canon), "code"))
    return hits


def _sentence_of(pos: int, sentences: list[tuple[int, int]], n: int) -> tuple[int, int]:
    for s, e in sentences:
        if s <= pos < e:
            return s, e
    return 0, n


_SHORT_IN_PARENS = re.compile(r"\((?:[^()]{0,60};\s*)?\s*([A-Za-z][\w\-+/]{1,11})\s*\)")
# Drug classes: no drug of their own, but they sit inside regimen definitions and arms
# ("trastuzumab plus a taxane (HT)"), so they take part in regimen chains.
_CLASSES = r"(?:taxanes?|anthracyclines?|chemotherapy|endocrine\s+therapy|aromatase\s+inhibitors?)"
# Run on lower-cased text; literal-first with the lookbehind after the first letter (fast).
_CLASS_RE = re.compile(
    rf"(?:s(?<![a-z-]s)tandard(?:-of-care)?\s+{_CLASSES}|t(?<![a-z-]t)axanes?|"
    r"a(?<![a-z-]a)nthracyclines?|c(?<![a-z-]c)hemotherapy|e(?<![a-z-]e)ndocrine\s+therapy|"
    r"a(?<![a-z-]a)romatase\s+inhibitors?)(?![a-z])"
)


_CLASS_WORDS = ("standard", "taxane", "anthracycline", "chemotherapy", "endocrine", "aromatase")


def class_hits(text: str, low: str | None = None) -> list[Hit]:
    low = lower_same_length(text) if low is None else low
    # every match starts with one of _CLASS_WORDS: try the pattern only there
    return [
        Hit("class", m.start(), m.end(), text[m.start() : m.end()], m.group(0), [], "rules")
        for m in finditer_at(_CLASS_RE, low, literal_starts(low, _CLASS_WORDS))
    ]


def defined_abbreviations(
    text: str,
    hits: list[Hit],
    pairs: Iterable[tuple[str, int, int]] = (),
    consisted: list[re.Match[str]] | None = None,
) -> dict[str, list[str]]:
    """Short forms the text defines for drugs or regimens: short form → sorted drug list.

    ``pairs`` are (short form, long-form start, long-form end) from scispaCy's
    AbbreviationDetector; on top of it, "<drug chain> (SHORT)" is read directly because
    Schwartz–Hearst cannot align e.g. "docetaxel, trastuzumab and pertuzumab (THP)".
    """
    defined: dict[str, list[str]] = {}
    drug_hits = [h for h in hits if h.kind in ("drug", "regimen", "placebo", "class")]
    for short, ls, le in pairs:
        drugs = sorted({d for h in drug_hits if ls <= h.start and h.end <= le for d in h.drugs})
        if drugs:
            defined.setdefault(short, drugs)
    for m in _SHORT_IN_PARENS.finditer(text):
        short = m.group(1)
        if not any(c.isupper() for c in short):
            continue
        chain = chains_before(text, drug_hits, m.start())
        parts = re.split(r"[+/]", short)
        if len(parts) >= 2 and all(1 <= len(p) <= 3 for p in parts):
            by_initial = _initials(text, drug_hits, m.start(), parts)
            if by_initial:
                defined[short] = by_initial
                continue
        if chain:
            drugs = sorted({d for h in chain for d in h.drugs})
            if drugs:
                defined[short] = drugs  # the direct "(SHORT)" reading wins
    for m in consisted_matches(text) if consisted is None else consisted:
        short = m.group(1)
        after = [h for h in drug_hits if m.end() <= h.start <= m.end() + 120]
        if after:
            from her2mine.extract.regimens import group_regimens

            reg = group_regimens(text, after)[0]
            drugs = reg.drugs
            if drugs:
                defined[short] = drugs
    return defined


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


_CONSISTED = re.compile(
    r"(?<![A-Za-z0-9-])([A-Z][\w\-+/]{1,11})\s+(?:consisted\s+of|consisting\s+of|comprised|"
    r"comprising|included|was\s+defined\s+as)\s+"
)


_CONSISTED_WORDS = ("consisted", "consisting", "comprised", "comprising", "included")


def consisted_matches(text: str) -> list[re.Match[str]]:
    """``_CONSISTED.finditer(text)``, trying the pattern only where a match can start: the
    capitalised word right before one of its verbs (the pattern's leading lookbehind would
    otherwise make the regex engine try every position of the text)."""
    keys = literal_starts(text, _CONSISTED_WORDS)
    for d in literal_starts(text, ("defined",)):  # "was defined as": the match holds "was"
        j = d
        while j > 0 and text[j - 1].isspace():
            j -= 1
        if j < d and text.startswith("was", j - 3):
            keys.append(j - 3)
    if not keys:
        return []
    starts = set()
    for q in keys:
        ws = q
        while ws > 0 and text[ws - 1].isspace():
            ws -= 1
        if ws == q:
            continue  # the verb follows the word after whitespace
        # the word is [A-Z][\w\-+/]{1,11}: it starts 2-12 characters before the whitespace
        starts.update(p for p in range(max(0, ws - 12), ws - 1) if "A" <= text[p] <= "Z")
    return list(finditer_at(_CONSISTED, text, sorted(starts)))


def abbreviation_hits(
    text: str, defined: dict[str, list[str]], lex: DrugLexicon, taken: list[Hit]
) -> list[Hit]:
    """Occurrences of short forms defined in the text (regimen definitions override defaults)."""
    hits = []
    for short, drugs in defined.items():
        canon = lex.lookup(short)
        if canon is not None and lex.kind.get(canon) == "drug" and lex.expand(canon) == drugs:
            continue  # nothing new: the lexicon already says this
        if (
            canon is not None
            and lex.kind.get(canon) == "regimen"
            and set(drugs) < set(lex.expand(canon))
        ):
            continue  # "taxane + trastuzumab + pertuzumab (THP)": the default taxane stands
        for m in re.finditer(r"(?<![A-Za-z0-9-])" + re.escape(short) + r"(?![A-Za-z0-9])", text):
            kind = "drug" if len(drugs) == 1 else "regimen"
            hits.append(
                Hit(kind, m.start(), m.end(), short, "+".join(drugs), list(drugs), "abbreviation")
            )
    # A defined regimen replaces the lexicon's default reading of the same abbreviation.
    spans = {(h.start, h.end) for h in hits}
    taken[:] = [t for t in taken if (t.start, t.end) not in spans]
    return hits


def find_drugs(
    text: str,
    lex: DrugLexicon,
    sentences: list[tuple[int, int]],
    abbreviation_pairs: Iterable[tuple[str, int, int]] = (),
    model_hits: Iterable[Hit] = (),
) -> list[Hit]:
    """All drug, regimen and placebo mentions in ``text``, non-overlapping, in text order."""
    low = lower_same_length(text)
    lexical = sorted(lexicon_hits(text, lex, low), key=lambda h: (h.start - h.end, h.start))
    lexical = resolve_overlaps(lexical + class_hits(text, low))
    abbrev: list[Hit] = []
    consisted = consisted_matches(text)
    for _ in range(2):  # a second pass lets definitions use short forms defined in the first
        current = resolve_overlaps(abbrev + lexical)
        defined = defined_abbreviations(text, current, abbreviation_pairs, consisted)
        if not defined:
            break
        abbrev = abbreviation_hits(text, defined, lex, lexical)
    ordered = (
        abbrev
        + lexical
        + list(model_hits)
        + stem_hits(text, lex, low)
        + code_hits(text, lex, sentences)
    )
    return resolve_overlaps(ordered)


def drug_names(hits: Iterable[Hit]) -> list[str]:
    """Sorted unique canonical drug names (regimens expanded, placebo dropped)."""
    return sorted({d for h in hits if h.kind not in ("placebo", "class") for d in h.drugs})
