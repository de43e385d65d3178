"""Site-wide additions to the Wagtail admin."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import LiveStatusTagColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.account import ReviewerProfileSettingsPanel
from cms.calls_to_action.report import CallToActionReportView
from cms.models.calls_to_action import CallToAction, CallToActionDailyCount
from cms.models.share_block import ShareBlock


@hooks.register("register_account_settings_panel")
def reviewer_profile_panel(request, user, profile):
    return ReviewerProfileSettingsPanel(request, user, profile)


class CallToActionViewSet(SnippetViewSet):
    model = CallToAction
    icon = "link"
    menu_label = "Calls to action"
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["name", "heading", "placement", "priority", LiveStatusTagColumn()]
    list_filter = ["placement", "live"]
    search_fields = ["name", "heading"]


register_snippet(CallToActionViewSet)


@hooks.register("register_admin_urls")
def register_calls_to_action_report_urls():
    return [
        path(
            "reports/calls-to-action/",
            CallToActionReportView.as_view(),
            name="calls_to_action_report",
        ),
        path(
            "reports/calls-to-action/results/",
            CallToActionReportView.as_view(results_only=True),
            name="calls_to_action_report_results",
        ),
    ]


class CallToActionReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(
            f"{CallToActionDailyCount._meta.app_label}.view_calltoactiondailycount"
        )


@hooks.register("register_reports_menu_item")
def register_calls_to_action_report_menu_item():
    return CallToActionReportMenuItem(
        "Calls to action",
        reverse("calls_to_action_report"),
        name="calls-to-action",
        icon_name="link",
        order=1300,
    )


class ShareBlockViewSet(SnippetViewSet):
    model = ShareBlock
    icon = "link"
    menu_label = "Share blocks"
    list_display = ["name", "heading", "is_default"]
    add_to_admin_menu = False


register_snippet(ShareBlockViewSet)
