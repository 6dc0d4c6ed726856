"""Fresh round 93a: "A and B, both given with C, or D" gave C and D to arm A + B and C to arm D:
a partner written after "both"/"all" reached every arm, and every drug after "each/both with"
(the next arm's too) was read as the partner. "Both" joins the two drugs of one arm; an arm
listed after the partner gets none of it. And "The ORRs were 68.6% and 53.3%, and the
differences in PFS were significant (P=0.01)" gave the ORRs a P said of another end point."""

from __future__ import annotations

from extract_helpers import ARM_ROW, P_ROW, registry_of, rows_of

DPH = "docetaxel+pertuzumab+trastuzumab"
TDM1 = "trastuzumab emtansine"

BOTH_GIVEN_WITH = (
    "Pertuzumab and trastuzumab with docetaxel: a randomized trial\n\n"
    "Methods: Patients were randomly assigned to pertuzumab and trastuzumab, both given with "
    "docetaxel, or to trastuzumab emtansine. Results: The ORR was 72.1% with pertuzumab, "
    "trastuzumab and docetaxel and 64.2% with trastuzumab emtansine. Median PFS was 18.2 and "
    "14.1 months, respectively."
)


def _arms(nlp, text: str) -> dict[float, str | None]:
    return {r.value: r.arm for r in rows_of(nlp, text, ARM_ROW)}


def test_both_given_with_is_one_arm_and_the_next_arm_gets_no_partner(nlp):
    """ "A and B, both given with C, or to D": arms A + B + C and D; neither takes the other's
    drugs."""
    arms = _arms(nlp, BOTH_GIVEN_WITH)
    assert arms[72.1] == arms[18.2] == DPH
    assert arms[64.2] == arms[14.1] == TDM1


def test_both_given_with_without_to(nlp):
    """ "A and B, both given with C, or D" (no "to" before D): the same two arms."""
    text = BOTH_GIVEN_WITH.replace("or to trastuzumab emtansine", "or trastuzumab emtansine")
    arms = _arms(nlp, text)
    assert arms[72.1] == DPH
    assert arms[64.2] == TDM1


def test_each_given_with_then_an_arm_alone(nlp):
    """ "A or B, each given with C, or D alone": C joins A and B, not D (nor is D a partner)."""
    text = (
        "Methods: Patients were randomly assigned to docetaxel or vinorelbine, each given with "
        "trastuzumab, or lapatinib alone. Results: The ORR was 59.3% with docetaxel."
    )
    arms = sorted("+".join(a.drugs) for a in registry_of(nlp, text).arms)
    assert arms == ["docetaxel+trastuzumab", "lapatinib", "trastuzumab+vinorelbine"]


def test_each_given_with_still_reaches_every_listed_arm(nlp):
    """Negative: "A or B, each given with C" (nothing after the partner) still gives C to
    both."""
    text = (
        "Methods: Patients were randomly assigned to docetaxel or vinorelbine, each given with "
        "trastuzumab. Results: The ORR was 59.3% with docetaxel and 55.1% with vinorelbine."
    )
    arms = _arms(nlp, text)
    assert arms[59.3] == "docetaxel+trastuzumab"
    assert arms[55.1] == "trastuzumab+vinorelbine"


def test_each_given_with_a_partner_after_dose_words_reaches_every_arm(nlp):
    """Negative: "A or B, each given with intravenous C 8 mg/kg, then C 6 mg/kg" (no ", or"
    before a later regimen): every drug after "each with" is still the partner."""
    text = (
        "Methods: Patients were randomly assigned to docetaxel or vinorelbine, each given with "
        "intravenous trastuzumab 8 mg/kg, then trastuzumab 6 mg/kg every 3 weeks. Results: The "
        "ORR was 59.3% with docetaxel and 55.1% with vinorelbine."
    )
    arms = _arms(nlp, text)
    assert arms[59.3] == "docetaxel+trastuzumab"
    assert arms[55.1] == "trastuzumab+vinorelbine"


def test_both_after_two_alternatives_reaches_both_arms(nlp):
    """Negative: "A, or B, both given with C": "both" of two alternatives (an "or" list) still
    gives C to each."""
    text = (
        "Methods: Patients were randomly assigned to docetaxel, or vinorelbine, both given with "
        "trastuzumab. Results: The ORR was 59.3% with docetaxel and 55.1% with vinorelbine."
    )
    arms = _arms(nlp, text)
    assert arms[59.3] == "docetaxel+trastuzumab"
    assert arms[55.1] == "trastuzumab+vinorelbine"


DESIGN = (
    "Methods: Patients were randomly assigned to capecitabine plus lapatinib or capecitabine "
    "plus trastuzumab. "
)


def _orr_ps(nlp, results: str) -> list[str | None]:
    rows = rows_of(nlp, DESIGN + results, P_ROW)
    return [r.p for r in rows if r.endpoint == "ORR"]


def test_difference_in_another_end_point_gives_no_p(nlp):
    """ "The ORRs were X and Y, and the differences in PFS were significant (P=0.01)": the P is
    PFS's, not the ORRs'."""
    results = (
        "Results: The ORRs were 68.6% and 53.3%, and the differences in PFS were significant "
        "(P=0.01). Median PFS was 12.5 and 6.8 months, respectively."
    )
    assert _orr_ps(nlp, results) == [None, None]


def test_differences_naming_no_end_point_keep_the_p(nlp):
    """Negative: "and the differences were significant (P=0.01)" is said of the ORRs."""
    results = (
        "Results: The ORRs were 68.6% and 53.3%, and the differences were significant "
        "(P=0.01). Median PFS was 12.5 and 6.8 months, respectively."
    )
    assert _orr_ps(nlp, results) == ["0.01", "0.01"]


def test_difference_in_the_same_end_point_keeps_the_p(nlp):
    """Negative: "and the difference in ORR was significant (P=0.01)" names the values' own end
    point."""
    results = (
        "Results: The ORRs were 68.6% and 53.3%, and the difference in ORR was significant "
        "(P=0.01). Median PFS was 12.5 and 6.8 months, respectively."
    )
    assert _orr_ps(nlp, results) == ["0.01", "0.01"]
