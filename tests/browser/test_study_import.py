"""A writer pastes three DOIs into "Import studies" and finds three drafts waiting.

The screenshots illustrate docs/editors-guide.md ("Import studies"); running the test refreshes
them. Crossref is the local stub with its stored answers.
"""

from pathlib import Path

from playwright.sync_api import expect

from research.models import ResearchArticlePage
from tests.browser.test_writer_publishes_article import log_in

IMAGES = Path(__file__).resolve().parents[2] / "docs" / "images"
DOIS = [
    "10.5555/example.acupuncture.2024.17",
    "10.5555/example.import.2023.1",
    "https://doi.org/10.5555/example.import.2022.2",
]


def shot(page, name):
    IMAGES.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=IMAGES / f"import-{name}.png", full_page=True)


def test_writer_pastes_three_dois_and_sees_three_drafts(
    page, live_site, citation_services, console_errors
):
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, live_site, username="writer")
    page.get_by_role("link", name="Import studies").click()
    expect(page.get_by_role("heading", name="Import studies", level=1)).to_be_visible()
    page.get_by_label("DOIs and PubMed IDs").fill("\n".join(DOIS))
    page.get_by_label("Condition").select_option(label="Migraines")
    shot(page, "1-form")

    page.get_by_role("button", name="Import").click()
    expect(page.get_by_text("3 of 3 looked up")).to_be_visible()
    results = page.get_by_role("table", name="Results")
    expect(results.get_by_text("Created", exact=True)).to_have_count(3)
    shot(page, "2-results")

    drafts = ResearchArticlePage.objects.filter(doi__startswith="10.5555/example.")
    assert drafts.filter(live=False).count() == 3
    assert not drafts.filter(live=True).exists()

    results.get_by_role("link", name="Edit the draft “Electroacupuncture").click()
    expect(page.locator("#id_journal")).to_have_value("Example Journal of Pain Research")
    expect(page.locator("#id_authors-0-name")).to_have_value("I Ito")
    shot(page, "3-draft")
    assert console_errors == []
