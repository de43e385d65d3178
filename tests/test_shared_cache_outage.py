"""Redis stopped or not answering: pages are served without it, the outage logged once.

Each test starts a redis-server of its own on a free port (tests.servers), never the shared one.
"""

import logging

import pytest
from django.core.cache import cache
from django.db import OperationalError
from django.test import Client

from practitioners.models import PractitionerApplication
from tests.servers import RedisServer
from tests.test_practitioner_applications import APPLY, valid_data

PUBLIC_PAGES = [
    "/",
    "/research/",
    "/research/?q=migraine",
    "/research/migraines/",
    "/research/migraines/imaging-brain-vascular-reactions-headache-treatments/",
    "/practitioners/?zip=10001",
]


@pytest.fixture
def redis_server():
    server = RedisServer().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def shared_cache(settings, redis_server):
    """The site's cache is a Redis of the test's own, as production configures it."""
    settings.CACHES = {
        "default": {
            "BACKEND": "cms.shared_cache.ResilientRedisCache",
            "LOCATION": redis_server.url,
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
        }
    }
    settings.CACHE_RETRY_SECONDS = 60
    cache.clear()
    return redis_server


def outage_records(caplog):
    return [record for record in caplog.records if record.name == "cms.shared_cache"]


@pytest.mark.parametrize("fault", ["stopped", "not answering"])
def test_public_pages_answer_while_redis_is_down_and_the_outage_is_logged_once(
    client, demo_site, shared_cache, caplog, fault
):
    for url in PUBLIC_PAGES:  # warm: the cache holds choices and generations
        assert client.get(url).status_code == 200, url
    assert cache.get("research-library:generation") is not None

    if fault == "stopped":
        shared_cache.stop()
    else:
        shared_cache.pause()
    try:
        with caplog.at_level(logging.WARNING, logger="cms.shared_cache"):
            for _ in range(2):
                for url in PUBLIC_PAGES:
                    assert client.get(url).status_code == 200, url
        [record] = outage_records(caplog)
        assert record.levelname == "ERROR"
        assert record.getMessage().startswith(f"The shared cache at {shared_cache.url} is unavail")
    finally:
        if fault != "stopped":
            shared_cache.resume()


def test_the_cache_is_used_again_when_redis_returns(
    client, demo_site, shared_cache, settings, caplog
):
    settings.CACHE_RETRY_SECONDS = 0
    shared_cache.stop()
    assert client.get("/research/").status_code == 200
    assert cache.get("research-library:generation") is None

    caplog.clear()
    shared_cache.start()
    with caplog.at_level(logging.WARNING, logger="cms.shared_cache"):
        assert client.get("/research/").status_code == 200
    assert cache.get("research-library:generation") is not None
    [record] = outage_records(caplog)
    assert record.getMessage().startswith(f"The shared cache at {shared_cache.url} answers again")


def test_the_health_check_names_the_cache_while_redis_is_down(client, demo_site, shared_cache):
    healthy = client.get("/healthz/")
    assert healthy.status_code == 200
    assert healthy.json() == {"status": "ok", "failed": [], "database": "ok", "cache": "ok"}
    assert "no-store" in healthy["Cache-Control"]

    shared_cache.stop()
    down = client.get("/healthz/")
    assert down.status_code == 503
    assert down.json() == {
        "status": "unavailable",
        "failed": ["cache"],
        "database": "ok",
        "cache": "unavailable",
    }
    assert "no-store" in down["Cache-Control"]
    # What a load balancer probes: this app server itself can still serve pages.
    assert client.get("/healthz/?only=database").status_code == 200

    shared_cache.start()
    assert client.get("/healthz/").status_code == 200


def test_the_health_check_names_the_database_when_it_does_not_answer(
    client, demo_site, monkeypatch
):
    class Unreachable:
        def cursor(self):
            raise OperationalError("connection refused")

    monkeypatch.setattr("cms.health.connection", Unreachable())
    response = client.get("/healthz/")
    assert response.status_code == 503
    assert response.json()["failed"] == ["database"]
    assert response.json()["cache"] == "ok"


def test_the_health_check_is_exempt_from_the_https_redirect(client, demo_site, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
    assert client.get("/").status_code == 301
    assert client.get("/healthz/").status_code == 200


def test_the_rate_limit_lets_applications_through_while_redis_is_down(
    demo_site, shared_cache, django_capture_on_commit_callbacks, caplog
):
    """Chosen and documented in docs/deploy.md: without its cache nothing can be counted, and
    losing an applicant is worse than a burst the honeypot and the manager's review still stop."""
    shared_cache.stop()
    client = Client()
    with caplog.at_level(logging.WARNING, logger="practitioners.applications"):
        for n in range(12):
            with django_capture_on_commit_callbacks(execute=True):
                response = client.post(
                    APPLY, valid_data(name=f"Applicant {n}"), REMOTE_ADDR="203.0.113.9"
                )
            assert response.status_code == 302
    assert PractitionerApplication.objects.count() == 12
    warnings = [r.getMessage() for r in caplog.records if r.name == "practitioners.applications"]
    assert warnings[0] == "Application rate limit not applied: the shared cache is unavailable."
