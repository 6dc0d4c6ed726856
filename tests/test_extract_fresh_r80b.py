"""Fresh round 80b: short forms a group label defines, dashes in lexicon terms, trial names
and design figures. A label "(TH group)" after "paclitaxel plus trastuzumab followed by
trastuzumab to complete 1 year" defined nothing (the duration stood between the chain and the
bracket), so "receiving TH" was the lexicon's docetaxel+trastuzumab; "Hand–foot syndrome" with
an en dash was no end point; "(HERALD/EPOC1806)" and "The ICORG 10-05 Randomized Clinical
Trial" named no trial; "the null ORR was 5%" was an ORR; and a second subgroup's bare ratio
"(0·83 [0·48–1·43])" after its compared rates was lost."""

from __future__ import annotations

from extract_helpers import CI_ROW, FULL_ROW, drug_texts, extract_text, rows_of, trials_in

TDM1 = "trastuzumab emtansine"
PH = "paclitaxel+trastuzumab"

GROUP_LABELS = (
    "Patients were randomized 1:1 to T-DM1 3.6 mg/kg every 3 weeks for 17 cycles (T-DM1 group) "
    "or to 12 weeks of paclitaxel plus trastuzumab followed by trastuzumab to complete 1 year "
    "(TH group). Peripheral neuropathy of any grade occurred in 23.8% of patients receiving "
    "T-DM1 and 48.1% of those receiving TH, and alopecia in 3.1% and 41.3%, respectively."
)


def test_group_label_after_completion_phrase_defines_short_form(nlp):
    """ "... followed by trastuzumab to complete 1 year (TH group)": the time to complete is
    the last drug's schedule, so the label defines TH as the chain before it."""
    rows = rows_of(nlp, GROUP_LABELS, ("value", "arm"))
    assert rows == [(23.8, TDM1), (48.1, PH), (3.1, TDM1), (41.3, PH)]


def test_defined_short_form_keeps_lexicon_reading_out_of_drugs(nlp):
    """The text's TH is paclitaxel+trastuzumab: docetaxel (the lexicon's TH) is no drug here."""
    assert "docetaxel" not in extract_text(nlp, GROUP_LABELS).drugs


def test_plain_bracket_after_completion_phrase_defines_short_form(nlp):
    """The same with "(TH)" alone."""
    text = GROUP_LABELS.replace("(TH group)", "(TH)")
    assert extract_text(nlp, text).drugs == ["paclitaxel", "trastuzumab", TDM1]


def test_completion_phrase_with_other_words_defines_nothing(nlp):
    """Negative: "to complete 1 year in responders" is more than a schedule: no definition,
    the lexicon's reading of TH stands."""
    text = GROUP_LABELS.replace("complete 1 year (TH group)", "complete 1 year in responders (TH)")
    assert "docetaxel" in extract_text(nlp, text).drugs


LAPATINIB_ARMS = (
    "Patients were randomized to capecitabine plus trastuzumab (arm A) or capecitabine plus "
    "lapatinib (arm B). Hand\u2013foot syndrome of any grade occurred in 45.2% of patients in arm B."
)


def test_en_dash_between_letters_in_end_point_term(nlp):
    """ "Hand–foot syndrome" (U+2013) is the lexicon's "hand-foot syndrome"."""
    rows = rows_of(nlp, LAPATINIB_ARMS, ("endpoint", "value", "arm"))
    assert rows == [("AE", 45.2, "capecitabine+lapatinib")]


def test_en_dash_between_letters_in_drug_term(nlp):
    """ "ado–trastuzumab emtansine" and "T–DM1" are the lexicon's drug terms."""
    text = "Patients received ado\u2013trastuzumab emtansine; T\u2013DM1 was given every 3 weeks."
    assert drug_texts(nlp, text) == ["ado\u2013trastuzumab emtansine", "T\u2013DM1"]


def test_dash_between_digits_is_kept(nlp):
    """Negative: a dash between digits is a range ("0·42–1·75"), read as before beside a dashed
    term."""
    text = LAPATINIB_ARMS.replace(
        "arm B.", "arm B (odds ratio 1\u00b786 [95% CI 1\u00b742\u20132\u00b775])."
    )
    rows = rows_of(nlp, text, CI_ROW)
    assert [r for r in rows if r.measure == "OR"] == [("AE", "OR", 1.86, 1.42, 2.75, None)]


def test_acronym_slashed_before_group_study_number():
    """ "(HERALD/EPOC1806)": the acronym and the group's study number both name the trial."""
    text = (
        "Trastuzumab deruxtecan in HER2-mutated solid tumors: a phase 2 basket trial "
        "(HERALD/EPOC1806). HERALD/EPOC1806 is an investigator-initiated multicenter trial."
    )
    assert sorted(set(trials_in(text))) == ["EPOC1806", "HERALD"]


