"""The HTML report as a reader sees it: rendered by headless Chromium.

These tests open the page that ``mappa report --format html`` writes in a
real browser (see ``tests/browser.py``) and assert on what it renders, on
screen and in print.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser import open_browser
from mappa.cli import main
from mappa.indicators import Indicator

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with open_browser() as running:
        yield running


def _sample_page(folder: Path) -> Path:
    out = io.StringIO()
    assert main(["report", "--format", "html", "--period", "2025/26"], stdout=out) == 0
    page = folder / "report.html"
    page.write_text(out.getvalue(), encoding="utf-8")
    return page


def test_the_page_is_self_contained_and_shows_every_indicator(
    browser: Any, tmp_path: Path
) -> None:
    path = _sample_page(tmp_path)
    page = browser.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(path.as_uri())
    assert requested == [path.as_uri()]  # no fonts, scripts or images fetched
    headings = page.locator("h2").all_inner_texts()
    assert len(headings) == len(Indicator)
    assert page.get_by_text("Scotland", exact=True).count() == len(Indicator)
    page.close()


def test_the_page_prints_on_a4(browser: Any, tmp_path: Path) -> None:
    page = browser.new_page()
    page.goto(_sample_page(tmp_path).as_uri())
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    page.close()
