"""The research library's additions to the Wagtail admin."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from research import views
from research.alerts.report import ConditionFollowersReportView, may_see_followers


@hooks.register("register_admin_urls")
def register_citation_lookup_url():
    return [
        path(
            "research/citation-lookup/",
            views.citation_lookup,
            name="research_citation_lookup",
        )
    ]


@hooks.register("insert_editor_js")
def citation_fill_in_script():
    """The "Fill in" button beside an article's DOI and PubMed ID (the script finds them)."""
    return format_html(
        '<script src="{}" data-lookup-url="{}" defer></script>',
        static("js/citation-fill.js"),
        reverse("research_citation_lookup"),
    )


@hooks.register("register_admin_urls")
def register_condition_followers_report_urls():
    return [
        path(
            "reports/condition-followers/",
            ConditionFollowersReportView.as_view(),
            name="condition_followers_report",
        ),
        path(
            "reports/condition-followers/results/",
            ConditionFollowersReportView.as_view(results_only=True),
            name="condition_followers_report_results",
        ),
    ]


class AdministratorsOnlyMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_followers(request.user)


@hooks.register("register_reports_menu_item")
def register_condition_followers_menu_item():
    return AdministratorsOnlyMenuItem(
        "Condition followers",
        reverse("condition_followers_report"),
        name="condition-followers",
        icon_name="mail",
        order=1400,
    )
