"""What a practitioner's profile shows: its address, breadcrumb, directions link and schema.org
data. Used by the directory page's profile route and by the listing's preview in the editor."""

from urllib.parse import urlencode

from django.conf import settings

from practitioners.verification import verification_cutoff


def profile_url(request, directory, slug):
    return f"{directory.get_url(request)}{slug}/"


def breadcrumbs(request, page, *trail):
    """Home, the directory, then (title, url) pairs; the current page last."""
    return [("Home", "/"), (page.title, page.get_url(request)), *trail]


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
