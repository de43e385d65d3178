"""Building calls to action in tests."""

import html
import re

from cms.models.calls_to_action import CallToAction, Placement
from practitioners.models import PractitionerDirectoryPage
from research.models import ConditionIndexPage, ResearchArticlePage

SEED_ARTICLE_SLUG = "imaging-brain-vascular-reactions-headache-treatments"


def make_call_to_action(conditions=(), publish=True, **fields):
    """A call to action leading to the practitioner directory, published unless told not."""
    values = {
        "name": "Test call to action",
        "heading": "Ready to try acupuncture for {condition}?",
        "text": "Browse our directory.",
        "button_label": "Find a practitioner →",
        "placement": Placement.ARTICLE_END,
        "target_page": PractitionerDirectoryPage.objects.get(),
        "live": False,
        **fields,
    }
    call_to_action = CallToAction(**values)
    call_to_action.conditions = list(conditions)
    call_to_action.save()
    if publish:
        call_to_action.save_revision().publish()
        call_to_action.refresh_from_db()
    return call_to_action


def condition(slug):
    return ConditionIndexPage.objects.get(slug=slug)


def article_in(slug):
    """The newest live article of a condition, the one a preview shows."""
    return (
        ResearchArticlePage.objects.live()
        .child_of(condition(slug))
        .order_by("-first_published_at")
        .first()
    )


def seed_article():
    return ResearchArticlePage.objects.get(slug=SEED_ARTICLE_SLUG)


BEACON = re.compile(r'<img class="cta-panel__beacon" src="([^"]+)"')


def beacons(response):
    """The impression beacons' addresses in a page."""
    return [html.unescape(src) for src in BEACON.findall(response.content.decode())]


def view_as_a_browser(client, url, **extra):
    """Get a page and then, as a browser does, the call-to-action beacons it shows."""
    response = client.get(url, **extra)
    for address in beacons(response):
        client.get(address, **extra)
    return response
