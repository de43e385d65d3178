"""Writers keep the home page's intro and featured research current, through Settings."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from home.models import HomePageContent
from research.models import ResearchArticlePage
from tests.editorial_helpers import edit_url
from tests.test_editorial_roles import assert_refused, signed_in


def content_url(site):
    return reverse("wagtailsettings:edit", args=["home", "homepagecontent", site.pk])


def preview_url(site):
    return reverse("wagtailsettings:preview_on_edit", args=["home", "homepagecontent", site.pk])


def content_form(site, intro, articles):
    """The form as the editor posts it: the features already saved are removed, and `articles`
    are added in order."""
    existing = list(HomePageContent.for_site(site).featured_articles.all())
    removed = [
        {"id": item.pk, "article": item.article_id, "ORDER": position, "DELETE": "1"}
        for position, item in enumerate(existing)
    ]
    added = [
        {"article": article.pk, "ORDER": len(existing) + position}
        for position, article in enumerate(articles)
    ]
    return nested_form_data(
        {
            "intro": rich_text(intro),
            "featured_articles": inline_formset(removed + added, initial=len(existing)),
        }
    )


def two_articles():
    return list(ResearchArticlePage.objects.live().order_by("first_published_at")[:2])


def test_a_writer_changes_the_intro_and_featured_research(client, demo_site):
    first, second = two_articles()
    writer = signed_in("writer")
    response = writer.post(
        content_url(demo_site),
        content_form(demo_site, "<p>Research you can act on.</p>", [second, first]),
    )
    assert response.status_code == 302
    content = HomePageContent.for_site(demo_site)
    assert "Research you can act on." in content.intro
    assert content.live_featured_articles() == [second, first]
    html = client.get("/").content.decode()
    assert "Research you can act on." in html
    assert html.index("Featured research") < html.index(second.title) < html.index(first.title)


def test_writers_find_home_page_content_in_the_settings_menu(demo_site):
    dashboard = signed_in("writer").get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("wagtailsettings:edit", args=["home", "homepagecontent"]) in dashboard


def test_more_than_three_features_get_a_message_in_words(demo_site):
    articles = list(ResearchArticlePage.objects.live()[:4])
    response = signed_in("writer").post(
        content_url(demo_site), content_form(demo_site, "", articles)
    )
    assert response.status_code == 200
    assert "Please submit at most 3 forms." in response.content.decode()
    assert HomePageContent.for_site(demo_site).featured_articles.count() == 1


def test_a_writer_previews_the_home_page_before_saving(demo_site):
    first, _ = two_articles()
    writer = signed_in("writer")
    form = content_form(demo_site, "<p>An intro still being written.</p>", [first])
    assert writer.post(preview_url(demo_site), form).json()["is_valid"]
    preview = writer.get(preview_url(demo_site)).content.decode()
    assert "An intro still being written." in preview
    assert "Featured research" in preview and first.title in preview
    assert "An intro still being written." not in HomePageContent.for_site(demo_site).intro


@pytest.mark.parametrize("username", ["reviewer", "marketing", "directory"])
def test_other_roles_may_not_change_the_home_page_content(demo_site, username):
    assert_refused(signed_in(username).get(content_url(demo_site)))


def test_the_home_page_editor_says_where_the_intro_lives(demo_site):
    html = signed_in("admin").get(edit_url(demo_site.root_page)).content.decode()
    assert "Settings › Home page content" in html
