"""Outcomes: numeric values tied to an endpoint, a measure and an arm, sentence by sentence."""

from __future__ import annotations

import re
from collections.abc import Callable

from her2mine.extract.arms import ArmRef, ArmRegistry, arm_refs, output_arm
from her2mine.extract.fastre import may_hold, word_start
from her2mine.extract.hits import Hit, resolve_overlaps
from her2mine.extract.lexicon import EndpointLexicon, lower_same_length, term_spans
from her2mine.extract.numbers import Value, parse_values
from her2mine.models import Outcome

TIME_TO_EVENT = {"PFS", "OS", "DFS", "IDFS", "EFS", "TTP", "CNS-PFS", "DOR"}
SAFETY = {"AE", "AE_G3", "ILD"}

_G3 = re.compile(
    r"(?:grade\s*(?:≥|>=|=>|>)\s*(?:3|III)|(?:≥|>=)\s*grade\s*(?:3|III)|grade\s*(?:3|III|4|IV)"
    r"(?:\s*(?:or|and|to|-|–|/|,)\s*(?:higher|greater|above|worse|more|severe|4|5|IV|V))?"
    r"(?:\s*or\s*(?:higher|worse))?|grade\s*3\+|severe)",
    re.I,
)
_ANY = re.compile(
    r"(?:any[\s-]grade|all[\s-]grades?|of\s+any\s+grade|grade\s*(?:1|I)\s*(?:or|and|-|–|/|to)\s*"
    r"(?:2|II)|grade\s*(?:≤|<=|<)\s*2|low[\s-]grade|grade\s*(?:1|2|I|II)\b)",
    re.I,
)
_LANDMARK = re.compile(
    r"(?:\b\d+(?:[.·]\d+)?[\s-]*(?:year|yr|month|mo)s?\b|\bat\s+\d+\s*(?:years?|months?)|"
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten)[\s-]year\b|\brates?\b|\blandmark\b)",
    re.I,
)
_NOT_OUTCOME = re.compile(
    r"\b(?:follow[\s-]*up|followed|range|duration\s+of\s+(?:treatment|therapy|exposure)|"
    r"exposure|treatment\s+duration|age|aged|reduction|reduced|lower|decrease|improvement|"
    r"relative|risk\s+of)\b",
    re.I,
)
# "mean PFS was 8.8 months": the contract has medians only, and a mean is not one.
_MEAN_BEFORE = re.compile(r"\b(?:mean|average)\s+$", re.I)
# Design assumptions and power calculations are not results.
_ASSUMPTION = re.compile(
    word_start(
        [r"we\s+assumed", "assuming", r"was\s+assumed", r"were\s+assumed", "hypothesi[sz]ed",
         r"powered\s+to", r"power\s+to\s+detect", r"sample\s+size", r"to\s+detect\s+an?"]
    )
    + r"\b"
)  # fmt: skip
# A literal every _ASSUMPTION match contains.
_ASSUMPTION_WORDS = ("assum", "hypothesi", "power", "sample", "detect")
_RESPECTIVELY = re.compile(word_start(["respectively"]) + r"\b")
_FOLLOW_ATTACH = re.compile(
    r"[\s,]*(?:\((?:[^()]|\([^()]*\))*\)[\s,]*)?(?:with|in|for|among|on|receiving|under|from|by)"
    r"(?:\s+(?:the|those|all|patients|pts|participants|women|who|were|had|received|receiving|"
    r"treated|assigned|randomi[sz]ed|allocated|given|to|with|in))*\s*$",
    re.I,
)
_PRECEDE_GLUE = re.compile(r"^[\s,:(\[]*$")


def find_endpoints(text: str, lex: EndpointLexicon, low: str | None = None) -> list[Hit]:
    """Endpoint mentions (full names case-insensitively, abbreviations case-sensitively).
    ``low`` = ``lower_same_length(text)`` if the caller has it."""
    hits: list[Hit] = []
    low = lower_same_length(text) if low is None else low
    for pattern, source in ((lex.sensitive, text), (lex.insensitive, low)):
        if pattern is None:
            continue
        for start, end in term_spans(pattern, source):
            written = text[start:end]
            code = lex.lookup(written)
            if code:
                hits.append(Hit("endpoint", start, end, written, code))
    return resolve_overlaps(sorted(hits, key=lambda h: (h.start - h.end, h.start)))


