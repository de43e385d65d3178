"""Pages under a view restriction (password, sign-in) never show in what every visitor sees."""

import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import PageViewRestriction

from home.models import FeaturedArticle, HomePageContent
from research.models import ConditionIndexPage, RelatedArticlePin
from tests import factories
from tests.pagetext import visible_text
from tests.practitioner_factories import make_practitioner
from tests.test_home_page import HOME_PAGE_QUERIES
from tests.test_research_article import ARTICLE_PAGE_QUERIES
from tests.test_research_library import (
    CONDITION_QUERIES,
    LIBRARY_QUERIES,
    REPEATED_SEARCH_QUERIES,
)

SECRET = "Sealed trial of auricular acupuncture"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def restrict(page, kind=PageViewRestriction.PASSWORD):
    if kind == PageViewRestriction.PASSWORD:
        return PageViewRestriction.objects.create(page=page, restriction_type=kind, password="x")
    return PageViewRestriction.objects.create(page=page, restriction_type=kind)


def text_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return visible_text(response.content.decode())


def rss_items(client, url):
    response = client.get(url)
    assert response.status_code == 200
    channel = ET.fromstring(response.content).find("channel")  # noqa: S314 - our own feed
    return [
        (item.findtext("title"), item.findtext("description")) for item in channel.findall("item")
    ]


@pytest.fixture
def tinnitus(demo_site):
    """A condition with two public articles sharing tags, and a third restricted one."""
    condition = factories.condition_page("Tinnitus")
    public = [
        factories.create_article(condition, title=f"Open study {n}", tags=["tinnitus", "ear"])
        for n in range(2)
    ]
    secret = factories.create_article(
        condition,
        title=SECRET,
        tags=["tinnitus", "ear", "sealed-topic"],
        body=[("finding", {"summary": "Embargoed result."})],
    )
    return condition, public, secret


@pytest.mark.parametrize(
    "kind", [PageViewRestriction.PASSWORD, PageViewRestriction.LOGIN], ids=["password", "login"]
)
def test_a_restricted_article_is_left_out_of_every_listing(client, tinnitus, kind):
    condition, public, secret = tinnitus
    # Seen before the restriction (and cached): listings, counts, topics, searches.
    assert SECRET in text_of(client, "/research/?q=auricular")
    assert "sealed-topic" in text_of(client, "/research/")
    restrict(secret, kind)

    # The article itself is behind its restriction...
    assert client.get(secret.url).status_code in (200, 302)
    assert "Embargoed result." not in client.get(secret.url).content.decode()
    # ...and nowhere else: the condition page, the library, its search and topics.
    assert SECRET not in text_of(client, condition.url)
    assert "2 articles" in text_of(client, condition.url)
    library = text_of(client, "/research/")
    assert SECRET not in library
    assert "Tinnitus 2 articles" in library
    assert "sealed-topic" not in library
    assert SECRET not in text_of(client, "/research/?q=auricular")
    assert SECRET not in text_of(client, "/research/?condition=tinnitus&tag=tinnitus")
    # The feeds, with their findings.
    for feed in ("/research/feed/", condition.url + "feed/"):
        items = rss_items(client, feed)
        assert SECRET not in [title for title, _ in items]
        assert "Embargoed result." not in [description for _, description in items]
    # A neighbour's related research.
    neighbour = text_of(client, public[0].url)
    assert "Open study 1" in neighbour
    assert SECRET not in neighbour
    # The home page: newest research and the condition's count.
    home = text_of(client, "/")
    assert SECRET not in home
    assert "Tinnitus 2 articles" in home
    # The sitemap.
    assert secret.full_url not in client.get("/sitemap.xml").content.decode()


def test_a_pinned_restricted_article_is_not_shown_as_related(client, tinnitus):
    condition, public, secret = tinnitus
    elsewhere = factories.create_article(factories.condition_page("Insomnia trials"))
    RelatedArticlePin.objects.create(page=elsewhere, article=secret, sort_order=0)
    assert SECRET in text_of(client, elsewhere.url)
    restrict(secret)
    assert SECRET not in text_of(client, elsewhere.url)


def test_a_restricted_condition_leaves_the_listings_with_its_articles(client, tinnitus):
    condition, public, secret = tinnitus
    restrict(condition)
    library = text_of(client, "/research/")
    assert "Tinnitus" not in library
    assert "Open study" not in library
    assert "Open study" not in text_of(client, "/")
    assert "Open study" not in text_of(client, "/research/?q=study")
    assert "Open study" not in [t for t, _ in rss_items(client, "/research/feed/")]
    sitemap = client.get("/sitemap.xml").content.decode()
    assert condition.full_url not in sitemap
    assert public[0].full_url not in sitemap


def test_whoever_may_see_a_restricted_condition_sees_its_articles(client, tinnitus):
    """The visitor past the condition's sign-in sees what lies under it, and no further."""
    condition, public, secret = tinnitus
    restrict(condition, PageViewRestriction.LOGIN)
    restrict(secret)
    client.force_login(get_user_model().objects.create_user("reader", password="x"))
    page = text_of(client, condition.url)
    assert "Open study 0" in page and "Open study 1" in page
    assert SECRET not in page
    related = text_of(client, public[0].url)
    assert "Open study 1" in related
    assert SECRET not in related


def test_a_restricted_featured_article_drops_out_of_the_home_page(client, tinnitus):
    condition, public, secret = tinnitus
    content = HomePageContent.for_site(factories.home_page().get_site())
    content.featured_articles.all().delete()
    FeaturedArticle.objects.create(content=content, article=secret, sort_order=0)
    FeaturedArticle.objects.create(content=content, article=public[0], sort_order=1)
    home = text_of(client, "/")
    assert home.index(SECRET) < home.index("Open study 0") < home.index("Newest research")
    restrict(secret)
    home = text_of(client, "/")
    assert SECRET not in home
    assert home.index("Featured research") < home.index("Open study 0")


def test_lifting_the_restriction_brings_the_article_back(client, tinnitus):
    condition, public, secret = tinnitus
    restriction = restrict(secret)
    assert SECRET not in text_of(client, "/research/?q=auricular")
    restriction.delete()
    assert SECRET in text_of(client, "/research/?q=auricular")
    assert "Tinnitus 3 articles" in text_of(client, "/research/")


def test_leaving_restricted_pages_out_costs_no_query(client, tinnitus, django_assert_num_queries):
    """The restriction test rides in each listing's own query, restrictions or none."""
    condition, public, secret = tinnitus
    restrict(secret)
    restrict(factories.condition_page("Sealed condition"))
    for url, queries in [
        ("/", HOME_PAGE_QUERIES),
        ("/research/", LIBRARY_QUERIES),
        ("/research/?q=acupuncture", REPEATED_SEARCH_QUERIES),
        (condition.url, CONDITION_QUERIES),
        (public[0].url, ARTICLE_PAGE_QUERIES),
    ]:
        client.get(url)  # warm the caches, as a running site has them
        with django_assert_num_queries(queries):
            assert client.get(url).status_code == 200


def test_the_directory_offers_and_shows_no_restricted_condition(client, tinnitus):
    condition, public, secret = tinnitus
    listing = make_practitioner(
        conditions=[condition, ConditionIndexPage.objects.get(slug="insomnia")]
    )
    restrict(condition)
    for url in (
        "/practitioners/",
        "/practitioners/?zip=10001",
        f"/practitioners/{listing.slug}/",
        "/practitioners/apply/",
    ):
        page = text_of(client, url)
        assert "Insomnia" in page, url
        assert "Tinnitus" not in page, url
