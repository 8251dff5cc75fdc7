"""A citizen's query, understood once for every store: normalised, corrected, expanded and scored."""

import math
import re
from dataclasses import dataclass, field
from functools import cached_property

from portal.text import document_number_key, nfc
from search import synonyms, vocabulary
from search.text import OPTIONAL, essential, tokens, without_question, words

MAX_TOKENS = 24
# A national procedure code ("1.001193") or a document number ("91/QĐ-UBND", "15/2025/TT-BTP") anywhere
# in a query: it names one page, so the stores look it up as a whole, not as the words it splits into.
PROCEDURE_CODE = re.compile(r"(?<![\w.])\d\.\d{6}(?![\w.])")
DOCUMENT_NUMBER = re.compile(r"(?<![\w/])\d+(?:\s*/\s*\d{4})?\s*/\s*[^\W\d_]+(?:\s*-\s*[^\W\d_]+)*", re.UNICODE)
WEAK_SHARE = 0.2  # a word in more than this share of all documents says little about what is wanted
WEAK_WEIGHT = 0.3  # what such a word weighs in scoring beside a telling one
RARE_BONUS = 0.6  # what the rarest word of a query weighs beyond a telling one


@dataclass
class Query:
    text: str
    tokens: tuple
    exact: frozenset  # words typed with diacritics
    alternatives: list = field(default_factory=list)  # token tuples: the query, corrected, rewritten
    correction: str = ""  # "did you mean" text when a word was corrected
    codes: tuple = ()  # procedure codes and document number keys typed anywhere in the query
    weak: frozenset = frozenset()  # words found in so many documents that they say little
    shares: dict = field(default_factory=dict)  # word → share of all documents holding it; "" → one's
    unknown: frozenset = frozenset()  # words nothing in the index resembles
    literal: list = field(default_factory=list)  # the words as typed, and as corrected (no synonyms)

    @cached_property
    def scoring(self):
        """What `score` asks of each alternative, worked out once per query rather than per candidate:
        (position, tokens, {essential word: weight}, function words among them)."""
        return [
            (position, alt, self._weights(alt), frozenset(t for t in alt if t in OPTIONAL))
            for position, alt in enumerate(self.alternatives)
            if alt
        ]

    @property
    def terms(self):
        """Every folded word any alternative may match."""
        return frozenset(t for alt in self.alternatives for t in alt)

    def _weights(self, alternative):
        """Each essential word weighed by how much it says: common words count a little, rare ones more
        (in a long question, "karaoke" says more than "quán" or "nhỏ")."""
        strong = set(self.strong(alternative))
        return {t: self._rarity(t) if t in strong else WEAK_WEIGHT for t in essential(alternative)}

    def _rarity(self, word):
        """1 for a word in `WEAK_SHARE` of the documents, up to 1 + `RARE_BONUS` for one in a single one."""
        share, rarest = self.shares.get(word, 0), self.shares.get("", 0)
        if not share or share >= WEAK_SHARE or rarest >= WEAK_SHARE:
            return 1.0
        return 1.0 + RARE_BONUS * math.log(WEAK_SHARE / share) / math.log(WEAK_SHARE / min(rarest, share))

    def searchable(self, alternative, common=False):
        """The telling words (with `common`, every essential word) a store can match: not those nothing
        in the index resembles."""
        words = essential(alternative) if common else self.strong(alternative)
        return [t for t in words if t not in self.unknown] or words

    def strong(self, alternative):
        """The essential words of an alternative that tell documents apart (all of them when none do)."""
        needed = essential(alternative)
        return [t for t in needed if t not in self.weak] or needed

    def __bool__(self):
        return bool(self.tokens)


def codes(text):
    """Procedure codes as written, document numbers as `document_number_key` compares them."""
    found = PROCEDURE_CODE.findall(text)
    found += [document_number_key(m.group()) for m in DOCUMENT_NUMBER.finditer(PROCEDURE_CODE.sub(" ", text))]
    return tuple(dict.fromkeys(found))


