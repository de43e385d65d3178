"""Which pages every visitor may see: none under a view restriction (password, sign-in or groups).

Wagtail's `PageQuerySet.public()` reads every restriction first (one query each time it is
called) and builds a `path LIKE …` test per restriction. Listings here call it on every view,
so `public_only` asks the database in the same query instead: a page is left out when a
restriction exists on it or on one of its ancestors, i.e. on a page whose tree path begins its
own. The restrictions table holds a handful of rows, so the test costs next to nothing per row.
"""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import Page, PageViewRestriction


def ancestor_paths(page):
    """The tree paths of `page` and of each of its ancestors."""
    return [page.path[: depth * Page.steplen] for depth in range(1, page.depth + 1)]


def is_restricted(path_field="path", within=None):
    """True (as an SQL EXISTS) when a view restriction covers the page whose tree path is the
    outer query's `path_field` (e.g. "article__path" from a row that points to a page).

    `within`: a page the visitor is already reading. Its own restrictions and its ancestors'
    are left out of the test, since whoever sees that page has passed them; a page beneath a
    password-protected condition still lists its siblings to the visitor who gave the password.
    """
    # Driven by the restricted pages' ids: joined from the restrictions to their pages, SQLite's
    # planner scanned every page for each outer row (10 s for 10,000 articles, against 4 ms).
    restricted_pages = Page.objects.filter(
        pk__in=PageViewRestriction.objects.values("page_id"),
        path=Substr(OuterRef(path_field), 1, Length("path")),
    )
    if within is not None:
        restricted_pages = restricted_pages.exclude(path__in=ancestor_paths(within))
    return Exists(restricted_pages)


def public_only(pages, within=None):
    """`pages` without any a visitor could not open: same query, one EXISTS more."""
    return pages.filter(~is_restricted(within=within))
