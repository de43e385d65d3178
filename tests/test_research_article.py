"""The research article page: the seed page's shape, its citation, metadata and related research."""

import json
import re
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from cms.models import ShareBlock
from research.models import RelatedArticlePin, ResearchArticlePage
from tests import factories
from tests.pagetext import assert_in_order, visible_text

SEED_SLUG = "imaging-brain-vascular-reactions-headache-treatments"
SEED_URL = f"/research/migraines/{SEED_SLUG}/"
# The live page the site is modelled on, captured as plain text.
SEED_PAGE_TEXT = Path(__file__).parent / "data" / "seed-article-page.txt"
# Site, home, library and one article lookup; two view-restriction checks; the article's context
# (library, condition and evidence guide in one), related research, authors. The share block,
# the editorial settings and the chosen call to action come from the cache; its impression is
# counted by the browser's beacon request, not while rendering.
ARTICLE_PAGE_QUERIES = 11


@pytest.fixture
def seed_article(demo_site):
    return ResearchArticlePage.objects.get(slug=SEED_SLUG)


def get_text(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response, visible_text(response.content.decode())


def test_seed_article_shows_every_element_of_the_seed_page_in_order(client, seed_article):
    _, text = get_text(client, SEED_URL)
    assert_in_order(
        text,
        [
            "← Research Library",
            "Migraines",
            "2 min read",
            "Imaging the brain and vascular reactions to headache treatments: a systematic review",
            "The Journal of Headache and Pain",
            "May 2023",
            "R Messina, R H Christensen, I Cetta et al.",
            "Share:",
            "Post",
            "Key Finding",
            "Neuroimaging evidence suggests acupuncture may reduce migraine",
            "What This Means For You",
            "What Happens in Your Brain During a Headache — and How Treatments Like Acupuncture",
            "If you've ever wondered",
            "Clinical Notes for Practitioners",
            "This systematic review (The Journal of Headache and Pain) analyzed 63",
            "Limitations",
            "Limitations include heterogeneous study designs",
            "The honest takeaway?",
            "Found this research helpful?",
            "Share:",
            "Post",
            "Related research in Migraines",
        ],
    )


def test_every_paragraph_of_the_seed_page_is_on_the_page(client, seed_article):
    _, text = get_text(client, SEED_URL)
    paragraphs = [
        " ".join(line.split())
        for line in SEED_PAGE_TEXT.read_text().splitlines()
        if len(line) > 80 and "·" not in line  # the citation line is checked on its own
    ]
    assert len(paragraphs) >= 10
    for paragraph in paragraphs:
        assert paragraph in text


def test_reading_time_counts_the_whole_body(seed_article):
    assert 440 <= seed_article.word_count <= 520
    assert seed_article.reading_minutes == 2


def test_study_facts_and_links_to_the_study(client, seed_article):
    response, text = get_text(client, SEED_URL)
    assert_in_order(
        text, ["Study design", "Systematic review", "Studies included", "63", "Emerging"]
    )
    html = response.content.decode()
    assert 'href="https://doi.org/10.1186/s10194-023-01590-5"' in html
    assert 'href="https://pubmed.ncbi.nlm.nih.gov/37221469/"' in html
    assert 'href="/research/how-we-rate-evidence/#emerging"' in html
    assert "Sample content:" not in text


def test_sample_articles_say_so(client, demo_site):
    sample = ResearchArticlePage.objects.filter(is_sample_content=True).first()
    _, text = get_text(client, sample.url)
    assert "Sample content: this summary is demo text about an invented study" in text


def test_author_line_lists_three_then_et_al():
    article = ResearchArticlePage()
    article.author_names = ["A One", "B Two", "C Three"]
    assert article.author_line() == "A One, B Two, C Three"
    del article.author_names
    article.author_names = ["A One", "B Two", "C Three", "D Four"]
    assert article.author_line() == "A One, B Two, C Three et al."


def test_share_links_carry_the_canonical_url_and_title(client, seed_article):
    response = client.get(SEED_URL)
    html = response.content.decode()
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html).group(1)
    assert canonical.endswith(SEED_URL)
    encoded = canonical.replace(":", "%3A").replace("/", "%2F")
    assert html.count(f'href="https://x.com/intent/post?url={encoded}&amp;text=Imaging%20the') == 2
    assert html.count(f'href="https://www.facebook.com/sharer/sharer.php?u={encoded}"') == 2
    assert html.count(f'href="https://www.linkedin.com/sharing/share-offsite/?url={encoded}"') == 2
    assert html.count(f"body={encoded}") == 2
    assert html.count(f'href="{canonical}" data-copy-link') == 2
    assert "<script src=" in html and "share.js" in html
    assert "facebook.net" not in html and "platform.twitter" not in html


def test_share_block_networks_follow_the_snippet(client, seed_article):
    ShareBlock.objects.update(offer_facebook=False, x_label="Post it", heading="Liked this?")
    _, text = get_text(client, SEED_URL)
    assert "Facebook" not in text
    assert "Post it" in text
    assert "Liked this?" in text


