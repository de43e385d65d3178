"""Which call to action a page shows, and the counting of impressions and clicks.

The choice is cached per placement and condition. Publishing or unpublishing any call to action
moves the cache on to a new generation, so every page picks again on its next view.
"""

import re

from django.db import connection
from django.db.models import Exists, OuterRef, Q, Value
from django.utils import timezone

from cms.caching import Generation
from cms.models.calls_to_action import CallToAction, CallToActionDailyCount

# Publishing clears the choice in a shared cache (Redis) at once; with a per-process cache, other
# processes (and the cron job's scheduled publishing) reach them within caching.CACHE_TIMEOUT.
CHOICES = Generation("calls-to-action")
# Enough to skip past those whose end passes before the cache moves on; one is usually shown.
CANDIDATES_KEPT = 10
# Crawlers and link previewers that say what they are; they never count as visitors.
DECLARED_BOT = re.compile(
    r"bot\b|bot/|crawl|spider|slurp|mediapartners|facebookexternalhit|embedly|bingpreview|"
    r"linkpreview|validator",
    re.IGNORECASE,
)


def condition_of(page):
    """The condition page a page belongs to, as the page itself says, or None.

    Page types with a condition define `call_to_action_condition()` (a condition returns
    itself, an article its parent). A base `Page` (the click view's) is asked through its
    specific class, which costs no query.
    """
    page_class = page.specific_class or type(page)
    ask = getattr(page_class, "call_to_action_condition", None)
    return None if ask is None else ask(page)


def forget_choices(**kwargs):
    """Make every page choose again (connected to publish, unpublish and delete)."""
    CHOICES.start_new()


def candidates(placement, condition_id):
    """Live calls to action for a placement and condition, best first (one query)."""
    through = CallToAction.conditions.through
    serves_every_condition = ~Exists(through.objects.filter(calltoaction=OuterRef("pk")))
    # The target page comes along so that the cached choice can build its link without a query.
    queryset = CallToAction.objects.filter(live=True, placement=placement).select_related(
        "target_page"
    )
    if condition_id is None:
        queryset = queryset.filter(serves_every_condition).annotate(
            serves_this_condition=Value(False)
        )
    else:
        queryset = queryset.annotate(
            serves_this_condition=Exists(
                through.objects.filter(
                    calltoaction=OuterRef("pk"), conditionindexpage_id=condition_id
                )
            )
        ).filter(Q(serves_this_condition=True) | serves_every_condition)
    return list(
        queryset.order_by("-serves_this_condition", "-priority", "-first_published_at", "-pk")[
            :CANDIDATES_KEPT
        ]
    )


def choose(placement, condition_id):
    """The call to action to show, or None: cached, and never more than one query."""
    found = CHOICES.remember(
        f"{placement}:{condition_id or 'none'}", lambda: candidates(placement, condition_id)
    )
    now = timezone.now()
    # A call to action past its end stays live until the scheduled-publishing command runs;
    # visitors stop seeing it at the minute it ends all the same.
    return next((cta for cta in found if cta.expire_at is None or cta.expire_at > now), None)


def target_address(call_to_action, from_page, request=None):
    """Where the button leads: the saved page or address, never anything a visitor sent.

    A target page whose class defines `link_for_condition(address, condition)` (the practitioner
    directory) adapts the address to the condition of the page the button is on, so the visitor
    lands on practitioners who treat it. None when the saved page cannot be reached.
    """
    if call_to_action.target_page_id is None:
        return call_to_action.target_url or None
    target = call_to_action.target_page
    address = target.get_url(request)
    if address is None:
        return None
    link_for_condition = getattr(target.specific_class, "link_for_condition", None)
    if link_for_condition is not None:
        condition = condition_of(from_page)
        if condition is not None:
            address = link_for_condition(address, condition)
    return address


def is_declared_bot(request):
    return bool(DECLARED_BOT.search(request.META.get("HTTP_USER_AGENT", "")))


def is_prefetch(request):
    """A browser fetching ahead of the visitor (link prefetch, prerender), who may never look."""
    purpose = request.META.get("HTTP_SEC_PURPOSE", "") or request.META.get("HTTP_PURPOSE", "")
    return "prefetch" in purpose.lower()


COUNTED_FIELDS = {"impressions", "clicks"}


def count(call_to_action_id, page_id, field):
    """Add one to today's impressions or clicks for a call to action on a page.

    One INSERT … ON CONFLICT DO UPDATE, which PostgreSQL and SQLite both run atomically: two
    visitors at once never lose a count, and the first view of the day costs no extra query.
    """
    if field not in COUNTED_FIELDS:
        raise ValueError(f"Cannot count {field!r}")
    quote = connection.ops.quote_name
    table = quote(CallToActionDailyCount._meta.db_table)
    column = quote(field)
    sql = (
        f"INSERT INTO {table} (call_to_action_id, page_id, date, impressions, clicks) "  # noqa: S608
        f"VALUES (%s, %s, %s, %s, %s) "
        f"ON CONFLICT (call_to_action_id, page_id, date) "
        f"DO UPDATE SET {column} = {table}.{column} + 1"
    )
    impressions, clicks = (1, 0) if field == "impressions" else (0, 1)
    with connection.cursor() as cursor:
        cursor.execute(sql, [call_to_action_id, page_id, timezone.localdate(), impressions, clicks])
