"""Round 91b: round 91a's three known failures. A dose-twin design ("A 5.4 mg/kg, A 6.4 mg/kg,
or B") whose registry appended the second dose after B, so a "respectively" list read the
design's order wrong and a split "respectively; the HR ..." sentence lost the earlier orders;
"in X% and Y% of patients in the 5.4-mg/kg and 6.4-mg/kg arms", a list of two labels naming
one regimen; and "radiotherapy (RT) alone or RT with A (RT + A)", a drugless arm named by a
modality's label."""

from __future__ import annotations

from extract_helpers import ARM_ROW, rows_of

TDXD = "trastuzumab deruxtecan"
LC = "capecitabine+lapatinib"

DOSE_DESIGN = (
    "Patients were randomized 1:1:1 to T-DXd 5.4 mg/kg every 3 weeks, T-DXd 6.4 mg/kg every 3 "
    "weeks, or lapatinib plus capecitabine. "
)
TWIN_LAST = (
    "Patients were randomized 1:1:1 to T-DXd 5.4 mg/kg every 3 weeks, lapatinib plus "
    "capecitabine, or T-DXd 6.4 mg/kg every 3 weeks. "
)
RT_DESIGN = (
    "Women with HER2-positive DCIS were randomly assigned to whole-breast radiotherapy (RT) "
    "alone or to RT with two doses of trastuzumab given 3 weeks apart (RT + T). "
)


def _arms(text: str, endpoint: str, nlp) -> dict[float, str | None]:
    return {r.value: r.arm for r in rows_of(nlp, text, ARM_ROW) if r.endpoint == endpoint}


def test_respectively_list_follows_the_written_design_order(nlp):
    """With no earlier sentence ordering the arms, a three-value "respectively" list takes
    the arms in the order the design sentence wrote them, dose twin second."""
    text = DOSE_DESIGN + "Median PFS was 15.2, 16.1, and 6.8 months, respectively."
    assert _arms(text, "PFS", nlp) == {15.2: TDXD, 16.1: TDXD, 6.8: LC}


def test_twin_written_last_keeps_its_place(nlp):
    """Negative: a design that writes the dose twin last keeps that order."""
    text = TWIN_LAST + "Median PFS was 15.2, 6.8, and 16.1 months, respectively."
    assert _arms(text, "PFS", nlp) == {15.2: TDXD, 6.8: LC, 16.1: TDXD}


def test_between_arm_clause_after_respectively_keeps_the_earlier_order(nlp):
    """ "..., respectively; the HR for ... was X": the list before the semicolon still reads
    the order of the earlier sentence's compared values."""
    text = (
        DOSE_DESIGN + "ORR was 58.5% with 5.4 mg/kg, 61.0% with 6.4 mg/kg, and 29.3% with "
        "lapatinib plus capecitabine. Median PFS was 15.2 months, 16.1 months, and 6.8 months, "
        "respectively; the HR for the 5.4-mg/kg dose vs lapatinib plus capecitabine was 0.37 "
        "(95% CI, 0.26-0.53)."
    )
    assert _arms(text, "PFS", nlp) == {15.2: TDXD, 16.1: TDXD, 6.8: LC, 0.37: None}


def test_two_dose_labels_list_two_values(nlp):
    """ "in X% and Y% of patients in the 5.4-mg/kg and 6.4-mg/kg arms": each dose label
    names its value, though both are one regimen."""
    text = (
        DOSE_DESIGN + "Grade 3 or higher adverse events occurred in 47.6% and 56.1% of "
        "patients in the 5.4-mg/kg and 6.4-mg/kg arms and in 52.4% of those receiving "
        "lapatinib plus capecitabine."
    )
    assert _arms(text, "AE_G3", nlp) == {47.6: TDXD, 56.1: TDXD, 52.4: LC}


def test_one_regimen_written_twice_is_no_list_of_two(nlp):
    """Negative: two references that write the same drug alike ("the T-DXd and T-DXd arms"
    is no list of labels) do not zip with a pair of values."""
    text = (
        "Patients were randomized to T-DXd or lapatinib plus capecitabine. Grade 3 or higher "
        "adverse events occurred in 47.6% and 56.1% of patients in the T-DXd and T-DXd arms."
    )
    assert _arms(text, "AE_G3", nlp) != {47.6: TDXD, 56.1: TDXD}


def test_modality_alone_is_a_drugless_arm(nlp):
    """ "radiotherapy (RT) alone or RT with A (RT + A)": "the RT + T arm" is trastuzumab, "the
    RT arm" has arm null."""
    text = RT_DESIGN + (
        "Grade 3 or higher adverse events were reported in 3.6% of patients in the RT + T arm "
        "and 2.3% of patients in the RT arm."
    )
    assert _arms(text, "AE_G3", nlp) == {3.6: "trastuzumab", 2.3: None}


def test_modality_alone_in_a_background_defines_nothing(nlp):
    """Negative: "radiotherapy (RT) alone or RT with trastuzumab (RT + T)" in a sentence that
    randomises nobody defines no arms: "the RT arm" names no arm of a design."""
    text = (
        "Background: radiotherapy (RT) alone or RT with trastuzumab (RT + T) are options "
        "after lumpectomy. Grade 3 or higher adverse events were reported in 3.6% of patients "
        "in the RT + T arm and 2.3% of patients in the RT arm."
    )
    assert _arms(text, "AE_G3", nlp) != {3.6: "trastuzumab", 2.3: None}
