"""Review of round 21 (pipeline 0.3.34). Round 21a's one-arm prose comparison ("weekly paclitaxel
was superior to paclitaxel every 3 weeks: 42% v 29%" is paclitaxel's twice) fired whenever the
two references resolved to one arm: "trastuzumab plus lapatinib was superior to trastuzumab"
("trastuzumab" resolves to the one arm holding it) and "trastuzumab plus docetaxel given upfront
was superior to trastuzumab plus docetaxel given at progression" (the sequence arm's later line)
both gave the comparator's value to the experimental arm, where b471463 gave the other arm."""

from __future__ import annotations

from extract_helpers import arms_of

LT = (
    "Patients were randomized to lapatinib plus trastuzumab or lapatinib alone. "
    "Trastuzumab plus lapatinib was superior to trastuzumab: PFS 12.0 vs 8.1 weeks (P = .008)."
)


def test_references_writing_different_drugs_are_two_arms(nlp):
    """ "A plus B was superior to A": the bare "A" resolves to the A+B arm (the one holding A),
    but the pair compares two arms, so the second value is the other arm's."""
    arms = arms_of(nlp, LT)
    assert arms[12.0] == "lapatinib+trastuzumab"
    assert arms[8.1] != "lapatinib+trastuzumab"


UPFRONT = (
    "Patients were randomized to trastuzumab monotherapy followed by trastuzumab plus docetaxel "
    "at progression or trastuzumab plus docetaxel. Trastuzumab plus docetaxel given upfront was "
    "superior to trastuzumab plus docetaxel given at progression: PFS 14.6 vs 3.7 months."
)


def test_regimen_given_at_progression_is_the_sequence_arm(nlp):
    """ "X given upfront ... superior to X given at progression": the second value is the
    sequence arm's (trastuzumab first), not X's twice."""
    arms = arms_of(nlp, UPFRONT)
    assert arms[14.6] == "docetaxel+trastuzumab"
    assert arms[3.7] == "trastuzumab"


def test_two_schedules_of_one_regimen_stay_one_arm(nlp):
    """Negative: "neratinib 240 mg was superior to neratinib 160 mg" (one drug both times, a
    dose apart) keeps the one arm for both values."""
    text = (
        "Patients were randomized to neratinib 240 mg daily or neratinib 160 mg daily. "
        "Neratinib 240 mg was superior to neratinib 160 mg: ORR 30% vs 20%, and diarrhea "
        "40% vs 25%."
    )
    arms = arms_of(nlp, text)
    assert [arms[v] for v in (30.0, 20.0, 40.0, 25.0)] == ["neratinib"] * 4
