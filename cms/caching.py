"""Site-wide content read on every article view, kept in the cache until an editor changes it.

The share block and the editorial settings change a few times a year and are read on every
article page; caching them keeps that page inside its query budget. Saving or deleting either
forgets the cached copy (connected in cms.apps). With a per-process cache (no REDIS_URL) other
processes only see the change when their copy expires, so copies live five minutes at most.

`Generation` serves values that many kinds of edit make stale at once (the calls to action
chosen per page, the research library's counts, topics and search rankings): one call on
publish renews the generation every key includes.
"""

import uuid

from django.core.cache import cache
from wagtail.models import Site

from cms.models import EditorialSettings, ShareBlock

SHARE_BLOCK_KEY = "share-block:default"
CACHE_TIMEOUT = 5 * 60  # seconds


def editorial_settings_key(site_id):
    return f"editorial-settings:{site_id}"


def remember(key, load):
    """The cached value under `key`, loading (and caching) it on a miss; None is cached too."""
    found = cache.get(key)
    if found is None:
        found = (load(),)
        cache.set(key, found, CACHE_TIMEOUT)
    return found[0]


class Generation:
    """Cached values that one call makes stale together: every key includes the generation,
    and starting a new one (on publish, say) leaves the old keys to expire unread."""

    def __init__(self, name):
        self.name = name
        self.key = f"{name}:generation"

    def current(self):
        return cache.get_or_set(self.key, lambda: uuid.uuid4().hex, timeout=None)

    def start_new(self, **kwargs):
        """Connected to signals, hence the keyword arguments it ignores."""
        cache.set(self.key, uuid.uuid4().hex, timeout=None)

    def remember(self, key, load):
        return remember(f"{self.name}:{self.current()}:{key}", load)


def default_share_block():
    return remember(SHARE_BLOCK_KEY, ShareBlock.objects.default)


def editorial_settings(request):
    site = Site.find_for_request(request)
    if site is None:
        return None
    return editorial_settings_for_site(site)


def editorial_settings_for_site(site):
    return remember(editorial_settings_key(site.pk), lambda: _editorial_settings_of(site))


def _editorial_settings_of(site):
    """The site's saved settings, or the defaults unsaved: unlike Wagtail's for_site, reading
    never creates the row, so rendering a page writes nothing."""
    found = EditorialSettings.base_queryset().filter(site=site).first()
    return found if found is not None else EditorialSettings(site=site)


def forget_share_block(**kwargs):
    cache.delete(SHARE_BLOCK_KEY)


def forget_editorial_settings(instance, **kwargs):
    cache.delete(editorial_settings_key(instance.site_id))
