"""Extraction pipeline on the rules-only (spacy.blank) pipeline: small, real-style fixtures."""

from __future__ import annotations

import json

import pytest
from extract_helpers import extract_text, row_with
from typer.testing import CliRunner

from her2mine.cli import app
from her2mine.errors import InputError
from her2mine.extract import (
    PIPELINE_VERSION,
    build_pipeline,
    extract_document,
    extract_documents,
    read_documents,
)
from her2mine.extract.lexicon import load_lexicons, read_jsonl
from her2mine.extract.numbers import normalise_p, parse_values
from her2mine.extract.sentences import sentence_spans
from her2mine.models import Document


def run(nlp, text: str, doc_id: str = "t", registry_ids=()):
    return extract_document(Document(id=doc_id, text=text, registry_ids=list(registry_ids)), nlp)


# --- tokenizer, sentences, abbreviations ---------------------------------------------------


def test_tokenizer_keeps_drug_codes_and_p_values(nlp):
    words = [t.text for t in nlp.make_doc("T-DXd and DS-8201a were compared (P<0.001).")]
    assert "T-DXd" in words and "DS-8201a" in words and "P<0.001" in words


def test_sentences_ignore_abbreviations_and_decimals():
    text = (
        "Median PFS was 18.5 vs. 12.4 months (HR 0·62), e.g. in Fig. 2 et al. reported. "
        "The ORR was 60.9%. Approx. 50 patients had ILD."
    )
    spans = sentence_spans(text)
    assert [text[a:b] for a, b in spans] == [
        "Median PFS was 18.5 vs. 12.4 months (HR 0·62), e.g. in Fig. 2 et al. reported.",
        "The ORR was 60.9%.",
        "Approx. 50 patients had ILD.",
    ]


def test_sentence_boundary_at_title_blank_line():
    text = "A title without period\n\nThe abstract starts here. Second sentence."
    assert len(sentence_spans(text)) == 3


def test_abbreviation_defined_in_text_resolves(nlp):
    text = (
        "Pyrotinib plus capecitabine in HER2-positive cancer\n\nPatients received pyrotinib "
        "plus capecitabine (PyroCap) or lapatinib plus capecitabine (LapCap). "
        "The objective response rate was 78.5% with PyroCap."
    )
    ex = run(nlp, text)
    assert row_with(ex.outcomes, 78.5).arm == "capecitabine+pyrotinib"


def test_regimen_abbreviation_defined_otherwise_overrides_default(nlp):
    text = (
        "Title\n\nPatients received paclitaxel, trastuzumab, and pertuzumab (THP). "
        "The pCR rate was 60.0% with THP."
    )
    ex = run(nlp, text)
    assert "docetaxel" not in ex.drugs and "paclitaxel" in ex.drugs
    assert row_with(ex.outcomes, 60.0).arm == "paclitaxel+pertuzumab+trastuzumab"


def test_regimen_abbreviation_default_taxane_is_docetaxel(nlp):
    ex = run(nlp, "Title\n\nPatients received THP or TCHP followed by AC.")
    assert ex.drugs == [
        "carboplatin",
        "cyclophosphamide",
        "docetaxel",
        "doxorubicin",
        "pertuzumab",
        "trastuzumab",
    ]


# --- drugs ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written, canonical",
    [
        ("Enhertu", "trastuzumab deruxtecan"),
        ("fam-trastuzumab deruxtecan-nxki", "trastuzumab deruxtecan"),
        ("DS-8201a", "trastuzumab deruxtecan"),
        ("T-DXd", "trastuzumab deruxtecan"),
        ("trastuzumab deruxtecam", "trastuzumab deruxtecan"),
        ("ado-trastuzumab emtansine", "trastuzumab emtansine"),
        ("Kadcyla", "trastuzumab emtansine"),
        ("trastuzumab-dkst", "trastuzumab"),
        ("Ogivri", "trastuzumab"),
        ("trastuzamab", "trastuzumab"),
        ("Phesgo", "pertuzumab/trastuzumab/hyaluronidase"),
        ("ONT-380", "tucatinib"),
        ("tucatanib", "tucatinib"),
        ("HKI-272", "neratinib"),
        ("Tyverb", "lapatinib"),
        ("MGAH22", "margetuximab"),
        ("SYD985", "trastuzumab duocarmazine"),
        ("RC48", "disitamab vedotin"),
        ("SHR-A1811", "trastuzumab rezetecan"),
        ("ZW25", "zanidatamab"),
        ("BI 1810631", "zongertinib"),
        ("BNT323", "db-1303"),
        ("nab-paclitaxel", "nab-paclitaxel"),
    ],
)
def test_lexicon_names_map_to_canonical(nlp, written, canonical):
    ex = run(nlp, f"Title\n\nPatients were treated with {written} every 3 weeks.")
    assert ex.drugs == [canonical]


