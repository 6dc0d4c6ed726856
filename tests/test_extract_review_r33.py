"""Review of rounds 32 and 33. Round 33's bracket after a group's study number took a
bracketed regimen or a group for a trial ("NSABP B-31 (AC-TH)", "CALGB 40601 (ECOG-ACRIN)"),
and its appositive took a disease's acronym for one ("In HER2-amplified mCRC, a phase 2 trial,
..."). Round 32's drug chain bracketed after a short form read an addition as the definition
("HP (plus docetaxel)" became docetaxel alone); "S-1" lost its common treatment uses ("S-1
monotherapy", "oral S-1", "S-1 was administered"); and the FOLFOX-6 lexicon entry left the
general cause, a one-digit number hyphenated onto a regimen's short form ("FOLFOX-7 plus
trastuzumab"), breaking the chain."""

from __future__ import annotations

import pytest
from extract_helpers import ARM_ROW, arm_of, extract_text, rows_of, trials_in

TEGAFUR = "tegafur/gimeracil/oteracil"

# --- round 33: the bracket after a group's study number ---------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("NSABP B-31 (AC-TH) enrolled 2101 women.", ["NSABP B-31"]),
        ("JCOG1017 (AC-TH) enrolled 300 patients.", ["JCOG1017"]),
        ("BCIRG 006 (FEC-T) enrolled patients.", ["BCIRG 006"]),
        ("NCCTG N9831 (AC-T-H) compared regimens.", ["NCCTG N9831"]),
        ("CALGB 40601 (ECOG-ACRIN) enrolled 305 patients.", ["CALGB 40601"]),
    ],
)
def test_bracketed_regimen_or_group_after_a_group_id_is_no_trial(text, names):
    """A hyphenated bracket whose parts are regimen short forms ("AC", "TH") or a group's name
    ("ECOG") is the trial's regimen or network, not a second trial."""
    assert sorted(trials_in(text)) == sorted(names)


def test_hyphenated_acronym_after_a_group_id_is_still_a_trial():
    """Negative: "WJOG7112G (T-ACT)": no part is a regimen or a group, so T-ACT is a trial."""
    assert sorted(trials_in("WJOG7112G (T-ACT) was a phase 2 trial.")) == ["T-ACT", "WJOG7112G"]


# --- round 33: the head of an appositive ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "In HER2-amplified mCRC, a phase 2 trial, trastuzumab plus pertuzumab was given.",
        "In HER2-positive BCBM, a phase 2 study, tucatinib was given.",
        "In mTNBC, a phase 3 trial, sacituzumab improved survival.",
        "In ctDNA, a prospective study, HER2 amplification was found.",
        "In ADCs, a retrospective study, 200 patients were treated.",
    ],
)
def test_disease_acronym_before_an_appositive_is_no_trial(text):
    """A word modified by an adjective ("HER2-positive BCBM") is a noun phrase, not a trial's
    name; a lower-case prefix on capitals ("mCRC", "ctDNA") or an acronym's plural ("ADCs") is
    no coined name."""
    assert trials_in(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("In NeoPHOEBE, a randomised phase 2 study, 50 patients were enrolled.", "NeoPHOEBE"),
        ("The ToGA trial and JACOB, a phase 3 trial, were run.", "JACOB"),
        ("RxPONDER, a phase 3 trial, enrolled 5000 women.", "RxPONDER"),
        ("Results of NeoPHOEBE, a phase 2 trial, were reported.", "NeoPHOEBE"),
    ],
)
def test_unmodified_appositive_head_is_a_trial(text, name):
    """Negative: a name after "In", "and", "of" or at a sentence's start heads the appositive."""
    assert name in trials_in(text)


# --- round 32: a drug chain bracketed after a short form ---------------------------------------


@pytest.mark.parametrize(
    ("text", "drugs"),
    [
        ("Patients received HP (plus docetaxel) every 3 weeks.", ["docetaxel", "pertuzumab",
                                                                    "trastuzumab"]),
        ("Patients received HP (with docetaxel) every 3 weeks.", ["docetaxel", "pertuzumab",
                                                                    "trastuzumab"]),
        ("Patients received TCH (plus pertuzumab).", ["carboplatin", "docetaxel", "pertuzumab",
                                                      "trastuzumab"]),
    ],
)  # fmt: skip
def test_bracket_opening_with_a_joiner_adds_to_the_short_form(nlp, text, drugs):
    """ "HP (plus docetaxel)": a drug added to the regimen, not the regimen's definition."""
    assert extract_text(nlp, text).drugs == drugs


def test_bracket_holding_the_drugs_still_defines_the_short_form(nlp):
    """Negative: "THP (paclitaxel, trastuzumab, pertuzumab)" defines THP with paclitaxel."""
    text = "Patients received THP (paclitaxel, trastuzumab, pertuzumab) weekly."
    assert extract_text(nlp, text).drugs == ["paclitaxel", "pertuzumab", "trastuzumab"]


# --- round 32: S-1 in a treatment context ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "S-1 monotherapy was given to 40 patients with gastric cancer.",
        "Oral S-1 was given for 1 year after surgery.",
        "S-1 was administered twice daily for 28 days.",
        "S-1 (80 mg/m2/day) and oxaliplatin (130 mg/m2) were given with trastuzumab.",
    ],
)
def test_s1_in_common_treatment_phrases_is_tegafur(nlp, text):
    """ "S-1 monotherapy", "oral S-1", "S-1 was administered", "S-1 (80 mg/m2...": the drug."""
    assert TEGAFUR in extract_text(nlp, text).drugs


# --- round 32: a one-digit number hyphenated onto a regimen's short form ----------------------


def test_one_digit_number_on_a_short_form_keeps_the_partner_in_the_arm(nlp):
    """ "FOLFOX-7 plus trastuzumab or FOLFOX-7 alone": the "-7" (as "-6" before the lexicon
    listed FOLFOX-6) no longer ends the chain, so trastuzumab is in the first arm."""
    text = (
        "Patients were randomized to FOLFOX-7 plus trastuzumab or FOLFOX-7 alone. The ORR was "
        "45.0% with FOLFOX-7 plus trastuzumab and 30.0% with FOLFOX-7 alone."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 45.0) == "fluorouracil+leucovorin+oxaliplatin+trastuzumab"
    assert arm_of(rows, 30.0) == "fluorouracil+leucovorin+oxaliplatin"
