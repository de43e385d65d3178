"""ZIP centroids, great-circle distances and the SQL bounding box, against known places."""

import math

import pytest

from practitioners import geo


def between(a, b):
    first, second = geo.place_for_zip(a), geo.place_for_zip(b)
    return geo.distance_miles(first.latitude, first.longitude, second.latitude, second.longitude)


@pytest.mark.parametrize(
    ("a", "b", "low", "high"),
    [
        ("10001", "07030", 1.5, 2.5),  # Manhattan to Hoboken, across the Hudson
        ("94110", "94704", 11, 14),  # San Francisco's Mission to Berkeley
        ("60614", "60201", 8, 10),  # Lincoln Park to Evanston
        ("94110", "10001", 2550, 2600),  # coast to coast
    ],
)
def test_distances_between_known_zip_codes(a, b, low, high):
    assert low < between(a, b) < high
    assert between(a, b) == pytest.approx(between(b, a))


def test_a_zip_code_is_its_own_centre():
    assert between("10001", "10001") == 0


@pytest.mark.parametrize(
    "value", ["", "1234", "123456", "abcde", "SW1A 1AA", "10001-12", "1" * 10_000]
)
def test_malformed_zip_codes_are_not_places(value):
    assert geo.place_for_zip(value) is None


def test_unknown_zip_code_is_not_a_place():
    assert geo.is_zip_format("00000")
    assert geo.place_for_zip("00000") is None


def test_zip_plus_four_finds_the_five_digit_zip():
    assert geo.place_for_zip("10001-1234") == geo.place_for_zip("10001")
    assert geo.place_for_zip("10001").state == "NY"


@pytest.mark.parametrize("zip_code", ["10001", "99501", "96814", "33137"])
@pytest.mark.parametrize("radius", [10, 100])
def test_the_bounding_box_holds_every_point_within_the_radius(zip_code, radius):
    place = geo.place_for_zip(zip_code)
    min_lat, max_lat, min_lng, max_lng = geo.bounding_box(place, radius)
    for bearing in range(0, 360, 15):
        # A point `radius` miles away on `bearing`, by the spherical destination formula.
        angle = radius / geo.EARTH_RADIUS_MILES
        lat1, lng1, theta = map(math.radians, (place.latitude, place.longitude, bearing))
        lat2 = math.asin(
            math.sin(lat1) * math.cos(angle) + math.cos(lat1) * math.sin(angle) * math.cos(theta)
        )
        lng2 = lng1 + math.atan2(
            math.sin(theta) * math.sin(angle) * math.cos(lat1),
            math.cos(angle) - math.sin(lat1) * math.sin(lat2),
        )
        lat, lng = math.degrees(lat2), math.degrees(lng2)
        assert min_lat <= lat <= max_lat
        assert min_lng <= lng <= max_lng


def test_nearest_zip_to_a_point_gives_its_state():
    assert geo.nearest_zip_place(40.7484, -73.9967).state == "NY"
    assert geo.nearest_zip_place(0.0, 0.0) is None  # the Gulf of Guinea
