"""A service address typed in Settings, checked by the core (app/urls.py) and refused in the person's language.

The core names the service by its English key ("custom node"), which also picks the example it offers; the sentence
the person reads names it in their language instead."""

from __future__ import annotations

import dataclasses

from app.errors import InputError
from app.urls import check_service_url


def checked_service_address(text: str, service: str, name: str) -> str:
    """`check_service_url(text, service)`, with `name` (the service in the current language) in its refusal."""
    try:
        return check_service_url(text, service)
    except InputError as exc:
        if "what" not in exc.msg.params:
            raise
        message = dataclasses.replace(exc.msg, params={**exc.msg.params, "what": name})
        raise InputError(message, exc.details) from None
