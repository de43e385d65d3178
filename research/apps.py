from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move


class ResearchConfig(AppConfig):
    name = "research"
    verbose_name = "Research library"

    def ready(self):
        # Models can be imported only once the app registry is ready, i.e. here.
        from research import frontend_cache  # noqa: PLC0415
        from research.caching import LIBRARY  # noqa: PLC0415
        from research.clinical_review import attach_when_library_created  # noqa: PLC0415
        from research.models import (  # noqa: PLC0415
            ConditionIndexPage,
            ResearchArticlePage,
            ResearchLibraryPage,
        )

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
