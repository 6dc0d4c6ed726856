"""Held-out round 11 (b): typographic variants of numbers, CIs and P values (full-width forms of
East Asian journals, "≦"/"≧", tilde and figure-dash ranges, ranges split by a comma in their own
bracket, powers of ten typed "x 10^-22" or "1.2E-05", decimal commas of European PDFs, line
breaks and unit abbreviations of PDF copies), each read as from the clean text, with offsets
into the original text."""

from __future__ import annotations

from extract_helpers import outcomes_of, parsed_values, rows_of

from her2mine.extract.numbers import fold_typography, normalise_p
from her2mine.extract.sentences import join_soft_line_breaks, sentence_spans

# --- full-width forms, "≧" ------------------------------------------------------------------------

PHENIX = (
    "Pyrotinib plus capecitabine in HER2-positive metastatic breast cancer (PHENIX)\n\n"
    "Patients were randomly assigned 2:1 to pyrotinib plus capecitabine or placebo plus "
    "capecitabine. Median progression-free survival was 11.1 months with pyrotinib plus "
    "capecitabine versus 4.1 months with placebo plus capecitabine (ＨＲ＝0.18，95％CI "
    "0.13-0.26，P＜0.001). The objective response rate was 68.6％ vs 16.0％ (P＜0.001). "
    "Grade ≧3 diarrhea occurred in 30.8% of patients in the pyrotinib group."
)


def test_full_width_ratio_ci_p_and_percent_signs_are_read(nlp):
    rows = rows_of(nlp, PHENIX, ("endpoint", "arm", "measure", "value", "ci_low", "ci_high", "p"))
    assert ("PFS", None, "HR", 0.18, 0.13, 0.26, "<0.001") in rows
    assert ("ORR", "capecitabine+pyrotinib", "rate", 68.6, None, None, "<0.001") in rows
    assert ("ORR", "capecitabine", "rate", 16.0, None, None, "<0.001") in rows


def test_full_width_readings_keep_original_offsets_and_sentence(nlp):
    for o in outcomes_of(nlp, PHENIX):
        assert float(PHENIX[o.start : o.end]) == o.value
        assert o.sentence in PHENIX
    hr = next(o for o in outcomes_of(nlp, PHENIX) if o.measure == "HR")
    assert "ＨＲ＝0.18，95％CI" in hr.sentence  # quoted as written, not folded


def test_japanese_greater_or_equal_sign_makes_a_grade_3_rate(nlp):
    rows = rows_of(nlp, PHENIX, ("endpoint", "arm", "measure", "value", "ci_low", "ci_high", "p"))
    assert ("AE_G3", "capecitabine+pyrotinib", "incidence", 30.8, None, None, None) in rows


def test_full_width_brackets_and_dash_give_the_ci(nlp):
    text = (
        "Trastuzumab deruxtecan in HER2-positive gastric cancer (DESTINY-Gastric01)\n\n"
        "Patients were randomly assigned 2:1 to trastuzumab deruxtecan or physician's choice of "
        "chemotherapy. Overall survival was longer with trastuzumab deruxtecan (median, 12.5 vs. "
        "8.4 months; HR for death 0.59 ［95％ CI 0.39－0.88］; P＝0.01)."
    )
    assert ("OS", None, "HR", 0.59, 0.39, 0.88, "0.01") in rows_of(
        nlp, text, ("endpoint", "arm", "measure", "value", "ci_low", "ci_high", "p")
    )


def test_fold_keeps_length_and_leaves_plain_text_alone():
    text = "HR 0.62 (95% CI, 0.51–0.75; P<0.001); 3,807 patients; 0·62"
    assert fold_typography(text) is text
    wide = "ＨＲ＝0.18，95％CI 0.13〜0.26，P≦0.001 and 18.5\u202fmonths"
    folded = fold_typography(wide)
    assert len(folded) == len(wide)
    assert folded == "HR=0.18,95%CI 0.13~0.26,P≤0.001 and 18.5 months"


# --- range dashes: figure dash, tilde ------------------------------------------------------------


