"""Left-overs round 42: a compared pair in a bracket before "in the A and B arms" (the first value
lost its arm and the second took the first arm), a value pooled over named arms ("in the A and B
arms combined", which went to the first arm), and a clinical benefit rate whose defining bracket
holds a duration ("(complete response, partial response, or stable disease for ≥24 weeks)": the
bracket's response types took the CBR's value, which was then dropped)."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, rows_of

LP = "lapatinib+paclitaxel"
TP = "paclitaxel+trastuzumab"
H = "trastuzumab"
HP = "pertuzumab+trastuzumab"

LAP_DESIGN = (
    "Lapatinib or trastuzumab with paclitaxel\n\n"
    "Patients were randomly assigned to lapatinib or trastuzumab (each with paclitaxel). "
)
PER_DESIGN = (
    "Pertuzumab added to trastuzumab\n\n"
    "Patients were randomly assigned to trastuzumab alone or trastuzumab plus pertuzumab. "
)
CBR_DESIGN = "Trastuzumab and pertuzumab\n\nPatients received trastuzumab and pertuzumab. "


def test_bracketed_pair_before_listed_arms_zips_in_order(nlp):
    """ "in 0 vs 7 patients (0% vs 5%) in the A and B arms": 0% is A's, 5% is B's."""
    text = LAP_DESIGN + (
        "Grade 3 diarrhoea occurred in 0 vs 7 patients (0% vs 5%) in the trastuzumab and "
        "lapatinib arms."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 0.0) == TP
    assert arm_of(rows, 5.0) == LP


def test_bracketed_pair_before_listed_groups_zips_in_order(nlp):
    """The same with non-zero rates and "groups": 3% is A's, 9% is B's."""
    text = LAP_DESIGN + (
        "Rash occurred in 4 and 12 patients (3% and 9%) in the lapatinib and trastuzumab groups."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 3.0) == LP
    assert arm_of(rows, 9.0) == TP


def test_pair_with_p_bracket_before_listed_arms_zips_in_order(nlp):
    """ "12% vs 15% (P = 0.3) in the A and B arms": the P's bracket closes between the pair and
    the list (the value's statistics end before its closer); 12% is A's, 15% is B's."""
    text = LAP_DESIGN + (
        "Grade 3 diarrhoea occurred in 12% vs 15% (P = 0.3) in the trastuzumab and lapatinib arms."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 12.0) == TP
    assert arm_of(rows, 15.0) == LP


def test_bracketed_pair_before_one_arm_is_no_list(nlp):
    """Negative: "(3% vs 9%) in the lapatinib arm" names one arm, no list to zip with: the
    pair does not take the lapatinib arm for both values."""
    text = LAP_DESIGN + "Rash occurred in 4 vs 12 patients (3% vs 9%) in the lapatinib arm."
    rows = rows_of(nlp, text, ARM_ROW)
    assert [arm_of(rows, 3.0), arm_of(rows, 9.0)] != [LP, LP]


def test_value_over_named_arms_combined_has_no_arm(nlp):
    """ "12% in the A and B arms combined": pooled over both arms, a whole-population value."""
    text = PER_DESIGN + (
        "The ORR was 12% in the trastuzumab alone and trastuzumab plus pertuzumab arms combined."
    )
    assert arm_of(rows_of(nlp, text, ARM_ROW), 12.0) is None


def test_value_over_named_groups_pooled_has_no_arm(nlp):
    """ "in the A and B groups pooled": the same, and a later own-arm value keeps its arm."""
    text = PER_DESIGN + (
        "The ORR was 14% in the trastuzumab and trastuzumab plus pertuzumab groups pooled, and "
        "grade 3 diarrhoea occurred in 5% of patients in the trastuzumab plus pertuzumab group."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 14.0) is None
    assert arm_of(rows, 5.0) == HP


def test_arms_combined_with_a_drug_are_no_pooled_list(nlp):
    """Negative: "in the A and B arms combined with weekly chemotherapy" names the two arms
    (each given with the chemotherapy), so the compared pair zips with them."""
    text = PER_DESIGN + (
        "The ORR was 12% vs 30% in the trastuzumab alone and trastuzumab plus pertuzumab arms "
        "combined with weekly chemotherapy."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 12.0) == H
    assert arm_of(rows, 30.0) == HP


def test_cbr_defined_with_a_duration_keeps_its_value(nlp):
    """ "The CBR (CR, PR, or SD for ≥24 weeks) was 55%": the bracket defines the CBR."""
    text = CBR_DESIGN + (
        "The CBR (complete response, partial response, or stable disease for ≥24 weeks) was 55%."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert [(r.endpoint, r.measure, r.value) for r in rows] == [("CBR", "rate", 55.0)]


def test_cbr_defined_with_short_forms_and_months_keeps_its_value(nlp):
    """ "clinical benefit rate (CR, PR or SD ≥6 months) was 40%": the same with short forms."""
    text = CBR_DESIGN + "The clinical benefit rate (CR, PR or SD ≥6 months) was 40%."
    rows = rows_of(nlp, text, ARM_ROW)
    assert [(r.endpoint, r.measure, r.value) for r in rows] == [("CBR", "rate", 40.0)]


def test_bracket_with_rates_of_response_types_is_no_gloss(nlp):
    """Negative: "(complete response 10%, partial response 20%)" reports response types' own
    rates, not a definition: they are no CBR value."""
    text = CBR_DESIGN + (
        "The CBR was 55% (complete response 10%, partial response 20%, stable disease for "
        "≥24 weeks 25%)."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert [r.value for r in rows if r.endpoint == "CBR"] == [55.0]
