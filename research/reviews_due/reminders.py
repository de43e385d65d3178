"""The email each clinical reviewer gets about the reviews that are due
(`manage.py send_reviews_due`, from cron).

One email per person, listing the due articles they last reviewed and, to every clinical
reviewer, those with no reviewer on record (research.reviews_due.articles): never reviewed, or
whose reviewer left, was deactivated or moved to another role. Should no clinical reviewer be
reachable, the administrators get those instead, so that nothing due goes unseen. Nobody gets
an email when nothing is due. Links go to the admin (WAGTAILADMIN_BASE_URL). A fixed number of
queries whatever the number of articles or reviewers.
"""

import dataclasses
import logging
import smtplib
from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import get_connection
from django.urls import reverse

from cms import roles
from research.alerts.emails import build
from research.reviews_due.articles import DUE_SOON_DAYS, admin_edit_url, articles_due, described

logger = logging.getLogger(__name__)


@dataclasses.dataclass
class ReminderRun:
    due: int = 0
    sent: int = 0
    failed: int = 0


def shared_recipients():
    """Who is told about the articles with no reviewer on record."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="").order_by("pk")
    reviewers = list(users.filter(groups__name=roles.CLINICAL_REVIEWERS).distinct())
    return reviewers or list(users.filter(is_superuser=True))


def reminders(today=None):
    """[(user, [their articles], [articles with no reviewer on record])], one per recipient."""
    articles = described(articles_due(today).select_related("reviewed_by"), today)
    theirs, shared = defaultdict(list), []
    for article in articles:
        article.edit_url = admin_edit_url(article)
        if article.has_reviewer:
            theirs[article.reviewed_by].append(article)
        else:
            shared.append(article)
    recipients = dict.fromkeys(theirs)
    if shared:
        recipients.update(dict.fromkeys(shared_recipients()))
    return [(user, theirs.get(user, []), shared) for user in recipients]


def reminder(user, theirs, shared):
    count = len(theirs) + len(shared)
    overdue = sum(article.is_overdue for article in theirs + shared)
    return build(
        user.email,
        "reviews_due",
        {
            "user": user,
            "theirs": theirs,
            "shared": shared,
            "due_soon_days": DUE_SOON_DAYS,
            "report_url": settings.WAGTAILADMIN_BASE_URL + reverse("reviews_due_report"),
        },
        subject=f"Reviews due: {count} article{'s' if count != 1 else ''} ({overdue} overdue)",
    )


def send_reminders(today=None):
    to_send = reminders(today)
    run = ReminderRun(due=len({a.pk for _, theirs, shared in to_send for a in theirs + shared}))
    if not to_send:
        return run
    connection = get_connection()
    try:
        connection.open()
    except (smtplib.SMTPException, OSError):
        logger.exception("Review reminders not sent: the mail server did not answer.")
        run.failed = len(to_send)
        return run
    try:
        for user, theirs, shared in to_send:
            message = reminder(user, theirs, shared)
            message.connection = connection
            try:
                message.send()
            except (smtplib.SMTPException, OSError):
                logger.exception("Could not send the reviews-due email to %s.", user.email)
                run.failed += 1
            else:
                run.sent += 1
    finally:
        connection.close()
    return run
