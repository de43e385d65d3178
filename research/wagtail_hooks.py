"""The research library's additions to the Wagtail admin."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from research import views
from research.importing import views as import_views


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
def register_study_import_urls():
    return [
        path("research/import/", import_views.import_studies, name="research_import"),
        path(
            "research/import/<int:pk>/", import_views.import_status, name="research_import_status"
        ),
        path(
            "research/import/<int:pk>/results.csv",
            import_views.import_results_csv,
            name="research_import_results_csv",
        ),
        path(
            "research/import/<int:pk>/retry/",
            import_views.retry_failed,
            name="research_import_retry",
        ),
    ]


class StudyImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(import_views.ADD)


@hooks.register("register_admin_menu_item")
def register_study_import_menu_item():
    return StudyImportMenuItem(
        "Import studies",
        reverse("research_import"),
        name="import-studies",
        icon_name="upload",
        order=210,
    )
