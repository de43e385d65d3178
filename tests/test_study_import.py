"""Bulk import of studies: each format, duplicates, re-runs, bad files, permissions, retry and
progress, through the admin's own pages. Crossref and PubMed are the local stub
(tests/citation_stub.py) serving stored answers in their documented formats."""

import csv
import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from research.choices import StudyDesign
from research.importing import medline
from research.importing.models import EntryStatus, ImportStatus, StudyImport
from research.importing.references import ImportFileError
from research.importing.tasks import run_study_import
from research.models import ConditionIndexPage, ResearchArticlePage
from tests.editorial_helpers import account, migraines, seed_article
from tests.test_editorial_roles import assert_refused

IMPORTS = Path(__file__).parent / "fixtures" / "imports"
SEED_DOI = "10.1186/s10194-023-01590-5"
EXAMPLE_DOI = "10.5555/example.acupuncture.2024.17"


def signed_in(username="writer"):
    client = Client()
    client.force_login(account(username))
    return client


def import_url():
    return reverse("research_import")


def post_import(client, condition=None, identifiers="", upload=None):
    data = {"identifiers": identifiers, "condition": condition.pk if condition else ""}
    if upload is not None:
        data["file"] = upload
    return client.post(import_url(), data)


def fixture_file(name):
    return SimpleUploadedFile(name, (IMPORTS / name).read_bytes())


def run(client, **kwargs):
    """Start an import and follow it to its status page; the import and that page."""
    response = post_import(client, **kwargs)
    assert response.status_code == 302, response.content.decode()[:2000]
    study_import = StudyImport.objects.latest("pk")
    assert response.url == reverse("research_import_status", args=[study_import.pk])
    return study_import, client.get(response.url)


def results(study_import):
    return {entry.label: entry for entry in study_import.entries.select_related("article")}


def draft(doi="", title=""):
    found = ResearchArticlePage.objects.filter(doi=doi) if doi else None
    if title:
        found = ResearchArticlePage.objects.filter(title=title)
    return found.get()


def assert_fresh_draft(article, condition):
    """A new draft under `condition`: never published, the four sections in place and empty."""
    assert not article.live
    assert article.first_published_at is None
    assert article.get_parent().pk == condition.pk
    assert article.latest_revision is not None
    assert [block.block_type for block in article.body] == [
        "finding",
        "explainer",
        "practitioner_notes",
        "limitations",
    ]
    assert article.finding_text == ""


# --- Pasted identifiers ---------------------------------------------------------------------


def test_pasted_dois_and_pubmed_ids_become_drafts(demo_site, citation_services):
    client = signed_in()
    live_before = ResearchArticlePage.objects.live().count()
    study_import, page = run(
        client,
        condition=migraines(),
        identifiers=f"{EXAMPLE_DOI}\nhttps://doi.org/10.5555/example.import.2023.1\n\n"
        "PMID: 99900001\n12.34/not-a-doi\n",
    )
    assert study_import.status == ImportStatus.FINISHED
    outcome = results(study_import)
    assert [entry.status for entry in outcome.values()] == [
        EntryStatus.CREATED,
        EntryStatus.CREATED,
        EntryStatus.CREATED,
        EntryStatus.INVALID,
    ]
    assert outcome["12.34/not-a-doi"].message.startswith("line 5: “12.34/not-a-doi” is neither")
    assert "a DOI starts with “10.”" in outcome["12.34/not-a-doi"].message

    example = draft(EXAMPLE_DOI)
    assert_fresh_draft(example, migraines())
    assert example.title == ("Acupuncture for tension-type headache: an example randomised trial")
    assert example.journal == "Example Journal of Integrative Medicine"
    assert (example.publication_year, example.publication_month) == (2024, 9)
    assert example.author_names == ["A Alder", "B K Brook", "C Cole", "D M Dale"]
    assert (example.volume, example.issue) == ("12", "3")
    assert example.owner == account("writer")

    trial = draft("10.5555/example.import.2023.1")
    assert trial.pages == "101-109"
    from_pubmed = draft("10.5555/example.pubmed.2021.9")
    assert from_pubmed.pubmed_id == "99900001"
    assert from_pubmed.study_design == StudyDesign.META_ANALYSIS
    assert from_pubmed.author_names == ["L Lund", "M A Moss"]
    assert (from_pubmed.volume, from_pubmed.issue, from_pubmed.pages) == ("9", "4", "200-210")

    assert ResearchArticlePage.objects.live().count() == live_before
    text = page.content.decode()
    assert "4 of 4 looked up" in text
    assert reverse("wagtailadmin_pages:edit", args=[example.pk]) in text


