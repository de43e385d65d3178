"""The research library: the library index, one index page per condition, and articles."""

import datetime
import math
import uuid

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Length, Substr
from django.http import HttpResponse
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
    TitleFieldPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.caching import default_share_block, editorial_settings
from cms.models.calls_to_action import Placement
from cms.paging import page_of
from cms.search_suggestions import search_help
from cms.visibility import public_only
from research import citations
from research.blocks import ArticleBodyBlock, missing_section_messages
from research.caching import LIBRARY
from research.choices import Month, StudyDesign
from research.evidence import EVIDENCE_DEFINITIONS, EvidenceStrength, evidence_help_text
from research.feeds import ArticleFeed
from research.forms import LibraryFilterForm
from research.listings import newest_first, with_conditions
from research.panels import EditorialChecksPanel
from research.review import MedicalReview
from research.review_task import ClinicalReviewTask  # noqa: F401 - a model of this app

ARTICLES_PER_PAGE = 12
# A common figure for adults reading non-fiction on screen; the page states it beside the time.
WORDS_PER_MINUTE = 250
RELATED_ARTICLES_SHOWN = 3


class ArticleFeedMixin:
    """An RSS feed of the newest articles under this page, at <page url>feed/."""

    @path("feed/", name="feed")
    def feed(self, request):
        return ArticleFeed(self)(request)

    def feed_articles(self):
        raise NotImplementedError

    def get_cached_paths(self):
        """Addresses to purge from the HTTP cache with the page's own (cms.frontend_cache)."""
        return ["/", "feed/"]


