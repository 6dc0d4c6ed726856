"""Plain data shared between stages: references, works (bibliographic records), extractions.

Kept as dataclasses with ``to_dict`` so every stage can emit JSON and tables without knowing the
others' internals. Field names here are the public output schema (README data dictionary).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Reference:
    """One cited work in a reference list (or one line of a DOI list)."""

    source: str  # the file it came from (or "<cli>")
    source_doi: str | None  # DOI of the citing review itself, when the file states it
    index: int  # 1-based position of the (first) citation in the list
    raw: str  # the reference string as written
    doi: str | None  # normalised: lower-case, no "doi:"/URL prefix
    authors: list[str] = field(default_factory=list)  # "Family, G." strings, in order
    year: int | None = None
    title: str | None = None
    journal: str | None = None
    duplicate_indexes: list[int] = field(default_factory=list)  # later citations of the same work

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Correction:
    """A link to an erratum, retraction, update... (PubMed CommentsCorrections, Crossref updates)."""

    type: (
        str  # e.g. ErratumIn, RetractionIn, UpdateIn, ExpressionOfConcernIn, (Crossref) retraction
    )
    pmid: str | None = None
    doi: str | None = None
    note: str | None = None  # RefSource text / Crossref label
    source: str = "pubmed"  # pubmed | crossref

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class AbstractSection:
    label: str | None  # as printed (Label attribute), None for unstructured abstracts
    category: str | None  # NlmCategory (BACKGROUND, METHODS, RESULTS, CONCLUSIONS, UNASSIGNED...)
    text: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Work:
    """A bibliographic record: from PubMed, from Crossref, or the merge of both.

    ``sources`` maps each filled field to where its value came from ("pubmed" | "crossref").
    ``status`` is ok | not_found | failed; ``reason`` explains the latter two.
    """

    doi: str | None = None
    pmid: str | None = None
    pmcid: str | None = None
    title: str | None = None
    abstract: str | None = None
    abstract_sections: list[AbstractSection] = field(default_factory=list)
    journal: str | None = None
    year: int | None = None
    authors: list[str] = field(default_factory=list)
    publication_types: list[str] = field(default_factory=list)
    mesh: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    registry_ids: list[str] = field(default_factory=list)  # e.g. NCT01120184
    corrections: list[Correction] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)
    status: str = "ok"
    reason: str | None = None
    journal_abbrev: str | None = None  # PubMed ISOAbbreviation / Crossref short-container-title

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Document:
    """A text to extract from: title + abstract, with registry ids the record itself names."""

    id: str  # pmid, doi or file stem
    text: str  # title, blank line, abstract (offsets in outputs refer to this string)
    registry_ids: list[str] = field(default_factory=list)  # DataBankList accession numbers
    title: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Mention:
    """A drug, trial or endpoint mention found in a text."""

    kind: str  # drug | trial | endpoint
    text: str  # as written
    canonical: str  # canonical id: generic drug name, trial name/registry id, endpoint code
    start: int  # character offsets in the input text
    end: int
    sentence: str
    source: str = "rules"  # rules | model | databank | abbreviation

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Outcome:
    """One numeric result tied to its endpoint, arm and sentence."""

    endpoint: str  # PFS, OS, ORR, DOR, CBR, DFS, IDFS, pCR, TTP, CNS-PFS, ILD, AE_G3...
    arm: str | None  # '+'-joined sorted canonical drug names; None for between-arm/whole population
    measure: str  # median | rate | HR | OR | incidence
    value: float | None  # None for "not reached"
    unit: str | None  # months, %, ...
    ci_low: float | None
    ci_high: float | None
    p: str | None  # normalised: "<0.001", "0.012"
    sentence: str
    start: int  # offsets of the value in the input text
    end: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Extraction:
    """Everything the extraction pipeline found in one document."""

    id: str
    drugs: list[str] = field(default_factory=list)  # sorted unique canonical names
    trials: list[str] = field(default_factory=list)  # sorted unique, as written
    outcomes: list[Outcome] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    def to_dict(self, *, with_mentions: bool = False) -> dict[str, Any]:
        d = {
            "id": self.id,
            "drugs": self.drugs,
            "trials": self.trials,
            "outcomes": [o.to_dict() for o in self.outcomes],
        }
        if with_mentions:
            d["mentions"] = [m.to_dict() for m in self.mentions]
        return d
