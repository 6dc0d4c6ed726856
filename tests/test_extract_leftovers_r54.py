"""Left-overs round 54: what reviews left over, each after a two-arm (or three-arm) design
sentence. Compared pairs with a P each ("7.2 vs 5.1 months (P = .01) and 15.1 vs 12.0 months
(P = .2)") shared the last P; "longer than in the control group (12.4 vs 8.0 months)" gave the
first value the control arm; "in the control and experimental groups, respectively" read only
the second label; "the control arm" of three unlabelled arms was the last arm written; "and
shorter than 7 months in the B group" read the bound as a median, and an age bound ("aged >= 65
years") hid the subgroup's median; "Diarrhoea and rash occurred in 31% and 8%, respectively"
gave the listed events the arms of the sentence before; "in the two groups" was no value of
each arm."""

from __future__ import annotations

from extract_helpers import ARM_ROW, P_ROW, arm_of, parsed_values, rows_of

PC = "capecitabine+pyrotinib"
LC = "capecitabine+lapatinib"
DESIGN = (
    "Pyrotinib plus capecitabine versus lapatinib plus capecitabine\n\n"
    "Patients were randomly assigned to pyrotinib plus capecitabine or lapatinib plus "
    "capecitabine. "
)
LABELLED = (
    "Pyrotinib plus capecitabine versus lapatinib plus capecitabine\n\n"
    "Patients were randomly assigned to pyrotinib plus capecitabine (experimental group) or "
    "lapatinib plus capecitabine (control group). "
)
# The control (lapatinib) arm written first, so that order alone cannot give the right answer.
CONTROL_FIRST = (
    "Pyrotinib plus capecitabine versus lapatinib plus capecitabine\n\n"
    "Patients were randomly assigned to lapatinib plus capecitabine (control group) or "
    "pyrotinib plus capecitabine. "
)


# 1. Each compared pair keeps the P printed with it.
def test_each_compared_pair_keeps_its_own_p(nlp):
    text = DESIGN + (
        "Median PFS and OS were 7.2 vs 5.1 months (P = .01) and 15.1 vs 12.0 months (P = .2), "
        "respectively."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert [(r.endpoint, r.value, r.p) for r in rows] == [
        ("PFS", 7.2, "0.01"),
        ("PFS", 5.1, "0.01"),
        ("OS", 15.1, "0.2"),
        ("OS", 12.0, "0.2"),
    ]
    assert [r.arm for r in rows] == [PC, LC, PC, LC]


def test_compared_rate_pairs_keep_their_own_p():
    """The same for rates, read by the number parser."""
    text = "ORR and DCR were 43% vs 30% (P = .01) and 80% vs 70% (P = .2)."
    assert [(v.value, v.p) for v in parsed_values(text)] == [
        (43.0, "0.01"),
        (30.0, "0.01"),
        (80.0, "0.2"),
        (70.0, "0.2"),
    ]


def test_one_p_after_a_run_still_shared():
    """Negative: with a single P after both pairs, every value still takes it."""
    text = "ORR and DCR were 43% vs 30% and 80% vs 70% (P = .2)."
    assert [v.p for v in parsed_values(text)] == ["0.2"] * 4


# 2. "longer than in the control group (A vs B)": the subject's arm first.
def test_than_control_group_pair_lists_the_other_arm_first(nlp):
    text = CONTROL_FIRST + "PFS was longer than in the control group (12.4 vs 8.0 months)."
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 12.4) == PC
    assert arm_of(rows, 8.0) == LC


def test_than_control_group_in_either_order_of_design(nlp):
    """The design writing the control last gives the same answer."""
    text = (
        "Pyrotinib plus capecitabine versus lapatinib plus capecitabine\n\n"
        "Patients were randomly assigned to pyrotinib plus capecitabine or lapatinib plus "
        "capecitabine (control group). Response lasted longer than in the control group "
        "(median DOR, 14.0 vs 9.5 months)."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 14.0) == PC
    assert arm_of(rows, 9.5) == LC


def test_pair_naming_the_comparator_first_keeps_its_order(nlp):
    """Negative: "longer than in the control group (8.0 vs 12.4 months)": the smaller value
    first is the control's, as the comparative says."""
    text = CONTROL_FIRST + "PFS was longer than in the control group (8.0 vs 12.4 months)."
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 8.0) == LC
    assert arm_of(rows, 12.4) == PC


def test_group_before_than_keeps_the_first_value(nlp):
    """Negative: "shorter in the control group than ..." names the first value's arm."""
    text = CONTROL_FIRST + "PFS was shorter in the control group (8.0 vs 12.4 months)."
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 8.0) == LC


# 3. A list of generic labels sharing one plural group word.
def test_control_and_experimental_groups_respectively(nlp):
    text = LABELLED + (
        "The ORR was 40% and 60% in the control and experimental groups, respectively."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 40.0) == LC
    assert arm_of(rows, 60.0) == PC


def test_experimental_and_control_arms_respectively(nlp):
    text = LABELLED + (
        "Median PFS was 8.0 and 12.4 months in the control and experimental arms, respectively."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 8.0) == LC
    assert arm_of(rows, 12.4) == PC


