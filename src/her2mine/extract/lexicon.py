"""Versioned lexicons (JSONL data in ``her2mine/data/lexicons``) compiled into fast matchers.

The lexicons are data, not code: adding a brand name or a trial is a one-line JSONL edit (and a
PIPELINE_VERSION bump). Terms are compiled into trie-shaped regexes so a few hundred synonyms cost
one pass over the text instead of one pass per synonym.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from her2mine.errors import ParseError
from her2mine.extract.fastre import GROUP1_SPAN, SPAN, finditer_at

LEXICON_DIR = Path(__file__).resolve().parent.parent / "data" / "lexicons"

# Synonym fields of a drug entry; "abbreviations" are matched case-sensitively (short, ambiguous).
DRUG_TERM_FIELDS = ("synonyms", "brands", "codes", "misspellings")
# Drug classes whose drugs are mentioned as "supportive" (a drug, never part of a treatment arm).
SUPPORTIVE_CLASSES = frozenset({"supportive care", "corticosteroid"})
# Cooperative groups whose studies are numbered after the group's name ("NSABP B-31", "GOG 0281",
# "TRIO-021"): trial ids, never a sponsor's drug code. A longer name before its own prefix
# ("ECOG-ACRIN" before "ECOG"): the trial pattern tries them in this order.
COOPERATIVE_GROUPS = (
    "NSABP", "CALGB", "JBCRG", "GBG", "BIG", "NRG", "SWOG", "ECOG-ACRIN", "ECOG", "EORTC", "IBCSG",
    "TBCRC", "JCOG", "KCSG", "WSG", "ABCSG", "GEICAM", "SOLTI", "NCCTG", "BCIRG", "ACOSOG",
    "UNICANCER", "SAKK", "Alliance", "WJOG", "OOTR", "HeCOG", "PrECOG", "GOG", "RTOG", "TRIO",
    "ICORG", "EPOC",
)  # fmt: skip


def read_jsonl(name: str, directory: Path | None = None) -> list[dict]:
    """Read one lexicon file (from the package data unless ``directory`` is given)."""
    path = (directory or LEXICON_DIR) / name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ParseError(f"cannot read lexicon: {exc.strerror}", source=str(path)) from exc
    rows = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise ParseError(f"line {lineno}: {exc.msg}", source=name) from exc
    return rows


def trie_pattern(terms: list[str], *, not_after: str = "") -> str:
    """A regex alternation of ``terms`` factored as a trie (shared prefixes matched once).

    Longer terms win over their prefixes because each node tries its children before ending.
    ``not_after`` (a character class such as ``[A-Za-z0-9]``) may not precede a match; it is
    checked by a lookbehind placed after each first character, so the pattern starts with a
    literal and the regex engine skips to candidate characters (a leading lookbehind would make
    it try every position).
    """
    trie: dict = {}
    for term in terms:
        node = trie
        for ch in term:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict, first: bool = False) -> str:
        ends = "" in node
        branches = []
        for ch, child in sorted(node.items()):
            if not ch:
                continue
            lit = re.escape(ch)
            guard = f"(?<!{not_after}{lit})" if first and not_after else ""
            branches.append(lit + guard + build(child))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return build(trie, first=True)


def compile_terms(terms: list[str], *, ignore_case: bool) -> re.Pattern[str] | None:
    """Whole-word matcher for ``terms`` (letters/digits may not touch either end).

    With ``ignore_case`` the pattern holds lower-case terms and must be run on lower-cased text
    (``str.lower`` keeps offsets for the texts we see; callers check): matching lower-cased text
    case-sensitively is several times faster than ``re.IGNORECASE``. Run it with ``term_spans``.
    """
    terms = sorted({t.lower() if ignore_case else t for t in terms if t})
    if not terms:
        return None
    if _starts_rare(terms):
        # Terms start with capitals or digits (rare in prose): a pattern that starts with those
        # characters lets the regex engine skip to them (about 1.7x faster than the boundary
        # scan below). Terms start with a letter or digit, so the lookbehind after the first
        # character finds exactly the matches of the boundary scan.
        return re.compile(trie_pattern(terms, not_after="[A-Za-z0-9]") + r"(?![A-Za-z0-9])")
    # The match starts with the character before the term (a non-alphanumeric one): scanning
    # for word boundaries first is twice as fast as trying the trie at every letter (the
    # pattern's one group is the term; ``term_spans`` supplies the boundary before the text).
    return re.compile(r"[^A-Za-z0-9](" + trie_pattern(terms) + r")(?![A-Za-z0-9])")


_MAX_LOWER_STARTS = 2  # lower-case letters a literal-first term pattern may start with


def _starts_rare(terms: list[str]) -> bool:
    """True if every term starts with a letter or digit and at most ``_MAX_LOWER_STARTS``
    lower-case letters begin terms (lower-case letters are most of a text's characters)."""
    firsts = {t[0] for t in terms}
    if not all(c.isascii() and c.isalnum() for c in firsts):
        return False
    return sum(c.islower() for c in firsts) <= _MAX_LOWER_STARTS


# Journals print "hand–foot syndrome", "ado–trastuzumab": a dash or typographic hyphen between
# two letters is the lexicon's hyphen (a dash between digits, "0·42–1·75", is a range: kept).
_LETTER_DASHES = ("\u2010", "\u2011", "\u2013", "\u2014")
# (The dash first, the letter before it looked behind after: the engine skips to dashes, 3x faster
# than trying a lookbehind at every letter.)
_LETTER_DASH = re.compile(r"[\u2010\u2011\u2013\u2014](?<=[A-Za-z].)(?=[A-Za-z])")


def letter_dashes_as_hyphens(text: str) -> str:
    """``text`` with each dash between two letters written "-" (same length, offsets kept)."""
    for dash in _LETTER_DASHES:  # (most texts have none: four ``in`` tests, no regex)
        if dash in text:
            return _LETTER_DASH.sub("-", text)
    return text


def term_spans(
    pattern: re.Pattern[str], text: str, hyphened: str | None = None
) -> list[tuple[int, int]]:
    """(start, end) of each whole-word term of a ``compile_terms`` pattern in ``text``, a
    dash between two letters read as a hyphen (``letter_dashes_as_hyphens``). ``hyphened``:
    ``letter_dashes_as_hyphens(text)`` if the caller has it."""
    text = letter_dashes_as_hyphens(text) if hyphened is None else hyphened
    if pattern.groups:  # boundary-first: the match holds the character before the term
        return [(a - 1, b - 1) for a, b in map(GROUP1_SPAN, pattern.finditer(" " + text))]
    return list(map(SPAN, pattern.finditer(text)))


_ALNUM = re.compile(r"[A-Za-z0-9]")
_NOT_AFTER = "[A-Za-z0-9]"


class SensitiveTerms:
    """The case-sensitive terms of a lexicon, found whole-word: ``spans(text)`` is
    ``term_spans(self.pattern, text)`` for their ``compile_terms`` pattern, found the fastest
    exact way the terms allow.

    - "literal": the pattern itself starts with the terms (they start with capitals or digits,
      rare in prose); its matches start where a term occurs, so a caller that already knows
      where ``start_words`` occur can have the pattern tried only there.
    - "split": the pattern looks at every word boundary, because several terms start with a
      lower-case letter ("pCR", "iDFS"), which is everywhere in prose. A literal-first pattern
      for the other terms lets the regex engine skip to candidates (2-3x faster); the
      lower-case ones seldom occur at all and are found with ``str.find``. Exact when every
      term starts and ends with a letter or digit (see ``_split_spans``).
    - "plain": the pattern, run over the whole text.
    """

    def __init__(self, terms: list[str]) -> None:
        terms = sorted({t for t in terms if t})
        self.pattern = compile_terms(terms, ignore_case=False)
        # Words whose occurrences a caller's ``starts`` must include (see ``spans``).
        self.start_words: tuple[str, ...] = ()
        if self.pattern is None:
            self.form = "empty"
        elif not self.pattern.groups:
            self.form = "literal"
            self.start_words = tuple(terms)
        elif all(_ALNUM.fullmatch(t[0]) and _ALNUM.fullmatch(t[-1]) for t in terms):
            self.form = "split"
            self._init_split(terms)
        else:
            self.form = "plain"

    def _init_split(self, terms: list[str]) -> None:
        self.lower_first = tuple(t for t in terms if t[0].islower())
        self.lower_first_finds = _find_prefixes(self.lower_first)
        upper = [t for t in terms if not t[0].islower()]
        end = f"(?!{_NOT_AFTER})"
        self.upper = re.compile(trie_pattern(upper, not_after=_NOT_AFTER) + end) if upper else None
        self.every = re.compile(trie_pattern(terms, not_after=_NOT_AFTER) + end)

    def spans(
        self, text: str, starts: list[int] | None = None, hyphened: str | None = None
    ) -> list[tuple[int, int]]:
        """(start, end) of each term found, in text order. ``starts``: sorted offsets that
        include every occurrence of each of ``start_words``, if the caller has them;
        ``hyphened``: ``letter_dashes_as_hyphens(text)`` if the caller has it."""
        if self.pattern is None:
            return []
        if hyphened is None:
            hyphened = letter_dashes_as_hyphens(text)
        if hyphened is not text:
            text, starts = hyphened, None  # (``starts`` were found on the dashes: "T–DM1")
        if self.form == "literal":
            if starts is not None:
                return [m.span() for m in finditer_at(self.pattern, text, starts)]
            return list(map(SPAN, self.pattern.finditer(text)))
        if self.form == "split":
            return self._split_spans(text)
        return term_spans(self.pattern, text)

    def _split_spans(self, text: str) -> list[tuple[int, int]]:
        # A term with both ends letters or digits is found at the same places whether the scan
        # looks for a boundary before it or looks behind its first character.
        spans = list(map(SPAN, self.upper.finditer(text))) if self.upper else []
        lower = self._lower_first_spans(text)
        if not lower:
            return spans
        # The whole scan takes the leftmost match, then the next one from where it ended. The two
        # kinds of terms never start at the same place, so when no match of one scan overlaps
        # one of the other, together they are what the whole scan takes.
        spans = sorted(spans + lower)
        if any(b[0] < a[1] for a, b in zip(spans, spans[1:], strict=False)):
            return term_spans(self.pattern, text)
        return spans

    def _lower_first_spans(self, text: str) -> list[tuple[int, int]]:
        """The longest term matching at each occurrence of a lower-case-first term (only
        such terms start with a lower-case letter)."""
        starts: set[int] = set()
        find = text.find
        for t in self.lower_first_finds:
            i = find(t)
            while i >= 0:
                starts.add(i)
                i = find(t, i + 1)
        out = []
        for i in starts:
            m = self.every.match(text, i)
            if m is not None:
                out.append(m.span())
        return out


def _find_prefixes(terms: tuple[str, ...]) -> tuple[str, ...]:
    """Prefixes whose occurrences include every occurrence of each of ``terms`` (the places
    ``SensitiveTerms._lower_first_spans`` tries its pattern): each term up to its first
    character that is not a lower-case letter ("mP" for "mPFS", "mPFSs", the rare part of
    "intracranial PFS"), without the ones another of them starts ("pCRs" after "pC"). Fewer
    ``str.find`` passes (20 lower-case-first end point terms, 14 prefixes), no more places: a
    capital is rare in prose."""
    cut = set()
    for t in terms:
        k = next((i for i, c in enumerate(t) if not c.islower()), len(t) - 1)
        cut.add(t[: k + 1])
    return tuple(sorted(p for p in cut if not any(q != p and p.startswith(q) for q in cut)))


def starts_finder(words: list[str]) -> re.Pattern[str]:
    """A pattern whose ``finditer`` gives one match at the start of every occurrence of any of
    ``words`` (overlapping ones too): each match is the word's first character, followed by a
    lookahead (a trie) for its rest. The pattern starts with those first characters, so the
    regex engine skips to them: one pass finds what ``str.find`` per word would."""
    rests: dict[str, list[str]] = {}
    for word in sorted({w for w in words if w}):
        rests.setdefault(word[0], []).append(word[1:])
    branches = []
    for first, tails in rests.items():
        rest = "" if "" in tails else trie_pattern(tails)  # a one-letter word: always there
        branches.append(re.escape(first) + (f"(?={rest})" if rest else ""))
    return re.compile("|".join(branches) or "(?!)")


def lower_same_length(text: str) -> str:
    """``text.lower()`` with offsets kept (the few letters whose lower case is longer stay)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


@dataclass
class DrugLexicon:
    """Drug names → canonical generic names, plus regimen abbreviations → component drugs."""

    entries: list[dict]
    canonical_of: dict[str, str] = field(default_factory=dict)  # lower-case term → canonical
    exact_of: dict[str, str] = field(
        default_factory=dict
    )  # case-sensitive abbreviation → canonical
    components: dict[str, list[str]] = field(default_factory=dict)  # regimen → drugs
    drug_class: dict[str, str] = field(default_factory=dict)
    # drug class a group may be named by ("the anthracycline group") → its drugs: the entries'
    # optional "subclass" field ("anthracycline", "taxane")
    class_members: dict[str, frozenset[str]] = field(default_factory=dict)
    kind: dict[str, str] = field(default_factory=dict)  # canonical → drug | regimen | placebo
    insensitive: re.Pattern[str] | None = None
    sensitive: SensitiveTerms = field(default_factory=lambda: SensitiveTerms([]))
    # canonical → (mention kind, drugs it stands for), worked out once (see ``mention_of``)
    mentions: dict[str, tuple[str, list[str]]] = field(default_factory=dict)
    # drug → the lower-case letters a regimen short form may name it by: the initials of its
    # name and brands (doxorubicin: "d", "a" for Adriamycin, as in "AC")
    letters: dict[str, frozenset[str]] = field(default_factory=dict)
    # short forms of regimens of chemotherapy only ("FEC", "EC", "AC"), longest first: the ones
    # a dose is written onto ("FEC100"); not those with an antibody ("TP53" is a gene, not TP)
    dosable_shorts: tuple[str, ...] = ()
    # regimen short forms that are also common words of other fields ("HP": Helicobacter
    # pylori, "TP": total protein, "XL"): the entries' optional "ambiguous_abbreviations";
    # written undefined they are drugs only in a treatment context (``drugs.lexical.regimen_shorts_in_context``)
    ambiguous: frozenset[str] = frozenset()

    @classmethod
    def from_entries(cls, entries: list[dict]) -> DrugLexicon:
        lex = cls(entries=entries)
        for e in entries:
            canon = e["canonical"]
            lex.kind[canon] = e.get("kind", "drug")
            lex.drug_class[canon] = e.get("class", "")
            if e.get("subclass"):
                members = lex.class_members.get(e["subclass"], frozenset())
                lex.class_members[e["subclass"]] = members | {canon}
            if e.get("components"):
                lex.components[canon] = sorted(e["components"])
            names = [] if lex.kind[canon] == "regimen" else [canon]
            for f in DRUG_TERM_FIELDS:
                names.extend(e.get(f, []))
            for n in names:
                lex.canonical_of.setdefault(n.lower(), canon)
            for a in e.get("abbreviations", []):
                lex.exact_of.setdefault(a, canon)
            lex.ambiguous |= frozenset(e.get("ambiguous_abbreviations", ()))
            if lex.kind[canon] == "drug":
                lex.letters[canon] = initials_of([canon, *e.get("brands", [])])
        lex.insensitive = compile_terms(list(lex.canonical_of), ignore_case=True)
        lex.sensitive = SensitiveTerms(list(lex.exact_of))
        lex.mentions = {canon: lex._mention(canon) for canon in lex.kind}
        lex.dosable_shorts = lex._chemotherapy_shorts()
        return lex

    def _chemotherapy_shorts(self) -> tuple[str, ...]:
        out = []
        for short, canon in self.exact_of.items():
            drugs = self.components.get(canon) if self.kind.get(canon) == "regimen" else None
            if drugs and all(self.drug_class.get(d) == "chemotherapy" for d in drugs):
                out.append(short)
        return tuple(sorted(out, key=len, reverse=True))

    def _mention(self, canonical: str) -> tuple[str, list[str]]:
        kind = self.kind.get(canonical, "drug")
        if self.drug_class.get(canonical) in SUPPORTIVE_CLASSES:
            kind = "supportive"  # a drug, but never part of a treatment arm
        return kind, [] if kind == "placebo" else self.expand(canonical)

    def mention_of(self, canonical: str) -> tuple[str, list[str]]:
        """(hit kind, drugs) of a mention of ``canonical``: its lexicon kind, "supportive" for
        supportive-care drugs; placebo stands for no drug, a regimen for its components. The
        drug list is shared: copy it before handing it out."""
        found = self.mentions.get(canonical)
        return self._mention(canonical) if found is None else found

    def lookup(self, text: str) -> str | None:
        """Canonical name for a written form (exact abbreviation first, then case-insensitive)."""
        return self.exact_of.get(text) or self.canonical_of.get(text.lower())

    def expand(self, canonical: str) -> list[str]:
        """Drugs a canonical entry stands for (a regimen expands to its components)."""
        return self.components.get(canonical, [canonical])


def initials_of(names: list[str]) -> frozenset[str]:
    """The lower-cased first letter of each name ("5-fluorouracil": "f")."""
    return frozenset(m.group().lower() for n in names if (m := _FIRST_LETTER.search(n)))


_FIRST_LETTER = re.compile(r"[A-Za-z]")


@dataclass
class TrialLexicon:
    entries: list[dict]
    terms: SensitiveTerms = field(default_factory=lambda: SensitiveTerms([]))  # the names
    registry_of: dict[str, str] = field(default_factory=dict)  # trial name → NCT id
    names: list[str] = field(default_factory=list)  # the terms of ``terms``
    # ``starts_finder`` of the names and the trial-id words of ``trials.py`` (built on first use)
    starts: re.Pattern[str] | None = None

    @classmethod
    def from_entries(cls, entries: list[dict]) -> TrialLexicon:
        names: list[str] = []
        lex = cls(entries=entries)
        for e in entries:
            for n in [e["name"], *e.get("aliases", [])]:
                names.append(n)
                # Some journals print trial names in small caps → upper case in the abstract.
                names.append(n.upper())
            for rid in e.get("registry_ids", []):
                lex.registry_of[e["name"]] = rid
        lex.terms = SensitiveTerms(names)
        lex.names = sorted(set(names))
        return lex


@dataclass
class EndpointLexicon:
    entries: list[dict]
    code_of: dict[str, str] = field(default_factory=dict)  # lower-case term → code
    exact_of: dict[str, str] = field(default_factory=dict)  # abbreviation → code
    kind: dict[str, str] = field(default_factory=dict)  # code → time_to_event | rate | safety
    insensitive: re.Pattern[str] | None = None
    sensitive: SensitiveTerms = field(default_factory=lambda: SensitiveTerms([]))

    @classmethod
    def from_entries(cls, entries: list[dict]) -> EndpointLexicon:
        lex = cls(entries=entries)
        for e in entries:
            lex.kind[e["code"]] = e.get("kind", "time_to_event")
            for t in e.get("terms", []):
                lex.code_of.setdefault(t.lower(), e["code"])
            for a in e.get("abbreviations", []):
                lex.exact_of.setdefault(a, e["code"])
        _add_plural_responses(lex)
        _add_abbreviation_forms(lex)
        lex.insensitive = compile_terms(list(lex.code_of), ignore_case=True)
        lex.sensitive = SensitiveTerms(list(lex.exact_of))
        return lex

    def lookup(self, text: str) -> str | None:
        # (``in`` and a subscript rather than a ``get`` call: every end point mention is
        # looked up, most of them abbreviations)
        if text in self.exact_of:
            return self.exact_of[text] or self.code_of.get(text.lower())
        code = self.code_of.get(text.lower())
        if code is None and not text.isascii():  # "Hand–foot syndrome"
            hyphened = letter_dashes_as_hyphens(text)
            if hyphened != text:
                return self.lookup(hyphened)
        return code


def _add_plural_responses(lex: EndpointLexicon) -> None:
    """The plural of each rate end point's "... response" term ("confirmed objective responses
    were observed in 31 (37%) of 83 patients"): a count of responders with its share is that
    rate. Only rate end points: "duration of responses" and the like stay unread."""
    for term, code in list(lex.code_of.items()):
        if term.endswith(" response") and lex.kind.get(code) == "rate":
            lex.code_of.setdefault(term + "s", code)


def _add_abbreviation_forms(lex: EndpointLexicon) -> None:
    """Written forms of the abbreviations that the list leaves out: the plural of a rate's
    ("ORRs were 70.6%, 37.5% and 29.7% in cohorts 1, 2 and 3") and the "m" (median) form of a
    time-to-event one ("mDoR was 8.3 months", as "mPFS" and "mOS" already are)."""
    for abbr, code in list(lex.exact_of.items()):
        if not abbr[-1].isupper() or not abbr.isalpha():
            continue
        kind = lex.kind.get(code)
        if kind == "rate":
            lex.exact_of.setdefault(abbr + "s", code)
        elif kind == "time_to_event" and abbr[0].isupper():
            lex.exact_of.setdefault("m" + abbr, code)


@dataclass
class Lexicons:
    drugs: DrugLexicon
    trials: TrialLexicon
    endpoints: EndpointLexicon


def load_lexicons(directory: Path | None = None) -> Lexicons:
    """Load and compile all lexicons (from the package data unless ``directory`` is given)."""
    if directory is None:
        return _default_lexicons()
    return _load(directory)


def _load(directory: Path | None) -> Lexicons:
    return Lexicons(
        drugs=DrugLexicon.from_entries(read_jsonl("drugs.jsonl", directory)),
        trials=TrialLexicon.from_entries(read_jsonl("trials.jsonl", directory)),
        endpoints=EndpointLexicon.from_entries(read_jsonl("endpoints.jsonl", directory)),
    )


@lru_cache(maxsize=1)
def _default_lexicons() -> Lexicons:
    return _load(None)
