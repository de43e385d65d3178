"""The search backend by setting: the library and site search work with an external index."""

import importlib.util

import pytest
from django.test import override_settings
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from cms.settings.base import search_backends
from research.forms import LibraryFilterForm
from research.models import ConditionIndexPage, ResearchArticlePage
from tests.cta_helpers import seed_article
from tests.pagetext import visible_text

PLAIN_BACKEND = {"default": {"BACKEND": "tests.plain_search_backend"}}


def test_the_database_backend_is_the_default():
    assert search_backends({}) == {"default": {"BACKEND": "wagtail.search.backends.database"}}


def test_opensearch_and_elasticsearch_by_address():
    backend = search_backends({"OPENSEARCH_URL": "https://search-1:9200, https://search-2:9200"})
    assert backend["default"]["BACKEND"] == "wagtail.search.backends.opensearch3"
    assert backend["default"]["URLS"] == ["https://search-1:9200", "https://search-2:9200"]
    assert backend["default"]["INDEX_PREFIX"] == "research-library-"
    elastic = search_backends({"ELASTICSEARCH_URL": "http://127.0.0.1:9200"})
    assert elastic["default"]["BACKEND"] == "wagtail.search.backends.elasticsearch9"


@pytest.fixture
def plain_backend(demo_site):
    with override_settings(WAGTAILSEARCH_BACKENDS=PLAIN_BACKEND):
        yield


def text(client, url, **query):
    response = client.get(url, query)
    assert response.status_code == 200, (url, query)
    return visible_text(response.content.decode())


def test_the_library_searches_with_a_backend_returning_plain_results(client, plain_backend):
    article = seed_article()
    word = article.title.split()[0]
    page = text(client, "/research/", q=word)
    assert article.title in page
    other = ResearchArticlePage.objects.live().exclude(title__icontains=word).first()
    assert other.title not in page


@pytest.mark.parametrize(
    "filters",
    [
        {"sort": "newest"},
        {"sort": "newest_study"},
        {"condition": "migraines"},
        {"design": "systematic_review"},
        {"strength": "moderate"},
        {"tag": "fmri"},
        {"year_from": "2000", "year_to": "2024"},
        {"page": "1"},
    ],
)
def test_every_library_filter_works_with_it(client, plain_backend, filters):
    text(client, "/research/", q="acupuncture", **filters)


def test_a_search_with_no_match_says_so(client, plain_backend):
    assert "acupuncture" in text(client, "/research/", q="zzzznothing").lower()


def test_condition_pages_and_site_search_work_with_it(client, plain_backend):
    article = seed_article()
    assert article.title in text(client, article.get_parent().url)
    assert article.title in text(client, "/search/", q=article.title.split()[0])


@pytest.mark.skipif(
    importlib.util.find_spec("opensearchpy") is None,
    reason="the OpenSearch client is optional: pip install -r requirements-opensearch.txt",
)
def test_the_opensearch_backend_accepts_every_library_filter(demo_site):
    """Compiles (without a cluster) the query the library sends with all filters at once."""
    backend = get_search_backend(
        "default", **search_backends({"OPENSEARCH_URL": "http://127.0.0.1:9"})["default"]
    )
    conditions = ConditionIndexPage.with_article_counts()
    form = LibraryFilterForm(
        {
            "condition": "migraines",
            "design": "systematic_review",
            "strength": "moderate",
            "tag": "fmri",
            "year_from": "2000",
            "year_to": "2024",
        },
        conditions=conditions,
    )
    assert form.is_valid(), form.errors
    articles = form.results(ResearchArticlePage.objects.live())
    for by_relevance in (True, False):
        results = backend.search("acupuncture", articles, order_by_relevance=by_relevance)
        assert results.query_compiler.get_query()
    site_wide = backend.search("acupuncture", Page.objects.live().public().specific())
    assert site_wide.query_compiler.get_query()
