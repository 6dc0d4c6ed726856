"""Hand-made Works / Extractions / References shared by the tables and review tests (no tests)."""

from __future__ import annotations

from her2mine.models import Correction, Extraction, Mention, Outcome, Reference, Work

S1 = (
    "In CLEOPATRA, median PFS was 18.5 months with pertuzumab plus trastuzumab and docetaxel "
    "versus 12.4 months with placebo (HR 0.62; 95% CI 0.51-0.75; P<0.001)."
)
S2 = "Overall survival improved (HR 0.66, 95% CI 0.52-0.84, p=0.0008)."
S3 = "In EMILIA, median OS was 30.9 versus 25.1 months (HR 0.68; 95% CI 0.55-0.85)."


def _at(sentence: str, token: str, offset: int = 0) -> tuple[int, int]:
    i = sentence.index(token) + offset
    return i, i + len(token)


def works(*, retract_w2: bool = True) -> list[Work]:
    w1 = Work(
        doi="10.1056/NEJMoa1113216",
        pmid="22149875",
        title="Pertuzumab plus trastuzumab plus docetaxel for metastatic breast cancer",
        abstract=S1 + " " + S2,
        journal="N Engl J Med",
        year=2012,
        authors=["Baselga, J."],
        registry_ids=["NCT00567190"],
        sources={"title": "pubmed"},
    )
    w2 = Work(
        pmid="23020162",
        title="Trastuzumab emtansine for HER2-positive advanced breast cancer",
        abstract=S3,
        year=2012,
        corrections=[Correction(type="RetractionIn", pmid="99999999")] if retract_w2 else [],
    )
    w3 = Work(doi="10.9999/missing", status="not_found", reason="Crossref 404")
    return [w1, w2, w3]


def ex1(s1: str = S1, pfs_value: float = 18.5) -> Extraction:
    def o(endpoint, arm, measure, value, unit, lo, hi, p, sent, token):
        start, end = _at(sent, token)
        return Outcome(endpoint, arm, measure, value, unit, lo, hi, p, sent, start, end)

    arm = "docetaxel+pertuzumab+trastuzumab"
    return Extraction(
        id="22149875",
        drugs=["docetaxel", "pertuzumab", "trastuzumab"],
        trials=["CLEOPATRA"],
        outcomes=[
            o("PFS", arm, "median", pfs_value, "months", None, None, None, s1, "18.5"),
            o("PFS", "docetaxel", "median", 12.4, "months", None, None, None, s1, "12.4"),
            o("PFS", None, "HR", 0.62, None, 0.51, 0.75, "<0.001", s1, "0.62"),
            o("OS", None, "HR", 0.66, None, 0.52, 0.84, "0.0008", S2, "0.66"),
        ],
        mentions=[
            Mention("trial", "CLEOPATRA", "CLEOPATRA", *_at(s1, "CLEOPATRA"), s1),
            Mention("drug", "pertuzumab", "pertuzumab", *_at(s1, "pertuzumab"), s1),
            Mention("drug", "trastuzumab", "trastuzumab", *_at(s1, "trastuzumab"), s1),
            Mention("endpoint", "PFS", "PFS", *_at(s1, "PFS"), s1),
        ],
    )


def ex2() -> Extraction:
    start, end = _at(S3, "0.68")
    return Extraction(
        id="23020162",
        trials=["EMILIA"],
        outcomes=[Outcome("OS", None, "HR", 0.68, None, 0.55, 0.85, None, S3, start, end)],
        mentions=[Mention("trial", "EMILIA", "EMILIA", *_at(S3, "EMILIA"), S3)],
    )


def references() -> list[Reference]:
    return [
        Reference(
            "review.txt",
            "10.1/review",
            1,
            "Baselga J. NEJM 2012. doi:10.1056/nejmoa1113216",
            "10.1056/nejmoa1113216",
            ["Baselga, J."],
            2012,
        ),
        Reference(
            "review.txt",
            "10.1/review",
            2,
            "Verma S. T-DM1 for HER2+ ABC. NEJM 2012",
            None,
            ["Verma, S."],
            2012,
        ),
        Reference("review.txt", "10.1/review", 3, "Unknown et al. 1999", None),
    ]


RESOLUTIONS = {
    ("review.txt", 2): {"status": "matched", "confidence": 0.72, "doi": "10.1056/NEJMoa1209124"}
}


def extractions(**kw) -> dict[str, Extraction]:
    # Keyed by DOI and by PMID: build_tables accepts either.
    return {"10.1056/nejmoa1113216": ex1(**kw), "23020162": ex2()}