def test_only_one_share_block_can_be_the_default(demo_site):
    with pytest.raises(ValidationError, match="already used on every article"):
        ShareBlock(name="Second", is_default=True).validate_constraints()


def test_metadata_for_crawlers_and_citation_managers(client, seed_article):
    html = client.get(SEED_URL).content.decode()
    for tag in [
        '<meta name="citation_title" content="Imaging the brain and vascular reactions',
        '<meta name="citation_author" content="R Messina">',
        '<meta name="citation_author" content="M Filippi">',
        '<meta name="citation_publication_date" content="2023/05/24">',
        '<meta name="citation_journal_title" content="The Journal of Headache and Pain">',
        '<meta name="citation_doi" content="10.1186/s10194-023-01590-5">',
        '<meta name="citation_pmid" content="37221469">',
        '<meta property="og:type" content="article">',
        '<meta property="og:title" content="Imaging the brain',
        '<meta name="twitter:card" content="summary">',
    ]:
        assert tag in html
    assert html.count('name="citation_author"') == 5


def test_json_ld_is_valid_and_describes_the_study_and_breadcrumb(client, seed_article):
    html = client.get(SEED_URL).content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    graph = {node["@type"]: node for node in json.loads(blocks[0])["@graph"]}
    study = graph["MedicalWebPage"]["citation"]
    assert study["@type"] == "ScholarlyArticle"
    assert study["identifier"]["value"] == "10.1186/s10194-023-01590-5"
    assert [author["name"] for author in study["author"]][:2] == ["R Messina", "R H Christensen"]
    assert study["datePublished"] == "2023-05-24"
    assert {"@id": study["@id"]} in graph["MedicalWebPage"]["about"]
    crumbs = graph["BreadcrumbList"]["itemListElement"]
    assert [crumb["name"] for crumb in crumbs] == [
        "Research Library",
        "Migraines",
        seed_article.title,
    ]


def test_json_ld_cannot_be_broken_out_of(client, demo_site):
    condition = factories.condition_page("Tinnitus")
    article = factories.create_article(condition, title="</script><script>alert(1)</script>")
    html = client.get(article.url).content.decode()
    assert "<script>alert(1)" not in html
    json_ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert json.loads(json_ld.group(1))["@graph"][0]["name"].startswith("</script>")


def test_cite_this_shows_the_formatted_citation(client, seed_article):
    _, text = get_text(client, SEED_URL)
    assert (
        "R Messina, R H Christensen, I Cetta, M Ashina, M Filippi. Imaging the brain and vascular "
        "reactions to headache treatments: a systematic review. The Journal of Headache and Pain. "
        "2023 May 24;24(1):58. doi:10.1186/s10194-023-01590-5. PMID: 37221469."
    ) in text


def parse_ris(text):
    records, record = [], {}
    for line in text.split("\r\n"):
        if not line:
            continue
        match = re.fullmatch(r"([A-Z][A-Z0-9])  - ?(.*)", line)
        assert match, f"not an RIS line: {line!r}"
        tag, value = match.groups()
        if tag == "ER":
            records.append(record)
            record = {}
        else:
            record.setdefault(tag, []).append(value)
    assert record == {}, "record not closed with ER"
    return records


def test_ris_download_parses(client, seed_article):
    response = client.get(SEED_URL + "cite/ris/")
    assert response["Content-Type"].startswith("application/x-research-info-systems")
    assert f'filename="{SEED_SLUG}.ris"' in response["Content-Disposition"]
    (record,) = parse_ris(response.content.decode())
    assert record["TY"] == ["JOUR"]
    assert record["AU"] == ["R Messina", "R H Christensen", "I Cetta", "M Ashina", "M Filippi"]
    assert record["DO"] == ["10.1186/s10194-023-01590-5"]
    assert record["DA"] == ["2023/05/24"]
    assert record["VL"] == ["24"] and record["IS"] == ["1"] and record["SP"] == ["58"]


def parse_bibtex(text):
    match = re.fullmatch(r"@article\{(\w+),\n(.*)\n\}\n", text, re.S)
    assert match, text
    fields = {}
    for line in match.group(2).split(",\n"):
        name, value = re.fullmatch(r"  (\w+) = (\{.*\}|\w+)", line).groups()
        if value.startswith("{"):
            value = value[1:-1]
            depth = 0
            for char in value:
                depth += {"{": 1, "}": -1}.get(char, 0)
                assert depth >= 0, f"unbalanced braces in {name}"
            assert depth == 0
        fields[name] = value
    return match.group(1), fields


