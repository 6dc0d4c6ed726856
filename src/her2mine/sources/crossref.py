"""Crossref REST API client: batched DOI look-ups and reference-string resolution.

Parameters are validated in pure code before any HTTP (as habanero does). Many DOIs go in one
request (``/works?filter=doi:A,doi:B&rows=N``) with URLs kept under ``MAX_URL_CHARS``; a DOI that
cannot go in a filter (it contains a comma) is fetched alone via ``/works/{doi}``. A per-DOI
index over the raw store means a re-run only asks for DOIs it has never seen, and for DOIs
Crossref did not know more than ``settings.negative_ttl_days`` ago (they may be registered now).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from rapidfuzz import fuzz

from her2mine.errors import InputError, NotFoundError, ParseError, ServiceError
from her2mine.http.client import RawResponse, ServiceClient
from her2mine.http.index import IdIndex
from her2mine.http.store import CorruptObject
from her2mine.ids import is_doi, normalize_doi
from her2mine.models import Reference, Work
from her2mine.sources.common import (
    Failure,
    Progress,
    checked_now,
    failed_work,
    negative_expired,
    not_found_work,
)

log = logging.getLogger(__name__)

MAX_DOIS_PER_REQUEST = 100
MAX_URL_CHARS = 3800  # stay well under the ~4-8 kB URL limits of servers and proxies
MAX_ROWS = 1000  # Crossref's own cap on rows

# Reference resolution (query.bibliographic, rows=2). A candidate is accepted only when ALL hold:
MIN_SCORE = 30.0  # Crossref relevance score of the top hit (unbounded; good matches score 50+)
MIN_SCORE_RATIO = 1.25  # top score / second score: the top hit must clearly beat the runner-up
MIN_TITLE_SIMILARITY = 85.0  # rapidfuzz token_set_ratio(reference title, candidate title), 0-100
YEAR_TOLERANCE = 1  # |reference year - candidate year| (online-first vs print year)
# Confidence reaches 1 when the top score is STRONG_RATIO times the runner-up's.
STRONG_RATIO = 2.0


@dataclass
class Resolution:
    """Outcome of resolving one reference without a DOI against Crossref."""

    raw: str
    doi: str | None
    score: float | None
    title_similarity: float | None
    confidence: float
    status: str  # matched | ambiguous | no_match | failed
    candidates: list[dict[str, Any]] = field(default_factory=list)
    reason: str | None = None
    index: int | None = None  # position of the reference in its list

    def to_dict(self) -> dict[str, Any]:
        from dataclasses import asdict

        return asdict(self)


# -- pure planning / validation ------------------------------------------------------------


def validate_dois(dois: Iterable[str]) -> list[str]:
    """Normalised, de-duplicated DOIs in input order; InputError naming any invalid one."""
    out: dict[str, None] = {}
    for raw in dois:
        doi = normalize_doi(raw)
        if not is_doi(doi):
            raise InputError(f"not a DOI: {raw!r}")
        out.setdefault(doi, None)
    return list(out)


def filter_value(dois: list[str]) -> str:
    return ",".join(f"doi:{d}" for d in dois)


def plan_batches(
    dois: list[str],
    *,
    base_url: str = "https://api.crossref.org/works",
    max_per_request: int = MAX_DOIS_PER_REQUEST,
    max_url_chars: int = MAX_URL_CHARS,
) -> tuple[list[list[str]], list[str]]:
    """Split DOIs into filter batches whose URLs fit ``max_url_chars``; return (batches, singles).

    ``singles`` are DOIs that cannot go in a ``filter=doi:`` list (a comma would split them).
    """
    if not 1 <= max_per_request <= MAX_ROWS:
        raise InputError(f"max_per_request must be 1..{MAX_ROWS}, got {max_per_request}")
    # fixed part: ?filter=...&rows=NNNN&mailto=<~60 chars>
    overhead = len(base_url) + len("?filter=&rows=1000&mailto=") + 80
    batches: list[list[str]] = []
    singles: list[str] = []
    current: list[str] = []
    length = overhead
    for doi in dois:
        if "," in doi:
            singles.append(doi)
            continue
        cost = len(quote(f"doi:{doi}", safe="")) + 3  # + encoded comma
        if current and (len(current) >= max_per_request or length + cost > max_url_chars):
            batches.append(current)
            current, length = [], overhead
        current.append(doi)
        length += cost
    if current:
        batches.append(current)
    return batches, singles


def title_similarity(reference_title: str, candidate_title: str) -> float:
    return float(fuzz.token_set_ratio(reference_title.lower(), candidate_title.lower()))


def judge(ref: Reference, candidates: list[tuple[Work, float | None]]) -> Resolution:
    """Decide whether the top Crossref candidate IS the referenced work (pure)."""
    listed = [{"doi": w.doi, "title": w.title, "year": w.year, "score": s} for w, s in candidates]

    def result(status: str, reason: str | None, **kw: Any) -> Resolution:
        base = dict(doi=None, score=None, title_similarity=None, confidence=0.0)
        base.update(kw)
        return Resolution(
            raw=ref.raw, status=status, reason=reason, candidates=listed, index=ref.index, **base
        )

    if not candidates:
        return result("no_match", "Crossref returned no candidates")
    top, top_score = candidates[0]
    second_score = candidates[1][1] if len(candidates) > 1 else None
    wanted = ref.title or ref.raw  # token_set_ratio tolerates the extra tokens of a raw string
    similarity = title_similarity(wanted, top.title or "") if top.title else 0.0
    score = top_score or 0.0
    stats = dict(score=top_score, title_similarity=similarity)
    if score < MIN_SCORE:
        return result("no_match", f"top score {score:.1f} < {MIN_SCORE}", **stats)
    if similarity < MIN_TITLE_SIMILARITY:
        return result(
            "no_match", f"title similarity {similarity:.0f} < {MIN_TITLE_SIMILARITY:.0f}", **stats
        )
    if ref.year and top.year and abs(ref.year - top.year) > YEAR_TOLERANCE:
        return result("no_match", f"year {top.year} differs from cited {ref.year}", **stats)
    ratio = score / second_score if second_score else float("inf")
    if second_score and ratio < MIN_SCORE_RATIO:
        return result(
            "ambiguous",
            f"top score {score:.1f} not clearly above the next ({second_score:.1f})",
            **stats,
        )
    margin = min(1.0, (ratio - 1.0) / (STRONG_RATIO - 1.0)) if second_score else 1.0
    confidence = round((similarity / 100.0) * (0.5 + 0.5 * margin), 3)
    return result("matched", None, doi=top.doi, confidence=confidence, **stats)


# -- client ----------------------------------------------------------------------------------


def _parsers():
    from her2mine.parse import crossref as parser

    return parser


def _normalised(work: Work) -> Work:
    if work.doi:
        work.doi = normalize_doi(work.doi)
    return work


class CrossrefClient:
    """Crossref look-ups through one ``ServiceClient`` (pacing, retries, raw store)."""

    def __init__(self, http: ServiceClient, *, index: IdIndex | None = None) -> None:
        self.http = http
        self.index = index
        self._bodies: dict[str, dict[str, Work]] = {}  # parsed stored bodies by hash
        self.failures: list[Failure] = []

    # parse functions handed to the HTTP layer (they also validate: bad JSON → retry)
    @staticmethod
    def _parse_list(raw: RawResponse):
        parser = _parsers()
        message = parser.parse_envelope(raw.body, status=raw.status, request=raw.request)
        return parser.parse_work_list(message)

    @staticmethod
    def _parse_one(raw: RawResponse) -> Work:
        parser = _parsers()
        message = parser.parse_envelope(raw.body, status=raw.status, request=raw.request)
        return parser.parse_work(message)

    @property
    def negative_ttl(self) -> float:
        """Seconds a "not in Crossref" answer is trusted before it is asked again."""
        return self.http.settings.negative_ttl_seconds

    def get_work(self, doi: str, *, max_age: float | None = None) -> Work:
        """One DOI via ``/works/{doi}``; NotFoundError when Crossref does not know it.

        ``max_age``: replay a stored answer only if it is younger (seconds).
        """
        (doi,) = validate_dois([doi])
        fetched = self.http.request(
            "GET", f"works/{quote(doi, safe='/')}", parse=self._parse_one, max_age=max_age
        )
        work = _normalised(fetched.value)
        self._remember({doi: {"body": fetched.body_sha256, "kind": "work"}})
        return work

    def fetch_batch(self, dois: list[str], *, max_age: float | None = None) -> dict[str, Work]:
        """One filter request for up to MAX_DOIS_PER_REQUEST DOIs: {doi: Work} for those found.

        ``max_age``: replay a stored answer only if it is younger (seconds).
        """
        if not dois:
            return {}
        if len(dois) > MAX_ROWS:
            raise InputError(f"at most {MAX_ROWS} DOIs per Crossref request, got {len(dois)}")
        fetched = self.http.request(
            "GET",
            "works",
            params={"filter": filter_value(dois), "rows": len(dois)},
            parse=self._parse_list,
            max_age=max_age,
        )
        found = self._by_doi(fetched.value.items)
        self._bodies[fetched.body_sha256] = found
        wanted = set(dois)
        result = {d: w for d, w in found.items() if d in wanted}
        checked = checked_now()
        entries: dict[str, Any] = {
            d: (
                {"body": fetched.body_sha256, "kind": "list"}
                if d in result
                else {"found": False, "checked": checked}
            )
            for d in dois
        }
        self._remember(entries)
        return result

    def get_works(self, dois: Iterable[str]) -> dict[str, Work]:
        """Every requested DOI → Work with status ok, not_found (Crossref lacks it) or failed."""
        out: dict[str, Work] = {}
        for doi, work in self.iter_works(dois):
            out[doi] = work
        return out

    def iter_works(
        self, dois: Iterable[str], progress: Progress | None = None
    ) -> Iterator[tuple[str, Work]]:
        """Like get_works, yielding per DOI as batches complete (known DOIs first, no HTTP)."""
        dois = validate_dois(dois)
        missing = []
        for doi in dois:
            known = self.lookup(doi)
            if known is None:
                missing.append(doi)
            else:
                yield doi, known
        batches, singles = plan_batches(missing, base_url=self.http.url("works"))
        for batch in batches:
            yield from self._batch_or_fail(batch)
            if progress:
                progress(len(batch))
        for doi in singles:
            yield from self._single_or_fail(doi)
            if progress:
                progress(1)

    def _batch_or_fail(self, batch: list[str]) -> Iterator[tuple[str, Work]]:
        try:
            # Only DOIs the index cannot answer get here: a stored answer older than the
            # negative TTL is asked again (it may hold "not found" for a DOI registered since).
            found = self.fetch_batch(batch, max_age=self.negative_ttl)
        except ServiceError as exc:
            if len(batch) > 1 and exc.status in (400, 414):
                # The request itself was refused (bad/too long DOI list): one DOI may be the
                # cause, so split rather than lose the whole batch.
                half = len(batch) // 2
                yield from self._batch_or_fail(batch[:half])
                yield from self._batch_or_fail(batch[half:])
                return
            self.failures.append(Failure("crossref", str(exc), list(batch), exc.request))
            for doi in batch:
                yield doi, failed_work(doi, f"crossref: {exc}")
            return
        for doi in batch:
            yield doi, found.get(doi) or not_found_work(doi, "not in Crossref")

    def _single_or_fail(self, doi: str) -> Iterator[tuple[str, Work]]:
        try:
            yield doi, self.get_work(doi, max_age=self.negative_ttl)
        except NotFoundError:
            self._remember({doi: {"found": False, "checked": checked_now()}})
            yield doi, not_found_work(doi, "not in Crossref")
        except ServiceError as exc:
            self.failures.append(Failure("crossref", str(exc), [doi], exc.request))
            yield doi, failed_work(doi, f"crossref: {exc}")

    # -- per-DOI index ---------------------------------------------------------------------

    def lookup(self, doi: str) -> Work | None:
        """The Work for a DOI from the index + raw store, a not_found Work, or None if unknown.

        A "not in Crossref" entry older than the negative TTL counts as unknown (ask again).
        """
        if self.index is None or self.http.store is None:
            return None
        entry = self.index.get(doi)
        if not entry:
            return None
        if entry.get("found") is False:
            if negative_expired(entry, self.negative_ttl):
                return None
            return not_found_work(doi, "not in Crossref")
        digest = entry.get("body")
        works = self._bodies.get(digest)
        if works is None:
            try:
                body = self.http.store.read_body(digest)
                raw = RawResponse(200, body, "application/json", f"stored {digest}")
                if entry.get("kind") == "work":
                    one = _normalised(self._parse_one(raw))
                    works = {one.doi: one} if one.doi else {}
                else:
                    works = self._by_doi(self._parse_list(raw).items)
            except (OSError, CorruptObject, ParseError, ServiceError, ValueError) as exc:
                log.warning("crossref index entry for %s unusable (%s); will re-fetch", doi, exc)
                self.index.discard([doi])
                return None
            self._bodies[digest] = works
        work = works.get(doi)
        if work is None:
            self.index.discard([doi])
        return work

    def _remember(self, entries: dict[str, Any]) -> None:
        if self.index is not None:
            self.index.update(entries)

    @staticmethod
    def _by_doi(items: list[Work]) -> dict[str, Work]:
        out = {}
        for work in items:
            work = _normalised(work)
            if work.doi:
                out.setdefault(work.doi, work)
        return out

    # -- references without a DOI ------------------------------------------------------------

    def search_bibliographic(self, text: str, rows: int = 2) -> list[tuple[Work, float | None]]:
        text = " ".join((text or "").split())
        if not text:
            raise InputError("empty reference string")
        if not 1 <= rows <= 20:
            raise InputError(f"rows must be 1..20 for a bibliographic query, got {rows}")
        fetched = self.http.request(
            "GET",
            "works",
            params={"query.bibliographic": text[:1000], "rows": rows},
            parse=self._parse_list,
        )
        work_list = fetched.value
        scores = list(work_list.scores) + [None] * len(work_list.items)
        return [(_normalised(w), scores[i]) for i, w in enumerate(work_list.items)]

    def resolve_reference(self, ref: Reference) -> Resolution:
        """Find the DOI of a reference that lacks one; never accept a doubtful match."""
        try:
            candidates = self.search_bibliographic(ref.raw, rows=2)
        except ServiceError as exc:
            return Resolution(
                ref.raw, None, None, None, 0.0, "failed", reason=f"crossref: {exc}", index=ref.index
            )
        return judge(ref, candidates)
