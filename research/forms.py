"""The library's search and filters: what a visitor may ask for, checked before it is used."""

from django import forms
from django.apps import apps
from django.db.models import Exists, OuterRef
from django.http import QueryDict
from django.utils import timezone
from django.utils.choices import flatten_choices
from taggit.models import Tag

from cms.search_synonyms import search_query
from cms.searching import MAX_QUERY_LENGTH, search_terms
from cms.visibility import public_only
from research.caching import LIBRARY
from research.choices import DESIGN_GROUPS, GROUPED_DESIGN_FILTERS, StudyDesign
from research.evidence import EvidenceStrength
from research.library_search import remembered_search
from research.listings import newest_first

EARLIEST_YEAR = 1900


class Sort:
    RELEVANCE = "relevance"
    NEWEST_SUMMARY = "newest"
    NEWEST_STUDY = "study"
    CHOICES = [
        (NEWEST_SUMMARY, "Newest summary"),
        (NEWEST_STUDY, "Newest study"),
        (RELEVANCE, "Best match (when searching)"),
    ]


def topics_in_use():
    """(slug, name) of every tag an article visitors may see carries (live, no view
    restriction), by name; cached until the library changes."""
    # research.models imports this module, so the article model is looked up, not imported.
    articles = apps.get_model("research", "ResearchArticlePage").objects.live()
    tagged = apps.get_model("research", "ArticleTag").objects.filter(
        tag=OuterRef("pk"), content_object__in=public_only(articles).values("pk")
    )
    # EXISTS stops at a tag's first visible article; a join and DISTINCT over every article's
    # tags took 14 ms against 5 with 10,000 articles.
    return LIBRARY.remember(
        "topics",
        lambda: list(
            Tag.objects.filter(Exists(tagged)).order_by("name").values_list("slug", "name")
        ),
    )


def _any(label, choices):
    return [("", label), *choices]


