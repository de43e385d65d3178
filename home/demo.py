"""Demo content: the home page, made the root of the default site, its introduction and, once
the research part has run, the seed article as its featured research."""

from django.conf import settings
from django.utils.translation import get_supported_language_variant
from wagtail.models import Locale, Page, Site

from cms.seeding import served_address
from home.models import FeaturedArticle, HomePage, HomePageContent
from research.demo import seed_article_page

INTRO = (
    "<p>Published research on acupuncture and integrative health, explained in plain "
    "language for patients and summarised for practitioners. Every summary links to the "
    "original study.</p>"
)


def ensure_root():
    """The tree's root and the default locale, which Wagtail's migrations normally create.

    A test that commits empties every table afterwards; this puts them back.
    """
    Locale.objects.get_or_create(
        language_code=get_supported_language_variant(settings.LANGUAGE_CODE)
    )
    return Page.get_first_root_node() or Page.add_root(title="Root", slug="root")


def seed(demo):
    home = HomePage.objects.first()
    if home is None:
        root = ensure_root()
        # Wagtail's installation leaves a "Welcome" page at the root with the slug we want; it
        # steps aside now and is deleted once the site points at the new home page.
        placeholders = list(root.get_children().filter(slug="home"))
        for placeholder in placeholders:
            placeholder.slug = f"welcome-{placeholder.pk}"
            placeholder.save(update_fields=["slug"], clean=False)
        home = root.add_child(
            instance=HomePage(title="Acupuncture research, explained", slug="home")
        )
        home.save_revision().publish()
        demo.made("the home page")
        Site.objects.filter(root_page__in=placeholders).update(root_page=home)
        for placeholder in placeholders:
            if not placeholder.get_children().exists():
                placeholder.delete()
    site = ensure_site(home, demo)
    if HomePageContent.objects.get_or_create(site=site, defaults={"intro": INTRO})[1]:
        demo.made("the home page's introduction")


def ensure_site(home, demo):
    """The default site, at the address the demo is served on; a run on another port moves it."""
    hostname, port = served_address()
    site = Site.objects.filter(is_default_site=True).first()
    moved = site is None or (site.hostname, site.port) != (hostname, port)
    site, _ = Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": hostname,
            "port": port,
            "root_page": home,
            "site_name": "Acupuncture Research Library",
        },
    )
    if moved:
        demo.made(f"the site at {site.root_url}")
    return site


def link(demo):
    """Feature the seed article on the home page, unless writers have chosen features already."""
    content = HomePageContent.objects.get(site__root_page=HomePage.objects.get())
    if not content.featured_articles.exists():
        FeaturedArticle.objects.create(content=content, article=seed_article_page(), sort_order=0)
        demo.made("the seed article featured on the home page")
