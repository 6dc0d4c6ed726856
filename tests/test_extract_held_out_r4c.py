"""Held-out round 4 (c): trastuzumab biosimilar and subcutaneous-formulation trials (CT-P6, LILAC,
HannaH, HLX02, PF-05280014, FeDeriCa, and the TH3RESA count style), each checking one reading
that went wrong on them: a group size read as a rate ("155 (52%) of 298 and ..."), rates whose
end point is the object of the verb after them ("... achieved pCR"), a reference product named by
where it was sourced ("trastuzumab-EU plus paclitaxel"), a regimen short form with a route
("(P+H IV)"), a co-formulated product as an alternative of its own component ("pertuzumab plus
trastuzumab (P+H IV) or PH FDC SC"), an end point's short form with a time point ("ORR24"), an
equivalence margin read as a rate, the partner of "each combined with" read as an arm, and "N
received X" in the results read as a new arm."""

from __future__ import annotations

import pytest
from extract_helpers import ARM_ROW, registry_of, rows_of

from her2mine.extract.numbers import parse_values

TITLE = "Title\n\n"

# HannaH (Lancet Oncol 2012), results
HANNAH_AES = (
    "Grade 3–5 adverse events occurred in 155 (52%) of 298 and 157 (53%) of 297 patients, "
    "respectively."
)
# CT-P6 (Stebbing, Lancet Oncol 2017), findings
CTP6_PCR = (
    "Methods Patients were randomly assigned (1:1) to receive neoadjuvant CT-P6 or reference "
    "trastuzumab.\nFindings In the per-protocol population, 116 (46·8%, 95% CI 40·4–53·2) of 248 "
    "patients in the CT-P6 group and 129 (50·4%, 44·1–56·7) of 256 patients in the reference "
    "trastuzumab group achieved pCR (risk ratio 0·93 [95% CI 0·78–1·11])."
)
# LILAC (von Minckwitz, Lancet Oncol 2018), findings
LILAC_PCR = (
    "162 (48%) of 338 patients in the ABP 980 group and 137 (41%) of 334 patients in the "
    "trastuzumab group had a pathological complete response (risk difference 7·3% [90% CI 1·2 to "
    "13·4]; risk ratio 1·188 [1·033 to 1·366])."
)
# PF-05280014 (Pegram, Br J Cancer 2019)
PF_DESIGN = (
    "Patients were randomised 1:1 to PF-05280014 plus paclitaxel or trastuzumab-EU plus paclitaxel."
)
PF_COUNTS = (
    "Methods: Patients were randomised 1:1 to PF-05280014 plus paclitaxel or trastuzumab-EU plus "
    "paclitaxel. Results: Of 707 patients randomised, 352 received PF-05280014 and 355 received "
    "trastuzumab-EU."
)
# FeDeriCa (Tan, Lancet Oncol 2021)
FEDERICA = (
    "Methods: Patients were randomly assigned (1:1) to intravenous pertuzumab plus trastuzumab "
    "(P+H IV) or PH FDC SC, given with neoadjuvant chemotherapy. Results: Total pCR (ypT0/is "
    "ypN0) was 59.7% (95% CI 53.3–65.8) with P+H IV and 59.5% (53.2–65.6) with PH FDC SC."
)
# HLX02 (Xu, BioDrugs 2021)
HLX02 = (
    "The primary endpoint was the overall response rate up to week 24 (ORR24). Equivalence was "
    "concluded if the 95% confidence interval (CI) of the ORR24 difference was within the margin "
    "of ±13.5%. ORR24 was 71.0% in the HLX02 arm and 71.4% in the EU-trastuzumab arm (difference "
    "−0.3%, 95% CI −7.4 to 6.7)."
)


# --- numbers: a group size after "(rate) of" is not a value -------------------------------------


def test_a_group_size_after_a_bracketed_rate_is_no_rate():
    values = [(v.kind, v.value) for v in parse_values(HANNAH_AES)]
    assert values == [("percent", 52.0), ("percent", 53.0)]


def test_group_sizes_of_a_respectively_list_are_not_adverse_event_rates(nlp):
    got = rows_of(nlp, TITLE + HANNAH_AES, ARM_ROW)
    assert [(e, v) for e, _, v, _ in got] == [("AE_G3", 52.0), ("AE_G3", 53.0)]


def test_th3resa_counts_keep_their_arms(nlp):
    text = (
        "Patients were randomly assigned to trastuzumab emtansine or treatment of physician's "
        "choice.\nA lower incidence of grade 3 or worse adverse events was reported with "
        "trastuzumab emtansine than with treatment of physician's choice (130 [32%] of 403 vs 80 "
        "[43%] of 184)."
    )
    assert rows_of(nlp, TITLE + text, ARM_ROW) == [
        ("AE_G3", "incidence", 32.0, "trastuzumab emtansine"),
        ("AE_G3", "incidence", 43.0, "physician's choice"),
    ]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # still inherited: a bare number joined to the next rate ("18.5 vs 12.4%")
        ("The response rate was 18.5 vs 12.4%.", [18.5, 12.4]),
        # "of" after a word, not after a bracketed rate: the number is still read
        ("The rate of 40 and 50% was seen.", [40.0, 50.0]),
    ],
)
def test_numbers_not_after_a_bracketed_rate_still_inherit(text, values):
    assert [v.value for v in parse_values(text)] == values


