from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page


class HomePage(Page):
    """The front page: what the site offers, the newest research, the conditions."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="One or two sentences telling a visitor what the site offers.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel(
            "featured_articles",
            label="Featured articles",
            max_num=3,
            help_text="Up to three articles to feature above the newest research.",
        ),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["research.ResearchLibraryPage", "practitioners.PractitionerDirectoryPage"]
    max_count = 1

    class Meta:
        verbose_name = "home page"

    def get_context(self, request, *args, **kwargs):
        from research.models import ConditionIndexPage, ResearchArticlePage

        context = super().get_context(request, *args, **kwargs)
        featured = [
            item.article
            for item in self.featured_articles.select_related("article")
            if item.article.live
        ]
        context["featured_articles"] = featured
        context["newest_articles"] = (
            ResearchArticlePage.objects.live()
            .exclude(pk__in=[article.pk for article in featured])
            .order_by("-first_published_at")[:6]
        )
        context["conditions"] = ConditionIndexPage.with_article_counts()
        return context


class FeaturedArticle(Orderable):
    page = ParentalKey(HomePage, related_name="featured_articles", on_delete=models.CASCADE)
    article = models.ForeignKey(
        "research.ResearchArticlePage",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="An article to show at the top of the home page.",
    )

    panels = [FieldPanel("article")]
