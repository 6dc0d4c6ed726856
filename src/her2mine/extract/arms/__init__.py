"""Treatment arms: a per-document registry of regimens and group names, and arm references.

The registry is read from design sentences ("randomly assigned to receive A (control group) or B
(pertuzumab group)"); later "the control group", "the pertuzumab group", "placebo" or a partial
regimen ("with pertuzumab") resolve to the full regimen the text defined.

Modules, from the bottom of the import graph up (name — what it holds — imports from):

    patterns    — words and patterns design readers share — (none)
    model       — Arm, ArmRef, ArmRegistry and registry queries — (none)
    prior       — prior and later lines of therapy in designs — patterns
    parts       — options brackets, design parts, short forms, sequences — model, patterns
    shares      — counted partners of one drug — model
    classes     — class-written arms, adjective labels — model
    tpc         — "physician's choice" designs — model, patterns
    given_all   — drugs every arm received, "alone or combined" — model, patterns, prior, labels
    mentions    — regimen mentions, short forms, generic and bare forms as arms — model
    labels      — group labels of design arms, "respectively" brackets — model, parts,
                  patterns, prior
    lettered    — lettered/numbered/described groups, compared durations — labels, model,
                  parts, patterns, prior
    partners    — counted mentions, per-arm and chosen partners — labels, model
    twins       — dose, schedule, code and route twins, "or both" arms — labels, model,
                  patterns
    placebo     — placebo designs, phases, restated arms — labels, model, parts, patterns,
                  prior
    add_on      — "with or without" and add-on designs — labels, model, patterns, prior
    factorial   — factorial designs: factors, backbone, each level's regimen — model, patterns,
                  prior
    supportive  — randomisations between supportive regimens — patterns
    design      — reading one randomisation sentence (``_read_design``) — add_on, given_all,
                  labels, lettered, mentions, model, partners, parts, patterns, placebo, prior,
                  shares, tpc, twins
    referenced  — arms defined by reference to another arm — model
    registry    — ``build_registry``, trial scoping — classes, design, factorial, given_all,
                  labels, lettered, mentions, model, patterns, referenced, shares, supportive
    refs        — ``arm_refs``, group-label references, cohort scopes — add_on, classes,
                  factorial, labels, mentions, model, parts, patterns, prior, tpc
    comparisons — compared arms, list orders, "the addition of" — model, patterns, refs, twins

This module re-exports the names the rest of ``her2mine.extract`` imports.
"""

from her2mine.extract.arms.comparisons import (
    added_drug_arms,
    addition_comparison,
    comparison_in,
    design_list_order,
    listed_arms_order,
)
from her2mine.extract.arms.model import (
    NO_NAMED_DRUG,
    PLACEBO_ONLY,
    ArmRef,
    ArmRegistry,
    output_arm,
    scoped_registry,
)
from her2mine.extract.arms.patterns import _RANDOMISED, GROUP_GATE
from her2mine.extract.arms.refs import arm_refs, cohort_arms, cohort_scope
from her2mine.extract.arms.registry import (
    build_registry,
    trial_of_sentence,
    trial_pairs,
    trials_named_together,
)

__all__ = [
    "GROUP_GATE",
    "NO_NAMED_DRUG",
    "PLACEBO_ONLY",
    "_RANDOMISED",
    "ArmRef",
    "ArmRegistry",
    "added_drug_arms",
    "addition_comparison",
    "arm_refs",
    "build_registry",
    "cohort_arms",
    "cohort_scope",
    "comparison_in",
    "design_list_order",
    "listed_arms_order",
    "output_arm",
    "scoped_registry",
    "trial_of_sentence",
    "trial_pairs",
    "trials_named_together",
]
