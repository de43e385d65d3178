"""A search backend whose results are plain objects, as OpenSearch and Elasticsearch answer.

It keeps Wagtail's documented interface (a backend with a query compiler, an index and a
results class) and checks filters the way those backends do (every filter must be an
index.FilterField), but matches in Python: a page matches when its title holds every word.
There is no queryset behind its results, so code that assumed one fails here as it did with
Wagtail's OpenSearch backend.
"""

from wagtail.search.backends.base import (
    BaseSearchBackend,
    BaseSearchQueryCompiler,
    BaseSearchResults,
)


class PlainQueryCompiler(BaseSearchQueryCompiler):
    def words(self):
        return self.query.query_string.lower().split()


class PlainResults(BaseSearchResults):
    def _matches(self):
        words = self.query_compiler.words()
        return [
            found
            for found in self.query_compiler.queryset
            if all(word in found.title.lower() for word in words)
        ]

    def _do_search(self):
        return self._matches()[self.start : self.stop]

    def _do_count(self):
        return len(self._matches()[self.start : self.stop])


class PlainSearchBackend(BaseSearchBackend):
    query_compiler_class = PlainQueryCompiler
    autocomplete_query_compiler_class = PlainQueryCompiler
    results_class = PlainResults


SearchBackend = PlainSearchBackend
