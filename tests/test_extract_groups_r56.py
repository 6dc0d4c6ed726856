"""Round 56: group labels with brackets, and other arm patterns, from invented abstracts in the
styles of Chinese journals and JCO. Chinese-journal designs that "divided" patients into
lettered groups each defined by a bracket ("group A (TCH, n=60)") defined no arm (only a
randomisation was read so); "the observation group (n=42) was treated with X, and the control
group (n=40) with Y" defined none either (the count bracket and the verb left out of the second
clause)."""

from __future__ import annotations

from extract_helpers import P_ROW, arm_of, registry_of, rows_of

TCH = "carboplatin+docetaxel+trastuzumab"
TCHP = "carboplatin+docetaxel+pertuzumab+trastuzumab"
TCHP_PYR = "carboplatin+docetaxel+pertuzumab+pyrotinib+trastuzumab"
NAB = "nab-paclitaxel+pertuzumab+trastuzumab"
DOC = "docetaxel+pertuzumab+trastuzumab"

DIVIDED = (
    "Pyrotinib added to neoadjuvant TCHP in HER2-positive breast cancer\n\n"
    "A total of 173 patients with HER2-positive breast cancer were enrolled. Patients were "
    "divided into group A (TCH, n=60), group B (TCHP, n=58) and group C (TCHP plus pyrotinib, "
    "n=55). The tpCR rates of groups A, B and C were 40.0%, 55.2% and 70.9%, respectively "
    "(χ2=11.2, P=0.004). Grade 3-4 neutropenia occurred in 35.0%, 32.1% and 38.4% of patients "
    "among the three groups."
)


def test_divided_into_bracketed_groups_defines_the_arms(nlp):
    """ "divided into group A (TCH, n=60), group B (...) and group C (...)": each bracket's
    regimen is its lettered arm, as after "randomly assigned to"."""
    rows = rows_of(nlp, DIVIDED, P_ROW)
    assert arm_of(rows, 40.0) == TCH
    assert arm_of(rows, 55.2) == TCHP
    assert arm_of(rows, 70.9) == TCHP_PYR
    assert [r.p for r in rows if r.value in (40.0, 55.2, 70.9)] == ["0.004"] * 3


def test_values_among_the_three_groups_follow_the_arms(nlp):
    """ "occurred in 35.0%, 32.1% and 38.4% of patients among the three groups": one value per
    lettered arm, in order."""
    rows = rows_of(nlp, DIVIDED, P_ROW)
    assert [arm_of(rows, v) for v in (35.0, 32.1, 38.4)] == [TCH, TCHP, TCHP_PYR]


def test_divided_into_spaced_and_case_counts(nlp):
    """ "(TCH, n = 60)" and "(TCH, 60 cases)": the count after the regimen is no part of it."""
    for count_a, count_b in (("n = 60", "n = 58"), ("60 cases", "58 cases")):
        text = (
            "Pyrotinib in neoadjuvant therapy\n\n"
            f"Patients were divided into group A (TCH, {count_a}) and group B (TCHP, {count_b}). "
            "The tpCR rates of groups A and B were 40.0% and 55.2%, respectively (P=0.04)."
        )
        rows = rows_of(nlp, text, P_ROW)
        assert (arm_of(rows, 40.0), arm_of(rows, 55.2)) == (TCH, TCHP), count_a


def test_divided_into_subgroups_by_marker_defines_no_arm(nlp):
    """Negative: groups a bracket defines by a marker, not a regimen, are no arms, even in a
    sentence that names the drug every patient received."""
    text = (
        "Pyrotinib plus capecitabine by HER2 status\n\n"
        "Patients treated with pyrotinib plus capecitabine were divided into group A (HER2 IHC "
        "3+, n=40) and group B (HER2 IHC 2+, n=20). The ORR of groups A and B was 60.0% and "
        "35.0%, respectively (P=0.04)."
    )
    assert [a.name for a in registry_of(nlp, text).arms if len(a.labels & {"a", "b"})] == []


def test_spelled_carboplatin_short_forms_are_the_regimens(nlp):
    """ "TCbH" / "TCbHP" (carboplatin written "Cb") are TCH and TCHP."""
    text = DIVIDED.replace("TCH", "TCbH")
    rows = rows_of(nlp, text, P_ROW)
    assert [arm_of(rows, v) for v in (40.0, 55.2, 70.9)] == [TCH, TCHP, TCHP_PYR]


