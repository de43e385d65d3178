"""A writer takes a new article from an empty form to review; a reviewer approves it; it is live.

The citation comes from a DOI through the "Fill in" button, answered by the local stub of
Crossref. Screenshots of each step go to docs/images/ for the editors' guide.
"""

import re
import time
from pathlib import Path

from playwright.sync_api import expect

from cms.demo import load_credentials
from research.models import ConditionIndexPage, ResearchArticlePage

GUIDE_IMAGES = Path(__file__).resolve().parents[2] / "docs" / "images"
EXAMPLE_DOI = "10.5555/example.acupuncture.2024.17"
TITLE = "Acupuncture for tension-type headache: an example randomised trial"


def screenshot(page, name):
    GUIDE_IMAGES.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=GUIDE_IMAGES / f"{name}.png")


def sign_in(page, live_site, username):
    page.goto(live_site + "/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(load_credentials()[username]["password"])
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def type_rich_text(page, block_index, text):
    """Type into the Draftail editor of the body's block `block_index`, and wait until the
    typed text is in the form (Draftail stores it on a short delay)."""
    editor = page.locator(f"[data-contentpath='body'] #body-{block_index}-value-body")
    page.locator(f"#body-{block_index}-value-body ~ .Draftail-Editor [contenteditable=true]").or_(
        editor.locator("xpath=..").locator("[contenteditable=true]")
    ).first.click()
    page.keyboard.type(text)
    expect(page.locator(f"input#body-{block_index}-value-body")).to_have_value(
        re.compile(re.escape(text[:20]))
    )


def open_more_actions(page):
    page.get_by_role("button", name="More actions").click()
    # The menu fades in; wait for its last item so screenshots show it whole.
    expect(page.locator("[data-w-dropdown-target='content'] button").last).to_be_visible()
    page.wait_for_timeout(300)


def wait_until(condition, timeout=10.0):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)


def test_writer_fills_from_doi_and_submits_then_reviewer_approves(
    new_context, live_site, citation_services
):
    migraines = ConditionIndexPage.objects.get(slug="migraines")

    # The writer starts a new article from the skeleton and fills the citation from its DOI.
    writer = new_context(viewport={"width": 1280, "height": 900}).new_page()
    script_errors = []
    writer.on("pageerror", lambda error: script_errors.append(str(error)))
    sign_in(writer, live_site, "writer")
    writer.goto(f"{live_site}/admin/pages/add/research/researcharticlepage/{migraines.pk}/")
    writer.locator("#id_doi").fill(EXAMPLE_DOI)
    writer.get_by_role("button", name="Fill in from DOI or PubMed ID").click()
    expect(writer.locator(".citation-fill [role=status]")).to_contain_text(
        "Filled in from Crossref", timeout=10_000
    )
    expect(writer.locator("#id_journal")).to_have_value("Example Journal of Integrative Medicine")
    expect(writer.locator("#id_title")).to_have_value(TITLE)
    expect(writer.locator("#id_publication_year")).to_have_value("2024")
    expect(writer.locator("input[name^='authors-'][name$='-name']")).to_have_count(4)
    expect(writer.locator("#id_authors-3-name")).to_have_value("D M Dale")
    writer.locator("#id_doi").evaluate("field => field.scrollIntoView({block: 'start'})")
    writer.mouse.wheel(0, -120)
    writer.wait_for_timeout(300)
    screenshot(writer, "writer-citation-fill-in")

    writer.locator("#id_study_design").select_option(label="Randomised controlled trial")
    writer.locator("#id_number_of_participants").fill("160")
    writer.get_by_role("tab", name="Summary").click()
    writer.locator("#body-0-value-summary").fill(
        "People who had acupuncture had fewer tension headaches than people who had sham treatment."
    )
    writer.locator("#body-1-value-heading").fill("Fewer headaches for people who tried it")
    type_rich_text(writer, 1, "In this example trial, people had fewer headache days.")
    type_rich_text(writer, 2, "Example RCT, n=160, eight sessions over four weeks.")
    type_rich_text(writer, 3, "One small example trial; the results need confirming.")

    # Autosave creates the page as a draft; submit once it has settled.
    expect(writer).to_have_url(re.compile(r"/admin/pages/\d+/edit/"), timeout=15_000)
    writer.wait_for_load_state("networkidle")
    article = ResearchArticlePage.objects.get(title=TITLE)
    open_more_actions(writer)
    screenshot(writer, "writer-submit-for-review")
    writer.get_by_role("button", name="Submit to Clinical review").click()
    expect(writer.get_by_text("has been submitted for moderation")).to_be_visible()
    article.refresh_from_db()
    assert not article.live
    assert script_errors == []
    writer.close()

    # The reviewer finds it waiting on the dashboard, and approves it.
    reviewer = new_context(viewport={"width": 1280, "height": 900}).new_page()
    sign_in(reviewer, live_site, "reviewer")
    awaiting = (
        reviewer.get_by_role("region", name="Awaiting your review")
        .or_(reviewer.locator("section", has_text="Awaiting your review"))
        .first
    )
    expect(awaiting).to_contain_text(TITLE)
    screenshot(reviewer, "reviewer-dashboard")
    reviewer.goto(f"{live_site}/admin/pages/{article.pk}/edit/")
    expect(reviewer.get_by_text("Content checks").first).to_be_attached()
    screenshot(reviewer, "reviewer-content-checks")

    open_more_actions(reviewer)
    reviewer.get_by_role("button", name="Request changes").click()
    expect(reviewer.get_by_role("dialog")).to_be_visible()
    screenshot(reviewer, "reviewer-request-changes")
    reviewer.get_by_role("dialog").get_by_role("button", name="Close").click()
    expect(reviewer.get_by_role("dialog")).to_be_hidden()

    open_more_actions(reviewer)
    screenshot(reviewer, "reviewer-approve")
    reviewer.get_by_role("button", name="Approve and Publish", exact=True).click()

    # Live, with the reviewer's credit.
    wait_until(lambda: ResearchArticlePage.objects.get(pk=article.pk).live)
    article = ResearchArticlePage.objects.get(pk=article.pk)
    reviewer.goto(live_site + article.url)
    expect(reviewer.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(reviewer.get_by_text("Medically reviewed by Dr Rowan Reviewer, MD, LAc")).to_be_visible()
    screenshot(reviewer, "article-reviewed-line")
