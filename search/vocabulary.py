"""Typo tolerance from the index's own vocabulary: a word the index lacks is replaced by indexed words
one edit away, so "khai sihn" finds "khai sinh" on every store."""

import string

from django.core.cache import cache

from search.models import SearchTerm

VERSION_KEY = "search:vocabulary:version"
LETTERS = string.ascii_lowercase + string.digits
_loaded = {"version": None, "terms": frozenset()}


def changed():
    """Called after indexing adds words; every process reloads its copy on its next query."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, None)


def terms():
    version = cache.get(VERSION_KEY, 0)
    if _loaded["version"] != version:
        _loaded["terms"] = frozenset(SearchTerm.objects.values_list("term", flat=True))
        _loaded["version"] = version
    return _loaded["terms"]


def _edits(word):
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    transposes = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in LETTERS]
    inserts = [a + c + b for a, b in splits for c in LETTERS]
    return set(deletes + transposes + replaces + inserts)


def corrections(word, limit=3):
    """Indexed words close to `word` (itself if indexed); [] when nothing is close."""
    vocabulary = terms()
    if word in vocabulary or word.isdigit() or len(word) < 3:
        return [word]
    near = sorted(_edits(word) & vocabulary)
    transposed = [w for w in near if sorted(w) == sorted(word)]
    return (transposed + [w for w in near if w not in transposed])[:limit]
