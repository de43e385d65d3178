"""What crawlers get (sitemap, robots.txt) and the site-wide search page."""

import xml.etree.ElementTree as ET

import pytest

from research.models import EvidenceGuidePage, ResearchArticlePage
from tests import factories

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
