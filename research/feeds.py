"""RSS feeds of the newest articles: the whole library, or one condition."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed

from research.listings import newest_first

FEED_LENGTH = 20


class ArticleFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, source_page):
        super().__init__()
        self.source_page = source_page

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.source_page

    def title(self, page):
        return f"{page.title} · Acupuncture Research Library"

    def link(self, page):
        return page.get_url(self.request)

    def description(self, page):
        return f"The newest research summaries in {page.title}."

    def items(self, page):
        return newest_first(page.feed_articles())[:FEED_LENGTH]

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.finding_text

    def item_link(self, article):
        return article.get_url(self.request)

    def item_pubdate(self, article):
        return article.first_published_at

    def item_updateddate(self, article):
        return article.last_published_at
