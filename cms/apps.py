from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Site-wide content"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import published, unpublished

        from cms import frontend_cache
        from cms.caching import forget_editorial_settings, forget_share_block
        from cms.calls_to_action import forget_choices
        from cms.models import EditorialSettings, ShareBlock
        from cms.models.calls_to_action import CallToAction

        for signal in (published, unpublished, post_delete):
            signal.connect(forget_choices, sender=CallToAction, dispatch_uid="cta-" + str(signal))
        for signal in (post_save, post_delete):
            signal.connect(forget_share_block, sender=ShareBlock)
            signal.connect(forget_editorial_settings, sender=EditorialSettings)
        frontend_cache.connect(CallToAction, ShareBlock, EditorialSettings)
