"""Password guessing on the admin's sign-in page is throttled per account and per address."""

import io

import pytest
from axes.handlers.proxy import AxesProxyHandler
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client

from cms.roles import WRITERS

SIGN_IN = "/admin/login/"
PASSWORD = "correct horse battery staple"
HANDLERS = {
    "shared cache": "axes.handlers.cache.AxesCacheHandler",
    "database": "axes.handlers.database.AxesDatabaseHandler",
}


@pytest.fixture(params=list(HANDLERS), autouse=True)
def throttle(request, settings):
    """Each test runs with the counts in the cache (production with Redis) and in the
    database (production without Redis)."""
    settings.AXES_HANDLER = HANDLERS[request.param]
    settings.AXES_FAILURE_LIMIT = 5
    AxesProxyHandler.get_implementation(force=True)
    yield
    settings.AXES_HANDLER = HANDLERS[request.param]
    AxesProxyHandler.get_implementation(force=True)


def writer(username):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name=WRITERS))
    return user


def sign_in(username, password, address, **headers):
    client = Client(REMOTE_ADDR=address, **headers)
    response = client.post(SIGN_IN, {"username": username, "password": password, "next": ""})
    return response, client


def signed_in(response, client):
    return response.status_code == 302 and "_auth_user_id" in client.session


def test_wrong_passwords_then_the_right_one_is_refused_with_a_message(demo_site):
    writer("alice")
    for _ in range(4):
        response, _client = sign_in("alice", "guess", "203.0.113.9")
        assert response.status_code == 200
        assert "didn&#x27;t match" in response.content.decode()
    # The fifth wrong password locks the account: the page says so.
    response, _client = sign_in("alice", "guess", "203.0.113.9")
    assert response.status_code == 429
    html = response.content.decode()
    assert "Too many failed sign-in attempts" in html
    assert "paused for 15 minutes" in html
    # The sign-in page itself, with its form, not a bare error.
    assert 'name="password"' in html

    response, client = sign_in("alice", PASSWORD, "203.0.113.9")
    assert response.status_code == 429
    assert "Too many failed sign-in attempts" in response.content.decode()
    assert not signed_in(response, client)


def test_the_account_is_locked_whatever_address_the_guesses_come_from(demo_site):
    writer("alice")
    for n in range(5):
        sign_in("alice", "guess", f"203.0.113.{n + 1}")
    response, client = sign_in("alice", PASSWORD, "198.51.100.7")
    assert response.status_code == 429
    assert not signed_in(response, client)


def test_one_address_trying_many_accounts_is_locked(demo_site):
    writer("alice")
    for n in range(5):
        sign_in(f"someone{n}", "guess", "203.0.113.9")
    response, client = sign_in("alice", PASSWORD, "203.0.113.9")
    assert response.status_code == 429
    assert not signed_in(response, client)


def test_another_account_from_another_address_is_unaffected(demo_site):
    writer("alice")
    writer("bob")
    for _ in range(5):
        sign_in("alice", "guess", "203.0.113.9")
    response, client = sign_in("bob", PASSWORD, "198.51.100.7")
    assert signed_in(response, client)


def test_behind_a_proxy_the_visitors_address_counts(demo_site, settings):
    """With one proxy of ours, every request comes from its address; the lock must fall on
    the visitor it names in X-Forwarded-For, not on everyone behind the proxy."""
    settings.TRUSTED_PROXY_COUNT = 1
    writer("bob")
    for n in range(5):
        sign_in(f"someone{n}", "guess", "10.0.0.9", HTTP_X_FORWARDED_FOR="203.0.113.9")
    response, client = sign_in("bob", PASSWORD, "10.0.0.9", HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert signed_in(response, client)
    # A forged entry before the proxy's own does not get the guesser a fresh count.
    response, client = sign_in(
        "bob", PASSWORD, "10.0.0.9", HTTP_X_FORWARDED_FOR="192.0.2.1, 203.0.113.9"
    )
    assert response.status_code == 429


def test_an_administrator_unlocks_the_account_and_the_address(demo_site):
    writer("alice")
    for _ in range(5):
        sign_in("alice", "guess", "203.0.113.9")
    assert sign_in("alice", PASSWORD, "203.0.113.9")[0].status_code == 429

    call_command("axes_reset_username", "alice", stdout=io.StringIO())
    # The account is free again; the address that guessed stays locked until unlocked too.
    assert signed_in(*sign_in("alice", PASSWORD, "198.51.100.7"))
    for _ in range(5):
        sign_in("alice", "guess", "203.0.113.9")
    call_command("axes_reset_username", "alice", stdout=io.StringIO())
    call_command("axes_reset_ip", "203.0.113.9", stdout=io.StringIO())
    assert signed_in(*sign_in("alice", PASSWORD, "203.0.113.9"))


def test_a_right_password_clears_earlier_mistakes(demo_site):
    writer("alice")
    for _ in range(4):
        sign_in("alice", "guess", "203.0.113.9")
    assert signed_in(*sign_in("alice", PASSWORD, "203.0.113.9"))
    for _ in range(4):
        sign_in("alice", "guess", "203.0.113.9")
    assert signed_in(*sign_in("alice", PASSWORD, "203.0.113.9"))


def test_failures_and_locks_are_logged_without_passwords_names_or_addresses(demo_site, caplog):
    writer("alice")
    with caplog.at_level("INFO", logger="axes"):
        for _ in range(5):
            sign_in("alice", "hunter2-guess", "203.0.113.9")
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "Locking out" in logged
    assert "/admin/login/" in logged
    for secret in ("hunter2-guess", "alice", "203.0.113.9"):
        assert secret not in logged
