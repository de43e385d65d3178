"""When a clinical review is due again.

The research task's approval form (research.review_task) checks a reviewer's chosen date
against these, so this module does not import the research models.
"""

import calendar

from wagtail.models import Site

from cms.caching import editorial_settings_for_site
from cms.models import EditorialSettings


def add_months(day, months):
    """`day` moved on by whole calendar months, kept within the month it lands in (31 January
    plus one month is the last day of February)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    last_day = calendar.monthrange(year, month)[1]
    return day.replace(year=year, month=month, day=min(day.day, last_day))


def review_interval_months(site):
    """The months a review holds on `site` (the default site if None): its editorial setting,
    or the setting's default when none was saved."""
    site = site or Site.objects.filter(is_default_site=True).first()
    settings = editorial_settings_for_site(site) if site is not None else EditorialSettings()
    return settings.review_interval_months


def review_due_after(page, reviewed_on, chosen=None):
    """When a review of `page` made on `reviewed_on` is due again: the interval later, or
    `chosen` if the reviewer picked an earlier day."""
    due = add_months(reviewed_on, review_interval_months(page.get_site()))
    return min(due, chosen) if chosen else due
