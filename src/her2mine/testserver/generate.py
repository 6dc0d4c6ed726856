"""Deterministic generator of large SYNTHETIC corpora (benchmarks: ``Corpus.generate(1000)``).

Generated works use DOIs ``10.5555/her2mine.gen.NNNNNN``, PMIDs from 98000001 and PMCIDs from
PMC98000001, so they never collide with the hand-written corpus (99000001+). Abstracts are
templated trial reports in NEJM, Lancet or JCO number style with random but plausible values.
"""

from __future__ import annotations

import datetime as dt
import random

from her2mine.models import AbstractSection
from her2mine.testserver.corpus import Author, CorpusWork

FAMILIES = [
    "Abernethy",
    "Quist",
    "Tanaka",
    "Osei",
    "Ferreira",
    "Novak",
    "Lindqvist",
    "Brandt",
    "Okafor",
    "Castellanos",
    "Whitfield",
    "Kowalczyk",
    "Demir",
    "Achterberg",
    "Moreau",
    "Iyer",
    "Halvorsen",
    "Barros",
    "Nakagawa",
    "Solberg",
    "Petrakis",
    "Vanterpool",
    "Huang",
    "Zhao",
    "Liu",
    "Varga",
    "O'Rourke",
    "Delacroix",
    "Haddad",
    "Eriksen",
    "Pinto",
    "Kaur",
    "Rossi",
    "Baptiste",
    "Yilmaz",
    "Schreiber",
    "Lopez-Ibarra",
    "Sørensen",
    "Müller-Thal",
    "Nguyen",
    "Park",
    "Adeyemi",
    "Kristiansen",
]
GIVEN = [
    "Lucia",
    "Marten",
    "Hiroe",
    "Kwame",
    "Ines",
    "Petra",
    "Elin",
    "Moritz",
    "Tobenna",
    "Rocio",
    "Harriet",
    "Jan",
    "Selin",
    "Joost",
    "Camille",
    "Radhika",
    "Sigrid",
    "Tiago",
    "Ren",
    "Ingrid",
    "Eleni",
    "Grace",
    "Meiling",
    "Wenjun",
    "Xiaoming",
    "Bence",
]
EXPERIMENTAL = [
    "trastuzumab deruxtecan",
    "trastuzumab emtansine",
    "tucatinib",
    "neratinib",
    "pyrotinib",
    "margetuximab",
    "pertuzumab",
    "zanidatamab",
    "disitamab vedotin",
]
CONTROL = [
    "trastuzumab plus docetaxel",
    "lapatinib plus capecitabine",
    "trastuzumab plus capecitabine",
    "treatment of physician's choice",
    "trastuzumab emtansine",
]
SETTINGS = ["metastatic", "advanced", "early", "locally advanced"]
JOURNALS = [
    ("nejm", "The New England journal of medicine", "N Engl J Med", "1533-4406"),
    ("lancet", "The Lancet. Oncology", "Lancet Oncol", "1474-5488"),
    (
        "jco",
        "Journal of clinical oncology : official journal of the American Society of "
        "Clinical Oncology",
        "J Clin Oncol",
        "1527-7755",
    ),
]


def _num(x: float, style: str, nd: int = 1) -> str:
    s = f"{x:.{nd}f}"
    return s.replace(".", "·") if style == "lancet" else s


def _p(p: float, style: str) -> str:
    if p < 0.001:
        return {"nejm": "P<0.001", "lancet": "p<0·0001", "jco": "P < .001"}[style]
    if style == "jco":
        return f"P = {f'{p:.3f}'[1:]}"
    return f"P={p:.3f}" if style == "nejm" else f"p={_num(p, style, 3)}"


