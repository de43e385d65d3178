"""Which addresses in the HTTP cache a change to the home page's content makes stale
(cms.frontend_cache): the home page of the site whose setting changed. The home page also
shows the calls to action placed on it."""

from django.db.models.signals import post_delete, post_save

from cms import frontend_cache
from cms.models.calls_to_action import Placement
from home.models import HomePage, HomePageContent


@frontend_cache.receiver
def purge_home_page(instance, **kwargs):
    frontend_cache.purge(pages=[instance.site.root_page])


def live_home_pages(condition_ids=None):
    return HomePage.objects.live().only("id", "url_path")


def connect():
    frontend_cache.connect_each((post_save, post_delete), purge_home_page, HomePageContent)
    frontend_cache.register_pages_showing(Placement.HOME, live_home_pages)
