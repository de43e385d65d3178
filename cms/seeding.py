"""Helpers the apps' demo modules share to create content once and only once."""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Site


def site_root():
    """The default site's root page (the home page once home's demo part has run)."""
    return Site.objects.get(is_default_site=True).root_page.specific


def served_address():
    """(hostname, port) of settings.WAGTAILADMIN_BASE_URL, the address `make run` serves (its
    HOST and PORT): the demo's Site must carry it, since Wagtail builds every full URL (canonical,
    og:url, share links, the sitemap) from the Site record, not from the request."""
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    return address.hostname, address.port or (443 if address.scheme == "https" else 80)


def ensure_page(parent, page, demo):
    """The live child of `parent` with `page.slug`, creating and publishing `page` if missing."""
    existing = parent.get_children().filter(slug=page.slug).specific().first()
    if existing is not None:
        return existing
    parent.add_child(instance=page)
    page.save_revision().publish()
    demo.made(f"{page._meta.verbose_name} “{page.title}”")
    return page
