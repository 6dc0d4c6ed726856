"""merge_works: PubMed preferred, Crossref for the DOI and gaps, unions de-duplicated (pure)."""

from __future__ import annotations

from her2mine.merge import merge_corrections, merge_works
from her2mine.models import Correction, Work


def pubmed_work() -> Work:
    return Work(
        doi="10.1/ABC",
        pmid="1",
        pmcid="PMC9",
        title="PubMed title",
        abstract="pm abs",
        journal="J PubMed",
        year=2012,
        authors=["A, B."],
        mesh=["Breast Neoplasms"],
        publication_types=["Randomized Controlled Trial"],
        registry_ids=["NCT01"],
        corrections=[Correction("ErratumIn", pmid="2", doi=None, note="Erratum")],
    )


def crossref_work() -> Work:
    return Work(
        doi="10.1/abc",
        title="Crossref title",
        abstract=None,
        journal="J Crossref",
        year=2011,
        authors=["A, B.", "C, D."],
        publication_types=["journal-article"],
        registry_ids=["nct01", "NCT02"],
        corrections=[
            Correction("ErratumIn", pmid=None, doi="10.1/ERR", source="crossref"),
            Correction("RetractionIn", doi="10.1/ret", source="crossref"),
        ],
    )


def test_pubmed_preferred_crossref_for_doi_and_unions():
    merged = merge_works(crossref_work(), pubmed_work())
    assert merged.status == "ok" and merged.reason is None
    assert merged.title == "PubMed title" and merged.year == 2012 and merged.pmcid == "PMC9"
    assert merged.doi == "10.1/abc"
    assert merged.publication_types == ["Randomized Controlled Trial"]
    assert merged.registry_ids == ["NCT01", "NCT02"]  # case-insensitive union
    assert [c.type for c in merged.corrections] == ["ErratumIn", "ErratumIn", "RetractionIn"]
    assert merged.sources["title"] == "pubmed" and merged.sources["doi"] == "crossref"
    assert merged.sources["registry_ids"] == "pubmed+crossref"


def test_fields_pubmed_lacks_come_from_crossref():
    pm = pubmed_work()
    pm.abstract, pm.journal = None, None
    cr = crossref_work()
    cr.abstract = "cr abs"
    merged = merge_works(cr, pm)
    assert merged.abstract == "cr abs" and merged.sources["abstract"] == "crossref"
    assert merged.journal == "J Crossref" and merged.sources["journal"] == "crossref"


def test_one_source_only_and_none():
    only_cr = merge_works(crossref_work(), None)
    assert only_cr.status == "ok" and only_cr.pmid is None
    assert set(only_cr.sources.values()) == {"crossref"}
    only_pm = merge_works(None, pubmed_work())
    assert only_pm.doi == "10.1/abc" and only_pm.sources["doi"] == "pubmed"
    nothing = merge_works(None, Work(doi="10.1/x", status="not_found"), doi="10.1/X")
    assert nothing.status == "not_found" and nothing.doi == "10.1/x" and nothing.reason


def test_failure_marks_failed_but_keeps_other_source():
    merged = merge_works(None, pubmed_work(), failures={"crossref": "crossref: HTTP 500 | GET u"})
    assert merged.status == "failed" and "HTTP 500" in merged.reason
    assert merged.title == "PubMed title"


def test_inputs_not_mutated_and_corrections_deduplicated():
    pm, cr = pubmed_work(), crossref_work()
    merged = merge_works(cr, pm)
    merged.corrections[0].doi = "changed"
    assert pm.corrections[0].doi is None
    same = [Correction("ErratumIn", pmid="2"), Correction("ErratumIn", pmid="2", doi="10.1/E")]
    out = merge_corrections(same)
    assert len(out) == 1 and out[0].doi == "10.1/e"


def test_doi_forms_are_normalised_like_everywhere_else():
    from her2mine.ids import normalize_doi

    cr = Work(
        doi="https://doi.org/10.1/ABC%28x%29",
        title="t",
        corrections=[Correction("ErratumIn", doi="DOI: 10.1/ERR", source="crossref")],
    )
    pm = Work(
        doi=None,
        pmid="1",
        title="t",
        corrections=[Correction("ErratumIn", pmid="2", doi="https://doi.org/10.1/err")],
    )
    merged = merge_works(cr, pm)
    assert merged.doi == normalize_doi("10.1/abc(x)") == "10.1/abc(x)"
    assert len(merged.corrections) == 1  # the same erratum, written two ways
    assert merged.corrections[0].doi == "10.1/err" and merged.corrections[0].pmid == "2"
    assert merge_works(None, None, doi="doi:10.1/IN").doi == "10.1/in"
