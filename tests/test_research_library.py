"""The research library and condition pages: listing, search, filters, paging, feeds, bad input."""

import xml.etree.ElementTree as ET

import pytest

from research.caching import LIBRARY as LIBRARY_CACHE
from research.models import ResearchArticlePage, ResearchLibraryPage
from tests import factories
from tests.pagetext import assert_in_order, visible_text

LIBRARY = "/research/"
# Site; home, library (child, then specific); two view-restriction checks; the result count, one
# page of results, their conditions. The conditions with their article counts and the topics for
# the filter come from the cache (research.caching)...
LIBRARY_QUERIES = 9
# ...which the first view after a publish fills: one grouped count of the articles (shared by
# the conditions and the evidence map), the conditions, the topics, and the library and evidence
# guide for the map's links.
LIBRARY_QUERIES_AFTER_A_PUBLISH = LIBRARY_QUERIES + 4
# A library's first search also reads the editors' synonyms and search picks, each cached until
# an editor changes one (cms.search_synonyms, cms.search_picks).
FIRST_SEARCH_QUERIES = LIBRARY_QUERIES + 2
# A search repeated (or paged) within the same generation of the library: the ranked matches
# come from the cache, so one query loads the page of results instead of a count and a page.
REPEATED_SEARCH_QUERIES = LIBRARY_QUERIES - 1
# As the library to reach it, plus the condition in one query; its parent (for the breadcrumb),
# the article count and one page of articles.
CONDITION_QUERIES = 10


def text_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return visible_text(response.content.decode())


def titles_on(response):
    return [article.title for article in response.context["articles"]]


def test_library_lists_conditions_with_counts_then_newest_articles(client, demo_site):
    text = text_of(client, LIBRARY)
    assert "Migraines" in text
    migraine_count = (
        ResearchArticlePage.objects.live().filter(url_path__contains="/migraines/").count()
    )
    assert f"Migraines {migraine_count} articles" in text
    response = client.get(LIBRARY)
    articles = list(response.context["articles"])
    assert len(articles) == 12
    newest = ResearchArticlePage.objects.live().order_by("-first_published_at")[:12]
    assert titles_on(response) == [article.title for article in newest]
    total = ResearchArticlePage.objects.live().count()
    assert f"{total} articles, page 1 of {-(-total // 12)}" in text


def test_library_pages_through_results(client, demo_site):
    first = titles_on(client.get(LIBRARY))
    second = titles_on(client.get(LIBRARY + "?page=2"))
    assert len(second) == 12 and not set(first) & set(second)
    html = client.get(LIBRARY + "?page=2&sort=newest").content.decode()
    assert 'rel="prev" href="?page=1&amp;sort=newest"' in html
    assert 'rel="next" href="?page=3&amp;sort=newest"' in html


def test_search_finds_words_in_each_searchable_part(client, demo_site):
    for query in [
        "vascular reactions",  # title
        "pain-processing activity",  # finding
        "blood-brain barrier",  # explainer and notes
        "Christensen",  # an author
        "Journal of Headache",  # journal
        "neuromodulation",  # tag
    ]:
        response = client.get(LIBRARY, {"q": query})
        assert "Imaging the brain and vascular reactions" in " ".join(titles_on(response)), query
        assert "matching “" + query + "”" in visible_text(response.content.decode())


def test_each_filter_narrows_the_results(client, demo_site):
    live = ResearchArticlePage.objects.live()
    cases = [
        ({"condition": "migraines"}, live.filter(url_path__contains="/migraines/")),
        ({"design": "rct"}, live.filter(study_design="rct")),
        ({"strength": "moderate"}, live.filter(evidence_strength="moderate")),
        ({"tag": "fmri"}, live.filter(tags__slug="fmri")),
        ({"year_from": 2023, "year_to": 2024}, live.filter(publication_year__range=(2023, 2024))),
    ]
    for params, expected in cases:
        response = client.get(LIBRARY, params)
        assert response.context["page_obj"].paginator.count == expected.count() > 0, params
        assert set(titles_on(response)) <= set(expected.values_list("title", flat=True))


def test_filters_combine_with_search(client, demo_site):
    response = client.get(LIBRARY, {"q": "brain", "condition": "migraines", "tag": "fmri"})
    found = response.context["articles"]
    assert (
        "Imaging the brain and vascular reactions to headache treatments: a systematic review"
        in [article.title for article in found]
    )
    expected = ResearchArticlePage.objects.live().filter(
        url_path__contains="/migraines/", tags__slug="fmri"
    )
    assert {article.pk for article in found} <= set(expected.values_list("pk", flat=True))
    assert len(found) < ResearchArticlePage.objects.live().count()


