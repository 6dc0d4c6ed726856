"""The arm types and their per-document registry.

``Arm`` (a regimen or group the text defined), ``ArmRef`` (a mention of an arm in a result
sentence), ``ArmRegistry`` (the text's arms, their labels and short forms, resolution of drugs
to an arm) and the small queries on a registry the readers share.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from her2mine.extract.fastre import compiled
from her2mine.extract.hits import Hit
from her2mine.extract.lexicon import load_lexicons
from her2mine.extract.regimens import Regimen

if TYPE_CHECKING:  # (factorial imports this module)
    from her2mine.extract.arms.factorial import Factorial


@dataclass
class Arm:
    drugs: list[str]
    has_placebo: bool = False
    labels: set[str] = field(default_factory=set)
    special: str | None = None  # "physician's choice"
    options: set[str] = field(default_factory=set)  # investigator's-choice partners
    core: list[str] | None = None  # the drugs as defined, before drugs given to every arm
    # A drug class stood in its definition ("trastuzumab plus chemotherapy"): ``drugs`` does
    # not count all it gives (see ``_sized_arm``).
    with_class: bool = field(default=False, compare=False, repr=False)
    # Starts of the design sentences that defined the arm (a review defines each cited trial's
    # arms in its own sentence: see ``scoped_registry``).
    defined_at: list[int] = field(default_factory=list, compare=False, repr=False)

    @property
    def name(self) -> str | None:
        if self.special or self.drugs:
            return self.special or "+".join(self.drugs)
        # A placebo/observation-only group is still an arm of the comparison; its values get
        # arm null in the output (see ``output_arm``).
        return PLACEBO_ONLY if self.has_placebo else None

    def extend(self, drugs: set[str]) -> None:
        """Add drugs given to every arm (a backbone), keeping the defining drugs."""
        if self.core is None:
            self.core = list(self.drugs)
        self.drugs = sorted(set(self.drugs) | drugs)


PLACEBO_ONLY = "placebo"  # internal arm name of a group that received no drug
# Internal arm name of a reference to an arm whose regimen names no drug ("chemotherapy alone",
# a bare "without"): like a placebo-only group, an arm of the comparison with arm null.
NO_NAMED_DRUG = "(no named drug)"


def output_arm(arm: str | None) -> str | None:
    """The contract's arm: a placebo-only group or an arm naming no drug has none, so null."""
    return None if arm in (PLACEBO_ONLY, NO_NAMED_DRUG) else arm


def ref_name(arm: Arm) -> str:
    """The arm name a reference to ``arm`` carries: its name, or ``NO_NAMED_DRUG`` for an arm
    that names no drug, so that a comparison with it can be carried to a later sentence's bare
    pair ("89.8% with chemotherapy plus trastuzumab and 89.2% with chemotherapy alone. The
    5-year OS was 94.8% versus 96.3%")."""
    return arm.name or NO_NAMED_DRUG


@dataclass
class ArmRef:
    """A reference to an arm in a sentence (regimen, "X group", physician's choice)."""

    start: int
    end: int
    arm: str | None
    in_list: bool = False  # part of "A versus B" / "A or B"
    enumerated: bool = False  # one label of "arms A, B and C" / "the A and B arms"
    # the drugs a regimen reference writes itself ("trastuzumab" may name the lapatinib plus
    # trastuzumab arm, the one arm holding it); empty for labels and short forms
    drugs: tuple[str, ...] = ()


def _label_written(label: str) -> str:
    """A pattern for ``label`` as the text may write it: a hyphen or a space of the label is
    either ("(400-mg group)" ... "the 400 mg group"), one character for one as before."""
    return re.escape(label).replace(r"\-", r"[\s-]").replace(r"\ ", r"[\s-]")


