"""Fresh round 71a: definitions across the title. A title that opens with the drug its groups
are named after ("Pyrotinib versus lapatinib in ...") put the drug's letters inside the
Schwartz–Hearst window of a label in the first body sentence ("... to pyrotinib plus
capecitabine (pyrotinib group)"): the long form started in the title, so the label stood for
every drug in between (the title's comparator too) and the first arm's values got three drugs.
A long form now never runs over a sentence end, the title's included. Checked without change:
a short form defined in the body ("trastuzumab deruxtecan (T-DXd)") and one defined in the
title itself."""

from __future__ import annotations

from extract_helpers import P_ROW, arm_of, rows_of

from her2mine.extract.drugs.definitions import pairs_within_sentences
from her2mine.extract.sentences import sentence_spans

PYROTINIB_GROUP = (
    "Pyrotinib versus lapatinib in HER2-positive breast cancer\n\n"
    "Patients were randomly assigned to pyrotinib plus capecitabine (pyrotinib group) or "
    "lapatinib plus capecitabine (lapatinib group). Median progression-free survival was 12.5 "
    "months in the pyrotinib group and 6.8 months in the lapatinib group (hazard ratio 0.39; "
    "95% CI 0.27-0.56; P<0.001)."
)
TUCATINIB_ARM = (
    "Tucatinib with trastuzumab and capecitabine for HER2-positive breast cancer\n"
    "Patients were randomly assigned to tucatinib plus capecitabine (tucatinib arm) or placebo "
    "plus capecitabine (placebo arm). Median progression-free survival was 5.5 months in the "
    "tucatinib arm and 2.8 months in the placebo arm."
)
PYROTINIB_COLON = (
    "Pyrotinib or trastuzumab with capecitabine in HER2-positive breast cancer:\n"
    "Patients were randomly assigned to pyrotinib plus capecitabine (pyrotinib group) or "
    "trastuzumab plus capecitabine (trastuzumab group). The objective response rate was 68.6% "
    "in the pyrotinib group and 51.2% in the trastuzumab group."
)
PLACEBO_COLON = (
    "Pyrotinib in HER2-positive breast cancer:\n\n"
    "Patients were randomly assigned to pyrotinib plus capecitabine (pyrotinib group) or "
    "placebo plus capecitabine (placebo group). Median PFS was 11.1 months in the pyrotinib "
    "group and 4.1 months in the placebo group."
)
NERATINIB_COHORT = (
    "Neratinib for HER2-positive breast cancer: a randomized phase 3 trial\n\n"
    "Patients were randomly assigned to neratinib plus capecitabine (neratinib cohort) or "
    "placebo plus capecitabine."
)


def test_group_label_after_a_blank_line_names_its_own_arm(nlp):
    """ "(pyrotinib group)" after a title opening with pyrotinib: the arm is pyrotinib plus
    capecitabine, not the title's lapatinib too; the ratio stays between arms."""
    rows = rows_of(nlp, PYROTINIB_GROUP, P_ROW)
    assert arm_of(rows, 12.5) == "capecitabine+pyrotinib"
    assert arm_of(rows, 6.8) == "capecitabine+lapatinib"
    assert arm_of(rows, 0.39) is None


def test_arm_label_after_a_one_line_title(nlp):
    """ "(tucatinib arm)" after a title on the first line (no blank line): the title's
    trastuzumab is no drug of the arm."""
    rows = rows_of(nlp, TUCATINIB_ARM, P_ROW)
    assert arm_of(rows, 5.5) == "capecitabine+tucatinib"
    assert arm_of(rows, 2.8) == "capecitabine"


def test_group_label_after_a_title_ending_with_a_colon(nlp):
    """A title ending with ":" on its own line: "(pyrotinib group)" holds no trastuzumab."""
    rows = rows_of(nlp, PYROTINIB_COLON, P_ROW)
    assert arm_of(rows, 68.6) == "capecitabine+pyrotinib"
    assert arm_of(rows, 51.2) == "capecitabine+trastuzumab"


