"""Left-overs of rounds 23-24 (b): values lost or mislabelled. "followed by" in a sequential
regimen read as follow-up and dropped the second arm's rate; flattened table rows ending with
their P (", P = 0.003") were not read, an "NR" in a row of rates became a median, and "median
duration of treatment, months:" read as a result row; a bare "the incidence was 15.5%" after a
sentence naming its end point had none; the regimen short forms FAC and CEF were unknown ("FAC100"
named no drug)."""

from __future__ import annotations

from extract_helpers import CI_ROW, P_ROW, arm_of, extract_text, parsed_values, rows_of

FEC_DH = "cyclophosphamide+docetaxel+epirubicin+fluorouracil+trastuzumab"
FEC_D = "cyclophosphamide+docetaxel+epirubicin+fluorouracil"

SEQUENCE = (
    "Patients with HER2-positive early breast cancer were randomly assigned to FEC followed by "
    "docetaxel plus trastuzumab or FEC followed by docetaxel. The 5-year disease-free survival "
    "was 85% with FEC followed by docetaxel plus trastuzumab and 78% with FEC followed by "
    "docetaxel (P = 0.01)."
)


def test_followed_by_in_a_sequence_keeps_the_second_rate(nlp):
    """ "78% with FEC followed by docetaxel": "followed by" joins a sequence, it is no
    follow-up word between the end point and the rate."""
    rows = rows_of(nlp, SEQUENCE, P_ROW)
    assert ("DFS", "rate", 78.0, "0.01", FEC_D) in rows
    assert arm_of(rows, 85.0) == FEC_DH


def test_followed_by_in_a_sequence_keeps_the_second_median(nlp):
    """The same for medians: "10.3 months with FEC followed by docetaxel"."""
    text = SEQUENCE.replace(
        "The 5-year disease-free survival was 85%",
        "Median progression-free survival was 14.1 months",
    ).replace("and 78%", "and 10.3 months")
    rows = rows_of(nlp, text, P_ROW)
    assert ("PFS", "median", 10.3, "0.01", FEC_D) in rows


def test_followed_up_is_still_no_result(nlp):
    """Negative: "patients were followed up for 78% of visits" stays no rate of the end point."""
    text = (
        "Patients received docetaxel plus trastuzumab. The 5-year disease-free survival was 85% "
        "with docetaxel plus trastuzumab and patients were followed up for 78% of visits."
    )
    values = [r[2] for r in rows_of(nlp, text, P_ROW)]
    assert 85.0 in values
    assert 78.0 not in values


def test_table_row_ending_with_its_p_is_read(nlp):
    """ "ORR, % (95% CI): 62 (51-72) vs 40 (30-51), P = 0.003": the row's values are rates
    with their CIs, and the P is the pair's."""
    text = "Results: ORR, % (95% CI): 62 (51-72) vs 40 (30-51), P = 0.003."
    assert parsed_values(text) == [
        ("percent", 62.0, 51.0, 72.0, "0.003"),
        ("percent", 40.0, 30.0, 51.0, "0.003"),
    ]
    rows = rows_of(nlp, text, P_ROW)
    assert [(r[0], r[2], r[3]) for r in rows] == [("ORR", 62.0, "0.003"), ("ORR", 40.0, "0.003")]


def test_table_row_with_a_bracketed_p_is_read():
    """ "... vs 40 (30-51) (P = 0.003)": a bracketed P ends the row too."""
    text = "ORR, % (95% CI): 62 (51-72) vs 40 (30-51) (P = 0.003)."
    assert [v[1] for v in parsed_values(text)] == [62.0, 40.0]


def test_nr_in_a_row_of_rates_is_no_value():
    """ "ORR, %: 62 vs NR": a rate is never "not reached"; the NR is no median in months."""
    assert parsed_values("ORR, %: 62 vs NR.", ("kind", "value", "unit")) == [("percent", 62.0, "%")]


def test_nr_in_a_row_of_times_stays_a_median():
    """Negative: "Median OS, months: NR vs 30.2, P = 0.01" keeps its NR (a median not
    reached)."""
    rows = parsed_values("Median OS, months: NR vs 30.2, P = 0.01.", ("kind", "value", "unit", "p"))
    assert rows == [("time", None, "months", "0.01"), ("time", 30.2, "months", "0.01")]