def sentence_outcomes(
    text: str,
    s: int,
    e: int,
    endpoints: list[Hit],
    drug_hits: list[Hit],
    registry: ArmRegistry,
    lex: EndpointLexicon,
    carry: str | None = None,
    context: list[str | None] | Callable[[], list[str | None]] | None = None,
    arms_out: list[str | None] | None = None,
    low: str | None = None,
) -> list[Outcome]:
    """Outcomes stated in the sentence text[s:e]; ``carry`` = last endpoint of the previous
    sentence (for "The hazard ratio was 0.62." after a PFS sentence). ``low``: the
    ``literal_safe`` lower-cased text (searches skip where their words are missing), or None."""
    eps = [h for h in endpoints if s <= h.start < e]
    if may_hold(low, _ASSUMPTION_WORDS, s, e) and _ASSUMPTION.search(text, s, e):
        return []
    values = parse_values(text, s, e)
    if not values:
        return []
    sentence = text[s:e]
    out: list[tuple[Value, str, str]] = []  # value, endpoint, measure
    for v in values:
        assigned = _endpoint_for(text, v, eps, lex, s, carry)
        if assigned is None:
            continue
        endpoint, measure = assigned
        if endpoint.startswith("_"):
            continue  # an end point outside the contract's list claimed this value
        out.append((v, endpoint, measure))
    refs: list[ArmRef] = []
    resp = False
    if any(m not in ("HR", "OR") for _, _, m in out):  # HR/OR and no values need no arm
        resp = (
            may_hold(low, ("respectively",), s, e) and _RESPECTIVELY.search(text, s, e) is not None
        )
        refs = arm_refs(text, s, e, drug_hits, registry, split_weak=resp, low=low)
    arms = _attribute_arms(text, s, e, out, refs, context if context is not None else [], resp)
    _share_rate_p(text, s, e, out, arms)
    if arms_out is not None:  # internal arm names (a placebo-only group included), in order
        arms_out.extend(a for a, (_, _, m) in zip(arms, out, strict=True) if m not in ("HR", "OR"))
    results = []
    for (v, endpoint, measure), arm in zip(out, arms, strict=True):
        results.append(
            Outcome(
                endpoint=endpoint,
                arm=output_arm(arm) if measure not in ("HR", "OR") else None,
                measure=measure,
                value=v.value,
                unit=_unit(measure, v),
                ci_low=v.ci_low,
                ci_high=v.ci_high,
                p=v.p,
                sentence=sentence,
                start=v.start,
                end=v.end,
            )
        )
    return results


def _unit(measure: str, v: Value) -> str | None:
    if measure in ("HR", "OR"):
        return None
    if measure == "median":
        return v.unit or "months"
    return "%"


def _endpoint_for(
    text: str, v: Value, eps: list[Hit], lex: EndpointLexicon, s: int, carry: str | None
) -> tuple[str, str] | None:
    anchor = v.key_start if v.key_start is not None else v.start
    # Population descriptors ("in hormone receptor-positive disease") only claim values that
    # come before them ("494 (88.7%) had hormone receptor-positive disease").
    before = [h for h in eps if h.end <= anchor and h.canonical != "_population"]
    if v.kind in ("HR", "OR"):
        inside = [h for h in eps if v.key_start <= h.start and h.end <= v.start]
        if inside:
            return inside[-1].canonical, v.kind
        if re.search(r"\bdeath\b", v.key_text, re.I) and not re.search(
            r"progress|recurrence|relapse|invasive|disease", v.key_text, re.I
        ):
            return "OS", v.kind
        ok = TIME_TO_EVENT if v.kind == "HR" else None
        cand = [h for h in before if ok is None or h.canonical in ok]
        if cand:
            return cand[-1].canonical, v.kind
        if carry and (ok is None or carry in ok):
            return carry, v.kind
        return None
    if v.kind == "time":
        cand = [h for h in before if h.canonical in TIME_TO_EVENT]
        if not cand:
            return None
        ep = cand[-1]
        if _NOT_OUTCOME.search(text, ep.end, v.start) or _MEAN_BEFORE.search(
            text, max(s, ep.start - 12), ep.start
        ):
            return None
        return ep.canonical, "median"
    # percentages
    if not before:
        after = [h for h in eps if h.start >= v.ext_end and h.start - v.ext_end <= 60]
        if not after or after[0].canonical in TIME_TO_EVENT:
            return None
        ep = after[0]
        if ep.canonical in SAFETY:
            code = _grade_code(text, s, ep, v) if ep.canonical == "AE" else ep.canonical
            return code, "incidence"
        return ep.canonical, "rate"
    ep = before[-1]
    code = ep.canonical
    if code in SAFETY:
        if code == "AE":
            code = _grade_code(text, s, ep, v)
        return code, "incidence"
    if _NOT_OUTCOME.search(text, ep.end, v.start):
        return None
    if code in TIME_TO_EVENT and not _LANDMARK.search(text, max(s, ep.start - 60), v.start):
        return None
    return code, "rate"


