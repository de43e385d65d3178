"""The “Medically reviewed by …” credit is recorded with the review and outlives the account."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cms.models import ReviewerProfile
from research.models import ResearchArticlePage
from tests.editorial_helpers import account, seed_article
from tests.pagetext import visible_text

CREDIT = "Medically reviewed by Dr Rowan Reviewer, MD, LAc on"


def approve_through_the_workflow(article):
    """The writer submits the article; the clinical reviewer approves it in the admin."""
    writer, reviewer = Client(), Client()
    writer.force_login(account("writer"))
    reviewer.force_login(account("reviewer"))
    article.save_revision(user=account("writer"))
    article.get_workflow().start(article, account("writer"))
    article = ResearchArticlePage.objects.get(pk=article.pk)
    task_state = article.current_workflow_state.current_task_state
    response = reviewer.post(
        reverse("wagtailadmin_pages:workflow_action", args=[article.pk, "approve", task_state.pk])
    )
    assert response.status_code == 302
    return ResearchArticlePage.objects.get(pk=article.pk)


@pytest.fixture
def reviewed(demo_site):
    return approve_through_the_workflow(seed_article())


@pytest.fixture
def admin_client(client, demo_site):
    client.force_login(account("admin"))
    return client


def test_approval_records_the_credit_with_the_review(reviewed):
    assert (reviewed.reviewer_name, reviewed.reviewer_credentials) == (
        "Dr Rowan Reviewer",
        "MD, LAc",
    )
    assert reviewed.reviewed_at.date() == timezone.now().date()


def test_the_credit_outlives_the_account(client, reviewed):
    get_user_model().objects.filter(username="reviewer").delete()
    text = visible_text(client.get(reviewed.url).content.decode())
    assert CREDIT in text
    assert ResearchArticlePage.objects.get(pk=reviewed.pk).reviewed_by is None


def test_an_administrator_cannot_delete_a_credited_reviewer(admin_client, reviewed):
    reviewer = account("reviewer")
    url = reverse("wagtailusers_users:delete", args=[reviewer.pk])
    for response in (admin_client.get(url), admin_client.post(url)):
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailusers_users:edit", args=[reviewer.pk])
    assert get_user_model().objects.filter(pk=reviewer.pk).exists()
    page = admin_client.get(reverse("wagtailusers_users:edit", args=[reviewer.pk]))
    text = visible_text(page.content.decode())
    assert "is credited as clinical reviewer on research articles" in text
    assert "Deactivate instead: edit the account and untick “Active”" in text


def test_nor_in_bulk(admin_client, reviewed):
    reviewer, writer = account("reviewer"), account("writer")
    url = reverse("wagtail_bulk_action", args=["auth", "user", "delete"])
    response = admin_client.post(f"{url}?id={reviewer.pk}&id={writer.pk}", follow=True)
    assert "is credited as clinical reviewer" in visible_text(response.content.decode())
    assert get_user_model().objects.filter(pk__in=[reviewer.pk, writer.pk]).count() == 2


def test_a_deactivated_reviewer_keeps_the_credit(admin_client, client, reviewed):
    reviewer = account("reviewer")
    reviewer.is_active = False
    reviewer.save()
    admin_client.logout()
    assert CREDIT in visible_text(client.get(reviewed.url).content.decode())


def test_an_account_without_credits_can_still_be_deleted(admin_client, demo_site):
    writer = account("writer")
    response = admin_client.post(reverse("wagtailusers_users:delete", args=[writer.pk]))
    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=writer.pk).exists()


def test_a_corrected_profile_corrects_the_recorded_credit(client, reviewed):
    profile = ReviewerProfile.objects.get(user=account("reviewer"))
    profile.display_name = "Dr Rowan Reviewer-Smith"
    profile.credentials = "MD, LAc, PhD"
    profile.save()
    text = visible_text(client.get(reviewed.url).content.decode())
    assert "Medically reviewed by Dr Rowan Reviewer-Smith, MD, LAc, PhD on" in text


def test_the_migration_records_the_credit_of_earlier_reviews(client, demo_site):
    article = seed_article()
    ResearchArticlePage.objects.filter(pk=article.pk).update(
        reviewed_by=account("reviewer"), reviewed_at=timezone.now()
    )
    migration = importlib.import_module("research.migrations.0006_recorded_review_credit")
    migration.record_existing_credits(apps, None)
    article = ResearchArticlePage.objects.get(pk=article.pk)
    assert (article.reviewer_name, article.reviewer_credentials) == ("Dr Rowan Reviewer", "MD, LAc")
    get_user_model().objects.filter(username="reviewer").delete()
    assert CREDIT in visible_text(client.get(article.url).content.decode())


def test_a_new_revision_keeps_the_recorded_credit(client, reviewed):
    reviewed.title += " (corrected)"
    reviewed.save_revision(user=account("admin")).publish()
    article = ResearchArticlePage.objects.get(pk=reviewed.pk)
    assert article.reviewer_name == "Dr Rowan Reviewer"
    assert CREDIT in visible_text(client.get(article.url).content.decode())
