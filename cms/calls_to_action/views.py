"""/go/<id>/?from=<page id>: count a click on a call to action, then lead on to its target.
/go/<id>/seen/?from=<page id>: the panel's image beacon, counting an impression."""

import base64

from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from wagtail.models import Page

from cms.calls_to_action import selection
from cms.models.calls_to_action import CallToAction

# The smallest transparent GIF: 1×1 pixel, 43 bytes.
TRANSPARENT_PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")


def from_page_id(request):
    """The ?from= page id, digits only; anything else is a 404."""
    page_id = request.GET.get("from", "")
    if not (page_id.isascii() and page_id.isdigit()) or len(page_id) > 18:
        raise Http404("The page the call to action was shown on is missing.")
    return int(page_id)


def counts_as_a_visitor(request):
    """GET only (HEAD is a check, not a view), and neither a declared bot nor a prefetch."""
    return (
        request.method == "GET"
        and not selection.is_declared_bot(request)
        and not selection.is_prefetch(request)
    )


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
    from_page = get_object_or_404(Page.objects.live(), pk=from_page_id(request))
    address = selection.target_address(call_to_action, from_page, request)
    if address is None:
        raise Http404("The call to action leads to a page that is not published.")
    if counts_as_a_visitor(request):
        selection.count(call_to_action.pk, from_page.pk, "clicks")
    return HttpResponseRedirect(address)


@never_cache
@require_safe
def seen(request, call_to_action_id):
    """Count one impression of a call to action on a page and answer a transparent pixel.

    The panel's <img> asks for it each time a browser shows the page, whether the page came
    from the application or from a cache, so impressions stay exact while rendering writes
    nothing. Never cached itself; no cookie, nothing about the visitor kept. A call to action
    unpublished since the page was cached still counts: the visitor saw it.
    """
    page_id = from_page_id(request)
    if not CallToAction.objects.filter(pk=call_to_action_id).exists():
        raise Http404("There is no such call to action.")
    if not Page.objects.live().filter(pk=page_id).exists():
        raise Http404("The page the call to action was shown on is missing.")
    if counts_as_a_visitor(request):
        selection.count(call_to_action_id, page_id, "impressions")
    return HttpResponse(TRANSPARENT_PIXEL, content_type="image/gif")
