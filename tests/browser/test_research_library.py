"""A visitor searches, filters and pages the library, then opens an article."""

import re

from playwright.sync_api import expect


def test_search_filter_and_page_the_library_then_open_an_article(page, live_site, console_errors):
    page.goto(live_site + "/research/")
    results = page.locator(".result-count")
    expect(results).to_contain_text("page 1 of 3")

    page.get_by_role("link", name="Next →").click()
    expect(page).to_have_url(re.compile(r"\?page=2$"))
    expect(results).to_contain_text("page 2 of 3")

    page.get_by_label("Search the research").fill("acupuncture")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page).to_have_url(re.compile(r"q=acupuncture"))
    expect(results).to_contain_text("matching “acupuncture”")

    page.get_by_label("Condition", exact=True).select_option(label="Migraines")
    page.get_by_label("Study design").select_option(label="Systematic review")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_role("link", name=re.compile("Condition: Migraines"))).to_be_visible()
    expect(results).to_have_text(re.compile(r"^1 article matching"))

    page.get_by_role("link", name=re.compile("Study design: Systematic review")).click()
    expect(page).not_to_have_url(re.compile("design="))
    expect(page.get_by_role("link", name=re.compile("Condition: Migraines"))).to_be_visible()

    page.go_back()
    expect(page).to_have_url(re.compile("design=systematic_review"))
    page.get_by_role("link", name=re.compile("^Imaging the brain and vascular reactions")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Imaging the brain and vascular reactions to headache treatments: a systematic review"
    )
    expect(page.get_by_text("2 min read")).to_be_visible()
    expect(page.get_by_role("heading", name="Found this research helpful?")).to_be_visible()
    expect(page.get_by_role("link", name="Download RIS citation")).to_be_visible()
    assert console_errors == []


def test_empty_search_offers_a_way_out(page, live_site, console_errors):
    page.goto(live_site + "/research/?q=zzqxj")
    expect(page.get_by_text("No articles match “zzqxj”.")).to_be_visible()
    page.get_by_role("link", name="see all the research").click()
    expect(page).to_have_url(live_site + "/research/")
    assert console_errors == []
