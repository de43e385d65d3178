"""The research library's additions to the Wagtail admin."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks

from cms.admin_reports import register_report
from research import views
from research.alerts.report import ConditionFollowersReportView


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


# Under Reports, for administrators only (the view's own check hides the menu item too).
register_report(
    ConditionFollowersReportView,
    "reports/condition-followers/",
    "Condition followers",
    name="condition-followers",
    icon_name="mail",
    order=1400,
)
