"""P values shared by compared rates, and the labels that say which groups a P compares."""

from __future__ import annotations

import re
from itertools import pairwise

from her2mine.extract.arms import GROUP_GATE, ArmRef
from her2mine.extract.fastre import WordGate, word_start
from her2mine.extract.hits import Hit
from her2mine.extract.numbers import Value, is_subgroup_p, normalise_p, p_matches
from her2mine.extract.outcomes.brackets import _NUMBER_IN, _opening_bracket, _top_level_semicolon
from her2mine.extract.outcomes.endpoints import _PEOPLE, RATIO_MEASURES
from her2mine.extract.outcomes.p_lists import worded_p_list
from her2mine.extract.outcomes.patterns import VS_OR_COMPARED
from her2mine.extract.outcomes.prose import _IN_SUBGROUP, _SUBGROUP_TAIL
from her2mine.extract.outcomes.runs import _RESPECTIVELY_GATE, _compared_tuples

# Proportions that a P compares: rates of an end point and incidences of an adverse event.
_COMPARED_SHARES = ("rate", "incidence")


def _share_rate_p(
    text: str,
    s: int,
    e: int,
    out: list[tuple[Value, str, str]],
    arms: list[str | None],
    low: str | None = None,
    refs: list[ArmRef] | None = None,
    endpoints: list[Hit] | None = None,
    factor_ratios: list[Value] | None = None,
) -> None:
    """A P value printed after compared rates (no HR/OR in between) belongs to each of them:
    "43.6% vs 30.8% (P<0.001)", "... in the A group and 99 (44.4%) in the B group (difference
    ...; p=0.016)". The P is the first one after the rates; values before an earlier P or an
    HR/OR are not part of that comparison. "Rates" here are the values of every measure
    ``_p_sharing_measures`` names (incidences; medians when no HR/OR, else only those of a
    bracket the P closes, ``_medians_of_closed_bracket``). A P after "the difference in
    <another end point>" (one of ``endpoints``) is not theirs. A P labelled with the pair it
    compares goes to that pair only (``_labelled_pair``, read in the sentence's ``refs``).
    ``factor_ratios``: ratios of the sentence read as a factor's and left out of ``out``; each
    still owns the P printed after it, as a kept HR/OR does (round 97a: "(6.9 vs 4.2 months,
    HR=0.69, 95%CI: 0.51-0.93, P=0.015)" between subgroups gives the medians no P)."""
    kinds = _COMPARED_SHARES if factor_ratios else _p_sharing_measures(out)
    # (a ratio in the sentence: medians share only a P closing their own bracket)
    bracketed = () if "median" in kinds else ("median",)
    rates = [i for i, (_, _, m) in enumerate(out) if m in kinds or m in bracketed]
    # A shared P needs two rates of different arms (or of different named groups).
    if len(rates) < 2:
        return
    if (
        len({arms[i] for i in rates}) < 2
        and not GROUP_GATE.may_hold(low, s, e)
        and not _SUBGROUP_GATE.may_hold(low, s, e)
        and not _RESPECTIVELY_GATE.may_hold(low, s, e)
        and not _CONTRAST_GATE.may_hold(low, s, e)
        and not _TUMOUR_GROUP_GATE.may_hold(low, s, e)
        and not _DIFFERENCE_GATE.may_hold(low, s, e)
        and not _TWIN_PRODUCT_GATE.may_hold(low, s, e)
        and not _COMPLEMENT_GATE.may_hold(low, s, e)
    ):
        return
    ps = p_matches(text, s, e)
    if not ps:
        return
    boundary = s
    labelled: list[int] = []  # the rates the last labelled P chose from
    for m in ps:
        p_start = m.start()
        group = [
            i
            for i, (v, _, meas) in enumerate(out)
            if meas in kinds and boundary <= v.start < p_start
        ]
        after = boundary  # the end of the previous P
        boundary = m.end()
        if is_subgroup_p(text, m):  # a P for interaction/trend is no between-arm P
            continue
        pair = _labelled_pair(text, s, m, refs) if refs else None
        if pair is not None:
            # "(TL vs T, p = 0.04; TL vs L, p = 0.01)": a second label picks from the same rates
            group = group or labelled
            labelled = group
            if len(group) > 2:
                _give_labelled_p(out, arms, group, pair, m)
                continue
        else:
            labelled = []
            if len(group) > 2 and (chosen := _worded_pair(text, s, out, group, m)):
                _give_p_to_pair(out, group, chosen, m)
                continue
        if not group and bracketed:
            group = _medians_of_closed_bracket(text, out, after, m)
        if len(group) < 2 or any(  # (an HR/OR between blocks: tested only for a pair or more)
            meas in ("HR", "OR") and after <= v.start < p_start for v, _, meas in out
        ):
            continue
        if factor_ratios and any(after <= v.start < p_start for v in factor_ratios):
            continue
        if len(group) > 2:
            group = _last_clause_values(text, out, group)
        if len(group) > 2 and _CONTRAST_GATE.may_hold(low, s, e):
            group = _contrasted_tail(text, out, group)
        if _per_value_p(out, group, m):
            continue
        eps = {out[i][1:] for i in group}  # one end point, one measure
        if endpoints and _difference_in_other_endpoint(
            text, out[group[-1]][0].ext_end, p_start, endpoints, out[group[-1]][1]
        ):
            continue
        named = {arms[i] for i in group}
        if len(eps) > 1 and _p_for_every_pair(text, out, arms, group, m):
            continue
        if len(eps) > 1 and endpoints and (tail := _own_event_clause(text, out, group, endpoints)):
            group = tail
            eps = {out[i][1:] for i in group}
            named = {arms[i] for i in group}
        if len(eps) != 1 or (
            len(named) < 2
            and not _in_named_groups(text, out, group)
            and not _complement_groups(text, out, group)
            and not _respectively_before(text, out[group[-1]][0].ext_end, p_start)
            and not _contrasted_pair(text, out, group)
            and not _difference_stated_before(text, out[group[-1]][0].ext_end, p_start)
        ):
            continue
        p = normalise_p(m.group("op"), m.group("num"))
        if any(out[i][0].p not in (None, p) for i in group):
            continue
        for i in group:
            out[i][0].p = p


