"""Pagination of public listings, where a page that does not exist is a 404."""

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404


def page_of(request, items, per_page):
    """The page of `items` that ?page= asks for; a page that does not exist is a 404."""
    try:
        return Paginator(items, per_page).page(request.GET.get("page", 1))
    except InvalidPage as error:
        raise Http404("There is no such page of results.") from error
