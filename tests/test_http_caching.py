"""Cache-Control: public pages a shared cache may keep; forms, counting and editors private."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client, override_settings
from django.urls import reverse

from cms.models.calls_to_action import CallToAction
from research.models import EvidenceGuidePage
from tests.cta_helpers import seed_article
from tests.practitioner_factories import make_practitioner

PUBLIC = "public, max-age=60, s-maxage=600"
PRIVATE = "private, no-store"


def public_urls():
    article = seed_article()
    condition = article.get_parent()
    listing = make_practitioner(enquiry_email="")
    return {
        "home": "/",
        "library": "/research/",
        "library search": "/research/?q=migraine",
        "library page two": "/research/?page=2",
        "condition": condition.url,
        "article": article.url,
        "evidence guide": EvidenceGuidePage.objects.get().url,
        "RIS download": article.url + "cite/ris/",
        "BibTeX download": article.url + "cite/bibtex/",
        "library feed": "/research/feed/",
        "condition feed": condition.url + "feed/",
        "sitemap": "/sitemap.xml",
        "robots.txt": "/robots.txt",
        "directory": "/practitioners/",
        "directory search": "/practitioners/?zip=10001",
        "profile": f"/practitioners/{listing.slug}/",
        "application received": "/practitioners/apply/thanks/",
        "not found": "/research/no-such-condition/",
        "trailing slash redirect": "/research",
    }


def assert_public(response, kind=""):
    assert response["Cache-Control"] == PUBLIC, kind
    assert response.cookies == {}, kind
    assert "cookie" not in response.get("Vary", "").lower(), kind


def assert_private(response):
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives
    assert "public" not in directives


def test_anonymous_public_pages_may_be_kept_by_a_shared_cache(client, demo_site):
    for kind, url in public_urls().items():
        response = client.get(url)
        assert response.status_code in (200, 301, 404), kind
        assert_public(response, kind)
        assert client.head(url)["Cache-Control"] == PUBLIC, kind


def test_a_visitor_carrying_other_cookies_still_gets_the_public_page(demo_site):
    visitor = Client()
    visitor.cookies["csrftoken"] = "x" * 32
    visitor.cookies["_ga"] = "analytics"
    assert_public(visitor.get(seed_article().url))


@override_settings(CACHE_CONTROL_MAX_AGE=5, CACHE_CONTROL_S_MAXAGE=3600)
def test_the_lifetimes_are_settings(client, demo_site):
    assert client.get("/research/")["Cache-Control"] == "public, max-age=5, s-maxage=3600"


def test_the_application_form_is_private(client, demo_site):
    response = client.get("/practitioners/apply/")
    assert response.status_code == 200
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()
    assert response["Cache-Control"] == PRIVATE
    rejected = client.post("/practitioners/apply/", {"name": ""})
    assert rejected["Cache-Control"] == PRIVATE


def test_a_profile_with_the_enquiry_button_is_private(client, demo_site):
    # The button posts a CSRF-protected form, so the page differs per visitor.
    listing = make_practitioner(enquiry_email="someone@example.org")
    response = client.get(f"/practitioners/{listing.slug}/")
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()
    assert response["Cache-Control"] == PRIVATE


def test_site_search_and_call_to_action_clicks_are_private(client, demo_site):
    assert client.get("/search/", {"q": "migraine"})["Cache-Control"] == PRIVATE
    assert client.get("/search/")["Cache-Control"] == PRIVATE
    article = seed_article()
    from_page = {"from": article.pk}
    call_to_action = CallToAction.objects.filter(live=True).first()
    click = client.get(reverse("call_to_action_click", args=[call_to_action.pk]), from_page)
    assert click.status_code == 302
    assert_private(click)


def test_errors_and_other_methods_are_not_kept(client, demo_site):
    assert client.get("/research/", {"page": "x"}).status_code == 404  # still the public 404
    response = client.post("/research/")
    assert response["Cache-Control"] == PRIVATE


@pytest.mark.parametrize("username", ["admin", "writer", "reviewer"])
def test_signed_in_users_always_get_private_pages(demo_site, username):
    editor = Client()
    editor.force_login(get_user_model().objects.get(username=username))
    for kind, url in public_urls().items():
        response = editor.get(url)
        assert response["Cache-Control"] == PRIVATE, kind


def test_signed_in_editors_still_get_the_user_bar_and_visitors_do_not(client, demo_site):
    editor = Client()
    editor.force_login(get_user_model().objects.get(username="admin"))
    assert "wagtail-userbar" in editor.get("/").content.decode()
    assert "wagtail-userbar" not in client.get("/").content.decode()


def test_a_page_preview_is_private(demo_site):
    editor = Client()
    editor.force_login(get_user_model().objects.get(username="admin"))
    article = seed_article()
    preview = editor.get(reverse("wagtailadmin_pages:view_draft", args=[article.pk]))
    assert preview.status_code == 200
    assert_private(preview)
