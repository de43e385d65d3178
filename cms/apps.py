from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from wagtail.signals import published, unpublished


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Site-wide content"

    def ready(self):
        # Models can be imported only once the app registry is ready, i.e. here.
        from cms import frontend_cache  # noqa: PLC0415
        from cms.caching import forget_editorial_settings, forget_share_block  # noqa: PLC0415
        from cms.calls_to_action.selection import forget_choices  # noqa: PLC0415
        from cms.models import CallToAction, EditorialSettings, ShareBlock  # noqa: PLC0415

        for signal in (published, unpublished, post_delete):
            signal.connect(forget_choices, sender=CallToAction, dispatch_uid="cta-" + str(signal))
        for signal in (post_save, post_delete):
            signal.connect(forget_share_block, sender=ShareBlock)
            signal.connect(forget_editorial_settings, sender=EditorialSettings)
        frontend_cache.connect(CallToAction, ShareBlock, EditorialSettings)