# Round 98a: "Diarrhoea of any grade occurred in 86.7% ... and 95.7% ..., and grade 3 diarrhoea
# in 8.9% and 21.7%, respectively (P=0.089)": the last values, of one end point and measure
# named anew in a clause of their own (", and", ";", ", whereas", ", while" before the mention),
# are the pair the P printed after them compares; the earlier clause's values take none.
_EVENT_CLAUSE_JOIN = re.compile(r"(?:,\s*(?:and|whereas|while|but)|;)\s", re.I)


def _own_event_clause(
    text: str, out: list[tuple[Value, str, str]], group: list[int], endpoints: list[Hit]
) -> list[int]:
    """The values at the end of ``group`` (two or more, one end point and measure) that a
    clause of their own opens, naming their end point after the earlier values of ``group``
    (``_EVENT_CLAUSE_JOIN`` between the last earlier value and that mention); else empty."""
    key = out[group[-1]][1:]
    k = len(group)
    while k > 0 and out[group[k - 1]][1:] == key:
        k -= 1
    if k == 0 or len(group) - k < 2:
        return []
    prev_end, first = out[group[k - 1]][0].ext_end, out[group[k]][0].start
    mention = next((h for h in endpoints if prev_end <= h.start and h.end <= first), None)
    if mention is None or _EVENT_CLAUSE_JOIN.search(text, prev_end, mention.start) is None:
        return []
    return group[k:]


# "(TL vs T, p = 0.04)": a P whose bracket first names the two groups it compares (or names
# them right after the P: "(P = .04 for TL vs T)").
_PAIR_LABEL_JOIN = re.compile(rf"\s*(?:{VS_OR_COMPARED})\s*", re.I)
_LABEL_REACH = 60  # characters from the bracket's opening to its P


def _labelled_pair(text: str, s: int, m: re.Match[str], refs: list[ArmRef]) -> set[str] | None:
    """The two arms a label of the P ``m`` names: a bracket's (``_bracket_label_pair``), else
    the clause's it closes ("the difference between THL and TH was not significant (P = .13)",
    ``_between_pair``), or None."""
    pair = _bracket_label_pair(text, s, m, refs)
    return pair if pair is not None else _between_pair(text, s, m, refs)


# Round 97a: "..., respectively; the difference between THL and TH was not significant (P =
# .13)", "and the comparison of arms A and C was significant (P = .002)": a clause that names
# two groups after "between" / "comparing" / "comparison of" and then only words (no number, no
# ";", no closed bracket) up to the P labels it with that pair. "(P = .13 for the comparison of
# all three arms)" and "the difference between the three arms" name no two groups.
_BETWEEN_REACH = 110  # characters from the P back to its label's "between"
_BETWEEN_BEFORE = re.compile(r"\b(?:between|comparing|comparisons?\s+of)\s+(?:the\s+)?\Z", re.I)
_BETWEEN_JOIN = re.compile(r"\s+(?:and|with|to|vs\.?|versus)\s+(?:the\s+)?", re.I)
_BETWEEN_TAIL = re.compile(r"[^\d;()\[\]]{0,60}[(\[]?\s*")


def _between_pair(text: str, s: int, m: re.Match[str], refs: list[ArmRef]) -> set[str] | None:
    """The two arms a "between A and B" label right before the P ``m`` names (see above), or
    None."""
    a = max(s, m.start() - _BETWEEN_REACH)
    window = text[a : m.start()]
    if "etween" not in window and "ompar" not in window:
        return None
    near = [r for r in refs if a <= r.start and r.end <= m.start()]
    for r1, r2 in pairwise(near):
        if (
            _BETWEEN_BEFORE.search(text, max(a, r1.start - 24), r1.start) is not None
            and _BETWEEN_JOIN.fullmatch(text, r1.end, r2.start) is not None
            and _BETWEEN_TAIL.fullmatch(text, r2.end, m.start()) is not None
        ):
            if r1.arm is None or r2.arm is None or r1.arm == r2.arm:
                return None
            return {r1.arm, r2.arm}
    return None


def _bracket_label_pair(text: str, s: int, m: re.Match[str], refs: list[ArmRef]) -> set[str] | None:
    """The two arms a bracket's label names before the P ``m`` ("(TL vs T, p = 0.04)", also
    after a ";" in that bracket or a ";" clause of the sentence outside brackets) or right after
    it ("(P = .01 for TL vs T)"), or None."""
    a = max(s, m.start() - _LABEL_REACH)
    opening = _opening_bracket(text, a, m.start())
    if opening is None:
        # Round 68b: "ORR was 48%, 52% and 61% in arms A, B and C; arm C vs arm A, P = 0.013":
        # a ";" clause that holds only the label and its P labels it as a bracket does.
        opening = _top_level_semicolon(text, a, m.start())
        if opening is None:
            # Round 72b: "..., respectively, P = 0.02 (C vs A)": a label right after the P.
            return _pair_label_after(text, m, refs)
    start = max(opening, text.rfind(";", opening, m.start()))
    inside = [r for r in refs if start < r.start and r.end <= m.start()]
    if not inside:
        return _letter_pair(text, start, m, refs) or _pair_label_after(text, m, refs)
    return _compared_pair(text, inside)


# Round 68b: "... in arms A, B and C, respectively (C vs A: P = 0.02)": the label names the
# arms by the bare letters the sentence gave them.
_LETTER_PAIR = re.compile(rf"([A-Z])\s*(?:{VS_OR_COMPARED})\s*([A-Z])\s*[:,=]?\s*\Z")