def _abstract(
    rng: random.Random, style: str, drug: str, control: str, code: str, n_pat: int
) -> list[AbstractSection]:
    m_ctl = round(rng.uniform(4.0, 14.0), 1)
    hr = round(rng.uniform(0.35, 0.95), 2)
    m_exp = round(m_ctl / hr * rng.uniform(0.8, 1.0), 1)
    lo, hi = round(hr * rng.uniform(0.75, 0.88), 2), round(min(hr * rng.uniform(1.12, 1.3), 1.2), 2)
    p = 0.0005 if hi < 1 else round(rng.uniform(0.05, 0.4), 3)
    orr_e, orr_c = round(rng.uniform(30, 80), 1), round(rng.uniform(15, 50), 1)
    ae_e, ae_c = round(rng.uniform(20, 70), 1), round(rng.uniform(20, 70), 1)
    ild = round(rng.uniform(0.5, 15.0), 1)
    if style == "nejm":
        res = (
            f"The median progression-free survival was {m_exp} months with {drug} and "
            f"{m_ctl} months with {control} (hazard ratio for progression or death, {hr:.2f}; "
            f"95% confidence interval [CI], {lo:.2f} to {hi:.2f}; {_p(p, style)}). "
            f"An objective response occurred in {orr_e}% and {orr_c}% of patients. Adverse "
            f"events of grade 3 or higher occurred in {ae_e}% and {ae_c}%; interstitial lung "
            f"disease occurred in {ild}% of patients in the {drug} group."
        )
    elif style == "lancet":
        res = (
            f"Median progression-free survival was {_num(m_exp, style)} months (95% CI "
            f"{_num(m_exp * 0.8, style)}–{_num(m_exp * 1.2, style)}) with {drug} versus "
            f"{_num(m_ctl, style)} months ({_num(m_ctl * 0.8, style)}–"
            f"{_num(m_ctl * 1.2, style)}) with {control} (hazard ratio [HR] "
            f"{_num(hr, style, 2)} [95% CI {_num(lo, style, 2)}–{_num(hi, style, 2)}]; "
            f"{_p(p, style)}). Grade 3 or worse adverse events occurred in "
            f"{_num(ae_e, style)}% versus {_num(ae_c, style)}% of patients."
        )
    else:
        res = (
            f"Median progression-free survival was {m_exp} v {m_ctl} months (hazard ratio "
            f"[HR], {hr:.2f}; 95% CI, {lo:.2f} to {hi:.2f}; {_p(p, style)}). The objective "
            f"response rate was {orr_e}% v {orr_c}%. Grade 3 or higher adverse events "
            f"occurred in {ae_e}% v {ae_c}% of patients."
        )
    verdict = "improved" if hi < 1 else "did not significantly improve"
    return [
        AbstractSection(
            "BACKGROUND",
            "BACKGROUND",
            f"We compared {drug} with {control} in HER2-positive breast cancer.",
        ),
        AbstractSection(
            "METHODS",
            "METHODS",
            f"In this randomised phase 3 trial ({code}), {n_pat} patients were "
            f"assigned to {drug} or {control}. The primary end point was "
            "progression-free survival.",
        ),
        AbstractSection("RESULTS", "RESULTS", res),
        AbstractSection(
            "CONCLUSIONS",
            "CONCLUSIONS",
            f"{drug[0].upper() + drug[1:]} {verdict} progression-free survival. "
            "(SYNTHETIC record.)",
        ),
    ]


def generate_works(
    n: int = 1000,
    seed: int = 0,
    *,
    pmc_fraction: float = 0.6,
    crossref_only_fraction: float = 0.03,
    pubmed_only_fraction: float = 0.03,
    start: int = 1,
) -> list[CorpusWork]:
    """``n`` SYNTHETIC works; the same (n, seed, ...) always gives the same works."""
    rng = random.Random(seed)
    first, last = dt.date(2012, 1, 1).toordinal(), dt.date(2026, 6, 30).toordinal()
    works = []
    for i in range(start, start + n):
        style, journal, abbrev, issn = rng.choice(JOURNALS)
        drug, control = rng.choice(EXPERIMENTAL), rng.choice(CONTROL)
        setting = rng.choice(SETTINGS)
        code = f"HGEN-{i:05d}"
        edat = dt.date.fromordinal(rng.randint(first, last))
        kind = rng.random()
        in_pubmed = kind >= crossref_only_fraction
        in_crossref = kind < crossref_only_fraction or kind >= (
            crossref_only_fraction + pubmed_only_fraction
        )
        authors = [
            Author(rng.choice(FAMILIES), rng.choice(GIVEN)) for _ in range(rng.randint(2, 6))
        ]
        works.append(
            CorpusWork(
                key=f"gen-{i:06d}",
                doi=f"10.5555/her2mine.gen.{i:06d}",
                pmid=str(98000000 + i) if in_pubmed else None,
                pmcid=f"PMC{98000000 + i}" if in_pubmed and rng.random() < pmc_fraction else None,
                title=f"{drug[0].upper() + drug[1:]} versus {control} in HER2-positive {setting} "
                f"breast cancer ({code}): a randomised phase 3 trial.",
                journal=journal,
                journal_abbrev=abbrev,
                issn=issn,
                year=edat.year,
                month=edat.month,
                volume=str(rng.randint(10, 400)),
                issue=str(rng.randint(1, 24)),
                pages=f"{(p := rng.randint(1, 3000))}-{p + rng.randint(5, 14)}",
                edat=edat.isoformat(),
                abstract=_abstract(rng, style, drug, control, code, rng.randint(150, 1600)),
                authors=authors,
                publication_types=["Journal Article", "Randomized Controlled Trial"],
                mesh=["Humans", "Female", "Breast Neoplasms*", "Receptor, ErbB-2"],
                keywords=[drug, "HER2"],
                registry_ids=[f"NCT9{i:07d}"],
                in_pubmed=in_pubmed,
                in_crossref=in_crossref,
            )
        )
    return works
