"""``fetch_works``: inputs (reference files, DOI lists, DOIs) and PMIDs → one merged Work per work.

Steps: read the inputs into References; resolve references without a DOI through Crossref
(``query.bibliographic``, strict acceptance); EFetch the PMIDs given (saved-query hits) in
batches, so their DOIs join the others; fetch Crossref (batched filter requests) and PubMed
(batched ESearch → EFetch, ID converter as a second pass) concurrently — each service has its own
process-wide rate limiter; merge per DOI. Every input work comes out exactly once, as ok,
not_found or failed (with the reason); a failed batch never loses what other batches fetched.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from her2mine.errors import InputError
from her2mine.http.client import Http
from her2mine.http.index import IdIndex
from her2mine.ids import is_canonical_pmid, is_doi, normalize_doi
from her2mine.merge import merge_works
from her2mine.models import Reference, Work
from her2mine.settings import Settings
from her2mine.sources.common import Failure
from her2mine.sources.crossref import CrossrefClient, Resolution
from her2mine.sources.pubmed import PubMedClient

log = logging.getLogger(__name__)

# progress(stage, advance, total): stage is "resolve", "crossref" or "pubmed".
FetchProgress = Callable[[str, int, int], None]


@dataclass
class FetchResult:
    works: list[Work]
    references: list[Reference]
    resolutions: list[Resolution] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    request_count: int = 0  # HTTP requests actually sent (retries included)
    # DOIs (PMIDs for works without a DOI) of the failed works: what to ask again next run.
    retry: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for work in self.works:
            out[work.status] = out.get(work.status, 0) + 1
        return out


def classify_input(item: str, *, what: str = "input") -> tuple[str, Path | str]:
    """``("file", path)`` or ``("doi", text)`` for one input; InputError names anything else.

    The one rule for what a reference input may be, shared by ``read_inputs`` and the flow.
    """
    text = item.strip()
    path = Path(text).expanduser()
    if text and path.is_file():
        return "file", path
    if text and is_doi(text):
        return "doi", text
    if text and (path.suffix or text.startswith((".", "/", "~"))):
        raise InputError(f"{what} file not found: {item}")
    raise InputError(f"{what} is neither a file nor a DOI: {item!r}")


def read_inputs(inputs: list[str]) -> list[Reference]:
    """Each input is a reference/DOI-list file or a DOI; InputError names anything else."""
    references: list[Reference] = []
    cli_index = 0
    for item in inputs:
        kind, value = classify_input(item)
        if kind == "file":
            from her2mine.refs import parse_file

            references.extend(parse_file(value))
        else:
            cli_index += 1
            references.append(
                Reference(
                    source="<cli>",
                    source_doi=None,
                    index=cli_index,
                    raw=str(value),
                    doi=normalize_doi(str(value)),
                )
            )
    return references


def _unresolved_work(ref: Reference, resolution: Resolution) -> Work:
    work = Work(title=ref.title, year=ref.year, authors=list(ref.authors), journal=ref.journal)
    work.sources = {
        k: "reference"
        for k in ("title", "year", "authors", "journal")
        if getattr(work, k) not in (None, [])
    }
    work.status = "failed" if resolution.status == "failed" else "not_found"
    work.reason = (
        f"reference {ref.index} of {ref.source} has no DOI and was not resolved "
        f"({resolution.status}: {resolution.reason})"
    )
    return work


def read_pmids(pmids: list[str]) -> list[str]:
    """PMIDs as digit strings, de-duplicated in order; InputError names anything else."""
    out: dict[str, None] = {}
    for item in pmids:
        text = str(item).strip()
        if not is_canonical_pmid(text):
            raise InputError(f"not a PMID: {item!r}")
        out[text] = None
    return list(out)


def fetch_works(
    inputs: list[str],
    settings: Settings,
    *,
    pmids: list[str] | None = None,
    progress: FetchProgress | None = None,
) -> FetchResult:
    """Fetch and merge Crossref + PubMed records for every work named by ``inputs`` or ``pmids``.

    ``pmids`` (e.g. saved-query hits) are EFetched (index first, batches of
    ``MAX_IDS_PER_EFETCH``); a record with a DOI is merged with Crossref like any input DOI
    (one Work per DOI, whichever way it was named), one without comes out PubMed-only. A PMID
    whose batch failed comes out ``failed`` (listed in ``retry`` and ``failures``), one PubMed
    did not return ``not_found``; both carry only the PMID. ``inputs`` may be empty when
    ``pmids`` are given.
    """
    references = read_inputs(inputs)
    pmid_list = read_pmids(pmids or [])
    if not references and not pmid_list:
        raise InputError(f"no references or DOIs found in {inputs!r}")

    def tick(stage: str, n: int, total: int) -> None:
        if progress and n:
            progress(stage, n, total)

    with Http(settings) as http:
        root = http.store.root
        crossref = CrossrefClient(http.crossref, index=IdIndex(root, "crossref"))
        pubmed = PubMedClient(
            http.eutils,
            http.idconv,
            pmid_index=IdIndex(root, "pubmed"),
            doi_index=IdIndex(root, "doi_pmid"),
        )

        # 1. Resolve references without a DOI (one query each, answered from the store on re-runs).
        resolutions: list[Resolution] = []
        slots: list[str | Work] = []  # a DOI to fetch, or a finished Work (unresolved ref...)
        seen: set[str] = set()
        out_refs: list[Reference] = []
        missing = sum(1 for r in references if not r.doi)
        for ref in references:
            doi = ref.doi
            if not doi:
                resolution = crossref.resolve_reference(ref)
                resolutions.append(resolution)
                tick("resolve", 1, missing)
                if resolution.status == "matched" and resolution.doi:
                    # The reference keeps the DOI as written (none); the match lives in
                    # ``resolutions``, so tables can tell a resolved DOI from a cited one.
                    doi = resolution.doi
                else:
                    slots.append(_unresolved_work(ref, resolution))
            out_refs.append(ref)
            if doi and doi not in seen:
                seen.add(doi)
                slots.append(doi)
        cited = [s for s in slots if isinstance(s, str)]

        # 2. PMIDs first: their records name DOIs that join the Crossref requests (and teach
        # the DOI index, so no ESearch is sent for them).
        pm_total = len(pmid_list) + len(cited)
        by_pmid = (
            pubmed.works_by_pmid(pmid_list, lambda n: tick("pubmed", n, pm_total))
            if pmid_list
            else {}
        )
        known_pm: dict[str, Work] = {}  # DOI -> PubMed record already in hand
        for work in by_pmid.values():
            if work.status != "ok":
                slots.append(work)  # only a PMID: failed batch or not in PubMed
            elif not work.doi:
                slots.append(merge_works(None, work))
            else:
                known_pm.setdefault(work.doi, work)
                if work.doi not in seen:
                    seen.add(work.doi)
                    slots.append(work.doi)
        dois = [s for s in slots if isinstance(s, str)]
        to_search = [d for d in dois if d not in known_pm]
        tick("pubmed", sum(1 for d in cited if d in known_pm), pm_total)  # answered already

        # 3. Both services at once; each is paced by its own shared limiter.
        def run_crossref() -> dict[str, Work]:
            return dict(crossref.iter_works(dois, lambda n: tick("crossref", n, len(dois))))

        def run_pubmed() -> dict[str, Work]:
            return pubmed.works_by_doi(to_search, lambda n: tick("pubmed", n, pm_total))

        with ThreadPoolExecutor(max_workers=2, thread_name_prefix="fetch") as pool:
            cr_future, pm_future = pool.submit(run_crossref), pool.submit(run_pubmed)
            cr_works, pm_works = cr_future.result(), {**pm_future.result(), **known_pm}

        # 4. Merge, in input order (then the PMIDs' works).
        works: list[Work] = []
        for slot in slots:
            if isinstance(slot, Work):
                works.append(slot)
                continue
            cr, pm = cr_works.get(slot), pm_works.get(slot)
            failures = {
                name: w.reason or f"{name} failed"
                for name, w in (("crossref", cr), ("pubmed", pm))
                if w is not None and w.status == "failed"
            }
            works.append(merge_works(cr, pm, doi=slot, failures=failures))
        failures = crossref.failures + pubmed.failures
        retry = [w.doi or w.pmid for w in works if w.status == "failed" and (w.doi or w.pmid)]
        result = FetchResult(
            works,
            out_refs,
            resolutions,
            failures,
            http.request_count,
            retry=list(dict.fromkeys(retry)),
        )
    log.info(
        "fetched %d works (%s) with %d HTTP requests",
        len(works),
        result.counts(),
        result.request_count,
    )
    return result
