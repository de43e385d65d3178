"""Building practitioner listings, applications and the staff who work them in tests."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from practitioners.models import Language, Practitioner, PractitionerApplication, VerificationStatus
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


def user_in(group_name, username, **fields):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw", **fields)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def make_application():
    """A new application from Quinn Applicant, treating migraines."""
    application = PractitionerApplication.objects.create(
        name="Quinn Applicant",
        license_number="AC-12345",
        license_state="NY",
        street_address="1 Example Road",
        city="New York",
        state="NY",
        zip_code="10001",
        email="quinn@example.org",
        consent=True,
    )
    application.conditions.set(ConditionIndexPage.objects.filter(slug="migraines"))
    return application
