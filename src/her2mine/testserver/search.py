"""Pure search logic: the PubMed ESearch term language (a useful subset) and a Crossref-like
relevance score for ``query.bibliographic``.

PubMed evaluates Boolean operators left to right (no precedence); parentheses group. Adjacent
terms without an operator are ANDed. Matching is case-insensitive on word tokens.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter, deque
from collections.abc import Iterable
from dataclasses import dataclass

from her2mine.testserver.corpus import Corpus, CorpusWork, normalise_doi

WORD = re.compile(r"[a-z0-9]+\*?")
_TOKEN = re.compile(
    r'\s*(?:(?P<lp>\()|(?P<rp>\))|"(?P<q>[^"]*)"(?:\s*\[(?P<qtag>[^\]]*)\])?'
    r'|(?P<w>[^\s()"\[]+)(?:\s*\[(?P<wtag>[^\]]*)\])?)'
)
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "et",
        "al",
        "for",
        "from",
        "in",
        "into",
        "is",
        "it",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
        "vs",
        "versus",
        "was",
        "were",
        "who",
        "doi",
        "org",
        "http",
        "https",
        "www",
    ]
)
# Field tags (lower-case, as PubMed accepts them) -> the record fields they search.
FIELD_TAGS = {
    "doi": "doi",
    "pmid": "pmid",
    "uid": "pmid",
    "pm": "pmid",
    "pmc": "pmcid",
    "pmcid": "pmcid",
    "ti": "title",
    "title": "title",
    "tiab": "tiab",
    "title/abstract": "tiab",
    "ab": "abstract",
    "abstract": "abstract",
    "mh": "mesh",
    "mesh": "mesh",
    "mesh terms": "mesh",
    "majr": "mesh",
    "mesh major topic": "mesh",
    "ot": "keywords",
    "kw": "keywords",
    "keyword": "keywords",
    "other term": "keywords",
    "pt": "pubtype",
    "publication type": "pubtype",
    "si": "registry",
    "secondary source id": "registry",
    "au": "author",
    "author": "author",
    "ta": "journal",
    "journal": "journal",
    "jour": "journal",
    "dp": "pdat",
    "pdat": "pdat",
    "publication date": "pdat",
    "edat": "edat",
    "entrez date": "edat",
    "mdat": "mdat",
    "modification date": "mdat",
    "all fields": "all",
    "all": "all",
}
DATE_LABEL = {"edat": "Date - Entry", "pdat": "Date - Publication", "mdat": "Date - Modification"}


def tokens(text: str) -> list[str]:
    return WORD.findall(text.lower())


class TermError(ValueError):
    """The search term cannot be parsed."""


@dataclass
class Atom:
    text: str
    field: str  # a FIELD_TAGS value
    quoted: bool

    def translation(self) -> str:
        label = {
            "doi": "DOI",
            "pmid": "UID",
            "all": "All Fields",
            "tiab": "Title/Abstract",
            "title": "Title",
            "mesh": "MeSH Terms",
            "registry": "Secondary Source ID",
            "pubtype": "Publication Type",
            "author": "Author",
            "journal": "Journal",
            "keywords": "Other Term",
            "abstract": "Abstract",
            "pmcid": "PMC",
        }
        if self.field in DATE_LABEL:
            return f"{self.text}[{DATE_LABEL[self.field]}]"
        text = self.text.lower() if self.field != "doi" else normalise_doi(self.text)
        return f'"{text}"[{label.get(self.field, "All Fields")}]'


@dataclass
class Node:
    op: str  # AND | OR | NOT
    left: Node | Atom
    right: Node | Atom


def parse_term(term: str) -> Node | Atom:
    """Parse an ESearch ``term`` into a left-associative Boolean tree."""
    items: list = []
    pos = 0
    term = term.strip()
    while pos < len(term):
        m = _TOKEN.match(term, pos)
        if not m or m.end() == pos:
            if term[pos:].strip() == "":
                break
            raise TermError(f"cannot parse search term near {term[pos : pos + 30]!r}")
        pos = m.end()
        if m["lp"]:
            items.append("(")
        elif m["rp"]:
            items.append(")")
        elif m["q"] is not None:
            items.append(_atom(m["q"], m["qtag"], quoted=True))
        else:
            w = m["w"]
            if w in ("AND", "OR", "NOT") and not m["wtag"]:
                items.append(w)
            else:
                items.append(_atom(w, m["wtag"], quoted=False))
    if not items:
        raise TermError("empty search term")
    node, rest = _parse_seq(deque(items))
    if rest:
        raise TermError(f"unbalanced parentheses in {term!r}")
    return node


def _atom(text: str, tag: str | None, *, quoted: bool) -> Atom:
    field = FIELD_TAGS.get((tag or "all").strip().lower(), "all")
    return Atom(text=text, field=field, quoted=quoted)


def _parse_seq(items: deque) -> tuple[Node | Atom, deque]:
    node: Node | Atom | None = None
    op = "AND"
    while items:
        tok = items.popleft()
        if tok == ")":
            break
        if tok in ("AND", "OR", "NOT"):
            op = tok
            continue
        if tok == "(":
            operand, items = _parse_seq(items)
        else:
            operand = tok
        node = operand if node is None else Node(op, node, operand)
        op = "AND"  # adjacent terms without an operator are ANDed
    if node is None:
        raise TermError("empty group in search term")
    return node, items


def _spine(node: Node | Atom) -> tuple[Node | Atom, list[tuple[str, Node | Atom]]]:
    """Flatten the left-associative chain iteratively (1,000 OR-ed DOIs must not recurse)."""
    rest = []
    while isinstance(node, Node):
        rest.append((node.op, node.right))
        node = node.left
    return node, rest[::-1]


def translate(node: Node | Atom) -> str:
    first, rest = _spine(node)
    out = first.translation() if isinstance(first, Atom) else f"({translate(first)})"
    for op, right in rest:
        out += f" {op} " + (
            right.translation() if isinstance(right, Atom) else f"({translate(right)})"
        )
    return out


def atoms(node: Node | Atom) -> list[Atom]:
    first, rest = _spine(node)
    out: list[Atom] = []
    for part in [first] + [r for _, r in rest]:
        out.extend([part] if isinstance(part, Atom) else atoms(part))
    return out


# -- evaluation ------------------------------------------------------------------------
class SearchIndex:
    """Token lists per PubMed record, rebuilt when the corpus changes."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self._version = -1
        self._fields: dict[str, dict[str, list[str]]] = {}
        # field -> token -> pmids: word atoms intersect posting lists instead of scanning every
        # record, so a refresh benchmark over thousands of works is not dominated by the server.
        self._postings: dict[str, dict[str, set[str]]] = {}
        self._works: list[CorpusWork] = []

    def refresh(self) -> None:
        if self._version == self.corpus.version:
            return
        version = self.corpus.version
        self._works = [w for w in self.corpus.works() if w.in_pubmed and w.pmid]
        self._fields = {}
        for w in self._works:
            f = {
                "title": tokens(w.title),
                "abstract": tokens(w.abstract_text),
                "mesh": tokens(" | ".join(m.rstrip("*") for m in w.mesh)),
                "keywords": tokens(" | ".join(w.keywords)),
                "pubtype": tokens(" | ".join(w.publication_types)),
                "registry": tokens(" ".join(w.registry_ids)),
                "author": tokens(" | ".join(f"{a.family} {a.initials}" for a in w.authors)),
                "journal": tokens(f"{w.journal or ''} | {w.journal_abbrev or ''}"),
            }
            f["tiab"] = f["title"] + ["|"] + f["abstract"]
            f["all"] = f["tiab"] + ["|"] + f["mesh"] + ["|"] + f["keywords"] + ["|"] + f["registry"]
            self._fields[w.pmid] = f
        self._postings = {}
        for pmid, f in self._fields.items():
            for name, toks in f.items():
                post = self._postings.setdefault(name, {})
                for t in toks:
                    post.setdefault(t, set()).add(pmid)
        self._version = version

    def _candidates(self, field: str, query: list[str]) -> set[str]:
        """Records holding every query token in ``field`` (``x*`` = any token starting with x)."""
        post = self._postings.get(field, {})
        out: set[str] | None = None
        for q in query:
            if q.endswith("*"):
                hits = set().union(*(v for t, v in post.items() if t.startswith(q[:-1])))
            else:
                hits = post.get(q, set())
            out = set(hits) if out is None else out & hits
            if not out:
                return set()
        return out or set()

    def works(self) -> list[CorpusWork]:
        self.refresh()
        return self._works

    def match_atom(self, atom: Atom) -> set[str]:
        self.refresh()
        c = self.corpus
        if atom.field == "doi":
            w = c.by_doi(atom.text)
            return {w.pmid} if w is not None and w.in_pubmed and w.pmid else set()
        if atom.field == "pmid":
            w = c.by_pmid(atom.text)
            return {w.pmid} if w is not None and w.in_pubmed else set()
        if atom.field == "pmcid":
            w = c.by_pmcid(atom.text)
            return {w.pmid} if w is not None and w.in_pmc and w.pmid else set()
        if atom.field in DATE_LABEL:
            lo, hi = parse_date_range(atom.text)
            return {w.pmid for w in self._works if lo <= date_of(w, atom.field) <= hi}
        query = tokens(atom.text)
        if not query:
            return set()
        candidates = self._candidates(atom.field, query)
        if not atom.quoted or len(query) == 1:
            return candidates
        return {
            pmid
            for pmid in candidates
            if _contains(self._fields[pmid][atom.field], query, phrase=True)
        }


