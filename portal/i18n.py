"""The admin's Vietnamese catalogue (portal/locale/vi), kept against the installed packages' English ids.

Wagtail and Django ship partial Vietnamese, so the project keeps its own catalogue holding every message
id of every catalogue the admin loads (the `django` domain of Django and each installed app, and the
`djangojs` domain of Wagtail's JavaScript catalogue). LOCALE_PATHS is merged last, so ours wins, and
one glossary (docs/admin-glossary.md) applies to every string. The PO reader/writer and the MO compiler
are plain Python so that setting up needs no GNU gettext.
"""

import ast
import functools
import re
import struct
from dataclasses import dataclass, field
from importlib.util import find_spec
from pathlib import Path

from django.apps import apps

LANGUAGE = "vi"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
_OWN_LOCALE = LOCALE_DIR  # this app's own folder is the catalogue itself, never one of its sources
DOMAINS = ("django", "djangojs")
# Packages whose `djangojs` catalogue the admin loads: Wagtail's (wagtail.admin.views.i18n.js_catalog) and
# wagtail-localize's translation editor (its own jsi18n view).
JS_PACKAGES = ("wagtail.admin", "wagtail_localize")
HEADER = {
    "Project-Id-Version": "cong-cchc admin",
    "Language-Team": "Vietnamese",
    "Language": LANGUAGE,
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
    "Plural-Forms": "nplurals=1; plural=0;",
}


@dataclass
class Entry:
    msgid: str
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: list[str] = field(default_factory=lambda: [""])
    flags: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # "#." comments: translators' notes, our sources

    @property
    def key(self):
        return (self.msgctxt, self.msgid)

    @property
    def fuzzy(self):
        return "fuzzy" in self.flags

    @property
    def translated(self):
        return not self.fuzzy and bool(self.msgstr) and all(self.msgstr)


@dataclass
class Catalogue:
    """One catalogue the admin loads: its English source and its label (an app, or `django` itself)."""

    label: str
    domain: str
    source: Path

    def entries(self):
        return [entry for entry in read_po(self.source) if entry.msgid]


def _unquote(text):
    return ast.literal_eval(text) if text.startswith('"') else ""


def read_po(path):
    """Entries of a PO file, the header (msgid "") first; obsolete (#~) entries are skipped."""
    entries, entry, last = [], None, None

    def finish():
        if entry is not None:
            entries.append(entry)

    pending_flags, pending_notes = [], []
    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#~"):
            continue
        if line.startswith("#,"):
            pending_flags += [flag.strip() for flag in line[2:].split(",") if flag.strip()]
            continue
        if line.startswith("#."):
            pending_notes.append(line[2:].strip())
            continue
        if line.startswith("#"):
            continue
        keyword, _, rest = line.partition(" ")
        if line.startswith('"'):
            keyword, rest = None, line
        if keyword == "msgctxt" or (keyword == "msgid" and last != "msgctxt"):
            finish()
            entry = Entry(msgid="", msgstr=[], flags=pending_flags, notes=pending_notes)
            pending_flags, pending_notes = [], []
        if keyword is None:
            value = _unquote(rest)
            if last == "msgctxt":
                entry.msgctxt += value
            elif last == "msgid":
                entry.msgid += value
            elif last == "msgid_plural":
                entry.msgid_plural += value
            else:
                entry.msgstr[-1] += value
            continue
        if keyword == "msgctxt":
            entry.msgctxt = _unquote(rest)
        elif keyword == "msgid":
            entry.msgid = _unquote(rest)
        elif keyword == "msgid_plural":
            entry.msgid_plural = _unquote(rest)
        elif keyword.startswith("msgstr"):
            entry.msgstr.append(_unquote(rest))
            keyword = "msgstr"
        last = keyword
    finish()
    return entries


