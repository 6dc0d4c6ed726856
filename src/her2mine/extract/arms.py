"""Treatment arms: a per-document registry of regimens and group names, and arm references.

The registry is read from design sentences ("randomly assigned to receive A (control group) or B
(pertuzumab group)"); later "the control group", "the pertuzumab group", "placebo" or a partial
regimen ("with pertuzumab") resolve to the full regimen the text defined.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from her2mine.extract.hits import Hit
from her2mine.extract.regimens import Regimen, group_regimens

PHYSICIANS_CHOICE = "physician's choice"

_DESIGN = re.compile(
    r"\b(?:random\w*|assign\w*|allocat\w*|receiv\w*|treated|compar\w*|versus|vs\.?|enrolled|"
    r"given|administered)\b",
    re.I,
)
_PRIOR = re.compile(
    r"\b(?:previously|prior|pretreated|pre-treated|after|following|progress\w*\s+(?:on|after)|"
    r"refractory|resistant|had\s+received|exposure|exposed|failure|failed|history\s+of|"
    r"naive|naïve|eligible)\b[\w\s,-]{0,40}$",
    re.I,
)
_GROUP_WORD = re.compile(r"\b(?:group|arm|cohort)s?\b", re.I)
_GROUP_LABEL = re.compile(
    r"\b(control|placebo|comparator|standard|experimental|investigational|chemotherapy)"
    r"(?:[\s-]+(?:treatment|therapy))?\s*$",
    re.I,
)
_TPC = re.compile(
    r"\b(?:(?:treatment|therapy)\s+of\s+(?:the\s+)?(?:physician|investigator)['’]?s['’]?\s+choice|"
    r"(?:physician|investigator)['’]?s['’]?\s*(?:choice|-choice)(?:\s+(?:of\s+)?(?:treatment|"
    r"therapy|chemotherapy))?|TPC|ICT)\b",
)
_LABEL_AFTER = re.compile(r"\s*[\[(]\s*(?:the\s+)?([^()\[\]]{1,40}?)\s*[\])]")


@dataclass
class Arm:
    drugs: list[str]
    has_placebo: bool = False
    labels: set[str] = field(default_factory=set)

    special: str | None = None  # "physician's choice"

    @property
    def name(self) -> str | None:
        return self.special or "+".join(self.drugs) or None


@dataclass
class ArmRef:
    """A reference to an arm in a sentence (regimen, "X group", physician's choice)."""

    start: int
    end: int
    arm: str | None
    in_list: bool = False  # part of "A versus B" / "A or B"


@dataclass
class ArmRegistry:
    arms: list[Arm] = field(default_factory=list)

    def add(self, reg: Regimen, label: str | None) -> None:
        drugs = reg.drugs
        if not drugs and not reg.has_placebo:
            return
        for arm in self.arms:
            if arm.drugs == drugs:
                arm.has_placebo |= reg.has_placebo
                if label:
                    arm.labels.add(label)
                return
        self.arms.append(Arm(drugs, reg.has_placebo, {label} if label else set()))

    def resolve_drugs(self, drugs: list[str], *, placebo: bool = False) -> str | None:
        """Full regimen for a (possibly partial) mention: exact arm, else the only arm containing
        it (placebo mentions prefer the placebo arm)."""
        if not drugs:
            return self.by_label("placebo") if placebo else None
        ds = set(drugs)
        for arm in self.arms:
            if set(arm.drugs) == ds:
                return arm.name
        cands = [a for a in self.arms if ds <= set(a.drugs)]
        if placebo:
            cands = [a for a in cands if a.has_placebo] or cands
        if len(cands) == 1:
            return cands[0].name
        return "+".join(sorted(ds))

    def add_special(self, name: str, label: str | None) -> None:
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
        for arm in self.arms:
            if label in arm.labels:
                return arm.name
        if label == "chemotherapy":
            tpc = [a for a in self.arms if a.special]
            if len(tpc) == 1:
                return tpc[0].name
        if label in ("placebo", "control", "comparator", "standard"):
            plac = [a for a in self.arms if a.has_placebo]
            if len(plac) == 1:
                return plac[0].name
            if label != "placebo" and len(self.arms) >= 2:
                return self.arms[-1].name
        if label in ("experimental", "investigational") and len(self.arms) >= 2:
            non = [a for a in self.arms if not a.has_placebo]
            return (non or self.arms)[0].name
        return None


def build_registry(
    text: str, sentences: list[tuple[int, int]], drug_hits: list[Hit]
) -> ArmRegistry:
    """Arms defined by the design sentences (first sentences mentioning assignment/treatment)."""
    reg = ArmRegistry()
    for s, e in sentences:
        if not _DESIGN.search(text, s, e):
            continue
        hits = [h for h in drug_hits if s <= h.start and h.end <= e]
        if not hits:
            continue
        regs = [
            r
            for r in group_regimens(text, hits)
            if not _PRIOR.search(text, max(s, r.start - 60), r.start)
        ]
        if _add_placebo_design(text, regs, reg, e):
            continue
        both = _BOTH.search(text, s, e)
        if both and reg.arms:
            extra = [h for h in hits if h.start >= both.end()]
            for arm in reg.arms:
                if not arm.special:
                    arm.drugs = sorted(set(arm.drugs) | {d for h in extra for d in h.drugs})
            continue
        for i, r in enumerate(regs):
            nxt = regs[i + 1].start if i + 1 < len(regs) else e
            label = _label_after(text, r.end, nxt)
            if _is_design_regimen(text, r, s, e) or label:
                reg.add(r, label)
        for m in _TPC.finditer(text, s, e):
            label = _label_after(text, m.end(), e)
            if "chemotherapy" in m.group(0).lower() or re.search(
                r"chemotherapy\s+(?:of|by)\s+(?:the\s+)?(?:physician|investigator)",
                text[max(s, m.start() - 30) : m.end()],
                re.I,
            ):
                label = label or "chemotherapy"
            reg.add_special(PHYSICIANS_CHOICE, label)
    return reg


_BOTH = re.compile(
    r"\b(?:both|all|each)\s+(?:groups|arms|patients|cohorts)\s+(?:also\s+)?(?:received|were\s+given|"
    r"were\s+treated\s+with)\b",
    re.I,
)
_OR_PLACEBO = re.compile(
    r"^\s*(?:\([^()]*\))?\s*(?:[\w./²]+\s+){0,4}?or\s+(?:matching\s+|a\s+)?$", re.I
)


def _add_placebo_design(text: str, regs: list[Regimen], reg: ArmRegistry, e: int) -> bool:
    """ "A or placebo, (each) plus|added to|in combination with B" → arms A+B and B (placebo)."""
    for i, r in enumerate(regs):
        plac = [h for h in r.hits if h.kind == "placebo"]
        if not plac or i == 0:
            continue
        prev = regs[i - 1]
        if not _OR_PLACEBO.match(text[prev.end : plac[0].start]) or r.hits[0].kind != "placebo":
            continue
        backbone = sorted({d for x in regs[i:] for d in x.drugs})
        a = Regimen(prev.start, prev.end, list(prev.hits))
        reg.arms.append(Arm(sorted(set(a.drugs) | set(backbone)), False, set()))
        reg.arms.append(Arm(backbone, True, {"placebo"}))
        return True
    return False


def _is_design_regimen(text: str, r: Regimen, s: int, e: int) -> bool:
    before = text[max(s, r.start - 80) : r.start]
    return bool(
        re.search(
            r"\b(?:receiv\w*|random\w*|assign\w*|allocat\w*|versus|vs\.?|or|to|with|"
            r"compar\w*|of|treated)\s*(?:the\s+|either\s+)?$",
            before,
            re.I,
        )
    )


def _label_after(text: str, pos: int, end: int) -> str | None:
    """The "(X group)" / "(group A)" label between a regimen and the next one."""
    for m in _LABEL_ANY.finditer(text, pos, min(end, pos + 250)):
        label = m.group(1).strip().lower()
        if _GROUP_WORD.search(label):
            return normalise_label(label)
    return None


_LABEL_ANY = re.compile(r"[\[(]\s*(?:the\s+)?([^()\[\];]{1,40}?)\s*[\])]")


def normalise_label(label: str) -> str:
    label = re.sub(r"^(?:the)\s+", "", label.strip().lower())
    label = _GROUP_WORD.sub("", label).strip(" -")
    return label


def arm_refs(
    text: str,
    s: int,
    e: int,
    drug_hits: list[Hit],
    registry: ArmRegistry,
    *,
    split_weak: bool = False,
) -> list[ArmRef]:
    """Arm references in sentence [s, e): group names, physician's choice, regimens."""
    refs: list[ArmRef] = []
    hits = [h for h in drug_hits if s <= h.start and h.end <= e]
    regs = group_regimens(text, hits, split_weak=split_weak)
    # "<regimen|label> group/arm": a group name, resolved through the registry.
    labels = registry.labels()
    for g in _GROUP_WORD.finditer(text, s, e):
        before = text[max(s, g.start() - 60) : g.start()]
        lab = _GROUP_LABEL.search(before)
        letter = re.match(r"\s+([A-Z]|[1-9])\b", text[g.end() : e])
        known = next(
            (
                lb
                for lb in labels
                if re.search(r"(?<![\w-])" + re.escape(lb) + r"[\s-]*$", before, re.I)
            ),
            None,
        )
        reg = next(
            (
                r
                for r in regs
                if 0 <= g.start() - r.end <= 14
                and re.fullmatch(
                    r"[\s-]*(?:combination|based|containing|treated)?[\s-]*",
                    text[r.end : g.start()],
                )
            ),
            None,
        )
        if letter and letter.group(1).lower() in labels:
            refs.append(
                ArmRef(
                    g.start(), g.end() + letter.end(), registry.by_label(letter.group(1).lower())
                )
            )
        elif known is not None:
            refs.append(ArmRef(g.start() - len(known) - 1, g.end(), registry.by_label(known)))
        elif reg is not None:
            arm = registry.resolve_drugs(reg.drugs, placebo=reg.has_placebo)
            if reg.has_placebo and not reg.drugs:
                arm = registry.by_label("placebo")
            arm = registry.by_label(normalise_label(text[reg.start : g.end()])) or arm
            refs.append(ArmRef(reg.start, g.end(), arm))
        elif lab:
            arm = registry.by_label(lab.group(1))
            refs.append(ArmRef(g.start() - len(before) + lab.start(), g.end(), arm))
    for m in _TPC.finditer(text, s, e):
        if not any(r.start <= m.start() < r.end for r in refs):
            refs.append(ArmRef(m.start(), m.end(), PHYSICIANS_CHOICE))
    for r in regs:
        if any(x.start <= r.start < x.end for x in refs):
            continue
        if _PRIOR.search(text, max(s, r.start - 60), r.start):
            continue
        if r.has_placebo and not r.drugs:
            arm = registry.by_label("placebo")
        else:
            arm = registry.resolve_drugs(r.drugs, placebo=r.has_placebo)
        if arm:
            refs.append(ArmRef(r.start, r.end, arm))
    refs.sort(key=lambda r: r.start)
    for a, b in zip(refs, refs[1:], strict=False):
        if re.fullmatch(
            r"[\s,]*(?:\([^()]*\))?[\s,]*(?:vs\.?|versus|v\.?|or|compared\s+with|"
            r"and|than(?:\s+with|\s+in)?|over)[\s,]*(?:the\s+|those\s+)?",
            text[a.end : b.start],
            re.I,
        ):
            a.in_list = b.in_list = True
    return refs


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