def test_placebo_group_after_a_label_defined_across_the_title(nlp):
    """ "(placebo group)" after "(pyrotinib group)": the placebo arm is capecitabine alone."""
    rows = rows_of(nlp, PLACEBO_COLON, P_ROW)
    assert arm_of(rows, 11.1) == "capecitabine+pyrotinib"
    assert arm_of(rows, 4.1) == "capecitabine"


def test_group_label_after_a_sentence_end_names_its_own_arm(nlp):
    """The title run into the body with a full stop (no line break): the long form stops at
    the sentence end as at the title's."""
    text = PYROTINIB_GROUP.replace("cancer\n\n", "cancer. ")
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 12.5) == "capecitabine+pyrotinib"
    assert arm_of(rows, 6.8) == "capecitabine+lapatinib"


def _detector_pairs(nlp, text: str) -> list[tuple[str, int, int]]:
    """(short form, long-form start char, end char) of the abbreviation detector's pairs."""
    doc = nlp.get_pipe("her2_abbreviations")(nlp.get_pipe("her2_sentencizer")(nlp.make_doc(text)))
    pairs = []
    for a in doc._.abbreviations:
        last = doc[a["long_end"] - 1]
        pairs.append((a["short_text"], doc[a["long_start"]].idx, last.idx + len(last)))
    return pairs


def test_cohort_label_defined_across_a_colon_title_is_dropped(nlp):
    """ "(neratinib cohort)": the detector aligns its letters from the title's "Neratinib" on;
    that is no definition."""
    text = NERATINIB_COHORT
    pairs = _detector_pairs(nlp, text)
    assert [(s, text[a:b].startswith("Neratinib for")) for s, a, b in pairs] == [
        ("neratinib cohort", True)
    ]
    assert pairs_within_sentences(text, pairs, sentence_spans(text)) == []


def test_long_form_inside_one_sentence_is_kept():
    """Negative: a long form within the label's sentence stays a definition."""
    text = NERATINIB_COHORT
    start = text.index("neratinib plus")
    pairs = [("neratinib cohort", start, text.index(" (neratinib cohort)"))]
    assert pairs_within_sentences(text, pairs, sentence_spans(text)) == pairs


def test_long_form_over_a_broken_line_is_kept():
    """Negative: a PDF copy's line break inside the sentence ends no sentence."""
    text = (
        "Patients were randomly assigned to trastuzumab\nemtansine (T-DM1) or lapatinib plus "
        "capecitabine."
    )
    pairs = [("T-DM1", text.index("trastuzumab"), text.index(" (T-DM1)"))]
    assert pairs_within_sentences(text, pairs, sentence_spans(text)) == pairs


def test_short_form_defined_in_the_body_still_resolves(nlp):
    """Negative: "trastuzumab deruxtecan (T-DXd)" in the body names T-DXd's values."""
    text = (
        "Trastuzumab deruxtecan in HER2-positive breast cancer\n\n"
        "Patients received trastuzumab deruxtecan (T-DXd) or trastuzumab emtansine (T-DM1). The "
        "objective response rate was 79.7% with T-DXd and 34.2% with T-DM1."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 79.7) == "trastuzumab deruxtecan"
    assert arm_of(rows, 34.2) == "trastuzumab emtansine"


def test_short_form_defined_in_the_title_still_resolves(nlp):
    """Negative: "Trastuzumab Deruxtecan (T-DXd)" in the title defines the body's T-DXd."""
    text = (
        "Trastuzumab Deruxtecan (T-DXd) versus Trastuzumab Emtansine (T-DM1) in HER2-positive "
        "breast cancer\n\nPatients received T-DXd or T-DM1. The objective response rate was "
        "79.7% with T-DXd and 34.2% with T-DM1."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 79.7) == "trastuzumab deruxtecan"
    assert arm_of(rows, 34.2) == "trastuzumab emtansine"
