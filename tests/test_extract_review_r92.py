"""Review of rounds 92a and 92b: round 92b's baseline-condition test dropped a subgroup's
on-treatment result when the value followed a subgroup named by its baseline condition
("Among patients with baseline neuropathy, 20% had grade 2 or higher neuropathy": the value
was tied to the qualified mention). A subgroup opener ("among/in/of patients with") before the
qualifier now keeps the later value; a baseline share itself is still dropped (round 92b's
tests keep guarding that)."""

from __future__ import annotations

from extract_helpers import outcomes_of

SUBGROUP_BASELINE = (
    "Methods: Patients received trastuzumab emtansine. Results: Among patients with baseline "
    "neuropathy, 20% had grade 2 or higher neuropathy."
)
SUBGROUP_PRIOR = (
    "Methods: Patients received trastuzumab emtansine. Results: Of patients with prior "
    "neuropathy, 25% had worsening neuropathy and 10% had grade 3 neuropathy."
)


def _safety_values(nlp, text: str) -> list[float]:
    return [o.value for o in outcomes_of(nlp, text) if o.measure == "incidence"]


def test_value_after_a_baseline_subgroup_is_kept(nlp):
    """ "Among patients with baseline X, 20% had ...": the subgroup's result is an incidence."""
    assert _safety_values(nlp, SUBGROUP_BASELINE) == [20.0]


def test_value_after_a_prior_condition_subgroup_is_kept(nlp):
    """ "Of patients with prior X, 25% had worsening X": an on-treatment result, kept."""
    assert _safety_values(nlp, SUBGROUP_PRIOR) == [25.0, 10.0]
