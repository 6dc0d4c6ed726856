"""Spreadsheet round trip for curators: export review.xlsx, import the filled-in decisions.

Export and import are I/O wrappers around pure functions (``review_sheets``, ``plan_import``).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from her2mine.errors import InputError
from her2mine.review.decisions import (
    DecisionInput,
    current_hashes,
    normalize,
    record_decisions,
    same_as_current,
    validate,
)
from her2mine.tables.derive import TARGET_HASH, _v, current_decisions, derive_review
from her2mine.tables.schema import DECISIONS
from her2mine.tables.store import TableStore


@dataclass(frozen=True)
class SheetSpec:
    target: str
    id_col: str
    info: tuple[str, ...]  # context columns copied from the table (read-only for curators)
    corrections: tuple[str, ...]


SHEETS: dict[str, SheetSpec] = {
    "outcomes": SheetSpec(
        "outcomes",
        "evidence_id",
        (
            "review_status",
            "trial",
            "endpoint",
            "arm",
            "measure",
            "value",
            "unit",
            "ci_low",
            "ci_high",
            "p",
            "sentence",
            "retracted",
            "doi",
            "pmid",
            "title",
            "year",
        ),
        ("corrected_value", "corrected_arm", "corrected_endpoint"),
    ),
    "works": SheetSpec(
        "works",
        "work_id",
        (
            "status",
            "reason",
            "is_retracted",
            "has_erratum",
            "has_expression_of_concern",
            "corrections",
            "doi",
            "pmid",
            "title",
            "journal",
            "year",
        ),
        (),
    ),
    "references": SheetSpec(
        "references",
        "reference_id",
        (
            "source",
            "index",
            "raw",
            "resolution_status",
            "resolution_confidence",
            "resolved_doi",
            "doi",
        ),
        ("corrected_doi",),
    ),
}
DECISION_COLS = ("decision", "curator", "note")
HASH_COL = "row_hash"
INFO_DECISION = "current_decision"
STALE_FILL = "FFF2CC"  # light yellow


def _headers(s: SheetSpec) -> list[str]:
    return [s.id_col, *s.info, INFO_DECISION, *DECISION_COLS, *s.corrections, HASH_COL]


def _describe(c: dict[str, Any]) -> str:
    """One-line text of a decision for the read-only ``current_decision`` column."""
    text = f"{c['decision']} by {c['curator']} at {str(c['decided_at'])[:19]}"
    if _v(c.get("corrected_value")) is not None:
        text += f" value={c['corrected_value']:g}"
    for f in ("corrected_arm", "corrected_endpoint", "corrected_doi"):
        if _v(c.get(f)) is not None:
            text += f" {f.removeprefix('corrected_')}={c[f]}"
    if c["orphaned"]:
        return "ORPHANED: " + text
    return ("STALE (row changed since): " if c["stale"] else "") + text


def review_sheets(
    tables: dict[str, pd.DataFrame], min_confidence: float = 0.9
) -> dict[str, pd.DataFrame]:
    """The rows to review per sheet (pure): all outcomes, flagged works, doubtful references.

    Adds ``current_decision`` (text), the pre-filled decision columns (current, non-stale
    decisions only, so an untouched stale row is never re-confirmed), ``row_hash`` and ``_stale``.
    """
    review = derive_review(tables["review"], tables)
    current = current_decisions(review)
    out: dict[str, pd.DataFrame] = {}
    for sheet, s in SHEETS.items():
        df = tables[s.target].copy()
        cur = current[current["target"] == s.target].set_index("evidence_id")
        decided = df[s.id_col].isin(set(cur.index))
        if sheet == "outcomes":
            titles = tables["works"].set_index("work_id")
            df["title"] = [titles["title"].get(w) for w in df["work_id"]]
            df["year"] = [titles["year"].get(w) for w in df["work_id"]]
        elif sheet == "works":
            flagged = (
                df["is_retracted"]
                | df["has_erratum"]
                | df["has_expression_of_concern"]
                | (df["status"] != "ok")
            )
            df = df[flagged | decided]
        else:
            conf = pd.to_numeric(df["resolution_confidence"], errors="coerce")
            doubtful = df["resolution_status"].isin(["ambiguous", "no_match", "pending"]) | (
                conf.isna() | (conf < min_confidence)
            )
            df = df[doubtful | decided]
        df = df.reset_index(drop=True)
        rows = []
        for rid in df[s.id_col]:
            c = cur.loc[rid] if rid in cur.index else None
            row: dict[str, Any] = {INFO_DECISION: None, "_stale": False}
            for col in (*DECISION_COLS, *s.corrections):
                row[col] = None
            if c is not None:
                row[INFO_DECISION] = _describe(c.to_dict())
                row["_stale"] = bool(c["stale"])
                if not c["stale"]:
                    for col in (*DECISION_COLS, *s.corrections):
                        row[col] = _v(c[col])
            rows.append(row)
        extra = pd.DataFrame(rows, index=df.index)
        key, hcol = TARGET_HASH[s.target]
        df[HASH_COL] = df[hcol]
        out[sheet] = pd.concat([df[[s.id_col, *s.info, HASH_COL]], extra], axis=1)
    return out


def _cell(v: Any) -> Any:
    v = _v(v)
    if isinstance(v, list):
        return ", ".join(map(str, v))
    if hasattr(v, "item") and not isinstance(v, str):
        return v.item()
    return v


def _append_as_data(ws, values: list[Any]) -> None:
    """Append a row whose text cells stay text: openpyxl turns a string starting with "=" into
    a live formula, and curator notes, paper titles and sentences are untrusted input
    (spreadsheet formula injection). The string type keeps the text exactly as written."""
    ws.append(values)
    for cell in ws[ws.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"


def export_review(
    store: TableStore, path: str | Path, *, min_confidence: float = 0.9
) -> dict[str, int]:
    """Write the review workbook (atomic); returns rows per sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    from her2mine.tables.store import atomic_write

    path = Path(path)
    names = ("review", "outcomes", "works", "references")
    sheets = review_sheets({n: store.read(n) for n in names}, min_confidence)
    wb = Workbook()
    readme = wb.active
    readme.title = "README"
    for line in (
        ["her2mine review workbook"],
        ["Fill 'decision' (accepted / rejected / corrected), 'curator' and optionally 'note'."],
        [
            "'corrected' needs corrected_value / corrected_arm / corrected_endpoint (outcomes) "
            "or corrected_doi (references); works take accepted / rejected."
        ],
        ["Yellow rows: the decision is stale (the row changed since); decide again."],
        ["Do not edit the id or row_hash columns. Import: her2mine review import FILE"],
    ):
        readme.append(line)
    bold = Font(bold=True)
    link = Font(color="0563C1", underline="single")
    fill = PatternFill("solid", start_color=STALE_FILL, end_color=STALE_FILL)
    counts = {}
    for sheet, df in sheets.items():
        s = SHEETS[sheet]
        ws = wb.create_sheet(sheet)
        headers = _headers(s)
        ws.append(headers)
        for c in ws[1]:
            c.font = bold
        for rec in df.to_dict("records"):
            _append_as_data(ws, [_cell(rec[h]) for h in headers])
            r = ws.max_row
            for col_name, url in (
                ("doi", "https://doi.org/{}"),
                ("pmid", "https://pubmed.ncbi.nlm.nih.gov/{}/"),
                ("resolved_doi", "https://doi.org/{}"),
            ):
                if col_name in headers and _v(rec.get(col_name)) is not None:
                    cell = ws.cell(row=r, column=headers.index(col_name) + 1)
                    cell.hyperlink = url.format(rec[col_name])
                    cell.font = link
            if rec["_stale"]:
                for cell in ws[r]:
                    cell.fill = fill
        last = max(ws.max_row, 2)
        dv = DataValidation(
            type="list",
            formula1=f'"{",".join(DECISIONS)}"',
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="decision",
            error=f"Choose one of: {', '.join(DECISIONS)}",
        )
        col = get_column_letter(headers.index("decision") + 1)
        dv.add(f"{col}2:{col}{last}")
        ws.add_data_validation(dv)
        ws.freeze_panes = "B2"
        ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{ws.max_row}"
        for i, h in enumerate(headers, 1):
            ws.column_dimensions[get_column_letter(i)].width = {
                "sentence": 80,
                "raw": 80,
                "title": 40,
                INFO_DECISION: 36,
                "note": 30,
                "corrections": 30,
            }.get(h, 14)
        counts[sheet] = len(df)
    atomic_write(path, lambda p: wb.save(p))
    return counts


