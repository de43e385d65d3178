"""The "get listed" form: validation, spam defences, and what happens once it is sent."""

import io
import logging
import socket

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from practitioners.applications import client_address, rate_limit_key
from practitioners.models import PractitionerApplication

APPLY = "/practitioners/apply/"


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def valid_data(**overrides):
    data = {
        "name": "Jordan Applicant",
        "credentials": "L.Ac.",
        "license_number": "AC-55501",
        "license_state": "CA",
        "board_certification": "NCCAOM Diplomate of Acupuncture",
        "board_certificate_number": "998877",
        "practice_name": "Applicant Acupuncture",
        "street_address": "12 Sample Street",
        "city": "San Francisco",
        "state": "CA",
        "zip_code": "94110",
        "phone": "(415) 555-0199",
        "email": "jordan@example.org",
        "website": "https://applicant.example.org/",
        "booking_url": "",
        "biography": "I treat headaches and back pain.",
        "conditions": [],
        "offers_telehealth": "on",
        "accepting_new_patients": "on",
        "consent": "on",
        "fax_number": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def image_file(name="photo.png", image_format="PNG", size=(60, 60)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "green").save(buffer, image_format)
    return SimpleUploadedFile(name, buffer.getvalue())


def test_the_form_is_there_with_csrf_protection(client, demo_site):
    response = client.get(APPLY)
    assert response.status_code == 200
    html = response.content.decode()
    assert "csrfmiddlewaretoken" in html
    assert 'enctype="multipart/form-data"' in html
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(APPLY, valid_data()).status_code == 403
    assert not PractitionerApplication.objects.exists()


def test_a_valid_application_is_saved_and_managers_are_told(
    client, demo_site, django_capture_on_commit_callbacks
):
    migraines = demo_site.root_page.get_descendants().get(slug="migraines")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(APPLY, valid_data(conditions=[migraines.pk], photo=image_file()))
    assert response.status_code == 302
    assert response["Location"] == "/practitioners/apply/thanks/"
    application = PractitionerApplication.objects.get()
    assert application.status == "new"
    assert application.consent is True
    assert list(application.conditions.all()) == [migraines.specific]
    assert application.photo.name.startswith("practitioner-applications/")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["directory@example.org"]
    assert "Jordan Applicant" in message.subject
    assert f"/admin/practitioners/practitionerapplication/inspect/{application.pk}/" in message.body

    thanks = client.get(response["Location"]).content.decode()
    assert "What happens next" in thanks


@pytest.fixture
def silent_smtp_server():
    """A port that accepts connections and never says a word, like a hung mail server."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        yield server.getsockname()[1]


@pytest.mark.parametrize("failure", ["refused", "hung"])
def test_the_applicant_is_thanked_when_the_notification_cannot_be_sent(
    client, demo_site, django_capture_on_commit_callbacks, settings, caplog, failure, request
):
    if failure == "refused":
        settings.EMAIL_BACKEND = "tests.failing_mail.RefusedEmailBackend"
    else:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = request.getfixturevalue("silent_smtp_server")
        settings.EMAIL_TIMEOUT = 0.5
    with (
        caplog.at_level(logging.ERROR, logger="practitioners.applications"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(APPLY, valid_data())
    assert response.status_code == 302
    assert response["Location"] == "/practitioners/apply/thanks/"
    assert "What happens next" in client.get(response["Location"]).content.decode()
    application = PractitionerApplication.objects.get()
    [record] = caplog.records
    assert record.getMessage().startswith(
        f"Could not send the notification of listing application {application.pk} "
        "(Jordan Applicant) to the 1 directory managers"
    )
    assert f"/practitionerapplication/inspect/{application.pk}/" in record.getMessage()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("zip_code", "00000", "00000 is not a US ZIP code we know"),
        ("zip_code", "9411", "Enter a US ZIP code: five digits"),
        ("state", "XX", "Select a valid choice"),
        ("license_state", "", "Choose the state that issued your license"),
        ("license_number", "#!", "A license number is 3 to 30 letters and digits"),
        ("phone", "call me", "Enter a US phone number with its area code"),
        ("website", "not a url", "Enter a valid URL"),
        ("email", "nobody", "Enter a valid email address"),
        ("consent", None, "We can only list you with your agreement"),
        ("name", "", "Enter your full name as it appears on your license"),
    ],
)
def test_each_field_explains_what_is_wrong(client, demo_site, field, value, message):
    response = client.post(APPLY, valid_data(**{field: value}))
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "Please correct these before sending" in html
    assert not PractitionerApplication.objects.exists()
    assert mail.outbox == []
    # What the applicant typed is still there.
    assert 'value="Jordan Applicant"' in html or field == "name"


@pytest.mark.parametrize(
    ("photo", "message"),
    [
        (SimpleUploadedFile("photo.png", b"not an image at all"), "Upload a valid image"),
        (image_file("photo.gif", "GIF"), "Send the photo as a JPEG, PNG or WebP file"),
        (image_file("photo.png", "BMP"), "Send the photo as a JPEG, PNG or WebP file"),
    ],
)
def test_photos_must_be_real_images_of_an_allowed_type(client, demo_site, photo, message):
    response = client.post(APPLY, valid_data(photo=photo))
    assert message in response.content.decode()
    assert not PractitionerApplication.objects.exists()


def test_photos_over_five_megabytes_are_refused(client, demo_site, monkeypatch):
    monkeypatch.setattr("practitioners.forms.MAX_PHOTO_BYTES", 100)
    response = client.post(APPLY, valid_data(photo=image_file()))
    assert "the largest we take is 5 MB" in response.content.decode()
    assert not PractitionerApplication.objects.exists()


def test_the_honeypot_quietly_drops_bots(client, demo_site):
    response = client.post(APPLY, valid_data(fax_number="555-0100"))
    assert response.status_code == 302
    assert not PractitionerApplication.objects.exists()
    assert mail.outbox == []


def test_one_address_cannot_flood_the_queue(client, demo_site, django_capture_on_commit_callbacks):
    for n in range(10):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(APPLY, valid_data(name=f"Applicant {n}"), REMOTE_ADDR="203.0.113.9")
    response = client.post(APPLY, valid_data(name="One too many"), REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 429
    assert "several applications from your connection" in response.content.decode()
    assert PractitionerApplication.objects.count() == 10
    other = client.post(APPLY, valid_data(name="Someone else"), REMOTE_ADDR="198.51.100.7")
    assert other.status_code == 302


def test_the_address_is_kept_only_as_a_keyed_hash(rf):
    request = rf.post(APPLY, REMOTE_ADDR="203.0.113.9")
    key = rate_limit_key(request)
    assert "203.0.113.9" not in key
    assert key == rate_limit_key(rf.post(APPLY, REMOTE_ADDR="203.0.113.9"))
    assert key != rate_limit_key(rf.post(APPLY, REMOTE_ADDR="203.0.113.10"))
    field_names = {field.name for field in PractitionerApplication._meta.get_fields()}
    assert not field_names & {"ip", "ip_address", "remote_addr", "address_hash"}


def test_without_trusted_proxies_a_forwarded_address_is_ignored(rf):
    """A visitor could write any X-Forwarded-For to dodge the limit; only REMOTE_ADDR counts."""
    first = rf.post(APPLY, REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="192.0.2.1")
    second = rf.post(APPLY, REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="192.0.2.2")
    assert client_address(first) == client_address(second) == "203.0.113.9"


@pytest.mark.parametrize(
    "proxies, forwarded, expected",
    [
        (1, "198.51.100.7", "198.51.100.7"),
        # Whatever the visitor wrote comes first; our proxy appends the address it saw.
        (1, "192.0.2.1, 198.51.100.7", "198.51.100.7"),
        (2, "192.0.2.1, 198.51.100.7, 10.0.0.5", "198.51.100.7"),
        # Fewer entries than proxies: a request that did not come through them all.
        (2, "198.51.100.7", "10.0.0.9"),
        (1, "", "10.0.0.9"),
    ],
)
def test_behind_trusted_proxies_the_address_they_saw_counts(
    rf, settings, proxies, forwarded, expected
):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = rf.post(APPLY, REMOTE_ADDR="10.0.0.9", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected


def test_behind_a_proxy_each_visitor_has_their_own_limit(
    client, demo_site, settings, django_capture_on_commit_callbacks
):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.9"}
    for n in range(10):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(
                APPLY,
                valid_data(name=f"Applicant {n}"),
                HTTP_X_FORWARDED_FOR="203.0.113.9",
                **proxy,
            )
    refused = client.post(
        APPLY, valid_data(name="One too many"), HTTP_X_FORWARDED_FOR="203.0.113.9", **proxy
    )
    assert refused.status_code == 429
    other = client.post(
        APPLY, valid_data(name="Someone else"), HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy
    )
    assert other.status_code == 302
