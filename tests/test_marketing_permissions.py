"""The Marketing group runs calls to action and reads their report, and does nothing else."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission

from cms import roles
from cms.models.calls_to_action import CallToAction, Placement
from practitioners.models import PractitionerDirectoryPage
from tests.cta_helpers import condition, make_call_to_action, seed_article

SNIPPET_URLS = "wagtailsnippets_cms_calltoaction"


@pytest.fixture
def marketing(client, demo_site):
    client.force_login(get_user_model().objects.get(username="marketing"))
    return client


def form(**overrides):
    return {
        "name": "Sleep campaign",
        "icon": "🌿",
        "heading": "Sleep better: acupuncture for {condition}",
        "text": "Practitioners near you.",
        "button_label": "Find a practitioner →",
        "target_page": PractitionerDirectoryPage.objects.get().pk,
        "target_url": "",
        "placement": Placement.ARTICLE_END,
        "conditions": [condition("insomnia").pk],
        "priority": "0",
        **overrides,
    }


def assert_refused(response):
    if response.status_code == 302:
        assert response["Location"] == reverse("wagtailadmin_home")
    else:
        assert response.status_code == 403


def test_marketing_holds_exactly_the_call_to_action_and_share_block_permissions(demo_site):
    user = get_user_model().objects.get(username="marketing")
    granted = user.get_all_permissions()
    # Reaching the admin, and picking images and documents in choosers, come with every role.
    assert {name for name in granted if not name.startswith("cms.")} <= {
        "wagtailadmin.access_admin",
        "wagtailimages.choose_image",
        "wagtaildocs.choose_document",
    }
    assert not GroupPagePermission.objects.filter(group__name=roles.MARKETING).exists()
    assert {name for name in granted if name.startswith("cms.")} == {
        "cms.add_calltoaction",
        "cms.change_calltoaction",
        "cms.publish_calltoaction",
        "cms.lock_calltoaction",
        "cms.unlock_calltoaction",
        "cms.view_calltoactiondailycount",
        "cms.add_shareblock",
        "cms.change_shareblock",
        "cms.view_shareblock",
    }


def test_marketing_writes_and_publishes_a_call_to_action(marketing):
    assert marketing.get(reverse(f"{SNIPPET_URLS}:list")).status_code == 200
    assert marketing.get(reverse(f"{SNIPPET_URLS}:add")).status_code == 200
    response = marketing.post(reverse(f"{SNIPPET_URLS}:add"), {**form(), "action-publish": "1"})
    assert response.status_code == 302
    created = CallToAction.objects.get(name="Sleep campaign")
    assert created.live
    assert list(created.conditions.all()) == [condition("insomnia")]


def test_a_wrong_placeholder_is_explained_in_the_editor(marketing):
    response = marketing.post(
        reverse(f"{SNIPPET_URLS}:add"), {**form(heading="For {conditions}"), "action-publish": "1"}
    )
    assert response.status_code == 200
    assert "“{conditions}” is not a placeholder this heading can fill" in response.content.decode()
    assert not CallToAction.objects.filter(name="Sleep campaign").exists()


def test_marketing_schedules_a_call_to_action(marketing):
    start = timezone.localtime() + datetime.timedelta(days=2)
    response = marketing.post(
        reverse(f"{SNIPPET_URLS}:add"),
        {**form(), "go_live_at": start.strftime("%Y-%m-%d %H:%M"), "action-publish": "1"},
    )
    assert response.status_code == 302
    created = CallToAction.objects.get(name="Sleep campaign")
    assert not created.live
    assert created.scheduled_revision is not None


def test_marketing_locks_and_unlocks_a_call_to_action(marketing, demo_site):
    call_to_action = make_call_to_action()
    marketing.post(reverse(f"{SNIPPET_URLS}:lock", args=[call_to_action.pk]))
    call_to_action.refresh_from_db()
    assert call_to_action.locked
    marketing.post(reverse(f"{SNIPPET_URLS}:unlock", args=[call_to_action.pk]))
    call_to_action.refresh_from_db()
    assert not call_to_action.locked


def test_marketing_reads_the_report_from_the_reports_menu(marketing):
    assert marketing.get(reverse("calls_to_action_report")).status_code == 200
    dashboard = marketing.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("calls_to_action_report") in dashboard


def test_marketing_may_not_delete_a_call_to_action(marketing):
    call_to_action = CallToAction.objects.first()
    assert_refused(marketing.get(reverse(f"{SNIPPET_URLS}:delete", args=[call_to_action.pk])))
    marketing.post(reverse(f"{SNIPPET_URLS}:delete", args=[call_to_action.pk]))
    assert CallToAction.objects.filter(pk=call_to_action.pk).exists()


def test_marketing_may_not_touch_pages(marketing):
    article = seed_article()
    assert_refused(marketing.get(reverse("wagtailadmin_pages:edit", args=[article.pk])))
    response = marketing.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]), {"title": "Changed"}
    )
    assert_refused(response)
    assert_refused(
        marketing.get(
            reverse(
                "wagtailadmin_pages:add",
                args=["research", "researcharticlepage", article.get_parent().pk],
            )
        )
    )
    assert_refused(marketing.get(reverse("wagtailadmin_pages:delete", args=[article.pk])))
    article.refresh_from_db()
    assert article.title != "Changed"


def test_marketing_may_not_manage_users_or_groups(marketing):
    assert_refused(marketing.get(reverse("wagtailusers_users:index")))
    assert_refused(marketing.get(reverse("wagtailusers_groups:index")))
    assert_refused(marketing.get(reverse("wagtailsites:index")))


def test_other_roles_do_not_see_the_report(client, demo_site):
    client.force_login(get_user_model().objects.get(username="writer"))
    assert_refused(client.get(reverse("calls_to_action_report")))
    assert_refused(client.get(reverse(f"{SNIPPET_URLS}:add")))
