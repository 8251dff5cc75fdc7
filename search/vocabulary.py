"""Typo tolerance from the index's own vocabulary: a word the index lacks is replaced by indexed words
one edit away (two in a longer word), or by what it says typed with Telex or VNI left on ("kys",
"ke61t"), so "khai sihn" finds "khai sinh" on every store. And how much a word says: the share of
documents holding it, read from the database store (which holds every document, as Elasticsearch
does) and kept for an hour."""

import string
import time
import uuid

from django.core.cache import cache

from search.models import SearchTerm

VERSION_KEY = "search:vocabulary:version"
LETTERS = string.ascii_lowercase + string.digits
FREQUENCY_SECONDS = 3600
EDITS_FROM = 4  # shorter words are mostly other words one edit away ("bài" → "bản"), not typos
TWO_EDITS_FROM = 7  # letters a word needs before two edits may correct it
TELEX = [("dd", "d"), ("aa", "a"), ("ee", "e"), ("oo", "o"), ("w", "")]
TONE_KEYS = "sfrxj"
_loaded = {"version": None, "terms": frozenset()}


def changed():
    """Called after indexing adds words; every process reloads its copy on its next query."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def terms():
    # A version is a random token, not a counter: a cache emptied (Redis restarted) and counted up again
    # would meet a process's old copy at the same number and keep it.
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(VERSION_KEY) or f"cache down:{int(time.time() // 60)}"  # reread once a minute
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


def _typed_with_keys(word):
    """What a word typed with Telex or VNI left on meant, folded: "keets" → "ket", "ho65" → "ho"."""
    if any(c.isdigit() for c in word) and not word.isdigit():
        yield "".join(c for c in word if not c.isdigit())
    plain = word
    for keys, letter in TELEX:
        plain = plain.replace(keys, letter)
    yield plain
    vowels = [i for i, c in enumerate(plain) if c in "aeiouy"]
    for position, char in enumerate(plain):
        if char in TONE_KEYS and vowels and position > vowels[0]:
            yield plain[:position] + plain[position + 1 :]


def corrections(word, limit=3):
    """Indexed words close to `word` (itself if indexed); [] when nothing is close."""
    vocabulary = terms()
    if word in vocabulary or word.isdigit() or len(word) < 3:
        return [word]
    keyed = [w for w in dict.fromkeys(_typed_with_keys(word)) if w in vocabulary and w != word]
    if keyed:
        return keyed[:limit]
    edits = _edits(word)
    if len(word) < EDITS_FROM:  # a letter left out or two swapped ("snh", "hno"), not another short word
        edits = {w for w in edits if len(w) > len(word) or sorted(w) == sorted(word)}
    near = sorted(edits & vocabulary)
    if not near and len(word) >= TWO_EDITS_FROM:
        near = sorted({far for close in edits for far in _edits(close)} & vocabulary)
    transposed = [w for w in near if sorted(w) == sorted(word)]
    return (transposed + [w for w in near if w not in transposed])[:limit]


def shares(words):
    """{word: the share of all documents holding it, "": the share one document is}."""
    from search import backends  # the stores use this module's vocabulary

    words = sorted(w for w in words if not w.isdigit())
    keys = {w: f"search:frequency:{w}" for w in words}
    known = cache.get_many([*keys.values(), "search:frequency:"])
    missing = [w for w in words if keys[w] not in known]
    if missing or "search:frequency:" not in known:
        counts = backends.database().frequencies(missing)
        fresh = {keys[w]: counts.get(w, 0) for w in missing}
        fresh["search:frequency:"] = counts[""]
        cache.set_many(fresh, FREQUENCY_SECONDS)
        known.update(fresh)
    total = known["search:frequency:"] or 1
    return {"": 1 / total, **{w: known[keys[w]] / total for w in words}}
