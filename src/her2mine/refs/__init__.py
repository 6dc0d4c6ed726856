"""Reference lists in: parse reviews, numbered/APA lists, BibTeX, RIS and DOI lists into
``her2mine.models.Reference`` records.

Stable API (used by the fetch command and the flows)::

    parse_file(path, *, format=None) -> list[Reference]
    parse_text(text, *, source="<text>", format=None) -> list[Reference]
    detect_format(text, filename=None) -> str   # one of FORMATS
"""

from her2mine.refs.api import FORMATS, detect_format, parse_file, parse_text, read_text

__all__ = ["FORMATS", "detect_format", "parse_file", "parse_text", "read_text"]
