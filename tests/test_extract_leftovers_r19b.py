"""Leftovers round 19 (b): short forms and markup.

A regimen short form that spells the last few mentions of a chain took in the drug before
them: "paclitaxel followed by fluorouracil, epirubicin, and cyclophosphamide (FEC)" defined FEC
as all four drugs, so "30% with FEC alone" went to the sequence arm; "(FEC-75)" was moreover
recorded as a compound short form of that arm. Citation lists in superscripts
("trastuzumab<sup>1,2</sup>", "<sup>1–3</sup>", "<sup><i>9</i></sup>") were flattened into the
text ("trastuzumab1,2": no drug; "109"). Colonless headings in capitals ("... placebo. RESULTS
Median PFS was ...") stayed part of the sentence after them, unlike the title-case ones.
"""

from __future__ import annotations

import pytest
from extract_helpers import arms_of, extract_text, sentences_of

from her2mine.extract.numbers import fold_superscripts
from her2mine.parse.text import clean_markup

FEC = "cyclophosphamide+epirubicin+fluorouracil"


def _sequence(short: str) -> str:
    return (
        "Patients were randomly assigned to paclitaxel followed by fluorouracil, epirubicin, "
        f"and cyclophosphamide ({short}) or to {short} alone. "
        f"The pCR rate was 30% with {short} alone."
    )


# --- a short form spelling the last mentions of a chain --------------------------------------


def test_short_form_spelling_the_last_mentions_names_those(nlp):
    """ "paclitaxel followed by F, E and C (FEC)": FEC is the three drugs it spells."""
    assert arms_of(nlp, _sequence("FEC"))[30.0] == FEC


@pytest.mark.parametrize("short", ["FEC-75", "FEC100"])
def test_short_form_with_a_dose_spells_its_letters(nlp, short):
    """A dose after the letters ("FEC-75", "FEC100") is no part of the spelling, and
    "(FEC-75)" is no compound short form naming the sequence arm."""
    assert arms_of(nlp, _sequence(short))[30.0] == FEC


def test_short_form_spelled_by_brand_initials(nlp):
    """ "docetaxel then doxorubicin and cyclophosphamide (AC)": A is doxorubicin's brand
    initial (Adriamycin), so AC is the last two drugs."""
    text = (
        "Patients were randomly assigned to docetaxel then doxorubicin and cyclophosphamide "
        "(AC) or to AC alone. The pCR rate was 30% with AC alone."
    )
    assert arms_of(nlp, text)[30.0] == "cyclophosphamide+doxorubicin"


def test_short_form_spelling_the_whole_chain_keeps_it(nlp):
    """Negative: "trastuzumab plus docetaxel and carboplatin (TCH)" spells all three (H for
    Herceptin), so TCH is the whole chain."""
    text = (
        "Patients were randomly assigned to trastuzumab plus docetaxel and carboplatin (TCH) "
        "or to docetaxel and carboplatin. The pCR rate was 30% with TCH."
    )
    assert arms_of(nlp, text)[30.0] == "carboplatin+docetaxel+trastuzumab"


def test_short_form_whose_letters_fit_the_earlier_mention_keeps_the_chain(nlp):
    """Negative: "epirubicin followed by ... (FEC)": the earlier mention could take a letter
    of the short form, so the reading is not narrowed."""
    text = (
        "Patients were randomly assigned to epirubicin followed by fluorouracil, etoposide and "
        "cyclophosphamide (FEC) or to paclitaxel. The pCR rate was 30% with FEC."
    )
    assert arms_of(nlp, text)[30.0] == "cyclophosphamide+epirubicin+etoposide+fluorouracil"


def test_compound_short_form_still_names_the_sequence_arm(nlp):
    """Negative: "(AC-T)" names the whole sequence before it (its parts hold letters)."""
    text = (
        "Patients were randomly assigned to doxorubicin and cyclophosphamide followed by "
        "docetaxel (AC-T) or to docetaxel alone. The pCR rate was 30% with AC-T."
    )
    assert arms_of(nlp, text)[30.0] == "cyclophosphamide+docetaxel+doxorubicin"


# --- superscript citation lists ----------------------------------------------------------------


def test_superscript_citation_lists_become_superscripts():
    """A list of numbers joined by commas or en dashes keeps its joiners flat between
    superscript numbers, without its spaces."""
    assert clean_markup("trastuzumab<sup>1,2</sup> plus") == "trastuzumab¹,² plus"
    assert clean_markup("docetaxel<sup>1&#x2013;3</sup>.") == "docetaxel¹–³."
    assert clean_markup("months<sup>1, 4</sup> with") == "months¹,⁴ with"


