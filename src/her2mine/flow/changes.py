"""Network side of the incremental refresh: new PMIDs from saved queries and cheap change
checks on known records, over the library clients (``her2mine.sources``); every request goes
through the shared HTTP layer (pacing, retries, raw store, offline replay). What changed is
fetched again with the clients themselves (``PubMedClient.efetch(..., fresh=True)``,
``fetch_works(..., pmids=...)``).

Change checks cost one request per ~500 known PMIDs (ESearch ``uid`` list, ``datetype=mdat``
since the last run) and one per ~100 known DOIs (Crossref ``filter=doi:...,from-update-date:``),
whatever the size of the records; only what they report is fetched again.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote

from her2mine.errors import NotFoundError
from her2mine.flow.queries import Window
from her2mine.http.client import Http
from her2mine.http.index import IdIndex
from her2mine.ids import normalize_doi
from her2mine.models import Work
from her2mine.settings import Settings
from her2mine.sources.crossref import CrossrefClient, filter_value, plan_batches
from her2mine.sources.pubmed import PubMedClient, chunks

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
        http.eutils,
        http.idconv,
        pmid_index=IdIndex(root, "pubmed"),
        doi_index=IdIndex(root, "doi_pmid"),
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
        res = pubmed.esearch(
            window.term,
            mindate=lo.strftime("%Y/%m/%d"),
            maxdate=hi.strftime("%Y/%m/%d"),
            datetype="edat",
        )
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


def changed_crossref(crossref: CrossrefClient, dois: Iterable[str], since: str) -> dict[str, Work]:
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
            "GET",
            "works",
            params={
                "filter": filter_value(batch) + f",from-update-date:{since_iso}",
                "rows": len(batch),
            },
            parse=CrossrefClient._parse_list,
            fresh=True,
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
            "GET",
            f"works/{quote(doi, safe='/')}",
            parse=CrossrefClient._parse_one,
            fresh=True,
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
