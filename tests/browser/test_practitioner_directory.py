"""The practitioner directory in a real browser: a visitor finds a practitioner; a practitioner
applies; a directory manager approves, verifies and publishes them.

The directory-manager journey also takes the screenshots in docs/images/ that the editors'
guide shows, so that the guide's pictures are the admin as it is.
"""

from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone
from playwright.sync_api import expect

from cms.demo import load_credentials

IMAGES = Path(settings.BASE_DIR) / "docs" / "images"


def test_visitor_searches_by_zip_filters_by_condition_and_opens_a_profile(
    page, live_site, console_errors
):
    page.goto(live_site + "/practitioners/")
    page.get_by_label("ZIP code").fill("94110")
    page.get_by_role("button", name="Search").click()
    results = page.get_by_role("heading", name="within 25 miles of 94110 (San Francisco, CA)")
    expect(results).to_be_visible()

    page.get_by_label("Condition treated").select_option(label="Migraines")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", name="who treat migraines")).to_be_visible()
    expect(page.get_by_label("ZIP code")).to_have_value("94110")
    cards = page.locator(".practitioner-card")
    expect(cards.first).to_contain_text("Migraines")
    first_distance = cards.first.locator(".practitioner-card__distance").inner_text()
    assert first_distance.endswith(" mi")

    name = cards.first.get_by_role("heading").get_by_role("link").inner_text()
    cards.first.get_by_role("link", name=name).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(name)
    expect(page.get_by_text("License verified")).to_be_visible()
    expect(page.get_by_role("link", name="Get directions")).to_be_visible()
    expect(page.get_by_role("link", name="Migraines")).to_have_attribute(
        "href", "/research/migraines/"
    )
    assert console_errors == []


def test_use_my_location_searches_near_the_visitor(new_context, live_site):
    context = new_context(
        geolocation={"latitude": 40.7484, "longitude": -73.9967}, permissions=["geolocation"]
    )
    page = context.new_page()
    page.goto(live_site + "/practitioners/")
    page.get_by_role("button", name="Use my location").click()
    expect(page.get_by_role("heading", name="of your location")).to_be_visible()
    expect(page.locator(".practitioner-card").first).to_contain_text("New York")


def shot(page, name):
    IMAGES.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(IMAGES / name), full_page=False)


@pytest.mark.usefixtures("console_errors")
def test_directory_manager_approves_verifies_and_publishes_an_application(page, live_site):
    page.set_viewport_size({"width": 1280, "height": 900})
    # A practitioner applies through the site.
    page.goto(live_site + "/practitioners/apply/")
    page.get_by_label("Full name", exact=False).first.fill("Sage Browserton")
    page.get_by_label("Email address").fill("sage@example.org")
    page.get_by_label("License number").fill("AC-77001")
    page.locator("#id_license_state").select_option("NY")
    page.get_by_label("Street address", exact=False).fill("5 Example Place")
    page.locator("#id_city").fill("New York")
    page.locator("#id_state").select_option("NY")
    page.get_by_label("ZIP code").fill("10011")
    page.get_by_label("Migraines").check()
    page.get_by_label("I agree to the directory checking").check()
    page.get_by_role("button", name="Send my application").click()
    expect(page.get_by_role("heading", name="What happens next")).to_be_visible()

    # The directory manager signs in and works the queue.
    page.goto(live_site + "/admin/login/")
    page.get_by_label("Username").fill("directory")
    page.get_by_label("Password").fill(load_credentials()["directory"]["password"])
    page.get_by_role("button", name="Sign in").click()
    page.goto(live_site + "/admin/practitioners/practitionerapplication/")
    expect(page.get_by_text("Sage Browserton")).to_be_visible()
    shot(page, "directory-application-queue.png")

    page.get_by_role("link", name="Approve", exact=True).click()
    expect(page.get_by_role("heading", name="Approve application")).to_be_visible()
    shot(page, "directory-approve-application.png")
    page.get_by_role("button", name="Approve and make a draft listing").click()

    # Approval lands on the draft listing; the manager records the check and publishes.
    expect(page.get_by_text("Application approved.")).to_be_visible()
    page.locator("#id_verification_status").select_option("verified")
    page.locator("#id_verified_on").fill(timezone.localdate().isoformat())
    page.locator("#id_verified_on").press("Escape")
    page.get_by_role("heading", name="License and verification").scroll_into_view_if_needed()
    shot(page, "directory-verify-practitioner.png")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("published", exact=False).first).to_be_visible()

    page.goto(live_site + "/practitioners/?zip=10011&radius=10")
    page.get_by_role("link", name="Sage Browserton").click()
    expect(page.get_by_text("License verified")).to_be_visible()