def test_bibtex_download_parses(client, seed_article):
    response = client.get(SEED_URL + "cite/bibtex/")
    assert response["Content-Type"].startswith("application/x-bibtex")
    key, fields = parse_bibtex(response.content.decode())
    assert key == "messina2023imaging"
    assert (
        fields["author"] == "R Messina and R H Christensen and I Cetta and M Ashina and M Filippi"
    )
    assert fields["month"] == "may"
    assert fields["doi"] == "10.1186/s10194-023-01590-5"


def test_bibtex_escapes_special_characters(client, demo_site):
    condition = factories.condition_page("Tinnitus")
    article = factories.create_article(
        condition, title="Pain {relief} & 50% fewer_days", authors=["O'Brien A"]
    )
    _, fields = parse_bibtex(client.get(article.url + "cite/bibtex/").content.decode())
    assert fields["title"] == r"Pain \{relief\} \& 50\% fewer\_days"


@pytest.fixture
def tinnitus(demo_site):
    return factories.condition_page("Tinnitus")


def test_related_research_ranks_shared_tags_then_newest(client, tinnitus):
    article = factories.create_article(tinnitus, title="Main study", tags=["fmri", "sleep"])
    both = factories.create_article(tinnitus, title="Shares two tags", tags=["fmri", "sleep"])
    one = factories.create_article(tinnitus, title="Shares one tag", tags=["sleep"])
    factories.create_article(tinnitus, title="Shares none, older")
    newest_untagged = factories.create_article(tinnitus, title="Shares none, newest")
    unpublished = factories.create_article(tinnitus, title="Unpublished", tags=["fmri", "sleep"])
    unpublished.unpublish()
    other_condition = factories.condition_page("Vertigo")
    factories.create_article(other_condition, title="Elsewhere", tags=["fmri", "sleep"])

    related = article.related_articles()
    assert [page.title for page in related] == [
        "Shares two tags",
        "Shares one tag",
        "Shares none, newest",
    ]
    assert article not in related
    _, text = get_text(client, article.url)
    assert_in_order(
        text, ["Related research in Tinnitus", both.title, one.title, newest_untagged.title]
    )


def test_editor_pins_come_first(tinnitus):
    article = factories.create_article(tinnitus, title="Main study", tags=["fmri"])
    factories.create_article(tinnitus, title="Shares a tag", tags=["fmri"])
    pinned = factories.create_article(factories.condition_page("Vertigo"), title="Pinned pick")
    RelatedArticlePin.objects.create(page=article, article=pinned, sort_order=0)
    assert [page.title for page in article.related_articles()][:2] == [
        "Pinned pick",
        "Shares a tag",
    ]


def test_article_page_queries_do_not_grow_with_content(client, tinnitus, django_assert_num_queries):
    small = factories.create_article(tinnitus, title="Small")
    big = factories.create_article(
        tinnitus,
        title="Big",
        authors=[f"Author {number}" for number in range(30)],
        tags=[f"topic {number}" for number in range(20)],
        body=[
            ("finding", {"summary": "Acupuncture helped."}),
            ("key_figures", {"figures": [{"value": "63", "label": "studies"}] * 6}),
            ("explainer", {"heading": "What it means", "body": "<p>It may help.</p>" * 50}),
            ("quote", {"quote": "More research is needed.", "attribution": "Authors"}),
            ("practitioner_notes", {"body": "<p>RCT, n=100.</p>"}),
            ("limitations", {"body": "<p>Small study.</p>"}),
        ],
    )
    for number in range(6):
        factories.create_article(tinnitus, tags=[f"topic {number}"])
    for position, pick in enumerate(ResearchArticlePage.objects.exclude(pk=big.pk)[:3]):
        RelatedArticlePin.objects.create(page=big, article=pick, sort_order=position)
    for article in (small, big):
        client.get(article.url)  # warm the site-root cache, as any running site has
        with django_assert_num_queries(ARTICLE_PAGE_QUERIES):
            response = client.get(article.url)
        assert response.status_code == 200
    assert "Author 29" in response.content.decode()


def test_citation_fields_are_validated(demo_site):
    article = ResearchArticlePage.objects.get(slug=SEED_SLUG)
    next_year = timezone.localdate().year + 1
    cases = [
        ({"doi": "doi.org/10.1186/x"}, "doi", "A DOI starts with"),
        ({"doi": "10.12/too-short-prefix"}, "doi", "A DOI starts with"),
        ({"pubmed_id": "PMID37221469"}, "pubmed_id", "digits only"),
        ({"publication_year": next_year}, "publication_year", "cannot be in the future"),
        ({"publication_month": 2, "publication_day": 30}, "publication_day", "does not exist"),
        ({"publication_month": None, "publication_day": 3}, "publication_month", "Give the month"),
    ]
    for changes, field, message in cases:
        candidate = ResearchArticlePage.objects.get(pk=article.pk)
        for name, value in changes.items():
            setattr(candidate, name, value)
        with pytest.raises(ValidationError) as error:
            candidate.full_clean()
        assert field in error.value.message_dict, changes
        assert message in " ".join(error.value.message_dict[field])
