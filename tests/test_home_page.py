"""The home page: what the site offers, the newest research, conditions, the directory."""

import re

from cms.meta_description import MAX_LENGTH, SITE_DESCRIPTION, description_from
from home.models import FeaturedArticle, HomePageContent
from research.models import ConditionIndexPage, ResearchArticlePage
from tests import factories
from tests.pagetext import meta_descriptions


def test_home_page_shows_newest_research_conditions_and_the_directory(client, demo_site):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    newest = ResearchArticlePage.objects.live().order_by("-first_published_at")[:6]
    for article in newest:
        assert article.title in html
    migraines = ConditionIndexPage.objects.get(slug="migraines")
    count = ResearchArticlePage.objects.live().child_of(migraines).count()
    assert f'Migraines</a> <span class="meta">{count} articles</span>' in html
    assert 'href="/practitioners/"' in html
    assert 'href="/research/"' in html


def test_condition_counts_only_live_articles(client, demo_site):
    insomnia = ConditionIndexPage.objects.get(slug="insomnia")
    live_count = ResearchArticlePage.objects.live().child_of(insomnia).count()
    ResearchArticlePage.objects.child_of(insomnia).first().unpublish()
    html = client.get("/").content.decode()
    assert f'Insomnia</a> <span class="meta">{live_count - 1} articles</span>' in html


def feature(site, articles):
    content = HomePageContent.for_site(site)
    content.featured_articles.all().delete()
    for position, article in enumerate(articles):
        FeaturedArticle.objects.create(content=content, article=article, sort_order=position)


def test_featured_articles_come_first_in_order_and_are_not_repeated(client, demo_site):
    newest = ResearchArticlePage.objects.live().order_by("-first_published_at").first()
    oldest = ResearchArticlePage.objects.live().order_by("first_published_at").first()
    feature(demo_site, [oldest, newest])
    html = client.get("/").content.decode()
    featured_at = html.index("Featured research")
    assert featured_at < html.index(oldest.title) < html.index(newest.title)
    assert html.index(newest.title) < html.index("Newest research")
    assert html.count(oldest.title) == html.count(newest.title) == 1


def test_an_unpublished_featured_article_drops_out(client, demo_site):
    article = ResearchArticlePage.objects.live().order_by("first_published_at").first()
    feature(demo_site, [article])
    article.unpublish()
    html = client.get("/").content.decode()
    assert "Featured research" not in html
    assert article.title not in html


def test_the_intro_comes_from_the_home_page_content(client, demo_site):
    content = HomePageContent.for_site(demo_site)
    content.intro = "<p>Research you can <b>act on</b>.</p>"
    content.save()
    html = client.get("/").content.decode()
    assert '<div class="lede"><p>Research you can <b>act on</b>.</p></div>' in html


def test_without_features_or_intro_the_home_page_still_reads_well(client, demo_site):
    content = HomePageContent.for_site(demo_site)
    content.intro = ""
    content.save()
    feature(demo_site, [])
    html = client.get("/").content.decode()
    assert 'class="lede"' not in html
    assert "Featured research" not in html
    assert "Newest research" in html


# Site, page, its ancestors, view restrictions, the home page content, its featured articles and
# the newest articles. The conditions with their counts and the call to action come from the
# cache.
HOME_PAGE_QUERIES = 7


def test_home_page_query_count_does_not_grow_with_content(
    client, demo_site, django_assert_num_queries
):
    condition = factories.condition_page("Tinnitus")
    for _ in range(30):
        factories.create_article(condition, authors=[f"A{i}" for i in range(10)])
    feature(demo_site, ResearchArticlePage.objects.live()[:3])
    client.get("/")  # warm the site-root cache, as any running server has
    with django_assert_num_queries(HOME_PAGE_QUERIES):
        assert client.get("/").status_code == 200


def test_every_page_has_a_skip_link_landmarks_and_our_own_assets_only(client, demo_site):
    for url in ["/", "/research/", "/research/migraines/", "/practitioners/", "/search/"]:
        html = client.get(url).content.decode()
        assert '<a class="skip-link" href="#main">' in html, url
        assert '<main id="main"' in html, url
        assert "<header" in html and "<footer" in html, url
        external = re.findall(r'(?:src|href)="(https?://[^"]+)"', html)
        assert all(
            link.startswith("http://testserver")
            for link in external
            if ".css" in link or ".js" in link
        ), url
        assert "style=" not in html, url
        assert not re.search(r"<script(?![^>]*\b(?:src=|type=\"application/ld\+json\"))", html), url
        assert not re.search(r"\son[a-z]+=", html), url


def test_the_meta_description_is_the_introduction_shortened_at_a_word(client, demo_site):
    """The demo's introduction is longer than a search result shows."""
    [description] = meta_descriptions(client.get("/").content.decode())
    assert description.startswith("Published research on acupuncture and integrative health")
    assert len(description) <= MAX_LENGTH
    assert description.endswith("…")
    intro = " ".join(HomePageContent.for_site(demo_site).intro.replace("<p>", "").split())
    assert intro.startswith(description[:-1])
    assert intro[len(description) - 1] == " "  # cut between words


def test_the_editors_meta_description_comes_first_and_a_default_stands_in(client, demo_site):
    home = demo_site.root_page.specific
    home.search_description = "Acupuncture research for patients."
    home.save_revision().publish()
    assert meta_descriptions(client.get("/").content.decode()) == [
        "Acupuncture research for patients."
    ]
    home.search_description = ""
    home.save_revision().publish()
    HomePageContent.objects.filter(site=demo_site).update(intro="")
    assert meta_descriptions(client.get("/").content.decode()) == [SITE_DESCRIPTION]


def test_a_description_is_plain_text():
    assert description_from("<p>Sleep &amp; <b>pain</b></p>") == "Sleep & pain"
    assert description_from("<p> </p>", default="Default.") == "Default."