def test_unseen_drugs_by_stem_and_sponsor_code(nlp):
    ex = run(
        nlp,
        "Title\n\nPatients received zorbatinib plus XYZ-4821 or "
        "novotamab vedotin; the HER2 status and ECOG 1 were recorded.",
    )
    assert ex.drugs == ["novotamab vedotin", "xyz-4821", "zorbatinib"]


def test_placebo_is_not_a_drug(nlp):
    ex = run(nlp, "Title\n\nPatients received neratinib or placebo.")
    assert ex.drugs == ["neratinib"]
    assert all(m.canonical != "placebo" for m in ex.mentions)


def test_lexicon_is_jsonl_data_with_classes():
    rows = read_jsonl("drugs.jsonl")
    by_name = {r["canonical"]: r for r in rows}
    assert by_name["trastuzumab deruxtecan"]["class"] == "ADC"
    assert "Enhertu" in by_name["trastuzumab deruxtecan"]["brands"]
    assert load_lexicons().drugs.expand("TCHP") == [
        "carboplatin",
        "docetaxel",
        "pertuzumab",
        "trastuzumab",
    ]


# --- trials -----------------------------------------------------------------------------------


def test_trials_names_patterns_and_registry_ids(nlp):
    text = (
        "Title\n\nIn DESTINY-Breast12 (NCT04739761), as in CLEOPATRA and HER2CLIMB-02 "
        "(EudraCT 2019-000123-45, ChiCTR2000012345), the NeoSphere results held."
    )
    ex = run(nlp, text, registry_ids=["NCT00000001"])
    assert ex.trials == sorted(
        [
            "DESTINY-Breast12",
            "NCT04739761",
            "CLEOPATRA",
            "HER2CLIMB-02",
            "EudraCT 2019-000123-45",
            "ChiCTR2000012345",
            "NeoSphere",
            "NCT00000001",
        ]
    )


# --- numbers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value, ci, p",
    [
        ("hazard ratio, 0.62; 95% CI, 0.51 to 0.75; P<0.001", 0.62, (0.51, 0.75), "<0.001"),
        ("HR 0·36 [95% CI 0·28–0·45]; p<0·0001", 0.36, (0.28, 0.45), "<0.0001"),
        ("(HR, 0.28; 95% CI, 0.22-0.37; P < .001)", 0.28, (0.22, 0.37), "<0.001"),
        (
            "hazard ratio for progression or death, 0.50 (95% CI, 0.4 to 0.6)",
            0.50,
            (0.4, 0.6),
            None,
        ),
        (
            "(hazard ratio [HR], 0.76; 95% CI, 0.63 to 0.93; stratified log-rank P = .0059)",
            0.76,
            (0.63, 0.93),
            "0.0059",
        ),
        ("odds ratio 2.1 (1.3–3.4), p=0·012", 2.1, (1.3, 3.4), "0.012"),
    ],
)
def test_ratio_styles(text, value, ci, p):
    (v,) = parse_values(text)
    assert (v.value, (v.ci_low, v.ci_high), v.p) == (value, ci, p)
    assert text[v.start : v.end].replace("·", ".").rstrip("0") == str(value).rstrip("0")


