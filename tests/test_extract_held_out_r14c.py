"""Held-out round 14c: safety listings and subgroup narration by arm.

Six results sections written the way they narrate safety tables and forest plots
(DESTINY-Breast03, HER2CLIMB, NALA, SOPHIA, PHOEBE, EMILIA). Most readings were right; five
were not: a "respectively" after several compared pairs ("neutropenia (19.1% vs 15.5%), anaemia
(6.1% vs 4.6%) and thrombocytopenia (7.0% vs 24.9%) in the A and B groups, respectively") gave
the last pair no arm and the wrong arm; a "respectively" list counted a reference of the ";"
clause before it ("improved with N+C (HR ...); rates were 29% and 15% for N+C and L+C,
respectively" gave 15% to N+C); the second value of "infusion-related reactions occurred in
13.3% vs 3.4%" took the grade >=3 qualifier of the clause before the ";"; the second subgroup
ratio of "a hazard ratio of 0.32 in hormone-receptor-positive disease and 0.30 in hormone-
receptor-negative disease" was lost; and pairs compared "in the A group than in the B group"
took the reverse order of the sentence before.
"""

from __future__ import annotations

from extract_helpers import ARM_ROW, arms_of, rows_of

DB03 = (
    "Trastuzumab deruxtecan versus trastuzumab emtansine (DESTINY-Breast03)\n\n"
    "Methods: Patients were randomly assigned to receive trastuzumab deruxtecan (T-DXd) or "
    "trastuzumab emtansine (T-DM1). Results: "
)


def test_several_compared_pairs_each_zip_with_the_respectively_arms(nlp):
    # Before: 7.0 had no arm and 24.9 went to T-DXd (a run of six, two arms: no zip).
    text = DB03 + (
        "The most common grade 3 or higher adverse events were neutropenia (19.1% vs 15.5%), "
        "anaemia (6.1% vs 4.6%) and thrombocytopenia (7.0% vs 24.9%) in the T-DXd and T-DM1 "
        "groups, respectively."
    )
    assert rows_of(nlp, text, ARM_ROW) == [
        ("AE_G3", "incidence", 19.1, "trastuzumab deruxtecan"),
        ("AE_G3", "incidence", 15.5, "trastuzumab emtansine"),
        ("AE_G3", "incidence", 6.1, "trastuzumab deruxtecan"),
        ("AE_G3", "incidence", 4.6, "trastuzumab emtansine"),
        ("AE_G3", "incidence", 7.0, "trastuzumab deruxtecan"),
        ("AE_G3", "incidence", 24.9, "trastuzumab emtansine"),
    ]


def test_unpaired_run_is_not_cut_into_pairs(nlp):
    # Negative: four values with no "vs" pairs are no tuples of the two arms.
    text = DB03 + (
        "Grade 3 or higher neutropenia occurred in 19.1%, 15.5%, 6.1% and 4.6% of patients in "
        "the T-DXd and T-DM1 groups, respectively."
    )
    arms = arms_of(nlp, text)
    assert arms[19.1] is None and arms[15.5] is None and arms[6.1] is None


def test_tuples_split_by_an_arm_reference_are_that_arms(nlp):
    # Negative: a reference between the pairs names the pair before it (grades of one arm).
    text = DB03 + (
        "Grade 3 and 4 adverse events occurred in 23% and 5% of patients in the T-DXd group and "
        "15% and 1% in the T-DM1 group, respectively."
    )
    arms = arms_of(nlp, text)
    assert [arms[v] for v in (23.0, 5.0, 15.0, 1.0)] == [
        "trastuzumab deruxtecan",
        "trastuzumab deruxtecan",
        "trastuzumab emtansine",
        "trastuzumab emtansine",
    ]


def test_respectively_list_leaves_out_the_reference_of_the_clause_before(nlp):
    # Before: 15% went to N+C (three references, two values: the list was not zipped).
    text = (
        "Neratinib plus capecitabine versus lapatinib plus capecitabine (NALA)\n\n"
        "Patients were randomly assigned to neratinib plus capecitabine (N+C) or lapatinib plus "
        "capecitabine (L+C). Centrally confirmed PFS was improved with N+C (HR, 0.76; 95% CI, "
        "0.63 to 0.93; P = .0059); 12-month PFS rates were 29% and 15% for N+C and L+C, "
        "respectively."
    )
    assert arms_of(nlp, text) == {29.0: "capecitabine+neratinib", 15.0: "capecitabine+lapatinib"}


