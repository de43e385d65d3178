"""The article page without and with the clinical review credit (and the disclaimer)."""

import io

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from research.models import ResearchArticlePage
from tests.benchmarks.harness import format_rows, measure

SEED_SLUG = "imaging-brain-vascular-reactions-headache-treatments"


def run():
    call_command("seed_demo", stdout=io.StringIO())
    article = ResearchArticlePage.objects.get(slug=SEED_SLUG)
    rows = [{"case": "seed article, not reviewed", **measure(article.url)}]
    ResearchArticlePage.objects.filter(pk=article.pk).update(
        reviewed_by=get_user_model().objects.get(username="reviewer"),
        reviewed_at=timezone.now(),
    )
    rows.append({"case": "seed article with “Medically reviewed by …”", **measure(article.url)})
    return format_rows("Article page and the clinical review credit", rows)
