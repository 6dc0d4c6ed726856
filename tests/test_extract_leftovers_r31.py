"""Left-overs of round 31. A "(vs 30.1%)" bracket after a value whose arm was named before it
("The ORR with T-DXd was 52.3% (vs 30.1%)") took that arm again; a value whose own clause names
another end point ("one patient (4%) achieving a complete response") was read as the earlier
end point's; a grade qualifier of the first list item graded a later "cardiac adverse events";
a follow-up ("at a median of 3 years") or a time point ("; 3 months after surgery,") was read
as a median; "with both" in an "A, B, or both" design named no arm; and a number run into "is",
"of" or "to" ("is46%") was no value."""

from __future__ import annotations

from extract_helpers import arm_of, arms_of, parsed_values, rows_of

TDXD = "trastuzumab deruxtecan"
TDM1 = "trastuzumab emtansine"
PYR_OR_LAP = (
    "Pyrotinib versus lapatinib\n\n"
    "Patients were randomly assigned to pyrotinib plus capecitabine or lapatinib plus "
    "capecitabine. "
)
PYR = "capecitabine+pyrotinib"
LAP = "capecitabine+lapatinib"
OR_BOTH = "Dual blockade\n\nPatients were randomly assigned to trastuzumab, lapatinib, or both. "


# --- a "(vs ...)" bracket after a value whose arm is named before it --------------------------


def test_bare_vs_bracket_after_arm_named_before_is_the_other_arm(nlp):
    """ "The ORR with T-DXd was 52.3% (vs 30.1%)": the bracket holds T-DM1's rate."""
    text = (
        "DESTINY-Breast03\n\nPatients were randomly assigned to T-DXd or T-DM1. "
        "The confirmed ORR with T-DXd was 52.3% (vs 30.1%)."
    )
    assert arms_of(nlp, text) == {52.3: TDXD, 30.1: TDM1}


def test_vs_bracket_with_a_p_after_group_named_before(nlp):
    """ "In the pyrotinib group, the ORR was 78.5% (vs 57.1%; P = 0.01)": the other arm."""
    text = PYR_OR_LAP + (
        "In the pyrotinib group, the objective response rate was 78.5% (vs 57.1%; P = 0.01)."
    )
    assert arms_of(nlp, text) == {78.5: PYR, 57.1: LAP}


def test_vs_bracket_at_baseline_after_arm_named_before_is_no_arms(nlp):
    """Negative: "(vs 30.1% at baseline)" compares with a time point, not the other arm."""
    text = (
        "Trial\n\nPatients were randomly assigned to T-DXd or T-DM1. "
        "The ORR with T-DXd was 52.3% (vs 30.1% at baseline)."
    )
    assert arms_of(nlp, text) == {52.3: TDXD, 30.1: None}


def test_vs_bracket_with_a_population_after_arm_named_before_is_no_arms(nlp):
    """Negative: "(vs 57.1% in the overall population)" names no group."""
    text = PYR_OR_LAP + (
        "For pyrotinib plus capecitabine, the objective response rate was 78.5% "
        "(vs 57.1% in the overall population)."
    )
    assert arms_of(nlp, text) == {78.5: PYR, 57.1: None}


def test_vs_bracket_naming_its_arm_after_arm_named_before(nlp):
    """ "(vs 57.1% with lapatinib plus capecitabine)": the bracket's own reference names it."""
    text = PYR_OR_LAP + (
        "With pyrotinib plus capecitabine, the objective response rate was 78.5% "
        "(vs 57.1% with lapatinib plus capecitabine)."
    )
    assert arms_of(nlp, text) == {78.5: PYR, 57.1: LAP}


# --- a value whose own clause names another end point -----------------------------------------


