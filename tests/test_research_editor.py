"""A writer creates, previews and publishes an article through the admin's own views."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.models import ShareBlock
from research.models import ConditionIndexPage, ResearchArticlePage, article_body_skeleton
from tests.pagetext import visible_text

FINDING = "Acupuncture reduced tinnitus loudness after eight weeks."


@pytest.fixture
def editor(client, demo_site):
    admin = get_user_model().objects.get(username="admin")
    client.force_login(admin)
    return client


@pytest.fixture
def migraines(demo_site):
    return ConditionIndexPage.objects.get(slug="migraines")


def article_form(action, sections=("finding", "explainer", "practitioner_notes", "limitations")):
    blocks = {
        "finding": ("finding", {"summary": FINDING}),
        "explainer": (
            "explainer",
            {"heading": "Quieter ears", "body": rich_text("<p>It may help you.</p>")},
        ),
        "practitioner_notes": (
            "practitioner_notes",
            {"body": rich_text("<p>RCT, n=80, 16 sessions.</p>")},
        ),
        "limitations": ("limitations", {"body": rich_text("<p>One small trial.</p>")}),
    }
    data = nested_form_data(
        {
            "title": "Acupuncture for chronic tinnitus: a randomised trial",
            "slug": "acupuncture-chronic-tinnitus",
            "journal": "Journal of Testing",
            "publication_year": 2022,
            "publication_month": 3,
            "publication_day": "",
            "volume": "",
            "issue": "",
            "pages": "",
            "authors": inline_formset([{"name": "A Writer"}, {"name": "B Writer"}]),
            "doi": "10.5555/tinnitus.2022",
            "pubmed_id": "",
            "source_url": "",
            "study_design": "rct",
            "number_of_studies": "",
            "number_of_participants": 80,
            "evidence_strength": "moderate",
            "body": streamfield([blocks[name] for name in sections]),
            "tags": "tinnitus, sleep",
            "related_pins": inline_formset([]),
            "comments": inline_formset([]),
            "seo_title": "",
            "search_description": "",
        }
    )
    data[action] = action
    return data


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=("research", "researcharticlepage", parent.pk))


def test_new_article_starts_with_the_four_sections_in_order(editor, migraines):
    response = editor.get(add_url(migraines))
    assert response.status_code == 200
    html = response.content.decode()
    for tab in ("Citation", "Summary", "Related", "Promote"):
        assert f">{tab}<" in html or f"{tab}\n" in html
    assert [block["type"] for block in article_body_skeleton()] == [
        "finding",
        "explainer",
        "practitioner_notes",
        "limitations",
    ]
    assert len({block["id"] for block in article_body_skeleton()}) == 4
    assert "How much weight this evidence can bear" in html


def test_writer_can_preview_then_publish(editor, migraines):
    preview_url = reverse(
        "wagtailadmin_pages:preview_on_add", args=("research", "researcharticlepage", migraines.pk)
    )
    response = editor.post(preview_url, article_form("action-publish"))
    assert response.json()["is_valid"]
    preview = editor.get(preview_url)
    assert preview.status_code == 200
    text = visible_text(preview.content.decode())
    assert "Acupuncture for chronic tinnitus: a randomised trial" in text
    assert FINDING in text
    assert "Journal of Testing · March 2022 · A Writer, B Writer" in text

    response = editor.post(add_url(migraines), article_form("action-publish"))
    assert response.status_code == 302
    article = ResearchArticlePage.objects.get(slug="acupuncture-chronic-tinnitus")
    assert article.live
    assert [author.name for author in article.authors.all()] == ["A Writer", "B Writer"]
    assert {tag.name for tag in article.tags.all()} == {"tinnitus", "sleep"}

    editor.logout()
    public = visible_text(editor.get(article.url).content.decode())
    assert FINDING in public
    assert "Related research in Migraines" in public


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("finding", "The Key finding is missing."),
        ("limitations", "The Limitations section is missing."),
    ],
)
def test_publishing_without_a_required_section_says_so_in_words(
    editor, migraines, missing, message
):
    sections = [
        name
        for name in ("finding", "explainer", "practitioner_notes", "limitations")
        if name != missing
    ]
    response = editor.post(add_url(migraines), article_form("action-publish", sections))
    assert response.status_code == 200
    html = response.content.decode()
    assert "The page could not be created due to validation errors" in html
    assert "Body: Some sections need attention: see the messages beside them." in html
    # Once in the message at the top, once beside the body's sections.
    assert html.count(message) == 2
    assert "minimum number of items" not in html
    assert not ResearchArticlePage.objects.filter(slug="acupuncture-chronic-tinnitus").exists()


def test_an_empty_required_section_is_named_at_the_top(editor, migraines):
    data = article_form("action-publish")
    data["body-0-value-summary"] = ""
    response = editor.post(add_url(migraines), data)
    html = response.content.decode()
    assert "The Key finding is empty" in html
    assert "This field is required." in html


def test_a_draft_may_leave_sections_out(editor, migraines):
    response = editor.post(add_url(migraines), article_form("action-save-draft", ["finding"]))
    assert response.status_code == 302
    article = ResearchArticlePage.objects.get(slug="acupuncture-chronic-tinnitus")
    assert not article.live


def test_bad_citation_fields_get_messages(editor, migraines):
    data = article_form("action-publish")
    data.update(doi="https://doi.org/10.5555/x", pubmed_id="PMID 1", publication_year=2999)
    html = editor.post(add_url(migraines), data).content.decode()
    assert "A DOI starts with" in html
    assert "A PubMed ID is digits only" in html
    assert "cannot be in the future" in html


def test_marketing_can_edit_the_share_block(client, demo_site):
    marketing = get_user_model().objects.get(username="marketing")
    client.force_login(marketing)
    block = ShareBlock.objects.default()
    url = reverse("wagtailsnippets_cms_shareblock:edit", args=(block.pk,))
    assert client.get(url).status_code == 200
    data = {
        field: getattr(block, field) for field in ("name", "heading", "intro", "label", "x_label")
    }
    data.update(heading="Did this help?", is_default="on", offer_x="on", offer_email="on")
    response = client.post(url, data)
    assert response.status_code == 302
    block.refresh_from_db()
    assert block.heading == "Did this help?"
    assert (block.offer_x, block.offer_facebook) == (True, False)


def test_every_article_field_has_help_text():
    own_fields = [
        field
        for field in ResearchArticlePage._meta.get_fields()
        if field.concrete and field.model is ResearchArticlePage and not field.primary_key
    ]
    assert len(own_fields) > 15
    for field in own_fields:
        assert field.help_text, field.name
