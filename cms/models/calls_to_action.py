"""Calls to action: promotions that marketing writes, targets and schedules, and their counts."""

import string

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.template.response import TemplateResponse
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PublishingPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    get_page_models,
)
from wagtail.search import index

CONDITION_PLACEHOLDER = "condition"
# What "{condition}" reads as on a page that has no condition (the home and library pages).
NO_CONDITION_WORDING = "your condition"
EMPTY_HEADING_MESSAGE = "Write a heading: it is the first thing a visitor reads."


class Placement(models.TextChoices):
    ARTICLE_END = "article_end", "End of a research article"
    CONDITION = "condition", "A condition's page"
    LIBRARY = "library", "The research library page"
    HOME = "home", "The home page"


def validate_heading(heading):
    """Refuse a heading that is empty or names a placeholder other than {condition}."""
    if not heading or not heading.strip():
        raise ValidationError(EMPTY_HEADING_MESSAGE)
    try:
        parts = list(string.Formatter().parse(heading))
    except ValueError:
        raise ValidationError(
            "A curly bracket is not closed. Write the placeholder exactly as {condition}, "
            "or leave curly brackets out."
        ) from None
    for _text, field_name, format_spec, conversion in parts:
        if field_name is None:
            continue
        if field_name != CONDITION_PLACEHOLDER or format_spec or conversion:
            raise ValidationError(
                "“{%(name)s}” is not a placeholder this heading can fill. The only one is "
                "{condition}, which shows the condition of the page, e.g. “Migraines”.",
                params={"name": field_name + (f":{format_spec}" if format_spec else "")},
            )


class CallToAction(
    PreviewableMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    index.Indexed,
    ClusterableModel,
):
    """A promotion shown at one placement of the site, for some conditions or for all."""

    name = models.CharField(
        "internal name",
        max_length=120,
        help_text="For the editor and the report only, never shown to visitors, "
        "e.g. “Directory – migraines – spring”.",
    )
    icon = models.CharField(
        max_length=8,
        blank=True,
        default="🌿",
        help_text="Optional: an emoji shown beside the heading, e.g. 🌿.",
    )
    heading = models.CharField(
        max_length=160,
        validators=[validate_heading],
        error_messages={"blank": EMPTY_HEADING_MESSAGE},
        help_text="Write {condition} where the page's condition should appear: “Ready to try "
        f"acupuncture for {{condition}}?”. On pages without a condition it reads "
        f"“{NO_CONDITION_WORDING}”.",
    )
    text = models.TextField(
        max_length=400,
        blank=True,
        help_text="One or two sentences under the heading.",
    )
    button_label = models.CharField(
        max_length=60,
        help_text="What the button says, e.g. “Find a practitioner →”.",
    )
    target_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        # Deleting the page leaves the call to action without a target: its button then
        # answers "not found" until an editor chooses another.
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Where the button leads on this site. Choosing the practitioner directory "
        "lands the visitor on practitioners who treat the page's condition.",
    )
    target_url = models.URLField(
        "target address",
        blank=True,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text="Or an address on another site, starting with https://. Fill in a page or an "
        "address, not both.",
    )
    placement = models.CharField(
        max_length=20,
        choices=Placement.choices,
        default=Placement.ARTICLE_END,
        help_text="Where on the site this call to action appears.",
    )
    conditions = ParentalManyToManyField(
        "research.ConditionIndexPage",
        blank=True,
        related_name="+",
        help_text="Show it only with these conditions. Leave empty to show it with every "
        "condition and on pages without one. A call to action for a condition wins over one "
        "for all.",
    )
    priority = models.PositiveSmallIntegerField(
        default=0,
        help_text="When several could show on a page, the higher number wins; between equals, "
        "the most recently published.",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("icon"),
                FieldPanel("heading"),
                FieldPanel("text"),
                FieldPanel("button_label"),
            ],
            heading="What it says",
        ),
        MultiFieldPanel(
            [FieldPanel("target_page"), FieldPanel("target_url")],
            heading="Where the button leads",
        ),
        MultiFieldPanel(
            [
                FieldPanel("placement"),
                FieldPanel("conditions", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("priority")]),
            ],
            heading="Where it shows",
        ),
        # The "Set schedule" dialog: when it starts and ends showing.
        PublishingPanel(),
    ]

    search_fields = [
        index.SearchField("name"),
        index.SearchField("heading"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        verbose_name = "call to action"
        verbose_name_plural = "calls to action"

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.target_page_id and self.target_url:
            raise ValidationError({"target_url": "Choose a page or write an address, not both."})
        if not self.target_page_id and not self.target_url:
            raise ValidationError(
                {"target_page": "Choose the page the button leads to, or write an address below."}
            )

    def heading_for(self, condition_title):
        """The heading with {condition} filled in; validation allows no other placeholder."""
        return self.heading.format(condition=condition_title or NO_CONDITION_WORDING)

    # Preview: the call to action on a real page of a chosen condition, as a visitor sees it.
    # Page types say which placement they host (`call_to_action_placement`) and whether they
    # have a condition (`call_to_action_condition()`); nothing here names them.

    @classmethod
    def condition_model(cls):
        """The page type a call to action is restricted to: its `conditions`' model."""
        return cls._meta.get_field("conditions").related_model

    def preview_host_class(self):
        """The page type that hosts this call to action's placement, or None."""
        return next(
            (
                page_class
                for page_class in get_page_models()
                if getattr(page_class, "call_to_action_placement", None) == self.placement
            ),
            None,
        )

    def previews_per_condition(self):
        host_class = self.preview_host_class()
        return host_class is not None and hasattr(host_class, "call_to_action_condition")

    @property
    def preview_modes(self):
        if not self.previews_per_condition():
            return [("", "As visitors see it")]
        return [
            (str(condition.pk), f"On {condition.title}")
            for condition in self.condition_model().objects.live().order_by("title")
        ] or [("", "As visitors see it")]

    def preview_host_page(self, mode_name):
        """The live page the preview shows this call to action on."""
        host_class = self.preview_host_class()
        if host_class is None:
            return None
        hosts = host_class.objects.live()
        if not self.previews_per_condition():
            return hosts.first()
        conditions = self.condition_model().objects.live()
        condition = conditions.filter(pk=mode_name or None).first()
        if condition is None:
            condition = conditions.order_by("title").first()
        if condition is None or isinstance(condition, host_class):
            return condition
        # The newest page of the host type under the condition, e.g. its newest article.
        return hosts.child_of(condition).order_by("-first_published_at").first() or condition

    def serve_preview(self, request, mode_name):
        host = self.preview_host_page(mode_name)
        if host is None:
            return TemplateResponse(
                request, "components/cta_preview_empty.html", {"call_to_action": self}
            )
        request.call_to_action_preview = self
        return host.serve(request)


class CallToActionDailyCount(models.Model):
    """How often one call to action was shown and clicked on one page on one day.

    Aggregates only: nothing about the visitor is kept.
    """

    call_to_action = models.ForeignKey(
        CallToAction, on_delete=models.CASCADE, related_name="daily_counts"
    )
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    date = models.DateField()
    impressions = models.PositiveIntegerField(default=0)
    clicks = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "call to action daily count"
        constraints = [
            models.UniqueConstraint(
                fields=["call_to_action", "page", "date"], name="one_cta_count_per_page_and_day"
            )
        ]
        indexes = [models.Index(fields=["date"])]

    def __str__(self):
        return f"{self.call_to_action_id} on {self.page_id}, {self.date}"
