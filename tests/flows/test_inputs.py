"""Reference inputs of the refresh flow: validation, fingerprints, files to read again."""

from __future__ import annotations

import pytest

from her2mine.errors import InputError
from her2mine.flow.inputs import (
    check_inputs,
    files_to_retry,
    fingerprints,
    input_key,
    inputs_to_record,
)
from her2mine.flow.state import file_sha256
from her2mine.models import Reference
from her2mine.sources.crossref import Resolution


@pytest.mark.parametrize(
    "doi",
    [
        "10.1056/NEJMoa1113216",
        "doi:10.1056/NEJMoa1113216",
        "DOI: 10.1056/nejmoa1113216",
        "https://doi.org/10.1056/NEJMoa1113216",
    ],
)
def test_every_written_form_of_a_doi_is_one_input(doi):
    check_inputs([doi])
    assert input_key(doi) == "10.1056/nejmoa1113216"
    assert fingerprints([doi], file_sha256) == {"10.1056/nejmoa1113216": "doi"}


@pytest.mark.parametrize(
    "bad, message",
    [
        ("missing-review.txt", "not found"),
        ("./refs", "not found"),
        ("10.1/x", "neither a file nor a DOI"),  # registrant codes have 4+ digits
        ("NEJMoa1113216", "neither a file nor a DOI"),
        ("", "neither a file nor a DOI"),
    ],
)
def test_bad_inputs_are_named(bad, message):
    with pytest.raises(InputError, match=message):
        check_inputs(["10.1056/nejmoa1113216", bad])


def _ref(source: str, index: int, raw: str) -> Reference:
    return Reference(source=source, source_doi=None, index=index, raw=raw, doi=None)


def test_a_file_with_a_failed_resolution_is_not_recorded(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("1. Okafor T. Trastuzumab deruxtecan. 2020.\n", encoding="utf-8")
    b.write_text("1. Haddad R. Trastuzumab emtansine. 2019.\n", encoding="utf-8")
    current = fingerprints([str(a), str(b), "doi:10.1056/nejmoa1113216"], file_sha256)
    assert current[str(a.resolve())] == file_sha256(a)
    refs = [
        _ref(str(a), 1, "Okafor T. Trastuzumab deruxtecan. 2020."),
        _ref(str(b), 1, "Haddad R. Trastuzumab emtansine. 2019."),
    ]
    resolutions = [
        Resolution(refs[0].raw, None, None, None, 0.0, "failed", reason="crossref: 503", index=1),
        Resolution(refs[1].raw, None, 10.0, 20.0, 0.0, "no_match", reason="low score", index=1),
    ]
    retry = files_to_retry(refs, resolutions)
    assert retry == {str(a.resolve())}  # no_match is an answer; a 503 is not
    recorded = inputs_to_record(current, retry)
    assert set(recorded) == {str(b.resolve()), "10.1056/nejmoa1113216"}
    assert recorded != current  # so the next run sees the inputs as changed