def _quote(text):
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\r", "\\r")
    lines = escaped.split("\n")
    parts = [line + "\\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    if len(parts) <= 1:
        return f'"{parts[0] if parts else ""}"'
    return '""\n' + "\n".join(f'"{part}"' for part in parts)


def format_po(entries, header=HEADER):
    lines = ["# Tiếng Việt cho trang quản trị (Wagtail, Django). Thuật ngữ: docs/admin-glossary.md.", "#"]
    lines += ['msgid ""', 'msgstr ""'] + [f'"{name}: {value}\\n"' for name, value in header.items()]
    for entry in entries:
        lines.append("")
        lines += [f"#. {note}" for note in entry.notes]
        if entry.flags:
            lines.append("#, " + ", ".join(entry.flags))
        if entry.msgctxt is not None:
            lines.append(f"msgctxt {_quote(entry.msgctxt)}")
        lines.append(f"msgid {_quote(entry.msgid)}")
        if entry.msgid_plural is not None:
            lines.append(f"msgid_plural {_quote(entry.msgid_plural)}")
            lines += [f"msgstr[{index}] {_quote(text)}" for index, text in enumerate(entry.msgstr or [""])]
        else:
            lines.append(f"msgstr {_quote(entry.msgstr[0] if entry.msgstr else '')}")
    return "\n".join(lines) + "\n"


def compile_mo(entries, header=HEADER):
    """GNU MO bytes for the translated, non-fuzzy entries (what `msgfmt` writes, without a hash table)."""
    messages = {"": "".join(f"{name}: {value}\n" for name, value in header.items())}
    for entry in entries:
        if not entry.msgid or not entry.translated:
            continue
        key = entry.msgid if entry.msgid_plural is None else f"{entry.msgid}\0{entry.msgid_plural}"
        if entry.msgctxt is not None:
            key = f"{entry.msgctxt}\x04{key}"
        messages[key] = "\0".join(entry.msgstr)
    keys = sorted(messages, key=lambda k: k.encode())
    ids = [key.encode() for key in keys]
    strs = [messages[key].encode() for key in keys]
    count = len(keys)
    start = 7 * 4 + 16 * count
    offsets, data = [], b""
    for text in ids:
        offsets.append((len(text), start + len(data)))
        data += text + b"\0"
    for text in strs:
        offsets.append((len(text), start + len(data)))
        data += text + b"\0"
    head = struct.pack("<7I", 0x950412DE, 0, count, 28, 28 + 8 * count, 0, start)
    table = b"".join(struct.pack("<2I", length, offset) for length, offset in offsets)
    return head + table + data


def public_catalogues():
    """The public site's catalogues in other languages (portal/locale/en), whose ids are the templates' Vietnamese."""
    return sorted(path for path in LOCALE_DIR.glob("*/LC_MESSAGES/*.po") if path.parent.parent.name != LANGUAGE)


def compile_po(path):
    """MO bytes of a catalogue kept by hand, with its own header (language, plural forms)."""
    entries = read_po(path)
    header = {}
    if entries and not entries[0].msgid:
        for line in entries[0].msgstr[0].splitlines():
            name, _, value = line.partition(":")
            if value:
                header[name.strip()] = value.strip()
    return compile_mo(entries, header)


def project_po(domain):
    return LOCALE_DIR / LANGUAGE / "LC_MESSAGES" / f"{domain}.po"


def project_entries(domain):
    path = project_po(domain)
    return [entry for entry in read_po(path) if entry.msgid] if path.exists() else []


def _source_in(locale_dir, domain):
    """The English catalogue of a locale folder, or any other language's (the ids are the same)."""
    locale_dir = Path(locale_dir)
    english = locale_dir / "en" / "LC_MESSAGES" / f"{domain}.po"
    if english.exists():
        return english
    return next(iter(sorted(locale_dir.glob(f"*/LC_MESSAGES/{domain}.po"))), None)


def catalogues(domain):
    """The catalogues the admin loads for a domain, in Django's merge order."""
    found = []
    if domain == "django":
        import django

        found.append(("django", Path(django.__file__).parent / "conf" / "locale"))
        found += [(config.name, Path(config.path) / "locale") for config in reversed(list(apps.get_app_configs()))]
    else:
        found += [(name, Path(find_spec(name).origin).parent / "locale") for name in JS_PACKAGES]
    result = []
    for label, locale_dir in found:
        if locale_dir.resolve() == _OWN_LOCALE:
            continue
        source = _source_in(locale_dir, domain)
        if source is not None:
            result.append(Catalogue(label, domain, source))
    return result


def runtime_catalogue(domain):
    """The merged catalogue Django actually serves for Vietnamese (compiled files, all sources)."""
    from django.utils.translation.trans_real import DjangoTranslation, translation

    if domain == "django":
        return translation(LANGUAGE)._catalog
    paths = [Path(find_spec(name).origin).parent / "locale" for name in JS_PACKAGES]
    return DjangoTranslation(LANGUAGE, domain=domain, localedirs=paths)._catalog


def runtime_translates(catalog, entry):
    prefix = f"{entry.msgctxt}\x04" if entry.msgctxt is not None else ""
    key = (prefix + entry.msgid, 0) if entry.msgid_plural is not None else prefix + entry.msgid
    try:
        return bool(catalog[key])
    except KeyError:
        return False


PLACEHOLDER = re.compile(r"%\(\w+\)[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGcou]|%[-#0+]*\d*(?:\.\d+)?[sdif]|\{\w*\}")
TAG = re.compile(r"</?([a-zA-Z][\w-]*)[^>]*>")


def placeholders(text):
    return sorted(match.group(0) for match in PLACEHOLDER.finditer(text))


def tags(text):
    return sorted(match.group(1).lower() for match in TAG.finditer(text))


def _edges(text):
    return (text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :])


