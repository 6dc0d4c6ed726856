"""Network side of the incremental refresh: new PMIDs from saved queries, cheap change checks
on known records, and fresh re-fetches of what changed. Adapters over the library clients
(``her2mine.sources``); every request goes through the shared HTTP layer (pacing, retries, raw
store, offline replay).

Change checks cost one request per ~500 known PMIDs (ESearch ``uid`` list, ``datetype=mdat``
since the last run) and one per ~100 known DOIs (Crossref ``filter=doi:...,from-update-date:``),
whatever the size of the records; only what they report is fetched again.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import quote

from her2mine.errors import NotFoundError, ServiceError
from her2mine.fetch import fetch_works
from her2mine.flow.queries import Window
from her2mine.http.client import Http
from her2mine.http.index import IdIndex
from her2mine.ids import normalize_doi
from her2mine.merge import merge_works
from her2mine.models import Work
from her2mine.settings import Settings
from her2mine.sources.crossref import CrossrefClient, filter_value, plan_batches
from her2mine.sources.pubmed import MAX_IDS_PER_EFETCH, PubMedClient, chunks

log = logging.getLogger(__name__)

UID_CHECK_BATCH = 500  # known PMIDs per mdat ESearch (POST body, ~6 kB)


@dataclass
class Clients:
    http: Http
    pubmed: PubMedClient
    crossref: CrossrefClient


def open_clients(settings: Settings) -> Clients:
    """The library clients with their per-identifier indexes (as ``fetch_works`` builds them)."""
    http = Http(settings)
    root = http.store.root
    pubmed = PubMedClient(
        http.eutils, http.idconv,
        pmid_index=IdIndex(root, "pubmed"), doi_index=IdIndex(root, "doi_pmid"),
    )
    crossref = CrossrefClient(http.crossref, index=IdIndex(root, "crossref"))
    return Clients(http, pubmed, crossref)


# -- saved queries -----------------------------------------------------------------------------


def _split(lo: dt.date, hi: dt.date) -> tuple[tuple[dt.date, dt.date], tuple[dt.date, dt.date]]:
    mid = lo + (hi - lo) // 2
    return (lo, mid), (mid + dt.timedelta(days=1), hi)


def _day(text: str) -> dt.date:
    parts = [int(p) for p in text.split("/")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


def search_window(pubmed: PubMedClient, window: Window) -> list[str]:
    """PMIDs entered in ``window`` for its term; windows over PubMed's 10,000-hit cap are
    halved until each part fits (PubMed only serves the first 10,000 hits of a search)."""
    todo = [(_day(window.mindate), _day(window.maxdate))]
    pmids: dict[str, None] = {}
    while todo:
        lo, hi = todo.pop()
        res = pubmed.esearch(window.term, mindate=lo.strftime("%Y/%m/%d"),
                             maxdate=hi.strftime("%Y/%m/%d"), datetype="edat")
        if res.count > len(res.ids) and lo < hi:
            todo.extend(_split(lo, hi))
            continue
        pmids.update(dict.fromkeys(str(p) for p in res.ids))
    return list(pmids)


# -- change checks -----------------------------------------------------------------------------


def changed_pmids(pubmed: PubMedClient, pmids: Iterable[str], since: str, today: str) -> list[str]:
    """Known PMIDs whose PubMed record was modified (mdat) since ``since`` (YYYY/MM/DD)."""
    out: list[str] = []
    for batch in chunks(sorted(set(pmids)), UID_CHECK_BATCH):
        term = " OR ".join(f"{p}[uid]" for p in batch)
        res = pubmed.esearch(term, mindate=since, maxdate=today, datetype="mdat")
        out.extend(str(p) for p in res.ids if str(p) in set(batch))
    return out


def changed_crossref(
    crossref: CrossrefClient, dois: Iterable[str], since: str
) -> dict[str, Work]:
    """Known DOIs whose Crossref record was updated since ``since``: {doi: fresh Work}.

    The answer already holds the full updated records, so the DOI index is pointed at it and
    ``fetch_works`` will merge the new version without another request. A DOI containing a
    comma cannot go into a ``filter=doi:...`` list (the comma separates filters): it is
    fetched on its own and reported when its record differs from the stored one.
    """
    since_iso = since.replace("/", "-")
    batches, singles = plan_batches(sorted(set(dois)), base_url=crossref.http.url("works"))
    out: dict[str, Work] = {}
    for doi in singles:
        work = _changed_single(crossref, doi)
        if work is not None:
            out[doi] = work
    for batch in batches:
        fetched = crossref.http.request(
            "GET", "works",
            params={"filter": filter_value(batch) + f",from-update-date:{since_iso}",
                    "rows": len(batch)},
            parse=CrossrefClient._parse_list, fresh=True,
        )
        found = {normalize_doi(w.doi): w for w in fetched.value.items if w.doi}
        hits = {d: w for d, w in found.items() if d in set(batch)}
        if hits and crossref.index is not None:
            crossref.index.update({d: {"body": fetched.body_sha256, "kind": "list"} for d in hits})
        out.update(hits)
    return out


def _changed_single(crossref: CrossrefClient, doi: str) -> Work | None:
    """``/works/{doi}`` fresh; the new Work when it differs from the stored record (or none
    was stored), else None. A DOI Crossref no longer knows is left to the regular fetch."""
    old = crossref.lookup(doi)
    try:
        fetched = crossref.http.request(
            "GET", f"works/{quote(doi, safe='/')}", parse=CrossrefClient._parse_one, fresh=True,
        )
    except NotFoundError:
        return None
    new = fetched.value
    if new.doi:
        new.doi = normalize_doi(new.doi)
    if old is not None and old.status == "ok" and old.to_dict() == new.to_dict():
        return None
    if crossref.index is not None:
        crossref.index.update({doi: {"body": fetched.body_sha256, "kind": "work"}})
    return new


def refetch_pubmed(pubmed: PubMedClient, pmids: Iterable[str]) -> dict[str, Work]:
    """EFetch ``pmids`` from the network even if the raw store has an older answer, and point
    the PMID index at the new bodies (``PubMedClient.efetch_batch`` always replays the store)."""
    out: dict[str, Work] = {}
    for batch in chunks(sorted(set(pmids)), MAX_IDS_PER_EFETCH):
        fetched = pubmed.eutils.request(
            "POST", "efetch.fcgi", data={"db": "pubmed", "id": ",".join(batch), "retmode": "xml"},
            parse=PubMedClient._parse_efetch, fresh=True,
        )
        records = PubMedClient._by_pmid(fetched.value)
        if pubmed.pmid_index is not None:
            pubmed.pmid_index.update({p: {"body": fetched.body_sha256} for p in batch
                                      if p in records})
        out.update({p: w for p, w in records.items() if p in set(batch)})
    return out


# -- records for PMIDs -------------------------------------------------------------------------


@dataclass
class PmidFetch:
    works: list[Work] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # PMIDs/DOIs to retry next run
    failures: list[str] = field(default_factory=list)  # messages
    requests: int = 0


def works_for_pmids(clients: Clients, pmids: list[str], settings: Settings) -> PmidFetch:
    """Merged Works for PMIDs (saved-query hits): PubMed records, plus Crossref for those with
    a DOI (through ``fetch_works``, which merges both). ``fetch_works`` only takes DOIs and
    reference files, hence this adapter."""
    result = PmidFetch()
    records: dict[str, Work] = {}
    for batch in chunks(sorted(set(pmids)), MAX_IDS_PER_EFETCH):
        try:
            records.update(clients.pubmed.efetch(batch))
        except ServiceError as exc:
            result.failed.extend(batch)
            result.failures.append(f"pubmed efetch: {exc}")
    with_doi = {normalize_doi(w.doi): w for w in records.values() if w.doi}
    if clients.pubmed.doi_index is not None and with_doi:
        # Tell fetch_works the DOI → PMID mapping we just learnt (no extra ESearch per DOI).
        clients.pubmed.doi_index.update(
            {d: {"pmid": w.pmid, "pmcid": w.pmcid} for d, w in with_doi.items()}
        )
    if with_doi:
        fetched = fetch_works(sorted(with_doi), settings)
        result.requests += fetched.request_count
        result.failures.extend(f"{f.service}: {f.error}" for f in fetched.failures)
        for w in fetched.works:
            if w.status == "failed":
                result.failed.append(w.doi or "")
            result.works.append(w)
    for w in records.values():
        if not w.doi:
            result.works.append(merge_works(None, w))
    result.failed = [x for x in result.failed if x]
    return result
