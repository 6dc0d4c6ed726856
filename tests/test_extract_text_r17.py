"""Round 17 (text as journals deliver it): two ways the delivered text differed from what the
rules read.

Run-in headings in title case without a colon ("Background Patients were ... Results Median PFS
was ..."), as some journals print them and Crossref JATS gives them once <jats:title> is
dropped, stayed part of the sentence after them. And in that example 5.4 months "with
chemotherapy" took the T-DXd arm: "chemotherapy" named the design's drugless comparator ("T-DXd
or chemotherapy") only when followed by "alone", so the value fell to the nearest named arm.

Superscripts (<sup> in PubMed XML and Crossref JATS) were flattened into the text before them:
"10<sup>9</sup>/L" became "109/L" and "trastuzumab<sup>12</sup>" "trastuzumab12", no drug. They
are now Unicode superscripts, which ``\\w`` matches but ``\\d`` does not, so a citation marker
glued a drug name or a value to a "word" (the drug lost, a CI or an arm dropped)."""

from __future__ import annotations

import re

from extract_helpers import CI_ROW, extract_text, outcomes_of, registry_of, rows_of, sentences_of

from her2mine.extract import extract_document
from her2mine.extract.arms import arm_refs
from her2mine.extract.components import _hits
from her2mine.extract.numbers import fold_superscripts
from her2mine.models import Document
from her2mine.parse.crossref import parse_work
from her2mine.parse.pubmed_xml import parse_pubmed_xml
from her2mine.parse.text import clean_markup

T_DXD = "trastuzumab deruxtecan"

RUN_IN = (
    "Background Patients with HER2-positive metastatic breast cancer were randomly assigned to "
    "T-DXd or chemotherapy. Results Median PFS was 10.1 months with T-DXd and 5.4 months with "
    "chemotherapy. Conclusions T-DXd improved PFS."
)


# --- run-in title-case headings ---------------------------------------------------------------


def test_title_case_heading_is_no_part_of_a_sentence():
    """A standard heading word at a sentence start, before a capitalised word, is cut off."""
    assert sentences_of(RUN_IN) == [
        "Patients with HER2-positive metastatic breast cancer were randomly assigned to T-DXd "
        "or chemotherapy.",
        "Median PFS was 10.1 months with T-DXd and 5.4 months with chemotherapy.",
        "T-DXd improved PFS.",
    ]


def test_rows_quote_the_sentence_without_its_heading(nlp):
    """The outcome rows read (and quote) the sentence after the heading."""
    sentences = {o.sentence for o in outcomes_of(nlp, RUN_IN)}
    assert sentences == {"Median PFS was 10.1 months with T-DXd and 5.4 months with chemotherapy."}


def test_compound_and_sentence_case_headings_are_cut_whole():
    """Compound headings go whole, their later words in either case; "pCR" opens a sentence."""
    text = (
        "A phase 2 trial\nPatients and Methods We enrolled 40 women. Design, Setting, and "
        "Participants A single-centre trial. Main outcomes and measures pCR rate was the end "
        "point. Objective To assess T-DM1."
    )
    assert sentences_of(text) == [
        "A phase 2 trial",
        "We enrolled 40 women.",
        "A single-centre trial.",
        "pCR rate was the end point.",
        "To assess T-DM1.",
    ]


def test_heading_words_used_as_words_stay():
    """Negative: a heading word followed by a lower-case word is running text."""
    text = (
        "Results were similar in both arms. Background therapy was letrozole. Design of the "
        "study was open. Patients and methods were described. Conclusions drawn were weak."
    )
    assert sentences_of(text) == [
        "Results were similar in both arms.",
        "Background therapy was letrozole.",
        "Design of the study was open.",
        "Patients and methods were described.",
        "Conclusions drawn were weak.",
    ]


def test_heading_word_inside_a_sentence_is_no_heading():
    """Negative: only a sentence start is read; "the Results Section" mid-sentence stays."""
    text = "Details are given in the Results Section of the report. Methods were described."
    assert sentences_of(text) == [
        "Details are given in the Results Section of the report.",
        "Methods were described.",
    ]


# --- a class-only comparator -------------------------------------------------------------------


