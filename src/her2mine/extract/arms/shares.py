"""Counted partners: one drug given with different partners, each to a counted share of the
cohort ("combined with capecitabine in 102 patients, with vinorelbine in 38"), read as one arm
per partner.
"""

from __future__ import annotations

import re

from her2mine.extract.arms.model import ArmRegistry
from her2mine.extract.backbones import ADC, role
from her2mine.extract.fastre import WordGate
from her2mine.extract.hits import Hit
from her2mine.extract.regimens import Regimen, group_regimens

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
    if any(role(d, drug_class) == ADC for h in first for d in h.drugs):
        return False
    if _shared_by_verb(text, combos[0]):
        return False
    for prev, combo in zip(combos, combos[1:], strict=False):
        own = _partner_hits(combo)
        if len(own) != 1 or len(own[0].drugs) != 1:
            continue
        if _JOINER_REPEATED.search(text, prev.end, own[0].start):
            continue
        if role(own[0].drugs[0], drug_class) == ADC:
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
