"""Held-out round 9 (c): conference and poster shorthand (ASCO/ESMO/SABCS abstract books) for
DESTINY-Breast09, HER2CLIMB-02, PATINA and a T-DXd real-world poster, each checking one reading
that went wrong on them: poster tables flattened into text ("Arm A / Arm C: mPFS 40.7 / 26.9
mo", "cORR 85.1%/78.6%") lost the first or the second value and gave both the same arm, an
any-grade rate after "any grade" was read as a grade number, an undefined "PBO" (placebo) left
"TUC + T-DM1 vs. PBO + T-DM1" unlisted so the compared values took reversed arms, and a
bracketed "(all grades)" after the event was skipped so the rates kept an earlier "≥G3"."""

from __future__ import annotations

from extract_helpers import ARM_ROW, registry_of, rows_of

from her2mine.extract.drugs.short_forms import standard_placebo_short_hits
from her2mine.extract.numbers import parse_values

TITLE = "Title\n\n"

# DESTINY-Breast09 (Tolaney, ASCO 2025), design and flattened results table
DB09 = (
    "Pts were randomized 1:1:1 to T-DXd 5.4 mg/kg + pertuzumab (Arm A), T-DXd + placebo "
    "(Arm B) or THP (Arm C). Arm A / Arm C: mPFS 40.7 / 26.9 mo (HR .56, 95% CI .44-.71; "
    "p<.00001). cORR 85.1%/78.6%."
)

# HER2CLIMB-02 (Hurvitz, SABCS 2023), design and safety
HC02 = (
    "Tucatinib (TUC) is an oral HER2-selective TKI. 463 pts were randomized 1:1 to TUC 300 mg "
    "BID + T-DM1 3.6 mg/kg q3w (n=228) or placebo + T-DM1 (n=235). Most common TEAEs (TUC + "
    "T-DM1 vs. PBO + T-DM1): nausea 68.4% vs. 54.3%, diarrhea 58.0% vs. 34.8%."
)

# PATINA (Metzger, SABCS 2024), safety line
PATINA = (
    "518 pts were randomized to palbociclib + trastuzumab + ET or trastuzumab + ET. "
    "Neutropenia ≥G3: 63.2% vs. 1.9%; fatigue (all grades) 64.6% vs. 49.8%."
)

# T-DXd real-world poster (shorthand safety line)
RW = "ILD/pneumonitis: any grade 12.9% (≥G3 2.6%; 1 G5 event). Nausea 61.3%."

DPT = "docetaxel+pertuzumab+trastuzumab"
PT = "pertuzumab+trastuzumab deruxtecan"


def values(text):
    return [(v.kind, v.value, v.unit) for v in parse_values(text)]


# --- numbers: slash-separated pairs ---------------------------------------------------------


def test_spaced_slash_pair_shares_the_unit_of_the_second_value():
    assert values("mPFS 40.7 / 26.9 mo (HR .56).")[:2] == [
        ("time", 40.7, "months"),
        ("time", 26.9, "months"),
    ]


def test_unspaced_slash_after_a_percentage_is_the_second_rate():
    assert values("cORR 85.1%/78.6%; CR 15.1%/8.5%.") == [
        ("percent", 85.1, "%"),
        ("percent", 78.6, "%"),
        ("percent", 15.1, "%"),
        ("percent", 8.5, "%"),
    ]


def test_slash_fractions_and_doses_stay_no_values():
    # negative: "3/4 pts", "mg/kg", and a slashed number with no percent sign after it
    assert values("6 mg/kg in 3/4 pts (75%); ratio 2/3.") == [("percent", 75.0, "%")]


# --- arms: a slashed arm header orders the slashed values after it ----------------------------


def test_slashed_arm_header_orders_flattened_table_values(nlp):
    assert rows_of(nlp, TITLE + DB09, ARM_ROW) == [
        ("PFS", "median", 40.7, PT),
        ("PFS", "median", 26.9, DPT),
        ("PFS", "HR", 0.56, None),
        ("ORR", "rate", 85.1, PT),
        ("ORR", "rate", 78.6, DPT),
    ]


def test_slashed_arm_header_before_a_vs_pair(nlp):
    # the header was read as two separate references and reversed the "vs" pair
    text = DB09.replace("mPFS 40.7 / 26.9 mo", "mPFS 40.7 vs. 26.9 mo")
    assert rows_of(nlp, TITLE + text, ARM_ROW)[:2] == [
        ("PFS", "median", 40.7, PT),
        ("PFS", "median", 26.9, DPT),
    ]


# --- numbers: "any grade 12.9%" is a rate ------------------------------------------------------


def test_any_grade_rate_is_read(nlp):
    assert rows_of(nlp, TITLE + RW, ARM_ROW)[:2] == [
        ("ILD", "incidence", 12.9, None),
        ("ILD", "incidence", 2.6, None),
    ]


def test_grade_number_before_a_rate_is_still_no_value():
    # negative: "grade 3 12%" - the 3 is a grade, the 12% the rate
    assert values("Grade 3 12% and grade 4 2.5%.") == [
        ("percent", 12.0, "%"),
        ("percent", 2.5, "%"),
    ]


# --- drugs/arms: undefined "PBO" is placebo ------------------------------------------------------