def _described(count_a: str, count_b: str) -> str:
    return (
        "Nab-paclitaxel versus docetaxel with dual HER2 blockade\n\n"
        f"Eighty-two patients were enrolled. The observation group {count_a}was treated with "
        f"nab-paclitaxel plus trastuzumab and pertuzumab, and the control group {count_b}with "
        "docetaxel plus trastuzumab and pertuzumab. The ORR of the observation group was higher "
        "than that of the control group (85.7% vs 65.0%, P=0.03)."
    )


def test_named_groups_with_counts_and_a_left_out_verb(nlp):
    """ "The observation group (n=42) was treated with X, and the control group (n=40) with Y":
    a count bracket may stand before the verb, and the second group's verb may be left out."""
    for count_a, count_b in (("", ""), ("(n=42) ", "(n=40) "), ("(42 cases) ", "(40 cases) ")):
        rows = rows_of(nlp, _described(count_a, count_b), P_ROW)
        assert (arm_of(rows, 85.7), arm_of(rows, 65.0)) == (NAB, DOC), count_a


def test_verbless_group_of_another_sentence_defines_no_arm(nlp):
    """Negative: "and the control group with ..." defines a group only as the second of a pair
    described in its own sentence, not after a lone description in an earlier one."""
    text = (
        "Pyrotinib in trastuzumab-resistant disease\n\n"
        "The study group (n=30) received pyrotinib plus capecitabine. Outcomes were compared "
        "between the study group and the control group with trastuzumab-resistant disease. "
        "The ORR was 60.0%."
    )
    assert all("control" not in a.labels for a in registry_of(nlp, text).arms)


SUBTYPES = (
    "Dual HER2 blockade by intrinsic subtype\n\n"
    "Patients received paclitaxel with trastuzumab and pertuzumab. pCR was achieved in 45% of "
    "patients with HER2-enriched tumours and in 8% of those with luminal A tumours (P < .001)."
)


def test_rates_of_subgroups_named_by_of_share_the_p(nlp):
    """ "45% of patients with X and 8% of those with Y (P < .001)": compared subgroup rates, each
    with its own population phrase, carry the one P."""
    rows = rows_of(nlp, SUBTYPES, P_ROW)
    assert [r.p for r in rows if r.value in (45.0, 8.0)] == ["<0.001", "<0.001"]


def test_grade_qualifier_stops_at_while(nlp):
    """ "grade >=3 neutropenia occurred in 12% of patients, while peripheral neuropathy was
    reported in 20%": the contrasted clause's event is of any grade."""
    text = (
        "Toxicity of dual HER2 blockade\n\n"
        "Patients received paclitaxel with trastuzumab and pertuzumab. Grade >=3 neutropenia "
        "occurred in 12% of patients, while peripheral neuropathy was reported in 20%. Grade ≥3 "
        "diarrhea occurred in 5% of patients, whereas fatigue was reported in 30%."
    )
    codes = {r.value: r.endpoint for r in rows_of(nlp, text, P_ROW)}
    assert codes == {12.0: "AE_G3", 20.0: "AE", 5.0: "AE_G3", 30.0: "AE"}


def test_graded_event_after_while_keeps_its_grade(nlp):
    """Negative: an event after "while" with a qualifier of its own, or "while receiving" with no
    second event, stays grade >=3."""
    text = (
        "Toxicity of dual HER2 blockade\n\n"
        "Patients received paclitaxel with trastuzumab and pertuzumab. Grade >=3 neutropenia "
        "occurred in 12% of patients, while grade >=3 peripheral neuropathy was reported in 2%. "
        "Grade 3 diarrhea occurred in 5% of patients while receiving pertuzumab."
    )
    codes = {r.value: r.endpoint for r in rows_of(nlp, text, P_ROW)}
    assert codes == {12.0: "AE_G3", 2.0: "AE_G3", 5.0: "AE_G3"}


DURATION = (
    "Duration of pre-operative dual HER2 blockade\n\n"
    "Patients were randomised to 12 weeks (standard arm) or 24 weeks (extended arm) of "
    "pre-operative lapatinib plus trastuzumab. pCR was 28% in the standard arm and 33% in the "
    "extended arm (P=0.41)."
)


def test_pre_operative_regimen_of_compared_durations_is_the_arm(nlp):
    """ "randomised to 12 weeks (standard arm) or 24 weeks (extended arm) of pre-operative A":
    "pre-operative" (as "neoadjuvant") does not hide the design regimen; both duration groups
    are its arm."""
    rows = rows_of(nlp, DURATION, P_ROW)
    assert [(r.value, r.p, r.arm) for r in rows] == [
        (28.0, "0.41", "lapatinib+trastuzumab"),
        (33.0, "0.41", "lapatinib+trastuzumab"),
    ]
