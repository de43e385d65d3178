"""Impressions are counted by the browser's beacon request, never while a page renders."""

from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.models.calls_to_action import CallToAction, CallToActionDailyCount, Placement
from home.models import HomePage
from research.models import ResearchLibraryPage
from tests.cta_helpers import beacons, condition, make_call_to_action, seed_article

STYLESHEET = Path(__file__).resolve().parent.parent / "static" / "css" / "site.css"
WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


@pytest.fixture
def seed_cta(demo_site):
    return CallToAction.objects.get(conditions=None)


def impressions(call_to_action, page):
    return sum(
        CallToActionDailyCount.objects.filter(call_to_action=call_to_action, page=page).values_list(
            "impressions", flat=True
        )
    )


def writes_while_getting(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(WRITES)]


def test_rendering_an_article_writes_nothing(client, seed_cta):
    article = seed_article()
    assert writes_while_getting(client, article.url) == []  # the choice not yet cached
    assert writes_while_getting(client, article.url) == []
    assert impressions(seed_cta, article) == 0


def test_no_public_page_with_a_call_to_action_writes_while_rendering(client, demo_site):
    for placement in (Placement.HOME, Placement.LIBRARY, Placement.CONDITION):
        make_call_to_action(name=f"On {placement}", placement=placement)
    pages = [HomePage.objects.get(), ResearchLibraryPage.objects.get(), condition("migraines")]
    for page in pages:
        response = client.get(page.url)
        assert beacons(response), page.url
        assert writes_while_getting(client, page.url) == [], page.url
    assert not CallToActionDailyCount.objects.exists()


def test_the_panel_carries_one_beacon_for_its_call_to_action_and_page(client, seed_cta):
    article = seed_article()
    page = client.get(article.url).content.decode()
    assert beacons(client.get(article.url)) == [f"/go/{seed_cta.pk}/seen/?from={article.pk}"]
    panel = page[page.index('<aside class="promo cta-panel"') :]
    panel = panel[: panel.index("</aside>")]
    assert '<img class="cta-panel__beacon"' in panel
    assert 'alt=""' in panel
    # The strict Content-Security-Policy allows no inline style: the stylesheet hides it.
    assert "style=" not in panel
    assert ".cta-panel__beacon {" in STYLESHEET.read_text()


def test_n_beacon_requests_count_n_impressions_with_the_page_from_a_cache(client, seed_cta):
    article = seed_article()
    (beacon,) = beacons(client.get(article.url))
    # A cache serves the same bytes to every visitor; each visitor's browser asks for the beacon.
    for _ in range(7):
        response = client.get(beacon)
        assert response.status_code == 200
    assert impressions(seed_cta, article) == 7


def test_the_beacon_is_a_pixel_never_cached_without_cookie(client, seed_cta):
    article = seed_article()
    response = client.get(f"/go/{seed_cta.pk}/seen/", {"from": article.pk})
    assert response["Content-Type"] == "image/gif"
    assert response.content.startswith(b"GIF89a") and len(response.content) < 100
    assert "no-store" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    assert response.cookies == {}
    assert "cookie" not in response.get("Vary", "").lower()


@pytest.mark.parametrize(
    "headers",
    [
        {
            "HTTP_USER_AGENT": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
        },
        {"HTTP_USER_AGENT": "facebookexternalhit/1.1"},
        {"HTTP_SEC_PURPOSE": "prefetch"},
        {"HTTP_SEC_PURPOSE": "prefetch;prerender"},
        {"HTTP_PURPOSE": "prefetch"},
    ],
)
def test_bots_and_prefetches_get_the_pixel_but_are_not_counted(client, seed_cta, headers):
    article = seed_article()
    response = client.get(f"/go/{seed_cta.pk}/seen/", {"from": article.pk}, **headers)
    assert response.status_code == 200
    assert impressions(seed_cta, article) == 0


def test_head_requests_are_not_counted_and_posts_refused(client, seed_cta):
    article = seed_article()
    assert client.head(f"/go/{seed_cta.pk}/seen/", {"from": article.pk}).status_code == 200
    assert client.post(f"/go/{seed_cta.pk}/seen/", {"from": article.pk}).status_code == 405
    assert impressions(seed_cta, article) == 0


@pytest.mark.parametrize("page_id", ["", "abc", "-1", "99999999", "9" * 40, "١٢"])
def test_a_bad_page_is_not_found_and_not_counted(client, seed_cta, page_id):
    assert client.get(f"/go/{seed_cta.pk}/seen/", {"from": page_id}).status_code == 404
    assert not CallToActionDailyCount.objects.exists()


def test_an_unknown_call_to_action_or_unpublished_page_is_not_counted(client, seed_cta):
    article = seed_article()
    assert client.get("/go/999999/seen/", {"from": article.pk}).status_code == 404
    article.unpublish()
    assert client.get(f"/go/{seed_cta.pk}/seen/", {"from": article.pk}).status_code == 404
    assert not CallToActionDailyCount.objects.exists()


def test_a_call_to_action_unpublished_after_the_page_was_cached_still_counts(client, seed_cta):
    """A cached page may show it a little longer; the visitor did see it."""
    article = seed_article()
    (beacon,) = beacons(client.get(article.url))
    seed_cta.unpublish()
    assert client.get(beacon).status_code == 200
    assert impressions(seed_cta, article) == 1