def _contains(toks: list[str], query: list[str], *, phrase: bool) -> bool:
    def eq(q: str, t: str) -> bool:
        return t.startswith(q[:-1]) if q.endswith("*") else t == q

    if not phrase or len(query) == 1:
        return all(any(eq(q, t) for t in toks) for q in query)
    n = len(query)
    return any(
        all(eq(q, t) for q, t in zip(query, toks[i : i + n], strict=True))
        for i in range(len(toks) - n + 1)
    )


def evaluate(node: Node | Atom, index: SearchIndex) -> set[str]:
    first, rest = _spine(node)
    result = index.match_atom(first) if isinstance(first, Atom) else evaluate(first, index)
    for op, right in rest:
        other = index.match_atom(right) if isinstance(right, Atom) else evaluate(right, index)
        if op == "AND":
            result &= other
        elif op == "OR":
            result |= other
        else:
            result -= other
    return result


def date_of(w: CorpusWork, datetype: str) -> dt.date:
    return {"edat": w.edat_date, "mdat": w.mdat_date, "pdat": w.pub_date}[datetype]


def parse_date(value: str, *, end: bool) -> dt.date:
    """'YYYY', 'YYYY/MM' or 'YYYY/MM/DD' (also '-' separators); ``end`` = last day of period."""
    parts = [p for p in re.split(r"[/\-]", value.strip()) if p]
    if not parts or len(parts) > 3 or not all(p.isdigit() for p in parts):
        raise TermError(f"invalid date {value!r}")
    y = int(parts[0])
    if len(parts) == 1:
        return dt.date(y, 12, 31) if end else dt.date(y, 1, 1)
    m = int(parts[1])
    if len(parts) == 2:
        if end:
            nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return dt.date(y, m, 1)
    return dt.date(y, m, int(parts[2]))


