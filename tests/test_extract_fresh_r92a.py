"""Fresh round 92a: a partner shared by every arm, written once after the arm list with "each"
("A, B or C, each given with X"), reached one arm only. The options reader took "B or C" of
"A, B or C, each given with X" as one patient's choice; "B (175 mg/m2), each given with X" was
read as one regimen, so X was B's alone; "weekly A (80 mg/m2) or every-3-weeks A" read as one
arm; a lone "A and B" before "each" was one regimen; and a Background's "A and B, each combined
with C" did not reach arm A of a title "A versus B plus C"."""

from __future__ import annotations

from extract_helpers import ARM_ROW, P_ROW, registry_of, rows_of

DH = "docetaxel+trastuzumab"
VH = "trastuzumab+vinorelbine"
PH = "paclitaxel+trastuzumab"

TAXANES = (
    "Methods: Patients were randomly assigned to docetaxel, paclitaxel or nab-paclitaxel, each "
    "given with trastuzumab. Results: The ORR was 52.1% with docetaxel, 48.3% with paclitaxel "
    "and 55.0% with nab-paclitaxel."
)

SCHEDULES = (
    "Weekly versus every-3-weeks paclitaxel with trastuzumab: a randomized trial\n\n"
    "Methods: Patients were randomly assigned to weekly paclitaxel (80 mg/m2) or every-3-weeks "
    "paclitaxel (175 mg/m2), each with trastuzumab. Results: The ORR was 61.2% in the weekly "
    "arm and 49.8% in the every-3-weeks arm (P = .02). Median PFS was 11.1 and 9.3 months, "
    "respectively."
)

RESULTS = "Results: The ORR was 59.3% with docetaxel and 55.1% with vinorelbine."


def _design(arms_and_partner: str) -> str:
    """A two-arm design of docetaxel and vinorelbine written ``arms_and_partner``."""
    return f"Methods: Patients were randomly assigned to {arms_and_partner}. {RESULTS}"


def _orr_arms(nlp, text: str) -> list[str | None]:
    return [r.arm for r in rows_of(nlp, text, ARM_ROW) if r.endpoint == "ORR"]


def test_each_given_with_reaches_every_arm_of_a_three_item_list(nlp):
    """ "A, B or C, each given with X": X joins all three arms; "B or C" is no per-patient
    choice."""
    assert _orr_arms(nlp, TAXANES) == [DH, PH, "nab-paclitaxel+trastuzumab"]


def test_each_with_reaches_both_schedule_twins(nlp):
    """ "weekly A (80 mg/m2) or every-3-weeks A (175 mg/m2), each with X": two arms of one
    regimen, both A + X; "the weekly arm" and "the every-3-weeks arm" name that regimen."""
    rows = rows_of(nlp, SCHEDULES, P_ROW)
    assert [(r.value, r.p, r.arm) for r in rows if r.endpoint == "ORR"] == [
        (61.2, "0.02", PH),
        (49.8, "0.02", PH),
    ]
    assert [r.arm for r in rows if r.endpoint == "PFS"] == [PH, PH]


def test_each_given_with_after_a_dose_bracket_reaches_both_twins(nlp):
    """ "B (175 mg/m2), each given with X" is not one regimen B + X: X is every arm's."""
    text = SCHEDULES.replace("each with", "each given with")
    arms = [a.drugs for a in registry_of(nlp, text).arms]
    assert arms == [["paclitaxel", "trastuzumab"], ["paclitaxel", "trastuzumab"]]


def test_each_in_combination_with_after_a_and_b(nlp):
    """ "A and B, each in combination with X": "each" makes the two drugs two arms."""
    text = _design("docetaxel and vinorelbine, each in combination with trastuzumab")
    assert _orr_arms(nlp, text) == [DH, VH]


def test_each_combined_with(nlp):
    text = _design("docetaxel or vinorelbine, each combined with trastuzumab")
    assert _orr_arms(nlp, text) == [DH, VH]


def test_each_plus(nlp):
    assert _orr_arms(nlp, _design("docetaxel or vinorelbine, each plus trastuzumab")) == [DH, VH]


def test_each_followed_by_adds_the_sequential_backbone(nlp):
    """ "A or B, each followed by X": X is given after every arm's own drug."""
    text = _design("docetaxel or vinorelbine, each followed by trastuzumab")
    assert _orr_arms(nlp, text) == [DH, VH]


def test_each_given_with_after_dose_brackets(nlp):
    text = _design("docetaxel (75 mg/m2) or vinorelbine (25 mg/m2), each given with trastuzumab")
    assert _orr_arms(nlp, text) == [DH, VH]


def test_each_given_on_a_schedule_adds_nothing(nlp):
    """Negative: "each given every 3 weeks" names no drug, so no arm gains one."""
    text = _design("docetaxel or vinorelbine, each given every 3 weeks")
    assert _orr_arms(nlp, text) == ["docetaxel", "vinorelbine"]


def test_each_patient_received_is_no_arm_list(nlp):
    """Negative: "each patient received X" is not "each with X" after an arm list."""
    text = _design("docetaxel or vinorelbine; each patient received trastuzumab")
    assert _orr_arms(nlp, text) == ["docetaxel", "vinorelbine"]


def test_partner_of_one_item_stays_with_it(nlp):
    """Negative: "A with X or B" gives X to A only."""
    text = _design("docetaxel with trastuzumab or vinorelbine")
    assert _orr_arms(nlp, text) == [DH, "vinorelbine"]


def test_schedule_group_of_different_regimens_names_no_arm(nlp):
    """Negative: "the weekly arm" names no arm when the arms give different drugs (the
    schedule word does not say which regimen)."""
    text = (
        "Methods: Patients were randomly assigned to weekly paclitaxel or docetaxel every 3 "
        "weeks, each with trastuzumab. Results: The ORR was 61.2% in the weekly arm."
    )
    assert _orr_arms(nlp, text) == [None]


def test_lone_pair_joined_by_and_without_each_stays_one_regimen(nlp):
    """Negative: without "each", "docetaxel and vinorelbine with trastuzumab" is one arm."""
    text = (
        "Methods: Patients were randomly assigned to docetaxel and vinorelbine with "
        "trastuzumab or to trastuzumab alone. Results: The ORR was 59.3% with docetaxel and "
        "vinorelbine."
    )
    assert _orr_arms(nlp, text) == ["docetaxel+trastuzumab+vinorelbine"]


def test_pair_before_both_given_with_stays_one_regimen(nlp):
    """Negative: "A and B, both given with C" is one regimen (only "each" makes the pair two
    arms)."""
    text = (
        "Methods: Patients were randomly assigned to pertuzumab and trastuzumab, both given with "
        "docetaxel."
    )
    arms = [set(a.drugs) for a in registry_of(nlp, text).arms]
    assert {"pertuzumab", "trastuzumab", "docetaxel"} in arms
    assert not [a for a in arms if ("pertuzumab" in a) != ("trastuzumab" in a)]
