"""PubMed EFetch XML parser: concrete values from the captured files, plus edge cases."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from her2mine.errors import ParseError, ServiceError
from her2mine.models import AbstractSection, Correction
from her2mine.parse.pubmed_xml import parse_pubmed_xml


@pytest.fixture(scope="module")
def efetch(real_dir: Path):
    def load(name: str) -> bytes:
        return (real_dir / "pubmed-efetch-xml" / name).read_bytes()

    return load


def by_pmid(works):
    return {w.pmid: w for w in works}


def test_no_abstract_season_date_and_kie_keywords(efetch):
    works = by_pmid(parse_pubmed_xml(efetch("efetch_pubmed_12091962_9997.xml")))
    assert list(works) == ["12091962", "9997"]
    w = works["12091962"]
    assert w.abstract is None and w.abstract_sections == []
    assert "abstract" not in w.sources
    assert w.year == 1990  # <Year>1990</Year><Season>Spring</Season>
    assert w.doi is None and w.pmcid is None  # ArticleIdList has only the pubmed id
    assert w.title == "The treatment of AIDS behind the walls of correctional facilities."
    assert w.authors == ["Olivero JM"]
    assert w.journal == "Social justice (San Francisco, Calif.)"
    assert w.journal_abbrev == "Soc Justice"
    assert w.publication_types == ["Journal Article", "Review"]
    assert len(w.mesh) == 19 and w.mesh[0] == "AIDS Serodiagnosis"
    assert w.keywords == ["Health Care and Public Health", "Legal Approach"]
    w = works["9997"]
    assert w.year == 1976
    assert w.doi == "10.1016/0005-2795(76)90109-4"
    assert len(w.mesh) == 13
    assert w.abstract.startswith("Electron paramagnetic resonance and magnetic susceptibility")
    assert w.abstract_sections == [AbstractSection(label=None, category=None, text=w.abstract)]
    assert w.sources["doi"] == "pubmed"


def test_same_pmid_2012_capture_old_dtd_http_url(efetch):
    """Old layout: http:// DTD URL, DateCreated, list-shaped record; no network needed."""
    works = by_pmid(parse_pubmed_xml(efetch("efetch_pubmed_17284678_9997_2012.xml")))
    assert set(works) == {"17284678", "9997"}
    assert works["9997"].doi is None  # 2012: only the pubmed id in ArticleIdList
    assert works["17284678"].pmcid == "PMC1800922"
    assert works["17284678"].doi == "10.1101/gr.5823007"
    assert works["17284678"].year == 2007


def test_label_only_structured_abstract_with_inline_markup(efetch):
    [w] = parse_pubmed_xml(efetch("efetch_pubmed_27797938_structured_inline_markup.xml"))
    assert w.pmid == "27797938"
    assert w.title == (
        "Leucocyte telomere length, genetic variants at the TERT gene region and risk of "
        "pancreatic cancer."
    )
    assert w.pmcid == "PMC5442267"
    assert w.doi == "10.1136/gutjnl-2016-312510"
    assert [(s.label, s.category) for s in w.abstract_sections] == [
        ("OBJECTIVE", None),
        ("DESIGN", None),
        ("RESULTS", None),
        ("CONCLUSIONS", None),
    ]
    lines = w.abstract.split("\n")
    assert len(lines) == 4
    assert lines[0].startswith("OBJECTIVE: Telomere shortening occurs as an early event")
    assert lines[3] == (
        "CONCLUSIONS: Prediagnostic leucocyte telomere length and genetic variants at the TERT "
        "gene region were associated with risk of pancreatic cancer."
    )
    assert "transcriptase (TERT) gene" in w.abstract
    assert "ptrend=0.048" in w.abstract  # p<sub>trend</sub>=0.048
    assert len(w.mesh) == 21
    assert w.year == 2017