def test_more_than_the_limit_of_pasted_lines_is_refused(demo_site, settings):
    settings.STUDY_IMPORT_MAX_ENTRIES = 3
    response = post_import(signed_in(), migraines(), identifiers="1\n2\n3\n4\n")
    assert response.status_code == 200
    assert "That is 4 lines; one import takes at most 3" in response.content.decode()
    assert not StudyImport.objects.exists()


def test_a_condition_must_be_chosen(demo_site):
    response = post_import(signed_in(), identifiers=EXAMPLE_DOI)
    assert "Choose the condition these studies go under." in response.content.decode()
    assert not StudyImport.objects.exists()


# --- Reference files ------------------------------------------------------------------------


def test_ris_file(demo_site, citation_services):
    study_import, _ = run(signed_in(), condition=migraines(), upload=fixture_file("studies.ris"))
    assert study_import.source == "studies.ris (RIS)"
    assert study_import.counts()[EntryStatus.CREATED] == 3
    neck = draft("10.5555/example.ris.2022.1")
    assert_fresh_draft(neck, migraines())
    assert neck.journal == "Example Journal of Musculoskeletal Care"
    assert (neck.publication_year, neck.publication_month, neck.publication_day) == (2022, 6, 14)
    assert neck.author_names == ["N Nolan", "O P Ortiz"]
    assert (neck.volume, neck.issue, neck.pages) == ("5", "2", "44–52")
    assert sorted(neck.tags.names()) == ["manual acupuncture", "neck pain"]
    anxiety = draft(title="Auricular acupuncture for anxiety before surgery: an example review")
    assert anxiety.pubmed_id == "99900002"
    # The third reference gives only a DOI: the rest comes from Crossref.
    assert draft(EXAMPLE_DOI).journal == "Example Journal of Integrative Medicine"


def test_bibtex_file(demo_site):
    study_import, _ = run(signed_in(), condition=migraines(), upload=fixture_file("studies.bib"))
    assert study_import.counts()[EntryStatus.CREATED] == 2
    flushes = draft("10.5555/example.bib.2019.1")
    assert flushes.title == "Acupuncture for hot flushes: an example trial"
    assert flushes.author_names == ["Q Quinn", "R A Müller"]
    assert (flushes.publication_year, flushes.publication_month) == (2019, 3)
    assert (flushes.volume, flushes.issue, flushes.pages) == ("14", "1", "12–19")
    assert sorted(flushes.tags.names()) == ["hot flushes", "menopause"]
    assert draft(
        title="Cupping and acupuncture for shoulder pain: an example case series"
    ).pubmed_id == ("99900003")


def test_medline_file(demo_site):
    study_import, _ = run(signed_in(), condition=migraines(), upload=fixture_file("studies.nbib"))
    assert study_import.source == "studies.nbib (MEDLINE)"
    ileus = draft("10.5555/example.nbib.2021.4")
    assert ileus.title == (
        "Electroacupuncture for postoperative ileus: an example randomized controlled trial"
    )
    assert ileus.pubmed_id == "99900004"
    assert ileus.study_design == StudyDesign.RCT
    assert ileus.author_names == ["T Tan", "U B Underwood"]
    assert (ileus.publication_year, ileus.publication_month, ileus.publication_day) == (2021, 10, 5)
    assert (ileus.volume, ileus.issue, ileus.pages) == ("18", "3", "310–318")
    assert sorted(ileus.tags.names()) == ["electroacupuncture", "ileus"]
    assert draft("10.5555/example.nbib.2017.5").study_design == StudyDesign.META_ANALYSIS


def test_csv_file_with_a_condition_column(demo_site, citation_services):
    study_import, page = run(signed_in(), condition=migraines(), upload=fixture_file("studies.csv"))
    outcome = {entry.reference["line"]: entry for entry in study_import.entries.all()}
    back_pain = ConditionIndexPage.objects.get(slug="low-back-pain")
    knee = ConditionIndexPage.objects.get(slug="knee-osteoarthritis")

    insomnia = draft("10.5555/example.csv.2020.1")
    assert_fresh_draft(insomnia, back_pain)
    assert insomnia.study_design == StudyDesign.RCT
    assert insomnia.author_names == ["W Wu", "X Xu"]
    assert sorted(insomnia.tags.names()) == ["insomnia", "sleep"]
    # No condition in the row: the form's.
    assert draft("10.5555/example.pubmed.2021.9").get_parent().pk == migraines().pk
    assert draft("10.5555/example.import.2023.1").get_parent().pk == back_pain.pk
    assert outcome[5].status == EntryStatus.INVALID
    assert outcome[5].message.startswith("line 5: a DOI starts with “10.”")
    untitled = draft(title="Acupuncture with no identifiers: an example")
    assert untitled.get_parent().pk == knee.pk
    assert untitled.study_design == StudyDesign.COHORT
    assert outcome[7].status == EntryStatus.INVALID
    assert "no condition called “Tennis elbow”" in outcome[7].message
    assert study_import.counts()[EntryStatus.CREATED] == 4


