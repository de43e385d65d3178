"""Filling an article's citation from a DOI or PubMed ID, against stored service responses."""

import socket

import pytest
from django.test import Client
from django.urls import reverse

from research.citation_lookup import CitationLookupError, lookup, parse_identifier
from tests.editorial_helpers import account, add_article_url, edit_url, migraines, seed_article

SEED_DOI = "10.1186/s10194-023-01590-5"
SEED_AUTHORS = ["R Messina", "R H Christensen", "I Cetta", "M Ashina", "M Filippi"]


def lookup_as(username, identifier, **params):
    client = Client()
    client.force_login(account(username))
    return client.get(reverse("research_citation_lookup"), {"identifier": identifier, **params})


@pytest.mark.parametrize(
    "pasted, expected",
    [
        (SEED_DOI, ("doi", SEED_DOI)),
        (f"https://doi.org/{SEED_DOI}", ("doi", SEED_DOI)),
        (f"doi:{SEED_DOI}.", ("doi", SEED_DOI)),
        ("37221469", ("pubmed", "37221469")),
        (" PMID: 37221469 ", ("pubmed", "37221469")),
        ("https://pubmed.ncbi.nlm.nih.gov/37221469/", ("pubmed", "37221469")),
    ],
)
def test_a_doi_or_pubmed_id_is_recognised_however_it_is_pasted(pasted, expected):
    assert parse_identifier(pasted) == expected


@pytest.mark.parametrize("pasted", ["", "migraine", "11.1234/abc", "PMC10207747"])
def test_anything_else_gets_a_message_in_words(pasted):
    with pytest.raises(CitationLookupError, match="neither a DOI .* nor a PubMed ID"):
        parse_identifier(pasted)


def test_a_doi_fills_the_citation_from_crossref(citation_services):
    citation = lookup(SEED_DOI)
    assert citation.form_values() == {
        "title": "Imaging the brain and vascular reactions to headache treatments: "
        "a systematic review",
        "journal": "The Journal of Headache and Pain",
        "publication_year": 2023,
        "publication_month": 5,
        "publication_day": 24,
        "doi": SEED_DOI,
        "source_url": "https://thejournalofheadacheandpain.biomedcentral.com/articles/"
        "10.1186/s10194-023-01590-5",
    }
    assert citation.authors == SEED_AUTHORS


def test_crossref_markup_in_titles_becomes_plain_words(citation_services):
    citation = lookup("10.5555/example.acupuncture.2024.17")
    assert citation.title == ("Acupuncture for tension-type headache: an example randomised trial")
    assert citation.authors == ["A Alder", "B K Brook", "C Cole", "D M Dale"]


def test_a_pubmed_id_fills_the_citation_from_pubmed(citation_services):
    citation = lookup("37221469")
    assert citation.form_values() == {
        "title": "Imaging the brain and vascular reactions to headache treatments: "
        "a systematic review",
        "journal": "The journal of headache and pain",
        "publication_year": 2023,
        "publication_month": 5,
        "publication_day": 24,
        "doi": SEED_DOI,
        "pubmed_id": "37221469",
        "source_url": f"https://doi.org/{SEED_DOI}",
    }
    assert citation.authors == SEED_AUTHORS


def test_the_fill_in_view_answers_the_writer_with_fields_and_a_note_to_check(
    demo_site, citation_services
):
    response = lookup_as("writer", "10.5555/example.acupuncture.2024.17")
    assert response.status_code == 200
    data = response.json()
    assert data["fields"]["journal"] == "Example Journal of Integrative Medicine"
    assert data["authors"] == ["A Alder", "B K Brook", "C Cole", "D M Dale"]
    assert data["message"] == (
        "Filled in from Crossref. Check each field against the study before you save."
    )
    assert data["duplicates"] == []


def test_a_study_already_in_the_library_warns_and_links_to_it(demo_site, citation_services):
    seed = seed_article()
    for identifier in (SEED_DOI, "37221469"):
        data = lookup_as("writer", identifier).json()
        assert data["duplicates"] == [{"title": seed.title, "edit_url": edit_url(seed)}]
    # The article itself is not its own duplicate.
    assert lookup_as("writer", SEED_DOI, page=seed.pk).json()["duplicates"] == []


