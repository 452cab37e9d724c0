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
    headings = page.locator("section h2").all_inner_texts()
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


# -- accessible, printable, the distance to target visible --------------

SCREENSHOT = Path(__file__).parent.parent / "docs" / "img" / "report.png"
TREND = ("--trend", "2024Q1..2025Q4")  # the sample's whole quarters
SCREENSHOT_VIEWPORT = {"width": 1000, "height": 1400}


def _page(folder: Path, *arguments: str, name: str = "page.html") -> Path:
    out = io.StringIO()
    assert main(["report", "--format", "html", *arguments], stdout=out) == 0
    path = folder / name
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def _bars(page: Any) -> list[dict[str, Any]]:
    """Each bar row as rendered: its group, the bar's and the target line's
    right edges in CSS pixels, the figures and the status text."""
    result: list[dict[str, Any]] = page.evaluate(
        """() => [...document.querySelectorAll('section')].flatMap(section =>
            [...section.querySelectorAll('tbody tr')].map(row => {
              const bar = row.querySelector('svg.bar rect.met, svg.bar rect.notmet');
              const target = row.querySelector('svg.bar line.target');
              const cells = [...row.querySelectorAll('td')].map(c => c.innerText.trim());
              const box = bar ? bar.getBoundingClientRect() : null;
              return {
                indicator: section.querySelector('h2').innerText,
                group: row.querySelector('th').innerText,
                bar: box ? box.right : null,
                barWidth: box ? box.width : null,
                barFill: bar ? getComputedStyle(bar).fill : null,
                barStroke: bar ? getComputedStyle(bar).stroke : null,
                target: target ? target.getBoundingClientRect().left +
                        target.getBoundingClientRect().width / 2 : null,
                figures: cells.slice(1),
              };
            }))"""
    )
    return result


def test_tables_have_header_cells_captions_and_text_alternatives(
    browser: Any, tmp_path: Path
) -> None:
    page = browser.new_page()
    page.goto(_page(tmp_path, "--period", "2025/26").as_uri())
    facts = page.evaluate(
        """() => ({
          tables: document.querySelectorAll('table').length,
          captions: [...document.querySelectorAll('table')].filter(
              t => t.caption && t.caption.innerText.trim()).length,
          colHeaders: document.querySelectorAll('thead th[scope=col]').length,
          rowHeaders: document.querySelectorAll('tbody th[scope=row]').length,
          rows: document.querySelectorAll('tbody tr').length,
          charts: document.querySelectorAll('svg').length,
          labelled: [...document.querySelectorAll('svg')].filter(svg =>
              svg.getAttribute('role') === 'img' &&
              svg.querySelector('title') && svg.querySelector('title').textContent.trim()
          ).length,
          described: [...document.querySelectorAll('svg')].filter(svg =>
              svg.querySelector('desc')).length,
          lang: document.documentElement.lang,
          scripts: document.querySelectorAll('script').length,
        })"""
    )
    assert facts["tables"] == len(Indicator)
    assert facts["captions"] == facts["tables"]
    assert facts["colHeaders"] == 6 * len(Indicator)
    assert (
        facts["rowHeaders"] == facts["rows"] == 11 * len(Indicator)
    )  # 10 areas + Scotland
    assert facts["charts"] == facts["labelled"] == facts["rows"]
    # Every bar drawn (a group with cases) also says in words what it shows.
    assert facts["described"] >= facts["rows"] - 2
    assert facts["lang"] == "en-GB"
    assert facts["scripts"] == 0
    # "Targets: current" once, and where the report comes from in the footer.
    text = page.inner_text("body")
    assert text.count("Targets: current") == 1
    footer = page.inner_text("footer")
    for words in (
        "Data range: 2 October 2023 to 31 March 2026",
        "Generated ",
        "Rules: mappa",
    ):
        assert words in footer
    page.close()


def test_met_and_not_met_are_told_apart_by_more_than_colour(
    browser: Any, tmp_path: Path
) -> None:
    page = browser.new_page()
    page.goto(_page(tmp_path, "--period", "2025/26").as_uri())
    bars = [bar for bar in _bars(page) if bar["bar"] is not None]
    assert bars
    for bar in bars:
        status = bar["figures"][-1]
        if status.endswith("not met"):
            assert status.startswith("\u2717")
            # Hatched (a pattern), outlined in Okabe-Ito vermillion.
            assert bar["barFill"].startswith("url(")
            assert bar["barStroke"] == "rgb(213, 94, 0)"
        else:
            assert status == "\u2713 met"
            assert bar["barFill"] == "rgb(0, 114, 178)"  # Okabe-Ito blue
    page.close()


