"""Local protocol server (E-utilities, PMC ID Converter, Crossref) over a SYNTHETIC corpus.

Usage::

    from her2mine.testserver import ProtocolServer, Fault
    with ProtocolServer(faults=[Fault("503", service="eutils", times=2)]) as srv:
        settings = srv.settings(email="me@example.org")
        ...

See docs/testserver.md.
"""

from her2mine.testserver.corpus import (
    DEFAULT_CORPUS_PATH,
    REVIEW_PATH,
    Author,
    Corpus,
    CorpusWork,
    load_corpus,
)
from her2mine.testserver.faults import Fault, parse_fault
from her2mine.testserver.server import ProtocolServer, RequestRecord, serve

__all__ = [
    "DEFAULT_CORPUS_PATH",
    "REVIEW_PATH",
    "Author",
    "Corpus",
    "CorpusWork",
    "Fault",
    "ProtocolServer",
    "RequestRecord",
    "load_corpus",
    "parse_fault",
    "serve",
]