def test_count_bracket_achieving_an_ignored_end_point_is_not_the_earlier_ones(nlp):
    """ "..., with one patient (4%, -3 to 11) achieving a complete response": 4% is the
    complete-response rate (outside the contract), not a second ORR."""
    text = (
        "HERACLES\n\nEight (30%, 95% CI 14-50) of 27 patients achieved an objective response, "
        "with one patient (4%, -3 to 11) achieving a complete response."
    )
    rows = rows_of(nlp, text, ("endpoint", "value"))
    assert rows == [("ORR", 30.0)]


def test_share_having_a_complete_response_after_orr(nlp):
    """ "The ORR was 40% ..., with 7% of patients having a complete response": not an ORR."""
    text = (
        "Neratinib\n\nThe objective response rate was 40% (95% CI 23-59), with 7% of patients "
        "having a complete response."
    )
    assert [r.value for r in rows_of(nlp, text)] == [40.0]


def test_count_bracket_achieving_a_listed_end_point_is_that_end_points(nlp):
    """ "..., with 12 patients (21%) achieving a pathological complete response": pCR."""
    text = (
        "Neoadjuvant\n\nAn objective response was seen in 45 patients (78%), with 12 patients "
        "(21%) achieving a pathological complete response."
    )
    rows = rows_of(nlp, text, ("endpoint", "value"))
    assert ("pCR", 21.0) in rows
    assert ("ORR", 21.0) not in rows


def test_value_before_its_own_end_point_without_a_participle_keeps_the_earlier(nlp):
    """Negative: "ORR was 30% and 4% in the control group" names no other end point."""
    text = "Trial\n\nThe objective response rate was 30% and 4% in the placebo group."
    assert sorted(r.value for r in rows_of(nlp, text) if r.endpoint == "ORR") == [4.0, 30.0]


def test_rate_with_a_complete_response_rate_after_it_stays_the_orr(nlp):
    """Negative: "ORR was 38% with a complete response rate of 6%": "with" after a value that
    opens no count bracket does not hand it to the end point after."""
    text = "Trial\n\nThe objective response rate was 38% with a complete response rate of 6%."
    assert [(r.endpoint, r.value) for r in rows_of(nlp, text)] == [("ORR", 38.0)]


# --- a grade qualifier of a list's first item -------------------------------------------------


def test_grade_of_first_listed_ae_item_does_not_grade_the_next_ae_item(nlp):
    """ "grade 3 or 4 adverse events (71% vs 68%) and cardiac adverse events (6% vs 6%)": the
    cardiac events are of any grade."""
    text = (
        "ToGA\n\nPatients were randomly assigned to trastuzumab plus chemotherapy or "
        "chemotherapy alone. Rates of overall grade 3 or 4 adverse events (71% vs 68%) and "
        "cardiac adverse events (6% vs 6%) did not differ between groups."
    )
    rows = rows_of(nlp, text, ("endpoint", "value"))
    assert rows == [("AE_G3", 71.0), ("AE_G3", 68.0), ("AE", 6.0), ("AE", 6.0)]


def test_grade_qualifier_before_a_list_of_ae_values_keeps_grading_them(nlp):
    """Negative: "grade >=3 adverse events occurred in 40% with A and 30% with B": one item."""
    text = (
        "Trial\n\nPatients were randomly assigned to T-DXd or T-DM1. Grade 3 or higher "
        "adverse events occurred in 45.1% of patients with T-DXd and 39.8% with T-DM1."
    )
    assert {r.endpoint for r in rows_of(nlp, text, ("endpoint", "value"))} == {"AE_G3"}


def test_grade_qualifier_shared_by_a_list_of_named_events(nlp):
    """Negative: "grade 3 or 4 neutropenia (...) and febrile neutropenia (...)": named events
    in one list share the grade; only the general event word again opens a new item."""
    text = (
        "Trial\n\nPatients were randomly assigned to T-DXd or T-DM1. Grade 3 or 4 "
        "diarrhoea (12% vs 4%) and fatigue (8% vs 3%) were more frequent with T-DXd."
    )
    assert {r.endpoint for r in rows_of(nlp, text)} == {"AE_G3"}


