"""Finding practitioners near a place.

A latitude/longitude box around the place narrows the candidates in SQL (on the indexed
columns); the exact great-circle distance is then worked out only for the rows inside the box.
Only the page of results being shown is loaded as objects.
"""

from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Prefetch

from practitioners import geo
from practitioners.models.listing import Practitioner
from research.models import ConditionIndexPage

PER_PAGE = 20


def related_to(relation, obj):
    """Listings linked to `obj` through the many-to-many `relation`, as a correlated EXISTS.

    A join would tempt the database to start from the link table (every listing that treats
    migraine, nationwide) rather than from the few listings inside the bounding box.
    """
    through = getattr(Practitioner, relation).through
    target = f"{type(obj)._meta.model_name}_id"
    return Exists(through.objects.filter(practitioner_id=OuterRef("pk"), **{target: obj.pk}))


def filtered_listings(criteria):
    listings = Practitioner.objects.visible()
    for relation, key in (
        ("conditions", "condition"),
        ("languages", "language"),
        ("modalities", "modality"),
    ):
        if criteria.get(key):
            listings = listings.filter(related_to(relation, criteria[key]))
    if criteria.get("new_patients"):
        listings = listings.filter(accepting_new_patients=True)
    if criteria.get("telehealth"):
        listings = listings.filter(offers_telehealth=True)
    return listings


def with_card_details(listings):
    """What a result card shows, in a fixed number of queries however many cards there are."""
    return listings.prefetch_related(
        Prefetch("conditions", queryset=ConditionIndexPage.objects.live().order_by("title")),
        "languages",
    )


def nearby(listings, place, radius, telehealth=False):
    """(distance in miles, pk) pairs, nearest first.

    Telehealth patients need a practitioner licensed in their own state, not one nearby, so a
    telehealth search covers the whole of the place's state instead of the radius.
    """
    if telehealth and place.state:
        listings = listings.filter(license_state=place.state)
        radius = None
    else:
        min_lat, max_lat, min_lng, max_lng = geo.bounding_box(place, radius)
        listings = listings.filter(
            latitude__range=(min_lat, max_lat), longitude__range=(min_lng, max_lng)
        )
    found = []
    for pk, latitude, longitude in listings.order_by().values_list("pk", "latitude", "longitude"):
        if latitude is None:
            continue
        miles = geo.distance_miles(place.latitude, place.longitude, latitude, longitude)
        if radius is None or miles <= radius:
            found.append((miles, pk))
    found.sort()
    return found


def search(criteria, page_number):
    """A page of practitioners matching the form's cleaned data, each with `.distance` when
    the search was by place."""
    listings = filtered_listings(criteria)
    place = criteria.get("place")
    if place is None:
        page = Paginator(with_card_details(listings.order_by("name")), PER_PAGE).get_page(
            page_number
        )
        page.object_list = list(page.object_list)
        return page
    page = Paginator(
        nearby(listings, place, criteria["radius"], criteria.get("telehealth")), PER_PAGE
    ).get_page(page_number)
    by_pk = with_card_details(Practitioner.objects.all()).in_bulk(pk for _, pk in page)
    results = []
    for miles, pk in page:
        practitioner = by_pk[pk]
        practitioner.distance = miles
        results.append(practitioner)
    page.object_list = results
    return page
