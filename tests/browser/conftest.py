"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

Playwright's sync API runs an event loop in the test thread, which Django would take for async
code; the tests only touch the database from that thread between browser steps, so the check
is relaxed for them alone.
"""

import os
import shutil
import time

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


# How long a closing browser waits for the requests it has sent to be answered.
IN_FLIGHT_GRACE_SECONDS = 5


@pytest.fixture
def new_context(live_site, new_context):
    """Browser contexts that are closed, their requests answered, before the database is emptied.

    Requesting live_site first sets the database up before any context and so tears it down
    after every one. An open page keeps talking to the server (the editor pings its editing
    session), and on SQLite the live server shares the test's connection: a request still being
    served while the database is flushed breaks the flush.
    """
    contexts = []

    def open_context(**kwargs):
        context = new_context(**kwargs)
        in_flight = set()
        # Playwright sets an attribute on each handler, which built-in methods cannot take.
        context.on("request", lambda request: in_flight.add(request))
        context.on("requestfinished", lambda request: in_flight.discard(request))
        context.on("requestfailed", lambda request: in_flight.discard(request))
        contexts.append((context, in_flight))
        return context

    yield open_context
    for context, in_flight in contexts:
        deadline = time.monotonic() + IN_FLIGHT_GRACE_SECONDS
        for page in context.pages:
            while in_flight and time.monotonic() < deadline:
                page.wait_for_timeout(50)
            page.close()


@pytest.fixture
def console_errors(page):
    """Console errors and uncaught exceptions seen in `page`; a test asserts it stays empty."""
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    return errors
