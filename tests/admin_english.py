"""Find English that Wagtail or Django translate in the text of an admin page.

The English comes from the installed packages' own catalogues, read at test time (portal.i18n), so the
check follows every upgrade: a new Wagtail string that nobody translated shows up as English here.
Visible text is every text node outside <script> and <style>, the attributes people see or hear (title,
aria-label, placeholder, alt, tooltips, button values) and the strings of the JSON data blocks that the
admin's scripts turn into the sidebar, menus and StreamField blocks.
"""

import functools
import json
import re
from html.parser import HTMLParser

from portal import i18n

PLACEHOLDER = re.compile(r"%\(\w+\)[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGcou]|%[-#0+]*\d*(?:\.\d+)?[sdif]|\{\w*\}|%%")
TAG = re.compile(r"<[^>]+>")
WORD = re.compile(r"[A-Za-z]{2,}")
# Names and abbreviations the Vietnamese admin keeps as they are.
KEPT = {
    "wagtail", "django", "url", "urls", "id", "api", "csv", "xlsx", "json", "html", "pdf", "ip", "ipv", "uuid", "email",
    "embedly", "utc", "javascript", "ascii", "snake", "case", "true", "false", "none", "kb", "mb", "gb", "tb", "pb",
    "sso", "ldap", "https", "http", "referer", "csrf", "debug", "yyyy", "mm", "dd", "hh", "ss", "uuuuuu", "tz",
    "get", "absolute", "allow", "future", "empty", "managementform", "python", "googol", "xml", "rss", "seo",
}  # fmt: skip
# Data for scripts that is never shown: names, keys, paths and addresses ("account", "/admin/pages/").
IDENTIFIER = re.compile(r"^(?:[a-z0-9_.:#-]*|[/.#?].*|\w+://.*)$")
SEEN_ATTRIBUTES = {"title", "aria-label", "aria-description", "aria-roledescription", "aria-valuetext", "placeholder", "alt"}


def _normal(text):
    return " ".join(text.split())


def _english_words(literal):
    return [word for word in WORD.findall(literal) if word.lower() not in KEPT]


class Pattern:
    """One English text: a message id, or one text run of an id that holds HTML."""

    def __init__(self, text, source):
        self.source = source
        parts = PLACEHOLDER.split(text)
        literal = " ".join(parts)
        words = _english_words(literal)
        self.anchor = max(words, key=len).lower() if words else None
        # A number placeholder stands for digits ("%(count)d pages"), any other for any text.
        fills = [
            "%" if found == "%%" else r"[\d.,\s]+?" if found.endswith("d") else r".+?" for found in PLACEHOLDER.findall(text)
        ]
        body = re.escape(parts[0]) + "".join(fill + re.escape(part) for fill, part in zip(fills, parts[1:], strict=True))
        body = re.sub(r"(\\ )+", r"\\s+", body)
        # A one-word id must be the whole text ("Images"); a longer one may sit inside it.
        self.whole = len(words) < 2
        self.regex = re.compile(body if self.whole else rf"(?<![A-Za-z]){body}(?![A-Za-z])")

    def found_in(self, text):
        return bool(self.regex.fullmatch(text) if self.whole else self.regex.search(text))


@functools.cache
def english_patterns():
    """Patterns of every English id the admin's catalogues hold, indexed by their longest English word."""
    vietnamese = {entry.key: entry for domain in i18n.DOMAINS for entry in i18n.project_entries(domain)}
    index = {}
    for domain in i18n.DOMAINS:
        for catalogue in i18n.catalogues(domain):
            for entry in catalogue.entries():
                ours = vietnamese.get(entry.key)
                if ours is not None and ours.msgstr[0] in (entry.msgid, entry.msgid_plural):
                    continue  # the same in both languages ("Email", "URL")
                for english in filter(None, (entry.msgid, entry.msgid_plural)):
                    for run in TAG.split(english):
                        run = _normal(run)
                        pattern = Pattern(run, f"{catalogue.label}: {english!r}")
                        if pattern.anchor:
                            index.setdefault(pattern.anchor, {})[run] = pattern
    return {anchor: list(patterns.values()) for anchor, patterns in index.items()}


def find_english(texts):
    """The English message ids found in the texts, as {text: [source, ...]}."""
    index = english_patterns()
    found = {}
    for text in texts:
        for word in {word.lower() for word in WORD.findall(text)}:
            for pattern in index.get(word, ()):
                if pattern.found_in(text):
                    found.setdefault(text, []).append(pattern.source)
    return found


class _VisibleText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts, self._hidden, self._json = [], 0, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "style"):
            json_block = tag == "script" and (attrs.get("type") or "").endswith("json")
            self._json = [] if json_block else None
            self._hidden += 1
        for name, value in attrs.items():
            if not value:
                continue
            if name in SEEN_ATTRIBUTES or (name == "value" and attrs.get("type") in ("submit", "button", "reset")):
                self.texts.append(value)
            elif name.startswith("data-") and name.endswith("-value"):
                self.texts.extend(_strings_of(value))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in ("script", "style"):
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._hidden:
            self._hidden -= 1
            if self._json is not None:
                self.texts.extend(_strings_of("".join(self._json)))
                self._json = None

    def handle_data(self, data):
        if self._json is not None:
            self._json.append(data)
        elif not self._hidden:
            self.texts.append(data)


def _strings_of(value):
    """The texts inside a JSON value (HTML strings are parsed in turn), or the value itself."""
    value = value.strip()
    if value[:1] in '[{"':
        try:
            data = json.loads(value)
        except ValueError:
            return [value]
        strings = []
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, str) and not IDENTIFIER.match(item):
                strings.extend(visible_texts(item) if "<" in item else [item])
        return strings
    return [] if IDENTIFIER.match(value) else [value]


def visible_texts(html):
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    return [text for text in (_normal(text) for text in parser.texts) if text]
