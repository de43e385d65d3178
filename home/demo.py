"""Demo content: the home page, made the root of the default site."""

from wagtail.models import Page, Site

from home.models import HomePage

INTRO = (
    "<p>Published research on acupuncture and integrative health, explained in plain "
    "language for patients and summarised for practitioners. Every summary links to the "
    "original study.</p>"
)


def seed(demo):
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        # Wagtail's installation leaves a childless "Welcome" page (and a site) at the root.
        for page in root.get_children().filter(slug="home"):
            if not page.get_children().exists():
                page.delete()
        home = root.add_child(
            instance=HomePage(title="Acupuncture research, explained", slug="home", intro=INTRO)
        )
        home.save_revision().publish()
        demo.made("the home page")
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": "localhost",
            "root_page": home,
            "site_name": "Acupuncture Research Library",
        },
    )
