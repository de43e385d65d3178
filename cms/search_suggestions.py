"""Help for a search as patients type it: the editors' picks (cms.search_picks), “Did you
mean …?” and the page a query names.

Both draw on words the sections of the site give through Wagtail hooks, so that this module
needs none of them (cms imports no app above it):

- `search_vocabulary`: a function returning the words (lower case) pages use, e.g. the
  library's titles, condition names and topics. A misspelt word is replaced by the closest of
  them (difflib, in the standard library), so a suggestion always finds something.
- `search_named_pages`: a function returning (title, url) of pages a query may name outright,
  such as the library's conditions; a query holding every word of one is offered that page.

Each hook's function caches what it returns, so a repeated search reads nothing again.
"""

import difflib

from wagtail import hooks

from cms.search_picks import picks_for, record_hit
from cms.search_synonyms import synonym_groups, variants
from cms.searching import search_terms

# Fewer results than this and a search offers a spelling it may have meant.
FEW_RESULTS = 3
# How alike (difflib's ratio) a word of the vocabulary must be to replace one typed.
CLOSENESS = 0.8
# Shorter words are too often right as typed ("tcm", "ear") to correct.
SHORTEST_CORRECTED = 4
# A query with more unknown words than this is not a typo, and each correction compares the
# word with the whole vocabulary (about 12 ms at 15,000 words): such queries get no suggestion.
MOST_CORRECTED = 3


def _from_hooks(name):
    found = []
    for load in hooks.get_hooks(name):
        found.extend(load())
    return found


def did_you_mean(terms):
    """`terms` with each word the site never uses replaced by the closest one it does, or None
    when no word needs it (or none is close)."""
    vocabulary = set(_from_hooks("search_vocabulary"))
    for phrases in synonym_groups():
        for phrase in phrases:
            vocabulary.update(phrase.split())
    words = terms.split()
    unknown = {
        word
        for word in words
        if word not in vocabulary and len(word) >= SHORTEST_CORRECTED and not word.isdigit()
    }
    if not unknown or len(unknown) > MOST_CORRECTED:
        return None
    known = sorted(vocabulary)
    corrected = []
    for word in words:
        if word in unknown:
            closest = difflib.get_close_matches(word, known, n=1, cutoff=CLOSENESS)
            word = closest[0] if closest else word
        corrected.append(word)
    suggestion = " ".join(corrected)
    return suggestion if suggestion != terms else None


def _folded(words):
    """Words without a plural's final s, so “migraine” names “Migraines”."""
    return {word[:-1] if word.endswith("s") and len(word) > 3 else word for word in words}


def named_page(terms):
    """(title, url) of the first page whose title's every word the query (or one of its
    synonyms' variants) holds; None when it names none."""
    said = [_folded(variant.split()) for variant in variants(terms)]
    for title, url in _from_hooks("search_named_pages"):
        words = _folded(search_terms(title).split())
        if words and any(words <= variant for variant in said):
            return title, url
    return None


def search_help(request, terms, found, may_write=False):
    """What a results page offers beside the `found` results for `terms`: the editors' `picks`,
    the `named_page` (title, url) and, with few results, a `suggestion` to search for instead.

    The first page of a search also counts as a hit for Wagtail's “Search terms” report; only a
    private page (`may_write`) may write the counts to the database (cms.search_picks).
    """
    if request.GET.get("page", "1") == "1":
        record_hit(terms, may_write=may_write)
    suggestion = did_you_mean(terms) if found < FEW_RESULTS else None
    return {"picks": picks_for(terms), "named_page": named_page(terms), "suggestion": suggestion}
