"""Nobody approves, in the clinical review, the version they submitted themselves."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.models import Task, WorkflowState

from cms import roles
from research.models import ResearchArticlePage
from research.review_task import SELF_APPROVAL_MESSAGE, ClinicalReviewTask
from tests.editorial_helpers import account, add_article_url, article_form, edit_url, migraines
from tests.pagetext import visible_text


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def reviewer(demo_site):
    return client_for(account("reviewer"))


@pytest.fixture
def second_reviewer(demo_site):
    user = get_user_model().objects.create_user("second", "second@example.org", "pw")
    user.groups.add(Group.objects.get(name=roles.CLINICAL_REVIEWERS))
    return client_for(user)


@pytest.fixture
def submitted_by_reviewer(reviewer):
    """A clinical reviewer writes an article and submits it for clinical review."""
    response = reviewer.post(add_article_url(migraines()), article_form(**{"action-submit": "1"}))
    assert response.status_code == 302
    article = ResearchArticlePage.objects.get(slug="acupuncture-tension-headache")
    assert article.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    return article


def assert_refused(response):
    """Wagtail answers a refused admin action with a redirect to the dashboard and its
    "no permission" message (a 403 for a script)."""
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


def workflow_action_url(article, action):
    task_state = article.current_workflow_state.current_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=[article.pk, action, task_state.pk])


def test_the_clinical_review_is_a_task_that_refuses_self_approval(demo_site):
    [task] = Task.objects.filter(name="Clinical review").specific()
    assert isinstance(task, ClinicalReviewTask)


def test_the_submitter_cannot_approve_through_the_workflow_action_view(
    reviewer, submitted_by_reviewer
):
    assert_refused(reviewer.post(workflow_action_url(submitted_by_reviewer, "approve")))
    article = ResearchArticlePage.objects.get(pk=submitted_by_reviewer.pk)
    assert not article.live
    assert article.reviewed_by is None
    assert article.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_the_editor_says_why_and_offers_only_request_changes(reviewer, submitted_by_reviewer):
    html = reviewer.get(edit_url(submitted_by_reviewer)).content.decode()
    assert SELF_APPROVAL_MESSAGE in visible_text(html)
    assert 'data-workflow-action-name="reject"' in html or "Request changes" in html
    assert "Approve" not in visible_text(html).replace(SELF_APPROVAL_MESSAGE, "")


def test_an_approval_posted_from_the_editor_is_refused_in_words(reviewer, submitted_by_reviewer):
    response = reviewer.post(
        edit_url(submitted_by_reviewer),
        article_form(**{"action-workflow-action": "1", "workflow-action-name": "approve"}),
        follow=True,
    )
    assert SELF_APPROVAL_MESSAGE in visible_text(response.content.decode())
    assert not ResearchArticlePage.objects.get(pk=submitted_by_reviewer.pk).live


def test_the_submitter_may_still_request_changes(reviewer, submitted_by_reviewer):
    response = reviewer.post(
        workflow_action_url(submitted_by_reviewer, "reject"), {"comment": "Not ready yet."}
    )
    assert response.status_code == 302
    article = ResearchArticlePage.objects.get(pk=submitted_by_reviewer.pk)
    assert article.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES


def test_another_reviewer_approves_and_is_credited(second_reviewer, submitted_by_reviewer):
    assert "Approve" in second_reviewer.get(edit_url(submitted_by_reviewer)).content.decode()
    response = second_reviewer.post(workflow_action_url(submitted_by_reviewer, "approve"))
    assert response.status_code == 302
    article = ResearchArticlePage.objects.get(pk=submitted_by_reviewer.pk)
    assert article.live
    assert article.reviewed_by.username == "second"


def test_a_reviewer_who_resubmits_after_changes_cannot_approve_either(
    reviewer, second_reviewer, demo_site
):
    """The writer submits; the reviewer asks for changes, makes them and submits again."""
    writer = client_for(account("writer"))
    writer.post(add_article_url(migraines()), article_form(**{"action-submit": "1"}))
    article = ResearchArticlePage.objects.get(slug="acupuncture-tension-headache")
    reviewer.post(workflow_action_url(article, "reject"), {"comment": "I'll fix it."})
    reviewer.post(edit_url(article), article_form(finding="Fixed.", **{"action-submit": "1"}))
    article = ResearchArticlePage.objects.get(pk=article.pk)
    assert article.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert_refused(reviewer.post(workflow_action_url(article, "approve")))
    assert second_reviewer.post(workflow_action_url(article, "approve")).status_code == 302
    assert ResearchArticlePage.objects.get(pk=article.pk).live


def test_an_administrator_who_submitted_cannot_approve_either(demo_site):
    admin = client_for(account("admin"))
    admin.post(add_article_url(migraines()), article_form(**{"action-submit": "1"}))
    article = ResearchArticlePage.objects.get(slug="acupuncture-tension-headache")
    assert_refused(admin.post(workflow_action_url(article, "approve")))
    assert not ResearchArticlePage.objects.get(pk=article.pk).live


def test_a_clinical_review_task_created_later_keeps_its_type(demo_site):
    task = ClinicalReviewTask.objects.create(name="Second opinion")
    assert isinstance(Task.objects.get(pk=task.pk).specific, ClinicalReviewTask)
