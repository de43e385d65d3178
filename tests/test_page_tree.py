"""The page type rules make every arrangement but the designed tree impossible."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from practitioners.models import PractitionerDirectoryPage
from research.models import (
    ConditionIndexPage,
    EvidenceGuidePage,
    ResearchArticlePage,
    ResearchLibraryPage,
)
from tests import factories

PAGE_TYPES = [
    HomePage,
    ResearchLibraryPage,
    ConditionIndexPage,
    ResearchArticlePage,
    EvidenceGuidePage,
    PractitionerDirectoryPage,
]

ALLOWED_CHILDREN = {
    Page: {HomePage},
    HomePage: {ResearchLibraryPage, PractitionerDirectoryPage},
    ResearchLibraryPage: {ConditionIndexPage, EvidenceGuidePage},
    ConditionIndexPage: {ResearchArticlePage},
    ResearchArticlePage: set(),
    EvidenceGuidePage: set(),
    PractitionerDirectoryPage: set(),
}


class PageTreeRulesTest(WagtailPageTestCase):
    def test_each_page_type_is_allowed_only_under_its_designed_parent(self):
        for parent, allowed in ALLOWED_CHILDREN.items():
            for child in PAGE_TYPES:
                with self.subTest(parent=parent.__name__, child=child.__name__):
                    if child in allowed:
                        self.assertCanCreateAt(parent, child)
                    else:
                        self.assertCanNotCreateAt(parent, child)

    def test_parent_types_match_the_tree(self):
        self.assertAllowedParentPageTypes(ResearchArticlePage, {ConditionIndexPage})
        self.assertAllowedParentPageTypes(ConditionIndexPage, {ResearchLibraryPage})
        self.assertAllowedParentPageTypes(EvidenceGuidePage, {ResearchLibraryPage})
        self.assertAllowedParentPageTypes(ResearchLibraryPage, {HomePage})
        self.assertAllowedParentPageTypes(PractitionerDirectoryPage, {HomePage})
        self.assertAllowedParentPageTypes(HomePage, {Page})


class SingletonPagesTest(WagtailPageTestCase):
    def test_home_library_and_directory_can_exist_only_once(self):
        home = factories.home_page()
        factories.library_page()
        factories.directory_page()
        for page_type in (HomePage, ResearchLibraryPage, PractitionerDirectoryPage):
            with self.subTest(page_type=page_type.__name__):
                self.assertFalse(page_type.can_create_at(home))
                self.assertFalse(page_type.can_create_at(Page.get_first_root_node()))

    def test_many_conditions_may_sit_in_the_library(self):
        library = factories.library_page()
        factories.condition_page("Tinnitus")
        self.assertTrue(ConditionIndexPage.can_create_at(library))


class EvidenceGuideTest(WagtailPageTestCase):
    def test_the_library_holds_one_evidence_guide_at_most(self):
        library = factories.library_page()
        EvidenceGuidePage.objects.all().delete()
        self.assertTrue(EvidenceGuidePage.can_create_at(library))
        factories.add_published_child(
            library,
            EvidenceGuidePage(title="How we rate evidence", slug="how", intro="<p>Why.</p>"),
        )
        self.assertFalse(EvidenceGuidePage.can_create_at(library))