def _letter_pair(text: str, a: int, m: re.Match[str], refs: list[ArmRef]) -> set[str] | None:
    """The two arms a label of bare letters right before the P ``m`` names (``_LETTER_PAIR``,
    from ``a``), each the arm of the sentence's reference ending in that letter, or None."""
    label = _LETTER_PAIR.search(text, a, m.start())
    if label is None:
        return None
    return _arms_of_letters(text, label, refs)


def _arms_of_letters(text: str, label: re.Match[str], refs: list[ArmRef]) -> set[str] | None:
    """The two arms the letters ``label`` holds (groups 1 and 2) name, each the arm of the
    references before the label ending in that letter, or None."""
    by_letter: dict[str, set[str | None]] = {}
    for r in refs:
        letter = _last_letter(text, r)
        if letter is not None and r.end < label.start():
            by_letter.setdefault(letter, set()).add(r.arm)
    arms = [by_letter.get(label[k], set()) for k in (1, 2)]
    if any(len(x) != 1 or None in x for x in arms):
        return None
    pair = {next(iter(x)) for x in arms}
    return pair if len(pair) == 2 else None


def _last_letter(text: str, r: ArmRef) -> str | None:
    """The capital a reference ends in as a word of its own ("arm C", "C"), or None."""
    last = text[r.end - 1 : r.end]
    if not last.isupper() or (r.end - r.start > 1 and text[r.end - 2].isalnum()):
        return None
    return last


# "(P = .01 for TL vs T)": the label after the P, up to the end of its bracket or a ";";
# (round 72b) also a bracket of its own after the P: "P = 0.02 (TL vs T)".
_LABEL_AFTER_P = re.compile(r"\s*,?\s*(?:(?:for|comparing)\s*|[(\[]\s*)?")
_LABEL_END = re.compile(r"\s*[;)\]]")
# Round 72b: "(P = 0.02 for C vs A)", "P = 0.02 (C vs A)": the label in bare letters.
_LETTER_PAIR_AFTER = re.compile(
    r"\s*,?\s*(?:(?:for|comparing)\s+|[(\[]\s*)?"
    rf"([A-Z])\s*(?:{VS_OR_COMPARED})\s*([A-Z])(?![\w-])\s*[;)\]]"
)


def _pair_label_after(text: str, m: re.Match[str], refs: list[ArmRef]) -> set[str] | None:
    """The two arms a label right after the P ``m`` names, when the label ends the P's clause
    of its bracket ("(P = .01 for TL vs T; ...)"), or None."""
    after = [r for r in refs if m.end() <= r.start <= m.end() + _LABEL_REACH][:2]
    if len(after) != 2 or _LABEL_AFTER_P.fullmatch(text, m.end(), after[0].start) is None:
        letters = _LETTER_PAIR_AFTER.match(text, m.end())
        return _arms_of_letters(text, letters, refs) if letters else None
    if _LABEL_END.match(text, after[1].end) is None:
        return None
    return _compared_pair(text, after)


def _compared_pair(text: str, pair: list[ArmRef]) -> set[str] | None:
    """The arms of two references joined by "vs" ("TL vs T"), when they are two arms."""
    if len(pair) != 2 or pair[0].arm is None or pair[1].arm is None:
        return None
    if pair[0].arm == pair[1].arm:
        return None
    join = _PAIR_LABEL_JOIN.match(text, pair[0].end, pair[1].start)
    if join is None or join.end() != pair[1].start:
        return None
    return {pair[0].arm, pair[1].arm}


def _give_labelled_p(
    out: list[tuple[Value, str, str]],
    arms: list[str | None],
    group: list[int],
    pair: set[str],
    m: re.Match[str],
) -> None:
    """Give the P ``m`` to the one rate of each arm of ``pair`` in ``group`` (of one end point),
    and take it from the other rates of ``group`` (which may have read it as theirs)."""
    chosen = [i for i in group if arms[i] in pair]
    if len(chosen) != 2 or len({out[i][1:] for i in chosen}) != 1:
        return
    _give_p_to_pair(out, group, chosen, m, taken_after=m.start())


# Round 75a: "24·4% in the standard-dose group, 13·4% in the reduced-dose group, and 9·8% in
# the escalation group (escalation vs standard dose, p=0·013)": a label naming two listed groups
# by their own words (dose groups may share one regimen, so no arm tells them apart) gives the
# P to those two values only; also after the P ("p=0·013 for escalation vs standard dose").
_LABEL_TERM = r"([A-Za-z][\w -]{0,30}?)"
_WORD_PAIR_BEFORE = re.compile(
    rf"\s*{_LABEL_TERM}\s+(?:{VS_OR_COMPARED})\s+{_LABEL_TERM}\s*[,:;=]?\s*", re.I
)
_WORD_PAIR_AFTER = re.compile(
    rf"\s*,?\s*(?:for|comparing)\s+{_LABEL_TERM}\s+(?:{VS_OR_COMPARED})\s+{_LABEL_TERM}"
    r"\s*[;)\]]",
    re.I,
)
# The group a value is given for: "9·8% in the escalation group", "13·4% in the reduced-dose
# group" (up to the next value).
_GROUP_OF_VALUE = re.compile(
    r"[^%;()]{0,30}?\b(?:in|with|for)\s+(?:the\s+)?([A-Za-z][\w -]{0,30}?)\s+"
    r"(?:groups?|arms?|cohorts?)\b",
    re.I,
)
_GROUP_NOUN_END = re.compile(r"\s+(?:groups?|arms?|cohorts?)\Z")


def _group_words(words: str) -> str:
    """A group's name compared as words: lower case, hyphens as spaces, no "the" or noun."""
    words = " ".join(words.lower().replace("-", " ").split())
    words = _GROUP_NOUN_END.sub("", words)
    return words[4:] if words.startswith("the ") else words


def _pair_label_words(text: str, s: int, m: re.Match[str]) -> tuple[str, str] | None:
    """The two group names a label of words gives P ``m`` (``_WORD_PAIR_BEFORE`` from its
    bracket's opening or ``_WORD_PAIR_AFTER``), or None."""
    opening = _opening_bracket(text, max(s, m.start() - _LABEL_REACH), m.start())
    label = None
    if opening is not None:
        label = _WORD_PAIR_BEFORE.fullmatch(text, opening + 1, m.start())
    if label is None:
        label = _WORD_PAIR_AFTER.match(text, m.end())
    if label is None:
        return None
    return _group_words(label[1]), _group_words(label[2])


