"""The library's search results, ranked once and remembered until the library changes.

Wagtail's database backend answers a page of search results with two queries that each match
and rank every article (a count, then the page). Here one query fetches the ids of all matches
in rank order: cms.search_ranking's on SQLite and PostgreSQL (much faster at thousands of
matches), else Wagtail's own. The list is cached under the query's SQL in the library's cache
generation (research.caching), so later pages and repeated searches cost one query for their
twelve articles. Articles under a view restriction are left out in that same query
(cms.visibility). With a search backend that is not the database's, there is no SQL to rank by
and its own results are used.
"""

import hashlib

from cms import search_ranking
from cms.search_ranking import RankedResults
from cms.visibility import public_only
from research.caching import LIBRARY


def remembered_search(search_results, articles):
    """`search_results` (a Wagtail search over `articles`) as RankedResults, its ids cached.

    Only the database backends answer with a queryset behind their results. An external index
    (OpenSearch, Elasticsearch) ranks and pages on its own side, so its results are used as
    they come: they count and slice as a paginator needs.
    """
    get_queryset = getattr(search_results, "get_queryset", None)
    if get_queryset is None:
        return search_results
    ranking = search_ranking.ranked_pks_query(search_results, public_only(articles))
    if ranking is not None:
        sql, params = ranking
        key = "search:" + hashlib.sha256(repr((sql, params)).encode()).hexdigest()
        ids = LIBRARY.remember(key, lambda: search_ranking.run(sql, params, articles.db))
    else:
        matches = public_only(get_queryset())
        key = "search:" + hashlib.sha256(str(matches.query).encode()).hexdigest()
        # One id per article, in rank order, whatever rows the filters' joins make.
        ids = LIBRARY.remember(
            key, lambda: list(dict.fromkeys(matches.values_list("pk", flat=True)))
        )
    return RankedResults(ids, articles)
