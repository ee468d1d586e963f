"""What the wallet says, kept as *what to say* rather than as words, so a language change says it again.

A view-model that keeps a rendered sentence would go on showing it in the language it was made in; `Words` (one of
the wallet's own sentences, with its values) and `Notice` (a message with details and severity, the core's or the
wallet's) render when read. `Notice` also reads as the (message, details, severity) tuple the banners take.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from app.errors import UserFacingError
from app.messages import Message
from ui.i18n import translate
from ui.widgets.dates import time_text

CONTEXT = "WalletViewModel"
# The built-in networks by key: their names read in the person's language; a custom node keeps the name it was given.
NETWORK_NAMES = {
    "sandbox": QT_TRANSLATE_NOOP("WalletWords", "Sandbox"),
    "kairos": QT_TRANSLATE_NOOP("WalletWords", "Kairos Testnet"),
    "mainnet": QT_TRANSLATE_NOOP("WalletWords", "Kaia Mainnet"),
}
NETWORK_CHOICES = {
    "sandbox": QT_TRANSLATE_NOOP("WalletWords", "Sandbox (test)"),
    "kairos": QT_TRANSLATE_NOOP("WalletWords", "Kairos testnet"),
    "mainnet": QT_TRANSLATE_NOOP("WalletWords", "Kaia Mainnet"),
    "custom": QT_TRANSLATE_NOOP("WalletWords", "Custom node"),
}


@dataclass(frozen=True)
class Words:
    """One of the wallet's sentences (its English, marked with QT_TRANSLATE_NOOP under `context`) and its values;
    a value that is a moment (`at`) is shown as a time in the person's locale."""

    source: str
    params: tuple[tuple[str, Any], ...] = ()
    context: str = CONTEXT
    at: float | None = None  # filled in as {time}

    def render(self) -> str:
        values = dict(self.params)
        if self.at is not None:
            values["time"] = time_text(self.at)
        return translate(self.context, self.source).format(**values)

    def __str__(self) -> str:
        return self.render()


def words(source: str, context: str = CONTEXT, *, at: float | None = None, **params: Any) -> Words:
    return Words(source, tuple(params.items()), context, at)


@dataclass(frozen=True)
class Notice:
    """A message for a banner: `message` (a core Message or the wallet's Words) rendered each time it is read."""

    message: Message | Words | str
    details: str = ""
    severity: str = "error"

    def _rendered(self) -> tuple[str, str, str]:
        message = self.message if isinstance(self.message, str) else self.message.render()
        return message, self.details, self.severity

    def __getitem__(self, index):
        return self._rendered()[index]

    def __iter__(self):
        return iter(self._rendered())

    def __len__(self) -> int:
        return 3


def notice_for(error: BaseException, fallback: Words, severity: str = "error") -> Notice:
    """What a person may read about `error`: its own words when it was written for them (a UserFacingError), else
    `fallback`, with the exception only behind "Show details"."""
    if isinstance(error, UserFacingError):
        return Notice(error.msg, error.details, severity)
    return Notice(fallback, "".join(traceback.format_exception(type(error), error, error.__traceback__)), severity)


def network_name(network) -> str:
    source = NETWORK_NAMES.get(network.key)
    return translate("WalletWords", source) if source and network.name == source else network.name


def network_label(network) -> str:
    """The network's name, and for one without real money, that it is not real money."""
    if network.real_money:
        return network_name(network)
    return translate("WalletWords", "{network} · not real money").format(network=network_name(network))


def choice_label(key: str, given: str) -> str:
    """A network choice of the picker, in the person's language (`given` for one the wallet does not know)."""
    source = NETWORK_CHOICES.get(key)
    return translate("WalletWords", source) if source else given
