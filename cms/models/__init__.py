"""Site-wide content that belongs to no one section; one module per kind of thing."""

from cms.models.calls_to_action import CallToAction, CallToActionDailyCount  # noqa: F401
from cms.models.profiles import ReviewerProfile  # noqa: F401
from cms.models.search_synonyms import SearchSynonym  # noqa: F401
from cms.models.share_block import ShareBlock  # noqa: F401
from cms.models.site_settings import EditorialSettings  # noqa: F401
