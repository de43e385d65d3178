"""The alert pages: sign up, check your inbox, confirm, manage and unsubscribe.

None of them is cached (`never_cache`): they hold forms or answer to one person's link. The
public pages that link here stay cacheable because the link is plain, with no form or token.
"""

import logging
from functools import wraps

from django.conf import settings
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from cms.rate_limit import HOUR, RateLimit
from research.alerts import emails, tokens
from research.alerts.forms import FollowForm, ManageForm, followable_conditions
from research.models import ConditionFollower, ConditionIndexPage

SIGN_UPS_PER_HOUR = 5
# However many addresses ask, one mailbox gets at most this many confirmation emails a day, so
# the form cannot be used to flood someone's inbox. The visitor is not told (it would reveal
# that someone else asked for that address).
CONFIRMATIONS_PER_ADDRESS_PER_DAY = 3
logger = logging.getLogger(__name__)
SIGN_UP_LIMIT = RateLimit(
    "condition-alerts-sign-up", SIGN_UPS_PER_HOUR, label="Alert sign-up rate limit", log=logger
)
CONFIRMATION_LIMIT = RateLimit(
    "condition-alerts-confirmation",
    CONFIRMATIONS_PER_ADDRESS_PER_DAY,
    window=24 * HOUR,
    label="Alert confirmations-per-address limit",
    log=logger,
)
SLUG_MAX_LENGTH = 255

BAD_LINK = (
    "This link is not complete or has been changed. Copy the whole link from our email into "
    "your browser's address bar, or sign up again."
)


def link_problem(request, heading, message, status=400):
    return render(
        request,
        "research/alerts/link_problem.html",
        {"heading": heading, "message": message},
        status=status,
    )


def expired_link(request):
    days = max(1, settings.CONDITION_ALERTS_CONFIRM_MAX_AGE // 86400)
    return link_problem(
        request,
        "This link has expired",
        f"Confirmation links work for {days} day{'s' if days != 1 else ''}. Sign up again and "
        "we will send you a new one.",
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def follow(request):
    status = 200
    unknown_condition = False
    if request.method == "POST":
        form = FollowForm(request.POST)
        if form.is_spam:
            return redirect("condition_alerts:check_inbox")
        if SIGN_UP_LIMIT.exceeded(request):
            form.add_error(
                None,
                "We have had several sign-ups from your connection in the last hour. "
                "Please wait an hour and try again.",
            )
            status = 429
        elif form.is_valid():
            email = form.cleaned_data["email"]
            conditions = list(form.cleaned_data["conditions"])
            # Whether or not the address already follows anything, the owner gets a link and
            # the visitor sees the same page: the form reveals nothing about who follows what.
            if not CONFIRMATION_LIMIT.exceeded_for(email):
                emails.send(emails.confirmation(email, conditions))
            return redirect("condition_alerts:check_inbox")
        else:
            status = 400
    else:
        slug = request.GET.get("condition", "")
        initial = {}
        if slug:
            if len(slug) <= SLUG_MAX_LENGTH and followable_conditions().filter(slug=slug).exists():
                initial["conditions"] = [slug]
            else:
                unknown_condition = True
        form = FollowForm(initial=initial)
    return render(
        request,
        "research/alerts/follow.html",
        {"form": form, "unknown_condition": unknown_condition},
        status=status,
    )


@never_cache
def check_inbox(request):
    return render(request, "research/alerts/check_inbox.html")


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    try:
        data = tokens.read_confirm_token(token)
    except tokens.ExpiredLink:
        return expired_link(request)
    except tokens.BadLink:
        return link_problem(request, "This link does not work", BAD_LINK)
    conditions = list(
        ConditionIndexPage.objects.live().filter(pk__in=data["conditions"]).order_by("title")
    )
    if not conditions:
        return link_problem(
            request,
            "These conditions are no longer in the library",
            "The conditions in this link have been removed from the library. Sign up again "
            "and choose from the conditions we cover now.",
        )
    email = data["email"]
    follower = ConditionFollower.objects.for_address(email).first()
    if follower is not None and follower.confirmed_at.timestamp() >= data["issued"]:
        return render(
            request,
            "research/alerts/confirmed.html",
            {
                "follower": follower,
                "conditions": follower.conditions.live().order_by("title"),
                "already": True,
                "manage_url": emails.manage_url(follower),
            },
        )
    if request.method != "POST":
        return render(
            request, "research/alerts/confirm.html", {"email": email, "conditions": conditions}
        )
    now = timezone.now()
    with transaction.atomic():
        follower, created = ConditionFollower.objects.get_or_create(
            email=email, defaults={"confirmed_at": now, "last_digest_at": now}
        )
        if not created:
            follower.confirmed_at = now
            follower.save(update_fields=["confirmed_at"])
        follower.conditions.add(*conditions)
    return render(
        request,
        "research/alerts/confirmed.html",
        {
            "follower": follower,
            "conditions": follower.conditions.live().order_by("title"),
            "manage_url": emails.manage_url(follower),
        },
    )


def follower_from(token, salt):
    """The follower a manage or unsubscribe link names; None once it has gone. BadLink if the
    link is not one of ours."""
    pk, digest = tokens.read_follower_token(token, salt)
    follower = ConditionFollower.objects.filter(pk=pk).first()
    if follower is None or tokens.address_digest(follower.email) != digest:
        return None
    return follower


def follower_link(salt):
    """The view receives the follower its signed link names (None once gone) instead of the
    token; a link that is not ours is answered here."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, token):
            try:
                follower = follower_from(token, salt)
            except tokens.BadLink:
                return link_problem(request, "This link does not work", BAD_LINK)
            return view(request, follower)

        return wrapped

    return decorator


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@follower_link(tokens.MANAGE_SALT)
def manage(request, follower):
    if follower is None:
        return render(request, "research/alerts/unsubscribed.html", {"gone": True}, status=404)
    saved = False
    if request.method == "POST":
        form = ManageForm(request.POST)
        if form.is_valid():
            follower.conditions.set(form.cleaned_data["conditions"])
            saved = True
    else:
        form = ManageForm(
            initial={"conditions": [condition.slug for condition in follower.conditions.all()]}
        )
    return render(
        request,
        "research/alerts/manage.html",
        {
            "follower": follower,
            "form": form,
            "saved": saved,
            "unsubscribe_url": emails.unsubscribe_url(follower),
        },
        status=400 if form.errors else 200,
    )


# Exempt from CSRF: mail clients send the one-click unsubscribe of RFC 8058 as a POST from
# outside the site, with the body "List-Unsubscribe=One-Click" and no cookie or CSRF token. The
# signed link in the address is what authenticates it; forging a request needs that link, and
# all it can do is delete the one address it names. A GET only shows the button, so link
# scanners that open every link in an email unsubscribe nobody.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@follower_link(tokens.UNSUBSCRIBE_SALT)
def unsubscribe(request, follower):
    if follower is None:
        return render(request, "research/alerts/unsubscribed.html", {"gone": True})
    if request.method == "POST":
        follower.delete()  # the address and its choices (the through rows) go at once
        return render(request, "research/alerts/unsubscribed.html", {"email": follower.email})
    return render(request, "research/alerts/unsubscribe.html", {"follower": follower})
