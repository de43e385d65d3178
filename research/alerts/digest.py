"""The digest of new research each follower receives (`manage.py send_condition_digests`).

New research for a follower is what was first published, live and public, in the conditions it
follows after its last digest time and up to the start of this run; a follower with nothing new
gets nothing. A fixed number of queries whatever the number of followers (the followers with
their conditions, the view restrictions, the new articles), then one update per digest sent and
one for all the rest.
"""

import dataclasses
import logging
import smtplib
from collections import defaultdict

from django.core.mail import get_connection
from django.db.models import Prefetch
from django.utils import timezone
from wagtail.models import Page

from research.alerts import emails
from research.models import ConditionFollower, ConditionIndexPage, ResearchArticlePage

logger = logging.getLogger(__name__)


@dataclasses.dataclass
class DigestRun:
    sent: int = 0
    nothing_new: int = 0
    failed: int = 0


def followers_with_conditions():
    return ConditionFollower.objects.prefetch_related(
        Prefetch("conditions", queryset=ConditionIndexPage.objects.live().order_by("title"))
    )


def new_articles_by_condition_path(since, until):
    articles = (
        ResearchArticlePage.objects.live()
        .public()
        .filter(first_published_at__gt=since, first_published_at__lte=until)
        .order_by("-first_published_at", "-pk")
    )
    by_path = defaultdict(list)
    for article in articles:
        by_path[article.path[: -Page.steplen]].append(article)
    return by_path


def sections_for(follower, articles_by_path):
    # Each article's link is its `full_url` on its site (Site.root_url), as on the page itself.
    """(condition, [articles]) for each followed condition with research new to this follower."""
    sections = []
    for condition in follower.conditions.all():
        new = [
            article
            for article in articles_by_path.get(condition.path, ())
            if article.first_published_at > follower.last_digest_at
        ]
        if new:
            sections.append((condition, new))
    return sections


def send_digests(until=None):
    until = until or timezone.now()
    followers = list(followers_with_conditions().filter(last_digest_at__lt=until))
    run = DigestRun()
    if not followers:
        return run
    since = min(follower.last_digest_at for follower in followers)
    articles_by_path = new_articles_by_condition_path(since, until)
    root = emails.site_root()
    quiet = []
    connection = get_connection()
    try:
        connection.open()
    except (smtplib.SMTPException, OSError):
        logger.exception("Condition digests not sent: the mail server did not answer.")
        run.failed = len(followers)
        return run
    try:
        for follower in followers:
            sections = sections_for(follower, articles_by_path)
            if not sections:
                quiet.append(follower.pk)
                run.nothing_new += 1
                continue
            message = emails.digest(follower, sections, root)
            message.connection = connection
            if emails.send(message):
                ConditionFollower.objects.filter(pk=follower.pk).update(last_digest_at=until)
                run.sent += 1
            else:
                run.failed += 1  # tried again, with the same articles, at the next run
    finally:
        connection.close()
    # Nothing was published for them up to `until`: the next run need not look further back.
    ConditionFollower.objects.filter(pk__in=quiet, last_digest_at__lt=until).update(
        last_digest_at=until
    )
    return run
