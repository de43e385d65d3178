"""Demo content for the practitioner directory: the directory page, its word lists, 86 sample
listings (the data is in practitioners/demo_data.py) and the calls to action that lead to it.
"""

import datetime
import itertools

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.text import slugify

from cms.models.calls_to_action import CallToAction, Placement
from cms.seeding import ensure_page, site_root
from practitioners.demo_data import (
    CLUSTERED,
    CREDENTIALS,
    DEMO_CALLS_TO_ACTION,
    DIRECTORY_PAGE,
    DRAFT_INDEX,
    FIRST_NAMES,
    LANGUAGES,
    LAST_NAMES,
    MODALITIES,
    PLACES,
    STALE_INDEX,
    STREETS,
    UNVERIFIED_INDEXES,
)
from practitioners.models import (
    Language,
    Modality,
    Practitioner,
    PractitionerDirectoryPage,
    VerificationStatus,
)
from practitioners.roles import grant_directory_permissions
from research.models import ConditionIndexPage


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
    directory = ensure_page(site_root(), PractitionerDirectoryPage(**DIRECTORY_PAGE), demo)
    seed_listings(demo)
    seed_calls_to_action(directory, demo)
    return directory


def seed_listings(demo):
    languages = [ensure_named(Language, name, demo) for name in LANGUAGES]
    modalities = [ensure_named(Modality, name, demo) for name in MODALITIES]
    conditions = list(ConditionIndexPage.objects.order_by("title"))
    if Practitioner.objects.filter(is_sample=True).exists():
        return
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


def seed_calls_to_action(directory, demo):
    """Published calls to action at the end of articles, leading here."""
    for fields in DEMO_CALLS_TO_ACTION:
        if CallToAction.objects.filter(name=fields["name"]).exists():
            continue
        fields = dict(fields)
        condition_slugs = fields.pop("conditions")
        call_to_action = CallToAction(
            **fields, placement=Placement.ARTICLE_END, target_page=directory, live=False
        )
        call_to_action.conditions = list(
            ConditionIndexPage.objects.filter(slug__in=condition_slugs)
        )
        call_to_action.save()
        call_to_action.save_revision().publish()
        demo.made(f"call to action “{call_to_action.name}”")


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
