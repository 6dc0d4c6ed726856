"""Held-out round 10 (f): newer HER2 agents and their many names (code names, brands,
biosimilars). Each test checks one reading that went wrong on abstracts outside the gold set:
a brand or code in brackets after the drug ("inetetamab (Cipterbin) plus vinorelbine") or a
trademark sign ("Herceptin® plus docetaxel") broke the regimen, so a single-arm value lost the
first drug; cell lines named like sponsor codes ("BT-474", "HCC1954") and a CD antigen
("CD274") became drugs; the number of a code written with a space ("48% with ABP 980 and 41%")
became a rate; BL-M07D1 and a few biosimilar codes were missing from the lexicon."""

from __future__ import annotations

from extract_helpers import arms_of, drug_texts, extract_text

from her2mine.extract.hits import Hit
from her2mine.extract.regimens import group_regimens

TITLE = "Title\n\n"


def _drugs(nlp, text: str) -> list[str]:
    return extract_text(nlp, TITLE + text).drugs


# Inetetamab (Cipterbin) in a single-arm cohort; pyrotinib maleate (SHR-1258)
INETETAMAB = (
    "In a single-arm cohort, inetetamab (Cipterbin) plus vinorelbine achieved an objective "
    "response rate of 38.5%."
)
PYROTINIB = (
    "In a phase 2 study, pyrotinib (SHR-1258) plus capecitabine achieved an objective response "
    "rate of 78.5%."
)
DISITAMAB = (
    "In a phase 1b/2 study, RC48 (disitamab vedotin) plus toripalimab gave an objective "
    "response rate of 50.0%."
)
HERCEPTIN_SIGN = (
    "In this single-arm study, Herceptin® plus docetaxel achieved an objective response rate "
    "of 61.5%."
)
HERCEPTIN_BRACKET_SIGN = (
    "In this single-arm study, trastuzumab (Herceptin®) plus docetaxel achieved an objective "
    "response rate of 61.5%."
)


def test_bracketed_brand_or_code_keeps_the_regimen(nlp):
    assert arms_of(nlp, TITLE + INETETAMAB) == {38.5: "inetetamab+vinorelbine"}
    assert arms_of(nlp, TITLE + PYROTINIB) == {78.5: "capecitabine+pyrotinib"}
    assert arms_of(nlp, TITLE + DISITAMAB) == {50.0: "disitamab vedotin+toripalimab"}


def test_trademark_sign_keeps_the_regimen(nlp):
    assert arms_of(nlp, TITLE + HERCEPTIN_SIGN) == {61.5: "docetaxel+trastuzumab"}
    assert arms_of(nlp, TITLE + HERCEPTIN_BRACKET_SIGN) == {61.5: "docetaxel+trastuzumab"}


def _hits_for(text: str, *pairs: tuple[str, str]) -> list[Hit]:
    hits, pos = [], 0
    for written, drug in pairs:
        start = text.index(written, pos)
        pos = start + len(written)
        hits.append(Hit("drug", start, pos, written, drug, [drug]))
    return hits


def test_alias_bracket_does_not_join_different_drugs_or_arms():
    # a bracket naming another drug is no alias; "versus"/"or" still separate the arms
    text = "T-DM1 (trastuzumab emtansine) versus lapatinib (Tykerb) plus capecitabine"
    hits = _hits_for(
        text,
        ("T-DM1", "trastuzumab emtansine"),
        ("trastuzumab emtansine", "trastuzumab emtansine"),
        ("lapatinib", "lapatinib"),
        ("Tykerb", "lapatinib"),
        ("capecitabine", "capecitabine"),
    )
    regs = group_regimens(text, hits)
    assert [r.drugs for r in regs] == [["trastuzumab emtansine"], ["capecitabine", "lapatinib"]]
    text = "docetaxel (paclitaxel) plus trastuzumab"
    hits = _hits_for(
        text,
        ("docetaxel", "docetaxel"),
        ("paclitaxel", "paclitaxel"),
        ("trastuzumab", "trastuzumab"),
    )
    # (the rule does not fire: the regimen still breaks at the bracket, as before)
    assert [r.drugs for r in group_regimens(text, hits)] == [
        ["docetaxel"],
        ["paclitaxel"],
        ["trastuzumab"],
    ]


# SHR-A1811 / ARX788 preclinical and methods sentences
CELL_LINES = (
    "BT-474 and HCC1954 cells were treated with SHR-A1811 or JSKN003 at 10 mg/kg. "
    "HER2-positive cell lines (UACC-812, EFM-192A and NCI-N87) were treated with ARX788."
)


def test_cell_lines_named_like_codes_are_not_drugs(nlp):
    written = drug_texts(nlp, TITLE + CELL_LINES)
    assert written == ["SHR-A1811", "JSKN003", "ARX788"]
    assert _drugs(nlp, CELL_LINES) == ["arx788", "jskn003", "trastuzumab rezetecan"]


def test_codes_outside_cell_line_lists_stay_drugs(nlp):
    # a code followed by a drug, not by "cells": still a sponsor code
    assert drug_texts(nlp, TITLE + "Patients received BT8009 plus pembrolizumab.") == [
        "BT8009",
        "pembrolizumab",
    ]


def test_cd_antigen_is_not_a_drug(nlp):
    text = "CD274 expression was measured; patients were treated with pertuzumab at 840 mg."
    assert _drugs(nlp, text) == ["pertuzumab"]


# Trastuzumab biosimilars review: ABP 980 (Kanjinti) in the LILAC neoadjuvant trial
ABP980 = (
    "In neoadjuvant trials, the pathological complete response rate was 48% with ABP 980 and "
    "41% with trastuzumab."
)


def test_number_of_a_spaced_code_is_no_value(nlp):
    ex = extract_text(nlp, TITLE + ABP980)
    assert [o.value for o in ex.outcomes] == [48.0, 41.0]


def test_bare_number_before_a_rate_still_inherits_its_unit(nlp):
    text = TITLE + "The pathological complete response rates were 48 and 41% in the two groups."
    ex = extract_text(nlp, text)
    assert [o.value for o in ex.outcomes] == [48.0, 41.0]


# Pooled early-phase results; biosimilar and pertuzumab-biosimilar codes
NEW_CODES = (
    "BL-M07D1 monotherapy gave an objective response rate of 85.7% in HER2-positive breast "
    "cancer. Patients received HD201 or EG12014 plus docetaxel, and QL1209 plus trastuzumab."
)


def test_lexicon_knows_newer_codes(nlp):
    assert arms_of(nlp, TITLE + NEW_CODES) == {85.7: "bl-m07d1"}
    assert _drugs(nlp, NEW_CODES) == ["bl-m07d1", "docetaxel", "pertuzumab", "trastuzumab"]
