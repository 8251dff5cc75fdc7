"""Vietnamese text helpers shared by every section: NFC normalisation, diacritic folding and page addresses."""

import re
import unicodedata
from urllib.parse import unquote

from anyascii import anyascii

_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)


def nfc(text):
    return unicodedata.normalize("NFC", text or "")


def fold(text):
    """Lower-case and strip diacritics, including đ/Đ → d ("Đăng ký" → "dang ky")."""
    text = text or ""
    if text.isascii():  # already folded (stored search text), or typed without diacritics
        return text.lower()
    decomposed = unicodedata.normalize("NFD", nfc(text).lower().replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def document_number_key(number):
    """A comparable form of a document number: "91/QĐ-UBND", "91/QD-UBND", "91 qđ ubnd" → "91 qd ubnd"."""
    return " ".join(_NON_WORD.sub(" ", fold(number)).split())


# NUL cannot be stored by PostgreSQL, lone surrogates cannot be encoded as UTF-8, and the other control
# characters (but tab and line breaks) cannot be written to XLSX/XML, so text holding them could not be
# exported again.
_UNSTORABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


def unstorable(text):
    """The first character of `text` the portal cannot store and export ("U+0000"), or "" when there is none."""
    match = _UNSTORABLE.search(text or "")
    return f"U+{ord(match.group()):04X}" if match else ""


SLUG_MAX_LENGTH = 80
# The address rule as regular expressions, applied in order. The admin's slug field runs the very same
# expressions in the browser (portal.slugs.SlugInput passes them to Wagtail's slug controller), so an
# address typed or synced from the title in the editor equals the one the server makes.
_VOWELS = {
    "a": "àáạảãâầấậẩẫăằắặẳẵ",
    "e": "èéẹẻẽêềếệểễ",
    "i": "ìíịỉĩ",
    "o": "òóọỏõôồốộổỗơờớợởỡ",
    "u": "ùúụủũưừứựửữ",
    "y": "ỳýỵỷỹ",
    "d": "đ",
}
SLUG_STEPS = [
    *((re.compile(f"[{letters}]", re.IGNORECASE), base) for base, letters in _VOWELS.items()),
    (re.compile("[\u0300-\u036f]"), ""),  # combining marks of text typed decomposed (NFD)
    (re.compile(r"(?<=\d)[.,](?=\d)"), ""),  # 1.001193 → 1001193, as the national codes are written in URLs
    (re.compile(r"[^a-z0-9]+", re.IGNORECASE), "-"),
    (re.compile(r"^-+|-+$"), ""),
    (re.compile(rf"^(?=.{{{SLUG_MAX_LENGTH + 1}}})(.{{1,{SLUG_MAX_LENGTH}}})-.*$", re.DOTALL), "$1"),  # whole words
    (re.compile(rf"^(.{{{SLUG_MAX_LENGTH}}}).+$", re.DOTALL), "$1"),  # one word longer than the limit
]


def slugify(text):
    """The one rule for page addresses, however a page is made: Vietnamese folded ("Quyết định 91/QĐ-UBND"
    → "quyet-dinh-91-qd-ubnd"), lower case, words joined by hyphens, at most SLUG_MAX_LENGTH characters
    and cut only between words."""
    text = anyascii(nfc(text)).lower()  # folds Vietnamese as the steps do, and spells letters of other scripts
    for pattern, replacement in SLUG_STEPS:
        text = pattern.sub(replacement.replace("$1", r"\1"), text)
    return text


def _old_forms(word):
    """What older rules made of a word: Django's slugify drops "đ"; an ASCII filter drops every accented letter."""
    dropped_d = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
    return {dropped_d, word.encode("ascii", "ignore").decode()}


def repaired_slug(slug, title, parent_slug=""):
    """The address a page made under an older rule should have now (the same slug when it is fine).

    Repaired: Unicode or percent-encoded slugs; words that lost "đ" or their accented letters
    ("91-q-ubnd" for "91/QĐ-UBND" → "91-qd-ubnd"); words cut short ("…-nuoc-ng" → "…-nuoc"); and
    addresses made of the parent's address and a number ("thong-tin-cai-cach-h-9"), which become the
    title's address.
    """
    text = unquote(slug)
    if not text.isascii():
        return slugify(text)
    tokens = [token for token in text.lower().split("-") if token]
    parent = [token for token in parent_slug.split("-") if token]
    words = re.findall(r"\w+", nfc(title).lower())
    good = [slugify(word) for word in words]
    suffix = tokens.pop() if len(tokens) > 1 and tokens[-1].isdigit() and tokens[-1] not in good else None
    from_parent = suffix and tokens and len(tokens) <= len(parent) and tokens[:-1] == parent[: len(tokens) - 1]
    if from_parent and parent[len(tokens) - 1].startswith(tokens[-1]):
        return slugify(title)  # "<parent's address>-<n>": nothing of the page's own name in it
    # Read the slug against the title's words in order: each token is a word, a word that lost letters
    # under an older rule, a word cut short at the end, or the editor's own (kept).
    repaired, position = [], -1
    for index, token in enumerate(tokens):
        later = range(position + 1, len(words))
        found = next((k for k in later if good[k] == token), None)
        if found is None:
            found = next((k for k in later if token in _old_forms(words[k])), None)
        if found is not None:
            repaired.append(good[found])
            position = found
        elif index < len(tokens) - 1 or not any(w.startswith(token) for w in [*good[position + 1 :], *parent]):
            repaired.append(token)
    return "-".join(repaired + ([suffix] if suffix else [])) or slugify(title)