@dataclass
class ArmRegistry:
    arms: list[Arm] = field(default_factory=list)
    tpc_aliases: set[str] = field(default_factory=set)  # "physician's choice (PC)" → "PC"
    # "AC followed by T-DM1 plus pertuzumab (AC-KP)": compound short forms of design arms
    short_forms: dict[str, Arm] = field(default_factory=dict)
    # "or the combination (TL)": short forms no drug mention spells, found as words
    bare_forms: dict[str, Arm] = field(default_factory=dict)
    # where a later bracket gives a bare form another meaning ("B plus C (PH)"): it names its
    # arm only before there (``_redefined_bare_forms``)
    bare_form_ends: dict[str, int] = field(default_factory=dict)
    # "randomly assigned to 12 or 24 weeks of A": the groups of the one regimen compared by
    # duration (``_duration_design``), 0 when the design compares no durations
    duration_groups: int = 0
    # a factorial design's factors (``factorial.Factorial``), None for any other design
    factorial: Factorial | None = field(default=None, repr=False, compare=False)
    # Labels and their patterns, which the group-word readings of ``arm_refs`` need: set by
    # ``freeze`` when first needed (``add`` clears it).
    frozen: tuple[list[str], list[re.Pattern[str]]] | None = field(
        default=None, repr=False, compare=False
    )
    # The bare forms that are doses ("5.4 mg/kg"), as patterns of their written variants with
    # their arms, those of a number two arms share left out (``mentions._dose_forms``): built
    # once, the first time a result sentence needs them (the design is read by then).
    dose_forms: list[tuple[re.Pattern[str], Arm]] | None = field(
        default=None, repr=False, compare=False
    )
    at: int = field(default=-1, repr=False, compare=False)  # the design sentence being read
    # "chemotherapy consisting of A plus B": the label of each class a design sentence defines
    # with the drugs it stands for (``classes.defined_class_backbone``, round 96b)
    defined_classes: dict[str, frozenset[str]] = field(
        default_factory=dict, repr=False, compare=False
    )
    # Drugs of the classes a group may be named by ("the anthracycline group"): the drug
    # lexicon's "subclass" data (``DrugLexicon.class_members``), the package's unless given.
    class_members: dict[str, frozenset[str]] = field(
        default_factory=lambda: load_lexicons().drugs.class_members, repr=False, compare=False
    )
    # Each drug's lexicon class (``DrugLexicon.drug_class``): what role an alternative of a
    # shared backbone plays (``backbones.role``), the package's unless given.
    drug_class: dict[str, str] = field(
        default_factory=lambda: load_lexicons().drugs.drug_class, repr=False, compare=False
    )

    # Starts of the trials named after the design sentences that are not among those named up
    # to them: other trials a result sentence may quote (``names_other_trial``).
    other_trial_starts: list[int] = field(default_factory=list, repr=False, compare=False)

    def names_other_trial(self, s: int, e: int) -> bool:
        """Whether sentence [s, e) names a trial other than the study's own."""
        starts = self.other_trial_starts
        if not starts:
            return False
        i = bisect_left(starts, s)
        return i < len(starts) and starts[i] < e

    def design_starts(self) -> set[int]:
        """Starts of the design sentences that defined the arms (``stamp``)."""
        return {at for arm in self.arms for at in arm.defined_at}

    def stamp(self, arm: Arm) -> None:
        """Record that the design sentence being read defines ``arm``."""
        if self.at >= 0 and self.at not in arm.defined_at:
            arm.defined_at.append(self.at)

    def freeze(self) -> None:
        labels = self.labels()
        self.frozen = (
            labels,
            [compiled(r"(?<![\w-])" + _label_written(lb) + r"[\s-]*$", re.I) for lb in labels],
        )

    def add(self, reg: Regimen, label: str | None, options: set[str] | None = None) -> Arm | None:
        self.frozen = None
        drugs = reg.drugs
        placebo = reg.has_placebo  # (a scan of the hits: read once)
        classes = {_hit_class_label(h) for h in reg.hits if h.kind == "class"}
        if not drugs and not placebo and not classes:
            return None
        labels = ({label} if label else set()) | classes
        for arm in self.arms:
            # (unlike ``_same_arm``, the arm may differ in placebo: "X" names "X plus placebo")
            if _same_drugs(arm, drugs) and self._options_apart(arm, options):
                continue
            if (_same_drugs(arm, drugs) and (drugs or arm.labels & classes)) or (
                # "the anthracycline group" after "(anthracycline group)" labelled an arm
                not arm.special
                and not drugs
                and not placebo
                and classes <= arm.labels
                and not _letters_drugless_arm(arm, label)
                and not self._class_only_alternative(arm)
            ):
                arm.has_placebo |= placebo
                arm.with_class |= bool(classes)
                arm.labels |= labels
                arm.options |= options or set()
                self.stamp(arm)
                return arm
        arm = Arm(drugs, placebo, labels, options=set(options or ()), with_class=bool(classes))
        self.stamp(arm)
        self.arms.append(arm)
        return arm

    def _class_only_alternative(self, arm: Arm) -> bool:
        """Whether a class-only regimen is an arm of its own beside ``arm``, a drug arm the
        design sentence being read defined with that class ("trastuzumab plus chemotherapy or
        chemotherapy alone"): the sentence offers both, so the class-only one is the drugless
        arm, not a second name of the drug arm (in later sentences it still names the arm
        that class labelled: "the anthracycline group")."""
        return bool(arm.drugs) and self.at >= 0 and self.at in arm.defined_at

    def _options_apart(self, arm: Arm, options: set[str] | None) -> bool:
        """Whether ``arm``, of the same drugs as a regimen with ``options``, is another arm of
        the design sentence being read: "A plus chemotherapy (X or Y) or A alone" offers two
        arms, one with per-patient partners and one without (in later sentences a mention of
        A without its options is the same arm)."""
        return self.at >= 0 and self.at in arm.defined_at and bool(options) != bool(arm.options)

    def add_own(self, reg: Regimen, label: str | None, options: set[str] | None = None) -> Arm:
        """An arm of its own for ``reg``, though another has its drugs (N9831's sequential and
        concurrent arms, ``_add_lettered_arm``; a twin alternative, ``_twin_alternative``): one
        name with its twin, but the design keeps its number of arms (a bare "vs 31.6%" is not
        the first twin's). Not stamped (``stamp``) as defining the sentence, unlike ``add``."""
        self.frozen = None
        labels = {label} if label else set()
        drugs, classes = list(reg.drugs), any(h.kind == "class" for h in reg.hits)
        arm = Arm(drugs, reg.has_placebo, labels, options=set(options or ()), with_class=classes)
        self.arms.append(arm)
        return arm

    def superset_of(self, drugs: list[str]) -> Arm | None:
        """The only arm that contains ``drugs`` (a partial mention such as "pertuzumab")."""
        ds = set(drugs)
        cands = [a for a in self.arms if ds and ds <= set(a.drugs) | a.options]
        return cands[0] if len(cands) == 1 else None

    def resolve_drugs(
        self, drugs: list[str], *, placebo: bool = False, fill: bool = True
    ) -> str | None:
        """Full regimen for a (possibly partial) mention: exact arm, else the only arm containing
        it (placebo mentions prefer the placebo arm); a mention of one of an arm's
        investigator's-choice partners is that arm with that partner. ``fill``: whether a
        class-written arm takes a drug of its options or class (``_class_filled``); not in a
        sentence about another trial."""
        if not drugs:
            return self.by_label("placebo") if placebo else None
        ds = set(drugs)
        for arm in self.arms:
            if set(arm.drugs) == ds and not arm.options:
                return arm.name
        core = [a for a in self.arms if a.core is not None and set(a.core) == ds]
        if len(core) == 1 or _twins(core):
            return core[0].name  # "with neratinib" after paclitaxel was added to every arm
        cands = [a for a in self.arms if ds <= set(a.drugs)]
        if placebo:
            cands = [a for a in cands if a.has_placebo] or cands
        if len(cands) == 1 or _twins(cands):
            return cands[0].name
        if not cands:
            opt = [a for a in self.arms if a.options and ds <= set(a.drugs) | a.options]
            if len(opt) == 1 and opt[0].special:
                return opt[0].name  # one of physician's choice options names that arm
            if len(opt) == 1 and fill:
                return "+".join(sorted(set(opt[0].drugs) | ds))
            filled = self._class_filled(ds) if fill else None
            if filled is not None:
                return filled
        if len(cands) >= 2:
            return None  # a drug every such arm shares does not name one of them
        return "+".join(sorted(ds))

    def _class_filled(self, ds: set[str]) -> str | None:
        """A single-arm design written with a class ("pertuzumab and trastuzumab with
        investigator-selected taxane"): drugs of that class name the arm with them ("19.6, 23.0
        and 18.1 months with docetaxel, paclitaxel and nab-paclitaxel, respectively" are the
        backbone with each taxane). None with two arms or more, or a drug outside the class."""
        named = [a for a in self.arms if a.name and not a.special]
        if len(named) != 1 or not named[0].with_class or len(self.arms) != 1:
            return None
        arm = named[0]
        if all(self._in_class(d, arm.labels) for d in ds):
            return "+".join(sorted(set(arm.drugs) | ds))
        return None

    def _in_class(self, drug: str, labels: set[str]) -> bool:
        """Whether ``drug`` is of one of the classes ``labels`` name."""
        if "chemotherapy" in labels and self.drug_class.get(drug) == "chemotherapy":
            return True
        return any(drug in self.class_members.get(lb, ()) for lb in labels)

    def chemotherapy_only_arm(self) -> Arm | None:
        """The one arm whose every drug is chemotherapy, when another arm adds a drug of
        another class: "the chemotherapy group" of "paclitaxel then FEC, or the same
        chemotherapy with trastuzumab". None when no arm, or more than one, is such."""
        chemo = [
            a
            for a in self.arms
            if a.drugs and all(self.drug_class.get(d) == "chemotherapy" for d in a.drugs)
        ]
        if len(chemo) != 1 or not any(a.drugs and a is not chemo[0] for a in self.arms):
            return None
        return chemo[0]

    def add_special(self, name: str, label: str | None) -> None:
        self.frozen = None
        for arm in self.arms:
            if arm.special == name:
                if label:
                    arm.labels.add(label)
                return
        self.arms.append(Arm([], False, {label} if label else set(), special=name))

    def labels(self) -> list[str]:
        return sorted({lab for a in self.arms for lab in a.labels}, key=len, reverse=True)

    def by_label(self, label: str) -> str | None:
        label = label.lower()
        labelled = [arm for arm in self.arms if label in arm.labels]
        if labelled:
            # a class labels both arms of "A plus chemotherapy or chemotherapy alone": "the
            # chemotherapy(-alone) group" is the one without a named drug
            drugless = [a for a in labelled if not a.drugs and not a.special]
            return (drugless or labelled)[0].name
        if label in _CHEMO_MODALITIES:
            label = "chemotherapy"  # "the chemoradiation-alone group": radiation is no drug
        if label == "chemotherapy":
            tpc = [a for a in self.arms if a.special]
            if len(tpc) == 1:
                return tpc[0].name
            chemo = self.chemotherapy_only_arm()
            if chemo is not None:
                return chemo.name
        if label in ("placebo", "control", "comparator", "standard"):
            plac = [a for a in self.arms if a.has_placebo]
            if len(plac) == 1:
                return plac[0].name
            if label != "placebo" and _order_names_control(self.arms):
                other = _other_of_labelled(self.arms, ("experimental", "investigational"))
                if len(self.arms) > 2:
                    base = _only_backbone(self.arms)
                    return base.name if base is not None else None
                backbone = _backbone_written_first(self.arms, self.drug_class)
                return (other or backbone or self.arms[-1]).name
        if label in ("experimental", "investigational") and len(self.arms) >= 2:
            if len(self.arms) == 2 and any("control" in a.labels for a in self.arms):
                # "A (control; ...) or B": the experimental arm is the one not labelled control
                return next(a for a in self.arms if "control" not in a.labels).name
            non = [a for a in self.arms if not a.has_placebo]
            if len(non) == 2 and _backbone_written_first(non, self.drug_class) is non[0]:
                return non[1].name  # the add-on arm; the backbone is the control (review r47)
            return (non or self.arms)[0].name
        return None


