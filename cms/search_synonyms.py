"""The editors' search synonyms (cms.models.SearchSynonym) applied to what a visitor typed.

The groups are cached until an editor changes one (connected in cms.apps), so a search reads
none of them from the database after the first.
"""

from django.core.cache import cache
from wagtail.search.query import Or, PlainText

from cms.caching import remember
from cms.models import SearchSynonym

SYNONYMS_KEY = "search-synonyms"
# A query naming several synonyms could multiply its variants; each one costs the search.
MAX_VARIANTS = 8


def synonym_groups():
    """Each synonym's phrases, as lower-case words."""
    return remember(
        SYNONYMS_KEY, lambda: [synonym.phrase_list() for synonym in SearchSynonym.objects.all()]
    )


def forget_synonyms(**kwargs):
    cache.delete(SYNONYMS_KEY)


def variants(terms):
    """`terms` (cms.searching.search_terms) first, then each way of saying it the synonyms
    give: every phrase of a group found in it, as whole words, replaced by the group's others."""
    found = [terms]
    for phrases in synonym_groups():
        for variant in list(found):
            padded = f" {variant} "
            for phrase in phrases:
                if f" {phrase} " not in padded:
                    continue
                for other in phrases:
                    said = padded.replace(f" {phrase} ", f" {other} ", 1).strip()
                    if said not in found:
                        found.append(said)
                    # Stopping here, not after the loops: a query naming a phrase of each of
                    # many groups would otherwise build variants by the million first.
                    if len(found) == MAX_VARIANTS:
                        return found
    return found


def search_query(terms):
    """What to hand to a search for `terms`: the terms alone when no synonym applies (the
    backend's usual query), else each variant OR-ed, every word of a variant required."""
    found = variants(terms)
    if len(found) == 1:
        return terms
    return Or([PlainText(variant, operator="and") for variant in found])
