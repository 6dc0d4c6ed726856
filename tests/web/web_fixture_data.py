"""A small, realistic curated data set for the web tests, built with the real pipeline functions.

Hand-made ``Work`` / ``Extraction`` objects (sentences modelled on the published abstracts of
CLEOPATRA, EMILIA and DESTINY-Breast03, one fictitious retracted cohort), published with
``build_tables`` + ``publish``; offsets point into title + blank line + abstract, as the
extractor's documents do. ``build_dataset`` also records two decisions and then re-publishes a
changed EMILIA sentence, so one decision is stale, like after a real refresh.
"""

from __future__ import annotations

from pathlib import Path

from her2mine.models import Correction, Extraction, Mention, Outcome, Work
from her2mine.review import record_decision
from her2mine.tables import TableStore, build_tables, publish

TDM1 = "trastuzumab emtansine"
TDXD = "trastuzumab deruxtecan"
PHD = "docetaxel+pertuzumab+trastuzumab"
HD = "docetaxel+trastuzumab"

CLEO_PFS = (
    "The median progression-free survival was 12.4 months in the control group, as compared "
    "with 18.5 months in the pertuzumab group (hazard ratio for progression or death, 0.62; 95% "
    "CI, 0.51 to 0.75; P<0.001)."
)
CLEO_OS = (
    "The interim analysis of overall survival showed a strong trend in favor of pertuzumab plus "
    "trastuzumab plus docetaxel (hazard ratio, 0.64; 95% CI, 0.47 to 0.88; P=0.005)."
)
SWAIN_OS = (
    "The median overall survival was 56.5 months in the pertuzumab group, as compared with 40.8 "
    "months in the placebo group (hazard ratio favoring the pertuzumab group, 0.68; 95% CI, 0.56 "
    "to 0.84; P<0.001)."
)
EMILIA_PFS = (
    "Median progression-free survival as assessed by independent review was 9.6 months with "
    "T-DM1 versus 6.4 months with lapatinib plus capecitabine (hazard ratio for progression or "
    "death from any cause, 0.65; 95% CI, 0.55 to 0.77; P<0.001)."
)
EMILIA_OS_V1 = (
    "At the second interim analysis, median overall survival was 30.9 months versus 25.1 months "
    "(hazard ratio for death from any cause, 0.68; 95% CI, 0.55 to 0.85; P<0.001)."
)
EMILIA_OS_V2 = EMILIA_OS_V1.replace("25.1 months", "25.1 months with lapatinib plus capecitabine")
DB03_PFS = (
    "The percentage of patients who were alive without disease progression at 12 months was "
    "75.8% with trastuzumab deruxtecan and 34.1% with trastuzumab emtansine (hazard ratio for "
    "progression or death from any cause, 0.28; 95% CI, 0.22 to 0.37; P<0.001)."
)
RETRACTED_IDFS = (
    "In this cohort, invasive disease-free survival favoured neratinib (HR 0.45; 95% CI "
    "0.30-0.68; p=0.002)."
)

CLEOPATRA_DOI = "10.1056/nejmoa1113216"
EMILIA_DOI = "10.1056/nejmoa1209124"
RETRACTED_DOI = "10.9999/her2mine.fixture.retracted"


class Doc:
    """Title + abstract of one work, and helpers giving document offsets of tokens."""

    def __init__(self, title: str, sentences: list[str]) -> None:
        self.title = title
        self.abstract = " ".join(sentences)
        self.text = title + "\n\n" + self.abstract

    def at(self, sentence: str, token: str, nth: int = 0) -> tuple[int, int]:
        base = self.text.index(sentence)
        i = -1
        for _ in range(nth + 1):
            i = sentence.index(token, i + 1)
        return base + i, base + i + len(token)

    def outcome(
        self,
        sentence,
        token,
        endpoint,
        arm,
        measure,
        value,
        unit=None,
        ci=(None, None),
        p=None,
        nth=0,
    ) -> Outcome:
        s, e = self.at(sentence, token, nth)
        return Outcome(endpoint, arm, measure, value, unit, ci[0], ci[1], p, sentence, s, e)

    def mention(self, sentence: str, kind: str, text: str, canonical: str) -> Mention:
        return Mention(kind, text, canonical, *self.at(sentence, text), sentence)


