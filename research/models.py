"""The research library: the library index, one index page per condition, and articles."""

import uuid

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.functional import cached_property
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from research.blocks import ArticleBodyBlock
from research.panels import EditorialChecksPanel
from research.review import MedicalReview


class ResearchLibraryPage(Page):
    """/research/: every condition and every article, searchable and filterable."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="A short welcome shown above the list of conditions.",
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["research.ConditionIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = "research library"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["conditions"] = ConditionIndexPage.with_article_counts()
        return context


class ConditionIndexPage(Page):
    """/research/<condition>/: one condition and the articles about it."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text="A plain-language introduction to the condition, shown above its articles.",
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["research.ResearchLibraryPage"]
    subpage_types = ["research.ResearchArticlePage"]

    class Meta:
        verbose_name = "condition"

    @classmethod
    def with_article_counts(cls):
        """Live conditions, alphabetical, each annotated with its number of live articles."""
        live_children = (
            ResearchArticlePage.objects.live()
            .filter(path__startswith=OuterRef("path"), depth=OuterRef("depth") + 1)
            .order_by()
            .values("depth")
            .annotate(total=Count("pk"))
            .values("total")
        )
        return (
            cls.objects.live()
            .annotate(article_count=Coalesce(Subquery(live_children), 0))
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = (
            ResearchArticlePage.objects.live().child_of(self).order_by("-first_published_at")
        )
        return context


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "research.ResearchArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class StudyDesign(models.TextChoices):
    SYSTEMATIC_REVIEW = "systematic_review", "Systematic review"
    META_ANALYSIS = "meta_analysis", "Meta-analysis"
    RCT = "rct", "Randomised controlled trial"
    COHORT = "cohort", "Cohort study"
    CASE_SERIES = "case_series", "Case series"
    IMAGING = "imaging", "Imaging study"
    OTHER = "other", "Other"


class EvidenceStrength(models.TextChoices):
    STRONG = "strong", "Strong"
    MODERATE = "moderate", "Moderate"
    EMERGING = "emerging", "Emerging"
    LIMITED = "limited", "Limited"
    INSUFFICIENT = "insufficient", "Insufficient"


class Month(models.IntegerChoices):
    JANUARY = 1, "January"
    FEBRUARY = 2, "February"
    MARCH = 3, "March"
    APRIL = 4, "April"
    MAY = 5, "May"
    JUNE = 6, "June"
    JULY = 7, "July"
    AUGUST = 8, "August"
    SEPTEMBER = 9, "September"
    OCTOBER = 10, "October"
    NOVEMBER = 11, "November"
    DECEMBER = 12, "December"


def article_body_skeleton():
    """The four sections every new article starts with, each with its own id."""
    sections = [
        ("finding", {"summary": ""}),
        ("explainer", {"heading": "", "body": ""}),
        ("practitioner_notes", {"body": ""}),
        ("limitations", {"body": ""}),
    ]
    return [
        {"type": block_type, "value": value, "id": str(uuid.uuid4())}
        for block_type, value in sections
    ]


doi_validator = RegexValidator(
    r"^10\.\d{4,9}/\S+$",
    "A DOI starts with “10.”, then four or more digits, a slash and the rest, "
    "e.g. 10.1186/s10194-023-01590-5.",
)
pubmed_id_validator = RegexValidator(r"^\d{1,9}$", "A PubMed ID is digits only, e.g. 37221469.")


class ResearchArticlePage(Page):
    """A published study, summarised for patients and practitioners."""

    journal = models.CharField(max_length=255, help_text="The journal as it names itself.")
    publication_year = models.PositiveSmallIntegerField(
        help_text="The year the study was published."
    )
    publication_month = models.PositiveSmallIntegerField(
        choices=Month.choices, null=True, blank=True, help_text="The month, if known."
    )
    publication_day = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="The day of the month, if known."
    )
    doi = models.CharField(
        "DOI",
        max_length=255,
        blank=True,
        validators=[doi_validator],
        help_text="The study's DOI without “https://doi.org/”, e.g. 10.1186/s10194-023-01590-5.",
    )
    pubmed_id = models.CharField(
        "PubMed ID",
        max_length=12,
        blank=True,
        validators=[pubmed_id_validator],
        help_text="The PMID, digits only, e.g. 37221469.",
    )
    source_url = models.URLField(
        "source link", blank=True, help_text="Where the full study can be read."
    )
    study_design = models.CharField(
        max_length=32, choices=StudyDesign.choices, help_text="How the study was done."
    )
    number_of_studies = models.PositiveIntegerField(
        null=True, blank=True, help_text="For reviews: how many studies were included."
    )
    number_of_participants = models.PositiveIntegerField(
        null=True, blank=True, help_text="How many people took part, where the study says."
    )
    evidence_strength = models.CharField(
        max_length=16,
        choices=EvidenceStrength.choices,
        default=EvidenceStrength.EMERGING,
        help_text="How much weight this evidence can bear.",
    )
    is_sample_content = models.BooleanField(
        default=False,
        help_text="Marks demo content that is not a real study; the page says so to visitors.",
    )
    body = StreamField(
        ArticleBodyBlock(),
        default=article_body_skeleton,
        help_text="The four sections are required in this order; add images, quotes or key "
        "figures between them.",
    )
    tags = ClusterTaggableManager(
        through=ArticleTag,
        blank=True,
        help_text="Topics such as fMRI, neuroimaging or neuromodulation.",
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("journal"),
                FieldPanel("publication_year"),
                FieldPanel("publication_month"),
                FieldPanel("publication_day"),
                InlinePanel("authors", label="Authors", min_num=1),
                FieldPanel("doi"),
                FieldPanel("pubmed_id"),
                FieldPanel("source_url"),
                FieldPanel("study_design"),
                FieldPanel("number_of_studies"),
                FieldPanel("number_of_participants"),
                FieldPanel("evidence_strength"),
            ],
            heading="Citation",
        ),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("body"),
        index.SearchField("journal"),
        index.RelatedFields("authors", [index.SearchField("name")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("study_design"),
        index.FilterField("evidence_strength"),
        index.FilterField("publication_year"),
    ]

    parent_page_types = ["research.ConditionIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "research article"

    @property
    def publication_label(self):
        """“May 2023”, or just the year when the month is unknown."""
        if self.publication_month:
            return f"{Month(self.publication_month).label} {self.publication_year}"
        return str(self.publication_year)

    def author_line(self):
        """The first three authors, then “et al.” when the study lists more."""
        names = [author.name for author in self.authors.all()]
        if len(names) > 3:
            return ", ".join(names[:3]) + " et al."
        return ", ".join(names)

    # --- Clinical review (issue 7) -------------------------------------------------------
    # Set when a clinical reviewer approves the article in the "Clinical review" workflow
    # (research.review.record_review_and_publish); never typed in the editor.
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The clinical reviewer who last approved this article.",
    )
    reviewed_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="When the last approval happened."
    )

    content_panels = [EditorialChecksPanel()] + content_panels

    def with_content_json(self, content):
        """A revision never carries the review: it belongs to the page, as `live` does."""
        page = super().with_content_json(content)
        page.reviewed_by_id = self.reviewed_by_id
        page.reviewed_at = self.reviewed_at
        return page

    @cached_property
    def medical_review(self):
        """The “Medically reviewed by …” credit, or None before the first approval."""
        return MedicalReview.for_page(self)


class ArticleAuthor(Orderable):
    """One author of an article's study, in the order the study lists them."""

    page = ParentalKey(ResearchArticlePage, related_name="authors", on_delete=models.CASCADE)
    name = models.CharField(
        max_length=255, help_text="The name as published, e.g. “R H Christensen”."
    )

    panels = [FieldPanel("name")]

    def __str__(self):
        return self.name
