"""`manage.py seed_demo` builds the whole demo site, once."""

import io
from pathlib import Path
from urllib.parse import quote

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone
from wagtail.models import GroupCollectionPermission, PageLogEntry, Site, WorkflowState

from cms import roles
from research.clinical_review import IMAGE_PERMISSIONS
from research.models import ConditionIndexPage, ResearchArticlePage
from tests.pagetext import visible_text

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


def seed(base_url):
    out = io.StringIO()
    with override_settings(WAGTAILADMIN_BASE_URL=base_url):
        call_command("seed_demo", stdout=out)
    return out.getvalue()


def links_to(html, address):
    """Where the page's canonical, og:url and share links (raw and encoded) name `address`."""
    return {
        "canonical": f'<link rel="canonical" href="{address}">' in html,
        "og:url": f'<meta property="og:url" content="{address}">' in html,
        "copy link": f'class="share__link share__link--copy" href="{address}"' in html,
        "share on X": f"https://x.com/intent/post?url={quote(address, safe='')}" in html,
        "share by email": f"body={quote(address, safe='')}" in html,
    }


def test_the_demo_site_is_at_the_address_make_run_serves(client, demo_site):
    """`make run PORT=8791` seeds with WAGTAILADMIN_BASE_URL=http://127.0.0.1:8791."""
    printed = seed("http://127.0.0.1:8791")
    assert "created the site at http://127.0.0.1:8791" in printed
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("127.0.0.1", 8791, "http://127.0.0.1:8791")
    article = ResearchArticlePage.objects.get(slug=SEED_SLUG)
    address = f"http://127.0.0.1:8791{article.url}"
    html = client.get(article.url, HTTP_HOST="127.0.0.1:8791").content.decode()
    assert all(links_to(html, address).values()), links_to(html, address)
    assert "http://localhost" not in html

    # Served on another port next time: seeding again moves the site, and nothing else.
    before = row_counts()
    printed = seed("http://127.0.0.1:8792")
    assert row_counts() == before
    assert "created the site at http://127.0.0.1:8792" in printed
    html = client.get(article.url, HTTP_HOST="127.0.0.1:8792").content.decode()
    assert all(links_to(html, f"http://127.0.0.1:8792{article.url}").values())
    assert "127.0.0.1:8791" not in html
    assert "nothing changed" in seed("http://127.0.0.1:8792")


def test_a_secure_address_gives_the_site_port_443(demo_site):
    seed("https://research.example.org")
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == (
        "research.example.org",
        443,
        "https://research.example.org",
    )


def test_the_seed_article_shows_its_review_by_the_demo_reviewer(client, demo_site):
    article = ResearchArticlePage.objects.get(slug=SEED_SLUG)
    text = visible_text(client.get(article.url).content.decode())
    today = timezone.localdate()
    assert f"Medically reviewed by Dr Rowan Reviewer, MD, LAc on {today.day} {today:%B %Y}" in text
    assert "Last updated" not in text


def test_the_review_went_through_the_clinical_review_workflow(demo_site):
    """Submitted by the writer, approved by the reviewer: the workflow's own record, from which
    research.review.record_review_and_publish took the credit and published."""
    article = ResearchArticlePage.objects.get(slug=SEED_SLUG)
    assert article.live and article.reviewed_by.username == "reviewer"
    assert (article.reviewer_name, article.reviewer_credentials) == ("Dr Rowan Reviewer", "MD, LAc")
    [state] = WorkflowState.objects.for_instance(article)
    assert state.workflow.name == "Clinical review"
    assert state.status == WorkflowState.STATUS_APPROVED
    assert state.requested_by.username == "writer"
    [task_state] = state.task_states.all()
    assert task_state.finished_by.username == "reviewer"
    assert task_state.revision.user.username == "writer"
    history = [
        (entry.action, entry.user.username if entry.user else None)
        for entry in PageLogEntry.objects.filter(page=article).order_by("timestamp", "pk")
    ]
    assert history[-3:] == [
        ("wagtail.workflow.start", "writer"),
        ("wagtail.workflow.approve", "reviewer"),
        ("wagtail.publish", "reviewer"),
    ]
    assert article.first_published_at.year == 2023  # the date the demo dates it, kept


def test_a_demo_seeded_before_reviews_gets_its_review_on_the_next_run(client, demo_site):
    ResearchArticlePage.objects.filter(slug=SEED_SLUG).update(
        reviewed_by=None, reviewed_at=None, reviewer_name="", reviewer_credentials=""
    )
    printed = seed("http://testserver")
    assert "created the review of “Imaging the brain" in printed
    article = ResearchArticlePage.objects.get(slug=SEED_SLUG)
    assert article.reviewer_name == "Dr Rowan Reviewer"
    assert "Medically reviewed by Dr Rowan Reviewer" in client.get(article.url).content.decode()


def test_seeding_an_emptied_database_gives_writers_and_reviewers_their_image_rights(demo_site):
    """A flushed database (as after a browser test) loses what the migrations granted; the demo
    gives the image permissions back, so the reviewer still sees Images."""
    GroupCollectionPermission.objects.all().delete()
    call_command("seed_demo", stdout=io.StringIO())
    granted = {
        (grant.group.name, grant.permission.codename)
        for grant in GroupCollectionPermission.objects.select_related("group", "permission")
    }
    expected = {
        (group, codename) for group, codes in IMAGE_PERMISSIONS.items() for codename in codes
    }
    assert expected <= granted
