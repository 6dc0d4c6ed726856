"""Fresh-text round 47: the left-overs of round 46 and ten invented safety paragraphs (grade >= 3
events, per-event rates, cardiac events and ILD per arm). A list of bracketed event values after
"in the A arm" ran on through "compared with"/"versus" to the other arm's reference, so every
value took the later arm. "23% of L-treated patients" (a defined one-letter short form joined to
"-treated", "-based", "-containing") named no arm. A "respectively" sentence naming no arm right
after a sentence that lists two arms ("in the 6-month arm and the 12-month arm", "with
paclitaxel and with docetaxel", "less frequent in the A arm than in the B arm") had arm null or
took the design's order. "The reference group" of a biosimilar trial whose design did not say
"reference" named no arm. (Discontinuation shares are no outcome by the contract.)"""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, letter_drugs, rows_of

PYROTINIB = (
    "Pyrotinib versus lapatinib with capecitabine (PHENIX-7)\n\n"
    "Patients were randomised to pyrotinib plus capecitabine or lapatinib plus capecitabine. "
)


def test_list_before_compared_with_keeps_the_earlier_arm(nlp):
    """ "in the A arm were X (31%) and Y (16%), compared with Y (15%) in the B arm": the values
    before "compared with" are A's; only the one after it is B's."""
    text = PYROTINIB + (
        "The most common grade 3 or higher adverse events in the pyrotinib arm were diarrhoea "
        "(31%) and hand-foot syndrome (16%), compared with hand-foot syndrome (15%) in the "
        "lapatinib arm."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 31.0) == "capecitabine+pyrotinib"
    assert arm_of(rows, 16.0) == "capecitabine+pyrotinib"
    assert arm_of(rows, 15.0) == "capecitabine+lapatinib"


