"""The alert emails: the confirmation of a sign-up and the digest of new research.

Plain text plus HTML from templates/research/email/. Links are absolute addresses on the
default site and go straight to their page: no tracking pixel, no redirect through us. Every
digest carries a one-click unsubscribe link in its text and in the List-Unsubscribe headers
(RFC 8058), which mail clients show as their own "Unsubscribe" button.
"""

import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.text import get_text_list
from wagtail.models import Site

from research.alerts import tokens

logger = logging.getLogger(__name__)


def site_root():
    """The public site's address, as pages' full URLs have it."""
    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site is not None else settings.WAGTAILADMIN_BASE_URL


def absolute(path, root=None):
    return (root or site_root()) + path


def confirm_url(email, conditions, root=None):
    token = tokens.confirm_token(email, [condition.pk for condition in conditions])
    return absolute(reverse("condition_alerts:confirm", args=[token]), root)


def manage_url(follower, root=None):
    token = tokens.follower_token(follower, tokens.MANAGE_SALT)
    return absolute(reverse("condition_alerts:manage", args=[token]), root)


def unsubscribe_url(follower, root=None):
    token = tokens.follower_token(follower, tokens.UNSUBSCRIBE_SALT)
    return absolute(reverse("condition_alerts:unsubscribe", args=[token]), root)


def condition_names(conditions):
    return get_text_list([condition.title for condition in conditions], "and")


def build(to, template, context, subject, headers=None):
    context = {"site_name": settings.WAGTAIL_SITE_NAME, **context}
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"research/email/{template}.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers=headers or {},
    )
    message.attach_alternative(
        render_to_string(f"research/email/{template}.html", context), "text/html"
    )
    return message


def send(message):
    """Send; a mail server that fails is logged, never shown to the visitor as an error."""
    try:
        message.send()
    except (smtplib.SMTPException, OSError):
        logger.exception("Could not send the condition alert email %r.", message.subject)
        return False
    return True


def confirmation(email, conditions):
    root = site_root()
    return build(
        email,
        "confirm_alerts",
        {
            "conditions": conditions,
            "confirm_url": confirm_url(email, conditions, root),
            "valid_days": max(1, settings.CONDITION_ALERTS_CONFIRM_MAX_AGE // 86400),
        },
        subject=f"Confirm: new research on {condition_names(conditions)}",
    )


def digest(follower, sections, root):
    """`sections`: (condition, [articles]) pairs, newest article first."""
    unsubscribe = unsubscribe_url(follower, root)
    count = sum(len(articles) for _, articles in sections)
    subject = (
        f"{count} new article{'s' if count != 1 else ''} on "
        f"{condition_names([condition for condition, _ in sections])}"
    )
    return build(
        follower.email,
        "condition_digest",
        {
            "sections": sections,
            "count": count,
            "manage_url": manage_url(follower, root),
            "unsubscribe_url": unsubscribe,
        },
        subject=subject,
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
