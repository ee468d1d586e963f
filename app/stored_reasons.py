"""Reading back a reason an outbox stored with `app.messages.to_json`: the publishing and minting outboxes keep why a
job or a mint is where it is as a message id with its parameters, so it is said in the person's language.

A stored row is data from disk: it may come from an older version (an English sentence), be damaged, or be huge.
None of that may stop a list of jobs from showing, so `from_stored` never raises: what is not a stored message is an
id-less message showing the text as is. The parse goes through app/safejson with a small size and depth limit.
"""

from __future__ import annotations

from typing import Mapping

from app import safejson
from app.messages import Message, Msg, as_message, message_from_json

MAX_STORED_CHARS = 64 * 1024  # a reason is a sentence or two; anything longer is not one this app wrote
MAX_DEPTH = 16  # a reason nests a message or two inside another


def from_stored(text: object, legacy: Mapping[str, Msg] | None = None) -> Message:
    """The Message a stored reason holds. `legacy` maps exact sentences older versions stored, and code once compared
    (the publishing outbox's "waiting for the network"), to the message they stood for."""
    text = text if isinstance(text, str) else ""
    if legacy and text in legacy:
        return legacy[text]()
    if text.startswith("{") and len(text) <= MAX_STORED_CHARS:
        try:
            value = safejson.loads(text, safejson.STORED_REASON(), max_bytes=MAX_STORED_CHARS, max_depth=MAX_DEPTH)
        except safejson.BadJSON:
            value = None
        parsed = message_from_json(value)
        if parsed is not None:
            return parsed
    return as_message(text)
