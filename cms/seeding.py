"""Helpers the apps' demo modules share to create content once and only once."""

from wagtail.models import Site


def site_root():
    """The default site's root page (the home page once home's demo part has run)."""
    return Site.objects.get(is_default_site=True).root_page.specific


def ensure_page(parent, page, demo):
    """The live child of `parent` with `page.slug`, creating and publishing `page` if missing."""
    existing = parent.get_children().filter(slug=page.slug).specific().first()
    if existing is not None:
        return existing
    parent.add_child(instance=page)
    page.save_revision().publish()
    demo.made(f"{page._meta.verbose_name} “{page.title}”")
    return page
