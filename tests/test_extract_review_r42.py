"""Review of round 42: a glossing bracket after an end point may hold durations (0.3.69), but
any duration passed, so a bracket of subgroup medians ("Median OS (complete response 58 months
vs partial response 41 months)") read as a definition and its durations became whole-population
OS medians; only a duration threshold ("≥24 weeks", "for at least 6 months") qualifies a
response type of a definition."""

from __future__ import annotations

from extract_helpers import ARM_ROW, rows_of

DESIGN = "Trastuzumab and pertuzumab\n\nPatients received trastuzumab and pertuzumab. "


def test_bracket_of_subgroup_medians_is_no_gloss(nlp):
    """ "Median OS (complete response 58 months vs partial response 41 months)": the durations
    are medians of response subgroups, no whole-population OS values."""
    text = (
        DESIGN + "Median OS (complete response 58 months vs partial response 41 months) differed."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert [r.value for r in rows if r.endpoint == "OS"] == []


def test_bracket_with_a_bare_duration_is_no_gloss(nlp):
    """ "Median PFS (stable disease 12 months)": a bare duration is a value, not a threshold."""
    text = DESIGN + "Median PFS (stable disease 12 months) was shorter than in responders."
    rows = rows_of(nlp, text, ARM_ROW)
    assert [r.value for r in rows if r.endpoint == "PFS"] == []


def test_cbr_defined_with_at_least_months_keeps_its_value(nlp):
    """ "(CR, PR or SD for at least 6 months)": a threshold, so the bracket defines the CBR."""
    text = DESIGN + "The clinical benefit rate (CR, PR or SD for at least 6 months) was 40%."
    rows = rows_of(nlp, text, ARM_ROW)
    assert [(r.endpoint, r.value) for r in rows] == [("CBR", 40.0)]


def test_orr_defined_with_a_landmark_keeps_its_value(nlp):
    """ "The ORR (complete response in 24 weeks) was 45%": a dated definition keeps the ORR."""
    text = DESIGN + "The ORR (complete response in 24 weeks) was 45%."
    rows = rows_of(nlp, text, ARM_ROW)
    assert [(r.endpoint, r.value) for r in rows] == [("ORR", 45.0)]
