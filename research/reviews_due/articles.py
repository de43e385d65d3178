"""Which live articles are due for clinical review.

An article is overdue once its "review again by" date (`review_due`) has passed; the report and
the email also list what falls due within the next DUE_SOON_DAYS days, and live articles with no
date at all: never reviewed (published before the clinical review existed, or by an
administrator directly), which need a first review most of all. Every approval sets the date,
and a data migration gave one to the articles reviewed before dates existed.
"""

import datetime

from django.db.models import F, Q
from django.utils import timezone

from research.models import ResearchArticlePage

DUE_SOON_DAYS = 30


def due_soon_until(today=None):
    """The last day the report and the email count as "due soon"."""
    return (today or timezone.localdate()) + datetime.timedelta(days=DUE_SOON_DAYS)


def articles_due(today=None):
    """Live articles overdue, due within DUE_SOON_DAYS or never reviewed, most overdue first
    (never reviewed before all)."""
    until = due_soon_until(today)
    return (
        ResearchArticlePage.objects.live()
        .filter(Q(review_due__lte=until) | Q(review_due__isnull=True))
        .order_by(F("review_due").asc(nulls_first=True), "title", "pk")
    )
