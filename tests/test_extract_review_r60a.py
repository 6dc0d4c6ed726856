"""Review of round 60a (pipeline 0.3.111). Three of the round's rules stopped short of
common spellings: "objective response (OR) rate was 45.2% (95% CI ...)" (the short form's
bracket right before "rate") was still an odds ratio of 45.2; "Median PFS and OS were 12.1
months (95% CI ...) and 30.2 months (95% CI ...) in the study group and ..." (values with CIs)
were not read as groups of the listed end points, so every value became OS; and "X (a
trastuzumab biosimilar, n=120) or trastuzumab, each with docetaxel" (a group size in the gloss)
left the twins without arms."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, rows_of

DT = "docetaxel+trastuzumab"
PC = "capecitabine+pyrotinib"
LC = "capecitabine+lapatinib"

BRACKET_RATE = (
    "Pyrotinib in HER2-positive metastatic breast cancer\n\n"
    "Methods: In this single-arm study, patients received pyrotinib. Results: The objective "
    "response (OR) rate was 45.2% (95% CI 35.1-55.6)."
)

GROUPS_WITH_CIS = (
    "Pyrotinib or lapatinib with capecitabine in HER2-positive metastatic breast cancer\n\n"
    "Methods: Patients were randomized to pyrotinib plus capecitabine (study group) or lapatinib "
    "plus capecitabine (control group). Results: Median PFS and OS were 12.1 months (95% CI "
    "10.2-14.0) and 30.2 months (95% CI 25.1-35.3) in the study group and 8.0 months (95% CI "
    "6.1-9.9) and 25.0 months (95% CI 20.2-29.8) in the control group, respectively."
)

GLOSS_WITH_SIZE = (
    "SIBP-01 versus trastuzumab in HER2-positive metastatic breast cancer\n\n"
    "Methods: Patients were randomised to SIBP-01 (a trastuzumab biosimilar, n=120) or "
    "trastuzumab (n=118), each with docetaxel. Results: The ORR at week 24 was 71.2% in the "
    "SIBP-01 group and 68.9% in the trastuzumab group."
)


def test_short_form_bracket_before_rate_is_a_rate(nlp):
    """ "objective response (OR) rate was 45.2% (95% CI ...)": an ORR rate with its CI, not an
    odds ratio of 45.2."""
    rows = rows_of(nlp, BRACKET_RATE, ("endpoint", "measure", "value", "ci_low", "ci_high"))
    assert rows == [("ORR", "rate", 45.2, 35.1, 55.6)]


def test_odds_ratio_bracket_stays_a_ratio(nlp):
    """Negative: "odds ratio (OR) of 1.45" with no "rate" after the bracket is still an OR."""
    text = BRACKET_RATE.replace(
        "The objective response (OR) rate was 45.2% (95% CI 35.1-55.6).",
        "Response to pyrotinib had an odds ratio (OR) of 1.45 (95% CI 1.10-1.91) for PFS.",
    )
    rows = rows_of(nlp, text, ("measure", "value", "ci_low", "ci_high"))
    assert ("OR", 1.45, 1.1, 1.91) in rows


def test_listed_end_points_by_group_with_cis(nlp):
    """ "Median PFS and OS were 12.1 months (95% CI ...) and 30.2 months (95% CI ...) in the
    study group and ...": a CI after each value keeps the groups of listed end points."""
    rows = rows_of(nlp, GROUPS_WITH_CIS, ARM_ROW)
    assert rows == [
        ("PFS", "median", 12.1, PC),
        ("OS", "median", 30.2, PC),
        ("PFS", "median", 8.0, LC),
        ("OS", "median", 25.0, LC),
    ]


def test_pairs_with_cis_per_end_point_unchanged(nlp):
    """Negative: "12.1 months (95% CI ...) vs 8.0 months (95% CI ...) and 30.2 ... vs 25.0"
    is one pair per end point, not groups per arm."""
    text = GROUPS_WITH_CIS.replace(
        "12.1 months (95% CI 10.2-14.0) and 30.2 months (95% CI 25.1-35.3) in the study group "
        "and 8.0 months (95% CI 6.1-9.9) and 25.0 months (95% CI 20.2-29.8) in the control group",
        "12.1 months (95% CI 10.2-14.0) vs 8.0 months (95% CI 6.1-9.9) and 30.2 months (95% CI "
        "25.1-35.3) vs 25.0 months (95% CI 20.2-29.8) in the study and control groups",
    )
    rows = rows_of(nlp, text, ("endpoint", "value"))
    assert rows == [("PFS", 12.1), ("PFS", 8.0), ("OS", 30.2), ("OS", 25.0)]


def test_biosimilar_gloss_with_group_size(nlp):
    """ "X (a trastuzumab biosimilar, n=120) or trastuzumab, each with docetaxel": the gloss
    with the group's size still makes two twins with the partner."""
    rows = rows_of(nlp, GLOSS_WITH_SIZE, ARM_ROW)
    assert arm_of(rows, 71.2) == DT
    assert arm_of(rows, 68.9) == DT


def test_gloss_after_another_drug_is_no_twin(nlp):
    """Negative: "pertuzumab (a trastuzumab biosimilar, n=120)" glosses another drug, so
    pertuzumab keeps an arm of its own."""
    text = GLOSS_WITH_SIZE.replace("SIBP-01 (a", "pertuzumab (a").replace(
        "the SIBP-01 group", "the pertuzumab group"
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 71.2) == "docetaxel+pertuzumab"
    assert arm_of(rows, 68.9) == DT
