"""PubMed client: ESearch, EFetch and the PMC ID converter, batched, with a per-id index.

DOI → PMID works for articles outside PMC too: DOIs are looked up with batched ESearch
(``"<doi>"[doi] OR ...``, POST), the hits are EFetched in batches of up to 200 PMIDs, and each
record is mapped back to a DOI through its own ArticleIdList DOI, never through result order.
DOIs ESearch cannot find (or cannot express: a ``"`` in the DOI) get a second, cheap pass through
the PMC ID converter. ``tool``/``email``/``api_key`` are added by the HTTP layer on every request;
the key is never stored or logged. A "not in PubMed" answer is trusted for
``settings.negative_ttl_days``, then asked again: papers are often cited before PubMed indexes
them.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote

from her2mine.errors import InputError, ParseError, ServiceError
from her2mine.http.client import RawResponse, ServiceClient
from her2mine.http.index import IdIndex
from her2mine.http.store import CorruptObject
from her2mine.ids import is_canonical_pmid, normalize_doi
from her2mine.models import Work
from her2mine.sources.common import (
    Failure,
    Progress,
    checked_now,
    negative_expired,
    not_found_work,
)

log = logging.getLogger(__name__)

MAX_IDS_PER_EFETCH = 200  # NCBI's usual batch size
POST_ABOVE_IDS = 50  # longer id lists go in a POST body
MAX_GET_URL_CHARS = 2000
MAX_DOIS_PER_ESEARCH = 200  # OR-joined [doi] terms per ESearch (sent as POST)
MAX_IDS_PER_IDCONV = 200  # the ID converter's own limit
MAX_IDCONV_URL_CHARS = 3800
ESEARCH_MAX_WINDOW = 10_000  # PubMed returns at most the first 10,000 hits of a search
DATETYPES = ("edat", "pdat", "mdat")


def _parsers():
    from her2mine.parse import eutils, idconv, pubmed_xml

    return eutils, idconv, pubmed_xml


# -- pure helpers ------------------------------------------------------------------------------


def doi_term(doi: str) -> str | None:
    """The ESearch term for one DOI, or None if the DOI cannot be quoted in a query."""
    if '"' in doi or not doi:
        return None
    return f'"{doi}"[doi]'


def chunks(items: list[str], size: int) -> list[list[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def idconv_batches(ids: list[str], *, base_len: int = 80) -> list[list[str]]:
    """≤200 ids per request, and GET URLs under MAX_IDCONV_URL_CHARS."""
    batches: list[list[str]] = []
    current: list[str] = []
    length = base_len
    for ident in ids:
        cost = len(quote(ident, safe="")) + 3
        if current and (len(current) >= MAX_IDS_PER_IDCONV or length + cost > MAX_IDCONV_URL_CHARS):
            batches.append(current)
            current, length = [], base_len
        current.append(ident)
        length += cost
    if current:
        batches.append(current)
    return batches


def validate_date(value: str | None, name: str) -> str | None:
    """ESearch dates: YYYY, YYYY/MM or YYYY/MM/DD (``-`` accepted and converted)."""
    if value is None:
        return None
    text = str(value).strip().replace("-", "/")
    parts = text.split("/")
    if not (1 <= len(parts) <= 3 and all(p.isdigit() for p in parts) and len(parts[0]) == 4):
        raise InputError(f"{name} must be YYYY, YYYY/MM or YYYY/MM/DD, got {value!r}")
    return text


class PubMedClient:
    """E-utilities (ESearch/EFetch) + ID converter through the shared HTTP layer."""

    def __init__(
        self,
        eutils: ServiceClient,
        idconv: ServiceClient | None = None,
        *,
        pmid_index: IdIndex | None = None,
        doi_index: IdIndex | None = None,
    ) -> None:
        self.eutils = eutils
        self.idconv_client = idconv
        self.pmid_index = pmid_index  # pmid -> {"body": sha256 of the EFetch body}
        self.doi_index = doi_index  # doi -> {"pmid": str|None, "pmcid": str|None}
        self._bodies: dict[str, dict[str, Work]] = {}
        self.failures: list[Failure] = []

    # -- parse functions for the HTTP layer ---------------------------------------------------

    @staticmethod
    def _parse_esearch(raw: RawResponse):
        if raw.status >= 400:
            raise ServiceError("esearch failed", status=raw.status, request=raw.request)
        return _parsers()[0].parse_esearch(raw.body)

    @staticmethod
    def _parse_efetch(raw: RawResponse) -> list[Work]:
        if raw.status >= 400:
            raise ServiceError("efetch failed", status=raw.status, request=raw.request)
        return _parsers()[2].parse_pubmed_xml(raw.body, source="efetch")

    @staticmethod
    def _parse_idconv(raw: RawResponse):
        # Request-level errors come back as HTTP 4xx with a JSON body: let the parser name them.
        records = _parsers()[1].parse_idconv(raw.body)
        if raw.status >= 400:
            raise ServiceError("idconv failed", status=raw.status, request=raw.request)
        return records

    # -- ESearch -------------------------------------------------------------------------------

    @property
    def negative_ttl(self) -> float:
        """Seconds a "not in PubMed" answer is trusted before it is asked again."""
        return self.eutils.settings.negative_ttl_seconds

    def esearch_page(
        self,
        term: str,
        *,
        retstart: int = 0,
        retmax: int = 10_000,
        mindate: str | None = None,
        maxdate: str | None = None,
        datetype: str = "edat",
        usehistory: bool = False,
        fresh: bool = True,
        max_age: float | None = None,
    ):
        """One ESearch request (POST: long OR-joined terms do not fit a URL).

        ``fresh`` asks the network whatever the store holds; ``max_age`` (seconds) replays a
        stored answer only if it is younger.
        """
        if not term or not term.strip():
            raise InputError("empty ESearch term")
        if datetype not in DATETYPES:
            raise InputError(f"datetype must be one of {DATETYPES}, got {datetype!r}")
        if not 0 <= retmax <= ESEARCH_MAX_WINDOW:
            raise InputError(f"retmax must be 0..{ESEARCH_MAX_WINDOW}, got {retmax}")
        mindate, maxdate = validate_date(mindate, "mindate"), validate_date(maxdate, "maxdate")
        if (mindate is None) != (maxdate is None):
            # E-utilities ignore a date range unless both ends are given.
            raise InputError("give both mindate and maxdate, or neither")
        form = {
            "db": "pubmed",
            "term": term,
            "retstart": retstart,
            "retmax": retmax,
            "mindate": mindate,
            "maxdate": maxdate,
            "datetype": datetype if mindate else None,
            "usehistory": "y" if usehistory else None,
        }
        form = {k: v for k, v in form.items() if v is not None}
        return self.eutils.request(
            "POST",
            "esearch.fcgi",
            data=form,
            parse=self._parse_esearch,
            fresh=fresh,
            max_age=max_age,
        ).value

    def esearch(
        self,
        term: str,
        *,
        mindate: str | None = None,
        maxdate: str | None = None,
        datetype: str = "edat",
        retmax: int = ESEARCH_MAX_WINDOW,
        page_size: int = 5000,
        usehistory: bool = False,
        fresh: bool = True,
    ):
        """All PMIDs for ``term`` (up to ``retmax``), paging with ``retstart``.

        Returns the parser's ``ESearchResult`` with ``ids`` of every page. PubMed serves only the
        first 10,000 hits of one search: split bigger result sets into date windows
        (``mindate``/``maxdate`` with ``datetype`` edat|pdat|mdat). ``fresh`` (default) asks the
        network even if the raw store has an earlier answer, since saved searches change.
        """
        retmax = min(retmax, ESEARCH_MAX_WINDOW)
        page_size = max(1, min(page_size, retmax or 1))
        first = self.esearch_page(
            term,
            retstart=0,
            retmax=min(page_size, retmax),
            mindate=mindate,
            maxdate=maxdate,
            datetype=datetype,
            usehistory=usehistory,
            fresh=fresh,
        )
        ids = list(first.ids)
        wanted = min(first.count, retmax)
        if first.count > ESEARCH_MAX_WINDOW:
            log.warning(
                "esearch %r has %d hits; PubMed returns only the first %d: use date windows",
                term,
                first.count,
                ESEARCH_MAX_WINDOW,
            )
        while len(ids) < wanted:
            page = self.esearch_page(
                term,
                retstart=len(ids),
                retmax=min(page_size, wanted - len(ids)),
                mindate=mindate,
                maxdate=maxdate,
                datetype=datetype,
                fresh=fresh,
            )
            if not page.ids:
                break
            ids.extend(page.ids)
        first.ids = list(dict.fromkeys(ids))
        return first

    # -- EFetch --------------------------------------------------------------------------------

    def efetch_batch(self, pmids: list[str], *, fresh: bool = False) -> dict[str, Work]:
        """One EFetch request for ≤200 PMIDs → {pmid: Work} for the records returned.

        ``fresh`` asks the network even if the raw store has an answer (a record changed);
        either way the PMID index is pointed at the body the records came from.
        """
        if not pmids:
            return {}
        if len(pmids) > MAX_IDS_PER_EFETCH:
            raise InputError(f"at most {MAX_IDS_PER_EFETCH} PMIDs per EFetch, got {len(pmids)}")
        bad = [p for p in pmids if not is_canonical_pmid(p)]
        if bad:
            raise InputError(f"not a PMID: {bad[0]!r}")
        form = {"db": "pubmed", "id": ",".join(pmids), "retmode": "xml"}
        get_url = (
            self.eutils.url("efetch.fcgi") + "?" + "&".join(f"{k}={v}" for k, v in form.items())
        )
        post = len(pmids) > POST_ABOVE_IDS or len(get_url) > MAX_GET_URL_CHARS
        fetched = self.eutils.request(
            "POST" if post else "GET",
            "efetch.fcgi",
            parse=self._parse_efetch,
            fresh=fresh,
            **({"data": form} if post else {"params": form}),
        )
        records = self._by_pmid(fetched.value)
        self._bodies[fetched.body_sha256] = records
        if self.pmid_index is not None:
            self.pmid_index.update(
                {p: {"body": fetched.body_sha256} for p in pmids if p in records}
            )
        return records

    def efetch(self, pmids: Iterable[str], *, fresh: bool = False) -> dict[str, Work]:
        """Records for many PMIDs (index first, then batches of 200); raises on a failed batch.

        ``fresh`` skips the index and the raw store: every PMID is asked again (records known
        to have changed) and the PMID index points at the new bodies afterwards, so later
        lookups (``works_by_doi``, ``works_by_pmid``) read the new versions without a request.
        """
        out: dict[str, Work] = {}
        missing = []
        for pmid in dict.fromkeys(str(p).strip() for p in pmids):
            known = None if fresh else self.lookup_pmid(pmid)
            if known is not None:
                out[pmid] = known
            else:
                missing.append(pmid)
        for batch in chunks(missing, MAX_IDS_PER_EFETCH):
            out.update(self.efetch_batch(batch, fresh=fresh))
        return out

    def works_by_pmid(
        self, pmids: Iterable[str], progress: Progress | None = None
    ) -> dict[str, Work]:
        """Every PMID → its PubMed Work (status ok), not_found, or failed (with the reason).

        Known PMIDs are read from the index + raw store, the rest EFetched in batches of 200.
        A failed batch is recorded in ``failures`` and its PMIDs come out failed; the other
        batches are kept. The DOIs of the records found are added to the DOI index, so a later
        ``works_by_doi`` for them sends no ESearch.
        """
        pmids = list(dict.fromkeys(str(p).strip() for p in pmids))
        records, failed = self._efetch_keep_going(pmids, progress)
        result: dict[str, Work] = {}
        entries: dict[str, Any] = {}
        for pmid in pmids:
            work = records.get(pmid)
            if work is not None:
                result[pmid] = work
                if work.doi:
                    entries.setdefault(work.doi, {"pmid": work.pmid, "pmcid": work.pmcid})
            elif pmid in failed:
                result[pmid] = Work(pmid=pmid, status="failed", reason=failed[pmid])
            else:
                result[pmid] = Work(
                    pmid=pmid, status="not_found", reason=f"PMID {pmid} not in PubMed"
                )
        self._index_dois(entries)
        return result

    def _index_dois(self, entries: dict[str, Any]) -> None:
        """Write the DOI index entries that differ from what it holds (rewriting an unchanged
        negative answer would postpone its expiry for ever)."""
        if self.doi_index is None:
            return
        changed = {d: e for d, e in entries.items() if self.doi_index.get(d) != e}
        if changed:
            self.doi_index.update(changed)

    def efetch_history(self, webenv: str, query_key: str, count: int) -> list[Work]:
        """Records of a ``usehistory=y`` search, 200 at a time."""
        works: list[Work] = []
        for start in range(0, count, MAX_IDS_PER_EFETCH):
            form = {
                "db": "pubmed",
                "WebEnv": webenv,
                "query_key": query_key,
                "retstart": start,
                "retmax": MAX_IDS_PER_EFETCH,
                "retmode": "xml",
            }
            works.extend(
                self.eutils.request(
                    "POST", "efetch.fcgi", data=form, parse=self._parse_efetch, fresh=True
                ).value
            )
        return works

    # -- ID converter --------------------------------------------------------------------------

    def idconv(self, ids: list[str], idtype: str = "doi", *, max_age: float | None = None):
        """One ID-converter request (≤200 ids of one type) → IdconvRecord list."""
        if self.idconv_client is None:
            raise InputError("no ID converter client configured")
        if not ids or len(ids) > MAX_IDS_PER_IDCONV:
            raise InputError(f"the ID converter takes 1..{MAX_IDS_PER_IDCONV} ids, got {len(ids)}")
        if idtype not in ("doi", "pmid", "pmcid"):
            raise InputError(f"idtype must be doi, pmid or pmcid, got {idtype!r}")
        params = {"ids": ",".join(ids), "idtype": idtype, "format": "json"}
        return self.idconv_client.request(
            "GET", "", params=params, parse=self._parse_idconv, max_age=max_age
        ).value

    # -- DOI → PubMed record -------------------------------------------------------------------

    def works_by_doi(
        self, dois: Iterable[str], progress: Progress | None = None
    ) -> dict[str, Work]:
        """Every DOI → its PubMed Work (status ok), not_found, or failed (with the reason).

        Requests go out only for DOIs and PMIDs the indexes do not already know, and for DOIs
        PubMed lacked more than ``negative_ttl`` seconds ago.
        """
        dois = list(dict.fromkeys(normalize_doi(d) for d in dois))
        result: dict[str, Work] = {}
        pmcids: dict[str, str] = {}
        doi_of: dict[str, str] = {}  # pmid -> doi, for records whose mapping is already known
        unknown: list[str] = []
        for doi in dois:
            entry = self.doi_index.get(doi) if self.doi_index is not None else None
            if entry is None or (
                entry.get("pmid") is None and negative_expired(entry, self.negative_ttl)
            ):
                unknown.append(doi)
            elif entry.get("pmid") is None:
                result[doi] = _not_found(doi)
            else:
                doi_of[entry["pmid"]] = doi
                if entry.get("pmcid"):
                    pmcids[doi] = entry["pmcid"]
        done = len(result)
        if progress and done:
            progress(done)

        # 1. ESearch the unknown DOIs; remember which search each candidate PMID came from.
        failed: dict[str, str] = {}
        searched: list[tuple[list[str], list[str]]] = []  # (dois, pmids found)
        not_searchable = [d for d in unknown if doi_term(d) is None]
        for batch in chunks([d for d in unknown if doi_term(d)], MAX_DOIS_PER_ESEARCH):
            term = " OR ".join(doi_term(d) for d in batch)
            try:
                # A stored answer older than the TTL may say "not found" for a DOI indexed
                # since: ask again.
                found = self.esearch_page(
                    term,
                    retmax=min(ESEARCH_MAX_WINDOW, 2 * len(batch) + 10),
                    fresh=False,
                    max_age=self.negative_ttl,
                )
            except ServiceError as exc:
                self._fail("eutils", exc, batch, failed)
                continue
            searched.append((batch, list(found.ids)))

        # 2. EFetch known + found PMIDs; map records back by their own DOI.
        wanted = list(doi_of) + [p for _, ids in searched for p in ids]
        records, fetch_failed = self._efetch_keep_going(wanted)
        for pmid, doi in doi_of.items():
            if pmid in records:
                result[doi] = records[pmid]
            elif pmid in fetch_failed:
                failed[doi] = fetch_failed[pmid]
            else:  # the index pointed at a PMID PubMed no longer returns (deleted record)
                result[doi] = _not_found(doi, f"PMID {pmid} no longer in PubMed")
        by_record_doi = {normalize_doi(w.doi): w for w in records.values() if w.doi}
        second_pass: list[str] = list(not_searchable)
        for batch, ids in searched:
            lost = next((fetch_failed[p] for p in ids if p in fetch_failed), None)
            for doi in batch:
                if doi in by_record_doi:
                    result[doi] = by_record_doi[doi]
                elif lost:
                    failed[doi] = lost  # its record may be in the batch that failed
                else:
                    second_pass.append(doi)

        # 3. ID converter for what ESearch did not find (PMC articles; DOIs ESearch can't quote).
        certain: set[str] = set()
        if second_pass and self.idconv_client is not None:
            certain = self._idconv_pass(second_pass, result, pmcids, failed)
        for doi in second_pass:
            if doi not in result and doi not in failed:
                result[doi] = _not_found(doi)

        # 4. Index what is now known; failures are left out so the next run asks again.
        entries: dict[str, Any] = {}
        checked = checked_now()
        asked = set(unknown) | set(doi_of.values())
        for doi, work in result.items():
            if work.status == "ok" and work.pmid:
                if doi in pmcids and not work.pmcid:
                    work.pmcid = pmcids[doi]
                entry: dict[str, Any] = {"pmid": work.pmid, "pmcid": work.pmcid}
            elif (
                doi in asked
                and work.status == "not_found"
                and (doi in certain or doi not in second_pass or self.idconv_client is None)
            ):
                entry = {"pmid": None, "checked": checked}
            else:
                continue
            entries[doi] = entry
        self._index_dois(entries)
        for doi, reason in failed.items():
            result[doi] = Work(doi=doi, status="failed", reason=reason)
        if progress and len(result) > done:
            progress(len(result) - done)
        return {doi: result[doi] for doi in dois}

    def _idconv_pass(self, dois, result, pmcids, failed) -> set[str]:
        """Resolve DOIs through the ID converter; returns DOIs it definitely answered."""
        answered: set[str] = set()
        via: dict[str, str] = {}
        for batch in idconv_batches(dois):
            try:
                records = self.idconv(batch, "doi", max_age=self.negative_ttl)
            except ServiceError as exc:
                # Auxiliary pass: ESearch already looked; report, but do not fail the works.
                self.failures.append(Failure("idconv", str(exc), list(batch), exc.request))
                continue
            answered.update(batch)
            for rec in records:
                doi = normalize_doi(rec.doi or rec.requested or "")
                if doi in batch and rec.pmid and not rec.error:
                    via[rec.pmid] = doi
                    if rec.pmcid:
                        pmcids[doi] = rec.pmcid
        if via:
            records, fetch_failed = self._efetch_keep_going(list(via))
            for pmid, doi in via.items():
                if pmid in records:
                    result[doi] = records[pmid]
                elif pmid in fetch_failed:
                    failed[doi] = fetch_failed[pmid]
                    answered.discard(doi)
        return answered

    def _efetch_keep_going(
        self, pmids: list[str], progress: Progress | None = None
    ) -> tuple[dict[str, Work], dict[str, str]]:
        """EFetch in batches, collecting failures per PMID instead of stopping."""
        records: dict[str, Work] = {}
        failed: dict[str, str] = {}
        missing = []
        for pmid in dict.fromkeys(pmids):
            known = self.lookup_pmid(pmid)
            if known is not None:
                records[pmid] = known
            else:
                missing.append(pmid)
        if progress and len(records):
            progress(len(records))
        for batch in chunks(missing, MAX_IDS_PER_EFETCH):
            try:
                records.update(self.efetch_batch(batch))
            except ServiceError as exc:
                self._fail("eutils", exc, batch, failed)
            if progress:
                progress(len(batch))
        return records, failed

    def _fail(self, service: str, exc: ServiceError, ids: list[str], failed: dict[str, str]):
        self.failures.append(Failure(service, str(exc), list(ids), exc.request))
        for ident in ids:
            failed[ident] = f"pubmed: {exc}"

    # -- PMID index ----------------------------------------------------------------------------

    def lookup_pmid(self, pmid: str) -> Work | None:
        """A PubMed record from the index + raw store, or None if it must be fetched."""
        if self.pmid_index is None or self.eutils.store is None:
            return None
        entry = self.pmid_index.get(pmid)
        if not entry or not entry.get("body"):
            return None
        digest = entry["body"]
        records = self._bodies.get(digest)
        if records is None:
            try:
                body = self.eutils.store.read_body(digest)
                records = self._by_pmid(
                    self._parse_efetch(RawResponse(200, body, "text/xml", f"stored {digest}"))
                )
            except (OSError, CorruptObject, ParseError, ServiceError, ValueError) as exc:
                log.warning("pubmed index entry for %s unusable (%s); will re-fetch", pmid, exc)
                self.pmid_index.discard([pmid])
                return None
            self._bodies[digest] = records
        return records.get(pmid)

    @staticmethod
    def _by_pmid(works: list[Work]) -> dict[str, Work]:
        out: dict[str, Work] = {}
        for work in works:
            if work.pmid:
                if work.doi:
                    work.doi = normalize_doi(work.doi)
                out.setdefault(str(work.pmid), work)
        return out


def _not_found(doi: str, reason: str = "not in PubMed") -> Work:
    return not_found_work(doi, reason)
