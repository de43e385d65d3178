"""Demo content: the practitioner directory page and 86 sample listings.

Every listing is fictional and says so: invented names, 555-01xx phone numbers (reserved for
fiction), example.org addresses. They cluster around San Francisco, New York and Chicago so that
radius searches have something to sort, with the rest spread over other states. A few are left
unverified, one is an unpublished draft and one is overdue for re-verification, so that the
rules about what visitors see can be seen at work.
"""

import datetime
import itertools

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.text import slugify

from cms.seeding import ensure_page
from home.models import HomePage
from practitioners.models import (
    Language,
    Modality,
    Practitioner,
    PractitionerDirectoryPage,
    VerificationStatus,
)
from practitioners.roles import grant_directory_permissions
from research.models import ConditionIndexPage

LANGUAGES = [
    "English",
    "Spanish",
    "Mandarin",
    "Cantonese",
    "Korean",
    "Vietnamese",
    "French",
    "Russian",
]
MODALITIES = [
    "Acupuncture",
    "Electroacupuncture",
    "Cupping",
    "Moxibustion",
    "Herbal medicine",
    "Gua sha",
    "Auricular acupuncture",
]

# (ZIP, city, state, area code): three clusters of several ZIPs, then one-offs across the US.
PLACES = [
    ("94110", "San Francisco", "CA", "415"),
    ("94103", "San Francisco", "CA", "415"),
    ("94117", "San Francisco", "CA", "415"),
    ("94611", "Oakland", "CA", "510"),
    ("94704", "Berkeley", "CA", "510"),
    ("94941", "Mill Valley", "CA", "415"),
    ("94401", "San Mateo", "CA", "650"),
    ("94301", "Palo Alto", "CA", "650"),
    ("10001", "New York", "NY", "212"),
    ("10011", "New York", "NY", "212"),
    ("10025", "New York", "NY", "212"),
    ("11215", "Brooklyn", "NY", "718"),
    ("11101", "Long Island City", "NY", "718"),
    ("07030", "Hoboken", "NJ", "201"),
    ("10601", "White Plains", "NY", "914"),
    ("07302", "Jersey City", "NJ", "201"),
    ("60614", "Chicago", "IL", "773"),
    ("60622", "Chicago", "IL", "773"),
    ("60601", "Chicago", "IL", "312"),
    ("60201", "Evanston", "IL", "847"),
    ("60302", "Oak Park", "IL", "708"),
    ("60540", "Naperville", "IL", "630"),
    ("78704", "Austin", "TX", "512"),
    ("98103", "Seattle", "WA", "206"),
    ("97214", "Portland", "OR", "503"),
    ("80218", "Denver", "CO", "303"),
    ("02139", "Cambridge", "MA", "617"),
    ("33137", "Miami", "FL", "305"),
    ("85004", "Phoenix", "AZ", "602"),
    ("30307", "Atlanta", "GA", "404"),
    ("55408", "Minneapolis", "MN", "612"),
    ("87501", "Santa Fe", "NM", "505"),
    ("96814", "Honolulu", "HI", "808"),
    ("27701", "Durham", "NC", "919"),
    ("19103", "Philadelphia", "PA", "215"),
    ("20009", "Washington", "DC", "202"),
    ("84102", "Salt Lake City", "UT", "801"),
    ("53703", "Madison", "WI", "608"),
    ("05401", "Burlington", "VT", "802"),
    ("89501", "Reno", "NV", "775"),
    ("37206", "Nashville", "TN", "615"),
    ("48104", "Ann Arbor", "MI", "734"),
]
CLUSTERED = 22  # the first PLACES are the three clusters; each is used three times over

FIRST_NAMES = [
    "Avery",
    "Jordan",
    "Mei",
    "Rosa",
    "Daniel",
    "Priya",
    "Hana",
    "Elena",
    "Marcus",
    "Ji-woo",
    "Tomas",
    "Linh",
    "Grace",
    "Samuel",
    "Nadia",
    "Owen",
    "Ines",
    "Kenji",
    "Lucia",
    "Theo",
    "Amara",
    "Felix",
]
LAST_NAMES = [
    "Whitfield",
    "Okafor",
    "Lindqvist",
    "Marchetti",
    "Abernathy",
    "Castellanos",
    "Nakamura",
    "Delacroix",
    "Rasmussen",
    "Ferreira",
    "Halvorsen",
    "Pemberton",
    "Quintero",
    "Sorensen",
    "Tanabe",
    "Vasquez-Lind",
    "Wexley",
    "Yardley",
    "Zelinski",
    "Brightwater",
    "Ashcombe",
    "Fairweather",
]
CREDENTIALS = ["L.Ac.", "L.Ac., DACM", "L.Ac., MSOM", "L.Ac., Dipl. Ac. (NCCAOM)", "DAOM, L.Ac."]
STREETS = [
    "Willow Lane",
    "Harbor Street",
    "Cedar Avenue",
    "Juniper Court",
    "Meadow Road",
    "Lantern Way",
    "Birch Street",
    "Orchard Avenue",
]