def test_slash_before_group_number_needs_a_name():
    """Negative: a regimen's short form before the slash ("AC/EPOC1806") is no trial name."""
    text = "Patients in the EPOC1806 study received AC/EPOC1806 dosing."
    assert "AC" not in trials_in(text)


def test_cooperative_group_number_in_title():
    """ "The ICORG 10-05 Randomized Clinical Trial": a group's id, written as "NSABP B-31"."""
    text = (
        "Effect of Neoadjuvant Trastuzumab With or Without Lapatinib: The ICORG 10-05 "
        "Randomized Clinical Trial. Patients received paclitaxel."
    )
    assert trials_in(text) == ["ICORG 10-05"]


HYPOTHESES = "Patients received trastuzumab deruxtecan. "


def test_null_rate_naming_its_end_point_is_no_result(nlp):
    """ "the null ORR was 5%": a design's hypothesis, with its end point named between."""
    text = HYPOTHESES + (
        "Primary endpoint: confirmed ORR by independent central review; the null ORR was 5%."
    )
    assert rows_of(nlp, text) == []


def test_null_and_alternative_rates_are_no_results(nlp):
    """ "a null hypothesis ORR of 10% against the alternative ORR of 30%": neither is a result."""
    text = HYPOTHESES + "We tested a null hypothesis ORR of 10% against the alternative ORR of 30%."
    assert rows_of(nlp, text) == []


def test_assumed_rate_is_no_result(nlp):
    """ "The design assumed a pCR rate of 40%": an assumption of the design."""
    text = HYPOTHESES + "The design assumed a pCR rate of 40% in the control arm."
    assert rows_of(nlp, text) == []


def test_result_beside_null_rate_is_kept(nlp):
    """Negative: "The ORR was 45%, exceeding the null ORR of 10%": 45% is the result."""
    text = HYPOTHESES + "The ORR was 45%, exceeding the null ORR of 10%."
    assert rows_of(nlp, text, ("endpoint", "value")) == [("ORR", 45.0)]


def test_hyphenated_null_is_no_hypothesis(nlp):
    """Negative: "HER2-null" names a population, not a null hypothesis."""
    text = HYPOTHESES + "In HER2-null tumours the ORR was 30%."
    assert rows_of(nlp, text, ("endpoint", "value")) == [("ORR", 30.0)]


SUBGROUPS = (
    "Patients were randomized to epirubicin and cyclophosphamide followed by docetaxel, "
    "trastuzumab and pertuzumab (sequential group) or docetaxel, carboplatin, trastuzumab and "
    "pertuzumab (TCbHP group). In the hormone receptor-negative subgroup, total pathological "
    "complete response was achieved in 75\u00b73% of patients in the sequential group and "
    "78\u00b70% in the TCbHP group (odds ratio 0\u00b786 [95% CI 0\u00b742\u20131\u00b775]); in "
    "the hormone receptor-positive subgroup the corresponding rates were 43\u00b76% and "
    "48\u00b72% (0\u00b783 [0\u00b748\u20131\u00b743]; p for interaction=0\u00b793)."
)


def test_second_subgroup_bare_ratio_after_its_rates(nlp):
    """ "; in the ... subgroup the corresponding rates were 43·6% and 48·2% (0·83 [...]": the
    keyed ratio's bracket shape again, so the same odds ratio for the second subgroup; the P for
    interaction is not its P."""
    rows = [r for r in rows_of(nlp, SUBGROUPS, FULL_ROW) if r.measure == "OR"]
    assert rows == [
        ("pCR", "OR", 0.86, 0.42, 1.75, None, None),
        ("pCR", "OR", 0.83, 0.48, 1.43, None, None),
    ]


def test_bare_ratio_without_keyed_ratio_is_no_outcome(nlp):
    """Negative: the second subgroup alone, no labelled ratio before: the bracket stays bare."""
    text = SUBGROUPS.split(" In the hormone")[0] + (
        " In the hormone receptor-positive subgroup pathological complete response rates were "
        "43\u00b76% and 48\u00b72% (0\u00b783 [0\u00b748\u20131\u00b743]; p for interaction=0\u00b793)."
    )
    assert [r for r in rows_of(nlp, text, CI_ROW) if r.value == 0.83] == []


def test_bare_ratio_bracketed_otherwise_than_keyed_ratio_is_no_outcome(nlp):
    """Negative: the keyed ratio's number is followed by a comma, the bare one's by "[": not the
    same bracket shape, so no listed ratio."""
    text = SUBGROUPS.replace(
        "0\u00b786 [95% CI 0\u00b742\u20131\u00b775]", "0\u00b786, 95% CI 0\u00b742\u20131\u00b775"
    )
    rows = rows_of(nlp, text, CI_ROW)
    assert [r.value for r in rows if r.measure == "OR"] == [0.86]
