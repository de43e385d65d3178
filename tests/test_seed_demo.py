"""`manage.py seed_demo` builds the whole demo site, once."""

import io
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import override_settings

from cms import roles
from research.models import ConditionIndexPage, ResearchArticlePage

SEED_SLUG = "imaging-brain-vascular-reactions-headache-treatments"


def row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def test_second_run_changes_nothing(demo_site):
    before = row_counts()
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    assert row_counts() == before
    assert "nothing changed" in out.getvalue()


def test_builds_the_tree_with_six_conditions(demo_site):
    home = demo_site.root_page
    assert [p.slug for p in home.get_children()] == ["research", "practitioners"]
    conditions = ConditionIndexPage.objects.live()
    assert conditions.count() >= 6
    assert {"Migraines", "Low back pain", "Knee osteoarthritis", "Anxiety", "Insomnia"} <= set(
        conditions.values_list("title", flat=True)
    )


def test_seed_article_carries_the_real_citation(demo_site):
    article = ResearchArticlePage.objects.get(slug=SEED_SLUG)
    assert article.get_parent().title == "Migraines"
    assert article.journal == "The Journal of Headache and Pain"
    assert article.publication_label == "May 2023"
    assert [a.name for a in article.authors.all()] == [
        "R Messina",
        "R H Christensen",
        "I Cetta",
        "M Ashina",
        "M Filippi",
    ]
    assert article.doi == "10.1186/s10194-023-01590-5"
    assert article.pubmed_id == "37221469"
    assert {"fMRI", "neuroimaging", "neuromodulation"} <= set(article.tags.names())
    assert not article.is_sample_content
    assert [block.block_type for block in article.body] == [
        "finding",
        "explainer",
        "practitioner_notes",
        "limitations",
    ]


def test_seed_article_text_is_word_for_word(demo_site):
    seed_page = Path(__file__).resolve().parents[2] / "shared/reference/seed-article-page.txt"
    if not seed_page.exists():
        pytest.skip("../shared/reference is not beside this checkout")
    article = ResearchArticlePage.objects.get(slug=SEED_SLUG)
    stored = " ".join(str(block.render()) for block in article.body)
    for paragraph in seed_page.read_text().split("\n\n")[4:]:
        paragraph = paragraph.strip()
        if len(paragraph) > 80:
            assert paragraph.replace("'", "&#x27;").replace('"', "&quot;") in stored or (
                paragraph in stored
            ), paragraph[:60]


def test_sample_articles_say_they_are_samples(demo_site):
    samples = ResearchArticlePage.objects.live().filter(is_sample_content=True)
    assert samples.count() >= 24
    assert all(doi.startswith("10.5555/") for doi in samples.values_list("doi", flat=True))
    conditions_with_samples = {page.get_parent().pk for page in samples}
    assert len(conditions_with_samples) >= 6
    assert len(set(samples.values_list("study_design", flat=True))) >= 5
    assert len(set(samples.values_list("publication_year", flat=True))) >= 5


def test_one_account_per_role_and_an_administrator(demo_site):
    User = get_user_model()
    assert User.objects.get(username="admin").is_superuser
    for username, group in [
        ("writer", roles.WRITERS),
        ("reviewer", roles.CLINICAL_REVIEWERS),
        ("marketing", roles.MARKETING),
        ("directory", roles.DIRECTORY_MANAGERS),
    ]:
        user = User.objects.get(username=username)
        assert not user.is_superuser
        assert list(user.groups.values_list("name", flat=True)) == [group]


def test_passwords_are_generated_and_printed(db):
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    printed = out.getvalue()
    assert "writer" in printed and "http://" in printed
    User = get_user_model()
    line = next(line for line in printed.splitlines() if line.strip().startswith("writer"))
    password = line.split()[1]
    assert User.objects.get(username="writer").check_password(password)


@override_settings(DEMO_CONTENT_ALLOWED=False)
def test_refuses_to_run_under_production_settings(db):
    before = row_counts()
    with pytest.raises(CommandError, match="refuses"):
        call_command("seed_demo")
    assert row_counts() == before