def _worded_pair(
    text: str, s: int, out: list[tuple[Value, str, str]], group: list[int], m: re.Match[str]
) -> list[int]:
    """The two values of ``group`` (one end point) whose groups the label of P ``m`` names
    (``_pair_label_words``), each named once; empty when the label names no such pair."""
    terms = _pair_label_words(text, s, m)
    if terms is None or terms[0] == terms[1]:
        return []
    names: dict[str, list[int]] = {}
    for k, i in enumerate(group):
        v = out[i][0]
        end = out[group[k + 1]][0].start if k + 1 < len(group) else m.start()
        g = _GROUP_OF_VALUE.match(text, v.ext_end, end)
        if g is not None:
            names.setdefault(_group_words(g[1]), []).append(i)
    chosen = [names.get(t, []) for t in terms]
    if any(len(c) != 1 for c in chosen) or out[chosen[0][0]][1:] != out[chosen[1][0]][1:]:
        return []
    return sorted(c[0] for c in chosen)


def _give_p_to_pair(
    out: list[tuple[Value, str, str]],
    group: list[int],
    chosen: list[int],
    m: re.Match[str],
    *,
    taken_after: int = -1,
) -> None:
    """Give P ``m`` to the values ``chosen`` of ``group``, and take it from the others (which
    may have read it as theirs) that end after ``taken_after``."""
    p = normalise_p(m.group("op"), m.group("num"))
    for i in group:
        v = out[i][0]
        if i in chosen:
            if v.p is None:
                v.p = p
        elif v.p == p and v.ext_end > taken_after:
            v.p = None


def _medians_of_closed_bracket(
    text: str, out: list[tuple[Value, str, str]], after: int, m: re.Match[str]
) -> list[int]:
    """The medians in the bracket the P ``m`` closes ("event-free survival (EFS; 35.1 v 22.9
    weeks; P = .004)"), when the bracket opens after the previous P (``after``), or right before
    a bracket that holds no other number ("median OS was 30.1 vs 25.3 months (P = .04)"): a
    pair compared with a P of its own, though an HR elsewhere in the sentence takes its own P.
    (An HR/OR between the previous P and this one is tested by the caller.) Empty when the P
    closes no bracket."""
    k = m.end()
    while k < len(text) and text[k] == " ":
        k += 1
    if k == len(text) or text[k] not in ")]":
        return []
    opening = _opening_bracket(text, after, m.start())
    if opening is None:
        return []
    p_start = m.start()
    inside = [
        i for i, (v, _, meas) in enumerate(out) if meas == "median" and opening < v.start < p_start
    ]
    if inside or _NUMBER_IN.search(text, opening, p_start):
        return inside
    before = [
        i for i, (v, _, meas) in enumerate(out) if meas == "median" and after <= v.start < opening
    ]
    if not before or text[out[before[-1]][0].ext_end : opening].strip():
        return []
    return before


def _per_value_p(out: list[tuple[Value, str, str]], group: list[int], m: re.Match[str]) -> bool:
    """Whether the P ``m`` sits in the statistics bracket (CI and P) of the last value of
    ``group`` and the next value of that end point has a CI and P of its own too ("93 of 177
    (52·5%, CI) in A, 91 of 171 (53·2%, CI; p=0·9852) in B, and 106 of 171 (62·0%, CI; p=0·095)
    in C"): each P compares its own group with the first, so it stays with its value (which read
    it) and the first takes none. A single P in the second of two values' brackets still
    compares the pair; so does a P after a pair whose next pair has a P but no CI."""
    last = out[group[-1]]
    if last[0].ci_low is None or not last[0].start < m.start() < last[0].ext_end:
        return False
    nxt = next((v for v, ep, meas in out if v.start > m.end() and (ep, meas) == last[1:]), None)
    return nxt is not None and nxt.p is not None and nxt.ci_low is not None


# Between two values of one end point, a word that contrasts them: "11.2 months in the
# first-line setting versus 5.9 months in later lines", "11.2 months, while it was 5.9 months".
_CONTRAST_JOIN = re.compile(
    word_start(["versus", r"vs\b", r"compared\s+(?:with|to)", "while", "whereas"]) + r"(?!\w)"
)
_CONTRAST_GATE = WordGate(("vs", "versus", "compared", "while", "whereas"))


def _contrasted_pair(text: str, out: list[tuple[Value, str, str]], group: list[int]) -> bool:
    """Whether the two values of ``group`` are set against each other by a contrast word
    between them ("... versus ...", "..., while it was ..."): compared groups, whichever groups
    they are, so the P printed after them is each one's."""
    if len(group) != 2:
        return False
    a, b = out[group[0]][0], out[group[1]][0]
    return b.start - a.ext_end <= 80 and _CONTRAST_JOIN.search(text, a.ext_end, b.start) is not None


def _contrasted_tail(text: str, out: list[tuple[Value, str, str]], group: list[int]) -> list[int]:
    """The last two values of ``group`` when only they are set against each other ("50.0% in
    all patients and 83.3% in A, versus 33.3% in B (P = 0.04)"): the P printed after them
    compares that pair, not the value listed before it. ``group`` otherwise."""
    tail = group[-2:]
    if not _contrasted_pair(text, out, tail):
        return group
    first, last_but_one = out[group[0]][0], out[tail[0]][0]
    if _CONTRAST_JOIN.search(text, first.start, last_but_one.start) is not None:
        return group
    return tail


