"""The directory as a visitor uses it: search by place, filters, bad input, profiles."""

import json
import re

import pytest
from django.utils import timezone

from practitioners import geo
from practitioners.models import Practitioner, PractitionerDirectoryPage
from practitioners.models.directory import DIRECTORY_DESCRIPTION
from tests.pagetext import meta_descriptions
from tests.practitioner_factories import clear_listings, condition, language, make_practitioner

DIRECTORY = "/practitioners/"


@pytest.fixture
def listings(demo_site):
    """Only the listings a test makes."""
    clear_listings()


def names(response):
    return [p.name for p in response.context["results"]]


def test_results_are_sorted_by_distance_and_show_it(client, listings):
    far = make_practitioner(zip_code="10601", name="White Plains")  # about 24 miles
    near = make_practitioner(zip_code="10001", name="Chelsea")
    middle = make_practitioner(zip_code="07030", name="Hoboken")
    response = client.get(DIRECTORY, {"zip": "10001", "radius": "25"})
    assert names(response) == [near.name, middle.name, far.name]
    html = response.content.decode()
    assert "3 practitioners within 25 miles of 10001 (New York, NY)" in html
    assert "under 0.1 mi" in html
    assert re.search(r"1\.9 mi", html)


def test_the_radius_includes_what_is_inside_it_and_nothing_beyond(client, listings):
    make_practitioner(zip_code="10001", name="Chelsea")
    make_practitioner(zip_code="10601", name="White Plains")
    white_plains = between("10001", "10601")
    assert 10 < white_plains < 25
    assert names(client.get(DIRECTORY, {"zip": "10001", "radius": "10"})) == ["Chelsea"]
    assert names(client.get(DIRECTORY, {"zip": "10001", "radius": "25"})) == [
        "Chelsea",
        "White Plains",
    ]


def between(a, b):
    first, second = geo.place_for_zip(a), geo.place_for_zip(b)
    return geo.distance_miles(first.latitude, first.longitude, second.latitude, second.longitude)


def test_filters_combine(client, listings):
    migraines, anxiety = condition("migraines"), condition("anxiety")
    spanish, english = language("Spanish"), language("English")
    match = make_practitioner(
        name="Match", conditions=[migraines], languages=[spanish], accepting_new_patients=True
    )
    make_practitioner(name="Wrong condition", conditions=[anxiety], languages=[spanish])
    make_practitioner(name="Wrong language", conditions=[migraines], languages=[english])
    make_practitioner(
        name="Full", conditions=[migraines], languages=[spanish], accepting_new_patients=False
    )
    response = client.get(
        DIRECTORY,
        {"zip": "10001", "condition": "migraines", "language": "spanish", "new_patients": "on"},
    )
    assert names(response) == [match.name]
    assert "who treat migraines" in response.content.decode()


def test_condition_alone_prefilters_the_whole_directory(client, demo_site):
    """How a migraine article's call to action lands: ?condition=migraines and nothing else."""
    response = client.get(DIRECTORY, {"condition": "migraines"})
    results = response.context["results"]
    assert results.paginator.count > 0
    migraines = condition("migraines")
    assert all(migraines in p.conditions.all() for p in results)
    assert response.context["form"]["condition"].value() == "migraines"


def test_a_link_from_a_condition_carries_the_condition_and_nothing_else(demo_site):
    """What a call to action asks the directory page for when it leads there from a page."""
    link = PractitionerDirectoryPage.link_for_condition
    migraines = condition("migraines")
    assert link("/practitioners/", migraines) == "/practitioners/?condition=migraines"
    assert link("https://example.org/practitioners/", migraines) == (
        "https://example.org/practitioners/?condition=migraines"
    )
    assert link("/practitioners/", None) == "/practitioners/"


def test_telehealth_lists_practitioners_licensed_in_the_visitors_state(client, listings):
    make_practitioner(zip_code="14201", name="Buffalo telehealth", offers_telehealth=True)
    make_practitioner(zip_code="10001", name="Chelsea in person")
    make_practitioner(
        zip_code="07030",
        name="New Jersey telehealth",
        offers_telehealth=True,
        license_state="NJ",
        state="NJ",
    )
    response = client.get(DIRECTORY, {"zip": "10001", "telehealth": "on"})
    assert names(response) == ["Buffalo telehealth"]
    assert "telehealth practitioner licensed in NY" in response.content.decode()


def test_the_visitors_own_location_searches_like_a_zip_code(client, listings):
    make_practitioner(zip_code="10001", name="Chelsea")
    response = client.get(DIRECTORY, {"lat": "40.75", "lng": "-74.0", "radius": "10"})
    assert names(response) == ["Chelsea"]
    assert "within 10 miles of your location" in response.content.decode()


def test_unverified_draft_and_withdrawn_listings_never_show(client, listings):
    make_practitioner(name="Shown")
    hidden = [
        make_practitioner(name="Unverified", verification_status="unverified", verified_on=None),
        make_practitioner(name="Suspended", verification_status="suspended"),
        make_practitioner(name="Expired", verification_status="expired"),
        make_practitioner(name="Draft", publish=False),
    ]
    assert names(client.get(DIRECTORY, {"zip": "10001"})) == ["Shown"]
    assert names(client.get(DIRECTORY)) == ["Shown"]
    for practitioner in hidden:
        assert client.get(f"{DIRECTORY}{practitioner.slug}/").status_code == 404


