"""Factories for building pages in tests without the demo content."""

import factory
from wagtail.models import Page, Site

from home.models import HomePage
from practitioners.models import PractitionerDirectoryPage
from research.models import (
    ArticleAuthor,
    ConditionIndexPage,
    ResearchArticlePage,
    ResearchLibraryPage,
    StudyDesign,
)


def add_published_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def home_page():
    """The site's home page, made the default site's root if there is none yet."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        root.get_children().filter(slug="home").delete()
        home = add_published_child(root, HomePage(title="Home", slug="home"))
        Site.objects.update_or_create(
            is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
        )
    return home


def library_page():
    return ResearchLibraryPage.objects.first() or add_published_child(
        home_page(), ResearchLibraryPage(title="Research Library", slug="research")
    )


def directory_page():
    return PractitionerDirectoryPage.objects.first() or add_published_child(
        home_page(), PractitionerDirectoryPage(title="Find a practitioner", slug="practitioners")
    )


def condition_page(title="Migraines", slug=None):
    return add_published_child(
        library_page(),
        ConditionIndexPage(title=title, slug=slug or title.lower().replace(" ", "-")),
    )


class ResearchArticleFactory(factory.Factory):
    """Builds an unsaved article; `create_article` saves and publishes it under a condition."""

    class Meta:
        model = ResearchArticlePage

    title = factory.Sequence(lambda n: f"A study of acupuncture number {n}")
    slug = factory.Sequence(lambda n: f"study-{n}")
    journal = "Journal of Testing"
    publication_year = 2023
    publication_month = 5
    study_design = StudyDesign.RCT
    body = factory.LazyFunction(
        lambda: [
            ("finding", {"summary": "Acupuncture helped."}),
            ("explainer", {"heading": "What it means", "body": "<p>It may help you.</p>"}),
            ("practitioner_notes", {"body": "<p>RCT, n=100.</p>"}),
            ("limitations", {"body": "<p>Small study.</p>"}),
        ]
    )


def create_article(condition, authors=("A Author",), tags=(), **fields):
    article = ResearchArticleFactory.build(**fields)
    article.authors = [ArticleAuthor(name=name, sort_order=i) for i, name in enumerate(authors)]
    article.tags.set(list(tags))
    return add_published_child(condition, article)
