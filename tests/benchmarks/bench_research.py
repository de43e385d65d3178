"""The research library at scale: 10,000 articles over 30 conditions.

Articles are bulk-inserted with their tree paths computed here rather than added one by one
(which would take Wagtail's page API many minutes), then the search index is rebuilt once.
"""

import io
import os
import random
import re
import sys
import time
import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Locale, Page

from research.caching import LIBRARY
from research.demo import SEED_ARTICLE, body_for
from research.evidence import EvidenceStrength
from research.models import ArticleAuthor, ArticleTag, ResearchArticlePage, StudyDesign
from tests import factories
from tests.benchmarks.harness import format_rows, measure

ARTICLES = int(os.environ.get("BENCH_ARTICLES", 10_000))
CONDITIONS = 30
TOPICS = [f"topic {number}" for number in range(40)]
WORDS = [
    "acupuncture",
    "migraine",
    "pain",
    "sleep",
    "anxiety",
    "nausea",
    "needling",
    "sham",
    "trial",
    "review",
    "imaging",
    "brain",
    "outcome",
    "placebo",
    "patients",
    "sessions",
    "weeks",
    "relief",
    "chronic",
    "function",
    "quality",
]
BATCH = 500
# Bodies are the seed article's own sentences, shuffled: real length (~430 words) and wording.
SEED_SENTENCES = re.split(
    r"(?<=[.?!])\s+",
    " ".join(
        SEED_ARTICLE["explainer"] + SEED_ARTICLE["practitioner_notes"] + SEED_ARTICLE["limitations"]
    ),
)


def sentence(rng, words=18):
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def article_body(rng):
    sentences = rng.sample(SEED_SENTENCES, len(SEED_SENTENCES))
    return body_for(
        sentence(rng),
        "What this means for you",
        [" ".join(sentences[:9])],
        [" ".join(sentences[9:15])],
        [" ".join(sentences[15:])],
    )


STARTED = time.perf_counter()


def progress(message):
    print(f"  {time.perf_counter() - STARTED:6.0f} s  {message}", file=sys.stderr, flush=True)


def build():
    rng = random.Random(4)
    library = factories.library_page()
    conditions = [factories.condition_page(f"Condition {n:02d}") for n in range(CONDITIONS)]
    # One article through Wagtail's own API; the bulk-inserted ones take the tree places after it.
    factories.create_article(conditions[0], title="Prototype study")
    content_type = ContentType.objects.get_for_model(ResearchArticlePage)
    locale = Locale.get_default()
    tags = [Tag.objects.get_or_create(name=name, slug=name.replace(" ", "-"))[0] for name in TOPICS]
    designs, strengths = list(StudyDesign.values), list(EvidenceStrength.values)
    now = timezone.now()

    pages = []
    for number in range(ARTICLES):
        condition = conditions[number % CONDITIONS]
        position = number // CONDITIONS + (2 if condition is conditions[0] else 1)
        slug = f"study-{number:05d}"
        published = now - timezone.timedelta(hours=number)
        pages.append(
            Page(
                title=f"{sentence(rng, 8)[:-1]} ({number})",
                draft_title=slug,
                slug=slug,
                content_type=content_type,
                locale=locale,
                translation_key=uuid.uuid4(),
                path=Page._get_path(condition.path, condition.depth + 1, position),
                depth=condition.depth + 1,
                numchild=0,
                url_path=f"{condition.url_path}{slug}/",
                live=True,
                first_published_at=published,
                last_published_at=published,
            )
        )
    Page.objects.bulk_create(pages, batch_size=BATCH)
    for condition in conditions:
        Page.objects.filter(pk=condition.pk).update(numchild=condition.get_children().count())

    article_fields = ResearchArticlePage._meta.local_concrete_fields
    articles = []
    for page in pages:
        article = ResearchArticlePage(
            page_ptr_id=page.pk,
            journal=f"Journal of {rng.choice(WORDS).title()} Medicine",
            publication_year=rng.randint(2000, 2025),
            publication_month=rng.randint(1, 12),
            study_design=rng.choice(designs),
            evidence_strength=rng.choice(strengths),
            number_of_participants=rng.randint(20, 2000),
            body=article_body(rng),
        )
        articles.append(article)
    for start in range(0, len(articles), BATCH):
        ResearchArticlePage.objects._insert(articles[start : start + BATCH], fields=article_fields)
    ArticleAuthor.objects.bulk_create(
        [
            ArticleAuthor(page_id=page.pk, name=f"{rng.choice('ABCDEFG')} Author{n}", sort_order=n)
            for page in pages
            for n in range(rng.randint(1, 8))
        ],
        batch_size=BATCH * 4,
    )
    ArticleTag.objects.bulk_create(
        [
            ArticleTag(content_object_id=page.pk, tag=tag)
            for page in pages
            for tag in rng.sample(tags, 3)
        ],
        batch_size=BATCH * 4,
    )
    progress("articles inserted")
    call_command("update_index", stdout=io.StringIO())
    # Fresh planner statistics, as autovacuum (PostgreSQL) or a deploy's ANALYZE would leave them;
    # without them the planner takes the bulk-loaded tables for empty.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    progress("search index built, tables analysed")
    return library, conditions, pages


def run():
    started = time.perf_counter()
    library, conditions, pages = build()
    built_in = time.perf_counter() - started
    assert ResearchArticlePage.objects.live().count() == ARTICLES + 1
    article_url = ResearchArticlePage.objects.get(pk=pages[ARTICLES // 2].pk).url
    cases = [
        ("library, plain", library.url),
        # The evidence map's grouped count runs again after every publish.
        ("library with the evidence map, first time", library.url),
        ("library, a middle page", library.url + f"?page={ARTICLES // 24}"),
        ("library, searched", library.url + "?q=acupuncture+migraine"),
        ("library, searched, first time", library.url + "?q=acupuncture+migraine"),
        (
            "library, filtered",
            library.url + f"?condition={conditions[7].slug}&design=rct&year_from=2010",
        ),
        (
            "library, searched and filtered",
            library.url + "?q=sham+trial&strength=moderate&tag=topic-3&sort=study",
        ),
        (
            "library, searched and filtered, first time",
            library.url + "?q=sham+trial&strength=moderate&tag=topic-3&sort=study",
        ),
        ("condition page", conditions[7].url),
        ("condition page with its evidence map row, first time", conditions[7].url),
        ("article page", article_url),
    ]
    rows = []
    for case, url in cases:
        # "First time": each request as if just after a publish, before the ranking is cached.
        before_each = LIBRARY.start_new if "first time" in case else None
        timings = measure(
            url, repeat=int(os.environ.get("BENCH_REPEAT", 30)), before_each=before_each
        )
        rows.append({"case": case, **timings})
        progress(f"measured {case}")
    title = f"Research library: {ARTICLES:,} articles over {CONDITIONS} conditions"
    return format_rows(title, rows) + f"\n\nData built in {built_in:.0f} s."
