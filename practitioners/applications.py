"""Around a "get listed" application sent from the site: the per-address rate limit and the
message to the directory managers."""

import logging
import smtplib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import reverse

from cms.client_address import client_address  # noqa: F401  (tests and callers read it here)
from cms.rate_limit import RateLimit
from cms.roles import DIRECTORY_MANAGERS

APPLICATIONS_PER_HOUR = 10
logger = logging.getLogger(__name__)
APPLICATION_LIMIT = RateLimit(
    "practitioner-apply", APPLICATIONS_PER_HOUR, label="Application rate limit", log=logger
)


def rate_limit_key(request):
    """A cache key for the visitor's address: a keyed hash, so the address itself is never kept."""
    return APPLICATION_LIMIT.key(request)


def over_rate_limit(request):
    """Counted in the shared cache, so every app server counts the same applications.

    Without the cache (Redis down) nothing can be counted and the limit lets applications
    through: losing a practitioner's application is worse than a burst of spam, which the
    honeypot still stops and a manager reviews before anything is listed.
    """
    return APPLICATION_LIMIT.exceeded(request)


def notify_directory_managers(application):
    recipients = list(
        get_user_model()
        .objects.filter(is_active=True, groups__name=DIRECTORY_MANAGERS)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    if not recipients:
        return
    url = settings.WAGTAILADMIN_BASE_URL + reverse(
        "practitioners_practitionerapplication_modeladmin_inspect", args=[application.pk]
    )
    try:
        send_mail(
            subject=f"New listing application: {application.name}",
            message=(
                f"{application.name} ({application.get_license_state_display()} license "
                f"{application.license_number}) has asked to be listed in the practitioner "
                f"directory.\n\nReview the application: {url}\n"
            ),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=recipients,
        )
    except (smtplib.SMTPException, OSError):
        # The application is saved and waits in the admin queue; the applicant is thanked
        # all the same. The managers learn of it from the log (and the queue).
        logger.exception(
            "Could not send the notification of listing application %s (%s) to the %s "
            "directory managers; it waits in the applications queue: %s",
            application.pk,
            application.name,
            len(recipients),
            url,
        )
