"""A visitor reads the evidence map, opens a cell, and lands on the studies it counts; the map's
pages pass axe's accessibility rules."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect


def test_a_cell_opens_the_studies_it_counts(page, live_site, console_errors):
    page.goto(live_site + "/research/")
    cell = page.get_by_role("link", name="Migraines, emerging evidence: 3 articles")
    expect(cell).to_be_visible()
    cell.click()
    expect(page).to_have_url(re.compile(r"condition=migraines&strength=emerging"))
    expect(page.locator(".result-count")).to_have_text(re.compile(r"^3 articles"))
    expect(
        page.get_by_role("link", name=re.compile("Strength of evidence: Emerging"))
    ).to_be_visible()
    assert console_errors == []


def test_the_map_scrolls_inside_its_box_on_a_phone(page, live_site):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_site + "/research/")
    page_width = page.evaluate("document.documentElement.scrollWidth")
    assert page_width <= 360, "the page itself must not scroll sideways"
    box = page.locator(".evidence-map__scroll").first
    assert box.evaluate("element => element.scrollWidth > element.clientWidth")


@pytest.mark.parametrize("address", ["/research/", "/research/migraines/", "/"])
def test_pages_with_the_map_have_no_accessibility_violations(page, live_site, address):
    page.goto(live_site + address)
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_snapshot()
