"""What crawlers get (sitemap, robots.txt) and the site-wide search page."""

import xml.etree.ElementTree as ET

import pytest

from practitioners.models import Practitioner, PractitionerDirectoryPage, VerificationStatus
from research.models import EvidenceGuidePage, ResearchArticlePage
from tests import factories
from tests.practitioner_factories import make_practitioner

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_sitemap_lists_every_public_page_with_its_last_modified_date(client, demo_site):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    urls = {
        url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod")
        for url in ET.fromstring(response.content)  # noqa: S314 - our own sitemap
    }
    seed = ResearchArticlePage.objects.get(
        slug="imaging-brain-vascular-reactions-headache-treatments"
    )
    assert urls[seed.full_url] == seed.last_published_at.date().isoformat()
    assert EvidenceGuidePage.objects.get().full_url in urls
    for article in ResearchArticlePage.objects.live():
        assert urls[article.full_url]
    draft = factories.create_article(factories.condition_page("Tinnitus"), title="Draft")
    draft.unpublish()
    assert draft.full_url not in client.get("/sitemap.xml").content.decode()


def sitemap_entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return {
        url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod")
        for url in ET.fromstring(response.content)  # noqa: S314 - our own sitemap
    }


def test_sitemap_lists_every_public_profile_and_no_hidden_one(client, demo_site):
    directory = PractitionerDirectoryPage.objects.get().full_url
    unverified = make_practitioner(verification_status=VerificationStatus.UNVERIFIED)
    draft = make_practitioner(publish=False)
    withdrawn = make_practitioner()
    withdrawn.unpublish()
    entries = sitemap_entries(client)
    visible = Practitioner.objects.visible()
    assert visible.count() > 80
    for listing in visible:
        assert (
            entries[f"{directory}{listing.slug}/"] == listing.last_published_at.date().isoformat()
        )
    profiles = {url for url in entries if url.startswith(directory) and url != directory}
    assert len(profiles) == visible.count()
    for hidden in (unverified, draft, withdrawn):
        assert f"{directory}{hidden.slug}/" not in entries
    assert f"{directory}apply/" not in entries


def test_sitemap_queries_do_not_grow_with_the_listings(
    client, demo_site, django_assert_num_queries
):
    client.get("/sitemap.xml")  # warm the site-root cache as a running site has it
    with django_assert_num_queries(SITEMAP_QUERIES):
        before = len(sitemap_entries(client))
    for _ in range(5):
        make_practitioner()
    factories.create_article(factories.condition_page("Tinnitus"), title="One more")
    with django_assert_num_queries(SITEMAP_QUERIES):
        assert len(sitemap_entries(client)) == before + 7  # five profiles, a condition, an article


# Wagtail's: the site, the view restrictions, the count, the pages' types, then one query per
# page type (home, library, condition, article, evidence guide, directory); then the directory's
# profiles, one query for them all.
SITEMAP_QUERIES = 11


def test_robots_txt_points_to_the_sitemap(client, demo_site):
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /admin/" in text


def test_site_search_finds_pages_of_every_kind(client, demo_site):
    response = client.get("/search/", {"q": "migraine"})
    html = response.content.decode()
    assert "Imaging the brain and vascular reactions" in html
    assert "Research article" in html
    assert response.context["page_obj"].paginator.count > 1
    assert "How we rate evidence" in client.get("/search/", {"q": "rate evidence"}).content.decode()


def test_site_search_explains_an_over_long_query(client, demo_site):
    html = client.get("/search/", {"q": "acupuncture " * 2000}).content.decode()
    assert "Searches are limited to 200 characters" in html


@pytest.mark.parametrize("query", ['"', "'", "*", "AND", "NOT", "(", '"unterminated', "%00"])
def test_search_syntax_in_a_query_is_just_text(client, demo_site, query):
    assert client.get("/search/", {"q": query}).status_code == 200
    assert client.get("/research/", {"q": query}).status_code == 200


def test_evidence_guide_explains_each_level(client, demo_site):
    text = client.get("/research/how-we-rate-evidence/").content.decode()
    for level in ("Strong", "Moderate", "Emerging", "Limited", "Insufficient"):
        assert f'id="{level.lower()}"' in text
        assert level in text
