"""DuckDB views over the curated tables (same SQL in the .duckdb file and in ``query``).

``references`` is an SQL keyword: quote it (``"references"``) or use the ``refs`` view.
"""

from __future__ import annotations

VIEWS: dict[str, str] = {
    "refs": 'SELECT * FROM "references"',
    "current_review": "SELECT * FROM review WHERE is_current",
    "evidence": """
        SELECT o.*,
               w.title, w.journal, w.year, w.is_retracted, w.has_erratum,
               w.has_expression_of_concern,
               r.decision, r.curator, r.decided_at, r.note, r.stale AS decision_stale,
               r.corrected_value, r.corrected_arm, r.corrected_endpoint,
               CASE WHEN r.decision = 'corrected' AND NOT r.stale
                    THEN coalesce(r.corrected_value, o.value) ELSE o.value END AS effective_value,
               CASE WHEN r.decision = 'corrected' AND NOT r.stale
                    THEN coalesce(r.corrected_arm, o.arm) ELSE o.arm END AS effective_arm,
               CASE WHEN r.decision = 'corrected' AND NOT r.stale
                    THEN coalesce(r.corrected_endpoint, o.endpoint) ELSE o.endpoint END
                    AS effective_endpoint,
               CASE WHEN o.doi IS NOT NULL THEN 'https://doi.org/' || o.doi END AS doi_url,
               CASE WHEN o.pmid IS NOT NULL
                    THEN 'https://pubmed.ncbi.nlm.nih.gov/' || o.pmid || '/' END AS pubmed_url
        FROM outcomes o
        LEFT JOIN works w USING (work_id)
        LEFT JOIN (SELECT * FROM review WHERE is_current AND target = 'outcomes') r
               ON r.evidence_id = o.evidence_id
    """,
    "pending_review": "SELECT * FROM evidence WHERE review_status IN ('pending', 'stale')",
    "retracted_evidence": "SELECT * FROM evidence WHERE retracted",
    "stale_decisions": "SELECT * FROM review WHERE is_current AND (stale OR orphaned)",
    "hr_forest": """
        SELECT trial, effective_endpoint AS endpoint, effective_arm AS arm,
               effective_value AS hr, ci_low, ci_high, p,
               ln(effective_value) AS log_hr,
               CASE WHEN ci_low > 0 AND ci_high > 0
                    THEN (ln(ci_high) - ln(ci_low)) / (2 * 1.959964) END AS se_log_hr,
               work_id, doi, pmid, year, evidence_id, review_status, sentence
        FROM evidence
        WHERE measure = 'HR' AND effective_value > 0 AND NOT retracted
              AND review_status <> 'rejected'
        ORDER BY trial NULLS LAST, endpoint, year
    """,
}