def test_sort_by_newest_study(client, demo_site):
    response = client.get(LIBRARY, {"sort": "study"})
    years = [(a.publication_year, a.publication_month or 0) for a in response.context["articles"]]
    assert years == sorted(years, reverse=True)


def test_active_filters_show_and_each_can_be_cleared(client, demo_site):
    response = client.get(LIBRARY, {"condition": "migraines", "design": "systematic_review"})
    text = visible_text(response.content.decode())
    assert "Condition: Migraines" in text
    assert "Study design: Systematic review" in text
    clear_links = {label: url for label, _, url in response.context["active_filters"]}
    assert clear_links["Condition"] == "?design=systematic_review"
    assert clear_links["Study design"] == "?condition=migraines"
    assert "Clear all" in text


def test_empty_result_says_so_and_offers_a_way_out(client, demo_site):
    text = text_of(client, LIBRARY + "?q=zzqxj+nothingmatches")
    assert "0 articles" in text
    assert "No articles match “zzqxj nothingmatches”" in text
    assert "see all the research" in text


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?q=" + "a" * 10_000, "Searches are limited to 200 characters"),
        ("?condition=no-such-condition", "We have no research on that condition"),
        ("?design=astrology", "That is not a study design we list"),
        ("?strength=overwhelming", "That is not a level of evidence we use"),
        ("?tag=not-a-tag", "No article has that topic"),
        ("?year_from=abc", "Enter a year as four digits"),
        ("?year_from=1200", "Choose a year between 1900"),
        ("?year_from=2024&year_to=2020", "The “to” year is before the “from” year"),
        ("?q=%00migraine", "Null characters are not allowed"),
        ("?sort=price", "We cannot sort that way"),
    ],
)
def test_bad_input_gets_a_clear_message_not_an_error(client, demo_site, query, message):
    response = client.get(LIBRARY + query)
    assert response.status_code == 200
    assert message in visible_text(response.content.decode())


@pytest.mark.parametrize(
    "query",
    [
        "?q=%F0%9F%8C%BF+%E2%80%AE%CC%81%CC%81+%22%27%3C%3E+AND+OR+NOT+*+(+)",
        "?q=%E9%8D%BC%E7%81%B8&design=rct&design=cohort&design=",
        "?q=*&q=)&q=%22",
        "?condition=migraines&condition=%00",
        "?year_to=99999999999999999999999",
        "?q=-&sort=relevance",
        "?%00=%00",
    ],
)
def test_odd_queries_never_fail(client, demo_site, query):
    for url in (LIBRARY, "/research/migraines/", "/search/"):
        assert client.get(url + query).status_code == 200, url + query


@pytest.mark.parametrize(
    "page_number", ["abc", "999999", "-1", "0", "1.5", "%00", "9" * 40, "²", "%C2%B2", "9" * 5_000]
)
def test_pages_that_do_not_exist_are_not_found(client, demo_site, page_number):
    for url in (LIBRARY, "/research/migraines/", "/search/?q=acupuncture&"):
        separator = "&" if "?" in url else "?"
        assert client.get(f"{url}{separator}page={page_number}").status_code == 404


