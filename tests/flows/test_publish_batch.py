"""The publish step of the refresh flow (no Prefect: ``publish_batch`` is the task's body)."""

from __future__ import annotations

from her2mine.flow.tasks import publish_batch
from her2mine.models import Reference, Work
from her2mine.sources.crossref import Resolution
from her2mine.tables import TableStore


def _ref(index: int, title: str, doi: str | None = None) -> Reference:
    return Reference(
        source="review.txt",
        source_doi=None,
        index=index,
        raw=f"{index}. {title}.",
        doi=doi,
        authors=["Okafor T"],
        year=2020,
        title=title,
    )


def _unresolved(ref: Reference, status: str, reason: str) -> Work:
    return Work(
        title=ref.title, year=ref.year, authors=list(ref.authors), status=status, reason=reason
    )


def test_resolution_reasons_reach_the_tables_and_references_join_works(tmp_path):
    cited = _ref(1, "Pertuzumab plus trastuzumab", doi="10.1056/nejmoa1113216")
    no_match = _ref(2, "Trastuzumab deruxtecan in pretreated disease")
    failed = _ref(3, "Tucatinib in brain metastases")
    resolutions = [
        Resolution(
            no_match.raw, None, 12.0, 40.0, 0.1, "no_match", reason="score 12.0 below 60", index=2
        ),
        Resolution(
            failed.raw, None, None, None, 0.0, "failed", reason="crossref: HTTP 503", index=3
        ),
    ]
    works = [
        Work(doi="10.1056/nejmoa1113216", pmid="22149875", title="Pertuzumab", status="ok"),
        _unresolved(no_match, "not_found", "no match"),
        _unresolved(failed, "failed", "crossref: HTTP 503"),
    ]
    published = publish_batch(
        str(tmp_path), "run-1", [cited, no_match, failed], resolutions, works, []
    )
    store = TableStore(tmp_path)
    refs = store.read("references").set_index("index")
    assert refs.loc[2, "resolution_status"] == "no_match"
    assert refs.loc[2, "resolution_reason"] == "score 12.0 below 60"
    assert refs.loc[3, "resolution_status"] == "pending"  # the service failed: retry
    assert "HTTP 503" in refs.loc[3, "resolution_reason"]
    assert refs.loc[1, "resolution_status"] == "doi_in_text"
    assert set(refs["work_id"]) <= set(store.read("works")["work_id"])
    assert published.batch["references"] == 3 and published.skipped_failed == []

    # A failed re-fetch never replaces the stored row; the summary names it.
    again = publish_batch(
        str(tmp_path),
        "run-2",
        [],
        [],
        [Work(doi="10.1056/nejmoa1113216", status="failed", reason="503")],
        [],
    )
    assert len(again.skipped_failed) == 1
    assert store.read("works").set_index("doi").loc["10.1056/nejmoa1113216", "status"] == "ok"
