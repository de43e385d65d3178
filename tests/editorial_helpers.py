"""What the editorial tests share: the demo accounts and an article editor's form data."""

from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from research.models import ConditionIndexPage, ResearchArticlePage

SEED_SLUG = "imaging-brain-vascular-reactions-headache-treatments"


def account(username):
    return get_user_model().objects.get(username=username)


def migraines():
    return ConditionIndexPage.objects.get(slug="migraines")


def seed_article():
    return ResearchArticlePage.objects.get(slug=SEED_SLUG)


def article_form(title="Acupuncture for tension headache", finding="Fewer headache days.", **extra):
    """POST data for the article editor, as the form sends it; `extra` adds or overrides."""
    data = {
        "title": title,
        "slug": extra.pop("slug", "acupuncture-tension-headache"),
        "journal": "Journal of Testing",
        "publication_year": "2024",
        "publication_month": "9",
        "publication_day": "",
        "volume": "",
        "issue": "",
        "pages": "",
        "doi": "",
        "pubmed_id": "",
        "source_url": "",
        "study_design": "rct",
        "number_of_studies": "",
        "number_of_participants": "120",
        "evidence_strength": "moderate",
        "tags": "",
        "authors": inline_formset([{"name": "A Alder"}, {"name": "B Brook"}]),
        "body": streamfield(
            [
                ("finding", {"summary": finding}),
                (
                    "explainer",
                    {"heading": "What it means", "body": rich_text("<p>It may help you.</p>")},
                ),
                ("practitioner_notes", {"body": rich_text("<p>RCT, n=120.</p>")}),
                ("limitations", {"body": rich_text("<p>One small trial.</p>")}),
            ]
        ),
        "related_pins": inline_formset([]),
        "comments": inline_formset([]),
    }
    data.update(extra)
    return nested_form_data(data)


def add_article_url(condition):
    return reverse("wagtailadmin_pages:add", args=["research", "researcharticlepage", condition.pk])


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])
