"""A writer changes the home page's introduction and features an article, through Settings.

The screenshot it takes illustrates "Keep the home page current" in docs/editors-guide.md.
"""

from playwright.sync_api import expect

from research.models import ResearchArticlePage
from tests.browser.test_writer_publishes_article import log_in, shot, type_rich_text

INTRO = "New this month: three trials on acupuncture for sleep."


def test_writer_changes_the_home_page_intro_and_features_an_article(
    page, live_site, console_errors
):
    article = ResearchArticlePage.objects.live().get(slug="sample-study-05")
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, live_site, username="writer")

    page.get_by_role("button", name="Settings").click()
    page.get_by_role("link", name="Home page content").click()
    expect(page.get_by_role("heading", name="Home page content", exact=True)).to_be_visible()
    page.locator("#id_intro").locator("xpath=..").locator("[contenteditable=true]").click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    type_rich_text(page, "id_intro", INTRO)

    page.get_by_role("button", name="Add Featured article").click()
    page.get_by_role("button", name="Choose a page").last.click()
    chooser = page.locator(".modal-content")
    chooser.get_by_role("textbox", name="Search term").fill(article.title[:30])
    chooser.get_by_role("link", name=article.title).click()
    expect(chooser).to_be_hidden()
    expect(page.locator(".modal-backdrop")).to_have_count(0)
    expect(page.get_by_text(article.title).first).to_be_visible()
    shot(page, "7-home-page-content")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Home page content updated.")).to_be_visible()

    page.goto(live_site + "/")
    expect(page.locator(".lede")).to_have_text(INTRO)
    featured = page.locator("section", has=page.get_by_role("heading", name="Featured research"))
    expect(featured.get_by_role("link", name=article.title)).to_be_visible()
    assert console_errors == []
