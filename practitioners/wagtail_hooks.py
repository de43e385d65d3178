"""The directory in the admin: listings as snippets, the application queue (wagtail-modeladmin)
and the report of listings due for re-verification."""

import django_filters
from django.urls import re_path, reverse
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, LiveStatusTagColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from cms.admin_reports import register_report
from practitioners import admin_views
from practitioners.models import (
    Language,
    Modality,
    Practitioner,
    PractitionerApplication,
)


def verification_label(practitioner):
    if practitioner.needs_reverification:
        return "Verified — due for re-verification"
    return practitioner.get_verification_status_display()


class PractitionerFilterSet(WagtailFilterSet):
    due_for_reverification = django_filters.BooleanFilter(
        label="Due for re-verification", method="filter_due"
    )

    class Meta:
        model = Practitioner
        fields = ["verification_status", "license_state", "offers_telehealth", "live"]

    def filter_due(self, queryset, name, value):
        due = Practitioner.objects.due_for_reverification().values("pk")
        return queryset.filter(pk__in=due) if value else queryset.exclude(pk__in=due)


class PractitionerViewSet(SnippetViewSet):
    model = Practitioner
    icon = "user"
    menu_label = "Practitioners"
    list_display = [
        "name",
        "city",
        "license_state",
        Column("verification", label="Verification", accessor=verification_label),
        DateColumn("verified_on", label="Verified on"),
        LiveStatusTagColumn(),
    ]
    filterset_class = PractitionerFilterSet
    # A plain database match is plenty for a directory's size, and keeps saves cheap.
    search_fields = ["name", "practice_name", "city", "license_number"]
    search_backend_name = None
    list_per_page = 50
    ordering = ["name"]


class LanguageViewSet(SnippetViewSet):
    model = Language
    icon = "comment"
    list_display = ["name", "slug"]


class ModalityViewSet(SnippetViewSet):
    model = Modality
    icon = "list-ul"
    menu_label = "Treatments"
    list_display = ["name", "slug"]


class DirectoryViewSetGroup(SnippetViewSetGroup):
    items = (PractitionerViewSet, LanguageViewSet, ModalityViewSet)
    menu_icon = "group"
    menu_label = "Directory"
    menu_name = "directory"
    menu_order = 250


register_snippet(DirectoryViewSetGroup)


class ListingApplicationAdmin(ModelAdmin):
    model = PractitionerApplication
    menu_label = "Listing applications"
    menu_icon = "form"
    menu_order = 260
    add_to_settings_menu = False
    list_display = ["name", "license_state", "license_number", "city", "submitted_at", "status"]
    list_filter = ["status", "offers_telehealth"]
    search_fields = ["name", "email", "practice_name", "license_number", "city"]
    inspect_view_enabled = True
    permission_helper_class = admin_views.ApplicationPermissionHelper
    button_helper_class = admin_views.ApplicationButtonHelper

    def get_admin_urls_for_registration(self):
        return super().get_admin_urls_for_registration() + tuple(
            re_path(
                self.url_helper.get_action_url_pattern(action),
                view,
                name=self.url_helper.get_action_url_name(action),
            )
            for action, view in (("approve", self.approve_view), ("reject", self.reject_view))
        )

    def approve_view(self, request, instance_pk):
        return admin_views.ApproveView.as_view(model_admin=self, instance_pk=instance_pk)(request)

    def reject_view(self, request, instance_pk):
        return admin_views.RejectView.as_view(model_admin=self, instance_pk=instance_pk)(request)


modeladmin_register(ListingApplicationAdmin)


class ReverificationReportView(ReportView):
    """Verified listings whose check is older than the allowed period, oldest first."""

    page_title = "Practitioners due for re-verification"
    header_icon = "warning"
    index_url_name = "practitioners_reverification_report"
    index_results_url_name = "practitioners_reverification_report_results"
    permission_policy = ModelPermissionPolicy(Practitioner)
    permission_required = "change"
    list_export = ["name", "license_state", "license_number", "verified_on"]
    columns = [
        TitleColumn(
            "name",
            label="Practitioner",
            get_url=lambda practitioner: reverse(
                practitioner.snippet_viewset.get_url_name("edit"), args=[practitioner.pk]
            ),
        ),
        Column("license_state", label="License state"),
        Column("license_number", label="License number"),
        DateColumn("verified_on", label="Last verified"),
    ]

    def get_queryset(self):
        return Practitioner.objects.due_for_reverification().order_by("verified_on", "name")


register_report(
    ReverificationReportView,
    "reports/practitioners-due/",
    "Practitioners due for re-verification",
    name="practitioners-due",
    icon_name="warning",
    order=800,
)
