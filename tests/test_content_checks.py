"""The article's content checks: what they flag, and that they never block."""

import pytest
from django.test import Client
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from cms.models import EditorialSettings
from research.content_checks import (
    EXPLAINER_MAX_GRADE,
    FINDING_MAX_WORDS,
    check_article,
    count_syllables,
    reading_grade,
)
from research.models import ResearchArticlePage
from tests import factories
from tests.editorial_helpers import account, add_article_url, article_form, edit_url, migraines

CLAIM_WORDS = ["cure", "guaranteed", "proven to", "miracle", "no side effects"]
PLAIN = (
    "We gave people with back pain ten sessions. Half had real needles. Half had fake ones. "
    "After two months, the real group had less pain. The fake group felt a bit better too. "
    "So part of the help may come from the visits themselves."
)
DENSE = (
    "Neuroimaging investigations demonstrated that acupuncture intervention modulated "
    "abnormal nociceptive processing within headache-associated cortical and subcortical "
    "regions, paralleling neuromodulatory therapeutic mechanisms, although methodological "
    "heterogeneity, insufficient statistical power and inconsistent analytical approaches "
    "substantially constrain generalisability of the conclusions."
)


def article(finding="Acupuncture reduced pain.", explainer=PLAIN, extra_blocks=(), **fields):
    return factories.ResearchArticleFactory.build(
        body=[
            ("finding", {"summary": finding}),
            ("explainer", {"heading": "What it means", "body": f"<p>{explainer}</p>"}),
            ("practitioner_notes", {"body": "<p>RCT, n=100.</p>"}),
            *extra_blocks,
            ("limitations", {"body": "<p>Small study.</p>"}),
        ],
        **fields,
    )


def messages(page, claim_words=CLAIM_WORDS):
    return [warning.message for warning in check_article(page, claim_words)]


@pytest.mark.parametrize(
    "word, syllables",
    [("pain", 1), ("cure", 1), ("needle", 2), ("acupuncture", 4), ("the", 1), ("agree", 2)],
)
def test_syllables_are_counted_the_usual_way(word, syllables):
    assert count_syllables(word) == syllables


def test_plain_words_grade_low_and_dense_prose_high():
    assert reading_grade(PLAIN) < 6
    assert reading_grade(DENSE) > 16
    assert reading_grade("Too short to grade.") is None


def test_a_clean_article_has_no_warnings(db):
    assert messages(article()) == []


def test_a_long_finding_is_flagged(db):
    long_finding = " ".join(["word"] * (FINDING_MAX_WORDS + 1))
    assert messages(article(finding=long_finding)) == [
        f"The key finding has {FINDING_MAX_WORDS + 1} words. Keep it to {FINDING_MAX_WORDS} or "
        "fewer so a reader takes it in at a glance; details belong in the sections below."
    ]
    assert messages(article(finding=" ".join(["word"] * FINDING_MAX_WORDS))) == []


def test_a_hard_to_read_explainer_is_flagged(db):
    [warning] = messages(article(explainer=DENSE))
    assert warning.startswith("“What this means for you” reads at school grade")
    assert f"Aim for grade {EXPLAINER_MAX_GRADE:.0f} or below" in warning


def test_claim_words_are_flagged_wherever_they_are(db):
    page = article(
        title="A miracle for migraine?",
        finding="Acupuncture is Proven  to help and has NO side effects.",
        extra_blocks=[("quote", {"quote": "It is guaranteed.", "attribution": ""})],
    )
    assert messages(page) == [
        "“guaranteed” appears in Pull quote. A health site must not promise results: say "
        "what the study found, e.g. “reduced”, “may help”, “in this study”.",
        "“proven to” appears in Key finding. A health site must not promise results: say "
        "what the study found, e.g. “reduced”, “may help”, “in this study”.",
        "“miracle” appears in Title. A health site must not promise results: say what the "
        "study found, e.g. “reduced”, “may help”, “in this study”.",
        "“no side effects” appears in Key finding. A health site must not promise results: "
        "say what the study found, e.g. “reduced”, “may help”, “in this study”.",
    ]


def test_claim_words_match_whole_words_only(db):
    assert messages(article(finding="A secure, curated and procured result.")) == []


def test_administrators_choose_the_claim_words(demo_site):
    settings = EditorialSettings.for_site(demo_site)
    settings.claim_words = "breakthrough\n\n  game changer  \n"
    settings.save()
    page = article(finding="A game   changer, a breakthrough, a cure.")
    found = messages(page, settings.claim_word_list())
    assert [message.split(" appears")[0] for message in found] == [
        "“breakthrough”",
        "“game changer”",
    ]


def test_an_image_without_alt_text_is_flagged(db):
    undescribed = Image.objects.create(title="fig2.png", file=get_test_image_file())
    described = Image.objects.create(
        title="fig3.png",
        file=get_test_image_file(),
        description="Brain scans before and after treatment",
    )
    page = article(
        extra_blocks=[
            ("image", {"image": undescribed, "caption": "", "credit": ""}),
            ("image", {"image": described, "caption": "", "credit": ""}),
        ]
    )
    [warning] = check_article(page, CLAIM_WORDS)
    assert warning.message.startswith("The image “fig2.png” has no alt text.")
    assert warning.link_url == f"/admin/images/{undescribed.pk}/"


def test_a_study_already_covered_is_flagged_with_a_link(demo_site):
    other = factories.create_article(migraines(), doi="10.5555/twice", slug="covered")
    [warning] = check_article(article(doi="10.5555/TWICE"), CLAIM_WORDS)
    assert f"“{other.title}”" in warning.message
    assert warning.link_url == edit_url(other)


def test_warnings_show_in_the_editor_and_never_block_submitting(demo_site):
    writer = Client()
    writer.force_login(account("writer"))
    response = writer.post(
        add_article_url(migraines()),
        article_form(finding="A guaranteed miracle cure.", **{"action-submit": "1"}),
    )
    assert response.status_code == 302
    page = ResearchArticlePage.objects.get(slug="acupuncture-tension-headache")
    assert page.current_workflow_state is not None
    editor = writer.get(edit_url(page)).content.decode()
    assert "3 things to check before this goes live" in editor
    assert "“miracle” appears in Key finding" in editor
    # Wagtail's own checks (accessibility, word count, reading time) are still there.
    assert "Toggle checks" in editor
