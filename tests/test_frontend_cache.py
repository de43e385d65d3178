"""Purging the HTTP cache: every address a change affects, in one batch, after the commit."""

import datetime
import http.server
import io
import threading

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.models import PageViewRestriction, Site

from cms import frontend_cache
from cms.models import EditorialSettings, ShareBlock
from cms.models.calls_to_action import CallToAction, Placement
from home.models import HomePage, HomePageContent
from practitioners.models import PractitionerDirectoryPage
from research.models import ResearchArticlePage, ResearchLibraryPage
from tests import factories
from tests.cta_helpers import article_in, condition, make_call_to_action, seed_article
from tests.practitioner_factories import make_practitioner


class RecordingBackend(BaseBackend):
    """Keeps each batch it is asked to purge."""

    batches = []

    def purge(self, url):
        self.purge_batch([url])

    def purge_batch(self, urls):
        RecordingBackend.batches.append(set(urls))


@pytest.fixture
def purges(settings, django_capture_on_commit_callbacks, demo_site):
    """Run a change, commit it, and answer the batches the cache was asked to purge."""
    settings.WAGTAILFRONTENDCACHE = {
        "recorder": {"BACKEND": "tests.test_frontend_cache.RecordingBackend"}
    }
    frontend_cache.send_pending()  # nothing left over from changes that never committed
    RecordingBackend.batches.clear()

    def run(change):
        RecordingBackend.batches.clear()
        with django_capture_on_commit_callbacks(execute=True):
            change()
        return list(RecordingBackend.batches)

    return run


def one_batch(batches):
    assert len(batches) == 1, batches
    return batches[0]


def full(page, *paths):
    return {page.full_url + path for path in ("", *paths)}


def sitemap():
    return {Site.objects.get(is_default_site=True).root_url + "/sitemap.xml"}


def library():
    return ResearchLibraryPage.objects.get()


def home():
    return HomePage.objects.get()


def article_urls(article):
    """What an article's publish, unpublish or deletion makes stale."""
    parent = article.get_parent().specific
    return (
        full(article, "cite/ris/", "cite/bibtex/")
        | full(parent, "feed/")
        | full(library(), "feed/")
        | full(home())
        | sitemap()
    )


def test_publishing_an_article_purges_it_its_citations_and_every_list_of_it(purges):
    article = seed_article()
    revision = article.save_revision()
    assert one_batch(purges(revision.publish)) == article_urls(article)


def test_a_new_article_is_purged_with_its_listings(purges):
    batch = one_batch(
        purges(lambda: factories.create_article(condition("insomnia"), title="Brand new"))
    )
    article = ResearchArticlePage.objects.get(title="Brand new")
    assert batch == article_urls(article)


def test_unpublishing_an_article(purges):
    article = seed_article()
    assert one_batch(purges(article.unpublish)) == article_urls(article)


def test_deleting_an_article(purges):
    article = article_in("insomnia")
    expected = article_urls(article)
    assert one_batch(purges(article.delete)) == expected


def test_moving_an_article_purges_its_old_and_new_addresses_and_listings(purges):
    article = article_in("insomnia")
    old = article_urls(article)
    anxiety = condition("anxiety")
    batch = one_batch(purges(lambda: article.move(anxiety, pos="last-child")))
    article.refresh_from_db()
    assert article.url.startswith(anxiety.url)
    assert batch == old | article_urls(article)


def test_editing_a_condition_or_the_library(purges):
    migraines = condition("migraines")
    batch = one_batch(purges(migraines.save_revision().publish))
    assert batch == full(migraines, "feed/") | full(library(), "feed/") | full(home()) | sitemap()
    batch = one_batch(purges(library().save_revision().publish))
    assert batch == full(library(), "feed/") | full(home()) | sitemap()


def live_article_urls(*condition_slugs):
    articles = ResearchArticlePage.objects.live()
    if condition_slugs:
        articles = [a for a in articles if a.get_parent().slug in condition_slugs]
    return {article.full_url for article in articles}


def test_a_call_to_action_for_one_condition_purges_that_conditions_articles(purges):
    batch = one_batch(
        purges(
            lambda: make_call_to_action(name="Migraine only", conditions=[condition("migraines")])
        )
    )
    assert batch == live_article_urls("migraines")
    assert seed_article().full_url in batch


def test_a_call_to_action_everywhere_purges_every_article(purges):
    batch = one_batch(purges(lambda: make_call_to_action(name="Everywhere")))
    assert batch == live_article_urls()
    everywhere = CallToAction.objects.get(name="Everywhere")
    assert one_batch(purges(everywhere.unpublish)) == live_article_urls()