def test_mathml_and_escaped_less_than(efetch):
    [w] = parse_pubmed_xml(efetch("efetch_pubmed_30108519_mathml.xml"))
    assert w.title.startswith('A "Blood Relationship" Between the Overlooked Minimum Lactate')
    # MathML layout whitespace dropped; the formula reads as text; <sup>-1</sup> is "⁻¹"
    assert "maximal oxygen uptake ( V.O2max ) 67.6 ± 4.1 ml·kg⁻¹·min⁻¹]" in w.abstract
    # "&lt;" in the XML is text, not a tag start
    assert "(P < 0.001; ES: 3.54)" in w.abstract
    assert "mml" not in w.abstract and "math" not in w.abstract.lower().replace("mathematic", "")
    assert w.mesh == [] and w.pmcid == "PMC6079548"
    assert w.doi == "10.3389/fphys.2018.01034"


def test_book_article(efetch):
    [w] = parse_pubmed_xml(efetch("efetch_pubmed_20301577_book_article.xml"))
    assert w.pmid == "20301577"
    assert w.title == "CACNA1C-Related Disorders"
    assert w.journal == "GeneReviews®"  # <sup>&#xae;</sup> flattened
    assert w.year == 1993
    assert w.authors == ["Napolitano C", "Priori SG"]  # chapter authors, not the editors
    assert w.publication_types == ["Review"]
    assert [s.label for s in w.abstract_sections] == [
        "CLINICAL CHARACTERISTICS",
        "DIAGNOSIS/TESTING",
        "MANAGEMENT",
        "GENETIC COUNSELING",
    ]
    assert all(s.category is None for s in w.abstract_sections)
    assert w.abstract.startswith("CLINICAL CHARACTERISTICS: The clinical manifestations of CACNA1C")
    assert "(rate-corrected QT [QTc] interval >480 ms)" in w.abstract
    assert w.mesh == [] and w.doi is None
    assert "Timothy Syndrome" in w.keywords
    assert w.keywords.count("Timothy Syndrome") == 1  # listed twice in the XML
    assert w.sources["title"] == "pubmed"


def test_empty_article_title_falls_back_to_vernacular(efetch):
    [w] = parse_pubmed_xml(efetch("efetch_pubmed_33279447_empty_title_no_abstract.xml"))
    assert w.pmid == "33279447"
    assert w.title == "Pere Barceló."
    assert w.abstract is None
    assert w.doi == "10.1016/j.reuma.2020.11.001"
    assert w.mesh == []


def test_title_italic_entity_and_pseudo_headings(efetch):
    [w] = parse_pubmed_xml(efetch("efetch_pubmed_37167981_inline_italic_entities.xml"))
    assert w.title == (
        "Monte Carlo simulation of micro-x-ray fluorescence (μ-XRF) based detection of "
        "immunomagnetically labeled tumor cells."
    )
    assert w.abstract.startswith("Objective. Circulating tumor cells (CTCs)")
    assert len(w.abstract_sections) == 1 and w.abstract_sections[0].label is None
    assert "Approach." in w.abstract


def test_empty_set(efetch):
    assert parse_pubmed_xml(efetch("efetch_pubmed_37909814_empty_set.xml")) == []


def test_unassigned_labels_and_collective_author(efetch):
    [w] = parse_pubmed_xml(efetch("efetch_pubmed_38534005_unassigned_labels_italics.xml"))
    pairs = [(s.label, s.category) for s in w.abstract_sections]
    assert pairs == [
        ("BACKGROUND", "BACKGROUND"),
        ("RECOMMENDATIONS", "CONCLUSIONS"),
        ("MEDICAL NEEDS AND TEST REQUISITION", "UNASSIGNED"),
        ("SPECIMEN COLLECTION", "UNASSIGNED"),
        ("CHEMISTRY", "UNASSIGNED"),
        ("PARTICLES", "UNASSIGNED"),
        ("BACTERIOLOGY", "UNASSIGNED"),
    ]
    assert w.authors[0] == "Kouri TT"
    assert w.authors[-1].startswith("Task and Finish Group for Urinalysis (TFG-U)")
    assert "<i>" not in w.abstract
    assert w.year == 2024


def test_erratum_comments_corrections(efetch):
    [w] = parse_pubmed_xml(efetch("efetch_pubmed_38833988_erratum_no_abstract.xml"))
    assert w.pmid == "38833988"
    assert w.publication_types == ["Published Erratum"]
    assert w.abstract is None
    assert w.corrections == [
        Correction(
            type="ErratumFor",
            pmid="33279609",
            doi="10.1016/j.bbamcr.2020.118918",
            note=(
                "Biochim Biophys Acta Mol Cell Res. 2021 Mar;1868(3):118918. doi: "
                "10.1016/j.bbamcr.2020.118918."
            ),
            source="pubmed",
        )
    ]
    assert w.sources["corrections"] == "pubmed"


