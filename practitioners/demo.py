"""Demo content: the practitioner directory page."""

from cms.seeding import ensure_page
from home.models import HomePage
from practitioners.models import PractitionerDirectoryPage


def seed(demo):
    ensure_page(
        HomePage.objects.get(),
        PractitionerDirectoryPage(
            title="Find a practitioner",
            slug="practitioners",
            intro="<p>Browse our directory of verified licensed practitioners near you.</p>",
        ),
        demo,
    )