def test_value_with_the_class_comparator_has_no_arm(nlp):
    """ "T-DXd or chemotherapy": "5.4 months with chemotherapy" is the drugless arm's (null),
    not T-DXd's; "10.1 months with T-DXd" keeps its arm."""
    arms = {r[2]: r[5] for r in rows_of(nlp, RUN_IN, CI_ROW)}
    assert arms == {10.1: T_DXD, 5.4: None}


def test_value_with_a_class_comparator_named_with_an_article(nlp):
    """The same for a class written with an article ("or a taxane" ... "with a taxane")."""
    text = (
        "Patients were randomly assigned to T-DXd or a taxane. Median PFS was 10.1 months with "
        "T-DXd and 5.4 months with a taxane."
    )
    assert {r[2]: r[5] for r in rows_of(nlp, text, CI_ROW)} == {10.1: T_DXD, 5.4: None}


def test_class_mention_names_no_arm_when_every_arm_has_a_drug(nlp):
    """Negative: with no drugless arm, "with chemotherapy" is no arm reference."""
    text = (
        "Patients were randomly assigned to trastuzumab plus docetaxel or lapatinib plus "
        "docetaxel. Median PFS was 10.1 months with trastuzumab, with chemotherapy."
    )
    reg = registry_of(nlp, text)
    assert all(a.drugs for a in reg.arms)
    s = text.index("Median")
    refs = arm_refs(text, s, len(text), _hits(nlp(text)._.her2, "drugs"), reg)
    assert [text[r.start : r.end] for r in refs] == ["trastuzumab"]


def test_physicians_choice_comparator_keeps_its_arm(nlp):
    """Negative: a physician's-choice comparator is an arm of its own; "with chemotherapy"
    still names it."""
    text = (
        "Patients were randomly assigned to T-DXd or physician's choice chemotherapy. Median PFS "
        "was 10.1 months with T-DXd and 5.4 months with chemotherapy."
    )
    assert {r[2]: r[5] for r in rows_of(nlp, text, CI_ROW)} == {
        10.1: T_DXD,
        5.4: "physician's choice",
    }


# --- superscripts: parsing ---------------------------------------------------------------------


def test_numeric_superscripts_become_unicode_superscripts():
    """Digits and signs in <sup> become superscript characters, not digits run into the text."""
    assert clean_markup("neutrophils &lt;1.5 × 10<sup>9</sup>/L") == "neutrophils <1.5 × 10⁹/L"
    assert clean_markup("r<sup>2</sup>; km·h<sup>&#x2212;1</sup>") == "r²; km·h⁻¹"
    assert clean_markup("trastuzumab<jats:sup>12</jats:sup>") == "trastuzumab¹²"
    assert clean_markup("x<sup>(+1)</sup> y<sup>=</sup>") == "x⁽⁺¹⁾ y="  # no digit: flat


def test_other_superscripts_are_flattened_as_before():
    """Negative: content with any other character is flattened as it was."""
    # (a citation list such as "1,2" is read as superscripts since round leftovers r19b)
    assert clean_markup("trastuzumab<sup>1;2</sup>") == "trastuzumab1;2"
    assert clean_markup("GeneReviews<sup>&#xae;</sup> and a<sup>*</sup>") == "GeneReviews® and a*"
    assert clean_markup("x<sup>1 2</sup><sup></sup>") == "x1 2"


PUBMED = (
    b'<?xml version="1.0" ?>\n<PubmedArticleSet><PubmedArticle><MedlineCitation Status="MEDLINE"'
    b' Owner="NLM"><PMID Version="1">1</PMID><Article PubModel="Print"><ArticleTitle>'
    b"Trastuzumab<sup>1</sup> in HER2-positive breast cancer</ArticleTitle><Abstract>"
    b"<AbstractText>Neutropenia (&lt;1.5 &#xd7; 10<sup>9</sup>/L) with trastuzumab<sup>12</sup>."
    b"</AbstractText></Abstract></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>"
)


def test_pubmed_abstract_and_title_keep_superscripts():
    """The PubMed parser renders <sup> in abstracts and titles alike."""
    [w] = parse_pubmed_xml(PUBMED)
    assert w.abstract == "Neutropenia (<1.5 × 10⁹/L) with trastuzumab¹²."
    assert w.title == "Trastuzumab¹ in HER2-positive breast cancer"