def test_list_before_versus_keeps_the_earlier_arm(nlp):
    """ "..., versus Y (15%) and X (8%) in the B arm": "versus" opens the other group's list."""
    text = PYROTINIB + (
        "Grade 3 events in the pyrotinib arm included diarrhoea (31%), hand-foot syndrome (16%) "
        "and vomiting (5%), versus hand-foot syndrome (15%) and diarrhoea (8%) in the lapatinib "
        "arm."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert [arm_of(rows, v) for v in (31.0, 16.0, 5.0)] == ["capecitabine+pyrotinib"] * 3
    assert [arm_of(rows, v) for v in (15.0, 8.0)] == ["capecitabine+lapatinib"] * 2


def test_bracketed_list_before_its_reference_is_one_arms(nlp):
    """Negative: a list joined by "and" alone still takes the reference after it."""
    text = PYROTINIB + (
        "Diarrhoea (31%) and hand-foot syndrome (16%) in the pyrotinib arm were the most common "
        "grade 3 events."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 31.0) == "capecitabine+pyrotinib"


def test_compared_pairs_in_brackets_follow_the_design(nlp):
    """ "neutropenia (20% vs 5%) and diarrhoea (10% vs 2%)" after the design: design order."""
    text = (
        "Pyrotinib versus placebo with trastuzumab and docetaxel\n\n"
        "Patients were randomised to pyrotinib plus trastuzumab and docetaxel or placebo plus "
        "trastuzumab and docetaxel. The most common grade 3 or higher adverse events were "
        "neutropenia (20% vs 5%) and diarrhoea (10% vs 2%)."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 10.0) == "docetaxel+pyrotinib+trastuzumab"
    assert arm_of(rows, 2.0) == "docetaxel+trastuzumab"


LETTERS = (
    "Lapatinib versus trastuzumab with docetaxel (WILLOW-6)\n\n"
    "Patients were randomly assigned to lapatinib (L) or trastuzumab (H) with docetaxel. "
)


def test_letter_treated_names_its_arm(nlp):
    """ "19% of L-treated patients and 3% of H-treated patients": each letter names its arm."""
    text = LETTERS + (
        "Grade 3 diarrhoea occurred in 19% of L-treated patients and in 3% of H-treated patients."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 19.0) == "docetaxel+lapatinib"
    assert arm_of(rows, 3.0) == "docetaxel+trastuzumab"


def test_letter_containing_arm_names_its_arm(nlp):
    """ "the H-containing arm": "-containing" joins the letter to its group."""
    rows = rows_of(nlp, LETTERS + "ORR was 60% in the H-containing arm.", ARM_ROW)
    assert arm_of(rows, 60.0) == "docetaxel+trastuzumab"


def test_letter_based_in_a_three_arm_design(nlp):
    """ "4% of T-based patients" beside "L+T-treated" in the three-arm design."""
    text = (
        "Lapatinib, trastuzumab, or both (TRILAP-2)\n\n"
        "Patients were randomly assigned to lapatinib (L), trastuzumab (T), or lapatinib plus "
        "trastuzumab (L+T), each given with weekly paclitaxel. Diarrhoea occurred in 23% of "
        "L-treated patients and 4% of T-based patients."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 23.0) == "lapatinib+paclitaxel"
    assert arm_of(rows, 4.0) == "paclitaxel+trastuzumab"


def test_letter_joined_to_another_word_is_no_drug(nlp):
    """Negative: "an L-shaped curve" joins the letter to no group word."""
    text = LETTERS + "The dose-response curve was L-shaped."
    assert letter_drugs(nlp, text) == []


DURATION = (
    "Six versus twelve months of trastuzumab (LARCH-12)\n\n"
    "Patients were randomised to 6 months or 12 months of trastuzumab with chemotherapy. "
)


def test_respectively_after_listed_duration_arms(nlp):
    """ "Safety was assessed in the 6-month arm and the 12-month arm. ... 3% and 8% of patients,
    respectively": the arms just listed name the run (both are trastuzumab's)."""
    text = DURATION + (
        "Safety was assessed in the 6-month arm and the 12-month arm. Cardiac dysfunction "
        "occurred in 3% and 8% of patients, respectively."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert [arm_of(rows, v) for v in (3.0, 8.0)] == ["trastuzumab", "trastuzumab"]


def test_respectively_after_values_of_listed_duration_arms(nlp):
    """ "89.4% in the 6-month arm and 89.8% in the 12-month arm" lists the arms too."""
    text = DURATION + (
        "The 4-year DFS rate was 89.4% in the 6-month arm and 89.8% in the 12-month arm. Cardiac "
        "dysfunction occurred in 3% and 8% of patients, respectively."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert [arm_of(rows, v) for v in (3.0, 8.0)] == ["trastuzumab", "trastuzumab"]


def test_respectively_after_arms_compared_by_than(nlp):
    """ "less frequent in the 6-month arm than in the 12-month arm" lists the arms in order."""
    text = DURATION + (
        "Cardiac events were less frequent in the 6-month arm than in the 12-month arm. Cardiac "
        "dysfunction occurred in 3.0% and 5.7% of patients, respectively."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert [arm_of(rows, v) for v in (3.0, 5.7)] == ["trastuzumab", "trastuzumab"]


TAXANES = (
    "Docetaxel versus paclitaxel with trastuzumab (HAZEL-3)\n\n"
    "Patients were randomised to trastuzumab plus docetaxel or trastuzumab plus paclitaxel. "
)


def test_respectively_follows_the_order_just_listed(nlp):
    """ "... with paclitaxel and with docetaxel. ... 2% and 12%, respectively": the previous
    sentence's order, not the design's."""
    text = TAXANES + (
        "Safety was assessed in patients treated with paclitaxel and with docetaxel. Febrile "
        "neutropenia occurred in 2% and 12% of patients, respectively."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 2.0) == "paclitaxel+trastuzumab"
    assert arm_of(rows, 12.0) == "docetaxel+trastuzumab"


def test_respectively_naming_its_own_arms_keeps_them(nlp):
    """Negative: a "respectively" sentence that names its arms reads its own list."""
    text = TAXANES + (
        "Safety was assessed in patients treated with paclitaxel and with docetaxel. Febrile "
        "neutropenia occurred in 12% and 2% of patients with docetaxel and paclitaxel, "
        "respectively."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 12.0) == "docetaxel+trastuzumab"
    assert arm_of(rows, 2.0) == "paclitaxel+trastuzumab"


def test_reference_group_of_biosimilar_twins(nlp):
    """ "in the reference group" where the design says "AB12 or trastuzumab, each with
    docetaxel": the reference product's arm (both twins are docetaxel + trastuzumab)."""
    text = (
        "Biosimilar AB12 versus trastuzumab (ASPEN-1)\n\n"
        "Patients were randomised to AB12 or trastuzumab, each with docetaxel. The ORR was 70.1% "
        "in the AB12 group and 69.0% in the reference group."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 69.0) == "docetaxel+trastuzumab"


def test_reference_group_of_different_regimens_names_none(nlp):
    """Negative: with arms of different drugs the word does not say which is the reference."""
    text = PYROTINIB + "The ORR was 60% in the reference group."
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 60.0) is None