def listing_specs():
    """Three listings around each clustered ZIP, one at each of the other places."""
    places = [place for place in PLACES[:CLUSTERED] for _ in range(3)] + PLACES[CLUSTERED:]
    # Pairing the lists at different strides gives every listing a distinct invented name.
    n = len(FIRST_NAMES)
    names = ((FIRST_NAMES[i % n], LAST_NAMES[(i * 5 + i // n) % n]) for i in itertools.count())
    for index, ((zip_code, city, state, area_code), (first, last)) in enumerate(
        zip(places, names, strict=False)
    ):
        yield index, f"{first} {last}", zip_code, city, state, area_code


def seed(demo):
    grant_directory_permissions(Group, Permission, ContentType)
    directory = ensure_page(
        HomePage.objects.get(),
        PractitionerDirectoryPage(
            title="Find a practitioner",
            slug="practitioners",
            intro="<p>Browse our directory of verified licensed practitioners near you. Every listing's license has been checked with the state board that issued it.</p>",
        ),
        demo,
    )
    languages = [ensure_named(Language, name, demo) for name in LANGUAGES]
    modalities = [ensure_named(Modality, name, demo) for name in MODALITIES]
    conditions = list(ConditionIndexPage.objects.order_by("title"))
    if Practitioner.objects.filter(is_sample=True).exists():
        return directory
    today = timezone.localdate()
    made = 0
    for index, name, zip_code, city, state, area_code in listing_specs():
        practitioner = Practitioner(
            name=name,
            slug=slugify(name),
            credentials=CREDENTIALS[index % len(CREDENTIALS)],
            biography=(
                f"{name.split()[0]} is a fictional practitioner in this demo directory. "
                "The biography is where a real practitioner describes their training, "
                "their approach and what a first visit is like."
            ),
            license_number=f"AC-{10000 + index * 37}",
            license_state=state,
            board_certification="NCCAOM Diplomate of Acupuncture" if index % 3 else "",
            board_certificate_number=f"{200000 + index * 91}" if index % 3 else "",
            verification_status=demo_status(index),
            verified_on=demo_verified_on(index, today),
            offers_telehealth=index % 4 == 0,
            accepting_new_patients=index % 5 != 0,
            practice_name=f"{city} Sample Acupuncture {index + 1}",
            street_address=f"{100 + index * 7} {STREETS[index % len(STREETS)]}",
            city=city,
            state=state,
            zip_code=zip_code,
            phone=f"({area_code}) 555-{100 + index:04d}",
            website=f"https://practitioner-{index + 1}.example.org/",
            booking_url=f"https://practitioner-{index + 1}.example.org/book" if index % 2 else "",
            enquiry_email=f"practitioner-{index + 1}@example.org",
            is_sample=True,
            live=False,
        )
        practitioner.conditions.set(pick(conditions, index, 1 + index % 3))
        practitioner.languages.set([languages[0], *pick(languages[1:], index, index % 3)])
        practitioner.modalities.set([modalities[0], *pick(modalities[1:], index, 1 + index % 2)])
        practitioner.save()
        revision = practitioner.save_revision()
        if index != DRAFT_INDEX:
            revision.publish()
        made += 1
    demo.made(f"{made} sample practitioner listings")
    return directory


DRAFT_INDEX = 5
UNVERIFIED_INDEXES = {7, 19, 33, 50}
STALE_INDEX = 2


def demo_status(index):
    if index in UNVERIFIED_INDEXES:
        return VerificationStatus.UNVERIFIED
    return VerificationStatus.VERIFIED


def demo_verified_on(index, today):
    if index in UNVERIFIED_INDEXES:
        return None
    if index == STALE_INDEX:
        return today - datetime.timedelta(days=400)
    return today - datetime.timedelta(days=10 + index * 3)


def pick(items, index, count):
    """`count` items of `items`, starting at a place that varies with `index`."""
    if not items:
        return []
    return [items[(index + step) % len(items)] for step in range(min(count, len(items)))]


def ensure_named(model, name, demo):
    obj, created = model.objects.get_or_create(slug=slugify(name), defaults={"name": name})
    if created:
        demo.made(f"{model._meta.verbose_name} “{name}”")
    return obj