def test_an_unpublished_change_stays_out_of_the_page(client, listings):
    practitioner = make_practitioner(name="Published name")
    practitioner.name = "Draft name"
    practitioner.save_revision()
    html = client.get(f"{DIRECTORY}{practitioner.slug}/").content.decode()
    assert "Published name" in html
    assert "Draft name" not in html


def test_an_overdue_verification_shows_without_the_badge(client, listings, settings):
    settings.PRACTITIONER_VERIFICATION_VALID_MONTHS = 12
    current = make_practitioner(name="Current", verified_days_ago=30)
    overdue = make_practitioner(name="Overdue", verified_days_ago=400)
    listing = client.get(DIRECTORY, {"zip": "10001"}).content.decode()
    assert listing.count("License verified") == 1
    assert "License verified" in client.get(f"{DIRECTORY}{current.slug}/").content.decode()
    profile = client.get(f"{DIRECTORY}{overdue.slug}/").content.decode()
    assert "License verified" not in profile
    assert "License check due" in profile


def test_the_verification_period_is_a_setting(client, listings, settings):
    practitioner = make_practitioner(verified_days_ago=100)
    settings.PRACTITIONER_VERIFICATION_VALID_MONTHS = 3
    assert "License check due" in client.get(f"{DIRECTORY}{practitioner.slug}/").content.decode()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"zip": "abc"}, "A ZIP code is five digits"),
        ({"zip": "1" * 10_000}, "A ZIP code is five digits"),
        ({"zip": "00000"}, "couldn&#x27;t find the US ZIP code 00000"),
        ({"zip": "SW1A 1AA"}, "A ZIP code is five digits"),
        ({"zip": "10001", "radius": "9999"}, "Choose a distance from the list"),
        ({"lat": "abc", "lng": "-74"}, "Your location could not be read"),
        ({"lat": "0", "lng": "0"}, "outside the United States"),
        ({"condition": "no-such-condition"}, "We don&#x27;t list that condition"),
        ({"language": "klingon"}, "We don&#x27;t list that language"),
        ({"lat": "1e999", "lng": "nan"}, "Your location could not be read"),
    ],
)
def test_bad_input_gets_a_clear_message_and_keeps_the_form(client, demo_site, query, message):
    response = client.get(DIRECTORY, query)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'role="alert"' in html
    assert response.context["results"] is None
    for name, value in query.items():
        assert response.context["form"][name].value() == value


@pytest.mark.parametrize("page_number", ["abc", "0", "-1", "99999", "1" * 500, "²", "9" * 5_000])
def test_any_page_number_gives_a_page(client, demo_site, page_number):
    response = client.get(DIRECTORY, {"page": page_number})
    assert response.status_code == 200
    assert len(response.context["results"]) > 0


def test_pages_of_twenty_keep_the_search(client, listings):
    for _ in range(25):
        make_practitioner(zip_code="10001")
    first = client.get(DIRECTORY, {"zip": "10001", "condition": ""})
    assert len(first.context["results"]) == 20
    assert "zip=10001" in re.search(r'rel="next" href="([^"]+)"', first.content.decode())[1]
    second = client.get(DIRECTORY, {"zip": "10001", "page": "2"})
    assert len(second.context["results"]) == 5


def test_no_results_offers_a_wider_radius_and_telehealth(client, listings):
    make_practitioner(zip_code="10601")
    html = client.get(DIRECTORY, {"zip": "10001", "radius": "10"}).content.decode()
    assert "No verified practitioners match within 10 miles" in html
    assert "Search within 25 miles" in html
    assert "radius=25" in html
    assert "who offer telehealth" in html


def test_directory_query_count_is_fixed(client, listings, django_assert_num_queries):
    conditions = [condition("migraines"), condition("anxiety"), condition("insomnia")]
    languages = [language("English"), language("Spanish")]
    for _ in range(25):
        make_practitioner(conditions=conditions, languages=languages)
    # Wagtail's serving of the page (site, route, view restrictions) and the form's choices
    # take ten; the search takes two (candidates in the box, then the page of listings) and
    # the cards two more (conditions, languages), however many cards there are.
    client.get(DIRECTORY)  # warm the site-root cache, as a running site has it
    with django_assert_num_queries(14):
        response = client.get(DIRECTORY, {"zip": "10001", "condition": "migraines"})
    assert len(response.context["results"]) == 20
    html = response.content.decode()
    assert html.count('href="/research/insomnia/"') == 20
    assert html.count("English, Spanish") == 20


def test_directory_without_a_place_has_a_fixed_query_count(
    client, listings, django_assert_num_queries
):
    for _ in range(25):
        make_practitioner(conditions=[condition("migraines")], languages=[language("English")])
    client.get(DIRECTORY)  # warm the site-root cache, as a running site has it
    with django_assert_num_queries(14):
        response = client.get(DIRECTORY, {"condition": "migraines"})
    assert len(response.context["results"]) == 20


