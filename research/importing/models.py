"""A bulk import of studies and its entries, kept so that its progress and results survive a
refresh, and so that the failed look-ups can be tried again."""

from django.conf import settings
from django.db import models
from django.db.models import Count


class ImportStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    RUNNING = "running", "Running"
    FINISHED = "finished", "Finished"


class EntryStatus(models.TextChoices):
    PENDING = "pending", "Waiting"
    CREATED = "created", "Created"
    DUPLICATE = "duplicate", "Duplicate"
    NOT_FOUND = "not_found", "Not found"
    INVALID = "invalid", "Invalid"
    LOOKUP_FAILED = "lookup_failed", "Look-up failed"


class StudyImport(models.Model):
    """One import: what was given, by whom, under which condition, and how far it has got."""

    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    condition = models.ForeignKey(
        "research.ConditionIndexPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Where the drafts go, unless a CSV row names its own condition.",
    )
    source = models.CharField(
        max_length=255, help_text="What was imported, e.g. “references.ris (RIS)”."
    )
    status = models.CharField(
        max_length=16, choices=ImportStatus.choices, default=ImportStatus.QUEUED
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "study import"

    def __str__(self):
        return f"{self.source}, {self.created_at:%d %b %Y %H:%M}"

    def counts(self):
        """{entry status: number of entries}, every status present, in one query."""
        found = dict(self.entries.order_by().values_list("status").annotate(total=Count("pk")))
        return {status: found.get(status, 0) for status in EntryStatus.values}

    @property
    def is_finished(self):
        return self.status == ImportStatus.FINISHED


class StudyImportEntry(models.Model):
    """One reference of an import and what became of it."""

    study_import = models.ForeignKey(StudyImport, on_delete=models.CASCADE, related_name="entries")
    position = models.PositiveIntegerField()
    label = models.CharField(max_length=255, help_text="The DOI, PubMed ID or title given.")
    reference = models.JSONField(default=dict, help_text="The study as its source gives it.")
    condition = models.ForeignKey(
        "research.ConditionIndexPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        max_length=16, choices=EntryStatus.choices, default=EntryStatus.PENDING
    )
    message = models.TextField(blank=True, help_text="What happened, in words.")
    article = models.ForeignKey(
        "research.ResearchArticlePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The draft this entry created, or the existing article it duplicates.",
    )

    class Meta:
        ordering = ["position"]
        verbose_name = "study import entry"
        verbose_name_plural = "study import entries"
        constraints = [
            models.UniqueConstraint(
                fields=["study_import", "position"], name="study_import_entry_position"
            )
        ]

    def __str__(self):
        return self.label
