"""Site-wide content that belongs to no one section; one module per kind of thing."""

from cms.models.profiles import ReviewerProfile  # noqa: F401
from cms.models.site_settings import EditorialSettings  # noqa: F401
