"""Fresh round 81 (b): P values of compared rates whatever their arms, and hedged figures.

Compared rates whose P went to none (or only some) of them: two groups of one regimen string
("chemotherapy plus pertuzumab and trastuzumab" vs "endocrine therapy plus ...") named as "of
pts in the chemo arm"; two tumour subgroups, "of HER2-E and ... of non-HER2-E tumors"; two
end points listed for one group and compared with "those of" the other group. And a hedged
restatement in a conclusion ("a median PFS of almost 2 years") was read as a result."""

from __future__ import annotations

from extract_helpers import P_ROW, rows_of

DESIGN_SAME_REGIMEN = (
    "Patients were randomized to chemotherapy plus pertuzumab and trastuzumab (chemo arm) or "
    "endocrine therapy plus pertuzumab and trastuzumab (endocrine arm). "
)


def _p_of(rows, value: float) -> list[str | None]:
    return [r.p for r in rows if r.value == value]


def test_rates_of_groups_with_one_regimen_share_the_p(nlp):
    """ "71.6% of pts in the chemo arm and 44.9% in the endocrine arm (P < 0.001)": the two
    groups hold one regimen string, yet they are named groups, so each rate carries the P."""
    text = DESIGN_SAME_REGIMEN + (
        "AEs of special interest occurred in 71.6% of pts in the chemo arm and 44.9% in the "
        "endocrine arm (P < 0.001)."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert _p_of(rows, 71.6) == ["<0.001"]
    assert _p_of(rows, 44.9) == ["<0.001"]


def test_rates_of_one_named_group_take_no_shared_p(nlp):
    """Negative: two rates of the same group ("of pts in the chemo arm" twice) compare no
    groups, so the P after them is not shared."""
    text = DESIGN_SAME_REGIMEN + (
        "Diarrhea occurred in 71.6% of pts in the chemo arm and rash in 44.9% of pts in the "
        "chemo arm (P < 0.001)."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert _p_of(rows, 71.6) == [None]


DESIGN_TWO_TAXANES = (
    "Patients were randomized to trastuzumab plus docetaxel or trastuzumab plus paclitaxel. "
)


def test_rates_of_a_subgroup_and_its_complement_share_the_p(nlp):
    """ "pCR was achieved in 57.8% of HER2-E and 25.2% of non-HER2-E tumors (P < .001)": two
    subgroups, one the complement of the other, compared; each rate carries the P (no arm)."""
    text = DESIGN_TWO_TAXANES + (
        "Irrespective of treatment, pCR was achieved in 57.8% of HER2-E and 25.2% of non-HER2-E "
        "tumors (P < .001)."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert ("pCR", "rate", 57.8, "<0.001", None) in rows
    assert ("pCR", "rate", 25.2, "<0.001", None) in rows


def test_interaction_p_stays_off_subgroup_rates(nlp):
    """Negative: a P for interaction after the subgroup rates tests the effect's difference,
    so neither rate carries it."""
    text = DESIGN_TWO_TAXANES + (
        "Irrespective of treatment, pCR was achieved in 57.8% of HER2-E and 25.2% of non-HER2-E "
        "tumors (P for interaction = .02)."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert _p_of(rows, 57.8) == [None]
    assert _p_of(rows, 25.2) == [None]


def test_rates_of_unrelated_subgroups_take_no_shared_p(nlp):
    """Negative: "of HER2-E" and "of luminal" name no complement of each other and no marker
    status, so the P after them is not shared by this rule."""
    text = DESIGN_TWO_TAXANES + (
        "pCR was achieved in 57.8% of HER2-E and 25.2% of luminal A (P < .001)."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert _p_of(rows, 57.8) == [None]


CONTROL_DESIGN = (
    "Patients were randomized to trastuzumab plus docetaxel (observation group) or docetaxel "
    "(control group). "
)


def test_p_after_lists_compared_as_those_of_another_group_goes_to_all(nlp):
    """ "ORR and DCR of the observation group were 62.50% and 87.50%, respectively, which were
    higher than those of the control group (41.67% and 72.92%) (P<0.05)": the two lists are
    compared as wholes, so every rate carries the P."""
    text = CONTROL_DESIGN + (
        "The objective response rate (ORR) and disease control rate (DCR) of the observation "
        "group were 62.50% and 87.50%, respectively, which were higher than those of the "
        "control group (41.67% and 72.92%) (P<0.05)."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert [_p_of(rows, v) for v in (62.5, 87.5, 41.67, 72.92)] == [["<0.05"]] * 4


def test_p_after_second_pair_of_two_compared_pairs_stays_with_it(nlp):
    """Negative: "ORR was 62% vs 41% and DCR 87% vs 72% (P<0.05)" compares pair by pair, so
    the P closing the DCR pair is not given to the ORR pair."""
    text = CONTROL_DESIGN + (
        "The ORR was 62% in the observation group vs 41% in the control group, and the DCR "
        "was 87% in the observation group vs 72% in the control group (P<0.05)."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert _p_of(rows, 62.0) == [None]
    assert _p_of(rows, 41.0) == [None]


ZANIDATAMAB = "Patients received zanidatamab plus docetaxel. "


def test_hedged_median_in_a_restatement_is_no_result(nlp):
    """ "a median progression-free survival of almost 2 years": "almost" marks an
    approximation of a result, not a reported value."""
    text = ZANIDATAMAB + (
        "With longer follow-up, zanidatamab plus docetaxel maintained durable responses and a "
        "median progression-free survival of almost 2 years, without new safety signals."
    )
    assert rows_of(nlp, text, P_ROW) == []


def test_nearly_before_a_rate_marks_no_result(nlp):
    """ "nearly 60%" is an approximation as "almost" is."""
    text = ZANIDATAMAB + "The objective response rate was nearly 60%."
    assert rows_of(nlp, text, P_ROW) == []


def test_approximately_before_a_figure_stays_a_result(nlp):
    """Negative: results often say "approximately 20%": that stays a value."""
    text = ZANIDATAMAB + "The objective response rate was approximately 60%."
    assert [r.value for r in rows_of(nlp, text, P_ROW)] == [60.0]
