"""Review of round 43c. End points coordinated before "respectively" took the run even when a
list of arms stood nearer to it ("Median PFS and OS with A and B were 7.2 and 5.1 months,
respectively" lost both arms), and the elliptical second ratio took a number its own gap named
as another statistic ("and for arm B vs arm A the relative risk was 0.86" became an HR)."""

from __future__ import annotations

from extract_helpers import outcomes_of

TWO_ARMS = (
    "Trastuzumab in HER2-positive breast cancer\n\n"
    "Patients were randomized to trastuzumab plus docetaxel or docetaxel alone. "
)
THREE_ARMS = "Patients were randomized to arm A, arm B or arm C. "


def _rows(nlp, text: str) -> list[tuple[str, str, float, str | None]]:
    return [(o.endpoint, o.measure, o.value, o.arm) for o in outcomes_of(nlp, text)]


def test_arm_list_nearer_respectively_keeps_the_arms(nlp):
    """A list of arms between the end points and the run: the run is the arms' values."""
    text = TWO_ARMS + (
        "Median PFS and OS with trastuzumab plus docetaxel and docetaxel were 7.2 and 5.1 "
        "months, respectively."
    )
    arms = [arm for _, _, _, arm in _rows(nlp, text)]
    assert arms == ["docetaxel+trastuzumab", "docetaxel"]


def test_one_arm_between_still_zips_the_endpoints(nlp):
    """A single regimen between the list and its run is no competing list."""
    text = TWO_ARMS + (
        "Median PFS and OS with trastuzumab plus docetaxel were 7.2 and 15.1 months, respectively."
    )
    assert [(ep, v) for ep, _, v, _ in _rows(nlp, text)] == [("PFS", 7.2), ("OS", 15.1)]


def test_second_comparison_naming_another_statistic_is_no_ratio(nlp):
    """ "... and for arm B vs arm A the relative risk was 0.86": no second HR."""
    text = THREE_ARMS + (
        "The HR for PFS for arm C vs arm A was 0.70 (95% CI 0.55-0.89) and for arm B vs arm A "
        "the relative risk was 0.86 (95% CI 0.70-1.05)."
    )
    assert [(m, v) for _, m, v, _ in _rows(nlp, text)] == [("HR", 0.7)]


def test_elliptical_second_ratio_still_read(nlp):
    """ "... and for arm B vs arm A 0.86 (...)" keeps its second HR."""
    text = THREE_ARMS + (
        "The HR for PFS for arm C vs arm A was 0.70 (95% CI 0.55-0.89) and for arm B vs arm A "
        "0.86 (95% CI 0.70-1.05)."
    )
    assert [(m, v) for _, m, v, _ in _rows(nlp, text)] == [("HR", 0.7), ("HR", 0.86)]


def test_of_age_ends_at_a_word_boundary() -> None:
    """'of age' marks an age limit; 'of age-adjusted' and 'of ageing' do not."""
    from her2mine.extract.numbers.times_rates import _AGE_LIMIT_AFTER

    assert _AGE_LIMIT_AFTER.match(" of age.") is not None
    assert _AGE_LIMIT_AFTER.match(" of age-adjusted survival") is None
    assert _AGE_LIMIT_AFTER.match(" of ageing") is None
