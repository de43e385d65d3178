"""What each editorial role may and may not do, tried through the admin's own views."""

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, Site

from cms.models import EditorialSettings, ReviewerProfile
from practitioners.models import PractitionerDirectoryPage
from research.models import ConditionIndexPage, ResearchArticlePage, ResearchLibraryPage
from tests.editorial_helpers import (
    account,
    add_article_url,
    article_form,
    edit_url,
    migraines,
    seed_article,
)

REFUSED = "Sorry, you do not have permission to access this area."


def signed_in(username):
    client = Client()
    client.force_login(account(username))
    return client


def assert_refused(response):
    assert response.status_code == 302, response.status_code
    assert response.url == reverse("wagtailadmin_home")
    assert REFUSED in [str(message).strip() for message in get_messages(response.wsgi_request)]


def url_for(view):
    """The admin URLs the roles are tried on, by a short name."""
    library = ResearchLibraryPage.objects.get()
    site = Site.objects.get(is_default_site=True)
    urls = {
        "dashboard": lambda: reverse("wagtailadmin_home"),
        "library listing": lambda: reverse("wagtailadmin_explore", args=[library.pk]),
        "add article": lambda: add_article_url(migraines()),
        "edit article": lambda: edit_url(seed_article()),
        "add condition": lambda: reverse(
            "wagtailadmin_pages:add", args=["research", "conditionindexpage", library.pk]
        ),
        "edit condition": lambda: edit_url(migraines()),
        "upload image": lambda: reverse("wagtailimages:add_multiple"),
        "unpublish article": lambda: reverse(
            "wagtailadmin_pages:unpublish", args=[seed_article().pk]
        ),
        "delete live article": lambda: reverse(
            "wagtailadmin_pages:delete", args=[seed_article().pk]
        ),
        "edit home page": lambda: edit_url(Site.objects.get(is_default_site=True).root_page),
        "edit practitioner directory": lambda: edit_url(PractitionerDirectoryPage.objects.get()),
        "users": lambda: reverse("wagtailusers_users:index"),
        "groups": lambda: reverse("wagtailusers_groups:index"),
        "workflows": lambda: reverse("wagtailadmin_workflows:index"),
        "editorial settings": lambda: reverse(
            "wagtailsettings:edit", args=["cms", "editorialsettings", site.pk]
        ),
    }
    return urls[view]()


WRITER_ALLOWED = [
    "dashboard",
    "library listing",
    "add article",
    "edit article",
    "add condition",
    "edit condition",
    "upload image",
]
WRITER_REFUSED = [
    "unpublish article",
    "delete live article",
    "edit home page",
    "edit practitioner directory",
    "users",
    "groups",
    "workflows",
    "editorial settings",
]


@pytest.mark.parametrize("username", ["writer", "reviewer"])
@pytest.mark.parametrize("view", WRITER_ALLOWED)
def test_writers_and_reviewers_may(demo_site, username, view):
    assert signed_in(username).get(url_for(view)).status_code == 200


@pytest.mark.parametrize("username", ["writer", "reviewer"])
@pytest.mark.parametrize("view", WRITER_REFUSED)
def test_writers_and_reviewers_may_not(demo_site, username, view):
    assert_refused(signed_in(username).get(url_for(view)))


@pytest.mark.parametrize("username", ["marketing", "directory"])
@pytest.mark.parametrize("view", ["add article", "edit article", "edit condition"])
def test_marketing_and_directory_managers_may_not_touch_research(demo_site, username, view):
    assert_refused(signed_in(username).get(url_for(view)))


@pytest.mark.parametrize("username", ["writer", "reviewer"])
def test_publishing_directly_only_saves_a_draft(demo_site, username):
    """“Publish” in the post is ignored without permission: the article stays a draft."""
    response = signed_in(username).post(
        add_article_url(migraines()), article_form(**{"action-publish": "1"})
    )
    assert response.status_code == 302
    article = ResearchArticlePage.objects.get(slug="acupuncture-tension-headache")
    assert not article.live
    assert article.owner == account(username)


def test_a_writer_saves_a_draft_and_may_delete_it(demo_site):
    writer = signed_in("writer")
    writer.post(add_article_url(migraines()), article_form())
    draft = ResearchArticlePage.objects.get(slug="acupuncture-tension-headache")
    assert not draft.live
    response = writer.post(reverse("wagtailadmin_pages:delete", args=[draft.pk]))
    assert response.status_code == 302
    assert not Page.objects.filter(pk=draft.pk).exists()


def test_a_writer_edits_a_condition_introduction(demo_site):
    condition = migraines()
    response = signed_in("writer").post(
        edit_url(condition),
        {"title": condition.title, "slug": condition.slug, "intro": '{"blocks": []}'}
        | {f"comments-{key}": "0" for key in ("TOTAL_FORMS", "INITIAL_FORMS")},
    )
    assert response.status_code == 302
    assert ConditionIndexPage.objects.get(pk=condition.pk).has_unpublished_changes


def test_a_writer_cannot_approve(demo_site):
    writer = signed_in("writer")
    writer.post(add_article_url(migraines()), article_form(**{"action-submit": "1"}))
    article = ResearchArticlePage.objects.get(slug="acupuncture-tension-headache")
    task_state = article.current_workflow_state.current_task_state
    response = writer.post(
        reverse("wagtailadmin_pages:workflow_action", args=[article.pk, "approve", task_state.pk])
    )
    assert_refused(response)
    assert not ResearchArticlePage.objects.get(pk=article.pk).live


def test_administrators_edit_the_editorial_settings(demo_site):
    response = signed_in("admin").post(
        url_for("editorial settings"),
        {
            "medical_disclaimer": "Not medical advice.",
            "claim_words": "cure\nmiracle",
            "review_interval_months": "6",
        },
    )
    assert response.status_code == 302
    settings = EditorialSettings.for_site(demo_site)
    assert settings.medical_disclaimer == "Not medical advice."
    assert settings.claim_word_list() == ["cure", "miracle"]
    assert settings.review_interval_months == 6


def test_a_reviewer_sets_their_credit_in_account_settings(demo_site):
    reviewer = signed_in("reviewer")
    page = reviewer.get(reverse("wagtailadmin_account")).content.decode()
    assert "Reviewer credit" in page
    assert 'value="MD, LAc"' in page
    response = reviewer.post(
        reverse("wagtailadmin_account"),
        {
            "name_email-first_name": "Dr Rowan",
            "name_email-last_name": "Reviewer",
            "name_email-email": "reviewer@example.org",
            "locale-preferred_language": "en",
            "locale-current_time_zone": "",
            "theme-theme": "system",
            "theme-density": "default",
            "theme-contrast": "system",
            "reviewer_profile-display_name": "Dr Rowan Reviewer",
            "reviewer_profile-credentials": "MD, PhD",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert ReviewerProfile.objects.get(user=account("reviewer")).credentials == "MD, PhD"


def test_writers_have_no_reviewer_credit_panel(demo_site):
    page = signed_in("writer").get(reverse("wagtailadmin_account")).content.decode()
    assert "Reviewer credit" not in page
