"""Applicants' photos: image bombs refused before decoding, what is kept re-encoded and private,
shown only to directory managers, deleted on rejection and copied into the listing on approval."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import checks
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from PIL import Image, ImageFile

from cms.roles import DIRECTORY_MANAGERS, WRITERS
from practitioners.models import ApplicationStatus, PractitionerApplication
from tests.practitioner_factories import user_in
from tests.test_practitioner_applications import APPLY, valid_data

QUEUE = "/admin/practitioners/practitionerapplication/"
PAYLOAD = b"<?php system($_GET['c']); ?>"


def png(size, mode="1", name="photo.png"):
    """A PNG of `size` pixels; one colour compresses a huge image into a small file."""
    buffer = io.BytesIO()
    Image.new(mode, size).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def jpeg_with_metadata_and_payload(name="holiday-at-home.jpg"):
    """A JPEG carrying its GPS position in EXIF, with a script appended after the image."""
    buffer = io.BytesIO()
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"
    exif.get_ifd(0x8825)[2] = (37.0, 46.0, 30.0)  # GPSLatitude
    Image.new("RGB", (300, 200), "teal").save(buffer, "JPEG", exif=exif)
    return SimpleUploadedFile(name, buffer.getvalue() + PAYLOAD, content_type="image/jpeg")


@pytest.fixture
def decoded_sizes(monkeypatch):
    """The size of every image Pillow decodes while the test runs."""
    sizes = []
    original = ImageFile.ImageFile.load

    def load(image):
        sizes.append(image.size)
        return original(image)

    monkeypatch.setattr(ImageFile.ImageFile, "load", load)
    return sizes


def apply_with(client, photo, **fields):
    return client.post(APPLY, valid_data(photo=photo, **fields))


@pytest.fixture
def sent_application(client, demo_site):
    """An application sent through the form with a photo, as an anonymous visitor does."""
    response = apply_with(client, jpeg_with_metadata_and_payload())
    assert response.status_code == 302
    return PractitionerApplication.objects.get()


def stored_path(application):
    return Path(settings.APPLICANT_PHOTOS_ROOT) / application.photo.name


# Image bombs and re-encoding


def test_an_image_bomb_is_refused_before_it_is_decoded(client, demo_site, decoded_sizes):
    """144 megapixels in a small PNG: below Pillow's own refusal, far above ours."""
    bomb = png((12_000, 12_000))
    assert bomb.size < 200_000
    response = apply_with(client, bomb)
    assert response.status_code == 200
    html = response.content.decode()
    assert "This photo is 12,000 × 12,000 pixels (144 megapixels)" in html
    assert "the largest we take is 25 megapixels" in html
    assert not PractitionerApplication.objects.exists()
    assert all(width * height <= 25_000_000 for width, height in decoded_sizes)


def test_an_image_past_pillows_own_limit_is_refused_in_words(client, demo_site):
    response = apply_with(client, png((15_000, 15_000)))
    assert "This photo is too large to take" in response.content.decode()
    assert not PractitionerApplication.objects.exists()


def test_the_pixel_cap_is_a_setting(client, demo_site, settings):
    settings.PRACTITIONER_PHOTO_MAX_PIXELS = 100 * 100
    response = apply_with(client, png((101, 100), mode="RGB"))
    assert "This photo is 101 × 100 pixels" in response.content.decode()
    assert "the largest we take is 0.01 megapixels" in response.content.decode()
    assert not PractitionerApplication.objects.exists()
    assert apply_with(client, png((100, 100), mode="RGB")).status_code == 302


def test_a_photo_over_five_megabytes_is_refused_in_words(client, demo_site):
    heavy = SimpleUploadedFile("photo.jpg", b"\xff" * (6 * 1024 * 1024), content_type="image/jpeg")
    response = apply_with(client, heavy)
    assert "This photo is 6.0\xa0MB; the largest we take is 5 MB." in response.content.decode()
    assert not PractitionerApplication.objects.exists()


def test_an_accepted_photo_is_re_encoded_without_metadata_or_payload(sent_application):
    data = stored_path(sent_application).read_bytes()
    assert PAYLOAD not in data
    assert b"Camera maker" not in data
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "JPEG"
        assert image.size == (300, 200)
        assert not image.getexif()
        assert "exif" not in image.info


def test_a_large_photo_is_scaled_down_when_re_encoded(client, demo_site):
    assert apply_with(client, png((4_800, 3_000), mode="RGB")).status_code == 302
    application = PractitionerApplication.objects.get()
    with Image.open(stored_path(application)) as image:
        assert image.size == (2_400, 1_500)


def test_wagtail_refuses_image_uploads_over_the_pixel_cap(client, demo_site):
    admin = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(admin)
    response = client.post(
        "/admin/images/add/", {"title": "Huge", "file": png((6_000, 5_000), name="huge.png")}
    )
    assert response.status_code == 200
    assert "This file has too many pixels (30000000)" in response.content.decode()


# Kept private


