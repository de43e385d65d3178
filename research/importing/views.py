"""The admin's "Import studies" pages: the form with past imports, an import's progress and
results, its results as CSV, and "retry the failed ones"."""

import csv

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_POST
from wagtail.admin.auth import permission_required

from research.importing import tasks
from research.importing.forms import StudyImportForm, conditions_for
from research.importing.models import EntryStatus, StudyImport, StudyImportEntry

ADD = "research.add_studyimport"
VIEW = "research.view_studyimport"
PAST_IMPORTS_PER_PAGE = 20


def condition_lookup(user):
    """{title or slug, lower-cased: condition} for a CSV's condition column."""
    names = {}
    for condition in conditions_for(user):
        names[condition.title.lower()] = condition
        names[condition.slug.lower()] = condition
    return names


def new_import(form, user):
    """Save the import and its entries, then queue it. Entries that cannot be imported are
    recorded with their reason straight away."""
    conditions = condition_lookup(user) if any(r.condition for r in form.references) else {}
    entries = []
    for position, reference in enumerate(form.references, start=1):
        condition = None
        if reference.condition:
            condition = conditions.get(reference.condition.lower())
            if condition is None:
                reference.refuse(
                    f"there is no condition called “{reference.condition}” that you may add "
                    "studies to."
                )
        elif form.cleaned_data["condition"] is None:
            reference.refuse("no condition: choose one on the form or fill the condition column.")
        entries.append(
            StudyImportEntry(
                position=position,
                label=reference.label[:255],
                reference=reference.as_json(),
                condition=condition,
                status=EntryStatus.INVALID if reference.problem else EntryStatus.PENDING,
                message=reference.problem,
            )
        )
    with transaction.atomic():
        study_import = StudyImport.objects.create(
            created_by=user, condition=form.cleaned_data["condition"], source=form.source[:255]
        )
        for entry in entries:
            entry.study_import = study_import
        StudyImportEntry.objects.bulk_create(entries)
    tasks.start(study_import)
    return study_import


@permission_required(ADD)
def import_studies(request):
    form = StudyImportForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        study_import = new_import(form, request.user)
        return redirect("research_import_status", study_import.pk)
    past_imports = Paginator(
        StudyImport.objects.select_related("created_by", "condition"), PAST_IMPORTS_PER_PAGE
    ).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "research/importing/import_studies.html",
        {"form": form, "past_imports": past_imports},
    )


def results_of(study_import):
    return study_import.entries.select_related("article")


@permission_required(VIEW)
def import_status(request, pk):
    study_import = get_object_or_404(StudyImport.objects.select_related("condition"), pk=pk)
    counts = study_import.counts()
    total = sum(counts.values())
    return TemplateResponse(
        request,
        "research/importing/import_status.html",
        {
            "study_import": study_import,
            "counts": counts,
            "total": total,
            "done": total - counts[EntryStatus.PENDING],
            "statuses": [(status, label, counts[status]) for status, label in EntryStatus.choices],
            "entries": results_of(study_import),
            "can_retry": request.user.has_perm(ADD)
            and (counts[EntryStatus.LOOKUP_FAILED] and study_import.is_finished),
        },
    )


@permission_required(VIEW)
def import_results_csv(request, pk):
    study_import = get_object_or_404(StudyImport, pk=pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="study-import-{study_import.pk}-results.csv"'
    )
    writer = csv.writer(response)
    writer.writerow(["line", "given", "result", "message", "article", "edit link"])
    for entry in results_of(study_import):
        article = entry.article
        writer.writerow(
            [
                entry.reference.get("line") or "",
                entry.label,
                entry.get_status_display(),
                entry.message,
                (article.draft_title or article.title) if article else "",
                request.build_absolute_uri(reverse("wagtailadmin_pages:edit", args=[article.pk]))
                if article
                else "",
            ]
        )
    return response


@require_POST
@permission_required(ADD)
def retry_failed(request, pk):
    study_import = get_object_or_404(StudyImport, pk=pk)
    if not study_import.is_finished:
        messages.warning(request, "This import is still running; retry once it has finished.")
    elif tasks.retry(study_import):
        messages.success(request, "The failed look-ups are being tried again.")
    else:
        messages.info(request, "No look-up failed in this import; there is nothing to retry.")
    return redirect("research_import_status", study_import.pk)
