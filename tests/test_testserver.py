"""The local protocol server speaks the real formats (checked with requests + Bio.Entrez)."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import requests
from Bio import Entrez

from her2mine.models import Correction
from her2mine.settings import Settings
from her2mine.testserver import (
    REVIEW_PATH,
    Corpus,
    CorpusWork,
    ProtocolServer,
    load_corpus,
    serve,
)
from her2mine.testserver.corpus import Author


@pytest.fixture(scope="module")
def srv():
    with ProtocolServer(rate_limit=False) as s:
        yield s


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus()


def esearch(srv, **params) -> requests.Response:
    return requests.get(
        srv.eutils_url + "esearch.fcgi", params={"db": "pubmed", **params}, timeout=10
    )


def entrez(resp: requests.Response):
    assert resp.status_code == 200, resp.text[:300]
    return Entrez.read(io.BytesIO(resp.content))


def doi_term(*dois: str) -> str:
    return " OR ".join(f'"{d}"[doi]' for d in dois)


def words(w: CorpusWork) -> set[str]:
    text = " ".join([w.title, w.abstract_text, *w.mesh, *w.keywords]).lower()
    return set(re.findall(r"[a-z0-9]+", text.replace("*", "")))


# -- corpus ---------------------------------------------------------------------------------
def test_bundled_corpus_is_synthetic_and_covers_the_special_cases(corpus):
    works = corpus.works()
    assert 30 <= len(works) <= 40
    assert all(w.synthetic for w in works)
    assert all(w.doi.startswith("10.5555/") for w in works if w.doi)
    assert all(int(w.pmid) >= 99000001 for w in works if w.pmid)
    assert len({w.doi for w in works if w.doi}) == len([w for w in works if w.doi])
    crossref_only = [w for w in works if w.in_crossref and not w.in_pubmed]
    pubmed_only = [w for w in works if w.in_pubmed and not w.in_crossref]
    assert 2 <= len(crossref_only) <= 3 and 2 <= len(pubmed_only) <= 3
    assert any(w.doi is None for w in pubmed_only)
    assert (
        min(w.edat_date.year for w in works) >= 2012
        and max(w.edat_date.year for w in works) == 2026
    )
    types = {c.type for w in works for c in w.corrections}
    assert {"ErratumIn", "ErratumFor", "RetractionIn", "RetractionOf"} <= types
    assert any(len(w.abstract) > 1 for w in works) and any(
        len(w.abstract) == 1 and w.abstract[0].label is None for w in works
    )
    assert any("·" in w.abstract_text for w in works)  # Lancet-style decimals


def test_review_cites_corpus_works(corpus):
    text = REVIEW_PATH.read_text(encoding="utf-8")
    assert "SYNTHETIC" in text.splitlines()[0]
    assert re.search(r"^doi: 10\.5555/her2mine\.review$", text, re.M)
    refs = re.findall(r"^\d+\. (.+)$", text.split("\nReferences\n")[1], re.M)
    assert len(refs) == 30
    dois = [re.search(r"(?:doi:|doi\.org/)(\S+)$", r) for r in refs]
    with_doi = [m.group(1).lower() for m in dois if m]
    assert len(refs) - len(with_doi) == 2
    assert all(corpus.by_doi(d) is not None for d in with_doi)
    assert len(with_doi) - len(set(with_doi)) == 1  # one work cited twice


# -- E-utilities ----------------------------------------------------------------------------
def test_esearch_doi_or_terms_return_the_pmids(srv, corpus):
    known = [w for w in corpus.works() if w.doi and w.in_pubmed][:6]
    crossref_only = next(w for w in corpus.works() if w.in_crossref and not w.in_pubmed)
    term = doi_term(*[w.doi.upper() for w in known], crossref_only.doi, "10.5555/none.1")
    rec = entrez(esearch(srv, term=term, retmax=100))
    assert sorted(rec["IdList"]) == sorted(w.pmid for w in known)
    assert int(rec["Count"]) == len(known)
    assert set(rec["ErrorList"]["PhraseNotFound"]) == {crossref_only.doi, "10.5555/none.1"}
    assert "[DOI]" in rec["QueryTranslation"]


def test_esearch_words_and_booleans_match_title_abstract_mesh_keywords(srv, corpus):
    pubmed = [w for w in corpus.works() if w.in_pubmed]
    for term, pred in [
        ("tucatinib", lambda ws: "tucatinib" in ws),
        ("Tucatinib AND brain", lambda ws: {"tucatinib", "brain"} <= ws),
        ("pyrotinib OR neratinib", lambda ws: bool({"pyrotinib", "neratinib"} & ws)),
        (
            "(pyrotinib OR neratinib) NOT capecitabine",
            lambda ws: bool({"pyrotinib", "neratinib"} & ws) and "capecitabine" not in ws,
        ),
    ]:
        rec = entrez(esearch(srv, term=term, retmax=100))
        expected = {w.pmid for w in pubmed if pred(words(w))}
        assert expected, term
        assert set(rec["IdList"]) == expected, term
    rec = entrez(esearch(srv, term='"interstitial lung disease"', retmax=100))
    assert set(rec["IdList"]) == {
        w.pmid for w in pubmed if "interstitial lung disease" in w.abstract_text.lower()
    }
    rec = entrez(esearch(srv, term="99000003[pmid]"))
    assert rec["IdList"] == ["99000003"]
    rec = entrez(esearch(srv, term="NCT03529110[si]", retmax=100))
    assert set(rec["IdList"]) == {w.pmid for w in pubmed if "NCT03529110" in w.registry_ids}


@pytest.mark.parametrize(
    ("mindate", "maxdate", "lo", "hi"),
    [
        ("2020/01/01", "2020/12/31", "2020-01-01", "2020-12-31"),
        ("2022", "2023", "2022-01-01", "2023-12-31"),
        ("2026/01/01", "2026/12/31", "2026-01-01", "2026-12-31"),
    ],
)
def test_esearch_date_window_filters_by_edat(srv, corpus, mindate, maxdate, lo, hi):
    rec = entrez(
        esearch(srv, term="breast", mindate=mindate, maxdate=maxdate, datetype="edat", retmax=1000)
    )
    expected = {
        w.pmid
        for w in corpus.works()
        if w.in_pubmed and lo <= w.edat <= hi and "breast" in words(w)
    }
    assert expected and set(rec["IdList"]) == expected
    assert "[Date - Entry]" in rec["QueryTranslation"]


def test_esearch_paging_and_count(srv):
    full = entrez(esearch(srv, term="breast", retmax=1000))
    ids = full["IdList"]
    assert int(full["Count"]) == len(ids) > 10
    page = entrez(esearch(srv, term="breast", retstart=5, retmax=5))
    assert page["IdList"] == ids[5:10] and page["RetStart"] == "5" and page["RetMax"] == "5"


def test_esearch_no_hits_and_bad_db_look_like_real(srv, real_dir):
    r = esearch(srv, term="abcXYZ")
    real = ET.parse(real_dir / "esearch/esearch_no_results_phrase_not_found.xml").getroot()
    ours = ET.fromstring(r.content)
    assert [e.tag for e in ours] == [e.tag for e in real]
    assert ours.findtext("ErrorList/PhraseNotFound") == "abcXYZ"
    assert ours.findtext("Count") == "0"
    assert (
        r.text.splitlines()[1]
        == (real_dir / "esearch/esearch_no_results_phrase_not_found.xml")
        .read_text()
        .splitlines()[1]
    )  # DOCTYPE
    bad = ET.fromstring(esearch(srv, db="fleegle", term="cat").content)
    assert bad.findtext("ERROR") == "Invalid db name specified: fleegle"
    assert bad.find("Count") is None


def test_usehistory_webenv_feeds_efetch(srv, corpus):
    dois = [w.doi for w in corpus.works() if w.doi and w.in_pubmed][:4]
    rec = entrez(esearch(srv, term=doi_term(*dois), usehistory="y"))
    assert re.fullmatch(r"MCID_[0-9a-f]{24}", rec["WebEnv"]) and rec["QueryKey"] == "1"
    r = requests.get(
        srv.eutils_url + "efetch.fcgi",
        timeout=10,
        params={
            "db": "pubmed",
            "retmode": "xml",
            "WebEnv": rec["WebEnv"],
            "query_key": rec["QueryKey"],
        },
    )
    arts = entrez(r)["PubmedArticle"]
    assert sorted(str(a["MedlineCitation"]["PMID"]) for a in arts) == sorted(rec["IdList"])
    bad = requests.get(
        srv.eutils_url + "efetch.fcgi",
        timeout=10,
        params={"db": "pubmed", "WebEnv": "MCID_nope", "query_key": "1"},
    )
    assert bad.status_code == 400 and "ERROR" in bad.text


def test_efetch_post_round_trips_the_record(srv, corpus, real_dir):
    w = corpus.by_doi("10.5555/her2mine.0018")  # structured abstract, PMC, ErratumIn
    r = requests.post(
        srv.eutils_url + "efetch.fcgi",
        timeout=10,
        data={"db": "pubmed", "retmode": "xml", "id": f"{w.pmid},123,99000001"},
    )
    real_doctype = (
        (real_dir / "pubmed-efetch-xml/efetch_pubmed_38909159_structured_nlmcategory.xml")
        .read_text()
        .splitlines()[1]
    )
    assert r.text.splitlines()[1] == real_doctype
    arts = entrez(r)["PubmedArticle"]
    assert [str(a["MedlineCitation"]["PMID"]) for a in arts] == [w.pmid, "99000001"]
    cit = arts[0]["MedlineCitation"]
    art = cit["Article"]
    assert art["ArticleTitle"] == w.title
    secs = art["Abstract"]["AbstractText"]
    assert [(s.attributes["Label"], s.attributes["NlmCategory"], str(s)) for s in secs] == [
        (s.label, s.category, s.text) for s in w.abstract
    ]
    assert [
        f"{a['LastName']}, {' '.join(c + '.' for c in a['Initials'])}" for a in art["AuthorList"]
    ] == [a.display() for a in w.authors]
    assert art["Journal"]["Title"] == w.journal
    assert art["Journal"]["JournalIssue"]["PubDate"]["Year"] == str(w.year)
    assert [str(p) for p in art["PublicationTypeList"]] == w.publication_types
    bank = art["DataBankList"][0]
    assert bank["DataBankName"] == "ClinicalTrials.gov"
    assert list(bank["AccessionNumberList"]) == w.registry_ids
    assert [str(m["DescriptorName"]) for m in cit["MeshHeadingList"]] == [
        m.rstrip("*") for m in w.mesh
    ]
    assert [str(k) for k in cit["KeywordList"][0]] == w.keywords
    cc = cit["CommentsCorrectionsList"][0]
    assert cc.attributes["RefType"] == "ErratumIn" and str(cc["PMID"]) == "99000031"
    ids = {i.attributes["IdType"]: str(i) for i in arts[0]["PubmedData"]["ArticleIdList"]}
    assert ids == {"pubmed": w.pmid, "doi": w.doi, "pmc": w.pmcid}


def test_efetch_non_ascii_and_retraction(srv, corpus):
    w = corpus.by_doi("10.5555/her2mine.0029")
    r = requests.get(
        srv.eutils_url + "efetch.fcgi",
        timeout=10,
        params={"db": "pubmed", "id": f"{w.pmid},99000008", "retmode": "xml"},
    )
    assert "&#xfc;" in r.text and "ü" not in r.text  # current EFetch style
    arts = entrez(r)["PubmedArticle"]
    cit = arts[0]["MedlineCitation"]
    assert "Retracted Publication" in [str(p) for p in cit["Article"]["PublicationTypeList"]]
    assert cit["CommentsCorrectionsList"][0].attributes["RefType"] == "RetractionIn"
    assert arts[1]["MedlineCitation"]["Article"]["AuthorList"][0]["LastName"] == "Müller-Thal"


def test_efetch_every_record_validates_against_the_pubmed_dtd(srv, corpus):
    pmids = corpus.pmids()
    r = requests.post(
        srv.eutils_url + "efetch.fcgi",
        timeout=10,
        data={"db": "pubmed", "id": ",".join(pmids), "retmode": "xml"},
    )
    arts = entrez(r)["PubmedArticle"]  # Bio.Entrez validates elements against the DTD
    assert [str(a["MedlineCitation"]["PMID"]) for a in arts] == pmids
    erratum = next(a for a in arts if str(a["MedlineCitation"]["PMID"]) == "99000031")
    assert "Abstract" not in erratum["MedlineCitation"]["Article"]


def test_efetch_unknown_ids_give_an_empty_set(srv):
    r = requests.get(
        srv.eutils_url + "efetch.fcgi",
        timeout=10,
        params={"db": "pubmed", "id": "1,2", "retmode": "xml"},
    )
    assert r.status_code == 200
    assert ET.fromstring(r.content).tag == "PubmedArticleSet" and len(ET.fromstring(r.content)) == 0


# -- PMC ID converter -----------------------------------------------------------------------
def test_idconv_knows_only_pmc_works(srv, corpus, real_dir):
    in_pmc = [w for w in corpus.works() if w.in_pmc][:3]
    not_pmc = [w for w in corpus.works() if w.in_pubmed and w.doi and not w.in_pmc][:2]
    ids = [w.doi for w in in_pmc + not_pmc]
    r = requests.get(
        srv.idconv_url,
        timeout=10,
        params={
            "ids": ",".join(ids),
            "format": "json",
            "idtype": "doi",
            "tool": "t",
            "email": "e@x",
        },
    )
    assert r.status_code == 200 and "charset=ISO-8859-1" in r.headers["Content-Type"]
    body = r.json()
    real = json.loads((real_dir / "idconv/idconv_doi_10.1038_ng.590_versions.json").read_text())
    assert list(body) == list(real)
    recs = body["records"]
    assert [(x["pmcid"], x["pmid"], x["doi"]) for x in recs[:3]] == [
        (w.pmcid, w.pmid, w.doi) for w in in_pmc
    ]
    assert all(
        isinstance(x["pmid"], str) and x["versions"][0]["current"] == "true" for x in recs[:3]
    )
    assert [(x["doi"], x["status"]) for x in recs[3:]] == [(w.doi, "error") for w in not_pmc]
    assert "ids=" in body["request"] and body["request"].count(";") == 4


def test_idconv_request_errors(srv):
    r = requests.get(
        srv.idconv_url, timeout=10, params={"ids": "28371833", "idtype": "doi", "format": "json"}
    )
    assert r.status_code == 404
    assert r.json()["message"] == "ID%20type%20%27doi%27%20mismatch%20for%20%2728371833%27"
    assert "records" not in r.json()
    many = ",".join(str(99000001 + i) for i in range(201))
    r = requests.get(srv.idconv_url, timeout=10, params={"ids": many, "format": "json"})
    assert r.status_code >= 400 and r.json()["status"] == "error"


# -- Crossref -------------------------------------------------------------------------------
def test_crossref_single_work_shape(srv, corpus, real_dir):
    w = corpus.by_doi("10.5555/her2mine.0018")
    r = requests.get(f"{srv.crossref_url}/works/{w.doi}", timeout=10)
    assert r.status_code == 200 and r.headers["X-Rate-Limit-Limit"] == "50"
    assert r.headers["X-Rate-Limit-Interval"] == "1s"
    assert "\\/" in r.text  # slashes escaped like the real API
    body = r.json()
    real = json.loads(
        (real_dir / "crossref-works/works_10.1371_journal.pone.0033693.json").read_text()
    )
    assert list(body) == list(real) and body["message-type"] == "work"
    m = body["message"]
    assert set(m) >= {
        "DOI",
        "title",
        "container-title",
        "author",
        "issued",
        "published",
        "type",
        "URL",
        "reference-count",
        "abstract",
        "updated-by",
    }
    assert m["DOI"] == w.doi and m["title"] == [w.title] and m["type"] == "journal-article"
    assert [(a["given"], a["family"], a["sequence"]) for a in m["author"]][:2] == [
        (w.authors[0].given, w.authors[0].family, "first"),
        (w.authors[1].given, w.authors[1].family, "additional"),
    ]
    assert m["issued"]["date-parts"] == [[w.year, w.month, w.day]]
    assert m["abstract"].startswith("<jats:sec><jats:title>")
    assert m["clinical-trial-number"][0]["clinical-trial-number"] == "nct03529110"
    assert m["updated-by"][0]["DOI"] == "10.5555/her2mine.0031"
    assert m["updated-by"][0]["type"] == "correction"


def test_crossref_notices_and_retraction(srv):
    erratum = requests.get(f"{srv.crossref_url}/works/10.5555/her2mine.0031", timeout=10).json()
    assert erratum["message"]["update-to"][0]["DOI"] == "10.5555/her2mine.0018"
    retracted = requests.get(f"{srv.crossref_url}/works/10.5555/her2mine.0029", timeout=10).json()[
        "message"
    ]
    assert [(u["DOI"], u["type"]) for u in retracted["updated-by"]] == [
        ("10.5555/her2mine.0030", "retraction")
    ]


def test_crossref_unknown_and_pubmed_only_dois_404(srv, real_dir):
    for doi in ("10.5555/nothing.here", "10.5555/her2mine.0027"):
        r = requests.get(f"{srv.crossref_url}/works/{doi}", timeout=10)
        assert r.status_code == 404 and r.headers["Content-Type"] == "text/plain"
        assert (
            r.content == (real_dir / "crossref-works/error_404_resource_not_found.txt").read_bytes()
        )
        assert r.headers["X-Rate-Limit-Limit"] == "50"


def test_crossref_doi_with_slashes_and_parentheses():
    c = Corpus(
        [
            CorpusWork(
                key="odd",
                title="Odd DOI",
                year=2020,
                doi="10.5555/S0140-6736(16)00367-8/x",
                pmid="99100001",
            )
        ]
    )
    with serve(c, rate_limit=False) as s:
        for path in ("10.5555/S0140-6736(16)00367-8/x", "10.5555%2FS0140-6736%2816%2900367-8%2Fx"):
            r = requests.get(f"{s.crossref_url}/works/{path}", timeout=10)
            assert r.status_code == 200 and r.json()["message"]["DOI"] == (
                "10.5555/s0140-6736(16)00367-8/x"
            )


def test_crossref_filter_many_dois(srv, corpus):
    known = corpus.dois(crossref=True)
    unknown = ["10.5555/her2mine.0027", "10.5555/zzz"]
    flt = ",".join(f"doi:{d}" for d in known + unknown)
    r = requests.get(f"{srv.crossref_url}/works", timeout=10, params={"filter": flt, "rows": 1000})
    m = r.json()["message"]
    assert r.json()["message-type"] == "work-list"
    assert m["total-results"] == len(known) and m["items-per-page"] == 1000
    assert sorted(i["DOI"] for i in m["items"]) == sorted(known)
    assert m["query"] == {"start-index": 0, "search-terms": None} and m["facets"] == {}
    assert all(i["score"] == 0.0 for i in m["items"])


def _review_refs() -> list[str]:
    text = REVIEW_PATH.read_text(encoding="utf-8")
    return re.findall(r"^\d+\. (.+)$", text.split("\nReferences\n")[1], re.M)


def test_bibliographic_query_finds_no_doi_reference_with_margin(srv):
    ref = _review_refs()[5]  # MARIANNE, cited without DOI
    assert "doi" not in ref.lower()
    r = requests.get(
        f"{srv.crossref_url}/works", timeout=10, params={"query.bibliographic": ref, "rows": 2}
    )
    items = r.json()["message"]["items"]
    assert items[0]["DOI"] == "10.5555/her2mine.0006"
    assert items[1]["score"] < 0.6 * items[0]["score"]
    assert r.json()["message"]["query"]["search-terms"] == ref


def test_bibliographic_query_ambiguous_reference_gives_close_scores(srv):
    ref = _review_refs()[10]
    r = requests.get(
        f"{srv.crossref_url}/works", timeout=10, params={"query.bibliographic": ref, "rows": 2}
    )
    a, b = r.json()["message"]["items"]
    assert {a["DOI"], b["DOI"]} == {"10.5555/her2mine.0010", "10.5555/her2mine.0011"}
    assert b["score"] >= 0.9 * a["score"]


def test_crossref_select_cursor_and_validation(srv, corpus, real_dir):
    r = requests.get(
        f"{srv.crossref_url}/works",
        timeout=10,
        params={"query": "trastuzumab", "select": "DOI,title", "rows": 3},
    )
    assert all(set(i) == {"DOI", "title"} for i in r.json()["message"]["items"])
    seen, cursor = [], "*"
    for _ in range(20):
        m = requests.get(
            f"{srv.crossref_url}/works", timeout=10, params={"cursor": cursor, "rows": 10}
        ).json()["message"]
        if not m["items"]:
            break
        seen += [i["DOI"] for i in m["items"]]
        cursor = m["next-cursor"]
    assert sorted(seen) == sorted(corpus.dois(crossref=True))
    r = requests.get(
        f"{srv.crossref_url}/works/10.5555/her2mine.0001",
        timeout=10,
        params={"query.author": "carl boettiger"},
    )
    assert r.status_code == 400
    assert r.json() == json.loads(
        (real_dir / "crossref-works/error_400_validation_failure.json").read_text()
    )
    for params in (
        {"rows": 2000},
        {"bogus": "1"},
        {"filter": "nosuch:1"},
        {"cursor": "*", "offset": 5},
    ):
        r = requests.get(f"{srv.crossref_url}/works", timeout=10, params=params)
        assert r.status_code == 400, params
        assert r.json()["status"] == "failed" and isinstance(r.json()["message"], list)


# -- mutable corpus ---------------------------------------------------------------------------
def test_mutations_show_up_in_every_service():
    c = load_corpus()
    with serve(c, rate_limit=False) as s:
        new = c.add(
            CorpusWork(
                key="new",
                title="Zanidatamab in HER2-positive disease.",
                year=2026,
                doi="10.5555/her2mine.9001",
                pmid="99009001",
                pmcid="PMC99009001",
                edat="2026-06-01",
                authors=[Author("Novak", "Petra")],
                abstract="A new trial.",
            )
        )
        rec = entrez(
            esearch(
                s, term="zanidatamab", mindate="2026/05/01", maxdate="2026/06/30", datetype="edat"
            )
        )
        assert rec["IdList"] == [new.pmid]
        assert requests.get(f"{s.crossref_url}/works/{new.doi}", timeout=10).status_code == 200
        idc = requests.get(
            s.idconv_url, params={"ids": new.pmid, "format": "json"}, timeout=10
        ).json()
        assert idc["records"][0]["pmcid"] == "PMC99009001"

        c.set_abstract("10.5555/her2mine.0003", "Rewritten abstract.", date="2026-07-01")
        rec = entrez(
            esearch(s, term="breast", mindate="2026/07/01", maxdate="2026/07/01", datetype="mdat")
        )
        assert "99000003" in rec["IdList"]
        art = entrez(
            requests.get(
                s.eutils_url + "efetch.fcgi", timeout=10, params={"db": "pubmed", "id": "99000003"}
            )
        )["PubmedArticle"][0]
        assert str(art["MedlineCitation"]["Article"]["Abstract"]["AbstractText"][0]) == (
            "Rewritten abstract."
        )

        notice = c.retract("10.5555/her2mine.0012", date="2026-07-02")
        art = entrez(
            requests.get(
                s.eutils_url + "efetch.fcgi",
                timeout=10,
                params={"db": "pubmed", "id": "99000012," + notice.pmid},
            )
        )["PubmedArticle"]
        cc = art[0]["MedlineCitation"]["CommentsCorrectionsList"]
        assert [(x.attributes["RefType"], str(x["PMID"])) for x in cc] == [
            ("RetractionIn", notice.pmid)
        ]
        assert "Retraction of Publication" in [
            str(p) for p in art[1]["MedlineCitation"]["Article"]["PublicationTypeList"]
        ]
        msg = requests.get(f"{s.crossref_url}/works/10.5555/her2mine.0012", timeout=10).json()[
            "message"
        ]
        assert msg["updated-by"][0] == {
            **msg["updated-by"][0],
            "DOI": notice.doi,
            "type": "retraction",
        }

        c.add_correction(
            "99000014",
            Correction(type="ErratumIn", pmid="99000031", doi="10.5555/her2mine.0031", note="x"),
        )
        art = entrez(
            requests.get(
                s.eutils_url + "efetch.fcgi", timeout=10, params={"db": "pubmed", "id": "99000014"}
            )
        )["PubmedArticle"][0]
        assert (
            art["MedlineCitation"]["CommentsCorrectionsList"][0].attributes["RefType"]
            == "ErratumIn"
        )


# -- plumbing -------------------------------------------------------------------------------
def test_settings_env_and_request_log(srv):
    s = srv.settings(email="me@example.org")
    assert (
        isinstance(s, Settings) and s.eutils_url == srv.eutils_url and s.email == ("me@example.org")
    )
    assert srv.env() == {
        "HER2MINE_EUTILS_URL": srv.eutils_url,
        "HER2MINE_IDCONV_URL": srv.idconv_url,
        "HER2MINE_CROSSREF_URL": srv.crossref_url,
    }
    esearch(srv, term="trastuzumab", tool="her2mine", email="me@example.org", api_key="SECRET")
    rec = list(srv.requests)[-1]
    assert rec.service == "eutils" and rec.method == "GET" and rec.status == 200
    assert rec.params["tool"] == "her2mine" and rec.params["email"] == "me@example.org"
    assert rec.params["api_key"] == "***" and "SECRET" not in repr(list(srv.requests))
    before = srv.stats["requests"].get("eutils_without_tool_email", 0)
    esearch(srv, term="trastuzumab")
    assert srv.stats["requests"]["eutils_without_tool_email"] == before + 1


def test_serve_stops_the_server():
    with serve(Corpus()) as s:
        url = s.crossref_url + "/works"
        assert requests.get(url, timeout=5).json()["message"]["total-results"] == 0
    with pytest.raises(requests.ConnectionError):
        requests.get(url, timeout=2)


def test_generated_corpus_is_deterministic_and_served():
    a, b = Corpus.generate(n=1000, seed=0), Corpus.generate(n=1000, seed=0)
    assert [w.to_dict() for w in a] == [w.to_dict() for w in b]
    assert [w.title for w in Corpus.generate(n=20, seed=1)] != [w.title for w in a.works()[:20]]
    dois = a.dois()
    assert len(dois) == len(set(dois)) == 1000
    assert not set(dois) & set(load_corpus().dois())
    with serve(a, rate_limit=False) as s:
        sample = a.dois(crossref=True)[:100]
        r = requests.get(
            f"{s.crossref_url}/works",
            timeout=10,
            params={"filter": ",".join(f"doi:{d}" for d in sample), "rows": 100},
        )
        assert sorted(i["DOI"] for i in r.json()["message"]["items"]) == sorted(sample)
        sample = a.dois(pubmed=True)[:200]
        r = requests.post(
            s.eutils_url + "esearch.fcgi",
            timeout=10,
            data={"db": "pubmed", "term": doi_term(*sample), "retmax": 500},
        )
        assert int(entrez(r)["Count"]) == 200


def test_cli_prints_exports(tmp_path: Path):
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from her2mine.cli import main; main()",
            "testserver",
            "--fault",
            "503:eutils:times=1",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        lines = [proc.stdout.readline() for _ in range(4)]
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    env = dict(re.findall(r"^export (\w+)=(\S+)$", "".join(lines), re.M))
    assert set(env) == {"HER2MINE_EUTILS_URL", "HER2MINE_IDCONV_URL", "HER2MINE_CROSSREF_URL"}