def test_the_photo_is_kept_outside_public_media_under_a_random_name(sent_application):
    name = sent_application.photo.name
    assert "holiday" not in name
    assert stored_path(sent_application).is_file()
    assert not (Path(settings.MEDIA_ROOT) / name).exists()
    assert (
        not Path(settings.APPLICANT_PHOTOS_ROOT)
        .resolve()
        .is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    )
    assert not sent_application.photo.url.startswith(settings.MEDIA_URL)


def test_visitors_cannot_fetch_an_applicants_photo(client, sent_application):
    url = sent_application.photo.url
    filename = Path(sent_application.photo.name).name
    for address in (url, f"/media/{sent_application.photo.name}", f"/media/{filename}"):
        response = client.get(address)
        assert response.status_code in (302, 403, 404), address
        assert response.get("Content-Type", "").split(";")[0] != "image/jpeg"
    assert client.get(url)["Location"].startswith("/admin/login/")


def test_other_staff_cannot_fetch_an_applicants_photo(client, sent_application):
    client.force_login(user_in(WRITERS, "penny"))
    response = client.get(sent_application.photo.url)
    assert (response.status_code, response.get("Location")) in ((302, "/admin/"), (403, None))


def test_a_directory_manager_sees_the_photo(client, sent_application):
    client.force_login(user_in(DIRECTORY_MANAGERS, "manager"))
    response = client.get(sent_application.photo.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert {"private", "no-store"} <= {
        directive.strip() for directive in response["Cache-Control"].split(",")
    }
    assert b"".join(response.streaming_content) == stored_path(sent_application).read_bytes()

    url = sent_application.photo.url
    inspect = client.get(f"{QUEUE}inspect/{sent_application.pk}/").content.decode()
    assert f'<img src="{url}"' in inspect
    decide = client.get(f"{QUEUE}approve/{sent_application.pk}/").content.decode()
    assert f'<img src="{url}"' in decide


def test_an_unknown_photo_name_is_404(client, sent_application):
    client.force_login(user_in(DIRECTORY_MANAGERS, "manager"))
    assert client.get(f"{QUEUE}photo/{'0' * 32}.jpg").status_code == 404


# Rejection and approval


def test_rejecting_deletes_the_photo(client, sent_application, django_capture_on_commit_callbacks):
    path = stored_path(sent_application)
    client.force_login(user_in(DIRECTORY_MANAGERS, "manager"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{QUEUE}reject/{sent_application.pk}/", {"reason": "License not found."}
        )
    assert response.status_code == 302
    sent_application.refresh_from_db()
    assert sent_application.status == ApplicationStatus.REJECTED
    assert not sent_application.photo
    assert not path.exists()


def test_approving_copies_the_photo_into_the_listing(client, sent_application):
    client.force_login(user_in(DIRECTORY_MANAGERS, "manager"))
    client.post(f"{QUEUE}approve/{sent_application.pk}/")
    sent_application.refresh_from_db()
    image = sent_application.practitioner.photo
    assert image is not None
    assert image.title == "Jordan Applicant"
    assert (image.width, image.height) == (300, 200)
    with image.open_file() as copied:
        assert copied.read() == stored_path(sent_application).read_bytes()


# Files stored before photos were private


def test_photos_stored_publicly_before_are_moved_or_deleted(demo_site):
    def application_with_public_photo(name, status):
        public_name = default_storage.save(
            f"practitioner-applications/{name}", jpeg_with_metadata_and_payload()
        )
        application = PractitionerApplication.objects.create(
            name=name, email="x@example.org", consent=True, status=status, photo=public_name
        )
        return application, public_name

    pending, pending_public = application_with_public_photo("pending.jpg", ApplicationStatus.NEW)
    rejected, rejected_public = application_with_public_photo(
        "rejected.jpg", ApplicationStatus.REJECTED
    )
    output = io.StringIO()
    call_command("move_applicant_photos", stdout=output)

    pending.refresh_from_db()
    assert not default_storage.exists(pending_public)
    assert "pending" not in pending.photo.name
    with Image.open(stored_path(pending)) as image:
        assert not image.getexif()
    rejected.refresh_from_db()
    assert not rejected.photo
    assert not default_storage.exists(rejected_public)
    assert "Moved 1 photo" in output.getvalue()
    assert "deleted 1" in output.getvalue()

    # A second run finds nothing left to do.
    again = io.StringIO()
    call_command("move_applicant_photos", stdout=again)
    assert "Moved 0 photos" in again.getvalue()


def test_the_deploy_check_refuses_photos_inside_public_media(settings):
    settings.APPLICANT_PHOTOS_ROOT = Path(settings.MEDIA_ROOT) / "applicant-photos"
    errors = checks.run_checks(tags=[checks.Tags.security])
    assert "practitioners.E001" in [error.id for error in errors]
    settings.APPLICANT_PHOTOS_ROOT = Path(settings.MEDIA_ROOT).parent / ".test-private"
    assert "practitioners.E001" not in [error.id for error in checks.run_checks()]