def _grade_code(text: str, s: int, ep: Hit, v: Value) -> str:
    """AE_G3 when the closest grade qualifier before the value says grade ≥3."""
    best: tuple[int, str] | None = None
    for pattern, code in ((_G3, "AE_G3"), (_ANY, "AE")):
        for m in pattern.finditer(text, s, v.start):
            if _closed_between(text, m.end(), v.start):
                continue
            if best is None or m.start() > best[0]:
                best = (m.start(), code)
    return best[1] if best else "AE"


def _closed_between(text: str, a: int, b: int) -> bool:
    """True if a bracket open before ``a`` closes before ``b`` ("(grade 3, 1.5%) vs 3.4%")."""
    depth = 0
    for ch in text[a:b]:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
            if depth < 0:
                return True
    return False


def _attribute_arms(
    text: str,
    s: int,
    e: int,
    out: list[tuple[Value, str, str]],
    refs: list[ArmRef],
    context: list[str | None] | Callable[[], list[str | None]],
    resp: bool,
) -> list[str | None]:
    """The arm of each value; ``context`` = arms of the comparison under discussion, in order
    (or a function returning them: reading it costs, and most sentences never need it)."""
    arms: list[str | None] = [None] * len(out)
    idx = [i for i, (_, _, m) in enumerate(out) if m not in ("HR", "OR")]
    if not idx:
        return arms
    decided: set[int] = set()
    if resp and refs and _respectively(out, idx, refs, arms, decided):
        return arms
    claimed: set[int] = set()
    # 0. A value in the bracket right after a reference: "with lapatinib (36 patients [23·4%])".
    for j, r in enumerate(refs):
        span = _bracket_after(text, r.end, e)
        if span is None:
            continue
        inside = [i for i in idx if span[0] < out[i][0].start < span[1]]
        if len(inside) == 1:
            arms[inside[0]] = r.arm
            decided.add(inside[0])
            # "12.1% of patients in the A group (grade 5, 0.5%)": the bracket is a breakdown;
            # the value before the reference is A's too (step 1 reads it).
            if not _leads_to(text, out, idx, decided, r.start):
                claimed.add(j)
    # 1. A reference right after the value: "18.5 months in the pertuzumab group".
    for i in idx:
        if i in decided:
            continue
        v = out[i][0]
        for j, r in enumerate(refs):
            if r.start < v.end or j in claimed:
                continue
            gap = text[v.ext_end : r.start] if r.start >= v.ext_end else ""
            between = any(v.end < o[0].start < r.start for o in out)
            if not between and _follow_gap_ok(gap):
                arms[i] = r.arm
                decided.add(i)
                claimed.add(j)
            break
    # Arms compared earlier in this sentence are the comparison under discussion for bare
    # pairs later in it ("median OS was 21.6 months with A vs 19.8 months with B, and ORR was
    # 22% vs 16%").
    local = _compared(arms, idx)
    if local:
        context = local
    elif callable(context):
        context = _Once(context)
    # 2. Runs of compared values ("18.5 vs 12.4 months", "54.1%, 45.4%, and 46.2%").
    for run in _runs(text, out, idx):
        if len(run) < 2 or any(i in decided for i in run):
            continue
        prev = [j for j, r in enumerate(refs) if r.end <= out[run[0]][0].start and j not in claimed]
        listed = _last_list(refs, prev)
        names: list[str | None] | None = None
        # A single reference in an earlier clause ("reduced by 42% in the A arm (HR ...);
        # median OS was 18.1 versus 12.0 months") does not name the pair's first arm.
        apart = bool(prev) and bool(
            _CLAUSE_BREAK.search(text, refs[prev[-1]].end, out[run[0]][0].start)
        )
        if len(listed) == len(run):
            names = [refs[j].arm for j in listed]
        elif (
            prev
            and not refs[prev[-1]].in_list
            and not apart
            and len(run) == 2
            and len(ctx := _ctx(context)) == 2
            and (refs[prev[-1]].arm in ctx)
        ):
            first = refs[prev[-1]].arm
            names = [first, next(a for a in ctx if a != first)]
        elif (resp or not prev or (apart and not listed)) and len(ctx := _ctx(context)) == len(
            run
        ):
            names = list(ctx)
        if names is not None:
            for i, a in zip(run, names, strict=True):
                arms[i] = a
                decided.add(i)
    # 3. The nearest preceding reference: "ORR with T-DXd was 60.9%"; when the sentence names a
    # single arm, every later value is that arm's ("in 38.2% of patients treated with X and
    # keratitis in 37.8%").
    single = len({r.arm for r in refs}) == 1
    for i in idx:
        if i in decided:
            continue
        v = out[i][0]
        prev = [j for j, r in enumerate(refs) if r.end <= v.start and (single or j not in claimed)]
        if prev and not refs[prev[-1]].in_list:
            arms[i] = refs[prev[-1]].arm
    return arms


