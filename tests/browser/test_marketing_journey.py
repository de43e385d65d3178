"""Marketing writes a call to action for one condition, publishes it, sees it and its click.

The screenshots it takes illustrate the Marketing chapter of docs/editors-guide.md.
"""

import contextlib
import re
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from cms.demo import load_credentials
from tests.cta_helpers import article_in

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "images"
HEADING = "Sleep better: acupuncture for Insomnia?"


def shoot(page, name, element=None):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (element or page).screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def sign_in(page, live_site, username):
    page.goto(live_site + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(load_credentials()[username]["password"])
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(live_site + "/admin/")


def test_marketing_writes_targets_publishes_and_measures_a_call_to_action(
    page, live_site, console_errors
):
    page.set_viewport_size({"width": 1280, "height": 900})
    insomnia_article, migraine_article = article_in("insomnia"), article_in("migraines")
    sign_in(page, live_site, "marketing")

    # Writing
    page.get_by_role("link", name="Calls to action").click()
    page.get_by_role("link", name="Add call to action").first.click()
    page.get_by_label("Internal name").fill("Insomnia – winter")
    page.get_by_label("Heading").fill("Sleep better: acupuncture for {condition}?")
    page.get_by_label("Text").fill("Licensed practitioners near you treat sleep problems.")
    page.get_by_label("Button label").fill("Find a practitioner →")
    shoot(page, "marketing-cta-write")

    # Where the button leads: the practitioner directory, chosen from the page tree
    page.get_by_role("button", name="Choose a page").click()
    chooser = page.get_by_role("dialog")
    chooser.get_by_placeholder("Search…").fill("Find a practitioner")
    chooser.get_by_role("link", name="Find a practitioner").click()
    expect(chooser).to_be_hidden()

    # Targeting: one condition only
    page.get_by_label("Insomnia").check()
    shoot(page, "marketing-cta-target", page.locator("section", has_text="Where it shows").first)

    # Scheduling: the dialog is shown, then left without a schedule so it goes live now
    # Autosave creates the draft a moment after typing and moves to its edit address; saving
    # before then could post the new call to action twice.
    edit_address = re.compile(r"/admin/snippets/cms/calltoaction/edit/\d+/")
    # If autosave has not created it by then (seen on a busy machine), saving creates it once.
    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_url(edit_address, timeout=20_000)
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text(re.compile(r"'Insomnia – winter' (created|updated)"))).to_be_visible()
    expect(page).to_have_url(edit_address)
    page.get_by_role("button", name="Toggle status").click()
    page.get_by_role("button", name="Set schedule").click()
    schedule = page.get_by_role("dialog", name="Set publishing schedule")
    expect(schedule).to_be_visible()
    shoot(page, "marketing-cta-schedule")
    page.keyboard.press("Escape")
    expect(schedule).to_be_hidden()

    # Previewing on a real insomnia article
    page.get_by_role("button", name="Toggle preview").click()
    preview = page.frame_locator("#w-preview-iframe")
    # The preview renders a whole article in the panel, which takes a while on a busy machine.
    expect(preview.get_by_role("heading", name=re.compile("^Sleep better"))).to_be_visible(
        timeout=30_000
    )
    page.get_by_label("Preview mode").select_option(label="On Insomnia")
    previewed_heading = preview.get_by_role("heading", name=HEADING)
    expect(previewed_heading).to_be_visible(timeout=30_000)
    previewed_heading.scroll_into_view_if_needed()
    shoot(page, "marketing-cta-preview")
    page.get_by_role("button", name="Toggle preview").click()

    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("published", exact=False).first).to_be_visible()

    # The visitor on an insomnia article sees it; on a migraine article, not
    page.goto(live_site + migraine_article.url)
    expect(
        page.get_by_role("heading", name="Ready to try acupuncture for Migraines?")
    ).to_be_visible()
    expect(page.get_by_role("heading", name=HEADING)).to_have_count(0)
    page.goto(live_site + insomnia_article.url)
    promotion = page.get_by_role("complementary").filter(has_text="Promotion")
    expect(promotion.get_by_role("heading", name=HEADING)).to_be_visible()
    shoot(page, "marketing-cta-on-article", promotion)
    promotion.get_by_role("link", name="Find a practitioner →").click()
    expect(page).to_have_url(live_site + "/practitioners/?condition=insomnia")

    # Measuring
    page.goto(live_site + "/admin/")
    page.get_by_role("button", name="Reports").click()
    # The submenu's link, not the snippet listing of the same name in the main menu.
    page.get_by_role("list", name="Reports").get_by_role("link", name="Calls to action").click()
    row = page.get_by_role("row").filter(has_text="Insomnia – winter")
    expect(row).to_contain_text(insomnia_article.title)
    expect(row.get_by_role("cell")).to_have_text(
        ["Insomnia – winter", insomnia_article.title, "1", "1", "100.0%"]
    )
    expect(page.get_by_text(re.compile(r"Clicks per day, .*: 1 in all"))).to_be_visible()
    shoot(page, "marketing-cta-report")
    assert console_errors == []
