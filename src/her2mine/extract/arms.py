"""Treatment arms: a per-document registry of regimens and group names, and arm references.

The registry is read from design sentences ("randomly assigned to receive A (control group) or B
(pertuzumab group)"); later "the control group", "the pertuzumab group", "placebo" or a partial
regimen ("with pertuzumab") resolve to the full regimen the text defined.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import attrgetter

from her2mine.extract.backbones import SharedBackbone, role, shared_backbone
from her2mine.extract.fastre import (
    GateSet,
    WordGate,
    compiled,
    last_match,
    literal_safe,
    literal_starts,
    search_from_end,
    sentences_matching,
    sentences_matching_at,
    word_start,
)
from her2mine.extract.hits import Hit
from her2mine.extract.lexicon import load_lexicons, lower_same_length
from her2mine.extract.regimens import (
    GIVEN_TOGETHER,
    OPTIONAL_ARTICLE,
    OR_BOTH,
    SEQUENCE_WORDS,
    THE_COMBINATION,
    Regimen,
    chains_before,
    gap_kind,
    group_regimens,
    is_schedule_or_alone,
    without_schedules,
)

PHYSICIANS_CHOICE = "physician's choice"

_DESIGN = re.compile(
    word_start(
        [r"random\w*", r"assign\w*", r"allocat\w*", r"receiv\w*", "treated", r"compar\w*",
         "versus", r"vs\.?", "enrolled", "given", "administered", r"divided\s+into"]
    )
    + r"\b"
)  # fmt: skip
_PRIOR_ALTS = [
    "previously", "prior", "pretreated", "pre-treated", "after", "following",
    r"progress\w*\s+(?:on|after|during)", "refractory", "resistant", r"had\s+received", "exposure",
    "exposed", "failure", "failed", r"history\s+of", "naive", "naïve", "eligible",
    # "treated within one year of trastuzumab": a time since an earlier therapy (round 52); the
    # time unit keeps out "within each of the X and Y arms" (review of round 52)
    r"within\s+(?:[\w-]+\s+){0,2}(?:days?|weeks?|months?|years?)\s+of",
]  # fmt: skip
_PRIOR_TAIL = r"\b[\w\s,-]{0,40}$"
_PRIOR = re.compile(word_start(_PRIOR_ALTS) + _PRIOR_TAIL)
# A literal every _PRIOR match contains (lower case).
_PRIOR_WORDS = (
    "previously", "prior", "pretreated", "pre-treated", "progress", "after", "following",
    "refractory", "resistant", "had", "expos", "fail", "history", "naive", "naïve", "eligible",
    "within",
)  # fmt: skip
# ("module": a modular study's parts, "T-DXd alone (module 0)" ... "85.9% in module 0")
_GROUP_WORDS = ("group", "arm", "cohort", "module")


_PRIOR_GATE = WordGate(_PRIOR_WORDS)
GROUP_GATE = WordGate(_GROUP_WORDS)  # also read by outcomes
# _TPC and _TPC_ALIAS are case-sensitive and every match holds one of these.
_TPC_WORDS = ("choice", "TPC", "ICT")
_TPC_GATE = WordGate(_TPC_WORDS)  # asked about the text itself (the words are case-sensitive)
_GROUP_WORD = re.compile(word_start(["groups?", "arms?", "cohorts?", "modules?"]) + r"\b")
_GROUP_LABEL = re.compile(
    "("
    + word_start(
        ["control", "placebo", "comparator", "standard", "experimental", "investigational",
         "chemotherapy"]
    )
    + r")(?:[\s-]+(?:treatment|therapy))?\s*$",
    re.I,
)  # fmt: skip
_TPC_OF = r"\s+of\s+(?:the\s+)?(?:physician|investigator)['’]?s['’]?\s+choice"
_TPC_CHOICE = (
    r"['’]?s['’]?\s*(?:choice|-choice)(?:\s+(?:of\s+)?(?:treatment|therapy|chemotherapy))?"
)
_TPC = re.compile(
    word_start(
        ["treatment" + _TPC_OF, "therapy" + _TPC_OF, "physician" + _TPC_CHOICE,
         "investigator" + _TPC_CHOICE, "TPC", "ICT"],
        ignore_case=False,
    )
    + r"\b"
)  # fmt: skip


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
    # Labels and their patterns, which the group-word readings of ``arm_refs`` need: set by
    # ``freeze`` when first needed (``add`` clears it).
    frozen: tuple[list[str], list[re.Pattern[str]]] | None = field(
        default=None, repr=False, compare=False
    )
    at: int = field(default=-1, repr=False, compare=False)  # the design sentence being read
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
            [compiled(r"(?<![\w-])" + re.escape(lb) + r"[\s-]*$", re.I) for lb in labels],
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


# Design sentences proper (randomisation) and looser ones (who received what).
_RANDOMISED = re.compile(
    word_start([r"randomi[sz]\w*", r"random\w*", r"assign\w*", r"allocat\w*"]) + r"\b"
)
# "In this randomized clinical trial of 329 patients", "an open-label, randomised phase 3 trial",
# "Of 329 randomized patients": "randomized" naming the kind of study (or of patients), not the
# act of assigning them (up to four words before the noun, none a preposition or conjunction of
# a verb's use: "randomized to", "randomized in a 2:1 ratio").
_RANDOMISED_STUDY = re.compile(
    r"\brandomi[sz]ed(?:,?\s+(?!(?:to|in|into|between|at|by|from|for|and|or|on|with|after|"
    r"according|across|within|among|using|via)\b)[\w-]+){0,4}?,?\s+"
    r"(?:trials?|stud(?:y|ies)|patients|women)\b",
    re.I,
)


def _results_of_a_randomised_study(text: str, s: int, e: int) -> bool:
    """Whether sentence [s, e) reports results ("%") of a study it only calls randomised ("In
    this randomized clinical trial of 329 patients, the tpCR rate was 39.3% with pertuzumab and
    21.8% with placebo", JAMA's Key Points): its regimens are the arms' short names, so it is
    read after the design sentences (with them when those define fewer than two arms), not as
    the randomisation."""
    if text.find("%", s, e) < 0:
        return False
    studies = [m.start() for m in _RANDOMISED_STUDY.finditer(text, s, e)]
    if not studies:
        return False
    return all(m.start() in studies for m in _RANDOMISED.finditer(text, s, e))


# The literal each match of _RANDOMISED / _DESIGN starts with (lower case).
_RANDOMISED_WORDS = ("random", "assign", "allocat")
_DESIGN_WORDS = (
    "random", "assign", "allocat", "receiv", "treated", "compar", "versus", "vs", "enrolled",
    "given", "administered", "divided",
)  # fmt: skip
# "... (docetaxel or paclitaxel)", "(with or without pertuzumab)": partners that differ by
# patient are options, not part of the arm.
_BRACKET = re.compile(r"[\[(]([^\[\]()]*)[\])]")
_BRACKET_GATE = WordGate(("(", "["))
_OPTIONAL = re.compile(r"\bwith\s+or\s+without\b", re.I)
_OR = re.compile(r"\bor\b", re.I)


def option_hits(text: str, hits: list[Hit], s: int, e: int) -> set[int]:
    """Starts of the drug hits that sit in an options bracket ("(A, B, or C)", "(with or
    without A)") inside [s, e)."""
    starts: set[int] = set()
    if not hits or not _BRACKET_GATE.may_hold(text, s, e):
        return starts  # no drug to be an option, or no bracket to hold one
    for m in _BRACKET.finditer(text, s, e):
        a, b = m.span()  # (read once, not per hit)
        # Both tests below need an "or" in the body (_OPTIONAL's "with or without" holds one):
        # most brackets ("(n = 120)", "(T-DM1)") have none, so their hits are never gathered.
        if _OR.search(text, a + 1, b - 1) is None:
            continue
        inner = [h for h in hits if a < h.start and h.end < b and h.drugs]
        if not inner:
            continue
        body = m.group(1)
        optional = _OPTIONAL.search(body)
        if optional is not None:
            inner = _optional_part(text, m.start(1) + optional.start(), inner)
        if len(inner) >= 2 or optional is not None:
            label = _short_form_after_semicolon(text, m, inner)
            starts.update(h.start for h in inner if h is not label)
    return starts


def _optional_part(text: str, at: int, inner: list[Hit]) -> list[Hit]:
    """The options of a bracket holding "with or without" (at ``at``): the drugs after it.
    "group B (trastuzumab and pertuzumab, with or without endocrine therapy)" gives every
    patient the drugs before it; those are options only when they are a choice themselves
    ("(docetaxel or paclitaxel, with or without pertuzumab)")."""
    a = inner[0].start
    if a >= at or _OR.search(text, a, at) is not None:
        return inner
    return [h for h in inner if h.start > at]


_LAST_PART = re.compile(r";\s*([^;]*?)\s*$")


def _short_form_after_semicolon(text: str, m: re.Match[str], inner: list[Hit]) -> Hit | None:
    """The mention that is all of an options bracket's last ";" part: "a taxane (docetaxel or
    paclitaxel; HT)" names the regimen HT there, it is not one more option."""
    last = _LAST_PART.search(m.group(1))
    if last is None or not last.group(1):
        return None
    a = m.start(1) + last.start(1)
    b = m.start(1) + last.end(1)
    h = inner[-1]
    return h if h.start == a and h.end == b else None


def build_registry(
    text: str,
    sentences: list[tuple[int, int]],
    drug_hits: list[Hit],
    low: str | None = None,
    trials: list[tuple[int, str]] | None = None,
    class_members: dict[str, frozenset[str]] | None = None,
    drug_class: dict[str, str] | None = None,
) -> ArmRegistry:
    """Arms defined by the design sentences: randomisation sentences first; sentences that only
    say who received what are read when those did not define two arms. ``low`` =
    ``lower_same_length(text)`` if the caller has it; ``trials``: (start, name) of the named
    trials, in order (see ``_read_other_trials_designs``); ``class_members``: the drug
    lexicon's ``DrugLexicon.class_members`` and ``drug_class`` (the package lexicon's if
    None)."""
    reg = ArmRegistry()
    if class_members is not None:
        reg.class_members = class_members
    if drug_class is not None:
        reg.drug_class = drug_class
    sentences = [tuple(x) for x in sentences]
    low = lower_same_length(text) if low is None else low
    literal = literal_safe(text)
    randomised = _matching(_RANDOMISED, _RANDOMISED_WORDS, text, low, sentences, literal)
    randomised = [
        ok and not _results_of_a_randomised_study(text, s, e)
        for (s, e), ok in zip(sentences, randomised, strict=True)
    ]
    primary = [x for x, ok in zip(sentences, randomised, strict=True) if ok]
    gate = low if literal else None
    _read_design(text, primary, drug_hits, reg, gate)
    read = primary
    if _defined_arms(reg) < 2 and _LETTERED_VERB_GATE.may_hold(gate, 0, len(text)):
        _read_described_arms(text, sentences, drug_hits, reg)
    if _defined_arms(reg) < 2 and _PARTNER_SHARE_GATE.may_hold(gate, 0, len(text)):
        _read_partner_shares(text, sentences, drug_hits, reg, gate)
    if _defined_arms(reg) < 2:
        design = _matching(_DESIGN, _DESIGN_WORDS, text, low, sentences, literal)
        rest = [x for x, r, d in zip(sentences, randomised, design, strict=True) if d and not r]
        _read_design(text, rest, drug_hits, reg, gate)
        if len(reg.arms) >= 2:
            _drop_result_parts(text, sentences, reg)
        read = sorted(primary + rest)
    elif trials and len(trials) >= 2 and reg.arms and len({c for _, c in trials}) >= 2:
        design = _matching(_DESIGN, _DESIGN_WORDS, text, low, sentences, literal)
        rest = [x for x, r, d in zip(sentences, randomised, design, strict=True) if d and not r]
        if rest:
            _read_other_trials_designs(text, sentences, rest, drug_hits, reg, gate, trials)
    if _defined_arms(reg) >= 2 and _LETTER_LABEL_GATE.may_hold(gate, 0, len(text)):
        _read_next_lettered_arm(text, sentences, randomised, drug_hits, reg)
    _duration_design(text, low, read, reg)
    if sum(1 for a in reg.arms if a.name) >= 2:
        both = _matching(_BOTH, _ALL_WORDS, text, low, sentences, literal)
        if any(both):
            said = [x for x, ok in zip(sentences, both, strict=True) if ok]
            _given_to_all(text, said, drug_hits, reg)
        if _GIVEN_IN_ALL_GATE.may_hold(low, 0, len(low)):
            _given_in_all(text, sentences, drug_hits, reg)
    if "combination" in low:
        _name_the_combination(text, primary, reg)
        _name_the_combination_of_both(text, reg)
    if "added" in low:  # every _ADDED_TO_ALL match holds it
        added = sentences_matching(_ADDED_TO_ALL, text, sentences)
        backbone = [x for x, ok in zip(sentences, added, strict=True) if ok]
        _later_backbone(text, backbone, drug_hits, reg)
    if len(reg.arms) >= 3:
        _class_groups_to_drug_arms(reg)
        _fold_class_written_arms(reg)
    if "metronomic" in low or _has_low_dose(low):
        _label_by_schedule_adjective(text, drug_hits, reg)
    if trials:
        _mark_other_trials(reg, sentences, trials)
    if reg.bare_forms:
        _redefined_bare_forms(text, drug_hits, reg)
    # (not frozen here: ``arm_refs`` freezes it the first time a sentence has a group word,
    # which many documents never have)
    return reg


# A sentence that reports a result: a percentage or a time in months.
_RESULT_VALUE = re.compile(r"\d\s*%|\d\s*(?:months?|mo)\b")
# ... and does not define a group of its own: a patient count ("another 40 patients received
# pyrotinib") or a word of a single-drug arm ("pyrotinib alone").
_OWN_GROUP = re.compile(
    r"\b\d+\s+(?:patients|women|participants|subjects)\b|"
    r"\b(?i:alone|monotherapy|single[\s-]agent|only|another|others|remaining)\b"
)


def _drop_result_parts(text: str, sentences: list[tuple[int, int]], reg: ArmRegistry) -> None:
    """ "A total of 120 patients received pyrotinib plus capecitabine. The ORR with pyrotinib was
    52.3%": a drug named in a results sentence (read as a design sentence when no randomisation
    defined two arms) that is a part of a regimen an earlier sentence gave names that regimen,
    not an arm of its own: drop such an unlabelled arm when each sentence that defined it
    defines no other arm, reports a value and counts no group of its own."""
    ends = {s: e for s, e in sentences}
    drop = []
    for arm in reg.arms:
        if arm.labels or arm.special or not arm.drugs or not arm.defined_at:
            continue
        first = min(arm.defined_at)
        whole = [
            b
            for b in reg.arms
            if b is not arm
            and set(arm.drugs) < set(b.drugs)
            and b.defined_at
            and min(b.defined_at) < first
        ]
        if whole and all(
            _reports_part_only(text, at, ends.get(at), arm, reg) for at in arm.defined_at
        ):
            drop.append(arm)
    if drop:
        reg.arms = [a for a in reg.arms if a not in drop]
        reg.frozen = None


def _reports_part_only(text: str, s: int, e: int | None, arm: Arm, reg: ArmRegistry) -> bool:
    """Whether sentence [s, e) defines only ``arm``, reports a value and counts no group."""
    if e is None or any(b is not arm and s in b.defined_at for b in reg.arms):
        return False
    return _RESULT_VALUE.search(text, s, e) is not None and _OWN_GROUP.search(text, s, e) is None


def _mark_other_trials(
    reg: ArmRegistry, sentences: list[tuple[int, int]], trials: list[tuple[int, str]]
) -> None:
    """Record the trials named after the design sentences that none named up to their end
    ("In the PHENIX trial, capecitabine gave ..." after a pyrotinib-plus-chemotherapy design):
    other trials, whose drugs are not the study's arms. A trial named before or in the design
    counts as the study's own (a background trial stays own: no change)."""
    ats = reg.design_starts()
    if not ats:
        return
    last = max(ats)
    end = sentences[max(0, bisect_right(sentences, (last, _FAR)) - 1)][1]
    own = {name for at, name in trials if at < end}
    reg.other_trial_starts = [at for at, name in trials if at >= end and name not in own]


# "Pyrotinib was combined with capecitabine in 102 patients, with vinorelbine in 38 and with
# trastuzumab in 28": one drug given with different partners, each counted, is a distribution
# of the cohort into the arms X plus each partner (a study with no randomised design).
_PARTNER_SHARE_GATE = WordGate(("with", "plus"))
_FIRST_PARTNER = re.compile(
    r"\s+(?:(?:was|were|is|are)\s+)?(?:(?:combined|given|used|administered|co-administered)\s+)?"
    r"(?:in\s+combination\s+)?with\s+(?:(?:a|an|the)\s+)?|\s*(?:plus|\+)\s*",
    re.I,
)
_PARTNER_COUNT = re.compile(
    r"(?:\s+(?:was|were)\s+(?:given|used|administered))?"
    r"\s+in\s+\d+\b(?:\s+(?:patients|women|cases|subjects))?(?:\s*\([^()]*\))?"
    r"|\s*\(\s*n\s*=\s*\d+[^()]*\)",
    re.I,
)
_NEXT_PARTNER = re.compile(
    r"\s*,?\s*(?:(?:and|or)\s+)?(?:(?:with|plus)\s+)?(?:(?:other|another|a|an)\s+)?", re.I
)
# "Prior trastuzumab was combined with docetaxel in 50 patients and with vinorelbine in 30":
# a history of earlier (or later) treatment in the clause before the drug counts the patients'
# other lines of therapy, not the study's cohorts.
_OTHER_LINE = re.compile(
    r"\b(?:prior|previous(?:ly)?|pre-?treated|pretreatment|earlier|had\s+(?:been|received)|"
    r"subsequent(?:ly)?|post-?progression|after\s+progression)\b",
    re.I,
)


def _read_partner_shares(
    text: str,
    sentences: list[tuple[int, int]],
    drug_hits: list[Hit],
    reg: ArmRegistry,
    low: str | None,
) -> None:
    """Adds the arms of the first sentence that shares one drug's patients out among two or
    more partners ("X was combined with A in 102 patients, with B in 38 and with other
    chemotherapy in 28"): X plus each named partner (a partner naming no drug adds no arm)."""
    for s, e in sentences:
        if not _PARTNER_SHARE_GATE.may_hold(low, s, e) or not _may_count_twice(low, s, e):
            continue
        hits = [h for h in drug_hits if s <= h.start and h.end <= e]
        combos = None
        if len(hits) >= 3:
            combos = _partner_shares(text, _split_at_counts(text, group_regimens(text, hits)))
        if combos is None or _other_line_before(text, s, combos[0].hits[0].start):
            continue
        if _or_joined_adc_alternative(text, combos, reg.drug_class):
            continue
        reg.at = s
        for combo in combos:
            reg.add(combo, None)
        reg.at = -1
        return


_ADC_CLASS = "ADC"  # the lexicon class of antibody-drug conjugates
# The gap before a later counted partner that repeats the shared drug's joiner ("..., with B
# in 38"); a bare "or" / "," leaves open whether B goes with the shared drug.
_JOINER_REPEATED = re.compile(r"\b(?:with|plus)\b", re.I)


def _or_joined_adc_alternative(
    text: str, combos: list[Regimen], drug_class: dict[str, str]
) -> bool:
    """Whether a later counted partner joined by a bare "or"/"," (no "with"/"plus" of its own)
    is an ADC after a first partner that is none: an ADC carries its own payload and replaces
    the shared drug's regimen ("pyrotinib plus capecitabine (n = 120) or trastuzumab emtansine
    (n = 80)" compares two regimens), where a TKI or antibody may still be one more partner
    ("given with capecitabine (n = 102), vinorelbine (n = 38) or trastuzumab (n = 28)")."""
    first = _partner_hits(combos[0])
    if any(role(d, drug_class) == _ADC_CLASS for h in first for d in h.drugs):
        return False
    if _shared_by_verb(text, combos[0]):
        return False
    for prev, combo in zip(combos, combos[1:], strict=False):
        own = _partner_hits(combo)
        if len(own) != 1 or len(own[0].drugs) != 1:
            continue
        if _JOINER_REPEATED.search(text, prev.end, own[0].start):
            continue
        if role(own[0].drugs[0], drug_class) == _ADC_CLASS:
            return True
    return False


# "X plus A (n = 120) or B": X and A form one regimen, so B may replace it; "X was given
# (combined) with A (n = 120) or B" says X went with each partner, B an ADC or not.
_BARE_JOINER = re.compile(r"\s*(?:plus|\+|with)\s*", re.I)


def _shared_by_verb(text: str, combo: Regimen) -> bool:
    """Whether the shared drug meets the first partner of ``combo`` through more than a bare
    "plus"/"with" ("X was given with A", "X in combination with A")."""
    base = [h for h in combo.hits if h.start < combo.start]
    return bool(base) and _BARE_JOINER.fullmatch(text, base[-1].end, combo.start) is None


def _partner_hits(combo: Regimen) -> list[Hit]:
    """The partner's own mentions in a ``_with_base`` regimen (the shared drug's come first)."""
    return [h for h in combo.hits if h.start >= combo.start]


def _other_line_before(text: str, s: int, pos: int) -> bool:
    """Whether the clause of sentence ``s`` before the shared drug at ``pos`` says it was an
    earlier or later line of therapy (``_OTHER_LINE``): "Prior trastuzumab was combined ...",
    "Patients had received trastuzumab plus ...". A clause before a comma is another's."""
    start = max(s, text.rfind(",", s, pos) + 1, text.rfind(";", s, pos) + 1)
    return _OTHER_LINE.search(text, start, pos) is not None


def _may_count_twice(low: str | None, s: int, e: int) -> bool:
    """Whether sentence [s, e) may hold two counts of ``_PARTNER_COUNT`` (cheap pre-test)."""
    if low is None:
        return True
    return low.count(" in ", s, e) >= 2 or low.count("n =", s, e) + low.count("n=", s, e) >= 2


def _split_at_counts(text: str, regs: list[Regimen]) -> list[Regimen]:
    """``regs`` cut after every mention a count follows: "A (n = 102), B (n = 38)" is read as
    one chain of A and B, but the counts make them items of a list."""
    out: list[Regimen] = []
    for r in regs:
        start = 0
        for k in range(len(r.hits) - 1):
            if _PARTNER_COUNT.match(text, r.hits[k].end):
                out.append(_sub_regimen(r, start, k + 1))
                start = k + 1
        out.append(r if start == 0 else _sub_regimen(r, start, len(r.hits)))
    return out


def _sub_regimen(r: Regimen, a: int, b: int) -> Regimen:
    """The regimen of ``r``'s hits ``a`` to ``b`` (exclusive)."""
    hits = r.hits[a:b]
    return Regimen(hits[0].start, hits[-1].end, hits, r.joins[a : b - 1])


def _partner_shares(text: str, regs: list[Regimen]) -> list[Regimen] | None:
    """X plus each counted partner, when ``regs`` (one sentence's) give X then two or more
    partners each followed by its count; else None."""
    for i, r in enumerate(regs):
        if len(r.hits) == 2 and _FIRST_PARTNER.fullmatch(text, r.hits[0].end, r.hits[1].start):
            # "X plus A in 102", "X was given with A in 102": X and its first partner are one
            # regimen
            base = r.hits[:1]
            first = Regimen(r.hits[1].start, r.end, r.hits[1:])
            partners = _counted_partners(text, [first, *regs[i + 1 :]])
        elif i + 1 < len(regs) and _FIRST_PARTNER.fullmatch(text, r.end, regs[i + 1].start):
            base, partners = r.hits, _counted_partners(text, regs[i + 1 :])
        else:
            continue
        if len(partners) >= 2:
            return [_with_base(base, p) for p in partners if p.drugs]
    return None


def _counted_partners(text: str, regs: list[Regimen]) -> list[Regimen]:
    """The leading regimens of ``regs`` that are each followed by a count ("in 38", "(n =
    38)") and listed one after another ("..., with B in 38 and with C in 28")."""
    found: list[Regimen] = []
    for j, r in enumerate(regs):
        count = _PARTNER_COUNT.match(text, r.end)
        if count is None:
            break
        found.append(r)
        if j + 1 < len(regs) and not _NEXT_PARTNER.fullmatch(text, count.end(), regs[j + 1].start):
            break
    return found


def _with_base(base: list[Hit], partner: Regimen) -> Regimen:
    """The regimen of the ``base`` drug's mentions and ``partner``'s (given together)."""
    hits = base + partner.hits
    return Regimen(partner.start, partner.end, hits, ["strong"] * (len(hits) - 1))


# "A third cohort of HER2-negative patients received letrozole alone (arm C)": after the
# randomisation labelled its arms A and B, a later design sentence that labels a regimen with
# the next letter adds that arm (a cohort outside the randomisation), kept apart from a
# randomised twin of the same drugs so that "in arm C" still names its own group.
_LETTER_LABEL = re.compile(r"\(\s*(?i:arm|cohort|group)\s+([A-Z])\s*\)")
_LETTER_LABEL_GATE = WordGate(("(arm ", "(cohort ", "(group "))


def _read_next_lettered_arm(
    text: str,
    sentences: list[tuple[int, int]],
    randomised: list[bool],
    drug_hits: list[Hit],
    reg: ArmRegistry,
) -> None:
    """Adds the arm a non-randomisation design sentence labels with the letter after the last
    one the arms use (the regimen right before its "(arm C)", bar a dose, schedule or "alone")."""
    letters = sorted(x for a in reg.arms for x in a.labels if len(x) == 1 and x.isalpha())
    if not letters:
        return
    want = chr(ord(letters[-1]) + 1)
    for (s, e), was_randomised in zip(sentences, randomised, strict=True):
        if was_randomised or _DESIGN.search(text, s, e) is None:
            continue
        for m in _LETTER_LABEL.finditer(text, s, e):
            if m.group(1).lower() != want:
                continue
            regs = group_regimens(
                text, [h for h in drug_hits if s <= h.start and h.end <= m.start()]
            )
            if regs and is_schedule_or_alone(text[regs[-1].end : m.start()]):
                reg.add_own(regs[-1], want)
                return


# "6 (group A) or 12 (group B) months of trastuzumab", "6 months (arm A) versus 12 months (arm
# B) of", "9 weeks versus 1 year of": durations of one regimen compared.
_NUMBER_WORD = r"(?:\d+|one|two|three|six|nine|twelve)"
_DURATION_UNIT = r"(?:months?|weeks?|years?)"
_COMPARED_DURATIONS = re.compile(
    rf"\b{_NUMBER_WORD}\s*(?:\([^()]*\)\s*)?(?:{_DURATION_UNIT}\s*(?:\([^()]*\)\s*)?)?"
    rf"(?:or|versus|vs\.?)\s+{_NUMBER_WORD}\s*(?:\([^()]*\)\s*)?{_DURATION_UNIT}"
    r"\s*(?:\([^()]*\)\s*)?of\b",
    re.I,
)


def _duration_design(text: str, low: str, read: list[tuple[int, int]], reg: ArmRegistry) -> None:
    """Keep one arm when the design sentences ``read`` compared durations of one regimen: a
    title that names the chemotherapy by its class ("6 versus 12 months of trastuzumab with
    chemotherapy") and a methods sentence that names its drugs ("6 (group A) or 12 (group B)
    months of trastuzumab with FEC") define that one regimen twice, the fuller is kept and the
    groups' labels name it. Only when each arm was defined by such sentences alone, one arm
    each: "6 or 12 months of chemotherapy" before a randomisation to two regimens, "docetaxel
    alone or with 6 or 12 months of trastuzumab" and arms described one by one ("Arm A received
    ...") compare drugs, not durations."""
    if not reg.arms or "month" not in low and "week" not in low and "year" not in low:
        return
    found = {s: m for s, e in read if (m := _COMPARED_DURATIONS.search(text, s, e))}
    if not found or not _one_arm_per_duration_sentence(reg, set(found)):
        return
    full = max(reg.arms, key=lambda a: len(a.drugs))
    if full.special or any(not set(a.drugs) <= set(full.drugs) for a in reg.arms):
        return
    if len(reg.arms) > 1:
        reg.arms[:] = [full]
        reg.short_forms = {k: v for k, v in reg.short_forms.items() if v is full}
    _label_durations(text, list(found.values()), full)
    reg.duration_groups = max(_duration_count(text, m) for m in found.values())
    reg.frozen = None


# "6, 12 or 24 weeks of": durations listed before the compared pair (``_COMPARED_DURATIONS``).
_LISTED_DURATIONS_BEFORE = re.compile(
    rf"(?:\b{_NUMBER_WORD}\s*(?:{_DURATION_UNIT}\s*)?,\s*)+\Z", re.I
)


def _duration_count(text: str, m: re.Match[str]) -> int:
    """How many durations the design compares: the pair ``m`` and those listed before it."""
    before = _LISTED_DURATIONS_BEFORE.search(text, max(0, m.start() - 40), m.start())
    return 2 + (before.group().count(",") if before else 0)


def _one_arm_per_duration_sentence(reg: ArmRegistry, starts: set[int]) -> bool:
    """Whether every arm was defined only by the sentences starting at ``starts``, each of
    which defined at most one arm."""
    if any(not a.defined_at or not set(a.defined_at) <= starts for a in reg.arms):
        return False
    return all(sum(s in a.defined_at for a in reg.arms) <= 1 for s in starts)


def _label_durations(text: str, found: list[re.Match[str]], arm: Arm) -> None:
    """ "6 (group A) or 12 (group B) months of": each duration's group label names the one
    regimen (as "the 6-month group" does)."""
    for m in found:
        for b in re.finditer(r"\(", text[m.start() : m.end()]):
            label = _label_after(text, m.start() + b.start(), m.end())
            if label:
                arm.labels.add(label)


_FAR = 1 << 62  # past any offset


def trial_of_sentence(
    trials: list[tuple[int, str]], starts: list[int], sentences: list[tuple[int, int]], at: int
) -> str | None:
    """The trial a design sentence starting at ``at`` is about: the last one named in it or
    before it (``trials``: (start, name) in order; ``starts``: their starts)."""
    end = sentences[max(0, bisect_right(sentences, (at, _FAR)) - 1)][1]  # (tuples, in order)
    k = bisect_left(starts, end)
    return trials[k - 1][1] if k else None


def trial_pairs(names) -> set[frozenset]:
    """Every pair of two different trials among ``names``."""
    return {frozenset((a, b)) for a in names for b in names if a != b}


def trials_named_together(
    trials: list[tuple[int, str]],
    starts: list[int],
    sentences: list[tuple[int, int]],
    design: set[int] | None = None,
) -> set[frozenset]:
    """Pairs of trials one design sentence names together ("In NSABP B-31 and NCCTG N9831,
    patients were randomly assigned ...", "In BIG 4-11/APHINITY, ..."): a joint analysis or two
    names of one trial, one trial for arms. Only a sentence that defined arms (a start in
    ``design``, the arms' ``defined_at``) counts: a review's title or introduction naming two
    trials ("APHINITY and ExteNET: a review", "Unlike in APHINITY, ... in ExteNET") makes them
    no joint study."""
    same: set[frozenset] = set()
    for s, e in sentences:
        if design is not None and s not in design:
            continue
        names = {c for _, c in trials[bisect_left(starts, s) : bisect_left(starts, e)]}
        if len(names) > 1:
            same |= trial_pairs(names)
    return same


def _read_other_trials_designs(
    text: str,
    sentences: list[tuple[int, int]],
    rest: list[tuple[int, int]],
    drug_hits: list[Hit],
    reg: ArmRegistry,
    low: str | None,
    trials: list[tuple[int, str]],
) -> None:
    """A review: NALA's arms came from a randomisation sentence, then "In PHOEBE, patients
    received pyrotinib plus capecitabine or lapatinib plus capecitabine" states another trial's
    arms without saying "randomised". A who-received-what sentence (``rest``) about a trial
    other than those whose design defined the arms so far is read as that trial's design when
    it defines two arms or more (an arm both trials share stays one arm, defined by both)."""
    starts = [a for a, _ in trials]
    same = trials_named_together(trials, starts, sentences, reg.design_starts())

    def owner(at: int) -> str | None:
        return trial_of_sentence(trials, starts, sentences, at)

    owners = {owner(at) for a in reg.arms for at in a.defined_at}
    if not owners - {None}:
        return  # the arms belong to no named trial: one study's abstract
    for s, e in rest:
        trial = owner(s)
        if trial is None or any(o == trial or frozenset((o, trial)) in same for o in owners):
            continue
        own = ArmRegistry(class_members=reg.class_members, drug_class=reg.drug_class)
        _read_design(text, [(s, e)], drug_hits, own, low)
        if sum(1 for a in own.arms if a.name) < 2 or any(a.special for a in own.arms):
            continue
        for arm in own.arms:
            twin = next((a for a in reg.arms if _same_arm(a, arm)), None)
            if twin is None:
                reg.arms.append(arm)
            else:
                twin.defined_at.extend(arm.defined_at)
                twin.labels |= arm.labels
        reg.frozen = None
        owners.add(trial)


def _same_drugs(arm: Arm, drugs: list[str]) -> bool:
    """Whether ``arm`` is a drug arm (not physician's choice) of exactly ``drugs``: what both
    ``ArmRegistry.add`` and ``_same_arm`` merge on (``_add_lettered_arm`` keeps it apart)."""
    return not arm.special and arm.drugs == drugs


def _same_arm(a: Arm, b: Arm) -> bool:
    """Whether arm ``b`` of another trial's design is ``a`` (its placebo too: "X plus placebo"
    and "X" are two arms of a review's designs)."""
    return _same_drugs(a, b.drugs) and a.has_placebo == b.has_placebo


def _class_member_arm(reg: ArmRegistry, cls: str) -> Arm | None:
    """Of a design of exactly two drug arms (no physician's choice or placebo arm), the one arm
    that holds a drug of class ``cls``, when the other holds none; else None."""
    members = reg.class_members.get(cls)
    drug_arms = [a for a in reg.arms if a.drugs]
    if members is None or len(drug_arms) != 2 or any(a.special or a.has_placebo for a in reg.arms):
        return None
    holding = [a for a in drug_arms if members & set(a.drugs)]
    return holding[0] if len(holding) == 1 else None


def _fold_class_written_arms(reg: ArmRegistry) -> None:
    """Drop an arm written with drug classes for its partners ("palbociclib + anti-HER2 therapy
    + endocrine therapy (ET) vs anti-HER2 therapy + ET", a title) when a later comparison
    spells it out: the one arm of a sentence defining two arms or more that holds its drugs
    and more ("palbociclib plus trastuzumab plus ET"). Its sentence must define no other arm
    (arms described one per sentence, "Arm A received ...", are each the design's own)."""
    by_sentence: dict[int, int] = {}
    for arm in reg.arms:
        for at in arm.defined_at:
            by_sentence[at] = by_sentence.get(at, 0) + 1
    for arm in list(reg.arms):
        if not arm.with_class or not arm.drugs or arm.special or arm.options:
            continue
        if any(by_sentence[at] > 1 for at in arm.defined_at) or not arm.defined_at:
            continue
        ds = set(arm.drugs)
        fuller = [
            b
            for b in reg.arms
            if b is not arm
            and not b.special
            and ds < set(b.drugs)
            and any(by_sentence.get(at, 0) >= 2 for at in b.defined_at)
        ]
        if len(fuller) == 1 and not set(arm.defined_at) & set(fuller[0].defined_at):
            reg.arms.remove(arm)
            reg.frozen = None


def _class_groups_to_drug_arms(reg: ArmRegistry) -> None:
    """ "randomly assigned to the anthracycline group or the non-anthracycline group" after the
    regimens were defined: the class-named group is the drug arm holding a drug of that class
    (``_class_member_arm``), not a further drugless arm; its labels move there."""
    for arm in list(reg.arms):
        if arm.drugs or arm.special or arm.has_placebo or len(arm.labels) != 1:
            continue
        target = _class_member_arm(reg, next(iter(arm.labels)))
        if target is not None:
            target.labels |= arm.labels
            reg.arms[:] = [a for a in reg.arms if a is not arm]  # (Arm compares by value)


# "pertuzumab plus trastuzumab with metronomic oral cyclophosphamide", later "the metronomic
# chemotherapy group": an adjective written before the drug only one arm has names that arm.
# "low-dose", "low dose", "low\ndose" and "low \ndose" (wrapped at a line end, a space left
# before the break): any whitespace run joins the two words. One fragment for the adjective
# before the drug, the text-wide test and the group reference (``_LOW_DOSE_LABEL_END``).
_LOW_DOSE_WORDS = r"low(?:-|\s+)dose"
_SCHEDULE_ADJECTIVE = re.compile(
    rf"(?<![\w-])(metronomic|{_LOW_DOSE_WORDS})\s+(?:(?:oral|intravenous)\s+)?\Z", re.I
)
_LOW_DOSE = re.compile(_LOW_DOSE_WORDS)


def _has_low_dose(low: str) -> bool:
    """Whether the lower-cased text writes "low-dose" in any of its forms (``_LOW_DOSE``)."""
    return "dose" in low and _LOW_DOSE.search(low) is not None


_SPACE_RUN = re.compile(r"\s+")


def _adjective_label(written: str) -> str:
    """The label of a schedule adjective as written: "low dose", "low-dose" and a "low\ndose"
    wrapped at the line end are all "low-dose" (any whitespace joins its words)."""
    return _SPACE_RUN.sub("-", written.lower())


def _label_by_schedule_adjective(text: str, drug_hits: list[Hit], reg: ArmRegistry) -> None:
    """Label the one arm whose own drug (one no other arm has) is written after "metronomic" /
    "low-dose" with "<adjective>" and "<adjective> chemotherapy" (a chemotherapy given so)."""
    arms = [a for a in reg.arms if not a.special and a.drugs]
    if len(arms) < 2:
        return
    found: dict[int, str] = {}
    for k, arm in enumerate(arms):
        own = set(arm.drugs).difference(*(set(b.drugs) for b in arms if b is not arm))
        for h in drug_hits:
            if h.kind == "drug" and own.intersection(h.drugs):
                m = _SCHEDULE_ADJECTIVE.search(text, max(0, h.start - 40), h.start)
                if m is not None:
                    found[k] = _adjective_label(m.group(1))
                    break
    if len(found) != 1:
        return  # none, or two arms so written: no adjective tells them apart
    ((k, adjective),) = found.items()
    arms[k].labels |= {adjective, adjective + " chemotherapy"}
    reg.frozen = None


def _defined_arms(reg: ArmRegistry) -> int:
    """Arms the randomisation sentences defined. A group named by a drug class only
    ("standard chemotherapy alone or standard chemotherapy plus trastuzumab") is one of them:
    with two such arms, a later "patients who ... were treated with A, and the others received
    B" says what chemotherapy each patient got inside the arms, not which arms there are."""
    return sum(1 for a in reg.arms if a.name or a.labels)


def _matching(
    pattern: re.Pattern[str],
    words: tuple[str, ...],
    text: str,
    low: str,
    sentences: list[tuple[int, int]],
    literal: bool,
) -> list[bool]:
    """``sentences_matching`` for a case-insensitive ``word_start`` pattern whose matches all
    begin with one of ``words``: tried only where those occur in the lower-cased text."""
    if not literal:
        return sentences_matching(pattern, text, sentences)
    return sentences_matching_at(pattern, text, sentences, literal_starts(low, words))


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
        tpc = bool(tpc_ms)
        opts = option_hits(text, hits, s, e)
        if tpc:
            opts |= _tpc_dosed_options(text, hits, tpc_ms, e)
            partner_choice = _partner_choice_options(text, hits, tpc_ms)
            if partner_choice:
                opts |= partner_choice
                tpc_ms = [m for m in tpc_ms if not _joins_partner(text, hits, m)]
                tpc = bool(tpc_ms)
        kept = [h for h in hits if h.start not in opts] if opts else hits
        group, later, every, and_or, sequence, alone, without, all_words, routes = (
            _DESIGN_GATES.read(low, s, e)
        )
        # (the second route twin's route word lies in the sentence, between the two regimens
        # or opening the second; "IV"/"SC" only in capitals, so tested on the text itself)
        routes = routes or text.find("IV", s, e) >= 0 or text.find("SC", s, e) >= 0
        if (alone or without) and _add_on_design(text, s, e, kept, reg, drug_hits):
            continue
        if group and (
            _read_lettered_arms(text, s, e, kept, reg)
            or _read_counted_arms(text, s, e, kept, reg)
            or _read_bracketed_lettered_arms(text, s, e, kept, reg)
        ):
            continue
        regs = _without_prior_regimens(text, low, s, e, group_regimens(text, kept))
        if later:
            regs = _without_later_line(text, s, e, regs)
        if every:
            regs = _without_every_arm_drugs(text, regs, e)
        if "%" in text[s:e]:
            regs = [r for r in regs if not _share_received(text, s, r)]
        if offers and len(regs) >= 2:
            offered = next((h for h in hits if h.source == "options"), None)
            if offered is not None:
                regs = _without_options_after_values(text, s, regs, offered)
        if len(regs) >= 3:
            regs = _joined_across_short_form(text, regs)
        regs = _without_short_forms(text, regs)
        if text.find("-", s, e) >= 0:
            regs = _without_suffixed_labels(text, regs)
        if and_or:
            regs = _without_and_or_alternatives(text, regs)
        if sequence:
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
            _label_restated_arms(text, regs, reg, restated, e, low)
            continue
        placebo_end = _partner_or_placebo_design(text, regs, reg)
        if placebo_end is not None:
            regs = _alternatives_after(text, regs, placebo_end)
            if not regs:
                continue  # (else "..., or to C": C is another arm, read below)
        elif _add_placebo_design(text, regs, reg, e):
            continue
        if without and _with_or_without_design(text, s, e, regs, reg):
            continue
        if without and _with_x_or_without_x_labelled(text, s, e, regs, reg):
            continue
        shared = shared_backbone(text, regs, reg.drug_class) if len(regs) >= 2 else None
        arm_of: dict[int, Arm] = {}
        grouped: dict[int, Arm] = {}  # "randomly assigned to the A group": the arm named
        both = _BOTH.search(text, s, e) if all_words else None
        if both and reg.arms:
            extra = {d for h in kept if h.start >= both.end() for d in h.drugs}
            _give_to_every_arm(reg, extra, drugless_too=True)
            continue
        if both:
            regs = _arms_before_all_received(regs, both.start())
        added: list[Arm] = []
        last: Regimen | None = None  # the regimen of the last arm added
        each = _EACH.search(text, s, e) if all_words else None
        if each is None and text.find("), with ", s, e) >= 0:
            each = _with_after_last_label(text, regs, low)
            if each is not None:  # what follows the partner times it ("from the start of X")
                regs = [r for r in regs if r.start <= each.end()]
        chosen = -1  # B of "A or B concurrently with C": an arm, whatever word qualifies it
        if (
            each is None
            and shared is None
            and (_CHOICE_PARTNER_GATE.may_hold(low, s, e) or text.find(", with ", s, e) >= 0)
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
            if _each_partner(text, each, r, added) or _counted_mention(text, s, r, reg):
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
                named.labels.add(normalise_label(text[r.start : group_word.end()]))
                grouped[i] = named
                continue
            if group_word and _labels_last_arm(text, regs, i, added):
                # "... every 3 weeks (anthracycline group)": a class naming the arm before it
                added[-1].labels.add(normalise_label(text[r.start : group_word.end()]))
                continue
            label = label or _control_name_bracket(text, r, s)
            listed = bool(added) and i > 0 and _LIST_GAP.fullmatch(text[regs[i - 1].end : r.start])
            alternative = shared is not None and i in shared.own
            if (
                label
                or listed
                or (i == chosen and bool(added))
                or alternative
                or _is_design_regimen(text, r, s, e)
                or _generic_name_bracket(text, r, s)
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
                    and r.end <= h.start < nxt
                    and not (tpc_at and _tpc_between(tpc_at, r.end, h.start))
                    for d in h.drugs
                }
                if _adds_unnamed_class(r, regs[:i]):
                    _record_short_form(text, r.end, e, CLASS_TWIN, reg)
                    continue
                if (
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
                    if _has_dose_or(text, r.end, nxt) and _randomises_doses(text, s, e, r):
                        added.extend(_dose_twins(text, r, nxt, arm, reg))
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
        if each and len(added) >= 2:
            each_extra = {d for h in kept if h.start >= each.end() for d in h.drugs}
            for arm in added:
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


# "A or B (AX and BX, respectively)", "(arms A and B, respectively)": one bracket after the
# design's list names each arm in order, by a short form or a group label.
_RESPECTIVELY_BRACKET = re.compile(r"[(\[]([^()\[\]]{1,80}?),?\s+respectively\s*[)\]]", re.I)
_JOINT_ITEM_GAP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+", re.I)
_JOINT_GROUP = re.compile(r"(?:the\s+)?(?i:arms?|groups?|cohorts?)\s+([A-Z]|[1-9])")
_JOINT_LETTER = re.compile(r"[A-Z]|[1-9]")
_JOINT_FORM = re.compile(r"[A-Za-z][\w+/-]{0,14}")
_JOINT_PLURAL_END = re.compile(r"\s+(?:arms|groups|cohorts)\Z", re.I)


def _name_respectively(
    text: str, hits: list[Hit], after: int, e: int, arms: list[Arm], reg: ArmRegistry
) -> None:
    """Name the ``arms`` a design sentence listed, in order, by the items of a "respectively"
    bracket after its last arm's start ``after``, when they count as many as the arms: group
    letters ("arms A and B") become labels, other items short forms. Items of another kind
    (counts, doses) name nothing."""
    m = _RESPECTIVELY_BRACKET.search(text, after, e)
    if m is None:
        return
    items = _joint_items(text, m.start(1), m.end(1))
    if len(items) != len(arms) or any(arm.special or arm.name is None for arm in arms):
        return
    first = _JOINT_GROUP.fullmatch(text, *items[0])
    if first is not None:
        _label_jointly(text, items, first, arms)
        return
    if all(_JOINT_FORM.fullmatch(text, a, b) for a, b in items):
        for (a, b), arm in zip(items, arms, strict=True):
            _record_joint_form(text[a:b], any(a <= h.start < b for h in hits), arm, reg)


def _joint_items(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The (start, end) of each item of the list ``text[a:b]`` ("X, Y and Z"); a plural group
    word closing the list ("X and Y arms") is no part of its last item."""
    plural = _JOINT_PLURAL_END.search(text, a, b)
    b = plural.start() if plural is not None else b
    items, pos = [], a
    for gap in _JOINT_ITEM_GAP.finditer(text, a, b):
        items.append((pos, gap.start()))
        pos = gap.end()
    items.append((pos, b))
    return items


def _label_jointly(
    text: str, items: list[tuple[int, int]], first: re.Match[str], arms: list[Arm]
) -> None:
    """ "(arms A and B, respectively)": each letter labels its arm, when every item is one."""
    letters = [first.group(1)]
    for a, b in items[1:]:
        m = _JOINT_GROUP.fullmatch(text, a, b) or _JOINT_LETTER.fullmatch(text, a, b)
        if m is None:
            return
        letters.append(m.group(m.lastindex or 0))
    for letter, arm in zip(letters, arms, strict=True):
        arm.labels.add(letter.lower())


def _record_joint_form(form: str, spelt: bool, arm: Arm, reg: ArmRegistry) -> None:
    """Record ``form`` as a name of ``arm``: a short form when a drug mention lies in it
    (``spelt``: "Pac+HP"), else a bare form found as a word ("T+L"); a form given to another
    arm already names neither."""
    forms = reg.short_forms if spelt else reg.bare_forms
    if forms.get(form, arm) is not arm:
        forms[form] = Arm([], False, set())  # ambiguous: no name
    else:
        forms[form] = arm


# "T-DXd alone or combined with pertuzumab, durvalumab, paclitaxel or tucatinib (modules 0-4)":
# one bracket after the last arm numbers every arm of the list in order.
_RANGE_LABEL = re.compile(
    r"\s*\(\s*(?i:modules|cohorts|arms|groups)\s+([A-Z]|\d)\s*(?:[-–]|to)\s*([A-Z]|\d)\s*\)"
)


def _label_range_after_list(
    text: str, regs: list[Regimen], arm_of: dict[int, Arm], added: list[Arm]
) -> None:
    """Labels the arms ``added`` in order by the range a bracket after the last one gives, when
    the range counts as many labels as arms ("(modules 0-4)" after five arms: "0" to "4"); the
    range is no label of the last arm."""
    last = max(arm_of)
    m = _RANGE_LABEL.match(text, regs[last].end)
    if m is None or arm_of[last] is not added[-1]:
        return
    first, final = ord(m.group(1)), ord(m.group(2))
    if final - first + 1 != len(added) or m.group(1).isdigit() != m.group(2).isdigit():
        return
    added[-1].labels.discard(normalise_label(text[m.start(1) : m.end(2)]))
    for k, arm in enumerate(added):
        arm.labels.add(chr(first + k).lower())


def _stamp_new(reg: ArmRegistry, before: set[int]) -> set[int]:
    """Arms a design reader appended without ``ArmRegistry.add`` (ids not in ``before``) belong
    to the sentence read; returns the ids of the arms now defined."""
    ids = set(map(id, reg.arms))  # (map: no Python-level id() call per arm)
    if reg.at >= 0 and not ids <= before:  # (most sentences append none directly)
        for arm in reg.arms:
            if id(arm) not in before:
                reg.stamp(arm)
    return ids


# "treatment of physician's choice (trastuzumab [8 mg/kg] plus capecitabine [1250 mg/m2] or
# lapatinib [1250 mg] plus capecitabine [1000 mg/m2])": the options bracket right after the
# phrase may hold dose brackets, which ``_BRACKET`` (no nesting) does not read.
_TPC_DOSED_BRACKET = re.compile(r"\s*\(((?:[^()\[\]]|\[[^()\[\]]*\])*)\)")


def _tpc_phrases(text: str, s: int, e: int, hits: list[Hit]) -> list[re.Match[str]]:
    """The physician's-choice phrases of sentence [s, e), without a short form the text defines
    for a regimen ("paclitaxel and carboplatin ... (TPC)": the regimen's initials, not
    treatment of physician's choice; ``hits``: the sentence's drug mentions). A text that spells
    out physician's choice keeps "TPC" as its short form even where the drugs before it give it a
    reading ("physician's choice of trastuzumab plus paclitaxel or capecitabine (TPC)")."""
    found = list(_TPC.finditer(text, s, e))
    defined = {h.start for h in hits if h.drugs and h.source == "abbreviation"}
    if not defined or not any(m.start() in defined for m in found) or _spells_out_tpc(text):
        return found
    return [m for m in found if m.start() not in defined]


def _spells_out_tpc(text: str) -> bool:
    """Whether ``text`` writes physician's (investigator's) choice out, not only as a short form
    (asked only when a "TPC" has a drug reading: rare)."""
    return any(not m.group().isupper() for m in _TPC.finditer(text))


def _tpc_dosed_options(text: str, hits: list[Hit], tpc_ms: list[re.Match[str]], e: int) -> set[int]:
    """Starts of the drug hits in a physician's-choice options bracket with dose brackets
    inside (above): options of that arm, not regimens of arms of their own. ``tpc_ms``: the
    sentence's ``_tpc_phrases``."""
    out: set[int] = set()
    for m in tpc_ms:
        b = _TPC_DOSED_BRACKET.match(text, m.end(), e)
        if b is None or "[" not in b.group(1) or _OR.search(text, b.start(1), b.end(1)) is None:
            continue
        inner = [h.start for h in hits if b.start(1) <= h.start and h.end <= b.end(1) and h.drugs]
        if len(inner) >= 2:
            out.update(inner)
    return out


# "pembrolizumab or placebo, plus trastuzumab and investigator's choice of fluorouracil plus
# cisplatin or capecitabine plus oxaliplatin": a choice joined to a drug is each arm's partner,
# chosen per patient (as "plus chemotherapy (A or B)" is), not an arm.
_JOINER_BEFORE_CHOICE = re.compile(r"\s*,?\s*(?:plus|and|with|\+)\s+(?:(?:an?|the)\s+)?\Z", re.I)
_CHOICE_WORDS = re.compile(r"(?:physician|investigator)", re.I)
# Between two drugs of the listed options: joiners, "or", commas, short-form brackets, doses.
_CHOICE_LIST_GAP = re.compile(r"(?:\s|,|\(|\)|\[|\]|\+|\b(?:or|plus|and|with)\b)*", re.I)


def _joins_partner(text: str, hits: list[Hit], m: re.Match[str]) -> bool:
    """Whether physician's-choice phrase ``m`` ("investigator's choice") is joined to the drug
    mention right before it ("plus trastuzumab and investigator's choice of ...")."""
    if _CHOICE_WORDS.match(text, m.start()) is None:
        return False
    prev = [h for h in hits if h.end <= m.start()]
    return bool(prev) and _JOINER_BEFORE_CHOICE.fullmatch(text, prev[-1].end, m.start()) is not None


def _partner_choice_options(text: str, hits: list[Hit], tpc_ms: list[re.Match[str]]) -> set[int]:
    """Starts of the drug hits listed after a physician's-choice phrase that is a drug's partner
    (above): options of every arm, not arms. Only an "or" list right after "of"."""
    out: set[int] = set()
    for m in tpc_ms:
        if not _TPC_LIST_OPEN.match(text, m.end()) or not _joins_partner(text, hits, m):
            continue
        run = [h for h in hits if h.start >= m.end()]
        if not run or not _TPC_LIST_OPEN.fullmatch(text, m.end(), run[0].start):
            continue
        listed = _choice_list(text, run)
        if len(listed) >= 2 and _OR.search(text, listed[0].end, listed[-1].start):
            out.update(h.start for h in listed)
        elif _OR_UNREAD_SHORT.match(text, listed[0].end):
            out.add(listed[0].start)  # "of CAPOX or FP": a regimen no lexicon knows is listed
    return out


# "investigator's choice of CAPOX or FP": the other option a short form in capitals that is
# no mention (no lexicon regimen), so the choice still lists two.
_OR_UNREAD_SHORT = re.compile(r"\s+or\s+[A-Z][A-Z0-9]{1,7}(?![\w-])")


def _choice_list(text: str, run: list[Hit]) -> list[Hit]:
    """The options listed at the head of ``run`` (the drug hits after a choice's "of"): up to
    the first gap that is no list gap, or a ", or" after an "or" already joined two of them:
    "of CAPOX or XP, or trastuzumab and ..." opens the next arm there."""
    k, seen_or = 1, False
    while k < len(run):
        gap = without_schedules(text[run[k - 1].end : run[k].start])
        if not _CHOICE_LIST_GAP.fullmatch(gap):
            break
        has_or = _OR.search(gap) is not None
        if has_or and seen_or and "," in gap:
            break
        seen_or |= has_or
        k += 1
    return run[:k]


def _tpc_between(tpc_at: list[int], a: int, b: int) -> bool:
    """Whether a physician's-choice phrase starts in [a, b): "trastuzumab deruxtecan or
    treatment of physician's choice (capecitabine, eribulin, ...)" - the options after it are
    that arm's, not the partners of the regimen before it."""
    return any(a <= t < b for t in tpc_at)


# "physician's choice of capecitabine, eribulin, gemcitabine, paclitaxel, or nab-paclitaxel":
# the drugs listed right after "of" are the options each patient may get, not arms.
_TPC_LIST_OPEN = re.compile(r"\s+of\s+(?:either\s+)?")
_TPC_LIST_GAP = re.compile(r"\s*,\s*(?:or\s+|and\s+)?|\s+(?:or|and)\s+", re.I)


def _tpc_listed(text: str, regs: list[Regimen], tpc_ms: list[re.Match[str]]) -> set[int]:
    """Indexes of the regimens listed right after "physician's choice of" (see above);
    ``tpc_ms``: the sentence's ``_tpc_phrases``."""
    out: set[int] = set()
    for m in tpc_ms:
        pos, opened = m.end(), False
        for i, r in enumerate(regs):
            if r.start < pos:
                continue
            gap = _TPC_LIST_GAP if opened else _TPC_LIST_OPEN
            if not gap.fullmatch(text, pos, r.start) or len(r.hits) != 1:
                break
            out.add(i)
            pos, opened = r.end, True
        if len(out) < 2:
            out.clear()  # one drug after "of" may be the arm's own ("choice of eribulin")
    return out


# "physician's choice with capecitabine": a partner joined right after the phrase.
_TPC_PARTNER_JOINER = re.compile(
    r"\s*(?:\+|(?:plus|with|(?:in\s+combination|combined)\s+with)\s)\s*(?:(?:an?|the)\s+)?",
    re.I,
)


def _tpc_own_regimens(
    text: str, s: int, regs: list[Regimen], tpc_ms: list[re.Match[str]]
) -> set[int]:
    """Indexes of the regimens a physician's-choice phrase runs into: per-patient options with
    a partner right after "of" ("investigator's choice of docetaxel or paclitaxel with
    trastuzumab") or a partner joined right after the phrase ("physician's choice with
    capecitabine"). They are that arm's (the partner every patient gets stays in it), not arms
    of their own; when two phrases take a partner ("physician's choice with trastuzumab or
    physician's choice with lapatinib") the partners tell the arms apart, so none is taken."""
    out: set[int] = set()
    for m in tpc_ms:
        if _tpc_partner(text, s, m, regs):
            continue
        nxt = next((i for i, r in enumerate(regs) if r.start >= m.end()), None)
        if nxt is None or not regs[nxt].drugs:
            continue
        r = regs[nxt]
        of = _TPC_CLASS_OF.match(text, m.end())
        if (of is not None and of.end() == r.start and r.hits[0].source == "options") or (
            _TPC_PARTNER_JOINER.fullmatch(text, m.end(), r.start)
        ):
            out.add(nxt)
    return out if len(out) == 1 else set()


def _give_tpc_regimen(r: Regimen, reg: ArmRegistry) -> None:
    """The physician's-choice arm gets the drugs of regimen ``r`` (``_tpc_own_regimens``) and
    the class its options name ("chemotherapy")."""
    for arm in reg.arms:
        if arm.special == PHYSICIANS_CHOICE:
            arm.drugs = sorted(set(arm.drugs) | set(r.drugs))
            arm.labels |= {_hit_class_label(h) for h in r.hits if h.kind == "class"}
            reg.frozen = None
            return


def _tpc_options(
    text: str,
    a: int,
    e: int,
    hits: list[Hit],
    opts: set[int],
    regs: list[Regimen],
    listed: set[int],
    reg: ArmRegistry,
) -> None:
    """Give the physician's-choice arm the options listed after its phrase (from ``a``, up to
    the next arm's regimen): bracketed ("(capecitabine, eribulin, ...)") or after "of"."""
    nxt = next((r.start for i, r in enumerate(regs) if r.start >= a and i not in listed), e)
    found = {d for h in hits if a <= h.start < nxt and h.start in opts for d in h.drugs}
    found |= {d for i in listed if regs[i].start >= a for d in regs[i].drugs}
    if not found:
        return
    for arm in reg.arms:
        if arm.special == PHYSICIANS_CHOICE:
            arm.options |= found


def _tpc_partner(text: str, s: int, m: re.Match[str], regs: list[Regimen]) -> bool:
    """Whether physician's-choice match ``m`` is a drug's partner ("trastuzumab plus
    chemotherapy of physician's choice"), not an arm of its own."""
    return _TPC_OF_REGIMEN_END.match(text, max(s, m.start() - 30), m.start()) is not None and any(
        r.drugs and r.end <= m.start() <= r.end + 30 and not _or_between(text, r.end, m)
        for r in regs
    )


def _or_between(text: str, a: int, m: re.Match[str]) -> bool:
    """Whether an "or" stands between a regimen's end ``a`` and a physician's-choice phrase:
    "trastuzumab deruxtecan or chemotherapy of physician's choice" offers it as another arm,
    where "trastuzumab plus chemotherapy of physician's choice" makes it a partner."""
    return _OR.search(text, a, m.start()) is not None


_CLASS_OF_BEFORE = re.compile(r"\b(?:chemotherapy|therapy|treatment)\s+of\s+(?:the\s+)?\Z", re.I)


def _tpc_phrase_start(text: str, s: int, m: re.Match[str]) -> int:
    """Where a physician's-choice phrase starts: "chemotherapy of physician's choice" opens
    with the class mention before the match (that mention is the arm, not one beside it)."""
    a = max(s, m.start() - 30)
    before = _CLASS_OF_BEFORE.search(text[a : m.start()])
    return a + before.start() if before else m.start()


# "physician's choice of a taxane (docetaxel or paclitaxel)": the class chosen from.
_TPC_CLASS_OF = re.compile(r"\s+of\s+(?:either\s+)?(?:an?\s+|the\s+)?")


def _tpc_phrase_end(text: str, m: re.Match[str], regs: list[Regimen]) -> int:
    """Where a physician's-choice phrase ends: after "of a taxane" when a class-only regimen
    follows "of" (the class chosen from), else at the match's end."""
    end = m.end()
    of = _TPC_CLASS_OF.match(text, end)
    if of is None:
        return end
    for r in regs:
        if r.start == of.end() and not r.drugs and not r.has_placebo:
            return r.end
    return end


def _drop_class_arm_in_tpc(
    reg: ArmRegistry, regs: list[Regimen], arm_of: dict[int, Arm], a: int, b: int
) -> set[str]:
    """ "the physician's choice of chemotherapy (capecitabine, ...)": the class mention inside
    the physician's-choice phrase is that arm, not a drugless arm of its own beside it (which
    would take "the chemotherapy group" and leave its values without an arm). The labels of
    the arm dropped ("taxane"), which name the physician's-choice arm."""
    dropped: set[str] = set()
    for i, arm in arm_of.items():
        r = regs[i]
        if (
            a <= r.start
            and r.end <= b
            and not arm.drugs
            and not arm.has_placebo
            and not arm.special
            and any(x is arm for x in reg.arms)  # (identity: Arm compares by value)
            and sum(1 for x in arm_of.values() if x is arm) == 1
        ):
            reg.arms[:] = [x for x in reg.arms if x is not arm]
            reg.frozen = None
            dropped |= arm.labels
    return dropped


# "the pyrotinib group (pyrotinib combined with capecitabine, n=65)": a group named by its
# distinctive drug, then its whole regimen in the bracket right after the group word.
_GROUP_THEN_BRACKET = re.compile(r"[\s-]*(?:group|arm|cohort)\s*[(\[]\s*", re.I)


def _defines_group_in_bracket(text: str, named: Regimen, r: Regimen) -> bool:
    """Whether regimen ``r`` opens the bracket right after the group that ``named`` names
    and holds every drug of it and more: the bracket gives that group's whole regimen."""
    return (
        # (the group word and bracket first: most pairs of regimens have none between them)
        _GROUP_THEN_BRACKET.fullmatch(text, named.end, r.start) is not None
        and bool(named.drugs)
        and not r.has_placebo
        and set(r.drugs) > set(named.drugs)
    )


def _complete_group(arm: Arm, r: Regimen) -> None:
    """The arm a group name defined gets the drugs of the regimen its bracket gives."""
    arm.drugs = sorted(set(arm.drugs) | set(r.drugs))


# "arm A: FEC plus ...; arm B: ...": a design that names each arm by a letter or number and
# then gives its regimen. The group word may be capitalised, the letter is a capital; a second
# name in a bracket may stand before the colon ("arm A (long): ...").
# ("module 0: T-DXd alone; module 1: ...": a modular study's parts, counted from 0, as
# ``_GROUP_WORDS`` and ``_LETTER`` read them in results)
_LETTERED_ARM = re.compile(
    r"(?<![\w-])(?i:arm|group|cohort|module)\s+([A-Z]|[0-9])\s*(?:\(([A-Za-z][\w-]{1,20})\)\s*)?:\s*"
)


_SAME_GATE = WordGate(("same",))
# "(9-week group) or the same regimen followed by trastuzumab": the arm before, continued.
_SAME_REGIMEN = re.compile(
    r"\bthe\s+same\s+(?:regimen|treatment|therapy|chemotherapy|drugs)\s*,?\s*"
    r"(?:(?:and\s+)?then|followed\s+by|plus|with|and)\s+(?:[\w-]+\s+){0,3}$",
    re.I,
)


def _after_same_regimen(text: str, s: int, last: Regimen, r: Regimen) -> Regimen:
    """``r`` as written after "the same regimen followed by": the last arm's regimen with
    ``r`` (else ``r`` itself)."""
    if (
        r.hits[0].kind == "class"
        and len(r.hits) > 1
        and _SAME_BEFORE_END.search(text, max(s, r.start - 12), r.start)
    ):
        # "the same chemotherapy followed by trastuzumab": the class stands for the last arm's
        # drugs, so the regimen is those with what follows the class
        return Regimen(last.start, r.end, last.hits + r.hits[1:], [*last.joins, *r.joins])
    if _SAME_REGIMEN.search(text, max(s, r.start - 80), r.start) is None:
        return r
    return Regimen(last.start, r.end, last.hits + r.hits, [*last.joins, "strong", *r.joins])


_SAME_BEFORE_END = re.compile(r"\bthe\s+same\s+$", re.I)


def _same_regimen_arm(text: str, s: int, r: Regimen) -> bool:
    """Whether ``r`` follows "the same regimen plus" (``_SAME_REGIMEN``) where a design names an
    arm ("... (AC-T) or to the same regimen plus trastuzumab (AC-TH)"): the last arm continued
    is an arm of the design, though a noun stands between the design word and the drug."""
    m = _SAME_REGIMEN.search(text, max(s, r.start - 80), r.start)
    if m is None:
        return False
    return _DESIGN_BEFORE_END.match(text[max(s, m.start() - 80) : m.start()]) is not None


def _read_lettered_arms(text: str, s: int, e: int, hits: list[Hit], reg: ArmRegistry) -> bool:
    """Arms of a design sentence that labels two or more regimens "arm A: ...": each arm is
    every drug written up to the next label (or the ";" or closing bracket that ends the list),
    a sequence ("FEC x3, then docetaxel plus ...") included; the letter is its label. True if
    the sentence was read so."""
    if text.find(":", s, e) < 0:
        return False  # every label ends with a colon
    found = list(_LETTERED_ARM.finditer(text, s, e))
    if len(found) < 2:
        return False
    arms = []
    for i, m in enumerate(found):
        stop = _segment_end(text, m.end(), found[i + 1].start() if i + 1 < len(found) else e)
        regimen = _regimen_within(hits, m.end(), stop)
        if regimen is not None:
            arms.append((m, *_without_options(text, regimen)))
    if len(arms) < 2:
        return False  # labels of populations or cohorts, not of regimens
    for m, regimen, options in arms:
        arm = reg.add(regimen, m.group(1).lower(), options)
        if arm is not None and m.group(2):
            arm.labels.add(m.group(2).lower())  # "arm A (long):": "the long arm" names it too
    return True


# Between alternatives given per patient inside one arm's description: "doxorubicin and
# cyclophosphamide or epirubicin and cyclophosphamide followed by docetaxel".
_ALTERNATIVE_OR = re.compile(r"\s*,?\s+or\s+", re.I)
_SEQUENCE_GAP = re.compile(rf"\b{SEQUENCE_WORDS}\b", re.I)


def _without_options(text: str, regimen: Regimen) -> tuple[Regimen, set[str]]:
    """One lettered arm's regimen without its per-patient options, and those options. Its
    mentions joined by "or" are alternatives each patient gets one of (one arm is described,
    so they are no arms); the drugs they do not all share are options (the arm is what every
    patient gets: "AC or EC followed by docetaxel" is cyclophosphamide then docetaxel, with
    doxorubicin or epirubicin). Alternatives end at "followed by"/"then" ("... or EC followed
    by docetaxel": docetaxel is every patient's)."""
    if text.find(" or ", regimen.start, regimen.end) < 0:
        return regimen, set()  # (most descriptions offer no alternative)
    alternatives = _alternatives(text, regimen.hits)
    if len(alternatives) < 2:
        return regimen, set()
    sets = [{d for h in alt for d in h.drugs} for alt in alternatives]
    options = set().union(*sets) - set.intersection(*sets)
    if not options:
        return regimen, set()
    kept = []
    for h in regimen.hits:
        drugs = [d for d in h.drugs if d not in options]
        if drugs:
            kept.append(h if len(drugs) == len(h.drugs) else _with_drugs(h, drugs))
    if not kept:
        return regimen, set()
    return Regimen(kept[0].start, kept[-1].end, kept), options


def _alternatives(text: str, hits: list[Hit]) -> list[list[Hit]]:
    """The mentions of ``hits`` (one arm's, in order) split into alternatives at "or": the run
    of mentions around the first "or", each alternative ending at a sequence word; [] when no
    "or" joins two mentions."""
    groups: list[list[Hit]] = [[hits[0]]]
    closed = False  # a sequence word ended the alternatives
    for prev, h in zip(hits, hits[1:], strict=False):
        gap = text[prev.end : h.start]
        if closed:
            break
        if _ALTERNATIVE_OR.fullmatch(gap):
            groups.append([h])
        elif _SEQUENCE_GAP.search(gap):
            if len(groups) >= 2:
                closed = True
            else:
                groups = [[h]]  # a sequence head before the alternatives: every patient's
        else:
            groups[-1].append(h)
    return groups if len(groups) >= 2 else []


def _with_drugs(h: Hit, drugs: list[str]) -> Hit:
    """``h`` standing for ``drugs`` only (a regimen short form less its per-patient option)."""
    return Hit(h.kind, h.start, h.end, h.text, h.canonical, drugs, h.source)


# "randomly assigned to arm A (doxorubicin and cyclophosphamide followed by paclitaxel), arm B
# (the same chemotherapy followed by trastuzumab), or arm C (...)": lettered arms, each defined
# by the bracket right after its label.
_LETTERED_BRACKET = re.compile(r"(?<![\w-])(?i:arm|group)\s+([A-Z]|[1-9])\s*[(\[]\s*")


def _read_bracketed_lettered_arms(
    text: str, s: int, e: int, hits: list[Hit], reg: ArmRegistry
) -> bool:
    """Arms of a design sentence that defines two or more lettered arms by a bracket after the
    label (above): each arm is every drug in its bracket ("the same chemotherapy followed by X":
    the arm before with X); the letter is its label. True if the sentence was read so."""
    if text.find("(", s, e) < 0 and text.find("[", s, e) < 0:
        return False
    found = list(_LETTERED_BRACKET.finditer(text, s, e))
    if len(found) < 2 or not _assigns_groups(text, s, e):
        return False  # (labels a who-received-what sentence gives are populations, cohorts)
    arms: list[tuple[Regimen, str]] = []
    for m in found:
        regimen = _regimen_within(hits, m.end(), _segment_end(text, m.end(), e))
        if regimen is None or _is_prior(text, None, s, regimen, True):
            continue  # "arm A (previously treated with trastuzumab)": a population's bracket
        if _NEGATED_BEFORE.search(text, m.end(), regimen.start) is not None:
            continue  # "group B (without trastuzumab)": the group that had none of it
        if arms and regimen.hits[0].kind == "class":
            regimen = _after_same_regimen(text, m.end(), arms[-1][0], regimen)
        arms.append((regimen, m.group(1).lower()))
    if len(arms) < 2:
        return False  # "group 1 (n = 50)": counts, not regimens
    for regimen, label in arms:
        _add_lettered_arm(reg, regimen, label)
    return True


# "group 2 (no trastuzumab, n=35)", "group B (without trastuzumab)": the bracket's drug is the one
# its group did not have.
_NEGATED_BEFORE = re.compile(r"\b(?:no|not|without|non)\b[\s-]*(?:[\w-]+\s+){0,2}$", re.I)


# "Patients were divided into group A (TCH, n=60) and group B (TCHP, n=58)": Chinese journals'
# word for putting patients into the compared groups (randomised or not).
_DIVIDED_INTO = re.compile(r"\b(?:divided|separated)\s+into\b", re.I)


def _assigns_groups(text: str, s: int, e: int) -> bool:
    """Whether sentence [s, e) puts patients into groups: a randomisation or "divided into"
    (the groups' brackets then say what each received; a bracket naming no drug, "group A
    (HER2 IHC 3+)", still defines no arm)."""
    if _RANDOMISED.search(text, s, e) is not None:
        return True
    return text.find("into", s, e) >= 0 and _DIVIDED_INTO.search(text, s, e) is not None


def _add_lettered_arm(reg: ArmRegistry, regimen: Regimen, label: str) -> None:
    """Add lettered arm ``label``; an arm with the same drugs as another letter's (N9831's
    sequential and concurrent arms B and C: the order differs, not the drugs) stays an arm of
    its own, so that the design keeps its number of arms ("arm B vs 84.4%" is not arm A)."""
    drugs = regimen.drugs
    twin = any(_same_drugs(a, drugs) and a.labels and label not in a.labels for a in reg.arms)
    if twin and drugs:
        reg.add_own(regimen, label)
    else:
        reg.add(regimen, label)


def _regimen_within(hits: list[Hit], a: int, b: int) -> Regimen | None:
    """Every drug mention between ``a`` and ``b`` as one regimen (what a lettered arm's
    description names), or None when it names no drug."""
    inside = [h for h in hits if a <= h.start and h.end <= b]
    return Regimen(inside[0].start, inside[-1].end, inside) if inside else None


# "(arm A, standard therapy, n = 49; arm B, standard therapy plus lapatinib, n = 56)": a list of
# lettered arms, each with its regimen and its patient count, separated by ";".
_COUNTED_ARM = re.compile(
    r"[(\[;]\s*(?i:arm|group)\s+([A-Z]|[1-9]),\s+([^;()\[\]]{1,80}?),\s*n\s*=\s*\d+\s*(?=[;)\]])"
)


def _read_counted_arms(text: str, s: int, e: int, hits: list[Hit], reg: ArmRegistry) -> bool:
    """Arms of a "(arm A, <regimen>, n = 49; arm B, <regimen>, n = 56)" list: the letter is the
    label of the arm its drugs make; an entry with no named drug ("standard therapy") is a
    labelled group with no drug, so its values get arm null. Read only when at least one entry
    names a drug. True if the sentence was read so."""
    if text.find("=", s, e) < 0:
        return False  # every entry has its count
    found = list(_COUNTED_ARM.finditer(text, s, e))
    if len(found) < 2:
        return False
    entries = [(_regimen_within(hits, m.start(2), m.end(2)), m.group(1).lower()) for m in found]
    if all(regimen is None for regimen, _ in entries):
        return False
    for regimen, label in entries:
        if regimen is None or reg.add(regimen, label) is None:
            reg.frozen = None
            reg.arms.append(Arm([], False, {label}))
    return True


# "Arm A consisted of AC followed by docetaxel plus trastuzumab; arm B consisted of ...": a
# lettered arm described by a verb instead of a colon (read when the randomisation sentence
# named the arms by letter only: "randomly assigned to arm A (long) or arm B (short)").
_LETTERED_VERB = re.compile(
    word_start(["arm", "group", "cohort"], not_after=r"[\w-]")
    + r"\s+([A-Z]|[1-9])\s+(?i:consisted\s+of|consists\s+of|comprised|was\s+treated\s+with|"
    r"received)\s+"
)
_LETTERED_VERB_GATE = WordGate(("consist", "comprised", "treated with", "received", "given"))
# "The control group received vinorelbine, and the observation group received inetetamab
# combined with vinorelbine": groups named by a word of their own, each described by its verb
# (East Asian journals' "observation/control/study group"). Group 1 is the name.
# (``word_start``: "the" first, as ``\b(?i:the)``, without trying every position of the text)
# A count bracket may stand between the group and its verb: "the observation group (n=42) was
# treated with", "(n = 42)", "(42 cases)", "(42 patients)".
_GROUP_COUNT = r"(?:\s*\(\s*(?:n\s*=\s*\d+|\d+\s+(?:cases|patients))\s*\))?"
_NAMED_GROUP_VERB = re.compile(
    word_start(["the"])
    + r"\s+([A-Za-z][\w-]{2,20})\s+(?i:group)"
    + _GROUP_COUNT
    + r"\s+(?i:consisted\s+of|comprised|(?:was|were)\s+(?:treated\s+with|given)|received)\s+"
)
# "..., and the control group (n=40) with docetaxel plus ...": the second group of a described
# pair, its verb left out (read only after a described group of the same sentence); in a list of
# three the middle one follows a bare comma (", the control group (n=30) with Y, and the ...").
_NAMED_GROUP_ELIDED = re.compile(
    r"(?:,\s*(?i:and\s+)?|\s+(?i:and)\s+)(?i:the)\s+([A-Za-z][\w-]{2,20})\s+(?i:group)"
    + _GROUP_COUNT
    + r"\s+(?i:with)\s+"
)
# "arm A (long)": a second name in a bracket right after a lettered group.
_LETTER_ALIAS = re.compile(r"(?<![\w-])(?i:arm|group)\s+([A-Z]|[1-9])\s*\(([A-Za-z][\w-]{1,20})\)")


def _read_described_arms(
    text: str, sentences: list[tuple[int, int]], drug_hits: list[Hit], reg: ArmRegistry
) -> None:
    """Arms described one by one after their letter ("Arm A consisted of X; arm B consisted of
    Y", in one sentence or several): each arm is every drug up to the next description, the ";"
    or the sentence end. Read only when two or more letters describe regimens; a bracketed second
    name of a letter ("arm A (long)") becomes a label too ("in the long arm")."""
    ends = [e for _, e in sentences]
    found = []  # (match, end of its sentence)
    for m in _described_groups(text):
        i = bisect_left(ends, m.end())
        if i < len(ends) and sentences[i][0] <= m.start():
            if m.re is _NAMED_GROUP_ELIDED and not (found and found[-1][1] == ends[i]):
                continue  # "and the X group with": only the second of a described pair
            found.append((m, ends[i]))
    if len(found) < 2:
        return
    arms = []
    for i, (m, e) in enumerate(found):
        limit = min(e, found[i + 1][0].start()) if i + 1 < len(found) else e
        regimen = _regimen_within(drug_hits, m.end(), _segment_end(text, m.end(), limit))
        if regimen is not None:
            arms.append((regimen, normalise_label(m.group(1))))
    if len({label for _, label in arms}) < 2:
        return
    by_letter = {label: reg.add(regimen, label) for regimen, label in arms}
    for m in _LETTER_ALIAS.finditer(text):
        arm = by_letter.get(m.group(1).lower())
        if arm is not None:
            arm.labels.add(m.group(2).lower())


def _described_groups(text: str) -> list[re.Match[str]]:
    """The lettered ("arm A received") and word-named ("the control group received") group
    descriptions of ``text``, in text order; a word naming no group of its own ("the same
    group", "the whole group") is left out."""
    found = list(_LETTERED_VERB.finditer(text))
    if "group" in text or "Group" in text:
        found += [
            m
            for m in _named_group_descriptions(text)
            if m.group(1).lower() not in _NOT_A_GROUP_NAME
        ]
        found.sort(key=lambda m: m.start())
    return found


def _named_group_descriptions(text: str) -> list[re.Match[str]]:
    """ "the control group received X" descriptions, and (when there is one) the verbless
    "and the X group with Y" ones after it."""
    found = list(_NAMED_GROUP_VERB.finditer(text))
    if found and text.find(" with ", found[0].end()) >= 0:
        found += _NAMED_GROUP_ELIDED.finditer(text, found[0].end())
    return found


# A clause that reports results: a percentage, a median or a hazard ratio.
_RESULT_CLAUSE = re.compile(r"\d\s*%|\bmedian\b|\bHR\b|\bhazard\s+ratio", re.I)


def _design_part_end(text: str, s: int, e: int) -> int:
    """Where the design part of sentence [s, e) ends: at a ";" outside brackets after a
    randomisation, when the clause after it reports results and randomises no one ("... were
    assigned to neratinib or placebo; the 5-year IDFS was 90.2% with neratinib and 87.7% with
    placebo", "... to T-DXd or the physician's choice of chemotherapy; ILD occurred in 0.6% of
    those receiving chemotherapy").
    Review texts fold a trial's design and its results into one sentence; the groups the
    results clause names are references to the arms, not further arms. Else ``e``."""
    i = text.find(";", s, e)
    while i >= 0:
        opened = text.count("(", s, i) + text.count("[", s, i)
        closed = text.count(")", s, i) + text.count("]", s, i)
        if (
            opened <= closed
            and _RESULT_CLAUSE.search(text, i, e)
            and not _RANDOMISED.search(text, i, e)
            and _RANDOMISED.search(text, s, i)
        ):
            return i
        i = text.find(";", i + 1, e)
    return e


def _segment_end(text: str, start: int, limit: int) -> int:
    """Where the regimen given after a label ends: at the first ";" or unmatched closing bracket
    after ``start`` (brackets inside it, "[FEC]", are skipped), else at ``limit``."""
    depth = 0
    for i in range(start, limit):
        c = text[i]
        if c in "([":
            depth += 1
        elif c in ")]":
            if depth == 0:
                return i
            depth -= 1
        elif c == ";" and depth == 0:
            return i
    return limit


# A short form may end a bracket after its options: "a taxane (docetaxel or paclitaxel; HT)".
_OPEN_BRACKET_PARTS = re.compile(r"\s*[(\[](?:[^()\[\];]*;\s*)?")
_LABEL_OPEN = re.compile(r"[(\[]\s*(?:the\s+)?\Z", re.I)


def _labels_last_arm(text: str, regs: list[Regimen], i: int, added: list[Arm]) -> bool:
    """Whether ``regs[i]`` opens the label bracket of the arm just added for ``regs[i - 1]``."""
    return (
        bool(added)
        and i > 0
        and added[-1].name is not None
        and set(added[-1].drugs) >= set(regs[i - 1].drugs)
        and _opens_label(text, regs[i - 1].end, regs[i].start)
    )


def _opens_label(text: str, a: int, b: int) -> bool:
    """Whether the text between a regimen (ending at ``a``) and the mention at ``b`` ends by
    opening a bracket: the mention starts that regimen's label."""
    return b - a <= 250 and _LABEL_OPEN.search(text, a, b) is not None


# A short form's bracket may close after its dose: "[FEC-75]", "(FEC100)".
_CLOSE_DOSED_BRACKET = re.compile(r"(?:-?\d{2,3})?\s*[)\]]")
# ... or before its own dose: "PM with or without carboplatin (PMCb; AUC 1.5 once a week)".
_CLOSE_BRACKET_PARTS = re.compile(r"\s*(?:;[^()\[\]]*)?[)\]]")


def _spells_out(prev: Regimen, r: Regimen) -> bool:
    """Whether the bracketed regimen ``r`` right after ``prev`` names ``prev`` or its last
    mention(s): "trastuzumab in combination with FEC (fluorouracil, epirubicin and
    cyclophosphamide)" spells out FEC, it is no drug list of its own; "(FEC)" after "paclitaxel
    followed by fluorouracil, epirubicin, and cyclophosphamide" names the last three
    (``drugs._spelled_tail``)."""
    if not r.drugs:
        return False
    if r.drugs == prev.drugs:
        return True
    want = set(r.drugs)
    got: set[str] = set()
    for h in reversed(prev.hits):
        got.update(h.drugs)
        if not got <= want:
            return False
        if got == want:
            return True
    return False


def _without_short_forms(text: str, regs: list[Regimen]) -> list[Regimen]:
    """Drop a regimen that is only the short form defined for the one before it ("A plus B
    (AB), C, or D", "A plus a taxane (docetaxel or paclitaxel; AT), C"): it is a name, not
    another arm, and the list continues after it."""
    out: list[Regimen] = []
    for r in regs:
        prev = out[-1] if out else None
        if (
            prev is not None
            and _opens_bracket_after(text, prev.end, r.start)
            and _spells_out(prev, r)
            and _CLOSE_BRACKET_PARTS.match(text, r.end)
        ):
            continue
        out.append(r)
    return out


# "(SOX-T group, n=40)": a short form extended by a suffix of capitals, then a group word.
_SUFFIXED_LABEL = re.compile(r"-[A-Z][A-Z0-9]{0,2}\s+(?i:group|arm|cohort)\b")


def _without_suffixed_labels(text: str, regs: list[Regimen]) -> list[Regimen]:
    """Drop a regimen that is only the head of a group label in the bracket after the regimen
    before it ("trastuzumab plus SOX (SOX-T group, n=40) or SOX alone"): "SOX-T" names the
    first arm (``_label_after`` reads it), it is no SOX-alone arm."""
    out: list[Regimen] = []
    for r in regs:
        if (
            out
            and len(r.hits) == 1
            and _SUFFIXED_LABEL.match(text, r.end) is not None
            and _opens_bracket_after(text, out[-1].end, r.start)
        ):
            continue
        out.append(r)
    return out


def _opens_bracket_after(text: str, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` opens the bracket that names the regimen ending at ``a``, also
    after its dose and schedule or "alone" ("paclitaxel 175 mg/m2 every 3 weeks alone (TP)",
    "carboplatin at an area under the curve of 6 (TPC)")."""
    if _OPEN_BRACKET_PARTS.fullmatch(text, a, b):
        return True
    opened = max(text.rfind("(", a, b), text.rfind("[", a, b))
    if opened <= a or not _OPEN_BRACKET_PARTS.fullmatch(text, opened, b):
        return False
    gap = text[a:opened]
    return not gap.strip() or is_schedule_or_alone(gap)


def _joined_across_short_form(text: str, regs: list[Regimen]) -> list[Regimen]:
    """ "doxorubicin plus cyclophosphamide (AC) followed by T-DM1 plus pertuzumab": the short
    form's mention, inside its bracket, split the chain; the regimens before and after it are
    one course when the text between them (the bracket dropped) is a regimen joiner. Doses and
    schedules may stand before the bracket and in it ("cyclophosphamide 500 mg/m² [FEC-75]
    every 3 weeks for four cycles followed by paclitaxel")."""
    out: list[Regimen] = []
    i = 0
    while i < len(regs):
        r = regs[i]
        prev = out[-1] if out else None
        nxt = regs[i + 1] if i + 1 < len(regs) else None
        if (
            prev is not None
            and nxt is not None
            and _opens_bracket_after(text, prev.end, r.start)
            and _spells_out(prev, r)
            and _CLOSE_DOSED_BRACKET.match(text, r.end)
            and gap_kind(text[prev.end : nxt.start]) == "strong"
        ):
            out[-1] = Regimen(
                prev.start, nxt.end, prev.hits + nxt.hits, [*prev.joins, "strong", *nxt.joins]
            )
            i += 2
            continue
        out.append(r)
        i += 1
    return out


# "A or B, followed by C": the comma closes the list of options, so C follows each of them
# (without it, "A or B followed by C" reads as A, or B then C, and is left so).
_AND_OR_GATE = WordGate(("and/or",))
_AND_OR_GAP = re.compile(r"\s*,?\s*and/or\s+(?:the\s+|a\s+)?", re.I)


def _without_and_or_alternatives(text: str, regs: list[Regimen]) -> list[Regimen]:
    """ "paclitaxel + trastuzumab and/or neratinib": "and/or" offers a drug, its alternative and
    both (three arms the sentence does not write out), so the regimens it joins are no arms."""
    joined: set[int] = set()
    for i in range(len(regs) - 1):
        if _AND_OR_GAP.fullmatch(text, regs[i].end, regs[i + 1].start):
            joined.update((i, i + 1))
    return [r for i, r in enumerate(regs) if i not in joined] if joined else regs


_SEQUENCE_GATE = WordGate(("followed", "then"))
# The option's own dose note may stand before the comma: "nab-paclitaxel 150 mg/m2 (later 125
# mg/m2) weekly, followed by EC" leaves "(later )" once schedules are dropped (one lower-case
# word at most: a short form or label in the bracket, "(T)", "(arm B)", is not such a note).
_COMMA_SEQUENCE = re.compile(
    r"\s*(?:\(\s*(?-i:[a-z]+)?\s*\)\s*)?,\s*(?:and\s+)?" + SEQUENCE_WORDS + r"\s*", re.I
)
# "nab-paclitaxel or solvent-based paclitaxel": a formulation word before the option's drug.
_FORMULATION = r"(?:(?:solvent|cremophor|polysorbate|albumin|nanoparticle)-based|conventional)"
_OPTION_GAP = re.compile(
    r"\s*(?:\([^()]*\)\s*)?(?:,\s*(?:or\s+)?|\s*or\s+)(?:to\s+)?(?:" + _FORMULATION + r"\s+)?",
    re.I,
)


def _options_then_sequence(text: str, regs: list[Regimen]) -> list[Regimen]:
    """ "three cycles of A or nine cycles of B, followed by three cycles of C": the regimen
    that holds "B, followed by C" shares its sequence C with the options listed before it
    (joined by "or", or commas ending in "or"): each becomes "option, followed by C"."""
    out = list(regs)
    for i in range(1, len(out)):
        k = _comma_sequence_at(text, out[i])
        if k is None:
            continue
        first = _first_option(text, out, i)
        if first is None:
            continue
        r = out[i]
        tail, joins = r.hits[k:], r.joins[k:]
        for j in range(first, i):
            o = out[j]
            out[j] = Regimen(o.start, o.end, o.hits + tail, [*o.joins, "strong", *joins])
    return out


def _comma_sequence_at(text: str, r: Regimen) -> int | None:
    """Index of the hit after the first ", followed by" / ", then" joiner of ``r`` (schedule
    phrases around it aside), when the hits before it are joined by no other sequence word;
    else None."""
    for k in range(1, len(r.hits)):
        if r.joins[k - 1] != "strong":
            continue
        gap = without_schedules(text[r.hits[k - 1].end : r.hits[k].start])
        if _COMMA_SEQUENCE.fullmatch(gap):
            return k
        if _SEQUENCE_WORD.search(gap):
            return None  # an earlier sequence: "A then B, followed by C" is one arm's course
    return None


_SEQUENCE_WORD = re.compile(r"\b" + SEQUENCE_WORDS + r"\b", re.I)


def _first_option(text: str, regs: list[Regimen], i: int) -> int | None:
    """Index of the first regimen of the "A, B, or" list of options right before ``regs[i]``:
    drug regimens without placebo or a sequence of their own, the last gap an "or"; None if
    there is no such list."""
    j = i
    while j > 0:
        prev = regs[j - 1]
        gap = without_schedules(text[prev.end : regs[j].start])
        m = _OPTION_GAP.fullmatch(gap)
        if m is None or (j == i and "or" not in m.group(0).lower()):
            break
        if not prev.drugs or prev.has_placebo or _has_sequence(text, prev):
            break
        j -= 1
    return j if j < i else None


def _has_sequence(text: str, r: Regimen) -> bool:
    """Whether a sequence word ("then", "followed by") joins two of ``r``'s mentions."""
    return any(
        _SEQUENCE_WORD.search(text, a.end, b.start)
        for a, b in zip(r.hits, r.hits[1:], strict=False)
    )


# "Of 707 patients randomised, 352 received PF-05280014 and 355 received trastuzumab-EU": a
# count of who received what names arms already defined.
_COUNT_RECEIVED_END = re.compile(
    r"\b\d[\d,]*\s+(?:patients\s+|women\s+)?(?:received|were\s+given|were\s+(?:randomly\s+)?"
    r"(?:assigned|allocated|randomi[sz]ed)\s+to)\s+$",
    re.I,
)


def _counted_mention(text: str, s: int, r: Regimen, reg: ArmRegistry) -> bool:
    """Whether regimen ``r`` follows "N (patients) received" and exactly one defined arm
    contains its drugs: the count names that arm ("received PF-05280014", a biosimilar of the
    arm's trastuzumab), it defines no new one."""
    a = max(s, r.start - 40)
    window = text[a : r.start]
    if "receiv" not in window and "given" not in window and " to " not in window:
        return False
    return _COUNT_RECEIVED_END.search(text, a, r.start) is not None and _one_arm_or_twins_hold(
        reg, r.drugs
    )


def _one_arm_or_twins_hold(reg: ArmRegistry, drugs: list[str]) -> bool:
    """Whether one defined arm holds ``drugs``, or twin arms of one name do (a biosimilar and
    its reference: "352 received PF-05280014 and 355 received trastuzumab-EU")."""
    if reg.superset_of(drugs) is not None:
        return True
    ds = set(drugs)
    return bool(ds) and _twins([a for a in reg.arms if ds <= set(a.drugs) | a.options])


_OR_ONLY = re.compile(r"\s*,?\s*or\s+(?:a\s+|an\s+)?", re.I)


def _class_partner_option(text: str, prev: Regimen, r: Regimen) -> bool:
    """Whether ``r`` is a class only, written after "or" right after a drug regimen that ends
    in a class ("trastuzumab plus endocrine therapy or chemotherapy"): the other partner of
    that drug (an arm "trastuzumab plus chemotherapy"), not a drugless arm of its own."""
    return (
        not r.drugs
        and not r.has_placebo
        and bool(prev.drugs)
        and prev.hits[-1].kind == "class"
        and all(h.kind == "class" for h in r.hits)
        # "A plus chemotherapy or chemotherapy (alone)": the same class is the control arm
        and _hit_class_label(r.hits[0]) != _hit_class_label(prev.hits[-1])
        and _OR_ONLY.fullmatch(text, prev.end, r.start) is not None
        and _ALONE_AFTER.match(text, r.end) is None  # "or endocrine therapy alone": an arm
    )


_ALONE_AFTER = re.compile(r"\s+(?:alone|only)\b", re.I)


def _each_partner(text: str, each: re.Match[str] | None, r: Regimen, added: list[Arm]) -> bool:
    """Whether regimen ``r`` is the partner in "A or B, each combined with C" (it starts right
    after the "each ... with" that follows two arms): C joins every arm below, it is no arm
    itself."""
    return (
        each is not None
        and len(added) >= 2
        and r.start >= each.end()
        and _EACH_GAP.fullmatch(text, each.end(), r.start) is not None
    )


_EACH_GAP = re.compile(r"\s*(?:(?:a|an|the|weekly|standard)\s+)?", re.I)


# "A (cohort A), or B (cohort B), with C given from the start of the taxane": a bare ", with"
# right after the bracketed label of the last arm is said of the whole list (the label has
# closed arm B), so C is given in every arm, like "each with C".
_WITH_AFTER_LABEL = re.compile(r"\)\s*,\s*with\s+(?:(?:a|an|the|weekly|standard)\s+)?", re.I)


def _with_after_last_label(text: str, regs: list[Regimen], low: str | None) -> re.Match[str] | None:
    """The ", with" before the partner of "A (arm A), or B (arm B), with C": two regimens or
    more before it, the one right before it closed by its group label, and no drug named after
    the partner (C is the last regimen with drugs). None when the sentence is no such list."""
    for k in range(2, len(regs)):
        m = _WITH_AFTER_LABEL.search(text, regs[k - 1].end, regs[k].start)
        if m is None or m.end() != regs[k].start:
            continue
        if any(r.drugs for r in regs[k + 1 :]) or not regs[k].drugs:
            return None
        if _label_after(text, regs[k - 1].end, m.start() + 1, low) is None:
            return None
        return m
    return None


# "SB3 or reference trastuzumab for eight cycles concurrently with chemotherapy (docetaxel ...)",
# "neratinib or trastuzumab in combination with paclitaxel": a partner introduced so right after
# a choice of two drugs of one role is given with either (as "each with C" says), no arm itself.
_CHOICE_PARTNER_GATE = WordGate(("concurrently with", "concomitantly with", "combination with"))
_CHOICE_PARTNER = re.compile(r"\b(?:concurrently|concomitantly|in\s+combination)\s+with\s+", re.I)
# ("or reference trastuzumab", "or the originator": one qualifier word may stand before B)
_CHOICE_OR = re.compile(r"\s+or\s+(?:the\s+)?(?:[a-z][a-z-]*\s+)?")
# between the second drug and the partner phrase: its schedule ("for eight cycles"), no new item;
# a comma may close the choice ("B 1250 mg once daily, in combination with C")
_CHOICE_GAP = re.compile(r"[^,;()\[\]]{0,40},?\s*")


def _partner_of_choice(
    text: str, regs: list[Regimen], drug_class: dict[str, str]
) -> tuple[int, re.Match[str]] | None:
    """(index of B, the partner phrase) for "A or B concurrently (in combination) with C", A and
    B single mentions of one drug (a biosimilar and its reference) or of two anti-HER2 agents,
    with C's drugs after the phrase; None when the sentence is no such choice."""
    for k in range(1, len(regs)):
        a, b = regs[k - 1], regs[k]
        if len(a.hits) != 1 or not _choice_or(text[a.end : b.start]):
            continue
        first = b.hits[0]
        stop = (
            b.hits[1].start if len(b.hits) > 1 else (regs[k + 1].start if k + 1 < len(regs) else -1)
        )
        if stop < 0 or not _same_role_choice(a.hits[0].drugs, first.drugs, drug_class):
            continue
        m = _CHOICE_PARTNER.search(text, first.end, stop) or _comma_partner(text, first.end, stop)
        if m is not None and _CHOICE_GAP.fullmatch(text, first.end, m.start()) is not None:
            return k, m
    return None


# "SB3 or reference trastuzumab, with docetaxel": a bare ", with" right before the partner.
_COMMA_WITH = re.compile(r",\s*with\s+")


def _comma_partner(text: str, a: int, stop: int) -> re.Match[str] | None:
    """The ", with" of "A or B, with C" in [``a``, ``stop``), C's first drug at ``stop`` (after
    an article at most): said of both alternatives, as "each with" is."""
    if text.find(", with", a, stop) < 0:
        return None
    m = _COMMA_WITH.search(text, a, stop)
    if m is None or _EACH_GAP.fullmatch(text, m.end(), stop) is None:
        return None
    if _PARTNER_OR.match(text, stop) is not None:
        return None  # "A or B, with C or D": a partner chosen per patient, joined to no arm
    return m


# C's first word, then "or": "with paclitaxel or docetaxel" offers a choice of partners.
_PARTNER_OR = re.compile(r"[A-Za-z][\w-]*\s*,?\s+or\s+", re.I)


def _choice_or(gap: str) -> bool:
    """Whether ``gap`` joins the two drugs of a choice: "or", perhaps after the first drug's dose
    ("oral pyrotinib 400 mg or lapatinib": the dose is the first drug's, no new item)."""
    if _CHOICE_OR.fullmatch(gap) is not None:
        return True
    return " or " in gap and _CHOICE_OR.fullmatch(without_schedules(gap)) is not None


def _same_role_choice(a: list[str], b: list[str], drug_class: dict[str, str]) -> bool:
    """Whether drugs ``a`` and ``b`` are alternatives of one role: the same drug (a biosimilar
    and its reference product) or two single anti-HER2 agents."""
    if not a or not b:
        return False
    if a == b:
        return True
    return len(a) == len(b) == 1 and role(a[0], drug_class) == role(b[0], drug_class) == "anti-HER2"


def _regimen_before(r: Regimen, pos: int) -> Regimen:
    """``r`` cut to its mentions before ``pos``."""
    hits = [h for h in r.hits if h.end <= pos]
    return Regimen(r.start, hits[-1].end, hits, r.joins[: len(hits) - 1])


def _with_backbone(shared: SharedBackbone, arm_of: dict[int, Arm]) -> None:
    """Each alternative's arm gets the backbone; its core stays the alternative's own drugs."""
    for i, own in shared.own.items():
        arm = arm_of.get(i)
        if arm is not None and not arm.special and arm.core is None:
            arm.core = sorted(own)
            arm.drugs = sorted(set(arm.drugs) | shared.backbone | own)


def _merge_into_earlier_twins(reg: ArmRegistry, arm_of: dict[int, Arm], before: set[int]) -> None:
    """An alternative that, with its backbone, has the drugs of an arm an earlier sentence
    defined ("Paclitaxel Plus Trastuzumab With or Without Lapatinib" in the title, then "...
    plus trastuzumab (TH), plus lapatinib (TL), or plus trastuzumab and lapatinib (THL)") is
    that arm: it gets the alternative's core and labels, and is not counted twice."""
    for i, arm in list(arm_of.items()):
        if arm.core is None or id(arm) in before:
            continue
        twin = next(
            (
                a
                for a in reg.arms
                if id(a) in before and a.core is None and not a.special and a.drugs == arm.drugs
            ),
            None,
        )
        if twin is None or twin.has_placebo != arm.has_placebo:
            continue
        twin.core = arm.core
        twin.labels |= arm.labels
        twin.options |= arm.options
        reg.arms.remove(arm)
        reg.frozen = None
        arm_of[i] = twin


# "randomised to trastuzumab 8 mg/kg then 6 mg/kg (8/6 mg/kg) or 10 mg/kg (8/10 mg/kg)",
# "to T-DXd 5.4 or 6.4 mg/kg": the same regimen at another dose after "or" is an arm of its own
# (one name with its twin: the contract's arm is the regimen). Each dose, and the bracket
# after it, names that arm in the results ("12.5 months with 8/6 mg/kg").
_DOSE_UNIT = r"(?:mg/kg|mg/m2|mg/m²|mg|µg/kg|mcg/kg)(?![\w/])"
_DOSE_OR_GATE = re.compile(rf"\bor\s+\d+(?:\.\d+)?\s*{_DOSE_UNIT}", re.I)
_FIRST_DOSE = re.compile(
    rf"\s*(?:at\s+)?(?:a\s+dose\s+of\s+)?(\d+(?:\.\d+)?)(\s*{_DOSE_UNIT})?", re.I
)
_DOSE_ALTERNATIVE = re.compile(
    rf"(?:,\s*|\s+)(?:or\s+)?(?:at\s+)?(\d+(?:\.\d+)?)(\s*{_DOSE_UNIT})?"
    r"(?:\s*\(([^()]{1,20})\))?",
    re.I,
)


def _has_dose_or(text: str, a: int, b: int) -> bool:
    """Whether [a, b) holds "or" and a dose after it (a ``str.find`` first: most gaps lack it)."""
    return text.find("or ", a, b) >= 0 and _DOSE_OR_GATE.search(text, a, b) is not None


def _dose_twins(text: str, r: Regimen, limit: int, arm: Arm, reg: ArmRegistry) -> list[Arm]:
    """The arms of the other doses of regimen ``r`` listed after it, up to ``limit``: a dose
    right after the regimen, then "or" and another dose with no drug between (see above).
    The bracket after each dose ("(8/6 mg/kg)"), else the dose, is recorded as a name of its
    arm (``bare_forms``)."""
    first = _FIRST_DOSE.match(text, r.end, limit)
    if first is None:
        return []
    pos, period = _dose_schedule(text, first.end(), limit)
    # past a second step of the same drug ("then 6 mg/kg") and the dose's bracket ("(8/6 mg/kg)")
    pos = _THEN_DOSE.match(text, pos, limit).end()
    bracket = _DOSE_BRACKET.search(text, first.end(), pos)
    doses = [(first.group(1), first.group(2), bracket.group(1) if bracket else None)]
    periods = [period]
    said_or = False
    while (m := _DOSE_ALTERNATIVE.match(text, pos, limit)) is not None:
        said_or |= m.group(0).lstrip(", ").lower().startswith("or")
        doses.append((m.group(1), m.group(2), m.group(3)))
        pos, period = _dose_schedule(text, m.end(), limit)
        periods.append(period)
    if len(doses) < 2 or not said_or or doses[-1][1] is None:
        return []
    if _PARTNER_AFTER_DOSES.fullmatch(text, pos, limit):
        return []  # "pyrotinib 320 or 400 mg daily plus capecitabine": the arm is not read whole
    unit = doses[-1][1].strip()
    twins = [arm] + [reg.add_own(r, None, set(arm.options)) for _ in doses[1:]]
    for (value, written_unit, named), twin in zip(doses, twins, strict=True):
        form = named.strip() if named else f"{value} {(written_unit or unit).strip()}"
        reg.bare_forms.setdefault(form, twin)
    _name_schedule_twins(periods, twins, reg)
    return twins[1:]


# "paclitaxel 175 mg/m2 every 2 weeks or 80 mg/m2 weekly": a schedule after a dose, its
# period in weeks (the dose arms then differ by schedule too, and the results name them by it).
_DOSE_SCHEDULE = re.compile(
    r"\s+(?:(?:every|q)\s*(?P<n>\d|two|three|four)\s*(?:weeks?|w)\b|(?P<one>weekly)\b|"
    r"(?P<two>biweekly|fortnightly)\b|(?P<m>\d|two|three|four)-weekly\b)",
    re.I,
)
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4}


def _dose_schedule(text: str, pos: int, limit: int) -> tuple[int, int | None]:
    """(end, period in weeks) of a schedule written at ``pos`` after a dose; (pos, None) if
    none."""
    m = _DOSE_SCHEDULE.match(text, pos, limit)
    if m is None:
        return pos, None
    if m.group("one"):
        return m.end(), 1
    if m.group("two"):
        return m.end(), 2
    n = (m.group("n") or m.group("m")).lower()
    return m.end(), _NUMBER_WORDS.get(n) or int(n)


def _schedule_forms(period: int) -> list[str]:
    """How results name an arm given every ``period`` weeks ("the weekly schedule", "the
    2-weekly arm", "every 3 weeks")."""
    if period == 1:
        return ["weekly", "every week"]
    words = [str(period)] + [w for w, n in _NUMBER_WORDS.items() if n == period]
    forms = [f for w in words for f in (f"{w}-weekly", f"every {w} weeks")] + [f"q{period}w"]
    return forms + (["biweekly", "fortnightly"] if period == 2 else [])


def _name_schedule_twins(periods: list[int | None], twins: list[Arm], reg: ArmRegistry) -> None:
    """Record each schedule of dose twins as a name of its arm (``bare_forms``), when every
    twin has one and no two share it."""
    if None in periods or len(set(periods)) != len(periods):
        return
    for period, twin in zip(periods, twins, strict=True):
        for form in _schedule_forms(period):
            reg.bare_forms.setdefault(form, twin)


_DOSE_BRACKET = re.compile(r"\(([^()]{1,20})\)")
# A drug joined after the doses: the regimen read before them is only part of each arm.
_PARTNER_AFTER_DOSES = re.compile(
    r"\s*(?:(?:once\s+|twice\s+)?daily|weekly|every\s+\d+\s+weeks?|q\d+w)?\s*"
    r"(?:plus|\+|with|and|in\s+combination\s+with|combined\s+with)\s*",
    re.I,
)
# "dose-escalation", "dose-expansion", "dose-finding": dose cohorts, whole-population subsets.
_DOSE_FINDING = re.compile(r"\bdose[- ](?:escalation|expansion|finding|ranging)\b", re.I)


def _randomises_doses(text: str, s: int, e: int, r: Regimen) -> bool:
    """Whether the sentence [s, e) randomises patients to regimen ``r`` (before it) and is no
    dose-finding study's (round 43b review)."""
    return _RANDOMISED.search(text, s, r.start) is not None and not _DOSE_FINDING.search(text, s, e)


_THEN_DOSE = re.compile(
    rf"(?:\s+then\s+\d+(?:\.\d+)?\s*{_DOSE_UNIT})?(?:\s*\([^()]{{1,20}}\))?", re.I
)


def _each_twin(
    each: re.Match[str] | None, regs: list[Regimen], i: int, arm_of: dict[int, Arm]
) -> bool:
    """Whether regimen ``i``, listed before the "each with" of "A or B, each with C", names
    the drugs of the arm right before it: a biosimilar and its reference product are one drug
    ("PF-05280014 or trastuzumab-EU, each with docetaxel"), yet two arms of the design."""
    return (
        each is not None
        and i > 0
        and regs[i].end <= each.start()
        and (i - 1) in arm_of
        and regs[i].drugs == regs[i - 1].drugs
    )


# A product code as written ("AB12", "HLX02", "CT-P6", "PF-05280014").
_CODE_WRITTEN = re.compile(r"[A-Z]{1,5}-?[A-Z]?[0-9]{1,8}[a-z]?")
# "A plus C or B plus C": the alternatives' join, after A's bracket, if any.
_TWIN_GAP = re.compile(
    r"\s*(?:\([^()]*\)\s*)?,?\s*(?:or|versus|vs\.?|compared\s+with)\s+(?:the\s+)?"
    r"(?:(?:reference|originator|innovator)\s+)?",
    re.I,
)


def _same_drugs_as_arm_before(regs: list[Regimen], i: int, arm_of: dict[int, Arm]) -> bool:
    """Whether alternative ``i`` has the (non-empty) drugs of the regimen right before it and
    that regimen is an arm."""
    if i == 0 or (i - 1) not in arm_of:
        return False
    a, b = regs[i - 1], regs[i]
    return bool(a.drugs) and a.drugs == b.drugs


def _code_twin(text: str, regs: list[Regimen], i: int, arm_of: dict[int, Arm]) -> bool:
    """Whether alternative ``i`` names the drugs of the arm right before it, one of the two
    writing a drug by a product code ("AB12 plus paclitaxel or trastuzumab plus paclitaxel",
    "HLX02 plus docetaxel versus trastuzumab plus docetaxel"): a biosimilar and its reference
    product are one drug, yet two arms of the design, as "each with" makes them
    (``_each_twin``)."""
    if not _same_drugs_as_arm_before(regs, i, arm_of):
        return False
    a, b = regs[i - 1], regs[i]
    if _TWIN_GAP.fullmatch(text, a.end, b.start) is None:
        return False
    written_a = {h.text.lower() for h in a.hits}
    written_b = {h.text.lower() for h in b.hits}
    return any(
        _CODE_WRITTEN.fullmatch(h.text) is not None
        for h in (*a.hits, *b.hits)
        if h.kind == "drug" and h.text.lower() not in written_a & written_b
    )


# Round 53: "SC PH FDC or IV P+H", "intravenous trastuzumab or subcutaneous trastuzumab": one
# regimen by two routes is two arms of the design, each named by its route ("the SC arm").
_ROUTE_FORMS = {
    "intravenous": ("intravenous", "iv"),
    "subcutaneous": ("subcutaneous", "sc"),
}
_ROUTE_BEFORE = re.compile(
    r"(?<![\w-])(?:(?i:(intravenous|subcutaneous))|(IV|SC))[ \t]+(?:(?i:the)[ \t]+)?\Z"
)
_ROUTE_GAP = re.compile(
    r"[^()]{0,12}?(?:\([^()]*\))?\s*,?\s*(?:or|versus|vs\.?|compared\s+with)\s+(?:the\s+)?"
    r"(?:(?:(?i:intravenous|subcutaneous)|IV|SC)[ \t]+)?",
)
_ROUTE_GATE = WordGate(("intravenous", "subcutaneous", "iv", "sc"))
_ROUTE_WORD_GATE = WordGate(("intravenous", "subcutaneous"))  # (with IV/SC, a sentence's gate)


_ROUTE_OPENING = re.compile(r"(?i:intravenous|subcutaneous)\s")


def _route_before(text: str, start: int) -> str | None:
    """The route ("intravenous"/"subcutaneous") written right before ``start``, or opening
    the drug's name there (the lexicon holds "intravenous trastuzumab"), if any."""
    opening = _ROUTE_OPENING.match(text, start)
    if opening is not None:
        return opening.group(0).strip().lower()
    m = _ROUTE_BEFORE.search(text, max(0, start - 20), start)
    if m is None:
        return None
    word = (m.group(1) or m.group(2)).lower()
    return "intravenous" if word in ("intravenous", "iv") else "subcutaneous"


def _route_twin(
    text: str, low: str | None, regs: list[Regimen], i: int, arm_of: dict[int, Arm]
) -> bool:
    """Whether alternative ``i`` gives the drugs of the arm right before it by the other route
    ("SC PH FDC or IV P+H"): a route written before each, and they differ."""
    if not _same_drugs_as_arm_before(regs, i, arm_of):
        return False
    a, b = regs[i - 1], regs[i]
    if not _ROUTE_GATE.may_hold(low, max(0, a.start - 20), b.end):
        return False
    if _ROUTE_GAP.fullmatch(text, a.end, b.start) is None:
        return False
    route_a, route_b = _route_before(text, a.start), _route_before(text, b.start)
    return route_a is not None and route_b is not None and route_a != route_b


def _label_route_twins(text: str, regs: list[Regimen], i: int, first: Arm, second: Arm) -> None:
    """Name each route twin by its route, written out and short ("subcutaneous", "sc")."""
    for r, arm in ((regs[i - 1], first), (regs[i], second)):
        route = _route_before(text, r.start)
        if route is not None:
            arm.labels.update(_ROUTE_FORMS[route])


def _twin_alternative(shared: SharedBackbone | None, i: int) -> bool:
    """Whether alternative ``i`` names the same drugs as an earlier one of its list, in another
    order ("EC followed by docetaxel plus capecitabine, or docetaxel followed by capecitabine":
    ``backbones._after_sequence_head``)."""
    own = shared.own.get(i) if shared is not None else None
    return own is not None and any(k < i and v == own for k, v in shared.own.items())


def _add_both_arm(
    shared: SharedBackbone, regs: list[Regimen], reg: ArmRegistry, label: str | None = None
) -> Arm | None:
    """ "paclitaxel with trastuzumab (TH), lapatinib (TL), or both": the alternatives together
    are one more arm (with the backbone), though no regimen is written for it."""
    hits = [h for i in sorted(shared.own) for h in regs[i].hits]
    arm = reg.add(Regimen(hits[0].start, hits[-1].end, hits), label)
    if arm is not None and not arm.special and arm.core is None and shared.both:
        arm.core = sorted(shared.both)
        arm.drugs = sorted(set(arm.drugs) | shared.backbone | shared.both)
    return arm


# "..., or the combination (TL)": the short form of the arm no regimen is written for.
_BOTH_FORM = re.compile(r"\s*\(\s*([A-Z][A-Z0-9+]{1,7})\s*\)")


def _record_both_form(text: str, end: int, e: int, arm: Arm | None, reg: ArmRegistry) -> None:
    """Record the short form bracketed right after "or both" / "or the combination" (after
    the last alternative, which ends at ``end``) as a name of ``arm``, the alternatives
    together: no drug mention spells it, so ``arm_refs`` finds it as a word (``bare_forms``)."""
    if arm is None or arm.name is None:
        return
    m = _OR_BOTH_NEXT.match(text, end, e)
    form = _BOTH_FORM.match(text, m.end(), e) if m is not None else None
    if form is not None:
        reg.bare_forms[form.group(1)] = arm


# "..., lapatinib (arm B), or both (arm C)": "or both" then the bracket that labels its arm
# ("or both drugs (arm C)", "or both agents": the noun of "both" may stand before it).
_OR_BOTH_BRACKET = re.compile(OR_BOTH + r"(?:\s+(?:drugs|agents|treatments))?\s*(?=\()", re.I)


def _both_label(
    text: str, regs: list[Regimen], shared: SharedBackbone, e: int, low: str
) -> str | None:
    """The group label in the bracket right after "or both" ("or both (arm C)"), which names
    the arm of the alternatives together, as the brackets before it name the others."""
    return _label_after_or_both(text, regs[max(shared.own)].end, e, low)


def _label_after_or_both(text: str, end: int, e: int, low: str | None) -> str | None:
    """``_both_label`` after the last alternative, which ends at ``end``."""
    m = _OR_BOTH_BRACKET.match(text, end, e)
    if m is None:
        return None
    close = text.find(")", m.end(), e)
    return _label_after(text, m.end(), close + 1, low) if close >= 0 else None


_OR_BOTH_GATE = WordGate(("both", "combination"))
_OR_BOTH_NEXT = re.compile(OR_BOTH, re.I)
# Between two listed alternatives: "A, B", "A (T), B", "A, or B", "A or B".
_BOTH_LIST_GAP = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:,\s*(?:or\s+)?|\s+or\s+)(?:to\s+)?", re.I)


def _add_listed_both_arm(
    text: str,
    regs: list[Regimen],
    arm_of: dict[int, Arm],
    reg: ArmRegistry,
    e: int,
    low: str | None,
) -> Arm | None:
    """ "randomly assigned to trastuzumab, lapatinib, or both" (no backbone): the listed
    alternatives together are one more arm, as ``_add_both_arm`` reads them with a backbone.
    Only two listed single-regimen arms or more, each a strict part of their union."""
    last = max(arm_of)
    if _OR_BOTH_NEXT.match(text, regs[last].end, e) is None:
        return None
    run = [last]
    while run[0] - 1 in arm_of and _BOTH_LIST_GAP.fullmatch(
        text, regs[run[0] - 1].end, regs[run[0]].start
    ):
        run.insert(0, run[0] - 1)
    arms = [arm_of[i] for i in run]
    if len(arms) < 2 or any(a.special or a.has_placebo or not a.drugs for a in arms):
        return None
    union = {d for a in arms for d in a.drugs}
    if any(set(a.drugs) == union for a in arms) or len({a.name for a in arms}) < len(arms):
        return None
    hits = [h for i in run for h in regs[i].hits]
    label = _label_after_or_both(text, regs[last].end, e, low)
    if label:  # "B, or both (arm C)": the bracket after "or both" is not B's
        arm_of[last].labels.discard(label)
    both = reg.add(Regimen(hits[0].start, hits[-1].end, hits), label)
    if both is not None:  # "the combination group", "with both" name it (round 31)
        both.labels.add("combination")
    return both


def _given_to_all(
    text: str, sentences: list[tuple[int, int]], drug_hits: list[Hit], reg: ArmRegistry
) -> None:
    """ "Both groups received trastuzumab and pertuzumab every 3 weeks." in a sentence after the
    design (``sentences``: those that say it): the drugs named after it are given to every arm
    (as in a design sentence)."""
    for s, e in sentences:
        m = _BOTH.search(text, s, e)
        if m is None:
            continue
        drugs = {d for h in drug_hits if m.end() <= h.start and h.end <= e for d in h.drugs}
        # after the design, a drugless (placebo/observation) group keeps no drugs
        _give_to_every_arm(reg, drugs, drugless_too=False)


# "Pertuzumab and trastuzumab were given in both cohorts": the drugs named before the passive
# verb join every arm ("Both groups received X" names them after it).
_GIVEN_IN_ALL = re.compile(
    r"\b(?:was|were)\s+(?:also\s+)?(?:given|administered)\s+(?:to|in)\s+(?:both|all)\s+"
    r"(?:(?:the|three|four)\s+)?(?:groups|arms|cohorts)\b",
    re.I,
)

# Every _GIVEN_IN_ALL match holds one of these (lower case).
_GIVEN_IN_ALL_GATE = WordGate(
    f"{verb} {prep} {word}"
    for verb in ("given", "administered")
    for prep in ("in", "to")
    for word in ("both", "all")
)


def _given_in_all(
    text: str, sentences: list[tuple[int, int]], drug_hits: list[Hit], reg: ArmRegistry
) -> None:
    """Drugs of a sentence that says they were given in every group, before that phrase."""
    starts = [a for a, _ in sentences]
    for m in _GIVEN_IN_ALL.finditer(text):
        s = starts[bisect_right(starts, m.start()) - 1] if starts else 0
        drugs = {d for h in drug_hits if s <= h.start and h.end <= m.start() for d in h.drugs}
        _give_to_every_arm(reg, drugs, drugless_too=False)


# "Patients with HER2-positive tumors received trastuzumab and pertuzumab concomitantly with
# either regimen", "trastuzumab in both arms": drugs given with every arm (to a
# subgroup, as a rule), which define no arm of their own. They do not join the arms either:
# whole-population values would then carry drugs only the subgroup received.
_WITH_EVERY_ARM = re.compile(
    r"\s*,?\s*" + GIVEN_TOGETHER + r"(?:in\s+addition\s+to|with|to|in)\s+"
    r"(?:either|each|both|all|every)\s+(?:of\s+the\s+)?(?:(?:two|three|four)\s+)?"
    r"(?:(?:chemotherapy|treatment|study)\s+)?(?:regimens?|arms?|groups?|treatments?)\b",
    re.I,
)
_WITH_EVERY_ARM_GATE = WordGate(("either", "each", "both", "all", "every"))


def _without_every_arm_drugs(text: str, regs: list[Regimen], e: int) -> list[Regimen]:
    """``regs`` without those given with every arm (``_WITH_EVERY_ARM``) in a clause of their
    own ("..., and patients with HER2-positive tumors received X concomitantly with either
    regimen"). A regimen joined to the one before it ("pertuzumab or placebo, plus trastuzumab
    and docetaxel in each arm", "A or B, with C in both groups") is kept: its drugs are the
    randomised alternatives' own or their shared partners (``shared_backbone``)."""
    out = []
    for k, r in enumerate(regs):
        if _WITH_EVERY_ARM.match(text, r.end, e) is not None and not (
            k and _joined_to_previous(text, regs[k - 1], r)
        ):
            continue
        out.append(r)
    return out


def _joined_to_previous(text: str, prev: Regimen, r: Regimen) -> bool:
    """Whether ``r`` is an alternative to ``prev`` or its partner ("A or B", "A, with B")."""
    return (
        _JOINED_GAP.fullmatch(text, prev.end, r.start) is not None
        or gap_kind(text[prev.end : r.start]) is not None
    )


# Between randomised alternatives, or alternatives and their shared partners: "A or B", "A,
# or to B", "A versus B", "A or B, plus C", "A or B, with C".
_JOINED_GAP = re.compile(
    r"\s*,?\s*(?:(?:or|versus|vs\.?)(?:\s+to)?|plus|with|and|in\s+combination\s+with)\s+", re.I
)


def _arms_before_all_received(regs: list[Regimen], pos: int) -> list[Regimen]:
    """ "... to FEC then PTC, or PTC; all patients received pertuzumab with trastuzumab": the
    drugs after "all patients received" (at ``pos``) in the design sentence itself are given to
    every arm (``_given_to_all`` adds them once the arms exist), not a further arm. Read so only
    when two or more regimens come before it."""
    before = [r for r in regs if r.end <= pos]
    return before if len(before) >= 2 else regs


def _give_to_every_arm(reg: ArmRegistry, drugs: set[str], *, drugless_too: bool) -> None:
    """ "Both groups received X": X joins every arm (but physician's choice); an arm with no
    drugs only if ``drugless_too``."""
    if not drugs:
        return
    for arm in reg.arms:
        if not arm.special and (drugless_too or arm.drugs):
            arm.extend(drugs)


# "A alone or in combination with B" (titles, aims): the arms are A and A+B; B is an add-on.
_ALONE_GATE = WordGate(("alone",))
_ALONE_OR_WITH = re.compile(
    r"\s*(?:\([^()]*\)\s*)?alone\s*(?:\([^()]*\)\s*)?,?\s+(?:or|versus|vs\.?)\s+"
    r"(?:in\s+combination\s+with|combined\s+with|with|plus)\s+(?:the\s+|a\s+)?"
    # "capecitabine alone or with continuation of trastuzumab" (treatment beyond progression)
    r"(?:(?:continuation|continued\s+use|addition)\s+of\s+(?:the\s+|a\s+)?|continued\s+)?",
    re.I,
)


def _alone_or_combined(text: str, regs: list[Regimen]) -> list[Regimen]:
    """ "A alone or in combination with B": the regimen after the joiner is A plus B (the
    combination arm), not B on its own; so is each partner listed after B ("combined with B, C,
    D or E", ``_listed_partners``)."""
    out = list(regs)
    for i in range(1, len(out)):
        prev, r = out[i - 1], out[i]
        if prev.drugs and not prev.has_placebo and _alone_or_with_gap(text, prev.end, r.start):
            for j in (i, *_listed_partners(text, out, i)):
                r = out[j]
                out[j] = Regimen(
                    r.start, r.end, prev.hits + r.hits, [*prev.joins, "strong", *r.joins]
                )
    return out


# Between partners of one list, each perhaps labelled: "pertuzumab (module 1), durvalumab".
_PARTNER_COMMA = re.compile(r"\s*(?:\([^()]*\)\s*)?,\s*")
_PARTNER_LAST = re.compile(r"\s*(?:\([^()]*\)\s*)?,?\s*(?:or|and)\s+")
_GROUP_LABEL_AFTER = re.compile(r"\s*\(\s*(?:arm|group|cohort|module)\s+\w+\s*\)", re.I)


def _listed_partners(text: str, regs: list[Regimen], i: int) -> list[int]:
    """Indices of the regimens listed after partner ``regs[i]`` of "A alone or combined with":
    the items after it joined by commas, and one last item after "or"/"and" when a comma item
    came before it ("B, C or D") or it and the item before carry a group label each ("B
    (module 1) or C (module 2)"). In "A alone or with B, or C plus D" the last regimen may be
    an arm of its own."""
    found: list[int] = []
    j = i + 1
    while j < len(regs) and _PARTNER_COMMA.fullmatch(text, regs[j - 1].end, regs[j].start):
        found.append(j)
        j += 1
    if j < len(regs) and _PARTNER_LAST.fullmatch(text, regs[j - 1].end, regs[j].start):
        labelled = all(_GROUP_LABEL_AFTER.match(text, regs[x].end) for x in (j - 1, j))
        if found or labelled:
            found.append(j)
    return found


def _addition_as_combination(text: str, s: int, regs: list[Regimen]) -> list[Regimen]:
    """ "The addition of X to Y" / "adding X to Y": the arms compared are Y plus X and Y, never
    X alone (a review or model citing "adding pertuzumab to trastuzumab and docetaxel ...
    (56.5 vs 40.8 months)" made pertuzumab an arm). Y must name a drug."""
    out = list(regs)
    for i in range(len(out) - 1):
        x, y = out[i], out[i + 1]
        if not x.drugs or not y.drugs or set(x.drugs) <= set(y.drugs):
            continue
        if not _ADDED_TO.fullmatch(text, x.end, y.start):
            continue
        if _ADDITION_OF.match(text[max(s, x.start - 30) : x.start]) is None:
            continue
        both = Regimen(x.start, y.end, x.hits + y.hits, [*x.joins, "strong", *y.joins])
        return [*out[:i], both, y, *out[i + 2 :]]
    return out


def _alone_or_with_gap(text: str, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` joins "A alone or in combination with B", dose and schedule phrases
    aside ("anastrozole 1 mg/d alone (A arm) or in combination with weekly trastuzumab")."""
    if _ALONE_OR_WITH.fullmatch(text, a, b):
        return True
    gap = text[a:b]
    return len(gap) <= 150 and _ALONE_OR_WITH.fullmatch(without_schedules(gap)) is not None


def _later_backbone(
    text: str, sentences: list[tuple[int, int]], drug_hits: list[Hit], reg: ArmRegistry
) -> None:
    """ "Weekly paclitaxel was then added to the regimen": a drug given to every arm."""
    for s, e in sentences:
        m = _ADDED_TO_ALL.search(text, s, e)
        if not m:
            continue
        added = [h for h in drug_hits if s <= h.start and h.end <= m.start() and h.drugs]
        drugs = {d for h in added for d in h.drugs}
        if drugs:
            for arm in reg.arms:
                if arm.drugs and not arm.special:
                    arm.extend(drugs)


def _prior(text: str, low: str | None, s: int, pos: int) -> bool:
    """A _PRIOR phrase ("previously treated with", "after") just before ``pos``."""
    a = max(s, pos - 60)
    return _prior_phrase_ends(text, low, a, pos, _PRIOR_END) and not _organ_failure_only(
        text, a, pos
    )


# "rates of congestive heart failure were higher with AC-TH": an organ's failure is an adverse
# event the regimen caused, not a treatment failure the patients had before.
_ORGAN_FAILURE = re.compile(
    r"\b(?:heart|cardiac|renal|kidney|liver|hepatic|respiratory|ovarian|organ)\s+failures?\b",
    re.I,
)


def _organ_failure_only(text: str, a: int, b: int) -> bool:
    """Whether the prior phrase ``_PRIOR_END`` finds in ``text[a:b]`` is only an organ's
    failure ("congestive heart failure ... with X"): with those blanked out, none is left."""
    window = text[a:b]
    if "ailure" not in window:
        return False
    blanked = _ORGAN_FAILURE.sub(lambda m: " " * len(m.group(0)), window)
    return blanked != window and _PRIOR_END.match(blanked, 0, len(blanked)) is None


def _prior_phrase_ends(text: str, low: str | None, a: int, b: int, end_re: re.Pattern[str]) -> bool:
    """Whether ``text[a:b]`` ends in a prior-therapy phrase (``end_re``: the phrase alone, or
    with a therapy class after it) that does not go on to say patients were assigned."""
    return (
        _PRIOR_GATE.may_hold(low, a, b)
        and end_re.match(text, a, b) is not None
        and _ASSIGNED_AFTER_PRIOR.search(text, a, b) is None
        and not _assigned_after_prior(text, a, b)
    )


# "trastuzumab-refractory disease", "pertuzumab-naive patients": the drug names a therapy the
# patients had (or had not) before, not an arm.
_PRIOR_SUFFIX = re.compile(
    r"[-‐‑\s](?:naive|naïve|pre-?treated|refractory|resistant|exposed|experienced|intolerant)\b",
    re.I,
)


# "randomly assigned to A (arm A) or B (arm B) as first line, with B (arm A) or A (arm B) at
# progression": the treatment of a later line (the clause that "with" / "then" / "followed by" or
# else a comma opens before "at progression" / "as second line") is no arm of the first-line
# design, nor part of one.
_LATER_LINE = re.compile(
    r"\s*(?:at|upon|on|after)\s+(?:disease\s+)?progression\b"
    # ("after progression on trastuzumab" is the prior line, not a later one)
    r"(?!\s+(?:on|with|after|during|following|to|of)\b)|\s*as\s+second[-\s]line\b",
    re.I,
)
_LATER_LINE_GATE = WordGate(
    ("at progression", "upon progression", "on progression", "after progression", "second")
)


def _without_later_line(text: str, s: int, e: int, regs: list[Regimen]) -> list[Regimen]:
    """``regs`` less those in a later-line clause (``_LATER_LINE`` right after the clause's last
    regimen or its bracket), when regimens of the design remain before that clause. The clause
    opens at ``_LATER_OPENER`` ("followed by", ", with", ", then"), and only the regimens from
    there up to the trigger are dropped (``_later_clause_start``)."""
    for k in range(len(regs) - 1, 0, -1):
        end = regs[k].end
        if text.startswith(" (", end):  # "(arm B) at progression": past the label bracket
            close = text.find(")", end, e)
            end = close + 1 if close >= 0 else end
        if _LATER_LINE.match(text, end, e) is None:
            continue
        j = _later_clause_start(text, regs, k)
        if j > 0:
            return regs[:j] + [r for r in regs if r.start > end]
        return regs
    return regs


# What opens a later-line clause: "docetaxel alone followed by trastuzumab at progression",
# "A or B, with T-DM1 at progression", "letrozole, with crossover to lapatinib upon progression".
_LATER_OPENER = re.compile(r"\b(?:with|then|followed\s+by)\b", re.I)
# A comma before "or" separates the design's arms, not a later line from its first line.
_ARM_SEPARATOR = re.compile(r"[,;]\s*or\b", re.I)
_BRACKETED = re.compile(r"\([^()]*\)")


def _later_clause_start(text: str, regs: list[Regimen], k: int) -> int:
    """Index of the first regimen of the later-line clause that ends with ``regs[k]``: walking
    back over the gaps between regimens (brackets left out; never past one holding ", or": the
    comma between arms) to the gap holding ``_LATER_OPENER`` or else a comma or semicolon ("...
    or docetaxel alone, crossing over to trastuzumab at progression"); 0 (nothing to drop) when
    no gap does. The regimen before the opener ("docetaxel alone followed by ...") stays an
    arm."""
    for j in range(k, 0, -1):
        gap = _BRACKETED.sub("", text[regs[j - 1].end : regs[j].start])
        if _LATER_OPENER.search(gap):
            return j
        if _ARM_SEPARATOR.search(gap):
            return 0
        if "," in gap or ";" in gap:
            return j  # "B alone, crossing over to C at progression": the clause's own comma
    return 0


def _without_prior_regimens(
    text: str, low: str | None, s: int, e: int, regs: list[Regimen]
) -> list[Regimen]:
    """``regs`` (regimens of sentence [s, e)) less those ``_prior_regimen`` finds."""
    if not regs:
        return regs
    prior_words = _PRIOR_GATE.may_hold(low, s, e)
    completed = _COMPLETED_GATE.may_hold(text, s, e)
    return [r for r in regs if not _is_prior(text, low, s, r, prior_words, completed)]


def _is_prior(
    text: str, low: str | None, s: int, r: Regimen, prior_words: bool, completed: bool = True
) -> bool:
    """``_prior_regimen`` for regimen ``r`` of sentence ``s``; ``prior_words``: whether the
    sentence holds a _PRIOR_GATE word. Without one, neither a prior phrase before the regimen
    nor one before its class (``_prior``, ``_prior_example``: windows inside the sentence) can
    match, only a suffix. ``completed``: False if the sentence (up to the regimen) holds no
    "omplete" (``_COMPLETED_GATE``), which ``_completed_before`` needs."""
    if prior_words:
        return _prior_regimen(text, low, s, r)
    return _PRIOR_SUFFIX.match(text, r.end) is not None or (
        completed and _completed_before(text, s, r.start)
    )


def _prior_regimen(text: str, low: str | None, s: int, r: Regimen) -> bool:
    """Whether regimen ``r`` names a therapy given before: a prior phrase before it
    ("previously treated with X") or a prior-therapy word after it ("X-refractory")."""
    return (
        _prior(text, low, s, r.start)
        or _PRIOR_SUFFIX.match(text, r.end) is not None
        or _prior_example(text, low, s, r.start)
        or _completed_before(text, s, r.start)
    )


# "patients who had completed trastuzumab", "who completed 1 year of adjuvant trastuzumab",
# "who had completed neoadjuvant and adjuvant chemotherapy plus trastuzumab", "having completed
# a course of trastuzumab": the drug the phrase runs into is a therapy the patients had before
# (ExteNET), not an arm. Up to eight words may stand between, unless a clause break or a verb
# stops them ("who had completed chemotherapy were randomly assigned to trastuzumab"; "who
# completed chemotherapy received trastuzumab"): unlike the _PRIOR phrases, the phrase reaches
# no further. A verb: a word in -ed/-ing (not an adjective such as "combined", "containing"), a
# form of "be"/"have", or "to"/"then"/"before" leading to what comes next.
_COMPLETED_STOP = (
    r"(?!(?:planned|combined|targeted|based|extended|prolonged|approved|recommended|scheduled|"
    r"including|containing)(?![\w-]))"
    r"(?:[a-z]+(?:ed|ing)|were|was|is|are|be|been|had|has|have|then|to|before|until|versus|vs)"
    r"(?![\w-])"
)
_COMPLETED_END = re.compile(
    r"\b(?:who\s+(?:had\s+)?|having\s+|had\s+)completed\s+"
    rf"(?:(?!{_COMPLETED_STOP})[^\s,;:]+\s+){{0,8}}$",
    re.I,
)


# The literal ``_completed_before`` finds first (asked about the text itself, case-sensitive).
_COMPLETED_GATE = WordGate(("omplete",))


def _completed_before(text: str, s: int, pos: int) -> bool:
    """Whether a "who had completed" phrase (``_COMPLETED_END``) runs into ``pos``."""
    a = max(s, pos - 120)
    return text.find("omplete", a, pos) >= 0 and _COMPLETED_END.search(text, a, pos) is not None


# "previously treated with a HER2-directed antibody-drug conjugate such as trastuzumab
# deruxtecan", "progressed on two lines of anti-HER2 therapy including T-DM1": a drug named as
# an example of a prior therapy is prior therapy too, however long the class's name before it
# (_PRIOR reaches 40 characters). The class must follow the prior phrase in one run of words
# (no comma, bracket or full stop between them).
_EXAMPLE_WORDS = ("such", "includ", "e.g", "example", "namely")
_EXAMPLE_GATE = WordGate(_EXAMPLE_WORDS)
_EXAMPLE_END = re.compile(
    r"(?:,\s*|\(\s*)?\b(?:such\s+as|including|e\.g\.|for\s+example|namely)[\s,:]*"
    # the examples listed before this one: "such as lapatinib or neratinib"
    r"(?:[\w-]+(?:\s+[\w-]+)?(?:\s*,\s*(?:or\s+|and\s+)?|\s+(?:or|and)\s+)){0,3}$",
    re.I,
)


def _prior_example(text: str, low: str | None, s: int, pos: int) -> bool:
    """Whether the drug at ``pos`` is an example ("such as", "including", "e.g.") of a
    therapy class named right after a prior phrase (see ``_EXAMPLE_END``)."""
    a = max(s, pos - 80)
    if not _EXAMPLE_GATE.may_hold(low, a, pos):
        return False
    m = _EXAMPLE_END.search(text, a, pos)
    if m is None:
        return False
    b = m.start()
    return _prior_phrase_ends(text, low, max(s, b - 100), b, _PRIOR_CLASS_END)


# "97% received pertuzumab", "41% of pts were treated with X": the share of the patients who
# had a drug (inside the arms, or before them), not a group of the design.
_SHARE_RECEIVED_END = re.compile(
    r"\d(?:[.·]\d+)?\s*%\s*(?:of\s+(?:the\s+|all\s+)?(?:pts|patients|participants|women)\s+)?"
    r"(?:had\s+)?(?:received|were\s+treated\s+with|were\s+given)\s+(?:(?:a|an|the|prior)\s+)?\Z"
)


def _share_received(text: str, s: int, r: Regimen) -> bool:
    """Whether regimen ``r`` is what a share of the patients received ("97% received
    pertuzumab"): no arm (see ``_SHARE_RECEIVED_END``)."""
    window = text[max(s, r.start - 60) : r.start]
    return "%" in window and _SHARE_RECEIVED_END.search(window) is not None


# "12.1 months with docetaxel", "45% with paclitaxel": a value's group, written right after it.
_AFTER_VALUE = re.compile(
    r"\d(?:[.·]\d+)?\s*(?:%|months?|weeks?|years?)\s+(?:with|in|for|on)\s+(?:the\s+)?\Z", re.I
)


def _without_options_after_values(
    text: str, s: int, regs: list[Regimen], options: Hit
) -> list[Regimen]:
    """``regs`` less each single mention right after a value that repeats a per-patient option
    the sentence opened with (``options``, the class mention ``options.options_as_class`` made
    of "docetaxel or paclitaxel"): in "patients treated with docetaxel or paclitaxel with
    trastuzumab had a median PFS of 12.1 months with docetaxel and 10.2 months with
    paclitaxel" the values are the option groups of the one arm, no arms of their own."""
    offered = options.text.lower()
    return [
        r
        for r in regs
        if not (
            len(r.hits) == 1
            and r.start > options.end
            and _word_in(r.hits[0].text.lower(), offered)
            and _AFTER_VALUE.search(text, max(s, r.start - 30), r.start)
        )
    ]


def _word_in(word: str, phrase: str) -> bool:
    """Whether ``word`` is written as a whole word in ``phrase``."""
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", phrase) is not None


# "progression after trastuzumab-based therapy to receive A or B": the prior phrase ends with
# the therapy it names; "to receive" then gives the regimen assigned, not one received before.
# (Read only where a _PRIOR phrase matched, so it costs nothing elsewhere.)
_ASSIGNED_AFTER_PRIOR = re.compile(
    r"\b(?:therap(?:y|ies)|treatments?|regimens?)\s+to\s+(?:receive|be\s+(?:treated\s+with|"
    r"given))\s+(?:either\s+)?$",
    re.I,
)
# So does an assignment verb between the two: "progressed after trastuzumab were randomly
# assigned to lapatinib plus capecitabine" (but not "were randomly assigned to neratinib or
# placebo after trastuzumab", where the prior phrase comes after the verb).
_ASSIGNED_VERB = re.compile(
    r"\b(?:were|was)\s+(?:randomly\s+|then\s+)?(?:assigned|randomi[sz]ed|allocated)\b", re.I
)


def _assigned_after_prior(text: str, a: int, pos: int) -> bool:
    """Whether an assignment verb in ``text[a:pos]`` stands after every prior phrase there."""
    last = last_match(_ASSIGNED_VERB, text, a, pos)
    return last is not None and _PRIOR_END.match(text, last.end(), pos) is None


_ALL_WORDS = ("both", "all", "each")
_MODIFIER_WORDS = (
    "intravenous", "subcutaneous", "oral", "weekly", "dose-dense", "standard", "adjuvant",
)  # fmt: skip
_ALL_GATE = WordGate(_ALL_WORDS)
_MODIFIER_GATE = WordGate(_MODIFIER_WORDS)
_BOTH = re.compile(
    word_start(["both", "all", "each"])
    + r"\s+(?:groups|arms|patients|cohorts)\s+(?:also\s+)?(?:received|were\s+given|"
    r"were\s+treated\s+with)\b",
    re.I,
)
# ("both concomitantly with trastuzumab and pertuzumab": an adverb of timing may stand for the
# participle)
_EACH = re.compile(  # only its end is used, so the leading ", " is left out
    word_start(["each", "both", "all"])
    + r"\s+"
    + GIVEN_TOGETHER
    + r"(?:with|plus|in\s+combination\s+with|added\s+to)\b",
    re.I,
)
_ADDED_TO_ALL = re.compile(
    word_start(["was", "were"])
    + r"\s+(?:then\s+|subsequently\s+|later\s+)?added\s+(?:to\s+(?:the|each|all|both)\s+"
    r"(?:regimens?|arms?|groups?)|in\s+(?:all|both|each)\s+(?:arms?|groups?))",
    re.I,
)
# "A, B, or C": a regimen listed right after a design regimen is another arm.
# (an article may open the next item: "trastuzumab deruxtecan, a taxane (...), or ...", and
# so may "the same": "A (AC-T), the same chemotherapy with B (AC-TH)", ``_after_same_regimen``;
# after a count the last item needs no comma: "A (n = 100), B (n = 100) and C (n = 100)")
_LIST_GAP = re.compile(
    r"\s*(?:\([^()]*\)\s*,|\(\s*(?:n\s*=\s*\d|\d+\s+(?:patients|women|participants|pts)\b)"
    r"[^()]*\)\s*,?\s*(?=(?:or|and)\s)|,)\s*(?:or\s+|and\s+)?(?:to\s+)?(?:the\s+same\s+|"
    + OPTIONAL_ARTICLE
    + ")",
    re.I,
)
_GROUPS_AFTER = re.compile(r"\s*(?:\((?:[^()]|\([^()]*\))*\)\s*)?(?:groups|arms|cohorts)\b", re.I)
_GROUP_AFTER = re.compile(r"[\s-]*(?:group|arm|cohort)\b", re.I)
# A route/formulation word right before a design regimen names its group ("intravenous group").
_MODIFIER = re.compile(
    "("
    + word_start(
        ["intravenous", "subcutaneous", "oral", "weekly", "dose-dense", "standard", "neoadjuvant",
         "adjuvant"]
    )
    + r")\s+$",
    re.I,
)  # fmt: skip
_TPC_ALIAS = re.compile(
    word_start(["physician", "investigator"], ignore_case=False, not_after="")
    + r"['’]?s['’]?\s*choice(?:\s+(?:of\s+)?(?:treatment|therapy|"
    r"chemotherapy))?\s*\(([A-Z]{2,5})\)"
)
_TPC_OF_REGIMEN = re.compile(
    r"\b(?:chemotherapy|therapy|treatment)\s+(?:of|by)\s+(?:the\s+)?$", re.I
)
_OR_PLACEBO = re.compile(
    r"^\s*(?:\([^()]*\))?\s*(?:[\w./²]+\s+){0,4}?or\s+(?:matching\s+|a\s+)?$", re.I
)


def _add_placebo_design(text: str, regs: list[Regimen], reg: ArmRegistry, e: int) -> bool:
    """ "A or placebo, (each) plus|added to|in combination with B" → arms A+B and B (placebo)."""
    for i, r in enumerate(regs):
        if i == 0:
            continue
        plac = [h for h in r.hits if h.kind == "placebo"]
        if not plac:
            continue
        prev = regs[i - 1]
        if not _OR_PLACEBO.match(text[prev.end : plac[0].start]) or r.hits[0].kind != "placebo":
            continue
        backbone = sorted({d for x in regs[i:] for d in x.drugs})
        active = sorted(set(prev.drugs) | set(backbone))
        if not any(a.drugs == active for a in reg.arms):
            reg.arms.append(Arm(active, False, set()))
        _mark_placebo_arm(reg, backbone)
        nxt = regs[i + 1].start if i + 1 < len(regs) else e
        _label_placebo_design(reg, active, _label_after(text, prev.end, plac[0].start))
        _label_placebo_design(reg, backbone, _label_after(text, r.end, nxt))
        return True
    return False


def _label_placebo_design(reg: ArmRegistry, drugs: list[str], label: str | None) -> None:
    """ "A plus B (arm A) or placebo plus B (arm B)": each bracket labels its arm, so that
    "in arm A" names it in the results."""
    if label:
        for a in reg.arms:
            if a.drugs == drugs:
                a.labels.add(label)


# "A or placebo with B, followed by A or placebo with C", "A or C with B, followed by A or C with
# D": the alternatives are repeated in each phase, so the phases chain into one regimen of the
# second ("placebo with B, followed by ... C"). The alternative may carry its dose bracket ("A
# (1200 mg) or placebo").
_OR_BEFORE_PLACEBO = re.compile(r"\s*(?:\([^()]*\)\s*)?,?\s*or\s+(?:a\s+)?(?:matching\s+)?", re.I)
# "placebo with paclitaxel, trastuzumab and pertuzumab": the commas of a phase's drug list cut it
# into regimens of their own, which the phase joins again.
_PHASE_LIST_GAP = re.compile(r"\s*,\s*(?:and\s+)?")


def _alternatives_repeated_in_phases(text: str, regs: list[Regimen]) -> list[Regimen]:
    """ "A or placebo with B, then A or placebo with C" → A and "placebo with B, then C" (each
    repeat of "A or placebo" opens a phase of the same two arms, not another arm; the last
    phase may be "A or placebo" alone); so with a single drug for placebo ("A or C with B, then
    A or C with D" → A and "C with B, then D", whose backbone ``backbones`` shares); ``regs``
    unchanged when no phase repeats the alternatives."""
    out = list(regs)
    i = 1
    while i + 1 < len(out):
        run = _phase_of(text, out, i)
        if run is not None and _repeats_alternatives(text, out[i - 1], run, out[i + len(run)]):
            one, nxt = _joined_phase(run), out[i + len(run)]
            hits = [*one.hits[:-1], *nxt.hits[1:]]
            joins = [*one.joins, *nxt.joins[1:]] if len(nxt.hits) > 1 else one.joins[:-1]
            out[i : i + len(run) + 1] = [Regimen(one.start, nxt.end, hits, joins)]
        else:
            i += 1
    return out


def _phase_of(text: str, regs: list[Regimen], i: int) -> list[Regimen] | None:
    """The regimens from ``regs[i]`` (which opens with placebo or a single drug other than the
    alternative before it) to the first that a sequence word ends with a drug ("placebo with B,
    C and D, followed by A"), each joined to the one before by a comma of a drug list; None when
    there is no such run."""
    opener = regs[i].hits[0]
    if opener.kind != "placebo" and not _second_alternative(regs[i - 1], opener):
        return None
    run = [regs[i]]
    while len(run[-1].hits) < 2 or not _SEQUENCE_WORD.search(
        text, run[-1].hits[-2].end, run[-1].hits[-1].start
    ):
        k = i + len(run)
        if k + 1 >= len(regs) or any(_same_mention(h, opener) for h in regs[k].hits):
            return None
        if not _PHASE_LIST_GAP.fullmatch(text, run[-1].end, regs[k].start):
            return None
        run.append(regs[k])
    return run


def _second_alternative(prev: Regimen, opener: Hit) -> bool:
    """Whether ``opener`` may be the drug offered instead of ``prev`` ("A or C with B"): one
    drug, not ``prev``'s."""
    return opener.kind == "drug" and len(opener.drugs) == 1 and opener.drugs != prev.drugs


def _same_mention(a: Hit, b: Hit) -> bool:
    """Whether two mentions name the same thing (placebo, or the same drugs)."""
    return a.kind == b.kind and a.drugs == b.drugs


def _joined_phase(run: list[Regimen]) -> Regimen:
    """The regimens of ``run`` (a drug list cut at its commas) as one regimen."""
    if len(run) == 1:
        return run[0]
    hits = [h for r in run for h in r.hits]
    joins = [*run[0].joins]
    for r in run[1:]:
        joins += ["weak", *r.joins]  # (a list's comma joins as its "and" does)
    return Regimen(run[0].start, run[-1].end, hits, joins)


def _repeats_alternatives(text: str, prev: Regimen, run: list[Regimen], nxt: Regimen) -> bool:
    """Whether ``run`` is "placebo with B, followed by A" after "A or" (``prev``) and ``nxt``
    opens "or placebo ..." (or the same drug as ``run`` for placebo): the last mention of
    ``run`` repeats the first alternative, ``nxt``'s first the second."""
    if not prev.drugs or prev.has_placebo or sum(len(r.hits) for r in run) < 3:
        return False
    if not _same_mention(nxt.hits[0], run[0].hits[0]):
        return False
    if sorted(run[-1].hits[-1].drugs) != prev.drugs:
        return False
    return _or_joins_alternatives(text, prev.end, run[0].start) and _or_joins_alternatives(
        text, run[-1].end, nxt.start
    )


def _or_joins_alternatives(text: str, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` joins two alternatives with "or", the first one's dose or schedule
    aside ("lapatinib 1000 mg or trastuzumab 2 mg/kg with paclitaxel, followed by lapatinib
    1000 mg or trastuzumab 6 mg/kg with FEC": each phase doses its alternatives)."""
    if _OR_BEFORE_PLACEBO.fullmatch(text, a, b):
        return True
    gap = text[a:b]
    return any(c.isdigit() for c in gap) and bool(
        _OR_BEFORE_PLACEBO.fullmatch(without_schedules(gap))
    )


# "paclitaxel plus lapatinib or placebo", "paclitaxel 175 mg/m2 every 3 weeks plus either
# lapatinib 1,500 mg/d or placebo": the placebo stands in for the last partner, so the backbone
# before it is given with both (a placebo is never an arm on its own). A dose or schedule may
# stand before each joiner ("for 3 of every 4 weeks" leaves its "for 3 of" after the schedules
# are taken out).
_PARTNER_THEN = re.compile(
    r"\s*(?:(?:for|of|\d+|[()])\s*)*,?\s*"
    + GIVEN_TOGETHER
    + r"(?:plus|with|in\s+combination\s+with)\s+(?:either\s+)?",
    re.I,
)
# ("... with pertuzumab or with placebo": the joiner may be repeated after the "or")
_THEN_OR_PLACEBO = re.compile(r"\s*,?\s*or\s+(?:(?:with|plus)\s+)?(?:a\s+)?(?:matching\s+)?", re.I)


def _partner_or_placebo_design(text: str, regs: list[Regimen], reg: ArmRegistry) -> int | None:
    """ "B plus A or placebo" → arms A+B and B (placebo); B and A may be one regimen or two
    (a dose between them splits the chain). The index of the regimen after the placebo, None
    when the sentence is no such design."""
    for i in range(1, len(regs)):
        r, prev = regs[i], regs[i - 1]
        if r.drugs or not r.has_placebo or not prev.drugs or prev.has_placebo:
            continue
        if not _THEN_OR_PLACEBO.fullmatch(without_schedules(text[prev.end : r.start])):
            continue
        parts = _backbone_and_partner(text, regs, i - 1)
        if parts is None:
            continue
        backbone, partner = parts
        active = sorted(backbone | partner)
        if not any(a.drugs == active for a in reg.arms):
            reg.arms.append(Arm(active, False, set()))
        _mark_placebo_arm(reg, sorted(backbone))
        return i + 1
    return None


# "paclitaxel plus lapatinib or placebo, or to paclitaxel plus trastuzumab": another arm after
# the placebo design.
_OR_ANOTHER_ARM = re.compile(r"\s*[,;]?\s*or\s+(?:to\s+)?(?:receive\s+)?", re.I)


def _alternatives_after(text: str, regs: list[Regimen], k: int) -> list[Regimen]:
    """The regimens from ``k`` on when the first is another arm ("..., or to C"), else []."""
    if k >= len(regs) or not _OR_ANOTHER_ARM.fullmatch(text, regs[k - 1].end, regs[k].start):
        return []
    return regs[k:]


def _backbone_and_partner(
    text: str, regs: list[Regimen], k: int
) -> tuple[frozenset[str], frozenset[str]] | None:
    """The backbone and the last partner of "B plus A" ending regimen ``k``: its own last two
    mentions, or regimen ``k - 1`` and regimen ``k`` (a single mention) joined by "plus"."""
    r = regs[k]
    if len(r.hits) >= 2:
        a, b = r.hits[-2], r.hits[-1]
        backbone = frozenset(d for h in r.hits[:-1] for d in h.drugs)
    elif k >= 1 and regs[k - 1].drugs and not regs[k - 1].has_placebo:
        a, b = regs[k - 1], r.hits[0]
        backbone = frozenset(a.drugs)
    else:
        return None
    partner = frozenset(b.drugs)
    if not backbone or not partner or backbone & partner:
        return None
    if not _PARTNER_THEN.fullmatch(without_schedules(text[a.end : b.start])):
        return None
    return backbone, partner


def _mark_placebo_arm(reg: ArmRegistry, drugs: list[str]) -> None:
    """The arm of ``drugs`` is the placebo arm (added if no arm has them)."""
    for a in reg.arms:
        if a.drugs == drugs:
            a.has_placebo = True
            a.labels.add("placebo")
            reg.stamp(a)
            return
    reg.arms.append(Arm(drugs, True, {"placebo"}))


def _restated_arms(regs: list[Regimen], reg: ArmRegistry) -> list[Arm]:
    """The arms, one per regimen, when a later randomisation sentence only names arms already
    defined by a part of each ("randomly assigned (2:1) to everolimus or placebo plus
    trastuzumab and paclitaxel", then "719 patients were randomly assigned to everolimus
    (n=480) or placebo (n=239)"): each regimen is the only arm holding its drugs (a placebo
    one, the only placebo arm), all different arms. Such a sentence defines no new arm; empty
    when it is no restatement."""
    if len(regs) < 2 or sum(1 for a in reg.arms if a.drugs or a.special) < 2:
        return []
    seen: list[int] = []
    for r in regs:
        ds = set(r.drugs)
        if ds:
            cands = [i for i, a in enumerate(reg.arms) if ds <= set(a.drugs)]
            cands = _own_part_of(ds, reg, cands)
        elif r.has_placebo:
            cands = [i for i, a in enumerate(reg.arms) if a.has_placebo]
        elif _is_chemotherapy_only(r):
            cands = _chosen_chemotherapy_arm(reg)
        else:
            return []
        if len(cands) != 1 or cands[0] in seen:
            return []
        seen.append(cands[0])
    return [reg.arms[i] for i in seen]


def _is_chemotherapy_only(r: Regimen) -> bool:
    """Whether regimen ``r`` is only the class "chemotherapy" (no drug, no other class)."""
    hits = r.hits
    return (
        len(hits) == 1 and hits[0].kind == "class" and _hit_class_label(hits[0]) == "chemotherapy"
    )


def _chosen_chemotherapy_arm(reg: ArmRegistry) -> list[int]:
    """The physician's-choice arm a class-only regimen restates ("randomly assigned to
    sacituzumab govitecan (n=272) or chemotherapy (n=271)" after "... or treatment of
    physician's choice (capecitabine, ...)"): the only such arm, while no drugless arm carries
    a class label of its own (that one would be the arm named). Without one, the single arm of
    chemotherapy drugs only (``ArmRegistry.chemotherapy_only_arm``: "to trastuzumab (n=100),
    lapatinib (n=100) or chemotherapy (n=100)" after "... or capecitabine")."""
    if any(not a.drugs and not a.special and a.with_class for a in reg.arms):
        return []
    chosen = [i for i, a in enumerate(reg.arms) if a.special == PHYSICIANS_CHOICE]
    if chosen:
        return chosen
    chemo = reg.chemotherapy_only_arm()
    return [reg.arms.index(chemo)] if chemo is not None else []


def _label_restated_arms(
    text: str, regs: list[Regimen], reg: ArmRegistry, arms: list[Arm], e: int, low: str | None
) -> None:
    """Labels a restating sentence gives the arms it names ("... versus ..." in the title, then
    "randomized to A (arm A) or B (arm B)"): the arms are not new, their letters are."""
    for i, (r, arm) in enumerate(zip(regs, arms, strict=True)):
        label = _label_after(text, r.end, regs[i + 1].start if i + 1 < len(regs) else e, low)
        if label:
            arm.labels.add(label)
            reg.frozen = None


def _own_part_of(ds: set[str], reg: ArmRegistry, cands: list[int]) -> list[int]:
    """Of several arms holding ``ds``, the one whose own drugs (its core: the alternative it
    adds to a shared backbone, or all its drugs) are exactly ``ds``: after "AC followed by
    paclitaxel plus trastuzumab, lapatinib, or trastuzumab plus lapatinib", "181 to
    trastuzumab, 174 to lapatinib" names the trastuzumab arm, not the combination one."""
    if len(cands) < 2:
        return cands
    own = [i for i in cands if set(reg.arms[i].core or reg.arms[i].drugs) == ds]
    if not own:
        # "46% with TH" after "paclitaxel with trastuzumab (TH), lapatinib (TL), or both": a
        # short form of an alternative with its backbone names that arm by all its drugs
        own = [i for i in cands if set(reg.arms[i].drugs) == ds]
    return own if len(own) == 1 else cands


# "randomly assigned to A (dose) with or without B": two arms, A plus B and A alone. (In a
# bracket, "(with or without B)" is a per-patient option instead: ``option_hits``.)
_WITHOUT_GATE = WordGate(("without",))
_WITH_OR_WITHOUT = re.compile(
    r"(?:\s*\([^()]*\)|\s+\d[\d.,]*\s*(?:mg|g|µg|mcg)(?:/(?:kg|m2|m²|d|day))?)?"
    r"(?P<modality>\s*,?\s+(?:with|and|plus)\s+(?:concurrent\s+)?(?:[\d.,]+\s*Gy\s+(?:of\s+)?)?"
    r"(?:concurrent\s+)?(?:radiotherapy|radiation(?:\s+therapy)?|chemoradiation|RT))?"
    r"\s*,?\s+with\s+or\s+without\s+(?:the\s+|a\s+|an\s+)?",
    re.I,
)
# After "received A with radiotherapy, with or without B" (no randomisation word), a later
# "<modality>-alone group/arm" or "without B" shows the two arms.
_ALONE_GROUP_LATER = re.compile(r"\balone\s+(?:group|arm)s?\b", re.I)


def _with_or_without_design(
    text: str, s: int, e: int, regs: list[Regimen], reg: ArmRegistry
) -> bool:
    """ "Patients were randomly assigned to A with or without B" (or "A with B or without B":
    ``_with_b_or_without_b``): arms A+B and A (in that order: A alone is the control). Only in
    a randomisation sentence whose two regimens are exactly A (written where a design names an
    arm) and B, and only while no two arms are defined yet
    (elsewhere, "treated with A with or without B" says what patients had received)."""
    if _defined_arms(reg) >= 2:
        return False
    pair = _with_b_or_without_b(text, regs)
    modality = False
    if pair is None:
        m = _WITH_OR_WITHOUT.fullmatch(text, regs[0].end, regs[1].start) if len(regs) == 2 else None
        if m is None:
            return False
        pair, modality = (regs[0], regs[1]), m.group("modality") is not None
    a, b = pair
    if not a.drugs or not b.drugs or a.has_placebo or b.has_placebo:
        return False
    if not _is_design_regimen(text, a, s, e):
        return False
    if _RANDOMISED.search(text, s, e) is None and not (
        modality and _two_arms_named_later(text, e, b)
    ):
        return False
    reg.add(Regimen(a.start, b.end, a.hits + b.hits, [*a.joins, "strong", *b.joins]), None)
    reg.add(a, None)
    return True


def _two_arms_named_later(text: str, e: int, b: Regimen) -> bool:
    """Whether the text after a combined-modality "received A with radiotherapy, with or
    without B" (sentence end ``e``) names the control arm ("the chemoradiation-alone group",
    "without B"): then B is an arm's, not each patient's option."""
    if text.find("without " + text[b.start : b.end], e) >= 0:
        return True
    return text.find("alone", e) >= 0 and _ALONE_GROUP_LATER.search(text, e) is not None


# Add-on designs whose two arms each carry a bracket (short form or label): backbone A, A + X.
_ADD_ON_FORM = r"[^()\[\];,=]{1,40}?"
_ADD_ON_DESIGNS = (
    # "A given either alone (S1) or with X (S2)"
    re.compile(
        r"\s*,?\s+(?:given\s+|administered\s+)?(?:either\s+)?alone\s*\(\s*(?P<s1>" + _ADD_ON_FORM
        + r")\s*\)\s*,?\s+or\s+(?:in\s+combination\s+|combined\s+)?with\s+(?P<x>[^()\[\];]{1,60}?)"
        r"\s*\(\s*(?P<s2>" + _ADD_ON_FORM + r")\s*\)",
        re.I,
    ),
    # "A with (S2) or without (S1) X"
    re.compile(
        r"\s*,?\s+with\s*\(\s*(?P<s2>" + _ADD_ON_FORM + r")\s*\)\s*,?\s+or\s+without\s*"
        r"\(\s*(?P<s1>" + _ADD_ON_FORM + r")\s*\)\s+(?P<x>[^()\[\];,.]{1,60}?)(?=\s*(?:[,;.]|$))",
        re.I,
    ),
    # "A (S1) [for six cycles] with or without X (S2)"
    re.compile(
        r"\s*\(\s*(?P<s1>" + _ADD_ON_FORM + r")\s*\)(?:\s+for\s+[\w\s-]{1,30}?)?\s*,?\s+with\s+or\s+"
        r"without\s+(?:the\s+|a\s+|an\s+)?(?P<x>[^()\[\];]{1,60}?)\s*\(\s*(?P<s2>" + _ADD_ON_FORM
        + r")\s*\)",
        re.I,
    ),
    # "A with X (S2) or without X (S1)"
    re.compile(
        r"\s*,?\s+with\s+(?P<x>[^()\[\];]{1,60}?)\s*\(\s*(?P<s2>" + _ADD_ON_FORM + r")\s*\)\s*,?"
        r"\s+or\s+without\s+[^()\[\];]{1,60}?\s*\(\s*(?P<s1>" + _ADD_ON_FORM + r")\s*\)",
        re.I,
    ),
)  # fmt: skip
_OR_NEXT = re.compile(r"\s*,?\s*or\b", re.I)
_ADD_ON_PRIOR = re.compile(r"\b(?:prior|previous(?:ly)?|pretreated|eligible)\b", re.I)
_BRACKET_FORM = re.compile(r"[A-Za-z0-9][\w+/-]{0,11}")


def _add_on_design(
    text: str, s: int, e: int, hits: list[Hit], reg: ArmRegistry, drug_hits: list[Hit]
) -> bool:
    """Backbone A and A + X, each arm named in its own bracket ("A either alone (PH) or with
    X (PH-E)", "A with (AB) or without (A) X", "A (control arm) with or without X
    (experimental arm)", "A (G/C) with or without X (G/C+T)"). A bracket is a group label or
    a short form, which the text defines here: it names its arm in later sentences, before any
    lexicon reading of the same letters (``bare_forms``), unless it is a one-drug short form
    the text writes as a drug mention (``drug_hits``: "docetaxel (D) with or without
    trastuzumab (H)", then "with D plus H"). Only while fewer than two arms are defined, with
    A written where a design names an arm."""
    if _defined_arms(reg) >= 2:
        return False
    for r in group_regimens(text, hits):
        if not r.drugs or r.has_placebo or not _is_design_regimen(text, r, s, e):
            continue
        for j, h in enumerate(r.hits):
            m = _add_on_match(text, h.end, e)
            if m is None:
                continue
            added = [(m.start("x"), m.end("x"), m.group("s2"))]
            end = m.end()
            if m.re is _ADD_ON_DESIGNS[0]:
                end = _further_add_ons(text, end, e, added)
            # "had received A with or without prior X" is history; "... or with X (S2) or Y
            # (S3)" a list of partners: no add-on design
            if _ADD_ON_PRIOR.search(text, s, end) or _OR_NEXT.match(text, end, e):
                return False
            a = Regimen(r.start, h.end, r.hits[: j + 1], r.joins[:j])
            partners = [[x for x in hits if x0 <= x.start < x1] for x0, x1, _ in added]
            if not all(_adds_to(a, x_hits) for x_hits in partners):
                return False
            # (in the order written: "A either alone (S1), or with X (S2)" lists A first, so a
            # later "respectively" does; the other designs name A + X first)
            alone_first = m.re is _ADD_ON_DESIGNS[0]
            alone = reg.add(a, None) if alone_first else None
            arms = []
            for (_, x1, form), x_hits in zip(added, partners, strict=True):
                joined = Regimen(a.start, x1, a.hits + x_hits, [*a.joins, "strong"])
                arms.append((form, reg.add(joined, None)))
            arms.insert(0, (m.group("s1"), alone or reg.add(a, None)))
            drug_forms = _one_drug_forms(drug_hits)
            owners = [a.drugs] + [sorted({d for x in xs for d in x.drugs}) for xs in partners]
            for (form, arm), drugs in zip(arms, owners, strict=True):
                if drug_forms.get(form) != drugs:
                    _name_add_on_arm(form, arm, reg)
            return True
    return False


# ", or with Y (S3)": a further partner of "A either alone (S1), or with X (S2)".
_FURTHER_ADD_ON = re.compile(
    r"\s*,?\s+or\s+(?:in\s+combination\s+|combined\s+)?with\s+(?P<x>[^()\[\];]{1,60}?)"
    r"\s*\(\s*(?P<s>" + _ADD_ON_FORM + r")\s*\)",
    re.I,
)


def _further_add_ons(text: str, pos: int, e: int, added: list[tuple[int, int, str]]) -> int:
    """Read the further partners listed after an add-on design ending at ``pos`` ("A either
    alone (P), or with X (PH), or with Y (PL)": three arms A, A + X, A + Y) into ``added``
    (partner start, end, bracket); the end of the last one read."""
    while (m := _FURTHER_ADD_ON.match(text, pos, e)) is not None:
        added.append((m.start("x"), m.end("x"), m.group("s")))
        pos = m.end()
    return pos


def _adds_to(a: Regimen, x_hits: list[Hit]) -> bool:
    """Whether partner mentions ``x_hits`` add a drug to backbone ``a``: some, none a placebo,
    none sharing a drug with ``a``."""
    if not x_hits or any(x.kind == "placebo" for x in x_hits):
        return False
    return not {d for x in x_hits for d in x.drugs} & set(a.drugs)


def _one_drug_forms(drug_hits: list[Hit]) -> dict[str, list[str]]:
    """The short forms the text writes as mentions of one drug, with it ("D", "H" defined by
    "docetaxel (D)", "trastuzumab (H)"): such a form bracketed after its own drug (the backbone
    or the partner) names that drug, not an arm."""
    return {h.text: h.drugs for h in drug_hits if h.source == "abbreviation" and len(h.drugs) == 1}


def _add_on_match(text: str, pos: int, e: int) -> re.Match[str] | None:
    """The first add-on design written right after a backbone's drug ending at ``pos``."""
    for pattern in _ADD_ON_DESIGNS:
        m = pattern.match(text, pos, e)
        if m is not None:
            return m
    return None


def _name_add_on_arm(form: str, arm: Arm | None, reg: ArmRegistry) -> None:
    """Give ``arm`` the bracket ``form``: a group label ("control arm") or a short form."""
    if arm is None:
        return
    if _GROUP_WORD.search(form) or form.strip().lower() == "control":
        arm.labels.add(normalise_label(form))
    elif _BRACKET_FORM.fullmatch(form) and any(c.isupper() for c in form):
        reg.bare_forms[form] = arm


# "A with B or without B": the same two arms written out (NOAH).
_WITH_JOIN = re.compile(r"\s*,?\s+with\s+(?:the\s+|a\s+|an\s+)?", re.I)
_OR_WITHOUT = re.compile(r"\s*,?\s+or\s+without\s+(?:the\s+|a\s+|an\s+)?", re.I)


def _with_b_or_without_b(text: str, regs: list[Regimen]) -> tuple[Regimen, Regimen] | None:
    """(A, B) for "A with B or without B": the regimens that name drugs are exactly A-with-B
    (its last drug joined by "with") and B again right after "or without". A drug class before
    them ("a chemotherapy regimen consisting of A ...") says what A is, not another arm."""
    drugged = [r for r in regs if r.drugs or r.has_placebo]
    if len(drugged) != 2 or len(drugged[0].hits) < 2:
        return None
    ab, b = drugged
    if regs[-1] is not b or ab.hits[-1].drugs != b.hits[0].drugs or len(b.hits) != 1:
        return None
    if not _OR_WITHOUT.fullmatch(text, ab.end, b.start):
        return None
    if not _WITH_JOIN.fullmatch(text, ab.hits[-2].end, ab.hits[-1].start):
        return None
    a = Regimen(ab.start, ab.hits[-2].end, ab.hits[:-1], ab.joins[:-1])
    return a, b


# "A with B (AB) or without B (A)": each arm's short form in its own bracket, A possibly with a
# per-patient partner ("trastuzumab plus chemotherapy of physician's choice with pertuzumab
# (PTC) or without pertuzumab (TC)").
_A_THEN_WITH = re.compile(
    r"(?:\s+(?:of|by)\s+(?:the\s+)?(?:physician|investigator|doctor)(?:'s|’s|s')?\s+choice)?"
    r"\s*,?\s+with\s+(?:the\s+|a\s+|an\s+)?",
    re.I,
)
_FORM_THEN_WITHOUT = re.compile(
    r"\s*(?:\(\s*(?P<x>[A-Za-z][\w+-]{0,11})\s*\))?\s*,?\s+or\s+without\s+"
    r"(?:the\s+|a\s+|an\s+)?",
    re.I,
)
_FORM_AFTER = re.compile(r"\s*\(\s*(?P<y>[A-Za-z][\w+-]{0,11})\s*\)")


def _with_x_or_without_x_labelled(
    text: str, s: int, e: int, regs: list[Regimen], reg: ArmRegistry
) -> bool:
    """ "randomly assigned to A with B (X) or without B (Y)": arms A+B and A, B written after
    both "with" and "without" (the plain "A with B or without B" is ``_with_b_or_without_b``),
    each arm's short form in its bracket. Without this, the short forms read as B's own
    ("(TC)" after "without pertuzumab" named pertuzumab), so both arms' values went to the arm
    with B. The forms name their arms in later sentences (``_short_form_ref``). Only in a
    randomisation sentence that has defined fewer than two arms."""
    drugged = [r for r in regs if r.drugs]
    if len(drugged) != 3 or _defined_arms(reg) >= 2:
        return False
    a, b, b2 = drugged
    if a.has_placebo or b.has_placebo or b2.has_placebo or b.drugs != b2.drugs:
        return False
    if set(b.drugs) & set(a.drugs) or not _A_THEN_WITH.fullmatch(text, a.end, b.start):
        return False
    # the bracketed forms may be mentions of their own, dropped by ``_without_short_forms``
    m = _FORM_THEN_WITHOUT.match(text, b.end, e)
    if m is None or m.end() != b2.start:
        return False
    if not _is_design_regimen(text, a, s, e) or _RANDOMISED.search(text, s, e) is None:
        return False
    with_b = reg.add(Regimen(a.start, b.end, a.hits + b.hits, [*a.joins, "strong", *b.joins]), None)
    without_b = reg.add(a, None)
    y = _FORM_AFTER.match(text, b2.end, e)
    for form, arm in ((m.group("x"), with_b), (y.group("y") if y else None, without_b)):
        if form and arm is not None:
            reg.short_forms[form] = arm
    return True


_DESIGN_BEFORE_ALTS = [
    r"receiv\w*", r"random\w*", r"assign\w*", r"allocat\w*", "versus", r"vs\.?", "or", "to",
    "with", r"compar\w*", "of", "treated", r"continu\w*",
    # "randomly divided into the pyrotinib group" (Chinese-English journal style)
    r"divided\s+into", r"randomi[sz]ed\s+into", r"assigned\s+into", r"allocated\s+into",
    # "A or solvent-based B": the other option of a design, its formulation named
    r"or\s+" + _FORMULATION,
]  # fmt: skip
_DESIGN_BEFORE_TAIL = (
    # ("or to the same chemotherapy with trastuzumab": ``_after_same_regimen`` reads it)
    r"\s*:?\s*(?:the\s+(?:same\s+)?|either\s+|a\s+|an\s+)?"
    r"(?:(?:intravenous|subcutaneous|oral|weekly|daily|(?:once|twice)[-\s]daily|dose-dense|"
    r"standard|neoadjuvant|adjuvant|maintenance|investigator-selected|investigator-chosen|"
    # the timing's other spelling: "24 weeks of pre-operative lapatinib plus trastuzumab"
    r"(?:pre|post|peri)-?operative|"
    # a biosimilar's comparator: "SB3 or reference trastuzumab, each with docetaxel"
    r"reference|originator|innovator)\s+)?"
    # ... and by where it was sourced: "HLX02 or EU-sourced trastuzumab", "or EU-trastuzumab"
    r"(?:(?:EU|US)-(?:sourced|licensed|approved|authori[sz]ed)\s+|(?:EU|US)-)?$"
)
_DESIGN_BEFORE = re.compile(word_start(_DESIGN_BEFORE_ALTS) + _DESIGN_BEFORE_TAIL, re.I)


def _word_then_end(alternatives: list[str], tail: str) -> re.Pattern[str]:
    """``search_from_end`` of ``word_start(alternatives) + tail`` (case-insensitive), written
    with a plain ``\\b``: scanning back from the end, one boundary test per position is cheaper
    than ``word_start``'s lookbehinds (which pay off when scanning forward). No alternative
    starts with a letter that ``re.I`` folds specially (i, k, s), so both match alike."""
    return search_from_end(re.compile(r"\b(?:" + "|".join(alternatives) + ")" + tail, re.I))


_DESIGN_BEFORE_END = _word_then_end(_DESIGN_BEFORE_ALTS, _DESIGN_BEFORE_TAIL)
_PRIOR_END = _word_then_end(_PRIOR_ALTS, _PRIOR_TAIL)
_PRIOR_CLASS_END = _word_then_end(_PRIOR_ALTS, r"\b[\w\s-]{0,80}$")  # see _prior_example
_TPC_OF_REGIMEN_END = search_from_end(_TPC_OF_REGIMEN)


def _is_design_regimen(text: str, r: Regimen, s: int, e: int) -> bool:
    before = text[max(s, r.start - 80) : r.start]
    return _DESIGN_BEFORE_END.match(before) is not None and not _starts_with_drug(before)


# "AC-T with trastuzumab starting with docetaxel (AC-TH)": the drug after "starting with" says
# when the regimen before it begins; it is no arm of its own, though "with" may name one.
_STARTING_WITH = re.compile(r"\b(?:starting|beginning|commencing)\s+with\s+$", re.I)


def _starts_with_drug(before: str) -> bool:
    """Whether ``before`` (the text before a regimen) ends with "starting with"."""
    return before.endswith("with ") and _STARTING_WITH.search(before, len(before) - 20) is not None


# "Disitamab Vedotin Versus Lapatinib Plus Capecitabine in ...: A Randomized Phase III Trial":
# the regimen just before "versus" and the next regimen is the first compared arm, though no
# design word stands before it (a title opens with it).
_VERSUS_GAP = re.compile(r"\s*,?\s*(?:versus|vs\.?|v\.?|compared\s+with)\s+", re.I)


# A joiner right before a regimen: it ends a longer chain the grouping did not join.
_CHAIN_BEFORE = re.compile(r"(?:\b(?:followed\s+by|then|plus|with|and)|[+/→])\s*$", re.I)


def _versus_next(text: str, regs: list[Regimen], i: int) -> bool:
    """Whether ``regs[i]`` is followed by "versus" and then the next regimen (both with drugs,
    neither with placebo)."""
    if i + 1 >= len(regs):
        return False
    r, nxt = regs[i], regs[i + 1]
    if not r.drugs or not nxt.drugs or r.has_placebo or nxt.has_placebo:
        return False  # "A versus placebo in combination with B": the placebo design's to read
    if i > 0 and _CHAIN_BEFORE.search(text, max(regs[i - 1].end, r.start - 30), r.start):
        return False  # "FEC-75 followed by paclitaxel plus trastuzumab versus ...": a chain's tail
    return (
        3 <= nxt.start - r.end <= 20 and _VERSUS_GAP.fullmatch(text, r.end, nxt.start) is not None
    )


# "randomly assigned to receive either combination therapy (A ... plus B ...) or monotherapy
# (B alone ...)": each regimen opens the bracket that follows a generic arm name written where a
# design names an arm; the name is the arm's (``_generic_arm_refs`` reads it later).
_GENERIC_NAME_OPEN = re.compile(
    r"\b(?:receive|to|or|versus|vs\.?)\s+(?:either\s+)?(?:the\s+)?"
    r"(?:combination|monotherapy)(?:[\s-]+(?:therapy|treatment|regimen))?"
    r"(?:[\s-]+(?:group|arm))?\s*[(\[]\s*$",
    re.I,
)


def _generic_name_bracket(text: str, r: Regimen, s: int) -> bool:
    """Whether regimen ``r`` opens the bracket after a generic arm name ("either combination
    therapy (lapatinib ..." / "or monotherapy (capecitabine ..."): a design regimen, though no
    design word stands right before it; not a therapy received before ("previously exposed to
    combination therapy (A plus B)"). Only read when a bracket opens right before ``r``."""
    i = r.start - 1
    while i > s and text[i] == " ":
        i -= 1
    if i <= s or text[i] not in "([":
        return False
    m = _GENERIC_NAME_OPEN.search(text, max(s, r.start - 60), r.start)
    return m is not None and not _prior(text, None, s, m.start())


# "assigned to receive A or control therapy (B in HER2-positive disease)": the bracket after a
# control arm's name holds that arm's regimen.
_CONTROL_NAME_OPEN = re.compile(
    r"\b(?:receive|to|or|versus|vs\.?)\s+(?:the\s+)?(control|standard)"
    r"(?:[\s-]+(?:therapy|treatment|regimen))?(?:[\s-]+(?:group|arm))?\s*[(\[]\s*$",
    re.I,
)


def _control_name_bracket(text: str, r: Regimen, s: int) -> str | None:
    """The label ("control"/"standard") of the arm whose name regimen ``r`` follows in a bracket
    ("or control therapy (paclitaxel plus trastuzumab ..."), else None."""
    a = max(s, r.start - 40)
    if text.find("ontrol", a, r.start) < 0 and text.find("tandard", a, r.start) < 0:
        return None
    m = _CONTROL_NAME_OPEN.search(text, a, r.start)
    return m.group(1).lower() if m is not None else None


# "divided into the observation group (inetetamab plus pyrotinib and vinorelbine, n=43) and the
# control group (...)": a group named by a word of its own, its regimen in the bracket after
# (also "into an observation group (...) and a control group (...)").
_GROUP_NAME_OPEN = search_from_end(
    re.compile(
        r"\b(?:into|to|and|or|the)\s+(?:the\s+|an?\s+)?([A-Za-z][\w-]{2,20})\s+"
        r"(?:group|arm|cohort)\s*[(\[]\s*$",
        re.I,
    )
)
# Words before a group word that name no group of their own ("assigned to either group (").
_NOT_A_GROUP_NAME = frozenset(
    ("each", "both", "either", "same", "two", "three", "all", "other", "whole", "entire")
)


def _group_name_before(text: str, s: int, r: Regimen, nxt: int) -> str | None:
    """The name of the group whose bracket regimen ``r`` opens ("the observation group (r"),
    when a word of its own names it and ``r`` is the bracket's only regimen (the next one
    starts at ``nxt``; a sequence of several is left to the sequence rules); None otherwise.
    Read only when a bracket opens right before ``r``."""
    i = r.start - 1
    while i > s and text[i] == " ":
        i -= 1
    if i <= s or text[i] not in "([":
        return None
    m = _GROUP_NAME_OPEN.match(text, max(s, r.start - 50), r.start)
    if m is None or m.group(1).lower() in _NOT_A_GROUP_NAME:
        return None
    if _segment_end(text, r.end, nxt) >= nxt:
        return None  # another regimen inside the same bracket
    return normalise_label(m.group(1))


# "randomly divided into an observation group treated with A and a control group treated with
# B" (East Asian journals' style): a group named by a word of its own, its regimen after a verb.
_GROUP_TREATED_WITH = search_from_end(
    re.compile(
        r"\b(?:into|to|and|or|an?|the)\s+(?:the\s+)?([A-Za-z][\w-]{2,20})\s+(?:group|arm)"
        r",?\s+(?:treated\s+with|receiving|given|that\s+received|which\s+received)\s+$",
        re.I,
    )
)


def _group_treated_with(text: str, s: int, r: Regimen) -> str | None:
    """The name of the group that regimen ``r`` is given to ("an observation group treated
    with r"), when a word of its own names it; None otherwise. Read only when "group"/"arm"
    is in the 60 characters before ``r``."""
    a = max(s, r.start - 60)
    if text.find("group", a, r.start) < 0 and text.find("arm", a, r.start) < 0:
        return None
    m = _GROUP_TREATED_WITH.match(text, a, r.start)
    if m is None or m.group(1).lower() in _NOT_A_GROUP_NAME:
        return None
    return normalise_label(m.group(1))


def _label_after(text: str, pos: int, end: int, low: str | None = None) -> str | None:
    """The "(X group)" / "(group A)" / "(...; group A)" label between a regimen and the next."""
    stop = min(end, pos + 250)
    if not GROUP_GATE.may_hold(low, pos, stop):
        return _control_label(text, pos, stop)  # else a label is a group word
    for m in _LABEL_ANY.finditer(text, pos, stop):
        label = m.group(1).strip().lower()
        if _GROUP_WORD.search(label):
            return normalise_label(label)
    return (
        _label_before_count(text, pos, stop)
        or _label_before_semicolon(text, pos, stop)
        or _control_label(text, pos, stop)
    )


# "A plus B (control; n = 406)", "(control)": a bracket that opens with the bare word labels
# the arm before it the control, as "(control group)" does.
_CONTROL_LABEL = re.compile(r"[\[(]\s*(?:the\s+)?[Cc]ontrol\s*(?:[;,][^()\[\]]*)?[\])]")


def _control_label(text: str, pos: int, stop: int) -> str | None:
    """ "control" if a "(control; ...)" bracket stands between ``pos`` and ``stop``, else None."""
    if text.find("ontrol", pos, stop) < 0:
        return None
    return "control" if _CONTROL_LABEL.search(text, pos, stop) else None


# "(H group; docetaxel was added at progression)": a bracket opening with the group label, then
# a note on the group after ";" (which may name a drug, so the bracket may not close before the
# next regimen).
_LABEL_THEN_NOTE = re.compile(r"[\[(]\s*(?:the\s+)?([^()\[\];,=]{1,40}?)\s*;", re.I)


def _label_before_semicolon(text: str, pos: int, stop: int) -> str | None:
    """The group label opening a "(X group; ...)" bracket between ``pos`` and ``stop``."""
    if text.find(";", pos, stop) < 0:
        return None  # every such bracket holds its ";"
    for m in _LABEL_THEN_NOTE.finditer(text, pos, stop):
        label = m.group(1).strip().lower()
        if _GROUP_WORD.search(label):
            return normalise_label(label)
    return None


# "(arm A, n=92)", "(group B; n = 107)": a bracket opening with the group label, then the
# group's patient count (the label is not the bracket's last part, so _LABEL_ANY misses it).
_LABEL_THEN_COUNT = re.compile(
    r"[\[(]\s*(?:the\s+)?([^()\[\];,=]{1,40}?)\s*[,;]\s*n\s*=\s*\d[\d,]*\s*[\])]", re.I
)


def _label_before_count(text: str, pos: int, stop: int) -> str | None:
    """The group label of a "(arm A, n=92)" bracket between ``pos`` and ``stop``, or None."""
    if text.find("=", pos, stop) < 0:
        return None  # every such bracket holds its count
    for m in _LABEL_THEN_COUNT.finditer(text, pos, stop):
        label = m.group(1).strip().lower()
        if _GROUP_WORD.search(label):
            return normalise_label(label)
    return None


_LABEL_ANY = re.compile(r"[\[(;,]\s*(?:the\s+)?([^()\[\];,]{1,40}?)\s*[\])]")


_LEADING_THE = re.compile(r"^(?:the)\s+")


def normalise_label(label: str) -> str:
    label = label.strip().lower()
    if label.startswith("the"):  # (what a _LEADING_THE match starts with)
        label = _LEADING_THE.sub("", label)
    label = _GROUP_WORD.sub("", label).strip(" -")
    return _ALONE_END.sub("", label)  # "chemotherapy-alone arm" is the "chemotherapy" arm


_ALONE_END = re.compile(r"(?<=\w)[\s-]+(?:alone|only)$")


# Words that quote another study's result ("In the earlier PHENIX trial", "as previously
# reported", "unlike ...") or a reference number ("[12]").
_CITES = re.compile(
    r"\b(?:previous(?:ly)?|earlier|prior|historical(?:ly)?|reported|published|unlike|"
    r"in\s+contrast)\b|\[\d",
    re.I,
)


def arm_refs(
    text: str,
    s: int,
    e: int,
    drug_hits: list[Hit],
    registry: ArmRegistry,
    *,
    split_weak: bool = False,
    low: str | None = None,
) -> list[ArmRef]:
    """Arm references in sentence [s, e): group names, physician's choice, regimens. ``low``:
    the ``literal_safe`` lower-cased text, or None."""
    hits = [h for h in drug_hits if s <= h.start and h.end <= e]
    if hits:
        opts = option_hits(text, hits, s, e)
        if opts:
            hits = [h for h in hits if h.start not in opts]
        regs = _split_at_plural_groups(text, group_regimens(text, hits, split_weak=split_weak))
    else:
        regs = []
    refs: list[ArmRef] = []
    group, generic, prior, without, untreated, labelled = _REF_GATES.read(low, s, e)
    if group:
        for g in _GROUP_WORD.finditer(text, s, e):
            if registry.frozen is None:
                registry.freeze()  # (only the group-word rules read it)
            listed = _lettered_list_refs(text, e, g, registry) or _lettered_list_before(
                text, s, g, registry
            )
            if listed:
                refs.extend(listed)
                continue
            ref = _group_ref(text, s, e, g, regs, registry)
            if ref is not None:
                # (only a plural word is shared; only a generic label is elided)
                if labelled and text.endswith("s", g.start(), g.end()):
                    first = _elided_label_before(text, s, ref, registry)
                    if first is not None:
                        refs.append(first)
                refs.append(ref)
    if _TPC_GATE.may_hold(text, s, e):
        for m in _tpc_phrases(text, s, e, hits):
            if not any(r.start <= m.start() < r.end for r in refs):
                refs.append(ArmRef(m.start(), m.end(), PHYSICIANS_CHOICE))
    if generic:
        refs.extend(_generic_arm_refs(text, s, e, registry, refs))
    if registry.bare_forms:
        refs.extend(_bare_form_refs(text, s, e, registry, refs))
    if registry.duration_groups > 1 and _THERAPY_NOUN_GATE.may_hold(low, s, e):
        refs.extend(_duration_label_refs(text, s, e, registry, refs))
    if _holds_observation(text, low, s, e):  # every _OBSERVATION_REF match holds it
        refs.extend(_observation_refs(text, s, e, refs))
    for alias in registry.tpc_aliases:
        if alias not in text[s:e]:
            continue  # every match holds the alias itself
        for m in compiled(r"(?<![\w-])" + re.escape(alias) + r"(?![\w-])").finditer(text[s:e]):
            if not any(r.start <= s + m.start() < r.end for r in refs):
                refs.append(ArmRef(s + m.start(), s + m.end(), PHYSICIANS_CHOICE))
    prior_words = bool(regs) and prior  # (see ``_is_prior``)
    # another trial's drugs do not fill the study's class-written arm; a trial first named
    # after the design may be the study's own acronym, so the sentence must also cite
    fill = not (registry.names_other_trial(s, e) and _CITES.search(text, s, e) is not None)
    completed = bool(regs) and _COMPLETED_GATE.may_hold(text, s, e)
    for r in regs:
        if any(x.start <= r.start < x.end for x in refs):
            continue
        if _is_prior(text, low, s, r, prior_words, completed):
            continue
        # (the window lies in the sentence: without "without" in it, it holds none)
        if r.drugs and without and _WITHOUT_GATE.may_hold(low, max(s, r.start - 16), r.start):
            without_x = _without_drug_ref(text, s, r, registry)
            if without_x is not None:
                refs.append(without_x)
                continue
        short = _short_form_ref(text, r, registry) if registry.short_forms else None
        if short is not None:
            refs.append(short)
            continue
        # a class-only mention names the drugless arm of that class before a drug arm the
        # class also labels ("trastuzumab plus chemotherapy or chemotherapy alone")
        named = None if r.drugs else _class_arm_ref(text, r, registry, low, e)
        if named is not None:
            refs.append(named)
            continue
        arm = _regimen_arm(r, registry, fill=fill)
        if r.drugs and _DRUG_ALONE_GATE.may_hold(low, r.end, r.end + 16):
            arm = _alone_arm(text, r, e, arm, registry, contrasted=len(regs) > 1)
        if arm:
            refs.append(ArmRef(r.start, r.end, arm, drugs=tuple(r.drugs)))
        elif _undesigned_placebo(r):
            refs.append(ArmRef(r.start, r.end, None))
    if refs and without:
        refs.extend(_bare_without_refs(text, s, e, regs, refs, registry))
    if refs and untreated:
        refs.extend(_untreated_group_refs(text, s, e, refs, registry))
    if refs and _PRODUCT_QUALIFIER_GATE.may_hold(low, s, e):
        _take_product_qualifiers(text, s, refs)
    if len(refs) > 1:
        refs.sort(key=_ref_start)
        chain: list[ArmRef] = []  # the list of references being read
        for a, b in zip(refs, refs[1:], strict=False):
            if _LIST_JOIN.fullmatch(text, a.end, b.start) or _slash_listed(text, a, b):
                a.in_list = b.in_list = True
                chain = chain or [a]
                chain.append(b)
            else:
                chain = []
            if chain and _ends_in_plural_group(text, b):
                _enumerate_shared_noun_list(text, chain)
    return refs


# "in the A alone and the A plus B arms": the list's last item ends in a plural group word;
# an item ending in a group word of its own ("the A arm and the B arms") shares none.
_PLURAL_GROUP_END = re.compile(r"(?<![\w-])(?:arms|groups|cohorts)$", re.I)
_GROUP_WORD_END = re.compile(r"(?<![\w-])(?:arm|group|cohort)s?$", re.I)


# The words of a group named by its role rather than its drugs ("the control arm").
_GENERIC_LABELS = (
    "control",
    "placebo",
    "comparator",
    "standard",
    "experimental",
    "investigational",
)
# "in the control and experimental groups": a generic label listed before another that the
# plural group word closes shares that word.
_ELIDED_LABEL = re.compile(
    rf"(?<![\w-])({'|'.join(_GENERIC_LABELS)})"
    r"(?:[\s-]+(?:treatment|therapy))?\s*,?\s*(?:and|or|vs\.?|versus)\s+\Z",
    re.I,
)


def _elided_label_before(text: str, s: int, ref: ArmRef, registry: ArmRegistry) -> ArmRef | None:
    """The reference a generic label makes when it is listed right before the group reference
    ``ref`` whose plural group word it shares ("the control and experimental groups": control
    first). Only when ``ref`` itself opens with a generic label and the two name different
    arms; else None."""
    if _GROUP_LABEL_START.match(text, ref.start) is None:
        return None
    m = _ELIDED_LABEL.search(text, max(s, ref.start - 40), ref.start)
    if m is None:
        return None
    arm = registry.by_label(m.group(1))
    if arm is None or arm == ref.arm:
        return None
    return ArmRef(m.start(), m.end(1), arm)


_GROUP_LABEL_START = re.compile(rf"(?:{'|'.join(_GENERIC_LABELS)})\b", re.I)
# Every ``_GROUP_LABEL_START`` match holds one of these (read with ``_REF_GATES``).
_GROUP_LABEL_GATE = WordGate(_GENERIC_LABELS)


def _ends_in_plural_group(text: str, r: ArmRef) -> bool:
    """Whether reference ``r`` ends in a plural group word ("the A plus B arms")."""
    return text.endswith("s", r.start, r.end) and _ends_in(_PLURAL_GROUP_END, text, r)


def _ends_in(pattern: re.Pattern[str], text: str, r: ArmRef) -> bool:
    """Whether ``pattern`` (a group word anchored at "$") ends reference ``r``."""
    return pattern.search(text, max(r.start, r.end - 8), r.end) is not None


def _enumerate_shared_noun_list(text: str, chain: list[ArmRef]) -> None:
    """ "3.2 and 3.7 months in the A alone and the A plus B arms": the references of a list
    sharing the plural group word its last item ends in name as many arms in order, as the
    letters of "the A and B arms" do (``ArmRef.enumerated``). Only when every item names a
    different arm and no earlier item ends in a group word of its own."""
    names = [r.arm for r in chain]
    if None in names or len(set(names)) != len(names):
        return
    if any(_ends_in(_GROUP_WORD_END, text, r) for r in chain[:-1]):
        return
    for r in chain:
        r.enumerated = True


# "pyrotinib monotherapy", "pyrotinib alone": the drugs written and no other (a crossover or
# post-progression regimen), never the one design arm that holds them with a partner.
_DRUG_ALONE_GATE = WordGate(("alone", "monotherapy"))
_DRUG_ALONE = re.compile(r"[\s-]+(?:alone|monotherapy)\b", re.I)


def _alone_arm(
    text: str, r: Regimen, e: int, arm: str | None, registry: ArmRegistry, *, contrasted: bool
) -> str | None:
    """The arm "X alone" / "X monotherapy" names: the arm of exactly X (or defined as X before
    a backbone given to every arm), else X itself when the arm a bare X resolved to adds a
    partner (a design arm, or a regimen filled from a class-written arm: "capecitabine alone"
    in a single-arm "pyrotinib plus chemotherapy" study); else ``arm`` (a physician's-choice
    arm whose option X is stays that arm). In an add-on design X alone is the arm holding X
    without the added drug (``_add_on_base``), when the sentence names another regimen
    (``contrasted``): a lone "docetaxel alone gave 6.1 months" is background, no arm."""
    if _DRUG_ALONE.match(text, r.end, e) is None:
        return arm
    ds = set(r.drugs)
    exact = _arm_of_exactly(registry, ds)
    if exact is not None and exact.name:
        return exact.name
    base = _add_on_base(registry, ds) if contrasted else None
    if base is not None:
        return base.name
    if arm is None:
        return arm
    held = next((a for a in registry.arms if a.name == arm), None)
    if held is not None and held.special:
        return arm
    if ds < (set(held.drugs) if held is not None else set(arm.split("+"))):
        return "+".join(sorted(ds))
    return arm


def _add_on_base(registry: ArmRegistry, drugs: set[str]) -> Arm | None:
    """The arm of an add-on design that "X alone" names: of two or more arms holding X, the
    one whose drugs every other such arm adds to ("trastuzumab alone" for docetaxel plus
    trastuzumab beside pertuzumab plus the same). None when no arm, or more than one, is such
    (a physician's-choice arm or one with options makes no base)."""
    held = [a for a in registry.arms if a.drugs and drugs <= set(a.drugs)]
    if len(held) < 2 or any(a.special or a.options for a in held):
        return None
    base = [a for a in held if all(set(a.drugs) < set(o.drugs) for o in held if o is not a)]
    return base[0] if len(base) == 1 and base[0].name else None


# "in the reference trastuzumab group", "with originator trastuzumab": a biosimilar trial's
# comparator, named by a qualifier word before the drug (the drug names the arm).
_PRODUCT_QUALIFIER_GATE = WordGate(("reference", "originator", "innovator"))
_PRODUCT_QUALIFIER = re.compile(r"(?<![\w-])(?:reference|originator|innovator)[\s-]+\Z", re.I)


def _take_product_qualifiers(text: str, s: int, refs: list[ArmRef]) -> None:
    """Start each reference at the product qualifier right before it, so "64.0% in the
    reference trastuzumab group" reads as a value then its group (an unknown word between
    them would leave the value without one)."""
    for r in refs:
        m = _PRODUCT_QUALIFIER.search(text, max(s, r.start - 14), r.start)
        if m is not None:
            r.start = m.start()


# "78% with observation", "74.3% for Observation", "compared with observation alone": the
# untreated arm named by "observation" after a preposition (not "observation period",
# "clinical observation").
_OBSERVATION_REF = re.compile(
    r"(?<![\w-])(?:with|versus|vs\.?|to|than|for|in)\s+(observation(?:\s+alone)?)"
    r"(?=\s*(?:[,;.)\]]|\(|$|(?:and|or|versus|vs)\b))",
    re.I,
)


def _holds_observation(text: str, low: str | None, s: int, e: int) -> bool:
    """Whether sentence [s, e) holds "observation" in any case ("74.3% with Observation"):
    the gate of ``_observation_refs``, read in the lower-cased text when there is one."""
    if low is not None:
        return low.find("observation", s, e) >= 0
    return "observation" in text[s:e].lower()


def _observation_refs(text: str, s: int, e: int, refs: list[ArmRef]) -> list[ArmRef]:
    """References to an observation (no treatment) arm in sentence [s, e): its values have no
    drug, so arm null (tests/data/gold/README.md: "HERA observation"), and a value next to it
    is not the treated arm's named earlier in the sentence."""
    return [
        ArmRef(m.start(1), m.end(1), None)
        for m in _OBSERVATION_REF.finditer(text, s, e)
        if not any(r.start <= m.start(1) < r.end for r in refs)
    ]


# Poster tables flattened into text head their columns with slashed arms, "Arm A / Arm B:
# mPFS 44.3 / 29.1 mos": two different arms joined by a slash are listed, as with "vs".
_SLASH_JOIN = re.compile(r"\s*/\s*")


def _slash_listed(text: str, a: ArmRef, b: ArmRef) -> bool:
    """Whether references ``a`` and ``b`` are two different arms joined by a slash."""
    return a.arm != b.arm and _SLASH_JOIN.fullmatch(text, a.end, b.start) is not None


# "71% with trastuzumab, vs 56% without;": a bare "without" (no drug after it) after "with X";
# the statistic's bracket may follow it ("96.3% without (HR, 1.33; ...)").
_BARE_WITHOUT = re.compile(
    r"(?<![\w-])without(?=\s*(?:[;,.)\]]|[(\[]\s*(?:HR|OR|hazard|odds|p\b)|$))", re.I
)
_WITH_END = re.compile(r"(?<![\w-])with\s+(?:the\s+|a\s+|an\s+)?\Z", re.I)


def _bare_without_refs(
    text: str, s: int, e: int, regs: list[Regimen], refs: list[ArmRef], registry: ArmRegistry
) -> list[ArmRef]:
    """A bare "without" after a "with X" reference in the sentence names the arm without X:
    the registry's arm whose drugs are those of X's arm less X (none such: no reference)."""
    out: list[ArmRef] = []
    for m in _BARE_WITHOUT.finditer(text, s, e):
        with_x = next(
            (
                r
                for r in reversed(regs)
                if r.end <= m.start()
                and r.drugs
                and _WITH_END.search(text, max(s, r.start - 12), r.start)
            ),
            None,
        )
        if with_x is None:
            continue
        ref = next((x for x in refs if x.start == with_x.start), None)
        arm = next((a for a in registry.arms if ref and a.name == ref.arm and not a.special), None)
        if arm is None:
            if ref is not None and _names_no_design_arm(ref, registry):
                out.append(ArmRef(m.start(), m.end(), None))  # not X's arm, as after "without X"
            continue
        rest = set(arm.drugs) - set(with_x.drugs)
        without = _arm_of_exactly(registry, rest) if rest else _drugless_arm(registry)
        if without is not None and without is not arm:
            out.append(ArmRef(m.start(), m.end(), ref_name(without)))
        elif not rest and _untreated_comparison(registry, arm):
            out.append(ArmRef(m.start(), m.end(), None))
    return out


def _names_no_design_arm(ref: ArmRef, registry: ArmRegistry) -> bool:
    """Whether reference ``ref`` (a "with X" mention) names no arm of the registry: X's arm
    was read from the mention alone, so a bare "without" after it names no arm either."""
    return ref.arm is not None and all(a.name != ref.arm for a in registry.arms)


# "45.8% with pertuzumab and 29.0% without pertuzumab": a drug named after "without" (not
# "with or without") stands for the patients who did not get it, not for its arm.
_WITHOUT_END = re.compile(r"(?<![\w-])(?<!\bor\s)without\s+(?:the\s+|a\s+|an\s+)?\Z", re.I)


def _without_drug_ref(text: str, s: int, r: Regimen, registry: ArmRegistry) -> ArmRef | None:
    """A reference (from "without" on) for a regimen right after "without": the arm with the
    drugs of X's arm less X (see ``_bare_without_refs``), or arm null when the design defines
    no such arm (never X's own arm). None when "without" does not come right before ``r``."""
    m = _WITHOUT_END.search(text, max(s, r.start - 16), r.start)
    if m is None:
        return None
    name = _regimen_arm(r, registry)
    arm = next((a for a in registry.arms if a.name == name and not a.special), None)
    without = None
    if arm is not None:
        rest = set(arm.drugs) - set(r.drugs)
        without = _arm_of_exactly(registry, rest) if rest else _drugless_arm(registry)
    if without is arm:
        without = None
    # the reference starts at "without", which reads as its own anchor word (as a bare one does)
    return ArmRef(m.start(), r.end, ref_name(without) if without is not None else None)


# "96.3% in trastuzumab-treated women and 88.5% in untreated women": a group of patients named
# as untreated ("untreated patients", "non-treated women"; never "previously untreated
# patients", the first-line population) got no drug.
_UNTREATED_GATE = WordGate(("untreated", "non-treated", "nontreated"))
_UNTREATED_GROUP = re.compile(
    r"(?<![\w-])(?:un|non-?)treated\s+(?:women|patients|participants|subjects|controls?|"
    r"(?:group|cohort)s?)\b",
    re.I,
)
_UNTREATED_NOT_AFTER = re.compile(r"(?:previously|otherwise|initially|chemotherapy)[\s-]*\Z", re.I)


def _untreated_group_refs(
    text: str, s: int, e: int, refs: list[ArmRef], registry: ArmRegistry
) -> list[ArmRef]:
    """Arm-null references for "untreated women/patients" beside a treated group's reference,
    where the design registers one treated arm only (an observational comparison, as in
    ``_untreated_comparison``): their values are the untreated group's, not the nearest arm's."""
    arms = [a for a in registry.arms if not a.special]
    if len(arms) != 1 or not arms[0].drugs:
        return []
    out: list[ArmRef] = []
    for m in _UNTREATED_GROUP.finditer(text, s, e):
        if _UNTREATED_NOT_AFTER.search(text, max(s, m.start() - 16), m.start()):
            continue
        if not any(r.start <= m.start() < r.end for r in refs):
            out.append(ArmRef(m.start(), m.end(), None))
    return out


def _untreated_comparison(registry: ArmRegistry, arm: Arm) -> bool:
    """ "29.4% with trastuzumab and 18.9% without" where the design registers only X's arm (an
    observational comparison of treated and untreated patients; no drugless arm is defined):
    the patients "without" had no drug, so their value has arm null, not X's arm."""
    return all(a is arm for a in registry.arms if not a.special)


def _drugless_arm(registry: ArmRegistry) -> Arm | None:
    """The design's one arm without a named drug ("chemotherapy with or without trastuzumab":
    the chemotherapy arm), or None. "94.8% with trastuzumab and 96.3% without" names it when X's
    arm has no other named drug; its values then have arm null instead of the nearest arm's."""
    arms = _drugless_arms(registry)
    return arms[0] if len(arms) == 1 else None


def _drugless_arms(registry: ArmRegistry) -> list[Arm]:
    """The design's arms that name no drug ("physician's choice" and other special arms aside)."""
    return [a for a in registry.arms if not a.special and not a.drugs]


# "89.2% for chemotherapy alone": a drug class followed by "alone"/"only".
_CLASS_ALONE = re.compile(r"[\s-]+(?:alone|only)\b", re.I)
_CLASS_ALONE_GATE = WordGate(("alone", "only"))


def _class_arm_ref(
    text: str, r: Regimen, registry: ArmRegistry, low: str | None, e: int
) -> ArmRef | None:
    """A class-only mention ("with chemotherapy", "chemotherapy alone") names the design's arm
    without a named drug that carries that class label ("T-DXd or chemotherapy"): a reference
    with arm null, so the value before it is not given to the nearest named regimen ("10.1
    months with T-DXd and 5.4 months with chemotherapy", "89.8% for chemotherapy plus
    trastuzumab and 89.2% for chemotherapy alone"). None when no such arm (or more than one)
    exists."""
    arms = _drugless_arms(registry)
    if not arms:
        return None
    labels = {_hit_class_label(h) for h in r.hits if h.kind == "class"}
    arms = [a for a in arms if a.labels & labels]
    if len(arms) != 1:
        return None
    alone = (
        _CLASS_ALONE.match(text, r.end)
        if _CLASS_ALONE_GATE.may_hold(low, r.end, min(e, r.end + 8))
        else None
    )
    return ArmRef(r.start, alone.end() if alone else r.end, ref_name(arms[0]))


# "the combination(-therapy) group/arm", "the combination", "combination therapy", "the
# monotherapy arm": generic names of the two arms of a drug-versus-drug-plus-partners design;
# "the triplet (regimen)", "the doublet arm": the arm of three (two) drugs (``_sized_arm``).
_GENERIC_GATE = WordGate(("combination", "monotherapy", "triplet", "doublet", "both"))
# "14.1 months with both": "both" as the object of a treatment word, ending its phrase (not
# "both arms", "both HER2 and HR"); it names the combination arm of "A, B, or both". Its values
# may follow in a bracket: "more frequent with A than with both (20% vs 12%)".
_WITH_BOTH = re.compile(
    r"\b(?:with|receiving|received|given|on)\s+both(?:\s+(?:drugs|agents|antibodies))?"
    r"(?=\s*(?:[,;.()\[\]]|$)|\s+(?:and|or|vs\.?|versus|compared|than|had|have|has|achieved|"
    r"showed|experienced|was|were)\b)",
    re.I,
)
_GENERIC_ARM = re.compile(
    word_start(["combination", "monotherapy", "triplet", "doublet"])
    + r"(?:[\s-]+(?:therapy|treatment|regimen))?(?:[\s-]+(?:group|arm|cohort))?\b"
    r"(?![\s-]*(?:of|with|plus|and\s+\w+\s+(?:groups|arms)|groups|arms|cohorts|chemotherapy|"
    r"partners?|agents?|drugs?)\b)"
)
# The word before a generic name: an article or a joiner, not a drug ("pyrotinib monotherapy"
# is a regimen) or a qualifier ("tucatinib-combination group", "fixed-dose combination").
_GENERIC_BEFORE = re.compile(
    r"(?:^|[(\[,;:]|\b(?:the|with|versus|vs\.?|v\.?|than|over|to|or|and|for|of|on|under|"
    r"receiving|received))\s*$",
    re.I,
)


def _nested_pair(registry: ArmRegistry) -> tuple[str | None, str | None] | None:
    """(combination arm, monotherapy arm) when the design is one drug against that drug plus
    partners: exactly two arms, the smaller a single drug the larger one contains."""
    if len(registry.arms) != 2:
        return None
    small, big = sorted(registry.arms, key=_drug_count)
    if small.special or big.special or small.options or big.options or len(small.drugs) != 1:
        return None
    if not set(small.drugs) < set(big.drugs):
        return None
    return big.name, small.name


def _combination_of_all(registry: ArmRegistry) -> str | None:
    """The arm "the combination" names in an "A, B, or A plus B" design: the combination arm
    (``_combination_arm``) once the randomisation called it so (``_name_the_combination``);
    "monotherapy" stays unread there, as it could mean any of the others."""
    big = _combination_arm(registry)
    return big.name if big is not None and "combination" in big.labels else None


def _combination_arm(registry: ArmRegistry) -> Arm | None:
    """The one arm whose drugs are exactly those of all the other arms together (three or more
    arms, each a strict part of it, no physician's choice or drugless arm)."""
    if len(registry.arms) < 3 or any(a.special or not a.drugs for a in registry.arms):
        return None
    big = max(registry.arms, key=_drug_count)
    rest = [a for a in registry.arms if a is not big]
    union = {d for a in rest for d in a.drugs}
    if union != set(big.drugs) or not all(set(a.drugs) < union for a in rest):
        return None
    return big


# "529 women were randomly assigned: 181 to trastuzumab, 174 to lapatinib, and 174 to the
# combination": the allocation itself calls the arm holding both "the combination".
_TO_THE_COMBINATION = re.compile(
    r"\bto\s+(?:the|their)\s+combination\b(?![\s-]+(?:of|with)\b)", re.I
)


def _name_the_combination(text: str, sentences: list[tuple[int, int]], reg: ArmRegistry) -> None:
    """Label the combination arm "combination" when a randomisation sentence allocates
    patients "to the combination" (only then do "the combination group" / "given the
    combination" name it: without that, a three-arm design leaves them unread)."""
    if not any(_TO_THE_COMBINATION.search(text, s, e) for s, e in sentences):
        return
    big = _combination_arm(reg)
    if big is not None:
        big.labels.add("combination")


# "We compared lapatinib, trastuzumab, or the combination of both": the aim itself names the
# arm holding both "the combination" (any sentence may say it, not only the randomisation).
# "Patients received lapatinib, trastuzumab, or the combination for 6 weeks": "of both" may be
# left out (not "the combination of X and Y", "the combination with X", which name drugs).
# (``regimens.OR_BOTH``'s phrase; searched for, so where it ends does not matter)
_COMBINATION_OF_BOTH = re.compile(r"\bor\s+" + THE_COMBINATION, re.I)


def _name_the_combination_of_both(text: str, reg: ArmRegistry) -> None:
    """Label the combination arm (``_combination_arm``) "combination" when the text offers it
    as "A, B, or the combination of both"."""
    if _COMBINATION_OF_BOTH.search(text) is None:
        return
    big = _combination_arm(reg)
    if big is not None:
        big.labels.add("combination")


def _drug_count(arm: Arm) -> int:
    return len(arm.drugs)


def _generic_arm_refs(
    text: str, s: int, e: int, registry: ArmRegistry, refs: list[ArmRef]
) -> list[ArmRef]:
    """References by generic name ("the combination group", "monotherapy") in a two-arm nested
    design (``_nested_pair``), "the combination" in an "A, B, or A plus B" design
    (``_combination_of_all``); none elsewhere, where the names could mean either arm."""
    pair: tuple[str | None, str | None] | None = None
    out: list[ArmRef] = []
    if text.find("both", s, e) >= 0:
        out.extend(_with_both_refs(text, s, e, registry))
    out.extend(_plural_generic_refs(text, s, e))
    for m in _GENERIC_ARM.finditer(text, s, e):
        if any(r.start < m.end() and m.start() < r.end for r in refs):
            continue  # already read as a group name ("tucatinib-combination group")
        before = text[max(s, m.start() - 12) : m.start()]
        if not _GENERIC_BEFORE.search(before):
            continue
        word = m.group(0).lower()
        bare = word in _BARE_GENERIC
        if bare and not _THE_END.search(before):
            continue  # "combination" alone names the arm only as "the combination"
        size = _SIZE_WORDS.get(word[:7])
        if size is not None:
            if len(registry.arms) >= 2:  # (with no design, the name is the whole population's)
                out.append(ArmRef(m.start(), m.end(), _sized_arm(registry, size)))
            continue
        if pair is None:
            pair = _nested_pair(registry) or (_combination_of_all(registry), None)
            if pair[0] is None and _GROUP_NOUN_END.search(m.group(0)):
                pair = (_uniting_arm(registry), None)
            if pair[0] is None:
                return []
        big, small = pair
        arm = small if m.group(0).lower().startswith("mono") else big
        if arm is None:
            continue  # "monotherapy" where several arms are single drugs
        out.append(ArmRef(m.start(), m.end(), arm))
    return out


def _with_both_refs(text: str, s: int, e: int, registry: ArmRegistry) -> list[ArmRef]:
    """References "with both" (``_WITH_BOTH``) to the combination arm of an "A, B, or both"
    design (``_combination_of_all``); none in other designs."""
    found = list(_WITH_BOTH.finditer(text, s, e))
    arm = _combination_of_all(registry) if found else None
    if arm is None:
        return []
    # (the reference is "both" on, as a drug's is its name after "with")
    return [ArmRef(m.start() + m.group(0).lower().index("both"), m.end(), arm) for m in found]


# "the monotherapy groups", "the combination arms": several arms at once, so no one arm.
_PLURAL_GENERIC = re.compile(
    r"\bthe\s+(?:monotherapy|combination)\s+(?:groups|arms|cohorts)\b", re.I
)


def _plural_generic_refs(text: str, s: int, e: int) -> list[ArmRef]:
    """Round 51: a plural generic name ("the monotherapy groups") is a reference to no one arm,
    so that its value takes no arm named before it."""
    if (
        text.find("groups", s, e) < 0
        and text.find("arms", s, e) < 0
        and text.find("cohorts", s, e) < 0
    ):
        return []
    return [ArmRef(m.start(), m.end(), None) for m in _PLURAL_GENERIC.finditer(text, s, e)]


_GROUP_NOUN_END = re.compile(r"(?:group|arm|cohort)\Z", re.I)


def _uniting_arm(registry: ArmRegistry) -> str | None:
    """Round 51: the arm "the combination group/arm" names among three or more: the one arm
    whose own drugs (those not every arm shares) are exactly those of two or more other arms
    together, each holding a strict part of them ("lapatinib, trastuzumab, or lapatinib plus
    trastuzumab, each with paclitaxel"). None when no arm or several do so, or an arm is a
    physician's choice, per-patient options or drugless."""
    arms = registry.arms
    if len(arms) < 3 or any(a.special or a.options or not a.drugs for a in arms):
        return None
    shared = set.intersection(*(set(a.drugs) for a in arms))
    own = [set(a.drugs) - shared for a in arms]
    found = []
    for i, mine in enumerate(own):
        parts = [o for j, o in enumerate(own) if j != i and o and o < mine]
        if len(parts) >= 2 and set().union(*parts) == mine:
            found.append(arms[i].name)
    return found[0] if len(found) == 1 else None


_THE_END = re.compile(r"\bthe\s+$", re.I)
_BARE_GENERIC = frozenset(("combination", "triplet", "doublet"))
_SIZE_WORDS = {"triplet": 3, "doublet": 2}


def _sized_arm(registry: ArmRegistry, size: int) -> str | None:
    """The arm "the triplet" ("the doublet") names: the one design arm of exactly ``size``
    drugs. None when no arm or several have that many, or an arm's drugs are not all named
    (a physician's choice, per-patient options, a drug class: "trastuzumab plus pertuzumab plus
    chemotherapy" is "the triplet", though it names two drugs): the name then means no arm it
    can be sure of."""
    if any(a.special or a.options or a.with_class for a in registry.arms):
        return None
    sized = [a for a in registry.arms if len(a.drugs) == size]
    return sized[0].name if len(sized) == 1 else None


# "in arms A, B(,) and C": a plural group word, then a list of letters (or numbers).
_LETTER_LIST = re.compile(r"\s+[A-Z1-9](?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)[A-Z1-9])+\b")
_LIST_ITEM = re.compile(r"\b[A-Z1-9]\b")


def _lettered_list_refs(text: str, e: int, g: re.Match[str], registry: ArmRegistry) -> list[ArmRef]:
    """One listed reference per label of "arms A, B and C" when every letter is the label of
    an arm the design defined ("arm A: ..."); [] otherwise (a single "group A" is read by
    ``_group_ref``)."""
    if not g.group(0).lower().endswith("s"):
        return []
    m = _LETTER_LIST.match(text, g.end(), e)
    if m is None:
        return []
    items = list(_LIST_ITEM.finditer(text, m.start(), m.end()))
    return _enumerated_refs(items, registry, first_start=g.start())


def _capital_before(text: str, s: int, pos: int) -> bool:
    """Whether the last non-space character before ``pos`` (within the sentence) is a capital
    letter: the cheap test that a letter list may end there."""
    j = pos
    while j > s and text[j - 1].isspace():
        j -= 1
    return j > s and "A" <= text[j - 1] <= "Z"


# "in the A, B(,) and C arms": the list of letters before the plural group word.
_LETTER_LIST_BEFORE = re.compile(r"(?<![\w-])[A-Z](?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)[A-Z])+\s+$")
_CAPITAL = re.compile(r"[A-Z]")


def _lettered_list_before(
    text: str, s: int, g: re.Match[str], registry: ArmRegistry
) -> list[ArmRef]:
    """``_lettered_list_refs`` for "the A, B and C arms": the letters come before the plural
    group word (which the last reference takes in); every letter must label a defined arm."""
    if not g.group(0).lower().endswith("s") or not _capital_before(text, s, g.start()):
        return []
    a = max(s, g.start() - 40)
    m = _LETTER_LIST_BEFORE.search(text, a, g.start())
    if m is None:
        return []
    items = list(_CAPITAL.finditer(text, m.start(), m.end()))
    return _enumerated_refs(items, registry, last_end=g.end())


def _enumerated_refs(
    items: list[re.Match[str]],
    registry: ArmRegistry,
    *,
    first_start: int | None = None,
    last_end: int | None = None,
) -> list[ArmRef]:
    """One listed, enumerated reference per label of a letter list, when every letter labels a
    defined arm ([] otherwise); the group word joins the first (``first_start``: "arms A, B")
    or the last reference (``last_end``: "the A and B arms")."""
    labels = registry.frozen[0]
    if not all(x.group(0).lower() in labels for x in items):
        return []
    refs = [ArmRef(x.start(), x.end(), registry.by_label(x.group(0)), True, True) for x in items]
    if refs and first_start is not None:
        refs[0].start = first_start
    if refs and last_end is not None:
        refs[-1].end = last_end
    return refs


def _bare_form_refs(
    text: str, s: int, e: int, registry: ArmRegistry, refs: list[ArmRef]
) -> list[ArmRef]:
    """The design's bare short forms ("74% with TL") written as words in sentence [s, e),
    outside the references already read, and before a bracket redefines them."""
    out: list[ArmRef] = []
    for form, arm in registry.bare_forms.items():
        stop = min(e, registry.bare_form_ends.get(form, e))
        at = text.find(form, s, stop)
        while at >= 0:
            end = at + len(form)
            word = not (at and _SHORT_FORM_CHARS.match(text, at - 1))
            word = word and not _SHORT_FORM_CHARS.match(text, end)
            if word and not any(r.start < end and at < r.end for r in refs):
                out.append(ArmRef(at, end, arm.name))
            at = text.find(form, end, e)
    return out


# "33% with extended therapy": a duration group's label before a word for the treatment names
# that group, as "the extended arm" does (only in a design comparing durations of one regimen,
# where the label is a group's; "standard therapy" elsewhere is any standard of care). "The short
# duration of follow-up" is the study's, no group's.
_THERAPY_NOUNS = ("therapy", "treatment", "duration")
_THERAPY_NOUN_GATE = WordGate(_THERAPY_NOUNS)
_LABEL_THEN_NOUN = r"(?<![\w-])({})\s+(?:" + "|".join(_THERAPY_NOUNS) + r")\b(?!\s+of\s+follow)"


def _duration_label_refs(
    text: str, s: int, e: int, registry: ArmRegistry, refs: list[ArmRef]
) -> list[ArmRef]:
    """References "<label> therapy" to the duration groups' word labels in sentence [s, e),
    outside the references already read."""
    words = sorted({lb for a in registry.arms for lb in a.labels if len(lb) > 2 and lb.isalpha()})
    if not words:
        return []
    pattern = compiled(_LABEL_THEN_NOUN.format("|".join(map(re.escape, words))), re.I)
    out: list[ArmRef] = []
    for m in pattern.finditer(text, s, e):
        if not any(r.start < m.end() and m.start() < r.end for r in refs):
            out.append(ArmRef(m.start(), m.end(), registry.by_label(m.group(1))))
    return out


def _redefined_bare_forms(text: str, drug_hits: list[Hit], reg: ArmRegistry) -> None:
    """Where a bracket after the first one holding a bare form follows a drug mention of a
    regimen other than the form's arm ("In a separate cohort, pertuzumab plus trastuzumab (PH)
    gave ...", after "... either alone (PH)"): a new definition from there on
    (``ArmRegistry.bare_form_ends``)."""
    ends = {h.end: h for h in drug_hits}
    for form, arm in reg.bare_forms.items():
        bracket = "(" + form + ")"
        first = text.find(bracket)
        at = text.find(bracket, first + 1) if first >= 0 else -1
        while at >= 0:
            if _redefines(text, drug_hits, ends, at, arm):
                reg.bare_form_ends[form] = at
                break
            at = text.find(bracket, at + 1)


def _redefines(text: str, drug_hits: list[Hit], ends: dict[int, Hit], at: int, arm: Arm) -> bool:
    """Whether the bracket at ``at`` follows a drug chain whose drugs are not ``arm``'s."""
    j = at
    while j > 0 and text[j - 1].isspace():
        j -= 1
    if j not in ends:
        return False
    chain = chains_before(text, drug_hits, at)
    return bool(chain) and sorted({d for h in chain for d in h.drugs}) != sorted(arm.drugs)


def _ref_start(ref: ArmRef) -> int:
    return ref.start


def _split_at_plural_groups(text: str, regs: list[Regimen]) -> list[Regimen]:
    """ "between the A (...) and the B (...) groups": a plural group word splits the list."""
    split: list[Regimen] = []
    for r in regs:
        if len(r.hits) < 2 or not _GROUPS_AFTER.match(text, r.end):
            split.append(r)
        elif "strong" not in r.joins:
            split.extend(Regimen(h.start, h.end, [h]) for h in r.hits)
        else:
            split.extend(_split_at_and_the(text, r))
    return split


# "the docetaxel and the docetaxel plus pertuzumab groups": "and the" opens the next label.
_AND_THE = re.compile(r"\s*,?\s*and\s+the\s+", re.I)


def _split_at_and_the(text: str, r: Regimen) -> list[Regimen]:
    """Regimen ``r`` (regimens joined by "plus"/"with") cut where "and the" opens another
    group's label; ``[r]`` when no such gap joins its mentions."""
    hits = r.hits
    cuts = [
        k for k in range(1, len(hits)) if _AND_THE.fullmatch(text, hits[k - 1].end, hits[k].start)
    ]
    if not cuts:
        return [r]
    out: list[Regimen] = []
    for a, b in zip([0, *cuts], [*cuts, len(hits)], strict=True):
        out.append(Regimen(hits[a].start, hits[b - 1].end, hits[a:b], r.joins[a : b - 1]))
    return out


def _group_ref(
    text: str, s: int, e: int, g: re.Match[str], regs: list[Regimen], registry: ArmRegistry
) -> ArmRef | None:
    """ "<regimen|label> group/arm" or "group A": a group name, resolved through the registry.
    The readings are tried in order of precedence; the first that applies decides."""
    labels, label_res = registry.frozen
    gs, ge = g.span()
    letter = _LETTER_DIGIT.match(text, ge, e)
    if letter is None or letter.group(1).lower() not in labels:
        letter = _LETTER.match(text, ge, e)  # ("cohort B1": only as a label the design gave)
    if letter and letter.group(1).lower() in labels:
        return ArmRef(gs, letter.end(), registry.by_label(letter.group(1).lower()))
    if letter and _other_letter_defined(letter.group(1).lower(), labels):
        # "Arm A" where the design lettered only "(Arm B)": arm A's regimen named no drug
        # ("anti-HER2 + ET (Arm A)"), so its values have arm null, never arm B's
        return ArmRef(gs, letter.end(), None)
    before = text[max(s, gs - 60) : gs]
    if before.endswith(_NON_CLASS_ENDS):  # (before the labels: "non anthracycline group" ends
        other = _non_class_group_ref(before, gs, ge, registry)  # in the label "anthracycline")
        if other is not None:
            return other
    for lb, rx in zip(labels, label_res, strict=True):
        if _label_ends(rx, lb, before):
            if not _label_shared(registry, lb):
                return ArmRef(gs - len(lb) - 1, ge, registry.by_label(lb))
            if _whole_group_label(before, lb):
                return ArmRef(gs - len(lb) - 1, ge, None)
    if "low-dose" in labels and _says_dose(before):
        wrapped = _low_dose_label_ref(before, gs, ge, registry)
        if wrapped is not None:
            return wrapped
    for reg in regs:
        if 0 <= gs - reg.end <= 14 and _GROUP_JOIN.fullmatch(text, reg.end, gs):
            arm = registry.resolve_drugs(reg.drugs, placebo=reg.has_placebo)
            if reg.has_placebo and not reg.drugs:
                arm = registry.by_label("placebo")
            elif arm is None and not reg.drugs:
                arm = _class_group_arm(reg, registry)
            short = _short_form_ref(text, reg, registry) if registry.short_forms else None
            start = reg.start
            if short is not None:
                arm = short.arm  # "the AC-THP arm": the arm the design named so
                start = short.start  # (the whole form: "the ET+HP arm")
            arm = registry.by_label(normalise_label(text[reg.start : ge])) or arm
            return ArmRef(start, ge, arm)
    lab = _GROUP_LABEL.search(before)
    if lab:
        return ArmRef(gs - len(before) + lab.start(), ge, registry.by_label(lab.group(1)))
    if before.endswith(_REFERENCE_ENDS) and not _CATEGORY_BRACKET.match(text, ge, e):
        product = _reference_product_ref(before, gs, ge, registry)
        if product is not None:
            return product
    return _same_drugs_group_ref(
        before, gs, ge, registry, _DURATION_UNITS, _DURATION_LABEL
    ) or _same_drugs_group_ref(before, gs, ge, registry, _SCHEDULE_WORDS, _SCHEDULE_LABEL)


# "the reference group", "the originator arm": a biosimilar trial's group given the reference
# product, named so though its design did not label it.
_REFERENCE_GROUP = re.compile(
    r"(?<![\w-])(?:reference|originator|innovator)(?:[\s-]+product)?[\s-]*$", re.I
)
# "the reference group (age <50 years)", "(ECOG 0)", "(premenopausal)": a bracket saying who
# belongs to the group makes it a subgroup analysis's reference category, no product's arm
# (a size, a statistic or a value may follow the product's group: "(n = 120)", "(95% CI", "(HR").
_CATEGORY_BRACKET = re.compile(r"\s*[(\[]\s*(?:[<>≤≥]|(?!(?:n|CI|HR|OR|RR|P|vs)\b)[A-Za-z])", re.I)
_REFERENCE_ENDS = tuple(
    f"{word}{gap}" for word in ("reference", "originator", "innovator", "product") for gap in " -"
)


def _reference_product_ref(before: str, gs: int, ge: int, registry: ArmRegistry) -> ArmRef | None:
    """The arm "the reference group" names where no arm was labelled so: when every arm of the
    design has one name (a biosimilar and its reference product, each with the same partners:
    ``_twins``), the reference product's arm has that name too; else None (the word alone does
    not say which of different regimens is the reference)."""
    m = _REFERENCE_GROUP.search(before)
    if m is None or not _twins(registry.arms):
        return None
    return ArmRef(gs - len(before) + m.start(), ge, registry.arms[0].name)


def _class_group_arm(reg: Regimen, registry: ArmRegistry) -> str | None:
    """ "67% in the anthracycline group" where no arm was labelled so: a group named by one drug
    class is the drug arm holding a member of that class, when exactly one of the two does
    (``_class_member_arm``); else None."""
    if len(reg.hits) != 1 or reg.hits[0].kind != "class":
        return None
    holding = _class_member_arm(registry, _hit_class_label(reg.hits[0]))
    return holding.name if holding is not None else None


# "the non-anthracycline group", "the taxane-free arm": the group whose regimen has no drug of
# the class, in a two-arm design where the other arm has one.
_NON_CLASS = re.compile(
    r"(?<![\w-])(?:non-?\s?(anthracycline|taxane)|(anthracycline|taxane)-free)[\s-]*$", re.I
)
_NON_CLASS_ENDS = tuple(
    f"{word}{gap}" for word in ("anthracycline", "taxane", "-free") for gap in (" ", "-")
)


def _non_class_group_ref(before: str, gs: int, ge: int, registry: ArmRegistry) -> ArmRef | None:
    """The arm a "non-<class> group" names: the other drug arm of the two when exactly one
    holds a drug of that class (``_class_member_arm``); else None."""
    m = _NON_CLASS.search(before)
    if m is None:
        return None
    holding = _class_member_arm(registry, (m.group(1) or m.group(2)).lower())
    if holding is None:
        return None
    other = next(a for a in registry.arms if a.drugs and a is not holding)
    return ArmRef(gs - len(before) + m.start(), ge, other.name)


def _label_shared(registry: ArmRegistry, label: str) -> bool:
    """Whether two or more arms carry ``label``: a class every arm shares ("L+T+AI, T+AI or
    L+AI": the backbone "AI") names no one arm, so "the L+AI arms" is read by its regimen."""
    return sum(1 for a in registry.arms if label in a.labels) > 1


# The words before a shared label that make it the whole group phrase: "in the AI arms".
_WHOLE_GROUP_BEFORE = re.compile(
    r"(?:^|\b(?:the|in|both|all|two|three|of|with|among|across|for))\s*\Z", re.I
)


def _whole_group_label(before: str, label: str) -> bool:
    """Whether a label every arm shares (``_label_shared``) is the whole group phrase ending
    ``before``: "69% of patients in the AI arms" names all the arms that carry it, so no one arm
    (not "the L+AI arms", whose own label is read by its regimen)."""
    stripped = before.rstrip(" -")
    start = len(stripped) - len(label)
    return start >= 0 and _WHOLE_GROUP_BEFORE.search(stripped, 0, start) is not None


def _other_letter_defined(letter: str, labels: list[str]) -> bool:
    """Whether the design labelled another arm by a single letter or digit (but not ``letter``,
    which the caller looked up first)."""
    return any(len(lb) == 1 and lb != letter for lb in labels)


# "the sequential group", "the concurrent arm": a group named by the schedule of its drugs.
_SCHEDULE_WORDS = ("sequential", "concurrent", "concomitant", "simultaneous")
_SCHEDULE_LABEL = re.compile(r"(?<![\w-])(?:" + "|".join(_SCHEDULE_WORDS) + r")[\s-]*$", re.I)


# "the 12-month group", "the 6-month arm", "the 1-year group", "the 9-week arm": a group named
# by how long its treatment lasts.
_DURATION_UNITS = ("month", "months", "mo", "year", "years", "yr", "week", "weeks", "wk")
_DURATION_LABEL = re.compile(
    r"(?<![\w-])(?:\d+(?:[.·]\d+)?|one|two|three|four|five|six|nine|twelve|eighteen|twenty-four)"
    r"[\s-]*(?:months?|mo|years?|yr|weeks?|wk)[\s-]*$",
    re.I,
)


def _same_drugs_group_ref(
    before: str,
    gs: int,
    ge: int,
    registry: ArmRegistry,
    ends: tuple[str, ...],
    label: re.Pattern[str],
) -> ArmRef | None:
    """A group named by how its regimen is given, for how long ("the 12-month group": 6 vs 12
    months of trastuzumab) or in what order ("the sequential group" / "the concurrent group"),
    is an arm of a design whose arms give the same drugs: the arm of that regimen when every
    arm the design defined has the same drugs; else no reference (the name does not say which
    regimen). ``ends``: the words ``before`` must end with (a cheap test before ``label``)."""
    if not before.rstrip(" -").lower().endswith(ends):
        return None
    m = label.search(before)
    if m is None:
        return None
    arm = _single_regimen(registry)
    if arm is None:
        return None
    return ArmRef(gs - len(before) + m.start(), ge, arm)


def _single_regimen(registry: ArmRegistry) -> str | None:
    """The name of the design's one regimen: every defined arm has that same drug list (no
    placebo-only, physician's-choice or per-patient-option arm); else None."""
    arms = registry.arms
    if not arms or any(a.special or a.options or a.has_placebo or not a.drugs for a in arms):
        return None
    if any(a.drugs != arms[0].drugs for a in arms):
        return None
    return arms[0].name


# A compound short form in the bracket right after a design regimen: "(AC-KP)", "(AC-THP)",
# "(T-DM1+P)". Its parts may be known abbreviations (AC, THP) whose contract drugs differ from
# what the text gave ("taxane"), or unknown letters (KP): the whole form names that arm. A part
# of digits only is a dose ("(FEC-75)"), no compound: such a form names what its letters do.
_SHORT_FORM_AFTER = re.compile(
    r"\s*\(\s*([A-Z][A-Za-z0-9]*(?:\s*[-+]\s*[0-9]*[A-Za-z][A-Za-z0-9]*)+)\s*\)"
)
_SHORT_FORM_CHARS = re.compile(r"[\w+-]")


# The short form of an arm that adds to another arm only a class naming no drug ("TCHP or TCHP
# plus an aromatase inhibitor (TCHP+AI)"): the arm has no name of its own (``_adds_unnamed_class``).
CLASS_TWIN = Arm([], False, {"(class twin)"})


def _adds_unnamed_class(r: Regimen, before: list[Regimen]) -> bool:
    """Whether design regimen ``r`` is a regimen listed before it in its sentence (``before``),
    written with drugs alone, plus a drug class that names no drug ("TCHP or TCHP plus an
    aromatase inhibitor"): no name can tell the two arms apart, so it must not merge into (or
    label) the arm without it. Two arms that each add a class to one drug ("A plus endocrine
    therapy or A plus chemotherapy") are one arm named by its drug, as before."""
    last = r.hits[-1]
    if last.kind != "class" or last.drugs or len(r.hits) < 2:
        return False
    drugs = r.drugs
    return any(p.drugs == drugs and all(h.kind != "class" for h in p.hits) for p in before if drugs)


def _record_short_form(text: str, pos: int, end: int, arm: Arm, reg: ArmRegistry) -> None:
    """Record the compound short form written right after a design regimen (ending at
    ``pos``, before ``end``) as a name of ``arm``; a form given to two arms names neither."""
    if text.startswith("(", pos) or text.startswith(" (", pos):
        m = _SHORT_FORM_AFTER.match(text, pos, end)
        if m is not None and (arm.name is not None or arm is CLASS_TWIN):
            form = m.group(1)
            if reg.short_forms.get(form, arm) is not arm:
                reg.short_forms[form] = Arm([], False, set())  # ambiguous: no name
            else:
                reg.short_forms[form] = arm


def _short_form_ref(text: str, r: Regimen, registry: ArmRegistry) -> ArmRef | None:
    """The arm a result mention names when the word it is written in ("with AC-KP": the "AC"
    of it is a regimen mention) is a compound short form the design gave an arm."""
    a, b = r.start, r.end
    while a > 0 and _SHORT_FORM_CHARS.match(text, a - 1):
        a -= 1
    while b < len(text) and _SHORT_FORM_CHARS.match(text, b):
        b += 1
    arm = registry.short_forms.get(text[a:b])
    if arm is CLASS_TWIN:
        return ArmRef(r.start, r.end, None)  # an arm, but none a name tells apart
    if arm is None or arm.name is None:
        return None
    # the reference is the whole form: "with ET+HP" names the arm right after "with"
    return ArmRef(a, b, arm.name)


def _regimen_arm(r: Regimen, registry: ArmRegistry, *, fill: bool = True) -> str | None:
    """The arm a regimen mention in a result sentence stands for (``fill``: see
    ``ArmRegistry.resolve_drugs``)."""
    drugs = r.drugs
    if not drugs and r.has_placebo:
        return registry.by_label("placebo")
    if not drugs:
        # a drug class alone ("received chemotherapy", "a taxane"): the arm named so
        return next(
            (registry.by_label(_hit_class_label(h)) for h in r.hits if h.kind == "class"),
            None,
        )
    if len(r.hits) > 1 and _undesigned_options(r, registry):
        return None
    arm = registry.resolve_drugs(drugs, placebo=r.has_placebo, fill=fill)
    if arm is None and len(r.hits) > 1:
        arm = _class_named_arm(r, registry)
    return arm


def _undesigned_placebo(r: Regimen) -> bool:
    """Whether mention ``r`` is placebo alone that names no design arm ("90.2% with placebo"
    where no sentence defined the arms): the group got no drug, so a value beside it has arm
    null rather than the arm of a drug named before it."""
    return not r.drugs and r.has_placebo


def _undesigned_options(r: Regimen, registry: ArmRegistry) -> bool:
    """Whether regimen mention ``r`` holds per-patient options ("docetaxel or paclitaxel with
    trastuzumab", ``options.options_as_class``) and no design arm holds its drugs: the
    patients it names got different regimens, so its fixed partner alone is no arm."""
    if not any(h.source == "options" for h in r.hits):
        return False
    ds = set(r.drugs)
    return not any(ds <= set(a.drugs) | a.options for a in registry.arms)


def _class_named_arm(r: Regimen, registry: ArmRegistry) -> str | None:
    """The arm a drug written with a class names ("40% with trastuzumab/taxane") when the drug
    alone names none (every arm holds it): the one arm holding the drugs that the class
    labels or whose per-patient options are of that class ("trastuzumab plus a taxane
    (paclitaxel or docetaxel)"); else None."""
    classes = {_hit_class_label(h) for h in r.hits if h.kind == "class"}
    if not classes:
        return None
    members = set().union(*(registry.class_members.get(c, ()) for c in classes))
    ds = set(r.drugs)
    cands = [
        a
        for a in registry.arms
        if ds <= set(a.drugs) and (classes & a.labels or members & a.options)
    ]
    return cands[0].name if len(cands) == 1 else None


# "in the low dose group", "in the Low Dose arm", "in the low\ndose group", "the low \ndose
# chemotherapy arm": the schedule adjective's label (``_adjective_label``: "low-dose") written
# with a space, wrapped at a line end or in capitals, which the one-character-per-character
# label patterns of ``ArmRegistry.freeze`` do not match.
_LOW_DOSE_LABEL_END = re.compile(rf"(?<![\w-])({_LOW_DOSE_WORDS})(\s+chemotherapy)?[\s-]*\Z", re.I)


def _says_dose(before: str) -> bool:
    """Whether the window before a group word holds "dose" in any case ("the Low Dose arm"):
    the gate of ``_low_dose_label_ref`` (whose pattern ignores case)."""
    return "dose" in before or "dose" in before.lower()


def _low_dose_label_ref(before: str, gs: int, ge: int, registry: ArmRegistry) -> ArmRef | None:
    """The arm of a "low dose" label before a group word (``_LOW_DOSE_LABEL_END``: spaced,
    wrapped or capitalised), when one arm holds that label."""
    m = _LOW_DOSE_LABEL_END.search(before)
    if m is None:
        return None
    label = _adjective_label(m.group(1)) + (" chemotherapy" if m.group(2) else "")
    if label not in registry.frozen[0] or _label_shared(registry, label):
        return None
    return ArmRef(gs - len(before) + m.start(), ge, registry.by_label(label))


def _label_ends(rx: re.Pattern[str], label: str, before: str) -> bool:
    """``rx.search(before)`` for a label pattern of ``ArmRegistry.freeze`` (the label, then
    only spaces/hyphens to the end). Each label character matches one text character, so a
    label that does not end in a space or hyphen can only match ending where ``before``'s
    trailing spaces/hyphens start: one ``match`` there instead of a search from every offset."""
    if not label or label[-1].isspace() or label[-1] == "-":
        return rx.search(before) is not None
    end = len(before)
    while end and (before[end - 1].isspace() or before[end - 1] == "-"):
        end -= 1
    pos = end - len(label)
    return pos >= 0 and rx.match(before, pos) is not None


_LETTER = re.compile(r"\s+([A-Z]|[0-9])\b")  # ("module 0": modules count from 0)
# "cohort B1", "arm A2": a letter and a digit, a label of sub-cohorts ("(cohort B1) or ... (cohort
# B2)").
_LETTER_DIGIT = re.compile(r"\s+([A-Z][1-9])\b")
_GROUP_JOIN = re.compile(r"[\s-]*(?:combination|based|containing|treated|alone|only)?[\s-]*")
_LIST_JOIN = re.compile(
    r"(?:\s+(?:alone|monotherapy))?"  # "between the A alone and the A plus B arms"
    r"[\s,]*(?:\([^()]*\))?[\s,]*(?:vs\.?|versus|v\.?|or|compared\s+with|"
    r"and|than(?:\s+with|\s+in)?|over)[\s,]*(?:the\s+|those\s+)?",
    re.I,
)


def comparison_in(refs: list[ArmRef]) -> list[str | None]:
    """Arms of the last "A versus B (versus C)" list of references in a sentence, else []."""
    best: list[ArmRef] = []
    cur: list[ArmRef] = []
    for r in refs:
        if r.in_list and (not cur or cur[-1].in_list):
            cur.append(r)
        else:
            cur = [r] if r.in_list else []
        if len(cur) >= 2:
            best = list(cur)
    names = [r.arm for r in best]
    if len(names) >= 2 and all(names) and len(set(names)) == len(names):
        return names
    return []


# "randomly assigned to observation, 1 year of trastuzumab or 2 years of trastuzumab": the gap
# between two groups of a design list (schedules removed first: "once every 3 weeks" leaves
# "once"), a duration of the next group's regimen allowed.
_DESIGN_LIST_GAP = re.compile(
    r"\s*(?:(?:once|twice)\s+)?,?\s*(?:(?:or|and|versus|vs\.?|to)\s+)?(?:(?:to\s+)?receive\s+)?"
    rf"(?:{_NUMBER_WORD}[\s-]*{_DURATION_UNIT}\s+of\s+)?(?:the\s+|a\s+|an\s+)?",
    re.I,
)


def design_list_order(
    text: str,
    s: int,
    e: int,
    drug_hits: list[Hit],
    registry: ArmRegistry,
    low: str | None = None,
) -> list[str | None]:
    """The groups a randomisation sentence [s, e) lists, in order ("observation, 1 year of
    trastuzumab or 2 years of trastuzumab": [None, "trastuzumab", "trastuzumab"]), for a
    "respectively" list in the next sentence; [] when it randomises no one or lists fewer than
    two groups. Groups of one regimen told apart by duration alone share its name (the arms
    are named by drugs); an observation group has none."""
    if _RANDOMISED.search(text, s, e) is None:
        return []
    refs = arm_refs(text, s, e, drug_hits, registry, low=low)
    if registry.bare_forms:
        refs = _dose_names_for_regimens(text, refs, registry)
    best: list[ArmRef] = []
    cur: list[ArmRef] = []
    for r in refs:
        if cur and _DESIGN_LIST_GAP.fullmatch(without_schedules(text[cur[-1].end : r.start])):
            cur.append(r)
        else:
            cur = [r]
        if len(cur) > len(best):
            best = list(cur)
    if len(best) < 2:
        return []
    both = _arm_of_or_both(text, best, e, registry) if _OR_BOTH_GATE.may_hold(low, s, e) else None
    return [r.arm for r in best] + ([both] if both else [])


# "in the 6-month arm and the 12-month arm", "with docetaxel and with paclitaxel", "less frequent
# in the A arm than in the B arm": what joins two references of one list (the preposition may be repeated, after the second group's own
# value: "89.4% in the 6-month arm and 89.8% in the 12-month arm").
_ORDER_LIST_GAP = re.compile(
    r"\s*,?\s*(?:and|or|versus|vs\.?|compared\s+with|than)\s+"
    r"(?:\d+(?:\.\d+)?\s*(?:%|months?)?\s+(?=in\s|with\s|among\s|for\s))?"
    r"(?:(?:with|in|among|for|on)\s+)?(?:the\s+|those\s+)?",
    re.I,
)


def listed_arms_order(
    text: str,
    s: int,
    e: int,
    drug_hits: list[Hit],
    registry: ArmRegistry,
    low: str | None = None,
) -> list[str | None]:
    """The arms sentence [s, e) lists ("Safety was assessed in the 6-month arm and the 12-month
    arm", "... with docetaxel and with paclitaxel"), in order, for a "respectively" list in the
    next sentence that names no arm; [] unless its last list joins two or more references (see
    ``_ORDER_LIST_GAP``), each naming an arm by a phrase of its own, and names every arm of the
    design. Arms of one regimen told apart by duration share its name, as in
    ``design_list_order``."""
    refs = arm_refs(text, s, e, drug_hits, registry, low=low)
    best: list[ArmRef] = []
    cur: list[ArmRef] = []
    for r in refs:
        if cur and _ORDER_LIST_GAP.fullmatch(text, cur[-1].end, r.start):
            cur.append(r)
        else:
            cur = [r]
        if len(cur) >= 2:
            best = list(cur)
    names = [r.arm for r in best]
    if len(names) < 2 or None in names:
        return []
    if set(names) != {a.name for a in registry.arms}:
        return []  # a list of some arms only ("fewer with B and C than with A") orders no run
    if len({text[r.start : r.end].lower() for r in best}) < len(best):
        return []  # one phrase twice names no two groups
    return names


# "T-DXd 5.4 mg/kg or 6.4 mg/kg", "trastuzumab 8 mg/kg then 6 mg/kg (8/6 mg/kg) or ...": what
# lies between a regimen and the name of its first dose (``_dose_twins``).
_DOSE_NAME_GAP = re.compile(
    rf"\s*(?:at\s+)?(?:a\s+dose\s+of\s+)?(?:\d+(?:\.\d+)?\s*{_DOSE_UNIT}"
    rf"(?:\s+then\s+\d+(?:\.\d+)?\s*{_DOSE_UNIT})?\s*\(\s*)?",
    re.I,
)


def _dose_names_for_regimens(text: str, refs: list[ArmRef], registry: ArmRegistry) -> list[ArmRef]:
    """``refs`` less each regimen mention whose first dose, right after it, names its arm: in
    "T-DXd 5.4 mg/kg or 6.4 mg/kg" the doses are the design's groups, so the list counts
    two (the regimen and its first dose were two groups of one arm)."""
    out: list[ArmRef] = []
    for r in refs:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.drugs
            and not r.drugs
            and r.arm == prev.arm
            and text[r.start : r.end] in registry.bare_forms
            and _DOSE_NAME_GAP.fullmatch(text, prev.end, r.start)
        ):
            out[-1] = r
        else:
            out.append(r)
    return out


def _arm_of_or_both(text: str, listed: list[ArmRef], e: int, registry: ArmRegistry) -> str | None:
    """The arm "or both" / "or their combination" after a design list offers ("to
    trastuzumab, lapatinib, or both"): the defined arm of all the listed arms' drugs together
    (``_add_listed_both_arm``, ``_add_both_arm``), the list's last group; else None."""
    if _OR_BOTH_NEXT.match(text, listed[-1].end, e) is None:
        return None
    by_name = {a.name: a for a in registry.arms if not a.special}
    parts = [by_name.get(r.arm) for r in listed]
    if any(a is None or not a.drugs for a in parts):
        return None
    union = {d for a in parts for d in a.drugs}
    return next((a.name for a in registry.arms if set(a.drugs) == union and a not in parts), None)


# "The addition of trastuzumab to chemotherapy ... (median, 7.4 vs. 4.6 months)": the values
# compared are those of Y plus X, then of Y alone.
_ADDITION_GATE = WordGate(("addition", "adding"))
_ADDITION_OF = search_from_end(
    re.compile(r"\b(?:the\s+)?(?:addition\s+of|adding)\s+(?:the\s+|a\s+)?$", re.I)
)
_ADDED_TO = re.compile(r"\s+to\s+(?:the\s+|a\s+|an\s+)?", re.I)


def addition_comparison(
    text: str,
    s: int,
    e: int,
    drug_hits: list[Hit],
    registry: ArmRegistry,
    low: str | None = None,
) -> tuple[int, list[str | None]] | None:
    """ "The addition of X to Y" in sentence [s, e): (where the phrase ends, [arm of Y plus X,
    arm of Y]), when the registry defined both arms (Y may name a class only: "chemotherapy",
    the drugless arm), or when it defined no comparison at all (``_unregistered_addition``);
    else None. ``low``: the ``literal_safe`` lower-cased text, or None."""
    if not _ADDITION_GATE.may_hold(low, s, e):
        return None
    hits = [h for h in drug_hits if s <= h.start and h.end <= e]
    regs = group_regimens(text, hits)
    for x, y in zip(regs, regs[1:], strict=False):
        if not x.drugs or not _ADDED_TO.fullmatch(text, x.end, y.start):
            continue
        if _ADDITION_OF.match(text[max(s, x.start - 30) : x.start]) is None:
            continue
        with_x = _arm_of_exactly(registry, set(x.drugs) | set(y.drugs))
        without = _arm_of_exactly(registry, set(y.drugs))
        if with_x is not None and without is not None and with_x is not without:
            return y.end, [with_x.name, without.name]
        if (pair := _unregistered_addition(registry, x.drugs, y.drugs)) is not None:
            return y.end, pair
    return None


def _unregistered_addition(
    registry: ArmRegistry, added: Sequence[str], base: Sequence[str]
) -> list[str | None] | None:
    """[Y plus X, Y] named by their own drugs when neither is an arm of the text's own
    comparison (fewer than two arms known, or none holding Y): a cost-effectiveness model or
    review citing "adding pertuzumab to trastuzumab and docetaxel ... (56.5 vs 40.8 months)",
    or a trial's background quoting another trial before its own T-DXd versus T-DM1 design.
    Y must name drugs (a class alone names no arm) and X must add one; None otherwise."""
    if not base or set(added) <= set(base):
        return None
    named = [a for a in registry.arms if a.name]
    if len(named) >= 2 and any(set(base) <= set(a.drugs) | a.options for a in named):
        return None  # (a design arm holding Y holds it or Y plus X: the design says which)
    return ["+".join(sorted(set(added) | set(base))), "+".join(sorted(set(base)))]


def _arm_of_exactly(registry: ArmRegistry, drugs: set[str]) -> Arm | None:
    """The arm whose drugs (or defining drugs) are exactly ``drugs`` (none: the drugless arm)."""
    for arm in registry.arms:
        if not arm.special and (
            set(arm.drugs) == drugs or (arm.core is not None and set(arm.core) == drugs)
        ):
            return arm
    return None


def added_drug_arms(
    text: str,
    s: int,
    e: int,
    drug_hits: list[Hit],
    registry: ArmRegistry,
    low: str | None = None,
) -> tuple[str | None, str | None] | None:
    """ "The addition of X (to Y)" / "adding X" in sentence [s, e): (arm with X, arm without
    X). Y may be a class the registry spells out ("the addition of trastuzumab to chemotherapy"
    in a design of AC-T with or without trastuzumab): the pair is then the one registry arm
    holding X's drugs and the arm holding exactly the rest (only when that pair is unique).
    None when the sentence adds no drug or the pair is not known."""
    if not _ADDITION_GATE.may_hold(low, s, e):
        return None
    full = addition_comparison(text, s, e, drug_hits, registry, low)
    if full is not None:
        return full[1][0], full[1][1]
    for h in drug_hits:
        if h.start < s or h.end > e or not h.drugs:
            continue
        if _ADDITION_OF.match(text[max(s, h.start - 30) : h.start]) is None:
            continue
        added = set(h.drugs)
        named = [a for a in registry.arms if not a.special and a.name]
        pairs = [
            (a, b)
            for a in named
            if added <= set(a.drugs)
            for b in named
            if b is not a and set(b.drugs) == set(a.drugs) - added
        ]
        return (pairs[0][0].name, pairs[0][1].name) if len(pairs) == 1 else None
    return None


# The gates ``_read_design`` asks about each design sentence, read in one pass (``GateSet``);
# built here, below the last of them.
_DESIGN_GATES = GateSet(
    GROUP_GATE, _LATER_LINE_GATE, _WITH_EVERY_ARM_GATE, _AND_OR_GATE, _SEQUENCE_GATE,
    _ALONE_GATE, _WITHOUT_GATE, _ALL_GATE, _ROUTE_WORD_GATE,
)  # fmt: skip
# And those ``arm_refs`` asks about each sentence.
_REF_GATES = GateSet(
    GROUP_GATE, _GENERIC_GATE, _PRIOR_GATE, _WITHOUT_GATE, _UNTREATED_GATE, _GROUP_LABEL_GATE
)
