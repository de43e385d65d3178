"""Editors' search picks (wagtail.contrib.search_promotions) shown above a search's results,
and the hits behind Wagtail's “Search terms” report.

The picks are read once into the cache and forgotten when an editor saves or deletes one
(connected in cms.apps), so a search reads none of them from the database. The hits are counted
in the cache and written to the report's table at most every HITS_WRITTEN_EVERY seconds: by the
site search (`/search/`, a private page) once they are due, and by `manage.py write_search_hits`
from cron. The library's results are public pages an HTTP cache may serve, and public pages
write nothing while rendering (DESIGN.md), so they only count. A repeated search costs no
query. With a per-process cache (no REDIS_URL) each process counts its own; two writing at the
same instant may lose a few hits, which a popularity report can bear.
"""

import time
from collections import Counter

from django.core.cache import cache
from django.db.models import F
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.search.utils import normalise_query_string

from cms.caching import remember

PICKS_KEY = "search-picks"
HITS_KEY = "search-hits:pending"
HITS_DUE_KEY = "search-hits:due"
HITS_WRITTEN_EVERY = 5 * 60  # seconds
# Every search reads and writes the whole pending count, so a flood of distinct queries (a bot
# trying words) must not grow it without bound: past this many, new queries wait for the next
# write, while those already counted keep counting.
MAX_PENDING_QUERIES = 1000


def _load_picks():
    picks = {}
    promotions = SearchPromotion.objects.select_related("query", "page").order_by(
        "query", "sort_order", "pk"
    )
    for pick in promotions:
        url = pick.page.url if pick.page else pick.external_link_url
        if url and (pick.page is None or pick.page.live):
            picks.setdefault(pick.query.query_string, []).append(
                {"title": pick.title, "url": url, "description": pick.description}
            )
    return picks


def picks_for(query):
    """The editors' picks for what the visitor typed, in the editors' order."""
    return remember(PICKS_KEY, _load_picks).get(normalise_query_string(query), [])


def forget_picks(**kwargs):
    cache.delete(PICKS_KEY)


def record_hit(query, may_write=False):
    """Count one search for `query` toward today's hits; with `may_write`, also write the counts
    when they are due."""
    pending = cache.get(HITS_KEY) or Counter()
    key = (timezone.localdate().isoformat(), normalise_query_string(query))
    if key in pending or len(pending) < MAX_PENDING_QUERIES:
        pending[key] += 1
        cache.set(HITS_KEY, pending, None)
    due = cache.get(HITS_DUE_KEY)
    if due is None:
        cache.set(HITS_DUE_KEY, time.time() + HITS_WRITTEN_EVERY, None)
    elif may_write and due <= time.time():
        write_pending_hits()


def write_pending_hits():
    """Add the counted hits to Wagtail's daily hits, then start counting again; the number of
    searches written."""
    pending = cache.get(HITS_KEY) or Counter()
    cache.delete_many([HITS_KEY, HITS_DUE_KEY])
    written = 0
    for (day, query_string), hits in pending.items():
        if not query_string:
            continue
        query = Query.get(query_string)
        daily, _ = QueryDailyHits.objects.get_or_create(query=query, date=day)
        QueryDailyHits.objects.filter(pk=daily.pk).update(hits=F("hits") + hits)
        written += hits
    return written