@dataclass
class Refusal:
    sheet: str
    row: int
    id: str | None
    reason: str


@dataclass
class ImportReport:
    applied: int = 0
    unchanged: int = 0
    blank: int = 0
    refused: list[Refusal] = field(default_factory=list)
    dry_run: bool = False

    def lines(self) -> list[str]:
        head = (
            f"{'would apply' if self.dry_run else 'applied'} {self.applied}, unchanged "
            f"{self.unchanged}, refused {len(self.refused)}, blank {self.blank}"
        )
        return [head] + [
            f"  refused {r.sheet} row {r.row} ({r.id or 'no id'}): {r.reason}" for r in self.refused
        ]

    def summary(self) -> str:
        """One line for the end of an import: ``N decisions imported, M rows refused``."""
        n, m = self.applied, len(self.refused)
        verb = "would be imported" if self.dry_run else "imported"
        return (
            f"{n} decision{'' if n == 1 else 's'} {verb}, "
            f"{m} row{'' if m == 1 else 's'} refused" + (" (see above)" if m else "")
        )


@dataclass
class SheetRow:
    sheet: str
    row: int
    values: dict[str, Any]


def read_workbook(path: str | Path) -> list[SheetRow]:
    """Rows of the review sheets by header name; InputError for a malformed file."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as e:
        raise InputError(
            f"{path}: not a readable .xlsx workbook ({type(e).__name__}: {e})"
        ) from None
    try:
        if "outcomes" not in wb.sheetnames:
            raise InputError(f"{path}: no 'outcomes' sheet (sheets: {', '.join(wb.sheetnames)})")
        rows: list[SheetRow] = []
        for sheet, s in SHEETS.items():
            if sheet not in wb.sheetnames:
                continue
            it = wb[sheet].iter_rows(values_only=True)
            header = next(it, None) or ()
            names = [str(h).strip().lower() if h is not None else "" for h in header]
            missing = [c for c in (s.id_col, "decision") if c not in names]
            if missing:
                raise InputError(f"{path}: sheet {sheet!r} lacks column(s) {', '.join(missing)}")
            for n, values in enumerate(it, start=2):
                rec = {h: v for h, v in zip(names, values, strict=False) if h}
                if all(v is None or (isinstance(v, str) and not v.strip()) for v in rec.values()):
                    continue
                rows.append(SheetRow(sheet, n, rec))
        return rows
    finally:
        wb.close()


def plan_import(
    rows: list[SheetRow],
    tables: dict[str, pd.DataFrame],
    default_curator: str | None,
) -> tuple[list[DecisionInput], ImportReport]:
    """Pure: which rows to apply, which are unchanged/blank, which are refused and why."""
    report = ImportReport()
    hashes = current_hashes(tables)
    current = current_decisions(derive_review(tables["review"], tables))
    to_apply: list[DecisionInput] = []
    seen: dict[tuple[str, str], int] = {}
    for r in rows:
        s = SHEETS[r.sheet]
        v = r.values
        rid = None if _v(v.get(s.id_col)) is None else str(v[s.id_col]).strip()
        decision = v.get("decision")
        corr_given = [c for c in s.corrections if _v(v.get(c)) not in (None, "")]
        if decision is None or (isinstance(decision, str) and not decision.strip()):
            if corr_given:
                report.refused.append(
                    Refusal(
                        r.sheet, r.row, rid, f"{', '.join(corr_given)} given without a decision"
                    )
                )
            else:
                report.blank += 1
            continue
        d = normalize(
            DecisionInput(
                evidence_id=rid or "",
                decision=str(decision),
                curator=v.get("curator")
                if _v(v.get("curator")) not in (None, "")
                else default_curator,
                note=v.get("note"),
                target=s.target,
                evidence_hash=v.get(HASH_COL),
                **{c: v.get(c) for c in s.corrections},
            )
        )
        reason = validate(d, hashes)
        if reason is None and (d.target, d.evidence_id) in seen:
            reason = f"duplicate row for this id (first at row {seen[(d.target, d.evidence_id)]})"
        if reason:
            report.refused.append(Refusal(r.sheet, r.row, rid, reason))
            continue
        seen[(d.target, d.evidence_id)] = r.row
        if same_as_current(d, current, hashes[d.target][d.evidence_id]):
            report.unchanged += 1
            continue
        to_apply.append(d)
    report.applied = len(to_apply)
    return to_apply, report


def import_review(
    store: TableStore,
    path: str | Path,
    *,
    curator: str | None = None,
    dry_run: bool = False,
) -> ImportReport:
    """Apply the decisions of a filled-in workbook: all valid rows in one atomic write."""
    rows = read_workbook(path)
    with store.lock():
        tables = {n: store.read(n) for n in ("review", *TARGET_HASH)}
        to_apply, report = plan_import(rows, tables, curator)
        report.dry_run = dry_run
        if to_apply and not dry_run:
            run_id = store.begin_run({"file": str(path), "curator": curator}, kind="review-import")
            try:
                record_decisions(store, to_apply)
            except BaseException:
                store.finish_run(run_id, "failed")
                raise
            store.finish_run(run_id, "completed")
    return report