def test_label_differs_from_nlmcategory(efetch):
    [w] = parse_pubmed_xml(efetch("efetch_pubmed_38909159_structured_nlmcategory.xml"))
    pairs = [(s.label, s.category) for s in w.abstract_sections]
    assert pairs[-2:] == [("CONCLUSION", "CONCLUSIONS"), ("IMPACT", "CONCLUSIONS")]
    assert w.pmcid == "PMC11798830"
    assert w.doi == "10.1038/s41390-024-03336-8"
    assert len(w.mesh) == 9
    assert w.year == 2025
    assert "Şahin N" in w.authors


def test_four_articles_2024_ids_never_from_reference_list(efetch):
    data = efetch("efetch_pubmed_4articles_2024.xml")
    works = by_pmid(parse_pubmed_xml(data))
    assert list(works) == ["36400559", "2930949", "11446611", "28786991"]
    # 2930949 has 91 references carrying ArticleIds, but no doi of its own
    assert works["2930949"].doi is None
    assert works["2930949"].pmcid == "PMC1306303"
    assert works["11446611"].year == 2001  # Season "May-Jun"
    assert works["11446611"].abstract is None
    assert works["11446611"].doi == "10.7861/clinmedicine.1-3-188"
    sections = works["28786991"].abstract_sections
    assert [(s.label, s.category) for s in sections] == [
        ("OBJECTIVE", "OBJECTIVE"),
        ("METHODS", "METHODS"),
        ("RESULTS", "RESULTS"),
        ("CONCLUSIONS", "CONCLUSIONS"),
    ]
    # CopyrightInformation is not part of the abstract text
    assert "©" not in works["36400559"].abstract


def test_medline_date_and_empty_abstract_text(efetch):
    works = by_pmid(parse_pubmed_xml(efetch("efetch_pubmed_5articles_medlinedate_2022.xml")))
    assert list(works) == ["35196497", "33278872", "24792780", "30158200", "151222"]
    assert works["151222"].year == 1978  # <MedlineDate>1978 Jul-Sep</MedlineDate>
    w = works["33278872"]  # empty <AbstractText/> then Label="ABSTRACT" UNASSIGNED
    assert [(s.label, s.category) for s in w.abstract_sections] == [("ABSTRACT", "UNASSIGNED")]
    assert w.abstract.startswith("ABSTRACT: Strict physical distancing measures")
    first = works["24792780"].abstract_sections[0]
    assert (first.label, first.category) == ("INTRODUCTION", "BACKGROUND")
    assert [s.label for s in works["30158200"].abstract_sections] == [
        "OBJECTIVES",
        "DESIGN",
        "SETTING",
        "PARTICIPANTS",
        "RESULTS",
        "CONCLUSIONS",
    ]
    assert works["30158200"].pmcid == "PMC6113773"
    assert works["35196497"].title.endswith("by de-conjugating SUMO from C/EBPβ.")
    assert "C/EBPβ" in works["35196497"].keywords


# --- synthetic variations of a real record --------------------------------------------------


