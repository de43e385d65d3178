"""US ZIP code centroids and great-circle distances, with no network and no GIS extension.

The `zipcodes` package ships the ZIP table; it is turned into a dictionary once per process
(the first lookup takes about half a second) and every later lookup is a dictionary access.
"""

import math
import re
from dataclasses import dataclass
from functools import cache

import zipcodes

from practitioners.us_states import USState

EARTH_RADIUS_MILES = 3958.8
MILES_PER_DEGREE_OF_LATITUDE = 69.0
ZIP_PATTERN = re.compile(r"^(\d{5})(?:-\d{4})?$")


@dataclass(frozen=True)
class Place:
    """A point to measure from: a ZIP code's centroid or a visitor's own position."""

    latitude: float
    longitude: float
    label: str
    state: str = ""


@cache
def _zip_table():
    """ZIP code -> Place for the states and DC and Puerto Rico; military mail codes (which
    have no fixed place) and other territories are left out."""
    states = set(USState.values)
    table = {}
    for row in zipcodes.list_all():
        if row["state"] not in states or row["zip_code_type"] == "MILITARY":
            continue
        latitude, longitude = float(row["lat"] or 0), float(row["long"] or 0)
        if latitude == 0 and longitude == 0:  # no known position
            continue
        table[row["zip_code"]] = Place(
            latitude=latitude,
            longitude=longitude,
            label=f"{row['zip_code']} ({row['city']}, {row['state']})",
            state=row["state"],
        )
    return table


def is_zip_format(value):
    """True for five digits, optionally followed by a dash and four more (ZIP+4)."""
    return bool(ZIP_PATTERN.match(value or ""))


def place_for_zip(value):
    """The centroid of a US ZIP code (ZIP+4 accepted), or None when it is not a known ZIP."""
    match = ZIP_PATTERN.match((value or "").strip())
    if not match:
        return None
    return _zip_table().get(match.group(1))


def distance_miles(a_latitude, a_longitude, b_latitude, b_longitude):
    """Great-circle distance by the haversine formula."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a_latitude, a_longitude, b_latitude, b_longitude))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_MILES * math.asin(min(1.0, math.sqrt(h)))


def bounding_box(place, radius_miles):
    """(min_lat, max_lat, min_lng, max_lng) enclosing every point within the radius.

    Slightly larger than the circle, so it can only let extra rows through (which the exact
    distance then drops), never lose one.
    """
    lat_delta = radius_miles / MILES_PER_DEGREE_OF_LATITUDE
    # Near the poles a degree of longitude shrinks to nothing; clamp so the box stays finite.
    cos_lat = max(math.cos(math.radians(place.latitude)), 0.01)
    lng_delta = radius_miles / (MILES_PER_DEGREE_OF_LATITUDE * cos_lat)
    return (
        place.latitude - lat_delta,
        place.latitude + lat_delta,
        place.longitude - lng_delta,
        place.longitude + lng_delta,
    )


@cache
def _zips_by_degree():
    """ZIP centroids grouped by whole-degree cell, to find the nearest ZIP to a point quickly."""
    cells = {}
    for place in _zip_table().values():
        key = (math.floor(place.latitude), math.floor(place.longitude))
        cells.setdefault(key, []).append(place)
    return cells


def nearest_zip_place(latitude, longitude):
    """The ZIP centroid nearest a point within about a degree, or None (e.g. out at sea)."""
    cells = _zips_by_degree()
    base_lat, base_lng = math.floor(latitude), math.floor(longitude)
    candidates = [
        place
        for dlat in (-1, 0, 1)
        for dlng in (-1, 0, 1)
        for place in cells.get((base_lat + dlat, base_lng + dlng), ())
    ]
    if not candidates:
        return None
    return min(
        candidates,
        key=lambda p: distance_miles(latitude, longitude, p.latitude, p.longitude),
    )
