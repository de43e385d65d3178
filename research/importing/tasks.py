"""Run an import in the background: look each entry up if it needs it, then make its draft.

The work is a task of Wagtail's task queue (django-tasks). With the default immediate backend
(tests, `make run`) it runs before the writer's request returns; with a queue backend and its
worker (docs/deploy.md) it runs apart, and the status page follows it from the database, where
every entry's outcome is saved as soon as it is known.
"""

import logging
import time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from research.citation_lookup import CitationLookupError, from_crossref, from_pubmed
from research.importing.drafts import create_draft, existing_article, merge_citation
from research.importing.models import EntryStatus, ImportStatus, StudyImport
from research.importing.references import Reference

logger = logging.getLogger(__name__)


def start(study_import):
    """Queue the import's waiting entries; call once the entries are saved."""
    run_study_import.enqueue(study_import.pk)


def retry(study_import):
    """Try the entries whose look-up failed again (and any left waiting)."""
    waiting = study_import.entries.filter(
        status__in=[EntryStatus.LOOKUP_FAILED, EntryStatus.PENDING]
    ).update(status=EntryStatus.PENDING, message="")
    if waiting:
        StudyImport.objects.filter(pk=study_import.pk).update(
            status=ImportStatus.QUEUED, finished_at=None
        )
        start(study_import)
    return waiting


@task()
def run_study_import(study_import_id):
    study_import = StudyImport.objects.filter(pk=study_import_id).first()
    if study_import is None:
        return
    StudyImport.objects.filter(pk=study_import_id).update(status=ImportStatus.RUNNING)
    services = LookupServices()
    for entry in study_import.entries.filter(status=EntryStatus.PENDING).select_related(
        "condition"
    ):
        try:
            with transaction.atomic():
                import_entry(entry, study_import, services)
        except Exception:
            logger.exception("Study import %s: entry %s failed", study_import_id, entry.pk)
            entry.status, entry.article = EntryStatus.INVALID, None
            entry.message = "This entry could not be saved because of an error on the site."
        entry.save(update_fields=["status", "message", "article", "reference"])
    StudyImport.objects.filter(pk=study_import_id).update(
        status=ImportStatus.FINISHED, finished_at=timezone.now()
    )


class LookupServices:
    """Crossref and PubMed for one run: paced as NCBI asks, and not asked again for the rest
    of the run once one has failed several times in a row (an outage must not make each
    remaining entry wait for its timeout)."""

    def __init__(self):
        self.failures = {"Crossref": 0, "PubMed": 0}
        self.last_pubmed_call = 0.0

    def lookup(self, reference):
        service = "Crossref" if reference.doi else "PubMed"
        if self.failures[service] >= settings.STUDY_IMPORT_LOOKUP_GIVE_UP_AFTER:
            raise CitationLookupError(
                f"Not tried: {service} failed {self.failures[service]} times in a row during "
                "this import.",
                status=503,
            )
        try:
            if service == "Crossref":
                citation = from_crossref(reference.doi)
            else:
                self.pace_pubmed()
                citation = from_pubmed(reference.pubmed_id)
        except CitationLookupError as error:
            if error.status != 404:
                self.failures[service] += 1
            raise
        self.failures[service] = 0
        return citation

    def pace_pubmed(self):
        wait = settings.STUDY_IMPORT_PUBMED_INTERVAL - (time.monotonic() - self.last_pubmed_call)
        if wait > 0:
            time.sleep(wait)
        self.last_pubmed_call = time.monotonic()


def import_entry(entry, study_import, services):
    """Decide the entry's outcome, creating its draft if it is new. Sets status and message."""
    reference = Reference.from_json(entry.reference)
    where = reference.where()
    duplicate = existing_article(reference)
    if duplicate is None and reference.needs_lookup:
        try:
            citation = services.lookup(reference)
        except CitationLookupError as error:
            entry.status = (
                EntryStatus.NOT_FOUND if error.status == 404 else EntryStatus.LOOKUP_FAILED
            )
            entry.message = where + str(error)
            return
        reference = merge_citation(reference, citation)
        entry.reference = reference.as_json()
        if reference.problem:
            entry.status, entry.message = EntryStatus.INVALID, reference.problem
            return
        duplicate = existing_article(reference)
    if duplicate is not None:
        entry.status = EntryStatus.DUPLICATE
        entry.article = duplicate
        earlier = study_import.entries.filter(
            article=duplicate, status=EntryStatus.CREATED, position__lt=entry.position
        ).first()
        entry.message = where + (
            f"the same study as {earlier.label} earlier in this import."
            if earlier
            else f"already in the library as “{duplicate.draft_title or duplicate.title}”."
        )
        return
    condition = entry.condition or study_import.condition
    if condition is None:
        entry.status = EntryStatus.INVALID
        entry.message = where + "its condition no longer exists; import it again under another."
        return
    try:
        entry.article = create_draft(reference, condition, study_import.created_by)
    except ValidationError as error:
        entry.status = EntryStatus.INVALID
        entry.message = where + " ".join(error.messages)
        return
    entry.status = EntryStatus.CREATED
    entry.message = "Draft created."
