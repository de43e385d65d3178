from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PreviewableMixin

from cms.meta_description import description_from
from cms.models.calls_to_action import Placement
from cms.visibility import is_restricted, public_only
from research.models import ConditionIndexPage, ResearchArticlePage


class HomePage(Page):
    """The front page: what the site offers, the newest research, the conditions.

    Its intro and featured articles live in HomePageContent, a site setting: page permissions
    reach a page's whole subtree, so letting writers edit this page would also let them edit
    the practitioner directory beneath it.
    """

    content_panels = Page.content_panels + [
        HelpPanel(
            content="<p>The introduction and the featured research are edited under "
            "<b>Settings › Home page content</b>, where writers can change them too.</p>",
            heading="Introduction and featured research",
        ),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["research.ResearchLibraryPage", "practitioners.PractitionerDirectoryPage"]
    max_count = 1
    call_to_action_placement = Placement.HOME

    class Meta:
        verbose_name = "home page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        content = HomePageContent.for_request(request)
        featured = content.live_featured_articles()
        context["home_content"] = content
        context["meta_description"] = description_from(content.intro)
        context["featured_articles"] = featured
        context["newest_articles"] = (
            public_only(ResearchArticlePage.objects.live())
            .exclude(pk__in=[article.pk for article in featured])
            .order_by("-first_published_at")[:6]
        )
        context["conditions"] = ConditionIndexPage.with_article_counts()
        return context


@register_setting(icon="home")
class HomePageContent(PreviewableMixin, ClusterableModel, BaseSiteSetting):
    """The home page's introduction and featured research, which writers keep current."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="One or two sentences under the site's name telling a visitor what the site "
        "offers, e.g. “Published research on acupuncture, explained in plain language.”",
    )

    panels = [
        FieldPanel("intro"),
        InlinePanel(
            "featured_articles",
            label="Featured article",
            max_num=3,
            heading="Featured research",
            help_text="Up to three published articles shown above the newest research, in this "
            "order. Leave empty to show only the newest research.",
        ),
    ]

    class Meta:
        verbose_name = "home page content"
        verbose_name_plural = "home page content"

    def live_featured_articles(self):
        """The chosen articles in order, leaving out any that have been unpublished or placed
        under a view restriction since: one query."""
        items = self.featured_articles.select_related("article")
        if isinstance(items, models.QuerySet):
            items = items.filter(article__live=True).exclude(is_restricted("article__path"))
            return [item.article for item in items]
        # A preview holds the unsaved choices in memory, where no SQL can filter them.
        chosen = [item.article_id for item in items]
        shown = public_only(ResearchArticlePage.objects.live().filter(pk__in=chosen)).in_bulk()
        return [shown[pk] for pk in chosen if pk in shown]

    def home_page(self):
        root = self.site.root_page.specific
        return root if isinstance(root, HomePage) else None

    def is_previewable(self):
        return self.home_page() is not None

    def get_preview_template(self, request, mode_name):
        return self.home_page().get_template(request)

    def get_preview_context(self, request, mode_name):
        # The settings preview puts this unsaved copy on the request, where for_request finds it.
        return self.home_page().get_context(request)


class FeaturedArticle(Orderable):
    content = ParentalKey(
        HomePageContent, related_name="featured_articles", on_delete=models.CASCADE
    )
    article = models.ForeignKey(
        "research.ResearchArticlePage",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="A published article to feature on the home page.",
    )

    panels = [FieldPanel("article")]
