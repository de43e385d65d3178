"""/go/<id>/?from=<page id>: count a click on a call to action, then lead on to its target."""

from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from wagtail.models import Page

from cms.calls_to_action import selection
from cms.models.calls_to_action import CallToAction


@never_cache
@require_safe
def click(request, call_to_action_id):
    """Redirect to the call to action's own saved target, counting the click.

    Nothing about the visitor is read or kept beyond one added to a daily total; bots that
    say what they are, and HEAD requests, are sent on without counting.
    """
    call_to_action = get_object_or_404(
        CallToAction.objects.filter(live=True).select_related("target_page"),
        pk=call_to_action_id,
    )
    from_page_id = request.GET.get("from", "")
    if not (from_page_id.isascii() and from_page_id.isdigit()) or len(from_page_id) > 18:
        raise Http404("The page the call to action was clicked on is missing.")
    from_page = get_object_or_404(Page.objects.live(), pk=int(from_page_id))
    address = selection.target_address(call_to_action, from_page, request)
    if address is None:
        raise Http404("The call to action leads to a page that is not published.")
    if request.method == "GET" and not selection.is_declared_bot(request):
        selection.count(call_to_action.pk, from_page.pk, "clicks")
    return HttpResponseRedirect(address)
