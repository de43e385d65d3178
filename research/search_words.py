"""What the library gives the site's searches to help patients (cms.search_suggestions): the
words its titles, conditions and topics use, and its condition pages. Both are cached until the
library changes (research.caching)."""

from wagtail.models import Page

from cms.searching import search_terms
from cms.visibility import public_only
from research.caching import LIBRARY
from research.forms import topics_in_use
from research.models import ConditionIndexPage, ResearchArticlePage


def library_words():
    return LIBRARY.remember("search-words", _load_words)


def _load_words():
    titles = public_only(
        Page.objects.live().type(ConditionIndexPage, ResearchArticlePage)
    ).values_list("title", flat=True)
    words = set()
    for text in [*titles, *(name for _slug, name in topics_in_use())]:
        words.update(search_terms(text).split())
    return words


def condition_pages():
    """(title, url) of each condition the library lists."""
    return LIBRARY.remember("condition-pages", _load_condition_pages)


def _load_condition_pages():
    # From the conditions the library page lists (cached too), so a miss costs no query there.
    return [
        (condition.title, condition.url)
        for condition in ConditionIndexPage.with_article_counts()
        if condition.url
    ]
