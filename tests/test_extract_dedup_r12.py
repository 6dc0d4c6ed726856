"""Round 12's near-copies made one: each shared piece gives exactly what the two copies gave
(the copies are kept here as references).

- ``ArmRegistry.add_own``: ``arms._add_twin_arm`` and the append path of ``_add_lettered_arm``;
- ``arms._same_drugs``: the core of ``_same_arm`` and of ``ArmRegistry.add``'s merge test;
- ``regimens.THE_COMBINATION``: "or the combination (of both)" in ``regimens.OR_BOTH`` and
  ``arms._COMBINATION_OF_BOTH``;
- ``regimens.OPTIONAL_ARTICLE``: the article in ``regimens._COMMA_ONLY`` and ``arms._LIST_GAP``.
"""

from __future__ import annotations

import itertools
import re

from extract_helpers import arms_of, registry_of

from her2mine.extract import backbones, regimens
from her2mine.extract.arms import ArmRegistry
from her2mine.extract.arms import lettered as arms_lettered
from her2mine.extract.arms import mentions as arms_mentions
from her2mine.extract.arms import model as arms_model
from her2mine.extract.arms import patterns as arms_patterns
from her2mine.extract.arms.model import Arm
from her2mine.extract.hits import Hit
from her2mine.extract.regimens import Regimen

# --- the patterns -------------------------------------------------------------------------

OLD_OR_BOTH = (
    r"\s*(?:\([^()]*\)\s*)?,?\s*or\s+(?:both|(?:the|their)\s+combination"
    r"(?:\s+of\s+(?:both|the\s+two)|\s+thereof|(?![\s-]+(?:of|with)\b)))\b"
)
OLD_COMBINATION_OF_BOTH = re.compile(
    r"\bor\s+(?:the|their)\s+combination(?:\s+of\s+(?:both|the\s+two)\b|(?![\s-]+(?:of|with)\b))",
    re.I,
)
OLD_COMMA_ONLY = re.compile(r"\s*,\s*(?:(?:a|an)\s+)?")
OLD_LIST_GAP = re.compile(
    r"\s*(?:\([^()]*\)\s*)?,\s*(?:or\s+|and\s+)?(?:to\s+)?(?:a\s+|an\s+)?", re.I
)


def _phrases(pieces: list[str], most: int) -> list[str]:
    return ["".join(p) for n in range(1, most + 1) for p in itertools.product(pieces, repeat=n)]


def test_or_both_patterns_match_as_the_copies_did():
    tails = _phrases(
        [" ", ",", "-", "(T)", "or", "Or", "both", "the", "their", "The", "combination",
         "combinations", "of", "with", "thereof", "two", "x", " (", "both)"],
        4,
    )  # fmt: skip
    old_or_both = re.compile(OLD_OR_BOTH, re.I)
    old_backbones = re.compile(OLD_OR_BOTH + r"(\s*\(\s*)?", re.I)
    for tail in tails:
        for text in (tail, " " + tail, ", " + tail):
            old, new = old_or_both.match(text), regimens._OR_BOTH_NEXT.match(text)
            assert (old and old.span()) == (new and new.span()), text
            old, new = old_backbones.match(text), backbones._OR_BOTH.match(text)
            assert (old and old.span(1)) == (new and new.span(1)), text
            assert (old and old.span()) == (new and new.span()), text
            old_c = OLD_COMBINATION_OF_BOTH.search(text)
            new_c = arms_mentions._COMBINATION_OF_BOTH.search(text)
            assert (old_c is None) == (new_c is None), text


def test_the_combinations_difference_is_kept():
    # The one difference of the two copies, kept: a word may follow "combination" in the
    # search for the phrase, not where "or both" ends a list.
    assert arms_mentions._COMBINATION_OF_BOTH.search("A, B, or the combinations")
    assert regimens._OR_BOTH_NEXT.match(", or the combinations") is None
    assert regimens._OR_BOTH_NEXT.match(", or the combination thereof").end() == 28