@pytest.mark.parametrize(
    ("text", "ratios"),
    [
        (
            "The hazard ratios for death were 0.71 (95% CI, 0.55 to 0.92) and 0.83 (95% CI, 0.65 "
            "to 1.06), respectively.",
            [(0.71, 0.55, 0.92, None), (0.83, 0.65, 1.06, None)],
        ),
        (
            "The hazard ratio for disease-free survival was 0.64 with AC-T plus trastuzumab "
            "(P<0.001) and 0.75 with TCH (P=0.04), as compared with AC-T.",
            [(0.64, None, None, "<0.001"), (0.75, None, None, "0.04")],
        ),
        (
            "odds ratios 1.8, 2.4 and 0.9 (P=0.2)",
            [(1.8, None, None, None), (2.4, None, None, None), (0.9, None, None, "0.2")],
        ),
        # not a listed ratio: a count, a whole number, a rate after the ratio
        ("The HR was 0.62 (95% CI 0.5-0.7) and 12.5 patients.", [(0.62, 0.5, 0.7, None)]),
        ("HR 0.62 and 3 deaths (P=0.1)", [(0.62, None, None, None)]),
        ("HR 0.62, and 1.2% of patients had events", [(0.62, None, None, None)]),
    ],
)
def test_ratios_listed_under_one_key(text, ratios):
    got = [
        (v.value, v.ci_low, v.ci_high, v.p) for v in parse_values(text) if v.kind in ("HR", "OR")
    ]
    assert got == ratios


@pytest.mark.parametrize(
    ("text", "got"),
    [
        # a rate opening a bracket, then its CI after a comma (Lancet style, after the first)
        ("91 of 171 patients (53·2%, 45·4–60·3; p=0·9852)", [(53.2, 45.4, 60.3, "0.9852")]),
        # the range must hold the rate, and the rate must open the bracket
        ("(53·2%, 10–20; p=0·5)", [(53.2, None, None, None)]),
        ("in 53·2%, 45–60 days later", [(53.2, None, None, None)]),
        # P for non-inferiority, and a non-inferiority P after the CI
        (
            "hazard ratio, 0.88; 95% CI, 0.71-1.09; P for non-inferiority < 0.0001",
            [(0.88, 0.71, 1.09, "<0.0001")],
        ),
        (
            "hazard ratio 1·07 [90% CI 0·93–1·24]; non-inferiority p=0·011",
            [(1.07, 0.93, 1.24, "0.011")],
        ),
        # cohort numbers are not values; "cohorts 1, 2 and 3" lists them
        (
            "70.6% in cohort 1, 37.5% in cohort 2",
            [(70.6, None, None, None), (37.5, None, None, None)],
        ),
        ("4.2 months in cohorts 1, 2 and 3", [(4.2, None, None, None)]),
        (
            "in cohorts 1 and 2, 70.6% and 37.5%",
            [(70.6, None, None, None), (37.5, None, None, None)],
        ),
        ("cohorts 1, 2 and 3, 70.6%", [(70.6, None, None, None)]),
    ],
)
def test_ci_and_p_in_more_journal_styles(text, got):
    assert [(v.value, v.ci_low, v.ci_high, v.p) for v in parse_values(text)] == got


def test_medians_pairs_rates_and_nr():
    text = (
        "median PFS was 18.5 (95% CI 15.2–23.7) versus 12.4 months; ORR 60.9% "
        "(95% CI, 53.4 to 68.0); median OS NR vs 26.5 months; 12-month rate 75.8%"
    )
    got = [(v.kind, v.value, v.unit, v.ci_low, v.ci_high) for v in parse_values(text)]
    assert got == [
        ("time", 18.5, "months", 15.2, 23.7),
        ("time", 12.4, "months", None, None),
        ("percent", 60.9, "%", 53.4, 68.0),
        ("time", None, "months", None, None),
        ("time", 26.5, "months", None, None),
        ("percent", 75.8, "%", None, None),
    ]


def test_not_values_landmarks_followup_grades():
    got = [v.value for v in parse_values("at 24 months, grade 3, 95% CI, 2-year, HER2, T-DM1")]
    assert got == []


def test_normalise_p():
    assert normalise_p("=", "·05") == "0.05"
    assert normalise_p("<", "0·001") == "<0.001"
    assert normalise_p("≤", ".01") == "<=0.01"


# --- outcomes and arms ------------------------------------------------------------------------

