"""Demo content: the research library under the site's home page, its conditions, the evidence
guide, the seed article and the sample studies, from the data in research/demo_data.py.
"""

import datetime
import itertools

from django.apps import apps as app_registry
from django.contrib.auth import get_user_model
from django.test.utils import override_settings
from django.utils import timezone

from cms.seeding import ensure_page, site_root
from research import clinical_review
from research.demo_data import (
    CONDITIONS,
    EVIDENCE_GUIDE_CLOSING,
    EVIDENCE_GUIDE_INTRO,
    SAMPLE_INITIALS,
    SAMPLE_STUDIES,
    SAMPLE_SURNAMES,
    SEED_ARTICLE,
)
from research.models import (
    ArticleAuthor,
    ConditionIndexPage,
    EvidenceGuidePage,
    ResearchArticlePage,
    ResearchLibraryPage,
    StudyDesign,
)


def paragraphs(texts):
    return "".join(f"<p>{text}</p>" for text in texts)


def body_for(finding, heading, explainer, notes, limitations):
    return [
        ("finding", {"summary": finding}),
        ("explainer", {"heading": heading, "body": paragraphs(explainer)}),
        ("practitioner_notes", {"body": paragraphs(notes)}),
        ("limitations", {"body": paragraphs(limitations)}),
    ]


def ensure_article(condition, fields, authors, tags, body, published, demo, publish=True):
    """The article under `condition` with this slug; made if missing, and published unless
    `publish` is False (then it is a draft, which goes live only through the review workflow)."""
    existing = condition.get_children().filter(slug=fields["slug"]).specific().first()
    if existing is not None:
        return existing
    article = ResearchArticlePage(**fields, body=body, first_published_at=published, live=publish)
    article.authors = [ArticleAuthor(name=name, sort_order=i) for i, name in enumerate(authors)]
    article.tags.set(tags)
    if publish:
        return ensure_page(condition, article, demo)
    condition.add_child(instance=article)
    demo.made(f"draft “{article.title}”")
    return article


def review_through_workflow(article, demo):
    """Take an article never reviewed through "Clinical review" as the editor does: the demo
    writer submits it, the demo reviewer approves it. The approval records the credit and
    publishes (research.review.record_review_and_publish), so the page shows "Medically
    reviewed by …" from the workflow's own record."""
    if article.reviewed_at is not None or article.workflow_in_progress:
        return
    accounts = get_user_model().objects.in_bulk(["writer", "reviewer"], field_name="username")
    writer, reviewer = accounts["writer"], accounts["reviewer"]
    # The notifications go to the demo's example.org addresses; in the console that `make run`
    # prints its sign-ins to they would only bury them.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        article.save_revision(user=writer)
        article.get_workflow().start(article, writer)
        # The reviewer acts later, in a request of their own that loads the submission afresh
        # (objects left over from submitting would publish the page as it was before approval).
        task_state = ResearchArticlePage.objects.get(pk=article.pk).current_workflow_task_state
        task_state.task.specific.on_action(task_state, reviewer, "approve")
    demo.made(f"the review of “{article.title}” by {reviewer.get_full_name()}")


def seed_article(migraines, demo):
    spec = SEED_ARTICLE
    fields = {
        key: spec[key]
        for key in (
            "title",
            "slug",
            "journal",
            "publication_year",
            "publication_month",
            "publication_day",
            "volume",
            "issue",
            "pages",
            "doi",
            "pubmed_id",
            "source_url",
            "study_design",
            "number_of_studies",
            "evidence_strength",
        )
    }
    body = body_for(
        spec["finding"],
        spec["explainer_heading"],
        spec["explainer"],
        spec["practitioner_notes"],
        spec["limitations"],
    )
    published = timezone.make_aware(datetime.datetime(2023, 6, 12, 9, 0))
    article = ensure_article(
        migraines, fields, spec["authors"], spec["tags"], body, published, demo, publish=False
    )
    review_through_workflow(article, demo)


def sample_authors(number, offset):
    names = itertools.islice(
        itertools.cycle(zip(SAMPLE_INITIALS * 2, SAMPLE_SURNAMES, strict=False)),
        offset,
        offset + number,
    )
    return [f"{initials} {surname}" for initials, surname in names]


def seed_samples(conditions, demo):
    for index, study in enumerate(SAMPLE_STUDIES, start=1):
        (
            condition_slug,
            title,
            design,
            year,
            month,
            author_count,
            studies,
            participants,
            strength,
            tags,
            finding,
        ) = study
        condition = conditions[condition_slug]
        design_label = StudyDesign(design).label.lower()
        size = f"{studies} studies" if studies else f"{participants} participants"
        fields = {
            "title": title,
            "slug": f"sample-study-{index:02d}",
            "journal": "Journal of Sample Integrative Medicine",
            "publication_year": year,
            "publication_month": month,
            "doi": f"10.5555/sample.{year}.{index:03d}",
            "source_url": f"https://doi.org/10.5555/sample.{year}.{index:03d}",
            "study_design": design,
            "number_of_studies": studies,
            "number_of_participants": participants,
            "evidence_strength": strength,
            "is_sample_content": True,
        }
        condition_name = condition.title.lower()
        body = body_for(
            finding,
            f"What this sample study suggests for people with {condition_name}",
            [
                f"This is sample content: an invented {design_label} written to show how the "
                f"library presents research on {condition_name}. {finding}",
                "If you are thinking about acupuncture, talk it over with your doctor and choose "
                "a licensed practitioner.",
            ],
            [
                f"Sample {design_label} ({size}). Outcomes were self-reported and assessed at the "
                "end of treatment."
            ],
            [
                f"As a {design_label}, it cannot settle the question alone: results need "
                "confirming in larger, well-controlled studies."
            ],
        )
        published = timezone.make_aware(datetime.datetime(2024, 1, 1, 9, 0)) + datetime.timedelta(
            days=17 * index
        )
        ensure_article(
            condition, fields, sample_authors(author_count, index), tags, body, published, demo
        )


def seed(demo):
    clinical_review.grant_image_permissions(app_registry)
    library = ensure_page(
        site_root(),
        ResearchLibraryPage(
            title="Research Library",
            slug="research",
            intro="<p>Studies on acupuncture and integrative health, by condition, each with a "
            "plain-language explainer and notes for practitioners.</p>",
        ),
        demo,
    )
    conditions = {
        slug: ensure_page(
            library,
            ConditionIndexPage(title=title, slug=slug, intro=f"<p>{intro}</p>"),
            demo,
        )
        for slug, title, intro in CONDITIONS
    }
    ensure_page(
        library,
        EvidenceGuidePage(
            title="How we rate evidence",
            slug="how-we-rate-evidence",
            intro=EVIDENCE_GUIDE_INTRO,
            closing=EVIDENCE_GUIDE_CLOSING,
        ),
        demo,
    )
    seed_article(conditions["migraines"], demo)
    seed_samples(conditions, demo)


def seed_article_page():
    """The seed article, for other apps' demo links (home features it)."""
    migraines = ConditionIndexPage.objects.get(slug="migraines")
    return migraines.get_children().get(slug=SEED_ARTICLE["slug"]).specific
