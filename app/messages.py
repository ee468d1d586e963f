"""Messages for people, with ids: the core says *which* message and its parameters, a front end says it in the
person's language.

    LOCKED = Msg("storage.locked", "Another program is using the design library in {folder}.")
    raise StorageError(LOCKED(folder=str(path)), details)

    error.msg.id == "storage.locked"; error.msg.params == {"folder": ...}
    str(error) == error.message == the English sentence (the default rendering, and what logs keep)

Code decides on ids, never on display text. A front end installs a translator (`set_translator`) that takes an id
and its English template and returns the template in the person's language (Qt's `QCoreApplication.translate`
with the id as the context's disambiguation); parameters are filled in afterwards, so a translation may move them.
Every `Msg` registers itself in `CATALOGUE`, which is what translation tools and the tests read.
"""

from __future__ import annotations

import json
import logging
import string
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Callable, Mapping

log = logging.getLogger(__name__)

CATALOGUE: dict[str, str] = {}  # message id -> English template
DEFINED_IN: dict[str, str] = {}  # message id -> the module that made its Msg (translation tools keep app.*'s)
Translator = Callable[[str, str], str]  # (id, English template) -> template in the person's language

MomentFormatter = Callable[[datetime], str]  # a datetime parameter -> how the person reads it
_MONTHS = "January February March April May June July August September October November December".split()

_translator: Translator | None = None
_moment_formatter: MomentFormatter | None = None


def set_translator(translator: Translator | None) -> None:
    global _translator
    _translator = translator


def set_moment_formatter(formatter: MomentFormatter | None) -> None:
    """How a front end shows a moment (a `datetime` parameter) in its person's locale and time zone; the core never
    formats one into a sentence itself. Without one, `english_moment`."""
    global _moment_formatter
    _moment_formatter = formatter


def english_moment(moment: datetime) -> str:
    """The default rendering, also what logs keep: "1 January 2100 at 00:00 UTC" (a naive datetime is taken as UTC)."""
    utc = moment.astimezone(UTC) if moment.tzinfo is not None else moment
    return f"{utc.day} {_MONTHS[utc.month - 1]} {utc.year} at {utc:%H:%M} UTC"


@dataclass(frozen=True)
class Message:
    id: str
    template: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.render()

    def english(self) -> str:
        """The English sentence, nested messages included (what logs and `str(error)` keep)."""
        params = {k: v.english() if isinstance(v, Message) else v for k, v in self.params.items()}
        params = {k: english_moment(v) if isinstance(v, datetime) else v for k, v in params.items()}
        return _fill(self.template, params, self.id)

    def render(self) -> str:
        """In the language the front end chose (English without a translator)."""
        template = self.template
        if _translator is not None:
            try:
                template = _translator(self.id, self.template) or self.template
            except Exception:  # noqa: BLE001 - a broken translation must not hide the message
                log.exception("translating %s failed", self.id)
        shown = _moment_formatter or english_moment
        params = {k: shown(v) if isinstance(v, datetime) else v for k, v in self.params.items()}
        return _fill(template, params, self.id)


class Msg:
    """A message's id and English template; calling it with the parameters makes the `Message`."""

    def __init__(self, id: str, template: str) -> None:
        known = CATALOGUE.get(id)
        if known is not None and known != template:
            raise ValueError(f"message id {id!r} is already used for another sentence")
        CATALOGUE[id] = template
        DEFINED_IN.setdefault(id, sys._getframe(1).f_globals.get("__name__", ""))
        self.id, self.template = id, template

    def __call__(self, **params: Any) -> Message:
        return Message(self.id, self.template, params)

    def __eq__(self, other: object) -> bool:  # `error.msg == LOCKED`-style checks compare ids
        if isinstance(other, Message):
            return other.id == self.id
        return isinstance(other, Msg) and other.id == self.id

    def __hash__(self) -> int:
        return hash(self.id)


def _fill(template: str, params: Mapping[str, Any], id: str) -> str:
    try:
        return string.Formatter().vformat(template, (), dict(params))
    except (KeyError, IndexError, ValueError, TypeError, OverflowError):
        # a parameter missing, or of a kind its format cannot show (None for "{guidance:g}", an int past any float):
        # a message from another program (a generation server's) may carry anything
        log.warning("message %s is missing a parameter or has one it cannot show: %s", id, sorted(params))
        return template


def as_message(value: "str | Message | Msg", id: str = "plain") -> Message:
    """A Message for `value`; a plain string (not yet given an id) becomes an id-less message shown as is."""
    if isinstance(value, Message):
        return value
    if isinstance(value, Msg):  # a message without parameters, passed uncalled
        return value()
    return Message(id, "{text}", {"text": value})


# --- messages kept on disk (the outboxes' reasons) ----------------------------------------------------------------
# A stored reason is JSON, {"id": ..., "params": {...}}, so it is said in whichever language the person reads it in.
# Reading one back (guarded parse, rows from older versions) is app/stored_reasons.py: this module imports nothing.
_MOMENT = "$moment"  # marks a datetime parameter, kept as an ISO string


def to_json(message: "Message | Msg | str") -> str:
    """The text to store for `message`: JSON with its id and parameters when the id is catalogued, else (an id-less
    message, a plain string) its English words, which is all a later reading could show anyway."""
    message = as_message(message)
    if message.id not in CATALOGUE:
        return message.english()
    return json.dumps({"id": message.id, "params": _params_to_json(message.params)}, ensure_ascii=False)


def _params_to_json(params: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in params.items():
        if isinstance(value, Message):
            known = value.id in CATALOGUE
            out[key] = {"id": value.id, "params": _params_to_json(value.params)} if known else value.english()
        elif isinstance(value, datetime):
            out[key] = {_MOMENT: value.isoformat()}
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            out[key] = value
        else:
            out[key] = str(value)
    return out


def message_from_json(value: Any) -> Message | None:
    """The Message `to_json` stored as `value` (already parsed), or None when it is not one this version knows."""
    if not (isinstance(value, dict) and isinstance(value.get("id"), str) and value["id"] in CATALOGUE):
        return None
    raw = value.get("params", {})
    if not isinstance(raw, dict):
        return None
    params: dict[str, Any] = {}
    for key, param in raw.items():
        if isinstance(param, dict) and set(param) == {_MOMENT} and isinstance(param[_MOMENT], str):
            params[str(key)] = _moment_from_json(param[_MOMENT])
        elif isinstance(param, dict):
            nested = message_from_json(param)
            params[str(key)] = nested if nested is not None else json.dumps(param)
        elif isinstance(param, (str, int, float)):
            params[str(key)] = param
        else:
            params[str(key)] = json.dumps(param)
    return Message(value["id"], CATALOGUE[value["id"]], params)


def _moment_from_json(text: str) -> datetime | str:
    """The datetime a stored moment holds, or the text as is when it is none, or one at the calendar's edge that no
    time zone could show (0001-01-01 at +14:00 is in the year 0 in UTC)."""
    try:
        moment = datetime.fromisoformat(text)
        utc = moment.astimezone(UTC) if moment.tzinfo is not None else moment
    except (ValueError, OverflowError):
        return text
    return moment if 1 < utc.year < 9999 else text  # a day's margin for any local time zone
