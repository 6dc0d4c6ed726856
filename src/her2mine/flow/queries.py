"""Saved PubMed queries and their date windows (pure, except ``load_queries`` reading a file).

A saved query is re-run with an Entrez-date window that starts at the day of the last
SUCCESSFUL run that ran it (inclusive: a record entered later that day is not lost; PMIDs
already known are dropped afterwards) and ends today. Queries sharing a window are OR-ed into
one ESearch, so a weekly no-op refresh costs one request however many queries are saved.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from her2mine.errors import InputError

DEFAULT_QUERY_FILE = "default"  # the bundled her2mine/data/queries.yaml
DEFAULT_LOOKBACK_DAYS = 365


@dataclass(frozen=True)
class SavedQuery:
    name: str
    term: str
    mindate: str | None = None  # first run only: YYYY, YYYY/MM or YYYY/MM/DD

    @property
    def term_sha(self) -> str:
        """Identifies the term: an edited term is a new query (searched from its mindate)."""
        return hashlib.sha256(self.term.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Window:
    mindate: str  # YYYY/MM/DD
    maxdate: str
    queries: tuple[str, ...]  # names of the queries searched with this window
    term: str  # the queries OR-ed together


def bundled_query_file() -> Path:
    return Path(str(resources.files("her2mine") / "data" / "queries.yaml"))


def resolve_query_file(path: str | Path | None) -> Path | None:
    """``"default"`` → the bundled file; None → no saved queries; else the path."""
    if path is None or str(path) == "":
        return None
    if str(path) == DEFAULT_QUERY_FILE:
        return bundled_query_file()
    return Path(path).expanduser()


def _date(value: object, what: str) -> str:
    text = str(value).strip().replace("-", "/")
    parts = text.split("/")
    if not (1 <= len(parts) <= 3 and all(p.isdigit() for p in parts) and len(parts[0]) == 4):
        raise InputError(f"{what}: date must be YYYY, YYYY/MM or YYYY/MM/DD, got {value!r}")
    return text


def parse_queries(data: object, source: str) -> list[SavedQuery]:
    """Validate the YAML document (``{"queries": [{name, term, mindate?}, ...]}``)."""
    items = data.get("queries") if isinstance(data, dict) else data
    if not isinstance(items, list) or not items:
        raise InputError(f"{source}: expected a non-empty list under 'queries'")
    out: list[SavedQuery] = []
    seen: set[str] = set()
    for i, item in enumerate(items, 1):
        if not isinstance(item, dict):
            raise InputError(f"{source}: query {i} is not a mapping")
        unknown = set(item) - {"name", "term", "mindate"}
        if unknown:
            raise InputError(f"{source}: query {i} has unknown keys {sorted(unknown)}")
        name, term = str(item.get("name") or "").strip(), str(item.get("term") or "").strip()
        if not name or not term:
            raise InputError(f"{source}: query {i} needs both 'name' and 'term'")
        if name in seen:
            raise InputError(f"{source}: duplicate query name {name!r}")
        seen.add(name)
        mindate = item.get("mindate")
        out.append(
            SavedQuery(
                name,
                term,
                _date(mindate, f"{source}: query {name!r}") if mindate is not None else None,
            )
        )
    return out


def load_queries(path: str | Path) -> list[SavedQuery]:
    import yaml

    p = Path(path)
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"query file not found: {p}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read query file {p}: {exc}") from None
    except yaml.YAMLError as exc:
        raise InputError(f"query file {p} is not valid YAML: {exc}".splitlines()[0]) from None
    return parse_queries(data, str(p))


def fmt(day: dt.date) -> str:
    return day.strftime("%Y/%m/%d")


def plan_windows(
    queries: list[SavedQuery],
    last_success: dict[str, dict[str, str]],
    today: dt.date,
    *,
    lookback_days: int = DEFAULT_LOOKBACK_DAYS,
    first_mindate: str | None = None,
) -> list[Window]:
    """One Window per distinct date range; ``last_success`` maps name → {term_sha, date}."""
    groups: dict[str, list[SavedQuery]] = {}
    for q in queries:
        done = last_success.get(q.name) or {}
        if done.get("term_sha") == q.term_sha and done.get("date"):
            start = done["date"]
        else:
            start = q.mindate or first_mindate or fmt(today - dt.timedelta(days=lookback_days))
        groups.setdefault(_date(start, q.name), []).append(q)
    windows = []
    for start, group in sorted(groups.items()):
        term = group[0].term if len(group) == 1 else " OR ".join(f"({q.term})" for q in group)
        windows.append(Window(start, fmt(today), tuple(q.name for q in group), term))
    return windows