def test_optional_article_gaps_match_as_the_copies_did():
    gaps = _phrases([" ", ",", "a", "an", "A", "An", "or", "and", "to", " (x)", "the", "n"], 5)
    for gap in gaps:
        assert bool(OLD_COMMA_ONLY.fullmatch(gap)) == bool(regimens._COMMA_ONLY.fullmatch(gap))
        assert bool(OLD_LIST_GAP.fullmatch(gap)) == bool(arms_patterns._LIST_GAP.fullmatch(gap)), (
            gap
        )


# --- the registry ---------------------------------------------------------------------------


def _regimen(*names: str) -> Regimen:
    """A regimen of drug (lower case), class ("a taxane") and placebo mentions."""
    hits, pos = [], 0
    for name in names:
        if name == "placebo":
            hit = Hit("placebo", pos, pos + 7, name, name)
        elif name.startswith("a "):
            hit = Hit("class", pos, pos + len(name), name, name[2:])
        else:
            hit = Hit("drug", pos, pos + len(name), name, name, [name])
        hits.append(hit)
        pos = hit.end + 6
    return Regimen(hits[0].start, hits[-1].end, hits)


class _OldRegistry(ArmRegistry):
    """``ArmRegistry`` with round 12's merge test, as written before ``_same_drugs``."""

    def add(self, reg: Regimen, label: str | None, options: set[str] | None = None) -> Arm | None:
        self.frozen = None
        drugs = reg.drugs
        placebo = reg.has_placebo
        classes = {arms_model._class_label(h.text) for h in reg.hits if h.kind == "class"}
        if not drugs and not placebo and not classes:
            return None
        labels = ({label} if label else set()) | classes
        for arm in self.arms:
            if not arm.special and (
                (arm.drugs == drugs and (drugs or arm.labels & classes))
                or (
                    not drugs
                    and not placebo
                    and classes <= arm.labels
                    and not arms_model._letters_drugless_arm(arm, label)
                )
            ):
                arm.has_placebo |= placebo
                arm.labels |= labels
                arm.options |= options or set()
                self.stamp(arm)
                return arm
        arm = Arm(drugs, placebo, labels, options=set(options or ()))
        self.stamp(arm)
        self.arms.append(arm)
        return arm


_REGIMENS = [
    ("trastuzumab",), ("trastuzumab", "placebo"), ("placebo",), ("a taxane",),
    ("trastuzumab", "a taxane"), ("lapatinib", "trastuzumab"), ("lapatinib",),
]  # fmt: skip
_LABELS = [None, "a", "b", "taxane"]


def _state(reg: ArmRegistry) -> list[tuple]:
    return [(a, sorted(a.labels), sorted(a.options), a.defined_at) for a in reg.arms]


def test_add_merges_as_before():
    # Every sequence of three adds (regimen, label), with a physician's-choice arm first or not.
    steps = list(itertools.product(_REGIMENS, _LABELS))
    for special in (False, True):
        for seq in itertools.product(steps, repeat=3):
            old, new = _OldRegistry(class_members={}), ArmRegistry(class_members={})
            for reg in (old, new):
                if special:
                    reg.add_special(arms_patterns.PHYSICIANS_CHOICE, None)
                for at, (names, label) in enumerate(seq):
                    reg.at = at
                    got = reg.add(_regimen(*names), label, {"capecitabine"} if at else None)
                    assert got is None or any(a is got for a in reg.arms)
            assert _state(old) == _state(new), seq


def _old_same_arm(a: Arm, b: Arm) -> bool:
    return a.drugs == b.drugs and a.has_placebo == b.has_placebo and not a.special


def test_same_arm_as_before():
    cands = [
        Arm(list(d), p, special=s)
        for d in ([], ["trastuzumab"], ["lapatinib", "trastuzumab"])
        for p in (False, True)
        for s in (None, arms_patterns.PHYSICIANS_CHOICE)
    ]
    for a, b in itertools.product(cands, repeat=2):
        assert arms_model._same_arm(a, b) == _old_same_arm(a, b), (a, b)


