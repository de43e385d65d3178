"""The directory page's routes: search, profiles, the enquiry link and the application form."""

import hashlib
import hmac
from urllib.parse import quote, urlencode

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Prefetch
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from cms.client_address import client_address
from cms.roles import DIRECTORY_MANAGERS
from practitioners import search
from practitioners.forms import (
    DEFAULT_RADIUS,
    RADIUS_CHOICES,
    DirectorySearchForm,
    PractitionerApplicationForm,
)
from practitioners.models import Practitioner, verification_cutoff
from research.models import ConditionIndexPage

APPLICATIONS_PER_HOUR = 10


def profile_url(request, directory, slug):
    return f"{directory.get_url(request)}{slug}/"


def breadcrumbs(request, page, *trail):
    """Home, the directory, then (title, url) pairs; the current page last."""
    return [("Home", "/"), (page.title, page.get_url(request)), *trail]


def directory(request, page):
    data = None
    if request.GET:
        data = request.GET.copy()
        data.setdefault("radius", str(DEFAULT_RADIUS))
    form = DirectorySearchForm(data)
    context = {"form": form, "results": None, "crumbs": breadcrumbs(request, page)}
    if not form.is_bound or form.is_valid():
        criteria = form.cleaned_data if form.is_bound else {}
        results = search.search(criteria, request.GET.get("page"))
        for practitioner in results:
            practitioner.profile_url = profile_url(request, page, practitioner.slug)
        context.update(
            results=results,
            place=criteria.get("place"),
            radius=criteria.get("radius"),
            condition=criteria.get("condition"),
            verification_cutoff=verification_cutoff(),
            wider_radius=next(
                (value for value, _ in RADIUS_CHOICES if value > (criteria.get("radius") or 0)),
                None,
            ),
        )
    return page.render(
        request,
        template="practitioners/practitioner_directory_page.html",
        context_overrides=context,
    )


def visible_profile(slug):
    listings = (
        Practitioner.objects.visible()
        .select_related("photo")
        .prefetch_related(
            Prefetch("conditions", queryset=ConditionIndexPage.objects.live().order_by("title")),
            "languages",
            "modalities",
        )
    )
    return get_object_or_404(listings, slug=slug)


def profile_context(request, directory, practitioner):
    url = profile_url(request, directory, practitioner.slug) if directory else ""
    return {
        "page": directory,
        "practitioner": practitioner,
        "verification_cutoff": verification_cutoff(),
        "verification_months": settings.PRACTITIONER_VERIFICATION_VALID_MONTHS,
        "crumbs": breadcrumbs(request, directory, (practitioner.name, url)) if directory else [],
        "directions_url": "https://www.google.com/maps/dir/?"
        + urlencode({"api": "1", "destination": full_address(practitioner)}),
        "email_url": f"{url}email/",
        "json_ld": profile_json_ld(request.build_absolute_uri(url), practitioner),
    }


def full_address(practitioner):
    return (
        f"{practitioner.street_address}, {practitioner.city}, "
        f"{practitioner.state} {practitioner.zip_code}"
    )


def profile_json_ld(url, practitioner):
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalBusiness",
        "@id": url,
        "url": url,
        "name": practitioner.practice_name or str(practitioner),
        "description": practitioner.biography,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": practitioner.street_address,
            "addressLocality": practitioner.city,
            "addressRegion": practitioner.state,
            "postalCode": practitioner.zip_code,
            "addressCountry": "US",
        },
        "employee": {
            "@type": "Person",
            "name": practitioner.name,
            "honorificSuffix": practitioner.credentials,
            "jobTitle": "Licensed acupuncturist",
        },
        "availableLanguage": [language.name for language in practitioner.languages.all()],
    }
    if practitioner.latitude is not None:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": practitioner.latitude,
            "longitude": practitioner.longitude,
        }
    if practitioner.phone:
        data["telephone"] = practitioner.phone
    if practitioner.website:
        data["sameAs"] = [practitioner.website]
    return data


def profile(request, page, slug):
    practitioner = visible_profile(slug)
    return page.render(
        request,
        template="practitioners/profile.html",
        context_overrides=profile_context(request, page, practitioner),
    )


class MailtoRedirect(HttpResponseRedirect):
    allowed_schemes = ["mailto"]


@require_POST
def email_practitioner(request, page, slug):
    """Opens the visitor's mail program, so that the address never sits in the page for
    harvesters to read; a button that posts here is the only way to reach it."""
    practitioner = visible_profile(slug)
    if not practitioner.enquiry_email:
        raise Http404
    subject = quote(f"Enquiry from {request.get_host()}")
    return MailtoRedirect(f"mailto:{practitioner.enquiry_email}?subject={subject}")


def rate_limit_key(request):
    """A cache key for the visitor's address: a keyed hash, so the address itself is never kept."""
    address = client_address(request)
    digest = hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256)
    return f"practitioner-apply:{digest.hexdigest()}"


def over_rate_limit(request):
    key = rate_limit_key(request)
    cache.add(key, 0, timeout=3600)
    try:
        return cache.incr(key) > APPLICATIONS_PER_HOUR
    except ValueError:  # the entry expired between add and incr
        cache.set(key, 1, timeout=3600)
        return False


def apply(request, page):
    thanks_url = page.get_url(request) + page.reverse_subpage("application_received")
    status = 200
    if request.method == "POST":
        form = PractitionerApplicationForm(request.POST, request.FILES)
        if form.is_spam:
            return redirect(thanks_url)
        if over_rate_limit(request):
            form.add_error(
                None,
                "We have had several applications from your connection in the last hour. "
                "Please wait an hour and try again, or write to us.",
            )
            status = 429
        elif form.is_valid():
            with transaction.atomic():
                application = form.save()
                transaction.on_commit(lambda: notify_directory_managers(application))
            return redirect(thanks_url)
    else:
        form = PractitionerApplicationForm()
    response = page.render(
        request,
        template="practitioners/apply.html",
        context_overrides={"form": form, "crumbs": breadcrumbs(request, page, ("Apply", ""))},
    )
    response.status_code = status
    return response


def application_received(request, page):
    return page.render(
        request,
        template="practitioners/application_received.html",
        context_overrides={"crumbs": breadcrumbs(request, page, ("Application received", ""))},
    )


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