# Treatments that are chemotherapy plus modalities no arm names a drug for.
_CHEMO_MODALITIES = frozenset(
    ("chemoradiation", "chemoradiotherapy", "chemo-radiotherapy", "chemoradiation therapy",
     "trimodality", "trimodality therapy", "trimodal therapy")
)  # fmt: skip


def _order_names_control(arms: list[Arm]) -> bool:
    """Whether "the control group" of a design that labels no arm control (and has no placebo
    arm) is its last arm ("A versus B": B is the control). Not among three or more arms named
    by letter ("paclitaxel followed by FEC plus trastuzumab (arm A), lapatinib (arm B), or both
    (arm C)"; "arm A ... or arm B, with T-DM1 at progression"): lettered arms are read in any
    order, and which is the control the text must say."""
    if len(arms) < 2:
        return False
    return len(arms) == 2 or not any(len(lab) == 1 for a in arms for lab in a.labels)


def _only_backbone(arms: list[Arm]) -> Arm | None:
    """The control of three or more arms none is labelled so: the one arm whose drugs another
    arm gives with more ("docetaxel plus trastuzumab" of "... , the same plus pertuzumab, or
    T-DM1"), and that gives no such arm's drugs itself. None when no arm, or more than one, is
    such a backbone (the order of three arms does not say which is the control), or when an arm
    sharing none of its drugs is written before it ("trastuzumab plus a taxane, T-DM1, or T-DM1
    plus pertuzumab": the standard arm written first may be the control)."""
    sets = [set(a.drugs) if a.drugs and not a.special else None for a in arms]
    bases = [
        k
        for k, d in enumerate(sets)
        if d
        and any(o is not None and d < o for o in sets)
        and not any(o is not None and o < d for o in sets)
    ]
    if len(bases) != 1 or _disjoint_arm_before(sets, bases[0]):
        return None
    return arms[bases[0]]