@pytest.fixture
def profile_listing(listings):
    return make_practitioner(
        name="Rosa Example",
        credentials="L.Ac., DACM",
        practice_name="Example Acupuncture",
        board_certification="NCCAOM Diplomate of Acupuncture",
        board_certificate_number="123456",
        conditions=[condition("migraines"), condition("insomnia")],
        languages=[language("Spanish")],
        phone="(212) 555-0100",
        enquiry_email="rosa@example.org",
    )


def test_profile_shows_what_was_verified_and_when(client, profile_listing):
    html = client.get(f"{DIRECTORY}{profile_listing.slug}/").content.decode()
    assert "License verified" in html
    assert "New York acupuncture license <strong>AC-" in html
    assert "NCCAOM Diplomate of Acupuncture certificate <strong>123456</strong>" in html
    assert f'checked on <time datetime="{profile_listing.verified_on:%Y-%m-%d}">' in html
    assert "What “verified” means" in html


def test_profile_links_conditions_to_their_research_and_gives_directions(client, profile_listing):
    html = client.get(f"{DIRECTORY}{profile_listing.slug}/").content.decode()
    assert '<a href="/research/migraines/">Migraines</a>' in html
    assert "https://www.google.com/maps/dir/?api=1&amp;destination=" in html
    assert ">Get directions</a>" in html
    assert '<nav class="breadcrumb" aria-label="Breadcrumb">' in html
    assert '<span aria-current="page">Rosa Example</span>' in html


def test_profile_json_ld_describes_the_practice_with_address_and_place(client, profile_listing):
    html = client.get(f"{DIRECTORY}{profile_listing.slug}/").content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    data = json.loads(block)
    assert data["@type"] == "MedicalBusiness"
    assert data["address"]["postalCode"] == "10001"
    assert data["geo"]["latitude"] == pytest.approx(40.7484)
    assert data["employee"]["name"] == "Rosa Example"
    assert data["url"] == f"http://testserver{DIRECTORY}{profile_listing.slug}/"


def test_json_ld_cannot_break_out_of_its_script(client, listings):
    practitioner = make_practitioner(biography="</script><script>alert(1)</script>")
    html = client.get(f"{DIRECTORY}{practitioner.slug}/").content.decode()
    assert "<script>alert(1)" not in html


def test_the_enquiry_address_is_never_in_the_page(client, profile_listing):
    for url in (f"{DIRECTORY}{profile_listing.slug}/", DIRECTORY, f"{DIRECTORY}?zip=10001"):
        html = client.get(url).content.decode()
        assert "rosa@example.org" not in html
        assert "rosa&#64;example.org" not in html
    response = client.post(f"{DIRECTORY}{profile_listing.slug}/email/")
    assert response.status_code == 302
    assert response["Location"].startswith("mailto:rosa@example.org?subject=")
    assert client.get(f"{DIRECTORY}{profile_listing.slug}/email/").status_code == 405


def test_profile_query_count_is_fixed(client, profile_listing, django_assert_num_queries):
    # Wagtail's serving of the page six, the listing one, its conditions, languages and
    # treatments three.
    client.get(f"{DIRECTORY}{profile_listing.slug}/")  # warm the site-root cache
    with django_assert_num_queries(10):
        response = client.get(f"{DIRECTORY}{profile_listing.slug}/")
    assert response.status_code == 200


def test_unknown_slug_is_not_found(client, demo_site):
    assert client.get(f"{DIRECTORY}no-such-practitioner/").status_code == 404


def test_listing_coordinates_come_from_its_zip_code(listings):
    practitioner = make_practitioner(zip_code="94110")
    place = geo.place_for_zip("94110")
    assert (practitioner.latitude, practitioner.longitude) == (place.latitude, place.longitude)


def test_demo_directory_has_sample_listings_across_states(demo_site):
    samples = Practitioner.objects.filter(is_sample=True)
    assert samples.count() >= 60
    assert samples.values("state").distinct().count() >= 15
    assert all("555-" in phone for phone in samples.values_list("phone", flat=True))
    assert samples.filter(offers_telehealth=True).exists()
    assert samples.exclude(verification_status="verified").exists()
    assert Practitioner.objects.visible().filter(verified_on__gte=timezone.localdate()).count() == 0


def test_the_meta_description_is_the_directorys_introduction(client, demo_site):
    expected = [
        "Browse our directory of verified licensed practitioners near you. Every listing's "
        "license has been checked with the state board that issued it."
    ]
    assert meta_descriptions(client.get(DIRECTORY).content.decode()) == expected
    searched = client.get(DIRECTORY, {"zip": "10001"}).content.decode()
    assert meta_descriptions(searched) == expected


def test_without_an_introduction_the_directory_describes_itself(client, demo_site):
    directory = PractitionerDirectoryPage.objects.get()
    directory.intro = ""
    directory.save_revision().publish()
    assert meta_descriptions(client.get(DIRECTORY).content.decode()) == [DIRECTORY_DESCRIPTION]
