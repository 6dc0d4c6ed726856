"""Reading one randomisation sentence into the registry (``_read_design``).

The one reader that walks a design sentence's regimens and asks the concept modules about each
(options, labels, twins, add-ons, placebo, physician's choice, drugs given to every arm ...).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from operator import attrgetter

from her2mine.extract.arms.add_on import (
    _WITHOUT_GATE,
    _add_on_design,
    _chosen_partner_arms,
    _modality_alone_design,
    _negated_partner_design,
    _with_or_without_design,
    _with_x_or_without_x_labelled,
    _without_negated_partners,
)
from her2mine.extract.arms.classes import (
    DEFINED_CLASS_GATE,
    defined_class_arm_to_backbone,
    defined_class_backbone,
)
from her2mine.extract.arms.given_all import (
    _ALONE_GATE,
    _WITH_EVERY_ARM_GATE,
    _addition_as_combination,
    _alone_or_combined,
    _arms_before_all_received,
    _give_to_every_arm,
    _without_every_arm_drugs,
)
from her2mine.extract.arms.labels import (
    _control_name_bracket,
    _generic_name_bracket,
    _group_name_before,
    _group_treated_with,
    _is_design_regimen,
    _label_after,
    _label_range_after_list,
    _name_respectively,
    _stamp_new,
    _versus_next,
    _without_mentions_inside_label,
    group_word_labels,
    short_form_before_bracket,
)
from her2mine.extract.arms.lettered import (
    _SAME_GATE,
    _after_same_regimen,
    _complete_group,
    _defines_group_in_bracket,
    _read_bracketed_lettered_arms,
    _read_counted_arms,
    _read_lettered_arms,
    _same_regimen_arm,
)
from her2mine.extract.arms.mentions import CLASS_TWIN, _adds_unnamed_class, _record_short_form
from her2mine.extract.arms.model import Arm, ArmRegistry
from her2mine.extract.arms.partners import (
    _CHOICE_PARTNER_GATE,
    _class_partner_option,
    _counted_mention,
    _each_partner,
    _listed_before_each,
    _merge_into_earlier_twins,
    _pair_before_each,
    _partner_drugs,
    _partner_of_choice,
    _regimen_before,
    _with_after_last_label,
    _with_backbone,
)
from her2mine.extract.arms.parts import (
    _AND_OR_GATE,
    _SEQUENCE_GATE,
    _SURGERY_GATE,
    _design_part_end,
    _joined_across_short_form,
    _labelled_options_then_sequence,
    _labels_last_arm,
    _options_then_sequence,
    _semicolon_listed,
    _without_and_or_alternatives,
    _without_post_surgery_phase,
    _without_short_forms,
    _without_suffixed_labels,
    option_hits,
)
from her2mine.extract.arms.patterns import (
    _ADDITION_GATE,
    _ALL_GATE,
    _BOTH,
    _EACH,
    _GROUP_AFTER,
    _LIST_GAP,
    _MODIFIER,
    _MODIFIER_GATE,
    _TPC_ALIAS,
    _TPC_GATE,
    GROUP_GATE,
    PHYSICIANS_CHOICE,
)
from her2mine.extract.arms.placebo import (
    _add_placebo_design,
    _alternatives_after,
    _alternatives_repeated_in_phases,
    _label_restated_arms,
    _partner_or_placebo_design,
    _restated_arms,
)
from her2mine.extract.arms.prior import (
    _LATER_LINE_GATE,
    _share_received,
    _without_later_line,
    _without_lead_in,
    _without_options_after_values,
    _without_prior_regimens,
    lead_in_received,
)
from her2mine.extract.arms.shares import _may_count_twice, _split_at_counts
from her2mine.extract.arms.tpc import (
    _backbone_after_choice,
    _drop_class_arm_in_tpc,
    _give_tpc_regimen,
    _join_partner_after_choice,
    _joins_partner,
    _partner_choice_options,
    _tpc_between,
    _tpc_dosed_options,
    _tpc_listed,
    _tpc_options,
    _tpc_own_regimens,
    _tpc_partner,
    _tpc_phrase_end,
    _tpc_phrase_start,
    _tpc_phrases,
)
from her2mine.extract.arms.twins import (
    _OR_BOTH_GATE,
    _REFERENCE_GATE,
    _ROUTE_WORD_GATE,
    _add_both_arm,
    _add_listed_both_arm,
    _both_label,
    _code_twin,
    _crossover_periods,
    _dose_twins,
    _each_twin,
    _elided_biosimilar_twin,
    _elided_route_twins,
    _has_dose_or,
    _join_bracketed_reference,
    _label_route_twins,
    _partner_dose_twins,
    _randomises_doses,
    _record_both_form,
    _repeated_dose_forms,
    _route_twin,
    _split_repeated_doses,
    _trailing_route_twins,
    _twin_alternative,
    _with_earlier_twins,
)
from her2mine.extract.backbones import shared_backbone
from her2mine.extract.fastre import GateSet
from her2mine.extract.hits import Hit
from her2mine.extract.regimens import Regimen, group_regimens

_SOURCE = attrgetter("source")


def _read_design(
    text: str,
    sentences: list[tuple[int, int]],
    drug_hits: list[Hit],
    reg: ArmRegistry,
    low: str | None = None,
) -> None:
    """``low``: the ``literal_safe`` lower-cased text (lets searches skip where their words are
    missing), or None."""
    starts = [h.start for h in drug_hits]
    # (most documents have no options mention: their sentences skip the search for one; ``map``
    # reads the sources without a Python-level call per hit)
    offers = "options" in map(_SOURCE, drug_hits)
    before: set[int] = set()
    for s, e in sentences:
        before = _stamp_new(reg, before)  # arms the previous sentence appended directly
        if reg.defined_classes:  # (the previous sentence defined a class: its drugless arm)
            defined_class_arm_to_backbone(reg)
        reg.at = s
        if text.find(";", s, e) >= 0:
            e = _design_part_end(text, s, e)
        hits = [h for h in drug_hits[bisect_left(starts, s) : bisect_left(starts, e)] if h.end <= e]
        tpc = _TPC_GATE.may_hold(text, s, e)
        if tpc:
            for m in _TPC_ALIAS.finditer(text, s, e):
                reg.tpc_aliases.add(m.group(1))
        if not hits:
            continue
        tpc_ms = _tpc_phrases(text, s, e, hits) if tpc else []
        partner_ms: list[re.Match[str]] = []  # phrases joined to a drug: "plus the choice of"
        tpc = bool(tpc_ms)
        opts = option_hits(text, hits, s, e)
        if tpc:
            opts |= _tpc_dosed_options(text, hits, tpc_ms, e)
            partner_choice = _partner_choice_options(text, hits, tpc_ms)
            if partner_choice:
                opts |= partner_choice
                joined = [_joins_partner(text, hits, m) for m in tpc_ms]
                partner_ms = [m for m, j in zip(tpc_ms, joined, strict=True) if j]
                tpc_ms = [m for m, j in zip(tpc_ms, joined, strict=True) if not j]
                tpc = bool(tpc_ms)
        kept = [h for h in hits if h.start not in opts] if opts else hits
        group, later, every, and_or, sequence, alone, without, all_words, routes = (
            _DESIGN_GATES.read(low, s, e)
        )
        # (the second route twin's route word lies in the sentence, between the two regimens
        # or opening the second; "IV"/"SC" only in capitals, so tested on the text itself)
        routes = routes or text.find("IV", s, e) >= 0 or text.find("SC", s, e) >= 0
        if alone and _modality_alone_design(text, s, e, kept, reg, low):
            continue
        if (alone or without) and _add_on_design(text, s, e, kept, reg, drug_hits):
            continue
        if text.find("choice", s, e) >= 0 and _chosen_partner_arms(text, s, e, hits, reg):
            continue
        if group and (
            _read_lettered_arms(text, s, e, kept, reg)
            or _read_counted_arms(text, s, e, kept, reg)
            or _read_bracketed_lettered_arms(text, s, e, kept, reg)
        ):
            continue
        regs = _without_prior_regimens(text, low, s, e, group_regimens(text, kept))
        if partner_ms and len(regs) >= 2:
            regs = _join_partner_after_choice(text, regs, partner_ms, opts, hits)
            regs = _backbone_after_choice(text, regs, partner_ms, opts, hits)
        both = _BOTH.search(text, s, e) if all_words else None  # ("all patients received")
        lead_in_end = lead_in_received(text, both, e) if both is not None else -1
        regs = _without_lead_in(text, s, e, regs, lead_in_end)
        if len(regs) >= 2 and DEFINED_CLASS_GATE.may_hold(low, s, e):
            regs = defined_class_backbone(text, regs, reg.defined_classes)
        if later:
            regs = _without_later_line(text, s, e, regs)
        if sequence and len(regs) >= 3:  # (before "in both arms" drops the phase)
            regs = _labelled_options_then_sequence(text, regs)
        if every:
            regs = _without_every_arm_drugs(text, regs, e)
        if "%" in text[s:e]:
            regs = [r for r in regs if not _share_received(text, s, r)]
        if offers and len(regs) >= 2:
            offered = next((h for h in hits if h.source == "options"), None)
            if offered is not None:
                regs = _without_options_after_values(text, s, regs, offered)
        if text.find("mg", s, e) >= 0:
            regs = _split_repeated_doses(text, regs)
            if len(regs) >= 2:
                regs = _partner_dose_twins(text, regs)
        if len(regs) >= 3:
            regs = _joined_across_short_form(text, regs)
        if len(regs) >= 3 and text.find(") ", s, e) >= 0 and _REFERENCE_GATE.may_hold(low, s, e):
            regs = _join_bracketed_reference(text, regs)
        regs = _without_short_forms(text, regs)
        if len(regs) >= 2 and text.find("(", s, e) >= 0:
            regs = _without_mentions_inside_label(text, regs)
        if text.find("-", s, e) >= 0:
            regs = _without_suffixed_labels(text, regs)
        if and_or:
            regs = _without_and_or_alternatives(text, regs)
        if sequence:
            if len(regs) >= 3 and _SURGERY_GATE.may_hold(low, s, e):
                regs = _without_post_surgery_phase(text, regs)
            regs = _options_then_sequence(text, regs)
            if len(regs) >= 3:
                regs = _alternatives_repeated_in_phases(text, regs)
        if alone:
            regs = _alone_or_combined(text, regs)
        if len(regs) >= 2 and _ADDITION_GATE.may_hold(low, s, e):
            regs = _addition_as_combination(text, s, regs)
        restated = _restated_arms(regs, reg)
        if not restated and reg.arms and _may_count_twice(low, s, e):
            # "to A (n=100), B (n=100) or chemotherapy (n=100)": the counts cut the list
            counted = _split_at_counts(text, regs)
            restated = _restated_arms(counted, reg) if len(counted) > len(regs) else []
            regs = counted if restated else regs
        if restated:
            _label_restated_arms(text, regs, reg, restated, (s, e), low)
            continue
        placebo_end = _partner_or_placebo_design(text, regs, reg)
        if placebo_end is not None:
            regs = _alternatives_after(text, regs, placebo_end)
            if not regs:
                continue  # (else "..., or to C": C is another arm, read below)
        elif _add_placebo_design(text, regs, reg, s, e):
            continue
        if without and _with_or_without_design(text, s, e, regs, reg):
            continue
        if without and _with_x_or_without_x_labelled(text, s, e, regs, reg):
            continue
        if (
            len(regs) >= 2
            and (without or text.find(" no ", s, e) >= 0)
            and _negated_partner_design(text, s, e, regs, reg)
        ):
            continue
        if without and len(regs) >= 2:
            regs = _without_negated_partners(text, e, regs)
        if routes and len(regs) == 1 and _elided_route_twins(text, s, e, regs[0], reg):
            continue
        if sequence and len(regs) == 1 and _crossover_periods(text, s, e, regs, reg):
            continue
        if routes and len(regs) == 2 and _elided_route_twins(text, s, e, regs[0], reg, regs[1]):
            continue
        if routes and _trailing_route_twins(text, s, e, regs, reg, low):
            continue
        shared = shared_backbone(text, regs, reg.drug_class) if len(regs) >= 2 else None
        arm_of: dict[int, Arm] = {}
        grouped: dict[int, Arm] = {}  # "randomly assigned to the A group": the arm named
        if both and lead_in_end >= 0:
            both = None  # "All patients received X induction; ... then assigned to": a lead-in
        if both and reg.arms:
            extra = {d for h in kept if h.start >= both.end() for d in h.drugs}
            _give_to_every_arm(reg, extra, drugless_too=True)
            continue
        if both:
            regs = _arms_before_all_received(regs, both.start())
        added: list[Arm] = []
        last: Regimen | None = None  # the regimen of the last arm added
        each = _EACH.search(text, s, e) if all_words else None
        one_arm = None  # "A and B, both given with C": C is that one arm's partner
        if each is not None:
            regs, one_arm = _pair_before_each(text, regs, each)
        if each is None and text.find("), with ", s, e) >= 0:
            each = _with_after_last_label(text, regs, low)
            if each is not None:  # what follows the partner times it ("from the start of X")
                regs = [r for r in regs if r.start <= each.end()]
        chosen = -1  # B of "A or B concurrently with C": an arm, whatever word qualifies it
        if (
            each is None
            and shared is None
            and (
                _CHOICE_PARTNER_GATE.may_hold(low, s, e)
                or text.find(" with ", s, e) >= 0
                or text.find(" plus ", s, e) >= 0
            )
        ):
            choice = _partner_of_choice(text, regs, reg.drug_class)
            if choice is not None:  # the partner and what follows it join every arm
                chosen, each = choice
                regs = [*regs[:chosen], _regimen_before(regs[chosen], each.start())]
        tpc_at = [m.start() for m in tpc_ms if not _tpc_partner(text, s, m, regs)] if tpc else []
        tpc_listed = _tpc_listed(text, regs, tpc_ms) if tpc_at else set()
        tpc_own = _tpc_own_regimens(text, s, regs, tpc_ms) if tpc_at else set()
        for i, r in enumerate(regs):
            if shared is not None and i == shared.backbone_only:
                continue  # "paclitaxel plus either ...": given with each alternative
            if i in tpc_listed or i in tpc_own:
                continue  # "physician's choice of capecitabine, eribulin, or ...": options
            owner_read = len(added) >= 2 or one_arm in arm_of  # (two arms, or the "both" one)
            if _each_partner(text, each, r, owner_read) or _counted_mention(text, s, r, reg):
                continue
            if i > 0 and _class_partner_option(text, regs[i - 1], r):
                continue
            nxt = regs[i + 1].start if i + 1 < len(regs) else e
            group_arm = arm_of.get(i - 1) or grouped.get(i - 1)
            if group_arm is not None and _defines_group_in_bracket(text, regs[i - 1], r):
                _complete_group(group_arm, r)
                continue
            label = _label_after(text, r.end, nxt, low)
            named_before = None if label else _group_name_before(text, s, r, nxt)
            named_before = named_before or (None if label else _group_treated_with(text, s, r))
            label = label or named_before
            group_word = _GROUP_AFTER.match(text, r.end)
            named = reg.superset_of(r.drugs) if group_word else None
            if group_word and named is not None:
                # "randomly assigned to the pertuzumab group": a name, not a new arm
                named.labels.update(group_word_labels(text, r.start, group_word.end()))
                grouped[i] = named
                continue
            if group_word and _labels_last_arm(text, regs, i, added):
                # "... every 3 weeks (anthracycline group)": a class naming the arm before it
                added[-1].labels.update(group_word_labels(text, r.start, group_word.end()))
                continue
            label = label or _control_name_bracket(text, r, s)
            form = None if label else short_form_before_bracket(text, r, s, _end_before(regs, i, s))
            listed = bool(added) and i > 0 and _LIST_GAP.fullmatch(text[regs[i - 1].end : r.start])
            if not listed and added and i > 0 and text.find(";", regs[i - 1].end, r.start) >= 0:
                listed = _semicolon_listed(text, regs[i - 1], r, e)
            listed = listed or _listed_before_each(text, each, regs, i, added)
            alternative = shared is not None and i in shared.own
            doses = _repeated_dose_forms(text, regs, i, arm_of, nxt)
            if doses is not None and not _randomises_doses(text, s, e, r):
                doses = None
            if (
                label
                or listed
                or doses is not None
                or (i == chosen and bool(added))
                or alternative
                or _is_design_regimen(text, r, s, e)
                or _generic_name_bracket(text, r, s)
                or form is not None
                or _versus_next(text, regs, i)
                or (i + 1 < len(regs) and _defines_group_in_bracket(text, r, regs[i + 1]))
                or (
                    added and _SAME_GATE.may_hold(low, s, r.start) and _same_regimen_arm(text, s, r)
                )
            ):
                written = r
                if added and last is not None and _SAME_GATE.may_hold(low, s, r.start):
                    r = _after_same_regimen(text, s, last, r)
                options = {
                    d
                    for h in hits
                    if h.start in opts
                    and r.start <= h.start < nxt  # (inside: "A plus the choice of X or Y with B")
                    and not (tpc_at and _tpc_between(tpc_at, r.end, h.start))
                    for d in h.drugs
                }
                if _adds_unnamed_class(r, regs[:i]):
                    _record_short_form(text, r.end, e, CLASS_TWIN, reg)
                    continue
                if doses is not None:  # each twin is named by its dose ("with 5.4 mg/kg")
                    arm = reg.add_own(r, label, options)
                    reg.bare_forms.setdefault(doses[0], arm_of[i - 1])
                    reg.bare_forms.setdefault(doses[1], arm)
                elif (
                    (alternative and _twin_alternative(shared, i))
                    or _each_twin(each, regs, i, arm_of)
                    or _code_twin(text, regs, i, arm_of)
                    or (routes and _route_twin(text, low, regs, i, arm_of))
                ):
                    arm = reg.add_own(r, label, options)
                    twin = arm_of.get(i - 1)
                    if twin is not None:  # (a twin alternative need not follow a named arm)
                        _label_route_twins(text, regs, i, twin, arm)
                else:
                    arm = reg.add(r, label, options)
                if arm is not None:
                    _record_short_form(text, r.end, e, arm, reg)
                    if form is not None and arm.name is not None:
                        reg.bare_forms.setdefault(form, arm)
                    arm_of[i] = arm
                    if r is written:
                        # "A, the same chemotherapy with B, or the same chemotherapy with C":
                        # "the same" is still A's, not A's with B
                        last = r
                    a = max(s, r.start - 40)
                    modifier = (
                        _MODIFIER.search(text, a, r.start)
                        if _MODIFIER_GATE.may_hold(low, a, r.start)
                        else None
                    )
                    if modifier:
                        arm.labels.add(modifier.group(1).lower())
                    added.append(arm)
                    if not arm.special and (
                        twin := _elided_biosimilar_twin(text, s, e, r, arm, reg, low)
                    ):
                        added.append(twin)
                    if _has_dose_or(text, r.end, nxt) and _randomises_doses(text, s, e, r):
                        # the partner joins every arm (as "each with"), so only when the dose
                        # arm is the sentence's first ("A, or B 320 mg or 400 mg plus C": not A's)
                        last_partner = each is None and i + 2 == len(regs) and len(added) == 1
                        twins, partner = _dose_twins(text, r, nxt, arm, reg, last_partner)
                        added.extend(twins)
                        if twins and partner is not None:
                            each = partner  # "... or 400 mg plus C": C joins every dose arm
        if group and len(added) >= 2:
            _label_range_after_list(text, regs, arm_of, added)
        both_arm: Arm | None = None
        if shared is not None:
            _with_backbone(shared, arm_of)
            _merge_into_earlier_twins(reg, arm_of, before)
            if shared.both and len(added) >= 2:
                both_arm = _add_both_arm(shared, regs, reg, _both_label(text, regs, shared, e, low))
                _record_both_form(text, regs[max(shared.own)].end, e, both_arm, reg)
        elif len(added) >= 2 and _OR_BOTH_GATE.may_hold(low, s, e):
            both_arm = _add_listed_both_arm(text, regs, arm_of, reg, e, low)
            _record_both_form(text, regs[max(arm_of)].end, e, both_arm, reg)
        if each and (len(added) >= 2 or one_arm in arm_of):  # ("both": one arm suffices)
            each_extra, later = _partner_drugs(text, kept, each, regs, arm_of)
            if one_arm in arm_of:
                sharing = [arm_of[one_arm]]
            else:
                sharing = [a for a in added if id(a) not in later]
            for arm in _with_earlier_twins(reg, sharing):
                if not arm.special:
                    arm.extend(set(each_extra))
        if len(added) >= 2 and text.find("respectively", s, e) >= 0:
            listed = added if both_arm is None or both_arm in added else [*added, both_arm]
            _name_respectively(text, hits, regs[max(arm_of)].start, e, listed, reg)
        for m in tpc_ms:
            if _tpc_partner(text, s, m, regs):
                continue  # "trastuzumab plus chemotherapy of physician's choice": a partner
            label = _label_after(text, m.end(), e, low)
            if "chemotherapy" in m.group(0).lower() or re.search(
                r"chemotherapy\s+(?:of|by)\s+(?:the\s+)?(?:physician|investigator)",
                text[max(s, m.start() - 30) : m.end()],
                re.I,
            ):
                label = label or "chemotherapy"
            start, end = _tpc_phrase_start(text, s, m), _tpc_phrase_end(text, m, regs)
            for class_label in _drop_class_arm_in_tpc(reg, regs, arm_of, start, end):
                reg.add_special(PHYSICIANS_CHOICE, class_label)  # "the taxane group"
            reg.add_special(PHYSICIANS_CHOICE, label)
            _tpc_options(text, m.end(), e, hits, opts, regs, tpc_listed, reg)
        for i in sorted(tpc_own):
            _give_tpc_regimen(regs[i], reg)
    _stamp_new(reg, before)
    reg.at = -1
    if reg.defined_classes:
        defined_class_arm_to_backbone(reg)


def _end_before(regs: list[Regimen], i: int, s: int) -> int:
    """Where the regimen before ``regs[i]`` ends (``s``, the sentence start, for the first)."""
    return regs[i - 1].end if i > 0 else s


# The gates ``_read_design`` asks about each design sentence, read in one pass (``GateSet``);
# built here, below the last of them.
_DESIGN_GATES = GateSet(
    GROUP_GATE, _LATER_LINE_GATE, _WITH_EVERY_ARM_GATE, _AND_OR_GATE, _SEQUENCE_GATE,
    _ALONE_GATE, _WITHOUT_GATE, _ALL_GATE, _ROUTE_WORD_GATE,
)  # fmt: skip