def test_undefined_pbo_names_the_placebo_arm(nlp):
    got = rows_of(nlp, TITLE + HC02, ARM_ROW)
    tuc = [a for (_, _, v, a) in got if v in (68.4, 58.0)]
    pbo = [a for (_, _, v, a) in got if v in (54.3, 34.8)]
    assert set(pbo) == {"trastuzumab emtansine"}
    assert all(a is not None and "tucatinib" in a for a in tuc)


def test_pbo_without_any_placebo_in_the_text_is_not_placebo():
    # negative: a text that never mentions placebo has no placebo group for "PBO" to name
    assert standard_placebo_short_hits("Pts received TUC + T-DM1 (PBO cohort).", []) == []


# --- outcomes: a bracketed "(all grades)" qualifies the rates after it ---------------------------


def test_bracketed_all_grades_overrides_an_earlier_grade3(nlp):
    assert rows_of(nlp, TITLE + PATINA, ARM_ROW) == [
        ("AE_G3", "incidence", 63.2, "palbociclib+trastuzumab"),
        ("AE_G3", "incidence", 1.9, "trastuzumab"),
        ("AE", "incidence", 64.6, "palbociclib+trastuzumab"),
        ("AE", "incidence", 49.8, "trastuzumab"),
    ]


def test_closed_bracket_with_its_own_value_still_does_not_qualify(nlp):
    # negative: "(grade 3, 1.5%) vs 3.4%" - the bracket holds a value, its grade stays inside
    text = (
        "Pts were randomized to pertuzumab + trastuzumab or trastuzumab. Diarrhea occurred in "
        "10.2% (grade 3, 1.5%) vs. 3.4%."
    )
    got = rows_of(nlp, TITLE + text, ARM_ROW)
    assert [(c, v) for (c, _, v, _) in got] == [("AE", 10.2), ("AE_G3", 1.5), ("AE", 3.4)]


# --- arms: "97% received pertuzumab" is a share of the patients, no arm ---------------------------

PATINA_DESIGN = (
    "After 6-8 cycles of induction chemo + trastuzumab +/- pertuzumab, 518 pts without "
    "progression were randomized 1:1 to palbociclib 125 mg d1-21 + anti-HER2 + ET (Arm A, "
    "n=261) vs. anti-HER2 + ET (Arm B, n=257). 97% received pertuzumab. Neutropenia ≥G3: "
    "63.2% vs. 1.9%."
)


def test_share_of_patients_receiving_a_drug_defines_no_arm(nlp, extract):
    arms = [a.name for a in registry_of(nlp, TITLE + PATINA_DESIGN).arms]
    assert "pertuzumab" not in arms
    assert "pertuzumab" not in [o.arm for o in extract(TITLE + PATINA_DESIGN).outcomes]


def test_arm_given_with_a_percentage_elsewhere_is_kept(nlp):
    # negative: the design sentence holds a percentage, but no share "received" the drugs
    text = (
        TITLE + "Pts (44% with brain mets) were randomized to tucatinib + trastuzumab or "
        "trastuzumab alone."
    )
    assert [a.name for a in registry_of(nlp, text).arms] == [
        "trastuzumab+tucatinib",
        "trastuzumab",
    ]


# --- outcomes: a grade heading after its event stays in its ";" clause ----------------------------


def test_postfix_grade_heading_does_not_reach_the_next_clause(nlp):
    text = PATINA + " Stomatitis 44.6% vs. 14.7%; nausea ≥G3: 2.1% vs. 0.4%; rash 20.0% vs. 8.1%."
    text = text.replace("%. Stomatitis", "%; stomatitis")
    codes = [(c, v) for (c, _, v, _) in rows_of(nlp, TITLE + text, ARM_ROW)]
    assert codes == [
        ("AE_G3", 63.2), ("AE_G3", 1.9), ("AE", 64.6), ("AE", 49.8), ("AE", 44.6), ("AE", 14.7),
        ("AE_G3", 2.1), ("AE_G3", 0.4), ("AE", 20.0), ("AE", 8.1),
    ]  # fmt: skip


def test_grade_heading_before_the_events_still_covers_the_list(nlp):
    # negative: "≥G3 TEAEs: ...; neutropenia ..." - the qualifier heads the list, no event before
    text = (
        "518 pts were randomized to palbociclib + trastuzumab + ET or trastuzumab + ET. "
        "≥G3: neutropenia 63.2% vs. 1.9%; fatigue 4.6% vs. 1.8%."
    )
    assert [(c, v) for (c, _, v, _) in rows_of(nlp, TITLE + text, ARM_ROW)] == [
        ("AE_G3", 63.2), ("AE_G3", 1.9), ("AE_G3", 4.6), ("AE_G3", 1.8),
    ]  # fmt: skip


# --- regimens: poster dosing shorthand ("300 mg BID +") keeps the combination ---------------------


def test_bid_dose_keeps_the_combination_arm(nlp):
    text = TITLE + HC02
    assert [a.name for a in registry_of(nlp, text).arms] == [
        "trastuzumab emtansine+tucatinib",
        "trastuzumab emtansine",
    ]


def test_dosing_shorthand_does_not_join_alternatives(nlp):
    # negative: "or" still separates the arms after a "QD" dose
    text = TITLE + "Pts were randomized to lapatinib 1250 mg QD or trastuzumab 2 mg/kg IV q1w."
    assert [a.name for a in registry_of(nlp, text).arms] == ["lapatinib", "trastuzumab"]
