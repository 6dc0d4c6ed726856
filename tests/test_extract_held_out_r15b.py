"""Held-out round 15 (b): text as the sources deliver it. Crossref JATS and PubMed EFetch XML
abstracts of real HER2 trials (CLEOPATRA, DESTINY-Breast03) go through the record parsers and
the text conversion, then the extraction. Each test checks one reading that went wrong: a soft
hyphen / zero-width space inside a drug name, a section heading run into the previous section
with no full stop, a CI level written as a subscript ("CI<sub>95</sub>")."""

from __future__ import annotations

from extract_helpers import arm_of, rows_of

from her2mine.extract import extract_document
from her2mine.extract.numbers.patterns import CI_RE
from her2mine.extract.sentences import sentence_spans
from her2mine.flow.plan import document_of
from her2mine.models import AbstractSection
from her2mine.parse.crossref import parse_work
from her2mine.parse.pubmed_xml import parse_pubmed_xml
from her2mine.parse.text import clean_markup, jats_to_text, sections_to_text

# CLEOPATRA (Baselga 2012) as Crossref delivers it: JATS sections, entities, a soft hyphen
# inside "trastuzumab" and thin spaces around "<".
CLEOPATRA_JATS = (
    "<jats:sec><jats:title>Methods</jats:title><jats:p>We randomly assigned 808 patients with "
    "HER2-positive metastatic breast cancer to receive placebo plus trastu\u00adzumab plus "
    "docetaxel (control group) or pertuzumab plus trastuzumab plus docetaxel (pertuzumab group) "
    "as first-line treatment (CLEOPATRA).</jats:p></jats:sec><jats:sec><jats:title>Results"
    "</jats:title><jats:p>The median progression-free survival was 12.4\u00a0months in the "
    "control group, as compared with 18.5\u00a0months in the pertuzumab group (hazard ratio for "
    "progression or death, 0.62; 95% CI, 0.51&#8211;0.75; P\u2009&lt;\u20090.001).</jats:p>"
    "</jats:sec>"
)


def test_soft_hyphen_inside_drug_name_does_not_lose_the_drug(nlp):
    work = parse_work(
        {"DOI": "10.1/x", "title": ["Pertuzumab in HER2-positive breast cancer"],
         "abstract": CLEOPATRA_JATS}
    )  # fmt: skip
    assert "\u00ad" not in work.abstract
    doc = document_of(work)
    rows = rows_of(nlp, doc.text)
    assert arm_of(rows, 12.4) == "docetaxel+trastuzumab"  # was "docetaxel": trastuzumab lost
    assert arm_of(rows, 18.5) == "docetaxel+pertuzumab+trastuzumab"
    hr = next(r for r in rows if r[1] == "HR")
    assert hr[2:6] == (0.62, 0.51, 0.75, "<0.001")


def test_invisible_characters_dropped_from_abstract_text():
    text, sections = jats_to_text("<jats:p>trastu&shy;zumab, T-&#8203;DXd, x\u2060y</jats:p>")
    assert text == sections[0].text == "trastuzumab, T-DXd, xy"
    pubmed = [AbstractSection(label="RESULTS", category=None, text="trastu\u00adzumab")]
    assert sections_to_text(pubmed) == "RESULTS: trastuzumab"  # the PubMed parser's join


def test_visible_non_ascii_characters_kept():
    # Negative: only the invisible in-word characters go; signs, dashes and spaces stay.
    text, _ = jats_to_text(
        "<jats:p>grade <i>&#8805;</i>3, 0.51&#8211;0.75, 10 µg, P\u2009<\u2009.001</jats:p>"
    )
    assert text == "grade ≥3, 0.51–0.75, 10 µg, P < .001"
    # clean_markup keeps escaped text as it was (whitespace aside), soft hyphens included
    assert clean_markup("<i>a&shy;b</i>") == "a\u00adb"


# CLEOPATRA with its sections joined the way Crossref <jats:p> paragraphs are: no full stop
# before the next upper-case heading.
GLUED = (
    "Pertuzumab for metastatic breast cancer\n\n"
    "BACKGROUND: Pertuzumab prevents HER2 dimerization METHODS: Patients were randomly "
    "assigned to pertuzumab plus trastuzumab plus docetaxel or placebo plus trastuzumab plus "
    "docetaxel RESULTS: Median progression-free survival was 18.5 months and 12.4 months "
    "(HR 0.62; 95% CI 0.51-0.75; P<0.001) CONCLUSIONS: Pertuzumab improved outcomes."
)


