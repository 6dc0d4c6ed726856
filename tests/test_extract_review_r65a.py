"""Review of round 65a (labelled additions). A recap adding two labelled regimens in two
clauses ("adding A (arm B) to Y (arm A) ..., and that adding C (arm C) to Y did not") read
only the first addition, so arm C was C alone; a labelled list closed by a drugless
alternative ("lapatinib (arm B), trastuzumab (arm C) or both (arm D) to paclitaxel (arm A)")
was taken for a design without its addition, so arms B and C lost paclitaxel."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, rows_of

TWO_ADDITIONS = (
    "Pertuzumab and atezolizumab update\n\n"
    "We previously showed that adding pertuzumab (arm B) to trastuzumab and docetaxel (arm A) "
    "improved pCR, and that adding atezolizumab (arm C) to trastuzumab and docetaxel did not. "
    "The 3-year EFS rate was 88% in arm A, 91% in arm B and 89% in arm C."
)
OR_BOTH = (
    "Lapatinib, trastuzumab or both\n\n"
    "We previously reported that the addition of lapatinib (arm B), trastuzumab (arm C) or both "
    "(arm D) to paclitaxel (arm A) improved pCR. "
    "The EFS rate was 80% in arm A, 85% in arm B and 86% in arm C."
)
UNLABELLED_RECAP = (
    "Pertuzumab long-term outcomes\n\n"
    "We previously reported that adding pertuzumab improved pCR. Here we report 5-year "
    "outcomes of the 400 patients. The 5-year DFS rate was 86% in the overall population."
)


def test_second_labelled_addition_of_a_sentence_holds_its_backbone(nlp):
    """A later "adding C (arm C) to Y" of the same sentence gives arm C Y plus C."""
    rows = rows_of(nlp, TWO_ADDITIONS, ARM_ROW)
    assert arm_of(rows, 89.0) == "atezolizumab+docetaxel+trastuzumab"
    assert arm_of(rows, 91.0) == "docetaxel+pertuzumab+trastuzumab"
    assert arm_of(rows, 88.0) == "docetaxel+trastuzumab"


def test_labelled_additions_closed_by_or_both_hold_the_backbone(nlp):
    """ "X (arm B), Z (arm C) or both (arm D) to Y (arm A)": arms B and C hold Y too."""
    rows = rows_of(nlp, OR_BOTH, ARM_ROW)
    assert arm_of(rows, 85.0) == "lapatinib+paclitaxel"
    assert arm_of(rows, 86.0) == "paclitaxel+trastuzumab"
    assert arm_of(rows, 80.0) == "paclitaxel"


def test_unlabelled_recap_defines_no_arm(nlp):
    """ "We previously reported that adding X improved pCR" labels no group: whole population."""
    rows = rows_of(nlp, UNLABELLED_RECAP, ARM_ROW)
    assert arm_of(rows, 86.0) is None