def _last_clause_values(
    text: str, out: list[tuple[Value, str, str]], group: list[int]
) -> list[int]:
    """The values of ``group`` after the last ";" outside brackets among them, when two or more
    ("8.1 months in the overall population; 7.6 months with and 8.9 months without brain
    metastases (P=0.41)"): the P printed after them compares the clause it closes, not the
    value of the clause before. ``group`` otherwise."""
    cut = _top_level_semicolon(text, out[group[0]][0].start, out[group[-1]][0].start)
    if cut is None:
        return group
    tail = [i for i in group if out[i][0].start > cut]
    return tail if len(tail) >= 2 else group


# "(both P<0.001)", "(P<0.05 for both)", "(all P < .01)": one P said of every comparison before it.
_EVERY_BEFORE_P = re.compile(r"(?:\b(?:both|all|each)\b\s*,?\s*)$", re.I)
_EVERY_AFTER_P = re.compile(r"\s*,?\s*(?:for|in)\s+(?:both|all|each)\b", re.I)


def _p_for_every_pair(
    text: str,
    out: list[tuple[Value, str, str]],
    arms: list[str | None],
    group: list[int],
    m: re.Match[str],
) -> bool:
    """Gives the P ``m`` to every value of ``group`` when the P is said of each comparison
    before it ("The ORR was 68% and 40%, and the DCR was 85% and 70% in the two groups,
    respectively (both P<0.05)", or of two lists compared as wholes, ``_compared_with_those``) and ``group`` is two end points or more, each compared over
    the same number of groups (two or more values; different arms, or a "respectively" list
    closing before the P). Whether it gave the P."""
    a = m.start()
    if (
        _EVERY_BEFORE_P.search(text, max(0, a - 12), a) is None
        and _EVERY_AFTER_P.match(text, m.end()) is None
        and not _compared_with_those(text, out, group)
    ):
        return False
    by_ep: dict[tuple[str, str], list[int]] = {}
    for i in group:
        by_ep.setdefault(out[i][1:], []).append(i)
    sizes = {len(ix) for ix in by_ep.values()}
    if len(sizes) != 1 or min(sizes) < 2:
        return False
    listed = _respectively_before(text, out[group[-1]][0].ext_end, _opening_bracket_or(text, a))
    if not listed and any(len({arms[i] for i in ix}) < 2 for ix in by_ep.values()):
        return False
    p = normalise_p(m.group("op"), m.group("num"))
    if any(out[i][0].p not in (None, p) for i in group):
        return False
    for i in group:
        out[i][0].p = p
    return True


# Round 81b: "ORR and DCR of A were 62% and 87%, respectively, higher than those of B (41% and
# 72%) (P<0.05)": one group's list of rates set against "those" of another, compared as wholes.
_THAN_THOSE = re.compile(r"\b(?:than|with|to)\s+those\b", re.I)


def _compared_with_those(text: str, out: list[tuple[Value, str, str]], group: list[int]) -> bool:
    """Whether the values of ``group`` are two lists set against each other by "than those"
    ("with those", "to those") between them: one P printed after them is said of the whole."""
    a, b = out[group[0]][0].start, out[group[-1]][0].start
    if len(group) % 2 or text.find("those", a, b) < 0:
        return False
    # one "than those" between two halves: a third list ("similar to those in CLEOPATRA (80%
    # and 90%) and higher than those of B (...)") is no part of the P's comparison
    found = list(_THAN_THOSE.finditer(text, a, b))
    half = len(group) // 2
    mid_a, mid_b = out[group[half - 1]][0].start, out[group[half]][0].start
    return len(found) == 1 and mid_a <= found[0].start() < mid_b


def _opening_bracket_or(text: str, a: int) -> int:
    """Where the words said before the P at ``a`` start ("both " in "(both P<0.05)"): the
    offset after the bracket opening them, else ``a``."""
    k = text.rfind("(", max(0, a - 12), a)
    return k + 1 if k >= 0 else a


# "96% and 86%, respectively (P = .025)": compared values, whichever groups they are.
_RESPECTIVELY_P_GAP = re.compile(r"\s*,?\s*respectively\s*[(\[;,]?\s*", re.I)


def _respectively_before(text: str, a: int, b: int) -> bool:
    """Whether text[a:b] (after the last compared value, before its P) is ", respectively (":
    the values before are a compared run even when no arm or group phrase names them."""
    return b - a < 20 and _RESPECTIVELY_P_GAP.fullmatch(text, a, b) is not None


# Round 64b: "45%, 50% and 48% in the three groups, with no statistically significant
# difference among groups (P=0.287)": a list of values said of the design's groups, then a
# clause on their difference before the P, is a list of compared values (each group's value:
# ``rows._listed_before``), so each carries the P. Only after the groups phrase: a value list
# with no groups said may be of subgroups, whose P is no comparison of arms.
_DIFFERENCE_GATE = WordGate(("differen",))
_DIFFERENCE_BEFORE_P = re.compile(
    r"\s*in\s+(?:the|all|both)\s+(?:(?:two|three|four|[234])\s+)?(?:treatment\s+|study\s+)?"
    r"(?:groups|arms)\b"
    r"[^\d%;()\[\]]{0,60}?\bdifferen(?:ces?|t)\b[^\d%;()\[\]]{0,40}?[(\[,;:]?\s*",
    re.I,
)
# Round 90a: "was 23.3%, 26.7% and 13.3%, and the differences were not statistically significant
# (P>0.05)": "the differences" are those of the values just listed, as "respectively (P=...)".
_DIFFERENCES_WERE_BEFORE_P = re.compile(
    r"\s*,?\s*(?:and\s+|but\s+)?the\s+differences?\s+(?:was|were)\s+(?:not\s+)?"
    r"(?:statistically\s+)?significant\s*[(\[,;:]?\s*",
    re.I,
)


def _difference_stated_before(text: str, a: int, b: int) -> bool:
    """Whether text[a:b] (after the last compared value, before its P) names the groups and
    then their difference (``_DIFFERENCE_BEFORE_P``), or says "the differences were (not)
    significant" of the values just listed (``_DIFFERENCES_WERE_BEFORE_P``)."""
    if b - a > 130 or text.find("ifferen", a, b) < 0:
        return False
    return (
        _DIFFERENCE_BEFORE_P.fullmatch(text, a, b) is not None
        or _DIFFERENCES_WERE_BEFORE_P.fullmatch(text, a, b) is not None
    )