def _disjoint_arm_before(sets: list[set[str] | None], k: int) -> bool:
    """Whether an arm written before arm ``k`` gives none of its drugs."""
    return any(o is not None and not (o & sets[k]) for o in sets[:k])


def _other_of_labelled(arms: list[Arm], labels: tuple[str, ...]) -> Arm | None:
    """Of two arms, the one not labelled by any of ``labels`` when the other is: "A
    (experimental arm) or B" makes B the control, whichever the drugs or order would name."""
    if len(arms) != 2:
        return None
    marked = [any(lab in a.labels for lab in labels) for a in arms]
    if marked.count(True) != 1:
        return None
    return arms[marked.index(False)]


def _backbone_written_first(arms: list[Arm], drug_class: dict[str, str]) -> Arm | None:
    """The first of two arms when the second is it plus added non-chemotherapy drugs
    ("carboplatin-paclitaxel alone or with trastuzumab", "docetaxel or docetaxel plus X"): the
    backbone a drug is added to is the control, whichever arm is written last. Not when the
    added drugs hold chemotherapy: "HP or HP plus docetaxel" de-escalates from the fuller arm.
    None for any other design."""
    if len(arms) != 2 or any(a.special for a in arms):
        return None
    first, second = (set(a.drugs) for a in arms)
    if not first or not first < second:
        return None
    if any(drug_class.get(d) == "chemotherapy" for d in second - first):
        return None
    return arms[0]


