"""Site-wide additions to the Wagtail admin."""

from wagtail import hooks
from wagtail.admin.ui.tables import LiveStatusTagColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.account import ReviewerProfileSettingsPanel
from cms.admin_reports import register_report
from cms.calls_to_action.report import CallToActionReportView
from cms.calls_to_action.withdrawal import WITHDRAWN, WithdrawnFormatter
from cms.models.calls_to_action import CallToAction
from cms.models.search_synonyms import SearchSynonym
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


@hooks.register("register_log_actions")
def register_call_to_action_withdrawal(actions):
    actions.register_action(WITHDRAWN)(WithdrawnFormatter)


register_report(
    CallToActionReportView,
    "reports/calls-to-action/",
    "Calls to action",
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


class SearchSynonymViewSet(SnippetViewSet):
    model = SearchSynonym
    icon = "search"
    menu_label = "Search synonyms"
    add_to_admin_menu = False
    list_display = ["__str__"]


register_snippet(SearchSynonymViewSet)