def test_figure_dash_in_a_bare_range():
    text = "HR 0.62 (0.51\u20120.75)"
    assert parsed_values(fold_typography(text)) == [("HR", 0.62, 0.51, 0.75, None)]


def test_tilde_range_after_a_ci_keyword_and_in_a_bare_bracket():
    assert parsed_values("OS was longer (HR 0.68, CI:0.55~0.85, p-value=0.0006).") == [
        ("HR", 0.68, 0.55, 0.85, "0.0006")
    ]
    assert parsed_values("OS was longer (HR 0.68 (0.55 ~ 0.85), P=0.0006).") == [
        ("HR", 0.68, 0.55, 0.85, "0.0006")
    ]


# --- a ratio's CI as two bounds split by a comma in its own bracket ------------------------------


def test_bracketed_comma_range_after_a_ratio_is_its_ci():
    assert parsed_values("Median PFS was longer, HR 0.65[0.55,0.77], P<0.001.") == [
        ("HR", 0.65, 0.55, 0.77, "<0.001")
    ]
    assert parsed_values("Median PFS was longer (HR 0.65 (0.55, 0.77); P<0.001).") == [
        ("HR", 0.65, 0.55, 0.77, "<0.001")
    ]


def test_bracketed_comma_pair_not_holding_the_ratio_is_no_ci():
    # Negative: a pair that does not hold the ratio is something else.
    assert parsed_values("Median PFS was longer, HR 0.65 (0.70, 0.77).")[0] == (
        "HR",
        0.65,
        None,
        None,
        None,
    )


# --- powers of ten -------------------------------------------------------------------------------


def test_powers_of_ten_typed_with_a_caret_an_x_or_e_notation():
    base = "PFS was longer (HR for progression or death, 0.28; 95% CI, 0.22 to 0.37; P{})."
    assert parsed_values(base.format("=7.8 x 10^-22"))[0][4] == "7.8×10-22"
    assert parsed_values(base.format("=7.8×10^-22"))[0][4] == "7.8×10-22"
    assert parsed_values(base.format("=1.2E-05"))[0][4] == "1.2×10-5"
    assert parsed_values(base.format("=1.2e-5"))[0][4] == "1.2×10-5"
    assert parsed_values(base.format(" < 10^-4"))[0][4] == "<10-4"


def test_plain_p_values_keep_their_form():
    # Negative: no power of ten, no change ("P=.04" still reads 0.04).
    assert normalise_p("=", ".04") == "0.04"
    assert normalise_p("<", "1×10−5") == "<1×10-5"
    assert parsed_values("OS (HR 0.68, 95% CI 0.56-0.84, two-tailed P=.0002)")[0][4] == "0.0002"


# --- decimal commas ------------------------------------------------------------------------------

TOGA_COMMAS = (
    "Trastuzumab plus chemotherapy for HER2-positive advanced gastric cancer (ToGA)\n\n"
    "A total of 3,807 patients were screened and 594 were randomly assigned to trastuzumab plus "
    "chemotherapy or chemotherapy alone. Median overall survival was 13,8 months in those "
    "assigned to trastuzumab plus chemotherapy compared with 11,1 months in those assigned to "
    "chemotherapy alone (hazard ratio 0,74; 95% CI 0,60-0,91; p=0,0046). The overall response "
    "rate was 47,3% versus 34,5%."
)


def test_decimal_commas_of_a_text_without_decimal_points(nlp):
    rows = rows_of(
        nlp, TOGA_COMMAS, ("endpoint", "arm", "measure", "value", "ci_low", "ci_high", "p")
    )
    assert ("OS", "trastuzumab", "median", 13.8, None, None, None) in rows
    assert ("OS", None, "HR", 0.74, 0.6, 0.91, "0.0046") in rows
    assert {r[3] for r in rows if r[0] == "ORR"} == {47.3, 34.5}
    for o in outcomes_of(nlp, TOGA_COMMAS):
        assert TOGA_COMMAS[o.start : o.end].replace(",", ".") == str(o.value)
        assert "," in o.sentence or "0,74" not in o.sentence