def test_typed_text_is_escaped(client, demo_site):
    html = client.get(LIBRARY, {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_condition_page_has_intro_articles_and_paging(client, demo_site):
    condition = factories.condition_page("Tinnitus")
    condition.intro = "<p>Ringing in the ears.</p>"
    condition.save_revision().publish()
    for number in range(14):
        factories.create_article(condition, title=f"Tinnitus study {number:02d}")
    text = text_of(client, condition.url)
    assert_in_order(text, ["← Research Library", "Tinnitus", "Ringing in the ears.", "14 articles"])
    assert "Tinnitus study 13" in text and "Tinnitus study 01" not in text
    assert "Tinnitus study 01" in text_of(client, condition.url + "?page=2")


def test_condition_without_articles_says_so(client, demo_site):
    condition = factories.condition_page("Tinnitus")
    assert "No research on Tinnitus has been published yet." in text_of(client, condition.url)


def rss_titles(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")  # noqa: S314 - our own feed
    return [item.findtext("title") for item in channel.findall("item")]


def test_rss_feeds_list_newest_articles(client, demo_site):
    newest = ResearchArticlePage.objects.live().order_by("-first_published_at")
    assert rss_titles(client, "/research/feed/")[:3] == [a.title for a in newest[:3]]
    migraine_titles = rss_titles(client, "/research/migraines/feed/")
    assert migraine_titles[0] == newest.filter(url_path__contains="/migraines/")[0].title
    assert all(
        ResearchArticlePage.objects.get(title=title).get_parent().slug == "migraines"
        for title in migraine_titles
    )
    html = client.get("/research/migraines/").content.decode()
    assert 'type="application/rss+xml"' in html and "/research/migraines/feed/" in html


def test_unpublished_articles_are_never_listed(client, demo_site):
    condition = factories.condition_page("Tinnitus")
    draft = factories.create_article(condition, title="Withdrawn study")
    draft.unpublish()
    for url in (LIBRARY, condition.url, "/research/feed/", LIBRARY + "?q=Withdrawn"):
        assert "Withdrawn study" not in client.get(url).content.decode()


def test_listing_queries_do_not_grow_with_articles(client, demo_site, django_assert_num_queries):
    condition = factories.condition_page("Tinnitus")
    for number in range(50):
        factories.create_article(
            condition,
            authors=[f"Author {n}" for n in range(5)],
            tags=[f"topic {number % 7}", "tinnitus"],
        )
    for url, queries in [
        (LIBRARY, LIBRARY_QUERIES),
        (
            LIBRARY + "?q=acupuncture&condition=tinnitus&design=rct&tag=tinnitus",
            REPEATED_SEARCH_QUERIES,
        ),
        (LIBRARY + "?page=4", LIBRARY_QUERIES),
        (condition.url, CONDITION_QUERIES),
        (condition.url + "?page=5", CONDITION_QUERIES),
    ]:
        client.get(url)
        with django_assert_num_queries(queries):
            response = client.get(url)
        assert response.status_code == 200
        assert len(response.context["articles"]) == 12 or "page=5" in url
    LIBRARY_CACHE.start_new()
    with django_assert_num_queries(LIBRARY_QUERIES_AFTER_A_PUBLISH):
        client.get(LIBRARY)


def test_a_new_search_ranks_its_matches_in_one_query(client, demo_site, django_assert_num_queries):
    condition = factories.condition_page("Tinnitus")
    for _ in range(30):
        factories.create_article(condition, tags=["tinnitus"])
    client.get(LIBRARY)  # warm the site-root cache, as any running server has
    with django_assert_num_queries(FIRST_SEARCH_QUERIES):
        first = client.get(LIBRARY + "?q=acupuncture&tag=tinnitus")
    with django_assert_num_queries(REPEATED_SEARCH_QUERIES):
        second_page = client.get(LIBRARY + "?q=acupuncture&tag=tinnitus&page=2")
    assert first.context["page_obj"].paginator.count == 30
    shown = [a.pk for a in first.context["articles"] + second_page.context["articles"]]
    assert len(shown) == len(set(shown)) == 24


def test_a_published_article_is_found_by_a_search_made_before(client, demo_site):
    url = LIBRARY + "?q=moxibustion"
    assert "No articles match “moxibustion”" in text_of(client, url)
    article = factories.create_article(
        factories.condition_page("Tinnitus"), title="Moxibustion for tinnitus"
    )
    assert "Moxibustion for tinnitus" in text_of(client, url)
    article.unpublish()
    assert "Moxibustion for tinnitus" not in text_of(client, url)


def test_a_deleted_article_leaves_searches_made_before(client, demo_site):
    article = factories.create_article(
        factories.condition_page("Tinnitus"), title="Moxibustion for tinnitus"
    )
    url = LIBRARY + "?q=moxibustion"
    assert "Moxibustion for tinnitus" in text_of(client, url)
    article.delete()
    text = text_of(client, url)
    assert "Moxibustion for tinnitus" not in text
    assert "0 articles matching “moxibustion”" in text


def test_condition_counts_and_topics_follow_each_publish(client, demo_site):
    condition = factories.condition_page("Tinnitus")
    assert "Tinnitus 0 articles" in text_of(client, LIBRARY)  # now cached
    article = factories.create_article(condition, tags=["moxibustion"])
    html = client.get(LIBRARY).content.decode()
    assert "Tinnitus 1 article" in visible_text(html)
    assert '<option value="moxibustion">moxibustion</option>' in html
    condition.title = "Ringing in the ears"
    condition.save_revision().publish()
    assert "Ringing in the ears 1 article" in text_of(client, LIBRARY)
    article.unpublish()
    html = client.get(LIBRARY).content.decode()
    assert "Ringing in the ears 0 articles" in visible_text(html)
    assert 'value="moxibustion"' not in html


def test_a_new_library_address_reaches_the_cached_condition_links(client, demo_site):
    assert 'href="/research/migraines/"' in client.get(LIBRARY).content.decode()
    library = ResearchLibraryPage.objects.get()
    library.slug = "studies"
    library.save_revision().publish()
    html = client.get("/studies/").content.decode()
    assert 'href="/studies/migraines/"' in html
    assert 'href="/research/migraines/"' not in html
