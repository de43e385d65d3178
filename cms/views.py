from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_safe
from wagtail.models import Page

from cms import search_ranking
from cms.http_caching import private
from cms.paging import page_of
from cms.search_ranking import RankedResults
from cms.search_suggestions import search_help
from cms.search_synonyms import search_query
from cms.searching import MAX_QUERY_LENGTH, search_terms
from cms.visibility import public_only

SEARCH_RESULTS_PER_PAGE = 10


@private
@require_GET
def search(request):
    """Site-wide search over every live, public page.

    Private: its addresses are as many as the searches typed, a shared cache would fill with
    them and could not purge them when content changes; robots.txt keeps crawlers out too.
    """
    query = " ".join(request.GET.get("q", "").replace("\x00", "").split())
    notice = ""
    if len(query) > MAX_QUERY_LENGTH:
        query = query[:MAX_QUERY_LENGTH]
        notice = (
            f"Searches are limited to {MAX_QUERY_LENGTH} characters, so only the first "
            f"{MAX_QUERY_LENGTH} were used."
        )
    page_obj = help_ = None
    if terms := search_terms(query):
        said = search_query(terms)
        pages = Page.objects.live()
        searched = pages.specific().search(said)
        # One query ranks every match where the backend allows it (cms.search_ranking).
        ranking = search_ranking.ranked_pks_query(searched, public_only(pages))
        if ranking is None:
            results = pages.public().specific().search(said)
        else:
            results = RankedResults(search_ranking.run(*ranking, pages.db), pages.specific())
        page_obj = page_of(request, results, SEARCH_RESULTS_PER_PAGE)
        help_ = search_help(request, terms, page_obj.paginator.count, may_write=True)
    return render(
        request,
        "cms/search.html",
        {"query": query, "page_obj": page_obj, "notice": notice, "search_help": help_},
    )


@require_safe
def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "Disallow: /go/",  # call-to-action click counting
        f"Sitemap: {sitemap_url}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
