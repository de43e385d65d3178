"""/go/<id>/?from=<page>: a click is counted, with nothing about the visitor kept."""

import datetime
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.utils import timezone

from cms.models.calls_to_action import CallToAction, CallToActionDailyCount
from home.models import HomePage
from tests.conftest import seed_demo
from tests.cta_helpers import article_in, make_call_to_action, seed_article, view_as_a_browser


def click(client, call_to_action, page, **extra):
    return client.get(f"/go/{call_to_action.pk}/", {"from": page.pk}, **extra)


def counts(call_to_action, page):
    row = CallToActionDailyCount.objects.filter(call_to_action=call_to_action, page=page).first()
    return (row.impressions, row.clicks) if row else (0, 0)


@pytest.fixture
def seed_cta(demo_site):
    return CallToAction.objects.get(conditions=None)


def test_a_click_counts_once_and_lands_on_the_filtered_directory(client, seed_cta):
    article = seed_article()
    response = click(client, seed_cta, article)
    assert response.status_code == 302
    assert response["Location"] == "/practitioners/?condition=migraines"
    assert "no-store" in response["Cache-Control"]
    click(client, seed_cta, article)
    row = CallToActionDailyCount.objects.get(call_to_action=seed_cta, page=article)
    assert (row.date, row.clicks) == (timezone.localdate(), 2)


def test_the_directory_without_a_condition_when_the_page_has_none(client, demo_site):
    call_to_action = make_call_to_action(placement="home")
    response = click(client, call_to_action, HomePage.objects.get())
    assert response["Location"] == "/practitioners/"


def test_an_address_target_is_followed_as_saved(client, demo_site):
    call_to_action = make_call_to_action(target_page=None, target_url="https://example.org/x?y=1")
    response = click(client, call_to_action, seed_article())
    assert response["Location"] == "https://example.org/x?y=1"


def test_nothing_from_the_query_string_decides_where_it_leads(client, seed_cta):
    for extra in [
        {"next": "https://evil.example/"},
        {"url": "//evil.example"},
        {"target": "https://evil.example/"},
    ]:
        response = client.get(f"/go/{seed_cta.pk}/", {"from": seed_article().pk, **extra})
        assert response["Location"] == "/practitioners/?condition=migraines"


@pytest.mark.parametrize(
    "query",
    [
        {},
        {"from": ""},
        {"from": "abc"},
        {"from": "-1"},
        {"from": "1.5"},
        {"from": "99999999"},
        {"from": "9" * 40},
        {"from": "1\x00"},
        {"from": "²"},
        {"from": "١٢"},
    ],
)
def test_an_unknown_page_is_not_found(client, seed_cta, query):
    assert client.get(f"/go/{seed_cta.pk}/", query).status_code == 404
    assert not CallToActionDailyCount.objects.filter(clicks__gt=0).exists()


def test_an_unknown_or_unpublished_call_to_action_is_not_found(client, seed_cta):
    article = seed_article()
    assert client.get("/go/999999/", {"from": article.pk}).status_code == 404
    assert client.get("/go/" + "9" * 30 + "/", {"from": article.pk}).status_code == 404
    draft = make_call_to_action(publish=False)
    assert click(client, draft, article).status_code == 404
    seed_cta.unpublish()
    assert click(client, seed_cta, article).status_code == 404


def test_an_unpublished_page_is_not_found(client, seed_cta):
    article = article_in("insomnia")
    article.unpublish()
    assert click(client, seed_cta, article).status_code == 404


def test_nothing_personal_is_stored_and_no_cookie_is_set(client, seed_cta):
    sessions_before = Session.objects.count()
    response = click(
        client,
        seed_cta,
        seed_article(),
        HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0",
        REMOTE_ADDR="203.0.113.9",
        HTTP_REFERER="https://example.org/secret",
    )
    assert response.status_code == 302
    assert response.cookies == {}
    assert Session.objects.count() == sessions_before
    stored_fields = {field.name for field in CallToActionDailyCount._meta.get_fields()}
    assert stored_fields == {"id", "call_to_action", "page", "date", "impressions", "clicks"}
    stored = list(CallToActionDailyCount.objects.values_list(flat=False))
    assert "203.0.113.9" not in str(stored) and "Firefox" not in str(stored)


def test_declared_bots_and_head_requests_are_not_counted(client, seed_cta):
    article = seed_article()
    for agent in [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0)",
        "facebookexternalhit/1.1",
        "Mozilla/5.0 (compatible; AhrefsBot/7.0)",
    ]:
        response = click(client, seed_cta, article, HTTP_USER_AGENT=agent)
        assert response.status_code == 302
        view_as_a_browser(client, article.url, HTTP_USER_AGENT=agent)
    assert client.head(f"/go/{seed_cta.pk}/", {"from": article.pk}).status_code == 302
    assert counts(seed_cta, article) == (0, 0)
    assert client.post(f"/go/{seed_cta.pk}/", {"from": article.pk}).status_code == 405


def test_each_view_counts_an_impression_per_page_and_day(client, seed_cta):
    article = seed_article()
    view_as_a_browser(client, article.url)
    view_as_a_browser(client, article.url)
    click(client, seed_cta, article)
    assert counts(seed_cta, article) == (2, 1)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    CallToActionDailyCount.objects.update(date=tomorrow)
    view_as_a_browser(client, article.url)
    assert CallToActionDailyCount.objects.filter(call_to_action=seed_cta).count() == 2


def test_robots_are_asked_to_keep_out(client, demo_site):
    assert "Disallow: /go/" in client.get("/robots.txt").content.decode()


@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="SQLite lets one writer in at a time, so parallel clicks prove nothing there; "
    "run the suite with DATABASE_URL=postgres://… to test them",
)
def test_concurrent_clicks_are_all_counted(transactional_db):
    seed_demo()  # the live-server tests empty the database after themselves
    article = seed_article()
    call_to_action = make_call_to_action()
    threads, clicks_each = 8, 10

    def click_repeatedly(_):
        try:
            client = Client()
            return [click(client, call_to_action, article).status_code for _ in range(clicks_each)]
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=threads) as pool:
        statuses = [
            status for batch in pool.map(click_repeatedly, range(threads)) for status in batch
        ]
    assert statuses == [302] * threads * clicks_each
    assert counts(call_to_action, article) == (0, threads * clicks_each)