# Round 93a: "the ORRs were 68.6% and 53.3%, and the differences in PFS were significant
# (P=0.01)": a difference named by another end point than the values' is that end point's, so
# its P is not theirs (a difference naming none, or theirs, still is).
_DIFFERENCE_IN = re.compile(r"\bdifferen(?:ces?|t)\s+(?:in|of|for)\s+(?:the\s+)?", re.I)


def _difference_in_other_endpoint(text: str, a: int, b: int, eps: list[Hit], endpoint: str) -> bool:
    """Whether text[a:b] (after the last compared value, before its P) speaks of "the
    difference(s) in <end point>" of an end point other than ``endpoint``."""
    if b - a > 130 or text.find("ifferen", a, b) < 0:
        return False
    for m in _DIFFERENCE_IN.finditer(text, a, b):
        for h in eps:
            if h.start == m.end():
                return h.canonical != endpoint
    return False


def _p_sharing_measures(out: list[tuple[Value, str, str]]) -> tuple[str, ...]:
    """Measures whose compared values share a P printed after them: rates and incidences
    always; medians too when the sentence has no HR/OR (whose P it would be): "4.8 months in
    arm A and 6.9 months in arm B (P = .13)" gives .13 to both medians, as "4.8 vs 6.9 months
    (P = .13)"."""
    for _, _, m in out:  # (a loop: faster than any() over a generator)
        if m in RATIO_MEASURES:
            return _COMPARED_SHARES
    return (*_COMPARED_SHARES, "median")


# "42.7% in the combination arm": a rate followed by the group it was measured in (round 81b:
# "of pts in the chemo arm", any word for the people counted, ``_PEOPLE``).
_OF_PEOPLE = r"(?:of\s+" + _PEOPLE + r"\s+)?"
# (round 90b: a value's CI bracket may end before its closing bracket, as ``_IN_LETTERED_GROUP``
# allows: "56.2% (95% CI 46.3-65.7) of patients in the extended arm")
_IN_GROUP = re.compile(
    r"[)\]]?\s*(?:" + _OF_PEOPLE + r"in|of)\s+the\s+((?:[\w+-]+\s+){1,4}?)(?:arm|group|cohort)\b",
    re.I,
)

# "38% (4-cycle arm) and 45% (6-cycle arm) of patients": a rate followed by its group's bracket.
_BRACKETED_GROUP = re.compile(
    r"\s*[(\[]\s*(?:the\s+)?((?:[\w+-]+\s+){0,3}?[\w+-]+)[\s-]+(?:arm|group|cohort)\s*[)\]]",
    re.I,
)

# "4.8 months in arm A", "9.1 months (95% CI, 6.1-12.1 months) in arm A": a value (a value's
# CI bracket ends before its closing bracket) followed by the lettered group it was measured in.
_IN_LETTERED_GROUP = re.compile(
    r"[)\]]?\s*" + _OF_PEOPLE + r"in\s+(?i:arm|group|cohort)\s+([A-Z]|[1-9])(?![\w-])"
)
# "45% of patients with HER2-enriched tumours and 8% of those with luminal A tumours": each rate
# a share of its own subgroup (read for a shared P only: "of patients with" after a single rate
# names whom it counts, no compared group).
_OF_SUBGROUP = re.compile(r"\s*of\s+" + _PEOPLE + _SUBGROUP_TAIL, re.I)
_SUBGROUP_GATE = WordGate(("with", "who"))  # every _IN_SUBGROUP match holds one

# "49.6% in hormone receptor-negative and 31.2% in hormone receptor-positive tumors", "28.6% with
# PIK3CA mutations and 53.1% in wild-type tumors": rates of tumour groups defined by a marker
# (the first may leave the noun to the second), compared as the rates of named groups are.
_MARKER_STATUS = r"[\w+]*(?:-negative|-positive|-mutant|-mutated|wild-type|-high|-low|-enriched)"
# Every ``_IN_TUMOUR_GROUP`` match holds one of these (a marker status or a tumour noun).
_TUMOUR_GROUP_GATE = WordGate(
    ("negative", "positive", "mutant", "mutat", "wild-type", "-high", "-low", "enriched",
     "tumor", "tumour", "cancer")
)  # fmt: skip
_IN_TUMOUR_GROUP = re.compile(
    r"\s*(?:in|among|with)\s+(?:the\s+)?((?:[\w+-]+\s+){0,3}?(?:"
    + _MARKER_STATUS
    + r"(?:\s+(?:tumou?rs?|disease|cancers?))?|[\w+-]+\s+(?:mutations?|tumou?rs?|cancers?)))"
    r"(?=\s*(?:[,;()\[\]]|\.(?!\d)|$|(?:and|vs\.?|versus|compared)\b))",
    re.I,
)


# Round 74a: "51.7% with the biosimilar and 42.0% with the reference product (P = 0.02)": the
# products a biosimilar trial compares name its groups (whose arms are twins, one regimen).
_TWIN_PRODUCT_GATE = WordGate(("biosimilar", "reference", "originator", "innovator"))
_TWIN_PRODUCT = r"(?:reference|originator|innovator)(?:\s+(?:product|drug|medicine|\w+mab))?"
_WITH_TWIN_PRODUCT = re.compile(
    r"\s*" + _OF_PEOPLE + r"(?:with|for|receiving|on)\s+(?:the\s+|a\s+)?"
    rf"((?:proposed\s+)?biosimilar(?:\s+\w+mab)?|{_TWIN_PRODUCT})\b",
    re.I,
)


