"""``parse_values``: every numeric value of a sentence, in order, with its CI and P (the entry
point that runs the readers of the other modules).
"""

from __future__ import annotations

from her2mine.extract.numbers.atoms import (
    _CUTOFF_CHAR,
    _P_OP_CHAR,
    _atoms,
    _cutoff_after_measure,
    _in_spans,
    _nr_atoms,
    _nr_long_form,
    _nr_short_form,
    _signed_time,
    _with_european_cis,
    _with_probability_intervals,
    is_subgroup_p,
)
from her2mine.extract.numbers.attach import _attach_ci_p
from her2mine.extract.numbers.pairs import (
    _end_pairs_at_own_p,
    _has_ratio,
    _mark_pairs,
    _nr_with_own_unit,
    _p_before_ratio,
    _p_to_bracket_ratio,
    _resolve_nr_units,
    _share_pair_p,
)
from her2mine.extract.numbers.patterns import (
    _CI_HINT,
    _NOT_A_RESULT_NR_END,
    _NR_NOT_REPORTED_AFTER,
    _NUM_ATOM,
    _NUM_ATOM_ASCII,
    _RANGE_BEFORE_END,
    ci_matches,
    p_matches,
)
from her2mine.extract.numbers.ratios import _bare_ratio_after_medians, _listed_ratios, _ratios
from her2mine.extract.numbers.times_rates import _times_and_rates
from her2mine.extract.numbers.units import _header_unit_values, _inherit_units
from her2mine.extract.numbers.value import Value, _start_of


def parse_values(
    text: str, start: int = 0, end: int | None = None, key_starts: list[int] | None = None
) -> list[Value]:
    """All numeric results in ``text[start:end]`` (usually one sentence), in text order.
    ``key_starts``: ``ratio_candidates(text)`` if the caller has it (a caller reading every
    sentence of a text scans it once instead of once per sentence)."""
    end = len(text) if end is None else end
    low = text[start:end].lower()
    same = len(low) == end - start  # lower() kept offsets (it does except for rare letters)
    # Number atoms and "not reached" first: a sentence with neither has no value, and its CIs
    # and P values need not be read. (An ASCII sentence holds no other digit than 0-9.)
    is_ascii = low.isascii()
    atoms = list((_NUM_ATOM_ASCII if is_ascii else _NUM_ATOM).finditer(text, start, end))
    nrs = _nr_atoms(text, start, end)
    if not atoms and not nrs:
        return []  # keys, times and rates all need a number atom
    if not same:
        cis = ci_matches(text, start, end)
    elif (hint := _CI_HINT.search(low)) is None:
        cis = []
    else:
        # No CI keyword starts before the first hint in an ASCII sentence (the hint accepts
        # wherever the keyword does; "ı" would match the keyword's "I" but not the hint's "i").
        cis = ci_matches(text, start, end, start + hint.start() if is_ascii else None)
    if "probability interval" in low:
        cis = _with_probability_intervals(text, start, end, cis)
    if text.find("IC", start, end) >= 0:  # every _IC_CI match holds it
        cis = _with_european_cis(text, start, end, cis)
    # Every P_RE match holds an operator character (one search of the text, no Python call).
    has_op = _P_OP_CHAR.search(text, start, end) is not None
    ps = p_matches(text, start, end, has_op)
    # Each CI and P with its offsets, read once: every value looks for those right after it.
    # (Most sentences have neither: no comprehension is built for them.)
    cis_at = [(m.start(), m.end(), m) for m in cis] if cis else []
    ps_at = [(*m.span(), m) for m in ps] if ps else []
    masked = [(a, b) for a, b, _ in cis_at + ps_at] if cis_at or ps_at else []
    if ps_at:
        ps_at = [t for t in ps_at if not is_subgroup_p(text, t[2])]
    atoms = _atoms(text, start, end, low, same, masked, atoms)
    # (the comparison signs are operator characters too: no sign without ``has_op``)
    if atoms and has_op and _CUTOFF_CHAR.search(text, start, end) is not None:
        atoms = [
            m
            for m in atoms
            if not _cutoff_after_measure(text, start, m) and not _signed_time(text, start, m)
        ]
    if not atoms and not nrs:
        return []
    used: set[int] = set()
    values = _ratios(text, start, end, atoms, masked, used, key_starts) if atoms else []
    _times_and_rates(text, start, end, atoms, used, values, low if same else None)
    rate_rows: list[tuple[int, int]] = []
    if text.find(":", start, end) >= 0 and ", " in low:  # (every header holds both)
        rate_rows = _header_unit_values(text, start, end, atoms, used, values)
    if len(values) >= 2 and len(used) < len(atoms) and "median" in low:
        ratio = _bare_ratio_after_medians(text, end, atoms, used, values)
        if ratio is not None:
            values.append(ratio)
    had_nr = False
    words: Value | None = None  # the last "not reached" value read
    for m in nrs:
        pos = m.start()
        if _nr_short_form(text, start, pos):
            # "not reached [NR] (95% CI ...) with X": one median; the short form, nearer its CI
            # and arm, stands for it. After a bound ("to not estimable [NE]") it is that bound.
            if words is not None and words.end >= pos - 3:
                words.start, words.end, words.ext_end = pos, m.end(), m.end()
            continue
        if words is not None and _nr_long_form(text, words.end, pos):
            continue  # "NR (not reached)": the words spell out the short form's one median
        if text[pos] == "N" and _NR_NOT_REPORTED_AFTER.match(text, m.end()):
            continue  # "NR (not reported)": no median
        if (
            not _in_spans(masked, pos)
            and not (rate_rows and _in_spans(rate_rows, pos))
            and not _RANGE_BEFORE_END.match(text, max(start, pos - 4), pos)
            and not _NOT_A_RESULT_NR_END.match(text, max(start, pos - 30), pos)
        ):
            words = Value("nr", None, None, pos, m.end(), m.end())
            values.append(words)
            had_nr = True
    if not values:
        return values
    values.sort(key=_start_of)

    # 3. Bare numbers that share the unit of the next value ("18.5 vs 12.4 months").
    if len(used) < len(atoms):
        if had_nr:
            _nr_with_own_unit(text, values)
        values = _inherit_units(text, values, atoms, used)

    # 4. CI and P right after each value; ratios listed after a ratio ("0.71 and 0.83").
    for v in values:
        _attach_ci_p(text, v, cis_at, ps_at, end)
    if len(used) < len(atoms) and _has_ratio(values):
        values = _listed_ratios(text, values, atoms, used, cis_at, ps_at, end)
    if ps_at and _has_ratio(values):
        _p_before_ratio(text, values, ps_at)
    if len(values) > 1:
        if ps:
            _p_to_bracket_ratio(text, values)
        _mark_pairs(text, values)
        if ps:
            _end_pairs_at_own_p(text, values)
        _share_pair_p(values)
    if had_nr:
        _resolve_nr_units(values)
    return values
