"""Vietnamese text helpers shared by every section: NFC normalisation and diacritic folding."""

import re
import unicodedata

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
