"""Review of round 30a (pipelines 0.3.50 and 0.3.51). Making THP/TPH/DHP short forms drugs
without a treatment context turned the THP-1 monocyte line ("THP-1 cells", "THP-1-derived
macrophages") and a dihydropyridine ("a DHP") into docetaxel, pertuzumab and trastuzumab; the
new result-group context ("40% for HP", "patients for HP") made Helicobacter pylori a regimen
in gastric-cancer texts; an investigator's-choice list ran on over ", or" into the next arm's
drug ("of CAPOX or XP, or trastuzumab and ..."), so one arm was left; and dropping the "[NR]" of
"not reached [NR] (95% CI ...) with X" kept the words' value, which has neither the CI nor the
arm (the bracket holds them off)."""

from __future__ import annotations

from extract_helpers import ARM_ROW, CI_ROW, extract_text, registry_of, rows_of

TRASTUZUMAB_ONLY = ["trastuzumab"]


def test_thp1_cell_line_is_no_regimen(nlp):
    """ "THP-1 cells", "THP-1-derived macrophages": the monocyte line, not THP."""
    for text in (
        "ADCC of trastuzumab\n\nWe cultured THP-1 cells with trastuzumab.",
        "ADCC\n\nTHP-1-derived macrophages phagocytosed 40% of trastuzumab-coated cells.",
        "ADCC\n\nADCC was measured with THP-1 as effector cells and trastuzumab.",
    ):
        assert extract_text(nlp, text).drugs == TRASTUZUMAB_ONLY, text


def test_gene_words_after_a_short_form_say_it_is_none(nlp):
    """ "TPH-1 expression", "SOX genes": a gene, even where trastuzumab is given before."""
    for text in (
        "Serotonin\n\nPatients receiving trastuzumab had TPH-1 expression in 40%.",
        "SOX\n\nIn patients treated with trastuzumab, SOX genes were upregulated in 30%.",
    ):
        assert extract_text(nlp, text).drugs == TRASTUZUMAB_ONLY, text


def test_dihydropyridine_dhp_needs_a_treatment_use(nlp):
    """ "Use of a DHP" (a dihydropyridine calcium-channel blocker) is no regimen."""
    text = "Cardiotoxicity\n\nUse of a DHP was recorded in 20% of patients receiving trastuzumab."
    assert extract_text(nlp, text).drugs == TRASTUZUMAB_ONLY


def test_dhp_written_as_a_treatment_is_still_the_regimen(nlp):
    """Negative: "randomized to DHP or TCHP" is still docetaxel, trastuzumab and pertuzumab."""
    text = "Neoadjuvant\n\nPatients were randomized to DHP or TCHP. The pCR rate was 60% vs 58%."
    assert extract_text(nlp, text).drugs == [
        "carboplatin",
        "docetaxel",
        "pertuzumab",
        "trastuzumab",
    ]


def test_a_share_for_an_ambiguous_short_form_is_no_treatment(nlp):
    """ "seropositivity was 40% for HP", "tested 150 patients for HP": Helicobacter pylori."""
    for text in (
        "HER2 and infection in gastric cancer\n\nSeropositivity was 40% for HP and 12% for EBV "
        "in HER2-positive tumours.",
        "Helicobacter pylori and HER2\n\nWe tested 150 patients for HP. HER2 positivity was 20%.",
    ):
        assert extract_text(nlp, text).drugs == [], text


def test_patients_on_an_ambiguous_short_form_stay_treated(nlp):
    """Negative: "patients on TP had" is still the patients' regimen."""
    text = "Patients on TP had a pCR of 24.0%."
    assert extract_text(nlp, text).drugs == ["docetaxel", "pertuzumab"]


ZANIDATAMAB = (
    "Zanidatamab in gastric cancer\n\n"
    "Patients were randomly assigned to zanidatamab plus tislelizumab and investigator's choice "
    "of CAPOX or XP, or trastuzumab and investigator's choice of CAPOX or XP. ORR was 70% with "
    "zanidatamab and 50% with trastuzumab."
)


def test_choice_list_stops_at_the_next_arm(nlp):
    """ "A plus B and investigator's choice of C or D, or E and investigator's choice of ...":
    the ", or" after the options' own "or" opens the next arm, whose drug is no option."""
    reg = registry_of(nlp, ZANIDATAMAB)
    assert [a.name for a in reg.arms] == ["tislelizumab+zanidatamab", "trastuzumab"]
    rows = rows_of(nlp, ZANIDATAMAB, ARM_ROW)
    assert rows == [
        ("ORR", "rate", 70.0, "tislelizumab+zanidatamab"),
        ("ORR", "rate", 50.0, "trastuzumab"),
    ]


def test_choice_list_with_a_serial_comma_is_one_list(nlp):
    """Negative: "of capecitabine, fluorouracil, or oxaliplatin" (no "or" before the comma)
    is one list of options."""
    text = (
        "Pembrolizumab\n\nPatients were randomly assigned to pembrolizumab or placebo, plus "
        "trastuzumab and investigator's choice of capecitabine, fluorouracil, or oxaliplatin. "
        "ORR was 74% with pembrolizumab and 52% with placebo."
    )
    reg = registry_of(nlp, text)
    assert [a.name for a in reg.arms] == ["pembrolizumab+trastuzumab", "trastuzumab"]


NR_TEXT = (
    "Trastuzumab versus lapatinib\n\n"
    "Patients were randomly assigned to trastuzumab or lapatinib. Median overall survival was "
    "not estimable [NE] (95% CI, 30.1 to NE) with trastuzumab and 20.1 months with lapatinib."
)


def test_not_estimable_with_its_short_form_keeps_its_ci_and_arm(nlp):
    """ "not estimable [NE] (95% CI, 30.1 to NE) with trastuzumab": one median, with the CI
    and the arm the short form stands next to (the words' value had neither)."""
    rows = [r for r in rows_of(nlp, NR_TEXT, CI_ROW) if r.value is None]
    assert rows == [("OS", "median", None, 30.1, None, "trastuzumab")]


def test_not_reached_with_a_short_form_opening_its_ci_is_one_median(nlp):
    """ "not reached (NR; 95% CI, 30.1 to NR) with trastuzumab": one median with its bound."""
    text = NR_TEXT.replace(
        "not estimable [NE] (95% CI, 30.1 to NE)", "not reached (NR; 95% CI, 30.1 to NR)"
    )
    rows = [r for r in rows_of(nlp, text, CI_ROW) if r.value is None]
    assert rows == [("OS", "median", None, 30.1, None, "trastuzumab")]
