"""Which live articles are due for clinical review, and whose they are.

An article is overdue once its "review again by" date (`review_due`) has passed; the report,
the dashboard and the email also list what falls due within the next DUE_SOON_DAYS days, and
live articles with no date at all: never reviewed (published before the clinical review
existed, or by an administrator directly), which need a first review most of all. Every
approval sets the date, and a data migration gave one to the articles reviewed before dates
existed.

An article is its last reviewer's to renew while that account can still review: active, with an
email address, and a clinical reviewer or an administrator. The rest (never reviewed, or the
reviewer left, was deactivated or moved to another role) are everyone's: every clinical
reviewer sees them and is told about them.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Exists, F, OuterRef, Q
from django.urls import reverse
from django.utils import timezone

from cms import roles
from research.listings import with_conditions
from research.models import ResearchArticlePage

DUE_SOON_DAYS = 30


def due_soon_until(today=None):
    """The last day counted as "due soon"."""
    return (today or timezone.localdate()) + datetime.timedelta(days=DUE_SOON_DAYS)


def may_review(users):
    """`users` narrowed to the accounts that can still renew a review and be told of it."""
    return (
        users.filter(is_active=True)
        .exclude(email="")
        .filter(Q(is_superuser=True) | Q(groups__name=roles.CLINICAL_REVIEWERS))
    )


def articles_due(today=None):
    """Live articles overdue, due within DUE_SOON_DAYS or never reviewed, most overdue first
    (never reviewed before all), each annotated `has_reviewer`: whether its last reviewer can
    still renew it."""
    until = due_soon_until(today)
    return (
        ResearchArticlePage.objects.live()
        .filter(Q(review_due__lte=until) | Q(review_due__isnull=True))
        .annotate(
            has_reviewer=Exists(
                may_review(get_user_model().objects.filter(pk=OuterRef("reviewed_by")))
            )
        )
        .order_by(F("review_due").asc(nulls_first=True), "title", "pk")
    )


def status(review_due, today):
    """“Overdue by 12 days”, “Due today”, “Due in 5 days” or “Never reviewed”."""
    if review_due is None:
        return "Never reviewed"
    days = (review_due - today).days
    if days == 0:
        return "Due today"
    plural = "" if abs(days) == 1 else "s"
    return f"Overdue by {-days} day{plural}" if days < 0 else f"Due in {days} day{plural}"


def admin_edit_url(article):
    """The article's page in the editor, as a full address for emails and spreadsheets."""
    return settings.WAGTAILADMIN_BASE_URL + reverse("wagtailadmin_pages:edit", args=[article.pk])


def described(articles, today=None):
    """`articles` (from `articles_due`) as a list, each with what the report and the email show:
    its condition's title (one query for all), the day it was reviewed, its reviewer's credit
    and how due it is."""
    today = today or timezone.localdate()
    articles = with_conditions(articles)
    for article in articles:
        article.condition_title = article.condition.title if article.condition else ""
        article.reviewed_on = article.reviewed_at and timezone.localdate(article.reviewed_at)
        article.reviewer = article.reviewer_name
        if article.reviewed_at and not article.has_reviewer:
            article.reviewer += " (no longer reviewing)"
        article.due_status = status(article.review_due, today)
        article.is_overdue = article.review_due is None or article.review_due < today
    return articles