class ResearchLibraryPage(ArticleFeedMixin, RoutablePageMixin, Page):
    """/research/: every condition and every article, searchable and filterable."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="A short welcome shown above the list of conditions.",
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["research.ConditionIndexPage", "research.EvidenceGuidePage"]
    max_count = 1
    call_to_action_placement = Placement.LIBRARY

    class Meta:
        verbose_name = "research library"

    def feed_articles(self):
        return public_only(ResearchArticlePage.objects.live().descendant_of(self))

    def route(self, request, path_components):
        """Find an article or a condition in one query, not two (child, then specific) a level."""
        # The article comes with its reviewer's credit (MedicalReview), saving a query.
        articles = ResearchArticlePage.objects.select_related("reviewed_by__reviewer_profile")
        for pages, depth in ((articles, 2), (ConditionIndexPage.objects.all(), 1)):
            if len(path_components) >= depth:
                url_path = self.url_path + "".join(f"{part}/" for part in path_components[:depth])
                page = pages.filter(url_path=url_path).first()
                if page is not None:
                    return page.route(request, path_components[depth:])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        conditions = ConditionIndexPage.with_article_counts()
        form = LibraryFilterForm(request.GET, conditions=conditions)
        results = form.results(ResearchArticlePage.objects.live().descendant_of(self))
        page_obj = page_of(request, results, ARTICLES_PER_PAGE)
        if terms := form.search_terms():
            context["search_help"] = search_help(request, terms, page_obj.paginator.count)
        context.update(
            conditions=conditions,
            form=form,
            page_obj=page_obj,
            articles=with_conditions(page_obj),
            active_filters=form.active_filters(request),
            is_filtered=form.is_filtered(),
        )
        return context


class ConditionIndexPage(ArticleFeedMixin, RoutablePageMixin, Page):
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
    call_to_action_placement = Placement.CONDITION

    class Meta:
        verbose_name = "condition"

    def call_to_action_condition(self):
        """The condition a call to action on this page serves: this one."""
        return self

    @classmethod
    def with_article_counts(cls):
        """Conditions every visitor may see, alphabetical, each with `article_count`, its
        number of such articles (live, under no view restriction).

        Cached until the library next changes (research.caching); on a miss, the conditions in
        one query, counted from `public_article_counts` (cached too, and shared with the
        evidence map).
        """
        return LIBRARY.remember("conditions", cls._load_with_article_counts)

    @classmethod
    def _load_with_article_counts(cls):
        counts = {}
        for (tree_path, _strength, _design), total in public_article_counts().items():
            counts[tree_path] = counts.get(tree_path, 0) + total
        conditions = list(public_only(cls.objects.live()).order_by("title"))
        for condition in conditions:
            condition.article_count = counts.get(condition.path, 0)
        return conditions

    def feed_articles(self):
        return public_only(ResearchArticlePage.objects.live().child_of(self), within=self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        page_obj = page_of(request, newest_first(self.feed_articles()), ARTICLES_PER_PAGE)
        library = self.get_parent()
        context.update(
            page_obj=page_obj,
            articles=page_obj.object_list,
            breadcrumb=[(library.title, library.get_url(request)), (self.title, "")],
        )
        return context


class EvidenceGuidePage(Page):
    """/research/how-we-rate-evidence/: what each evidence-strength label means.

    The definitions come from research.evidence, the same words writers see as help text, so
    the page cannot drift from how articles are rated; editors write the text around them.
    """

    intro = RichTextField(
        features=["bold", "italic", "link", "ol", "ul"],
        help_text="Why we rate evidence and how, in plain words. Shown above the scale.",
    )
    closing = RichTextField(
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text="Anything to add below the scale, e.g. how to read a single study.",
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("closing")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("closing"),
    ]

    parent_page_types = ["research.ResearchLibraryPage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "evidence rating guide"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["levels"] = [(level, EVIDENCE_DEFINITIONS[level]) for level in EvidenceStrength]
        return context


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "research.ResearchArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )


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


class ResearchArticleForm(WagtailAdminPageForm):
    """Says at the top of the editor, in words, which required section is missing or empty."""

    def clean(self):
        cleaned_data = super().clean()
        if not self.is_deferred_validation:
            for message in missing_section_messages(self["body"].data):
                self.add_error(None, message)
        return cleaned_data


def public_article_counts():
    """{(condition's tree path, evidence strength, study design): number of articles} over the
    articles every visitor may see (live, under no view restriction), cached until the library
    next changes. One grouped query serves the conditions' counts and the evidence map. A
    correlated count per condition (path LIKE parent || '%') cannot use an index and took most
    of the library page's time with 10,000 articles."""
    return LIBRARY.remember("article-counts", _count_public_articles)


def _count_public_articles():
    rows = (
        public_only(ResearchArticlePage.objects.live())
        .annotate(parent_path=Substr("path", 1, Length("path") - Page.steplen))
        .order_by()
        .values_list("parent_path", "evidence_strength", "study_design")
        .annotate(total=Count("pk"))
    )
    return {(path, strength, design): total for path, strength, design, total in rows}


class ResearchArticlePage(RoutablePageMixin, Page):
    """A published study, summarised for patients and practitioners."""

    journal = models.CharField(
        max_length=255,
        help_text="The journal as it names itself, e.g. “The Journal of Headache and Pain”.",
    )
    publication_year = models.PositiveSmallIntegerField(
        help_text="The year the study was published, e.g. 2023."
    )
    publication_month = models.PositiveSmallIntegerField(
        choices=Month.choices,
        null=True,
        blank=True,
        help_text="The month, if known. The page shows month and year, e.g. “May 2023”.",
    )
    publication_day = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="The day of the month, if known. Used in citations, not shown on the page.",
    )
    volume = models.CharField(
        max_length=20, blank=True, help_text="The journal volume, e.g. 24. Used in citations."
    )
    issue = models.CharField(
        max_length=20, blank=True, help_text="The issue number, e.g. 1. Used in citations."
    )
    pages = models.CharField(
        max_length=40,
        blank=True,
        help_text="Page range or article number, e.g. 58 or 112–120. Used in citations.",
    )
    doi = models.CharField(
        "DOI",
        max_length=255,
        blank=True,
        validators=[doi_validator],
        help_text="The study's DOI without “https://doi.org/”, e.g. 10.1186/s10194-023-01590-5. "
        "The page links to it.",
    )
    pubmed_id = models.CharField(
        "PubMed ID",
        max_length=12,
        blank=True,
        validators=[pubmed_id_validator],
        help_text="The PMID, digits only, e.g. 37221469. The page links to PubMed.",
    )
    source_url = models.URLField(
        "source link",
        blank=True,
        help_text="Where the full study can be read, e.g. the journal's page for it.",
    )
    study_design = models.CharField(
        max_length=32,
        choices=StudyDesign.choices,
        help_text="How the study was done. A review of many studies is a systematic review, or "
        "a meta-analysis if it pools their numbers.",
    )
    number_of_studies = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="For reviews: how many studies were included, e.g. 63. Leave empty otherwise.",
    )
    number_of_participants = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="How many people took part, where the study says, e.g. 150.",
    )
    evidence_strength = models.CharField(
        max_length=16,
        choices=EvidenceStrength.choices,
        default=EvidenceStrength.EMERGING,
        help_text=evidence_help_text(),
    )
    is_sample_content = models.BooleanField(
        default=False,
        help_text="Marks demo content that is not a real study; the page says so to visitors.",
    )
    body = StreamField(
        ArticleBodyBlock(),
        default=article_body_skeleton,
        help_text="Fill in the four sections in this order. Key finding and Limitations are "
        "required. Add images, quotes or key figures between them with the + buttons.",
    )
    tags = ClusterTaggableManager(
        through=ArticleTag,
        blank=True,
        help_text="Topics a reader might look for, e.g. fMRI, neuroimaging, neuromodulation. "
        "Related research is matched by shared tags.",
    )

    citation_panels = [
        TitleFieldPanel(
            "title", help_text="The study's title exactly as the journal publishes it."
        ),
        FieldPanel("journal"),
        FieldRowPanel(
            [
                FieldPanel("publication_year"),
                FieldPanel("publication_month"),
                FieldPanel("publication_day"),
            ],
            heading="Published",
        ),
        FieldRowPanel(
            [FieldPanel("volume"), FieldPanel("issue"), FieldPanel("pages")],
            heading="Volume, issue, pages",
        ),
        InlinePanel(
            "authors",
            label="Authors",
            min_num=1,
            help_text="Every author, in the order the study lists them. The page shows the "
            "first three, then “et al.”.",
        ),
        MultiFieldPanel(
            [FieldPanel("doi"), FieldPanel("pubmed_id"), FieldPanel("source_url")],
            heading="Where to find it",
        ),
        MultiFieldPanel(
            [
                FieldPanel("study_design"),
                FieldRowPanel(
                    [FieldPanel("number_of_studies"), FieldPanel("number_of_participants")]
                ),
                FieldPanel("evidence_strength"),
            ],
            heading="Study facts",
        ),
    ]
    summary_panels = [EditorialChecksPanel(), FieldPanel("body"), FieldPanel("is_sample_content")]
    related_panels = [
        FieldPanel("tags"),
        InlinePanel(
            "related_pins",
            label="Pinned related research",
            max_num=RELATED_ARTICLES_SHOWN,
            help_text="Articles to show first under “Related research”. Leave empty and the "
            "site picks the articles on the same condition that share the most tags.",
        ),
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(citation_panels, heading="Citation"),
            ObjectList(summary_panels, heading="Summary"),
            ObjectList(related_panels, heading="Related"),
            ObjectList(Page.promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ],
        base_form_class=ResearchArticleForm,
    )

    search_fields = Page.search_fields + [
        index.SearchField("body"),
        index.SearchField("journal"),
        index.RelatedFields("authors", [index.SearchField("name")]),
        index.RelatedFields("tags", [index.SearchField("name"), index.FilterField("slug")]),
        index.FilterField("study_design"),
        index.FilterField("evidence_strength"),
        index.FilterField("publication_year"),
        index.FilterField("publication_month"),
        index.FilterField("publication_day"),
    ]

    parent_page_types = ["research.ConditionIndexPage"]
    subpage_types = []
    call_to_action_placement = Placement.ARTICLE_END

    class Meta:
        verbose_name = "research article"

    @classmethod
    def citing(cls, doi="", pubmed_id="", exclude_pk=None):
        """Other research articles with this DOI (any capitals) or PubMed ID, drafts included."""
        match = Q()
        if doi:
            match |= Q(doi__iexact=doi)
        if pubmed_id:
            match |= Q(pubmed_id=pubmed_id)
        if not match:
            return cls.objects.none()
        return (
            cls.objects.filter(match)
            .exclude(pk=exclude_pk)
            .only("pk", "title", "draft_title")
            .order_by("pk")
        )

    def call_to_action_condition(self):
        """The condition a call to action on this page serves: the condition above it."""
        # Treebeard keeps the parent on the page, so the breadcrumb's lookup serves here too.
        return self.get_parent()

    def clean(self):
        super().clean()
        today = timezone.localdate()
        if self.publication_year and self.publication_year > today.year:
            raise ValidationError(
                {"publication_year": f"The year cannot be in the future (it is {today.year})."}
            )
        if self.publication_day and not self.publication_month:
            raise ValidationError(
                {"publication_month": "Give the month too, or leave the day empty."}
            )
        try:
            published = self.publication_date
        except ValueError:
            raise ValidationError(
                {"publication_day": "That day does not exist in that month."}
            ) from None
        if published and published > today:
            raise ValidationError(
                {"publication_month": "The publication date cannot be in the future."}
            )

    @property
    def publication_date(self):
        """The publication date to the precision known (missing parts as 1), or None."""
        if not self.publication_year:
            return None
        return datetime.date(
            self.publication_year, self.publication_month or 1, self.publication_day or 1
        )

    @property
    def publication_label(self):
        """“May 2023”, or just the year when the month is unknown."""
        if self.publication_month:
            return f"{Month(self.publication_month).label} {self.publication_year}"
        return str(self.publication_year)

    @cached_property
    def author_names(self):
        return [author.name for author in self.authors.all()]

    def author_line(self):
        """The first three authors, then “et al.” when the study lists more."""
        names = self.author_names
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
    # The credit as the page prints it, recorded at approval so that it outlives the account
    # (kept up to date while the reviewer's profile changes: research.review).
    reviewer_name = models.CharField(
        max_length=150,
        blank=True,
        editable=False,
        help_text="The reviewer's name as credited on the page.",
    )
    reviewer_credentials = models.CharField(
        max_length=120,
        blank=True,
        editable=False,
        help_text="The reviewer's credentials as credited on the page.",
    )

    # The day the review should be renewed by (issue 14): the editorial settings' interval
    # after the approval, or earlier if the reviewer chose so. The "Reviews due" report and
    # the reviewers' email list what comes due; the page stops calling a lapsed review current.
    review_due = models.DateField(
        "review again by",
        null=True,
        blank=True,
        editable=False,
        db_index=True,
        help_text="When the clinical review should be renewed, set at each approval.",
    )

    REVIEW_FIELDS = (
        "reviewed_by_id",
        "reviewed_at",
        "reviewer_name",
        "reviewer_credentials",
        "review_due",
    )

    def with_content_json(self, content):
        """A revision never carries the review: it belongs to the page, as `live` does."""
        page = super().with_content_json(content)
        for field in self.REVIEW_FIELDS:
            setattr(page, field, getattr(self, field))
        return page

    @cached_property
    def medical_review(self):
        """The “Medically reviewed by …” credit, or None before the first approval."""
        return MedicalReview.for_page(self)

    @cached_property
    def word_count(self):
        text = " ".join(self.body.stream_block.get_searchable_content(self.body))
        return len(text.split())

    @property
    def reading_minutes(self):
        return max(1, math.ceil(self.word_count / WORDS_PER_MINUTE))

    @property
    def finding_text(self):
        for block in self.body:
            if block.block_type == "finding":
                return block.value["summary"]
        return ""

    @property
    def doi_url(self):
        return f"https://doi.org/{self.doi}" if self.doi else ""

    @property
    def pubmed_url(self):
        return f"https://pubmed.ncbi.nlm.nih.gov/{self.pubmed_id}/" if self.pubmed_id else ""

    def related_articles(self):
        """Up to three live articles: the editor's pins in their order, then this condition's
        articles sharing the most tags with this one, newest first. One query. Articles a
        visitor of this page could not open (a view restriction this page is not under) are
        left out.

        Shared tags are counted by a subquery per candidate rather than a join and GROUP BY: the
        grouping took half the article page's time with 330 articles in a condition.
        """
        pin_order = RelatedArticlePin.objects.filter(page=self.pk, article=OuterRef("pk")).values(
            "sort_order"
        )[:1]
        shared_tags = (
            ArticleTag.objects.filter(
                content_object=OuterRef("pk"),
                tag__in=ArticleTag.objects.filter(content_object=self.pk).values("tag"),
            )
            .order_by()
            .values("content_object")
            .annotate(count=Count("pk"))
            .values("count")
        )
        siblings = Q(path__startswith=self.path[: -self.steplen], depth=self.depth)
        candidates = (
            public_only(ResearchArticlePage.objects.live(), within=self)
            .filter(
                siblings
                | Q(pk__in=RelatedArticlePin.objects.filter(page=self.pk).values("article"))
            )
            .exclude(pk=self.pk)
            .annotate(
                pin_order=Subquery(pin_order),
                shared_tags=Coalesce(Subquery(shared_tags), 0),
            )
            .order_by(
                F("pin_order").asc(nulls_last=True), "-shared_tags", "-first_published_at", "-id"
            )
        )
        return list(candidates[:RELATED_ARTICLES_SHOWN])

    def context_pages(self):
        """The library and condition above this article, and the evidence guide: one query."""
        depths = (self.depth - 2, self.depth - 1)
        ancestor_paths = [self.path[: self.steplen * depth] for depth in depths]
        guide_type = ContentType.objects.get_for_model(EvidenceGuidePage)
        pages = Page.objects.filter(
            Q(path__in=ancestor_paths) | Q(content_type=guide_type, live=True)
        ).order_by("path")
        library = condition = guide = None
        for page in pages:
            if page.path == ancestor_paths[0]:
                library = page
            elif page.path == ancestor_paths[1]:
                condition = page
            else:
                guide = page
        return library, condition, guide

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        library, condition, guide = self.context_pages()
        context.update(
            library=library,
            condition=condition,
            evidence_guide=guide,
            related_articles=self.related_articles(),
            share_block=default_share_block(),
            editorial_settings=editorial_settings(request),
            words_per_minute=WORDS_PER_MINUTE,
        )
        return context

    def get_cached_paths(self):
        """Addresses to purge from the HTTP cache with the page's own (cms.frontend_cache)."""
        return ["/", "cite/ris/", "cite/bibtex/"]

    @path("cite/ris/", name="cite_ris")
    def cite_ris(self, request):
        return self._download(citations.ris(self), "application/x-research-info-systems", "ris")

    @path("cite/bibtex/", name="cite_bibtex")
    def cite_bibtex(self, request):
        return self._download(citations.bibtex(self), "application/x-bibtex", "bib")

    def _download(self, text, content_type, extension):
        response = HttpResponse(text, content_type=f"{content_type}; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.{extension}"'
        return response


class ArticleAuthor(Orderable):
    """One author of an article's study, in the order the study lists them."""

    page = ParentalKey(ResearchArticlePage, related_name="authors", on_delete=models.CASCADE)
    name = models.CharField(
        max_length=255,
        help_text="The name as published, e.g. “R H Christensen”. One author per entry.",
    )

    panels = [FieldPanel("name")]

    def __str__(self):
        return self.name


class RelatedArticlePin(Orderable):
    """An article an editor wants shown first under “Related research”."""

    page = ParentalKey(ResearchArticlePage, related_name="related_pins", on_delete=models.CASCADE)
    article = models.ForeignKey(
        ResearchArticlePage,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Choose an article, usually one about the same condition.",
    )

    panels = [FieldPanel("article")]

    class Meta(Orderable.Meta):
        verbose_name = "pinned related article"


# Condition alerts keep their model in their own package; importing it here registers it with
# the research app.
from research.alerts.models import ConditionFollower  # noqa: E402, F401

# The bulk import's job and entry models live with the rest of the import; importing them here
# registers them with the research app.
from research.importing.models import StudyImport, StudyImportEntry  # noqa: E402, F401
