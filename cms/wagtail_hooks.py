"""Admin registrations for the site-wide content in cms.models."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.models import ShareBlock


class ShareBlockViewSet(SnippetViewSet):
    model = ShareBlock
    icon = "link"
    menu_label = "Share blocks"
    list_display = ["name", "heading", "is_default"]
    add_to_admin_menu = False


register_snippet(ShareBlockViewSet)
