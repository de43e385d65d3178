from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET
from wagtail.models import Page

SEARCH_RESULTS_PER_PAGE = 10
# Longer queries add nothing to a search and only cost the database work.
MAX_QUERY_LENGTH = 200


@require_GET
def search(request):
    """Site-wide search over every live, public page."""
    query = request.GET.get("q", "").replace("\x00", "").strip()[:MAX_QUERY_LENGTH]
    page_obj = None
    if query:
        results = Page.objects.live().public().specific().search(query)
        page_obj = Paginator(results, SEARCH_RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "cms/search.html", {"query": query, "page_obj": page_obj})


@require_GET
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
