"""Site-wide content that belongs to no one section; one module per kind of thing."""
from cms.models.share_block import ShareBlock  # noqa: F401
