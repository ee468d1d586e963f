"""Errors whose message is written for the person using the app: a plain sentence and what to do next.

The sentence is an `app.messages.Message` (an id and its parameters), so a front end can say it in the person's
language; `.message` renders it, `str(error)` stays the English sentence (what logs keep). See docs/ARCHITECTURE.md,
"Messages".
"""

from __future__ import annotations

from app.messages import Message, as_message


class UserFacingError(Exception):
    """`error.message` is shown as is (translated once a front end installs a translator); `error.msg` is the id
    and parameters behind it; `details` goes behind "Show details". A plain str message is an id-less message."""

    def __init__(self, message: str | Message, details: str = "") -> None:
        self.msg: Message = as_message(message)
        super().__init__(self.msg.english())
        self.details = details

    @property
    def message(self) -> str:
        return self.msg.render()

    @message.setter
    def message(self, value: str | Message) -> None:
        self.msg = as_message(value)


class InputError(UserFacingError, ValueError):
    """Something typed or chosen that cannot be used as it is. The message says what to change; it never quotes
    the input. A ValueError too, so code that checks input with `except ValueError` keeps working."""


class RequestError(UserFacingError, ValueError):
    """A generation request that cannot run as given."""


class ModelError(UserFacingError):
    """A model file or folder that cannot be used."""


class StorageError(UserFacingError):
    """The data folder cannot be written."""
