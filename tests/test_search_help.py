"""Searches as patients type them: the synonyms and picks editors keep, “Did you mean …?”, the
condition a query names, and a ranking that is quick at thousands of matches and keeps relevance
order. None of it adds a query to a repeated search."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.models import Page

from cms import search_picks, search_ranking
from cms.models import SearchSynonym
from cms.search_suggestions import did_you_mean
from cms.search_synonyms import MAX_VARIANTS, search_query, variants
from cms.visibility import public_only
from research.models import ResearchArticlePage
from tests import factories
from tests.pagetext import visible_text
from tests.test_cta_impressions import writes_while_getting
from tests.test_research_library import LIBRARY, REPEATED_SEARCH_QUERIES

SYNONYMS = "wagtailsnippets_cms_searchsynonym"
# As a repeated search (test_research_library) but with no results: no page of articles and no
# conditions to load for it.
REPEATED_EMPTY_SEARCH_QUERIES = REPEATED_SEARCH_QUERIES - 2


def found(client, url, params):
    response = client.get(url, params)
    assert response.status_code == 200
    return response


def library_titles(client, query):
    return [a.title for a in found(client, LIBRARY, {"q": query}).context["articles"]]


def test_a_misspelt_library_search_offers_the_word_the_library_uses(client, demo_site):
    response = found(client, LIBRARY, {"q": "migrane", "sort": "newest", "page": "1"})
    text = visible_text(response.content.decode())
    assert "0 articles matching “migrane”" in text
    html = response.content.decode()
    assert 'Did you mean <a href="?q=migraine&amp;sort=newest">migraine</a>?' in html
    assert len(library_titles(client, "migraine")) > 0


def test_a_misspelt_site_search_offers_a_correction_as_a_link(client, demo_site):
    html = found(client, "/search/", {"q": "Migrane"}).content.decode()
    assert "Did you mean" in html and 'href="?q=migraine"' in html
    assert found(client, "/search/", {"q": "migraine"}).context["page_obj"].paginator.count > 1


def test_a_search_with_many_results_offers_no_correction(client, demo_site):
    assert "Did you mean" not in found(client, LIBRARY, {"q": "acupuncture"}).content.decode()


def test_a_word_spelt_as_the_library_spells_it_is_left_alone(client, demo_site):
    html = found(client, LIBRARY, {"q": "electroacupuncture zzzzqqq"}).content.decode()
    assert "Did you mean" not in html


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("electro acupuncture", "electroacupuncture"), ("knee arthritis", "knee osteoarthritis")],
)
def test_the_starting_synonyms_find_what_the_library_calls_it(client, demo_site, typed, meant):
    expected = library_titles(client, meant)
    assert expected
    assert sorted(library_titles(client, typed)) == sorted(expected)
    site_count = found(client, "/search/", {"q": typed}).context["page_obj"].paginator.count
    assert site_count >= len(expected)


def test_electroacupuncture_finds_its_three_studies_either_way(client, demo_site):
    assert len(library_titles(client, "electroacupuncture")) == 3
    assert len(library_titles(client, "electro acupuncture")) == 3


def test_tcm_and_traditional_chinese_medicine_find_each_other(client, demo_site):
    condition = factories.condition_page("Tinnitus")
    spelt_out = factories.create_article(
        condition, title="Traditional Chinese medicine for tinnitus"
    )
    short = factories.create_article(condition, title="TCM herbs and tinnitus")
    for query in ("TCM", "traditional Chinese medicine"):
        titles = library_titles(client, query)
        assert spelt_out.title in titles and short.title in titles
        site = visible_text(found(client, "/search/", {"q": query}).content.decode())
        assert spelt_out.title in site and short.title in site


@pytest.fixture
def writer(client, demo_site):
    client.force_login(get_user_model().objects.get(username="writer"))
    return client


def test_a_writer_adds_a_synonym_and_searches_use_it_at_once(writer):
    condition = factories.condition_page("Tinnitus")
    factories.create_article(condition, title="Moxibustion for tinnitus")
    assert library_titles(writer, "moxa") == []  # now cached
    response = writer.post(
        reverse(f"{SYNONYMS}:add"), {"phrases": "Moxa\nmoxibustion"}, follow=True
    )
    assert response.status_code == 200
    assert str(SearchSynonym.objects.get(phrases__startswith="Moxa")) == "moxa = moxibustion"
    assert library_titles(writer, "moxa") == ["Moxibustion for tinnitus"]
    listing = writer.get(reverse(f"{SYNONYMS}:list")).content.decode()
    assert "knee arthritis = knee osteoarthritis" in listing


def test_a_synonym_needs_two_different_phrases(writer):
    response = writer.post(reverse(f"{SYNONYMS}:add"), {"phrases": "moxa\nMOXA!"})
    assert "Give at least two different phrases, one per line." in response.content.decode()
    assert not SearchSynonym.objects.filter(phrases__startswith="moxa").exists()


@pytest.mark.parametrize("username", ["marketing", "reviewer", "directory"])
def test_only_writers_and_administrators_keep_the_synonyms(client, demo_site, username):
    client.force_login(get_user_model().objects.get(username=username))
    response = client.get(reverse(f"{SYNONYMS}:add"))
    assert response.status_code in (302, 403)


@pytest.mark.parametrize(
    ("url", "query", "condition", "address"),
    [
        (LIBRARY, "knee arthritis", "Knee osteoarthritis", "/research/knee-osteoarthritis/"),
        (LIBRARY, "acupuncture for migraine", "Migraines", "/research/migraines/"),
        ("/search/", "migraines", "Migraines", "/research/migraines/"),
        (
            "/search/",
            "knee osteoarthritis",
            "Knee osteoarthritis",
            "/research/knee-osteoarthritis/",
        ),
    ],
)
def test_a_query_naming_a_condition_offers_its_page_first(
    client, demo_site, url, query, condition, address
):
    html = found(client, url, {"q": query}).content.decode()
    offer = f'Go to <a href="{address}">{condition}</a>'
    assert offer in html
    assert html.index(offer) < html.index("result-count")


def test_a_query_naming_no_condition_offers_none(client, demo_site):
    assert "Go to" not in found(client, LIBRARY, {"q": "needles"}).content.decode()


def test_a_title_match_outranks_a_body_only_match(client, demo_site):
    condition = factories.condition_page("Tinnitus")
    titled = factories.create_article(condition, title="Moxibustion for ringing ears")
    body_only = factories.create_article(
        condition,
        title="Heat therapy for ringing ears",
        body=[
            ("finding", {"summary": "Moxibustion eased the ringing a little."}),
            ("explainer", {"heading": "What it means", "body": "<p>It may help.</p>"}),
            ("practitioner_notes", {"body": "<p>Small.</p>"}),
            ("limitations", {"body": "<p>Small.</p>"}),
        ],
    )
    # The body-only match is newer: only relevance puts the title match first.
    titled.refresh_from_db()
    body_only.refresh_from_db()
    assert body_only.first_published_at > titled.first_published_at
    assert library_titles(client, "moxibustion") == [titled.title, body_only.title]
    site = found(client, "/search/", {"q": "moxibustion"}).context["page_obj"]
    assert [page.title for page in site] == [titled.title, body_only.title]


# "the": a stop word on PostgreSQL, where it matches nothing, as in Wagtail's own query.
@pytest.mark.parametrize(
    "query", ["acupuncture", "pain", "sleep quality", "knee arthritis", "the", "pain in the knee"]
)
def test_the_quick_ranking_keeps_wagtails_order(demo_site, query):
    articles = ResearchArticlePage.objects.live()
    searched = articles.search(search_query(query))
    ranking = search_ranking.ranked_pks_query(searched, public_only(articles))
    assert ranking is not None
    quick = search_ranking.run(*ranking, articles.db)
    wagtails = list(public_only(searched.get_queryset()).values_list("pk", flat=True))
    assert sorted(quick) == sorted(wagtails)
    # On PostgreSQL only the first RANKED_IN_FULL are ranked in full, and OR-ed synonyms are
    # ranked as one query where Wagtail averages their ranks.
    if connection.vendor == "sqlite" or (
        len(quick) <= search_ranking.RANKED_IN_FULL and query != "knee arthritis"
    ):
        assert quick == wagtails


def test_an_unordered_search_is_left_to_wagtail(demo_site):
    articles = ResearchArticlePage.objects.live()
    searched = articles.search("acupuncture", order_by_relevance=False)
    assert search_ranking.ranked_pks_query(searched, articles) is None


def test_repeated_searches_with_help_add_no_queries(client, demo_site, django_assert_num_queries):
    client.get(LIBRARY)  # warm the site-root cache, as any running server has
    for query, queries in [
        ("migrane", REPEATED_EMPTY_SEARCH_QUERIES),  # with “Did you mean …?”
        ("knee arthritis", REPEATED_SEARCH_QUERIES),  # a synonym and a condition named
    ]:
        client.get(LIBRARY, {"q": query})
        with django_assert_num_queries(queries):
            client.get(LIBRARY, {"q": query})


def test_editors_picks_lead_the_library_and_site_search(client, demo_site):
    guide = Page.objects.get(slug="how-we-rate-evidence")
    Query.get("Needles").editors_picks.create(page=guide, description="How to read the labels.")
    for url in (LIBRARY, "/search/"):
        html = found(client, url, {"q": "needles!"}).content.decode()
        pick = f'<a href="{guide.url}">{guide.title}</a><p>How to read the labels.</p>'
        assert pick in html
        assert html.index(pick) < html.index("result-count")
    assert "Recommended" not in found(client, "/search/", {"q": "sleep"}).content.decode()


def test_searches_feed_the_search_terms_report(admin_client, demo_site):
    for query in ("Migraine", "migraine", "insomnia"):
        admin_client.get(LIBRARY, {"q": query})
    admin_client.get("/search/", {"q": "migraine", "page": "2"})  # a later page is no new search
    assert not QueryDailyHits.objects.exists()  # counted in the cache until they are due
    search_picks.write_pending_hits()
    assert Query.get("migraine").hits == 2 and Query.get("insomnia").hits == 1
    report = admin_client.get(reverse("wagtailsearchpromotions:search_terms")).content.decode()
    assert "migraine" in report and "insomnia" in report


def test_a_flood_of_distinct_searches_keeps_the_pending_count_bounded(
    client, demo_site, monkeypatch
):
    monkeypatch.setattr(search_picks, "MAX_PENDING_QUERIES", 3)
    for query in ("migraine", "insomnia", "anxiety", "bot word one", "bot word two", "migraine"):
        client.get(LIBRARY, {"q": query})
    search_picks.write_pending_hits()
    assert Query.get("migraine").hits == 2
    assert not QueryDailyHits.objects.filter(query__query_string__startswith="bot").exists()


def test_library_searches_only_count_and_the_site_search_or_cron_writes(client, demo_site):
    client.get(LIBRARY, {"q": "insomnia"})
    cache.set(search_picks.HITS_DUE_KEY, 0, None)  # the counts are due
    assert writes_while_getting(client, LIBRARY + "?q=insomnia") == []
    assert not QueryDailyHits.objects.exists()

    client.get("/search/", {"q": "anxiety"})
    assert Query.get("insomnia").hits == 2 and Query.get("anxiety").hits == 1

    client.get(LIBRARY, {"q": "insomnia"})
    out = io.StringIO()
    call_command("write_search_hits", stdout=out)
    assert out.getvalue().strip() == "wrote 1 search"
    assert Query.get("insomnia").hits == 3


def test_a_query_naming_many_synonyms_stays_a_few_variants(client, demo_site):
    SearchSynonym.objects.bulk_create(SearchSynonym(phrases=f"w{n}\nt{n}") for n in range(40))
    query = " ".join(f"w{n}" for n in range(40))  # within the 200 characters a search takes
    assert len(variants(query)) == MAX_VARIANTS
    response = client.get(LIBRARY, {"q": query})
    assert response.status_code == 200
    assert not response.context["form"].errors


def test_a_query_of_many_unknown_words_gets_no_suggestion(client, demo_site):
    assert did_you_mean("migrane") == "migraine"
    assert did_you_mean("migrane insomia") == "migraine insomnia"
    assert did_you_mean("migrane qwertyu asdfghj zxcvbnm") is None
