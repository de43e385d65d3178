"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

Playwright's sync API runs an event loop in the test thread, which Django would take for async
code; the tests only touch the database from that thread between browser steps, so the check
is relaxed for them alone.
"""

import os
import shutil

import pytest

from tests.conftest import seed_demo

# Set for the whole session: Playwright's loop stays up until the test databases are torn down.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Without these, Chromium tries to reach Google's services, which this network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": CHROMIUM_ARGS,
        "headless": True,
    }


@pytest.fixture
def live_site(transactional_db, live_server):
    """The demo site served by a live server; the base URL to browse.

    A live-server test commits, so the database is emptied after each one; seed_demo builds
    everything again, from the root page up, before the next.
    """
    seed_demo()
    return live_server.url


@pytest.fixture
def console_errors(page):
    """Console errors and uncaught exceptions seen in `page`; a test asserts it stays empty."""
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    return errors