def check_entry(entry):
    """Problems a translation has that would break the admin: lost or invented placeholders and tags."""
    problems = []
    if not entry.translated:
        return problems
    source_sets = [set(placeholders(entry.msgid))]
    if entry.msgid_plural is not None:
        source_sets.append(set(placeholders(entry.msgid_plural)))
    allowed = set().union(*source_sets)
    for text in entry.msgstr:
        found = set(placeholders(text))
        if found - allowed:
            problems.append(f"placeholder not in the English: {sorted(found - allowed)}")
        if entry.msgid_plural is None and found != source_sets[0]:
            problems.append(f"placeholders differ: {placeholders(entry.msgid)} → {placeholders(text)}")
        positional = [p for p in placeholders(entry.msgid_plural or entry.msgid) if not p.startswith(("%(", "{"))]
        if positional and len([p for p in placeholders(text) if not p.startswith(("%(", "{"))]) != len(positional):
            problems.append("positional placeholders differ")
        if tags(text) != tags(entry.msgid):
            problems.append(f"HTML tags differ: {tags(entry.msgid)} → {tags(text)}")
        if _edges(entry.msgid) != _edges(text):
            problems.append("leading or trailing white space differs")
    return problems


def upstream_translation(catalogue, entry):
    """The package's own Vietnamese for an entry, when it has one (a starting point for new ids)."""
    vi = catalogue.source.parent.parent.parent / LANGUAGE / "LC_MESSAGES" / f"{catalogue.domain}.po"
    found = _translated_entries(vi).get(entry.key) if vi.exists() else None
    return list(found.msgstr[:1]) if found is not None else None


@functools.cache
def _translated_entries(path):
    return {entry.key: entry for entry in read_po(path) if entry.msgid and entry.translated}


def merge(domain, existing):
    """The project's entries for a domain after an upgrade: every source id, ours kept, new ones added.

    Returns (entries, added, removed). A new id takes the package's own Vietnamese when there is one,
    marked fuzzy (unused) until a person checks it against the glossary.
    """
    ours = {entry.key: entry for entry in existing}
    merged, added = {}, {}
    for catalogue in sorted(catalogues(domain), key=lambda c: (not c.label.startswith("wagtail"), c.label)):
        for source in catalogue.entries():
            entry = merged.get(source.key)
            if entry is None:
                mine = ours.get(source.key)
                flags = [flag for flag in source.flags if flag != "fuzzy"]
                entry = Entry(source.msgid, source.msgid_plural, source.msgctxt, [""], flags, [*source.notes, "nguồn:"])
                if mine is not None:
                    entry.msgstr = mine.msgstr[:1] or [""]
                    entry.flags += ["fuzzy"] if mine.fuzzy else []
                else:
                    added[source.key] = entry
                merged[source.key] = entry
            entry.notes[-1] += f" {catalogue.label},"
            if source.key in added and entry.msgstr == [""]:
                upstream = upstream_translation(catalogue, source)
                if upstream:
                    entry.msgstr, entry.flags = upstream, [*entry.flags, "fuzzy"]
    for entry in merged.values():
        entry.notes[-1] = entry.notes[-1].rstrip(",")
    removed = [entry for key, entry in ours.items() if key not in merged]
    return list(merged.values()), list(added.values()), removed
