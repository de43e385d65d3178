"""The evidence map on the library, condition and home pages: what it counts and where it links."""

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from wagtail.models import PageViewRestriction

from research.caching import LIBRARY as LIBRARY_CACHE
from research.evidence import EvidenceStrength
from research.models import ConditionIndexPage, ResearchArticlePage, StudyDesign
from tests import factories
from tests.test_home_page import HOME_PAGE_QUERIES
from tests.test_research_library import (
    CONDITION_QUERIES,
    LIBRARY_QUERIES,
    LIBRARY_QUERIES_AFTER_A_PUBLISH,
)

LIBRARY = "/research/"
CELL_LINK = re.compile(r'<a href="([^"]+)" aria-label="([^"]+)">')

pytestmark = pytest.mark.django_db


def map_links(html):
    """{(condition, level): (address, count)} from the drawing's linked cells."""
    links = {}
    for address, label in CELL_LINK.findall(html):
        label = unescape(label)
        match = re.fullmatch(r"(.+), (\w+) evidence: (\d+) articles?", label)
        assert match, label
        condition, level, count = match.groups()
        links[(condition, level)] = (unescape(address), int(count))
    return links


def filtered_count(client, address):
    response = client.get(address)
    assert response.status_code == 200
    return response.context["page_obj"].paginator.count


def test_every_cell_counts_what_its_filtered_list_shows(client, demo_site):
    links = map_links(client.get(LIBRARY).content.decode())
    conditions = ConditionIndexPage.objects.live().count()
    assert len({condition for condition, _level in links}) == conditions
    for (condition, level), (address, count) in links.items():
        query = parse_qs(urlsplit(address).query)
        assert urlsplit(address).path == LIBRARY
        assert query["strength"][0] == level
        assert ConditionIndexPage.objects.get(slug=query["condition"][0]).title == condition
        assert filtered_count(client, address) == count, address


def test_rows_come_most_researched_first_and_empty_cells_show(client, demo_site):
    library = factories.library_page()
    busy = factories.condition_page("Tinnitus")
    for _ in range(9):
        factories.create_article(busy, evidence_strength=EvidenceStrength.MODERATE)
    factories.condition_page("Hiccups")
    html = client.get(LIBRARY).content.decode()
    drawing = html[html.index("<svg") : html.index("</svg>")]
    rows = re.findall(r'class="evidence-map__condition"[^>]*>([^<]+)<', drawing)
    assert rows[0] == "Tinnitus"
    assert rows[-1] == "Hiccups"
    hiccups = drawing[drawing.index(">Hiccups<") :].split("</g>")[0]
    assert hiccups.count("evidence-map__cell--0") == len(EvidenceStrength)
    assert "<a " not in hiccups, "an empty cell leads nowhere"
    assert library.live


def test_unpublished_and_restricted_articles_are_not_counted(client, demo_site):
    condition = factories.condition_page("Tinnitus")
    factories.create_article(condition, evidence_strength=EvidenceStrength.STRONG)
    withdrawn = factories.create_article(condition, evidence_strength=EvidenceStrength.STRONG)
    withdrawn.unpublish()
    restricted = factories.create_article(condition, evidence_strength=EvidenceStrength.STRONG)
    PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    LIBRARY_CACHE.start_new()
    links = map_links(client.get(LIBRARY).content.decode())
    assert links[("Tinnitus", "strong")][1] == 1


def test_a_publish_renews_the_drawn_map(client, demo_site):
    condition = factories.condition_page("Tinnitus")
    factories.create_article(condition, evidence_strength=EvidenceStrength.STRONG)
    assert map_links(client.get(LIBRARY).content.decode())[("Tinnitus", "strong")][1] == 1
    condition_page = client.get(condition.url).content.decode()
    assert "Tinnitus, strong evidence: 1 article" in condition_page

    factories.create_article(condition, evidence_strength=EvidenceStrength.STRONG)

    assert map_links(client.get(LIBRARY).content.decode())[("Tinnitus", "strong")][1] == 2
    assert "Tinnitus, strong evidence: 2 articles" in client.get(condition.url).content.decode()