# --- follow-up and time points are not medians --------------------------------------------------


def test_at_a_median_of_years_is_no_median(nlp):
    """ "IDFS was 92.3% at a median of 3 years": the 3 years are follow-up, not a median IDFS."""
    text = (
        "APHINITY\n\nPatients were randomly assigned to pertuzumab or placebo. "
        "Invasive disease-free survival was 92.3% at a median of 3 years."
    )
    assert not [r for r in rows_of(nlp, text) if r.value == 3.0]


def test_after_a_median_of_months_is_no_median(nlp):
    """ "after a median of 40 months, median OS was not reached": 40 months is follow-up."""
    text = (
        "Trial\n\nPatients were randomly assigned to pyrotinib or placebo. Median PFS was "
        "12.5 months after a median of 40 months of observation."
    )
    assert [r.value for r in rows_of(nlp, text)] == [12.5]


def test_clause_opening_time_point_is_no_median(nlp):
    """ "Median DFS was not reached; 3 months after surgery, ...": a time point, not a median."""
    text = (
        "Trial\n\nPatients were randomly assigned to pertuzumab or placebo. Median DFS was not "
        "reached; 3 months after surgery, 12 patients had relapsed."
    )
    assert [r.value for r in rows_of(nlp, text)] == [None]


def test_median_followed_by_after_randomisation_stays(nlp):
    """Negative: "median PFS was 9.6 months after randomisation" is the median itself."""
    text = (
        "Trial\n\nPatients were randomly assigned to pyrotinib or placebo. Median PFS was "
        "9.6 months after randomisation in the pyrotinib group."
    )
    assert [r.value for r in rows_of(nlp, text)] == [9.6]


# --- "with both" in an "A, B, or both" design ------------------------------------------------


def test_with_both_names_the_combination_arm(nlp):
    """ "14.1 months with both" after "to trastuzumab, lapatinib, or both"."""
    text = OR_BOTH + "Median PFS was 14.1 months with both and 8.2 months with trastuzumab."
    rows = rows_of(nlp, text)
    assert arm_of(rows, 14.1) == "lapatinib+trastuzumab"
    assert arm_of(rows, 8.2) == "trastuzumab"


def test_the_combination_group_after_or_both(nlp):
    """ "in the combination group" after "..., or both" names the arm of both drugs."""
    text = OR_BOTH + (
        "The pCR rate was 51.3% in the combination group and 24.7% in the lapatinib group."
    )
    assert arms_of(nlp, text) == {51.3: "lapatinib+trastuzumab", 24.7: "lapatinib"}


def test_with_both_arms_names_no_single_arm(nlp):
    """Negative: "with both arms" / "in both groups" is every arm, no one arm's value."""
    text = OR_BOTH + "Diarrhoea occurred in 12% of patients, similar with both arms."
    assert all(r.arm is None for r in rows_of(nlp, text))


def test_with_both_in_a_two_arm_design_names_nothing(nlp):
    """Negative: without an "or both" design, "both" names no arm."""
    text = (
        "Trial\n\nPatients were randomly assigned to pyrotinib or placebo. Median PFS was "
        "11.1 months with both."
    )
    assert [r.arm for r in rows_of(nlp, text)] == [None]


# --- numbers glued to a word --------------------------------------------------------------------


def test_number_run_into_is_of_to_is_read():
    """ "is46%", "of46%", "rose to46%": the word before is a copula or preposition."""
    values = parsed_values("ORR is46%, DCR of71% and CBR rose to58.5%.", ("value",))
    assert values == [(46.0,), (71.0,), (58.5,)]


def test_gene_and_cell_names_stay_no_values():
    """Negative: "p53", "CD44", "HER2", "Ki67" are names, not values."""
    assert parsed_values("p53 and CD44 with HER2 and Ki67 and isoform2 and to2x", ("value",)) == []