def test_the_distance_to_the_target_is_visible(browser: Any, tmp_path: Path) -> None:
    # The example: Scotland's level 3 reviews in 2025/26, 94.9%
    # against 95%, was half a pixel short on a 0-100 scale, and nothing
    # else said so. Now the bars start at 90%, the bar is hatched, and the
    # gap in points stands beside it on the same line.
    page = browser.new_page()
    page.goto(_page(tmp_path, "--period", "2025/26").as_uri())
    bars = _bars(page)
    (scotland,) = [
        bar
        for bar in bars
        if bar["group"] == "Scotland" and bar["indicator"].startswith("Level 3")
    ]
    assert scotland["figures"][:3] == ["2083/2193", "94.9", "-0.1"]
    assert scotland["bar"] < scotland["target"]
    assert scotland["barFill"].startswith("url(")  # hatched: not met
    caption = page.locator("caption").first.inner_text()
    assert "Bars start at 90%" in caption
    row = page.locator("section").first.locator("tbody tr").last
    bar_box = row.locator("svg.bar").bounding_box()
    gap_box = row.locator("td").nth(3).bounding_box()
    assert gap_box["x"] > bar_box["x"] + bar_box["width"]  # beside the bar
    assert (
        abs(
            gap_box["y"]
            + gap_box["height"] / 2
            - (bar_box["y"] + bar_box["height"] / 2)
        )
        < 8
    )
    # A level 3 area at 93.0% (Forth Valley): on a 0-100 scale its bar
    # would end 8 pixels short of the target; from 90% it is 80 pixels.
    (forth,) = [
        bar
        for bar in bars
        if bar["group"] == "Forth Valley" and bar["indicator"].startswith("Level 3")
    ]
    assert forth["target"] - forth["bar"] > 50
    for bar in bars:
        if bar["bar"] is None:
            continue
        gap = float(bar["figures"][2])
        # The bar ends on the target's side its gap says.
        if gap < 0:
            assert bar["bar"] < bar["target"]
        else:
            assert bar["bar"] >= bar["target"] - 1
    page.close()


def test_bars_and_lines_stay_visible_in_print(browser: Any, tmp_path: Path) -> None:
    for arguments in (("--period", "2025/26"), TREND):
        page = browser.new_page(viewport={"width": 794, "height": 1123})  # A4
        page.goto(_page(tmp_path, *arguments).as_uri())
        page.emulate_media(media="print")
        bars = [bar for bar in _bars(page) if bar["bar"] is not None]
        assert all(bar["barWidth"] > 0 for bar in bars)
        assert all(bar["barFill"] not in ("none", "") for bar in bars)
        lines = page.evaluate(
            """() => [...document.querySelectorAll('svg.line')].map(svg => ({
                series: [...svg.querySelectorAll('polyline.series')].map(
                    l => getComputedStyle(l).stroke),
                target: getComputedStyle(svg.querySelector('line.target')).stroke,
                width: svg.getBoundingClientRect().width,
            }))"""
        )
        for line in lines:
            assert line["series"]
            assert all(s == "rgb(0, 114, 178)" for s in line["series"])
            assert line["target"] == "rgb(0, 0, 0)"
            assert 0 < line["width"] <= 794
        # Nothing runs off the page's width.
        assert page.evaluate("document.documentElement.scrollWidth") <= 794
        assert page.pdf(format="A4", print_background=False).startswith(b"%PDF")
        page.close()


def test_the_trend_page_draws_a_line_per_indicator_with_its_target(
    browser: Any, tmp_path: Path
) -> None:
    page = browser.new_page()
    page.goto(_page(tmp_path, *TREND).as_uri())
    charts = page.evaluate(
        """() => [...document.querySelectorAll('svg.line')].map(svg => ({
            title: svg.querySelector('title').textContent,
            desc: svg.querySelector('desc').textContent,
            points: svg.querySelectorAll('.point').length,
            pointTitles: [...svg.querySelectorAll('.point title')].map(t => t.textContent),
            target: svg.querySelector('line.target') !== null,
            height: svg.getBoundingClientRect().height,
        }))"""
    )
    assert len(charts) == len(Indicator)
    for chart in charts:
        assert "2024Q1 to 2025Q4" in chart["title"]
        assert chart["desc"].startswith("Target ")
        assert chart["target"]
        assert chart["points"] == 8 or "no cases" in chart["desc"]
        assert all(t.endswith(("met", "not met")) for t in chart["pointTitles"])
        assert chart["height"] > 100
    headers = page.evaluate(
        "() => [...document.querySelector('table').querySelectorAll('thead th')].map(t => t.innerText)"
    )
    assert headers == [
        "Group",
        *(f"{y}Q{q}" for y in (2024, 2025) for q in (1, 2, 3, 4)),
    ]
    page.close()


def _screenshot(browser: Any, folder: Path) -> bytes:
    page = browser.new_page(viewport=SCREENSHOT_VIEWPORT)
    page.goto(_page(folder, *TREND, name="trend.html").as_uri())
    shot: bytes = page.screenshot(full_page=False)
    page.close()
    return shot


def test_the_screenshot_in_the_docs_is_of_this_page(
    browser: Any, tmp_path: Path
) -> None:
    """docs/img/report.png is the top of the sample's trend page, as the
    tests above render it (MAPPA_UPDATE_SCREENSHOT=1 writes it anew)."""
    import os
    import struct

    shot = _screenshot(browser, tmp_path)
    if os.environ.get("MAPPA_UPDATE_SCREENSHOT") == "1":  # pragma: no cover
        SCREENSHOT.parent.mkdir(exist_ok=True)
        SCREENSHOT.write_bytes(shot)
    kept = SCREENSHOT.read_bytes()

    def size(png: bytes) -> tuple[int, int]:
        width, height = struct.unpack(">II", png[16:24])
        return width, height

    assert (
        size(kept)
        == size(shot)
        == (
            SCREENSHOT_VIEWPORT["width"],
            SCREENSHOT_VIEWPORT["height"],
        )
    )
    docs = (Path(__file__).parent.parent / "docs" / "indicators.md").read_text()
    assert "img/report.png" in docs
    assert "mappa report --trend 2024Q1..2025Q4 --format html" in docs