CLEOPATRA = (
    "Pertuzumab plus trastuzumab plus docetaxel for metastatic breast cancer\n\n"
    "We randomly assigned 808 patients to receive placebo plus trastuzumab plus docetaxel "
    "(control group) or pertuzumab plus trastuzumab plus docetaxel (pertuzumab group). "
    "The median progression-free survival was 12.4 months in the control group, as compared "
    "with 18.5 months in the pertuzumab group (hazard ratio for progression or death, 0.62; "
    "95% confidence interval [CI], 0.51 to 0.75; P<0.001). Febrile neutropenia occurred in "
    "13.8% of the patients in the pertuzumab group and in 7.6% of those in the control group."
)


def test_cleopatra_groups_resolve_to_defined_regimens(nlp):
    ex = run(nlp, CLEOPATRA)
    assert ex.drugs == ["docetaxel", "pertuzumab", "trastuzumab"]
    pfs = {(o.value, o.arm) for o in ex.outcomes if o.endpoint == "PFS" and o.measure == "median"}
    assert pfs == {(12.4, "docetaxel+trastuzumab"), (18.5, "docetaxel+pertuzumab+trastuzumab")}
    hr = row_with(ex.outcomes, 0.62)
    assert (hr.endpoint, hr.measure, hr.arm, hr.ci_low, hr.ci_high, hr.p) == (
        "PFS",
        "HR",
        None,
        0.51,
        0.75,
        "<0.001",
    )
    assert (row_with(ex.outcomes, 13.8).endpoint, row_with(ex.outcomes, 13.8).measure) == (
        "AE",
        "incidence",
    )
    assert row_with(ex.outcomes, 7.6).arm == "docetaxel+trastuzumab"


def test_offsets_point_at_the_value(nlp):
    ex = run(nlp, CLEOPATRA)
    for o in ex.outcomes:
        written = CLEOPATRA[o.start : o.end]
        assert float(written) == o.value
        assert written in o.sentence


def test_respectively_and_hr_arm_null(nlp):
    text = (
        "T-DXd versus T-DM1\n\nPatients were randomly assigned to trastuzumab deruxtecan "
        "or trastuzumab emtansine. The median PFS was 28.8 and 6.8 months with T-DXd and "
        "T-DM1, respectively (HR, 0.33; 95% CI, 0.26 to 0.43)."
    )
    ex = run(nlp, text)
    assert row_with(ex.outcomes, 28.8).arm == "trastuzumab deruxtecan"
    assert row_with(ex.outcomes, 6.8).arm == "trastuzumab emtansine"
    assert row_with(ex.outcomes, 0.33).arm is None


def test_single_arm_value_has_no_arm_unless_clause_names_regimen(nlp):
    text = (
        "A phase 2 study\n\nPatients received T-DXd. The confirmed ORR was 60.9% (95% CI, "
        "53.4 to 68.0). ORR with T-DXd in the brain subgroup was 58.3%. "
        "Interstitial lung disease occurred in 13.6% of the patients."
    )
    ex = run(nlp, text)
    assert (row_with(ex.outcomes, 60.9).arm, row_with(ex.outcomes, 60.9).endpoint) == (None, "ORR")
    assert row_with(ex.outcomes, 58.3).arm == "trastuzumab deruxtecan"
    ild = row_with(ex.outcomes, 13.6)
    assert (ild.endpoint, ild.measure, ild.unit) == ("ILD", "incidence", "%")


def test_grades_and_landmarks(nlp):
    text = (
        "Title\n\nDiarrhea of any grade occurred in 80.9% of patients and grade 3 or higher "
        "diarrhea in 12.9%. The 3-year invasive disease-free survival was 88.3%. "
        "The hazard ratio for death was 0.66 (0.50-0.88)."
    )
    ex = run(nlp, text)
    assert row_with(ex.outcomes, 80.9).endpoint == "AE"
    assert row_with(ex.outcomes, 12.9).endpoint == "AE_G3"
    assert (row_with(ex.outcomes, 88.3).endpoint, row_with(ex.outcomes, 88.3).measure) == (
        "IDFS",
        "rate",
    )
    assert (row_with(ex.outcomes, 0.66).endpoint, row_with(ex.outcomes, 0.66).ci_high) == (
        "OS",
        0.88,
    )


