from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"

    def ready(self):
        from home import frontend_cache  # noqa: PLC0415 (models load once apps are ready)

        frontend_cache.connect()
