"""Held-out round 9 (b): PubMed EFetch XML records of HER2 trials (SOPHIA, DESTINY-Breast09,
KATHERINE) with structured abstracts and inline markup, each checking one reading that went
wrong on them."""

from __future__ import annotations

from extract_helpers import parsed_values, rows_of

from her2mine.extract.reader import read_documents

SOPHIA = (
    "Efficacy of margetuximab vs trastuzumab in patients with pretreated ERBB2-positive advanced "
    "breast cancer: a phase 3 randomized clinical trial\n\n"
    "INTERVENTIONS: Patients were randomized 1:1 to margetuximab (15 mg/kg intravenously every 3 "
    "weeks) or trastuzumab (6 mg/kg intravenously every 3 weeks), each with chemotherapy.\n"
    "RESULTS: Margetuximab improved primary PFS over trastuzumab with a 24% relative risk "
    "reduction (hazard ratio [HR], 0.76; 95% CI, 0.59-0.98; P = .03; median, 5.8 [95% CI, "
    "5.5-7.0] months vs 4.9 [95% CI, 4.2-5.6] months)."
)


def test_a_median_label_after_a_relative_risk_reduction_names_the_medians(nlp):
    # JAMA: "with a 24% relative risk reduction (HR ...; median, 5.8 [...] months vs 4.9 [...]
    # months)": the change words before the bracket hid both medians.
    assert rows_of(nlp, SOPHIA) == [
        ("PFS", "HR", 0.76, 0.59, 0.98, "0.03", None),
        ("PFS", "median", 5.8, 5.5, 7.0, None, "margetuximab"),
        ("PFS", "median", 4.9, 4.2, 5.6, None, "trastuzumab"),
    ]


def test_change_words_without_a_median_label_still_hide_the_time(nlp):
    # Negative: no "median" label after the change words, or the label names follow-up or an
    # end point outside the list ("time to response"), so no median of PFS is read.
    head = SOPHIA[: SOPHIA.index("RESULTS:")]
    for tail in (
        "RESULTS: Margetuximab improved PFS with a 24% relative risk reduction (HR, 0.76; 95% "
        "CI, 0.59-0.98), with a median follow-up of 14.1 months.",
        "RESULTS: Margetuximab improved PFS (HR, 0.76; median follow-up, 14.1 months).",
        "RESULTS: Margetuximab improved PFS (HR, 0.76) with a shorter time to response (median, "
        "2.1 vs 2.8 months).",
    ):
        rows = rows_of(nlp, head + tail)
        assert [r[1] for r in rows] == ["HR"], tail


def test_a_p_below_a_flattened_power_of_ten_is_that_power():
    # "P &lt; 10<sup>-5</sup>" reaches the text as "P < 10-5": it was read as "P < 10".
    assert parsed_values("PFS was longer (HR, 0.56; 95% CI, 0.44 to 0.71; P < 10-5).") == [
        ("HR", 0.56, 0.44, 0.71, "<10-5")
    ]
    assert parsed_values("OS (HR 0.66; 95% CI 0.51-0.87; P = 10−12)") == [
        ("HR", 0.66, 0.51, 0.87, "10-12")
    ]


def test_a_p_of_ten_point_something_or_a_mantissa_keeps_its_reading():
    # Negative: "1×10-5" keeps its mantissa; ".10" and "0.10-0.2" are no powers of ten.
    assert parsed_values("OS (HR 0.66; 95% CI 0.51-0.87; P<1×10−5)")[0][4] == "<1×10-5"
    assert parsed_values("OS (HR 0.66; 95% CI 0.51-0.87; P=.10)")[0][4] == "0.10"
    assert parsed_values("OS (HR 0.66; 95% CI 0.51-0.87; P = 0.10-0.2)")[0][4] == "0.10"


EFETCH = """<?xml version="1.0" ?>
<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" \
"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">
<PubmedArticleSet><PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM">
<PMID Version="1">90000001</PMID><Article PubModel="Print-Electronic">
<Journal><JournalIssue CitedMedium="Internet"><PubDate><Year>2025</Year></PubDate>
</JournalIssue><Title>N Engl J Med</Title></Journal>
<ArticleTitle>Trastuzumab deruxtecan plus pertuzumab for HER2-positive metastatic breast \
cancer [DESTINY-Breast09].</ArticleTitle>
<Abstract>
<AbstractText Label="METHODS" NlmCategory="METHODS">Patients were randomly assigned to \
trastuzumab deruxtecan plus pertuzumab or a taxane plus trastuzumab and pertuzumab.\
</AbstractText>
<AbstractText Label="RESULTS" NlmCategory="RESULTS">Progression-free survival was longer with \
trastuzumab deruxtecan plus pertuzumab (hazard ratio, 0.56; 95% CI, 0.44 to 0.71; \
P&lt;10<sup>-5</sup>). The benefit was consistent across subgroups \
(P<sub>interaction</sub>=0.42). Grade &#x2265;3 adverse events occurred in 63.5% and 62.3% \
of the patients, respectively.</AbstractText>
</Abstract>
<DataBankList CompleteYN="Y"><DataBank><DataBankName>ClinicalTrials.gov</DataBankName>
<AccessionNumberList><AccessionNumber>NCT04784715</AccessionNumber></AccessionNumberList>
</DataBank></DataBankList>
</Article></MedlineCitation>
<PubmedData><ArticleIdList><ArticleId IdType="pubmed">90000001</ArticleId></ArticleIdList>
</PubmedData></PubmedArticle></PubmedArticleSet>
"""


def test_an_efetch_record_with_inline_markup_reads_as_its_plain_text(nlp, tmp_path):
    # Entities and <sub> flatten in place, a numeric <sup> becomes superscripts (round text
    # r17); the P under a superscript power of ten is kept.
    path = tmp_path / "db09.xml"
    path.write_text(EFETCH, encoding="utf-8")
    (doc,) = read_documents(path)
    assert "P<10⁻⁵). " in doc.text and "(Pinteraction=0.42)" in doc.text
    assert "Grade ≥3 adverse events" in doc.text and doc.registry_ids == ["NCT04784715"]
    rows = rows_of(nlp, doc.text)
    assert rows[0] == ("PFS", "HR", 0.56, 0.44, 0.71, "<10-5", None)
    assert [r[:3] for r in rows[1:]] == [("AE_G3", "incidence", 63.5), ("AE_G3", "incidence", 62.3)]