def works_and_extractions(
    *, emilia_os: str = EMILIA_OS_V1, evil_title: str | None = None
) -> tuple[list[Work], dict[str, Extraction]]:
    works: list[Work] = []
    ex: dict[str, Extraction] = {}

    cleo_intro = (
        "In the CLEOPATRA trial, pertuzumab plus trastuzumab plus docetaxel was compared with "
        "placebo plus trastuzumab plus docetaxel as first-line treatment for HER2-positive "
        "metastatic breast cancer."
    )
    d = Doc(
        evil_title or "Pertuzumab plus trastuzumab plus docetaxel for metastatic breast cancer",
        [cleo_intro, CLEO_PFS, CLEO_OS],
    )
    works.append(
        Work(
            doi="10.1056/NEJMoa1113216",
            pmid="22149875",
            title=d.title,
            abstract=d.abstract,
            journal="N Engl J Med",
            year=2012,
            authors=["Baselga, J.", "Cortés, J.", "Kim, S.B."],
            registry_ids=["NCT00567190"],
            sources={"title": "pubmed"},
        )
    )
    ex["22149875"] = Extraction(
        id="22149875",
        drugs=["docetaxel", "pertuzumab", "trastuzumab"],
        trials=["CLEOPATRA"],
        outcomes=[
            d.outcome(CLEO_PFS, "12.4", "PFS", HD, "median", 12.4, "months"),
            d.outcome(CLEO_PFS, "18.5", "PFS", PHD, "median", 18.5, "months"),
            d.outcome(CLEO_PFS, "0.62", "PFS", None, "HR", 0.62, None, (0.51, 0.75), "<0.001"),
            d.outcome(CLEO_OS, "0.64", "OS", None, "HR", 0.64, None, (0.47, 0.88), "0.005"),
        ],
        mentions=[
            d.mention(cleo_intro, "trial", "CLEOPATRA", "CLEOPATRA"),
            d.mention(cleo_intro, "drug", "pertuzumab", "pertuzumab"),
            d.mention(cleo_intro, "drug", "trastuzumab", "trastuzumab"),
            d.mention(cleo_intro, "drug", "docetaxel", "docetaxel"),
        ],
    )

    swain_intro = "We report the final overall survival analysis of the CLEOPATRA study."
    d = Doc(
        "Pertuzumab, trastuzumab, and docetaxel in HER2-positive metastatic breast cancer",
        [swain_intro, SWAIN_OS],
    )
    works.append(
        Work(
            doi="10.1056/NEJMoa1413513",
            pmid="25693012",
            title=d.title,
            abstract=d.abstract,
            journal="N Engl J Med",
            year=2015,
            authors=["Swain, S.M.", "Baselga, J."],
            registry_ids=["NCT00567190"],
        )
    )
    ex["25693012"] = Extraction(
        id="25693012",
        trials=["CLEOPATRA"],
        outcomes=[
            d.outcome(SWAIN_OS, "56.5", "OS", PHD, "median", 56.5, "months"),
            d.outcome(SWAIN_OS, "40.8", "OS", HD, "median", 40.8, "months"),
            d.outcome(SWAIN_OS, "0.68", "OS", None, "HR", 0.68, None, (0.56, 0.84), "<0.001"),
        ],
        mentions=[d.mention(swain_intro, "trial", "CLEOPATRA", "CLEOPATRA")],
    )

    emilia_intro = (
        "In EMILIA, patients with HER2-positive advanced breast cancer previously treated with "
        "trastuzumab and a taxane were randomly assigned to T-DM1 or lapatinib plus capecitabine."
    )
    d = Doc(
        "Trastuzumab emtansine for HER2-positive advanced breast cancer",
        [emilia_intro, EMILIA_PFS, emilia_os],
    )
    works.append(
        Work(
            doi="10.1056/NEJMoa1209124",
            pmid="23020162",
            title=d.title,
            abstract=d.abstract,
            journal="N Engl J Med",
            year=2012,
            authors=["Verma, S.", "Miles, D."],
            registry_ids=["NCT00829166"],
            corrections=[
                Correction(
                    type="ErratumIn", pmid="23782186", note="N Engl J Med. 2013;368(25):2442"
                )
            ],
        )
    )
    ex["23020162"] = Extraction(
        id="23020162",
        trials=["EMILIA"],
        outcomes=[
            d.outcome(EMILIA_PFS, "9.6", "PFS", TDM1, "median", 9.6, "months"),
            d.outcome(EMILIA_PFS, "6.4", "PFS", "capecitabine+lapatinib", "median", 6.4, "months"),
            d.outcome(EMILIA_PFS, "0.65", "PFS", None, "HR", 0.65, None, (0.55, 0.77), "<0.001"),
            d.outcome(emilia_os, "30.9", "OS", TDM1, "median", 30.9, "months"),
            d.outcome(emilia_os, "25.1", "OS", "capecitabine+lapatinib", "median", 25.1, "months"),
            d.outcome(emilia_os, "0.68", "OS", None, "HR", 0.68, None, (0.55, 0.85), "<0.001"),
        ],
        mentions=[
            d.mention(emilia_intro, "trial", "EMILIA", "EMILIA"),
            d.mention(emilia_intro, "drug", "lapatinib", "lapatinib"),
            d.mention(emilia_intro, "drug", "capecitabine", "capecitabine"),
        ],
    )

    db_intro = (
        "In DESTINY-Breast03, trastuzumab deruxtecan was compared with trastuzumab emtansine in "
        "patients with HER2-positive metastatic breast cancer previously treated with "
        "trastuzumab and a taxane."
    )
    d = Doc(
        "Trastuzumab deruxtecan versus trastuzumab emtansine for breast cancer",
        [db_intro, DB03_PFS],
    )
    works.append(
        Work(
            doi="10.1056/NEJMoa2115022",
            pmid="35320644",
            title=d.title,
            abstract=d.abstract,
            journal="N Engl J Med",
            year=2022,
            authors=["Cortés, J.", "Kim, S.B."],
            registry_ids=["NCT03529110"],
        )
    )
    ex["35320644"] = Extraction(
        id="35320644",
        trials=["DESTINY-Breast03"],
        outcomes=[
            d.outcome(DB03_PFS, "75.8", "PFS", TDXD, "rate", 75.8, "%"),
            d.outcome(DB03_PFS, "34.1", "PFS", TDM1, "rate", 34.1, "%"),
            d.outcome(DB03_PFS, "0.28", "PFS", None, "HR", 0.28, None, (0.22, 0.37), "<0.001"),
        ],
        mentions=[
            d.mention(db_intro, "trial", "DESTINY-Breast03", "DESTINY-Breast03"),
            d.mention(db_intro, "drug", "trastuzumab deruxtecan", TDXD),
        ],
    )

    d = Doc(
        "Neratinib after trastuzumab in early breast cancer: a single-centre cohort",
        ["Fictitious record used to test retraction flags.", RETRACTED_IDFS],
    )
    works.append(
        Work(
            doi=RETRACTED_DOI,
            pmid="99000001",
            title=d.title,
            abstract=d.abstract,
            journal="J Fixture Oncol",
            year=2019,
            authors=["Example, A."],
            corrections=[
                Correction(type="RetractionIn", pmid="99000002", note="J Fixture Oncol. 2021;3:1")
            ],
        )
    )
    ex["99000001"] = Extraction(
        id="99000001",
        outcomes=[
            d.outcome(RETRACTED_IDFS, "0.45", "IDFS", None, "HR", 0.45, None, (0.30, 0.68), "0.002")
        ],
    )
    return works, ex


