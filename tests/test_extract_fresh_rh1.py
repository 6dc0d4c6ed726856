"""Code-health round h1 (no change of output): the four "drop a regimen after the one kept
before it" filters share ``parts._drop_following``; the dose forms of a registry's bare forms
are built once per registry (``mentions._dose_forms``), not per sentence; the group letter of
``referenced._REGIMEN_OF_ARM`` is a capital, as ``_ARM_LABEL``'s is."""

from __future__ import annotations

import re

from extract_helpers import drug_hits, registry_of, rows_of

from her2mine.extract.arms.add_on import _without_negated_partners
from her2mine.extract.arms.labels import _without_mentions_inside_label
from her2mine.extract.arms.mentions import _dose_form_variant, _dose_forms
from her2mine.extract.arms.model import Arm, ArmRegistry
from her2mine.extract.arms.parts import (
    _drop_following,
    _without_short_forms,
    _without_suffixed_labels,
)
from her2mine.extract.arms.referenced import _REGIMEN_OF_ARM
from her2mine.extract.regimens import Regimen

DOSE_ARMS = (
    "Trastuzumab deruxtecan at two doses in HER2-positive metastatic breast cancer: a randomised "
    "phase 2 study\n\nMethods: Patients previously treated with trastuzumab emtansine were "
    "randomly assigned 1:1:1 to T-DXd 5.4 mg/kg every 3 weeks, T-DXd 6.4 mg/kg every 3 weeks, "
    "or lapatinib plus capecitabine.\nResults: The objective response rate was 57.9% in the "
    "5.4-mg/kg arm and 63.2% in the 6.4-mg/kg arm, versus 21.4% with lapatinib plus "
    "capecitabine. Interstitial lung disease occurred in 9.1% of patients in the 5.4-mg group."
)


def _regs(*spans: tuple[int, int]) -> list[Regimen]:
    return [Regimen(a, b) for a, b in spans]


def test_drop_following_keeps_order_and_drops_only_predicate_items():
    """The first regimen is always kept; each later one is dropped exactly when the predicate
    holds for it and the last regimen KEPT before it (not the last one seen)."""
    regs = _regs((0, 5), (6, 9), (10, 12), (13, 20), (21, 25))
    seen: list[tuple[int, int]] = []

    def pred(prev: Regimen, r: Regimen) -> bool:
        seen.append((prev.start, r.start))
        return r.start in (6, 10)  # drop the 2nd and 3rd

    out = _drop_following(regs, pred)
    assert [r.start for r in out] == [0, 13, 21]
    assert all(a is b for a, b in zip(out, [regs[0], regs[3], regs[4]], strict=True))
    # the third is compared with the first (the second was dropped), the fifth with the fourth
    assert seen == [(0, 6), (0, 10), (0, 13), (13, 21)]


def test_drop_following_never_asks_about_the_first_and_keeps_an_empty_list():
    calls: list[Regimen] = []
    only = _regs((0, 4))
    assert _drop_following(only, lambda p, r: calls.append(r) or True) == only
    assert not calls
    assert _drop_following([], lambda p, r: True) == []


def test_callers_keep_their_predicates():
    """Each filter still drops what its own rule names, and nothing for plain alternatives."""
    text = "trastuzumab plus SOX (SOX-T group, n=40) or SOX alone"
    hits = drug_hits(text, "trastuzumab", "SOX", "SOX", "SOX")
    first = Regimen(hits[0].start, hits[1].end, hits[:2], ["strong"])
    head = Regimen(hits[2].start, hits[2].end, [hits[2]])
    alone = Regimen(hits[3].start, hits[3].end, [hits[3]])
    assert _without_suffixed_labels(text, [first, head, alone]) == [first, alone]
    # a list with no bracket between its alternatives loses nothing to any of the four
    plain = "trastuzumab, lapatinib, or neratinib"
    p_hits = drug_hits(plain, "trastuzumab", "lapatinib", "neratinib")
    regs = [Regimen(h.start, h.end, [h]) for h in p_hits]
    assert _without_short_forms(plain, regs) == regs
    assert _without_suffixed_labels(plain, regs) == regs
    assert _without_mentions_inside_label(plain, regs) == regs
    assert _without_negated_partners(plain, len(plain), regs) == regs


def _rebuilt(registry: ArmRegistry) -> list[tuple[re.Pattern[str], Arm]]:
    """The dose forms as ``dose_variant_refs`` built them per sentence before the round."""
    forms = [(v, a) for f, a in registry.bare_forms.items() if (v := _dose_form_variant(f))]
    numbers = [number for (number, _), _ in forms]
    return [(pattern, arm) for (number, pattern), arm in forms if numbers.count(number) <= 1]


def _same(got: list[tuple[re.Pattern[str], Arm]], want: list[tuple[re.Pattern[str], Arm]]):
    assert [(p.pattern, p.flags, id(a)) for p, a in got] == [
        (p.pattern, p.flags, id(a)) for p, a in want
    ]


def test_cached_dose_forms_equal_the_rebuilt_ones():
    a, b, c = Arm(["x"]), Arm(["y"]), Arm(["z"])
    registries = [
        ArmRegistry([a, b, c], bare_forms={"5.4 mg/kg": a, "6.4 mg/kg": b, "PH": c}),
        ArmRegistry([a, b], bare_forms={"5.4 mg/kg": a, "5.4 mg": b}),  # one number: none
        ArmRegistry([a, b, c], bare_forms={"8 mg/kg": a, "6 mg/kg": b, "6 mg": c}),
        ArmRegistry([a], bare_forms={"TL": a}),
        ArmRegistry([a]),
    ]
    for registry in registries:
        want = _rebuilt(registry)
        got = _dose_forms(registry)
        _same(got, want)
        assert _dose_forms(registry) is got  # built once, then kept
    assert len(_dose_forms(registries[0])) == 2
    assert _dose_forms(registries[1]) == []
    assert [a_ for _, a_ in _dose_forms(registries[2])] == [a]


def test_cached_dose_forms_of_a_read_design_and_its_references(nlp):
    registry = registry_of(nlp, DOSE_ARMS)
    assert registry.dose_forms is None  # (built by the first result sentence that needs it)
    want = _rebuilt(registry)
    _same(_dose_forms(registry), want)
    assert len(want) == 2
    rows = rows_of(nlp, DOSE_ARMS, ("endpoint", "value", "arm"))
    arms = {r.value: r.arm for r in rows}
    assert arms[57.9] == arms[63.2] == "trastuzumab deruxtecan"


def test_regimen_of_arm_letter_is_a_capital():
    ok = "group B received trastuzumab in addition to the regimen of group A."
    m = _REGIMEN_OF_ARM.search(ok)
    assert m is not None and m.group(1) == "A"
    assert _REGIMEN_OF_ARM.search("the same regimen as in arm 2, plus pyrotinib").group(1) == "2"
    # the group word is still of either case
    assert _REGIMEN_OF_ARM.search("As in Group C, patients received X").group(1) == "C"
    assert _REGIMEN_OF_ARM.search("as in arm a") is None