# --- Duplicates and re-runs -----------------------------------------------------------------


def test_duplicates_are_reported_and_never_created_twice(demo_site, citation_services):
    before = ResearchArticlePage.objects.count()
    study_import, page = run(
        signed_in(),
        condition=migraines(),
        identifiers=f"{SEED_DOI}\n37221469\n{EXAMPLE_DOI}\n{EXAMPLE_DOI.upper()}\n",
    )
    outcome = list(study_import.entries.select_related("article"))
    assert [entry.status for entry in outcome] == [
        EntryStatus.DUPLICATE,
        EntryStatus.DUPLICATE,
        EntryStatus.CREATED,
        EntryStatus.DUPLICATE,
    ]
    assert outcome[0].article == outcome[1].article == seed_article()
    assert outcome[0].message.startswith("line 1: already in the library as")
    assert outcome[3].message == f"line 4: the same study as {EXAMPLE_DOI} earlier in this import."
    assert outcome[3].article == outcome[2].article
    assert ResearchArticlePage.objects.count() == before + 1
    assert reverse("wagtailadmin_pages:edit", args=[seed_article().pk]) in page.content.decode()


def test_running_the_same_import_again_creates_nothing(demo_site, citation_services):
    client = signed_in()
    run(client, condition=migraines(), upload=fixture_file("studies.ris"))
    run(client, condition=migraines(), upload=fixture_file("studies.csv"))
    count = ResearchArticlePage.objects.count()
    again, _ = run(client, condition=migraines(), upload=fixture_file("studies.ris"))
    assert again.counts()[EntryStatus.DUPLICATE] == 3
    again, _ = run(client, condition=migraines(), upload=fixture_file("studies.csv"))
    assert again.counts()[EntryStatus.CREATED] == 0
    assert ResearchArticlePage.objects.count() == count


# --- Bad files ------------------------------------------------------------------------------


BAD_FILES = {
    "empty": (b"", "The file is empty."),
    "binary": (b"%PDF-1.7\n\x00\x01\x02\xff" * 50, "This is not a text file"),
    "50 MB": (b"TY  - JOUR\n" + b"x" * (50 * 1024 * 1024), "The file is 50.0\xa0MB"),
    "Latin-1": (
        "title,journal,year\nAcupuncture à la carte,Journal,2020\n".encode("latin-1"),
        "The file is not in UTF-8: line 2",
    ),
    "RIS without ER": ((IMPORTS / "no-end.ris").read_bytes(), "has no end: each RIS reference"),
    "broken BibTeX": (b"@article{a,\n  title = {Open brace,\n", "cannot be read"),
    "unknown format": (b"just some words\n", "not in a format the import reads"),
    "CSV without a header the import knows": (b"name,age\nA,3\n", "must name its columns"),
}
FILE_NAMES = {"CSV without a header the import knows": "references.csv"}


@pytest.mark.parametrize("case", BAD_FILES)
def test_a_bad_file_is_refused_in_words_and_creates_nothing(demo_site, case):
    content, message = BAD_FILES[case]
    before = ResearchArticlePage.objects.count()
    upload = SimpleUploadedFile(FILE_NAMES.get(case, "references.ris"), content)
    response = post_import(signed_in(), migraines(), upload=upload)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not StudyImport.objects.exists()
    assert ResearchArticlePage.objects.count() == before


# --- Look-up failures, retry and progress ---------------------------------------------------


def test_a_lookup_outage_marks_entries_to_retry(demo_site, citation_services, settings):
    stub_url = settings.CROSSREF_API_URL
    settings.CROSSREF_API_URL = "http://127.0.0.1:9/crossref"  # nothing listens there
    dois = [EXAMPLE_DOI, "10.5555/example.import.2023.1", "10.5555/example.import.2022.2"]
    client = signed_in()
    study_import, page = run(
        client, condition=migraines(), identifiers="\n".join([*dois, "10.5555/unknown.1"])
    )
    assert study_import.status == ImportStatus.FINISHED
    assert study_import.counts()[EntryStatus.LOOKUP_FAILED] == 4
    messages = [entry.message for entry in study_import.entries.all()]
    assert messages[0] == (
        "line 1: Crossref could not be reached. Check the connection and try again, or type "
        "the citation in by hand."
    )
    assert messages[3] == "line 4: Not tried: Crossref failed 3 times in a row during this import."
    assert "Retry the failed ones" in page.content.decode()

    settings.CROSSREF_API_URL = stub_url
    retry_url = reverse("research_import_retry", args=[study_import.pk])
    page = client.post(retry_url, follow=True)
    counts = StudyImport.objects.get(pk=study_import.pk).counts()
    assert counts[EntryStatus.CREATED] == 3
    assert counts[EntryStatus.NOT_FOUND] == 1
    text = page.content.decode()
    assert "The failed look-ups are being tried again." in text
    assert "Crossref does not know the DOI 10.5555/unknown.1" in text
    assert "Retry the failed ones" not in text


