"""Vietnamese text for search: folded tokens, the words a query can do without, and highlighting."""

import re
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import mark_safe

from portal.text import fold, nfc

WORD = re.compile(r"\w+", re.UNICODE)

# Function words of everyday phrasing ("làm giấy khai sinh cho con"), folded. A query needs none of
# them to match, but they still count when present.
OPTIONAL = frozenset(
    [
        "cho",
        "cua",
        "va",
        "cac",
        "nhung",
        "duoc",
        "toi",
        "em",
        "minh",
        "muon",
        "o",
        "tai",
        "thi",
        "la",
        "voi",
        "de",
        "nhu",
        "nao",
        "gi",
        "ve",
        "mot",
        "con",
        "phai",
        "sao",
        "a",
        "nhe",
        "dau",
        "bao",
        "nhieu",
        "nao",
        "lam",
        "sao",
        "huong",
        "dan",
        "thu",
        "tuc",
        "xin",
        "hoi",
        "can",
    ]
)


# How a question is asked, not what it is about ("cho tôi hỏi … thì cần những gì, làm ở đâu, như thế
# nào"), folded: left out of what a long question must match. Phrases, because their words alone can
# mean something ("thế" of "thế chấp", "mất" of "bị mất").
QUESTION_PHRASES = sorted(
    {
        tuple(phrase.split())
        for phrase in [
            "cho toi hoi",
            "cho em hoi",
            "cho minh hoi",
            "cho chau hoi",
            "cho hoi",
            "xin hoi",
            "toi muon",
            "em muon",
            "minh muon",
            "nhu the nao",
            "the nao",
            "ra sao",
            "lam sao",
            "lam the nao",
            "o dau",
            "mat bao lau",
            "bao lau",
            "bao nhieu tien",
            "nhung gi",
            "giay to gi",
            "thu tuc gi",
            "ho so gi",
            "can gi",
            "co duoc khong",
            "duoc khong",
            "co can",
            "co phai",
            "can mang theo",
            "mang theo",
            "can chuan bi",
            "chuan bi",
            "thi phai",
            "thi can",
            "phai lam",
            "lam gi",
        ]
    },
    key=len,
    reverse=True,
)
TRAILING = frozenset(["khong", "a", "nhe", "vay", "chua", "roi", "ko", "k"])  # "…, được không ạ"


def without_question(query_tokens):
    """The words of a question that say what it is about: its phrasing (`QUESTION_PHRASES`) and the
    particles that end it left out; the words unchanged when that would leave nothing."""
    kept, position, count = [], 0, len(query_tokens)
    while position < count:
        phrase = next((p for p in QUESTION_PHRASES if tuple(query_tokens[position : position + len(p)]) == p), None)
        if phrase:
            position += len(phrase)
            continue
        kept.append(query_tokens[position])
        position += 1
    while len(kept) > 1 and kept[-1] in TRAILING:
        kept.pop()
    return kept or list(query_tokens)


def words(text):
    """NFC, lower-cased words with their diacritics."""
    return WORD.findall(nfc(text).lower())


def tokens(text):
    """Folded words: "Đăng ký khai sinh" → ["dang", "ky", "khai", "sinh"]."""
    return WORD.findall(fold(text))


def essential(query_tokens):
    """The tokens a match must cover; all of them when the query is only function words."""
    kept = [t for t in query_tokens if t not in OPTIONAL]
    return kept or list(query_tokens)


@lru_cache(maxsize=50_000)
def _folded_word(word):
    return fold(word)


def highlight(text, terms, limit=None):
    """Escape `text` and mark the words whose folded form is in `terms`; with `limit`, the best window."""
    text = nfc(text)
    if limit:
        text = text[: limit * 12]  # a snippet comes from the opening of the text
    matches = [m for m in WORD.finditer(text) if _folded_word(m.group()) in terms]
    start, end = 0, len(text)
    if limit and len(text) > limit:
        if matches:
            start = max(0, matches[0].start() - limit // 4)
            start = text.rfind(" ", 0, start) + 1 if start else 0
        end = min(len(text), start + limit)
        if end < len(text) and text.rfind(" ", start, end) > start:
            end = text.rfind(" ", start, end)
    pieces, position = [], start
    for match in matches:
        if match.start() < start or match.end() > end:
            continue
        pieces.append(escape(text[position : match.start()]))
        pieces.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    pieces.append(escape(text[position:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(pieces) + suffix)
