"""How long a license check stays current."""

import datetime

from django.conf import settings
from django.utils import timezone


def verification_cutoff(today=None):
    """The oldest verification date still current: settings.PRACTITIONER_VERIFICATION_VALID_MONTHS
    (12 by default) months before today."""
    today = today or timezone.localdate()
    months = settings.PRACTITIONER_VERIFICATION_VALID_MONTHS
    month_index = today.year * 12 + today.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    # The 31st of a month that has no 31st becomes the last day of that month.
    for day in (today.day, 30, 29, 28):
        try:
            return datetime.date(year, month, day)
        except ValueError:
            continue
