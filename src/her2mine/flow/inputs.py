"""Reference inputs of the refresh flow: which are valid, what the state records about them.

An input is a reference file (review, DOI list, BibTeX, RIS) or a DOI in any written form
(``10.1/x``, ``doi:10.1/X``, ``https://doi.org/10.1/x``). The state keeps one fingerprint per
input (a file's sha256; a DOI's normalised form) and the inputs are fetched again when the
fingerprints differ. A file whose references could not be resolved because a service failed is
left out of the recorded fingerprints, so the next run reads it again and retries them (the
rest of it is answered from the raw store).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from her2mine.ids import normalize_doi
from her2mine.models import Reference

DOI_FINGERPRINT = "doi"


def input_key(item: str) -> str:
    """The state key of one input: a file's resolved path, or the normalised DOI."""
    path = Path(item.strip()).expanduser()
    return str(path.resolve()) if path.is_file() else normalize_doi(item)


def check_inputs(refs: Iterable[str]) -> None:
    """InputError naming the first input that is neither an existing file nor a DOI
    (``her2mine.fetch.classify_input``, without parsing the files)."""
    from her2mine.fetch import classify_input

    for item in refs:
        classify_input(item, what="reference input")


def fingerprints(refs: Iterable[str], sha256: Callable[[str], str]) -> dict[str, str]:
    """{input_key: sha256 of the file, or "doi"} for valid inputs (see ``check_inputs``)."""
    out = {}
    for item in refs:
        key = input_key(item)
        out[key] = sha256(key) if Path(key).is_file() else DOI_FINGERPRINT
    return out


def files_to_retry(references: Iterable[Reference], resolutions: Iterable) -> set[str]:
    """Input keys of the files holding a reference whose resolution failed (service error)."""
    failed = {(r.raw, r.index) for r in resolutions if r.status == "failed"}
    return {
        input_key(ref.source)
        for ref in references
        if (ref.raw, ref.index) in failed and Path(ref.source).is_file()
    }


def inputs_to_record(current: Mapping[str, str], retry: set[str]) -> dict[str, str]:
    """The fingerprints to save: all but the files to read again next run."""
    return {k: v for k, v in current.items() if k not in retry}
