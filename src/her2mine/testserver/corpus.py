"""The in-memory corpus the protocol server answers from (SYNTHETIC test data).

A ``Corpus`` is a thread-safe, mutable collection of ``CorpusWork`` records. Each record knows
where it "exists" (PubMed, Crossref, PMC) so the server can reproduce the real gaps between the
services. Mutations (``add``, ``add_correction``, ``retract``, ``set_abstract``) bump the record's
modification date so incremental-refresh code can be tested with ``datetype=mdat``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import threading
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from her2mine.errors import InputError
from her2mine.fsutil import atomic_write_text
from her2mine.models import AbstractSection, Correction, Work

SYNTHETIC_DIR = Path(__file__).resolve().parents[1] / "data" / "synthetic"
DEFAULT_CORPUS_PATH = SYNTHETIC_DIR / "corpus.jsonl"
REVIEW_PATH = SYNTHETIC_DIR / "review.txt"

# RefTypes that link an original to a later notice, and the notice back to the original.
NOTICE_IN = {
    "ErratumIn": "correction",
    "RetractionIn": "retraction",
    "UpdateIn": "new_version",
    "ExpressionOfConcernIn": "expression_of_concern",
}
NOTICE_FOR = {
    "ErratumFor": "correction",
    "RetractionOf": "retraction",
    "UpdateOf": "new_version",
    "ExpressionOfConcernFor": "expression_of_concern",
}


@dataclass
class Author:
    family: str
    given: str | None = None
    affiliation: str | None = None

    @property
    def initials(self) -> str:
        return "".join(p[0] for p in re.split(r"[\s\-.]+", self.given or "") if p)

    def display(self) -> str:
        """ "Family, G." as in ``models.Work.authors``."""
        ini = " ".join(f"{c}." for c in self.initials)
        return f"{self.family}, {ini}" if ini else self.family


@dataclass
class CorpusWork:
    """One record of the synthetic corpus. Field names are the corpus.jsonl schema."""

    key: str  # stable short name, e.g. "cleopatra-2012"
    title: str
    year: int
    doi: str | None = None  # lower-case, no prefix
    pmid: str | None = None
    pmcid: str | None = None  # "PMC99000001"; only works in PMC
    journal: str | None = None  # full journal title (PubMed Journal/Title style)
    journal_abbrev: str | None = None  # ISO abbreviation / MedlineTA
    issn: str | None = None
    month: int | None = None
    day: int | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    edat: str = "2020-01-01"  # PubMed entrez date YYYY-MM-DD
    mdat: str | None = None  # last modification (DateRevised); defaults to edat
    abstract: list[AbstractSection] = field(default_factory=list)
    authors: list[Author] = field(default_factory=list)
    publication_types: list[str] = field(default_factory=lambda: ["Journal Article"])
    mesh: list[str] = field(default_factory=list)  # "Term" or "Term*" (major topic)
    keywords: list[str] = field(default_factory=list)
    registry_ids: list[str] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)  # PubMed CommentsCorrections
    in_pubmed: bool = True
    in_crossref: bool = True
    crossref_type: str = "journal-article"
    container_title: str | None = None  # Crossref container (book title for chapters)
    isbn: str | None = None
    publisher: str = "Synthetic Test Publisher"
    language: str = "eng"
    synthetic: bool = True

    def __post_init__(self) -> None:
        if self.doi:
            self.doi = normalise_doi(self.doi)
        if self.pmid is not None:
            self.pmid = str(self.pmid)
        self.mdat = self.mdat or self.edat
        if isinstance(self.abstract, str):  # convenience: a plain abstract as one string
            self.abstract = [AbstractSection(None, None, self.abstract)] if self.abstract else []
        self.authors = [Author(**a) if isinstance(a, dict) else a for a in self.authors]

    # -- convenience views -------------------------------------------------------------
    @property
    def abstract_text(self) -> str:
        return " ".join(s.text for s in self.abstract if s.text)

    @property
    def in_pmc(self) -> bool:
        return bool(self.pmcid) and self.in_pubmed

    @property
    def pub_date(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def edat_date(self) -> dt.date:
        return dt.date.fromisoformat(self.edat)

    @property
    def mdat_date(self) -> dt.date:
        return dt.date.fromisoformat(self.mdat or self.edat)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> CorpusWork:
        known = {f.name for f in fields(cls)}
        unknown = set(d) - known
        if unknown:
            raise InputError(f"corpus record {d.get('key')!r}: unknown fields {sorted(unknown)}")
        d = dict(d)
        d["authors"] = [a if isinstance(a, Author) else Author(**a) for a in d.get("authors", [])]
        abstract = d.get("abstract", [])
        if isinstance(abstract, str):  # plain abstract written as one string
            abstract = [{"label": None, "category": None, "text": abstract}]
        d["abstract"] = [
            s if isinstance(s, AbstractSection) else AbstractSection(**s) for s in abstract
        ]
        d["corrections"] = [
            c if isinstance(c, Correction) else Correction(**c) for c in d.get("corrections", [])
        ]
        return cls(**d)

    def to_work(self) -> Work:
        """The ``models.Work`` a correct client should build from this record (for tests)."""
        return Work(
            doi=self.doi,
            pmid=self.pmid if self.in_pubmed else None,
            pmcid=self.pmcid if self.in_pmc else None,
            title=self.title,
            abstract=self.abstract_text or None,
            abstract_sections=[AbstractSection(s.label, s.category, s.text) for s in self.abstract],
            journal=self.journal,
            year=self.year,
            authors=[a.display() for a in self.authors],
            publication_types=list(self.publication_types),
            mesh=[m.rstrip("*") for m in self.mesh],
            keywords=list(self.keywords),
            registry_ids=list(self.registry_ids),
            corrections=[Correction(**asdict(c)) for c in self.corrections],
        )


def normalise_doi(doi: str) -> str:
    d = doi.strip()
    d = re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", d, flags=re.I)
    return d.lower()


def _today() -> str:
    return dt.date.today().isoformat()


class Corpus:
    """Thread-safe collection of works, indexed by DOI, PMID and PMCID."""

    def __init__(self, works: Iterable[CorpusWork] = ()) -> None:
        self._lock = threading.RLock()
        self._works: list[CorpusWork] = []
        self._by_doi: dict[str, CorpusWork] = {}
        self._by_pmid: dict[str, CorpusWork] = {}
        self._by_pmcid: dict[str, CorpusWork] = {}
        self.version = 0  # bumped on every change (lets caches know they are stale)
        for w in works:
            self.add(w)

    # -- reading ---------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._works)

    def __iter__(self) -> Iterator[CorpusWork]:
        with self._lock:
            return iter(list(self._works))

    def works(self) -> list[CorpusWork]:
        with self._lock:
            return list(self._works)

    def by_doi(self, doi: str) -> CorpusWork | None:
        return self._by_doi.get(normalise_doi(doi))

    def by_pmid(self, pmid: str | int) -> CorpusWork | None:
        return self._by_pmid.get(str(pmid).strip())

    def by_pmcid(self, pmcid: str) -> CorpusWork | None:
        p = pmcid.strip().upper()
        return self._by_pmcid.get(p if p.startswith("PMC") else f"PMC{p}")

    def get(self, ident: str | int) -> CorpusWork | None:
        """Look a work up by DOI, PMID or PMCID."""
        s = str(ident).strip()
        if s.isdigit():
            return self.by_pmid(s)
        if s.upper().startswith("PMC"):
            return self.by_pmcid(s)
        return self.by_doi(s)

    def require(self, ident: str | int) -> CorpusWork:
        w = self.get(ident)
        if w is None:
            raise InputError(f"no work {ident!r} in the test corpus")
        return w

    def dois(self, *, crossref: bool | None = None, pubmed: bool | None = None) -> list[str]:
        """DOIs in corpus order, optionally only those (not) in Crossref / PubMed."""
        return [
            w.doi
            for w in self.works()
            if w.doi
            and (crossref is None or w.in_crossref == crossref)
            and (pubmed is None or w.in_pubmed == pubmed)
        ]

    def pmids(self) -> list[str]:
        return [w.pmid for w in self.works() if w.pmid and w.in_pubmed]

    # -- changing --------------------------------------------------------------------
    def add(self, work: CorpusWork | Work | dict[str, Any]) -> CorpusWork:
        """Add a work (a ``CorpusWork``, a ``models.Work`` or a corpus.jsonl dict)."""
        w = _coerce(work, self)
        with self._lock:
            for ident, index in (
                (w.doi, self._by_doi),
                (w.pmid, self._by_pmid),
                (w.pmcid, self._by_pmcid),
            ):
                if ident and ident in index:
                    raise InputError(f"work {w.key!r}: {ident!r} is already in the corpus")
            self._works.append(w)
            if w.doi:
                self._by_doi[w.doi] = w
            if w.pmid:
                self._by_pmid[w.pmid] = w
            if w.pmcid:
                self._by_pmcid[w.pmcid.upper()] = w
            self.version += 1
        return w

    def extend(self, works: Iterable[CorpusWork | Work | dict[str, Any]]) -> Corpus:
        for w in works:
            self.add(w)
        return self

    def touch(self, work: CorpusWork, date: str | None = None) -> None:
        with self._lock:
            work.mdat = date or _today()
            self.version += 1

    def update(self, ident: str, *, date: str | None = None, **changes: Any) -> CorpusWork:
        """Change fields of a work (e.g. ``title=``, ``in_pmc``...) and bump its mdat."""
        w = self.require(ident)
        with self._lock:
            for k, v in changes.items():
                if k in ("doi", "pmid", "pmcid", "key"):
                    raise InputError(f"cannot change identifier field {k!r} of {ident!r}")
                if not hasattr(w, k):
                    raise InputError(f"unknown field {k!r} for {ident!r}")
                setattr(w, k, v)
            self.touch(w, date)
        return w

    def set_abstract(
        self, ident: str, abstract: str | list[AbstractSection], *, date: str | None = None
    ) -> CorpusWork:
        """Replace a work's abstract (a plain string, or structured sections)."""
        sections = (
            [AbstractSection(None, None, abstract)] if isinstance(abstract, str) else list(abstract)
        )
        return self.update(ident, abstract=sections, date=date)

    def add_correction(
        self, ident: str, correction: Correction, *, date: str | None = None
    ) -> CorpusWork:
        """Attach a CommentsCorrections link (ErratumIn, RetractionIn, UpdateIn...) to a work.

        If the correction points at a notice already in the corpus, the reverse link
        (ErratumFor, RetractionOf...) is added to the notice too.
        """
        w = self.require(ident)
        with self._lock:
            w.corrections.append(correction)
            notice = (
                self.get(correction.pmid or correction.doi or "")
                if (correction.pmid or correction.doi)
                else None
            )
            reverse = {
                "ErratumIn": "ErratumFor",
                "RetractionIn": "RetractionOf",
                "UpdateIn": "UpdateOf",
                "ExpressionOfConcernIn": "ExpressionOfConcernFor",
            }.get(correction.type)
            if (
                notice is not None
                and reverse
                and not any(
                    c.type == reverse and (c.pmid == w.pmid or c.doi == w.doi)
                    for c in notice.corrections
                )
            ):
                notice.corrections.append(
                    Correction(type=reverse, pmid=w.pmid, doi=w.doi, note=citation_note(w))
                )
                self.touch(notice, date)
            self.touch(w, date)
        return w

    def add_erratum(
        self,
        ident: str,
        *,
        date: str | None = None,
        text: str = "An error in a table of results was corrected.",
    ) -> CorpusWork:
        """Publish an erratum notice for a work (new PubMed + Crossref record) and link both."""
        return self._notice(ident, "Erratum", "Published Erratum", "ErratumIn", text, date)

    def retract(
        self,
        ident: str,
        *,
        date: str | None = None,
        reason: str = "The authors could not verify the underlying data.",
    ) -> CorpusWork:
        """Retract a work: adds a retraction notice, RetractionIn + 'Retracted Publication'
        on the original (and Crossref ``updated-by`` type retraction). Returns the notice."""
        notice = self._notice(
            ident, "Retraction", "Retraction of Publication", "RetractionIn", reason, date
        )
        w = self.require(ident)
        with self._lock:
            if "Retracted Publication" not in w.publication_types:
                w.publication_types.append("Retracted Publication")
        return notice

    def _notice(
        self, ident: str, label: str, pubtype: str, reftype: str, text: str, date: str | None
    ) -> CorpusWork:
        w = self.require(ident)
        day = dt.date.fromisoformat(date) if date else dt.date.today()
        with self._lock:
            n = sum(1 for c in w.corrections if c.type == reftype) + 1
            suffix = f"{label.lower()}{n if n > 1 else ''}"
            notice = CorpusWork(
                key=f"{w.key}-{suffix}",
                title=f"{label}: {w.title}",
                year=day.year,
                month=day.month,
                day=day.day,
                doi=f"{w.doi}.{suffix}" if w.doi else None,
                pmid=self._next_pmid() if w.in_pubmed else None,
                journal=w.journal,
                journal_abbrev=w.journal_abbrev,
                issn=w.issn,
                edat=day.isoformat(),
                abstract=[AbstractSection(None, None, text)],
                publication_types=[pubtype],
                in_pubmed=w.in_pubmed,
                in_crossref=w.in_crossref and bool(w.doi),
                publisher=w.publisher,
                corrections=[
                    Correction(
                        type=_reverse(reftype), pmid=w.pmid, doi=w.doi, note=citation_note(w)
                    )
                ],
            )
            self.add(notice)
            w.corrections.append(
                Correction(
                    type=reftype, pmid=notice.pmid, doi=notice.doi, note=citation_note(notice)
                )
            )
            self.touch(w, day.isoformat())
        return notice

    def _next_pmid(self) -> str:
        taken = [int(p) for p in self._by_pmid if p.isdigit()]
        return str(max(taken, default=99000000) + 1)

    # -- building ----------------------------------------------------------------------
    @classmethod
    def load(cls, path: str | Path | None = None) -> Corpus:
        return load_corpus(path)

    @classmethod
    def generate(cls, n: int = 1000, seed: int = 0, **kw: Any) -> Corpus:
        """A large SYNTHETIC corpus of ``n`` templated HER2 works (see ``generate.py``)."""
        from her2mine.testserver.generate import generate_works

        return cls(generate_works(n, seed=seed, **kw))

    def save(self, path: str | Path) -> None:
        """Write the corpus as JSONL (atomic: the old file stays if any record fails)."""
        text = "".join(json.dumps(w.to_dict(), ensure_ascii=False) + "\n" for w in self.works())
        atomic_write_text(path, text)


