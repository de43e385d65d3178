"""The "Clinical review" workflow end to end, and the reviewed-by credit it leaves on the page."""

import datetime
import importlib
import json
import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission, Workflow, WorkflowPage, WorkflowState

from cms import roles
from cms.models import EditorialSettings, ReviewerProfile
from practitioners.models import PractitionerDirectoryPage
from research.clinical_review import WORKFLOW_NAME
from research.models import ResearchArticlePage, ResearchLibraryPage
from tests import factories
from tests.editorial_helpers import (
    account,
    add_article_url,
    article_form,
    edit_url,
    migraines,
    seed_article,
)


def json_ld_nodes(html):
    """The nodes of the page's one JSON-LD graph."""
    [block] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(block)["@graph"]


def workflow_action(client, page, action, **data):
    task_state = page.current_workflow_state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, data)


@pytest.fixture
def writer_client(client, demo_site):
    client.force_login(account("writer"))
    return client


@pytest.fixture
def reviewer_client(demo_site):
    from django.test import Client

    client = Client()
    client.force_login(account("reviewer"))
    return client


def test_the_library_is_under_clinical_review(demo_site):
    library = ResearchLibraryPage.objects.get()
    assert WorkflowPage.objects.get(page=library).workflow.name == WORKFLOW_NAME
    article = seed_article()
    workflow = article.get_workflow()
    assert workflow.name == WORKFLOW_NAME
    [task] = workflow.tasks.specific()
    assert list(task.groups.values_list("name", flat=True)) == [roles.CLINICAL_REVIEWERS]


def test_a_library_created_later_gets_the_workflow_and_permissions(demo_site):
    ResearchLibraryPage.objects.get().delete()
    library = factories.library_page()
    assert WorkflowPage.objects.get(page=library).workflow.name == WORKFLOW_NAME
    granted = set(
        GroupPagePermission.objects.filter(page=library).values_list(
            "group__name", "permission__codename"
        )
    )
    assert granted == {
        (roles.WRITERS, "add_page"),
        (roles.WRITERS, "change_page"),
        (roles.CLINICAL_REVIEWERS, "add_page"),
        (roles.CLINICAL_REVIEWERS, "change_page"),
    }


def test_the_migration_attaches_an_existing_library(demo_site):
    """A database whose library predates the workflow gets it when migrating."""
    from django.apps import apps

    library = ResearchLibraryPage.objects.get()
    WorkflowPage.objects.filter(page=library).delete()
    GroupPagePermission.objects.filter(page=library).delete()
    migration = importlib.import_module("research.migrations.0004_clinical_review_workflow")
    migration.set_up_clinical_review(apps, None)
    assert WorkflowPage.objects.get(page=library).workflow.name == WORKFLOW_NAME
    assert GroupPagePermission.objects.filter(page=library).count() == 4


def test_no_group_may_publish_pages_and_clinical_review_is_the_only_workflow(demo_site):
    """Wagtail's default Moderators could publish anywhere, past the clinical review."""
    assert not GroupPagePermission.objects.filter(permission__codename="publish_page").exists()
    assert not Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS).exists()
    assert list(Workflow.objects.filter(active=True).values_list("name", flat=True)) == [
        WORKFLOW_NAME
    ]
    assert [item.page.specific_class for item in WorkflowPage.objects.all()] == [
        ResearchLibraryPage
    ]


# The migration itself, run again on a database where its conditions are set up.
RETIREMENT = importlib.import_module("research.migrations.0005_retire_wagtail_default_moderation")
WAGTAIL_DEFAULT_GROUPS = RETIREMENT.WAGTAIL_DEFAULT_GROUPS
WAGTAIL_DEFAULT_WORKFLOW = RETIREMENT.WAGTAIL_DEFAULT_WORKFLOW


def retire_wagtail_defaults(apps):
    RETIREMENT.retire(apps, schema_editor=None)


