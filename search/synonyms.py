"""Abbreviations and everyday phrasing, expanded at query time so that both stores share one list and an
editor's change applies to the next query, with no re-indexing."""

from django.core.cache import cache

from search.models import Synonym
from search.text import tokens

CACHE_KEY = "search:synonyms"
MAX_ALTERNATIVES = 12


def groups():
    """[[folded token tuple, ...], ...] for every synonym group, cached until an editor changes one."""
    cached = cache.get(CACHE_KEY)
    if cached is None:
        cached = [[tuple(tokens(member)) for member in s.members if tokens(member)] for s in Synonym.objects.all()]
        cache.set(CACHE_KEY, cached, 3600)
    return cached


def forget():
    cache.delete(CACHE_KEY)


def _find(haystack, needle):
    width = len(needle)
    return next((i for i in range(len(haystack) - width + 1) if tuple(haystack[i : i + width]) == needle), None)


def expand(query_tokens):
    """The query and its rewrites: each synonym found in it replaced by each other member of its group."""
    alternatives = [tuple(query_tokens)]
    for group in groups():
        for current in list(alternatives):
            for member in group:
                position = _find(current, member)
                if position is None:
                    continue
                for other in group:
                    if other != member:
                        rewritten = current[:position] + other + current[position + len(member) :]
                        if rewritten not in alternatives:
                            alternatives.append(rewritten)
                break
            if len(alternatives) >= MAX_ALTERNATIVES:
                return alternatives[:MAX_ALTERNATIVES]
    return alternatives
