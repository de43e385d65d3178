"""A visitor goes from the home page to the research library and on to the seed article."""

from playwright.sync_api import expect


def test_home_to_library_to_seed_article(page, live_site, console_errors):
    page.goto(live_site + "/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Research library").click()
    expect(page).to_have_url(live_site + "/research/")
    page.get_by_role("link", name="Migraines").first.click()
    expect(page).to_have_url(live_site + "/research/migraines/")

    page.get_by_role("link", name="Imaging the brain and vascular reactions").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Imaging the brain and vascular reactions to headache treatments: a systematic review"
    )
    expect(page.get_by_role("heading", name="Key Finding")).to_be_visible()
    expect(page.get_by_text("R Messina, R H Christensen, I Cetta et al.")).to_be_visible()
    assert console_errors == []


def test_skip_link_reaches_the_main_content(page, live_site, console_errors):
    page.goto(live_site + "/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(live_site + "/#main")
    assert console_errors == []
