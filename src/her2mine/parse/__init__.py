"""Pure parsers for every service response her2mine reads (bytes/str/dict in, dataclasses out).

No I/O here: HTTP clients fetch, these functions interpret. Errors are ``her2mine.errors``
classes: ``ParseError`` for unreadable bodies, ``ServiceError``/``NotFoundError`` for errors the
service itself reports inside a response.
"""

from her2mine.parse.crossref import WorkList, parse_envelope, parse_work, parse_work_list
from her2mine.parse.eutils import (
    ESearchResult,
    LinkSet,
    parse_elink,
    parse_esearch,
    parse_esummary,
)
from her2mine.parse.idconv import IdconvRecord, parse_idconv
from her2mine.parse.pubmed_xml import parse_pubmed_xml
from her2mine.parse.text import clean_markup, jats_to_text

__all__ = [
    "ESearchResult",
    "IdconvRecord",
    "LinkSet",
    "WorkList",
    "clean_markup",
    "jats_to_text",
    "parse_elink",
    "parse_envelope",
    "parse_esearch",
    "parse_esummary",
    "parse_idconv",
    "parse_pubmed_xml",
    "parse_work",
    "parse_work_list",
]
