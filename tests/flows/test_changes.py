"""Change checks of the incremental refresh against the local protocol server (no Prefect)."""

from __future__ import annotations

import datetime as dt

from her2mine.flow.changes import changed_crossref, open_clients
from her2mine.settings import Settings

COMMA = {
    "key": "comma-doi",
    "doi": "10.5555/her2mine.c,0300",
    "pmid": "99000300",
    "title": "A DOI with a comma in HER2-positive breast cancer.",
    "year": 2019,
    "edat": "2019-05-01",
    "abstract": "Median PFS was 9.1 months.",
}


def test_known_dois_with_a_comma_are_checked_too(srv, tmp_path):
    srv.corpus.add(dict(COMMA))
    plain = "10.5555/her2mine.0001"
    assert srv.corpus.by_doi(plain) is not None
    dois = [plain, COMMA["doi"]]
    today = dt.date.today().strftime("%Y/%m/%d")
    clients = open_clients(Settings.from_env(data_dir=tmp_path))
    try:
        assert set(clients.crossref.get_works(dois)) == set(dois)  # known from a past run
        assert changed_crossref(clients.crossref, dois, today) == {}  # nothing changed

        srv.corpus.update(COMMA["doi"], title="A DOI with a comma, corrected title.")
        srv.corpus.update(plain, title="Changed title of a plain DOI.")
        changed = changed_crossref(clients.crossref, dois, today)
        assert set(changed) == set(dois)
        assert changed[COMMA["doi"]].title == "A DOI with a comma, corrected title."
        # the index now points at the new versions (fetch_works merges them, no new request)
        assert clients.crossref.lookup(COMMA["doi"]).title == changed[COMMA["doi"]].title
        assert clients.crossref.lookup(plain).title == "Changed title of a plain DOI."

        # a DOI with a comma is compared by content: once seen, it is quiet again
        assert COMMA["doi"] not in changed_crossref(clients.crossref, dois, today)
    finally:
        clients.http.close()
