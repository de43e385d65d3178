"""Which addresses in the HTTP cache a change to a practitioner listing makes stale
(cms.frontend_cache): the directory, whose searches list it, its profile, and the sitemap."""

from django.db.models.signals import post_delete
from wagtail.signals import published, unpublished

from cms import frontend_cache
from practitioners.models import Practitioner, PractitionerDirectoryPage


@frontend_cache.receiver
def purge_listing(instance, **kwargs):
    """Published, unpublished (also by the scheduled-publishing command) or deleted."""
    directories = list(PractitionerDirectoryPage.objects.live())
    profiles = []
    for directory in directories:
        address = directory.get_full_url()
        if address is not None:
            profiles.append(f"{address}{instance.slug}/")
    frontend_cache.purge(whole_pages=directories, urls=profiles + frontend_cache.site_wide_urls())


def connect():
    changes = (published, unpublished, post_delete)
    frontend_cache.connect_each(changes, purge_listing, Practitioner)
