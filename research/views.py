"""Admin views for the research library's editors."""

from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.urls import reverse
from django.views.decorators.http import require_GET
from wagtail.permission_policies.pages import PagePermissionPolicy

from research.citation_lookup import CitationLookupError, lookup, parse_identifier
from research.models import ResearchArticlePage


def _duplicates(doi, pubmed_id, exclude_pk):
    return [
        {
            "title": article.draft_title or article.title,
            "edit_url": reverse("wagtailadmin_pages:edit", args=[article.pk]),
        }
        for article in ResearchArticlePage.citing(doi, pubmed_id, exclude_pk)
    ]


@require_GET
def citation_lookup(request):
    """JSON for the Citation tab's "Fill in" button: the citation's fields, or a message.

    `identifier` is what the writer pasted; `page` (optional) is the article being edited,
    left out of the duplicate check. Reached only through the admin (admin sign-in is
    required by Wagtail for every URL registered with `register_admin_urls`), and only by
    people who can write pages.
    """
    if not PagePermissionPolicy().user_has_any_permission(request.user, ["add", "change"]):
        raise PermissionDenied
    page_pk = request.GET.get("page", "")
    exclude_pk = int(page_pk) if page_pk.isdigit() else None
    try:
        kind, identifier = parse_identifier(request.GET.get("identifier", ""))
    except CitationLookupError as error:
        return JsonResponse({"message": str(error), "duplicates": []}, status=error.status)
    known = {"doi": "", "pubmed": ""} | {kind: identifier}
    try:
        citation = lookup(identifier)
    except CitationLookupError as error:
        duplicates = _duplicates(known["doi"], known["pubmed"], exclude_pk)
        return JsonResponse({"message": str(error), "duplicates": duplicates}, status=error.status)
    return JsonResponse(
        {
            "message": f"Filled in from {citation.source}. Check each field against the study "
            "before you save.",
            "fields": citation.form_values(),
            "authors": citation.authors,
            "duplicates": _duplicates(
                citation.doi or known["doi"], citation.pubmed_id or known["pubmed"], exclude_pk
            ),
        }
    )
