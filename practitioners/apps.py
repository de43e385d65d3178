from django.apps import AppConfig

# Registers the directory's system checks (they import no models).
from practitioners import checks  # noqa: F401


class PractitionersConfig(AppConfig):
    name = "practitioners"
    verbose_name = "Practitioner directory"

    def ready(self):
        from practitioners import frontend_cache  # noqa: PLC0415 (models load once apps are ready)

        frontend_cache.connect()