def scoped_registry(reg: ArmRegistry, arms: list[Arm]) -> ArmRegistry:
    """A registry of ``arms`` (a subset of ``reg``'s, in its order): the arms of the one trial a
    review's sentence is about, so that "placebo" or "the control group" there does not resolve
    to another cited trial's arm. Short forms of the other arms are dropped."""
    ids = {id(a) for a in reg.arms}
    kept = {id(a) for a in arms}
    forms = {k: v for k, v in reg.short_forms.items() if id(v) in kept or id(v) not in ids}
    return ArmRegistry(
        list(arms),
        set(reg.tpc_aliases),
        forms,
        class_members=reg.class_members,
        drug_class=reg.drug_class,
    )


def _twins(arms: list[Arm]) -> bool:
    """Whether ``arms`` are two or more arms of one name (N9831's sequential and concurrent
    arms: the same drugs in another order), which a mention of their drugs names alike."""
    return len(arms) >= 2 and arms[0].name is not None and all(a.name == arms[0].name for a in arms)


def _letters_drugless_arm(arm: Arm, label: str | None) -> bool:
    """ "anti-HER2 therapy + endocrine therapy (Arm A)" after "palbociclib + anti-HER2 therapy +
    endocrine therapy": a letter label given to a class-only regimen defines a drugless arm of
    its own, not the drug arm that shares its class."""
    return bool(arm.drugs) and label is not None and len(label) == 1


def _class_label(written: str) -> str:
    """ "a taxane" / "Taxanes" / "standard-of-care chemotherapy" → "taxane" / "chemotherapy"."""
    word = written.lower().split()[-1]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _hit_class_label(h: Hit) -> str:
    """The label a class mention gives: its last word, except for a run of per-patient options
    ("docetaxel or vinorelbine", ``options.options_as_class``), which names its lexicon class:
    its last drug is no name of the arm ("the vinorelbine group" is the vinorelbine arm, not
    the trastuzumab arm given "concomitantly with docetaxel or vinorelbine")."""
    return h.canonical if h.source == "options" else _class_label(h.text)


def _same_drugs(arm: Arm, drugs: list[str]) -> bool:
    """Whether ``arm`` is a drug arm (not physician's choice) of exactly ``drugs``: what both
    ``ArmRegistry.add`` and ``_same_arm`` merge on (``_add_lettered_arm`` keeps it apart)."""
    return not arm.special and arm.drugs == drugs


def _same_arm(a: Arm, b: Arm) -> bool:
    """Whether arm ``b`` of another trial's design is ``a`` (its placebo too: "X plus placebo"
    and "X" are two arms of a review's designs)."""
    return _same_drugs(a, b.drugs) and a.has_placebo == b.has_placebo


def _defined_arms(reg: ArmRegistry) -> int:
    """Arms the randomisation sentences defined. A group named by a drug class only
    ("standard chemotherapy alone or standard chemotherapy plus trastuzumab") is one of them:
    with two such arms, a later "patients who ... were treated with A, and the others received
    B" says what chemotherapy each patient got inside the arms, not which arms there are."""
    return sum(1 for a in reg.arms if a.name or a.labels)


def _arm_of_exactly(registry: ArmRegistry, drugs: set[str]) -> Arm | None:
    """The arm whose drugs (or defining drugs) are exactly ``drugs`` (none: the drugless arm)."""
    for arm in registry.arms:
        if not arm.special and (
            set(arm.drugs) == drugs or (arm.core is not None and set(arm.core) == drugs)
        ):
            return arm
    return None