@pytest.mark.parametrize(
    "identifier, message",
    [
        ("10.5555/no.such.study", "Crossref does not know the DOI 10.5555/no.such.study."),
        ("999999999", "PubMed does not know the ID 999999999."),
    ],
)
def test_an_unknown_identifier_is_said_in_words(demo_site, citation_services, identifier, message):
    response = lookup_as("writer", identifier)
    assert response.status_code == 404
    assert response.json()["message"].startswith(message)
    assert "type the citation in by hand" in response.json()["message"]
    assert "fields" not in response.json()


def test_a_slow_service_times_out_with_a_message(demo_site, citation_services, settings):
    settings.CITATION_LOOKUP_TIMEOUT = 0.2
    citation_services.delay = 1.0
    response = lookup_as("writer", SEED_DOI)
    assert response.status_code == 504
    assert response.json()["message"].startswith(
        "Crossref did not answer within 0.2 seconds. Try again in a minute"
    )
    # The duplicate warning does not need the service.
    assert response.json()["duplicates"][0]["title"] == seed_article().title


def test_a_service_that_trickles_its_answer_is_given_up_on_in_time(
    demo_site, citation_services, settings
):
    """Every part arrives within the per-read timeout; the whole answer would take minutes."""
    settings.CITATION_LOOKUP_TIMEOUT = 1
    settings.CITATION_LOOKUP_TOTAL_TIMEOUT = 0.5
    citation_services.trickle = 0.1
    response = lookup_as("writer", SEED_DOI)
    assert response.status_code == 504
    assert response.json()["message"].startswith(
        "Crossref did not answer within 0.5 seconds. Try again in a minute"
    )


@pytest.mark.parametrize("send_length", [True, False], ids=["announced", "unannounced"])
def test_an_answer_far_larger_than_a_citation_is_refused(
    demo_site, citation_services, settings, send_length
):
    settings.CITATION_LOOKUP_MAX_BYTES = 100_000
    citation_services.padding = 5_000_000
    citation_services.send_length = send_length
    response = lookup_as("writer", "37221469")
    assert response.status_code == 502
    assert response.json()["message"] == (
        "PubMed sent far more than a citation. Type the citation in by hand."
    )


def test_an_answer_within_the_size_cap_is_read_whole(demo_site, citation_services, settings):
    settings.CITATION_LOOKUP_MAX_BYTES = 100_000
    citation_services.padding = 50_000
    citation_services.send_length = False
    response = lookup_as("writer", SEED_DOI)
    assert response.status_code == 200
    assert response.json()["fields"]["doi"] == SEED_DOI


def test_an_unreachable_service_is_said_in_words(demo_site, settings):
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    settings.NCBI_EUTILS_URL = f"http://127.0.0.1:{port}/eutils"
    response = lookup_as("writer", "37221469")
    assert response.status_code == 502
    assert response.json()["message"].startswith("PubMed could not be reached.")


def test_bad_input_gets_a_400_with_the_expected_forms(demo_site):
    response = lookup_as("writer", "<script>alert(1)</script>")
    assert response.status_code == 400
    assert "neither a DOI" in response.json()["message"]


def test_only_people_who_write_pages_may_look_up(demo_site, citation_services):
    refused = lookup_as("marketing", SEED_DOI)
    assert (refused.status_code, refused.url) == (302, reverse("wagtailadmin_home"))
    anonymous = Client().get(reverse("research_citation_lookup"), {"identifier": SEED_DOI})
    assert anonymous.status_code == 302
    assert anonymous.url.startswith(reverse("wagtailadmin_login"))


def test_the_article_editor_loads_the_fill_in_script(demo_site):
    client = Client()
    client.force_login(account("writer"))
    page = client.get(add_article_url(migraines())).content.decode()
    assert 'src="/static/js/citation-fill.js"' in page
    assert f'data-lookup-url="{reverse("research_citation_lookup")}"' in page