def parse(text):
    text = nfc(text)
    folded = tokens(text)[:MAX_TOKENS]
    exact = frozenset(w for w in words(text) if not w.isascii())
    asked = without_question(folded)
    corrected, changed, unknown = [], False, set()
    named = {t for group in synonyms.groups() for member in group for t in member}
    for token in asked:
        options = vocabulary.corrections(token)
        if options and options[0] != token:
            changed = True
        if not options and token not in named:
            unknown.add(token)
        corrected.append(options[0] if options else token)
    alternatives = synonyms.expand(asked, vocabulary.terms())
    if changed:
        for alternative in synonyms.expand(corrected):
            if alternative not in alternatives:
                alternatives.append(alternative)
    query = Query(text=text, tokens=tuple(folded), exact=exact, alternatives=alternatives, unknown=frozenset(unknown))
    query.literal = [tuple(asked), *([tuple(corrected)] if changed else [])]
    if changed:
        fixed = dict(zip(asked, corrected, strict=True))
        query.correction = " ".join(fixed.get(t, t) for t in folded)
    query.codes = codes(text)
    query.shares = vocabulary.shares(query.terms)
    query.weak = frozenset(w for w, share in query.shares.items() if w and share > WEAK_SHARE)
    return query


def _positions(haystack):
    positions = {}
    for index, token in enumerate(haystack):
        positions.setdefault(token, []).append(index)
    return positions


def _longest_run(needle, haystack, positions):
    """Length of the longest run of consecutive `needle` tokens found consecutively in `haystack`."""
    distinct = set(needle)
    present = positions.keys() & distinct
    if len(present) < 2 and len(distinct) == len(needle):
        return len(present)
    best, needle_length, haystack_length = 0, len(needle), len(haystack)
    for start, token in enumerate(needle):
        if needle_length - start <= best:
            break
        for position in positions.get(token, ()):
            length, most = 1, min(needle_length - start, haystack_length - position)
            while length < most and haystack[position + length] == needle[start + length]:
                length += 1
            best = max(best, length)
    return best


def coverage(query, candidate):
    """The largest share of an alternative's telling words (`Query.strong`) the candidate holds, a word
    found only in its text counting half: common words scattered through a long text are no match."""
    named = set(tokens(candidate["title_folded"])) | set(tokens(candidate["keywords_folded"]))
    best = 0.0
    for alternative in query.alternatives:
        strong = set(query.strong(alternative))
        if strong:
            held = len(strong & named) + 0.5 * len((strong - named) & candidate["body_words"])
            best = max(best, held / len(strong))
    return best


def score(query, candidate):
    """Relevance of one candidate (a dict of title, title_folded, keywords_folded, body_words, code).

    Coverage of the query's essential words weighed by how much they say, in the title above all;
    adjacent words found as a phrase (in the keywords too: life events hold citizens' own phrases);
    words typed with diacritics found with them; shorter titles first among equals.
    """
    title = tokens(candidate["title_folded"])
    keywords = tokens(candidate["keywords_folded"])
    title_set, keyword_set = set(title), set(keywords)
    title_positions, keyword_positions = _positions(title), _positions(keywords)
    everywhere = title_set | keyword_set | candidate["body_words"]
    best = 0.0
    for position, alternative, needed, optional in query.scoring:
        weight = sum(needed.values())
        covered = sum(w for t, w in needed.items() if t in everywhere) / weight
        in_title = sum(w for t, w in needed.items() if t in title_set) / weight
        in_keywords = sum(w for t, w in needed.items() if t in keyword_set) / weight
        optional_hits = len(optional & everywhere) * 0.05
        if len(alternative) > 1:
            phrase = _longest_run(alternative, title, title_positions) / len(alternative)
            keyword_phrase = _longest_run(alternative, keywords, keyword_positions) / len(alternative)
        else:
            phrase, keyword_phrase = in_title, in_keywords
        value = 4 * covered + 3 * in_title + 1.5 * in_keywords + 3 * phrase + 2.5 * keyword_phrase + optional_hits
        if position:  # a rewrite or a correction ranks just below the words as typed
            value *= 0.97
        best = max(best, value)
    if query.exact:
        exact_words = set(words(candidate["title"]))
        best += 0.8 * len(query.exact & exact_words) / len(query.exact)
    if candidate.get("code") in query.codes:
        best += 100
    return best - 0.02 * len(title)
