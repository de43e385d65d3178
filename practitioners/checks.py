"""System checks for the directory's deployment settings."""

from pathlib import Path

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security)
def applicant_photos_are_not_public(app_configs, **kwargs):
    """Applicants' photos must not sit where /media/ is served from."""
    private = Path(settings.APPLICANT_PHOTOS_ROOT).resolve()
    public = Path(settings.MEDIA_ROOT).resolve()
    if private == public or private.is_relative_to(public):
        return [
            checks.Error(
                f"APPLICANT_PHOTOS_ROOT ({private}) is inside MEDIA_ROOT ({public}), which is "
                "served publicly at /media/.",
                hint="Point APPLICANT_PHOTOS_ROOT at a folder outside MEDIA_ROOT.",
                id="practitioners.E001",
            )
        ]
    return []
