"""Review of round 34 (pipelines 0.3.57, 0.3.58, 0.3.60). The phased placebo design ("X or
placebo with B, followed by X or placebo with C") was read only when each phase's drugs were
joined by "and": the usual HER2 backbone "paclitaxel, trastuzumab and pertuzumab", a dose
bracket on X ("X (1200 mg) or placebo") or a last phase of "X or placebo" alone still merged
both arms into one. A design of three durations ("6, 12 or 24 weeks of A") gave two rows "in
each group". A raised analyte at baseline ("20% had raised ALT at baseline") became an adverse
event. "+/- 3.2%" was read as a rate, and so was the unsigned end of a signed CI written with a
hyphen ("95% CI, -15% to 20%")."""

from __future__ import annotations

from extract_helpers import ARM_ROW, P_ROW, arm_of, arms_with, registry_of, rows_of

# 1. Phased placebo designs.
TRIPLE = "paclitaxel+pertuzumab+trastuzumab"
ATEZO_TRIPLE = "atezolizumab+" + TRIPLE
RESULT = " The pCR rate was 61% with atezolizumab and 49% with placebo (P = 0.08)."


def _phased(design: str) -> str:
    return "Atezolizumab\n\nPatients were randomly assigned to " + design + "." + RESULT


def test_phase_with_a_comma_listed_backbone_is_two_arms(nlp):
    """ "X or placebo with A, B and C, followed by X or placebo with D and E": two arms, the
    backbone's comma list joined again."""
    text = _phased(
        "atezolizumab or placebo with paclitaxel, trastuzumab and pertuzumab, followed by "
        "atezolizumab or placebo with doxorubicin and cyclophosphamide"
    )
    rows = rows_of(nlp, text, P_ROW)
    backbone = "cyclophosphamide+doxorubicin+" + TRIPLE
    assert ("pCR", "rate", 61.0, "0.08", "atezolizumab+" + backbone) in rows
    assert ("pCR", "rate", 49.0, "0.08", backbone) in rows


def test_dose_bracket_on_the_alternative_keeps_the_phases(nlp):
    """ "X (1200 mg) or placebo with B, followed by X (1200 mg) or placebo with C": the dose
    bracket stands between X and "or placebo"."""
    text = _phased(
        "atezolizumab (1200 mg) or placebo with paclitaxel and trastuzumab, followed by "
        "atezolizumab (1200 mg) or placebo with doxorubicin and cyclophosphamide"
    )
    reg = registry_of(nlp, text)
    assert len(reg.arms) == 2
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 49.0) == "cyclophosphamide+doxorubicin+paclitaxel+trastuzumab"


def test_last_phase_of_the_alternative_alone_adds_no_arm(nlp):
    """ "X or placebo with B, followed by X or placebo" (a maintenance phase): two arms, B with
    and without X."""
    text = _phased(
        "atezolizumab or placebo with paclitaxel, trastuzumab and pertuzumab, followed by "
        "atezolizumab or placebo"
    )
    rows = rows_of(nlp, text, P_ROW)
    assert ("pCR", "rate", 61.0, "0.08", ATEZO_TRIPLE) in rows
    assert ("pCR", "rate", 49.0, "0.08", TRIPLE) in rows


def test_single_placebo_phase_with_a_listed_backbone_keeps_its_reading(nlp):
    """Negative: one "X or placebo with A, B and C, followed by D" (no repeat) is read as
    before: D is given to both arms."""
    text = _phased(
        "atezolizumab or placebo with paclitaxel, trastuzumab and pertuzumab, followed by "
        "doxorubicin"
    )
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 61.0) == "atezolizumab+doxorubicin+" + TRIPLE
    assert arm_of(rows, 49.0) == "doxorubicin+" + TRIPLE


# 2. Designs comparing durations.
def test_value_in_each_group_of_three_durations_is_three_rows(nlp):
    """ "6, 12 or 24 weeks of A" has three groups: "18% ... in each group" is one row each."""
    text = (
        "Durations\n\nPatients were randomly assigned to 6, 12 or 24 weeks of neratinib plus "
        "trastuzumab. Grade 3 diarrhea occurred in 18% of patients in each group."
    )
    assert arms_with(rows_of(nlp, text, P_ROW), 18.0) == ["neratinib+trastuzumab"] * 3


def test_value_in_both_groups_of_two_durations_stays_two_rows(nlp):
    """Negative: "9 weeks or 1 year of A" has two groups (as round 34a read it)."""
    text = (
        "Durations\n\nPatients were randomly assigned to 9 weeks or 1 year of trastuzumab with "
        "docetaxel. Cardiac events occurred in 2% of patients in both groups."
    )
    assert arms_with(rows_of(nlp, text, P_ROW), 2.0) == ["docetaxel+trastuzumab"] * 2


# 3. Laboratory changes.
TUCATINIB = "In this single-arm study of tucatinib, "


def test_raised_analyte_at_baseline_is_no_event(nlp):
    """ "20% of patients had raised ALT at baseline", "baseline elevated bilirubin in 15%": a
    level before treatment, not an adverse event."""
    for phrase in (
        "20% of patients had raised ALT at baseline.",
        "patients with baseline elevated bilirubin (20%) were included.",
    ):
        assert rows_of(nlp, TUCATINIB + phrase, ARM_ROW) == [], phrase


def test_raised_analyte_during_treatment_is_still_an_event(nlp):
    """Negative: "elevated ALT at week 12 in 20%" is an adverse event (as round 34b read it)."""
    text = TUCATINIB + "elevated ALT at week 12 occurred in 20% of patients."
    assert rows_of(nlp, text, ARM_ROW) == [("AE", "incidence", 20.0, "tucatinib")]


# 4. Signed percentages.
IVSC = "Patients were randomly assigned to intravenous or subcutaneous trastuzumab. "


def test_plus_minus_written_in_ascii_is_no_rate(nlp):
    """ "45% (+/- 3.2%)": the spread of a rate, not a rate."""
    text = IVSC + "The pCR rate was 45% (+/- 3.2%) in the subcutaneous group."
    assert [r.value for r in rows_of(nlp, text, ARM_ROW)] == [45.0]


def test_end_of_a_hyphen_signed_range_is_no_rate(nlp):
    """ "(difference 4.0%; 95% CI, -15% to 20%)": 20% closes the CI of the difference."""
    text = IVSC + "The pCR rate was 45% versus 41% (difference 4.0%; 95% CI, -15% to 20%)."
    assert [r.value for r in rows_of(nlp, text, ARM_ROW)] == [45.0, 41.0]


def test_unsigned_range_of_rates_is_still_read(nlp):
    """Negative: "45% to 50%" after a word holds no sign: its end is not dropped."""
    text = IVSC + "The pCR rate was 45% with subcutaneous and 50% with intravenous trastuzumab."
    assert [r.value for r in rows_of(nlp, text, ARM_ROW)] == [45.0, 50.0]
