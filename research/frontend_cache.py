"""Which addresses in the HTTP cache a change to the research library makes stale.

An article, a condition, the evidence guide or the library published, unpublished, moved or
deleted: the page with its own extra addresses (an article's citation downloads, a listing's
feed: get_cached_paths on each model), every page above it up to home (a condition and the
library list their articles, and so do their feeds and the home page), and the sitemap. Also
which of these pages show the site-wide pieces cms owns (calls to action by placement, the
share block, the editorial settings), for cms.frontend_cache to purge when those change.
"""

import copy

from django.db.models import Q
from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms import frontend_cache
from cms.models.calls_to_action import Placement
from research.models import (
    ConditionIndexPage,
    EvidenceGuidePage,
    ResearchArticlePage,
    ResearchLibraryPage,
)

PAGE_MODELS = (ResearchArticlePage, ConditionIndexPage, EvidenceGuidePage, ResearchLibraryPage)


def with_pages_above(page):
    """The page and its ancestors (the root, which has no address, is skipped by the purge)."""
    return [page, *page.get_ancestors()]


@frontend_cache.receiver
def purge_with_listings(instance, **kwargs):
    """Published, unpublished or deleted."""
    frontend_cache.purge(
        whole_pages=with_pages_above(instance), urls=frontend_cache.site_wide_urls()
    )


@frontend_cache.receiver
def purge_moved(instance, parent_page_before, url_path_before, **kwargs):
    """Moved: the old address and the listings it left, as well as the new ones."""
    before = copy.copy(instance)
    before.url_path = url_path_before
    frontend_cache.purge(
        whole_pages=[before, *with_pages_above(parent_page_before), *with_pages_above(instance)],
        urls=frontend_cache.site_wide_urls(),
    )


def live_articles(condition_ids=None):
    """Live articles, of these conditions only when given; only what an address needs."""
    articles = ResearchArticlePage.objects.live().only("id", "url_path")
    if condition_ids is None:
        return articles
    conditions = ConditionIndexPage.objects.filter(pk__in=condition_ids).only("path", "depth")
    of_these = Q(pk__in=[])
    for condition in conditions:
        of_these |= Q(path__startswith=condition.path, depth=condition.depth + 1)
    return articles.filter(of_these)


def live_conditions(condition_ids=None):
    conditions = ConditionIndexPage.objects.live().only("id", "url_path")
    return conditions if condition_ids is None else conditions.filter(pk__in=condition_ids)


def live_library(condition_ids=None):
    return ResearchLibraryPage.objects.live().only("id", "url_path")


def connect():
    for model in PAGE_MODELS:
        changes = (page_published, page_unpublished, post_delete)
        frontend_cache.connect_each(changes, purge_with_listings, model)
        frontend_cache.connect_each((post_page_move,), purge_moved, model)
    frontend_cache.register_pages_showing(Placement.ARTICLE_END, live_articles)
    frontend_cache.register_pages_showing(Placement.CONDITION, live_conditions)
    frontend_cache.register_pages_showing(Placement.LIBRARY, live_library)
    # The share links and the medical disclaimer close every article.
    frontend_cache.register_pages_showing(frontend_cache.SHARE_BLOCK, live_articles)
    frontend_cache.register_pages_showing(frontend_cache.EDITORIAL_SETTINGS, live_articles)
