from django.apps import AppConfig


class PractitionersConfig(AppConfig):
    name = "practitioners"
    verbose_name = "Practitioner directory"

    def ready(self):
        from practitioners import frontend_cache  # noqa: PLC0415 (models load once apps are ready)

        frontend_cache.connect()
