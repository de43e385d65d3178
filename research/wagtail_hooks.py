"""The research library's additions to the Wagtail admin."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks

from research import views


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
