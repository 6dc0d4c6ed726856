"""The flow-run summary artifact (pure: a summary dict in, markdown / table rows out)."""

from __future__ import annotations

from typing import Any


def _ids(values: list[str], limit: int = 10) -> str:
    if not values:
        return "none"
    shown = ", ".join(f"`{v}`" for v in values[:limit])
    return shown + (f" and {len(values) - limit} more" if len(values) > limit else "")


def summary_markdown(s: dict[str, Any]) -> str:
    lines = [
        f"# her2mine refresh `{s['run_id']}`",
        "",
        f"Tables: `{s['out_dir']}` ({s['seconds']} s, {s['requests']} HTTP requests)",
        "",
        "| step | count |",
        "|---|---|",
        f"| saved queries | {s['queries']} |",
        f"| query hits in window | {s['query_hits']} |",
        f"| new PMIDs | {s['new_pmids']} |",
        f"| changed records (PubMed / Crossref) | {s['changed_pubmed']} / "
        f"{s['changed_crossref']} |",
        f"| works fetched | {s['works_fetched']} |",
        f"| documents extracted | {s['documents_extracted']} ({s['extraction_batches']} batches) |",
        f"| new or updated evidence rows | {s['new_evidence']} |",
        "",
        f"**Retractions flagged:** {_ids(s['retracted_flagged'])}",
        "",
        f"**Errata flagged:** {_ids(s['errata_flagged'])}",
        "",
        f"**Failures:** {len(s['failures'])}" + ("".join(f"\n- {f}" for f in s["failures"][:10])),
        "",
        f"**Pending retry next run:** {_ids(s['pending_retry'])}",
    ]
    if s.get("inputs_retry"):
        lines += [
            "",
            "**Reference files read again next run** (a reference could not be "
            f"resolved): {_ids(s['inputs_retry'])}",
        ]
    if s.get("skipped_failed"):
        lines += [
            "",
            "**Failed re-fetches kept out** (the stored record stays): "
            f"{_ids(s['skipped_failed'])}",
        ]
    if s.get("batch_rows"):
        rows = ", ".join(f"{k} {v}" for k, v in sorted(s["batch_rows"].items()))
        lines += ["", f"**Rows written by this run:** {rows}"]
    if s.get("recovered_runs"):
        lines += ["", f"**Interrupted runs marked failed:** {_ids(s['recovered_runs'])}"]
    return "\n".join(lines) + "\n"


def summary_rows(s: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"table": k, "rows": v} for k, v in sorted((s.get("counts") or {}).items())]