def _reverse(reftype: str) -> str:
    return {"ErratumIn": "ErratumFor", "RetractionIn": "RetractionOf", "UpdateIn": "UpdateOf"}.get(
        reftype, reftype
    )


def citation_note(w: CorpusWork) -> str:
    """A PubMed-style RefSource, e.g. 'N Engl J Med. 2012 Jan 12;366(2):109-19. doi: ...'."""
    parts = [f"{w.journal_abbrev or w.journal or ''}. {w.year}"]
    if w.month:
        parts[0] += " " + dt.date(2000, w.month, 1).strftime("%b")
    if w.volume:
        parts.append(f";{w.volume}" + (f"({w.issue})" if w.issue else ""))
    if w.pages:
        parts.append(f":{w.pages}")
    s = "".join(parts) + "."
    if w.doi:
        s += f" doi: {w.doi}."
    return s


def _coerce(work: CorpusWork | Work | dict[str, Any], corpus: Corpus) -> CorpusWork:
    if isinstance(work, CorpusWork):
        return work
    if isinstance(work, dict):
        return CorpusWork.from_dict(work)
    if isinstance(work, Work):
        authors = []
        for a in work.authors:
            fam, _, given = a.partition(",")
            authors.append(Author(family=fam.strip(), given=given.strip().replace(".", "") or None))
        sections = list(work.abstract_sections) or (
            [AbstractSection(None, None, work.abstract)] if work.abstract else []
        )
        return CorpusWork(
            key=work.doi or work.pmid or f"work-{len(corpus) + 1}",
            title=work.title or "",
            year=work.year or dt.date.today().year,
            doi=work.doi,
            pmid=work.pmid,
            pmcid=work.pmcid,
            journal=work.journal,
            abstract=sections,
            authors=authors,
            publication_types=list(work.publication_types) or ["Journal Article"],
            mesh=list(work.mesh),
            keywords=list(work.keywords),
            registry_ids=list(work.registry_ids),
            corrections=list(work.corrections),
            edat=_today(),
            in_pubmed=work.pmid is not None,
            in_crossref=work.doi is not None,
        )
    raise InputError(f"cannot add {type(work).__name__} to the corpus")


def load_corpus(path: str | Path | None = None) -> Corpus:
    """Load a corpus.jsonl (default: the bundled SYNTHETIC HER2 corpus)."""
    p = Path(path) if path else DEFAULT_CORPUS_PATH
    if not p.is_file():
        raise InputError(f"corpus file not found: {p}")
    works = []
    with p.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                works.append(CorpusWork.from_dict(json.loads(line)))
            except (json.JSONDecodeError, TypeError) as e:
                raise InputError(f"{p}:{n}: bad corpus record: {e}") from e
    return Corpus(works)
