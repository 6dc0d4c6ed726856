"""Review of round 69a (pipeline 0.3.150). Route adverbs closing a randomisation sentence made
route arms when the route was chosen per patient ("subcutaneously or intravenously at the
investigator's discretion") or was a premedication's, and a "plus" inside the first regimen
counted as the partner word that merges a duration design's two arms, so a drug given after
the durations to a subgroup joined both arms."""

from __future__ import annotations

from extract_helpers import registry_of

ACTH = "cyclophosphamide+doxorubicin+paclitaxel+trastuzumab"
ROUTE_LABELS = {"subcutaneous", "intravenous"}

SEQUENCE = (
    "Patients were randomised to receive four cycles of doxorubicin and cyclophosphamide "
    "followed by 12 weekly doses of paclitaxel, with trastuzumab given every 3 weeks, "
)


def _route_labels(nlp, text: str) -> set[str]:
    return set().union(*(a.labels for a in registry_of(nlp, text).arms)) & ROUTE_LABELS


def test_routes_at_the_investigators_discretion_make_no_route_arms(nlp):
    """Negative: a route chosen per patient is not randomised, so no route arms."""
    text = SEQUENCE + "either subcutaneously or intravenously at the investigator's discretion."
    assert _route_labels(nlp, text) == set()


def test_routes_by_local_practice_make_no_route_arms(nlp):
    """Negative: "... according to local practice" chooses the route per centre."""
    text = SEQUENCE + "subcutaneously or intravenously according to local practice."
    assert _route_labels(nlp, text) == set()


def test_routes_of_a_premedication_make_no_route_arms(nlp):
    """Negative: the routes of a premedication are not the regimen's route arms."""
    text = (
        "Patients were randomised to receive docetaxel plus trastuzumab every 3 weeks, with "
        "diphenhydramine premedication given subcutaneously or intravenously."
    )
    assert _route_labels(nlp, text) == set()


def test_randomised_routes_after_the_sequence_still_make_route_arms(nlp):
    """The round's case stays: routes closing the sentence make two route arms of A+B+C."""
    reg = registry_of(nlp, SEQUENCE + "either subcutaneously or intravenously.")
    assert [a.name for a in reg.arms] == [ACTH, ACTH]
    assert _route_labels(nlp, SEQUENCE + "either subcutaneously or intravenously.") == ROUTE_LABELS


def test_partner_after_the_durations_is_not_merged_into_both_arms(nlp):
    """Negative: "A plus B for 9 weeks (short arm) or for 12 months (long arm), with C given to
    patients with HR-positive disease": the "plus" inside A plus B is no partner cut off by a
    comma, so C (a subgroup's drug) joins no duration arm."""
    text = (
        "Patients were randomly assigned to docetaxel plus trastuzumab for 9 weeks (short arm) "
        "or for 12 months (long arm), with letrozole given to patients with HR-positive disease."
    )
    names = {a.name for a in registry_of(nlp, text).arms}
    assert "docetaxel+letrozole+trastuzumab" not in names


def test_partner_after_a_comma_before_the_durations_still_merges(nlp):
    """The round's case stays: ", with C for 9 weeks (short arm) or for 12 months (long arm)"
    gives C to the regimen before, one arm with both labels."""
    text = (
        "Patients were randomly assigned to docetaxel plus carboplatin every 3 weeks, with "
        "trastuzumab and pertuzumab for 9 weeks (short arm) or for 12 months (long arm)."
    )
    reg = registry_of(nlp, text)
    assert [a.name for a in reg.arms] == ["carboplatin+docetaxel+pertuzumab+trastuzumab"]
    assert {"short", "long"} <= reg.arms[0].labels
