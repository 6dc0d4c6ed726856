"""Outcomes: numeric values tied to an endpoint, a measure and an arm, sentence by sentence.

Modules (name — what it holds — imports from), lowest first:

- patterns — shared fragments: the comparison words ("vs", "versus", "v.", "compared with"),
  where a subject starts, words of a prior drug — (none)
- grades — grade patterns and the grade of a value's adverse event — patterns
- endpoints — end-point mentions (``find_endpoints``), carried rates, end-point classes — grades
- not_results — numbers near an end point that are no result of it — endpoints, patterns
- landmarks — landmarks that date a rate, time points that are no medians — not_results,
  patterns
- value_endpoints — which end point and measure a value is of (``_endpoint_for``) — brackets,
  endpoints, grades, landmarks, not_results
- brackets — bracket and clause-break scans of a sentence — (none)
- gaps — what may stand between a value and the reference naming its group — (none)
- runs — runs of compared values, "respectively" lists, the comparison context — brackets, gaps,
  patterns
- landmark_runs — one group's rates at a list of landmark times — brackets, gaps, patterns, runs
- prose — comparisons in words ("than", "superior to"), subgroup comparisons — brackets,
  endpoints, patterns, runs
- pairs — bare zeros, "(vs ...)" brackets, compared pairs and value lists — patterns, prose, runs
- shared_p — P values shared by compared rates and their labels — brackets, endpoints, patterns,
  prose, runs
- combination — "with the combination" after values with named agents — (none)
- attribution — the arm of each value (``_attribute_arms``) — brackets, endpoints, gaps,
  grades, landmark_runs, pairs, prose, runs
- rows — per-sentence outcome rows (``sentence_outcome_rows``) — attribution, combination,
  endpoints, gaps, grades, not_results, patterns, runs, shared_p, value_endpoints
"""

from __future__ import annotations

from her2mine.extract.outcomes.endpoints import (
    RATIO_MEASURES,
    SAFETY,
    carried_rate_endpoint,
    find_endpoints,
)
from her2mine.extract.outcomes.grades import (
    grade_follow_on_rows,
    graded_3_only,
    opens_follow_on_list,
)
from her2mine.extract.outcomes.rows import all_groups_order, every_group_arm, sentence_outcome_rows

__all__ = [
    "RATIO_MEASURES",
    "SAFETY",
    "all_groups_order",
    "carried_rate_endpoint",
    "every_group_arm",
    "find_endpoints",
    "grade_follow_on_rows",
    "graded_3_only",
    "opens_follow_on_list",
    "sentence_outcome_rows",
]