class LibraryFilterForm(forms.Form):
    """Bound to request.GET. Invalid fields are reported and ignored; valid ones still apply."""

    q = forms.CharField(
        label="Search the research",
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "max_length": f"Searches are limited to {MAX_QUERY_LENGTH} characters. "
            "Try a few key words instead.",
        },
        widget=forms.TextInput(attrs={"type": "search", "maxlength": MAX_QUERY_LENGTH}),
    )
    condition = forms.ChoiceField(label="Condition", required=False)
    # Single designs, then the kinds of study the evidence map groups them into.
    design = forms.ChoiceField(
        label="Study design",
        required=False,
        choices=_any(
            "Any design",
            [
                ("Designs", StudyDesign.choices),
                (
                    "Kinds of study",
                    [
                        (group.filter_value, group.label)
                        for group in DESIGN_GROUPS
                        if group.filter_value in GROUPED_DESIGN_FILTERS
                    ],
                ),
            ],
        ),
    )
    strength = forms.ChoiceField(
        label="Strength of evidence",
        required=False,
        choices=_any("Any strength", EvidenceStrength.choices),
    )
    tag = forms.ChoiceField(label="Topic", required=False)
    year_from = forms.IntegerField(
        label="Published from", required=False, widget=forms.NumberInput(attrs={"size": 6})
    )
    year_to = forms.IntegerField(
        label="Published to", required=False, widget=forms.NumberInput(attrs={"size": 6})
    )
    sort = forms.ChoiceField(label="Sort by", required=False, choices=Sort.CHOICES)

    def __init__(self, data, *, conditions):
        super().__init__(data)
        self.conditions = {condition.slug: condition for condition in conditions}
        self.fields["condition"].choices = _any(
            "All conditions", [(c.slug, c.title) for c in conditions]
        )
        self.fields["tag"].choices = _any("Any topic", topics_in_use())
        this_year = timezone.localdate().year
        for name in ("year_from", "year_to"):
            field = self.fields[name]
            field.widget.attrs.update(min=EARLIEST_YEAR, max=this_year)
            field.error_messages["invalid"] = "Enter a year as four digits, e.g. 2021."
            field.validators = [_year_range_validator(EARLIEST_YEAR, this_year)]
        self.fields["condition"].error_messages["invalid_choice"] = (
            "We have no research on that condition. Choose one from the list."
        )
        self.fields["design"].error_messages["invalid_choice"] = (
            "That is not a study design we list. Choose one from the list."
        )
        self.fields["strength"].error_messages["invalid_choice"] = (
            "That is not a level of evidence we use. Choose one from the list."
        )
        self.fields["tag"].error_messages["invalid_choice"] = (
            "No article has that topic. Choose one from the list."
        )
        self.fields["sort"].error_messages["invalid_choice"] = (
            "We cannot sort that way; showing the newest first."
        )
        self.is_valid()

    def clean_q(self):
        return " ".join(self.cleaned_data["q"].split())

    def clean(self):
        cleaned_data = super().clean()
        year_from, year_to = cleaned_data.get("year_from"), cleaned_data.get("year_to")
        if year_from and year_to and year_from > year_to:
            self.add_error("year_to", "The “to” year is before the “from” year.")
        return cleaned_data

    def value(self, name):
        """The cleaned value of `name`, or empty when the visitor's value was not valid."""
        return self.cleaned_data.get(name) if name not in self.errors else None

    def results(self, articles):
        """`articles` narrowed by the valid filters, searched and sorted as asked, leaving out
        any under a view restriction."""
        design = self.value("design")
        filters = {
            "study_design__in": GROUPED_DESIGN_FILTERS.get(design, [design] if design else None),
            "evidence_strength": self.value("strength"),
            "tags__slug": self.value("tag"),
            "publication_year__gte": self.value("year_from"),
            "publication_year__lte": self.value("year_to"),
        }
        articles = articles.filter(**{key: value for key, value in filters.items() if value})
        if condition := self.conditions.get(self.value("condition")):
            articles = articles.child_of(condition)
        query = self.search_terms()
        sort = self.value("sort") or (Sort.RELEVANCE if query else Sort.NEWEST_SUMMARY)
        if sort == Sort.NEWEST_STUDY:
            articles = articles.order_by(
                "-publication_year", "-publication_month", "-publication_day", "-id"
            )
        else:
            articles = newest_first(articles)
        if query:
            # The search backends take plain field filters only. The database's ranked matches
            # are narrowed to what visitors may see in the query that ranks them
            # (remembered_search); an external index is given Wagtail's own public() filter,
            # a prefix test on the tree path it indexes (one query reads the restrictions).
            relevance = sort == Sort.RELEVANCE
            said = search_query(query)
            searched = articles.search(said, order_by_relevance=relevance)
            if getattr(searched, "get_queryset", None) is None:
                searched = articles.public().search(said, order_by_relevance=relevance)
            return remembered_search(searched, articles)
        return public_only(articles)

    def search_terms(self):
        """What the visitor searched for, as plain lower-case words ("" for no search)."""
        return search_terms(self.value("q") or "")

    def is_filtered(self):
        return any(self.value(name) for name in self.fields if name != "sort")

    def active_filters(self, request):
        """(label, value, address without it) for each filter in use, to show and clear."""
        active = []
        for name, field in self.fields.items():
            value = self.value(name)
            if name == "sort" or not value:
                continue
            shown = (
                dict(flatten_choices(field.choices)).get(value, value)
                if hasattr(field, "choices")
                else value
            )
            remaining = QueryDict(mutable=True)
            for key in request.GET:
                if key not in (name, "page"):
                    remaining.setlist(key, request.GET.getlist(key))
            active.append((field.label, shown, "?" + remaining.urlencode() if remaining else "?"))
        return active


def _year_range_validator(lowest, highest):
    def validate(year):
        if not lowest <= year <= highest:
            raise forms.ValidationError(f"Choose a year between {lowest} and {highest}.")

    return validate
