"""The followers report in the admin, for administrators only: how many follow each condition,
and every follower with a CSV or Excel export.

The report does not use a model permission that a group could be given: only superusers see
it, so no role (writers, reviewers, marketing, directory managers) can read the addresses.
"""

from django.db.models import Count, Prefetch
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView

from cms.spreadsheets import FormulaSafeExportMixin
from research.models import ConditionFollower, ConditionIndexPage


def may_see_followers(user):
    return user.is_active and user.is_superuser


class ConditionFollowersReportView(FormulaSafeExportMixin, ReportView):
    page_title = "Condition followers"
    header_icon = "mail"
    model = ConditionFollower
    verbose_name = "follower"
    verbose_name_plural = "followers"
    permission_required = "view"
    results_template_name = "research/admin/condition_followers_results.html"
    index_url_name = "condition_followers_report"
    index_results_url_name = "condition_followers_report_results"
    export_filename = "condition-followers"
    default_ordering = "email"
    columns = [
        Column("email", label="Email address", sort_key="email"),
        Column("condition_titles", label="Conditions"),
        DateColumn("confirmed_at", label="Confirmed", sort_key="confirmed_at"),
        DateColumn("last_digest_at", label="Last digest", sort_key="last_digest_at"),
    ]
    list_export = ["email", "condition_titles", "confirmed_at", "last_digest_at"]
    export_headings = {
        "email": "Email address",
        "condition_titles": "Conditions",
        "confirmed_at": "Confirmed",
        "last_digest_at": "Last digest",
    }

    def user_has_permission(self, permission):
        return may_see_followers(self.request.user)

    def get_queryset(self):
        return ConditionFollower.objects.prefetch_related(
            Prefetch("conditions", queryset=ConditionIndexPage.objects.order_by("title"))
        ).order_by(self.ordering, "pk")

    def followers_per_condition(self):
        return (
            ConditionIndexPage.objects.annotate(follower_count=Count("followers"))
            .order_by("-follower_count", "title")
            .values("title", "follower_count")
        )

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        if not self.is_export:
            context["per_condition"] = self.followers_per_condition()
            context["follower_total"] = ConditionFollower.objects.count()
        return context
