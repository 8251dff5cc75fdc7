"""Abbreviations and everyday phrasing, expanded at query time so that both stores share one list and an
editor's change applies to the next query, with no re-indexing."""

from django.core.cache import cache

from search import results_cache
from search.models import Synonym
from search.text import tokens

CACHE_KEY = "search:synonyms"
INITIALS_KEY = "search:initials"
MAX_ALTERNATIVES = 12


def groups():
    """[[folded token tuple, ...], ...] for every synonym group, cached until an editor changes one."""
    cached = cache.get(CACHE_KEY)
    if cached is None:
        cached = [[tuple(tokens(member)) for member in s.members if tokens(member)] for s in Synonym.objects.all()]
        cache.set(CACHE_KEY, cached, 3600)
    return cached


def forget():
    cache.delete_many([CACHE_KEY, INITIALS_KEY])
    results_cache.changed()  # answers kept were found with the old phrasing


def initials():
    """{"ks": [("khai", "sinh")], …}: the initials of the phrases of two to four words citizens use (the
    synonym list, life events' names and words), so that "ks" or "kh" typed alone finds them."""
    cached = cache.get(INITIALS_KEY)
    if cached is None:
        from procedures.models import LifeEvent  # search reads procedures, never the reverse

        phrases = [member for group in groups() for member in group]
        for event in LifeEvent.objects.all():
            phrases += [tuple(tokens(text)) for text in [event.name, *event.word_list]]
        cached = {}
        for phrase in dict.fromkeys(phrases):
            if 2 <= len(phrase) <= 4:
                key = "".join(word[0] for word in phrase)
                if phrase not in cached.setdefault(key, []):
                    cached[key].append(phrase)
        cache.set(INITIALS_KEY, cached, 3600)
    return cached


def _find(haystack, needle):
    width = len(needle)
    return next((i for i in range(len(haystack) - width + 1) if tuple(haystack[i : i + width]) == needle), None)


def expand(query_tokens, known=frozenset()):
    """The query and its rewrites: each synonym found in it replaced by each other member of its group,
    and a query of one short unknown word read as initials."""
    alternatives = [tuple(query_tokens)]
    if len(query_tokens) == 1 and query_tokens[0] not in known and query_tokens[0].isalpha():
        alternatives += initials().get(query_tokens[0], [])[: MAX_ALTERNATIVES - 1]
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