def test_crossref_jats_abstract_keeps_superscripts():
    """The Crossref parser's JATS abstracts too (``<jats:sup>``)."""
    item = {
        "DOI": "10.1000/x",
        "type": "journal-article",
        "abstract": "<jats:p>Median PFS was 18.5 months<jats:sup>12</jats:sup> with "
        "pertuzumab<jats:sup>3</jats:sup> (platelets 10<jats:sup>9</jats:sup>/L).</jats:p>",
    }
    w = parse_work(item)
    assert w.abstract == "Median PFS was 18.5 months¹² with pertuzumab³ (platelets 10⁹/L)."


# --- superscripts: extraction ------------------------------------------------------------------

CLEOPATRA = (
    "In the CLEOPATRA¹² trial, patients were randomly assigned to pertuzumab¹ plus "
    "trastuzumab² and docetaxel or placebo plus trastuzumab and docetaxel. Median PFS was 18.5 "
    "months¹² with pertuzumab and 12.4 months³ with placebo (HR 0.62¹; 95% CI 0.51–0.75; "
    "P<0.001²)."
)
PTD = "docetaxel+pertuzumab+trastuzumab"


def test_citation_marker_after_a_drug_keeps_the_drug(nlp):
    """ "trastuzumab¹²" is the drug trastuzumab."""
    ex = extract_document(
        Document(id="t", text="Patients received trastuzumab¹² and T-DXd¹⁴."), nlp
    )
    assert ex.drugs == ["trastuzumab", T_DXD]


def test_citation_markers_after_values_keep_values_and_arms(nlp):
    """ "18.5 months¹²", "0.62¹", "P<0.001²": values, arms, the HR and its CI as without them."""
    rows = rows_of(nlp, CLEOPATRA, CI_ROW)
    assert ("PFS", "median", 18.5, None, None, PTD) in rows
    assert ("PFS", "median", 12.4, None, None, "docetaxel+trastuzumab") in rows
    assert ("PFS", "HR", 0.62, 0.51, 0.75, None) in rows
    assert extract_text(nlp, CLEOPATRA).trials == ["CLEOPATRA"]


def test_citation_marker_after_a_rate_keeps_its_ci(nlp):
    """ "45.8%² (95% CI 40–50)": the CI is the rate's."""
    text = "Patients received trastuzumab and pertuzumab. The pCR¹ rate was 45.8%² (95% CI 40–50)."
    assert rows_of(nlp, text, CI_ROW) == [("pCR", "rate", 45.8, 40.0, 50.0, None)]


def test_rows_quote_superscripts_as_written(nlp):
    """The rules read markers as spaces; rows quote the sentence as written."""
    [o] = [o for o in outcomes_of(nlp, CLEOPATRA) if o.value == 18.5]
    assert "18.5 months¹² with" in o.sentence


def test_power_of_ten_gives_no_value(nlp):
    """ "10⁹/L": the exponent stays glued to 10, so neither 10 nor 109 is a value."""
    text = (
        "Patients received T-DM1. Grade 3 neutropenia (ANC <1.0 × 10⁹/L) occurred in 14% of "
        "patients (10⁹ of 70)."
    )
    assert {o.value for o in outcomes_of(nlp, text)} == {14.0}
    assert re.search(r"(?<!\w)10(?!\w)", fold_superscripts("<1.0 × 10⁹/L")) is None


def test_negative_power_of_ten_is_a_p_value(nlp):
    """ "P<10⁻⁵" reads as the flat "P<10-5", a P the rules know; the row quotes it as written."""
    assert fold_superscripts("P<10⁻⁵; 1×10⁻¹²") == "P<10-5; 1×10-12"
    text = (
        "Patients received T-DXd or T-DM1. PFS was longer with T-DXd (hazard ratio, 0.28; 95% "
        "CI, 0.22 to 0.37; P<10⁻⁵)."
    )
    [o] = outcomes_of(nlp, text)
    assert (o.measure, o.value, o.p) == ("HR", 0.28, "<10-5")
    assert "P<10⁻⁵" in o.sentence


def test_symbol_powers_stay_as_written():
    """Negative: a one-letter symbol's power ("mg/m²", "I²") is no marker; nor is a text
    without superscripts changed."""
    text = "paclitaxel 80 mg/m² weekly; I² = 40%; r² 0.9"
    assert fold_superscripts(text) == text
    plain = "trastuzumab 12 months"
    assert fold_superscripts(plain) is plain
    assert fold_superscripts("months¹², 0.62¹") == "months  , 0.62 "