def _in_named_groups(text: str, out: list[tuple[Value, str, str]], group: list[int]) -> bool:
    """Whether each rate of ``group`` is followed by its own group phrase, all different ("42.7%
    in the combination arm and 27.9% in the monotherapy arm"): rates of compared groups, even
    when the registry cannot say which arms those groups are."""
    names = set()
    for i in group:
        v = out[i][0]
        m = (
            _IN_GROUP.match(text, v.ext_end)
            or _IN_LETTERED_GROUP.match(text, v.ext_end)
            or _IN_SUBGROUP.match(text, v.ext_end)
            or _IN_TUMOUR_GROUP.match(text, v.ext_end)
            or _OF_SUBGROUP.match(text, v.ext_end)
            or _BRACKETED_GROUP.match(text, v.ext_end)
            or _WITH_TWIN_PRODUCT.match(text, v.ext_end)
        )
        if m is None:
            return False
        names.add(m.group(1).lower().strip())
    return len(names) == len(group)


# Round 81b: "57.8% of HER2-E and 25.2% of non-HER2-E tumors": the rates of a group and of its
# complement ("X" and "non-X"), compared as the rates of named groups are.
_COMPLEMENT_GATE = WordGate(("non",))
_OF_FIRST_GROUP = re.compile(
    r"\s*(?:of|in|among)\s+(?:the\s+)?([\w+-]+)\s+(?:and|vs\.?|versus)\s+", re.I
)
_OF_SECOND_GROUP = re.compile(r"\s*(?:of|in|among)\s+(?:the\s+)?([\w+-]+)", re.I)
_NON = re.compile(r"non-?", re.I)


def _complement_groups(text: str, out: list[tuple[Value, str, str]], group: list[int]) -> bool:
    """Whether the two rates of ``group`` are of a group and of its complement, each named right
    after its rate ("57.8% of HER2-E and 25.2% of non-HER2-E tumors", ``_OF_FIRST_GROUP``)."""
    if len(group) != 2:
        return False
    a, b = out[group[0]][0], out[group[1]][0]
    first = _OF_FIRST_GROUP.fullmatch(text, a.ext_end, b.start)
    second = first and _OF_SECOND_GROUP.match(text, b.ext_end)
    if not second:
        return False
    x, y = first.group(1).lower(), second.group(1).lower()
    return _complement_of(y, x) or _complement_of(x, y)


def _complement_of(name: str, other: str) -> bool:
    """Whether ``name`` is "non-" ``other`` ("non-her2-e" of "her2-e")."""
    m = _NON.match(name)
    return m is not None and name[m.end() :] == other


# Between two P values of a bare list: "P=0.41 and P=0.03", "P = .02, P = .30".
_P_LIST_JOIN = re.compile(r"\s*(?:[,;]\s*(?:and\s+)?|and\s+)", re.I)
# What may open and close a bare P list: a bracket, a ";" or "," before; a closer after.
_P_LIST_LEAD = re.compile(r"[(\[;,]\s*\Z")
_P_LIST_TAIL = re.compile(r"\s*(?:[)\];,]|\.(?!\d)|$)")


def _p_list_end(text: str, ps: list[re.Match[str]], k: int) -> int:
    """The index of the last P of the bare list ``ps[k]`` opens (``_P_LIST_JOIN`` between
    each two); ``k`` when no P is joined to it."""
    while k + 1 < len(ps) and _P_LIST_JOIN.fullmatch(text, ps[k].end(), ps[k + 1].start()):
        k += 1
    return k


def _between_arm_ps(text: str, s: int, e: int) -> list[re.Match[str]]:
    """The P matches of the sentence ``text[s:e]`` but those for interaction or trend
    (``is_subgroup_p``): the Ps that may compare arms."""
    return [m for m in p_matches(text, s, e) if not is_subgroup_p(text, m)]


def _unlinked_p_lists(
    text: str, s: int, out: list[tuple[Value, str, str]], ps: list[re.Match[str]]
) -> None:
    """ "The ORR was 60%, 70% and 50% in the TD, PTD and T-DM1 arms (P=0.41 and P=0.03)": two
    or more P values joined by nothing but "and" or a comma, after three or more compared values
    of one end point, do not say which pair each P compares, so no value carries one (a curator
    cannot tell). Only a list that opens its bracket or clause and closes it: a word between or
    around the Ps ("P=0.41 for PTD vs TD and ...") ties them to pairs, which this leaves alone.
    ``ps``: the sentence's between-arm Ps (``_between_arm_ps``)."""
    k, prev_end = 0, s
    while k < len(ps) - 1:
        j = _p_list_end(text, ps, k)
        if j > k and _bare_p_list(text, s, ps[k], ps[j]):
            _drop_list_ps(text, out, ps[k : j + 1], prev_end)
        prev_end = ps[j].end()
        k = j + 1


def _bare_p_list(text: str, s: int, first: re.Match[str], last: re.Match[str]) -> bool:
    """Whether the P list from ``first`` to ``last`` opens its bracket or clause (nothing but a
    bracket, ";" or "," before it) and ends it (a closer or the sentence's end after it)."""
    lead = _P_LIST_LEAD.search(text, max(s, first.start() - 4), first.start())
    return lead is not None and _P_LIST_TAIL.match(text, last.end()) is not None


def _drop_list_ps(
    text: str, out: list[tuple[Value, str, str]], ps: list[re.Match[str]], after: int
) -> None:
    """Take the Ps of the bare list ``ps`` from the compared values right before it (after the
    previous P, ``after``): three or more of one end point and measure, no HR/OR among them.
    As many "vs" pairs as Ps ("20% vs 10% and 15% vs 5% (P=0.41 and P=0.03)") are compared in
    turn: each pair takes its own P (``_p_per_pair``)."""
    group = [i for i, (v, _, _) in enumerate(out) if after <= v.start < ps[0].start()]
    if len(group) < 3:
        return
    group = _last_clause_values(text, out, group)
    if (
        len(group) < 3
        or len({out[i][1:] for i in group}) != 1
        or out[group[0]][2] in RATIO_MEASURES
    ):
        return
    listed = [normalise_p(m.group("op"), m.group("num")) for m in ps]
    per_value = _p_per_pair(out, group, listed)
    for i, p in zip(group, per_value, strict=True):
        if out[i][0].p in listed:
            out[i][0].p = p


