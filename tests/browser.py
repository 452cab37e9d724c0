"""Headless Chromium for the tests that check a page as a reader sees it.

The browser is Debian's ``chromium`` package (``apt-get install chromium``;
``.ci/run`` installs it), driven through Playwright (the ``browser``
extra), which is told where the browser is and never downloads one.

Where either is missing the browser tests are skipped, unless the
environment sets ``MAPPA_BROWSER_TESTS=required`` (as ``.ci/run`` does):
then a missing browser fails them, so a CI run can never pass by skipping.
``MAPPA_CHROMIUM`` names another Chromium executable.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

# Flags for a root user on a machine with no display and no network: no
# sandbox (root), no GPU, and none of the background connections a closed
# network refuses.
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
A4_WIDTH_PX = 794  # 210 mm at 96 px per inch


def _unavailable(reason: str) -> None:
    if os.environ.get("MAPPA_BROWSER_TESTS") == "required":
        pytest.fail(f"browser tests are required but {reason}")
    pytest.skip(reason)


def chromium_path() -> str | None:
    """The Chromium executable to drive, if there is one."""
    return (
        os.environ.get("MAPPA_CHROMIUM")
        or shutil.which("chromium")
        or shutil.which("chromium-browser")
    )


@contextmanager
def open_browser() -> Iterator[Any]:
    """A running headless Chromium (a Playwright ``Browser``), or a skip."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright is not installed (pip install -e '.[browser]')")
    executable = chromium_path()
    if executable is None:
        _unavailable("no Chromium executable (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, args=list(CHROMIUM_ARGS), headless=True
        )
        try:
            yield browser
        finally:
            browser.close()