def test_physicians_choice_and_lancet_style(nlp):
    text = (
        "Title\n\nMedian progression-free survival was 17·8 months (95% CI 14·3–20·8) with "
        "trastuzumab deruxtecan and 6·9 months (5·5–8·4) with treatment of physician's "
        "choice (hazard ratio 0·36 [0·28–0·45]; p<0·0001)."
    )
    ex = run(nlp, text)
    assert (row_with(ex.outcomes, 17.8).arm, row_with(ex.outcomes, 17.8).ci_low) == (
        "trastuzumab deruxtecan",
        14.3,
    )
    assert (row_with(ex.outcomes, 6.9).arm, row_with(ex.outcomes, 6.9).ci_high) == (
        "physician's choice",
        8.4,
    )
    assert row_with(ex.outcomes, 0.36).p == "<0.0001"


def test_not_reached_median(nlp):
    text = (
        "Title\n\nPatients were randomly assigned to T-DM1 or lapatinib plus capecitabine. "
        "Median overall survival was not reached with T-DM1 versus 25.1 months with "
        "lapatinib plus capecitabine."
    )
    ex = run(nlp, text)
    nr = [o for o in ex.outcomes if o.value is None]
    assert len(nr) == 1
    assert (text[nr[0].start : nr[0].end], nr[0].unit, nr[0].arm) == (
        "not reached",
        "months",
        "trastuzumab emtansine",
    )


def test_mentions_are_filled(nlp):
    ex = run(nlp, CLEOPATRA)
    kinds = {m.kind for m in ex.mentions}
    assert kinds == {"drug", "endpoint"}
    m = next(m for m in ex.mentions if m.canonical == "pertuzumab")
    assert CLEOPATRA[m.start : m.end].lower() == "pertuzumab" and m.sentence


# --- documents, streaming, CLI ---------------------------------------------------------------

PUBMED_XML = b"""<?xml version="1.0" ?>
<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN"
 "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">
<PubmedArticleSet><PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM">
<PMID Version="1">22149876</PMID><Article PubModel="Print"><Journal><Title>N Engl J Med</Title>
</Journal><ArticleTitle>Pertuzumab plus trastuzumab plus docetaxel.</ArticleTitle>
<Abstract><AbstractText>Median PFS was 18.5 months with pertuzumab (P&lt;0.001).</AbstractText>
</Abstract><DataBankList CompleteYN="Y"><DataBank><DataBankName>ClinicalTrials.gov</DataBankName>
<AccessionNumberList><AccessionNumber>NCT00567190</AccessionNumber></AccessionNumberList>
</DataBank></DataBankList></Article></MedlineCitation><PubmedData><ArticleIdList>
<ArticleId IdType="pubmed">22149876</ArticleId></ArticleIdList></PubmedData></PubmedArticle>
</PubmedArticleSet>"""


def test_read_pubmed_xml_with_databanklist(tmp_path, nlp):
    path = tmp_path / "rec.xml"
    path.write_bytes(PUBMED_XML)
    (doc,) = read_documents(path)
    assert doc.id == "22149876" and doc.registry_ids == ["NCT00567190"]
    assert doc.text.startswith("Pertuzumab plus trastuzumab plus docetaxel.\n\nMedian PFS")
    ex = extract_document(doc, nlp)
    assert ex.trials == ["NCT00567190"]
    o = row_with(ex.outcomes, 18.5)
    assert doc.text[o.start : o.end] == "18.5"


def test_read_txt_directory_sorted(tmp_path):
    (tmp_path / "b.txt").write_text("Title B\n\nAbstract B.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Title A\n\nAbstract A.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    docs = list(read_documents(tmp_path))
    assert [d.id for d in docs] == ["a", "b"] and docs[0].text == "Title A\n\nAbstract A."
    with pytest.raises(InputError, match="missing.txt"):
        list(read_documents(tmp_path / "missing.txt"))


def test_extract_documents_streams_in_order(nlp):
    docs = (Document(id=str(i), text=f"T\n\nORR with T-DM1 was {i}.5%.") for i in range(5))
    got = [(ex.id, ex.outcomes[0].value) for ex in extract_documents(docs, nlp, batch_size=2)]
    assert got == [(str(i), i + 0.5) for i in range(5)]
    assert isinstance(PIPELINE_VERSION, str) and PIPELINE_VERSION


def test_cli_extract_jsonl_and_bad_file(tmp_path):
    good = tmp_path / "cleo.txt"
    good.write_text(CLEOPATRA, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "nope.txt"), str(good)])
    assert result.exit_code == 1
    assert "nope.txt" in result.stderr
    record = json.loads(result.stdout.strip().splitlines()[-1])
    assert record["id"] == "cleo" and record["drugs"] == ["docetaxel", "pertuzumab", "trastuzumab"]
    assert set(record["outcomes"][0]) == {
        "endpoint",
        "arm",
        "measure",
        "value",
        "unit",
        "ci_low",
        "ci_high",
        "p",
        "sentence",
        "start",
        "end",
    }