def test_databank_registry_ids_and_correction_types(efetch):
    data = efetch("efetch_pubmed_27797938_structured_inline_markup.xml").decode("utf-8")
    databank = (
        "<DataBankList CompleteYN='Y'><DataBank><DataBankName>ClinicalTrials.gov</DataBankName>"
        "<AccessionNumberList><AccessionNumber>NCT01120184</AccessionNumber>"
        "<AccessionNumber>NCT00567190</AccessionNumber></AccessionNumberList></DataBank>"
        "</DataBankList>"
    )
    data = data.replace("<PublicationTypeList>", databank + "<PublicationTypeList>", 1)
    corrections = (
        "<CommentsCorrectionsList>"
        '<CommentsCorrections RefType="RetractionIn"><RefSource>Gut. 2020;1:1</RefSource>'
        '<PMID Version="1">11111111</PMID></CommentsCorrections>'
        '<CommentsCorrections RefType="CommentIn"><RefSource>Gut. 2018</RefSource>'
        '<PMID Version="1">22222222</PMID></CommentsCorrections>'
        '<CommentsCorrections RefType="ExpressionOfConcernIn"><RefSource>Gut. 2019</RefSource>'
        "</CommentsCorrections>"
        "</CommentsCorrectionsList>"
    )
    data = re.sub(r"<CommentsCorrectionsList>.*?</CommentsCorrectionsList>", "", data, flags=re.S)
    data = data.replace("<MeshHeadingList>", corrections + "<MeshHeadingList>", 1)
    [w] = parse_pubmed_xml(data.encode("utf-8"))
    assert w.registry_ids == ["NCT01120184", "NCT00567190"]
    assert w.sources["registry_ids"] == "pubmed"
    assert [(c.type, c.pmid) for c in w.corrections] == [
        ("RetractionIn", "11111111"),
        ("ExpressionOfConcernIn", None),
    ]


def test_missing_doctype_and_declaration_still_parses(efetch):
    data = efetch("efetch_pubmed_38909159_structured_nlmcategory.xml")
    bare = re.sub(rb"<\?xml[^>]*\?>|<!DOCTYPE[^>]*>", b"", data)
    assert b"<!DOCTYPE" not in bare
    assert parse_pubmed_xml(bare) == parse_pubmed_xml(data)


def test_unknown_pubmed_dtd_version_falls_back_to_bundled(efetch):
    data = efetch("efetch_pubmed_38909159_structured_nlmcategory.xml")
    newer = data.replace(b"pubmed_250101.dtd", b"pubmed_990101.dtd")
    assert newer != data
    assert parse_pubmed_xml(newer) == parse_pubmed_xml(data)


def test_never_downloads_dtds(efetch, real_dir, monkeypatch):
    import Bio.Entrez.Parser as bio_parser

    def no_network(*args, **kwargs):
        raise AssertionError("tried to fetch a DTD from the network")

    monkeypatch.setattr(bio_parser, "urlopen", no_network)
    for path in sorted((real_dir / "pubmed-efetch-xml").glob("*.xml")):
        parse_pubmed_xml(path.read_bytes())
    unknown = efetch("efetch_pubmed_37909814_empty_set.xml").replace(
        b"pubmed_250101.dtd", b"someother_250101.dtd"
    )
    with pytest.raises(ParseError, match="someother_250101.dtd"):
        parse_pubmed_xml(unknown)


@pytest.mark.parametrize("cut", [200, 5000, -40])
def test_truncated_xml_is_parse_error(efetch, cut):
    data = efetch("efetch_pubmed_27797938_structured_inline_markup.xml")[:cut]
    with pytest.raises(ParseError) as info:
        parse_pubmed_xml(data, source="efetch id=27797938")
    assert info.value.source == "efetch id=27797938"


@pytest.mark.parametrize("data", [b"", b"   ", b"Service unavailable", b"<html><body>x</body>"])
def test_non_xml_is_parse_error(data):
    with pytest.raises(ParseError):
        parse_pubmed_xml(data)


def test_efetch_error_document_is_service_error():
    data = (
        b'<?xml version="1.0" encoding="UTF-8" ?>\n<eFetchResult>\n'
        b"\t<ERROR>Empty id list - nothing todo</ERROR>\n</eFetchResult>\n"
    )
    with pytest.raises(ServiceError, match="Empty id list"):
        parse_pubmed_xml(data)


def test_mixed_articles_and_books_keep_document_order(efetch):
    def element(name: str, tag: bytes) -> bytes:
        data = efetch(name)
        return re.search(rb"<%s>.*</%s>" % (tag, tag), data, re.S).group(0)

    article = element("efetch_pubmed_38909159_structured_nlmcategory.xml", b"PubmedArticle")
    book = element("efetch_pubmed_20301577_book_article.xml", b"PubmedBookArticle")
    other = element("efetch_pubmed_33279447_empty_title_no_abstract.xml", b"PubmedArticle")
    doc = b"<PubmedArticleSet>" + article + book + other + b"</PubmedArticleSet>"
    assert [w.pmid for w in parse_pubmed_xml(doc)] == ["38909159", "20301577", "33279447"]
