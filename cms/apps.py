from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.signals import published, unpublished


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Site-wide content"

    def ready(self):
        # Models can be imported only once the app registry is ready, i.e. here.
        from wagtail.contrib.search_promotions.models import SearchPromotion  # noqa: PLC0415
        from wagtail.models import Page  # noqa: PLC0415

        from cms import frontend_cache  # noqa: PLC0415
        from cms.caching import forget_editorial_settings, forget_share_block  # noqa: PLC0415
        from cms.calls_to_action.selection import forget_choices  # noqa: PLC0415
        from cms.calls_to_action.withdrawal import (  # noqa: PLC0415
            note_dependants,
            withdraw_dependants,
        )
        from cms.models import (  # noqa: PLC0415
            CallToAction,
            EditorialSettings,
            SearchSynonym,
            ShareBlock,
        )
        from cms.search_picks import forget_picks  # noqa: PLC0415
        from cms.search_synonyms import forget_synonyms  # noqa: PLC0415

        for signal in (published, unpublished, post_delete):
            signal.connect(forget_choices, sender=CallToAction, dispatch_uid="cta-" + str(signal))
        for signal in (post_save, post_delete):
            signal.connect(forget_share_block, sender=ShareBlock)
            signal.connect(forget_editorial_settings, sender=EditorialSettings)
            signal.connect(forget_synonyms, sender=SearchSynonym)
            signal.connect(forget_picks, sender=SearchPromotion)
        # Deleting a page never widens a call to action nor leaves its button leading nowhere.
        pre_delete.connect(note_dependants, sender=Page, dispatch_uid="cta-note-dependants")
        post_delete.connect(withdraw_dependants, sender=Page, dispatch_uid="cta-withdraw")
        frontend_cache.connect(CallToAction, ShareBlock, EditorialSettings)
