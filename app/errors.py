"""Errors whose message is written for the person using the app: a plain sentence and what to do next."""

from __future__ import annotations


class UserFacingError(Exception):
    """`str(error)` is shown as is; `details` goes behind "Show details"."""

    def __init__(self, message: str, details: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.details = details


class InputError(UserFacingError, ValueError):
    """Something typed or chosen that cannot be used as it is. The message says what to change; it never quotes
    the input. A ValueError too, so code that checks input with `except ValueError` keeps working."""


class RequestError(UserFacingError, ValueError):
    """A generation request that cannot run as given."""


class ModelError(UserFacingError):
    """A model file or folder that cannot be used."""


class StorageError(UserFacingError):
    """The data folder cannot be written."""
