"""Practitioner directory: a 25-mile ZIP search with a condition filter over 50,000 listings.

Listings sit at ZIP centroids drawn at random from the whole US table (so they are as dense
as ZIP codes are: thick in cities, thin in the country), each treating one to three of six
conditions. Rows are bulk-inserted: the benchmark measures searching, not saving.
"""

import random

from django.db import connection
from django.utils import timezone

from practitioners import geo
from practitioners.models import Practitioner, VerificationStatus
from tests.benchmarks.harness import format_rows, measure
from tests.factories import condition_page, directory_page

LISTINGS = 50_000
CONDITIONS = ["Migraines", "Low back pain", "Anxiety", "Insomnia", "Knee pain", "Nausea"]
SEARCHES = [
    ("10001", "Manhattan, NY (dense)"),
    ("94110", "San Francisco, CA"),
    ("60614", "Chicago, IL"),
    ("78704", "Austin, TX"),
    ("59801", "Missoula, MT (sparse)"),
]


def build(rng):
    directory = directory_page()
    conditions = [condition_page(title) for title in CONDITIONS]
    places = sorted(geo._zip_table().items())
    today = timezone.localdate()
    rows = []
    for n in range(LISTINGS):
        zip_code, place = rng.choice(places)
        rows.append(
            Practitioner(
                name=f"Benchmark Practitioner {n}",
                slug=f"benchmark-{n}",
                license_number=f"AC-{n:06d}",
                license_state=place.state,
                street_address=f"{n} Benchmark Road",
                city="Benchmark",
                state=place.state,
                zip_code=zip_code,
                latitude=place.latitude,
                longitude=place.longitude,
                verification_status=VerificationStatus.VERIFIED,
                verified_on=today,
                live=True,
                offers_telehealth=n % 4 == 0,
            )
        )
    Practitioner.objects.bulk_create(rows, batch_size=2000)
    through = Practitioner.conditions.through
    links = [
        through(practitioner_id=pk, conditionindexpage_id=condition.pk)
        for pk in Practitioner.objects.values_list("pk", flat=True)
        for condition in rng.sample(conditions, rng.randint(1, 3))
    ]
    through.objects.bulk_create(links, batch_size=5000)
    if connection.vendor == "postgresql":
        # A live table has planner statistics; a freshly bulk-loaded one has none until
        # autovacuum gets to it.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return directory, conditions[0]


def run():
    rng = random.Random(5)
    directory, migraines = build(rng)
    base = directory.url
    # The same page with no search at all: what serving any page costs on this machine now.
    rows = [{"case": "baseline: the apply form (no search)", **measure(f"{base}apply/")}]
    for zip_code, label in SEARCHES:
        url = f"{base}?zip={zip_code}&radius=25&condition={migraines.slug}"
        figures = measure(url, repeat=60, warmup=5)
        rows.append({"case": f"{label}: ZIP {zip_code}, 25 mi, migraines", **figures})
    return format_rows(
        f"Practitioner directory: 25-mile ZIP search with a condition filter, "
        f"{LISTINGS:,} listings",
        rows,
    )
