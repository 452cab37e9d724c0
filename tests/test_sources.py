"""mappa.sources: citations are structured data."""

from __future__ import annotations

import pytest

from mappa.errors import InvalidTypeError, InvalidValueError
from mappa.sources import (
    DOCUMENTS,
    GUIDANCE,
    SEXUAL_OFFENCES_ACT_2003,
    Citation,
    Document,
)


def test_cite_builds_a_structured_citation() -> None:
    citation = GUIDANCE.cite("para 11.30")
    assert citation == Citation(
        document="MAPPA National Guidance",
        edition="2023",
        pinpoint="para 11.30",
        url=GUIDANCE.url,
    )
    assert str(citation) == "MAPPA National Guidance (2023), para 11.30"


def test_cite_can_override_the_url() -> None:
    url = "https://www.legislation.gov.uk/ukpga/2003/42/section/82"
    assert SEXUAL_OFFENCES_ACT_2003.cite("s.82(1)", url=url).url == url


def test_documents_have_unique_keys() -> None:
    keys = [d.key for d in DOCUMENTS]
    assert len(keys) == len(set(keys))


def test_citation_is_frozen() -> None:
    citation = GUIDANCE.cite("para 1")
    with pytest.raises(AttributeError):
        citation.pinpoint = "para 2"  # type: ignore[misc]


@pytest.mark.parametrize("bad", [None, 3, b"x"])
def test_citation_fields_must_be_text(bad: object) -> None:
    with pytest.raises(InvalidTypeError, match=r"Citation\.document"):
        Citation(document=bad, edition="1", pinpoint="p")  # type: ignore[arg-type]


def test_empty_text_is_refused() -> None:
    with pytest.raises(InvalidValueError, match=r"Document\.title must not be empty"):
        Document(key="k", title="  ", edition="1")
