"""Held-out round 17 (c): partners given "each with" / "with either", and Ps in their own value's
bracket. PEONY (Shao 2020): the JAMA "Key Points" findings ("In this randomized clinical trial of
329 patients, the tpCR rate was 39.3% with pertuzumab and 21.8% with placebo") were read as the
randomisation, so the design's "pertuzumab (...) or placebo, each with trastuzumab (...) and
docetaxel (...)" came second and its partners joined no arm. NSABP B-41 (Robidoux 2013):
"weekly paclitaxel given with either weekly trastuzumab (group 1), lapatinib ... (group 2), or
..." did not share the AC-paclitaxel backbone, so "the combination group" named no arm; and in
"93 of 177 (52·5%, 95% CI ...) in the trastuzumab group, 91 of 171 (53·2%, ...; p=0·9852) in the
lapatinib group, and 106 of 171 (62·0%, ...; p=0·095) in the combination group" the first rate
took the second group's P."""

from __future__ import annotations

import pytest
from extract_helpers import P_ROW, arms_with, rows_of


def _p(rows: list[tuple], value: float) -> str | None:
    return next(r[3] for r in rows if r[2] == value)


DTP = "docetaxel+pertuzumab+trastuzumab"
DT = "docetaxel+trastuzumab"

PEONY = (
    "Efficacy, Safety, and Tolerability of Pertuzumab, Trastuzumab, and Docetaxel for Patients "
    "With Early or Locally Advanced ERBB2-Positive Breast Cancer in Asia: The PEONY Phase 3 "
    "Randomized Clinical Trial\n\n"
    "Key Points. Question: Does the addition of pertuzumab to trastuzumab and docetaxel improve "
    "pathologic complete response in Asian patients? Findings: In this randomized clinical trial "
    "of 329 patients, the total pathologic complete response rate was 39.3% with pertuzumab and "
    "21.8% with placebo.\n\n"
    "Patients were randomized 2:1 to receive 4 cycles of neoadjuvant pertuzumab (840 mg loading "
    "dose, then 420 mg) or placebo, each with trastuzumab (8 mg/kg loading dose, then 6 mg/kg) "
    "and docetaxel (75 mg/m2) every 3 weeks. Of 329 randomized patients, 219 were assigned to "
    "the pertuzumab group and 110 to the placebo group. The tpCR rate was 39.3% in the "
    "pertuzumab group and 21.8% in the placebo group (difference, 17.5%; 95% CI, 6.9%-28.0%; "
    "P = .001). The most common grade 3 or higher adverse event was neutropenia (38.4% in the "
    "pertuzumab group vs 32.7% in the placebo group)."
)


def test_key_points_findings_define_no_arms_before_the_design(nlp):
    """ "In this randomized clinical trial of 329 patients, the rate was 39.3% with A and 21.8%
    with placebo" reports results: its "randomized" names the study type, so the design sentence
    ("A or placebo, each with B and C") defines the arms, and every value takes them."""
    rows = rows_of(nlp, PEONY, P_ROW)
    assert arms_with(rows, 39.3) == [DTP, DTP]
    assert arms_with(rows, 21.8) == [DT, DT]
    assert arms_with(rows, 38.4) == [DTP]
    assert arms_with(rows, 32.7) == [DT]


_FINDINGS = (
    "Findings: In this randomized clinical trial of 300 patients, the pathologic complete "
    "response rate was 39.3% with {a} and 21.8% with {b}."
)