def test_run_in_heading_starts_a_sentence(nlp):
    starts = [GLUED[a:b].split(":")[0] for a, b in sentence_spans(GLUED)]
    assert starts[1:] == ["BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS"]
    rows = rows_of(nlp, GLUED)
    assert arm_of(rows, 18.5) == "docetaxel+pertuzumab+trastuzumab"
    assert arm_of(rows, 12.4) == "docetaxel+trastuzumab"  # was the pertuzumab arm (glued design)
    assert next(r for r in rows if r[1] == "HR")[2:6] == (0.62, 0.51, 0.75, "<0.001")


def test_run_in_heading_from_crossref_paragraphs(nlp):
    work = parse_work(
        {"DOI": "10.1/y", "title": ["Pertuzumab for metastatic breast cancer"],
         "abstract": "<jats:p>METHODS:808 patients received trastuzumab and docetaxel with "
         "pertuzumab or placebo</jats:p><jats:p>RESULTS:The objective response rate was 80.2% "
         "with pertuzumab and 69.3% with placebo (P=0.001)</jats:p>"}
    )  # fmt: skip
    text = document_of(work).text
    assert "placebo RESULTS:The" in text  # paragraphs are joined with a space
    rows = rows_of(nlp, text)
    assert arm_of(rows, 80.2) == "docetaxel+pertuzumab+trastuzumab"
    assert arm_of(rows, 69.3) != "pertuzumab+trastuzumab"  # the placebo arm's rate


def test_lower_case_or_colonless_heading_word_is_no_cut():
    # Negative: "efficacy results:" is running text; "RESULTS of" has no colon.
    text = (
        "The efficacy results: median PFS was 18.5 months. The RESULTS of CLEOPATRA were "
        "confirmed by the final analysis."
    )
    assert len(sentence_spans(text)) == 2


DB03_XML = (
    '<?xml version="1.0"?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st '
    'January 2025//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n'
    '<PubmedArticleSet><PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM">'
    '<PMID Version="1">35320644</PMID><Article PubModel="Print"><Journal><JournalIssue '
    'CitedMedium="Internet"><PubDate><Year>2022</Year></PubDate></JournalIssue><Title>N Engl J '
    "Med</Title></Journal><ArticleTitle>Trastuzumab Deruxtecan versus Trastuzumab Emtansine "
    'for Breast Cancer</ArticleTitle><Abstract><AbstractText Label="RESULTS">The percentage of '
    "patients alive without disease progression at 12 months was 75.8% with T-\u200bDXd and "
    "34.1% with T-DM1 (hazard ratio for progression or death, 0.28; CI<sub>95</sub> 0.22 to "
    "0.37; <i>P</i>\u202f&lt;\u202f0.001).</AbstractText></Abstract></Article></MedlineCitation>"
    '<PubmedData><ArticleIdList><ArticleId IdType="pubmed">35320644</ArticleId></ArticleIdList>'
    "</PubmedData></PubmedArticle></PubmedArticleSet>"
)


def test_subscript_ci_level_keeps_ci_and_p(nlp):
    work = parse_pubmed_xml(DB03_XML.encode())[0]
    text = document_of(work).text
    assert "CI95 0.22 to 0.37; P < 0.001" in text
    rows = rows_of(nlp, text)
    hr = next(r for r in rows if r[1] == "HR")
    assert hr[2:6] == (0.28, 0.22, 0.37, "<0.001")  # was CI and P lost
    assert arm_of(rows, 75.8) == "trastuzumab deruxtecan"


def test_ci_level_needs_to_touch_the_keyword():
    # Negative: a number after "CI " is the lower bound, not a level; "95% CI" still reads.
    m = CI_RE.search("median 15.0 months (95% CI 12-20 months)")
    assert m is not None and (m.group("lo"), m.group("hi")) == ("12", "20")
    m = CI_RE.search("HR 0.62; 95% CI, 0.51 to 0.75")
    assert (m.group("lo"), m.group("hi")) == ("0.51", "0.75")


def test_invisible_characters_dropped_from_titles(nlp):
    # The title is the document's first line: a soft hyphen there lost the drug.
    work = parse_work({"DOI": "10.1/z", "title": ["Trastu\u00adzumab deruxtecan in HER2-low"]})
    assert work.title == "Trastuzumab deruxtecan in HER2-low"
    assert parse_work({"DOI": "10.1/w", "title": ["\u200b"]}).title is None
    xml = DB03_XML.replace(
        "Trastuzumab Deruxtecan versus", "Trastu\u00adzumab Deru\u200bxtecan versus"
    )
    work = parse_pubmed_xml(xml.encode())[0]
    assert work.title == "Trastuzumab Deruxtecan versus Trastuzumab Emtansine for Breast Cancer"
    ex = extract_document(document_of(work), nlp)
    assert "trastuzumab deruxtecan" in ex.drugs
