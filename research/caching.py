"""What the library caches until its content changes: search rankings, the conditions with their
article counts, and the topics in use.

Each changes only when an article, a condition or the library itself (its address is in every
link) is published, unpublished, moved or deleted; research.apps connects those signals to
LIBRARY.start_new, after which every cached value is loaded afresh. Each copy also expires after
cms.caching.CACHE_TIMEOUT, the most a process with its own cache (no REDIS_URL) lags behind
another's publish.
"""

from cms.caching import Generation

LIBRARY = Generation("research-library")
