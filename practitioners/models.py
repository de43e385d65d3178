from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import RichTextField
from wagtail.models import Page


class PractitionerDirectoryPage(RoutablePageMixin, Page):
    """/practitioners/: verified, licensed practitioners, searchable by place."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="A short explanation of who is listed and how listings are verified.",
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "practitioner directory"