# --- outcomes: the end point after the counts' verb -----------------------------------------------


def test_rates_before_achieved_pcr_are_pcr(nlp):
    got = [(e, m, v) for e, m, v, _ in rows_of(nlp, TITLE + CTP6_PCR, ARM_ROW)]
    assert got == [("pCR", "rate", 46.8), ("pCR", "rate", 50.4)]


def test_rates_before_had_a_pathological_complete_response_are_pcr(nlp):
    got = [(e, v) for e, _, v, _ in rows_of(nlp, TITLE + LILAC_PCR, ARM_ROW)]
    assert got == [("pCR", 48.0), ("pCR", 41.0)]


@pytest.mark.parametrize(
    "text",
    [
        # no verb before the end point: too far for a following end point
        "116 (46.8%) of 248 patients in the CT-P6 group and 129 (50.4%) of 256 patients in the "
        "reference trastuzumab group; pCR was the primary end point.",
        # a clause break between the counts and the verb
        "116 (46.8%) of 248 patients in the CT-P6 group were older than 50 years; 129 patients "
        "in the reference trastuzumab group had a pathological complete response.",
    ],
)
def test_a_far_end_point_without_its_verb_claims_no_rate(nlp, text):
    # (a rate within 60 characters of a following end point is read as before)
    assert 46.8 not in [v for _, _, v, _ in rows_of(nlp, TITLE + text, ARM_ROW)]


# --- drugs / arms: biosimilar designs ------------------------------------------------------------


def test_a_sourcing_suffix_is_part_of_the_drug_mention(extract):
    ext = extract(TITLE + PF_DESIGN)
    written = [m.text for m in ext.mentions if m.canonical == "trastuzumab"]
    assert written == ["PF-05280014", "trastuzumab-EU"]


def test_a_sourced_reference_and_its_partner_make_one_regimen(nlp):
    # (two twin arms of one regimen since round 49: a code and its reference, each with the
    # partner, are two arms of the design, as "each with" makes them)
    arms = [a.name for a in registry_of(nlp, TITLE + PF_DESIGN).arms]
    assert arms == ["paclitaxel+trastuzumab"] * 2


def test_a_count_of_who_received_what_defines_no_new_arm(nlp):
    arms = [a.name for a in registry_of(nlp, TITLE + PF_COUNTS).arms]
    assert arms == ["paclitaxel+trastuzumab"] * 2


def test_a_count_of_an_undefined_regimen_still_defines_it(nlp):
    text = (
        "Patients were randomly assigned to lapatinib. Of 300 patients randomised, 150 received "
        "lapatinib and 150 received trastuzumab."
    )
    arms = [a.name for a in registry_of(nlp, TITLE + text).arms]
    assert "trastuzumab" in arms


def test_each_combined_with_partner_is_no_arm(nlp):
    text = "Patients were randomly assigned to lapatinib or trastuzumab, each combined with paclitaxel."
    arms = [a.name for a in registry_of(nlp, TITLE + text).arms]
    assert arms == ["lapatinib+paclitaxel", "paclitaxel+trastuzumab"]


def test_a_later_regimen_after_each_combined_with_stays_an_arm(nlp):
    text = (
        "Patients were randomly assigned to lapatinib or trastuzumab, each given with paclitaxel, "
        "or paclitaxel alone."
    )
    arms = [a.name for a in registry_of(nlp, TITLE + text).arms]
    assert "paclitaxel" in arms and len(arms) == 3


def test_a_route_short_form_and_a_fixed_dose_combination_arm(extract, nlp):
    arms = sorted(a.name for a in registry_of(nlp, TITLE + FEDERICA).arms if a.name)
    assert arms == ["pertuzumab+trastuzumab", "pertuzumab/trastuzumab/hyaluronidase"]
    assert rows_of(nlp, TITLE + FEDERICA, ARM_ROW) == [
        ("pCR", "rate", 59.7, "pertuzumab+trastuzumab"),
        ("pCR", "rate", 59.5, "pertuzumab/trastuzumab/hyaluronidase"),
    ]


def test_stage_iv_in_brackets_is_no_short_form(extract):
    text = "Patients with metastatic breast cancer (stage IV) received trastuzumab plus docetaxel."
    assert all(m.text != "stage IV" for m in extract(TITLE + text).mentions)


# --- end points: a defined short form with a time point; margins ---------------------------------


def test_an_end_point_short_form_with_a_time_point(nlp):
    got = [(e, v) for e, _, v, _ in rows_of(nlp, TITLE + HLX02, ARM_ROW)]
    assert got == [("ORR", 71.0), ("ORR", 71.4)]


def test_an_undefined_abbreviation_with_digits_is_no_end_point(nlp):
    text = "ORR24 was 71.0% in the HLX02 arm and 71.4% in the EU-trastuzumab arm."
    assert rows_of(nlp, TITLE + text, ARM_ROW) == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("The pCR difference was within the margin of ±13.5%.", []),
        ("The non-inferiority margin was 10% for pCR.", []),
        # "margin" elsewhere in the sentence does not block a result
        ("The pCR rate was 40% with a margin of error, and 45% in the other group.", [40.0, 45.0]),
    ],
)
def test_an_equivalence_margin_is_no_rate(nlp, text, values):
    assert [v for _, _, v, _ in rows_of(nlp, TITLE + text, ARM_ROW)] == values
