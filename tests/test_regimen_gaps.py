"""``regimens.without_schedules`` removes exactly what three unconditional ``_SCHEDULE`` rounds
remove (its hint and early stop are shortcuts), and the joiner table agrees with reading."""

from __future__ import annotations

from gold_data import gold_texts
from hypothesis import given, settings
from hypothesis import strategies as st

from her2mine.extract import regimens
from her2mine.extract.regimens import _SCHEDULE, _read_gap, gap_kind, without_schedules


def three_rounds(gap: str) -> str:
    for _ in range(3):
        gap = _SCHEDULE.sub(" ", gap)
    return gap


def gold_windows() -> list[str]:
    out = []
    for text in gold_texts():
        out += [text[i : i + 70] for i in range(0, len(text), 23)]
    return out


def test_schedule_removal_matches_three_rounds_on_gold_windows():
    for gap in gold_windows():
        assert without_schedules(gap) == three_rounds(gap), gap


PIECES = [
    " plus ", " for 4 cycles", " every 3 weeks", " daily", " Weekly", " q3w", " Q3W", " 6 mg/kg",
    " 8 MG", " 1,250 g", " on days 1-14", " at the same dose", " loading dose", " orally",
    " each", " of a 21-day cycle", " 1 year of", " for up to one year", " twice a day",
    " \u212aeekly", " daıly", " doſe-dense", " and ", ", ", " then ", "(", ")", "x", " 12 ",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=8))
def test_schedule_removal_matches_three_rounds_on_mixes(parts):
    gap = "".join(parts)
    assert without_schedules(gap) == three_rounds(gap)


def test_common_gap_table_agrees_with_reading():
    for gap, kind in regimens._COMMON_GAP_KINDS.items():
        assert gap_kind(gap) == kind == _read_gap(gap)
    assert gap_kind(" plus ") == "strong" and gap_kind(", ") == "comma"
    assert gap_kind(" for 4 cycles followed by ") == "strong"