def _old_add_twin_arm(reg: ArmRegistry, r: Regimen, label: str | None, options: set[str]) -> Arm:
    reg.frozen = None
    arm = Arm(list(r.drugs), r.has_placebo, {label} if label else set(), options=set(options))
    reg.arms.append(arm)
    return arm


def _old_add_lettered_arm(reg: ArmRegistry, regimen: Regimen, label: str) -> None:
    drugs = regimen.drugs
    twin = any(
        a.drugs == drugs and not a.special and a.labels and label not in a.labels for a in reg.arms
    )
    if not twin or not drugs:
        reg.add(regimen, label)
        return
    reg.frozen = None
    reg.arms.append(Arm(list(drugs), regimen.has_placebo, {label}))


def _registry() -> ArmRegistry:
    reg = ArmRegistry(class_members={})
    reg.at = 3
    reg.add(_regimen("trastuzumab", "paclitaxel"), "a")
    reg.add_special(arms_patterns.PHYSICIANS_CHOICE, None)
    reg.freeze()
    return reg


def test_add_own_is_the_twin_arm_of_before():
    for names, label, options in itertools.product(_REGIMENS, _LABELS, (set(), {"capecitabine"})):
        old, new = _registry(), _registry()
        r = _regimen(*names)
        a = _old_add_twin_arm(old, r, label, options)
        b = new.add_own(r, label, options)
        assert _state(old) == _state(new)
        assert a == b and a.labels == b.labels and a.defined_at == b.defined_at == []
        assert old.frozen is new.frozen is None
        assert b.drugs is not r.drugs and b.options is not options  # (copies, as before)


def test_lettered_arm_added_as_before():
    for names, label in itertools.product(
        [*_REGIMENS, ("trastuzumab", "paclitaxel"), ("paclitaxel", "trastuzumab", "placebo")],
        ["a", "b", "c"],
    ):
        old, new = _registry(), _registry()
        _old_add_lettered_arm(old, _regimen(*names), label)
        arms_lettered._add_lettered_arm(new, _regimen(*names), label)
        assert _state(old) == _state(new), (names, label)
        assert old.frozen is None and new.frozen is None


# --- DESTINY-Breast02: physician's-choice options with dose brackets ------------------------

DB02 = (
    "Trastuzumab deruxtecan versus treatment of physician's choice in HER2-positive metastatic "
    "breast cancer (DESTINY-Breast02)\n\n"
    "Patients were randomly assigned to trastuzumab deruxtecan or treatment of physician's "
    "choice (trastuzumab [8 mg/kg] plus capecitabine [1250 mg/m2] or lapatinib [1250 mg] plus "
    "capecitabine [1000 mg/m2]). Grade 3 diarrhoea occurred in 5% with lapatinib plus "
    "capecitabine and in 2% with trastuzumab deruxtecan."
)


def test_dosed_physicians_choice_options_are_options_not_arms(nlp):
    # Before: the dose brackets hid the options bracket, so "lapatinib plus capecitabine" was
    # an arm of its own and took the 5%.
    reg = registry_of(nlp, DB02)
    assert [a.name for a in reg.arms] == ["trastuzumab deruxtecan", arms_patterns.PHYSICIANS_CHOICE]
    assert reg.arms[1].options == {"trastuzumab", "capecitabine", "lapatinib"}
    assert arms_of(nlp, DB02) == {
        5.0: arms_patterns.PHYSICIANS_CHOICE,
        2.0: "trastuzumab deruxtecan",
    }


def test_dosed_bracket_after_a_regimen_is_not_options(nlp):
    # Negative: dose brackets in a design that names no physician's choice stay arms.
    text = (
        "Patients were randomly assigned to trastuzumab [8 mg/kg] plus capecitabine "
        "[1250 mg/m2] or lapatinib [1250 mg] plus capecitabine [1000 mg/m2]."
    )
    assert [a.name for a in registry_of(nlp, text).arms] == [
        "capecitabine+trastuzumab",
        "capecitabine+lapatinib",
    ]
