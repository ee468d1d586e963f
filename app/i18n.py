"""The person's language, for the core: which one it is, and the core's messages said in it.

Core messages are translated by id (app/messages.py): each language's translations live in Qt Linguist files,
`resources/i18n/<lang>/core_*.ts`, one `<message>` per id (the id is the message's `<comment>`, the English template
its `<source>`), so one tool edits the window's strings and the core's. The window's own strings are Qt's business
(ui/i18n.py); this module serves both front ends, the command line included, and never imports Qt.

A translation file is read through one guarded path (`read_ts`): a file that is too big, not XML or not a Linguist
file is logged and left out, and the person reads English rather than a crash.
"""

from __future__ import annotations

import logging
import os
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

from app import messages, paths

log = logging.getLogger(__name__)

LANGUAGES: tuple[str, ...] = ("en", "ko")  # English is the source language: it needs no file
NAMES = {"en": "English", "ko": "한국어"}  # each language in its own words, as a switch shows it
CHOICES: tuple[str, ...] = ("system", *LANGUAGES)  # what Settings offers; "system" follows the computer
MAX_TS_BYTES = 4 * 1024 * 1024
_PLACEHOLDER = re.compile(r"{(\w*)[^{}]*}")

_language = "en"


@dataclass(frozen=True)
class TsMessage:
    context: str
    source: str
    comment: str  # the disambiguation; for a core message, its id
    translation: str
    kind: str  # "" (finished), "unfinished", "vanished" or "obsolete"
    numerus: tuple[str, ...] = ()  # plural forms, for a message with %n


def i18n_dir() -> Path:
    return paths.resource("i18n")


def system_language(environ: "os._Environ[str] | dict[str, str] | None" = None) -> str:
    """The language the computer speaks, from the POSIX locale variables (the window asks Qt instead, which also
    knows Windows' and macOS's settings). Anything but Korean reads English."""
    env = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return from_locale_name(value.split(":")[0])
    return "en"


def from_locale_name(name: str) -> str:
    """ "ko_KR.UTF-8", "ko-KR", "ko" → "ko"; every other locale → "en"."""
    code = name.strip().replace("-", "_").split("_")[0].split(".")[0].lower()
    return code if code in LANGUAGES else "en"


def resolve(setting: str, system: str | None = None) -> str:
    """The language to show for a Settings choice ("system", "en" or "ko")."""
    if setting in LANGUAGES:
        return setting
    return from_locale_name(system) if system else system_language()


def language() -> str:
    return _language


def set_language(lang: str) -> str:
    """Core messages from now on in `lang` (an unknown code reads English); returns the language now in use."""
    global _language
    _language = lang if lang in LANGUAGES else "en"
    if _language == "en":
        messages.set_translator(None)
    else:
        table = core_catalogue(_language)
        messages.set_translator(lambda id, template: table.get(id, template))
    return _language


def moment(when: datetime, lang: str | None = None) -> str:
    """A moment as the command line says it (the window formats through QLocale): UTC, in the person's order."""
    lang = lang or _language
    utc = when.astimezone(UTC) if when.tzinfo is not None else when
    if lang == "ko":
        return f"{utc.year}년 {utc.month}월 {utc.day}일 {utc:%H:%M} UTC"
    return messages.english_moment(utc)


@lru_cache(maxsize=None)
def core_catalogue(lang: str) -> dict[str, str]:
    """id → template in `lang`, from every finished core message of that language's files. A translation whose
    placeholders differ from the English template's is left out (it would lose or invent a value)."""
    table: dict[str, str] = {}
    for path in sorted((i18n_dir() / lang).glob("core_*.ts")):
        for entry in read_ts(path):
            if entry.kind or not entry.translation or not entry.comment:
                continue
            template = messages.CATALOGUE.get(entry.comment, entry.source)
            if placeholders(entry.translation) != placeholders(template):
                log.warning("%s: %s has other placeholders than its English; left in English", path, entry.comment)
                continue
            table[entry.comment] = entry.translation
    return table


def placeholders(template: str) -> set[str]:
    return {m.group(1) for m in _PLACEHOLDER.finditer(template.replace("{{", "").replace("}}", ""))}


def read_ts(path: Path) -> list[TsMessage]:
    """Every message of a Qt Linguist file; [] (and a log line) for a file that cannot be one."""
    try:
        if path.stat().st_size > MAX_TS_BYTES:
            log.warning("%s is larger than a translation file can be; left out", path)
            return []
        root = ET.fromstring(path.read_bytes())
    except (OSError, ET.ParseError, LookupError, ValueError) as exc:  # the XML declaration's encoding names a codec
        log.warning("translation file %s cannot be read: %s", path, exc)
        return []
    if root.tag != "TS":
        log.warning("%s is not a Qt Linguist file; left out", path)
        return []
    out: list[TsMessage] = []
    for context in root.findall("context"):  # children only: nested ones would make the walk quadratic
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            translation = message.find("translation")
            numerus = (
                tuple((f.text or "") for f in translation.findall("numerusform")) if translation is not None else ()
            )
            out.append(
                TsMessage(
                    context=name,
                    source=message.findtext("source") or "",
                    comment=message.findtext("comment") or "",
                    translation=(translation.text or "") if translation is not None else "",
                    kind=(translation.get("type") or "") if translation is not None else "unfinished",
                    numerus=numerus,
                )
            )
    return out
