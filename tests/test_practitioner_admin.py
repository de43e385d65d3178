"""Directory managers in the admin: listings, verification, the application queue, and what
the role may not touch."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import nested_form_data

from cms.roles import DIRECTORY_MANAGERS, WRITERS
from practitioners.models import (
    ApplicationStatus,
    Practitioner,
    verification_cutoff,
)
from tests.practitioner_factories import make_application, make_practitioner, user_in

QUEUE = "/admin/practitioners/practitionerapplication/"


@pytest.fixture
def manager(demo_site, client):
    user = user_in(DIRECTORY_MANAGERS, "manager")
    client.force_login(user)
    return user


@pytest.fixture
def writer_client(demo_site, client):
    client.force_login(user_in(WRITERS, "penny"))
    return client


@pytest.fixture
def application(demo_site):
    return make_application()


def assert_refused(response):
    """Wagtail answers a refused admin request by sending the user back to the dashboard."""
    assert (response.status_code, response.get("Location")) in ((302, "/admin/"), (403, None))


def listing_url(action, *args):
    return reverse(Practitioner.snippet_viewset.get_url_name(action), args=args)


def test_directory_managers_have_the_directory_and_nothing_else(demo_site):
    granted = set(
        Group.objects.get(name=DIRECTORY_MANAGERS).permissions.values_list(
            "content_type__app_label", "codename"
        )
    )
    # Admin access comes with the role; choosing (not adding or editing) images and documents
    # is what Wagtail's own migrations give every group that exists when they run.
    assert granted - {p for p in granted if p[0] == "practitioners"} == {
        ("wagtailadmin", "access_admin"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "choose_document"),
    }
    assert {p for p in granted if p[0] == "practitioners"} == {
        ("practitioners", f"{action}_{model}")
        for model, actions in {
            "practitioner": ["add", "change", "delete", "view", "publish", "lock", "unlock"],
            "language": ["add", "change", "delete", "view"],
            "modality": ["add", "change", "delete", "view"],
            "practitionerapplication": ["change", "delete", "view"],
        }.items()
        for action in actions
    }


def test_a_manager_sees_listings_flagged_for_reverification(client, manager):
    overdue = make_practitioner(name="Overdue Listing", verified_days_ago=500)
    response = client.get(listing_url("list"), {"q": "Overdue"})
    assert response.status_code == 200
    html = response.content.decode()
    assert overdue.name in html
    assert "due for re-verification" in html
    due = client.get(listing_url("list"), {"due_for_reverification": "true"})
    assert overdue.name in due.content.decode()


def test_the_reverification_report_lists_overdue_listings(client, manager):
    overdue = make_practitioner(name="Overdue Listing", verified_days_ago=500)
    current = make_practitioner(name="Current Listing", verified_days_ago=5)
    response = client.get(reverse("practitioners_reverification_report"))
    assert response.status_code == 200
    html = response.content.decode()
    assert overdue.name in html
    assert current.name not in html
    assert listing_url("edit", overdue.pk) in html


def test_a_manager_verifies_and_publishes_a_listing(client, manager):
    draft = make_practitioner(
        name="To Verify", verification_status="unverified", verified_on=None, publish=False
    )
    form = client.get(listing_url("edit", draft.pk)).context["form"]
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    for name in ("conditions", "modalities", "languages"):
        data[name] = []
    data.update(
        verification_status="verified",
        verified_on=timezone.localdate().isoformat(),
        verified_by=str(manager.pk),
        offers_telehealth="",
        accepting_new_patients="on",
        is_sample="",
        photo="",
    )
    data["action-publish"] = "action-publish"
    data = {key: value for key, value in data.items() if value not in (False, None)}
    response = client.post(listing_url("edit", draft.pk), nested_form_data(data))
    assert response.status_code == 302, response.context["form"].errors
    draft.refresh_from_db()
    assert draft.live
    assert draft.verified_by == manager
    assert Practitioner.objects.visible().filter(pk=draft.pk).exists()


def test_verified_needs_the_date_it_was_checked(client, manager):
    draft = make_practitioner(name="No Date", verification_status="unverified", verified_on=None)
    draft.verification_status = "verified"
    with pytest.raises(Exception) as error:
        draft.full_clean()
    assert "Give the day you checked the license" in str(error.value)
    draft.verified_on = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(Exception) as error:
        draft.full_clean()
    assert "cannot be in the future" in str(error.value)


def test_the_queue_lists_and_filters_applications(client, manager, application):
    response = client.get(QUEUE, {"status__exact": "new"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Quinn Applicant" in html
    assert f"{QUEUE}approve/{application.pk}/" in html
    assert client.get(QUEUE, {"q": "Quinn"}).status_code == 200
    assert client.get(f"{QUEUE}inspect/{application.pk}/").status_code == 200
    assert_refused(client.get(f"{QUEUE}create/"))
    assert_refused(client.get(f"{QUEUE}edit/{application.pk}/"))


def test_approving_makes_a_draft_listing_to_verify(client, manager, application):
    assert client.get(f"{QUEUE}approve/{application.pk}/").status_code == 200
    response = client.post(f"{QUEUE}approve/{application.pk}/")
    application.refresh_from_db()
    listing = application.practitioner
    assert application.status == ApplicationStatus.APPROVED
    assert application.decided_by == manager
    assert response["Location"] == listing_url("edit", listing.pk)
    assert listing.live is False
    assert listing.verification_status == "unverified"
    assert listing.name == "Quinn Applicant"
    assert listing.enquiry_email == "quinn@example.org"
    assert [c.slug for c in listing.conditions.all()] == ["migraines"]
    assert listing.latitude is not None
    assert listing.latest_revision is not None
    assert not Practitioner.objects.visible().filter(pk=listing.pk).exists()
    # A decided application cannot be decided again: the manager is told, nothing changes.
    again = client.post(f"{QUEUE}approve/{application.pk}/", follow=True)
    assert again.redirect_chain == [(f"{QUEUE}inspect/{application.pk}/", 302)]
    assert "was already approved by manager" in again.content.decode()
    assert Practitioner.objects.filter(name="Quinn Applicant").count() == 1


def test_rejecting_needs_and_records_a_reason(client, manager, application):
    response = client.post(f"{QUEUE}reject/{application.pk}/", {"reason": ""})
    assert "Give a reason" in response.content.decode()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.NEW
    response = client.post(
        f"{QUEUE}reject/{application.pk}/", {"reason": "License number not found."}
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.REJECTED
    assert application.rejection_reason == "License number not found."
    assert not Practitioner.objects.filter(name="Quinn Applicant").exists()


def test_writers_cannot_reach_the_directory(writer_client, application):
    assert_refused(writer_client.get(QUEUE))
    assert_refused(writer_client.post(f"{QUEUE}approve/{application.pk}/"))
    assert_refused(writer_client.post(f"{QUEUE}reject/{application.pk}/", {"reason": "No"}))
    assert_refused(writer_client.get(listing_url("list")))
    assert_refused(writer_client.get(reverse("practitioners_reverification_report")))
    application.refresh_from_db()
    assert application.status == ApplicationStatus.NEW


def test_managers_cannot_edit_pages_users_or_images(client, manager, demo_site):
    directory = demo_site.root_page.get_children().get(slug="practitioners")
    assert_refused(client.get(f"/admin/pages/{directory.pk}/edit/"))
    assert_refused(client.get("/admin/users/"))
    assert_refused(client.get("/admin/images/multiple/add/"))
    assert_refused(client.get("/admin/groups/"))


def test_verification_cutoff_counts_calendar_months(settings):
    settings.PRACTITIONER_VERIFICATION_VALID_MONTHS = 12
    assert verification_cutoff(datetime.date(2026, 11, 25)) == datetime.date(2025, 11, 25)
    settings.PRACTITIONER_VERIFICATION_VALID_MONTHS = 1
    assert verification_cutoff(datetime.date(2026, 3, 31)) == datetime.date(2026, 2, 28)
    assert verification_cutoff(datetime.date(2024, 3, 31)) == datetime.date(2024, 2, 29)
    settings.PRACTITIONER_VERIFICATION_VALID_MONTHS = 14
    assert verification_cutoff(datetime.date(2026, 1, 15)) == datetime.date(2024, 11, 15)


def test_the_profile_slug_cannot_take_the_form_address(demo_site):
    listing = make_practitioner(name="Apply")
    assert listing.slug == "apply-2"


def test_a_draft_listing_previews_as_its_profile(rf, manager):
    draft = make_practitioner(
        name="Preview Me", verification_status="unverified", verified_on=None, publish=False
    )
    request = rf.get("/")
    request.user = manager
    response = draft.serve_preview(request, "")
    response.render()
    html = response.content.decode()
    assert "<h1>Preview Me" in html
    assert "License verified" not in html