def test_superscript_content_is_flattened_and_trimmed_first():
    """Inline tags inside a superscript are flattened and its spaces dropped before it is
    read: "10<sup><i>9</i></sup>/L" is "10⁹/L", not "109/L"."""
    assert clean_markup("10<jats:sup><jats:italic>9</jats:italic></jats:sup>/L") == "10⁹/L"
    assert clean_markup("trastuzumab<sup> 1 </sup> plus") == "trastuzumab¹ plus"


def test_other_superscripts_stay_flat():
    """Negative: numbers joined by a space, letters, or a sign alone are flattened as before."""
    assert clean_markup("x<sup>1 2</sup>") == "x1 2"
    assert clean_markup("a<sup><i>b</i></sup> HER2<sup> + </sup> x") == "ab HER2 + x"


def test_citation_list_reads_as_one_marker():
    """``fold_superscripts`` reads the whole list as spaces, joiners included."""
    assert fold_superscripts("trastuzumab¹,² plus") == "trastuzumab    plus"
    assert fold_superscripts("docetaxel¹–³.") == "docetaxel   ."
    assert fold_superscripts("months¹², 0.62¹") == "months  , 0.62 "  # a flat comma after


def test_citation_lists_keep_drugs_and_read_no_number(nlp):
    """End to end: the drug before a citation list is found and the list is no value."""
    text = clean_markup(
        "Patients were randomly assigned to trastuzumab<sup>1,2</sup> plus docetaxel or "
        "docetaxel alone<sup>3&#x2013;5</sup>. Median PFS was 18.5 months<sup>1, 4</sup> with "
        "trastuzumab<sup><i>6</i></sup> plus docetaxel and 12.4 months with docetaxel alone."
    )
    ex = extract_text(nlp, text)
    assert ex.drugs == ["docetaxel", "trastuzumab"]
    rows = {(o.value, o.arm) for o in ex.outcomes}
    assert rows == {(18.5, "docetaxel+trastuzumab"), (12.4, "docetaxel")}


# --- colonless headings in capitals ------------------------------------------------------------


def test_upper_case_heading_without_colon_belongs_to_no_sentence():
    """ "... placebo. RESULTS Median PFS was ...": the heading starts no sentence text."""
    text = (
        "METHODS Patients were randomly assigned to trastuzumab or placebo. RESULTS Median PFS "
        "was 18.5 months. CONCLUSIONS HER2-positive patients benefited."
    )
    assert sentences_of(text) == [
        "Patients were randomly assigned to trastuzumab or placebo.",
        "Median PFS was 18.5 months.",
        "HER2-positive patients benefited.",
    ]


def test_upper_case_heading_before_a_term_or_one_letter_word():
    """ "RESULTS pCR was ...", "RESULTS A total of ...": running text after the heading."""
    text = "RESULTS pCR was 40%. RESULTS A total of 808 patients were enrolled."
    assert sentences_of(text) == ["pCR was 40%.", "A total of 808 patients were enrolled."]


def test_upper_case_heading_rows_quote_the_sentence_without_it(nlp):
    """Outcome rows quote the sentence after the heading."""
    text = (
        "METHODS Patients were randomly assigned to trastuzumab plus docetaxel or placebo plus "
        "docetaxel. RESULTS Median PFS was 18.5 months with trastuzumab plus docetaxel."
    )
    ex = extract_text(nlp, text)
    assert [o.sentence for o in ex.outcomes] == [
        "Median PFS was 18.5 months with trastuzumab plus docetaxel."
    ]


def test_capitals_inside_a_sentence_are_no_heading():
    """Negative: trial names in capitals inside a sentence ("the DESIGN trial", "the SETTING
    study") and a heading word before lower case ("RESULTS were") cut nothing."""
    text = "We enrolled patients in the DESIGN trial. The SETTING study enrolled 40. RESULTS were."
    assert sentences_of(text) == [
        "We enrolled patients in the DESIGN trial.",
        "The SETTING study enrolled 40.",
        "RESULTS were.",
    ]


def test_title_in_capitals_and_trial_names_are_no_heading():
    """Negative: a title in capitals goes on in capitals; a heading word before "Trial" is a
    trial's name; "OBJECTIVE Response" is the end point."""
    text = (
        "RESULTS OF THE PHASE III TRIAL. DESIGN Trial investigators enrolled 300 patients. "
        "OBJECTIVE Response rate was 60%."
    )
    assert sentences_of(text) == [
        "RESULTS OF THE PHASE III TRIAL.",
        "DESIGN Trial investigators enrolled 300 patients.",
        "OBJECTIVE Response rate was 60%.",
    ]
