"""Purging the HTTP cache in front of the site (Varnish, a CDN) when content changes.

Public pages may be kept by a shared cache for CACHE_CONTROL_S_MAXAGE seconds (cms.http_caching).
When FRONTEND_CACHE_URL is set, each change purges every address it affects at once, through
wagtail.contrib.frontend_cache's backends and its purge task (a django-tasks task: with the
default immediate backend it runs in the request that made the change, after the commit).

Who knows which addresses a change affects:

- each app, for its own pages and models: research for articles, conditions and the library
  (research.frontend_cache), home for the home page and its content setting, practitioners for
  listings and the directory. Each connects its receivers in its AppConfig.ready and calls
  `purge()`;
- cms, for the site-wide pieces it owns (calls to action, the share block, the editorial
  settings), asks the apps which of their pages show them: an app registers a function with
  `register_pages_showing(kind, pages)`, so cms never imports the apps above it.

Everything purged while one transaction runs goes out as one batch when it commits: the cache
never refetches a page before the change is visible, and a change touching many pages (a
condition deleted with its articles) is one batch, not one per page.

wagtail.contrib.frontend_cache is used as a library and not installed as an app: the app's own
signal handlers would purge a published page alone, in a batch of its own.
"""

import threading
from collections import defaultdict
from functools import wraps

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Site
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    published,
    unpublished,
)

# Kinds of site-wide content a page may show, besides the call-to-action placements.
SHARE_BLOCK = "share-block"
EDITORIAL_SETTINGS = "editorial-settings"

_pages_showing = defaultdict(list)
_pending = threading.local()


def is_enabled():
    """Whether a cache to purge is configured (FRONTEND_CACHE_URL)."""
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def receiver(function):
    """A signal receiver that does nothing, not even work out addresses, with no cache."""

    @wraps(function)
    def receive(*args, **kwargs):
        if is_enabled():
            function(*args, **kwargs)

    return receive


def register_pages_showing(kind, pages):
    """Say which pages show `kind` of site-wide content: a call-to-action placement (its value,
    e.g. "article_end"), SHARE_BLOCK or EDITORIAL_SETTINGS. `pages(condition_ids)` returns live
    pages (a queryset or a list); `condition_ids` is a set of condition page ids, or None for
    every page of the kind."""
    _pages_showing[kind].append(pages)


def pages_showing(kind, condition_ids=None):
    found = []
    for pages in _pages_showing[kind]:
        found.extend(pages(condition_ids))
    return found


def site_wide_urls():
    """The addresses that list every article and profile: the sitemap of each site."""
    return [site.root_url + "/sitemap.xml" for site in Site.objects.all()]


def purge(pages=(), urls=(), whole_pages=()):
    """Purge these addresses once the current transaction commits, with everything else purged
    in the same transaction. `pages` purges each page's own address; `whole_pages` also the
    extra addresses its get_cached_paths() names (feeds, citation downloads)."""
    batch = getattr(_pending, "batch", None)
    if batch is None:
        batch = _pending.batch = PurgeBatch()
    for page in pages:
        url = page.get_full_url(batch)
        if url is not None:
            batch.add_url(url)
    batch.add_pages(whole_pages)
    batch.add_urls(urls)
    # Every call asks; the first callback to run sends the whole batch, the others find it
    # empty. After a rollback, whatever was gathered goes out with the next commit's batch.
    transaction.on_commit(send_pending)


def send_pending():
    batch = getattr(_pending, "batch", None)
    _pending.batch = None
    if batch is not None and batch.urls:
        batch.purge()


@receiver
def purge_page(instance, **kwargs):
    """Any page published or unpublished: its own addresses (those its get_cached_paths names).
    Apps add the pages that list it to the same batch."""
    purge(whole_pages=[instance])


@receiver
def purge_old_address(instance_before, **kwargs):
    """A live page's slug changed: its old address answers 404 now."""
    purge(whole_pages=[instance_before])


# --- What cms owns: calls to action, the share block, the editorial settings ---------------


def shown_at(call_to_action):
    """(placement, condition ids or None for every condition) as stored now."""
    condition_ids = set(
        call_to_action.conditions.through.objects.filter(
            calltoaction_id=call_to_action.pk
        ).values_list("conditionindexpage_id", flat=True)
    )
    return call_to_action.placement, condition_ids or None


@receiver
def remember_where_it_showed(sender, instance, update_fields=None, **kwargs):
    """Before a live call to action is saved with a new revision's fields, note where it
    showed: a publish that moves it must purge the pages it leaves as well as those it joins."""
    if instance.pk is not None and update_fields is None:
        stored = sender.objects.filter(pk=instance.pk, live=True).first()
        instance._shown_before = shown_at(stored) if stored is not None else None


@receiver
def purge_call_to_action(sender, instance, **kwargs):
    """Published, unpublished (also by the scheduled-publishing command) or deleted."""
    condition_ids = {condition.pk for condition in instance.conditions.all()}
    places = [(instance.placement, condition_ids or None)]
    before = getattr(instance, "_shown_before", None)
    if before is not None:
        places.append(before)
    pages = []
    for placement, condition_ids in places:
        pages.extend(pages_showing(placement, condition_ids))
    purge(pages=pages)


@receiver
def purge_share_block(**kwargs):
    purge(pages=pages_showing(SHARE_BLOCK))


@receiver
def purge_editorial_settings(**kwargs):
    purge(pages=pages_showing(EDITORIAL_SETTINGS))


def connect_each(signals, function, sender=None):
    """Connect `function` to each of `signals`, from `sender` only when given."""
    for signal in signals:
        signal.connect(function, sender=sender)


def connect(call_to_action_model, share_block_model, editorial_settings_model):
    connect_each((page_published, page_unpublished), purge_page)
    connect_each((page_slug_changed,), purge_old_address)
    connect_each((pre_save,), remember_where_it_showed, call_to_action_model)
    connect_each((published, unpublished, post_delete), purge_call_to_action, call_to_action_model)
    connect_each((post_save, post_delete), purge_share_block, share_block_model)
    connect_each((post_save, post_delete), purge_editorial_settings, editorial_settings_model)
