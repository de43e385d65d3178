"""The "Reviews due" report under Reports: what needs a clinical review now or soon, with CSV
and Excel exports.

Clinical reviewers and administrators renew reviews; writers see the report too, read-only
like everyone, because renewing usually starts with a writer updating the article to newer
research and submitting it. Marketing and directory managers have no part in it and are refused.
"""

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

from cms import roles
from cms.spreadsheets import FormulaSafeExportMixin
from research.models import ResearchArticlePage
from research.reviews_due.articles import DUE_SOON_DAYS, admin_edit_url, articles_due, described

ROLES_THAT_SEE_REVIEWS_DUE = [roles.CLINICAL_REVIEWERS, roles.WRITERS]


def may_see_reviews_due(user):
    return user.is_active and (
        user.is_superuser or user.groups.filter(name__in=ROLES_THAT_SEE_REVIEWS_DUE).exists()
    )


def reviewers_on_record():
    """Everyone who last reviewed a live article, for the report's reviewer filter."""
    reviewed = ResearchArticlePage.objects.live().values("reviewed_by")
    return get_user_model().objects.filter(pk__in=reviewed).order_by("first_name", "last_name")


class ReviewerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        return user.get_full_name() or user.get_username()


class ReviewerChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = ReviewerChoiceField


class ReviewsDueFilterSet(WagtailFilterSet):
    reviewed_by = ReviewerChoiceFilter(
        label="Reviewer",
        queryset=lambda request: reviewers_on_record(),
        empty_label="Any reviewer",
    )

    class Meta:
        model = ResearchArticlePage
        fields = ["reviewed_by"]


class ReviewsDueReportView(FormulaSafeExportMixin, ReportView):
    page_title = "Reviews due"
    header_icon = "clipboard-list"
    model = ResearchArticlePage
    verbose_name = "article due for review"
    verbose_name_plural = "articles due for review"
    permission_required = "view"
    filterset_class = ReviewsDueFilterSet
    results_template_name = "research/admin/reviews_due_results.html"
    index_url_name = "reviews_due_report"
    index_results_url_name = "reviews_due_report_results"
    export_filename = "reviews-due"
    columns = [
        TitleColumn("title", label="Article", url_name="wagtailadmin_pages:edit"),
        Column("condition_title", label="Condition"),
        Column("reviewer", label="Reviewer"),
        Column("reviewed_on", label="Reviewed"),
        Column("review_due", label="Review again by"),
        Column("due_status", label="Status"),
    ]
    list_export = [
        "title",
        "condition_title",
        "reviewer",
        "reviewed_on",
        "review_due",
        "due_status",
        "edit_url",
    ]
    export_headings = {
        "title": "Article",
        "condition_title": "Condition",
        "reviewer": "Reviewer",
        "reviewed_on": "Reviewed",
        "review_due": "Review again by",
        "due_status": "Status",
        "edit_url": "Edit",
    }

    def user_has_permission(self, permission):
        return may_see_reviews_due(self.request.user)

    def get_queryset(self):
        return articles_due()

    def decorate_paginated_queryset(self, articles):
        articles = described(articles)
        for article in articles:
            article.edit_url = admin_edit_url(article)
        return articles

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["due_soon_days"] = DUE_SOON_DAYS
        return context