SOPHIA = (
    "Margetuximab vs trastuzumab (SOPHIA)\n\n"
    "Patients were randomized to margetuximab or trastuzumab, each with chemotherapy. "
    "Grade 3 or higher adverse events were reported in 53.8% with margetuximab and 52.6% with "
    "trastuzumab; "
)


def test_grade_qualifier_of_earlier_clause_misses_second_compared_value(nlp):
    # Before: 3.4 was AE_G3 (the "%" of 13.3 hid the clause's own verb from it).
    rows = rows_of(
        nlp, SOPHIA + "infusion-related reactions occurred in 13.3% vs 3.4% of patients.", ARM_ROW
    )
    assert rows[2:] == [
        ("AE", "incidence", 13.3, "margetuximab"),
        ("AE", "incidence", 3.4, "trastuzumab"),
    ]


def test_heading_list_after_semicolon_keeps_the_grade(nlp):
    # Negative: no verb of its own after the ";": the grade qualifier still reaches both.
    rows = rows_of(nlp, SOPHIA + "neutropenia 13.3% vs 3.4%.", ARM_ROW)
    assert [r[0] for r in rows[2:]] == ["AE_G3", "AE_G3"]


HR_SUBGROUPS = "PFS by hormone-receptor status\n\nMedian PFS was longer with drug A. "


def test_second_subgroup_ratio_in_parallel_list_is_read(nlp):
    # Before: 0.30 was lost (read as a ratio, then claimed by the population descriptor).
    text = HR_SUBGROUPS + (
        "The benefit was consistent across prespecified subgroups, with a hazard ratio for PFS "
        "of 0.32 in hormone-receptor-positive disease and 0.30 in hormone-receptor-negative "
        "disease."
    )
    assert rows_of(nlp, text, ARM_ROW) == [("PFS", "HR", 0.32, None), ("PFS", "HR", 0.3, None)]


def test_second_subgroup_ratio_with_those_in(nlp):
    text = HR_SUBGROUPS + (
        "The hazard ratio for PFS was 0.68 in patients carrying the CD16A-158F allele and 0.95 "
        "in those homozygous for 158V."
    )
    assert rows_of(nlp, text, ARM_ROW) == [("PFS", "HR", 0.68, None), ("PFS", "HR", 0.95, None)]


def test_ratio_keyed_to_a_population_descriptor_stays_unread(nlp):
    # Negative: a single ratio after "hazard ratio in <population>" is not a listed one.
    text = HR_SUBGROUPS + "The hazard ratio in hormone-receptor-positive disease was 0.40."
    assert rows_of(nlp, text, ARM_ROW) == []


EMILIA = (
    "Trastuzumab emtansine (EMILIA)\n\n"
    "We randomly assigned patients to T-DM1 or lapatinib plus capecitabine. Rates of grade 3 or "
    "above adverse events were higher with lapatinib plus capecitabine than with T-DM1 (57.0% "
    "vs. 40.8%). "
)


def test_pairs_before_than_comparison_take_its_order(nlp):
    # Before: the pairs took the reverse order of the sentence before (L+C first).
    text = EMILIA + (
        "Grade 3 or above thrombocytopenia (12.9% vs 0.2%) and elevated aspartate aminotransferase "
        "levels (4.3% vs 0.8%) were more frequent in the T-DM1 group than in the "
        "lapatinib-capecitabine group."
    )
    arms = arms_of(nlp, text)
    assert [arms[v] for v in (12.9, 0.2, 4.3, 0.8)] == [
        "trastuzumab emtansine",
        "capecitabine+lapatinib",
        "trastuzumab emtansine",
        "capecitabine+lapatinib",
    ]


def test_pair_without_than_comparison_keeps_the_context_order(nlp):
    # Negative: the arms after the pair are not compared with "than": the comparison under
    # discussion still orders it.
    text = EMILIA + (
        "Thrombocytopenia (12.9% vs 0.2%) led to dose reductions of T-DM1 and of lapatinib plus "
        "capecitabine."
    )
    arms = arms_of(nlp, text)
    assert [arms[12.9], arms[0.2]] == ["capecitabine+lapatinib", "trastuzumab emtansine"]