def publish_fixture(store: TableStore, **kw) -> None:
    works, ex = works_and_extractions(**kw)
    publish(store, build_tables([], works, ex))


def evidence_id_of(
    store: TableStore,
    trial: str,
    endpoint: str,
    measure: str,
    arm: str | None = None,
    doi: str | None = None,
) -> str:
    ev = store.read("outcomes")
    hit = ev[(ev.trial == trial) & (ev.endpoint == endpoint) & (ev.measure == measure)]
    hit = hit[hit.arm.isna()] if arm is None else hit[hit.arm == arm]
    if doi:
        hit = hit[hit.doi == doi]
    assert len(hit) == 1, (trial, endpoint, measure, arm, len(hit))
    return str(hit.evidence_id.iloc[0])


def build_dataset(out: Path) -> TableStore:
    """Publish, decide on two rows, then refresh with a changed EMILIA OS sentence."""
    store = TableStore(out)
    publish_fixture(store)
    record_decision(
        store,
        evidence_id_of(store, "EMILIA", "OS", "median", TDM1),
        "accepted",
        "B. Reviewer",
        note="checked against the abstract",
    )
    record_decision(
        store, evidence_id_of(store, "CLEOPATRA", "PFS", "HR"), "accepted", "B. Reviewer"
    )
    publish_fixture(store, emilia_os=EMILIA_OS_V2)
    return store
