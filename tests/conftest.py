"""Shared pytest configuration: Playwright on Debian's Chromium, offline.

Browser tests carry the `browser` marker. Without Chromium they are skipped with a plain notice;
with MAGSITE_REQUIRE_BROWSER=1 (set by .ci/run) a skipped browser test fails the run.
"""

import os
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop

# Browser assertions wait up to 15 s (Playwright's default is 5): on a 2-core machine running other
# work, CKEditor can take longer than 5 s to start, and a slow machine is not a failure.
expect.set_options(timeout=15_000)

CHROMIUM = os.environ.get("MAGSITE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
HAVE_CHROMIUM = Path(CHROMIUM).exists()
REQUIRE_BROWSER = os.environ.get("MAGSITE_REQUIRE_BROWSER") == "1"
SCREENSHOTS = Path(__file__).resolve().parent.parent / "screenshots"
SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"

_skipped_browser = []


def pytest_collection_modifyitems(config, items):
    if HAVE_CHROMIUM:
        return
    skip = pytest.mark.skip(reason=f"Chromium not found at {CHROMIUM}: browser test skipped")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


def pytest_runtest_logreport(report):
    if report.skipped and "browser" in report.keywords:
        _skipped_browser.append(report.nodeid)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if _skipped_browser:
        terminalreporter.write_line(
            f"NOTICE: {len(_skipped_browser)} browser test(s) SKIPPED: Chromium is not installed "
            f"(install Debian's `chromium` to run them).",
            yellow=True, bold=True,
        )


def pytest_sessionfinish(session, exitstatus):
    if REQUIRE_BROWSER and _skipped_browser:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
        print(f"\nFAIL: MAGSITE_REQUIRE_BROWSER=1 but {len(_skipped_browser)} browser test(s) were skipped.")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
    }


@pytest.fixture
def screenshot_dir():
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS


@pytest.fixture
def seeds_dir():
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    return SEEDS


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty page cache (the local-memory cache outlives a test's DB)."""
    from django.core.cache import cache

    cache.clear()
    yield
