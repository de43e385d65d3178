"""A writer builds an article in the Wagtail editor, previews it and publishes it.

The screenshots it takes illustrate docs/editors-guide.md ("Writers"); running the test refreshes
them, so the guide always shows the editor as it is.
"""

import re
from pathlib import Path

from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from research.models import ConditionIndexPage, ResearchArticlePage

IMAGES = Path(__file__).resolve().parents[2] / "docs" / "images"
PASSWORD = "writer-guide-password"


def shot(page, name):
    IMAGES.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=IMAGES / f"writers-{name}.png")


def log_in(page, live_site, username="admin"):
    user = get_user_model().objects.get(username=username)
    user.set_password(PASSWORD)
    user.save()
    page.goto(live_site + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(live_site + "/admin/")


def type_rich_text(page, field_id, text):
    """Type into the Draftail editor that stores its value in the hidden input `field_id`."""
    page.locator(f"#{field_id}").locator("xpath=..").locator("[contenteditable=true]").click()
    page.keyboard.type(text)
    # Draftail copies its text into the form on a short delay; wait until it is there.
    expect(page.locator(f"#{field_id}")).to_have_value(re.compile(re.escape(text[:20])))


def open_new_article_form(page, live_site, condition):
    page.goto(f"{live_site}/admin/pages/{condition.pk}/")
    page.get_by_role("link", name=re.compile("Add child page")).first.click()
    expect(page.get_by_role("tab", name="Citation")).to_be_visible()


def publish(page):
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish", exact=True).click()


def test_publishing_without_limitations_is_refused_in_words(page, live_site, console_errors):
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, live_site)
    open_new_article_form(page, live_site, ConditionIndexPage.objects.get(slug="migraines"))
    page.locator("#id_title").fill("A study still being written")
    page.get_by_role("tab", name="Summary").click()
    page.locator("#body-0-value-summary").fill("Acupuncture helped some people.")
    publish(page)
    expect(page.get_by_text("The Limitations section is empty").first).to_be_visible()
    shot(page, "3-missing-limitations")
    # The editor's autosave can race the refused publish and be answered 400 for the same
    # invalid form (seen on PostgreSQL); that is Wagtail's own background request.
    assert [error for error in console_errors if "status of 400" not in error] == []


def test_writer_creates_previews_and_publishes_an_article(page, live_site, console_errors):
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, live_site)
    open_new_article_form(page, live_site, ConditionIndexPage.objects.get(slug="migraines"))
    for tab in ("Summary", "Related", "Promote"):
        expect(page.get_by_role("tab", name=tab)).to_be_visible()
    shot(page, "1-citation-tab")

    page.locator("#id_title").fill("Acupuncture for tension-type headache: a sample review")
    page.locator("#id_journal").fill("Journal of Sample Integrative Medicine")
    page.locator("#id_publication_year").fill("2024")
    page.locator("#id_publication_month").select_option(label="March")
    page.locator("#id_authors-0-name").fill("A Writer")
    page.locator("#id_study_design").select_option(label="Systematic review")
    page.locator("#id_number_of_studies").fill("12")
    page.locator("#id_doi").fill("10.5555/sample.guide.2024")

    page.get_by_role("tab", name="Summary").click()
    expect(page.locator("#body-0-value-summary")).to_be_visible()
    shot(page, "2-summary-tab")
    page.locator("#body-0-value-summary").fill(
        "Acupuncture reduced how often tension-type headaches came back in this sample review."
    )
    page.locator("#body-1-value-heading").fill("Fewer headaches for some people")
    type_rich_text(page, "body-1-value-body", "This sample review pooled twelve small trials.")
    type_rich_text(page, "body-2-value-body", "Sample review of 12 RCTs; manual acupuncture.")
    type_rich_text(page, "body-3-value-body", "Most trials were small and not blinded.")

    page.get_by_role("button", name="Toggle preview").click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.get_by_role("heading", name="Key Finding")).to_be_visible(timeout=15_000)
    shot(page, "4-preview")
    page.get_by_role("button", name="Toggle preview").click()

    page.wait_for_timeout(1500)  # let autosave settle, or the form may post twice
    publish(page)
    expect(page.get_by_text(re.compile("has been published"))).to_be_visible()
    shot(page, "5-published")

    article = ResearchArticlePage.objects.get(title__startswith="Acupuncture for tension-type")
    assert article.live
    page.goto(live_site + article.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(article.title)
    expect(
        page.get_by_text("Journal of Sample Integrative Medicine · March 2024 · A Writer")
    ).to_be_visible()
    shot(page, "6-live-article")
    assert console_errors == []