def _p_per_pair(
    out: list[tuple[Value, str, str]], group: list[int], ps: list[str]
) -> list[str | None]:
    """The P of each value of ``group``: the k-th P for the k-th of as many compared tuples
    ("A vs B", ``_compared_tuples``) as there are Ps, else None for every value (no P says
    which pair it compares)."""
    n = len(group) // len(ps)
    if n * len(ps) != len(group) or not _compared_tuples(out, group, n):
        return [None] * len(group)
    return [ps[k // n] for k in range(len(group))]


# Round 64b: Ps labelled by the end point they compare. "(P = 0.02 and P < 0.001 for PFS and
# OS, respectively)", "(P = 0.02 for PFS; P < 0.001 for OS)", "(PFS, P = 0.02; OS, P < 0.001)".
_FOR_LABEL = re.compile(r"\s*,?\s*(?:for|in)\s+(?:the\s+)?")
_LABEL_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")
_LABEL_CLOSE = re.compile(r"\s*(?:,\s*respectively\b)?\s*(?:[)\];,]|\.(?!\d)|\Z|and\b)")
_LABEL_BEFORE_P = re.compile(r"\s*[,:]?\s*")
_LABEL_OPENS = re.compile(r"[(\[;]\s*\Z")


def _end_point_labelled_ps(
    text: str,
    s: int,
    e: int,
    out: list[tuple[Value, str, str]],
    eps: list[Hit],
    ps: list[re.Match[str]],
) -> None:
    """Give each P labelled with an end point (``_p_labels``) to the compared values of that end
    point before it, and take a labelled P from the values of an end point it is not the label
    of (the parser gave the first P of a list to the pair right before it). Only end points of
    two values or more in ``out``, of the measures whose compared values share a P. ``ps``: the
    sentence's between-arm Ps (``_between_arm_ps``)."""
    kinds = _p_sharing_measures(out)
    by_code: dict[str, list[int]] = {}
    ratios: dict[str, list[int]] = {}  # (review: a labelled P is its end point's HR/OR's)
    for i, (_, ep, meas) in enumerate(out):
        if meas in kinds:
            by_code.setdefault(ep, []).append(i)
        elif meas in RATIO_MEASURES:
            ratios.setdefault(ep, []).append(i)
    if len(by_code.keys() | ratios.keys()) < 2:
        return
    labels = _p_labels(text, ps, [h for h in eps if s <= h.start < e]) if ps else []
    listed = [(m.start(), normalise_p(m.group("op"), m.group("num")), c) for m, c in labels]
    listed += worded_p_list(text, s, e, eps)  # "P values for PFS and OS were a and b"
    given: dict[str, str] = {}
    for at, p, code in listed:
        ratio = [i for i in ratios.get(code, ()) if out[i][0].start < at]
        group = [i for i in by_code.get(code, ()) if out[i][0].start < at]
        if len(ratio) == 1:  # "90% vs 85% (HR 0.70) ... (P = 0.02 for IDFS": the HR's P
            given[code] = out[ratio[0]][0].p = p
            _clear_p(out, group, p)
        elif len(group) >= 2:
            given[code] = p
            for i in group:
                out[i][0].p = p
    for code in by_code.keys() | ratios.keys():
        if given and code not in given:
            _clear_p(out, [*by_code.get(code, ()), *ratios.get(code, ())], *given.values())


def _clear_p(out: list[tuple[Value, str, str]], ix: list[int], *ps: str) -> None:
    """Take each P of ``ps`` from the values ``out[i]`` (``i`` in ``ix``) that carry it."""
    for i in ix:
        if out[i][0].p in ps:
            out[i][0].p = None


def _p_labels(text: str, ps: list[re.Match[str]], eps: list[Hit]) -> list[tuple]:
    """(P match, end-point code) for each P of ``ps`` its text labels with an end point: a list
    of Ps followed by as many end points ("P = a and P = b for PFS and OS, respectively"), a P
    followed by "for <end point>" or following "<end point>," at the opening of its item."""
    starts = {h.start: h for h in eps}
    ends = {h.end: h for h in eps}
    out: list[tuple] = []
    k = 0
    while k < len(ps):
        j = _p_list_end(text, ps, k)
        listed = _end_points_after(text, ps[j].end(), starts)
        if len(listed) == j - k + 1:
            out.extend(zip(ps[k : j + 1], (h.canonical for h in listed), strict=True))
        elif len(listed) == 1 and j == k:
            out.append((ps[k], listed[0].canonical))
        else:
            for m in ps[k : j + 1]:
                before = _end_point_before(text, m.start(), ends)
                if before is not None:
                    out.append((m, before.canonical))
        k = j + 1
    return out


def _end_points_after(text: str, a: int, starts: dict[int, Hit]) -> list[Hit]:
    """The end points listed right after a P ending at ``a`` ("for PFS and OS, respectively"),
    up to a closer; empty when none or when the list does not close."""
    m = _FOR_LABEL.match(text, a)
    if m is None or m.end() not in starts:
        return []
    listed = [starts[m.end()]]
    while True:
        join = _LABEL_LIST_JOIN.match(text, listed[-1].end)
        if join is None or join.end() not in starts:
            break
        listed.append(starts[join.end()])
    return listed if _LABEL_CLOSE.match(text, listed[-1].end) else []


def _end_point_before(text: str, p_start: int, ends: dict[int, Hit]) -> Hit | None:
    """The end point labelling the P at ``p_start`` from before it ("(PFS, P = 0.02; OS, ..."):
    it opens its bracket or ";" item and only a comma or colon stands between it and the P."""
    for end, hit in ends.items():
        if (
            end <= p_start < end + 4
            and _LABEL_BEFORE_P.fullmatch(text, end, p_start)
            and _LABEL_OPENS.search(text, max(0, hit.start - 3), hit.start)
        ):
            return hit
    return None