def parse_date_range(text: str) -> tuple[dt.date, dt.date]:
    lo, _, hi = text.partition(":")
    return parse_date(lo, end=False), parse_date(hi or lo, end=True)


# -- Crossref bibliographic relevance ---------------------------------------------------
def biblio_tokens(w: CorpusWork) -> list[str]:
    parts = [
        w.title,
        w.journal or "",
        w.journal_abbrev or "",
        w.container_title or "",
        str(w.year),
        w.volume or "",
        (w.pages or "").split("-")[0],
    ]
    parts += [f"{a.family} {a.given or ''}" for a in w.authors]
    return [t for t in tokens(" ".join(parts)) if t not in STOPWORDS]


def query_tokens(text: str) -> list[str]:
    return [t.rstrip("*") for t in tokens(text) if t not in STOPWORDS and len(t) > 1]


def rank(
    query: str, works: Iterable[CorpusWork], *, field: str = "bibliographic"
) -> list[tuple[float, CorpusWork]]:
    """Works with any token overlap, best first, with a BM25-like score (IDF-weighted overlap).

    IDF makes distinctive words (trial names, rare surnames) dominate, so a full reference
    string finds its work with a clear margin while two works sharing title, authors and
    year come out close.
    """
    works = list(works)
    docs = []
    for w in works:
        if field == "author":
            toks = tokens(" ".join(f"{a.family} {a.given or ''}" for a in w.authors))
        elif field == "container-title":
            toks = tokens(f"{w.container_title or ''} {w.journal or ''} {w.journal_abbrev or ''}")
        else:
            toks = biblio_tokens(w)
        docs.append(set(toks))
    n = len(docs)
    df = Counter(t for d in docs for t in d)
    q = set(query_tokens(query))
    scored = []
    for w, d in zip(works, docs, strict=True):
        hit = q & d
        if not hit:
            continue
        s = sum(math.log(1 + (n - df[t] + 0.5) / (df[t] + 0.5)) for t in hit)
        s *= 10.0 / math.sqrt(1 + 0.02 * len(d))  # mild length normalisation
        scored.append((round(s, 6), w))
    scored.sort(key=lambda x: (-x[0], x[1].doi or ""))
    return scored