def test_progress_survives_a_refresh_while_the_import_waits(demo_site, citation_services, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    client = signed_in()
    study_import, page = run(
        client, condition=migraines(), identifiers=f"{EXAMPLE_DOI}\n99900001\n12\n"
    )
    text = page.content.decode()
    assert "0 of 3 looked up" in text
    assert "Waiting to start" in text
    assert '<meta http-equiv="refresh"' in text

    run_study_import.call(study_import.pk)
    text = client.get(reverse("research_import_status", args=[study_import.pk])).content.decode()
    assert "3 of 3 looked up" in text
    assert "Finished" in text
    assert '<meta http-equiv="refresh"' not in text


def test_results_download_as_csv(demo_site, citation_services):
    client = signed_in()
    study_import, _ = run(
        client, condition=migraines(), identifiers=f"{EXAMPLE_DOI}\n{SEED_DOI}\nnonsense\n"
    )
    response = client.get(reverse("research_import_results_csv", args=[study_import.pk]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["line", "given", "result", "message", "article", "edit link"]
    assert [row[:3] for row in rows[1:]] == [
        ["1", EXAMPLE_DOI, "Created"],
        ["2", SEED_DOI, "Duplicate"],
        ["3", "nonsense", "Invalid"],
    ]
    created = draft(EXAMPLE_DOI)
    assert rows[1][5] == f"http://testserver/admin/pages/{created.pk}/edit/"
    assert rows[2][5] == f"http://testserver/admin/pages/{seed_article().pk}/edit/"


def test_past_imports_are_listed(demo_site, citation_services):
    client = signed_in()
    run(client, condition=migraines(), identifiers=EXAMPLE_DOI)
    text = client.get(import_url()).content.decode()
    assert "1 pasted identifier" in text
    assert "Migraines" in text


# --- Permissions ----------------------------------------------------------------------------


@pytest.mark.parametrize("username", ["writer", "admin"])
def test_writers_and_administrators_may_import(demo_site, username):
    client = signed_in(username)
    assert client.get(import_url()).status_code == 200
    assert "Import studies" in client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.parametrize("username", ["reviewer", "marketing", "directory"])
def test_other_roles_are_refused(demo_site, username, citation_services):
    writer = signed_in("writer")
    study_import, _ = run(writer, condition=migraines(), identifiers=EXAMPLE_DOI)
    client = signed_in(username)
    assert "Import studies" not in client.get(reverse("wagtailadmin_home")).content.decode()
    for url in (
        import_url(),
        reverse("research_import_status", args=[study_import.pk]),
        reverse("research_import_results_csv", args=[study_import.pk]),
    ):
        assert_refused(client.get(url))
    assert_refused(post_import(client, migraines(), identifiers="10.5555/example.import.2022.2"))
    assert_refused(client.post(reverse("research_import_retry", args=[study_import.pk])))
    assert StudyImport.objects.count() == 1


# --- The MEDLINE reader ---------------------------------------------------------------------


def test_medline_reader_joins_continued_lines_and_keeps_repeated_tags():
    records = medline.read_records(
        "PMID- 1\nTI  - A title that goes\n      on here.\nAU  - One A\nAU  - Two B\n\n"
        "PMID- 2\nTI  - Second\n"
    )
    assert records == [
        (1, {"PMID": ["1"], "TI": ["A title that goes on here."], "AU": ["One A", "Two B"]}),
        (7, {"PMID": ["2"], "TI": ["Second"]}),
    ]


@pytest.mark.parametrize(
    "text, message",
    [
        ("TI  - No PMID first\n", "Line 1 comes before any “PMID- ” line"),
        ("PMID- 1\nthis is not medline\n", "Line 2 is not a MEDLINE line"),
    ],
)
def test_medline_reader_refuses_what_is_not_medline(text, message):
    with pytest.raises(ImportFileError, match=message):
        medline.read_records(text)


def test_medline_tagged_values():
    assert medline.tagged_value(["58 [pii]", "10.1/x [doi]"], "doi") == "10.1/x"
    assert medline.tagged_value(["58 [pii]"], "doi") == ""
