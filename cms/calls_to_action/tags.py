"""`{% call_to_action placement %}`: the call to action a page shows at one placement.

Registered as the `calls_to_action` template library in settings (TEMPLATES OPTIONS
"libraries"), so the whole of the calls to action stays in this package.
"""

from django import template
from django.urls import reverse
from django.utils.http import urlencode

from cms.calls_to_action import selection

register = template.Library()


@register.inclusion_tag("components/cta_panel.html", takes_context=True)
def call_to_action(context, placement):
    """The best live call to action for the page and placement; nothing when there is none.

    In an editor's preview the call to action being edited takes the slot, leads straight to
    its target and counts nothing.

    Rendering counts nothing either, so a page is the same for every visitor and a cache may
    keep it: the panel carries an image beacon, and the visitor's browser fetching it counts
    the impression (cms.calls_to_action.views.seen). Previews leave the beacon out.
    """
    request = context.get("request")
    page = context.get("page")
    if request is None or page is None or page.pk is None:
        return {}
    condition = selection.condition_of(page)
    beacon = None
    previewed = getattr(request, "call_to_action_preview", None)
    if previewed is not None:
        if previewed.placement != placement:
            return {}
        chosen = previewed
        link = selection.target_address(previewed, page, request) or "#"
    else:
        chosen = selection.choose(placement, condition.pk if condition else None)
        if chosen is None:
            return {}
        from_page = "?" + urlencode({"from": page.pk})
        link = reverse("call_to_action_click", args=[chosen.pk]) + from_page
        if not getattr(request, "is_preview", False):
            beacon = reverse("call_to_action_seen", args=[chosen.pk]) + from_page
    return {
        "call_to_action": chosen,
        "heading": chosen.heading_for(condition.title if condition else None),
        "link": link,
        "beacon": beacon,
    }
