from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move


class ResearchConfig(AppConfig):
    name = "research"
    verbose_name = "Research library"

    def ready(self):
        from research import frontend_cache
        from research.caching import LIBRARY
        from research.clinical_review import attach_when_library_created
        from research.models import ConditionIndexPage, ResearchArticlePage, ResearchLibraryPage

        post_save.connect(
            attach_when_library_created,
            sender=ResearchLibraryPage,
            dispatch_uid="research.attach_clinical_review",
        )
        for model in (ResearchArticlePage, ConditionIndexPage, ResearchLibraryPage):
            for signal in (page_published, page_unpublished, post_page_move, post_delete):
                signal.connect(
                    LIBRARY.start_new,
                    sender=model,
                    dispatch_uid=f"research.new-generation.{model.__name__}",
                )
        frontend_cache.connect()
