"""Lists of articles as the library, condition pages, feeds and filters show them."""

from wagtail.models import Page


def with_conditions(articles):
    """`articles` as a list, each given its condition page as `.condition`, in one query."""
    articles = list(articles)
    parent_paths = {article.path[: -Page.steplen] for article in articles}
    parents = {page.path: page for page in Page.objects.filter(path__in=parent_paths)}
    for article in articles:
        article.condition = parents.get(article.path[: -Page.steplen])
    return articles


def newest_first(queryset):
    return queryset.order_by("-first_published_at", "-id")