class _Once:
    """Calls a context function at most once."""

    def __init__(self, fn: Callable[[], list[str | None]]) -> None:
        self.fn = fn
        self.value: list[str | None] | None = None

    def __call__(self) -> list[str | None]:
        if self.value is None:
            self.value = self.fn()
        return self.value


def _ctx(context) -> list[str | None]:
    return context() if callable(context) else context


def _compared(arms: list[str | None], idx: list[int]) -> list[str | None]:
    """Distinct arms given to values of one sentence, in order, if two or more."""
    seen: list[str | None] = []
    for i in idx:
        a = arms[i]
        if a and a not in seen:
            seen.append(a)
    return seen if len(seen) >= 2 else []


_OPEN = frozenset("([")
_CLOSE = frozenset(")]")


def _leads_to(
    text: str, out: list[tuple[Value, str, str]], idx: list[int], decided: set[int], pos: int
) -> bool:
    """Whether an undecided value ends right before ``pos`` with only filler between
    ("12.1% of patients in the" + reference)."""
    before = [i for i in idx if i not in decided and out[i][0].end <= pos]
    if not before:
        return False
    v = out[before[-1]][0]
    if any(v.end < o[0].start < pos for o in out):
        return False
    return v.ext_end <= pos and _follow_gap_ok(text[v.ext_end : pos])


def _bracket_after(text: str, pos: int, limit: int) -> tuple[int, int] | None:
    """(open, close) of a bracket that opens right after ``pos`` ("X (12 [8%])"), or None."""
    i = pos
    while i < limit and text[i] == " ":
        i += 1
    if i >= limit or text[i] not in _OPEN:
        return None
    depth = 0
    for k in range(i, min(limit, i + 120)):
        ch = text[k]
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth -= 1
            if depth == 0:
                return i, k
    return None


_FILLER = re.compile(
    r"^[\s,;:)\]]*(?:\((?:[^()]|\([^()]*\))*\)[\s,;)\]]*)?"
    r"(?:(?:with|in|for|among|on|receiving|received|under|from|by|of|the|those|all|patients?|pts|"
    r"participants|women|men|who|were|was|had|have|been|treated|assigned|randomi[sz]ed|allocated|"
    r"given|to|\d+)\s*)*$",
    re.I,
)
_ANCHOR = re.compile(
    r"\b(?:with|in|for|among|on|receiving|received|under|from|by|of|given|treated)\b", re.I
)


def _follow_gap_ok(gap: str) -> bool:
    if _OPEN_ONLY.fullmatch(gap):
        return True  # "40.2% (tucatinib arm)"
    return len(gap) <= 80 and bool(_FILLER.match(gap)) and bool(_ANCHOR.search(gap))


_OPEN_ONLY = re.compile(r"\s*[(\[]\s*(?:the\s+)?")
_CLAUSE_BREAK = re.compile(r";|,\s*and\b|\.\s")