def test_duration_of_treatment_row_is_no_result():
    """ "Median duration of treatment, months: 14.2 vs 10.1" describes exposure, not a
    result, as "treatment duration" does."""
    assert parsed_values("Median duration of treatment, months: 14.2 vs 10.1.") == []
    assert parsed_values("Relative dose intensity, %: 95 vs 97.") == []


def test_duration_of_response_row_is_a_result():
    """Negative: "duration of response" is an end point, its row is read."""
    text = "Median duration of response, months: 14.2 vs 10.1."
    assert [v[1] for v in parsed_values(text)] == [14.2, 10.1]


ILD = (
    "Trastuzumab deruxtecan-related interstitial lung disease: a pooled analysis\n\n"
    "In the pooled analysis, drug-related interstitial lung disease was adjudicated in 1,150 "
    "patients. In patients with breast cancer, the incidence was 15.5%."
)


def test_bare_incidence_takes_the_previous_sentence_end_point(nlp):
    """ "the incidence was 15.5%" right after a sentence naming interstitial lung disease is
    the incidence of interstitial lung disease."""
    rows = rows_of(nlp, ILD, CI_ROW)
    assert [(r[0], r[1], r[2]) for r in rows] == [("ILD", "incidence", 15.5)]


def test_bare_landmark_rate_takes_the_previous_sentence_end_point(nlp):
    """ "The 3-year rate was 92.1% with A and 90.2% with B" after an IDFS sentence: IDFS rates,
    each with its arm."""
    text = (
        "Patients were randomly assigned to pertuzumab plus trastuzumab or trastuzumab alone. "
        "Invasive disease-free survival was the primary end point. The 3-year rate was 92.1% "
        "with pertuzumab plus trastuzumab and 90.2% with trastuzumab alone."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert [(r[0], r[1], r[2], r[4]) for r in rows] == [
        ("IDFS", "rate", 92.1, "pertuzumab+trastuzumab"),
        ("IDFS", "rate", 90.2, "trastuzumab"),
    ]


def test_named_rate_takes_no_carried_end_point(nlp):
    """Negative: "The discontinuation rate was 12%" names its own event (no lexicon end
    point); it takes no pCR from the sentence before."""
    text = (
        "The primary end point was pathological complete response. The discontinuation rate "
        "was 12%."
    )
    assert rows_of(nlp, text, P_ROW) == []


def test_rate_after_a_sentence_without_end_point_takes_none(nlp):
    """Negative: the end point is carried over one sentence only; "Patients were treated for
    six cycles." stands between."""
    text = (
        "The primary end point was pathological complete response. Patients were treated for "
        "six cycles. The rate was 45%."
    )
    assert rows_of(nlp, text, P_ROW) == []


FAC = (
    "Patients were randomly assigned to FAC100 followed by trastuzumab or FAC100 alone. The "
    "3-year disease-free survival was 88% with FAC100 followed by trastuzumab and 80% with "
    "FAC100 alone."
)


def test_dosed_fac_is_the_fac_regimen(nlp):
    """ "FAC100" is FAC (fluorouracil, doxorubicin, cyclophosphamide) at 100 mg/m², no code
    name, and names the arms."""
    ex = extract_text(nlp, FAC)
    assert ex.drugs == ["cyclophosphamide", "doxorubicin", "fluorouracil", "trastuzumab"]
    rows = rows_of(nlp, FAC, P_ROW)
    assert arm_of(rows, 88.0) == "cyclophosphamide+doxorubicin+fluorouracil+trastuzumab"
    assert arm_of(rows, 80.0) == "cyclophosphamide+doxorubicin+fluorouracil"


def test_cef_is_the_cef_regimen(nlp):
    """ "CEF" is cyclophosphamide, epirubicin and fluorouracil."""
    ex = extract_text(nlp, "Patients received CEF followed by docetaxel and trastuzumab.")
    assert ex.drugs == [
        "cyclophosphamide",
        "docetaxel",
        "epirubicin",
        "fluorouracil",
        "trastuzumab",
    ]


def test_tc_is_no_lexicon_regimen(nlp):
    """Negative: "TC" is also total cholesterol (and a genotype): undefined, it names no drug.
    (Defined by the text, "docetaxel plus cyclophosphamide (TC)", it is read as any short form.)"""
    ex = extract_text(nlp, "Serum TC was 5.2 mmol/L in patients receiving trastuzumab.")
    assert ex.drugs == ["trastuzumab"]