def test_a_search_or_filter_goes_straight_to_its_results(client, demo_site):
    assert "The evidence at a glance" in client.get(LIBRARY).content.decode()
    for query in ("?q=migraine", "?condition=migraines&strength=moderate", "?design=rct"):
        html = client.get(LIBRARY + query).content.decode()
        assert "Search results" in html
        assert "The evidence at a glance" not in html
        assert "<svg" not in html


def test_a_condition_page_shows_its_row_and_kinds_of_study(client, demo_site):
    condition = factories.condition_page("Tinnitus")
    for design in (StudyDesign.SYSTEMATIC_REVIEW, StudyDesign.META_ANALYSIS, StudyDesign.RCT):
        factories.create_article(condition, study_design=design)
    factories.create_article(condition, study_design=StudyDesign.IMAGING)
    html = client.get(condition.url).content.decode()
    links = map_links(html)
    assert {name for name, _level in links} == {"Tinnitus"}
    kinds = {
        unescape(label): unescape(address)
        for address, label in re.findall(
            r'<li><a href="([^"]+)">([^<]+)</a> <span class="meta">', html
        )
    }
    assert set(kinds) == {
        "Systematic reviews and meta-analyses",
        "Randomised trials",
        "Other studies",
    }, "cohort studies: none, so shown without a link"
    assert "Cohort studies <span" in html
    assert filtered_count(client, kinds["Systematic reviews and meta-analyses"]) == 2
    assert filtered_count(client, kinds["Randomised trials"]) == 1
    assert filtered_count(client, kinds["Other studies"]) == 1


def test_grouped_design_filter_reads_as_words(client, demo_site):
    response = client.get(LIBRARY + "?design=reviews")
    assert ("Study design", "Systematic reviews and meta-analyses") in [
        (label, value) for label, value, _clear in response.context["active_filters"]
    ]


def test_home_shows_a_compact_map_linking_to_the_whole(client, demo_site):
    for number in range(9):
        factories.condition_page(f"Condition {number}")
    html = client.get("/").content.decode()
    drawing = html[html.index("<svg") : html.index("</svg>")]
    assert drawing.count('class="evidence-map__condition"') == 8
    assert 'href="/research/#evidence-map"' in html


def test_the_map_explains_itself_to_screen_readers(client, demo_site):
    html = client.get(LIBRARY).content.decode()
    assert re.search(
        r"<svg[^>]+aria-labelledby=\"evidence-map-title-all evidence-map-desc-all\"", html
    )
    assert '<title id="evidence-map-title-all">' in html
    table = html[html.index('<div class="visually-hidden"><table>') : html.index("</table>")]
    assert table.count('<th scope="row">') == ConditionIndexPage.objects.live().count()
    assert "How we rate evidence</a>" in html


def test_pages_keep_their_query_counts_with_a_large_library(
    client, demo_site, django_assert_num_queries
):
    """30 conditions and 500 articles: the map adds no query per condition or per article."""
    conditions = [factories.condition_page(f"Condition {number}") for number in range(30)]
    levels, designs = list(EvidenceStrength), list(StudyDesign)
    for number in range(500 - ResearchArticlePage.objects.count()):
        factories.create_article(
            conditions[number % len(conditions)],
            evidence_strength=levels[number % len(levels)],
            study_design=designs[number % len(designs)],
        )
    assert ResearchArticlePage.objects.count() == 500
    for url, queries in [
        (LIBRARY, LIBRARY_QUERIES),
        (conditions[0].url, CONDITION_QUERIES),
        ("/", HOME_PAGE_QUERIES),
    ]:
        client.get(url)
        with django_assert_num_queries(queries):
            assert client.get(url).status_code == 200
    LIBRARY_CACHE.start_new()
    with django_assert_num_queries(LIBRARY_QUERIES_AFTER_A_PUBLISH):
        client.get(LIBRARY)