def test_thousands_separators_and_lists_stay_commas():
    # Negative: a text that writes decimal points keeps every comma; so does one whose comma
    # numbers are counts or lists only.
    mixed = "Of 3,807 patients, median OS was 13.8 months vs 11,1 months in cohorts 1,2,3."
    assert fold_typography(mixed) is mixed
    counts = "We screened 1,234 patients in cohorts 1,2 and 3 at 12 sites."
    assert fold_typography(counts) is counts
    commas = "Of 1,234 patients, 22,1% were HER2-positive (cohorts 1,2,3)."
    assert fold_typography(commas) == "Of 1,234 patients, 22.1% were HER2-positive (cohorts 1,2,3)."


# --- PDF copies: line breaks inside a sentence, "mos." -----------------------------------------

HER2CLIMB_PDF = (
    "Tucatinib, trastuzumab, and capecitabine for HER2-positive metastatic breast cancer\n\n"
    "Patients were randomly assigned 2:1 to tucatinib or placebo, each in combination with "
    "trastuzumab and capecitabine. Overall survival at 2 years was 44.9% in the tucatinib-"
    "combination group and 26.6% in the placebo-combination group (hazard ratio for death, "
    "0.66; 95%\nCI, 0.50 to\n0.88; P=0.005), and median overall survival was 21.9 months and "
    "17.4\nmonths, respectively."
)


def test_line_breaks_inside_a_sentence_keep_it_whole(nlp):
    rows = rows_of(
        nlp, HER2CLIMB_PDF, ("endpoint", "arm", "measure", "value", "ci_low", "ci_high", "p")
    )
    assert ("OS", None, "HR", 0.66, 0.5, 0.88, "0.005") in rows
    medians = {r[3]: r[1] for r in rows if r[2] == "median"}
    assert medians == {
        21.9: "capecitabine+trastuzumab+tucatinib",
        17.4: "capecitabine+trastuzumab",
    }


def _joined(text: str) -> list[str]:
    return [text[a:b] for a, b in join_soft_line_breaks(text, sentence_spans(text))]


def test_broken_lines_join_their_sentence():
    text = "Title\n\nHR 0.66; 95%\nCI, 0.50 to\n0.88. OS was 21.9 and 17.4\nmonths."
    assert _joined(text) == [
        "Title",
        "HR 0.66; 95%\nCI, 0.50 to\n0.88.",
        "OS was 21.9 and 17.4\nmonths.",
    ]


def test_headings_and_blank_lines_still_end_sentences():
    # Negative: a heading line, a line ending a sentence and a blank line stay boundaries.
    text = "Title of the trial\n\nRESULTS\n1,234 patients were enrolled.\nthe end\n\nand more"
    assert _joined(text) == [
        "Title of the trial",
        "RESULTS",
        "1,234 patients were enrolled.",
        "the end",
        "and more",
    ]
    assert _joined("Results\npCR was 45%.") == ["Results", "pCR was 45%."]
    assert _joined("Methods:\nwe randomised.") == ["Methods:", "we randomised."]


def test_unit_abbreviation_before_a_bracket_ends_no_sentence(nlp):
    text = (
        "Trastuzumab deruxtecan versus trastuzumab emtansine (DESTINY-Breast03)\n\n"
        "Patients were randomly assigned to trastuzumab deruxtecan or trastuzumab emtansine. "
        "Median PFS was 25.1 months with trastuzumab deruxtecan vs 6.8 mos. (95% CI 5.6-8.2) "
        "with trastuzumab emtansine."
    )
    assert ("PFS", "trastuzumab emtansine", "median", 6.8, 5.6, 8.2, None) in rows_of(
        nlp, text, ("endpoint", "arm", "measure", "value", "ci_low", "ci_high", "p")
    )
    # Negative: "mo." before a capital still ends its sentence.
    spans = sentence_spans("Median PFS was 6.8 mo. The ORR was 45%.")
    assert len(spans) == 2
