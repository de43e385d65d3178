"""`{% call_to_action placement %}`: the call to action a page shows at one placement."""

from django import template
from django.urls import reverse
from django.utils.http import urlencode

from cms import calls_to_action

register = template.Library()


@register.inclusion_tag("components/cta_panel.html", takes_context=True)
def call_to_action(context, placement):
    """The best live call to action for the page and placement; nothing when there is none.

    In an editor's preview the call to action being edited takes the slot, leads straight to
    its target and counts nothing.
    """
    request = context.get("request")
    page = context.get("page")
    if request is None or page is None or page.pk is None:
        return {}
    condition = calls_to_action.condition_of(page)
    previewed = getattr(request, "call_to_action_preview", None)
    if previewed is not None:
        if previewed.placement != placement:
            return {}
        chosen = previewed
        link = calls_to_action.target_address(previewed, page, request) or "#"
    else:
        chosen = calls_to_action.choose(placement, condition.pk if condition else None)
        if chosen is None:
            return {}
        link = reverse("call_to_action_click", args=[chosen.pk])
        link += "?" + urlencode({"from": page.pk})
        if not getattr(request, "is_preview", False) and not calls_to_action.is_declared_bot(
            request
        ):
            calls_to_action.count(chosen.pk, page.pk, "impressions")
    condition_title = condition.title if condition else None
    return {
        "call_to_action": chosen,
        "heading": chosen.heading_for(condition_title),
        "text": chosen.text_for(condition_title),
        "button_label": chosen.button_label_for(condition_title),
        "link": link,
    }
