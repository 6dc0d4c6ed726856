"""Review of round 79a: no over-reach found. These pin two behaviours the review probed: an
"Extended versus 12 months of X after Y plus X" title compares durations of one regimen, and a
"pretreated with A with or without B" sentence after a title "A versus A plus B" gives the
title's arms no labels."""

from __future__ import annotations

from extract_helpers import registry_of

EXTENDED_TITLE = (
    "Extended versus 12 months of trastuzumab after docetaxel plus trastuzumab: randomised "
    "trial\n\n"
    "Patients were randomly assigned to docetaxel plus trastuzumab followed by trastuzumab for "
    "12 or 24 months. The 3-year DFS rates were 86.0% in the first group and 87.6% in the "
    "second group."
)
PRETREATED = (
    "Paclitaxel versus paclitaxel plus trastuzumab in metastatic breast cancer: a randomised "
    "trial\n\n"
    "Patients pretreated with paclitaxel (control arm) with or without trastuzumab "
    "(experimental arm) were randomized. Median PFS was 8.0 months with paclitaxel and 12.6 "
    "months with paclitaxel plus trastuzumab (HR 0.44; P = .005)."
)


def test_extended_versus_months_title_keeps_one_regimen(nlp):
    """ "Extended versus 12 months of X" compares two durations: one arm, two groups."""
    reg = registry_of(nlp, EXTENDED_TITLE)
    assert [a.name for a in reg.arms] == ["docetaxel+trastuzumab"]
    assert reg.duration_groups == 2


def test_pretreated_with_or_without_labels_no_title_arm(nlp):
    """Negative: "pretreated with A (..) with or without B (..)" is prior treatment, not a
    restated design: the title's two arms get none of its labels."""
    reg = registry_of(nlp, PRETREATED)
    assert sorted(a.name for a in reg.arms) == ["paclitaxel", "paclitaxel+trastuzumab"]
    assert all(not a.labels for a in reg.arms)