def test_single_generic_group_is_unchanged(nlp):
    """Negative: "in the experimental group" alone is still that one arm."""
    text = LABELLED + "The ORR was 60% in the experimental group."
    assert arm_of(rows_of(nlp, text, ARM_ROW), 60.0) == PC


# 4. "the control arm" of three arms.
THREE_ARMS = (
    "Trastuzumab-based regimens in HER2-positive metastatic breast cancer\n\n"
    "Patients were randomly assigned to trastuzumab plus docetaxel, pertuzumab plus trastuzumab "
    "plus docetaxel, or pertuzumab plus T-DM1. "
)


def test_control_of_three_arms_is_the_only_backbone(nlp):
    """The arm another arm gives with more drugs, not the last arm written."""
    text = THREE_ARMS + "Median PFS was 12.4 months in the control arm."
    assert arm_of(rows_of(nlp, text, ARM_ROW), 12.4) == "docetaxel+trastuzumab"


def test_control_of_three_arms_without_one_backbone_is_no_arm(nlp):
    """Negative: two arms each extend another (L+P and H+P under L+H+P): no control named."""
    text = (
        "Dual HER2 blockade with paclitaxel\n\n"
        "Patients were randomly assigned to lapatinib plus paclitaxel, trastuzumab plus "
        "paclitaxel, or lapatinib plus trastuzumab plus paclitaxel. Median PFS was 12.4 months "
        "in the control arm."
    )
    assert arm_of(rows_of(nlp, text, ARM_ROW), 12.4) is None


def test_labelled_control_of_three_arms_stays(nlp):
    """Negative: the arm the text labels control is that arm."""
    text = (
        "Trastuzumab-based regimens in HER2-positive metastatic breast cancer\n\n"
        "Patients were randomly assigned to pertuzumab plus trastuzumab plus docetaxel "
        "(control arm), trastuzumab plus docetaxel, or pertuzumab plus T-DM1. Median PFS was "
        "12.4 months in the control arm."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 12.4) == "docetaxel+pertuzumab+trastuzumab"


# 5. Bounds and age qualifiers.
def test_coordinated_shorter_than_is_a_bound(nlp):
    text = DESIGN + (
        "Median PFS was 12.4 months in the pyrotinib group and shorter than 7 months in the "
        "lapatinib group."
    )
    values = [r.value for r in rows_of(nlp, text, ARM_ROW)]
    assert values == [12.4]


def test_which_was_longer_than_still_compares(nlp):
    """Negative: "12.4 months ..., which was longer than 7.0 months in the B group" keeps the
    second median."""
    text = DESIGN + (
        "Median PFS was 12.4 months in the pyrotinib group, which was longer than 7.0 months in "
        "the lapatinib group."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 7.0) == LC


def test_median_after_an_age_bound_is_read(nlp):
    for bound in ("aged >= 65 years", "aged 65 years or older", "aged < 65 years"):
        text = DESIGN + f"Median OS in patients {bound} was 30.1 months with pyrotinib."
        rows = rows_of(nlp, text, ARM_ROW)
        assert ("OS", "median", 30.1, PC) in rows, bound


def test_median_age_is_no_median_of_the_end_point(nlp):
    """Negative: "median age was 55 years" after an end point is still no OS median."""
    text = DESIGN + "Median OS was 30.1 months; the median age was 55 years."
    assert [r.value for r in rows_of(nlp, text, ARM_ROW)] == [30.1]


# 6. A run zipped with listed events names no arm.
def test_events_zipped_respectively_have_no_arm(nlp):
    text = DESIGN + "Diarrhoea and rash occurred in 31% and 8%, respectively."
    rows = rows_of(nlp, text, ARM_ROW)
    assert [r.value for r in rows] == [31.0, 8.0]
    assert [r.arm for r in rows] == [None, None]


def test_events_zipped_with_one_named_arm_take_it(nlp):
    """Negative: a sentence naming one arm gives the run that arm."""
    text = DESIGN + (
        "In the pyrotinib group, diarrhoea and rash occurred in 31% and 8%, respectively."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert [r.arm for r in rows] == [PC, PC]


def test_compared_pair_without_listed_events_keeps_the_context(nlp):
    """Negative: one end point compared ("31% vs 8%") is still the arms' pair."""
    text = DESIGN + "Diarrhoea occurred in 31% vs 8%."
    rows = rows_of(nlp, text, ARM_ROW)
    assert [r.arm for r in rows] == [PC, LC]


# 7. "in the two groups" of a two-arm design.
def test_not_reached_in_the_two_groups_is_each_arms(nlp):
    text = DESIGN + "Median OS was not reached in the two groups."
    rows = rows_of(nlp, text, ARM_ROW)
    assert sorted(r.arm for r in rows) == sorted([PC, LC])


def test_the_two_groups_combined_is_one_value(nlp):
    """Negative: "in the two groups combined" is the pooled population's value."""
    text = DESIGN + "The ORR was 55% in the two groups combined."
    rows = rows_of(nlp, text, ARM_ROW)
    assert [r.arm for r in rows] == [None]