def test_a_call_to_action_moved_to_another_condition_purges_both(purges):
    call_to_action = make_call_to_action(name="Moves", conditions=[condition("migraines")])
    call_to_action.conditions = [condition("insomnia")]
    revision = call_to_action.save_revision()
    batch = one_batch(purges(revision.publish))
    assert batch == live_article_urls("migraines", "insomnia")


@pytest.mark.parametrize(
    ("placement", "pages"),
    [
        (Placement.HOME, lambda: full(home())),
        (Placement.LIBRARY, lambda: full(library())),
        (Placement.CONDITION, lambda: full(condition("anxiety"))),
    ],
)
def test_a_call_to_action_purges_the_pages_of_its_placement(purges, placement, pages):
    conditions = [condition("anxiety")] if placement == Placement.CONDITION else []
    batch = one_batch(
        purges(lambda: make_call_to_action(placement=placement, conditions=conditions))
    )
    assert batch == pages()


def test_a_scheduled_call_to_action_purges_when_it_goes_live(purges):
    call_to_action = make_call_to_action(name="Scheduled", publish=False)
    revision = call_to_action.save_revision(approved_go_live_at=timezone.now())
    revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    revision.save()
    run = lambda: call_command("publish_scheduled", stdout=io.StringIO())  # noqa: E731
    assert one_batch(purges(run)) == live_article_urls()


def test_the_share_block_and_the_editorial_settings_purge_every_article(purges):
    block = ShareBlock.objects.first()
    assert one_batch(purges(block.save)) == live_article_urls()
    site = Site.objects.get(is_default_site=True)
    settings_row = EditorialSettings.objects.create(site=site)
    settings_row.medical_disclaimer = "Changed."
    assert one_batch(purges(settings_row.save)) == live_article_urls()


def test_the_home_page_content_purges_the_home_page(purges):
    content = HomePageContent.for_site(Site.objects.get(is_default_site=True))
    assert one_batch(purges(content.save)) == full(home())


def test_a_practitioner_listing_purges_the_directory_its_profile_and_the_sitemap(purges):
    directory = PractitionerDirectoryPage.objects.get().full_url
    batch = one_batch(purges(lambda: make_practitioner(name="Quinn Purged")))
    assert batch == {directory, directory + "quinn-purged/"} | sitemap()
    listing = make_practitioner(name="Robin Leaves")
    batch = one_batch(purges(listing.unpublish))
    assert batch == {directory, directory + "robin-leaves/"} | sitemap()


def test_nothing_is_sent_while_no_cache_is_configured(
    settings, django_capture_on_commit_callbacks, demo_site
):
    assert not hasattr(settings, "WAGTAILFRONTENDCACHE")
    RecordingBackend.batches.clear()
    with django_capture_on_commit_callbacks(execute=True):
        seed_article().save_revision().publish()
    assert RecordingBackend.batches == []


class PurgeListener(http.server.BaseHTTPRequestHandler):
    received = []

    def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
        PurgeListener.received.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_wagtails_http_backend_sends_purge_requests_to_the_cache(
    settings, django_capture_on_commit_callbacks, demo_site
):
    """As Varnish receives them: PURGE <path> with the site's Host."""
    server = http.server.HTTPServer(("127.0.0.1", 0), PurgeListener)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        settings.WAGTAILFRONTENDCACHE = {
            "http-cache": {
                "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                "LOCATION": f"http://127.0.0.1:{server.server_port}",
            }
        }
        PurgeListener.received.clear()
        frontend_cache.send_pending()
        article = seed_article()
        with django_capture_on_commit_callbacks(execute=True):
            article.save_revision().publish()
    finally:
        server.shutdown()
        server.server_close()
    host = demo_site.hostname
    assert (host, article.url) in PurgeListener.received
    assert (host, "/research/") in PurgeListener.received
    assert (host, "/sitemap.xml") in PurgeListener.received
    assert len(PurgeListener.received) == len(article_urls(article))


def test_restricting_an_article_or_lifting_it_purges_every_list_of_it(purges):
    """Listings, feeds, the sitemap, and the articles beside it (their related research)."""
    article = seed_article()
    neighbour = article.get_siblings(inclusive=False).live().first()
    restriction = PageViewRestriction(page=article, restriction_type=PageViewRestriction.LOGIN)
    for change in (restriction.save, restriction.delete):
        batch = one_batch(purges(change))
        assert article_urls(article) <= batch
        assert neighbour.full_url in batch
