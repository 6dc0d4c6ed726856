"""Left-overs of round 28, counted design lists. A randomisation that gave each arm its count,
"to trastuzumab plus capecitabine (n = 100), lapatinib plus capecitabine (n = 100) or
capecitabine alone (n = 100)", was read as one capecitabine+lapatinib+trastuzumab arm and
capecitabine: the count brackets hid the list commas, so the items were chained into one
regimen. A count bracket closes a list item as a bare comma list's item ends ("and" or
"versus" may close the list too); an uncounted combination stays one arm."""

from __future__ import annotations

import pytest
from extract_helpers import ARM_ROW, arm_of, registry_of, rows_of

OPENING = "Patients were randomly assigned to "
COUNTS = (" (n = 100)", " (n=100)", " (100 patients)", " (N = 100)")


def _arms(nlp, text: str) -> list[str]:
    return ["+".join(sorted(a.drugs)) for a in registry_of(nlp, text).arms]


@pytest.mark.parametrize("count", COUNTS)
def test_counted_three_arm_list_with_alone_keeps_three_arms(nlp, count):
    """ "A plus C (n = 100), B plus C (n = 100) or C alone (n = 100)": three arms."""
    text = OPENING + (
        f"trastuzumab plus capecitabine{count}, lapatinib plus capecitabine{count} or "
        f"capecitabine alone{count}. Median PFS was 8.1 months with trastuzumab plus "
        "capecitabine."
    )
    assert _arms(nlp, text) == [
        "capecitabine+trastuzumab",
        "capecitabine+lapatinib",
        "capecitabine",
    ]
    assert arm_of(rows_of(nlp, text, ARM_ROW), 8.1) == "capecitabine+trastuzumab"


def test_counted_single_drug_list_ending_in_chemotherapy(nlp):
    """ "trastuzumab (n=100), lapatinib (n=100) or chemotherapy (n=100)": the value "with
    trastuzumab" is trastuzumab's, not a lapatinib+trastuzumab arm's."""
    text = OPENING + (
        "trastuzumab (n=100), lapatinib (n=100) or chemotherapy (n=100). Median PFS was 8.1 "
        "months with trastuzumab."
    )
    assert _arms(nlp, text)[:2] == ["trastuzumab", "lapatinib"]
    assert arm_of(rows_of(nlp, text, ARM_ROW), 8.1) == "trastuzumab"


@pytest.mark.parametrize("joiner", [" or ", " and ", ", or ", " versus "])
def test_counted_four_arm_list_closed_by_or_and_versus(nlp, joiner):
    """Four counted items, the last after "or", "and" or "versus": four arms. (A bare "A, B,
    C and D" may list one combination's drugs; counted items are groups of patients.)"""
    text = OPENING + (
        f"docetaxel plus trastuzumab (n = 50), docetaxel plus lapatinib (n = 50), docetaxel "
        f"plus neratinib (n = 50){joiner}docetaxel alone (n = 50)."
    )
    assert _arms(nlp, text) == [
        "docetaxel+trastuzumab",
        "docetaxel+lapatinib",
        "docetaxel+neratinib",
        "docetaxel",
    ]


@pytest.mark.parametrize("count", COUNTS)
def test_counted_three_drug_list_closed_by_and_keeps_three_arms(nlp, count):
    """ "A (n = 100), B (n = 100) and C (n = 100)": each counted drug is its own arm."""
    text = OPENING + f"trastuzumab{count}, lapatinib{count} and neratinib{count}."
    assert _arms(nlp, text) == ["trastuzumab", "lapatinib", "neratinib"]


def test_counted_two_arm_list_still_reads_two_arms(nlp):
    """ "A (n = 261) or B (n = 263)" was read right before and still is."""
    text = OPENING + "trastuzumab (n = 261) or lapatinib (n = 263)."
    assert _arms(nlp, text) == ["trastuzumab", "lapatinib"]


def test_counted_combination_stays_one_arm(nlp):
    """Negative: "A plus B (n = 100)" counts one combination, the count after its last drug."""
    text = OPENING + "trastuzumab plus capecitabine (n = 100) or capecitabine alone (n = 100)."
    assert _arms(nlp, text) == ["capecitabine+trastuzumab", "capecitabine"]


def test_and_joined_combination_with_one_count_stays_one_arm(nlp):
    """Negative: in a single-arm study "A and B (n = 200)" is one combination."""
    text = (
        "In this single-arm phase II study, patients received trastuzumab and capecitabine "
        "(n = 200). Median PFS was 8.1 months."
    )
    assert _arms(nlp, text) == ["capecitabine+trastuzumab"]


def test_uncounted_and_list_is_still_one_combination(nlp):
    """Negative: without counts "A, B and C" stays the one combination it was read as."""
    text = OPENING + "trastuzumab, lapatinib and neratinib."
    assert _arms(nlp, text) == ["lapatinib+neratinib+trastuzumab"]
