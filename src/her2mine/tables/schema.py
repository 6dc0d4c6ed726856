"""Schemas of the curated tables: the single source of truth for types, keys and the README
data dictionary (``data_dictionary_markdown``), plus explicit validation with clear errors."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field

import pandas as pd
import pyarrow as pa

from her2mine.errors import InputError

STR = pa.string()
INT = pa.int64()
FLOAT = pa.float64()
BOOL = pa.bool_()
STR_LIST = pa.list_(pa.string())
INT_LIST = pa.list_(pa.int64())
FLOAT_LIST = pa.list_(pa.float64())

RESOLUTION_STATUSES = ("doi_in_text", "matched", "ambiguous", "no_match", "pending")
REVIEW_STATUSES = ("pending", "accepted", "rejected", "corrected", "stale")
DECISIONS = ("accepted", "rejected", "corrected")
REVIEW_TARGETS = ("outcomes", "works", "references")
RUN_STATUSES = ("running", "completed", "failed")


@dataclass(frozen=True)
class Column:
    name: str
    type: pa.DataType
    doc: str
    nullable: bool = True
    allowed: tuple[str, ...] | None = None


@dataclass(frozen=True)
class TableSpec:
    name: str
    key: str
    doc: str
    columns: tuple[Column, ...] = field(default_factory=tuple)

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def arrow_schema(self) -> pa.Schema:
        return pa.schema([pa.field(c.name, c.type, nullable=c.nullable) for c in self.columns])

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)


def C(name, type_, doc, nullable=True, allowed=None) -> Column:  # noqa: N802 - table literal
    return Column(name, type_, doc, nullable, allowed)


SPECS: dict[str, TableSpec] = {
    t.name: t
    for t in [
        TableSpec(
            "references",
            "reference_id",
            "One row per entry of a citing review's reference list (citing review -> cited work).",
            (
                C(
                    "reference_id",
                    STR,
                    "Row id: hash of {citing: source_doi or source, index}.",
                    False,
                ),
                C("source", STR, "File the reference list came from (or `<cli>`).", False),
                C("source_doi", STR, "DOI of the citing review, when known."),
                C("index", INT, "1-based position of the (first) citation in the list.", False),
                C("raw", STR, "The reference string as written.", False),
                C("doi", STR, "DOI written in the reference (normalised lower-case)."),
                C("authors", STR_LIST, "Authors as `Family, G.` strings, in order.", False),
                C("year", INT, "Publication year parsed from the reference."),
                C("title", STR, "Title parsed from the reference."),
                C("journal", STR, "Journal parsed from the reference."),
                C("duplicate_indexes", INT_LIST, "Later positions citing the same work.", False),
                C(
                    "resolution_status",
                    STR,
                    "How the cited work was identified.",
                    False,
                    RESOLUTION_STATUSES,
                ),
                C(
                    "resolution_confidence",
                    FLOAT,
                    "0-1 score of the resolution (1 for a DOI in text).",
                ),
                C("resolved_doi", STR, "DOI the reference resolved to (lower-case)."),
                C(
                    "resolution_reason",
                    STR,
                    "Why the reference is not resolved (e.g. `failed: HTTP 503`), when known.",
                ),
                C(
                    "work_id",
                    STR,
                    "work_id of the resolved work, else of the citation-only Work fetch makes for an unresolved reference (joins `works.work_id`).",
                ),
                C(
                    "reference_hash",
                    STR,
                    "Hash of raw + resolution_status + resolved_doi "
                    "(staleness of curator decisions on this row).",
                    False,
                ),
            ),
        ),
        TableSpec(
            "works",
            "work_id",
            "Merged bibliographic records (PubMed + Crossref), one per work.",
            (
                C(
                    "work_id",
                    STR,
                    "Row id: hash of {doi} (lower-case), else {pmid}, else {pmcid}, else {title (lower-case, spaces collapsed), year, first_author} (unresolved references).",
                    False,
                ),
                C("doi", STR, "DOI, lower-case."),
                C("pmid", STR, "PubMed id."),
                C("pmcid", STR, "PubMed Central id (PMC...)."),
                C("title", STR, "Title."),
                C("abstract", STR, "Abstract text (sections joined)."),
                C("journal", STR, "Journal name."),
                C("year", INT, "Publication year."),
                C("authors", STR_LIST, "Authors as `Family, G.` strings.", False),
                C("publication_types", STR_LIST, "PubMed publication types.", False),
                C("mesh", STR_LIST, "MeSH descriptor names.", False),
                C("keywords", STR_LIST, "Author keywords.", False),
                C(
                    "registry_ids",
                    STR_LIST,
                    "Trial registry ids the record names (e.g. NCT01120184).",
                    False,
                ),
                C(
                    "corrections",
                    STR,
                    "JSON list of {type, pmid, doi, note, source}: errata, retractions, updates.",
                    False,
                ),
                C(
                    "sources",
                    STR,
                    "JSON object: field -> `pubmed`, `crossref`, `pubmed+crossref` (unions), `input` or "
                    "`reference`.",
                    False,
                ),
                C("status", STR, "`ok` | `not_found` | `failed`.", False),
                C("reason", STR, "Why status is not ok."),
                C(
                    "is_retracted",
                    BOOL,
                    "A correction of type RetractionIn / retraction exists.",
                    False,
                ),
                C(
                    "has_erratum",
                    BOOL,
                    "A correction of type ErratumIn / correction / erratum exists.",
                    False,
                ),
                C("has_expression_of_concern", BOOL, "An expression of concern exists.", False),
                C(
                    "content_hash",
                    STR,
                    "Hash of title, abstract, journal, year, authors, types, "
                    "registry ids, corrections, status (detects changed records).",
                    False,
                ),
                C("first_seen_run", STR, "run_id of the first run that wrote this work."),
                C("last_seen_run", STR, "run_id of the latest run that wrote this work."),
            ),
        ),
        TableSpec(
            "mentions",
            "mention_id",
            "Drug, trial and endpoint mentions found in each work's title + abstract.",
            (
                C("mention_id", STR, "Row id: hash of {work_id, kind, canonical, ordinal}.", False),
                C("work_id", STR, "Work the mention is in (joins `works`).", False),
                C("kind", STR, "`drug` | `trial` | `endpoint`.", False),
                C("text", STR, "The mention as written.", False),
                C(
                    "canonical",
                    STR,
                    "Canonical id (generic drug name, trial name, endpoint code).",
                    False,
                ),
                C("sentence", STR, "Sentence containing the mention."),
                C(
                    "start",
                    INT,
                    "Start offset in the document text (title, blank line, abstract).",
                    False,
                ),
                C("end", INT, "End offset (exclusive).", False),
                C(
                    "source",
                    STR,
                    "`rules` | `stem` | `code` | `abbreviation` | `model` | `databank`.",
                ),
                C(
                    "ordinal",
                    INT,
                    "0-based rank among the work's mentions with the same "
                    "(kind, canonical), in text order.",
                    False,
                ),
            ),
        ),
        TableSpec(
            "outcomes",
            "evidence_id",
            "The evidence rows: one numeric result tied to its endpoint, arm and sentence.",
            (
                C(
                    "evidence_id",
                    STR,
                    "Row id: hash of {work_id, endpoint, measure, arm, ordinal}.",
                    False,
                ),
                C("work_id", STR, "Work the result is from (joins `works`).", False),
                C("doi", STR, "DOI of the work."),
                C("pmid", STR, "PMID of the work."),
                C(
                    "trial",
                    STR,
                    "Trial the result belongs to: a trial named in the sentence, "
                    "else the work's primary (most mentioned) trial.",
                ),
                C(
                    "trial_source",
                    STR,
                    "`sentence` | `work` | `none`: where `trial` came from.",
                    False,
                ),
                C("endpoint", STR, "Endpoint code (PFS, OS, ORR, pCR, ...).", False),
                C("arm", STR, "'+'-joined canonical drug names; null for between-arm results."),
                C("measure", STR, "`median` | `rate` | `HR` | `OR` | `incidence`.", False),
                C("value", FLOAT, "The number; null for 'not reached'."),
                C("unit", STR, "Unit (months, %, ...)."),
                C("ci_low", FLOAT, "Lower confidence limit."),
                C("ci_high", FLOAT, "Upper confidence limit."),
                C("p", STR, "p-value as text (`<0.001`, `0.012`)."),
                C("sentence", STR, "Sentence the result was read from.", False),
                C("start", INT, "Start offset of the value in the document text.", False),
                C("end", INT, "End offset of the value (exclusive).", False),
                C(
                    "ordinal",
                    INT,
                    "0-based rank among the work's results with the same "
                    "(endpoint, measure, arm), in text order.",
                    False,
                ),
                C(
                    "evidence_hash",
                    STR,
                    "Hash of sentence, value, unit, ci_low, ci_high, p, arm, endpoint, measure.",
                    False,
                ),
                C("retracted", BOOL, "The work is retracted.", False),
                C(
                    "review_status",
                    STR,
                    "Derived from the current curator decision.",
                    False,
                    REVIEW_STATUSES,
                ),
            ),
        ),
        TableSpec(
            "trials",
            "trial",
            "One row per trial named in the works or attributed to results.",
            (
                C("trial", STR, "Canonical trial name (or registry id).", False),
                C("n_works", INT, "Number of works naming the trial.", False),
                C("works", STR_LIST, "work_ids naming the trial (sorted).", False),
                C(
                    "drugs",
                    STR_LIST,
                    "Drugs of the trial: arms of its results and drugs named in "
                    "the same sentences as the trial.",
                    False,
                ),
                C("nct_ids", STR_LIST, "ClinicalTrials.gov ids linked to the trial.", False),
                C("n_outcomes", INT, "Number of outcome rows attributed to the trial.", False),
            ),
        ),
        TableSpec(
            "evidence_matrix",
            "cell_id",
            "Trial x endpoint x arm x measure summary of the usable evidence (rejected and "
            "retracted rows excluded, curator corrections applied).",
            (
                C("cell_id", STR, "Row id: hash of {trial, endpoint, arm, measure, unit}.", False),
                C("trial", STR, "Trial (null: results not attributed to a trial)."),
                C("endpoint", STR, "Endpoint code.", False),
                C("arm", STR, "Arm (null: between-arm results such as HR)."),
                C("measure", STR, "Measure.", False),
                C("unit", STR, "Unit."),
                C("n_rows", INT, "Outcome rows in the cell (including 'not reached').", False),
                C("n_values", INT, "Rows with a numeric value.", False),
                C("values", FLOAT_LIST, "The numeric values, ascending.", False),
                C("min", FLOAT, "Smallest value."),
                C("max", FLOAT, "Largest value."),
                C("works", STR_LIST, "work_ids contributing (sorted).", False),
                C("evidence_ids", STR_LIST, "evidence_ids contributing (sorted).", False),
                C(
                    "n_excluded",
                    INT,
                    "Rows left out (rejected, retracted, or work rejected).",
                    False,
                ),
            ),
        ),
        TableSpec(
            "review",
            "decision_id",
            "Curator decisions (history: every decision is a row; the latest per target row is "
            "current). Never rebuilt by a pipeline refresh, only re-flagged.",
            (
                C("decision_id", STR, "Row id: hash of {id, target, curator, at, seq}.", False),
                C("target", STR, "Table the decision is about.", False, REVIEW_TARGETS),
                C(
                    "evidence_id",
                    STR,
                    "Id of the reviewed row: `outcomes.evidence_id`, "
                    "`works.work_id` or `references.reference_id` (per `target`).",
                    False,
                ),
                C("decision", STR, "Curator decision.", False, DECISIONS),
                C("curator", STR, "Who decided.", False),
                C("decided_at", STR, "When (UTC, ISO 8601, microseconds).", False),
                C("note", STR, "Free-text note."),
                C("corrected_value", FLOAT, "Corrected value (outcomes, decision=corrected)."),
                C("corrected_arm", STR, "Corrected arm (outcomes, decision=corrected)."),
                C("corrected_endpoint", STR, "Corrected endpoint (outcomes, decision=corrected)."),
                C("corrected_doi", STR, "Corrected DOI (references, decision=corrected)."),
                C(
                    "evidence_hash_at_decision",
                    STR,
                    "Row hash the curator saw (evidence_hash / content_hash / reference_hash).",
                ),
                C("is_current", BOOL, "Latest decision for this (target, evidence_id).", False),
                C("stale", BOOL, "Derived: the row changed since the decision (re-review).", False),
                C("orphaned", BOOL, "Derived: the reviewed row no longer exists (kept).", False),
            ),
        ),
        TableSpec(
            "runs",
            "run_id",
            "Pipeline runs and other writes (review imports), with parameters and row counts.",
            (
                C("run_id", STR, "Run id: `<UTC yyyymmddThhmmss>-<6 hex>`.", False),
                C("kind", STR, "`pipeline` | `review-import` | `manual`.", False),
                C("started_at", STR, "UTC ISO start time.", False),
                C("finished_at", STR, "UTC ISO end time (null while running)."),
                C("status", STR, "Run status.", False, RUN_STATUSES),
                C("params", STR, "JSON parameters (secrets removed).", False),
                C("counts", STR, "JSON rows per table after the run.", False),
                C("pipeline_version", STR, "her2mine version that ran.", False),
            ),
        ),
    ]
}

TABLE_NAMES: tuple[str, ...] = tuple(SPECS)
LIST_TYPES = (STR_LIST, INT_LIST, FLOAT_LIST)


def spec(name: str) -> TableSpec:
    try:
        return SPECS[name]
    except KeyError:
        raise InputError(
            f"unknown table {name!r}; known tables: {', '.join(TABLE_NAMES)}"
        ) from None


def _is_missing(v) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NA


def _prepare(values: list, col: Column, table: str) -> list:
    """Coerce pandas/python values to what pyarrow expects, naming table/column on errors."""
    t = col.type
    out = []
    for i, v in enumerate(values):
        if _is_missing(v):
            out.append([] if t in LIST_TYPES else None)
            continue
        if hasattr(v, "tolist") and not isinstance(v, str):  # numpy arrays/scalars
            v = v.tolist()
        if t in LIST_TYPES and isinstance(v, str):
            try:  # CSV twins hold lists as JSON text
                v = json.loads(v)
            except json.JSONDecodeError:
                raise InputError(
                    f"table {table!r}: column {col.name!r}: row {i}: expected a list, got {v!r}"
                ) from None
        if t == INT and isinstance(v, float):
            if not v.is_integer():
                raise InputError(
                    f"table {table!r}: column {col.name!r}: row {i}: expected an integer, got {v!r}"
                )
            v = int(v)
        out.append(v)
    return out


def to_arrow(name: str, df: pd.DataFrame) -> pa.Table:
    """Validate ``df`` against the schema of table ``name`` and convert it to Arrow.

    Checks: exact column set, each column's type, non-null columns, allowed values, non-null
    and unique key. Raises InputError naming the table and column.
    """
    s = spec(name)
    cols = list(df.columns)
    missing = [c for c in s.names if c not in cols]
    extra = [c for c in cols if c not in s.names]
    if missing or extra:
        raise InputError(
            f"table {name!r}: columns do not match the schema"
            + (f"; missing: {', '.join(missing)}" if missing else "")
            + (f"; unexpected: {', '.join(map(str, extra))}" if extra else "")
        )
    arrays = []
    for col in s.columns:
        values = _prepare(df[col.name].tolist(), col, name)
        try:
            arr = pa.array(values, type=col.type)
        except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError, OverflowError) as e:
            raise InputError(
                f"table {name!r}: column {col.name!r}: values are not {col.type}: {e}"
            ) from None
        if not col.nullable and arr.null_count:
            raise InputError(f"table {name!r}: column {col.name!r}: {arr.null_count} null value(s)")
        if col.allowed is not None:
            bad = sorted({v for v in values if v is not None and v not in col.allowed})
            if bad:
                raise InputError(
                    f"table {name!r}: column {col.name!r}: invalid value(s) {bad[:5]}; "
                    f"allowed: {', '.join(col.allowed)}"
                )
        arrays.append(arr)
    table = pa.Table.from_arrays(arrays, schema=s.arrow_schema)
    keys = table.column(s.key).to_pylist()
    if len(set(keys)) != len(keys):
        dupes = sorted({k for k in keys if keys.count(k) > 1})[:5]
        raise InputError(f"table {name!r}: key column {s.key!r} has duplicate ids: {dupes}")
    return table


def to_pandas(name: str, table: pa.Table) -> pd.DataFrame:
    """Arrow -> pandas with plain Python lists, nullable Int64 and object strings."""
    s = spec(name)
    df = table.to_pandas()
    for col in s.columns:
        if col.name not in df.columns:
            continue
        if col.type in LIST_TYPES:
            df[col.name] = [
                list(v) if v is not None else [] for v in table.column(col.name).to_pylist()
            ]
        elif col.type == INT:
            df[col.name] = df[col.name].astype("Int64")
        elif col.type == BOOL:
            df[col.name] = df[col.name].astype("bool") if not col.nullable else df[col.name]
        elif col.type == STR:
            df[col.name] = pd.Series(
                table.column(col.name).to_pylist(), dtype=object, index=df.index
            )
    return df


def empty_frame(name: str) -> pd.DataFrame:
    return to_pandas(name, spec(name).arrow_schema.empty_table())


def data_dictionary_markdown() -> str:
    """Markdown data dictionary of every table and column (generated from the schemas)."""
    lines: list[str] = []
    for s in SPECS.values():
        lines += [f"### `{s.name}`", "", s.doc, "", f"Key: `{s.key}` (unique, non-null).", ""]
        lines += ["| column | type | null | meaning |", "|---|---|---|---|"]
        for c in s.columns:
            doc = c.doc + (
                f" One of: {', '.join(f'`{a}`' for a in c.allowed)}." if c.allowed else ""
            )
            doc = doc.replace("|", "\\|")  # a bare | would end the markdown cell
            lines.append(f"| `{c.name}` | {c.type} | {'yes' if c.nullable else 'no'} | {doc} |")
        lines.append("")
    return "\n".join(lines)