def test_a_default_group_with_members_is_left_for_an_administrator(demo_site):
    from django.apps import apps

    moderators = Group.objects.create(name="Moderators")
    moderators.user_set.add(account("writer"))
    retire_wagtail_defaults(apps)
    assert Group.objects.filter(name="Moderators").exists()


def test_the_default_workflow_stays_on_while_a_page_is_in_it(demo_site):
    from django.apps import apps

    workflow = Workflow.objects.get(name=WAGTAIL_DEFAULT_WORKFLOW)
    Workflow.objects.filter(pk=workflow.pk).update(active=True)
    WorkflowPage.objects.create(workflow=workflow, page=demo_site.root_page)
    workflow.refresh_from_db()
    workflow.start(PractitionerDirectoryPage.objects.get(), account("admin"))
    retire_wagtail_defaults(apps)
    workflow.refresh_from_db()
    assert workflow.active
    assert not WorkflowPage.objects.filter(workflow=workflow).exists()


def test_writer_submits_reviewer_rejects_writer_fixes_reviewer_approves(
    writer_client, reviewer_client
):
    # The writer submits a new article: it waits for review, not live.
    response = writer_client.post(
        add_article_url(migraines()),
        article_form(finding="Acupuncture cures tension headache.", **{"action-submit": "1"}),
    )
    assert response.status_code == 302
    article = ResearchArticlePage.objects.get(slug="acupuncture-tension-headache")
    assert not article.live
    assert article.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

    # Every clinical reviewer is told by email, and sees it waiting on the dashboard.
    [notice] = [m for m in mail.outbox if "reviewer@example.org" in m.to]
    assert "Acupuncture for tension headache" in notice.subject + notice.body
    dashboard = reviewer_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Awaiting your review" in dashboard
    assert "Acupuncture for tension headache" in dashboard

    # The reviewer sees the content checks, then requests changes with a comment.
    editor = reviewer_client.get(edit_url(article)).content.decode()
    assert "“cures” appears in Key finding" in editor
    mail.outbox.clear()
    workflow_action(
        reviewer_client, article, "reject", comment="Please do not say it cures anything."
    )
    article.refresh_from_db()
    assert article.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert not article.live

    # The writer gets the comment by email and at the top of the editor.
    [rejection] = [m for m in mail.outbox if "writer@example.org" in m.to]
    assert "Please do not say it cures anything." in rejection.body
    editor = writer_client.get(edit_url(article)).content.decode()
    assert "Changes requested by Dr Rowan Reviewer" in editor
    assert "Please do not say it cures anything." in editor

    # The writer fixes the finding and submits again; still not live.
    response = writer_client.post(
        edit_url(article),
        article_form(finding="Fewer headache days than sham treatment.", **{"action-submit": "1"}),
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not article.live

    # The reviewer approves: the article is live and credits them.
    workflow_action(reviewer_client, article, "approve")
    article = ResearchArticlePage.objects.get(pk=article.pk)
    assert article.live
    assert article.reviewed_by == account("reviewer")
    assert article.reviewed_at is not None

    page = writer_client.get(article.url).content.decode()
    today = timezone.localdate()
    assert (
        f"Medically reviewed by Dr Rowan Reviewer, MD, LAc on "
        f'<time datetime="{today:%Y-%m-%d}">{today.day} {today:%B %Y}</time>'
    ) in page
    assert "Fewer headache days than sham treatment." in page
    assert "Last updated" not in page
    [review] = [node for node in json_ld_nodes(page) if "reviewedBy" in node]
    assert review["@type"] == "MedicalWebPage"
    assert review["reviewedBy"] == {
        "@type": "Person",
        "name": "Dr Rowan Reviewer",
        "honorificSuffix": "MD, LAc",
    }
    assert review["lastReviewed"] == today.isoformat()


def test_the_review_survives_later_revisions_and_a_later_update_shows(client, demo_site):
    article = seed_article()
    reviewed = timezone.now() - datetime.timedelta(days=30)
    ResearchArticlePage.objects.filter(pk=article.pk).update(
        reviewed_by=account("reviewer"), reviewed_at=reviewed
    )
    article = seed_article()
    article.title = article.title + " (corrected)"
    article.save_revision(user=account("admin")).publish()

    article = seed_article()
    assert article.reviewed_at == reviewed
    page = client.get(article.url).content.decode()
    today = timezone.localdate()
    assert f'on <time datetime="{reviewed:%Y-%m-%d}">' in page
    assert f'Last updated <time datetime="{today:%Y-%m-%d}">' in page


def unreviewed_article():
    """A live article never approved (seed_demo has the seed article reviewed)."""
    return factories.create_article(migraines(), slug="never-reviewed")


def test_an_unreviewed_article_has_no_credit(client, demo_site):
    page = client.get(unreviewed_article().url).content.decode()
    assert "Medically reviewed" not in page
    assert not [node for node in json_ld_nodes(page) if "reviewedBy" in node]


def test_the_credit_follows_the_reviewers_profile(client, demo_site):
    article = unreviewed_article()
    ResearchArticlePage.objects.filter(pk=article.pk).update(
        reviewed_by=account("reviewer"), reviewed_at=timezone.now()
    )
    ReviewerProfile.objects.filter(user=account("reviewer")).update(
        display_name="Dr R Reviewer", credentials="PhD"
    )
    page = client.get(article.url).content.decode()
    assert "Medically reviewed by Dr R Reviewer, PhD on" in page


def test_every_article_shows_the_disclaimer_administrators_set(client, demo_site):
    page = client.get(seed_article().url).content.decode()
    assert "This summary is for information, not medical advice." in page
    settings = EditorialSettings.for_site(demo_site)
    settings.medical_disclaimer = "Talk to your clinician <before> any treatment."
    settings.save()
    page = client.get(seed_article().url).content.decode()
    assert "Talk to your clinician &lt;before&gt; any treatment." in page


def test_article_page_queries_with_the_review_credit(client, demo_site, django_assert_num_queries):
    """The credit costs no query of its own, on an article long enough that an N+1 would show."""
    article = factories.create_article(
        migraines(),
        authors=[f"Author {n}" for n in range(12)],
        tags=[f"topic {n}" for n in range(8)],
        slug="long-reviewed-article",
    )
    client.get(article.url)  # warm the site-root cache as a running site has it
    with django_assert_num_queries(ARTICLE_PAGE_QUERIES):
        client.get(article.url)
    ResearchArticlePage.objects.filter(pk=article.pk).update(
        reviewed_by=account("reviewer"), reviewed_at=timezone.now()
    )
    with django_assert_num_queries(ARTICLE_PAGE_QUERIES):
        response = client.get(article.url)
    assert "Medically reviewed by Dr Rowan Reviewer" in response.content.decode()


# The article page's own count (tests/test_research_article.py): the reviewer's credit comes
# with the article, and the editorial settings (disclaimer) from the cache.
ARTICLE_PAGE_QUERIES = 11


def test_the_credit_is_escaped_in_the_page_and_its_json_ld(client, demo_site):
    article = unreviewed_article()
    ResearchArticlePage.objects.filter(pk=article.pk).update(
        reviewed_by=account("reviewer"), reviewed_at=timezone.now()
    )
    ReviewerProfile.objects.filter(user=account("reviewer")).update(
        display_name="Dr </script><b>Bold</b>", credentials="MD & PhD"
    )
    page = client.get(article.url).content.decode()
    assert "<b>Bold</b>" not in page
    assert "</script><b>" not in page
    [review] = [node for node in json_ld_nodes(page) if "reviewedBy" in node]
    assert review["reviewedBy"]["name"] == "Dr </script><b>Bold</b>"
    assert review["reviewedBy"]["honorificSuffix"] == "MD & PhD"
