"""Around a "get listed" application sent from the site: the per-address rate limit and the
message to the directory managers."""

import hashlib
import hmac
import logging
import smtplib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.mail import send_mail
from django.urls import reverse

from cms.roles import DIRECTORY_MANAGERS

APPLICATIONS_PER_HOUR = 10
logger = logging.getLogger(__name__)


def client_address(request):
    """The visitor's address. Behind TRUSTED_PROXY_COUNT proxies of ours, each appending to
    X-Forwarded-For, it is the entry that many places from the end: the entries before it come
    from the visitor, who can write anything there."""
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = [
        entry.strip()
        for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if entry.strip()
    ]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def rate_limit_key(request):
    """A cache key for the visitor's address: a keyed hash, so the address itself is never kept."""
    address = client_address(request)
    digest = hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256)
    return f"practitioner-apply:{digest.hexdigest()}"


def over_rate_limit(request):
    """Counted in the shared cache, so every app server counts the same applications.

    Without the cache (Redis down) nothing can be counted and the limit lets applications
    through: losing a practitioner's application is worse than a burst of spam, which the
    honeypot still stops and a manager reviews before anything is listed.
    """
    key = rate_limit_key(request)
    cache.add(key, 0, timeout=3600)
    try:
        count = cache.incr(key)
    except ValueError:  # the entry expired between add and incr
        cache.set(key, 1, timeout=3600)
        return False
    if count is None:  # the shared cache did not answer (cms.shared_cache)
        logger.warning("Application rate limit not applied: the shared cache is unavailable.")
        return False
    return count > APPLICATIONS_PER_HOUR


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
