"""Building practitioner listings in tests."""

import datetime

from django.utils import timezone

from practitioners.models import Language, Practitioner, VerificationStatus
from research.models import ConditionIndexPage

_counter = iter(range(1, 1_000_000))


def make_practitioner(
    zip_code="10001",
    conditions=(),
    languages=(),
    publish=True,
    verified_days_ago=30,
    **fields,
):
    """A saved listing at `zip_code`, verified `verified_days_ago` days ago and published,
    unless told otherwise."""
    n = next(_counter)
    defaults = {
        "name": f"Test Practitioner {n}",
        "credentials": "L.Ac.",
        "license_number": f"AC-{n:05d}",
        "license_state": "NY",
        "street_address": f"{n} Test Street",
        "city": "Testville",
        "state": "NY",
        "verification_status": VerificationStatus.VERIFIED,
        "verified_on": timezone.localdate() - datetime.timedelta(days=verified_days_ago),
        "enquiry_email": f"hidden-{n}@example.org",
        "live": False,
    }
    practitioner = Practitioner(zip_code=zip_code, **{**defaults, **fields})
    practitioner.conditions.set(conditions)
    practitioner.languages.set(languages)
    practitioner.save()
    revision = practitioner.save_revision()
    if publish:
        revision.publish()
        practitioner.refresh_from_db()
    return practitioner


def condition(slug):
    return ConditionIndexPage.objects.get(slug=slug)


def language(name):
    return Language.objects.get(name=name)


def clear_listings():
    """Remove the demo listings so that a test sees only the ones it makes."""
    Practitioner.objects.all().delete()
