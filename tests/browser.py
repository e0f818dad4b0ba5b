"""Headless Chromium for the tests: the system's chromium driven by Playwright for Python.

No browser is downloaded: Playwright launches the distribution's /usr/bin/chromium with a fresh
profile in the test's tmp dir. Without Chromium or Playwright the browser tests skip and say why.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def skip_reason() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if chromium_path() is None:
        return "Chromium is not installed (apt-get install chromium; `make test` installs it)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed (pip install playwright; no browser download needed)"
    return None


requires_chromium = pytest.mark.skipif(skip_reason() is not None, reason=skip_reason() or "")


@dataclass
class PageLog:
    """What the page said while the test ran: console errors, uncaught exceptions, requests."""

    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


@contextmanager
def open_page(path: Path, tmp_path: Path, width: int = 1280, height: int = 900) -> Iterator[tuple[object, PageLog]]:
    """A Playwright page showing the local file at path, and the log of what it did."""
    from playwright.sync_api import sync_playwright

    log = PageLog()
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / "chromium-profile"),
            executable_path=chromium_path(),
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": width, "height": height},
        )
        try:
            page = context.new_page()
            page.on("console", lambda message: message.type == "error" and log.errors.append(message.text))
            page.on("pageerror", lambda error: log.errors.append(str(error)))
            page.on("request", lambda request: log.requests.append(request.url))
            page.goto(path.resolve().as_uri())
            yield page, log
        finally:
            context.close()
