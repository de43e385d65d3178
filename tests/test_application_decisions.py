"""Deciding on an application happens once, even when two managers decide at the same moment."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.test import Client

from cms.roles import DIRECTORY_MANAGERS
from practitioners.admin_views import DecisionView
from practitioners.models import ApplicationStatus, Practitioner
from tests.conftest import seed_demo
from tests.practitioner_factories import make_application, user_in

QUEUE = "/admin/practitioners/practitionerapplication/"


def manager(username):
    client = Client()
    client.force_login(user_in(DIRECTORY_MANAGERS, username, first_name=username.title()))
    return client


def test_a_second_approval_is_told_it_was_already_approved(demo_site):
    application = make_application()
    first, second = manager("ann"), manager("bea")
    # Both opened the confirmation page while the application was new.
    assert first.get(f"{QUEUE}approve/{application.pk}/").status_code == 200
    assert second.get(f"{QUEUE}approve/{application.pk}/").status_code == 200
    assert first.post(f"{QUEUE}approve/{application.pk}/").status_code == 302

    response = second.post(f"{QUEUE}approve/{application.pk}/", follow=True)
    assert response.redirect_chain == [(f"{QUEUE}inspect/{application.pk}/", 302)]
    assert "The application from Quinn Applicant was already approved by Ann" in (
        response.content.decode()
    )
    assert Practitioner.objects.filter(name="Quinn Applicant").count() == 1
    application.refresh_from_db()
    assert application.decided_by.username == "ann"


def test_a_rejection_after_an_approval_changes_nothing(demo_site):
    application = make_application()
    manager("ann").post(f"{QUEUE}approve/{application.pk}/")
    response = manager("bea").post(
        f"{QUEUE}reject/{application.pk}/", {"reason": "Not found"}, follow=True
    )
    assert "was already approved by Ann" in response.content.decode()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPROVED
    assert application.rejection_reason == ""


def test_a_decided_application_leads_back_to_its_record(demo_site):
    application = make_application()
    manager("ann").post(f"{QUEUE}reject/{application.pk}/", {"reason": "Not found"})
    response = manager("bea").get(f"{QUEUE}approve/{application.pk}/", follow=True)
    assert "was already rejected by Ann" in response.content.decode()
    assert not Practitioner.objects.filter(name="Quinn Applicant").exists()


@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="SQLite lets one writer in at a time, so parallel approvals prove nothing there; "
    "run the suite with DATABASE_URL=postgres://… to test them",
)
def test_two_managers_approving_at_once_make_one_listing(transactional_db, monkeypatch):
    seed_demo()  # the live-server tests empty the database after themselves
    application = make_application()
    clients = [manager("ann"), manager("bea")]
    # Both requests have read the application as new before either decides.
    both_checked = threading.Barrier(len(clients))
    check = DecisionView.check_action_permitted

    def check_then_wait(view, user):
        permitted = check(view, user)
        both_checked.wait()
        return permitted

    monkeypatch.setattr(DecisionView, "check_action_permitted", check_then_wait)

    def approve(client):
        try:
            return client.post(f"{QUEUE}approve/{application.pk}/").status_code
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=len(clients)) as pool:
        statuses = list(pool.map(approve, clients))
    assert statuses == [302, 302]
    assert Practitioner.objects.filter(name="Quinn Applicant").count() == 1
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPROVED
