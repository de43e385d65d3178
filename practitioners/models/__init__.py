"""The practitioner directory's models, one module per aggregate: the listing with its languages
and treatments (`listing`), the "get listed" application (`application`) and the directory page
with its routes (`directory`). Everything is importable from `practitioners.models` as before;
migrations name `practitioners.models.validate_us_zip`."""

from practitioners.models.application import ApplicationStatus, PractitionerApplication
from practitioners.models.directory import PractitionerDirectoryPage
from practitioners.models.listing import (
    RESERVED_SLUGS,
    Language,
    ListingDetails,
    Modality,
    Practitioner,
    PractitionerQuerySet,
    VerificationStatus,
    Vocabulary,
    validate_license_number,
    validate_us_phone,
    validate_us_zip,
)
from practitioners.verification import verification_cutoff

__all__ = [
    "RESERVED_SLUGS",
    "ApplicationStatus",
    "Language",
    "ListingDetails",
    "Modality",
    "Practitioner",
    "PractitionerApplication",
    "PractitionerDirectoryPage",
    "PractitionerQuerySet",
    "VerificationStatus",
    "Vocabulary",
    "validate_license_number",
    "validate_us_phone",
    "validate_us_zip",
    "verification_cutoff",
]
