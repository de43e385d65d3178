"""What the W3C checker would refuse in the markup visitors get."""

import re

from django.urls import reverse

from research.models import EvidenceGuidePage
from tests.editorial_helpers import seed_article
from tests.practitioner_factories import make_practitioner


def pages_with_forms():
    """Every public page, in the states that show its forms."""
    article = seed_article()
    condition = article.get_parent()
    listing = make_practitioner()
    return [
        "/",
        "/research/",
        "/research/?q=migraine",
        "/research/?condition=migraines&year_from=2024",
        "/research/?year_from=not-a-year",
        condition.url,
        article.url,
        EvidenceGuidePage.objects.get().url,
        "/search/",
        "/search/?q=migraine",
        "/practitioners/",
        "/practitioners/?zip=10001",
        "/practitioners/?zip=00000",
        f"/practitioners/{listing.slug}/",
        "/practitioners/apply/",
        "/practitioners/apply/thanks/",
        reverse("condition_alerts:follow") + f"?condition={condition.pk}",
    ]


def test_no_form_has_an_empty_action(client, demo_site):
    """An empty action is an error in HTML; a form with one names its address instead."""
    for url in pages_with_forms():
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert not re.search(r"""\baction=(""|'')""", html), url


def test_the_library_filters_are_sent_to_the_library(client, demo_site):
    html = client.get("/research/", {"q": "migraine"}).content.decode()
    assert re.search(r'<form class="filter-form" method="get" action="/research/"', html)