def test_cli_table_and_mentions(tmp_path):
    good = tmp_path / "cleo.txt"
    good.write_text(CLEOPATRA, encoding="utf-8")
    table = CliRunner().invoke(app, ["extract", str(good), "--format", "table"])
    assert table.exit_code == 0 and "PFS\tHR\t0.62" in table.stdout
    js = CliRunner().invoke(app, ["extract", str(good), "--format", "json", "--with-mentions"])
    assert json.loads(js.stdout)[0]["mentions"]


def test_streaming_frees_vocabulary_strings_between_chunks():
    # spaCy's StringStore would otherwise keep every new number and word of a long stream.
    from itertools import islice

    from her2mine.extract import extract_documents
    from her2mine.extract.pipeline import WARM_DOCS, ZONE_DOCS
    from her2mine.models import Document

    nlp = build_pipeline(model="")
    text = "T\n\nMedian PFS was {}.{} months with drug{} versus 5.1 months (HR 0.{}; P<0.001)."

    def docs(n, offset=0):
        return (
            Document(id=str(i), text=text.format(i, i % 10, i, 10 + i % 89))
            for i in range(offset, offset + n)
        )

    # The first WARM_DOCS documents run outside memory zones (the tokenizer caches their
    # words: spaCy caches nothing inside a zone); they add strings, a bounded number.
    start = len(nlp.vocab.strings)
    warm = list(extract_documents(docs(WARM_DOCS + 7), nlp))
    assert len(warm) == WARM_DOCS + 7 and warm[5].outcomes[0].value == 5.5
    after_warm = len(nlp.vocab.strings)
    assert after_warm > start + WARM_DOCS  # each warm-up doc brought new words
    out = list(extract_documents(docs(3 * ZONE_DOCS, offset=10 * WARM_DOCS), nlp))
    assert len(out) == 3 * ZONE_DOCS and out[0].id == str(10 * WARM_DOCS)
    assert out[1].outcomes[0].value == 50001.1
    # Later chunks ran inside zones: thousands of unique tokens were seen and freed.
    assert len(nlp.vocab.strings) < after_warm + 100
    # A consumer that stops early leaves the pipeline usable.
    first = list(islice(extract_documents(docs(10), nlp), 2))
    assert [e.id for e in first] == ["0", "1"]
    assert next(extract_documents(docs(1), nlp)).id == "0"


def test_abbreviations_are_readable_through_the_doc_extension(nlp):
    # The detector writes its list under spaCy's extension key directly (no proxy object):
    # ``doc._.abbreviations`` must still return it.
    doc = nlp("T-DXd\n\nPatients received trastuzumab deruxtecan (T-DXd). T-DXd was active.")
    short = [a["short_text"] for a in doc._.abbreviations]
    assert short == ["T-DXd"]


def test_plural_rate_terms_name_their_end_point(nlp):
    text = (
        "MARIANNE\n\nPatients were randomly assigned to T-DM1 or trastuzumab plus docetaxel. "
        "Response rates were 59.7% with T-DM1 and 67.9% with trastuzumab plus docetaxel. "
        "Clinical benefit rates were 70.1% and 75.2%, respectively."
    )
    ex = extract_text(nlp, text)
    found = {(o.endpoint, o.value) for o in ex.outcomes}
    assert {("ORR", 59.7), ("ORR", 67.9), ("CBR", 70.1), ("CBR", 75.2)} <= found
