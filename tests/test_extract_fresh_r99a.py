"""Fresh round 99a, arms: a backbone written before "plus either A (LP group) or placebo (PP
group)" was lost, so the active arm was A alone and the placebo arm had no drugs (its values no
arm); the words of each group label bracket ("LP", "PP group") read as regimens of their own."""

from __future__ import annotations

from extract_helpers import arms_of

LP_TITLE = (
    "Lapatinib plus paclitaxel versus placebo plus paclitaxel as first-line treatment for "
    "HER2-positive metastatic breast cancer: a phase III trial\n\n"
)
LP_RESULTS = (
    "\nResults: Median overall survival was 26.4 months in the LP group versus 19.2 months in "
    "the PP group (HR 0.71, 95% CI 0.55-0.92; P=0.01). The objective response rate was 68% with "
    "LP and 51% with PP."
)


def _assert_lp_pp(nlp, text: str) -> None:
    arms = arms_of(nlp, text)
    assert arms[26.4] == arms[68.0] == "lapatinib+paclitaxel"
    assert arms[19.2] == arms[51.0] == "paclitaxel"


def test_backbone_plus_either_a_or_placebo_labelled_groups(nlp):
    """The round's phrasing: a dosed backbone, "plus either" a dosed drug or placebo."""
    text = (
        LP_TITLE + "Methods: Patients with untreated HER2-positive metastatic breast cancer "
        "were randomly assigned to paclitaxel 80 mg/m2 weekly plus either lapatinib 1,500 mg "
        "daily (LP group) or placebo (PP group).\n" + LP_RESULTS
    )
    _assert_lp_pp(nlp, text)


def test_backbone_in_combination_with_either_a_or_matching_placebo_arms(nlp):
    """ "in combination with either A (NC arm) or matching placebo (PC arm)"."""
    text = (
        "Neratinib with capecitabine versus capecitabine in HER2-positive breast cancer: a "
        "randomized trial\n\nMethods: Women were randomized 1:1 to capecitabine 1000 mg/m2 "
        "twice daily in combination with either neratinib 240 mg daily (NC arm) or matching "
        "placebo (PC arm).\nResults: Median PFS was 8.8 months in the NC arm and 6.6 months in "
        "the PC arm (HR 0.76, 95% CI 0.63-0.93). The ORR was 32.8% in the NC arm and 26.7% in "
        "the PC arm."
    )
    arms = arms_of(nlp, text)
    assert arms[8.8] == arms[32.8] == "capecitabine+neratinib"
    assert arms[6.6] == arms[26.7] == "capecitabine"


def test_labelled_a_or_placebo_each_with_backbone(nlp):
    """Guard (and fixed too): "A (LP group) or placebo (PP group), each with B" — the backbone
    after the alternatives; the "PP group" label no longer adds A to the placebo arm."""
    text = (
        LP_TITLE + "Methods: Patients were randomly assigned to lapatinib (LP group) or placebo "
        "(PP group), each with paclitaxel 80 mg/m2 weekly.\n" + LP_RESULTS
    )
    _assert_lp_pp(nlp, text)


def test_received_and_were_assigned_to_a_or_placebo_unchanged(nlp):
    """Guard: round 98b's "received B and were randomly assigned to A or placebo"."""
    text = (
        "Pertuzumab with trastuzumab and docetaxel in HER2-positive metastatic breast cancer\n\n"
        "Methods: All patients received trastuzumab and docetaxel and were randomly assigned to "
        "pertuzumab or placebo.\nResults: The median PFS was 18.5 months in the pertuzumab "
        "group and 12.4 months in the placebo group (HR 0.62, 95% CI 0.51-0.75; P<0.001)."
    )
    arms = arms_of(nlp, text)
    assert arms[18.5] == "docetaxel+pertuzumab+trastuzumab"
    assert arms[12.4] == "docetaxel+trastuzumab"


def test_had_received_before_either_placebo_is_no_backbone(nlp):
    """Guard: a drug named only as history, not joined by "plus either", joins no arm."""
    text = (
        "Neratinib versus placebo after trastuzumab-based adjuvant therapy\n\nMethods: Women "
        "who had received trastuzumab were randomly assigned to neratinib 240 mg daily or "
        "placebo.\nResults: The 2-year invasive DFS rate was 93.9% in the neratinib group and "
        "91.6% in the placebo group (HR 0.67, 95% CI 0.50-0.91; P=0.0091)."
    )
    arms = arms_of(nlp, text)
    assert arms[93.9] == "neratinib"
    assert arms[91.6] in (None, "placebo")