@pytest.mark.parametrize(
    "joiner", ["each with", "each in combination with", "each given with", "both with",
               "each combined with"]
)  # fmt: skip
@pytest.mark.parametrize("dosed", [True, False])
def test_each_with_partners_join_both_arms_after_findings(nlp, joiner, dosed):
    """ "A (dose) or placebo, <each with> B (dose) and C (dose)" after a findings sentence: B and
    C join both arms, the placebo arm is B+C (with and without dose brackets)."""
    a = "pertuzumab (840 mg loading dose, then 420 mg)" if dosed else "pertuzumab"
    b = "trastuzumab (8 mg/kg loading dose, then 6 mg/kg)" if dosed else "trastuzumab"
    c = "docetaxel (75 mg/m2)" if dosed else "docetaxel"
    text = (
        "Pertuzumab in early breast cancer\n\n"
        + _FINDINGS.format(a="pertuzumab", b="placebo")
        + f"\n\nPatients were randomized 2:1 to receive {a} or placebo, {joiner} {b} and {c}."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert arms_with(rows, 39.3) == [DTP]
    assert arms_with(rows, 21.8) == [DT]


@pytest.mark.parametrize("joiner", ["each with", "each given with", "both with"])
def test_each_with_partner_joins_two_drug_arms_after_findings(nlp, joiner):
    """ "A (dose) or B (dose), each with C": both drug arms take C, also after a findings
    sentence that names A and B alone."""
    text = (
        "Lapatinib or trastuzumab with paclitaxel\n\n"
        + _FINDINGS.format(a="lapatinib", b="trastuzumab")
        + "\n\nPatients were randomly assigned to lapatinib (1250 mg daily) or trastuzumab "
        f"(4 mg/kg loading dose, then 2 mg/kg weekly), {joiner} paclitaxel (80 mg/m2)."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert arms_with(rows, 39.3) == ["lapatinib+paclitaxel"]
    assert arms_with(rows, 21.8) == ["paclitaxel+trastuzumab"]


def test_randomized_trial_results_still_define_arms_without_a_design(nlp):
    """Negative: with no other design sentence, "in this randomized trial, ... 39.3% with A plus B
    and 21.8% with B" still names the two arms."""
    text = (
        "Pertuzumab in early breast cancer\n\n"
        "In this randomized trial of 300 patients, the pathologic complete response rate was "
        "39.3% with pertuzumab plus trastuzumab and 21.8% with trastuzumab."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert arms_with(rows, 39.3) == ["pertuzumab+trastuzumab"]
    assert arms_with(rows, 21.8) == ["trastuzumab"]


def test_randomized_trial_with_assignment_verb_stays_the_design(nlp):
    """Negative: "In this randomized trial, 30% of patients were assigned to A or B" assigns
    patients: it stays a randomisation sentence (A and B are the arms)."""
    text = (
        "Lapatinib or trastuzumab\n\n"
        "In this randomized trial, patients were assigned to lapatinib plus paclitaxel or "
        "trastuzumab plus paclitaxel; 12% had received prior taxanes. The pCR rate was 39.3% "
        "with lapatinib and 21.8% with trastuzumab."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert arms_with(rows, 39.3) == ["lapatinib+paclitaxel"]
    assert arms_with(rows, 21.8) == ["paclitaxel+trastuzumab"]


CDP = "cyclophosphamide+doxorubicin+paclitaxel"
B41 = (
    "Lapatinib as a component of neoadjuvant therapy for HER2-positive operable breast cancer "
    "(NSABP protocol B-41): an open-label, randomised phase 3 trial\n\n"
    "Methods In this open-label, randomised phase 3 trial, women with operable HER2-positive "
    "breast cancer were randomly assigned (1:1:1) to receive doxorubicin plus cyclophosphamide "
    "(AC) followed by weekly paclitaxel given with either weekly trastuzumab (group 1), lapatinib "
    "1250 mg daily (group 2), or weekly trastuzumab plus lapatinib 750 mg daily (group 3).\n"
    "Findings 529 women were randomly assigned (181 to trastuzumab, 171 to lapatinib, 177 to the "
    "combination). Pathological complete response in the breast was noted in 93 of 177 (52·5%, "
    "95% CI 44·9–59·5) in the trastuzumab group, 91 of 171 (53·2%, 45·4–60·3; p=0·9852) in the "
    "lapatinib group, and 106 of 171 (62·0%, 54·3–68·8; p=0·095) in the combination group. "
    "Grade 3 diarrhoea occurred in 2% in group 1, 20% in group 2 and 27% in group 3."
)


def test_given_with_either_shares_the_sequence_backbone(nlp):
    """ "AC followed by weekly paclitaxel given with either weekly A (group 1), B 1250 mg daily
    (group 2), or weekly A plus B (group 3)": every group gets the AC-paclitaxel backbone."""
    rows = rows_of(nlp, B41, P_ROW)
    assert arms_with(rows, 52.5) == [CDP.replace("paclitaxel", "paclitaxel+trastuzumab")]
    assert arms_with(rows, 53.2) == ["cyclophosphamide+doxorubicin+lapatinib+paclitaxel"]
    assert arms_with(rows, 20.0) == ["cyclophosphamide+doxorubicin+lapatinib+paclitaxel"]


def test_the_combination_group_is_the_arm_with_both_alternatives(nlp):
    """ "in the combination group" (after "177 to the combination") is the arm holding both
    alternatives with the shared backbone."""
    rows = rows_of(nlp, B41, P_ROW)
    both = "cyclophosphamide+doxorubicin+lapatinib+paclitaxel+trastuzumab"
    assert arms_with(rows, 62.0) == [both]
    assert arms_with(rows, 27.0) == [both]


def test_given_with_either_without_a_list_keeps_the_arms_as_written(nlp):
    """Negative: "paclitaxel given with either trastuzumab or lapatinib" shares the backbone; the
    schedule word after "either" does not stop it, and two alternatives make two arms."""
    text = (
        "Lapatinib or trastuzumab\n\n"
        "Patients were randomly assigned to weekly paclitaxel given with either weekly "
        "trastuzumab or lapatinib. The pCR rate was 39.3% in the trastuzumab group and 21.8% in "
        "the lapatinib group."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert arms_with(rows, 39.3) == ["paclitaxel+trastuzumab"]
    assert arms_with(rows, 21.8) == ["lapatinib+paclitaxel"]


def test_p_in_a_later_values_own_bracket_stays_with_that_value(nlp):
    """ "93 of 177 (52·5%, CI) in A, 91 of 171 (53·2%, CI; p=0·9852) in B, and 106 of 171
    (62·0%, CI; p=0·095) in C": each P compares its own group with the first, so the first rate
    takes none."""
    rows = rows_of(nlp, B41, P_ROW)
    assert _p(rows, 52.5) is None
    assert _p(rows, 53.2) == "0.9852"
    assert _p(rows, 62.0) == "0.095"


def test_p_in_the_second_of_two_values_brackets_is_still_shared(nlp):
    """Negative: with two rates only, the P in the second one's bracket compares the pair: both
    rates take it (the gold convention for compared rates)."""
    text = (
        "Lapatinib or trastuzumab\n\n"
        "Patients were randomly assigned to lapatinib or trastuzumab, each with paclitaxel. "
        "Pathological complete response was noted in 93 of 177 (52.5%, 95% CI 44.9-59.5) in the "
        "trastuzumab group and 91 of 171 (53.2%, 45.4-60.3; p=0.9852) in the lapatinib group."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert _p(rows, 52.5) == "0.9852"
    assert _p(rows, 53.2) == "0.9852"


def test_shared_p_after_three_rates_is_unchanged(nlp):
    """Negative: a P printed after three rates, outside their brackets, is still shared."""
    text = (
        "Lapatinib, trastuzumab or both\n\n"
        "Patients were randomly assigned to weekly paclitaxel plus either trastuzumab, "
        "lapatinib, or trastuzumab plus lapatinib. The pCR rate was 52.5% in the trastuzumab "
        "group, 53.2% in the lapatinib group and 62.0% in the combination group (P = .04)."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert [_p(rows, v) for v in (52.5, 53.2, 62.0)] == ["0.04"] * 3


def test_p_in_a_bracket_before_a_later_pair_without_ci_is_still_shared(nlp):
    """Negative: "60.1% (CI) vs 40.2% (CI; P = .01) at 1 year and 50.3% vs 30.4% (P = .03) at 2
    years": the next pair's P has no CI beside it, so .01 still compares the first pair."""
    text = (
        "Lapatinib or trastuzumab\n\n"
        "Patients were randomly assigned to lapatinib or trastuzumab, each with paclitaxel. "
        "The event-free survival rate was 60.1% (95% CI 55.0-65.0) with lapatinib vs 40.2% (95% "
        "CI 35.0-45.0; P = .01) with trastuzumab at 1 year and 50.3% vs 30.4% (P = .03) at 2 "
        "years."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert _p(rows, 60.1) == _p(rows, 40.2) == "0.01"