def _last_list(refs: list[ArmRef], prev: list[int]) -> list[int]:
    """The last run of listed references ("A versus B") among ``prev``."""
    out: list[int] = []
    for j in reversed(prev):
        if refs[j].in_list and (not out or out[0] == j + 1):
            out.insert(0, j)
        elif out:
            break
    return out


def _runs(text: str, out: list[tuple[Value, str, str]], idx: list[int]) -> list[list[int]]:
    """Consecutive compared values of one end point; with any "vs" join, only "vs" binds."""
    runs: list[list[int]] = []
    for i in idx:
        if (
            runs
            and out[runs[-1][-1]][0].paired_with_next
            and out[runs[-1][-1]][1:] == out[i][1:]
            and runs[-1][-1] == i - 1
        ):
            runs[-1].append(i)
        else:
            runs.append([i])
    split: list[list[int]] = []
    for run in runs:
        joins = [_join_word(text, out[a][0], out[b][0]) for a, b in zip(run, run[1:], strict=False)]
        if "vs" in joins and any(j != "vs" for j in joins):
            cur = [run[0]]
            for k, j in enumerate(joins):
                if j == "vs":
                    cur.append(run[k + 1])
                else:
                    split.append(cur)
                    cur = [run[k + 1]]
            split.append(cur)
        else:
            split.append(run)
    return split


_VS_WORD = re.compile(r"\b(?:vs\.?|versus|v\.?|compared)(?:\s|$)", re.I)


def _join_word(text: str, a: Value, b: Value) -> str:
    gap = text[a.ext_end : b.start]
    return "vs" if _VS_WORD.search(gap) else "and"


def _pair_of(out: list[tuple[Value, str, str]], i: int) -> tuple[int, int] | None:
    if i + 1 < len(out) and out[i][0].paired_with_next and out[i + 1][1] == out[i][1]:
        return i, i + 1
    if i > 0 and out[i - 1][0].paired_with_next and out[i - 1][1] == out[i][1]:
        return i - 1, i
    return None


def _respectively(out, idx, refs, arms, decided) -> bool:
    """ "18.5 and 12.4 months with A and B, respectively": zip each run of values with the refs."""
    groups: list[list[int]] = []
    for i in idx:
        if groups and out[groups[-1][-1]][1:] == out[i][1:]:
            groups[-1].append(i)
        else:
            groups.append([i])
    names = [r.arm for r in refs]
    done = False
    for g in groups:
        if len(g) == len(names) and len(g) >= 2:
            for i, a in zip(g, names, strict=True):
                arms[i] = a
                decided.add(i)
            done = True
    return done


_P_ANY = re.compile(
    r"(?<![A-Za-z])[Pp](?:\s*[- ]?values?)?(?:\s*\([^()]{1,20}\))?\s*"
    r"(?:=|<|>|≤|≥|<=|>=)\s*(?:\d|[.·]\d)"
)


def _share_rate_p(
    text: str, s: int, e: int, out: list[tuple[Value, str, str]], arms: list[str | None]
) -> None:
    """A P value printed after compared rates (no HR/OR in between) belongs to each of them:
    "43.6% vs 30.8% (P<0.001)", "... in the A group and 99 (44.4%) in the B group (difference
    ...; p=0.016)". The P is the first one after the rates; values before an earlier P or an
    HR/OR are not part of that comparison."""
    from her2mine.extract.numbers import P_RE, normalise_p

    if not any(m == "rate" for _, _, m in out):
        return
    ps = list(P_RE.finditer(text, s, e))
    if not ps:
        return
    boundary = s
    for m in ps:
        group = [
            i
            for i, (v, _, meas) in enumerate(out)
            if meas == "rate" and boundary <= v.start < m.start()
        ]
        blocker = any(
            meas in ("HR", "OR") and boundary <= v.start < m.start() for v, _, meas in out
        )
        boundary = m.end()
        if blocker or len(group) < 2:
            continue
        eps = {out[i][1] for i in group}
        named = {arms[i] for i in group}
        if len(eps) != 1 or len(named) < 2:
            continue
        p = normalise_p(m.group("op"), m.group("num"))
        if any(out[i][0].p not in (None, p) for i in group):
            continue
        for i in group:
            out[i][0].p = p
