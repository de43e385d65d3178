"""Deleting a page never widens a call to action nor leaves its button leading nowhere."""

import datetime
import html
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from cms.calls_to_action.withdrawal import WITHDRAWN
from cms.models.calls_to_action import CallToAction
from research.models import EvidenceGuidePage
from tests.cta_helpers import article_in, condition, make_call_to_action
from tests.pagetext import visible_text

PANEL = re.compile(r'<aside class="promo cta-panel".*?</aside>', re.DOTALL)


def panel_on(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    match = PANEL.search(response.content.decode())
    return visible_text(match.group(0)) if match else None


@pytest.fixture
def admin_client(client, demo_site):
    CallToAction.objects.all().delete()
    client.force_login(get_user_model().objects.get(username="admin"))
    return client


def delete_page(client, page):
    """Delete a page as an editor does: through Wagtail's delete view."""
    response = client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    assert response.status_code == 302
    assert not type(page).objects.filter(pk=page.pk).exists()


def history_of(client, call_to_action):
    """The words of the call to action's history, as the editor's History view lists it."""
    url = reverse("wagtailsnippets_cms_calltoaction:history", args=[call_to_action.pk])
    listing = client.get(url).content.decode().split('id="listing-results"', 1)[1]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", listing)).split())


def test_deleting_the_only_condition_withdraws_the_call_to_action(admin_client):
    for_anxiety = make_call_to_action(
        name="Anxiety only", heading="Calm for {condition}", conditions=[condition("anxiety")]
    )
    migraine_article = article_in("migraines")
    assert panel_on(admin_client, migraine_article) is None

    delete_page(admin_client, condition("anxiety"))

    for_anxiety.refresh_from_db()
    assert not for_anxiety.live
    admin_client.logout()
    assert panel_on(admin_client, migraine_article) is None
    assert panel_on(admin_client, article_in("insomnia")) is None
    admin_client.force_login(get_user_model().objects.get(username="admin"))
    history = history_of(admin_client, for_anxiety)
    assert "its last condition, “Anxiety”, was deleted" in history
    assert "Unpublished" in history


def test_a_call_to_action_keeps_its_other_conditions(admin_client):
    make_call_to_action(
        heading="Calm for {condition}", conditions=[condition("anxiety"), condition("migraines")]
    )
    delete_page(admin_client, condition("anxiety"))
    admin_client.logout()
    assert "Calm for Migraines" in panel_on(admin_client, article_in("migraines"))
    assert panel_on(admin_client, article_in("insomnia")) is None
    assert not ModelLogEntry.objects.filter(action=WITHDRAWN).exists()


def test_deleting_the_target_page_withdraws_the_call_to_action(admin_client):
    guide = EvidenceGuidePage.objects.get()
    to_guide = make_call_to_action(heading="How we rate evidence", target_page=guide)
    article = article_in("insomnia")
    assert "How we rate evidence" in panel_on(admin_client, article)

    delete_page(admin_client, guide)

    to_guide.refresh_from_db()
    assert not to_guide.live
    assert to_guide.target_page is None
    assert panel_on(admin_client, article) is None
    click = admin_client.get(reverse("call_to_action_click", args=[to_guide.pk]), {"from": 1})
    assert click.status_code == 404
    history = history_of(admin_client, to_guide)
    assert "the page its button led to, “How we rate evidence”, was deleted" in history


def test_a_scheduled_call_to_action_loses_its_schedule(admin_client):
    scheduled = make_call_to_action(conditions=[condition("anxiety")], publish=False)
    go_live = timezone.now() + datetime.timedelta(hours=1)
    scheduled.go_live_at = go_live
    scheduled.save_revision(approved_go_live_at=go_live)
    assert scheduled.scheduled_revision is not None

    delete_page(admin_client, condition("anxiety"))

    scheduled = CallToAction.objects.get(pk=scheduled.pk)
    assert scheduled.scheduled_revision is None
    call_command("publish_scheduled", verbosity=0)
    scheduled.refresh_from_db()
    assert not scheduled.live
    assert "its last condition, “Anxiety”, was deleted" in history_of(admin_client, scheduled)


def test_removing_every_condition_in_the_editor_still_means_everywhere(admin_client):
    """Only a deletion withdraws: an editor may choose "every condition" on purpose."""
    chosen = make_call_to_action(heading="For all: {condition}", conditions=[condition("anxiety")])
    chosen.conditions = []
    chosen.save_revision().publish()
    admin_client.logout()
    assert "For all: Insomnia" in panel_on(admin_client, article_in("insomnia"))
    assert not ModelLogEntry.objects.filter(action=WITHDRAWN).exists()
