"""Review of round 29 (pipeline 0.3.46). A "(vs X% in <a population>)" bracket after an armed
value gave X the other arm although the phrase names no group ("in the overall population",
"in patients without brain metastases"); and a text that gives a lexicon short form its own
bracketed spelling ("THP (docetaxel, trastuzumab, pertuzumab)") still had that short form
take the taxane of a combined definition ("T-DXd-THP" with paclitaxel)."""

from __future__ import annotations

from extract_helpers import arm_of, rows_of

TDXD = "trastuzumab deruxtecan"
TPC = "physician's choice"

DESTINY = (
    "Trastuzumab deruxtecan versus treatment of physician's choice in HER2-positive breast "
    "cancer\n\n"
    "Patients were randomly assigned (2:1) to trastuzumab deruxtecan (T-DXd) or treatment of "
    "physician's choice (TPC). "
)
COMBINED = (
    "Neoadjuvant T-DXd in HER2-positive breast cancer\n\n"
    "Patients received T-DXd followed by paclitaxel, trastuzumab and pertuzumab (T-DXd-THP) or "
    "THP ({taxane}, trastuzumab, pertuzumab) alone. The pCR rate was 67.3% with T-DXd-THP and "
    "56.3% with THP."
)


def test_vs_bracket_naming_the_whole_population_is_not_the_other_arm(nlp):
    """ "(vs 16.3% in the overall population)": no comparator arm's value."""
    rows = rows_of(
        nlp, DESTINY + "The ORR was 52.3% in the T-DXd group (vs 16.3% in the overall population)."
    )
    assert arm_of(rows, 16.3) != TPC


def test_vs_bracket_naming_a_subgroup_is_not_the_other_arm(nlp):
    """ "(vs 46.0% in patients without brain metastases)": a subgroup, not the TPC arm."""
    text = DESTINY + (
        "The ORR was 52.3% in the T-DXd group (vs 46.0% in patients without brain metastases)."
    )
    assert arm_of(rows_of(nlp, text), 46.0) != TPC


def test_vs_bracket_naming_the_control_group_keeps_the_other_arm(nlp):
    """Negative: "(vs 16.3% in the control group)" is the other arm's value."""
    rows = rows_of(
        nlp, DESTINY + "The ORR was 52.3% in the T-DXd group (vs 16.3% in the control group)."
    )
    assert arm_of(rows, 16.3) == TPC


def test_part_spelled_out_with_the_lexicon_taxane_keeps_it(nlp):
    """ "THP (docetaxel, trastuzumab, pertuzumab)": the text's own THP holds docetaxel."""
    rows = rows_of(nlp, COMBINED.format(taxane="docetaxel"))
    assert arm_of(rows, 56.3) == "docetaxel+pertuzumab+trastuzumab"


def test_part_spelled_out_with_the_combined_taxane_takes_it(nlp):
    """Negative: "THP (paclitaxel, ...)" agrees with the combined definition."""
    rows = rows_of(nlp, COMBINED.format(taxane="paclitaxel"))
    assert arm_of(rows, 56.3) == "paclitaxel+pertuzumab+trastuzumab"
