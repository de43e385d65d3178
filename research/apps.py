from django.apps import AppConfig
from django.db.models.signals import post_save


class ResearchConfig(AppConfig):
    name = "research"
    verbose_name = "Research library"

    def ready(self):
        from research.clinical_review import attach_when_library_created
        from research.models import ResearchLibraryPage

        post_save.connect(
            attach_when_library_created,
            sender=ResearchLibraryPage,
            dispatch_uid="research.attach_clinical_review",
        )
